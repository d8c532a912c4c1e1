"""The pytest plugin of the ``iovox-sandbox`` package (entry point ``pytest11``): the
``iovox_sandbox`` fixture, a fresh ``iovox_sandbox.Sandbox`` for each test."""

from __future__ import annotations

from typing import Iterator

import pytest

from iovox_sandbox import Sandbox


@pytest.fixture
def iovox_sandbox() -> Iterator[Sandbox]:
    """A running sandbox with the default state, closed after the test."""
    with Sandbox() as sandbox:
        yield sandbox
