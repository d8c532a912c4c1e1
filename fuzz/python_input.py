"""Fuzz target: the Python package's input conversion (dicts, typed objects, any value
where a value goes) through the core's checks. Run by scripts/fuzz with atheris.

Each input picks a request from tests/vectors/ and replaces some of its values, keys or
entries with values built from the fuzz bytes: a purchase or an attach into XML (XML, a
ValidationError or a TypeError), or the keyword arguments of a list method of the model
(tests/vectors/model.json, its example mutated) on a closed client, whose arguments are
converted and checked before it says it is closed (a ValidationError, a TypeError or that
ConfigError), or two orders merged (an Order, a ValueError or a TypeError). Anything else
(another exception, a crash) is a finding.
"""
import json
import pathlib
import sys

import atheris

with atheris.instrument_imports():
    import iovox

VECTORS = pathlib.Path(__file__).resolve().parent.parent / "tests" / "vectors"


def load(name, key):
    cases = json.loads((VECTORS / name).read_text())["cases"]
    return [c[key] for c in cases if key in c]


PURCHASES = load("purchase_requests.json", "request") + load("invalid_purchase.json", "request")
ATTACHES = load("attach_requests.json", "links") + load("invalid_attach.json", "links")
MODEL = json.loads((VECTORS / "model.json").read_text())["methods"]
LISTS = [m for m in MODEL if m["typed"] and m["list"]]
ARGUMENT_KEYS = sorted({a["name"] for m in LISTS for a in m["arguments"]} | {"timeout", "pages", ""})
CLOSED = iovox.Client("fuzz", "fuzz-key", "http://127.0.0.1:9")
CLOSED.close()
ORDERS = load("order_merge.json", "known")


def snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


KEYS = sorted({k for r in PURCHASES for i in r.get("items") or [] for k in i}
              | {k for links in ATTACHES for link in links for k in link})


class ToDict:
    """An object with to_dict(), as the typed classes have, returning anything."""

    def __init__(self, value):
        self.value = value

    def to_dict(self):
        return self.value


def value(fdp, depth=0):
    kind = fdp.ConsumeIntInRange(0, 13 if depth < 3 else 8)
    if kind == 0:
        return fdp.ConsumeInt(fdp.ConsumeIntInRange(1, 24))  # up to 192-bit ints
    if kind == 1:
        return fdp.ConsumeRegularFloat()
    if kind == 2:
        return fdp.ConsumeFloat()  # nan, inf, subnormals
    if kind == 3:
        return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 64))
    if kind == 4:
        return fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 16))
    if kind == 5:
        return fdp.ConsumeBool()
    if kind == 6:
        return None
    if kind == 7:
        return str(fdp.ConsumeIntInRange(-(10**40), 10**40))
    if kind == 8:
        return fdp.PickValueInList(["GEOGRAPHIC", "NATIONAL", "BY AREA", "BY VOXNUMBER",
                                    "BY POSTCODE", "TRUE", "FALSE", "", " ", "44", "0"])
    if kind == 9:
        return [value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    if kind == 10:
        return tuple(value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 3)))
    if kind == 11:
        return {fdp.PickValueInList(KEYS): value(fdp, depth + 1)
                for _ in range(fdp.ConsumeIntInRange(0, 4))}
    if kind == 12:
        return ToDict(value(fdp, depth + 1))
    return {value(fdp, depth + 1) if fdp.ConsumeBool() else 1.5: value(fdp, depth + 1)}


def mutate(entries, fdp):
    """Entries of a vector request with some keys set, removed or replaced."""
    if not isinstance(entries, list):
        return entries
    out = [dict(e) if isinstance(e, dict) else e for e in entries]
    for _ in range(fdp.ConsumeIntInRange(0, 4)):
        if not out or fdp.ConsumeIntInRange(0, 9) == 0:
            out.append(value(fdp))
            continue
        i = fdp.ConsumeIntInRange(0, len(out) - 1)
        if not isinstance(out[i], dict) or fdp.ConsumeIntInRange(0, 5) == 0:
            out[i] = value(fdp)
            continue
        key = fdp.PickValueInList(KEYS)
        if fdp.ConsumeIntInRange(0, 4) == 0:
            out[i].pop(key, None)
        else:
            out[i][key] = value(fdp)
    return out


def list_call(fdp):
    """A list method's get_* or iter_* with its example's arguments, some replaced."""
    m = fdp.PickValueInList(LISTS)
    arguments = dict(m["example"])
    for _ in range(fdp.ConsumeIntInRange(0, 4)):
        key = fdp.PickValueInList(ARGUMENT_KEYS)
        if fdp.ConsumeIntInRange(0, 4) == 0:
            arguments.pop(key, None)
        else:
            arguments[key] = value(fdp)
    get = snake(m["name"])
    name = get if fdp.ConsumeBool() else "iter_" + get[len("get_"):]
    try:
        getattr(CLOSED, name)(**{k: v for k, v in arguments.items() if k})
        raise AssertionError(f"{name} on a closed client gave no error")
    except iovox.ConfigError as e:
        assert "closed" in str(e), e


def order(fdp):
    """An order from the vectors, or one built from the fuzz bytes."""
    if fdp.ConsumeIntInRange(0, 3):
        o = fdp.PickValueInList(ORDERS)
        numbers = [iovox.VoxNumber(**n) for n in o["voxnumbers"]]
        if fdp.ConsumeBool():
            numbers.append(iovox.VoxNumber(fdp.ConsumeIntInRange(0, 2**32 - 1), 20, fdp.ConsumeUnicode(12)))
        return iovox.Order(o["order_reference"], o["order_status"], numbers)
    return iovox.Order(fdp.ConsumeUnicode(8), fdp.PickValueInList(["PENDING", "FULFILLED"]), [])


def one_input(data):
    fdp = atheris.FuzzedDataProvider(data)
    try:
        branch = fdp.ConsumeIntInRange(0, 5)
        if branch == 4:
            list_call(fdp)
            return
        if branch == 5:
            merged = order(fdp).merge(order(fdp) if fdp.ConsumeIntInRange(0, 5) else value(fdp))
            assert isinstance(merged, iovox.Order)
            return
        if branch < 2:
            r = fdp.PickValueInList(PURCHASES)
            items = mutate(r.get("items"), fdp) if fdp.ConsumeIntInRange(0, 9) else value(fdp)
            extra = {k: (value(fdp) if fdp.ConsumeIntInRange(0, 3) == 0 else r.get(k))
                     for k in ("callback_url", "cc_list", "dynamic_quantity")}
            xml = iovox.purchase_request_xml(items, **extra)
        else:
            links = fdp.PickValueInList(ATTACHES)
            links = mutate(links, fdp) if fdp.ConsumeIntInRange(0, 9) else value(fdp)
            xml = iovox.attach_request_xml(links)
        assert isinstance(xml, str) and xml.startswith("<?xml"), xml
    except (iovox.ValidationError, TypeError, ValueError):
        pass


def main():
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
