"""Python quick start: buy two numbers in Liverpool, attach one to a link.

Runs offline against the sandbox; for IOVOX itself use
`iovox.Client(username, secure_key)` or set IOVOX_USERNAME and IOVOX_SECURE_KEY.
"""

import iovox
from iovox_sandbox import Sandbox

with Sandbox() as sandbox:
    client = iovox.Client(sandbox.username, sandbox.secure_key, sandbox.url)

    order = client.purchase_vox_numbers(
        [{"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 2}]
    )
    print(order.order_reference, order.order_status)

    number = order.voxnumbers[0].full_voxnumber
    client.attach_voxnumber_to_link([iovox.Link.by_voxnumber("333", number)])
    print(f"attached +{number} to link 333")

    # Mistakes are caught before anything is sent, in IOVOX's own words.
    try:
        client.purchase_vox_numbers([iovox.PurchaseItem(44, "GEOGRAPHIC", 0)])
    except iovox.ValidationError as e:
        for error in e.errors:
            print(error.message)  # "Area Code 1 of 1 Empty", "Quantity must be between 1 and 250"
