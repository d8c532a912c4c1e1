//! Requests given as JSON, the way JavaScript callers write them: `camelCase` or
//! `snake_case` keys, numbers or strings for numbers (big integers as their digits). The
//! values go into the wire models' lenient serde, so `2`, `"2"` and `2.0` are the text `2`
//! and `2.5` fails validation with the server's own message. Only a request whose *shape*
//! is wrong (an item that is not an object) is a [`ShapeError`], named by its position.
//!
//! ```
//! use iovox_core::json;
//! let wire = json::purchase_request(r#"{"items":[{"countryCode":44,"areaCode":"151",
//!     "numberType":"GEOGRAPHIC","quantity":2}]}"#).unwrap();
//! assert_eq!(wire.validate().unwrap().items[0].quantity, 2);
//! let e = json::attach_request(r#"{"linkId":"1"}"#).unwrap_err();
//! assert_eq!(e.to_string(), "links must be an array of objects, not object");
//! ```

use crate::fields::{check_keys, snake, Case};
use crate::wire;
use serde_json::{Map, Value};

/// A request whose shape is wrong: not JSON, not an object, an item that is not an object.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ShapeError(pub String);

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

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn parse(json: &str) -> Result<Value, ShapeError> {
    serde_json::from_str(json).map_err(|e| ShapeError(format!("not JSON: {e}")))
}

/// An array of objects, keys checked against `known` and turned to snake_case.
fn entries(v: Value, what: &str, known: &[&str]) -> Result<Vec<Value>, ShapeError> {
    let Value::Array(list) = v else {
        return Err(ShapeError(format!(
            "{what} must be an array of objects, not {}",
            kind(&v)
        )));
    };
    let total = list.len();
    let singular = what.trim_end_matches('s');
    list.into_iter()
        .enumerate()
        .map(|(i, e)| match e {
            Value::Object(m) => {
                let place = format!("{singular} {} of {total}", i + 1);
                check_keys(m.keys().map(String::as_str), known, &place, Case::Camel)?;
                if let Some(Value::Object(info)) = m
                    .get("additionalInformation")
                    .or_else(|| m.get("additional_information"))
                {
                    let place = format!("additionalInformation of {place}");
                    check_keys(
                        info.keys().map(String::as_str),
                        crate::fields::ADDITIONAL_INFORMATION,
                        &place,
                        Case::Camel,
                    )?;
                }
                Ok(Value::Object(snake_keys(m)))
            }
            other => Err(ShapeError(format!(
                "{what}[{i}] must be an object, not {}",
                kind(&other)
            ))),
        })
        .collect()
}

fn wire_from<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, ShapeError> {
    serde_json::from_value(v).map_err(|e| ShapeError(e.to_string()))
}

/// `{ items, callbackUrl, ccList, dynamicQuantity }` into the wire form.
pub fn purchase_request(json: &str) -> Result<wire::PurchaseRequest, ShapeError> {
    let Value::Object(request) = parse(json)? else {
        return Err(ShapeError(
            "the request must be an object { items, callbackUrl, ccList, dynamicQuantity }".into(),
        ));
    };
    check_keys(
        request.keys().map(String::as_str),
        crate::fields::PURCHASE,
        "the request",
        Case::Camel,
    )?;
    let mut request = snake_keys(request);
    let items = entries(
        request.remove("items").unwrap_or(Value::Null),
        "items",
        crate::fields::ITEM,
    )?;
    request.insert("items".into(), Value::Array(items));
    wire_from(Value::Object(request))
}

/// An array of links into the wire form.
pub fn attach_request(json: &str) -> Result<wire::AttachRequest, ShapeError> {
    let links = entries(parse(json)?, "links", crate::fields::LINK)?;
    let mut request = Map::new();
    request.insert("links".into(), Value::Array(links));
    wire_from(Value::Object(request))
}

/// An array of link IDs (strings or numbers) into the wire form of removeVoxnumberFromLink.
pub fn detach_request(json: &str) -> Result<wire::DetachRequest, ShapeError> {
    let Value::Array(ids) = parse(json)? else {
        return Err(ShapeError(
            "the link IDs must be an array of strings".into(),
        ));
    };
    ids.into_iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::String(s) => Ok(wire::Text(Some(s))),
            Value::Number(n) => Ok(wire::Text(Some(n.to_string()))),
            Value::Null => Ok(wire::Text(None)),
            other => Err(ShapeError(format!(
                "linkIds[{i}] must be a string, not {}",
                kind(&other)
            ))),
        })
        .collect::<Result<_, _>>()
        .map(|link_ids| wire::DetachRequest { link_ids })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_becomes_the_wire_names() {
        let r = purchase_request(
            r#"{"items":[{"countryCode":44,"areaCode":"151","numberType":"GEOGRAPHIC","quantity":2.0}],"ccList":["a@b.c"],"dynamicQuantity":true}"#,
        )
        .unwrap();
        let item = &r.items.as_ref().unwrap().item[0];
        assert_eq!(item.country_code.as_deref(), Some("44"));
        assert_eq!(item.quantity.as_deref(), Some("2"));
        assert_eq!(r.cc_list.as_deref(), Some("a@b.c"));
        assert_eq!(r.dynamic_quantity.as_deref(), Some("TRUE"));
        let a =
            attach_request(r#"[{"linkId":"1","method":"BY POSTCODE","fallbackAreaDistance":5}]"#)
                .unwrap();
        assert_eq!(a.links[0].fallback_area_distance.as_deref(), Some("5"));
    }

    #[test]
    fn a_wrong_shape_names_its_position() {
        let e = purchase_request(r#"{"items":[{}, 5]}"#).unwrap_err();
        assert_eq!(e.to_string(), "items[1] must be an object, not number");
        let e = attach_request(r#"{"linkId":"1"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "links must be an array of objects, not object"
        );
    }
}
