"""Writes the seed corpus of every fuzz target from tests/vectors/ (run by scripts/fuzz)."""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "corpus"


def cases(name):
    return json.loads((VECTORS / name).read_text())["cases"]


def put(target, i, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / f"seed-{i:04d}").write_bytes(data if isinstance(data, bytes) else data.encode())


n = 0
for c in cases("orders.json"):
    put("purchase_response" if c["root"] == "response" else "callback", n, c["xml"])
    put("callback" if c["root"] == "response" else "purchase_response", n, c["xml"])
    n += 1
for c in cases("error_bodies.json"):
    put("error_body", n, c["status"].to_bytes(2, "big") + c["body"].encode())
    n += 1
for name, target in (("purchase_requests.json", "server_purchase"), ("attach_requests.json", "server_attach")):
    for c in cases(name):
        put(target, n, c["xml"])
        n += 1
for c in cases("spec_examples.json"):
    put("server_purchase" if c["kind"] == "purchase" else "server_attach", n, c["page_xml"])
    n += 1
for c in cases("server_requests.json"):
    put("server_" + c["method"], n, c["body"])
    n += 1
for name in ("purchase_requests.json", "invalid_purchase.json", "spec_examples.json"):
    for c in cases(name):
        if "request" in c:
            put("js_input", n, json.dumps(c["request"]))
            n += 1
for name in ("attach_requests.json", "invalid_attach.json", "spec_examples.json"):
    for c in cases(name):
        if "links" in c:
            put("js_input", n, json.dumps(c["links"]))
            n += 1
print(f"{n} seeds from {VECTORS.relative_to(ROOT)} into {OUT}")
