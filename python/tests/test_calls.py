"""Calls, offline: the sandbox's simulate_call, getCallData's filters and pages from the
sync and the async client counted against the calls the test made, and recordings as
bytes; nodes and links made and removed by name."""

from __future__ import annotations

import asyncio
import pathlib
from typing import Any

import pytest
from conftest import KEY

import iovox
from iovox_sandbox import Sandbox

NOVEMBER = {"sdt": "2020-11-01", "edt": "2020-11-30"}


def simulate(sb: Sandbox, count: int) -> list[dict[str, Any]]:
    numbers = [(n["full_voxnumber"], n.get("link_id")) for n in sb.state["voxnumbers"]]
    made = []
    for i in range(count):
        number, link = numbers[i % len(numbers)]
        call = {
            "voxnumber": number,
            "caller": f"4479661{i:05}",
            "start": f"2020-11-{1 + i % 28:02} {i % 24:02}:00:00",
            "duration": 30 + i,
            "answered": i % 3 != 0,
            "recording": i % 5 == 0,
        }
        call["id"] = sb.simulate_call(call["voxnumber"], call["caller"], start=call["start"], duration=call["duration"], answered=call["answered"], recording=call["recording"])
        call["link"] = link
        made.append(call)
    return made


def test_50_calls_read_back_by_every_filter() -> None:
    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        made = simulate(sb, 50)
        walked = list(client.iter_call_data(limit=7, **NOVEMBER))
        assert sorted(c.id for c in walked) == sorted(m["id"] for m in made)
        assert [c.call_start for c in walked] == sorted((c.call_start for c in walked), reverse=True)
        number = made[1]["voxnumber"]
        assert len(client.get_call_data(voxnumber=number, **NOVEMBER).results) == sum(m["voxnumber"] == number for m in made)
        missed = client.get_call_data(call_res="MISSED", **NOVEMBER).results
        assert sorted(c.id for c in missed) == sorted(m["id"] for m in made if not m["answered"])
        assert all(c.talk_time_sec == 0 for c in missed)
        link = next(m["link"] for m in made if m["link"])
        on_link = client.get_call_data(link_id=link, **NOVEMBER).results
        assert len(on_link) == sum(m["link"] == link for m in made) and all(c.node_id for c in on_link)
        window = client.get_call_data(sdt="2020-11-10", edt="2020-11-12 05:00:00").results
        assert len(window) == sum("2020-11-10 00:00:00" <= m["start"] <= "2020-11-12 05:00:00" for m in made) > 0
        assert client.get_call_data().results == [], "the default window is this month"
        one = client.get_call_data(req_fields=["id", "cts"], limit=1, **NOVEMBER).results[0]
        assert one.id and one.call_time_sec and one.voxnumber is None
        assert one.to_dict()["call_time_sec"] == one.call_time_sec

        total = client.get_call_metrics(**NOVEMBER).results[0]
        assert total.total_calls == 50
        assert total.total_talk_time_sec == sum(m["duration"] for m in made if m["answered"])
        assert total.total_unique_callers == len({m["caller"] for m in made})
        assert total.total_unique_links == len({m["link"] for m in made if m["link"]})
        per_number = client.get_call_metrics(group_fields=["vn"], req_fields=["tc"], **NOVEMBER).results
        assert {r.voxnumber: r.total_calls for r in per_number} == {
            n: sum(m["voxnumber"] == n for m in made) for n in {m["voxnumber"] for m in made}
        }
        assert all(r.total_talk_time_sec is None for r in per_number), "only what req_fields asks"

        async def walk() -> list[str]:
            async with iovox.AsyncClient(sb.username, KEY, sb.url, retries=0) as a:
                return [c.id async for c in a.iter_call_data(limit=9, **NOVEMBER)]

        assert sorted(asyncio.run(walk())) == sorted(m["id"] for m in made)


