//! Requests as each language gives them, into the core's wire forms: once, for every edge.
//! Node hands over JSON text; Python hands over a [`serde_json::Value`] made from its
//! dicts (through pythonize); the command line reads JSON files. Keys may be `camelCase`
//! or `snake_case`; numbers may be numbers or strings (big integers as their digits). The
//! values go into the wire models keeping their kind ([`wire::Given`]): `2` and `2.0` are
//! the integer 2, `"2"` the text, and `2.5` fails validation with the server's own message.
//!
//! Only a request whose *shape* is wrong is a [`ShapeError`], with one wording in every
//! language: a list that is not a list, an item that is not a mapping, a key that is not a
//! field (with the nearest field suggested, in the caller's case).
//!
//! ```
//! use iovox_convert::{purchase_request_json, attach_request_json, Case};
//! let wire = purchase_request_json(r#"{"items":[{"countryCode":44,"areaCode":"151",
//!     "numberType":"GEOGRAPHIC","quantity":2}]}"#, Case::Camel).unwrap();
//! assert_eq!(wire.validate().unwrap().items[0].quantity, 2);
//! let e = attach_request_json(r#"{"linkId":"1"}"#, Case::Camel).unwrap_err();
//! assert_eq!(e.to_string(), "links must be a list, not a mapping");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod actions;
pub mod fields;

pub use actions::{action_named, Action, Outcome, Param, ParamKind, Refusal, ACTIONS};

pub use fields::Case;
use fields::{check_keys, snake};
use iovox_core::model::{Argument, ArgumentKind};
use iovox_core::wire;
use serde_json::{Map, Value};

/// A request whose shape is wrong: not JSON, not a mapping, an item that is not a mapping,
/// a key that is not a field. Python and Node raise it as `TypeError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ShapeError(pub String);

/// A string from Python or JavaScript given as its UTF-16 code units, when it holds a
/// lone surrogate: the value that stands for it in the core ([`wire::Given::LoneSurrogate`],
/// docs/decisions.md 31), naming the first one. `None` for a string UTF-8 can carry.
///
/// ```
/// let units: Vec<u16> = "ab".encode_utf16().chain([0xD800, 0x41]).collect();
/// let v = iovox_convert::lone_surrogate(units).unwrap();
/// assert_eq!(v[iovox_core::wire::LONE_SURROGATE], 0xD800);
/// assert_eq!(iovox_convert::kind(&v), "a string");
/// assert!(iovox_convert::lone_surrogate("ok \u{1F600}".encode_utf16()).is_none());
/// ```
pub fn lone_surrogate(units: impl IntoIterator<Item = u16>) -> Option<Value> {
    let code = char::decode_utf16(units).find_map(|c| c.err())?;
    let mut map = Map::new();
    map.insert(
        wire::LONE_SURROGATE.into(),
        Value::from(code.unpaired_surrogate()),
    );
    Some(Value::Object(map))
}

/// Whether `v` is what [`lone_surrogate`] makes: a string, for every shape check.
fn is_lone_surrogate(v: &Value) -> bool {
    lone_surrogate_code(v).is_some()
}

/// The code unit a [`lone_surrogate`] value names, for settings read outside the core's
/// rules (Node's client options).
pub fn lone_surrogate_code(v: &Value) -> Option<u16> {
    match v {
        Value::Object(m) if m.len() == 1 => m
            .get(wire::LONE_SURROGATE)
            .and_then(Value::as_u64)
            .and_then(|c| u16::try_from(c).ok()),
        _ => None,
    }
}

/// What a value is, in words every language's user reads the same way.
pub fn kind(v: &Value) -> &'static str {
    if is_lone_surrogate(v) {
        return "a string";
    }
    if is_bytes(v) {
        return "bytes";
    }
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

fn parse(json: &str) -> Result<Value, ShapeError> {
    serde_json::from_str(json).map_err(|e| ShapeError(format!("not JSON: {e}")))
}

fn snake_keys(map: Map<String, Value>) -> Map<String, Value> {
    map.into_iter()
        .map(|(k, v)| {
            let v = match v {
                Value::Object(m) => Value::Object(snake_keys(m)),
                other => other,
            };
            (snake(&k), v)
        })
        .collect()
}

