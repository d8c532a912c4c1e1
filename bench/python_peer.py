"""The Python peer: what a user would write without the SDK. One requests.Session
(keep-alive), the request XML built with ElementTree, the answer parsed with ElementTree
into plain dicts."""
import xml.etree.ElementTree as ET

import requests


def purchase_xml(items):
    request = ET.Element("request")
    basket = ET.SubElement(request, "items")
    for item in items:
        element = ET.SubElement(basket, "item")
        for key, value in item.items():
            ET.SubElement(element, key).text = str(value)
    return ET.tostring(request, encoding="utf-8", xml_declaration=True)


def order_from_xml(body):
    root = ET.fromstring(body)
    return {
        "order_reference": root.findtext("order_reference"),
        "order_status": root.findtext("order_status"),
        "voxnumbers": [
            {
                "country_code": int(v.findtext("country_code")),
                "area_code": int(v.findtext("area_code")),
                "full_voxnumber": v.findtext("full_voxnumber"),
            }
            for v in root.iterfind("voxnumbers/voxnumber")
        ],
    }


def results_from_xml(body, ints=(), flags=()):
    """A page's results into dicts, as a user would write it with ElementTree: every field
    of each result, the `ints` as ints and the `flags` as bools."""
    root = ET.fromstring(body)
    results = []
    for r in root.iterfind("results/result"):
        d = {child.tag: (child.text or None) for child in r}
        for k in ints:
            if d.get(k) is not None:
                d[k] = int(d[k])
        for k in flags:
            if d.get(k) is not None:
                d[k] = d[k] in ("1", "TRUE", "true")
        results.append(d)
    return {"total_results": int(root.findtext("total_results") or 0), "results": results}


def page_from_xml(body):
    """A getVoxnumbers page: the country code as an int."""
    return results_from_xml(body, ints=("country_code",))


def calls_from_xml(body):
    """A getCallData page: the seconds as ints, the flags as bools."""
    return results_from_xml(body, ints=("call_time_sec", "talk_time_sec"), flags=("has_recording", "email_sent"))


class Peer:
    def __init__(self, base_url, username, secure_key, timeout=30.0):
        self.session = requests.Session()
        self.session.headers.update({"username": username, "secureKey": secure_key,
                                     "Content-Type": "application/xml"})
        self.url = f"{base_url}/Purchase?v=3&method=purchaseVoxNumbers"
        self.timeout = timeout

    def purchase_raw(self, items):
        response = self.session.post(self.url, data=purchase_xml(items), timeout=self.timeout)
        response.raise_for_status()
        return response.content

    def purchase(self, items):
        return order_from_xml(self.purchase_raw(items))

    def call_data(self, **query):
        url = self.url.replace("/Purchase?v=3&method=purchaseVoxNumbers", "/Calls")
        params = {"v": "3", "method": "getCallData", **query}
        response = self.session.get(url, params=params, timeout=self.timeout)
        response.raise_for_status()
        return calls_from_xml(response.content)
