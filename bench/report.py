"""Turns the benchmark records into one markdown table: criterion's samples for Rust
(target/criterion), JSON lines from the Python and Node harnesses. Prints it and writes
it to the file given."""
import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys

RUST = [
    # (criterion id, figure, unit scale, unit, target text, check on the median)
    ("encode_validate/1_items", "encode + validate a 1-item purchase", 1e-3, "µs", "(figure)", None),
    ("encode_validate/250_items", "encode + validate a 250-item purchase", 1e-3, "µs", "< 50 µs", lambda m: m < 50),
    ("encode_validate/250_items_with_address", "… 250 items, each with an address", 1e-3, "µs", "(figure)", None),
    ("encode_validate/250_items_wire", "… 250 items given untyped (wire form, as Python and Node give them)", 1e-3, "µs", "(figure)", None),
    ("decode/order_10000", "decode a 10,000-number order (1.34 MB)", 1e-6, "ms", "(figure)", None),
]


def samples(criterion, bench_id):
    path = pathlib.Path(criterion, *bench_id.split("/"), "new", "sample.json")
    data = json.loads(path.read_text())
    return [t / i for t, i in zip(data["times"], data["iters"])]


def spread(values, scale=1.0):
    v = [x * scale for x in values]
    return {"median": statistics.median(v), "min": min(v), "max": max(v)}


def fmt(s):
    if s is None:
        return "–"
    def n(x):
        return f"{x:,.0f}" if x >= 100 else f"{x:.2f}" if x < 10 else f"{x:.1f}"
    return f"{n(s['median'])} ({n(s['min'])}–{n(s['max'])})"


def rust_records(criterion):
    out = []
    for bench_id, figure, scale, unit, target, check in RUST:
        s = spread(samples(criterion, bench_id), scale)
        out.append({"lang": "Rust", "figure": figure, "unit": unit, "sdk": s, "peer": None,
                    "ratio": "", "target": target, "met": check(s["median"]) if check else None, "note": ""})
    client = spread(samples(criterion, "round_trip/iovox_client"), 1e-3)
    for peer_id, name, note in (
        ("round_trip/bare_ureq", "purchase round trip vs bare ureq (no timeout, as ureq defaults)", ""),
        ("round_trip/bare_ureq_same_timeout", "purchase round trip vs bare ureq with the same 30 s timeout",
         "the client always sets an overall timeout; ureq's costs this much per call"),
    ):
        peer = spread(samples(criterion, peer_id), 1e-3)
        r = client["median"] / peer["median"]
        out.append({"lang": "Rust", "figure": name, "unit": "µs/call", "sdk": client, "peer": peer,
                    "ratio": f"{r:.2f}x the peer's time", "target": "≤ 1.10x", "met": r <= 1.10, "note": note})
    return out


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; "
            f"{version(['rustc', '--version'])}; Python {platform.python_version()}; Node {version(['node', '--version'])}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", required=True)
    ap.add_argument("--criterion", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--title", default="Benchmarks")
    a = ap.parse_args()
    records = rust_records(a.criterion)
    records += [json.loads(line) for line in open(a.records) if line.strip()]
    lines = [f"# {a.title}", "",
             "Medians over repeated runs, (min–max) across the runs; the peer measured in the same run. "
             "Peers: bench/rust_peer.rs (ureq), bench/python_peer.py (requests + ElementTree), "
             "bench/node_peer.js (fetch + fast-xml-parser); all against the same iovox sandbox "
             "process over loopback, with the same request (one item, two numbers).", "",
             f"Machine: {machine()}.", "",
             "| | figure | unit | iovox | peer | ratio | target | met |",
             "| --- | --- | --- | ---: | ---: | --- | --- | --- |"]
    for r in records:
        figure = r["figure"] + (f" ({r['note']})" if r.get("note") else "")
        met = "–" if r["met"] is None else "yes" if r["met"] else "**no**"
        lines.append(f"| {r['lang']} | {figure} | {r['unit']} | {fmt(r['sdk'])} | {fmt(r['peer'])} | "
                     f"{r['ratio']} | {r['target']} | {met} |")
    judged = [r for r in records if r["met"] is not None]
    missed = [r for r in judged if not r["met"]]
    lines += ["", f"Targets met: {len(judged) - len(missed)} of {len(judged)}"
              + (f"; missed: {'; '.join(r['lang'] + ' ' + r['figure'] for r in missed)}." if missed else ".")]
    text = "\n".join(lines) + "\n"
    pathlib.Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(a.out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
