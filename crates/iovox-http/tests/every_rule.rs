//! Walks the model (`iovox_core::typed_methods!`, the one list of typed methods) with
//! tests/vectors/rules.json, what the core's walk of the model finds: for every typed
//! method, each request that breaks one of its request-only rules is refused by
//! `Client::call_wire` with that rule's error (code, field, message), and none reaches the
//! sandbox; then the method's example does.

use iovox_http::method::Method;
use iovox_http::{CallOptions, Client, Credentials, Error, ErrorKind};
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
fn walk<M: Method>(c: &Client, rules: &Value) -> usize
where
    M::Wire: serde::de::DeserializeOwned,
{
    let name = M::ROUTE.name;
    let list = rules["methods"][name].as_array();
    let list = list.unwrap_or_else(|| panic!("{name} is not in rules.json"));
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
    let example: M::Wire = serde_json::from_str(M::SPEC.example).unwrap();
    if let Err(e) = c.call_wire::<M>(&example, &CallOptions::default()) {
        assert_eq!(e.kind(), ErrorKind::Api, "{name}: {e}");
    }
    list.len()
}

macro_rules! walk_all {
    ($($method:path),* $(,)?) => {
        fn walk_all(c: &Client, rules: &Value) -> (usize, usize) {
            let mut methods = 0;
            let mut total = 0;
            $(
                total += walk::<$method>(c, rules);
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
    let (methods, total) = walk_all(&c, &rules);
    assert_eq!(methods, rules["methods"].as_object().unwrap().len());
    assert!(total >= 150, "only {total} rules");
    // Only the examples reached the sandbox: one request a method.
    assert_eq!(sb.stats().requests, methods as u64);
}
