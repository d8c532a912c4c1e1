//! tests/vectors/actions.json: each typed method that is not a list, called by name
//! through `iovox_convert::ACTIONS` as the bindings call it, gives exactly the query and
//! body to send, or exactly these errors, or a shape error.

use iovox_convert::{action_named, Case, Refusal};
use serde_json::{json, Value};

/// The cases of a file of `tests/vectors/`.
fn cases(file: &str) -> Vec<Value> {
    let path = format!("{}/../../tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let vectors: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    vectors["cases"].as_array().unwrap().clone()
}

#[test]
fn every_case_gives_its_request_or_its_errors() {
    let cases = cases("actions.json");
    assert!(cases.len() >= 9);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let action = action_named(case["method"].as_str().unwrap()).expect(name);
        let outcome = (action.prepare)(case["args"].clone(), Case::Snake);
        match outcome {
            Ok(prepared) => {
                let query: Vec<Value> = (prepared.query.iter())
                    .map(|(k, v)| json!([k, v]))
                    .collect();
                assert_eq!(Some(&Value::from(query)), case.get("query"), "{name}");
                assert_eq!(
                    case["body"].as_str(),
                    Some(prepared.body.as_str()),
                    "{name}"
                );
            }
            Err(Refusal::Invalid(errors)) => {
                let got: Vec<Value> = (errors.iter())
                    .map(|e| {
                        json!({
                            "code": e.code.as_str(),
                            "position": e.position.map(|p| vec![p.index, p.total]),
                            "field": e.field,
                            "message": e.message,
                        })
                    })
                    .collect();
                assert_eq!(Some(&Value::from(got)), case.get("errors"), "{name}");
            }
            Err(Refusal::Shape(e)) => {
                let want = case["type_error"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{name}: {e}"));
                assert!(e.0.contains(want), "{name}: {e}");
            }
        }
    }
}

/// tests/vectors/answers.json: each typed method that is not a list reads IOVOX's answer
/// into exactly these bytes, this mapping, nothing, or a decode error.
#[test]
fn every_answer_reads_as_its_vector_says() {
    use base64::Engine;
    use iovox_convert::Outcome;
    let b64 = base64::engine::general_purpose::STANDARD;
    for case in &cases("answers.json") {
        let name = case["name"].as_str().unwrap();
        let action = action_named(case["method"].as_str().unwrap()).expect(name);
        let body = match case.get("body_base64") {
            Some(b) => b64.decode(b.as_str().unwrap()).unwrap(),
            None => case["body"].as_str().unwrap().as_bytes().to_vec(),
        };
        match (action.decode)(&body) {
            Ok(Outcome::Bytes(bytes)) => {
                let want = b64
                    .decode(case["bytes_base64"].as_str().expect(name))
                    .unwrap();
                assert_eq!(bytes, want, "{name}");
            }
            Ok(Outcome::Data(v)) => assert_eq!(Some(&v), case.get("data"), "{name}"),
            Ok(Outcome::Nothing) => assert_eq!(case["nothing"], true, "{name}"),
            Ok(Outcome::Order(o)) => panic!("{name}: an order {o:?}"),
            Err(e) => {
                let want = case["decode_error"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{name}: {e}"));
                assert!(e.message.contains(want), "{name}: {e}");
            }
        }
    }
}

/// A tree's values by shape, as the bindings give them: a lone surrogate (the marker
/// mapping) is a text wherever a text goes, refused by its code point; a mapping where a
/// text goes, or a list in a list of texts, is a shape error.
#[test]
fn a_tree_takes_lone_surrogates_as_text_and_refuses_other_shapes() {
    let create = action_named("createNodeFull").unwrap();
    let marker = iovox_core::wire::LONE_SURROGATE;
    let with_link = |link: Value| {
        let mut l = json!({"link_id": "L", "link_name": "n", "link_type": "Web"});
        l.as_object_mut()
            .unwrap()
            .extend(link.as_object().unwrap().clone());
        (create.prepare)(
            json!({"node_id": "N", "node_name": "n", "node_type": "t", "links": [l]}),
            Case::Snake,
        )
        .map(|p| p.body)
        .map_err(|e| e.to_string())
    };
    assert_eq!(
        with_link(json!({"link_id": {marker: 55296}})).unwrap_err(),
        "link_id 1 of 1 holds U+D800, a character XML cannot carry"
    );
    assert_eq!(
        with_link(json!({"assign_voxnumber": {marker: 55296}})).unwrap_err(),
        "assign_voxnumber must be a mapping of field names to values, not a string"
    );
    let rule = |message: Value| {
        with_link(json!({"rules_variable": [{"rule_id": "1", "caller_message": message}]}))
    };
    assert_eq!(
        rule(json!([{marker: 55296}])).unwrap_err(),
        "caller_message 1 of 1 holds U+D800, a character XML cannot carry"
    );
    assert_eq!(
        rule(json!([[1]])).unwrap_err(),
        "each of caller_message must be a text, not a list"
    );
    assert!(rule(json!(["a.mp3"]))
        .unwrap()
        .contains("<caller_message><sound_files><sound_file>a.mp3</sound_file></sound_files></caller_message>"));
}

/// deleteVoxnumbersFromAccount by name, and a tree's description for the generators.
#[test]
fn give_back_by_name_and_describe_a_tree() {
    let delete = action_named("deleteVoxnumbersFromAccount").unwrap();
    let prepared = (delete.prepare)(
        serde_json::json!({"full_voxnumbers": ["441512100200"], "rm_if_in_use": true}),
        Case::Snake,
    )
    .unwrap();
    assert_eq!(
        prepared.query,
        [
            ("full_voxnumbers", "441512100200".to_string()),
            ("rm_if_in_use", "TRUE".to_string())
        ]
    );
    let tree = iovox_convert::actions::describe_tree(iovox_core::nested::NODE_FULL);
    assert_eq!(tree[0]["name"], "node_id");
    assert_eq!(tree[0]["required"], true);
    let links = tree
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "links")
        .unwrap();
    assert_eq!(links["shape"], "list");
    assert!(links["elements"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == "assign_voxnumber" && e["shape"] == "group"));
}

/// Bytes are named as such wherever a shape is refused, never "a mapping" (the marker
/// they cross in is one).
#[test]
fn bytes_are_named_bytes_in_shape_errors() {
    let bytes = iovox_core::wire::bytes_value(b"ID3");
    assert_eq!(iovox_convert::kind(&bytes), "bytes");
    let data = iovox_convert::action_named("getSoundFileData").unwrap();
    let e = (data.prepare)(
        serde_json::json!({ "sound_label": bytes }),
        iovox_convert::Case::Snake,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "sound_label must be a text, a number or a list, not bytes"
    );
}