/// "item 2 of 3 must be a mapping of field names to values, not a number".
pub fn not_a_mapping(singular: &str, index: usize, total: usize, given: &str) -> ShapeError {
    ShapeError(format!(
        "{singular} {} of {total} must be a mapping of field names to values, not {given}",
        index + 1
    ))
}

/// "items must be a list, not a string".
pub fn not_a_list(what: &str, given: &str) -> ShapeError {
    ShapeError(format!("{what} must be a list, not {given}"))
}

/// A list of mappings, keys checked against `known` and turned to snake_case.
fn entries(v: Value, what: &str, known: &[&str], case: Case) -> Result<Vec<Value>, ShapeError> {
    let Value::Array(list) = v else {
        return Err(not_a_list(what, kind(&v)));
    };
    let total = list.len();
    let singular = what.trim_end_matches('s');
    let info_name = match case {
        Case::Snake => "additional_information",
        Case::Camel => "additionalInformation",
    };
    list.into_iter()
        .enumerate()
        .map(|(i, e)| match e {
            Value::Object(m) => {
                let place = format!("{singular} {} of {total}", i + 1);
                check_keys(m.keys().map(String::as_str), known, &place, case)?;
                if let Some(Value::Object(info)) = m
                    .get("additionalInformation")
                    .or_else(|| m.get("additional_information"))
                {
                    let place = format!("{info_name} of {place}");
                    check_keys(
                        info.keys().map(String::as_str),
                        fields::ADDITIONAL_INFORMATION,
                        &place,
                        case,
                    )?;
                }
                Ok(Value::Object(snake_keys(m)))
            }
            other => Err(not_a_mapping(singular, i, total, kind(&other))),
        })
        .collect()
}

fn wire_from<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, ShapeError> {
    serde_json::from_value(v).map_err(|e| ShapeError(e.to_string()))
}

/// `{ items, callback_url, cc_list, dynamic_quantity }` (either case) into the wire form.
pub fn purchase_request(request: Value, case: Case) -> Result<wire::PurchaseRequest, ShapeError> {
    let Value::Object(request) = request else {
        return Err(ShapeError(format!(
            "the request must be a mapping {{ items, callbackUrl, ccList, dynamicQuantity }}, not {}",
            kind(&request)
        )));
    };
    check_keys(
        request.keys().map(String::as_str),
        fields::PURCHASE,
        "the request",
        case,
    )?;
    let mut request = snake_keys(request);
    let items = entries(
        request.remove("items").unwrap_or(Value::Null),
        "items",
        fields::ITEM,
        case,
    )?;
    request.insert("items".into(), Value::Array(items));
    wire_from(Value::Object(request))
}

/// A list of links (either case) into the wire form.
pub fn attach_request(links: Value, case: Case) -> Result<wire::AttachRequest, ShapeError> {
    let links = entries(links, "links", fields::LINK, case)?;
    let mut request = Map::new();
    request.insert("links".into(), Value::Array(links));
    wire_from(Value::Object(request))
}

/// A list of link IDs (strings or numbers) into the wire form of removeVoxnumberFromLink.
pub fn detach_request(link_ids: Value, case: Case) -> Result<wire::DetachRequest, ShapeError> {
    ids(link_ids, "link_ids", case)
}

/// A list of IDs (strings or numbers) given as the argument `name` (snake_case) into the
/// wire form of a list of IDs (removeVoxnumberFromLink's body, deleteNodes' query).
pub fn ids(link_ids: Value, name: &str, case: Case) -> Result<wire::DetachRequest, ShapeError> {
    let what = match case {
        Case::Snake => name.to_string(),
        Case::Camel => fields::camel(name),
    };
    let what = what.as_str();
    let Value::Array(ids) = link_ids else {
        return Err(not_a_list(what, kind(&link_ids)));
    };
    let total = ids.len();
    ids.into_iter()
        .enumerate()
        .map(|(i, v)| match v {
            v @ (Value::String(_) | Value::Number(_) | Value::Null) => wire_from(v),
            v if is_lone_surrogate(&v) => wire_from(v),
            other => Err(ShapeError(format!(
                "link ID {} of {total} must be a string, not {}",
                i + 1,
                kind(&other)
            ))),
        })
        .collect::<Result<_, _>>()
        .map(|link_ids| wire::DetachRequest { link_ids })
}

