# Stub of the native module, checked against it by `python -m mypy.stubtest iovox._native`.
from types import TracebackType
from os import PathLike
from typing import Any, Iterable, Mapping, Optional, Union, final

from iovox._models import Link, OrderStatus, PurchaseItem

__all__ = [
    "__version__",
    "PRODUCTION_URL",
    "SANDBOX_URL",
    "Client",
    "_Cancel",
    "Order",
    "VoxNumber",
    "Sandbox",
    "SandboxCallback",
    "parse_callback",
    "purchase_request_xml",
    "attach_request_xml",
]

__version__: str
PRODUCTION_URL: str
SANDBOX_URL: str

_Items = Iterable[Union[PurchaseItem, Mapping[str, Any]]]
_Links = Iterable[Union[Link, Mapping[str, Any]]]
_CcList = Union[str, Iterable[str], None]

@final
class VoxNumber:
    def __new__(cls, country_code: int, area_code: int, full_voxnumber: str) -> VoxNumber: ...
    @property
    def country_code(self) -> int: ...
    @property
    def area_code(self) -> int: ...
    @property
    def full_voxnumber(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Order:
    def __new__(cls, order_reference: str, order_status: OrderStatus, voxnumbers: Iterable[VoxNumber]) -> Order: ...
    @property
    def order_reference(self) -> str: ...
    @property
    def order_status(self) -> OrderStatus: ...
    @property
    def voxnumbers(self) -> tuple[VoxNumber, ...]: ...
    @property
    def is_fulfilled(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __len__(self) -> int: ...

@final
class _Cancel:
    def __new__(cls) -> _Cancel: ...
    def cancel(self) -> bool: ...

@final
class Client:
    def __new__(
        cls,
        username: Optional[str] = None,
        secure_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        retries: Optional[int] = None,
        retry_purchase_after_send: bool = False,
        ca_file: Union[str, PathLike[str], None] = None,
    ) -> Client: ...
    @property
    def username(self) -> str: ...
    @property
    def base_url(self) -> str: ...
    def purchase_vox_numbers(
        self,
        items: _Items,
        *,
        callback_url: Optional[str] = None,
        cc_list: _CcList = None,
        dynamic_quantity: Optional[bool] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Order: ...
    def attach_voxnumber_to_link(
        self, links: _Links, *, timeout: Optional[float] = None, _cancel: Optional[_Cancel] = None
    ) -> None: ...
    def remove_voxnumber_from_link(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> Client: ...
    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
        /,
    ) -> bool: ...

@final
class SandboxCallback:
    @property
    def order(self) -> Order: ...
    @property
    def url(self) -> str: ...
    @property
    def delivered(self) -> bool: ...
    @property
    def attempts(self) -> int: ...
    @property
    def status(self) -> Optional[int]: ...
    @property
    def error(self) -> Optional[str]: ...

@final
class Sandbox:
    def __new__(
        cls,
        state: Optional[Mapping[str, Any]] = None,
        *,
        username: Optional[str] = None,
        secure_key: Optional[str] = None,
        response_delay: Optional[float] = None,
        auto_restock_after: Optional[float] = None,
        port: int = 0,
    ) -> Sandbox: ...
    @property
    def url(self) -> str: ...
    @property
    def username(self) -> str: ...
    @property
    def secure_key(self) -> str: ...
    def restock(
        self,
        count: int,
        *,
        country_code: Optional[int] = None,
        area_code: Optional[int] = None,
        number_type: Optional[str] = None,
    ) -> int: ...
    @property
    def callbacks(self) -> list[SandboxCallback]: ...
    def wait_for_callbacks(self, count: int, timeout: float = 5.0) -> list[SandboxCallback]: ...
    @property
    def purchase_callback_urls(self) -> list[Optional[str]]: ...
    @property
    def state(self) -> dict[str, Any]: ...
    @property
    def orders(self) -> list[Order]: ...
    @property
    def stats(self) -> dict[str, int]: ...
    def inject(self, fault: str) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> Sandbox: ...
    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
        /,
    ) -> bool: ...

def parse_callback(body: Union[bytes, bytearray, str]) -> Order: ...
def purchase_request_xml(
    items: _Items,
    *,
    callback_url: Optional[str] = None,
    cc_list: _CcList = None,
    dynamic_quantity: Optional[bool] = None,
) -> str: ...
def attach_request_xml(links: _Links) -> str: ...
