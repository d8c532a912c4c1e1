//! Walks the model (`iovox_core::typed_methods!`, the one list of typed methods) with
//! tests/vectors/rules.json, what the core's walk of the model finds: for every typed
//! method, each request that breaks one of its request-only rules is refused by
//! `Client::call_wire` with that rule's error (code, field, message), and none reaches the
//! sandbox; then the method's example does. And the sandbox keeps the same rules for a
//! request sent past the SDK (the raw call): each query method's case, its arguments
//! written into the query as given, is answered 400 with the rule's message.

use iovox_http::method::{Method, RequestShape};
use iovox_http::{CallOptions, Client, Credentials, Error, ErrorKind, RawRequest};
use iovox_sandbox::{Config, Sandbox};
use serde_json::Value;

fn rules() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/rules.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Each rule of `M` refused with its error; then `M`'s example sent. How many rules.
fn walk<M: Method>(sb: &Sandbox, c: &Client, rules: &Value) -> usize
where
    M::Wire: serde::de::DeserializeOwned,
{
    let name = M::ROUTE.name;
    let list = rules["methods"][name].as_array();
    let list = list.unwrap_or_else(|| panic!("{name} is not in rules.json"));
    let before = sb.stats().requests;
    for r in list {
        let wire: M::Wire = serde_json::from_value(r["args"].clone()).unwrap();
        let e = match c.call_wire::<M>(&wire, &CallOptions::default()) {
            Err(Error::Validation(e)) => e,
            other => panic!(
                "{name}: {r} was not refused before sending: {:?}",
                other.err()
            ),
        };
        let hit = e.0.iter().any(|i| {
            i.code.as_str() == r["code"]
                && i.field.map_or(Value::Null, Value::from) == r["field"]
                && i.message == r["message"]
        });
        assert!(hit, "{name}: {:?} lacks {r}", e.messages());
    }
    assert_eq!(
        sb.stats().requests,
        before,
        "{name}: a refused request reached the sandbox"
    );
    if M::SPEC.request == RequestShape::Query {
        for r in list.iter().filter(|r| raw_keeps(r)) {
            let mut raw = RawRequest::new(M::ROUTE.interface, name, M::ROUTE.verb);
            for (k, v) in r["args"].as_object().unwrap() {
                raw = raw.query(k.as_str(), as_given(v));
            }
            let e = c.raw_request(&raw).map(|a| a.status).unwrap_err();
            assert_eq!(e.status(), Some(400), "{name}: {r} sent raw: {e}");
            assert!(
                e.messages()
                    .contains(&r["message"].as_str().unwrap().to_string()),
                "{name}: {r} sent raw: {:?}",
                e.messages()
            );
        }
    }
    let example: M::Wire = serde_json::from_str(M::SPEC.example).unwrap();
    let before = sb.stats().requests;
    if let Err(e) = c.call_wire::<M>(&example, &CallOptions::default()) {
        assert_eq!(e.kind(), ErrorKind::Api, "{name}: {e}");
    }
    assert_eq!(sb.stats().requests, before + 1, "{name}: its example");
    list.len()
}

/// A value written into a query as a caller of the raw call would: a list joined by
/// commas, a switch as `TRUE` or `FALSE`.
fn as_given(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Value::Array(a) => a.iter().map(as_given).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

/// Whether a rule survives being written into a query by hand: not those of a list the
/// SDK joins (an entry holding the joiner is more entries once joined, and a list of one
/// blank entry is no entry at all: "IDs Empty").
fn raw_keeps(r: &Value) -> bool {
    let blank_list = (r["args"].as_object().unwrap().values())
        .any(|v| v.is_array() && as_given(v).trim().is_empty());
    r["code"] != "id_has_comma" && !blank_list
}

macro_rules! walk_all {
    ($($method:path),* $(,)?) => {
        fn walk_all(sb: &Sandbox, c: &Client, rules: &Value) -> (usize, usize) {
            let mut methods = 0;
            let mut total = 0;
            $(
                total += walk::<$method>(sb, c, rules);
                methods += 1;
            )*
            (methods, total)
        }
    };
}
iovox_core::typed_methods!(walk_all);

#[test]
fn every_rule_of_every_typed_method_is_refused_before_sending() {
    let sb = Sandbox::start(Config::default()).unwrap();
    let c = Client::builder(Credentials::new(sb.username(), sb.secure_key()))
        .base_url(sb.url())
        .build()
        .unwrap();
    let rules = rules();
    let (methods, total) = walk_all(&sb, &c, &rules);
    assert_eq!(methods, rules["methods"].as_object().unwrap().len());
    assert!(total >= 150, "only {total} rules");
}
