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
