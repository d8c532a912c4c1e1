"""Both methods end to end against iovox_sandbox.Sandbox, with dicts and typed classes."""

from __future__ import annotations

import asyncio
import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator

import pytest
from conftest import KEY

import iovox
from iovox_sandbox import Sandbox

LIVERPOOL = {"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 2}


def test_purchase_and_attach_with_dicts(client: iovox.Client, sandbox: Sandbox) -> None:
    order = client.purchase_vox_numbers([LIVERPOOL])
    assert order.order_status == "FULFILLED" and order.is_fulfilled
    assert [v.area_code for v in order.voxnumbers] == [151, 151]
    number = order.voxnumbers[0].full_voxnumber
    assert isinstance(number, str) and number.startswith("44151")

    client.attach_voxnumber_to_link(
        [
            {"link_id": "333", "method": "BY VOXNUMBER", "full_voxnumber": number},
            {"link_id": "444", "method": "BY AREA", "voxnumber_idd": 44, "area_code": 20},
        ]
    )
    # A second attach to the same link is the server's to refuse: it was really made.
    with pytest.raises(iovox.ApiError) as e:
        client.attach_voxnumber_to_link([{"link_id": "333", "method": "BY VOXNUMBER", "full_voxnumber": number}])
    assert (e.value.status, e.value.messages) == (400, ["Link ID 1 of 1 already has a Voxnumber"])
    assert sandbox.stats["purchases"] == 1 and sandbox.stats["requests"] == 3


def test_purchase_and_attach_with_classes(client: iovox.Client) -> None:
    contact = iovox.AdditionalInformation("Bastien", "Kerigan", "Iovox", "a street", 21, "Paris", "75001")
    order = client.purchase_vox_numbers(
        [
            iovox.PurchaseItem(44, "GEOGRAPHIC", 1, area_code=20),
            iovox.PurchaseItem(33, "GEOGRAPHIC", 1, area_code=1, additional_information=contact),
        ],
        cc_list=["ops@example.com"],
    )
    assert sorted(v.country_code for v in order.voxnumbers) == [33, 44]
    client.attach_voxnumber_to_link(
        [
            iovox.Link.by_area("101", 44, 20),
            iovox.Link.by_postcode("102", "UNITED KINGDOM", "L1 8JQ"),
            iovox.Link.by_voxnumber("103", order.voxnumbers[0].full_voxnumber),
        ]
    )


def test_classes_and_dicts_say_the_same() -> None:
    as_class = iovox.PurchaseItem(44, "GEOGRAPHIC", 2, area_code=151)
    assert iovox.purchase_request_xml([as_class]) == iovox.purchase_request_xml([LIVERPOOL])
    link = iovox.Link.by_area("1", 44, 20, fallback_city=True)
    as_dict = {"link_id": "1", "method": "BY AREA", "voxnumber_idd": 44, "area_code": 20, "fallback_city": True}
    assert iovox.attach_request_xml([link]) == iovox.attach_request_xml([as_dict])


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("quantity", 2.5, "Quantity 1 of 1 not an integer"),
        ("quantity", "two", "Quantity 1 of 1 not an integer"),
        ("quantity", None, "Quantity 1 of 1 Empty"),
        ("quantity", [2], "Quantity 1 of 1 not an integer"),
        ("country_code", {"idd": 44}, "Country Code 1 of 1 not an integer"),
        ("area_code", True, "Area Code 1 of 1 not an integer"),
        ("quantity", 10**40, "Quantity must be between 1 and 250"),
    ],
)
def test_a_wrong_type_gets_the_servers_message(field: str, value: Any, message: str, sandbox: Sandbox) -> None:
    client = iovox.Client(sandbox.username, KEY, sandbox.url)
    with pytest.raises(iovox.ValidationError) as e:
        client.purchase_vox_numbers([{**LIVERPOOL, field: value}])
    assert e.value.messages == [message]
    assert sandbox.stats["requests"] == 0, "nothing is sent"


def test_a_wrong_shape_is_a_type_error_naming_the_position(client: iovox.Client) -> None:
    # The same words as Node's, with Python's type names.
    with pytest.raises(TypeError, match=r"item 2 of 2 must be a mapping of field names to values, not int"):
        client.purchase_vox_numbers([LIVERPOOL, 5])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="links must be a list"):
        client.attach_voxnumber_to_link("333")  # type: ignore[arg-type]


class CallbackReceiver:
    """Where the sandbox POSTs order callbacks."""

    def __init__(self) -> None:
        self.received: list[tuple[bytes, str]] = []
        self.arrived = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((body, self.headers.get("Authorization", "")))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                receiver.arrived.set()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[CallbackReceiver]:
    r = CallbackReceiver()
    yield r
    r.server.shutdown()
    r.server.server_close()


def test_pending_order_is_fulfilled_by_callback(
    client: iovox.Client, sandbox: Sandbox, receiver: CallbackReceiver
) -> None:
    # Manchester has no stock: the order stays PENDING until the sandbox restocks.
    order = client.purchase_vox_numbers(
        [{"country_code": 44, "area_code": 161, "number_type": "GEOGRAPHIC", "quantity": 1}],
        callback_url=f"http://hook:s3cret@127.0.0.1:{receiver.port}/orders",
    )
    assert order.order_status == "PENDING" and order.voxnumbers == ()
    assert sandbox.restock(1, country_code=44, area_code=161) == 1
    assert receiver.arrived.wait(5)
    body, authorization = receiver.received[0]
    assert authorization == "Basic " + base64.b64encode(b"hook:s3cret").decode()
    update = iovox.parse_callback(body)
    assert update.order_reference == order.order_reference
    assert update.order_status == "FULFILLED"
    assert [v.area_code for v in update.voxnumbers] == [161]
    [record] = sandbox.wait_for_callbacks(1)
    assert record.delivered and record.order == update and "s3cret" not in record.url


