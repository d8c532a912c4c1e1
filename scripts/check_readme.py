#!/usr/bin/env python3
"""Each README quick start is a copy of a file the test run executes: they must not drift."""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
readme = (root / "README.md").read_text()
blocks = re.findall(r"<!-- quickstart: (\S+) -->\n```\w*\n(.*?)```", readme, re.S)
if not blocks:
    sys.exit("README.md has no quick start block")
failed = False
for path, text in blocks:
    if (root / path).read_text() != text:
        print(f"README.md quick start differs from {path}", file=sys.stderr)
        failed = True
    else:
        print(f"README quick start matches {path}")
sys.exit(1 if failed else 0)
