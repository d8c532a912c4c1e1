"""The fault campaign through the Python package: calls against iovox.testing.Sandbox
with a fault drawn from a seeded generator before each, plus malformed callbacks fed to
iovox.parse_callback. Checks that every call ends in its result or a typed error within
its deadline, that no purchase reached the sandbox twice, that the sandbox's books
balance with every number seen once, and that no file descriptor or thread is left.

Usage: python campaign.py [--seed N] [--calls N]. Prints its figures; exits 1 on any
violation. Run by scripts/campaign (part of scripts/test).
"""
import argparse
import collections
import os
import random
import sys
import time

import iovox
from iovox.testing import Sandbox

KEY = "SECRET-KEY-c0ffee-5ca1ab1e"
TIMEOUT = 0.2
SLOW_MS = 500
RETRIES = 2
DEADLINE = (RETRIES + 1) * (TIMEOUT + 0.02) + 0.5
REGIONS = [(44, 20, "GEOGRAPHIC"), (44, 151, "GEOGRAPHIC"), (44, 161, "GEOGRAPHIC"),
           (44, 845, "NATIONAL"), (44, 800, "TOLLFREE"), (1, 212, "GEOGRAPHIC"),
           (1, 646, "GEOGRAPHIC"), (1, 914, "GEOGRAPHIC"), (1, 415, "GEOGRAPHIC")]
LINKS = ["100", "101", "102", "103", "104", "105", "333", "444", "555"]
# fault: (weight, what a purchase may end in, what an attach may end in)
FAULTS = {
    None: (40, {"ok"}, {"ok", "api 400"}),
    "500": (12, {"api 500"}, {"ok", "api 400"}),
    f"slow:{SLOW_MS}": (8, {"timeout"}, {"timeout"}),
    "drop": (14, {"connection (maybe sent)"}, {"connection (maybe sent)"}),
    "not-xml": (14, {"api 502"}, {"ok", "api 400"}),
    # Past the client's 8 MiB body cap.
    "oversized:9000000": (4, {"decode"}, {"decode"}),
}
CALLBACK = (b"<order><order_reference>r1</order_reference><order_status>FULFILLED</order_status>"
            b"<voxnumbers><voxnumber><country_code>44</country_code><area_code>151</area_code>"
            b"<full_voxnumber>441512100200</full_voxnumber></voxnumber></voxnumbers></order>")


def count(path):
    return len(os.listdir(path))


def outcome_of(call):
    try:
        return "ok", call()
    except iovox.ApiError as e:
        return f"api {e.status}", None
    except iovox.TimeoutError:
        return "timeout", None
    except iovox.ConnectionError as e:
        return ("connection (maybe sent)" if e.maybe_sent else "connection"), None
    except iovox.DecodeError:
        return "decode", None
    except iovox.IovoxError as e:
        return type(e).__name__, None


