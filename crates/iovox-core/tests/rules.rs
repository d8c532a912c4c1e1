//! tests/vectors/rules.json: every request-only rule of every typed method, found by
//! walking the model, with one request that breaks it.
//!
//! For each typed method (`TYPED`, the model's list), its declared example is broken in
//! every way a caller could break it while keeping its shape (a list stays a list): each
//! value, at any depth, replaced by a blank, a control character, a word it does not
//! know, a negative or too-large number, a comma, a `|`; each list emptied, its first
//! entry doubled, an empty entry added; each argument and element the model declares but
//! the example leaves out given those values (shaped by its declared kind); each optional
//! one left out. The cases the other vector files refuse join them. Every
//! refusal of the method's own checks is a rule, known by its code, field and wording;
//! the request that breaks it with the fewest other errors is its case.
//!
//! The file must be exactly what this walk finds: a rule added to a method, or one lost,
//! shows as a difference to review. `IOVOX_BLESS=1 cargo test -p iovox-core --test rules`
//! writes it anew. Rust (`crates/iovox-http/tests/every_rule.rs`), Python
//! (`python/tests/test_every_method.py`) and Node (`node/test/every_method.test.js`) send
//! each case through their clients against the sandbox.

use iovox_core::method::TYPED;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

fn vectors(file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/vectors/{file}"))
}

/// The wrong values a caller could give where `like` stands: of its shape (a list for a
/// list, text or a number for text or a number), so that each language's own shape
/// checks (a list is a list) let it reach the method's rules.
fn wrong_values(like: &Value) -> Vec<Value> {
    let texts = || {
        [
            "",
            " ",
            "x",
            "zz",
            "zz_ASC",
            "\u{1}",
            "a,b",
            "a|b",
            "1st thing",
            "-1",
            "0",
        ]
        .map(Value::from)
        .to_vec()
    };
    match like {
        Value::String(_) => texts(),
        Value::Number(_) => [json!(-1), json!(0), json!(4_294_967_296_u64)]
            .into_iter()
            .chain(texts())
            .collect(),
        Value::Bool(_) => vec![json!("maybe"), json!(""), json!("\u{1}")],
        // A list of mappings (records, rules) stays one: only emptied.
        Value::Array(a) if a.first().is_some_and(Value::is_object) => vec![json!([])],
        Value::Array(_) => vec![json!([]), json!([""]), json!(["zz"]), json!(["a,b"])],
        Value::Object(_) | Value::Null => Vec::new(),
    }
}

/// What stands for an argument or element of this declared kind, to shape its wrong
/// values.
fn like_kind(kind: &str) -> Value {
    match kind {
        "integer" | "digits" => json!(1),
        "list" | "fields" | "ids" => json!([]),
        "flag" => json!(true),
        "text" | "order" | "word" | "" => json!(""),
        _ => Value::Null,
    }
}

