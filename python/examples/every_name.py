"""Uses every public name of the package, so that `mypy --strict` checks the stubs and
annotations the way a user's code would meet them. Run by the tests."""

from __future__ import annotations

import asyncio
from typing import Optional

import datetime
import json

import iovox
from iovox import (
    AsyncPageIterator,
    PRODUCTION_URL,
    SANDBOX_URL,
    AccountLink,
    AccountVoxnumber,
    AdditionalInformation,
    ApiError,
    AssignedStatus,
    AsyncClient,
    CallbackError,
    CallStatus,
    Client,
    ConfigError,
    ConnectionError,
    DecodeError,
    IovoxError,
    Link,
    LinkMethod,
    NumberType,
    Order,
    OrderStatus,
    Page,
    PageIterator,
    Position,
    PurchaseItem,
    RawResponse,
    TimeoutError,
    ValidationError,
    ValidationIssue,
    VoxNumber,
    VoxnumberRegion,
    VoxnumberType,
    attach_request_xml,
    decode_page,
    parse_callback,
    purchase_request_xml,
    receive_callback,
)
from iovox_sandbox import Sandbox, SandboxCallback


def describe(error: IovoxError) -> str:
    status: Optional[int] = error.status
    parts = [error.kind, str(status), *error.messages, str(error.attempts)]
    if isinstance(error, ValidationError):
        for issue in error.errors:
            assert isinstance(issue, ValidationIssue)
            position: Optional[Position] = issue.position
            parts += [issue.code, issue.message, str(issue.field), str(position and position.index)]
    elif isinstance(error, ApiError):
        # `status` is an int on an ApiError: this comparison passes `mypy --strict`.
        parts.append(str(error.status >= 500))
    elif isinstance(error, ConnectionError):
        parts.append(str(error.maybe_sent))
    elif isinstance(error, DecodeError):
        parts += [str(error.line), str(error.column)]
    elif isinstance(error, (TimeoutError, ConfigError)):
        parts.append(type(error).__name__)
    return " ".join(parts)


def main() -> None:
    kind: NumberType = "GEOGRAPHIC"
    method: LinkMethod = "BY AREA"
    contact = AdditionalInformation("A", "B", "C", "street", 1, "Paris", "75001")
    items = [PurchaseItem(33, kind, 1, area_code=1, additional_information=contact)]
    links = [Link.by_area("100", 44, 20), Link("101", method, voxnumber_idd=44, area_code=20)]
    print(purchase_request_xml(items, cc_list=["a@example.com"]), attach_request_xml(links))
    print(PRODUCTION_URL, SANDBOX_URL, iovox.__version__)

    with Sandbox(auto_restock_after=0.1) as sandbox:
        with Client(sandbox.username, sandbox.secure_key, sandbox.url, timeout=5.0, retries=1) as client:
            order: Order = client.purchase_vox_numbers(items, timeout=5.0)
            # One of two literals: a typo such as "FULFILLD" fails the type check.
            state: OrderStatus = order.order_status
            print(state == "FULFILLED")
            numbers: tuple[VoxNumber, ...] = order.voxnumbers
            print(order.to_dict(), [n.to_dict() for n in numbers], sandbox.stats, sandbox.orders)
            try:
                client.attach_voxnumber_to_link([{"link_id": "none", "method": "BY VOXNUMBER", "full_voxnumber": "1"}])
            except IovoxError as e:
                print(describe(e))
            regions: Page[VoxnumberRegion] = client.get_voxnumber_regions(country_code=44, number_type="GEOGRAPHIC")
            region = regions.results[0]
            assert isinstance(region, VoxnumberRegion)
            print(region.city_name, region.require_purchase_info, regions.total_results, regions.has_next)
            assigned: AssignedStatus = "UNASSIGNED"
            call_status: CallStatus = "OFF"
            voxnumber_type: VoxnumberType = "LOCAL"
            numbers_page = client.get_voxnumbers(assigned_status=assigned, call_status=call_status,
                                                 voxnumber_type=voxnumber_type, limit=2, order="vnpd_DESC")
            every: PageIterator[AccountVoxnumber] = client.iter_voxnumbers(limit=2)
            for number in every:
                assert isinstance(number, AccountVoxnumber)
                when = number.purchase_date
                print(number.voxnumber, when.isoformat() if isinstance(when, datetime.datetime) else when)
            for whole in client.iter_voxnumbers(limit=2).iter_pages():
                print(whole.current_page, whole.total_pages, json.dumps(whole.to_dict()))
            for link in client.iter_links():
                assert isinstance(link, AccountLink)
                print(link.link_id, link.to_dict())
            print(len(numbers_page), list(client.iter_voxnumber_regions(country_code=33)))
            print(client.get_links(link_id="100").results)
            client.delete_voxnumbers_from_account(["441512100200"], rm_if_in_use=True)
            raw: RawResponse = client.raw_request("Links", "getLinks", "GET", safe_to_repeat=True)
            print(raw.status, len(raw.body), raw.text[:10], len(decode_page("getLinks", raw.body)))
            try:
                receive_callback("https://u:p@example.com/", None, "<order/>")
            except CallbackError as e:
                print(e.status)
        sandbox.restock(1, country_code=44, area_code=161)
        callbacks: list[SandboxCallback] = sandbox.wait_for_callbacks(0, timeout=0.1)
        print(callbacks, sandbox.callbacks, sandbox.url, sandbox.username, len(sandbox.secure_key))
        sandbox.inject("500")

        async def run() -> Order:
            async with AsyncClient(sandbox.username, sandbox.secure_key, sandbox.url) as aclient:
                await aclient.attach_voxnumber_to_link(links[:1], timeout=5.0)
                walk: AsyncPageIterator[AccountLink] = aclient.iter_links(limit=5)
                async for one in walk.iter_pages():
                    print(one.total_results, [link.link_id for link in one.results])
                return await aclient.purchase_vox_numbers(items)

        try:
            asyncio.run(run())
        except IovoxError as e:
            print(describe(e))
    xml = "<order><order_reference>r</order_reference><order_status>PENDING</order_status></order>"
    print(parse_callback(xml).is_fulfilled, len(parse_callback(xml.encode())))
    merged: Order = parse_callback(xml).merge(parse_callback(xml))
    print(merged.order_status)


if __name__ == "__main__":
    main()
