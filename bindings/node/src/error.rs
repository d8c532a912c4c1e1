//! Rust errors as plain data for the package's JS layer, which makes `Error` subclasses of
//! them (`ValidationError`, `ApiError`, …). Panics become `internal` errors.

use napi_derive::napi;

/// Where an item or link sits in its request.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct Position {
    /// 1-based index.
    pub index: u32,
    /// Items in the request.
    pub total: u32,
}

/// One validation problem, in IOVOX's words.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct ValidationIssue {
    /// Stable code ("quantity_not_integer").
    pub code: String,
    /// Position of the item or link; absent for the request as a whole.
    pub position: Option<Position>,
    /// The field at fault, in JavaScript's case (`areaCode`), as the caller wrote it.
    pub field: Option<String>,
    /// The server's documented message.
    pub message: String,
}

/// Everything an error carries.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    /// validation, api, timeout, connection, decode, config, type or internal.
    pub kind: String,
    /// What a person reads.
    pub message: String,
    /// HTTP status, where there was an answer.
    pub status: Option<u32>,
    /// Every message (the server's, or the checks').
    pub messages: Vec<String>,
    /// Attempts made.
    pub attempts: u32,
    /// Whether a failed request may have reached IOVOX (connection errors).
    pub maybe_sent: Option<bool>,
    /// Line of broken XML (decode errors).
    pub line: Option<u32>,
    /// Column of broken XML (decode errors).
    pub column: Option<u32>,
    /// Every validation problem (validation errors).
    pub errors: Option<Vec<ValidationIssue>>,
}

fn n(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

impl ErrorInfo {
    fn bare(kind: &str, message: String) -> Self {
        ErrorInfo {
            kind: kind.into(),
            messages: vec![message.clone()],
            message,
            status: None,
            attempts: 0,
            maybe_sent: None,
            line: None,
            column: None,
            errors: None,
        }
    }

    /// A request whose shape is wrong (the JS layer throws `TypeError`).
    pub fn type_error(message: String) -> Self {
        Self::bare("type", message)
    }

    /// A callback refused by `receiveCallback`, with the status to answer.
    pub fn callback(e: iovox_http::CallbackError) -> Self {
        let mut info = Self::bare("callback", e.to_string());
        info.status = Some(u32::from(e.status()));
        info
    }

    /// A bug of ours.
    pub fn internal(what: &str) -> Self {
        Self::bare(
            "internal",
            format!("internal error in iovox (please report it): {what}"),
        )
    }
}

impl From<iovox_http::Error> for ErrorInfo {
    fn from(e: iovox_http::Error) -> Self {
        use iovox_http::Error as E;
        let mut info = ErrorInfo {
            kind: e.kind().as_str().into(),
            message: e.to_string(),
            status: e.status().map(u32::from),
            messages: e.messages(),
            attempts: e.attempts(),
            maybe_sent: None,
            line: None,
            column: None,
            errors: None,
        };
        match e {
            E::Validation(errors) => {
                info.errors = Some(
                    errors
                        .iter()
                        .map(|v| ValidationIssue {
                            code: v.code.as_str().into(),
                            position: v.position.map(|p| Position {
                                index: n(p.index),
                                total: n(p.total),
                            }),
                            field: v.field.map(iovox_convert::fields::camel),
                            message: v.message.clone(),
                        })
                        .collect(),
                )
            }
            E::Connection { maybe_sent, .. }
            | E::Timeout { maybe_sent, .. }
            | E::Aborted { maybe_sent, .. } => info.maybe_sent = Some(maybe_sent),
            E::Decode(d) => {
                info.line = d.line.map(n);
                info.column = d.column.map(n);
            }
            _ => {}
        }
        info
    }
}

/// The text of a panic's payload.
pub fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}
