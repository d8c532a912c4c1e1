//! How results and errors are shown: readable text by default, JSON with `--json`.

use iovox_core::Order;
use iovox_http::Error;
use serde_json::{json, Value};

/// Exit status for a request refused by validation (nothing was sent).
pub const EXIT_INVALID: u8 = 3;
/// Exit status for an API, transport, decode or configuration error.
pub const EXIT_FAILED: u8 = 1;

/// The order in IOVOX's field names (the models' serde form).
pub fn order_json(order: &Order) -> Value {
    serde_json::to_value(order).unwrap_or_else(|e| json!({ "error": e.to_string() }))
}

pub fn order_text(order: &Order) -> String {
    let mut s = format!(
        "order {} is {} with {} number{}",
        order.order_reference,
        order.order_status,
        order.voxnumbers.len(),
        if order.voxnumbers.len() == 1 { "" } else { "s" }
    );
    for v in &order.voxnumbers {
        s.push_str(&format!(
            "\n  +{} (country {}, area {})",
            v.full_voxnumber, v.country_code, v.area_code
        ));
    }
    s
}

pub fn print_order(order: &Order, as_json: bool) {
    if as_json {
        say!("{}", order_json(order));
    } else {
        say!("{}", order_text(order));
    }
}

pub fn error_json(e: &Error) -> Value {
    let errors: Vec<Value> = match e {
        Error::Validation(v) => v
            .iter()
            .map(|x| {
                json!({
                    "code": x.code.as_str(),
                    "position": x.position.map(|p| json!([p.index, p.total])),
                    "field": x.field,
                    "message": x.message,
                })
            })
            .collect(),
        _ => vec![],
    };
    json!({ "error": {
        "kind": e.kind().as_str(),
        "status": e.status(),
        "attempts": e.attempts(),
        "messages": e.messages(),
        "errors": errors,
    }})
}

/// Prints the error (every message) to stderr, or as JSON to stdout; returns the exit code.
pub fn report_error(e: &Error, as_json: bool) -> u8 {
    if as_json {
        say!("{}", error_json(e));
    } else {
        match e {
            Error::Validation(v) => {
                eprintln!("error: the request is invalid; nothing was sent:");
                for x in v.iter() {
                    eprintln!("  - {}", x.message);
                }
            }
            Error::Api {
                status, messages, ..
            } if messages.len() > 1 => {
                eprintln!("error: IOVOX answered HTTP {status}:");
                for m in messages {
                    eprintln!("  - {m}");
                }
            }
            _ => eprintln!("error: {e}"),
        }
    }
    match e {
        Error::Validation(_) => EXIT_INVALID,
        _ => EXIT_FAILED,
    }
}
