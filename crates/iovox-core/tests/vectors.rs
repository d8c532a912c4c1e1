//! Runs every shared case in `tests/vectors/` (Python and Node run the same files).

use iovox_core::request::{decode_attach_request, decode_purchase_request};
use iovox_core::{decode_error_body, wire, Order};
use serde_json::Value;
use std::path::PathBuf;

fn cases(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap();
    let cases = doc["cases"].as_array().unwrap().clone();
    assert!(!cases.is_empty(), "{file} has no case");
    cases
}

fn name(case: &Value) -> &str {
    case["name"].as_str().unwrap()
}

fn purchase(case: &Value) -> wire::PurchaseRequest {
    serde_json::from_value(case["request"].clone()).unwrap()
}

fn attach(case: &Value) -> wire::AttachRequest {
    serde_json::from_value(serde_json::json!({ "links": case["links"] })).unwrap()
}

/// Whitespace between tags is layout, not content, in these payloads.
fn squeeze(xml: &str) -> String {
    let mut out = String::new();
    for line in xml.lines() {
        out.push_str(line.trim());
    }
    out
}

#[test]
fn purchase_requests_encode_exactly_and_decode_back() {
    for case in cases("purchase_requests.json") {
        let typed = purchase(&case)
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", name(&case)));
        let xml = typed.to_xml();
        assert_eq!(xml, case["xml"].as_str().unwrap(), "{}", name(&case));
        let decoded = decode_purchase_request(xml.as_bytes()).unwrap();
        assert_eq!(decoded, typed, "{}", name(&case));
        assert_eq!(
            typed.validate(),
            Ok(()),
            "{}: typed checks agree",
            name(&case)
        );
    }
}

#[test]
fn attach_requests_encode_exactly_and_decode_back() {
    for case in cases("attach_requests.json") {
        let typed = attach(&case)
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", name(&case)));
        let xml = typed.to_xml();
        assert_eq!(xml, case["xml"].as_str().unwrap(), "{}", name(&case));
        assert_eq!(
            decode_attach_request(xml.as_bytes()).unwrap(),
            typed,
            "{}",
            name(&case)
        );
        assert_eq!(
            typed.validate(),
            Ok(()),
            "{}: typed checks agree",
            name(&case)
        );
    }
}

#[test]
fn spec_page_examples_match_element_for_element() {
    for case in cases("spec_examples.json") {
        let xml = match case["kind"].as_str().unwrap() {
            "purchase" => purchase(&case).validate().unwrap().to_xml(),
            _ => attach(&case).validate().unwrap().to_xml(),
        };
        assert_eq!(
            xml,
            squeeze(case["page_xml"].as_str().unwrap()),
            "{}",
            name(&case)
        );
    }
}

fn expected_errors(case: &Value) -> Vec<Value> {
    case["errors"].as_array().unwrap().clone()
}

fn actual_errors(result: Result<(), iovox_core::ValidationErrors>) -> Vec<Value> {
    match result {
        Ok(()) => vec![],
        Err(errors) => errors
            .iter()
            .map(|e| {
                serde_json::json!({
                    "code": e.code.as_str(),
                    "position": e.position.map(|p| vec![p.index, p.total]),
                    "field": e.field,
                    "message": e.message,
                })
            })
            .collect(),
    }
}

#[test]
fn invalid_purchases_report_every_documented_message() {
    for case in cases("invalid_purchase.json") {
        let result = purchase(&case).validate().map(drop);
        assert_eq!(
            actual_errors(result),
            expected_errors(&case),
            "{}",
            name(&case)
        );
    }
}

/// The client's own checks before a purchase leaves, beyond the server's (the sandbox, like
/// IOVOX, takes any callback URL): what `prepare_wire` refuses, all errors at once.
#[test]
fn client_purchase_checks_come_before_sending() {
    use iovox_core::method::{Method, PurchaseVoxNumbers};
    for case in cases("client_purchase.json") {
        let wire = purchase(&case);
        let result = PurchaseVoxNumbers::prepare_wire(&wire).map(drop);
        assert_eq!(
            actual_errors(result),
            expected_errors(&case),
            "{}",
            name(&case)
        );
        // The server's reading of the same request never refuses a URL for its lack of
        // credentials.
        if let Err(e) = wire.validate() {
            assert!(e
                .iter()
                .all(|e| e.code.as_str() != "callback_url_unauthenticated"));
        }
    }
}

#[test]
fn invalid_attaches_report_every_documented_message() {
    for case in cases("invalid_attach.json") {
        let result = attach(&case).validate().map(drop);
        assert_eq!(
            actual_errors(result),
            expected_errors(&case),
            "{}",
            name(&case)
        );
    }
}