def test_parse_callback_takes_bytes_or_str_and_refuses_garbage() -> None:
    xml = "<order><order_reference>r</order_reference><order_status>PENDING</order_status></order>"
    assert iovox.parse_callback(xml) == iovox.parse_callback(xml.encode())
    with pytest.raises(iovox.DecodeError) as e:
        iovox.parse_callback(b"<order><order_reference>r</order_ref></order>")
    assert (e.value.line, e.value.column) == (1, 26)


def test_orders_are_immutable_values() -> None:
    a = iovox.VoxNumber(44, 151, "441512100200")
    order = iovox.Order("r", "FULFILLED", [a])
    assert order == iovox.Order("r", "FULFILLED", [iovox.VoxNumber(44, 151, "441512100200")])
    assert order != iovox.Order("r", "PENDING", [a])
    assert len({order, iovox.Order("r", "FULFILLED", [a])}) == 1
    assert repr(a) == "VoxNumber(country_code=44, area_code=151, full_voxnumber='441512100200')"
    assert order.to_dict() == {
        "order_reference": "r",
        "order_status": "FULFILLED",
        "voxnumbers": [{"country_code": 44, "area_code": 151, "full_voxnumber": "441512100200"}],
    }
    with pytest.raises(AttributeError):
        order.order_status = "PENDING"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        a.full_voxnumber = "1"  # type: ignore[misc]


def test_pytest_plugin_fixture(iovox_sandbox: Sandbox) -> None:
    """The fixture users get from the plugin entry point, with no conftest of theirs."""
    client = iovox.Client(iovox_sandbox.username, iovox_sandbox.secure_key, iovox_sandbox.url)
    order = client.purchase_vox_numbers([LIVERPOOL])
    assert order.is_fulfilled
    assert iovox_sandbox.stats["purchases"] == 1
    # The sandbox package hands back the SDK's own Order class.
    assert iovox_sandbox.orders == [order] and type(iovox_sandbox.orders[0]) is iovox.Order


def test_sandbox_with_a_state_of_its_own() -> None:
    state = {
        "regions": [
            {
                "country_code": 44,
                "area_code": 20,
                "number_type": "GEOGRAPHIC",
                "country_name": "UNITED KINGDOM",
                "city_name": "London",
                "stock": 1,
            }
        ],
        "links": ["L-1"],
    }
    with Sandbox(state, secure_key=KEY) as sandbox:
        client = iovox.Client(sandbox.username, KEY, sandbox.url)
        order = client.purchase_vox_numbers([iovox.PurchaseItem(44, "GEOGRAPHIC", 2, area_code=20)])
        assert order.order_status == "PENDING" and len(order.voxnumbers) == 1
        client.attach_voxnumber_to_link([iovox.Link.by_area("L-1", 44, 20)])
        with pytest.raises(iovox.ApiError, match="Link ID 1 of 1 does not exist"):
            client.attach_voxnumber_to_link([iovox.Link.by_area("333", 44, 20)])
    with pytest.raises(ValueError, match="invalid sandbox state"):
        Sandbox({"regions": [], "colour": "blue"})


def test_remove_voxnumber_from_link_sync_and_async(sandbox: Sandbox, client: iovox.Client) -> None:
    def link_of(number: str) -> Any:
        return next(v["link_id"] for v in sandbox.state["voxnumbers"] if v["full_voxnumber"] == number)

    # 442071234568 is on link 100 in the built-in account.
    client.remove_voxnumber_from_link(["100"])
    assert link_of("442071234568") is None
    client.attach_voxnumber_to_link([iovox.Link.by_voxnumber("333", "442071234568")])
    with pytest.raises(iovox.ApiError) as e:
        client.remove_voxnumber_from_link(["333", "nope", 100])
    assert e.value.status == 400
    assert e.value.messages == ["Link ID 2 of 3 does not exist", "Link ID 3 of 3 does not have a VoxNumber"]
    assert link_of("442071234568") == "333", "all or nothing"
    requests = sandbox.stats["requests"]
    with pytest.raises(iovox.ValidationError) as v:
        client.remove_voxnumber_from_link(["333", " "])
    assert [(i.code, i.position, i.message) for i in v.value.errors] == [
        ("link_id_empty", iovox.Position(2, 2), "Link ID 2 of 2 Empty")
    ]
    with pytest.raises(TypeError, match=r"link_ids must be a list, not str"):
        client.remove_voxnumber_from_link("333")
    with pytest.raises(TypeError, match=r"link ID 2 of 2 must be a string, not a mapping"):
        client.remove_voxnumber_from_link(["333", {}])
    assert sandbox.stats["requests"] == requests

    async def main() -> None:
        async with iovox.AsyncClient(sandbox.username, KEY, sandbox.url) as c:
            await c.remove_voxnumber_from_link(["333"], timeout=5)

    asyncio.run(main())
    assert link_of("442071234568") is None


@pytest.mark.parametrize("bad", [float("nan"), -1.0, float("inf")])
def test_sandbox_settings_are_checked_like_the_clients(bad: float) -> None:
    """The sandbox package raises the SDK's own ConfigError, naming the setting."""
    with pytest.raises(iovox.ConfigError, match="response_delay"):
        Sandbox(response_delay=bad)
    with Sandbox() as sandbox, pytest.raises(iovox.ConfigError, match="timeout"):
        sandbox.wait_for_callbacks(1, timeout=bad)
