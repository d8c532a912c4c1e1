"""The package at its edges: settings refused at construction, fork, Ctrl-C, per-call
timeouts, servers that echo the key, text XML cannot carry, typos, TLS with a company CA.
Each test asserts what a user sees: the class, the setting named, what reached a socket,
how long an interruption took."""

from __future__ import annotations

import asyncio
import math
import os
import signal
import socket
import ssl
import subprocess
import sys
import textwrap
import threading
import time
import types
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import KEY, ROOT, Canned

import iovox
from iovox_sandbox import Sandbox

LONDON = {"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC", "quantity": 1}
TLS = ROOT / "tests" / "tls"


@pytest.fixture
def listener() -> Iterator[tuple[str, list[int]]]:
    """A socket that counts connections and never answers: proof that nothing was sent."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.05)
    count = [0]
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                count[0] += 1
                conn.close()
            except OSError:
                pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", count
    stop.set()
    t.join()
    sock.close()


@pytest.mark.parametrize(
    "base_url, says",
    [
        ("http://127.0.0.1:99999", "invalid port number"),
        ("", "is empty"),
        ("https://exa mple.com", "is not a URL"),
        ("https://api.iovox.com:444/?v=3", "query string"),
        ("gopher://api.iovox.com", "must use http or https"),
    ],
)
def test_a_bad_base_url_is_a_config_error_at_construction(base_url: str, says: str) -> None:
    with pytest.raises(iovox.ConfigError, match="the base URL") as e:
        iovox.Client("me", KEY, base_url)
    assert says in str(e.value)


def test_an_empty_iovox_base_url_is_refused_not_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOVOX_USERNAME", "me")
    monkeypatch.setenv("IOVOX_SECURE_KEY", KEY)
    monkeypatch.setenv("IOVOX_BASE_URL", "")
    with pytest.raises(iovox.ConfigError, match=r"the base URL \(from IOVOX_BASE_URL\) is empty"):
        iovox.Client()
    monkeypatch.delenv("IOVOX_BASE_URL")
    assert iovox.Client().base_url == iovox.PRODUCTION_URL


@pytest.mark.parametrize(
    "username, key, says",
    [
        ("me\r\nX-Evil: 1", KEY, "the username holds a control character at position 3"),
        ("me", "ab\0cd", "the secure key holds a control character at position 3"),
        ("me", "clé", "the secure key holds a character that is not ASCII at position 3"),
    ],
)
def test_credentials_that_cannot_be_sent_are_refused(
    listener: tuple[str, list[int]], username: str, key: str, says: str
) -> None:
    url, count = listener
    with pytest.raises(iovox.ConfigError) as e:
        iovox.Client(username, key, url)
    assert says in str(e.value)
    assert "clé" not in str(e.value) and "ab\0cd" not in str(e.value)
    assert count[0] == 0


def test_a_key_read_from_a_file_keeps_working(tmp_path: Path, sandbox: Sandbox) -> None:
    (tmp_path / "key").write_text(KEY + "\n")
    client = iovox.Client(sandbox.username, (tmp_path / "key").read_text(), sandbox.url)
    assert client.purchase_vox_numbers([LONDON]).is_fulfilled


@pytest.mark.parametrize(
    "kwargs, says",
    [
        ({"timeout": 1e19}, "timeout must be a number of seconds above 0 and at most 86400"),
        ({"timeout": math.nan}, "timeout must be a number of seconds"),
        ({"timeout": 0}, "timeout must be a number of seconds"),
        ({"connect_timeout": math.inf}, "connect_timeout must be a number of seconds"),
        ({"timeout": "5"}, "timeout must be a number, not str"),
        ({"timeout": True}, "timeout must be a number, not bool"),
        ({"retries": -1}, "retries must be a whole number from 0 to 10, not -1"),
        ({"retries": 2**70}, "retries must be a whole number from 0 to 10"),
        ({"retries": 2.0}, "retries must be a number, not float"),
        ({"max_response_bytes": 0}, "max_response_bytes must be a whole number of bytes from 1024 to 1073741824, not 0"),
        ({"max_response_bytes": 2**31}, "max_response_bytes must be a whole number of bytes"),
        ({"max_response_bytes": "1e6"}, "max_response_bytes must be a number, not str"),
    ],
)
def test_numbers_out_of_range_are_config_errors_naming_the_setting(kwargs: dict[str, Any], says: str) -> None:
    with pytest.raises(iovox.ConfigError) as e:
        iovox.Client("me", KEY, "http://127.0.0.1:1", **kwargs)
    assert says in str(e.value)
    with pytest.raises(iovox.ConfigError):
        iovox.AsyncClient("me", KEY, "http://127.0.0.1:1", **kwargs)


def test_async_client_after_close_is_a_config_error(sandbox: Sandbox) -> None:
    async def main() -> None:
        client = iovox.AsyncClient(sandbox.username, KEY, sandbox.url)
        await client.purchase_vox_numbers([LONDON])
        await client.close()
        with pytest.raises(iovox.ConfigError, match="closed"):
            await client.purchase_vox_numbers([LONDON])

    asyncio.run(main())


def test_a_per_call_timeout_overrides_the_clients(sandbox_slow: Sandbox) -> None:
    client = iovox.Client(sandbox_slow.username, KEY, sandbox_slow.url, timeout=60)
    started = time.monotonic()
    with pytest.raises(iovox.TimeoutError) as e:
        client.purchase_vox_numbers([LONDON], timeout=0.2)
    assert e.value.maybe_sent is True  # sent, then the answer timed out
    # One 0.2 s attempt (a purchase is not repeated once sent); the bound is 25x that.
    assert time.monotonic() - started < 5

    async def main() -> None:
        async with iovox.AsyncClient(sandbox_slow.username, KEY, sandbox_slow.url, timeout=60) as c:
            with pytest.raises(iovox.TimeoutError):
                await c.purchase_vox_numbers([LONDON], timeout=0.2)

    started = time.monotonic()
    asyncio.run(main())
    assert time.monotonic() - started < 10


@pytest.fixture
def sandbox_slow() -> Iterator[Sandbox]:
    with Sandbox(secure_key=KEY, response_delay=3.0) as sb:
        yield sb


def test_a_server_echoing_the_key_never_gets_it_into_an_error(canned: Canned) -> None:
    client = iovox.Client("me", KEY, canned.url, retries=0)
    order = "<response><order_reference>r</order_reference><order_status>{}</order_status><voxnumbers><voxnumber><country_code>{}</country_code><area_code>20</area_code><full_voxnumber>{}</full_voxnumber></voxnumber></voxnumbers></response>"
    for status, body in [
        (201, order.format(KEY, 44, "442071234567")),
        (201, order.format("x" * 30 + KEY, 44, "442071234567")),
        (201, order.format("PENDING", KEY, "442071234567")),
        (201, order.format("PENDING", 44, KEY)),
        (201, f"<{KEY}/>"),
        (201, f"<response>&{KEY};</response>"),
        (400, f'<errors><error status="400">bad {KEY}</error></errors>'),
        (502, "<html>" + "y" * 185 + KEY + "</html>"),
    ]:
        canned.answer(status, body)
        with pytest.raises(iovox.IovoxError) as e:
            client.purchase_vox_numbers([LONDON])
        text = " ".join([str(e.value), repr(e.value), *e.value.messages])
        for i in range(len(KEY) - 9):
            assert KEY[i : i + 10] not in text, (body[:60], text)


def test_text_xml_cannot_carry_is_a_validation_error_and_nothing_is_sent(
    listener: tuple[str, list[int]],
) -> None:
    url, count = listener
    client = iovox.Client("me", KEY, url)
    with pytest.raises(iovox.ValidationError) as e:
        client.purchase_vox_numbers([{**LONDON, "city_name": "Lon\0don"}])
    (issue,) = e.value.errors
    assert (issue.code, issue.field, issue.position) == ("not_xml_text", "city_name", iovox.Position(1, 1))
    assert issue.message == "city_name 1 of 1 holds U+0000, a character XML cannot carry"
    with pytest.raises(iovox.ValidationError, match=r"U\+000B"):
        client.attach_voxnumber_to_link([iovox.Link.by_voxnumber("3\x0b33", "441512100200")])
    assert count[0] == 0


def test_a_20_mb_field_is_refused_before_sending(listener: tuple[str, list[int]]) -> None:
    url, count = listener
    client = iovox.Client("me", KEY, url)
    with pytest.raises(iovox.ValidationError) as e:
        client.purchase_vox_numbers([{**LONDON, "city_name": "L" * 20_000_000}])
    assert e.value.errors[0].code == "request_too_large"
    assert "over the 16777216-byte limit" in e.value.errors[0].message
    assert count[0] == 0


def test_an_unknown_key_is_a_type_error_with_the_nearest_field(listener: tuple[str, list[int]]) -> None:
    url, count = listener
    client = iovox.Client("me", KEY, url)
    with pytest.raises(TypeError, match=r"unknown field 'quantiy' in item 1 of 1; did you mean 'quantity'\?"):
        client.purchase_vox_numbers([{"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC", "quantiy": 2}])
    with pytest.raises(TypeError, match=r"unknown field 'link' in link 2 of 2; did you mean 'link_id'\?"):
        client.attach_voxnumber_to_link([iovox.Link.by_area("1", 44, 20), {"link": "2"}])
    info = {"firstname": "A", "lastname": "B", "company": "C", "stret": "D"}
    with pytest.raises(TypeError, match="unknown field 'stret' in additional_information of item 1 of 1"):
        iovox.purchase_request_xml([{**LONDON, "additional_information": info}])
    with pytest.raises(TypeError, match="unknown field '5' in item 1 of 1"):
        iovox.purchase_request_xml([{**LONDON, 5: 1}])
    assert count[0] == 0


def test_any_mapping_is_an_item_as_the_stub_says(sandbox: Sandbox) -> None:
    client = iovox.Client(sandbox.username, KEY, sandbox.url)
    assert client.purchase_vox_numbers([types.MappingProxyType(LONDON)]).is_fulfilled


def test_parse_callback_of_a_lone_surrogate_is_a_decode_error() -> None:
    with pytest.raises(iovox.DecodeError):
        iovox.parse_callback("<order>\ud800</order>")


def test_order_status_is_one_of_two_literals(sandbox: Sandbox) -> None:
    client = iovox.Client(sandbox.username, KEY, sandbox.url)
    assert client.purchase_vox_numbers([LONDON]).order_status in ("PENDING", "FULFILLED")


def run_interrupted(body: str, wait: float = 0.5) -> tuple[float, str]:
    """Runs `body` in a child Python that prints READY before it blocks, sends SIGINT
    `wait` s after READY, and returns how long the child took to die after the signal."""
    script = textwrap.dedent(
        f"""
        import asyncio, sys, iovox
        from iovox_sandbox import Sandbox
        KEY = {KEY!r}
        LONDON = {LONDON!r}
        """
    ) + textwrap.dedent(body)
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        time.sleep(wait)
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=30)
        return time.monotonic() - sent, err
    finally:
        child.kill()
        child.wait()


# The child blocks on a sandbox answering after 30 s; with the signal honoured it dies in
# about a slice (50 ms). The bound is what a loaded 2-core machine needs to start tearing
# a process down, and is still 10x under the call it interrupts.
INTERRUPT_BOUND = 3.0


def test_ctrl_c_interrupts_a_sync_call() -> None:
    took, err = run_interrupted(
        """
        with Sandbox(secure_key=KEY, response_delay=30) as sb:
            client = iovox.Client(sb.username, KEY, sb.url)
            print("READY", flush=True)
            client.purchase_vox_numbers([LONDON])
        """
    )
    assert "KeyboardInterrupt" in err, err
    assert "may have reached IOVOX; a purchase may still be made" in err, err
    assert took < INTERRUPT_BOUND, took


def test_ctrl_c_interrupts_an_async_call_under_asyncio_run() -> None:
    took, err = run_interrupted(
        """
        async def main():
            with Sandbox(secure_key=KEY, response_delay=30) as sb:
                async with iovox.AsyncClient(sb.username, KEY, sb.url) as client:
                    print("READY", flush=True)
                    await client.purchase_vox_numbers([LONDON])
        asyncio.run(main())
        """
    )
    assert "KeyboardInterrupt" in err, err
    assert took < INTERRUPT_BOUND, took


def test_ctrl_c_interrupts_a_sandbox_wait() -> None:
    took, err = run_interrupted(
        """
        with Sandbox(secure_key=KEY) as sb:
            print("READY", flush=True)
            sb.wait_for_callbacks(1, timeout=60)
        """
    )
    assert "KeyboardInterrupt" in err, err
    assert took < INTERRUPT_BOUND, took


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX-only")
def test_a_forked_child_never_shares_the_parents_connection() -> None:
    # Parent and child buy at once through one inherited client: London in the parent,
    # Liverpool in the child. A shared kept-alive socket would cross their answers.
    state = {
        "regions": [
            {"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC", "country_name": "UNITED KINGDOM",
             "city_name": "London", "state_name": "", "postcodes": [], "require_purchase_info": False, "stock": 500},
            {"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "country_name": "UNITED KINGDOM",
             "city_name": "Liverpool", "state_name": "", "postcodes": [], "require_purchase_info": False, "stock": 500},
        ],
        "voxnumbers": [],
        "links": [],
        "postcodes": [],
    }
    with Sandbox(state, secure_key=KEY) as sb:
        client = iovox.Client(sb.username, KEY, sb.url, retries=0)
        client.purchase_vox_numbers([LONDON])  # a kept-alive connection now exists
        pid = os.fork()
        if pid == 0:  # the child: report through the exit status only
            code = 0
            try:
                for _ in range(60):
                    order = client.purchase_vox_numbers([{**LONDON, "area_code": 151}])
                    if [v.area_code for v in order.voxnumbers] != [151]:
                        code = 3
            except BaseException:
                code = 4
            os._exit(code)
        crossed = 0
        for _ in range(60):
            order = client.purchase_vox_numbers([LONDON])
            crossed += [v.area_code for v in order.voxnumbers] != [20]
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, "the child got another's answer or failed"
        assert crossed == 0
        assert sb.stats["purchases"] == 121


def serve_tls() -> tuple[str, ThreadingHTTPServer]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            body = b"<response><order_reference>r1</order_reference><order_status>PENDING</order_status><voxnumbers/></response>"
            self.send_response(201)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "server.pem", TLS / "server.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"https://127.0.0.1:{server.server_address[1]}", server


def test_a_company_ca_from_ca_file_or_ssl_cert_file() -> None:
    url, server = serve_tls()
    try:
        with pytest.raises(iovox.ConnectionError, match="UnknownIssuer") as e:
            iovox.Client("me", KEY, url).purchase_vox_numbers([LONDON])
        assert e.value.maybe_sent is False
        order = iovox.Client("me", KEY, url, ca_file=TLS / "ca.pem").purchase_vox_numbers([LONDON])
        assert order.order_reference == "r1"
        with pytest.raises(iovox.ConfigError, match="the CA file .* cannot be read"):
            iovox.Client("me", KEY, url, ca_file="/nonexistent.pem")
        # The platform's store honours SSL_CERT_FILE (a fresh process reads it).
        done = subprocess.run(
            [sys.executable, "-c", f"import iovox; print(iovox.Client('me', {KEY!r}, {url!r}).purchase_vox_numbers([{LONDON!r}]).order_reference)"],
            env={**os.environ, "SSL_CERT_FILE": str(TLS / "ca.pem")},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.stdout.strip() == "r1", done.stderr
    finally:
        server.shutdown()
        server.server_close()


def relay(client: socket.socket, upstream: socket.socket) -> None:
    """Copies bytes both ways between two sockets until either side closes (the proxies')."""

    def pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    back = threading.Thread(target=pipe, args=(upstream, client), daemon=True)
    back.start()
    pipe(client, upstream)
    back.join(timeout=10)
    upstream.close()


def test_a_proxy_from_the_environment_is_used(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> None:
    # A CONNECT proxy (ureq tunnels through proxies for http and https alike): it records
    # each tunnel and relays bytes both ways.
    tunnels: list[str] = []

    class Proxy(BaseHTTPRequestHandler):
        def do_CONNECT(self) -> None:
            tunnels.append(self.path)
            host, port = self.path.rsplit(":", 1)
            upstream = socket.create_connection((host, int(port)), timeout=10)
            self.send_response(200, "Connection established")
            self.end_headers()

            relay(self.connection, upstream)

        def log_message(self, *args: Any) -> None:
            pass

    proxy = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.server_address[1]}")
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        client = iovox.Client(sandbox.username, KEY, sandbox.url)
        assert client.purchase_vox_numbers([LONDON]).is_fulfilled
        assert tunnels == [sandbox.url.removeprefix("http://")]
        client.close()
    finally:
        proxy.shutdown()
        proxy.server_close()


def test_a_socks5_proxy_from_all_proxy_is_used(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox) -> None:
    # A minimal SOCKS5 server (no authentication, CONNECT only) that records each target.
    import socketserver
    import struct

    targets: list[str] = []

    class Socks(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            conn: socket.socket = self.request
            _version, count = conn.recv(2)
            conn.recv(count)  # the client's auth methods
            conn.sendall(b"\x05\x00")  # no authentication
            _, _command, _, kind = conn.recv(4)
            if kind == 1:
                host = socket.inet_ntoa(conn.recv(4))
            elif kind == 3:
                host = conn.recv(conn.recv(1)[0]).decode()
            else:
                return
            (port,) = struct.unpack("!H", conn.recv(2))
            targets.append(f"{host}:{port}")
            upstream = socket.create_connection((host, port), timeout=10)
            conn.sendall(b"\x05\x00\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack("!H", port))
            relay(conn, upstream)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Socks)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("ALL_PROXY", f"socks5://127.0.0.1:{server.server_address[1]}")
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        client = iovox.Client(sandbox.username, KEY, sandbox.url)
        assert client.purchase_vox_numbers([LONDON]).is_fulfilled
        assert targets == [sandbox.url.removeprefix("http://")]
        client.close()
    finally:
        server.shutdown()
        server.server_close()


def test_a_cancelled_asyncio_task_starts_no_further_attempt(sandbox: Sandbox) -> None:
    # The first attempt gets a 500 and the attach waits 100-200 ms before retrying; the
    # task is cancelled meanwhile, so the retry never happens.
    async def main() -> None:
        async with iovox.AsyncClient(sandbox.username, KEY, sandbox.url, retries=2) as client:
            sandbox.inject("500")
            task = asyncio.ensure_future(client.attach_voxnumber_to_link([iovox.Link.by_area("444", 44, 20)]))
            while sandbox.stats["requests"] == 0:
                await asyncio.sleep(0.005)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            await asyncio.sleep(0.6)  # past the longest wait before a retry

    asyncio.run(main())
    assert sandbox.stats["requests"] == 1
    assert sandbox.stats["attaches"] == 0


def test_the_answer_cap_is_a_setting_and_a_bigger_answer_a_decode_error(sandbox: Sandbox) -> None:
    small = iovox.Client(sandbox.username, KEY, sandbox.url, max_response_bytes=1024)
    with pytest.raises(iovox.DecodeError, match="over the 1024-byte cap"):
        small.get_voxnumbers()
    assert len(iovox.Client(sandbox.username, KEY, sandbox.url).get_voxnumbers().results) > 3
