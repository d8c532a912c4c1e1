"""What the SDK did, through `logging.getLogger("iovox")`: one DEBUG record per attempt,
with the method, the outcome, the attempt, the duration and whether it may have been sent;
never the secure key, the callback's password or the personal data of a request."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from conftest import KEY

import iovox
from iovox_sandbox import Sandbox

PERSONAL = ["Augusta-Ada", "Lovelace-King", "Marylebone-High-Street", "Westminster-City", "hunter2-callback"]


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def records() -> Any:
    logger = logging.getLogger("iovox")
    handler = Records()
    old = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)


def paris() -> list[iovox.PurchaseItem]:
    who = iovox.AdditionalInformation(PERSONAL[0], PERSONAL[1], "Co", PERSONAL[2], 7, PERSONAL[3], "75001")
    return [iovox.PurchaseItem(33, "GEOGRAPHIC", 1, area_code=1, additional_information=who)]


def test_one_record_per_attempt_with_no_secret(records: list[logging.LogRecord]) -> None:
    callback = f"https://hook:{PERSONAL[4]}@me.example/cb"
    with Sandbox(secure_key=KEY) as sb:
        client = iovox.Client(sb.username, KEY, sb.url, timeout=0.3, retries=2)
        client.purchase_vox_numbers(paris(), callback_url=callback)
        sb.inject("500")
        client.get_voxnumbers()  # 500, then ok: two attempts
        for fault in ("slow:800", "drop", "not-xml"):
            sb.inject(fault)
            with pytest.raises(iovox.IovoxError):
                client.purchase_vox_numbers(paris(), callback_url=callback)
        with pytest.raises(iovox.AuthenticationError):
            iovox.Client(sb.username, "not-the-key", sb.url).get_links()
        with pytest.raises(iovox.ValidationError):
            client.get_voxnumbers(limit=0)  # nothing sent: no attempt, no record

        async def from_async() -> None:
            async with iovox.AsyncClient(sb.username, KEY, sb.url) as a:
                await a.get_countries()

        asyncio.run(from_async())
        requests = sb.stats["requests"]

    seen = [(r.iovox_method, r.iovox_outcome, r.iovox_attempt) for r in records]  # type: ignore[attr-defined]
    assert seen == [
        ("purchaseVoxNumbers", "ok", 1),
        ("getVoxnumbers", "500", 1),
        ("getVoxnumbers", "ok", 2),
        ("purchaseVoxNumbers", "timeout", 1),
        ("purchaseVoxNumbers", "connection", 1),
        ("purchaseVoxNumbers", "502", 1),  # an HTML 502: a purchase is not repeated
        ("getLinks", "401", 1),
        ("getCountries", "ok", 1),
    ], seen
    assert len(records) == requests, "one record per request that reached the sandbox"
    for r in records:
        assert r.levelno == logging.DEBUG and r.name == "iovox"
        line = r.getMessage()
        assert line.startswith(f"iovox request method={r.iovox_method} outcome={r.iovox_outcome} "), line  # type: ignore[attr-defined]
        assert f"maybe_sent={str(r.iovox_maybe_sent).lower()}" in line  # type: ignore[attr-defined]
        assert isinstance(r.iovox_duration_ms, int)  # type: ignore[attr-defined]
        for secret in [KEY, "not-the-key", *PERSONAL]:
            assert secret not in line and secret not in str(r.__dict__), secret


def test_nothing_is_formatted_when_the_logger_is_off() -> None:
    logger = logging.getLogger("iovox")
    assert not logger.isEnabledFor(logging.DEBUG)
    handler = Records()
    logger.addHandler(handler)
    try:
        with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url) as client:
            client.get_voxnumbers()
    finally:
        logger.removeHandler(handler)
    assert handler.records == []
