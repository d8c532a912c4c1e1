"""``AsyncClient``: the same calls as coroutines. Each call runs on a daemon thread of its
own; the native client releases the GIL while it waits on the network, so calls in flight
overlap and the event loop never blocks.

Daemon threads, not a ``ThreadPoolExecutor``: the executor's threads are joined when the
interpreter exits, so Ctrl-C under ``asyncio.run`` would wait for every call in flight
(up to about 91 s with the defaults). A cancelled task cancels its call: no attempt starts
after that, and one whose request may already have left finishes in the background."""

from __future__ import annotations

import asyncio
import threading
from types import TracebackType
from typing import Any, AsyncIterator, Callable, Iterable, Mapping, Optional, TypeVar, Union

from iovox._models import Link, PurchaseItem
from iovox._native import Client, Order, Page, RawResponse, _Cancel

T = TypeVar("T")


def _settle(future: asyncio.Future[Any], result: Any, error: Optional[BaseException]) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class AsyncClient:
    """An asyncio client. Takes the arguments of ``iovox.Client``, and ``max_concurrency``:
    how many calls may be in flight at once (the rest wait their turn)."""

    def __init__(
        self,
        username: Optional[str] = None,
        secure_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        retries: Optional[int] = None,
        retry_purchase_after_send: bool = False,
        ca_file: Optional[str] = None,
        max_concurrency: int = 32,
    ) -> None:
        if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int) or max_concurrency < 1:
            from iovox._errors import ConfigError

            raise ConfigError(f"max_concurrency must be a whole number of at least 1, not {max_concurrency!r}")
        self._client = Client(
            username,
            secure_key,
            base_url,
            timeout=timeout,
            connect_timeout=connect_timeout,
            retries=retries,
            retry_purchase_after_send=retry_purchase_after_send,
            ca_file=ca_file,
        )
        self._max_concurrency = max_concurrency
        self._slots: Optional[asyncio.Semaphore] = None
        self._in_flight: set[asyncio.Future[Any]] = set()

    @property
    def username(self) -> str:
        return self._client.username

    @property
    def base_url(self) -> str:
        return self._client.base_url

    async def _run(self, call: Callable[[_Cancel], T]) -> T:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self._max_concurrency)
        loop = asyncio.get_running_loop()
        async with self._slots:
            future: asyncio.Future[T] = loop.create_future()
            cancel = _Cancel()

            def work() -> None:
                try:
                    result: Any = call(cancel)
                    error: Optional[BaseException] = None
                except BaseException as e:  # handed to the awaiting task
                    result, error = None, e
                try:
                    loop.call_soon_threadsafe(_settle, future, result, error)
                except RuntimeError:
                    pass  # the loop is closed: nobody is waiting any more

            threading.Thread(target=work, name="iovox-async", daemon=True).start()
            self._in_flight.add(future)
            try:
                return await future
            except asyncio.CancelledError:
                cancel.cancel()
                raise
            finally:
                self._in_flight.discard(future)

    async def purchase_vox_numbers(
        self,
        items: Iterable[Union[PurchaseItem, Mapping[str, Any]]],
        *,
        callback_url: Optional[str] = None,
        cc_list: Union[str, Iterable[str], None] = None,
        dynamic_quantity: Optional[bool] = None,
        allow_unauthenticated_callbacks: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> Order:
        """See ``Client.purchase_vox_numbers``."""
        items = list(items)
        return await self._run(
            lambda cancel: self._client.purchase_vox_numbers(
                items,
                callback_url=callback_url,
                cc_list=cc_list,
                dynamic_quantity=dynamic_quantity,
                allow_unauthenticated_callbacks=allow_unauthenticated_callbacks,
                timeout=timeout,
                _cancel=cancel,
            )
        )

    async def attach_voxnumber_to_link(
        self, links: Iterable[Union[Link, Mapping[str, Any]]], *, timeout: Optional[float] = None
    ) -> None:
        """See ``Client.attach_voxnumber_to_link``."""
        links = list(links)
        await self._run(lambda cancel: self._client.attach_voxnumber_to_link(links, timeout=timeout, _cancel=cancel))

    async def remove_voxnumber_from_link(
        self, link_ids: Iterable[Union[str, int]], *, timeout: Optional[float] = None
    ) -> None:
        """See ``Client.remove_voxnumber_from_link``."""
        ids = list(link_ids) if not isinstance(link_ids, str) else link_ids
        await self._run(
            lambda cancel: self._client.remove_voxnumber_from_link(ids, timeout=timeout, _cancel=cancel)
        )

    async def get_voxnumber_regions(self, *, timeout: Optional[float] = None, **arguments: Any) -> Page:
        """See ``Client.get_voxnumber_regions``."""
        return await self._run(
            lambda cancel: self._client.get_voxnumber_regions(timeout=timeout, _cancel=cancel, **arguments)
        )

    async def get_voxnumbers(self, *, timeout: Optional[float] = None, **arguments: Any) -> Page:
        """See ``Client.get_voxnumbers``."""
        return await self._run(lambda cancel: self._client.get_voxnumbers(timeout=timeout, _cancel=cancel, **arguments))

    async def get_links(self, *, timeout: Optional[float] = None, **arguments: Any) -> Page:
        """See ``Client.get_links``."""
        return await self._run(lambda cancel: self._client.get_links(timeout=timeout, _cancel=cancel, **arguments))

    async def _pages(self, fetch: Callable[..., Any], arguments: dict[str, Any]) -> AsyncIterator[Any]:
        page_number = arguments.pop("page", None) or 1
        while True:
            page = await fetch(page=page_number, **arguments)
            for result in page.results:
                yield result
            if not page.has_next or not page.results:
                return
            page_number += 1

    def iter_voxnumber_regions(self, *, timeout: Optional[float] = None, **arguments: Any) -> AsyncIterator[Any]:
        """Every region, page after page, fetched as the loop reads them (``async for``)."""
        return self._pages(lambda **a: self.get_voxnumber_regions(timeout=timeout, **a), arguments)

    def iter_voxnumbers(self, *, timeout: Optional[float] = None, **arguments: Any) -> AsyncIterator[Any]:
        """Every number of the account, page after page, one page in memory at a time
        (``async for``)."""
        return self._pages(lambda **a: self.get_voxnumbers(timeout=timeout, **a), arguments)

    def iter_links(self, *, timeout: Optional[float] = None, **arguments: Any) -> AsyncIterator[Any]:
        """Every link of the account, page after page (``async for``)."""
        return self._pages(lambda **a: self.get_links(timeout=timeout, **a), arguments)

    async def delete_voxnumbers_from_account(
        self,
        full_voxnumbers: Union[str, Iterable[Union[str, int]]],
        *,
        rm_if_in_use: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_voxnumbers_from_account``."""
        numbers = full_voxnumbers if isinstance(full_voxnumbers, str) else list(full_voxnumbers)
        await self._run(
            lambda cancel: self._client.delete_voxnumbers_from_account(
                numbers, rm_if_in_use=rm_if_in_use, timeout=timeout, _cancel=cancel
            )
        )

    async def raw_request(
        self,
        interface: str,
        method: str,
        verb: str,
        *,
        query: Any = None,
        body: Union[str, bytes, None] = None,
        safe_to_repeat: bool = False,
        timeout: Optional[float] = None,
    ) -> RawResponse:
        """See ``Client.raw_request``."""
        return await self._run(
            lambda cancel: self._client.raw_request(
                interface,
                method,
                verb,  # type: ignore[arg-type]
                query=query,
                body=body,
                safe_to_repeat=safe_to_repeat,
                timeout=timeout,
                _cancel=cancel,
            )
        )

    async def close(self) -> None:
        """Waits for calls in flight, then lets go of the connections; later calls raise
        ``ConfigError``."""
        if self._in_flight:
            await asyncio.wait(list(self._in_flight))
        self._client.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"AsyncClient(username={self.username!r}, base_url={self.base_url!r})"
