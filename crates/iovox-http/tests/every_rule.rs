//! Walks the model (`iovox_core::typed_methods!`, the one list of typed methods) with
//! tests/vectors/rules.json, what the core's walk of the model finds: for every typed
//! method, each request that breaks one of its request-only rules is refused by
//! `Client::call_wire` with that rule's error (code, field, message), and none reaches the
//! sandbox; then the method's example does. And the sandbox keeps the same rules for a
//! request sent past the SDK (the raw call): each query method's case, its arguments
//! written into the query as given, is answered 400 with the rule's message; so is each
//! body method's case that is the example's body with one value changed or elements of a
//! record left out.

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

/// Each rule of `M` refused with its error; then `M`'s example sent. How many rules; and
/// `raw_bodies` counts the cases of a body method also sent raw (see [`edited`]).
fn walk<M: Method>(sb: &Sandbox, c: &Client, rules: &Value, raw_bodies: &mut usize) -> usize
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
    // Each case a caller of the raw call can write as given: the request, and how it
    // was written for the failure message.
    let example: M::Wire = serde_json::from_str(M::SPEC.example).unwrap();
    let mut raws = Vec::new();
    if M::SPEC.request == RequestShape::Query {
        for r in list.iter().filter(|r| raw_keeps(r)) {
            let mut raw = RawRequest::new(M::ROUTE.interface, name, M::ROUTE.verb);
            for (k, v) in r["args"].as_object().unwrap() {
                raw = raw.query(k.as_str(), as_given(v));
            }
            raws.push((r, raw, String::new()));
        }
    }
    if M::SPEC.request == RequestShape::Body {
        let written = M::prepare_wire(&example).unwrap().body;
        let given: Value = serde_json::from_str(M::SPEC.example).unwrap();
        for r in list {
            if let Some(body) = edited(&written, &given, &r["args"]) {
                let raw = RawRequest::new(M::ROUTE.interface, name, M::ROUTE.verb);
                raws.push((r, raw.body(body.clone()), format!(" as {body}")));
            }
        }
        *raw_bodies += raws.len();
    }
    for (r, raw, how) in &raws {
        let e = c.raw_request(raw).map(|a| a.status).unwrap_err();
        assert_eq!(e.status(), Some(400), "{name}: {r} sent raw{how}: {e}");
        assert!(
            e.messages()
                .contains(&r["message"].as_str().unwrap().to_string()),
            "{name}: {r} sent raw{how}: {:?}",
            e.messages()
        );
    }
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

/// The body of a case that breaks the example in one leaf, written as a caller of the raw
/// call would, by editing the example's own body (`written`, from `given`): a value changed
/// (`<label>Location</label>` to `<label> </label>`), elements of a record left out, or
/// its one list emptied (`<request></request>`). `None` when the case changes more than that, when the edit is not one place in the body (a value the
/// example holds twice), or when the new value is one XML cannot carry as given (a control
/// character, markup).
fn edited(written: &str, given: &Value, case: &Value) -> Option<String> {
    // The request's one list emptied: nothing inside <request>.
    let one_list = |v: &Value| {
        (v.as_object())
            .filter(|m| m.len() == 1)
            .and_then(|m| m.values().next()?.as_array().cloned())
    };
    if (one_list(given).is_some_and(|l| !l.is_empty()))
        && one_list(case).is_some_and(|l| l.is_empty())
    {
        let inside = written.find("<request>")? + "<request>".len()..written.rfind("</request>")?;
        return Some(format!(
            "{}{}",
            &written[..inside.start],
            &written[inside.end..]
        ));
    }
    let was = leaves(given);
    let now = leaves(case);
    let element = |path: &[String], v: &Value| -> Option<String> {
        let name = path.iter().rev().find(|p| p.parse::<usize>().is_err())?;
        let text = match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        let plain = text
            .chars()
            .all(|ch| !"<>&".contains(ch) && (ch >= ' ' || ch == '\t' || ch == '\n'));
        plain.then(|| format!("<{name}>{text}</{name}>"))
    };
    let once = |body: &str, part: &str| body.matches(part).count() == 1;
    let mut body = written.to_string();
    if now.len() == was.len() {
        let changed: Vec<_> = (now.iter())
            .filter(|(p, v)| was.iter().any(|(q, w)| q == p && w != v))
            .collect();
        let [(path, to)] = changed[..] else {
            return None;
        };
        let from = &was.iter().find(|(q, _)| q == path)?.1;
        let (from, to) = (element(path, from)?, element(path, to)?);
        once(&body, &from).then(|| body.replacen(&from, &to, 1))
    } else {
        let kept = (now.iter()).all(|(p, v)| was.iter().any(|(q, w)| q == p && w == v));
        if !kept || now.len() > was.len() {
            return None;
        }
        for (path, v) in was.iter().filter(|(p, _)| !now.iter().any(|(q, _)| q == p)) {
            // Only an element of a record the case keeps: a list emptied, or a record
            // gone, would leave its wrappers behind, another request.
            let record: String = path[..path.len() - 1]
                .iter()
                .map(|p| format!("/{p}"))
                .collect();
            case.pointer(&record).filter(|r| r.is_object())?;
            let part = element(path, v)?;
            if !once(&body, &part) {
                return None;
            }
            body = body.replacen(&part, "", 1);
        }
        Some(body)
    }
}

/// Every scalar of a JSON value with its path (keys, and list positions as numbers).
fn leaves(v: &Value) -> Vec<(Vec<String>, Value)> {
    fn walk(v: &Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Value)>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, x)| {
                path.push(k.clone());
                walk(x, path, out);
                path.pop();
            }),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| {
                path.push(i.to_string());
                walk(x, path, out);
                path.pop();
            }),
            scalar => out.push((path.clone(), scalar.clone())),
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

macro_rules! walk_all {
    ($($method:path),* $(,)?) => {
        fn walk_all(sb: &Sandbox, c: &Client, rules: &Value, raw_bodies: &mut usize) -> (usize, usize) {
            let mut methods = 0;
            let mut total = 0;
            $(
                total += walk::<$method>(sb, c, rules, raw_bodies);
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
    let mut raw_bodies = 0;
    let (methods, total) = walk_all(&sb, &c, &rules, &mut raw_bodies);
    println!("{total} rules of {methods} methods; {raw_bodies} body cases also sent raw");
    assert_eq!(methods, rules["methods"].as_object().unwrap().len());
    assert!(total >= 150, "only {total} rules");
}
