"""``AsyncClient``: the same calls as coroutines. Each call runs on a thread of the
client's own pool; the native client releases the GIL while it waits on the network, so
calls in flight overlap and the event loop never blocks."""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import Any, Callable, Iterable, Mapping, Optional, TypeVar, Union

from iovox._models import Link, PurchaseItem
from iovox._native import Client, Order

T = TypeVar("T")


class AsyncClient:
    """An asyncio client. Takes the arguments of ``iovox.Client``, and ``max_concurrency``:
    how many calls may be in flight at once (the rest wait their turn)."""

    def __init__(
        self,
        username: Optional[str] = None,
        secure_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: float = 30.0,
        connect_timeout: float = 10.0,
        retries: int = 2,
        retry_purchase_after_send: bool = False,
        max_concurrency: int = 32,
    ) -> None:
        self._client = Client(
            username,
            secure_key,
            base_url,
            timeout=timeout,
            connect_timeout=connect_timeout,
            retries=retries,
            retry_purchase_after_send=retry_purchase_after_send,
        )
        self._pool = ThreadPoolExecutor(max_workers=max_concurrency, thread_name_prefix="iovox")

    @property
    def username(self) -> str:
        return self._client.username

    @property
    def base_url(self) -> str:
        return self._client.base_url

    async def _run(self, call: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, call)

    async def purchase_vox_numbers(
        self,
        items: Iterable[Union[PurchaseItem, Mapping[str, Any]]],
        *,
        callback_url: Optional[str] = None,
        cc_list: Union[str, Iterable[str], None] = None,
        dynamic_quantity: Optional[bool] = None,
    ) -> Order:
        """See ``Client.purchase_vox_numbers``."""
        items = list(items)
        return await self._run(
            functools.partial(
                self._client.purchase_vox_numbers,
                items,
                callback_url=callback_url,
                cc_list=cc_list,
                dynamic_quantity=dynamic_quantity,
            )
        )

    async def attach_voxnumber_to_link(self, links: Iterable[Union[Link, Mapping[str, Any]]]) -> None:
        """See ``Client.attach_voxnumber_to_link``."""
        links = list(links)
        await self._run(functools.partial(self._client.attach_voxnumber_to_link, links))

    async def close(self) -> None:
        """Waits for calls in flight, then lets go of the connections."""
        await asyncio.get_running_loop().run_in_executor(None, self._pool.shutdown)
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
