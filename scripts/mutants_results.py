#!/usr/bin/env python3
"""Writes mutants/RESULTS.md from the outcomes of `scripts/mutants` (target/mutants/TARGET/
mutants.out/outcomes.json, as cargo-mutants writes them): caught, missed, timeouts and
unviable per target, the share of viable mutants caught, and every missed mutant, each
with the reason mutants/equivalent.txt gives for it (a line `name<TAB>why`), or marked
unexplained. A target not run this time keeps its section from the RESULTS.md before.

Usage: scripts/mutants_results.py TARGET...  (core, convert, http)"""

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


def reasons() -> dict[str, str]:
    out: dict[str, str] = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, why = line.partition("\t")
                out[name.strip()] = why.strip()
    return out


def section(target: str, why: dict[str, str]) -> str:
    out_dir = ROOT / "target" / "mutants" / target / "mutants.out"
    data = json.loads((out_dir / "outcomes.json").read_text())
    counts = {"CaughtMutant": 0, "MissedMutant": 0, "Timeout": 0, "Unviable": 0}
    missed: list[str] = []
    for o in data["outcomes"]:
        s = o["summary"]
        if s in counts:
            counts[s] += 1
        if s == "MissedMutant":
            missed.append(o["scenario"]["Mutant"]["name"])
    viable = counts["CaughtMutant"] + counts["MissedMutant"] + counts["Timeout"]
    # A timeout is a mutant the tests did not let pass: cargo-mutants counts it apart, and so
    # do we; the share caught counts caught and timeouts against every viable mutant.
    share = 100.0 * (counts["CaughtMutant"] + counts["Timeout"]) / viable if viable else 100.0
    explained = [m for m in missed if m in why]
    seconds = (ROOT / "target" / "mutants" / target / "seconds")
    took = f"{int(seconds.read_text()) // 60} min" if seconds.exists() else "?"
    lines = [
        f"## {target}: {WHAT[target]}",
        "",
        f"Run {data['end_time'][:10]} with cargo-mutants {data['cargo_mutants_version']}, {took}.",
        "",
        "| mutants | caught | missed | timeouts | unviable | caught of viable |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| {data['total_mutants']} | {counts['CaughtMutant']} | {counts['MissedMutant']} | {counts['Timeout']} | {counts['Unviable']} | {share:.1f}% |",
        "",
    ]
    if missed:
        lines.append(f"Missed ({len(explained)} of {len(missed)} explained in `mutants/equivalent.txt`):")
        lines.append("")
        for m in missed:
            lines.append(f"- `{m}`: {why.get(m, '**unexplained**')}")
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


def main() -> int:
    targets = sys.argv[1:] or ORDER
    why = reasons()
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
        "(`mutants/equivalent.txt`). `scripts/mutants --in-diff BASE` runs only the mutants",
        "in lines changed since BASE, for a change under review; the test command does not run",
        "it (installing cargo-mutants and one baseline build per crate would add about 5",
        "minutes to a run that already takes about 23 of its 25).",
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