def test_a_recording_is_bytes_and_a_call_without_one_an_error(tmp_path: pathlib.Path) -> None:
    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        made = simulate(sb, 6)
        recorded = next(m["id"] for m in made if m["recording"])
        audio = client.get_call_recording(recorded)
        assert isinstance(audio, bytes) and audio[:2] == b"\xff\xfb" and len(audio) > 10_000
        # The helper writes it whole (nothing but the file left in the folder), refuses
        # empty audio, and fails as the OSError it is.
        assert iovox.save_recording(audio, tmp_path / "call.mp3") == len(audio)
        assert (tmp_path / "call.mp3").read_bytes() == audio
        assert iovox.save_recording(audio[:100], str(tmp_path / "call.mp3")) == 100
        with pytest.raises(ValueError, match="empty"):
            iovox.save_recording(b"", tmp_path / "call.mp3")
        with pytest.raises(FileNotFoundError):
            iovox.save_recording(audio, tmp_path / "no" / "call.mp3")
        assert [p.name for p in tmp_path.iterdir()] == ["call.mp3"]
        assert (tmp_path / "call.mp3").read_bytes() == audio[:100]
        plain = next(m["id"] for m in made if not m["recording"])
        with pytest.raises(iovox.ApiError, match="has no recording"):
            client.get_call_recording(plain)
        assert asyncio.run(_async_recording(sb, recorded)) == audio
        with pytest.raises(ValueError, match="not a number of this account"):
            sb.simulate_call("449999999999", "447966111222")


async def _async_recording(sb: Sandbox, call_id: str) -> bytes:
    async with iovox.AsyncClient(sb.username, KEY, sb.url, retries=0) as a:
        return await a.get_call_recording(call_id)


def test_nodes_and_links_made_attached_and_removed() -> None:
    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        client.create_nodes([{"node_id": "P1", "node_name": "Property", "node_type": "Property"}])
        client.create_links([{"node_id": "P1", "link_id": "P1-web", "link_name": "Web", "link_type": "Web", "click_to_call": True}])
        with pytest.raises(iovox.ApiError) as e:
            client.create_nodes([{"node_id": "P1", "node_name": "Again", "node_type": "Property"}])
        assert e.value.messages == ["Node ID 1 of 1 already exists"]
        assert [n.link_id for n in client.get_nodes(node_id="P1").results] == ["P1-web"]
        client.attach_voxnumber_to_link([{"link_id": "P1-web", "method": "BY AREA", "voxnumber_idd": 44, "area_code": 20}])
        before = sb.stats["requests"]
        with pytest.raises(iovox.ValidationError) as v:
            client.delete_nodes(["P1", "a,b"])
        assert v.value.messages == ["Node ID 2 of 2 holds a comma, which IOVOX's comma-joined list cannot carry"]
        with pytest.raises(TypeError, match="node_ids must be a list, not str"):
            client.delete_nodes("P1")  # type: ignore[arg-type]
        assert sb.stats["requests"] == before, "nothing sent"
        client.delete_nodes(["P1"])
        assert client.get_links(link_id="P1-web").results == []
        with pytest.raises(iovox.ApiError, match="does not exist"):
            client.delete_links(["P1-web"])


def test_calls_and_metrics_as_dataframes(monkeypatch: pytest.MonkeyPatch) -> None:
    """to_dataframe() on a page and on a whole walk, sync and async; without pandas, an
    ImportError that says how to install it."""
    import pandas

    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        made = simulate(sb, 12)
        frame = client.iter_call_data(limit=5, **NOVEMBER).to_dataframe()
        assert isinstance(frame, pandas.DataFrame) and len(frame) == 12
        assert sorted(frame["id"]) == sorted(m["id"] for m in made)
        assert int(frame["call_time_sec"].sum()) == sum(m["duration"] for m in made)
        metrics = client.get_call_metrics(group_fields=["vn"], **NOVEMBER).to_dataframe()
        assert int(metrics["total_calls"].sum()) == 12

        async def walk() -> Any:
            async with iovox.AsyncClient(sb.username, KEY, sb.url, retries=0) as a:
                return await a.iter_call_data(limit=5, **NOVEMBER).to_dataframe()

        assert len(asyncio.run(walk())) == 12
        monkeypatch.setitem(__import__("sys").modules, "pandas", None)
        with pytest.raises(ImportError, match=r"pip install iovox\[pandas\]"):
            client.get_call_data(**NOVEMBER).to_dataframe()


