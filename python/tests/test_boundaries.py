"""Faults users met at the edges: lone surrogates, port 0, callbacks nobody can check.
Each test failed before its fix."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from conftest import KEY, case_ids, vector_cases
from test_edges import listener  # noqa: F401 (a fixture)

import iovox

LONE = vector_cases("lone_surrogates")
CLIENT_PURCHASES = vector_cases("client_purchase")
BODY = (
    "<order><order_reference>r1</order_reference><order_status>PENDING</order_status>"
    "<voxnumbers/></order>"
)


def issues(errors: list[iovox.ValidationIssue]) -> list[dict[str, Any]]:
    return [
        {
            "code": e.code,
            "position": None if e.position is None else [e.position.index, e.position.total],
            "field": e.field,
            "message": e.message,
        }
        for e in errors
    ]


@pytest.fixture
def silent(listener: tuple[str, list[int]]) -> Iterator[tuple[iovox.Client, list[int]]]:  # noqa: F811
    """A client of a socket that counts connections: a count of 0 proves nothing was sent."""
    url, count = listener
    with iovox.Client("user", KEY, url, retries=0, timeout=2) as c:
        yield c, count


def call(client: iovox.Client, case: dict[str, Any]) -> None:
    method = case["method"]
    if method == "purchase":
        request = {k: v for k, v in case.items() if k not in ("name", "method", "errors", "items")}
        client.purchase_vox_numbers(case["items"], **request)
    elif method == "attach":
        client.attach_voxnumber_to_link(case["links"])
    elif method == "detach":
        client.remove_voxnumber_from_link(case["link_ids"])
    elif method == "getVoxnumbers":
        client.get_voxnumbers(**case["args"])
    elif method == "deleteVoxnumbersFromAccount":
        client.delete_voxnumbers_from_account(**case["args"])
    else:
        raise AssertionError(method)


@pytest.mark.parametrize("case", LONE, ids=case_ids(LONE))
def test_a_lone_surrogate_is_refused_by_its_fields_rule(
    silent: tuple[iovox.Client, list[int]], case: dict[str, Any]
) -> None:
    client, count = silent
    if not case["errors"]:
        # Text UTF-8 can carry passes every check and is sent.
        with pytest.raises(iovox.ConnectionError):
            call(client, case)
        assert count[0] >= 1
        return
    with pytest.raises(iovox.ValidationError) as e:
        call(client, case)
    assert issues(e.value.errors) == case["errors"]
    assert count[0] == 0


@pytest.mark.parametrize("case", CLIENT_PURCHASES, ids=case_ids(CLIENT_PURCHASES))
def test_the_clients_own_purchase_checks(
    silent: tuple[iovox.Client, list[int]], case: dict[str, Any]
) -> None:
    client, count = silent
    request = dict(case["request"])
    items = request.pop("items")
    if not case["errors"]:
        with pytest.raises(iovox.ConnectionError):
            client.purchase_vox_numbers(items, **request)
        assert count[0] >= 1
        return
    with pytest.raises(iovox.ValidationError) as e:
        client.purchase_vox_numbers(items, **request)
    assert issues(e.value.errors) == case["errors"]
    assert count[0] == 0


def test_a_lone_surrogate_in_a_setting_or_a_key_is_named() -> None:
    for setting in ("username", "secure_key", "base_url"):
        settings = {"username": "u", "secure_key": KEY, "base_url": "http://127.0.0.1:9"}
        settings[setting] = "x\udc80"
        with pytest.raises(iovox.ConfigError) as e:
            iovox.Client(**settings)
        assert str(e.value).endswith(f": {setting} holds U+DC80, a lone surrogate that no header or URL can carry")
    with iovox.Client("u", KEY, "http://127.0.0.1:9") as client:
        with pytest.raises(iovox.ConfigError, match="interface holds U[+]D800"):
            client.raw_request("\ud800", "getVoxnumbers", "GET")
        bad_key = {"country_code": 44, "\ud800": 1}
        with pytest.raises(TypeError, match="unknown field"):
            client.purchase_vox_numbers([bad_key])


def test_a_base_url_with_port_0_is_refused() -> None:
    with pytest.raises(iovox.ConfigError, match="port 0"):
        iovox.Client("u", KEY, "http://127.0.0.1:0")


def test_receive_callback_refuses_a_url_without_credentials_unless_allowed() -> None:
    with pytest.raises(iovox.CallbackError) as e:
        iovox.receive_callback("https://example.com/iovox", None, BODY)
    assert e.value.status == 401
    assert "could be forged" in str(e.value)
    order = iovox.receive_callback(
        "https://example.com/iovox", None, BODY, allow_unauthenticated_callbacks=True
    )
    assert order.order_reference == "r1"
    # The leave does not switch off a check the URL's credentials make possible.
    with pytest.raises(iovox.CallbackError):
        iovox.receive_callback(
            "https://hook:pw@example.com/iovox", None, BODY, allow_unauthenticated_callbacks=True
        )


def test_a_text_where_a_list_of_numbers_belongs_is_refused(silent: tuple[iovox.Client, list[int]]) -> None:
    """`delete_voxnumbers_from_account("441512100200, 442071234567")` gave both numbers back:
    a text is refused wherever a list is expected, and nothing is sent."""
    client, count = silent
    for numbers in ("441512100200, 442071234567", "441512100200"):
        with pytest.raises(TypeError, match="^full_voxnumbers must be a list, not str$"):
            client.delete_voxnumbers_from_account(numbers)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="^link_ids must be a list, not str$"):
            client.remove_voxnumber_from_link(numbers)  # type: ignore[arg-type]
    assert count[0] == 0
