"""A number's whole life from Python: regions, numbers and links page by page, giving
numbers back, the raw call, and receiving callbacks (the shared list vectors, the sandbox
over HTTP, and the Flask example)."""

from __future__ import annotations

import asyncio
import base64
import datetime
import json
import re
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from conftest import KEY, VECTORS, Canned, case_ids, vector_cases

import iovox
from iovox_sandbox import Sandbox

LISTS = vector_cases("lists")


def vector_cases_of_model() -> list[dict[str, Any]]:
    methods: list[dict[str, Any]] = json.loads((VECTORS / "model.json").read_text())["methods"]
    return methods
def call(client: iovox.Client, method: str, args: dict[str, Any]) -> Any:
    """IOVOX's method name as Python spells it (getVoxnumbers: get_voxnumbers): no list of
    methods is kept here, so a list method added to the model is tested by its vectors."""
    if method == "deleteVoxnumbersFromAccount":
        args = dict(args)
        return client.delete_voxnumbers_from_account(args.pop("full_voxnumbers", None), **args)
    return getattr(client, re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", method).lower())(**args)


# Each list method's date-time fields, from the model: no list of them is kept here.
DATES = {
    m["name"]: {f["element"] for f in m["fields"] if f["kind"] == "date-time"}
    for m in vector_cases_of_model()
    if m.get("fields")
}


def expected(result: dict[str, Any], method: str) -> dict[str, Any]:
    """A vector's result as to_dict() gives it: each date-time as ISO 8601 text."""
    out = dict(result)
    for field in DATES.get(method, ()):
        if out.get(field):
            out[field] = datetime.datetime.strptime(out[field], "%Y-%m-%d %H:%M:%S").isoformat()
    return out


@pytest.mark.parametrize("case", LISTS, ids=case_ids(LISTS))
def test_list_vectors(case: dict[str, Any], canned: Canned) -> None:
    client = iovox.Client("me", KEY, canned.url, retries=0)
    if "args" in case:
        canned.answer(204 if case["method"] == "deleteVoxnumbersFromAccount" else 200, "<response/>")
        before = canned.requests
        if case.get("errors"):
            with pytest.raises(iovox.ValidationError) as e:
                call(client, case["method"], case["args"])
            got = [
                {"code": i.code, "position": [i.position.index, i.position.total] if i.position else None,
                 "field": i.field, "message": i.message}
                for i in e.value.errors
            ]
            assert got == case["errors"]
            assert canned.requests == before, "nothing was sent"
        else:
            call(client, case["method"], case["args"])
            url = urlsplit(canned.last_path)
            pairs = parse_qsl(url.query, keep_blank_values=True)
            assert pairs[:2] == [("v", "3"), ("method", case["method"])]
            assert [list(p) for p in pairs[2:]] == case["query"]
            assert canned.last_body == b""
        return
    canned.answer(200, case["answer"])
    if "page" in case:
        page = call(client, case["method"], case.get("call_args", {}))
        want = case["page"]
        assert (page.current_page, page.total_pages, page.total_results) == (
            want["current_page"], want["total_pages"], want["total_results"])
        assert [r.to_dict() for r in page.results] == [expected(r, case["method"]) for r in want["results"]]
    else:
        with pytest.raises(iovox.DecodeError) as d:
            call(client, case["method"], case.get("call_args", {}))
        assert d.value.messages == [case["decode_error"]]


def test_unknown_arguments_are_named(client: iovox.Client) -> None:
    with pytest.raises(TypeError, match="did you mean 'assigned_status'"):
        client.get_voxnumbers(asigned_status="UNASSIGNED")


def test_regions_numbers_and_links(client: iovox.Client) -> None:
    uk = client.get_voxnumber_regions(country_code=44, number_type="GEOGRAPHIC")
    assert [r.area_code for r in uk.results] == [20, 151, 161]
    assert uk.results[1].city_name == "Liverpool"
    free = client.get_voxnumbers(assigned_status="UNASSIGNED")
    assert len(free) == 4 and all(n.assigned_status == "UNASSIGNED" for n in free)
    linked = client.get_voxnumbers(link_id="100").results[0]
    assert linked.voxnumber == "442071234568"
    assert linked.purchase_date == datetime.datetime(2026, 1, 15, 10, 0, 0)
    assert linked.node_id is None  # not among the default req_fields
    links = client.get_links(link_id="100")
    assert links.results[0].voxnumber == "442071234568"
    with pytest.raises(iovox.ApiError) as e:
        client.get_links(node_id="nowhere")
    assert e.value.messages == ["Node ID does not exist"]


def test_pages_from_none_to_many(client: iovox.Client) -> None:
    none = client.get_voxnumbers(voxnumber="449999999999")
    assert len(none) == 0 and not none.has_next
    one = client.get_voxnumbers(voxnumber="441512100200")
    assert len(one) == 1
    first = client.get_voxnumbers(limit=2, order="vn_ASC")
    assert (first.current_page, first.total_pages, first.total_results, first.has_next) == (1, 3, 5, True)
    every = [n.voxnumber for n in client.iter_voxnumbers(limit=2, order="vn_DESC")]
    assert every == sorted(every, reverse=True) and len(every) == 5
    assert [link.link_id for link in client.iter_links(limit=4)] == [
        "100", "101", "102", "103", "104", "105", "333", "444", "555"]


def test_numbers_go_back(client: iovox.Client, sandbox: Sandbox) -> None:
    with pytest.raises(iovox.ApiError) as e:
        client.delete_voxnumbers_from_account(["441512100200", "442071234568"])
    assert e.value.messages == ["VoxNumber 2 of 2 is attached to a Link"]
    client.delete_voxnumbers_from_account(["441512100200", "442071234568"], rm_if_in_use=True)
    assert len(sandbox.state["voxnumbers"]) == 3
    with pytest.raises(iovox.ValidationError) as v:
        client.delete_voxnumbers_from_account([str(n) for n in range(101)])
    assert v.value.messages == ["You can only remove a maximum of 100 VoxNumbers in a single request"]


def test_raw_request(client: iovox.Client) -> None:
    answer = client.raw_request("Voxnumbers", "getVoxnumbers", "GET", query={"link_id": "100"}, safe_to_repeat=True)
    assert answer.status == 200 and "<voxnumber>442071234568</voxnumber>" in answer.text
    page = iovox.decode_page("getVoxnumbers", answer.body)
    assert [n.voxnumber for n in page] == ["442071234568"]
    with pytest.raises(ValueError):
        iovox.decode_page("getNodeDetails", answer.body)
    with pytest.raises(iovox.DecodeError):
        iovox.decode_page("getLinks", b"<order/>")
    with pytest.raises(iovox.ApiError):
        client.raw_request("Nodes", "getNodeDetails", "GET")
    with pytest.raises(iovox.ConfigError):
        client.raw_request("Links", "getLinks", "FETCH")


def test_async_lists_and_pages(sandbox: Sandbox) -> None:
    async def main() -> tuple[int, list[str]]:
        async with iovox.AsyncClient(sandbox.username, KEY, sandbox.url) as c:
            page = await c.get_voxnumbers(assigned_status="UNASSIGNED")
            numbers = [n.voxnumber async for n in c.iter_voxnumbers(limit=2)]
            await c.delete_voxnumbers_from_account(["441512100200"])
            return len(page), numbers

    free, numbers = asyncio.run(main())
    assert free == 4 and len(numbers) == 5


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


BODY = (
    "<order><order_reference>r1</order_reference><order_status>FULFILLED</order_status>"
    "<voxnumbers><voxnumber><country_code>44</country_code><area_code>151</area_code>"
    "<full_voxnumber>441512100200</full_voxnumber></voxnumber></voxnumbers></order>"
)


def test_receive_callback_checks_credentials_then_the_body() -> None:
    url = "https://hook:s3cret@example.com/iovox"
    order = iovox.receive_callback(url, basic("hook", "s3cret"), BODY)
    assert order.order_reference == "r1" and order.is_fulfilled
    for auth in (None, basic("hook", "wrong"), "Bearer x"):
        with pytest.raises(iovox.CallbackError) as e:
            iovox.receive_callback(url, auth, BODY)
        assert e.value.status == 401
    with pytest.raises(iovox.CallbackError) as e:
        iovox.receive_callback(url, basic("hook", "s3cret"), "<order>")
    assert e.value.status == 400 and isinstance(e.value, iovox.IovoxError)


def test_the_flask_example_receives_the_sandbox_callbacks(sandbox: Sandbox) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
    try:
        from flask_callbacks import create_app
    finally:
        sys.path.pop(0)
    from werkzeug.serving import make_server

    from flask import Flask

    server = make_server("127.0.0.1", 0, Flask("placeholder"))
    callback_url = f"http://iovox:s3cret-hook@127.0.0.1:{server.server_port}/iovox/callback"
    app, orders = create_app(callback_url)
    server.app = app
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        client = iovox.Client(sandbox.username, KEY, sandbox.url)
        item = {"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 3}
        order = client.purchase_vox_numbers([item], callback_url=callback_url)
        assert order.order_status == "PENDING"
        sandbox.restock(5, country_code=44, area_code=151)
        delivered = sandbox.wait_for_callbacks(1)
        assert delivered and delivered[0].delivered
        assert orders[order.order_reference].is_fulfilled
        # The order as it stands: the purchase's numbers and the callback's, all three,
        # whichever the callback listed; the sandbox's orders show it so too.
        stands = order.merge(orders[order.order_reference])
        assert stands.is_fulfilled and len(stands) == 3
        assert len({n.full_voxnumber for n in stands.voxnumbers}) == 3
        assert [o for o in sandbox.orders if o.order_reference == order.order_reference] == [stands]
        # A late PENDING update for the same order changes nothing; a forged one is refused.
        test = app.test_client()
        stale = BODY.replace("r1", order.order_reference).replace("FULFILLED", "PENDING")
        auth = basic("iovox", "s3cret-hook")
        assert test.post("/iovox/callback", data=stale, headers={"Authorization": auth}).status_code == 200
        assert orders[order.order_reference].is_fulfilled
        assert test.post("/iovox/callback", data=stale).status_code == 401
    finally:
        server.shutdown()
        thread.join(5)
