"""Walks the model (tests/vectors/model.json, written by scripts/generate): every typed
method, with the example its declaration gives, from the sync and the async client,
against the sandbox. No list of methods is kept here: a method added to the model is
called by this test. Each is answered as IOVOX would: a success, or an IOVOX error; never
the sandbox's 501 or an unknown route. And every request-only rule of every typed method
(tests/vectors/rules.json, what the core's walk of the model finds): each request that
breaks one is refused by the client with that rule's error, and never reaches the
sandbox."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from conftest import KEY, VECTORS, native

import iovox
from iovox_sandbox import Sandbox

MODEL = json.loads((VECTORS / "model.json").read_text())["methods"]
TYPED = [m for m in MODEL if m["typed"]]
RULES = json.loads((VECTORS / "rules.json").read_text())["methods"]


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


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


def test_every_rule_of_every_typed_method_is_refused_before_sending() -> None:
    """For each typed method: each request breaking one of its rules raises ValidationError
    holding that rule's error (code, field, message), from the sync and the async client,
    and the sandbox sees none of them; then its example reaches the sandbox."""
    assert sorted(RULES) == sorted(m["name"] for m in TYPED)
    assert sum(len(r) for r in RULES.values()) >= 150

    def rule_of(e: iovox.ValidationError) -> list[tuple[str, Any, str]]:
        return [(i.code, i.field, i.message) for i in e.errors]

    async def refused_async(sb: Sandbox) -> None:
        async with iovox.AsyncClient(sb.username, KEY, sb.url, retries=0) as client:
            for m in TYPED:
                for rule in RULES[m["name"]]:
                    try:
                        await getattr(client, snake(m["name"]))(**native(rule["args"]))
                    except iovox.ValidationError as e:
                        assert (rule["code"], rule["field"], rule["message"]) in rule_of(e), m["name"]
                    else:
                        raise AssertionError(f"{m['name']}: {rule['args']} was sent")

    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        for m in TYPED:
            call = getattr(client, snake(m["name"]))
            for rule in RULES[m["name"]]:
                try:
                    call(**native(rule["args"]))
                except iovox.ValidationError as e:
                    assert (rule["code"], rule["field"], rule["message"]) in rule_of(e), (m["name"], rule_of(e))
                else:
                    raise AssertionError(f"{m['name']}: {rule['args']} was sent")
        asyncio.run(refused_async(sb))
        assert sb.stats["requests"] == 0
        for m in TYPED:
            answered(m["name"], lambda: getattr(client, snake(m["name"]))(**native(m["example"])))
        assert sb.stats["requests"] == len(TYPED)


def largest_limit(m: dict[str, Any]) -> int:
    """The largest `limit` the method's declaration takes: one page holds every result."""
    return int(next(a["bounds"][1] for a in m["arguments"] if a["name"] == "limit"))


def required(m: dict[str, Any]) -> dict[str, Any]:
    """The arguments the method cannot go without, from its declared example."""
    return {a["name"]: m["example"][a["name"]] for a in m["arguments"] if a["required"]}


def test_every_list_method_walks_its_pages() -> None:
    """Each list method's iter_* from the model walks every page, one call a page."""
    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        for m in (m for m in TYPED if m["list"]):
            whole = getattr(client, snake(m["name"]))(**required(m), limit=largest_limit(m))
            items = list(getattr(client, "iter_" + snake(m["name"])[len("get_"):])(**required(m), limit=1))
            assert [r.to_dict() for r in items] == [r.to_dict() for r in whole.results], m["name"]
            assert all(type(r).__name__ == m["list"]["record"] for r in whole.results), m["name"]


def test_every_list_method_gives_whole_pages_and_json_ready_dicts() -> None:
    """Page-level iteration (iter_pages, sync and async) gives each page with its totals, in
    order, one call a page; a page's to_dict() goes through json.dumps as it is, dates as
    ISO 8601 text."""

    async def async_pages(sb: Sandbox, m: dict[str, Any]) -> list[iovox.Page[Any]]:
        async with iovox.AsyncClient(sb.username, KEY, sb.url, retries=0) as client:
            walk = getattr(client, "iter_" + snake(m["name"])[len("get_"):])(**required(m), limit=2)
            return [p async for p in walk.iter_pages()]

    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        client.purchase_vox_numbers([{"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 3}])
        for m in (m for m in TYPED if m["list"]):
            whole = getattr(client, snake(m["name"]))(**required(m), limit=largest_limit(m))
            before = sb.stats["requests"]
            pages = list(getattr(client, "iter_" + snake(m["name"])[len("get_"):])(**required(m), limit=2).iter_pages())
            assert sb.stats["requests"] - before == max(1, len(pages)), m["name"]
            assert [p.current_page for p in pages] == list(range(1, len(pages) + 1)), m["name"]
            assert all(p.total_results == len(whole.results) for p in pages), m["name"]
            assert [r.to_dict() for p in pages for r in p.results] == [r.to_dict() for r in whole.results]
            assert [p.to_dict() for p in asyncio.run(async_pages(sb, m))] == [p.to_dict() for p in pages]

            data = whole.to_dict()
            assert json.loads(json.dumps(data)) == data, m["name"]
            assert data["total_results"] == whole.total_results
            assert data["results"] == [r.to_dict() for r in whole.results]
            for f in (f for f in m["fields"] if f["kind"] == "date-time"):
                for r, d in zip(whole.results, data["results"]):
                    value = getattr(r, f["element"])
                    if value is not None:
                        assert d[f["element"]] == value.isoformat(), (m["name"], f["element"])

        # A part-read iterator cannot give its page whole.
        walk = client.iter_voxnumbers(limit=2)
        next(walk)
        try:
            next(walk.iter_pages())
            raise AssertionError("iter_pages() on a part-read iterator")
        except RuntimeError as e:
            assert "part-way through a page" in str(e)
