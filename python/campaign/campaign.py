"""The fault campaign through the Python package: calls against iovox_sandbox.Sandbox
with a fault drawn from a seeded generator before each, plus malformed callbacks fed to
iovox.parse_callback. Checks that every call ends in its result or a typed error within
its deadline; that every order matches what was asked for; that no purchase reached the
sandbox twice (and that one lane which opts in to retrying purchases does repeat them);
that the account listed afterwards accounts for every number, from what the campaign
itself did, not from the sandbox's counters; that nodes and links made and deleted under
faults are as the calls reported, each create and delete sent once, and that getCallData
sees every simulated call; that processes forked with an inherited
client never get each other's answers; and that no file descriptor or thread is left.

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
from iovox_sandbox import Sandbox

KEY = "SECRET-KEY-c0ffee-5ca1ab1e"
TIMEOUT = 0.2
SLOW_MS = 500
# The clients read at most 8 MiB, so an oversized answer is refused before the timeout.
MAX_BODY = 8 * 1024 * 1024
RETRIES = 2
# The package's waits between attempts: 200 ms doubling, jitter up to all of it.
BACKOFF = sum(0.2 * 2**i for i in range(RETRIES))
# Every attempt timing out, every wait at its longest, and 1 s for a loaded 2-core machine.
DEADLINE = (RETRIES + 1) * TIMEOUT + BACKOFF + 1.0
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
    # Past the 8 MiB body cap its clients set.
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
    except Exception as e:  # anything untyped is a violation
        return f"untyped {type(e).__name__}", None


def faulted(sb, fault, run):
    """`run` with `fault` injected first: its outcome, its answer and how long it took."""
    if fault:
        sb.inject(fault)
    t0 = time.monotonic()
    outcome, answer = outcome_of(run)
    return outcome, answer, time.monotonic() - t0


def malformed(rng, body):
    """Each variant with whether it must be refused. Only a flipped bit may leave a body
    that still parses (a digit for a digit); every other variant is broken on purpose."""
    cut = rng.randrange(len(body))
    flipped = bytearray(body)
    flipped[rng.randrange(len(body))] ^= 1 << rng.randrange(8)
    return [("truncated", body[:cut], True), ("bit-flipped", bytes(flipped), False),
            ("unclosed", body.replace(b"</order>", b""), True),
            ("unknown status", body.replace(b"FULFILLED", b"SHIPPED"), True),
            ("non-digit number", body.replace(b"441512100200", b"44151210020x"), True),
            ("20,000 nested", b"<order>" * 20000, True), ("not UTF-8", b"\xff\xfe\x00", True),
            ("empty", b"", True), ("two roots", body + b"<x/>", True)]


def check_order(order, items, dynamic):
    """What a successful purchase must hold, against its own request."""
    asked = collections.Counter()
    for item in items:
        asked[(item["country_code"], item["area_code"])] += item["quantity"]
    got = collections.Counter((n.country_code, n.area_code) for n in order.voxnumbers)
    problems = [f"{k} not asked for" for k in got if k not in asked]
    problems += [f"{k}: {got[k]} numbers for {asked[k]} asked" for k in got if got[k] > asked.get(k, 0)]
    complete = sum(got.values()) == sum(asked.values())
    if order.order_status == "FULFILLED" and not dynamic and not complete:
        problems.append(f"FULFILLED with {sum(got.values())} of {sum(asked.values())} numbers")
    if order.order_status == "PENDING" and (complete or dynamic):
        problems.append("PENDING with nothing owed")
    return problems


def numbers(state):
    return {v["full_voxnumber"] for v in state["voxnumbers"]}


def stock(state):
    return sum(r["stock"] for r in state["regions"])


def fork_lane(sb, rng, violations):
    """Parent and three children buy at once through one client built before fork(),
    each in a region of its own; every answer must be for its own region."""
    sb.restock(200)
    regions = [(44, 20), (44, 151), (1, 212), (1, 646)]
    client = iovox.Client(sb.username, KEY, sb.url, retries=0)
    client.purchase_vox_numbers([{"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC", "quantity": 1}])
    per_process = 25
    children = []
    for cc, area in regions[1:]:
        pid = os.fork()
        if pid == 0:
            crossed = 0
            try:
                for _ in range(per_process):
                    order = client.purchase_vox_numbers([{"country_code": cc, "area_code": area, "number_type": "GEOGRAPHIC", "quantity": 1}])
                    crossed += {(n.country_code, n.area_code) for n in order.voxnumbers} != {(cc, area)}
            except BaseException:
                os._exit(100)
            os._exit(min(crossed, 99))
        children.append(pid)
    crossed = 0
    for _ in range(per_process):
        order = client.purchase_vox_numbers([{"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC", "quantity": 1}])
        crossed += {(n.country_code, n.area_code) for n in order.voxnumbers} != {(44, 20)}
    failed = 0
    for pid in children:
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        if code == 100:
            failed += 1
        else:
            crossed += code
    client.close()
    if crossed or failed:
        violations.append(f"fork lane: {crossed} crossed answers, {failed} children failed")
    return len(regions) * per_process, crossed, failed


def opt_in_lane(sb, violations):
    """A purchase whose answer is cut off: repeated with retry_purchase_after_send, never
    without it. Each call has a callback URL of its own, so the sandbox's log shows it."""
    repeated = {}
    for opt_in in (False, True):
        client = iovox.Client(sb.username, KEY, sb.url, timeout=TIMEOUT, retries=RETRIES,
                              retry_purchase_after_send=opt_in)
        urls = [f"http://campaign:hook@127.0.0.1:9/opt-in-{opt_in}/{i}" for i in range(10)]
        for url in urls:
            sb.inject("drop")
            try:
                client.purchase_vox_numbers([{"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC",
                                              "quantity": 1}], callback_url=url)
            except iovox.ConnectionError as e:
                if opt_in or not e.maybe_sent:
                    violations.append(f"opt-in lane ({opt_in}): {e}")
        log = collections.Counter(sb.purchase_callback_urls)
        repeated[opt_in] = sum(1 for u in urls if log[u] > 1)
        client.close()
    if repeated[False]:
        violations.append(f"{repeated[False]} purchases repeated without the opt-in")
    if repeated[True] != 10:
        violations.append(f"with the opt-in, {repeated[True]} of 10 cut-off purchases were repeated")
    return repeated