#[test]
fn every_error_code_is_covered_by_a_vector() {
    let mut seen = std::collections::HashSet::new();
    for file in [
        "invalid_purchase.json",
        "client_purchase.json",
        "invalid_attach.json",
        "detach.json",
        "lists.json",
        "actions.json",
    ] {
        for case in cases(file) {
            for e in case["errors"].as_array().cloned().unwrap_or_default() {
                seen.insert(e["code"].as_str().unwrap().to_string());
            }
        }
    }
    for code in iovox_core::ErrorCode::ALL {
        if *code == iovox_core::ErrorCode::RequestTooLarge {
            // A limit of the client, not a rule of the request: iovox-http's tests cover it.
            continue;
        }
        assert!(seen.contains(code.as_str()), "no vector produces {code}");
    }
}

#[test]
fn orders_decode_or_fail_with_a_named_reason() {
    for case in cases("orders.json") {
        let body = case["xml"].as_str().unwrap().as_bytes();
        let result = match case["root"].as_str().unwrap() {
            "response" => Order::from_response_xml(body),
            _ => Order::from_callback_xml(body),
        };
        match (&result, case.get("order")) {
            (Ok(order), Some(expected)) => {
                let got = serde_json::json!({
                    "order_reference": order.order_reference,
                    "order_status": order.order_status.as_str(),
                    "voxnumbers": order.voxnumbers.iter().map(|v| serde_json::json!({
                        "country_code": v.country_code,
                        "area_code": v.area_code,
                        "full_voxnumber": v.full_voxnumber,
                    })).collect::<Vec<_>>(),
                });
                assert_eq!(&got, expected, "{}", name(&case));
                // The sandbox's encoder gives back the same order.
                let again = Order::from_xml(order.to_response_xml().as_bytes()).unwrap();
                assert_eq!(&again, order);
                let again = Order::from_callback_xml(order.to_callback_xml().as_bytes()).unwrap();
                assert_eq!(&again, order);
            }
            (Err(e), None) => {
                // The whole text, not a part of it: an emptied expectation fails.
                let want = case["error"].as_str().unwrap();
                assert_eq!(e.message, want, "{}", name(&case));
            }
            _ => panic!("{}: unexpected {result:?}", name(&case)),
        }
    }
}

#[test]
fn error_bodies_keep_every_message() {
    for case in cases("error_bodies.json") {
        let status = case["status"].as_u64().unwrap() as u16;
        let decoded = decode_error_body(status, case["body"].as_str().unwrap().as_bytes());
        match case["messages"].as_array() {
            Some(messages) => {
                let decoded = decoded.unwrap_or_else(|| panic!("{}", name(&case)));
                assert_eq!(decoded.status, status);
                let want: Vec<&str> = messages.iter().map(|m| m.as_str().unwrap()).collect();
                assert_eq!(decoded.messages, want, "{}", name(&case));
                // The sandbox's encoder round-trips through the same decoder.
                let body = iovox_core::encode_error_body(status, &decoded.messages);
                assert_eq!(decode_error_body(status, body.as_bytes()), Some(decoded));
            }
            None => assert_eq!(decoded, None, "{}", name(&case)),
        }
    }
}

#[test]
fn server_side_decoding_answers_with_the_servers_messages() {
    for case in cases("server_requests.json") {
        let body = case["body"].as_str().unwrap().as_bytes();
        let messages = match case["method"].as_str().unwrap() {
            "purchase" => decode_purchase_request(body).err().map(|e| e.messages()),
            _ => decode_attach_request(body).err().map(|e| e.messages()),
        }
        .unwrap_or_default();
        let want: Vec<String> = serde_json::from_value(case["messages"].clone()).unwrap();
        assert_eq!(messages, want, "{}", name(&case));
    }
}

/// A case's link IDs in wire form (strings, numbers as digits, null as missing).
fn detach(case: &Value) -> wire::DetachRequest {
    let ids = case["link_ids"].as_array().unwrap();
    wire::DetachRequest {
        link_ids: ids
            .iter()
            .map(|v| {
                wire::Entry(match v {
                    Value::Null => None,
                    Value::String(s) => Some(s.as_str().into()),
                    other => Some(other.to_string().into()),
                })
            })
            .collect(),
    }
}

