"""A local IOVOX for offline tests: ``Sandbox`` runs inside the process on 127.0.0.1, with
the same checks and messages, stock, PENDING orders and callbacks as IOVOX.

    import iovox
    from iovox_sandbox import Sandbox

    with Sandbox() as sandbox:
        client = iovox.Client(sandbox.username, sandbox.secure_key, sandbox.url)
        ...

With pytest, the ``iovox_sandbox`` fixture gives a fresh one to each test. This package is
apart from ``iovox`` so that the SDK a service installs carries no server.
"""

from iovox_sandbox._native import Sandbox, SandboxCallback, __version__

__all__ = ["Sandbox", "SandboxCallback", "__version__"]
