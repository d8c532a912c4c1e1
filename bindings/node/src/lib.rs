//! The native addon of the npm package `iovox`: wrappers over the client and the core (the
//! sandbox is the npm package `iovox-sandbox`, `bindings/node-sandbox`). Everything a user
//! can get wrong is decided in the core; this crate converts values (`conv.rs`) and maps
//! errors (`error.rs`). The package's `index.js` turns the
//! outcomes into Promises of plain objects and into `Error` subclasses.
//!
//! Calls run on tokio's blocking pool (napi's runtime), never on libuv's 4-thread pool, so
//! file-system and DNS work of the process does not wait behind HTTP calls.

// `ErrorInfo` is the napi object handed to JS once per failed call; boxing it would only
// add an allocation on the way out.
#![allow(clippy::result_large_err)]

mod client;
pub use client::{begin_call, cancel_call, end_call};
mod conv;
mod error;
mod lists;

use error::ErrorInfo;
use napi_derive::napi;

/// One purchased number.
#[napi(object)]
pub struct VoxNumber {
    /// Country IDD (44).
    pub country_code: u32,
    /// Area code (151).
    pub area_code: u32,
    /// The whole number, digits only, as a string: it outgrows JavaScript's safe integers.
    pub full_voxnumber: String,
}

/// An order, as the purchase answer or a callback reports it.
#[napi(object)]
pub struct Order {
    /// IOVOX's reference for the order.
    pub order_reference: String,
    /// "PENDING" or "FULFILLED".
    pub order_status: String,
    /// The numbers so far.
    pub voxnumbers: Vec<VoxNumber>,
}

impl From<iovox_core::Order> for Order {
    fn from(o: iovox_core::Order) -> Self {
        Order {
            order_reference: o.order_reference,
            order_status: o.order_status.as_str().to_string(),
            voxnumbers: o
                .voxnumbers
                .into_iter()
                .map(|v| VoxNumber {
                    country_code: v.country_code,
                    area_code: v.area_code,
                    full_voxnumber: v.full_voxnumber,
                })
                .collect(),
        }
    }
}

/// What a typed method that is not a list answered: an order, bytes, or neither (it
/// answers nothing); or why not.
#[napi(object)]
pub struct ActionOutcome {
    /// The order, for a purchase.
    pub order: Option<Order>,
    /// The bytes, for a recording.
    pub bytes: Option<napi::bindgen_prelude::Buffer>,
    /// A mapping as JSON text (createNodeFull, getNodeDetails).
    pub data: Option<String>,
    /// The error, on failure.
    pub error: Option<ErrorInfo>,
}

/// An order, or why there is none.
#[napi(object)]
pub struct OrderOutcome {
    /// The order, on success.
    pub order: Option<Order>,
    /// The error, on failure.
    pub error: Option<ErrorInfo>,
}

/// A text (request XML), or why there is none.
#[napi(object)]
pub struct TextOutcome {
    /// The text, on success.
    pub text: Option<String>,
    /// The error, on failure.
    pub error: Option<ErrorInfo>,
}

/// Parses a callback body (root `<order>`), given as the UTF-8 bytes or a string.
/// An order of the addon's shape back into the core's.
fn core_order(o: Order) -> Result<iovox_core::Order, String> {
    Ok(iovox_core::Order {
        order_reference: o.order_reference,
        order_status: o.order_status.parse()?,
        voxnumbers: o
            .voxnumbers
            .into_iter()
            .map(|v| iovox_core::VoxNumber {
                country_code: v.country_code,
                area_code: v.area_code,
                full_voxnumber: v.full_voxnumber,
            })
            .collect(),
    })
}