def setup_lane(sb, rng, violations, calls):
    """Nodes, links, categories, sound files and call reads under the same faults: a create or a
    delete is never repeated once it may have arrived (the sandbox's count of requests per method
    equals the calls made); every node, link, category and sound file (with the audio sent, as
    bytes) a call reported made is in the account once, every
    link a call reported deleted is gone (nothing lost); getCallData, safe to repeat, gives
    every call simulated so far. Returns the figures."""
    client = iovox.Client(sb.username, KEY, sb.url, timeout=TIMEOUT, connect_timeout=TIMEOUT, retries=RETRIES,
                          max_response_bytes=MAX_BODY)
    number = sb.state["voxnumbers"][0]["full_voxnumber"]
    sent = collections.Counter()
    nodes, links, gone, categories, outcomes = [], [], [], [], collections.Counter()
    sounds: dict[str, bytes] = {}
    contacts: list[str] = []
    flows: list[str] = []
    blocked: list[str] = []
    times: list[str] = []
    configurations: list[str] = []
    simulated = links_made = 0
    for call in range(calls):
        fault = rng.choices(list(FAULTS), weights=[w for w, _, _ in FAULTS.values()])[0]
        kind = rng.choice(["createNodes", "createLinks", "deleteLinks", "getCallData", "createCategories",
                           "createSoundFiles", "initiateCall", "createContacts", "attachRuleTemplateToLinks",
                           "createCallFlow", "createBlockedNumbers", "createTimeTemplates",
                           "createCategoryConfigurations"])
        if kind == "createLinks" and not nodes or kind == "deleteLinks" and not links:
            kind = "createNodes"
        if kind == "createNodes":
            made = f"py-node-{call}"
            run = lambda: client.create_nodes([{"node_id": made, "node_name": "Campaign", "node_type": "Test"}])  # noqa: E731
        elif kind == "createLinks":
            made = f"py-link-{call}"
            node = rng.choice(nodes)
            run = lambda: client.create_links([{"node_id": node, "link_id": made, "link_name": made, "link_type": "Web"}])  # noqa: E731
        elif kind == "deleteLinks":
            made = links.pop(rng.randrange(len(links)))
            run = lambda: client.delete_links([made])  # noqa: E731
        elif kind == "createCategories":
            # At the top of the label, or under a category made before.
            made = f"py-cat-{call}"
            category = {"category_id": made, "label": "Campaign", "value": made}
            if categories and rng.random() < 0.5:
                category["parent_category_id"] = rng.choice(categories)
            run = lambda: client.create_categories([category])  # noqa: E731
        elif kind == "createSoundFiles":
            # Audio of every byte value, as bytes.
            made = f"py-sound-{call}"
            audio = bytes((rng.randrange(256) + i) % 256 for i in range(rng.randrange(1, 2048)))
            run = lambda: client.create_sound_files([{"sound_label": made, "sound_file": audio}])  # noqa: E731
        elif kind == "createTimeTemplates":
            made = f"py-times-{call}"
            run = lambda: client.create_time_templates(  # noqa: E731
                [{"label": made, "time_frames": [{"recurrence": "NONE", "days": ["MON"]}]}])
        elif kind == "createCategoryConfigurations":
            made = f"py-config-{call}"
            run = lambda: client.create_category_configurations([{"category_id": made, "label": made}])  # noqa: E731
        elif kind == "createBlockedNumbers":
            made = f"4420{call:08}"
            run = lambda: client.create_blocked_numbers(  # noqa: E731
                [{"number": made, "in_or_out": "IN", "operator": "EQUALS", "default": "BLOCK"}])
        elif kind == "createCallFlow":
            made = f"py-flow-{call}"
            run = lambda: client.create_call_flow(made, [{"element": "call", "id": "c1", "label": "Call"}])  # noqa: E731
        elif kind == "attachRuleTemplateToLinks":
            made = sb.state["links"][0]
            made = made if isinstance(made, str) else made["link_id"]
            run = lambda: client.attach_rule_template_to_links("Forward", True, [made])  # noqa: E731
        elif kind == "createContacts":
            made = f"py-contact-{call}"
            run = lambda: client.create_contacts([{"contact_id": made, "display_name": made}])  # noqa: E731
        elif kind == "initiateCall":
            made = sb.state["links"][0]
            made = made if isinstance(made, str) else made["link_id"]
            run = lambda: client.initiate_call(made, call_variables={"call_destination": f"4479{call:06}"})  # noqa: E731
        else:
            sb.simulate_call(number, f"4479{call:06}", start="2020-11-05 10:00:00")
            simulated += 1
            run = lambda: client.get_call_data(sdt="2020-11-01", edt="2020-11-30", limit=20000)  # noqa: E731
        sent[kind] += 1
        outcome, answer, elapsed = faulted(sb, fault, run)
        outcomes[outcome] += 1
        if elapsed > DEADLINE:
            violations.append(f"setup call {call} ({kind}): {outcome} after {elapsed:.3f} s")
        if outcome.startswith("untyped"):
            violations.append(f"setup call {call} ({kind}) ended in {outcome}")
        if outcome != "ok":
            continue
        if kind == "createNodes":
            nodes.append(made)
        elif kind == "createLinks":
            links.append(made)
            links_made += 1
        elif kind == "deleteLinks":
            gone.append(made)
        elif kind == "createCategories":
            categories.append(made)
        elif kind == "createSoundFiles":
            sounds[made] = audio
        elif kind in ("initiateCall", "attachRuleTemplateToLinks"):
            pass
        elif kind == "createCallFlow":
            flows.append(made)
        elif kind == "createBlockedNumbers":
            blocked.append(made)
        elif kind == "createTimeTemplates":
            times.append(made)
        elif kind == "createCategoryConfigurations":
            configurations.append(made)
        elif kind == "createContacts":
            contacts.append(made)
        elif len(answer) != simulated:
            violations.append(f"setup call {call}: getCallData gave {len(answer)} calls of {simulated}")
    client.close()
    for method in ("createNodes", "createLinks", "deleteLinks", "createCategories", "createSoundFiles", "initiateCall",
                   "createContacts", "attachRuleTemplateToLinks", "createCallFlow",
                   "createBlockedNumbers", "createTimeTemplates", "createCategoryConfigurations"):
        if sb.requests_for(method) != sent[method]:
            violations.append(f"{sent[method]} {method} calls reached the sandbox as {sb.requests_for(method)} requests")
    state = sb.state
    have_nodes = {n["node_id"] for n in state.get("nodes", [])}
    have_links = {link["link_id"] for link in state["links"]}
    have_categories = [c["category_id"] for c in state.get("categories", [])]
    lost = [n for n in nodes if n not in have_nodes] + [k for k in links if k not in have_links]
    lost += [c for c in categories if have_categories.count(c) != 1]
    have_sounds = [(s["sound_label"], bytes(s["audio"])) for s in state.get("sound_files", [])]
    lost += [label for label, audio in sounds.items() if have_sounds.count((label, audio)) != 1]
    have_contacts = [c["contact_id"] for c in state.get("contacts", [])]
    lost += [c for c in contacts if have_contacts.count(c) != 1]
    have_flows = [t["template_name"] for t in state.get("rule_templates", [])]
    lost += [f for f in flows if have_flows.count(f) != 1]
    have_blocked = [b["number"] for b in state.get("blocked_numbers", [])]
    lost += [b for b in blocked if have_blocked.count(b) != 1]
    have_times = [t["label"] for t in state.get("time_templates", [])]
    lost += [t for t in times if have_times.count(t) != 1]
    have_configurations = [c["category_id"] for c in state.get("category_configurations", [])]
    lost += [c for c in configurations if have_configurations.count(c) != 1]
    if lost:
        violations.append(f"made but not in the account: {lost[:5]}")
    if any(k in have_links for k in gone):
        violations.append("a link reported deleted is still in the account")
    return sent, outcomes, len(nodes), links_made, len(gone), simulated


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    fds_before, threads_before = count("/proc/self/fd"), count("/proc/self/task")
    faults, outcomes = collections.Counter(), collections.Counter()
    orders_checked = 0
    violations, seen = [], set()
    worst = 0.0
    started = time.monotonic()
    with Sandbox(secure_key=KEY) as sb, iovox.Client(
            sb.username, KEY, sb.url, timeout=TIMEOUT, connect_timeout=TIMEOUT, retries=RETRIES,
            max_response_bytes=MAX_BODY) as client:
        start = sb.state
        restocked = 0
        for call in range(args.calls):
            if call % 20 == 19:
                cc, area, _ = rng.choice(REGIONS)
                n = rng.randint(1, 6)
                sb.restock(n, country_code=cc, area_code=area)
                restocked += n * sum(1 for r in start["regions"] if (r["country_code"], r["area_code"]) == (cc, area))
            fault = rng.choices(list(FAULTS), weights=[w for w, _, _ in FAULTS.values()])[0]
            purchase = rng.random() < 0.7
            if purchase:
                items = []
                for _ in range(rng.randint(1, 2)):
                    cc, area, number_type = rng.choice(REGIONS)
                    items.append({"country_code": cc, "area_code": area,
                                  "number_type": number_type, "quantity": rng.randint(1, 3)})
                url = f"http://campaign:hook@127.0.0.1:9/callback?call={call}"
                dynamic = rng.random() < 0.5
                run = lambda: client.purchase_vox_numbers(items, callback_url=url, dynamic_quantity=dynamic)  # noqa: E731
            else:
                link = {"link_id": rng.choice(LINKS), "method": "BY VOXNUMBER",
                        "full_voxnumber": rng.choice(sorted(seen))} if seen and rng.random() < 0.5 else {
                        "link_id": rng.choice(LINKS), "method": "BY AREA",
                        "voxnumber_idd": 44, "area_code": 20}
                run = lambda: client.attach_voxnumber_to_link([link])  # noqa: E731
            outcome, order, elapsed = faulted(sb, fault, run)
            worst = max(worst, elapsed / DEADLINE)
            faults[fault or "none"] += 1
            outcomes[outcome] += 1
            if elapsed > DEADLINE:
                violations.append(f"call {call}: {outcome} after {elapsed:.3f} s")
            allowed = FAULTS[fault][1 if purchase else 2]
            if outcome not in allowed:
                violations.append(f"call {call}: fault {fault} on a {'purchase' if purchase else 'attach'} ended in {outcome}")
            if purchase and order is not None:
                orders_checked += 1
                for problem in check_order(order, items, dynamic):
                    violations.append(f"call {call}: {problem}")
            for n in (order.voxnumbers if order else ()):
                if n.full_voxnumber in seen:
                    violations.append(f"number {n.full_voxnumber} handed out twice")
                seen.add(n.full_voxnumber)
        stats = sb.stats
        if stats["repeated_purchases"]:
            violations.append(f"{stats['repeated_purchases']} purchases reached the sandbox twice")
        # The books from the account as listed, and what the campaign itself restocked.
        end = sb.state
        sold = numbers(end) - numbers(start)
        if stock(end) + len(sold) != stock(start) + restocked:
            violations.append(f"books: stock {stock(start)} + restocked {restocked} != stock {stock(end)} + sold {len(sold)}")
        if not seen <= sold:
            violations.append(f"{len(seen - sold)} numbers given to the client are not in the account")
        setup = setup_lane(sb, rng, violations, args.calls // 3)
        forked = fork_lane(sb, rng, violations)
        repeated = opt_in_lane(sb, violations)
    bad, rejected, other = 0, 0, 0
    for _ in range(40):
        for name, body, must_refuse in malformed(rng, CALLBACK):
            bad += 1
            try:
                iovox.parse_callback(body)
                if must_refuse:
                    violations.append(f"a malformed callback ({name}) parsed")
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
    print(f"  slowest call: {worst:.0%} of its deadline ({DEADLINE * 1000:.0f} ms: "
          f"{RETRIES + 1} attempts x {TIMEOUT * 1000:.0f} ms + waits + 1 s)")
    print(f"  orders compared with their requests: {orders_checked}")
    print(f"  purchases that reached the sandbox twice: {stats['repeated_purchases']}; cut-off purchases repeated: "
          f"{repeated[False]} of 10 without the opt-in, {repeated[True]} of 10 with it")
    print(f"  numbers (from the account as listed): stock {stock(start)} + restocked {restocked} = stock {stock(end)}"
          f" + sold {len(sold)}; {len(seen)} reached the client, all in the account")
    sent, setup_outcomes, made_nodes, made_links, deleted, simulated = setup
    print("  setup lane: " + ", ".join(f"{k} {v}" for k, v in sorted(sent.items()))
          + f" (each reached the sandbox once); {made_nodes} nodes and {made_links} links made, {deleted} deleted,"
          + f" all as reported; getCallData saw all {simulated} simulated calls")
    print("    outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(setup_outcomes.items())))
    print(f"  fork lane: {forked[0]} purchases in 4 processes sharing one inherited client; "
          f"{forked[1]} crossed answers, {forked[2]} children failed")
    print(f"  malformed callbacks: {bad} tried, {rejected} DecodeError, {bad - rejected - other} parsed, {other} other")
    print(f"  file descriptors: {fds_before} before, {fds_after} after; threads: {threads_before} before, {threads_after} after")
    print(f"  violations: {len(violations) or 'none'}")
    for v in violations[:20]:
        print(f"    {v}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
