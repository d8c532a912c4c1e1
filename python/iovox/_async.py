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
from typing import Any, AsyncIterator, Callable, Generic, Iterable, Literal, Mapping, Optional, Sequence, TypeVar, Union

_Fields = Union[str, Sequence[str], None]

from iovox._models import Link, PurchaseItem
from iovox import _native
from iovox._native import Client, Order, Page, PageIterator, RawResponse, _Cancel

T = TypeVar("T")


def _settle(future: asyncio.Future[Any], result: Any, error: Optional[BaseException]) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class AsyncPageIterator(Generic[T]):
    """Every result of a list method, page after page, as ``async for`` reads them; or each
    whole page with its totals (``async for page in it.iter_pages()``). The paging loop is
    the native one (``iovox_http::ListPages``): each page is awaited on a thread of its own,
    and a cancelled task cancels that page's call."""

    def __init__(self, client: AsyncClient, pages: PageIterator[T]) -> None:
        self._client = client
        self._pages = pages
        self._buffer: list[T] = []

    def __aiter__(self) -> AsyncPageIterator[T]:
        return self

    async def next_page(self) -> Optional[Page[T]]:
        """The next whole page, or ``None`` after the last."""
        pages = self._pages
        return await self._client._run(lambda cancel: pages.next_page(_cancel=cancel))

    async def __anext__(self) -> T:
        while not self._buffer:
            page = await self.next_page()
            if page is None:
                raise StopAsyncIteration
            self._buffer = list(reversed(page.results))
        return self._buffer.pop()

    async def to_dataframe(self) -> Any:
        """Every result still to come as one pandas DataFrame (``pip install iovox[pandas]``)."""
        rows: list[Any] = [r async for r in self]
        try:
            import pandas  # type: ignore[import-not-found, import-untyped, unused-ignore]
        except ImportError as e:
            raise ImportError("to_dataframe needs pandas, an optional extra: pip install iovox[pandas]") from e
        return pandas.DataFrame([r.to_dict() for r in rows])

    async def iter_pages(self) -> AsyncIterator[Page[T]]:
        """Each whole page in turn. Call it before reading results one by one: a page
        already part-read cannot be given whole."""
        if self._buffer:
            raise RuntimeError(
                "iter_pages(): this iterator is part-way through a page; call iter_pages() before reading results one by one"
            )
        while True:
            page = await self.next_page()
            if page is None:
                return
            yield page

    def __repr__(self) -> str:
        return "<iovox.AsyncPageIterator>"


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
        max_response_bytes: Optional[int] = None,
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
            max_response_bytes=max_response_bytes,
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

    # <generated: client> (scripts/generate writes this region from the model)
    async def get_categories(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        parent_category_id: Optional[str] = None,
        req_fields: _Fields = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.Category]:
        """See ``Client.get_categories``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_categories(_cancel=cancel, **arguments))

    def iter_categories(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        parent_category_id: Optional[str] = None,
        req_fields: _Fields = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.Category]:
        """Every result of getCategories, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_categories(**arguments))

    async def get_category_id(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        label: Optional[str] = None,
        value: Optional[str] = None,
        delimiter: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.CategoryMatch]:
        """See ``Client.get_category_id``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_category_id(_cancel=cancel, **arguments))

    def iter_category_id(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        label: Optional[str] = None,
        value: Optional[str] = None,
        delimiter: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.CategoryMatch]:
        """Every result of getCategoryId, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_category_id(**arguments))

    async def get_contact_details(
        self,
        *,
        contact_id: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.ContactDetails]:
        """See ``Client.get_contact_details``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_contact_details(_cancel=cancel, **arguments))

    def iter_contact_details(
        self,
        *,
        contact_id: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.ContactDetails]:
        """Every result of getContactDetails, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_contact_details(**arguments))

    async def get_contacts(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        contact_id: Optional[str] = None,
        display_name: Optional[str] = None,
        company: Optional[str] = None,
        phone_number: Optional[str] = None,
        email: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.Contact]:
        """See ``Client.get_contacts``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_contacts(_cancel=cancel, **arguments))

    def iter_contacts(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        contact_id: Optional[str] = None,
        display_name: Optional[str] = None,
        company: Optional[str] = None,
        phone_number: Optional[str] = None,
        email: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.Contact]:
        """Every result of getContacts, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_contacts(**arguments))

    async def get_links(
        self,
        *,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.AccountLink]:
        """See ``Client.get_links``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_links(_cancel=cancel, **arguments))

    def iter_links(
        self,
        *,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.AccountLink]:
        """Every result of getLinks, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_links(**arguments))

    async def get_nodes(
        self,
        *,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        voxnumber: Optional[str] = None,
        rule_name: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.AccountNode]:
        """See ``Client.get_nodes``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_nodes(_cancel=cancel, **arguments))

    def iter_nodes(
        self,
        *,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        voxnumber: Optional[str] = None,
        rule_name: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.AccountNode]:
        """Every result of getNodes, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_nodes(**arguments))

    async def get_call_data(
        self,
        *,
        sdt: Optional[str] = None,
        edt: Optional[str] = None,
        dconst: Optional[str] = None,
        id: Optional[str] = None,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        ctype: Optional[str] = None,
        call_res: Optional[str] = None,
        rule_res: Optional[str] = None,
        call_origin: Optional[str] = None,
        call_origin_encoded: Optional[str] = None,
        voxnumber: Optional[str] = None,
        call_dest: Optional[str] = None,
        direction: Optional[str] = None,
        detail: Optional[str] = None,
        order: Optional[str] = None,
        req_fields: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.Call]:
        """See ``Client.get_call_data``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_call_data(_cancel=cancel, **arguments))

    def iter_call_data(
        self,
        *,
        sdt: Optional[str] = None,
        edt: Optional[str] = None,
        dconst: Optional[str] = None,
        id: Optional[str] = None,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        ctype: Optional[str] = None,
        call_res: Optional[str] = None,
        rule_res: Optional[str] = None,
        call_origin: Optional[str] = None,
        call_origin_encoded: Optional[str] = None,
        voxnumber: Optional[str] = None,
        call_dest: Optional[str] = None,
        direction: Optional[str] = None,
        detail: Optional[str] = None,
        order: Optional[str] = None,
        req_fields: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.Call]:
        """Every result of getCallData, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_call_data(**arguments))

    async def get_call_metrics(
        self,
        *,
        sdt: Optional[str] = None,
        edt: Optional[str] = None,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        call_res: Optional[str] = None,
        rule_res: Optional[str] = None,
        call_origin: Optional[str] = None,
        call_origin_encryption: Optional[str] = None,
        call_dest: Optional[str] = None,
        ctype: Optional[str] = None,
        detail: Optional[str] = None,
        voxnumber: Optional[str] = None,
        req_fields: Optional[str] = None,
        group_fields: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.CallMetrics]:
        """See ``Client.get_call_metrics``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_call_metrics(_cancel=cancel, **arguments))

    def iter_call_metrics(
        self,
        *,
        sdt: Optional[str] = None,
        edt: Optional[str] = None,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        call_res: Optional[str] = None,
        rule_res: Optional[str] = None,
        call_origin: Optional[str] = None,
        call_origin_encryption: Optional[str] = None,
        call_dest: Optional[str] = None,
        ctype: Optional[str] = None,
        detail: Optional[str] = None,
        voxnumber: Optional[str] = None,
        req_fields: Optional[str] = None,
        group_fields: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.CallMetrics]:
        """Every result of getCallMetrics, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_call_metrics(**arguments))

    async def get_call_flows(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        template_name: Optional[str] = None,
        template_type: Optional[str] = None,
        advanced: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.CallFlowInfo]:
        """See ``Client.get_call_flows``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_call_flows(_cancel=cancel, **arguments))

    def iter_call_flows(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        template_name: Optional[str] = None,
        template_type: Optional[str] = None,
        advanced: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.CallFlowInfo]:
        """Every result of getCallFlows, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_call_flows(**arguments))

    async def get_rule_templates(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        template_name: Optional[str] = None,
        template_type: Optional[Literal["DEFAULT", "CUSTOM", "ALL"]] = None,
        advanced: Optional[Literal["YES", "NO"]] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.RuleTemplate]:
        """See ``Client.get_rule_templates``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_rule_templates(_cancel=cancel, **arguments))

    def iter_rule_templates(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        template_name: Optional[str] = None,
        template_type: Optional[Literal["DEFAULT", "CUSTOM", "ALL"]] = None,
        advanced: Optional[Literal["YES", "NO"]] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.RuleTemplate]:
        """Every result of getRuleTemplates, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_rule_templates(**arguments))

    async def get_sound_files(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        sound_label: Optional[str] = None,
        sound_group: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.SoundFileInfo]:
        """See ``Client.get_sound_files``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_sound_files(_cancel=cancel, **arguments))

    def iter_sound_files(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        sound_label: Optional[str] = None,
        sound_group: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.SoundFileInfo]:
        """Every result of getSoundFiles, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_sound_files(**arguments))

    async def get_countries(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.Country]:
        """See ``Client.get_countries``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_countries(_cancel=cancel, **arguments))

    def iter_countries(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.Country]:
        """Every result of getCountries, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_countries(**arguments))

    async def get_voxnumber_regions(
        self,
        *,
        number_type: Optional[Literal["NATIONAL", "GEOGRAPHIC", "TOLLFREE"]] = None,
        country_code: Optional[int] = None,
        area_code: Optional[int] = None,
        req_fields: _Fields = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.VoxnumberRegion]:
        """See ``Client.get_voxnumber_regions``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_voxnumber_regions(_cancel=cancel, **arguments))

    def iter_voxnumber_regions(
        self,
        *,
        number_type: Optional[Literal["NATIONAL", "GEOGRAPHIC", "TOLLFREE"]] = None,
        country_code: Optional[int] = None,
        area_code: Optional[int] = None,
        req_fields: _Fields = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.VoxnumberRegion]:
        """Every result of getVoxnumberRegions, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_voxnumber_regions(**arguments))

    async def get_voxnumbers(
        self,
        *,
        voxnumber: Union[str, int, None] = None,
        voxnumber_type: Optional[Literal["LOCAL", "NATIONAL"]] = None,
        voxnumber_country: Optional[str] = None,
        voxnumber_city: Optional[str] = None,
        assigned_status: Optional[Literal["ASSIGNED", "UNASSIGNED"]] = None,
        call_status: Optional[Literal["ON", "NO RULES", "ACTIVE", "OFF"]] = None,
        link_id: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Page[_native.AccountVoxnumber]:
        """See ``Client.get_voxnumbers``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_voxnumbers(_cancel=cancel, **arguments))

    def iter_voxnumbers(
        self,
        *,
        voxnumber: Union[str, int, None] = None,
        voxnumber_type: Optional[Literal["LOCAL", "NATIONAL"]] = None,
        voxnumber_country: Optional[str] = None,
        voxnumber_city: Optional[str] = None,
        assigned_status: Optional[Literal["ASSIGNED", "UNASSIGNED"]] = None,
        call_status: Optional[Literal["ON", "NO RULES", "ACTIVE", "OFF"]] = None,
        link_id: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> AsyncPageIterator[_native.AccountVoxnumber]:
        """Every result of getVoxnumbers, page after page, as the loop reads them (``async for``)."""
        arguments = locals()
        del arguments['self']
        return AsyncPageIterator(self, self._client.iter_voxnumbers(**arguments))

    async def create_categories(
        self,
        categories: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_categories``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_categories(_cancel=cancel, **arguments))

    async def create_category_configurations(
        self,
        categories: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_category_configurations``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_category_configurations(_cancel=cancel, **arguments))

    async def delete_categories(
        self,
        categories: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_categories``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_categories(_cancel=cancel, **arguments))

    async def delete_category_configurations(
        self,
        categories_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_category_configurations``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_category_configurations(_cancel=cancel, **arguments))

    async def create_contacts(
        self,
        contacts: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_contacts``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_contacts(_cancel=cancel, **arguments))

    async def delete_contacts(
        self,
        contact_ids: Iterable[Union[str, int]],
        *,
        rm_rules: Optional[bool] = None,
        rm_if_user: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_contacts``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_contacts(_cancel=cancel, **arguments))

    async def update_contacts(
        self,
        contacts: Iterable[Mapping[str, Any]],
        *,
        rm_rules: Optional[bool] = None,
        replace_details: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.update_contacts``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.update_contacts(_cancel=cancel, **arguments))

    async def attach_category_to_link(
        self,
        links: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.attach_category_to_link``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.attach_category_to_link(_cancel=cancel, **arguments))

    async def attach_rule_template_to_links(
        self,
        template_name: str,
        overwrite_existing: bool,
        link_ids: Iterable[Union[str, int]],
        *,
        rules_variable: Optional[Iterable[Mapping[str, Any]]] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.attach_rule_template_to_links``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.attach_rule_template_to_links(_cancel=cancel, **arguments))

    async def attach_sms_template_to_links(
        self,
        template_name: str,
        overwrite_existing: bool,
        link_ids: Iterable[Union[str, int]],
        *,
        rules_variable: Optional[Iterable[Mapping[str, Any]]] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.attach_sms_template_to_links``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.attach_sms_template_to_links(_cancel=cancel, **arguments))

    async def attach_voxnumber_to_link(
        self,
        links: Iterable[Union[Link, Mapping[str, Any]]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.attach_voxnumber_to_link``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.attach_voxnumber_to_link(_cancel=cancel, **arguments))

    async def create_links(
        self,
        links: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_links``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_links(_cancel=cancel, **arguments))

    async def delete_links(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_links``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_links(_cancel=cancel, **arguments))

    async def remove_category_from_link(
        self,
        links: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.remove_category_from_link``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.remove_category_from_link(_cancel=cancel, **arguments))

    async def remove_rule_template_from_links(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.remove_rule_template_from_links``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.remove_rule_template_from_links(_cancel=cancel, **arguments))

    async def remove_sms_template_from_links(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.remove_sms_template_from_links``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.remove_sms_template_from_links(_cancel=cancel, **arguments))

    async def remove_voxnumber_from_link(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.remove_voxnumber_from_link``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.remove_voxnumber_from_link(_cancel=cancel, **arguments))

    async def update_links(
        self,
        links: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.update_links``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.update_links(_cancel=cancel, **arguments))

    async def create_node_full(
        self,
        node_id: str,
        node_name: str,
        node_type: str,
        links: Iterable[Mapping[str, Any]],
        *,
        node_date: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> dict[str, Any]:
        """See ``Client.create_node_full``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_node_full(_cancel=cancel, **arguments))

    async def create_nodes(
        self,
        nodes: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_nodes``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_nodes(_cancel=cancel, **arguments))

    async def delete_nodes(
        self,
        node_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_nodes``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_nodes(_cancel=cancel, **arguments))

    async def get_node_details(
        self,
        node_id: str,
        *,
        link_id: Optional[str] = None,
        req_fields: Optional[Iterable[Union[str, int]]] = None,
        order: Optional[str] = None,
        return_rule_name: Optional[str] = None,
        return_voxnumber: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> dict[str, Any]:
        """See ``Client.get_node_details``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_node_details(_cancel=cancel, **arguments))

    async def update_nodes(
        self,
        nodes: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.update_nodes``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.update_nodes(_cancel=cancel, **arguments))

    async def get_call_recording(
        self,
        id: str,
        *,
        timeout: Optional[float] = None,
    ) -> bytes:
        """See ``Client.get_call_recording``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_call_recording(_cancel=cancel, **arguments))

    async def get_voicemail_recording(
        self,
        id: str,
        *,
        timeout: Optional[float] = None,
    ) -> bytes:
        """See ``Client.get_voicemail_recording``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_voicemail_recording(_cancel=cancel, **arguments))

    async def create_call_flow(
        self,
        name: str,
        rules: str,
        *,
        notes: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_call_flow``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_call_flow(_cancel=cancel, **arguments))

    async def delete_call_flows(
        self,
        call_flows: Iterable[Union[str, int]],
        *,
        detach_from_links: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_call_flows``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_call_flows(_cancel=cancel, **arguments))

    async def get_call_flow(
        self,
        call_flow: str,
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.get_call_flow``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_call_flow(_cancel=cancel, **arguments))

    async def update_call_flow(
        self,
        name: str,
        rules: str,
        *,
        new_name: Optional[str] = None,
        notes: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.update_call_flow``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.update_call_flow(_cancel=cancel, **arguments))

    async def initiate_call(
        self,
        link_id: str,
        *,
        call_variables: Optional[Mapping[str, Union[str, int]]] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.initiate_call``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.initiate_call(_cancel=cancel, **arguments))

    async def create_blocked_numbers(
        self,
        blocked_numbers: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_blocked_numbers``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_blocked_numbers(_cancel=cancel, **arguments))

    async def create_time_templates(
        self,
        time_templates: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_time_templates``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_time_templates(_cancel=cancel, **arguments))

    async def delete_blocked_numbers(
        self,
        blocked_numbers: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_blocked_numbers``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_blocked_numbers(_cancel=cancel, **arguments))

    async def delete_time_templates(
        self,
        time_template_labels: Iterable[Union[str, int]],
        *,
        force: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_time_templates``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_time_templates(_cancel=cancel, **arguments))

    async def get_blocked_numbers(
        self,
        *,
        number: Optional[str] = None,
        operator: Optional[str] = None,
        in_or_out: Optional[str] = None,
        req_fields: Optional[Iterable[Union[str, int]]] = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> dict[str, Any]:
        """See ``Client.get_blocked_numbers``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_blocked_numbers(_cancel=cancel, **arguments))

    async def get_time_templates(
        self,
        *,
        time_template_label: Optional[str] = None,
        req_fields: Optional[Iterable[Union[str, int]]] = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> dict[str, Any]:
        """See ``Client.get_time_templates``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_time_templates(_cancel=cancel, **arguments))

    async def get_variable_rules_of_template(
        self,
        template_name: str,
        *,
        link_id: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> dict[str, Any]:
        """See ``Client.get_variable_rules_of_template``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_variable_rules_of_template(_cancel=cancel, **arguments))

    async def update_blocked_numbers(
        self,
        blocked_numbers: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.update_blocked_numbers``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.update_blocked_numbers(_cancel=cancel, **arguments))

    async def update_time_templates(
        self,
        time_templates: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.update_time_templates``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.update_time_templates(_cancel=cancel, **arguments))

    async def create_sound_files(
        self,
        sound_files: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.create_sound_files``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.create_sound_files(_cancel=cancel, **arguments))

    async def delete_sound_files(
        self,
        sound_files: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_sound_files``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_sound_files(_cancel=cancel, **arguments))

    async def get_sound_file_data(
        self,
        sound_label: str,
        *,
        sound_group: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> bytes:
        """See ``Client.get_sound_file_data``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.get_sound_file_data(_cancel=cancel, **arguments))

    async def update_sound_files(
        self,
        sound_files: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.update_sound_files``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.update_sound_files(_cancel=cancel, **arguments))

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
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.purchase_vox_numbers(_cancel=cancel, **arguments))

    async def delete_voxnumbers_from_account(
        self,
        full_voxnumbers: Iterable[Union[str, int]],
        *,
        rm_if_in_use: Optional[bool] = None,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.delete_voxnumbers_from_account``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.delete_voxnumbers_from_account(_cancel=cancel, **arguments))

    async def set_call_status(
        self,
        call_status: str,
        voxnumbers: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
    ) -> None:
        """See ``Client.set_call_status``."""
        arguments = locals()
        del arguments['self']
        return await self._run(lambda cancel: self._client.set_call_status(_cancel=cancel, **arguments))
    # </generated>

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