#[test]
fn detach_cases_encode_exactly_or_report_every_message() {
    for case in cases("detach.json") {
        let request = detach(&case);
        match case["xml"].as_str() {
            Some(xml) => {
                let typed = request
                    .validate()
                    .unwrap_or_else(|e| panic!("{}: {e}", name(&case)));
                assert_eq!(typed.to_xml(), xml, "{}", name(&case));
                let decoded = iovox_core::request::decode_detach_request(xml.as_bytes()).unwrap();
                assert_eq!(decoded, typed, "{}: the server reads it back", name(&case));
            }
            None => {
                let result = request.validate().map(drop);
                assert!(result.is_err(), "{}", name(&case));
                assert_eq!(
                    actual_errors(result),
                    expected_errors(&case),
                    "{}",
                    name(&case)
                );
            }
        }
    }
}

/// A list method's arguments (snake_case keys) through its one validator: the query sent,
/// or every error; an answer through its decoder.
#[test]
fn list_cases_give_their_query_errors_or_page() {
    use iovox_core::method::{DeleteVoxnumbersFromAccount, Method};

    /// A list method by name: the same checks, and its page as JSON in IOVOX's names.
    fn run_list(list: &iovox_core::method::List, case: &Value) {
        if let Some(args) = case.get("args") {
            let query: wire::Query = serde_json::from_value(args.clone()).unwrap();
            match (list.prepare)(&query) {
                Ok(prepared) => {
                    let got: Vec<(String, String)> = prepared
                        .query
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.clone()))
                        .collect();
                    let want: Vec<(String, String)> = serde_json::from_value(case["query"].clone())
                        .unwrap_or_else(|_| panic!("{}: accepted {got:?}", name(case)));
                    assert_eq!(got, want, "{}", name(case));
                }
                Err(e) => assert_eq!(
                    actual_errors(Err(e)),
                    expected_errors(case),
                    "{}",
                    name(case)
                ),
            }
            return;
        }
        let answer = case["answer"].as_str().unwrap().as_bytes();
        match ((list.decode)(answer), case.get("page")) {
            (Ok(page), Some(want)) => {
                let got = page.to_json();
                assert_eq!(&got, want, "{}", name(case));
            }
            (Err(e), None) => {
                let want = case["decode_error"].as_str().unwrap();
                assert_eq!(e.message, want, "{}", name(case));
            }
            (other, _) => panic!("{}: {:?}", name(case), other.map(|_| ())),
        }
    }
    fn run<M: Method<Wire = wire::Query>>(case: &Value)
    where
        M::Output: serde::Serialize,
    {
        if let Some(args) = case.get("args") {
            let query: wire::Query = serde_json::from_value(args.clone()).unwrap();
            match M::prepare_wire(&query) {
                Ok(prepared) => {
                    let want: Vec<(String, String)> = serde_json::from_value(case["query"].clone())
                        .unwrap_or_else(|_| {
                            panic!("{}: accepted {:?}", name(case), prepared.query)
                        });
                    let got: Vec<(String, String)> = prepared
                        .query
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.clone()))
                        .collect();
                    assert_eq!(got, want, "{}", name(case));
                    assert!(prepared.body.is_empty(), "{}: a body", name(case));
                }
                Err(e) => assert_eq!(
                    actual_errors(Err(e)),
                    expected_errors(case),
                    "{}",
                    name(case)
                ),
            }
        } else {
            let answer = case["answer"].as_str().unwrap().as_bytes();
            match (M::decode(answer), case.get("page")) {
                (Ok(page), Some(want)) => {
                    assert_eq!(
                        &serde_json::to_value(&page).unwrap(),
                        want,
                        "{}",
                        name(case)
                    )
                }
                (Err(e), None) => {
                    let want = case["decode_error"].as_str().unwrap();
                    assert_eq!(e.message, want, "{}", name(case));
                }
                (other, _) => panic!("{}: {:?}", name(case), other.map(|_| ())),
            }
        }
    }
    // A list method is found in the model by its name; deleteVoxnumbersFromAccount, the
    // one query method that answers no list, by its type.
    for case in cases("lists.json") {
        match iovox_core::method::list_named(case["method"].as_str().unwrap()) {
            Some(list) => run_list(list, &case),
            None => run::<DeleteVoxnumbersFromAccount>(&case),
        }
    }
}

fn order(v: &Value) -> Order {
    Order {
        order_reference: v["order_reference"].as_str().unwrap().into(),
        order_status: v["order_status"].as_str().unwrap().parse().unwrap(),
        voxnumbers: v["voxnumbers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| iovox_core::VoxNumber {
                country_code: n["country_code"].as_u64().unwrap() as u32,
                area_code: n["area_code"].as_u64().unwrap() as u32,
                full_voxnumber: n["full_voxnumber"].as_str().unwrap().into(),
            })
            .collect(),
    }
}

