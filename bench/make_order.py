"""Writes what the benchmarks read: bench/target/order-10000.xml, a FULFILLED order of
10,000 numbers (about 1.25 MB, one number per line); bench/target/page-20000.xml, a
getVoxnumbers page of 20,000 results with every field; bench/target/state-100000.json, a
sandbox account of 100,000 numbers (5 pages of 20,000); and bench/target/calls-20000.json
and calls-100000.json, accounts whose 10 linked numbers received that many calls in
November 2020 (one page of getCallData, and 5 pages)."""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parent / "target" / "order-10000.xml"
PAGE = OUT.parent / "page-20000.xml"
STATE = OUT.parent / "state-100000.json"


def page(n=20_000):
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<response><current_page>1</current_page>'
             f"<total_pages>1</total_pages><total_results>{n}</total_results><results>\n"]
    for i in range(n):
        linked = i % 3 == 0
        parts.append(
            "<result><node_id>N1</node_id><node_name>Main node</node_name>"
            f"<link_id>{i if linked else ''}</link_id><link_name>{'Link %d' % i if linked else ''}</link_name>"
            f"<assigned_status>{'ASSIGNED' if linked else 'UNASSIGNED'}</assigned_status>"
            f"<call_status>{'NO RULES' if linked else 'OFF'}</call_status><country_code>44</country_code>"
            f"<voxnumber>44151{2100000 + i}</voxnumber><voxnumber_type>LOCAL</voxnumber_type>"
            "<voxnumber_country>UNITED KINGDOM</voxnumber_country><voxnumber_city>Liverpool</voxnumber_city>"
            f"<purchase_date>2026-0{1 + i % 9}-1{i % 10} 10:{i % 60:02d}:00</purchase_date></result>\n")
    parts.append("</results></response>\n")
    return "".join(parts).encode()


def state(n=100_000):
    return {
        "regions": [{"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC",
                     "country_name": "UNITED KINGDOM", "city_name": "Liverpool", "stock": 0}],
        "voxnumbers": [{"full_voxnumber": f"44151{3000000 + i}", "country_code": 44, "area_code": 151,
                        "purchase_date": "2026-01-15 10:00:00"} for i in range(n)],
    }


def calls_state(n):
    numbers = [f"44151300{i:04}" for i in range(10)]
    return {
        "regions": [{"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC",
                     "country_name": "UNITED KINGDOM", "city_name": "Liverpool", "stock": 0}],
        "voxnumbers": [{"full_voxnumber": v, "country_code": 44, "area_code": 151, "link_id": str(100 + i),
                        "purchase_date": "2026-01-15 10:00:00"} for i, v in enumerate(numbers)],
        "links": [{"link_id": str(100 + i), "link_name": f"Campaign {i}", "link_type": "Web", "node_id": "N1",
                   "node_name": "Main node", "node_type": "Store"} for i in range(10)],
        "calls": [{"id": f"CALL-{i:06}", "voxnumber": numbers[i % 10], "caller": f"4479{i:08}",
                   "start": f"2020-11-{1 + i % 28:02} {i % 24:02}:{i % 60:02}:{i % 59:02}",
                   "duration_sec": 20 + i % 600, "answered": i % 4 != 0, "recording": i % 10 == 0,
                   "link_id": str(100 + i % 10)} for i in range(n)],
    }


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
    body = page()
    PAGE.write_bytes(body)
    print(f"{PAGE.relative_to(PAGE.parent.parent.parent)}: {len(body):,} bytes")
    STATE.write_text(json.dumps(state()))
    print(f"{STATE.relative_to(STATE.parent.parent.parent)}: 100,000 numbers")
    for n in (20_000, 100_000):
        path = OUT.parent / f"calls-{n}.json"
        path.write_text(json.dumps(calls_state(n)))
        print(f"{path.relative_to(path.parent.parent.parent)}: {n:,} calls")
