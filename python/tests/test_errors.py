"""Each exception type with its attributes; pickling; the secure key never shows."""

from __future__ import annotations

import builtins
import pickle
import socket

import pytest
from conftest import KEY, Canned

import iovox
from iovox_sandbox import Sandbox

ITEM = {"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 1}
LINK = iovox.Link.by_voxnumber("333", "441512100200")


def shows_no_key(error: BaseException) -> None:
    for text in (str(error), repr(error), repr(error.args), repr(vars(error))):
        assert KEY not in text
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert vars(again) == vars(error) and str(again) == str(error)


def test_validation_error(sandbox: Sandbox) -> None:
    client = iovox.Client(sandbox.username, KEY, sandbox.url)
    with pytest.raises(iovox.ValidationError) as e:
        client.purchase_vox_numbers([{**ITEM, "quantity": "x"}, {**ITEM, "area_code": ""}])
    error = e.value
    assert isinstance(error, iovox.IovoxError) and isinstance(error, ValueError)
    assert error.kind == "validation" and error.status is None and error.attempts == 0
    assert error.messages == ["Quantity 1 of 2 not an integer", "Area Code 2 of 2 Empty"]
    first = error.errors[0]
    assert (first.code, first.position, first.field) == ("quantity_not_integer", iovox.Position(1, 2), "quantity")
    assert str(first.position) == "1 of 2"
    assert first.position is not None and first.position.index == 1 and first.position.total == 2
    assert str(error) == "invalid request: Quantity 1 of 2 not an integer; Area Code 2 of 2 Empty"
    assert sandbox.stats["requests"] == 0
    shows_no_key(error)


def test_api_error(client: iovox.Client) -> None:
    with pytest.raises(iovox.ApiError) as e:
        client.attach_voxnumber_to_link([iovox.Link.by_area("no-such-link", 44, 20)])
    error = e.value
    assert (error.kind, error.status, error.attempts) == ("api", 400, 1)
    assert error.messages == ["Link ID 1 of 1 does not exist"]
    assert str(error) == "IOVOX answered HTTP 400: Link ID 1 of 1 does not exist"
    shows_no_key(error)


def test_authentication_error_for_wrong_credentials(sandbox: Sandbox) -> None:
    client = iovox.Client(sandbox.username, "not-the-key", sandbox.url)
    with pytest.raises(iovox.AuthenticationError) as e:
        client.purchase_vox_numbers([ITEM])
    # Its own class, and still an ApiError for code that catches those.
    assert isinstance(e.value, iovox.ApiError)
    assert (e.value.kind, type(e.value).__name__, e.value.status) == ("authentication", "AuthenticationError", 401)
    assert "not-the-key" not in str(e.value) + repr(e.value)


def test_timeout_error() -> None:
    with Sandbox(secure_key=KEY, response_delay=1.0) as slow:
        client = iovox.Client(slow.username, KEY, slow.url, timeout=0.2, retries=0)
        with pytest.raises(iovox.TimeoutError) as e:
            client.purchase_vox_numbers([ITEM])
    error = e.value
    assert isinstance(error, builtins.TimeoutError) and isinstance(error, iovox.IovoxError)
    assert (error.kind, error.status, error.attempts) == ("timeout", None, 1)
    shows_no_key(error)


def test_connection_error() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = iovox.Client("me", KEY, f"http://127.0.0.1:{port}", retries=1)
    with pytest.raises(iovox.ConnectionError) as e:
        client.attach_voxnumber_to_link([LINK])
    error = e.value
    assert isinstance(error, builtins.ConnectionError)
    assert (error.kind, error.attempts, error.maybe_sent) == ("connection", 2, False)
    assert "after 2 attempts" in str(error)
    shows_no_key(error)


def test_decode_error(canned: Canned) -> None:
    canned.answer(200, "<response>\n<order_reference>r</order_ref>")
    client = iovox.Client("me", KEY, canned.url, retries=0)
    with pytest.raises(iovox.DecodeError) as e:
        client.purchase_vox_numbers([ITEM])
    error = e.value
    assert (error.kind, error.line, error.column) == ("decode", 2, 19)
    shows_no_key(error)


def test_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IOVOX_USERNAME", raising=False)
    monkeypatch.delenv("IOVOX_SECURE_KEY", raising=False)
    with pytest.raises(iovox.ConfigError) as e:
        iovox.Client()
    assert "IOVOX_USERNAME and IOVOX_SECURE_KEY are not set" in str(e.value)
    with pytest.raises(iovox.ConfigError, match="must use http or https, not ftp"):
        iovox.Client("me", KEY, "ftp://example.com")
    with pytest.raises(iovox.ConfigError, match="timeout must be a number of seconds above 0"):
        iovox.Client("me", KEY, timeout=0)
    shows_no_key(e.value)


def test_client_from_environment(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> None:
    monkeypatch.setenv("IOVOX_USERNAME", sandbox.username)
    monkeypatch.setenv("IOVOX_SECURE_KEY", KEY)
    monkeypatch.setenv("IOVOX_BASE_URL", sandbox.url)
    with iovox.Client() as client:
        assert client.purchase_vox_numbers([ITEM]).is_fulfilled
    assert client.base_url == sandbox.url


def test_a_closed_client_says_so(client: iovox.Client) -> None:
    client.close()
    with pytest.raises(iovox.ConfigError, match="the client is closed"):
        client.purchase_vox_numbers([ITEM])


def test_reprs_never_show_the_key(sandbox: Sandbox) -> None:
    client = iovox.Client(sandbox.username, KEY, sandbox.url)
    async_client = iovox.AsyncClient(sandbox.username, KEY, sandbox.url)
    for text in (repr(client), str(client), repr(async_client), repr(sandbox)):
        assert KEY not in text
    assert repr(client) == f"Client(username='sandbox', base_url='{sandbox.url}')"


def test_every_error_class_is_an_iovox_error() -> None:
    for cls in (
        iovox.ValidationError,
        iovox.ApiError,
        iovox.TimeoutError,
        iovox.ConnectionError,
        iovox.DecodeError,
        iovox.ConfigError,
    ):
        assert issubclass(cls, iovox.IovoxError) and cls.__module__ == "iovox"
