"""Receiving IOVOX's callbacks in a Flask app.

IOVOX POSTs an ``<order>`` to the ``callback_url`` of a purchase each time the order
changes: PENDING with some numbers, later FULFILLED; again when a delivery failed. Give
IOVOX a URL with ``user:pass@`` in it: IOVOX then sends those as basic auth, and
``iovox.receive_callback`` checks them (in constant time) before it reads the body.

The same order may come more than once, and an old update may come late: keep orders by
``order_reference`` and never move a FULFILLED order back to PENDING.

Run against the local sandbox: ``python python/examples/flask_callbacks.py``.
"""

from __future__ import annotations

import threading

from flask import Flask, request

import iovox


def create_app(callback_url: str) -> tuple[Flask, dict[str, iovox.Order]]:
    """The app, and the orders it has heard of, by reference."""
    app = Flask(__name__)
    orders: dict[str, iovox.Order] = {}
    lock = threading.Lock()

    @app.post("/iovox/callback")
    def callback() -> tuple[str, int]:
        try:
            order = iovox.receive_callback(
                callback_url, request.headers.get("Authorization"), request.get_data()
            )
        except iovox.CallbackError as e:
            return e.message, e.status or 400
        with lock:
            # A callback may list only the numbers new since the last one, or every number
            # so far; merge() is right either way, and never takes FULFILLED back.
            known = orders.get(order.order_reference)
            orders[order.order_reference] = order if known is None else known.merge(order)
        return "", 200

    return app, orders


def main() -> None:
    from werkzeug.serving import make_server

    from iovox_sandbox import Sandbox

    with Sandbox() as sandbox:
        server = make_server("127.0.0.1", 0, Flask("placeholder"))
        port = server.server_port
        callback_url = f"http://iovox:s3cret-hook@127.0.0.1:{port}/iovox/callback"
        app, orders = create_app(callback_url)
        server.app = app
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            client = iovox.Client(sandbox.username, sandbox.secure_key, sandbox.url)
            order = client.purchase_vox_numbers(
                [{"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 3}],
                callback_url=callback_url,
            )
            print(f"bought: {order.order_reference} {order.order_status}")
            sandbox.restock(5, country_code=44, area_code=151)
            sandbox.wait_for_callbacks(1)
            with_callbacks = order.merge(orders[order.order_reference])
            print(f"heard: {with_callbacks.order_status}, {len(with_callbacks)} numbers")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
