#!/usr/bin/env python3
"""Each README quick start is a copy of a file the test run executes, and each excerpt is
a part of one, word for word: they must not drift."""
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
for path, text in re.findall(r"<!-- excerpt: (\S+) -->\n```\w*\n(.*?)```", readme, re.S):
    if text not in (root / path).read_text():
        print(f"README.md excerpt is not in {path}", file=sys.stderr)
        failed = True
    else:
        print(f"README excerpt is in {path}")
sys.exit(1 if failed else 0)