/// The arguments of a query-string method (a list method, deleteVoxnumbersFromAccount) from
/// a mapping (either case) into the wire form; `arguments` are the method's, from its
/// declaration (`Spec::arguments`), and `what` names the call in errors. `null` and a
/// missing mapping mean no argument. An argument declared a list must be given as one: a
/// text in its place ("441512100200, 442071234567") is refused, above all where the
/// method destroys, though IOVOX's query string itself joins a list with commas.
pub fn query(
    args: Value,
    arguments: &[Argument],
    what: &str,
    case: Case,
) -> Result<wire::Query, ShapeError> {
    let known: Vec<&str> = arguments.iter().map(|a| a.name).collect();
    let map = arguments_of(args, &known, what, case)?;
    for (key, value) in &map {
        let declared = arguments.iter().find(|a| a.name == snake(key));
        let is_text = matches!(value, Value::String(_)) || is_lone_surrogate(value);
        if is_text && declared.is_some_and(|a| a.kind == ArgumentKind::List) {
            return Err(not_a_list(key, "a string"));
        }
        if matches!(value, Value::Object(_)) && !is_lone_surrogate(value) {
            return Err(ShapeError(format!(
                "{key} must be a text, a number or a list, not {}",
                kind(value)
            )));
        }
    }
    wire_from(Value::Object(snake_keys(map)))
}

/// The arguments of the call `what`: a mapping (`null`: none) of `known` names only.
pub(crate) fn arguments_of(
    args: Value,
    known: &[&str],
    what: &str,
    case: Case,
) -> Result<Map<String, Value>, ShapeError> {
    let map = match args {
        Value::Null => Map::new(),
        Value::Object(m) => m,
        other => {
            return Err(ShapeError(format!(
                "the arguments of {what} must be a mapping, not {}",
                kind(&other)
            )))
        }
    };
    check_keys(
        map.keys().map(String::as_str),
        known,
        &format!("the arguments of {what}"),
        case,
    )?;
    Ok(map)
}

/// A list of records (createNodes' `nodes`) of `body`'s elements (either case) into the
/// wire form; the shape and the keys are checked, in the caller's case.
pub fn records(
    list: Value,
    body: &iovox_core::RecordsBody,
    case: Case,
) -> Result<wire::Records, ShapeError> {
    let names: Vec<&str> = body.elements.iter().map(|e| e.name).collect();
    let what = match case {
        Case::Snake => body.argument.to_string(),
        Case::Camel => fields::camel(body.argument),
    };
    let records = entries(list, &what, &names, case)?;
    let mut wrapped = Map::new();
    wrapped.insert("records".into(), Value::Array(records));
    wire_from(Value::Object(wrapped))
}

/// Whether `v` is what [`wire::bytes_value`] makes of a `bytes` or a `Uint8Array`.
fn is_bytes(v: &Value) -> bool {
    matches!(v, Value::Object(m) if m.len() == 1 && m.get(wire::BYTES).is_some_and(Value::is_string))
}

/// A method's arguments that nest (createNodeFull's node and its links) into the tree's
/// mapping in snake_case, after its shape: every key an element of its place (the nearest
/// suggested), a list a list, a group a mapping, a text not a list or a mapping. `names`
/// are the top level's, as the caller names them.
pub fn tree(
    args: Value,
    elements: &[iovox_core::tree::Element],
    what: &str,
    names: &[&str],
    case: Case,
) -> Result<Value, ShapeError> {
    let map = arguments_of(args, names, what, case)?;
    tree_mapping(map, elements, case)
}

