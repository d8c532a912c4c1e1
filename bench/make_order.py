"""Writes bench/target/order-10000.xml: a FULFILLED order of 10,000 numbers (about 1.25 MB),
one number per line. Every benchmark decodes these bytes."""
import pathlib

OUT = pathlib.Path(__file__).resolve().parent / "target" / "order-10000.xml"


def order(n=10_000):
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<order>\n',
             "    <order_reference>a0d7c5264b34fd6ea36e75a4363adss9</order_reference>\n",
             "    <order_status>FULFILLED</order_status>\n    <voxnumbers>\n"]
    for i in range(n):
        parts.append("        <voxnumber><country_code>44</country_code><area_code>151</area_code>"
                     f"<full_voxnumber>44151{2100000 + i}</full_voxnumber></voxnumber>\n")
    parts.append("    </voxnumbers>\n</order>\n")
    return "".join(parts).encode()


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    body = order()
    OUT.write_bytes(body)
    print(f"{OUT.relative_to(OUT.parent.parent.parent)}: {len(body):,} bytes")
