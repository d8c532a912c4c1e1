//! JS values into the core's wire form. The JS layer hands requests over as JSON text
//! (`JSON.stringify`, with BigInt as its digits); `iovox-convert` does the rest, with the
//! same shape errors as Python's. A request whose shape is wrong is a `TypeError`.

use crate::error::ErrorInfo;
use iovox_convert::{Case, ShapeError};
use iovox_core::wire;

fn type_error(e: ShapeError) -> ErrorInfo {
    ErrorInfo::type_error(e.0)
}

/// `{ items, callbackUrl, ccList, dynamicQuantity }` into the wire form (`purchaseRequestXml`).
pub fn purchase_request(json: &str) -> Result<wire::PurchaseRequest, ErrorInfo> {
    iovox_convert::purchase_request_json(json, Case::Camel).map_err(type_error)
}

/// An array of links into the wire form (`attachRequestXml`).
pub fn attach_request(json: &str) -> Result<wire::AttachRequest, ErrorInfo> {
    iovox_convert::attach_request_json(json, Case::Camel).map_err(type_error)
}

/// A typed method that is not a list, by name, and its arguments (an object, camelCase)
/// through their shape and the method's rules.
pub fn action(
    method: &str,
    json: &str,
) -> Result<(&'static iovox_convert::Action, iovox_core::method::Prepared), ErrorInfo> {
    let action = iovox_convert::action_named(method)
        .ok_or_else(|| ErrorInfo::type_error(format!("{method} is not a method of the model")))?;
    let args = serde_json::from_str(json).map_err(|e| ErrorInfo::type_error(e.to_string()))?;
    match (action.prepare)(args, Case::Camel) {
        Ok(prepared) => Ok((action, prepared)),
        Err(iovox_convert::Refusal::Shape(e)) => Err(type_error(e)),
        Err(iovox_convert::Refusal::Invalid(e)) => Err(iovox_http::Error::from(e).into()),
    }
}

/// A query method's arguments (an object, camelCase) into the wire form.
pub fn query(
    json: &str,
    arguments: &[iovox_core::model::Argument],
    call: &str,
) -> Result<wire::Query, ErrorInfo> {
    iovox_convert::query_json(json, arguments, call, Case::Camel).map_err(type_error)
}

/// A list method of the model by name, and its arguments (an object, camelCase) into the
/// wire form, keys checked against the method's own.
pub fn list_query(
    method: &str,
    json: &str,
) -> Result<(&'static iovox_core::method::List, wire::Query), ErrorInfo> {
    let list = iovox_core::method::list_named(method).ok_or_else(|| {
        ErrorInfo::type_error(format!("{method} is not a list method of the model"))
    })?;
    Ok((list, query(json, list.spec.arguments, method)?))
}

/// `{ interface, method, verb, query, body, safeToRepeat }` into a raw request.
pub fn raw_request(json: &str) -> Result<iovox_http::RawRequest, ErrorInfo> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Raw {
        interface: String,
        method: String,
        verb: String,
        #[serde(default)]
        query: Option<std::collections::BTreeMap<String, serde_json::Value>>,
        #[serde(default)]
        body: Option<String>,
        #[serde(default)]
        safe_to_repeat: Option<bool>,
    }
    let raw: Raw = serde_json::from_str(json).map_err(|e| {
        ErrorInfo::type_error(format!(
            "rawRequest takes {{ interface, method, verb, query, body, safeToRepeat }}: {e}"
        ))
    })?;
    let verb = raw
        .verb
        .parse()
        .map_err(|e: String| ErrorInfo::from(iovox_http::Error::Config(e)))?;
    let mut request = iovox_http::RawRequest::new(raw.interface, raw.method, verb)
        .safe_to_repeat(raw.safe_to_repeat.unwrap_or(false));
    request.body = raw.body;
    for (k, v) in raw.query.unwrap_or_default() {
        let text = match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_string(),
            other => {
                return Err(ErrorInfo::type_error(format!(
                    "query value {k} must be a string or a number, not {}",
                    iovox_convert::kind(&other)
                )))
            }
        };
        request.query.push((k, text));
    }
    Ok(request)
}
