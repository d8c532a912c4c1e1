"""The GIL is released for network time: threads sharing a client overlap; so do
AsyncClient coroutines."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Iterator

import pytest
from conftest import KEY

import iovox
from iovox_sandbox import Sandbox

DELAY = 0.5
CALLS = 8
# Serially the calls take CALLS * DELAY = 4 s; in parallel about one DELAY. Half the serial
# time proves they overlap and leaves 1.5 s for a loaded 2-core machine.
BOUND = CALLS * DELAY / 2
ITEM = {"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC", "quantity": 1}


@pytest.fixture
def slow() -> Iterator[Sandbox]:
    with Sandbox(secure_key=KEY, response_delay=DELAY) as sandbox:
        yield sandbox


def test_threads_share_one_client_in_parallel(slow: Sandbox) -> None:
    client = iovox.Client(slow.username, KEY, slow.url)
    client.purchase_vox_numbers([ITEM])  # warm up: one connection made before timing
    orders: list[iovox.Order] = []
    start = threading.Barrier(CALLS + 1)

    def buy() -> None:
        start.wait()
        orders.append(client.purchase_vox_numbers([ITEM]))

    threads = [threading.Thread(target=buy) for _ in range(CALLS)]
    for t in threads:
        t.start()
    start.wait()
    began = time.monotonic()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    assert len(orders) == CALLS and all(o.is_fulfilled for o in orders)
    assert elapsed < BOUND, f"{CALLS} calls took {elapsed:.2f} s"


def test_async_client_overlaps_calls(slow: Sandbox) -> None:
    async def main() -> float:
        async with iovox.AsyncClient(slow.username, KEY, slow.url) as client:
            began = time.monotonic()
            orders = await asyncio.gather(*(client.purchase_vox_numbers([ITEM]) for _ in range(CALLS)))
            elapsed = time.monotonic() - began
            assert len({o.order_reference for o in orders}) == CALLS
            await client.attach_voxnumber_to_link([iovox.Link.by_voxnumber("333", orders[0].voxnumbers[0].full_voxnumber)])
            with pytest.raises(iovox.ValidationError):
                await client.purchase_vox_numbers([{**ITEM, "quantity": 0}])
            return elapsed

    elapsed = asyncio.run(main())
    assert elapsed < BOUND, f"{CALLS} calls took {elapsed:.2f} s"