def test_a_whole_node_in_one_call_and_in_depth_sync_and_async() -> None:
    with Sandbox(secure_key=KEY) as sb, iovox.Client(sb.username, KEY, sb.url, retries=0) as client:
        free = [n["full_voxnumber"] for n in sb.state["voxnumbers"] if not n.get("link_id")]
        made = client.create_node_full(
            "Westbourne",
            "Westbourne Apartments",
            "Property",
            [
                {
                    "link_id": "W-web",
                    "link_name": "Website",
                    "link_type": "Web",
                    "assign_voxnumber": {"method": "BY VOXNUMBER", "full_voxnumber": free[0]},
                    "categories": [{"category_id": "Campaign", "value": "Spring"}],
                    "rules_variable": [{"rule_id": "call", "caller_message": ["Greetings|Welcome"]}],
                }
            ],
            node_date="2026-12-06",
        )
        assert made == {"node_id": "Westbourne", "links": [{"link_id": "W-web"}]}
        node = client.get_node_details("Westbourne", return_voxnumber="true")
        assert isinstance(node, dict)
        [web] = node["links"]
        assert web["voxnumber"] == free[0]
        assert web["cats"] == [{"category_id": "Campaign", "value": "Spring"}]
        assert web["rules"][0]["caller_message"] == ["Greetings|Welcome"]
        # The node's own rules, before sending, in IOVOX's words; a shape error names the field.
        with pytest.raises(iovox.ValidationError) as e:
            client.create_node_full(" ", "N", "T", [], node_date="06/12/2026")
        assert e.value.messages == ["Node ID 1 of 1 Empty", "Node Date 1 of 1 Invalid"]
        with pytest.raises(TypeError, match="did you mean 'link_name'"):
            client.create_node_full("X", "N", "T", [{"link_id": "L", "link_nam": "x"}])
        with pytest.raises(iovox.ApiError) as api:
            client.create_node_full("Westbourne", "Again", "Property", [])
        assert api.value.messages == ["Node ID 1 of 1 already exists"]
        with pytest.raises(iovox.ValidationError, match="Required Fields Invalid: xx"):
            client.get_node_details("Westbourne", req_fields=["nid", "xx"])

        async def from_async() -> dict:
            async with iovox.AsyncClient(sb.username, KEY, sb.url, retries=0) as a:
                return await a.get_node_details("Westbourne", link_id="W-web")

        assert asyncio.run(from_async())["links"][0]["link_id"] == "W-web"


def test_initiate_call_is_recorded_not_rung_and_never_placed_twice(sandbox: Sandbox, client: iovox.Client) -> None:
    """initiateCall: the sandbox records what would have happened; a call whose answer was
    lost is not placed again; the caller's variable names are sent as written."""
    client.initiate_call("333", call_variables={"call_destination": "449789123123,1", "delay": 30, "CustomerName": "Bob"})
    (placed,) = sandbox.state["initiated_calls"]
    assert placed["link_id"] == "333"
    assert [tuple(v) for v in placed["call_variables"]] == [("CustomerName", "Bob"), ("call_destination", "449789123123,1"), ("delay", "30")]
    before = sandbox.stats["requests"]
    with pytest.raises(iovox.ValidationError) as e:
        client.initiate_call("333", call_variables={"my var": "x", "ok": ["a"]})
    assert [i.code for i in e.value.errors] == ["variable_name_invalid", "variable_invalid"]
    with pytest.raises(TypeError, match="call_variables must be a mapping of names to values, not a list"):
        client.initiate_call("333", call_variables=["call_destination"])  # type: ignore[arg-type]
    assert sandbox.stats["requests"] == before
    sandbox.inject("drop")
    with pytest.raises(iovox.ConnectionError) as c:
        client.initiate_call("444")
    assert c.value.maybe_sent
    assert sandbox.requests_for("initiateCall") == 2
    assert len(sandbox.state["initiated_calls"]) == 2
