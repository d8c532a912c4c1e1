# Stub of the native module, checked against it by `python -m mypy.stubtest iovox_sandbox._native`.
# Annotations are read lazily: pdoc (scripts/docs) runs this file to take its types.
from __future__ import annotations
from types import TracebackType
from typing import Any, Mapping, Optional, final

from iovox import Order

__all__ = ["__version__", "Sandbox", "SandboxCallback"]

__version__: str

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
    def simulate_call(
        self,
        voxnumber: str,
        caller: str,
        *,
        start: Optional[str] = None,
        duration: int = 60,
        answered: bool = True,
        recording: bool = False,
    ) -> str:
        """Records a call to one of the account's numbers, as IOVOX would after a real one;
        returns its ID."""
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
    def requests_for(self, method: str) -> int:
        """How many requests named this IOVOX method (``getNodes``, …), faulted ones
        included: how a test proves a call was not repeated."""
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
