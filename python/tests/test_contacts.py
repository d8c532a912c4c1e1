"""Contacts from Python: made, found, read whole, changed and removed against the sandbox;
the switches and IDs checked before sending."""

from __future__ import annotations

import pytest

import iovox
from iovox_sandbox import Sandbox


def test_contacts_are_made_found_changed_and_removed(sandbox: Sandbox, client: iovox.Client) -> None:
    client.create_contacts(
        [
            {"contact_id": "Sales", "display_name": "Sales desk", "company": "IOVOX", "email_2": "desk@example.com"},
            {"contact_id": "Jo", "first_name": "Jo", "work_address_1": "153 Westbourne Grove"},
        ]
    )
    assert [c.contact_id for c in client.iter_contacts(company="IOVOX")] == ["Sales"]
    (jo,) = client.get_contact_details(contact_id="Jo").results
    assert (jo.first_name, jo.work_address_1, jo.email) == ("Jo", "153 Westbourne Grove", None)
    client.update_contacts([{"contact_id": "Jo", "new_contact_id": "Joanna", "last_name": "Smith"}])
    (joanna,) = client.get_contact_details(contact_id="Joanna").results
    assert (joanna.first_name, joanna.last_name) == ("Jo", "Smith")

    before = sandbox.stats["requests"]
    with pytest.raises(iovox.ValidationError) as e:
        client.delete_contacts([], rm_rules="perhaps", rm_if_user="yes")  # type: ignore[arg-type]
    assert e.value.messages == ["Contact IDs Empty", "rm_rules must be TRUE or FALSE", "Remove If User Invalid"]
    with pytest.raises(iovox.ValidationError, match="holds a comma"):
        client.delete_contacts(["Sales", "a,b"])
    with pytest.raises(iovox.ValidationError, match="replace_details must be TRUE or FALSE"):
        client.update_contacts([{"contact_id": "Sales"}], replace_details="sometimes")  # type: ignore[arg-type]
    assert sandbox.stats["requests"] == before

    with pytest.raises(iovox.ApiError) as a:
        client.delete_contacts(["Sales", "Nobody"])
    assert a.value.messages == ["Contact ID 2 of 2 does not exist"]
    client.delete_contacts(["Sales", "Joanna"], rm_rules=True)
    assert client.get_contacts().results == []