#[test]
fn callbacks_fold_into_the_known_order_either_way() {
    for case in cases("order_merge.json") {
        let mut known = order(&case["known"]);
        let mut failed = None;
        for update in case["updates"].as_array().unwrap() {
            if let Err(e) = known.merge(&order(update)) {
                failed = Some(e);
                break;
            }
        }
        match case["error"].as_str() {
            Some(error) => assert_eq!(failed.as_deref(), Some(error), "{}", name(&case)),
            None => {
                assert_eq!(failed, None, "{}", name(&case));
                assert_eq!(known, order(&case["order"]), "{}", name(&case));
            }
        }
    }
}

/// tests/vectors/actions.json straight through the model: each typed method that is not a
/// list, its arguments read as its wire form, what it would send or every error. (The
/// conversion crate runs the same cases by name, as the bindings call them; a case of a
/// shape the wire form cannot read here, a `type_error` one, is the conversion's to refuse.)
#[test]
fn action_cases_send_exactly_or_report_every_message_through_the_model() {
    let mut ran = 0;
    for case in cases("actions.json") {
        if case.get("type_error").is_some() {
            continue;
        }
        let typed = (iovox_core::method::TYPED.iter())
            .find(|t| t.spec.route.name == case["method"])
            .unwrap_or_else(|| panic!("{}: no typed method", name(&case)));
        let Ok(result) = (typed.prepare_json)(case["args"].clone()) else {
            // Arguments the conversion crate shapes first (numbers for IDs, a tree's links).
            continue;
        };
        ran += 1;
        match result {
            Ok(prepared) => {
                let query: Vec<(String, String)> = serde_json::from_value(case["query"].clone())
                    .unwrap_or_else(|_| panic!("{}: accepted {:?}", name(&case), prepared.query));
                let got: Vec<(String, String)> = (prepared.query.iter())
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect();
                assert_eq!(got, query, "{}", name(&case));
                assert_eq!(
                    prepared.body,
                    case["body"].as_str().unwrap(),
                    "{}",
                    name(&case)
                );
            }
            Err(e) => assert_eq!(
                actual_errors(Err(e)),
                expected_errors(&case),
                "{}",
                name(&case)
            ),
        }
    }
    assert!(ran >= 15, "only {ran} action cases read as their wire form");
}

/// tests/vectors/answers.json for the methods whose answer is a tree (createNodeFull,
/// getNodeDetails) and the recordings, read by the core's own decoders.
#[test]
fn answer_cases_read_as_the_vectors_say() {
    use iovox_core::method::{
        CreateNodeFull, GetCallRecording, GetNodeDetails, GetSoundFileData,
        GetVariableRulesOfTemplate, GetVoicemailRecording, Method,
    };
    let b64 = |s: &str| {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.decode(s).unwrap()
    };
    let mut ran = 0;
    for case in cases("answers.json") {
        let body = match case.get("body_base64") {
            Some(b) => b64(b.as_str().unwrap()),
            None => case["body"].as_str().unwrap().as_bytes().to_vec(),
        };
        let got: Result<Value, iovox_core::DecodeError> = match case["method"].as_str().unwrap() {
            "createNodeFull" => CreateNodeFull::decode(&body),
            "getNodeDetails" => GetNodeDetails::decode(&body),
            "getCallRecording" => GetCallRecording::decode(&body).map(Value::from),
            "getVoicemailRecording" => GetVoicemailRecording::decode(&body).map(Value::from),
            "getSoundFileData" => GetSoundFileData::decode(&body).map(Value::from),
            "getCallFlow" => iovox_core::method::GetCallFlow::decode(&body),
            "getBlockedNumbers" => iovox_core::method::GetBlockedNumbers::decode(&body),
            "getTimeTemplates" => iovox_core::method::GetTimeTemplates::decode(&body),
            "getVariableRulesOfTemplate" => GetVariableRulesOfTemplate::decode(&body),
            // A 204's body is never read: the conversion crate holds it to nothing.
            "deleteNodes" => continue,
            _ => panic!("{}: no decoder named here", name(&case)),
        };
        ran += 1;
        match (got, case.get("decode_error")) {
            (Ok(v), None) => {
                let want = case
                    .get("data")
                    .cloned()
                    .unwrap_or_else(|| Value::from(b64(case["bytes_base64"].as_str().unwrap())));
                assert_eq!(v, want, "{}", name(&case));
            }
            (Err(e), Some(part)) => {
                let part = part.as_str().unwrap();
                assert!(e.message.contains(part), "{}: {}", name(&case), e.message);
            }
            (other, _) => panic!("{}: {:?}", name(&case), other),
        }
    }
    assert!(ran >= 8, "{ran}");
}
