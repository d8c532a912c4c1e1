"""Rule and SMS templates from Python: listed, attached with their variable rules' values,
read back with a link's values, taken off; the SMS remove's page rules checked first."""

from __future__ import annotations

import pytest

import iovox
from iovox_sandbox import Sandbox


def test_templates_go_on_and_off_links(sandbox: Sandbox, client: iovox.Client) -> None:
    names = [t.template_name for t in client.iter_rule_templates(order="tna_ASC")]
    assert names == ["Call Whisper Both", "Forward"]
    client.attach_rule_template_to_links(
        "Forward", True, ["333"],
        rules_variable=[{"rule_id": "1", "rule_type": "call", "contact": {"phone_number": "442071234000"}}],
    )
    rules = client.get_variable_rules_of_template("Forward", link_id="333")
    assert rules["rules"][0]["contact"] == {"phone_number": "442071234000"}
    client.remove_rule_template_from_links(["333"])
    assert client.get_variable_rules_of_template("Forward", link_id="333")["rules"][0]["contact"] == {}

    client.attach_sms_template_to_links("SMS", True, ["333", "444"])
    assert {link["link_id"] for link in sandbox.state["links"] if link.get("sms_template_name")} == {"333", "444"}
    before = sandbox.stats["requests"]
    with pytest.raises(iovox.ValidationError) as e:
        client.remove_sms_template_from_links(["333", "333"])
    assert e.value.messages == ["Duplicate Link ID Received"]
    with pytest.raises(iovox.ValidationError) as e:
        client.get_rule_templates(template_type="MINE")  # type: ignore[arg-type]
    assert e.value.messages == ["Template Type Invalid"]
    assert sandbox.stats["requests"] == before
    client.remove_sms_template_from_links(["333", "444"])
    assert not any(link.get("sms_template_name") for link in sandbox.state["links"])


def test_call_flows_are_made_read_and_removed(sandbox: Sandbox, client: iovox.Client) -> None:
    """A call flow's rules are mappings both ways; attribute names are IOVOX's, as written."""
    rules = [{"element": "call", "id": "call_1", "label": "Call", "destinationPhoneNumber": "?", "record": "true"}]
    client.create_call_flow("Agent", rules, notes="Any agent")
    assert client.get_call_flow("Agent")["rules"] == rules
    assert [f.template_name for f in client.iter_call_flows()] == ["Agent"]
    before = sandbox.stats["requests"]
    with pytest.raises(iovox.ValidationError) as e:
        client.create_call_flow(" ", [])
    assert e.value.messages == ["CallFlow Name Empty", "There are no Rules in this Template"]
    with pytest.raises(TypeError, match="rule 1 of 1 must be a mapping"):
        client.create_call_flow("X", ["call"])  # type: ignore[list-item]
    assert sandbox.stats["requests"] == before
    client.delete_call_flows(["Agent"])
    with pytest.raises(iovox.ApiError) as a:
        client.get_call_flow("Agent")
    assert a.value.messages == ["Call Flow Doesn't exist"]


def test_blocked_numbers_go_in_and_out(sandbox: Sandbox, client: iovox.Client) -> None:
    """Blocked numbers with their rules: made, listed as a page of mappings, deleted."""
    client.create_blocked_numbers([
        {"number": "33", "in_or_out": "OUT", "operator": "STARTSWITH", "default": "BLOCK",
         "rules": [{"link_ids": ["333"], "blocking_type": "ALLOW"}]},
    ])
    page = client.get_blocked_numbers(req_fields=["no", "rules"])
    assert page["results"] == [{"number": "33", "default": "BLOCK", "rules": [{"link_ids": ["333"], "blocking_type": "ALLOW"}]}]
    with pytest.raises(iovox.ValidationError) as e:
        client.get_blocked_numbers(in_or_out="UP")
    assert e.value.messages == ["In Or Out Invalid"]
    client.delete_blocked_numbers(["33;OUT;STARTSWITH"])
    assert client.get_blocked_numbers()["results"] == []


def test_time_templates_go_in_and_out(client: iovox.Client) -> None:
    client.create_time_templates([{"label": "Xmas", "time_frames": [{"recurrence": "YEARLY", "days": ["MON"]}]}])
    (template,) = client.get_time_templates()["results"]
    assert template["time_frames"] == [{"recurrence": "YEARLY", "days": ["MON"]}]
    with pytest.raises(iovox.ValidationError, match="force must be TRUE or FALSE"):
        client.delete_time_templates(["Xmas"], force="sometimes")  # type: ignore[arg-type]
    client.delete_time_templates(["Xmas"], force=True)
    assert client.get_time_templates()["results"] == []