def malformed(rng, body):
    cut = rng.randrange(len(body))
    flipped = bytearray(body)
    flipped[rng.randrange(len(body))] ^= 1 << rng.randrange(8)
    return [body[:cut], bytes(flipped), body.replace(b"</order>", b""),
            body.replace(b"FULFILLED", b"SHIPPED"), body.replace(b"441512100200", b"44151210020x"),
            b"<order>" * 20000, b"\xff\xfe\x00", b"", body.decode() + "<x/>"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    fds_before, threads_before = count("/proc/self/fd"), count("/proc/self/task")
    faults, outcomes = collections.Counter(), collections.Counter()
    violations, seen = [], set()
    worst = 0.0
    started = time.monotonic()
    with Sandbox(secure_key=KEY) as sb, iovox.Client(
            sb.username, KEY, sb.url, timeout=TIMEOUT, connect_timeout=TIMEOUT, retries=RETRIES) as client:
        start_stock = sb.stats["stock"]
        for call in range(args.calls):
            if call % 20 == 19:
                cc, area, _ = rng.choice(REGIONS)
                sb.restock(rng.randint(1, 6), country_code=cc, area_code=area)
            fault = rng.choices(list(FAULTS), weights=[w for w, _, _ in FAULTS.values()])[0]
            purchase = rng.random() < 0.7
            if purchase:
                items = []
                for _ in range(rng.randint(1, 2)):
                    cc, area, number_type = rng.choice(REGIONS)
                    items.append({"country_code": cc, "area_code": area,
                                  "number_type": number_type, "quantity": rng.randint(1, 3)})
                url = f"http://127.0.0.1:9/callback?call={call}"
                dynamic = rng.random() < 0.5
                run = lambda: client.purchase_vox_numbers(items, callback_url=url, dynamic_quantity=dynamic)  # noqa: E731
            else:
                link = {"link_id": rng.choice(LINKS), "method": "BY VOXNUMBER",
                        "full_voxnumber": rng.choice(sorted(seen))} if seen and rng.random() < 0.5 else {
                        "link_id": rng.choice(LINKS), "method": "BY AREA",
                        "voxnumber_idd": 44, "area_code": 20}
                run = lambda: client.attach_voxnumber_to_link([link])  # noqa: E731
            if fault:
                sb.inject(fault)
            t0 = time.monotonic()
            try:
                outcome, order = outcome_of(run)
            except Exception as e:  # anything untyped is a violation
                outcome, order = f"untyped {type(e).__name__}", None
            elapsed = time.monotonic() - t0
            worst = max(worst, elapsed / DEADLINE)
            faults[fault or "none"] += 1
            outcomes[outcome] += 1
            if elapsed > DEADLINE:
                violations.append(f"call {call}: {outcome} after {elapsed:.3f} s")
            allowed = FAULTS[fault][1 if purchase else 2]
            if outcome not in allowed:
                violations.append(f"call {call}: fault {fault} on a {'purchase' if purchase else 'attach'} ended in {outcome}")
            for n in (order.voxnumbers if order else ()):
                if n.full_voxnumber in seen:
                    violations.append(f"number {n.full_voxnumber} handed out twice")
                seen.add(n.full_voxnumber)
        stats = sb.stats
        if stats["repeated_purchases"]:
            violations.append(f"{stats['repeated_purchases']} purchases reached the sandbox twice")
        if stats["stock"] + stats["sold"] != start_stock + stats["restocked"]:
            violations.append(f"books: {stats}")
        if len(seen) > stats["sold"]:
            violations.append(f"{len(seen)} numbers seen, {stats['sold']} sold")
    bad, rejected, other = 0, 0, 0
    for _ in range(40):
        for body in malformed(rng, CALLBACK):
            bad += 1
            try:
                iovox.parse_callback(body)
            except iovox.DecodeError:
                rejected += 1
            except Exception as e:
                other += 1
                violations.append(f"a malformed callback raised {type(e).__name__}: {e}")
    wall = time.monotonic() - started
    fds_after, threads_after = count("/proc/self/fd"), count("/proc/self/task")
    for _ in range(50):
        if fds_after <= fds_before and threads_after <= threads_before:
            break
        time.sleep(0.02)
        fds_after, threads_after = count("/proc/self/fd"), count("/proc/self/task")
    if fds_after > fds_before or threads_after > threads_before:
        violations.append(f"fds {fds_before} -> {fds_after}, threads {threads_before} -> {threads_after}")

    total = sum(faults.values())
    print(f"fault campaign (Python package), seed {args.seed}: {total} calls in {wall:.1f} s")
    print("  faults injected: " + ", ".join(f"{k} {v}" for k, v in sorted(faults.items())))
    print("  outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(f"  slowest call: {worst:.0%} of its deadline ({DEADLINE * 1000:.0f} ms)")
    print(f"  purchases that reached the sandbox twice: {stats['repeated_purchases']}")
    print(f"  numbers: start {start_stock} + restocked {stats['restocked']} = stock {stats['stock']}"
          f" + sold {stats['sold']}; {len(seen)} reached the client")
    print(f"  malformed callbacks: {bad} tried, {rejected} DecodeError, {bad - rejected - other} parsed, {other} other")
    print(f"  file descriptors: {fds_before} before, {fds_after} after; threads: {threads_before} before, {threads_after} after")
    print(f"  violations: {len(violations) or 'none'}")
    for v in violations[:20]:
        print(f"    {v}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
