//! The Contacts family over real HTTP against iovox-sandbox: contacts made, found by every
//! filter, read whole, changed (merged or replaced, renamed), and removed; a contact a
//! link's rules use is refused without `rm_rules` and takes those rules with it; the
//! request-only rules refused before sending, all of a request or none of it.

mod common;

use common::start;
use iovox_http::{
    Client, ContactDetailsRequest, ContactUpdates, ContactsRequest, DeleteContactsRequest, Records,
};

fn ids(c: &Client, request: &ContactsRequest) -> Vec<String> {
    (c.get_contacts(request).unwrap().results.into_iter())
        .map(|c| c.contact_id.unwrap())
        .collect()
}

#[test]
fn contacts_are_made_found_changed_and_removed() {
    let (sb, c) = start();
    c.create_contacts(
        &Records::new()
            .record([
                ("contact_id", "Sales"),
                ("display_name", "Sales desk"),
                ("company", "IOVOX"),
                ("business_phone", "442071234000"),
                ("email", "sales@example.com"),
            ])
            .record([
                ("contact_id", "Jo"),
                ("first_name", "Jo"),
                ("display_name", "Jo Smith"),
                ("mobile_phone", "447700900123"),
                ("work_address_1", "153 Westbourne Grove"),
            ]),
    )
    .unwrap();
    assert_eq!(ids(&c, &ContactsRequest::new()), ["Sales", "Jo"]);
    assert_eq!(ids(&c, &ContactsRequest::new().company("IOVOX")), ["Sales"]);
    assert_eq!(
        ids(&c, &ContactsRequest::new().display_name("Smith")),
        ["Jo"]
    );
    assert_eq!(
        ids(&c, &ContactsRequest::new().phone_number("447700900123")),
        ["Jo"]
    );
    assert_eq!(
        ids(&c, &ContactsRequest::new().email("sales@example.com")),
        ["Sales"]
    );
    assert_eq!(
        ids(&c, &ContactsRequest::new().order("dn_ASC")),
        ["Jo", "Sales"]
    );
    let some = c
        .get_contacts(&ContactsRequest::new().req_fields(["cid", "as"]))
        .unwrap();
    assert_eq!(some.results[0].display_name, None);
    assert_eq!(
        some.results[0].assigned_status.as_deref(),
        Some("UNASSIGNED")
    );

    let details = c
        .get_contact_details(&ContactDetailsRequest::new().contact_id("Jo"))
        .unwrap();
    let jo = &details.results[0];
    assert_eq!(jo.first_name.as_deref(), Some("Jo"));
    assert_eq!(jo.work_address_1.as_deref(), Some("153 Westbourne Grove"));
    assert_eq!(jo.email, None);

    // Changed: merged by default, replaced with replace_details, renamed.
    c.update_contacts(&ContactUpdates::new(
        Records::new().record([("contact_id", "Jo"), ("email", "jo@example.com")]),
    ))
    .unwrap();
    let jo = c
        .get_contact_details(&ContactDetailsRequest::new().contact_id("Jo"))
        .unwrap()
        .results
        .remove(0);
    assert_eq!(
        (jo.first_name.as_deref(), jo.email.as_deref()),
        (Some("Jo"), Some("jo@example.com"))
    );
    c.update_contacts(
        &ContactUpdates::new(Records::new().record([
            ("contact_id", "Jo"),
            ("new_contact_id", "Joanna"),
            ("display_name", "Joanna Smith"),
        ]))
        .replace_details(true),
    )
    .unwrap();
    let joanna = c
        .get_contact_details(&ContactDetailsRequest::new().contact_id("Joanna"))
        .unwrap()
        .results
        .remove(0);
    assert_eq!(joanna.display_name.as_deref(), Some("Joanna Smith"));
    assert_eq!(joanna.first_name, None, "replaced, not merged");
    let e = c
        .update_contacts(&ContactUpdates::new(
            Records::new().record([("contact_id", "Joanna"), ("new_contact_id", "Sales")]),
        ))
        .unwrap_err();
    assert!(e.messages()[0].contains("taken"), "{:?}", e.messages());

    // Request-only rules: nothing sent.
    let before = sb.stats().requests;
    let e = c
        .delete_contacts(&DeleteContactsRequest::new(["Sales", "a,b"]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["Contact ID 2 of 2 holds a comma, which IOVOX's comma-joined list cannot carry"]
    );
    let e = c
        .delete_contacts(&DeleteContactsRequest::new(Vec::<String>::new()))
        .unwrap_err();
    assert_eq!(e.messages(), ["Contact IDs Empty"]);
    assert_eq!(sb.stats().requests, before);

    // Removed; one the account lacks refuses the whole request.
    let e = c
        .delete_contacts(&DeleteContactsRequest::new(["Sales", "Nobody"]))
        .unwrap_err();
    assert_eq!(e.messages(), ["Contact ID 2 of 2 does not exist"]);
    c.delete_contacts(&DeleteContactsRequest::new(["Sales"]))
        .unwrap();
    assert_eq!(ids(&c, &ContactsRequest::new()), ["Joanna"]);
}

#[test]
fn a_contact_the_rules_use_goes_only_with_rm_rules_and_takes_them_along() {
    let (sb, c) = start();
    c.create_contacts(
        &Records::new().record([("contact_id", "Desk"), ("business_phone", "442071234000")]),
    )
    .unwrap();
    let node = serde_json::json!({
        "node_id": "N9", "node_name": "Shop", "node_type": "Store",
        "links": [{"link_id": "N9-web", "link_name": "Web", "link_type": "Web",
                   "rules_variable": [{"rule_id": "call", "contact": {"contact_id": "Desk"}}]}]
    });
    c.create_node_full(&node).unwrap();
    let listed = c.get_contacts(&ContactsRequest::new()).unwrap();
    assert_eq!(
        listed.results[0].assigned_status.as_deref(),
        Some("ASSIGNED")
    );

    let e = c
        .delete_contacts(&DeleteContactsRequest::new(["Desk"]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["Contact 1 of 1 is used in Rules or Rule Templates"]
    );
    c.delete_contacts(&DeleteContactsRequest::new(["Desk"]).rm_rules(true))
        .unwrap();
    let link = sb
        .state()
        .links
        .iter()
        .find(|l| l.link_id == "N9-web")
        .cloned()
        .unwrap();
    assert!(link.rules.is_empty(), "the rule went with its contact");
}
