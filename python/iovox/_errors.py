"""The exceptions. Every one is an ``IovoxError``; each carries data, not just a string,
and survives pickling (for multiprocessing and task queues). None shows the secure key."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any, Optional, Sequence


@dataclass(frozen=True)
class Position:
    """Where an item or link sits in its request: ``index`` (1-based) ``of total``."""

    index: int
    total: int

    def __str__(self) -> str:
        return f"{self.index} of {self.total}"


@dataclass(frozen=True)
class ValidationIssue:
    """One problem of a request, in IOVOX's words (``message``), with a stable ``code``,
    the ``position`` of the item or link (None for the request as a whole) and the wire
    name of the ``field`` at fault."""

    code: str
    # Written so they resolve in `iovox` too, where the class says it lives (for pdoc).
    position: Position | None
    field: str | None
    message: str


def _restore(cls: type[IovoxError], message: str, state: dict[str, Any]) -> IovoxError:
    error = cls.__new__(cls, message)
    BaseException.__init__(error, message)
    error.__dict__.update(state)
    return error


class IovoxError(Exception):
    """Base of every error the SDK raises.

    ``kind`` names the family ("validation", "api", "timeout", "connection", "decode",
    "config", "internal"); ``status`` is the HTTP status where there was an answer;
    ``messages`` holds every message (the server's, or the checks' before sending);
    ``attempts`` counts the tries made.
    """

    kind: str = "internal"

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        messages: Sequence[str] = (),
        attempts: int = 0,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.messages = list(messages) or [message]
        self.attempts = attempts

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.message, dict(self.__dict__)))


class ValidationError(IovoxError, ValueError):
    """The request was refused before anything was sent. ``errors`` lists every problem,
    in document order; ``messages`` are their texts."""

    kind = "validation"

    def __init__(self, message: str, *, errors: Sequence[ValidationIssue] = (), attempts: int = 0) -> None:
        super().__init__(message, messages=[e.message for e in errors], attempts=attempts)
        self.errors = list(errors)


class ApiError(IovoxError):
    """IOVOX answered with an error: ``status`` and every ``<error>`` message."""

    kind = "api"
    status: int

    def __init__(self, message: str, *, status: int, messages: Sequence[str] = (), attempts: int = 1) -> None:
        super().__init__(message, status=status, messages=messages, attempts=attempts)


class AuthenticationError(ApiError):
    """IOVOX refused the credentials (401) or the account's rights (403): check the
    username and secure key (``IOVOX_USERNAME``, ``IOVOX_SECURE_KEY``). An ``ApiError``,
    so ``except ApiError`` still catches it."""

    kind = "authentication"


class TimeoutError(IovoxError, builtins.TimeoutError):
    """No answer in time (also an instance of the built-in ``TimeoutError``).
    ``maybe_sent`` is False when the connection itself timed out, True when a later phase
    did: a purchase may then have been made."""

    kind = "timeout"

    def __init__(self, message: str, *, attempts: int = 1, maybe_sent: bool = True) -> None:
        super().__init__(message, attempts=attempts)
        self.maybe_sent = maybe_sent


class ConnectionError(IovoxError, builtins.ConnectionError):
    """The connection could not be made or broke (also a built-in ``ConnectionError``).
    ``maybe_sent`` says whether the request may have reached IOVOX: a purchase may then
    have been made, so look before buying again."""

    kind = "connection"

    def __init__(self, message: str, *, attempts: int = 1, maybe_sent: bool = False) -> None:
        super().__init__(message, attempts=attempts)
        self.maybe_sent = maybe_sent


class DecodeError(IovoxError):
    """A body that is not what IOVOX sends: a broken answer or callback. ``line`` and
    ``column`` (1-based) point at broken XML."""

    kind = "decode"

    def __init__(
        self, message: str, *, line: Optional[int] = None, column: Optional[int] = None, attempts: int = 1
    ) -> None:
        super().__init__(message, attempts=attempts)
        self.line = line
        self.column = column


class ConfigError(IovoxError, ValueError):
    """The client is set up wrong: missing credentials, a bad base URL or timeout."""

    kind = "config"

    def __init__(self, message: str, *, attempts: int = 0) -> None:
        super().__init__(message, attempts=attempts)


class CallbackError(IovoxError):
    """A callback refused by ``receive_callback``: ``status`` is what to answer (401: the
    credentials do not match the callback URL's; 400: the body is not an IOVOX order)."""

    kind = "callback"

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message, status=status)