/// A path into a request: object keys and list indexes.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// Every path in `v` (containers included), depth first.
fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        // Bytes (`{"\u0000bytes": base64}`) are given whole or not at all.
        Value::Object(m) if m.contains_key("\u{0}bytes") => {}
        Value::Object(m) => {
            for (k, child) in m {
                here.push(Step::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                here.push(Step::Index(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

/// Every broken copy of `example`, in a fixed order.
fn broken(example: &Value, model: &Value) -> Vec<Value> {
    let required: Vec<&str> = (model["arguments"].as_array().unwrap().iter())
        .filter(|a| a["required"] == true)
        .filter_map(|a| a["name"].as_str())
        .collect();
    let mut out = Vec::new();
    let mut all = Vec::new();
    paths(example, &mut Vec::new(), &mut all);
    for path in all.iter().filter(|p| !p.is_empty()) {
        let mut probe = example.clone();
        let like = at(&mut probe, path).unwrap().clone();
        for value in wrong_values(&like) {
            let mut v = example.clone();
            *at(&mut v, path).unwrap() = value;
            out.push(v);
        }
        // Left out, unless it is an argument the call itself cannot go without.
        let top_required = matches!(&path[..], [Step::Key(k)] if required.contains(&k.as_str()));
        let (last, parent) = path.split_last().unwrap();
        if let (Step::Key(k), false) = (last, top_required) {
            let mut v = example.clone();
            if let Some(Value::Object(m)) = at(&mut v, parent) {
                m.remove(k);
                out.push(v);
            }
        }
    }
    for path in &all {
        let mut v = example.clone();
        if let Some(Value::Array(a)) = at(&mut v, path) {
            if let Some(first) = a.first().cloned() {
                let mut doubled = a.clone();
                doubled.insert(0, first.clone());
                let mut with_empty = a.clone();
                if first.is_object() {
                    with_empty.push(json!({}));
                }
                for changed in [doubled, with_empty] {
                    let mut w = example.clone();
                    *at(&mut w, path).unwrap() = Value::Array(changed);
                    out.push(w);
                }
            }
        }
    }
    // What the model declares and the example leaves out: each argument, and each element
    // of a list of records.
    let mut declared: Vec<(Vec<Step>, String, Value)> = Vec::new();
    let kind = |v: &Value| like_kind(v["kind"].as_str().unwrap_or(""));
    for a in model["arguments"].as_array().unwrap() {
        declared.push((Vec::new(), a["name"].as_str().unwrap().to_string(), kind(a)));
    }
    for p in model["action"]["params"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap();
        declared.push((Vec::new(), name.to_string(), kind(p)));
        for e in p["elements"].as_array().into_iter().flatten() {
            let first = vec![Step::Key(name.to_string()), Step::Index(0)];
            declared.push((first, e["name"].as_str().unwrap().to_string(), kind(e)));
        }
    }
    for (parent, key, like) in declared {
        let mut probe = example.clone();
        let absent =
            matches!(at(&mut probe, &parent), Some(Value::Object(m)) if !m.contains_key(&key));
        if !absent {
            continue;
        }
        for value in wrong_values(&like) {
            let mut v = example.clone();
            if let Some(Value::Object(m)) = at(&mut v, &parent) {
                m.insert(key.clone(), value);
                out.push(v);
            }
        }
    }
    out
}

/// The cases of the other vector files that name a method and refuse: their arguments.
fn refused_cases() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for file in ["actions.json", "lists.json"] {
        let text = std::fs::read_to_string(vectors(file)).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        for case in v["cases"].as_array().unwrap() {
            let (Some(method), Some(args)) = (case["method"].as_str(), case.get("args")) else {
                continue;
            };
            if case.get("errors").is_some() {
                out.push((method.to_string(), args.clone()));
            }
        }
    }
    // The files of one method's refusals, each case its request under its own name.
    for (file, method, key, name) in [
        (
            "invalid_attach.json",
            "attachVoxnumberToLink",
            "links",
            Some("links"),
        ),
        (
            "invalid_purchase.json",
            "purchaseVoxNumbers",
            "request",
            None,
        ),
        (
            "client_purchase.json",
            "purchaseVoxNumbers",
            "request",
            None,
        ),
        (
            "detach.json",
            "removeVoxnumberFromLink",
            "link_ids",
            Some("link_ids"),
        ),
    ] {
        let text = std::fs::read_to_string(vectors(file)).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        for case in v["cases"].as_array().unwrap() {
            if case["errors"].as_array().is_none_or(Vec::is_empty) {
                continue;
            }
            let given = case[key].clone();
            let args = name.map_or(given.clone(), |n| json!({ n: given }));
            out.push((method.to_string(), args));
        }
    }
    out
}

/// A message with what the request gave taken out: positions (`2 of 3` → `x of y`),
/// quoted names, code points, and what follows `Invalid: `. Two messages of one code and
/// field with different templates are two rules ("Rule ID Empty", "Rule Label Empty").
fn template(message: &str) -> String {
    let message = message
        .split_once("Invalid: ")
        .map_or(message.to_string(), |(a, _)| a.to_string() + "Invalid: …");
    let mut out = String::new();
    let mut chars = message.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                if quoted {
                    out.push_str("\"…\"");
                }
            }
            _ if quoted => {}
            '0'..='9' => {
                while chars.peek().is_some_and(char::is_ascii_alphanumeric) {
                    chars.next();
                }
                out.push('x');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every rule of every typed method, as the walk finds it.
fn walk() -> Value {
    let model: Value =
        serde_json::from_str(&std::fs::read_to_string(vectors("model.json")).unwrap()).unwrap();
    let by_name: BTreeMap<&str, &Value> = (model["methods"].as_array().unwrap().iter())
        .map(|m| (m["name"].as_str().unwrap(), m))
        .collect();
    let extra = refused_cases();
    let mut methods = Map::new();
    for t in TYPED {
        let name = t.spec.route.name;
        let example: Value = serde_json::from_str(t.spec.example).unwrap();
        let mut candidates = broken(&example, by_name[name]);
        candidates.extend(
            (extra.iter())
                .filter(|(m, _)| m == name)
                .map(|(_, a)| a.clone()),
        );
        // (code, field, template) → (how many errors, message, arguments): the fewest
        // errors wins, then the first found.
        let mut rules: BTreeMap<(String, String, String), (usize, String, Value)> = BTreeMap::new();
        for args in candidates {
            let Ok(Err(errors)) = (t.prepare_json)(args.clone()) else {
                continue;
            };
            for e in &errors.0 {
                let key = (
                    e.code.as_str().to_string(),
                    e.field.unwrap_or_default().to_string(),
                    template(&e.message),
                );
                let better = rules.get(&key).is_none_or(|(n, _, _)| errors.0.len() < *n);
                if better {
                    rules.insert(key, (errors.0.len(), e.message.clone(), args.clone()));
                }
            }
        }
        let list: Vec<Value> = (rules.into_iter())
            .map(|((code, field, _), (_, message, args))| {
                json!({
                    "code": code,
                    "field": if field.is_empty() { Value::Null } else { Value::from(field) },
                    "message": message,
                    "args": args,
                })
            })
            .collect();
        methods.insert(name.to_string(), Value::Array(list));
    }
    json!({
        "about": "Written by crates/iovox-core/tests/rules.rs (IOVOX_BLESS=1): every request-only rule of every typed method, found by breaking its declared example in every way the walk knows, and the refused cases of the other vector files. Each rule is known by `code`, `field` (null: the whole request) and its message's wording (positions and given values aside); `message` is exactly what the case gives, `args` the request that breaks it (snake_case, wire form; Node camelCases them). Every language sends each case through its client against the sandbox: refused before sending, with an error of that code, field and message.",
        "methods": methods,
    })
}

#[test]
fn the_rules_file_is_what_walking_the_model_finds() {
    let found = walk();
    let path = vectors("rules.json");
    let text = serde_json::to_string_pretty(&found).unwrap() + "\n";
    if std::env::var_os("IOVOX_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let kept: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for t in TYPED {
        let name = t.spec.route.name;
        let rules = |v: &Value| -> Vec<(String, Value, String)> {
            (v["methods"][name].as_array().into_iter().flatten())
                .map(|r| {
                    let code = r["code"].as_str().unwrap_or("").to_string();
                    (
                        code,
                        r["field"].clone(),
                        template(r["message"].as_str().unwrap_or("")),
                    )
                })
                .collect()
        };
        assert_eq!(
            rules(&kept),
            rules(&found),
            "{name}: the rules in tests/vectors/rules.json (left) differ from what the walk finds (right); review, then IOVOX_BLESS=1"
        );
    }
    assert_eq!(
        kept, found,
        "tests/vectors/rules.json is stale: IOVOX_BLESS=1"
    );
}

#[test]
fn each_case_breaks_its_rule_and_the_example_breaks_none() {
    let kept: Value =
        serde_json::from_str(&std::fs::read_to_string(vectors("rules.json")).unwrap()).unwrap();
    let mut total = 0;
    for t in TYPED {
        let name = t.spec.route.name;
        assert!(
            (t.check_example)().is_ok(),
            "{name}: its example is refused"
        );
        let rules = kept["methods"][name].as_array();
        let rules = rules.unwrap_or_else(|| panic!("{name} is not in rules.json"));
        for r in rules {
            let errors = match (t.prepare_json)(r["args"].clone()) {
                Ok(Err(errors)) => errors,
                other => panic!("{name}: {r} is not refused: {other:?}"),
            };
            let hit = errors.0.iter().find(|e| {
                e.code.as_str() == r["code"]
                    && e.field.map_or(Value::Null, Value::from) == r["field"]
                    && e.message == r["message"]
            });
            assert!(hit.is_some(), "{name}: {r} gives {:?}", errors.messages());
            total += 1;
        }
    }
    assert!(total >= 150, "only {total} rules found");
}