fn tree_mapping(
    map: Map<String, Value>,
    elements: &[iovox_core::tree::Element],
    case: Case,
) -> Result<Value, ShapeError> {
    use iovox_core::tree::Shape;
    let mut out = Map::new();
    for (key, v) in map {
        let name = snake(&key);
        let Some(e) = elements.iter().find(|e| e.name == name) else {
            continue;
        };
        // Keys inside a list's items arrive in snake_case; messages use the caller's case.
        let key = match case {
            Case::Snake => name.clone(),
            Case::Camel => fields::camel(&name),
        };
        let v = match (e.shape, v) {
            (_, Value::Null) => Value::Null,
            (Shape::Group(inner), Value::Object(m))
                if !is_lone_surrogate(&Value::Object(m.clone())) =>
            {
                let names = iovox_core::tree::names(inner);
                check_keys(m.keys().map(String::as_str), &names, &key, case)?;
                tree_mapping(m, inner, case)?
            }
            (Shape::Group(_), other) => {
                return Err(ShapeError(format!(
                    "{key} must be a mapping of field names to values, not {}",
                    kind(&other)
                )))
            }
            (Shape::List(_, inner), list) => {
                let names = iovox_core::tree::names(inner);
                let items = entries(list, &key, &names, case)?;
                let items: Result<Vec<Value>, ShapeError> = (items.into_iter())
                    .map(|item| match item {
                        Value::Object(m) => tree_mapping(m, inner, case),
                        other => Ok(other),
                    })
                    .collect();
                Value::Array(items?)
            }
            (Shape::Texts(_), Value::Array(items)) => {
                for item in &items {
                    if matches!(item, Value::Array(_) | Value::Object(_))
                        && !is_lone_surrogate(item)
                    {
                        return Err(ShapeError(format!(
                            "each of {key} must be a text, not {}",
                            kind(item)
                        )));
                    }
                }
                Value::Array(items)
            }
            (Shape::Texts(_), other) => return Err(not_a_list(&key, kind(&other))),
            (_, v @ (Value::Array(_) | Value::Object(_))) if !is_lone_surrogate(&v) => {
                return Err(ShapeError(format!(
                    "{key} must be a text, not {}",
                    kind(&v)
                )))
            }
            (_, v) => v,
        };
        out.insert(name, v);
    }
    Ok(Value::Object(out))
}

/// [`query`] from JSON text (Node).
pub fn query_json(
    json: &str,
    arguments: &[Argument],
    what: &str,
    case: Case,
) -> Result<wire::Query, ShapeError> {
    query(parse(json)?, arguments, what, case)
}

/// [`purchase_request`] from JSON text (Node, JSON files).
pub fn purchase_request_json(json: &str, case: Case) -> Result<wire::PurchaseRequest, ShapeError> {
    purchase_request(parse(json)?, case)
}

/// [`attach_request`] from JSON text.
pub fn attach_request_json(json: &str, case: Case) -> Result<wire::AttachRequest, ShapeError> {
    attach_request(parse(json)?, case)
}

