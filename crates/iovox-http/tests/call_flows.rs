//! Call flows over real HTTP against iovox-sandbox: a flow made from its rules as
//! mappings, read back the same, listed (and listed as a rule template), followed by a
//! link, renamed (the link follows), refused when deleted while links follow it unless
//! detach_from_links; the page's rules refused before sending.

mod common;

use common::start;
use iovox_http::{CallFlowsRequest, DeleteCallFlowsRequest, RuleTemplatesRequest};
use serde_json::json;

#[test]
fn a_flow_is_made_read_followed_renamed_and_removed() {
    let (sb, c) = start();
    let rules = json!([
        {"element": "call", "id": "call_1", "label": "Call", "destinationPhoneNumber": "?", "record": "true",
         "children": [{"element": "calledMessage", "children": [{"element": "soundFile", "soundLabel": "Lead & more"}]}]},
        {"element": "play", "id": "play_1", "label": "Bye"},
    ]);
    c.create_call_flow(&json!({"name": "Call Agent", "notes": "Any agent", "rules": rules}))
        .unwrap();
    let flow = c.get_call_flow(&"Call Agent".to_string()).unwrap();
    assert_eq!(flow["rules"], rules, "read back as sent");
    assert_eq!(flow["notes"], "Any agent");

    let listed = c.get_call_flows(&CallFlowsRequest::new()).unwrap();
    assert_eq!(
        listed.results[0].template_name.as_deref(),
        Some("Call Agent")
    );
    assert_eq!(listed.results[0].template_type.as_deref(), Some("CUSTOM"));
    let templates = c
        .get_rule_templates(&RuleTemplatesRequest::new().template_name("Call Agent"))
        .unwrap();
    assert_eq!(templates.results.len(), 1, "a call flow is a rule template");
    let variable = c
        .get_variable_rules_of_template(&json!({"template_name": "Call Agent"}))
        .unwrap();
    assert_eq!(
        variable["rules"],
        json!([{"rule_id": "call_1", "rule_type": "call", "rule_label": "Call"}])
    );

    let e = c
        .create_call_flow(
            &json!({"name": "Call Agent", "rules": [{"element": "play", "id": "p", "label": "P"}]}),
        )
        .unwrap_err();
    assert_eq!(e.messages(), ["CallFlow Name already exists"]);

    // A link follows it; a rename takes the link along.
    c.attach_rule_template_to_links(
        &json!({"template_name": "Call Agent", "overwrite_existing": true, "link_ids": ["333"]}),
    )
    .unwrap();
    c.update_call_flow(&json!({"name": "Call Agent", "new_name": "Agent", "rules": rules}))
        .unwrap();
    let link = sb
        .state()
        .links
        .iter()
        .find(|l| l.link_id == "333")
        .cloned()
        .unwrap();
    assert_eq!(link.rule_template_name.as_deref(), Some("Agent"));
    let e = c.get_call_flow(&"Call Agent".to_string()).unwrap_err();
    assert_eq!(e.messages(), ["Call Flow Doesn't exist"]);

    // Request-only rules: nothing sent.
    let before = sb.stats().requests;
    let e = c
        .create_call_flow(&json!({"name": "", "rules": []}))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["CallFlow Name Empty", "There are no Rules in this Template"]
    );
    let e = c
        .create_call_flow(&json!({"name": "X", "rules": [{"element": "call"}]}))
        .unwrap_err();
    assert_eq!(e.messages(), ["Rule ID Empty", "Rule Label Empty"]);
    assert_eq!(sb.stats().requests, before);

    // Deleted only with detach_from_links while a link follows it.
    let e = c
        .delete_call_flows(&DeleteCallFlowsRequest::new(["Agent"]))
        .unwrap_err();
    assert!(e.messages()[0].contains("attached"), "{:?}", e.messages());
    c.delete_call_flows(&DeleteCallFlowsRequest::new(["Agent"]).detach_from_links(true))
        .unwrap();
    assert!(c
        .get_call_flows(&CallFlowsRequest::new())
        .unwrap()
        .results
        .is_empty());
    let link = sb
        .state()
        .links
        .iter()
        .find(|l| l.link_id == "333")
        .cloned()
        .unwrap();
    assert_eq!(link.rule_template_name, None);
}
