//! `tests/vectors/lone_surrogates.json`: strings holding a lone UTF-16 surrogate, as Python
//! and JavaScript can give them, are refused by each field's own rule with its position
//! (docs/decisions.md 31). Python's `json` and JavaScript's `JSON.parse` read the file's
//! `\ud800` escapes into such strings; Rust strings cannot hold them, so this runner turns
//! each such JSON string into what the bindings hand over for it
//! ([`iovox_convert::lone_surrogate`]) before the request goes the bindings' way.

use iovox_convert::Case;
use iovox_core::method::{
    AttachVoxnumberToLink, DeleteVoxnumbersFromAccount, GetVoxnumbers, Method, PurchaseVoxNumbers,
    RemoveVoxnumberFromLink,
};
use iovox_core::ValidationErrors;
use serde_json::Value;

/// The file's text with every JSON string that holds a lone surrogate (escaped as
/// `\uD8xx`–`\uDFxx` with no partner) replaced by the binding's stand-in for it.
fn with_stand_ins(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        out.push_str(&rest[..start]);
        let literal = &rest[start..];
        let mut end = 1;
        let bytes = literal.as_bytes();
        while bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        let literal = &literal[..=end];
        out.push_str(&match iovox_convert::lone_surrogate(code_units(literal)) {
            Some(stand_in) => stand_in.to_string(),
            None => literal.to_string(),
        });
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// A JSON string literal's UTF-16 code units, escapes read one by one.
fn code_units(literal: &str) -> Vec<u16> {
    let inner = &literal[1..literal.len() - 1];
    let mut units = Vec::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            units.extend(c.encode_utf16(&mut [0; 2]).iter());
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                units.push(u16::from_str_radix(&hex, 16).unwrap());
            }
            Some(other) => units.push(other as u16),
            None => {}
        }
    }
    units
}

fn errors(result: Result<iovox_core::method::Prepared, ValidationErrors>) -> Value {
    let errors: Vec<Value> = match result {
        Ok(_) => vec![],
        Err(e) => e
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
    };
    Value::Array(errors)
}

#[test]
fn every_lone_surrogate_is_refused_by_its_fields_rule() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/lone_surrogates.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    // The file really holds lone surrogates: serde_json refuses it as it stands.
    assert!(serde_json::from_str::<Value>(&text).is_err());
    let doc: Value = serde_json::from_str(&with_stand_ins(&text)).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        fn shape<T>(name: &str) -> impl Fn(iovox_convert::ShapeError) -> T + '_ {
            move |e| panic!("{name}: {e}")
        }
        let mut request = case.clone();
        let request = request.as_object_mut().unwrap();
        for key in ["name", "method", "errors"] {
            request.remove(key);
        }
        let request = Value::Object(request.clone());
        let result = match case["method"].as_str().unwrap() {
            "purchase" => PurchaseVoxNumbers::prepare_wire(
                &iovox_convert::purchase_request(request, Case::Snake).unwrap_or_else(shape(name)),
            ),
            "attach" => AttachVoxnumberToLink::prepare_wire(
                &iovox_convert::attach_request(request["links"].clone(), Case::Snake)
                    .unwrap_or_else(shape(name)),
            ),
            "detach" => RemoveVoxnumberFromLink::prepare_wire(
                &iovox_convert::detach_request(request["link_ids"].clone(), Case::Snake)
                    .unwrap_or_else(shape(name)),
            ),
            "getVoxnumbers" => GetVoxnumbers::prepare_wire(
                &iovox_convert::query(
                    request["args"].clone(),
                    GetVoxnumbers::SPEC.arguments,
                    "q",
                    Case::Snake,
                )
                .unwrap_or_else(shape(name)),
            ),
            "deleteVoxnumbersFromAccount" => DeleteVoxnumbersFromAccount::prepare_wire(
                &iovox_convert::query(
                    request["args"].clone(),
                    DeleteVoxnumbersFromAccount::SPEC.arguments,
                    "q",
                    Case::Snake,
                )
                .unwrap_or_else(shape(name)),
            ),
            other => panic!("{name}: no method {other}"),
        };
        assert_eq!(errors(result), case["errors"], "{name}");
    }
}
