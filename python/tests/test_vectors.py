"""Every shared vector of tests/vectors/, through the Python package."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from conftest import KEY, Canned, case_ids, native, vector_cases

import iovox
from iovox_sandbox import Sandbox

PURCHASES = vector_cases("purchase_requests")
ATTACHES = vector_cases("attach_requests")
SPEC = vector_cases("spec_examples")
INVALID_PURCHASES = vector_cases("invalid_purchase")
INVALID_ATTACHES = vector_cases("invalid_attach")
ORDERS = vector_cases("orders")
ERROR_BODIES = vector_cases("error_bodies")
SERVER_REQUESTS = vector_cases("server_requests")
DETACH = vector_cases("detach")


def no_blanks_between_tags(xml: str) -> str:
    return re.sub(r">\s+<", "><", xml.strip())


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


@pytest.mark.parametrize("case", PURCHASES, ids=case_ids(PURCHASES))
def test_purchase_encoding(case: dict[str, Any]) -> None:
    request = dict(case["request"])
    assert iovox.purchase_request_xml(request.pop("items"), **request) == case["xml"]


@pytest.mark.parametrize("case", ATTACHES, ids=case_ids(ATTACHES))
def test_attach_encoding(case: dict[str, Any]) -> None:
    assert iovox.attach_request_xml(case["links"]) == case["xml"]


@pytest.mark.parametrize("case", SPEC, ids=case_ids(SPEC))
def test_spec_page_examples(case: dict[str, Any]) -> None:
    if case["kind"] == "purchase":
        request = dict(case["request"])
        ours = iovox.purchase_request_xml(request.pop("items"), **request)
    else:
        ours = iovox.attach_request_xml(case["links"])
    assert no_blanks_between_tags(ours) == no_blanks_between_tags(case["page_xml"])


@pytest.mark.parametrize("case", INVALID_PURCHASES, ids=case_ids(INVALID_PURCHASES))
def test_invalid_purchases(case: dict[str, Any]) -> None:
    request = dict(case["request"])
    items = request.pop("items", [])
    if not case["errors"]:
        iovox.purchase_request_xml(items, **request)
        return
    with pytest.raises(iovox.ValidationError) as e:
        iovox.purchase_request_xml(items, **request)
    assert issues(e.value.errors) == case["errors"]
    assert e.value.messages == [x["message"] for x in case["errors"]]


@pytest.mark.parametrize("case", INVALID_ATTACHES, ids=case_ids(INVALID_ATTACHES))
def test_invalid_attaches(case: dict[str, Any]) -> None:
    if not case["errors"]:
        iovox.attach_request_xml(case["links"])
        return
    with pytest.raises(iovox.ValidationError) as e:
        iovox.attach_request_xml(case["links"])
    assert issues(e.value.errors) == case["errors"]


@pytest.mark.parametrize("case", DETACH, ids=case_ids(DETACH))
def test_detach(case: dict[str, Any], canned: Canned) -> None:
    canned.answer(204, "")
    client = iovox.Client("me", KEY, canned.url, retries=0)
    if case["xml"] is not None:
        client.remove_voxnumber_from_link(case["link_ids"])
        assert canned.last_body.decode() == case["xml"]
    else:
        requests = canned.requests
        with pytest.raises(iovox.ValidationError) as e:
            client.remove_voxnumber_from_link(case["link_ids"])
        assert issues(e.value.errors) == case["errors"]
        assert canned.requests == requests


@pytest.mark.parametrize("case", ORDERS, ids=case_ids(ORDERS))
def test_orders(case: dict[str, Any], canned: Canned) -> None:
    """Callbacks through parse_callback; purchase answers through a real client call."""
    if case["root"] == "order":
        decode = lambda: iovox.parse_callback(case["xml"])  # noqa: E731
    else:
        canned.answer(200, case["xml"])
        client = iovox.Client("me", KEY, canned.url, retries=0)
        item = {"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 1}
        decode = lambda: client.purchase_vox_numbers([item])  # noqa: E731
    if "order" in case:
        assert decode().to_dict() == case["order"]
    else:
        with pytest.raises(iovox.DecodeError) as e:
            decode()
        assert e.value.messages == [case["error"]]


@pytest.mark.parametrize("case", ERROR_BODIES, ids=case_ids(ERROR_BODIES))
def test_error_bodies(case: dict[str, Any], canned: Canned) -> None:
    canned.answer(case["status"], case["body"])
    client = iovox.Client("me", KEY, canned.url, retries=0)
    with pytest.raises(iovox.ApiError) as e:
        client.attach_voxnumber_to_link([iovox.Link.by_voxnumber("1", "442035551234")])
    assert e.value.status == case["status"]
    if case["messages"] is not None:
        assert e.value.messages == case["messages"]
    else:
        # Not IOVOX's error XML: one message, the status and the start of the body (its
        # whitespace folded, at most 200 characters).
        assert e.value.messages == [excerpt(case["status"], case["body"])]


def excerpt(status: int, body: str) -> str:
    text = " ".join(body.split())
    if not text:
        return f"HTTP {status} with an empty body"
    return f"HTTP {status}: {text[:200]}{'…' if len(text) > 200 else ''}"


@pytest.fixture(scope="module")
def shared_sandbox() -> Any:
    with Sandbox(secure_key=KEY) as sb:
        yield sb


@pytest.mark.parametrize("case", SERVER_REQUESTS, ids=case_ids(SERVER_REQUESTS))
def test_server_requests(case: dict[str, Any], shared_sandbox: Sandbox) -> None:
    """The sandbox answers raw bodies with the server's own messages."""
    verb, path = {
        "purchase": ("POST", "/Purchase?v=3&method=purchaseVoxNumbers"),
        "attach": ("PUT", "/Links?v=3&method=attachVoxnumberToLink"),
    }[case["method"]]
    request = urllib.request.Request(
        shared_sandbox.url + path,
        data=case["body"].encode(),
        headers={"username": shared_sandbox.username, "secureKey": KEY, "Content-Type": "text/xml"},
        method=verb,
    )
    try:
        with urllib.request.urlopen(request) as answer:
            status, body = answer.status, answer.read()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    if case["messages"]:
        assert status >= 400
        assert [e.text for e in ET.fromstring(body).iter("error")] == case["messages"]
    else:
        assert status < 300


