"""Walks the model (tests/vectors/model.json, written by scripts/generate): every typed
method, with the example its declaration gives, from the sync and the async client,
against the sandbox. No list of methods is kept here: a method added to the model is
called by this test. Each is answered as IOVOX would: a success, or an IOVOX error; never
the sandbox's 501 or an unknown route."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from conftest import KEY, VECTORS

import iovox
from iovox_sandbox import Sandbox

MODEL = json.loads((VECTORS / "model.json").read_text())["methods"]
TYPED = [m for m in MODEL if m["typed"]]


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def answered(name: str, call: Any) -> None:
    try:
        call()
    except iovox.ApiError as e:
        assert e.status not in (404, 501), f"{name}: {e}"


def test_the_model_has_typed_methods() -> None:
    assert len(TYPED) >= 8
    assert all(m["example"] is not None for m in TYPED)


def test_every_typed_method_from_the_client() -> None:
    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        for m in TYPED:
            answered(m["name"], lambda: getattr(client, snake(m["name"]))(**m["example"]))
        assert sb.stats["requests"] == len(TYPED)


def test_every_typed_method_from_the_async_client() -> None:
    async def walk(sb: Sandbox) -> None:
        async with iovox.AsyncClient(sb.username, KEY, sb.url, retries=0) as client:
            for m in TYPED:
                try:
                    await getattr(client, snake(m["name"]))(**m["example"])
                except iovox.ApiError as e:
                    assert e.status not in (404, 501), f"{m['name']}: {e}"

    with Sandbox(secure_key=KEY) as sb:
        asyncio.run(walk(sb))
        assert sb.stats["requests"] == len(TYPED)


def test_every_list_method_walks_its_pages() -> None:
    """Each list method's iter_* from the model walks every page, one call a page."""
    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        for m in (m for m in TYPED if m["list"]):
            whole = getattr(client, snake(m["name"]))(limit=20000)
            items = list(getattr(client, "iter_" + snake(m["name"])[len("get_"):])(limit=1))
            assert [r.to_dict() for r in items] == [r.to_dict() for r in whole.results], m["name"]
            assert all(type(r).__name__ == m["list"]["record"] for r in whole.results), m["name"]