/// [`detach_request`] from JSON text.
pub fn detach_request_json(json: &str, case: Case) -> Result<wire::DetachRequest, ShapeError> {
    detach_request(parse(json)?, case)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_arguments_keep_their_kind_and_join_lists() {
        use iovox_core::method::{GetVoxnumbers, Method};
        let q = query_json(
            r#"{"assignedStatus":"UNASSIGNED","reqFields":["vn","as"],"limit":100}"#,
            GetVoxnumbers::SPEC.arguments,
            "getVoxnumbers",
            Case::Camel,
        )
        .unwrap();
        let request = q.validate_voxnumbers().unwrap();
        assert_eq!(request.req_fields, ["vn", "as"]);
        assert_eq!(request.limit, Some(100));
        let e = query_json(
            r#"{"assignedStatuss":"x"}"#,
            GetVoxnumbers::SPEC.arguments,
            "getVoxnumbers",
            Case::Camel,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown field 'assignedStatuss' in the arguments of getVoxnumbers; did you mean 'assignedStatus'?"
        );
        assert_eq!(fields::camel("full_voxnumbers"), "fullVoxnumbers");
    }

    #[test]
    fn camel_case_becomes_the_wire_names() {
        let r = purchase_request_json(
            r#"{"items":[{"countryCode":44,"areaCode":"151","numberType":"GEOGRAPHIC","quantity":2.0}],"ccList":["a@b.c"],"dynamicQuantity":true}"#,
            Case::Camel,
        )
        .unwrap();
        let item = &r.items.as_ref().unwrap().item[0];
        assert_eq!(item.country_code, Some(wire::Given::Integer(44)));
        assert_eq!(item.area_code, Some("151".into()));
        assert_eq!(item.quantity, Some(wire::Given::Integer(2)));
        assert_eq!(r.cc_list, Some("a@b.c".into()));
        assert_eq!(r.dynamic_quantity, Some(wire::Given::Boolean(true)));
        let a = attach_request_json(
            r#"[{"linkId":"1","method":"BY POSTCODE","fallbackAreaDistance":5}]"#,
            Case::Camel,
        )
        .unwrap();
        assert_eq!(
            a.links[0].fallback_area_distance,
            Some(wire::Given::Integer(5))
        );
        let d = detach_request_json(r#"["1", 2, 2.5, null]"#, Case::Snake).unwrap();
        let kinds: Vec<_> = d.link_ids.into_iter().map(|e| e.0).collect();
        assert_eq!(
            kinds,
            [
                Some("1".into()),
                Some(wire::Given::Integer(2)),
                Some("2.5".into()),
                None
            ]
        );
    }

    #[test]
    fn a_wrong_shape_names_its_position_in_one_wording() {
        let e = purchase_request_json(r#"{"items":[{}, 5]}"#, Case::Camel).unwrap_err();
        assert_eq!(
            e.to_string(),
            "item 2 of 2 must be a mapping of field names to values, not a number"
        );
        let e = attach_request_json(r#"{"linkId":"1"}"#, Case::Camel).unwrap_err();
        assert_eq!(e.to_string(), "links must be a list, not a mapping");
        let e = detach_request_json(r#"["1", {}]"#, Case::Snake).unwrap_err();
        assert_eq!(
            e.to_string(),
            "link ID 2 of 2 must be a string, not a mapping"
        );
        let e =
            purchase_request_json(r#"{"items":[], "callbackURL": "x"}"#, Case::Snake).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown field 'callbackURL' in the request; did you mean 'callback_url'?"
        );
    }

    /// Only a value that is exactly the stand-in (one key, the marker) names a surrogate.
    #[test]
    fn a_lone_surrogate_is_the_marker_alone() {
        let units: Vec<u16> = vec![0xD800];
        let v = lone_surrogate(units).unwrap();
        assert_eq!(lone_surrogate_code(&v), Some(0xD800));
        let mut more = v.as_object().unwrap().clone();
        more.insert("x".into(), Value::from(1));
        assert_eq!(lone_surrogate_code(&Value::Object(more)), None);
        assert_eq!(
            lone_surrogate_code(&serde_json::json!({"other": 55296})),
            None
        );
    }

    /// A text where a list is declared is refused by the argument's own name, a lone
    /// surrogate as a text too; the same text for another argument is taken.
    #[test]
    fn a_text_for_a_list_argument_is_refused() {
        use iovox_core::method::{DeleteVoxnumbersFromAccount, Method};
        let arguments = DeleteVoxnumbersFromAccount::SPEC.arguments;
        let run = |v: Value| query(v, arguments, "deleteVoxnumbersFromAccount", Case::Camel);
        assert_eq!(
            run(serde_json::json!({"fullVoxnumbers": "441512100200, 442071234567"}))
                .unwrap_err()
                .0,
            "fullVoxnumbers must be a list, not a string"
        );
        let surrogate = lone_surrogate(vec![0xD800u16]).unwrap();
        assert_eq!(
            run(serde_json::json!({ "fullVoxnumbers": surrogate }))
                .unwrap_err()
                .0,
            "fullVoxnumbers must be a list, not a string"
        );
        assert!(
            run(serde_json::json!({"fullVoxnumbers": ["441512100200"], "rmIfInUse": "TRUE"}))
                .is_ok()
        );
    }
}
