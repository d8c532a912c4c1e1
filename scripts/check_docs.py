#!/usr/bin/env python3
"""Every code block of the README and of docs/*.md works, or the test command fails.

- A block after `<!-- quickstart: PATH -->` is a copy of that file, word for word (the test
  command runs the file); after `<!-- excerpt: PATH -->`, a part of it.
- Every other `python` block of a page runs, the page's blocks in order in one process, with
  the installed packages (.venv); every `js` block likewise, in one Node process, with the
  checkout's `iovox` and `iovox-sandbox` packages; every `rust` block compiles, the page's
  blocks in order as one `main`, in a crate of its own that depends on `iovox-http` alone
  (target/docs-check); every `json` block parses.
- Blocks in other languages (`sh`, `text`) are commands and output, not checked here: the
  test command runs its own commands.
- Every relative link goes to a file that exists, and its `#anchor` to one of its headings.

A failure names the page and the line its block starts on.
  scripts/check_docs.py [PAGE...]      (default: README.md and docs/*.md)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "docs-check"
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```\s*$", re.S | re.M)
MARKER = re.compile(r"<!-- (quickstart|excerpt): (\S+) -->\s*$")


def blocks(page: Path) -> list[tuple[int, str, str, tuple[str, str] | None]]:
    """(line, language, text, marker) of each fenced block of the page."""
    text = page.read_text()
    out = []
    for m in FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = MARKER.search(before)
        out.append((line, m.group(1), m.group(2), marker.groups() if marker else None))
    return out


def run(what: str, args: list[str], script: Path | None = None, lines: dict[int, str] | None = None, **kw) -> bool:
    done = subprocess.run(args, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        print(f"{what} failed:\n{done.stdout[-3000:]}{done.stderr[-6000:]}", file=sys.stderr)
        # Where in the page: the last line of the joined script the error names.
        if script is not None and lines:
            named = re.findall(re.escape(str(script)) + r'(?:", line |:)(\d+)', done.stderr)
            for n in reversed(named):
                if int(n) in lines:
                    print(f"{lines[int(n)]}: the failing line", file=sys.stderr)
                    break
        return False
    print(done.stdout, end="")
    return True


def joined(page: Path, found: list[tuple[int, str]], comment: str, indent: str = "", first: int = 1) -> tuple[str, dict[int, str]]:
    """The page's blocks of one language, in order, each after a line naming where it is;
    and, for each line of that text (numbered from `first`), the page's line it comes from."""
    out, where, n = [], {}, first
    for line, text in found:
        out.append(f"{indent}{comment} --- {page.relative_to(ROOT)}:{line} ---\n")
        n += 1
        for i, l in enumerate(text.splitlines()):
            out.append(f"{indent}{l}\n" if l else "\n")
            where[n] = f"{page.relative_to(ROOT)}:{line + 1 + i}"
            n += 1
    return "".join(out), where


def python(page: Path, found: list[tuple[int, str]]) -> bool:
    script = WORK / (page.stem + ".py")
    text, lines = joined(page, found, "#")
    script.write_text(text)
    return run(f"{page.relative_to(ROOT)}'s Python", [str(ROOT / ".venv/bin/python"), str(script)], script, lines, cwd=WORK)


def node(page: Path, found: list[tuple[int, str]]) -> bool:
    modules = WORK / "node_modules"
    modules.mkdir(exist_ok=True)
    for name, target in [("iovox", ROOT / "node"), ("iovox-sandbox", ROOT / "node-sandbox")]:
        if not (modules / name).exists():
            (modules / name).symlink_to(target)
    script = WORK / (page.stem + ".cjs")
    body, lines = joined(page, found, "//", "  ", first=2)
    script.write_text(
        "(async () => {\n" + body + "})().catch((e) => {\n  console.error(e)\n  process.exit(1)\n})\n"
    )
    env = dict(os.environ, NODE_PATH=f"{modules}{os.pathsep}{ROOT / 'node' / 'node_modules'}")
    return run(f"{page.relative_to(ROOT)}'s JavaScript", ["node", str(script)], script, lines, cwd=WORK, env=env)


def rust(page: Path, found: list[tuple[int, str]]) -> bool:
    crate = WORK / ("rust-" + page.stem)
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(
        '[package]\nname = "docs-check"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        "[workspace]\n\n[dependencies]\n"
        f'iovox-http = {{ path = "{ROOT / "crates" / "iovox-http"}", features = ["tokio", "serde"] }}\n'
        # What a user's crate adds to pass the mappings the nested methods take.
        'serde_json = "1"\n'
    )
    # The README crate's lock file pins the same versions the workspace tested.
    shutil.copy(ROOT / "tests" / "readme-rust" / "Cargo.lock", crate / "Cargo.lock")
    body, _ = joined(page, found, "//", "    ")
    (crate / "src" / "main.rs").write_text(
        "#![allow(unused, clippy::all)]\n"
        "fn main() -> Result<(), Box<dyn std::error::Error>> {\n" + body + "    Ok(())\n}\n"
    )
    env = dict(os.environ, CARGO_TARGET_DIR=str(ROOT / "target"))
    return run(
        f"{page.relative_to(ROOT)}'s Rust",
        ["cargo", "check", "-q", "--offline", "--manifest-path", str(crate / "Cargo.toml")],
        env=env,
    )


LINK = re.compile(r"\]\(([^)\s]+)\)")


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def links(page: Path) -> list[str]:
    """What is wrong with the page's relative links: a file that is not there, or an
    anchor that is not one of its headings."""
    wrong = []
    text = re.sub(r"^```.*?^```", "", page.read_text(), flags=re.S | re.M)
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            wrong.append(f"{target}: no such file")
        elif anchor and file.suffix == ".md":
            headings = re.findall(r"^#+ (.*)$", file.read_text(), re.M)
            if anchor not in {slug(h) for h in headings}:
                wrong.append(f"{target}: no such heading")
    return wrong


def main() -> int:
    pages = [Path(p).resolve() for p in sys.argv[1:]] or [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    WORK.mkdir(parents=True, exist_ok=True)
    ok = True
    for page in pages:
        where = page.relative_to(ROOT)
        for wrong in links(page):
            print(f"{where}: a link goes nowhere: {wrong}", file=sys.stderr)
            ok = False
        by_language: dict[str, list[tuple[int, str]]] = {}
        for line, language, text, marker in blocks(page):
            if marker:
                kind, path = marker
                source = (ROOT / path).read_text()
                same = source == text if kind == "quickstart" else text in source
                if not same:
                    print(f"{where}:{line}: the block is not {'a copy' if kind == 'quickstart' else 'a part'} of {path}", file=sys.stderr)
                    ok = False
                else:
                    print(f"{where}:{line}: {'a copy' if kind == 'quickstart' else 'a part'} of {path}")
                continue
            if language == "json":
                try:
                    json.loads(text)
                except ValueError as e:
                    print(f"{where}:{line}: the JSON block does not parse: {e}", file=sys.stderr)
                    ok = False
            elif language in ("python", "js", "rust"):
                by_language.setdefault(language, []).append((line, text))
        for language, found in by_language.items():
            check = {"python": python, "js": node, "rust": rust}[language]
            passed = check(page, found)
            print(f"{where}: {len(found)} {language} block(s) {'ran' if language != 'rust' else 'compiled'}" if passed else f"{where}: {language} blocks FAILED")
            ok &= passed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
