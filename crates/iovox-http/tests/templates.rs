//! Rule templates and SMS templates over real HTTP against iovox-sandbox: listed,
//! their variable rules read (a link's values once attached), attached to links (refused
//! over one a link has unless overwrite_existing), taken off; the SMS remove's page rules
//! refused before sending.

mod common;

use common::start;
use iovox_http::{IdsRequest, RuleTemplatesRequest, TemplateType};
use serde_json::json;

#[test]
fn a_template_is_listed_attached_with_its_values_and_taken_off() {
    let (sb, c) = start();
    let names: Vec<String> = (c.get_rule_templates(&RuleTemplatesRequest::new().order("tna_ASC")))
        .unwrap()
        .results
        .into_iter()
        .map(|t| t.template_name.unwrap())
        .collect();
    assert_eq!(names, ["Call Whisper Both", "Forward"]);
    let custom = c
        .get_rule_templates(&RuleTemplatesRequest::new().template_type(TemplateType::Custom))
        .unwrap();
    assert!(custom.results.is_empty(), "IOVOX's templates are DEFAULT");

    let empty = c
        .get_variable_rules_of_template(&json!({"template_name": "Call Whisper Both"}))
        .unwrap();
    assert_eq!(empty["rules"][1]["rule_type"], "call");

    let values = json!([{"rule_id": "3", "rule_type": "call", "rule_label": "Call",
                         "contact": {"contact_id": "Desk", "phone_number": "442071234000"}}]);
    c.attach_rule_template_to_links(&json!({
        "template_name": "Call Whisper Both", "overwrite_existing": false,
        "link_ids": ["333", "444"], "rules_variable": values,
    }))
    .unwrap();
    let filled = c
        .get_variable_rules_of_template(
            &json!({"template_name": "Call Whisper Both", "link_id": "333"}),
        )
        .unwrap();
    assert_eq!(
        filled["rules"][0]["contact"]["phone_number"],
        "442071234000"
    );
    assert_eq!(
        sb.state()
            .links
            .iter()
            .find(|l| l.link_id == "444")
            .unwrap()
            .rule_template_name
            .as_deref(),
        Some("Call Whisper Both")
    );

    // A link that has a template keeps it unless overwrite_existing: all or none.
    let e = c
        .attach_rule_template_to_links(&json!({
            "template_name": "Forward", "overwrite_existing": false, "link_ids": ["555", "333"],
        }))
        .unwrap_err();
    assert_eq!(e.messages().len(), 1);
    assert!(e.messages()[0].contains("333"), "{:?}", e.messages());
    assert!(sb
        .state()
        .links
        .iter()
        .find(|l| l.link_id == "555")
        .unwrap()
        .rule_template_name
        .is_none());
    c.attach_rule_template_to_links(&json!({
        "template_name": "Forward", "overwrite_existing": true, "link_ids": ["333"],
    }))
    .unwrap();
    let e = c
        .get_variable_rules_of_template(&json!({"template_name": "Nope"}))
        .unwrap_err();
    assert_eq!(e.messages(), ["Template Name does not exist"]);
    let e = c
        .get_variable_rules_of_template(&json!({"template_name": "Forward", "link_id": "999"}))
        .unwrap_err();
    assert_eq!(e.messages(), ["Link ID Doesn't exist"]);

    c.remove_rule_template_from_links(&IdsRequest::new(["333", "444"]))
        .unwrap();
    assert!(sb
        .state()
        .links
        .iter()
        .all(|l| l.rule_template_name.is_none()));
}

#[test]
fn sms_templates_go_on_and_off_with_the_removes_page_rules() {
    let (sb, c) = start();
    c.attach_sms_template_to_links(&json!({
        "template_name": "SMS", "overwrite_existing": true, "link_ids": ["333"],
        "rules_variable": [{"rule_id": "sendSms_1", "rule_type": "sendSms", "rule_label": "sendSms",
                            "contact": {"contact_id": "Desk"}}],
    }))
    .unwrap();
    let link = sb
        .state()
        .links
        .iter()
        .find(|l| l.link_id == "333")
        .cloned()
        .unwrap();
    assert_eq!(link.sms_template_name.as_deref(), Some("SMS"));
    assert_eq!(link.sms_rules[0]["contact"]["contact_id"], "Desk");

    let before = sb.stats().requests;
    let e = c
        .remove_sms_template_from_links(&IdsRequest::new(["333", "", "333"]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["Link ID 2 of 3 Empty", "Duplicate Link ID Received"]
    );
    let e = c
        .remove_sms_template_from_links(&IdsRequest::new(Vec::<String>::new()))
        .unwrap_err();
    assert_eq!(e.messages(), ["Link IDs Empty"]);
    assert_eq!(sb.stats().requests, before);

    let e = c
        .remove_sms_template_from_links(&IdsRequest::new(["333", "nowhere"]))
        .unwrap_err();
    assert_eq!(e.messages(), ["Link ID 2 of 2 does not exist"]);
    c.remove_sms_template_from_links(&IdsRequest::new(["333"]))
        .unwrap();
    let link = sb
        .state()
        .links
        .iter()
        .find(|l| l.link_id == "333")
        .cloned()
        .unwrap();
    assert_eq!((link.sms_template_name, link.sms_rules.len()), (None, 0));
}
