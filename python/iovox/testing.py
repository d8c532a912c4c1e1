"""Offline testing: ``Sandbox`` runs a local IOVOX inside the process, with the same
checks and messages, stock, PENDING orders and callbacks.

    with Sandbox() as sandbox:
        client = iovox.Client(sandbox.username, sandbox.secure_key, sandbox.url)
        ...

With pytest, the ``iovox_sandbox`` fixture gives a fresh one to each test.
"""

from iovox._native import Sandbox, SandboxCallback

__all__ = ["Sandbox", "SandboxCallback"]