/// `known` with `update` (a callback, or any later report of it) folded in
/// (`iovox_core::Order::merge`); a config-kind error for a report of another order.
#[napi(catch_unwind)]
pub fn merge_order(known: Order, update: Order) -> OrderOutcome {
    let merged = core_order(known).and_then(|mut k| {
        k.merge(&core_order(update)?)?;
        Ok(k)
    });
    match merged {
        Ok(o) => OrderOutcome {
            order: Some(o.into()),
            error: None,
        },
        Err(message) => OrderOutcome {
            order: None,
            error: Some(ErrorInfo::from(iovox_http::Error::Config(message))),
        },
    }
}

/// What a typed method would send, or why not.
#[napi(object)]
pub struct PreparedOutcome {
    /// The query's pairs, in order.
    pub query: Option<Vec<Vec<String>>>,
    /// The body's XML (empty for a query method).
    pub body: Option<String>,
    /// The error, on failure.
    pub error: Option<ErrorInfo>,
}

/// What an action answered, or why not, as JavaScript receives it.
pub(crate) fn action_outcome(
    r: std::result::Result<iovox_convert::Outcome, ErrorInfo>,
) -> ActionOutcome {
    use iovox_convert::Outcome;
    let mut out = ActionOutcome {
        order: None,
        bytes: None,
        data: None,
        error: None,
    };
    match r {
        Ok(Outcome::Order(order)) => out.order = Some(order.into()),
        Ok(Outcome::Bytes(bytes)) => out.bytes = Some(bytes.into()),
        Ok(Outcome::Data(v)) => out.data = Some(v.to_string()),
        Ok(Outcome::Nothing) => {}
        Err(e) => out.error = Some(e),
    }
    out
}

/// A body as JavaScript hands it over, a `Buffer` (any `Uint8Array`) or a string, as
/// bytes, without a copy.
fn body_bytes(body: &napi::Either<napi::bindgen_prelude::Buffer, String>) -> &[u8] {
    match body {
        napi::Either::A(b) => b,
        napi::Either::B(s) => s.as_bytes(),
    }
}

/// What a typed method that is not a list answered, from the body IOVOX sent (for
/// bodies fetched with `rawRequest`).
#[napi(catch_unwind)]
pub fn decode_answer(
    method: String,
    body: napi::Either<napi::bindgen_prelude::Buffer, String>,
) -> ActionOutcome {
    let bytes = body_bytes(&body);
    let Some(action) = iovox_convert::action_named(&method) else {
        return action_outcome(Err(ErrorInfo::type_error(format!(
            "{method:?} is not a typed method that answers by name (decodePage reads the lists)"
        ))));
    };
    let failed = |e: iovox_core::DecodeError| ErrorInfo::from(iovox_http::Error::from(e));
    action_outcome((action.decode)(bytes).map_err(failed))
}

/// Writes a recording's audio to `path`, whole or not at all (a file beside it, then
/// renamed over it); empty audio is refused. The bytes written.
#[napi(catch_unwind)]
pub fn save_recording(audio: napi::bindgen_prelude::Buffer, path: String) -> napi::Result<u32> {
    iovox_http::save_recording(&audio, &path)
        .map(|n| n as u32)
        .map_err(|e| {
            napi::Error::from_reason(format!("could not save the recording to {path}: {e}"))
        })
}

/// What a typed method that is not a list would send for its arguments (one object as
/// JSON text, camelCase), after the same checks as the call. Nothing is sent.
#[napi(catch_unwind)]
pub fn prepare_request(method: String, args_json: String) -> PreparedOutcome {
    match conv::action(&method, &args_json) {
        Ok((_, prepared)) => PreparedOutcome {
            query: Some(
                (prepared.query.into_iter())
                    .map(|(k, v)| vec![k.to_string(), v])
                    .collect(),
            ),
            body: Some(prepared.body),
            error: None,
        },
        Err(e) => PreparedOutcome {
            query: None,
            body: None,
            error: Some(e),
        },
    }
}

