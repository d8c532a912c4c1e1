#!/usr/bin/env python3
"""Writes mutants/RESULTS.md from the outcomes of `scripts/mutants` (target/mutants/TARGET/
mutants.out/outcomes.json, as cargo-mutants writes them): caught, missed, timeouts and
unviable per target, the share of viable mutants caught, and every missed mutant, each
with the reason mutants/equivalent.txt gives for it (a line `name<TAB>why`), or marked
unexplained. A target not run this time keeps its section from the RESULTS.md before.

Each run's outcomes are merged into a ledger (target/mutants/TARGET/ledger.json: each
mutant's name and its last outcome), and the section counts the mutants the code has now
(target/mutants/TARGET/all.txt, from `cargo mutants --list`) by their last outcome. So a
full run followed by `scripts/mutants TARGET --iterate` (which tests only the mutants not
caught before: the missed, and those of lines changed since) describes the code as it is
now, every mutant of it accounted for; a mutant with no outcome is counted as untested.

Usage: scripts/mutants_results.py TARGET...  (core, convert, http)
       scripts/mutants_results.py --keep TARGET...  (merge the last run's outcomes into the
       ledger only; scripts/mutants does this before each run, so the outcomes of a run that
       was stopped before writing RESULTS.md are not lost when cargo-mutants moves them aside)
       scripts/mutants_results.py --unexplained MISSED  (each mutant named in the file
       MISSED, one per line, that mutants/equivalent.txt does not explain)"""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "mutants" / "RESULTS.md"
EQUIVALENT = ROOT / "mutants" / "equivalent.txt"
ORDER = ["core", "convert", "http"]
WHAT = {
    "core": "`iovox-core`: the model, the rules, XML",
    "convert": "`iovox-convert`: every language's values into the core's",
    "http": "`iovox-http`: configuration, redaction, retry, callback, paging, TLS",
}


def unplaced(name: str) -> str:
    """A mutant's name without its line and column: an explanation holds for the same
    mutation of the same function wherever edits above it have moved it."""
    return re.sub(r"^([^:]+):\d+:\d+:", r"\1:", name)


def reasons() -> dict[str, str]:
    out: dict[str, str] = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, why = line.partition("\t")
                out[name.strip()] = why.strip()
                out[unplaced(name.strip())] = why.strip()
    return out


SUMMARY = {"CaughtMutant": "caught", "MissedMutant": "missed", "Timeout": "timeout", "Unviable": "unviable"}


def ledger(target: str) -> tuple[dict[str, str], dict]:
    """Every mutant's last outcome, this run's outcomes merged in; and this run's data."""
    base = ROOT / "target" / "mutants" / target
    data = json.loads((base / "mutants.out" / "outcomes.json").read_text())
    path = base / "ledger.json"
    known: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    for o in data["outcomes"]:
        if o["summary"] in SUMMARY and isinstance(o["scenario"], dict):
            known[o["scenario"]["Mutant"]["name"]] = SUMMARY[o["summary"]]
    path.write_text(json.dumps(known, indent=1, sort_keys=True))
    return known, data


def section(target: str, why: dict[str, str]) -> str:
    known, data = ledger(target)
    every = (ROOT / "target" / "mutants" / target / "all.txt").read_text().splitlines()
    every = [m for m in every if m.strip()]
    counts = {"caught": 0, "missed": 0, "timeout": 0, "unviable": 0, "untested": 0}
    missed: list[str] = []
    for m in every:
        outcome = known.get(m, "untested")
        counts[outcome] += 1
        if outcome == "missed":
            missed.append(m)
    viable = counts["caught"] + counts["missed"] + counts["timeout"]
    # A timeout is a mutant the tests did not let pass: cargo-mutants counts it apart, and so
    # do we; the share caught counts caught and timeouts against every viable mutant.
    share = 100.0 * (counts["caught"] + counts["timeout"]) / viable if viable else 100.0
    accounted = [m for m in missed if explained(m, why)]
    seconds = (ROOT / "target" / "mutants" / target / "seconds")
    took = f"{int(seconds.read_text()) // 60} min" if seconds.exists() else "?"
    lines = [
        f"## {target}: {WHAT[target]}",
        "",
        f"Run {data['end_time'][:10]} with cargo-mutants {data['cargo_mutants_version']}, {took}.",
        "",
        "| mutants | caught | missed | timeouts | unviable | untested | caught of viable |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| {len(every)} | {counts['caught']} | {counts['missed']} | {counts['timeout']} | {counts['unviable']} | {counts['untested']} | {share:.1f}% |",
        "",
    ]
    if missed:
        lines.append(f"Missed ({len(accounted)} of {len(missed)} explained in `mutants/equivalent.txt`):")
        lines.append("")
        for m in missed:
            lines.append(f"- `{m}`: {why.get(m) or why.get(unplaced(m), '**unexplained**')}")
        lines.append("")
    return "\n".join(lines)


def old_sections() -> dict[str, str]:
    if not RESULTS.exists():
        return {}
    parts = re.split(r"(?m)^## ", RESULTS.read_text())
    out = {}
    for p in parts[1:]:
        name = p.split(":", 1)[0]
        out[name] = "## " + p.rstrip() + "\n"
    return out


def explained(name: str, why: dict[str, str]) -> bool:
    return name in why or unplaced(name) in why


def main() -> int:
    why = reasons()
    if sys.argv[1:2] == ["--unexplained"]:
        for name in Path(sys.argv[2]).read_text().splitlines():
            if name.strip() and not explained(name.strip(), why):
                print(name.strip())
        return 0
    if sys.argv[1:2] == ["--keep"]:
        for t in sys.argv[2:]:
            if (ROOT / "target" / "mutants" / t / "mutants.out" / "outcomes.json").exists():
                ledger(t)
        return 0
    targets = sys.argv[1:] or ORDER
    sections = old_sections()
    for t in targets:
        sections[t] = section(t, why)
    head = [
        "# Mutation testing",
        "",
        "Written by `scripts/mutants` (cargo-mutants puts one small bug at a time into the code",
        "and runs the crate's tests; a mutant no test notices is *missed*). Each section is the",
        "last full run of its target; `scripts/mutants TARGET` reruns one. A missed mutant is",
        "killed by a new test or listed here with why no test can tell it from the original",
        "(`mutants/equivalent.txt`). `scripts/mutants TARGET --iterate` after new tests reruns",
        "only what was not caught, and the section then counts every mutant of the code as it",
        "is, by its last outcome. Doctests are left out (each mutant would compile every one",
        "afresh). The test command's last step runs `scripts/mutants --in-diff` on the lines",
        "its last three commits changed (at most 5 mutants, in place; docs/contributing.md).",
        f"",
        f"Updated {datetime.date.today().isoformat()}.",
        "",
    ]
    body = [sections[t].rstrip() + "\n" for t in ORDER if t in sections]
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(head) + "\n" + "\n".join(body))
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
