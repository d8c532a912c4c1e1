"""Python figures of scripts/bench: the iovox package next to bench/python_peer.py, over
loopback against the same iovox sandbox process, with the same request.

Usage: python python_bench.py --sandbox URL --slow-sandbox URL --out FILE [--quick]
(`--slow-sandbox` answers every request 20 ms late, for the threads figure). Writes one
JSON record per figure to FILE; scripts/bench turns them into the table.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import python_peer  # noqa: E402

import iovox  # noqa: E402

# The sandboxes' key: the test command sets IOVOX_SANDBOX_SECURE_KEY to its test key.
USER, KEY = "sandbox", (os.environ.get("IOVOX_SANDBOX_SECURE_KEY", "").strip() or "sandbox-secure-key")
ITEMS = [{"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC", "quantity": 2}]
ORDER = pathlib.Path(__file__).resolve().parent / "target" / "order-10000.xml"
PAGE = ORDER.parent / "page-20000.xml"


def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def record(figure, unit, sdk, peer, ratio, target, met, note=""):
    return {"lang": "Python", "figure": figure, "unit": unit, "sdk": spread(sdk),
            "peer": spread(peer) if peer else None, "ratio": ratio, "target": target,
            "met": met, "note": note}


def per_call_us(fn, n):
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1e6


def check_same_order(client, peer):
    """The peer and the SDK read an answer the same way (the smoke mode's check)."""
    raw = peer.purchase_raw(ITEMS)
    mine = python_peer.order_from_xml(raw)
    theirs = iovox.parse_callback(raw.replace(b"<response>", b"<order>").replace(b"</response>", b"</order>"))
    assert theirs.to_dict() == mine, (theirs.to_dict(), mine)
    sdk = client.purchase_vox_numbers(ITEMS)
    assert (sdk.order_status, len(sdk.voxnumbers)) == (mine["order_status"], len(mine["voxnumbers"])) == ("FULFILLED", 2)
    body = ORDER.read_bytes()
    assert iovox.parse_callback(body).to_dict() == python_peer.order_from_xml(body)


def threads_rate(call, threads, seconds):
    """Calls per second with `threads` threads calling `call` for `seconds`."""
    stop = time.perf_counter() + seconds
    counts = [0] * threads

    def work(i):
        while time.perf_counter() < stop:
            call()
            counts[i] += 1

    ts = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sum(counts) / (time.perf_counter() - start)


def import_time(module_code, rounds):
    out = []
    for _ in range(rounds):
        code = f"import time; t = time.perf_counter(); {module_code}; print(time.perf_counter() - t)"
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        out.append(float(r.stdout) * 1000)
    return out


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sandbox", required=True)
    ap.add_argument("--slow-sandbox", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--big-sandbox", required=True, help="a sandbox holding 100,000 numbers")
    ap.add_argument("--calls-sandbox", required=True, help="a sandbox holding 20,000 calls")
    ap.add_argument("--many-calls-sandbox", required=True, help="a sandbox holding 100,000 calls")
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    q = a.quick
    rounds = 3 if q else 9
    client = iovox.Client(USER, KEY, a.sandbox)
    peer = python_peer.Peer(a.sandbox, USER, KEY)
    check_same_order(client, peer)
    results = []

    n = 50 if q else 1000
    sdk, theirs = [], []
    for _ in range(rounds):  # interleaved, so both see the same machine
        sdk.append(per_call_us(lambda: client.purchase_vox_numbers(ITEMS), n))
        theirs.append(per_call_us(lambda: peer.purchase(ITEMS), n))
    r = statistics.median(theirs) / statistics.median(sdk)
    results.append(record("purchase round trip", "µs/call", sdk, theirs, f"{r:.2f}x faster",
                          "≥ 2x faster", r >= 2))

    body = ORDER.read_bytes()
    n = 3 if q else 30
    sdk, theirs = [], []
    for _ in range(rounds):
        sdk.append(per_call_us(lambda: len(iovox.parse_callback(body).voxnumbers), n) / 1000)
        theirs.append(per_call_us(lambda: len(python_peer.order_from_xml(body)["voxnumbers"]), n) / 1000)
    r = statistics.median(theirs) / statistics.median(sdk)
    results.append(record(f"decode a 10,000-number order ({len(body) / 1e6:.2f} MB) into objects",
                          "ms", sdk, theirs, f"{r:.2f}x faster", "≥ 5x faster", r >= 5))

    body = PAGE.read_bytes()
    mine = iovox.decode_page("getVoxnumbers", body)
    theirs_page = python_peer.page_from_xml(body)
    assert [r.voxnumber for r in mine] == [r["voxnumber"] for r in theirs_page["results"]]
    n = 1 if q else 5
    sdk, theirs, every_field = [], [], []
    for _ in range(rounds):
        sdk.append(per_call_us(lambda: len(iovox.decode_page("getVoxnumbers", body).results), n) / 1000)
        theirs.append(per_call_us(lambda: len(python_peer.page_from_xml(body)["results"]), n) / 1000)
        every_field.append(per_call_us(
            lambda: [r.to_dict() for r in iovox.decode_page("getVoxnumbers", body)], n) / 1000)
    r = statistics.median(theirs) / statistics.median(sdk)
    results.append(record(f"decode a 20,000-result getVoxnumbers page ({len(body) / 1e6:.2f} MB) into objects",
                          "ms", sdk, theirs, f"{r:.2f}x faster", "≥ 5x faster", r >= 5,
                          "fields are read on access; reading every field of every result as well: "
                          f"{statistics.median(every_field):.1f} ms"))

    november = {"sdt": "2020-11-01", "edt": "2020-11-30"}
    calls_client = iovox.Client(USER, KEY, a.calls_sandbox, timeout=120)
    calls_peer = python_peer.Peer(a.calls_sandbox, USER, KEY, timeout=120)
    mine = calls_client.get_call_data(**november, limit=20_000)
    theirs_page = calls_peer.call_data(**november, limit=20_000)
    assert len(mine.results) == len(theirs_page["results"]) == 20_000
    assert [c.id for c in mine.results[:50]] == [c["id"] for c in theirs_page["results"][:50]]
    n = 1 if q else 3
    sdk, theirs = [], []
    for _ in range(1 if q else rounds):
        sdk.append(per_call_us(lambda: len(calls_client.get_call_data(**november, limit=20_000).results), n) / 1000)
        theirs.append(per_call_us(lambda: len(calls_peer.call_data(**november, limit=20_000)["results"]), n) / 1000)
    r = statistics.median(theirs) / statistics.median(sdk)
    results.append(record("fetch a 20,000-call getCallData page from the sandbox and turn it into objects", "ms",
                          sdk, theirs, f"{r:.2f}x faster", "≥ 5x faster", r >= 5,
                          "both include the sandbox answering and the transfer"))

    def walked(what, pages):
        """Walks 100,000 results twice (the first walk warms the allocator up; its growth
        is shown), resident memory after each page of the second judged."""
        def walk():
            marks, count = [], 0
            started = time.perf_counter()
            for i, _result in enumerate(pages()):
                count += 1
                if (i + 1) % 20_000 == 0:
                    marks.append(rss_mb())
            assert count == 100_000, count
            return marks, time.perf_counter() - started

        first, _ = walk() if not q else ([0.0], 0.0)  # a smoke run walks once
        marks, took = walk()
        growth = marks[-1] - marks[0]
        return record(f"iterate 100,000 {what} over 5 pages of 20,000 ({took:.1f} s; after the first page: "
                      f"{marks[0]:.1f} MB; the first walk grew {first[-1] - first[0]:+.1f} MB while the "
                      "allocator warmed up)", "MB", marks[1:], None, f"{growth:+.1f} MB after the first page",
                      "flat after the first page (< 5 MB)", growth < 5.0)

    many = iovox.Client(USER, KEY, a.many_calls_sandbox, timeout=120)
    results.append(walked("calls (getCallData)", lambda: many.iter_call_data(**november, limit=20_000)))
    big = iovox.Client(USER, KEY, a.big_sandbox, timeout=120)
    results.append(walked("numbers", lambda: big.iter_voxnumbers(limit=20_000)))

    slow_client = iovox.Client(USER, KEY, a.slow_sandbox)
    slow_peer = python_peer.Peer(a.slow_sandbox, USER, KEY)
    seconds = 0.3 if q else 2.0
    one, eight, peer_one, peer_eight = [], [], [], []
    for _ in range(rounds):
        one.append(threads_rate(lambda: slow_client.purchase_vox_numbers(ITEMS), 1, seconds))
        eight.append(threads_rate(lambda: slow_client.purchase_vox_numbers(ITEMS), 8, seconds))
        peer_one.append(threads_rate(lambda: slow_peer.purchase(ITEMS), 1, seconds))
        peer_eight.append(threads_rate(lambda: slow_peer.purchase(ITEMS), 8, seconds))
    r = statistics.median(eight) / statistics.median(one)
    pr = statistics.median(peer_eight) / statistics.median(peer_one)
    results.append(record("8 threads sharing one client, sandbox answering in 20 ms", "calls/s",
                          eight, peer_eight, f"{r:.2f}x one thread",
                          "≥ 4x one thread", r >= 4,
                          f"1 thread: {statistics.median(one):.0f} calls/s; the peer: {pr:.2f}x its one thread"))

    rs = 3 if q else 9
    sdk = import_time("import iovox", rs)
    theirs = import_time("import requests, xml.etree.ElementTree", rs)
    r = statistics.median(theirs) / statistics.median(sdk)
    results.append(record("import time (`import iovox` vs `import requests, xml.etree`)", "ms",
                          sdk, theirs, f"{r:.2f}x faster", "no slower than the peer's", r >= 1))

    calls = 2_000 if q else 100_000
    warm = calls // 10
    marks = []
    for i in range(calls):
        client.purchase_vox_numbers(ITEMS)
        if i + 1 == warm or (i + 1) % (calls // 5) == 0:
            marks.append(rss_mb())
    growth = marks[-1] - marks[0]
    results.append(record(f"resident memory after {calls:,} calls (after {warm:,}: {marks[0]:.1f} MB)",
                          "MB", marks[1:], None, f"+{growth:.1f} MB after warm-up",
                          "flat after warm-up (< 2 MB)", growth < 2.0))
    with open(a.out, "a") as f:
        for rec in results:
            f.write(json.dumps(rec) + "\n")
    print(f"python: {len(results)} figures, peers give the same orders as the SDK")


if __name__ == "__main__":
    main()
