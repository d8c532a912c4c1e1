"""The package as a user meets it: the README quick start runs, the stub matches the
native module, and code using every public name passes `mypy --strict`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KEY

PYTHON = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=PYTHON.parent, timeout=300)


def test_quickstart_runs() -> None:
    done = run(str(PYTHON / "examples" / "quickstart.py"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].endswith(" FULFILLED")
    assert lines[1].startswith("attached +44151")
    assert len(lines) == 2, lines


def test_every_name_example_runs() -> None:
    done = run(str(PYTHON / "examples" / "every_name.py"))
    assert done.returncode == 0, done.stderr
    assert "Link ID 1 of 1 does not exist" in done.stdout
    assert KEY not in done.stdout + done.stderr


def test_stub_matches_the_native_module() -> None:
    done = run("-m", "mypy.stubtest", "iovox._native")
    assert done.returncode == 0, done.stdout + done.stderr


def test_sandbox_stub_matches_its_native_module() -> None:
    done = run("-m", "mypy.stubtest", "iovox_sandbox._native")
    assert done.returncode == 0, done.stdout + done.stderr


def test_sdk_carries_no_sandbox() -> None:
    # The SDK a service installs has no server in it: the sandbox is the package iovox-sandbox.
    import importlib.util

    import iovox._native

    assert not hasattr(iovox._native, "Sandbox")
    assert importlib.util.find_spec("iovox.testing") is None


def test_mypy_strict_on_package_and_examples() -> None:
    done = run(
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--config-file",
        str(PYTHON / "pyproject.toml"),
        str(PYTHON / "iovox"),
        str(PYTHON.parent / "python-sandbox" / "iovox_sandbox"),
        str(PYTHON / "examples"),
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_results_are_typed_so_mypy_catches_a_misspelt_field(tmp_path: Path) -> None:
    """`Page[T]` in the stub: a field that does not exist is an error before the code runs,
    for every list method the model generates, in the sync and the async client."""
    code = (
        "import iovox\n"
        "async def main(c: iovox.Client, a: iovox.AsyncClient) -> None:\n"
        "    n = c.get_voxnumbers().results[0]\n"
        "    print(n.voxnumber.upper() if n.voxnumber else '', n.voxnumbr)\n"
        "    for link in c.iter_links():\n"
        "        print(link.link_idd)\n"
        "    async for region in a.iter_voxnumber_regions(country_code=44):\n"
        "        print(region.city)\n"
        "    page = await a.get_links(limit=1)\n"
        "    print(page.results[0].node_name, page.total_pages)\n"
    )
    (tmp_path / "typo.py").write_text(code)
    done = run("-m", "mypy", "--strict", "--no-incremental", str(tmp_path / "typo.py"))
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert [e.split(": error: ")[1].split("  [")[0] for e in errors] == [
        '"AccountVoxnumber" has no attribute "voxnumbr"; maybe "voxnumber"?',
        '"AccountLink" has no attribute "link_idd"; maybe "link_id"?',
        '"VoxnumberRegion" has no attribute "city"',
    ], done.stdout


def test_pypi_page_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example on the package's own README (its PyPI page) runs as written."""
    import re

    from iovox_sandbox import Sandbox

    [example] = re.findall(r"```python\n(.*?)```", (PYTHON / "README.md").read_text(), re.S)
    with Sandbox(secure_key=KEY) as sandbox:
        monkeypatch.setenv("IOVOX_USERNAME", sandbox.username)
        monkeypatch.setenv("IOVOX_SECURE_KEY", sandbox.secure_key)
        monkeypatch.setenv("IOVOX_BASE_URL", sandbox.url)
        printed: list[str] = []
        exec(compile(example, "python/README.md", "exec"), {"print": lambda *a: printed.append(" ".join(map(str, a)))})
    assert printed[0].endswith(" FULFILLED")
    assert len(printed) > 1 and all(line.isdigit() for line in printed[1:])