#[napi(catch_unwind)]
pub fn parse_callback(body: napi::Either<napi::bindgen_prelude::Buffer, String>) -> OrderOutcome {
    let bytes = body_bytes(&body);
    match iovox_http::parse_callback(bytes) {
        Ok(o) => OrderOutcome {
            order: Some(o.into()),
            error: None,
        },
        Err(e) => OrderOutcome {
            order: None,
            error: Some(ErrorInfo::from(iovox_http::Error::from(e))),
        },
    }
}

/// The one entry point for a callback: the `Authorization` header checked against the
/// `user:pass@` of the callback URL, then the body parsed.
#[napi(catch_unwind)]
pub fn receive_callback(
    callback_url: String,
    authorization: Option<String>,
    body: napi::Either<napi::bindgen_prelude::Buffer, String>,
    allow_unauthenticated_callbacks: bool,
) -> OrderOutcome {
    let bytes = body_bytes(&body);
    let allow = allow_unauthenticated_callbacks;
    match iovox_http::receive_callback_with(&callback_url, authorization.as_deref(), bytes, allow) {
        Ok(o) => OrderOutcome {
            order: Some(o.into()),
            error: None,
        },
        Err(e) => OrderOutcome {
            order: None,
            error: Some(ErrorInfo::callback(e)),
        },
    }
}

/// A list method's answer as the page's JSON text, for bodies fetched with `rawRequest`:
/// any list method of the model, by IOVOX's name.
#[napi(catch_unwind)]
pub fn decode_page(
    method: String,
    body: napi::Either<napi::bindgen_prelude::Buffer, String>,
) -> TextOutcome {
    let bytes = body_bytes(&body);
    let Some(list) = iovox_core::method::list_named(&method) else {
        let names: Vec<&str> = iovox_core::method::LISTS
            .iter()
            .map(|l| l.spec.route.name)
            .collect();
        return text_outcome(Err(ErrorInfo::type_error(format!(
            "decodePage reads {}, not {method:?}",
            names.join(", ")
        ))));
    };
    let failed = |e: iovox_core::DecodeError| ErrorInfo::from(iovox_http::Error::from(e));
    text_outcome(
        (list.decode)(bytes)
            .map(|p| lists::page_json(&p))
            .map_err(failed),
    )
}

/// A raw call's answer, or why there is none.
#[napi(object)]
pub struct RawOutcome {
    /// The HTTP status, on success.
    pub status: Option<u32>,
    /// The body, on success.
    pub body: Option<napi::bindgen_prelude::Buffer>,
    /// The error, on failure.
    pub error: Option<ErrorInfo>,
}

/// The XML a purchase of this request (JSON text of the JS object) would send.
#[napi(catch_unwind)]
pub fn purchase_request_xml(request_json: String) -> TextOutcome {
    let made = conv::purchase_request(&request_json).and_then(|wire| {
        wire.validate()
            .map(|r| r.to_xml())
            .map_err(|e| iovox_http::Error::Validation(e).into())
    });
    text_outcome(made)
}

/// The XML an attach of these links (JSON text of the JS array) would send.
#[napi(catch_unwind)]
pub fn attach_request_xml(links_json: String) -> TextOutcome {
    let made = conv::attach_request(&links_json).and_then(|wire| {
        wire.validate()
            .map(|r| r.to_xml())
            .map_err(|e| iovox_http::Error::Validation(e).into())
    });
    text_outcome(made)
}

pub(crate) fn text_outcome(made: Result<String, ErrorInfo>) -> TextOutcome {
    match made {
        Ok(text) => TextOutcome {
            text: Some(text),
            error: None,
        },
        Err(e) => TextOutcome {
            text: None,
            error: Some(e),
        },
    }
}

/// IOVOX's production base URL.
#[napi]
pub const PRODUCTION_URL: &str = iovox_http::PRODUCTION_URL;

/// IOVOX's hosted sandbox base URL.
#[napi]
pub const SANDBOX_URL: &str = iovox_http::SANDBOX_URL;