ORDER_MERGES = vector_cases("order_merge")


def order_of(o: dict[str, Any]) -> iovox.Order:
    return iovox.Order(o["order_reference"], o["order_status"], [iovox.VoxNumber(**n) for n in o["voxnumbers"]])


@pytest.mark.parametrize("case", ORDER_MERGES, ids=case_ids(ORDER_MERGES))
def test_callbacks_fold_into_the_known_order_either_way(case: dict[str, Any]) -> None:
    original = order_of(case["known"])
    known = original
    try:
        for update in case["updates"]:
            known = known.merge(order_of(update))
    except ValueError as e:
        assert str(e) == case["error"]
    else:
        assert "error" not in case
        assert known.to_dict() == case["order"]
    assert original.to_dict() == case["known"], "merge makes a new order"


ACTIONS = vector_cases("actions")


@pytest.mark.parametrize("case", ACTIONS, ids=case_ids(ACTIONS))
def test_actions_send_exactly_this_or_refuse_with_these_errors(case: dict[str, Any]) -> None:
    """Each typed method that is not a list, by name (prepare_request, the checks of its
    call): the query and body to send, or exactly these errors, or a TypeError."""
    case = {**case, "args": native(case["args"])}
    if "type_error" in case:
        with pytest.raises(TypeError, match=case["type_error"]):
            iovox.prepare_request(case["method"], case["args"])
    elif "errors" in case:
        with pytest.raises(iovox.ValidationError) as e:
            iovox.prepare_request(case["method"], case["args"])
        assert issues(e.value.errors) == case["errors"]
    else:
        query, body = iovox.prepare_request(case["method"], case["args"])
        assert [list(p) for p in query] == case["query"]
        assert body == case["body"]


ANSWERS = vector_cases("answers")


@pytest.mark.parametrize("case", ANSWERS, ids=case_ids(ANSWERS))
def test_answers_read_exactly_as_the_vectors_say(case: dict[str, Any]) -> None:
    """What each typed method that is not a list answers (decode_answer, as its call reads
    it): the bytes exactly, the mapping, nothing, or a DecodeError."""
    import base64

    body = base64.b64decode(case["body_base64"]) if "body_base64" in case else case["body"].encode()
    if "decode_error" in case:
        with pytest.raises(iovox.DecodeError) as e:
            iovox.decode_answer(case["method"], body)
        assert case["decode_error"] in str(e.value)
        return
    got = iovox.decode_answer(case["method"], body)
    if "bytes_base64" in case:
        assert isinstance(got, bytes) and got == base64.b64decode(case["bytes_base64"])
    elif "data" in case:
        assert got == case["data"]
    else:
        assert case["nothing"] is True and got is None


def test_decode_answer_names_what_it_reads() -> None:
    with pytest.raises(ValueError, match="decode_page reads the lists"):
        iovox.decode_answer("getVoxnumbers", b"")
