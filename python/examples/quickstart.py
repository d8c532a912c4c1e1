"""Buy two numbers in Liverpool and attach one to a link, offline against the sandbox."""
import iovox
from iovox_sandbox import Sandbox

with Sandbox() as sandbox:  # IOVOX itself: iovox.Client() reads IOVOX_USERNAME, IOVOX_SECURE_KEY
    client = iovox.Client(sandbox.username, sandbox.secure_key, sandbox.url)
    item = {"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 2}
    order = client.purchase_vox_numbers([item])
    print(order.order_reference, order.order_status)
    number = order.voxnumbers[0].full_voxnumber
    client.attach_voxnumber_to_link([iovox.Link.by_voxnumber("333", number)])
    print(f"attached +{number} to link 333")
