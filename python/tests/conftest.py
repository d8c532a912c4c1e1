"""Shared helpers: the vectors, a recognisable secure key, a sandbox and a canned server."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest

import iovox
from iovox_sandbox import Sandbox

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"

# Recognisable, so a test can prove it never shows up in output, reprs or errors.
KEY = "SECRET-KEY-c0ffee-5ca1ab1e"


def vector_cases(name: str) -> list[Any]:
    cases: list[Any] = json.loads((VECTORS / f"{name}.json").read_text())["cases"]
    return cases


def native(value: Any) -> Any:
    """The vectors write bytes as {"\\u0000bytes": base64}; a Python user hands over bytes."""
    if isinstance(value, list):
        return [native(v) for v in value]
    if isinstance(value, dict):
        if list(value) == ["\x00bytes"]:
            return base64.b64decode(value["\x00bytes"])
        return {k: native(v) for k, v in value.items()}
    return value


def case_ids(cases: list[Any]) -> list[str]:
    return [c["name"] for c in cases]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(secure_key=KEY) as sb:
        yield sb


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[iovox.Client]:
    with iovox.Client(sandbox.username, KEY, sandbox.url, retries=0) as c:
        yield c


class Canned:
    """A server that answers every request with one status and body, set per test."""

    def __init__(self) -> None:
        self.status = 200
        self.body = b""
        self.requests = 0
        self.last_body = b""
        self.last_path = ""
        canned = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                canned.requests += 1
                canned.last_path = self.path
                canned.last_body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(canned.status)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(canned.body)))
                self.end_headers()
                self.wfile.write(canned.body)

            do_PUT = do_POST
            do_GET = do_POST
            do_DELETE = do_POST

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, status: int, body: str) -> None:
        self.status, self.body = status, body.encode()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def canned() -> Iterator[Canned]:
    server = Canned()
    yield server
    server.close()
