//! Blocked numbers over real HTTP against iovox-sandbox: made with their rules, listed by
//! every filter (rules only when asked for), changed to a new combination (refused over
//! another unless OVERWRITE), deleted; the pages' rules refused before sending.

mod common;

use common::start;
use iovox_http::{BlockedNumbersRequest, IdsRequest, InOrOut};
use serde_json::json;

fn numbers(page: &serde_json::Value) -> Vec<String> {
    (page["results"].as_array().unwrap().iter())
        .map(|r| r["number"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn blocked_numbers_are_made_listed_changed_and_deleted() {
    let (sb, c) = start();
    c.create_blocked_numbers(&json!({"blocked_numbers": [
        {"number": "447429651520", "in_or_out": "IN", "operator": "EQUALS", "default": "BLOCK"},
        {"number": "33", "in_or_out": "OUT", "operator": "STARTSWITH", "default": "BLOCK"},
        {"number": "447429651522", "in_or_out": "IN", "operator": "EQUALS", "default": "BLOCK",
         "rules": [{"link_ids": ["333"], "time_template": "Christmas", "blocking_type": "ALLOW"}]},
    ]}))
    .unwrap();
    let all = c
        .get_blocked_numbers(&BlockedNumbersRequest::new().order("no_ASC"))
        .unwrap();
    assert_eq!(numbers(&all), ["33", "447429651520", "447429651522"]);
    assert_eq!(all["total_results"], 3);
    assert!(
        all["results"][2].get("rules").is_none(),
        "IOVOX's default fields leave the rules out"
    );
    let inbound = c
        .get_blocked_numbers(
            &BlockedNumbersRequest::new()
                .in_or_out(InOrOut::In)
                .req_fields(["no", "rules"]),
        )
        .unwrap();
    assert_eq!(numbers(&inbound), ["447429651520", "447429651522"]);
    assert_eq!(
        inbound["results"][1]["rules"][0]["link_ids"],
        json!(["333"])
    );
    let e = c
        .get_blocked_numbers(&BlockedNumbersRequest::new().number("999"))
        .unwrap_err();
    assert_eq!(e.messages(), ["Number does not exist"]);

    // A new combination another has: refused unless OVERWRITE, all or none.
    let e = c
        .update_blocked_numbers(&json!({"blocked_numbers": [
            {"number": "447429651520", "in_or_out": "IN", "operator": "EQUALS", "new_number": "447429651522"}]}))
        .unwrap_err();
    assert!(e.messages()[0].contains("OVERWRITE"), "{:?}", e.messages());
    c.update_blocked_numbers(&json!({"blocked_numbers": [
        {"number": "447429651520", "in_or_out": "IN", "operator": "EQUALS", "new_number": "447429651522",
         "default": "ALLOW", "if_exists": "OVERWRITE"}]}))
        .unwrap();
    assert_eq!(sb.state().blocked_numbers.len(), 2);

    // The pages' rules: nothing sent.
    let before = sb.stats().requests;
    let e = c
        .create_blocked_numbers(&json!({"blocked_numbers": []}))
        .unwrap_err();
    assert_eq!(e.messages(), ["Request Empty"]);
    let e = c
        .delete_blocked_numbers(&IdsRequest::new(Vec::<String>::new()))
        .unwrap_err();
    assert_eq!(e.messages(), ["Blocked Numbers Empty"]);
    assert_eq!(sb.stats().requests, before);

    let e = c
        .delete_blocked_numbers(&IdsRequest::new(["33;OUT;STARTSWITH", "1;IN;EQUALS"]))
        .unwrap_err();
    assert_eq!(e.messages(), ["Blocked Number 2 of 2 does not exist"]);
    c.delete_blocked_numbers(&IdsRequest::new([
        "33;out;startswith",
        "447429651522;IN;EQUALS",
    ]))
    .unwrap();
    assert!(sb.state().blocked_numbers.is_empty());
}

/// Time templates: made with their time frames, listed, renamed (the blocking rules that
/// use one follow), deleted only with force while a blocking rule uses one.
#[test]
fn time_templates_are_made_renamed_and_deleted_with_the_rules_that_use_them() {
    use iovox_http::{DeleteTimeTemplatesRequest, TimeTemplatesRequest};
    let (sb, c) = start();
    c.create_time_templates(&json!({"time_templates": [
        {"label": "Christmas", "time_frames": [{"date_from": "2026-12-25", "date_to": "2026-12-25", "recurrence": "YEARLY", "days": ["FRI"]}]},
    ]}))
    .unwrap();
    let page = c.get_time_templates(&TimeTemplatesRequest::new()).unwrap();
    assert_eq!(page["results"][0]["label"], "Christmas");
    assert_eq!(page["results"][0]["time_frames"][0]["days"], json!(["FRI"]));
    c.create_blocked_numbers(&json!({"blocked_numbers": [
        {"number": "44", "in_or_out": "IN", "operator": "STARTSWITH", "default": "BLOCK",
         "rules": [{"link_ids": ["333"], "time_template": "Christmas", "blocking_type": "ALLOW"}]}]}))
        .unwrap();
    c.update_time_templates(&json!({"time_templates": [
        {"label": "Christmas", "new_label": "Xmas", "time_frames": [{"recurrence": "YEARLY"}]}]}))
        .unwrap();
    assert_eq!(
        sb.state().blocked_numbers[0]["rules"][0]["time_template"],
        "Xmas"
    );
    let e = c
        .delete_time_templates(&DeleteTimeTemplatesRequest::new(["Xmas"]))
        .unwrap_err();
    assert!(e.messages()[0].contains("force"), "{:?}", e.messages());
    c.delete_time_templates(&DeleteTimeTemplatesRequest::new(["Xmas"]).force(true))
        .unwrap();
    assert!(sb.state().time_templates.is_empty());
    assert!(sb.state().blocked_numbers[0]["rules"][0]
        .get("time_template")
        .is_none());
    let e = c
        .create_time_templates(&json!({"time_templates": []}))
        .unwrap_err();
    assert_eq!(e.messages(), ["Request Empty"]);
}

/// A blocked number with no number, a time template with no label: the SDK sends them (the
/// pages' tables for these elements are cut, so no words to check them with), and the
/// sandbox refuses them in its own words, marked undocumented, all or none.
#[test]
fn a_blocked_number_without_a_number_and_a_template_without_a_label_are_refused() {
    let (sb, c) = start();
    let e = c
        .create_blocked_numbers(&json!({"blocked_numbers": [
            {"number": "447429651520", "in_or_out": "IN", "operator": "EQUALS"},
            {"in_or_out": "IN", "operator": "EQUALS"},
        ]}))
        .unwrap_err();
    assert_eq!(e.status(), Some(400));
    assert_eq!(
        e.messages(),
        ["iovox-sandbox: Blocked Number 2 of 2 has no number (IOVOX's message for this is not documented)"]
    );
    let e = c
        .create_time_templates(&json!({"time_templates": [
            {"label": "Xmas", "time_frames": [{"recurrence": "YEARLY"}]},
            {"label": " ", "time_frames": [{"recurrence": "YEARLY"}]},
        ]}))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["iovox-sandbox: Time Template 2 of 2 has no label (IOVOX's message for this is not documented)"]
    );
    assert_eq!(sb.stats().requests, 2, "both were sent");
    let none = c
        .get_blocked_numbers(&BlockedNumbersRequest::new())
        .unwrap();
    assert_eq!(none["total_results"], 0, "none of the request was kept");
    let none = (c.get_time_templates(&iovox_http::TimeTemplatesRequest::new())).unwrap();
    assert_eq!(none["total_results"], 0, "none of the request was kept");
}
