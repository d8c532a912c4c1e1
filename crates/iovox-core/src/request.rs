//! The server side: a request body back into the request models, answering with the
//! server's own messages. The sandbox uses this; so can anyone mocking IOVOX.

use crate::error::ValidationErrors;
use crate::{wire, xml, AttachRequest, PurchaseRequest};
use serde::de::DeserializeOwned;
use std::fmt;

/// Why a request body was refused, as the server words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// "XML Empty": no body.
    XmlEmpty,
    /// "XML parse error. x at line y, column z".
    XmlParse {
        /// What the parser found wrong.
        reason: String,
        /// 1-based line, where known.
        line: usize,
        /// 1-based column, where known.
        column: usize,
    },
    /// Every validation message of the request.
    Invalid(ValidationErrors),
}

impl RequestError {
    /// The messages the server sends for this error, in order.
    pub fn messages(&self) -> Vec<String> {
        match self {
            RequestError::XmlEmpty => vec!["XML Empty".into()],
            RequestError::XmlParse {
                reason,
                line,
                column,
            } => vec![format!(
                "XML parse error. {reason} at line {line}, column {column}"
            )],
            RequestError::Invalid(e) => e.messages(),
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages().join("; "))
    }
}

impl std::error::Error for RequestError {}

fn decode_wire<T: DeserializeOwned>(body: &[u8]) -> Result<T, RequestError> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(RequestError::XmlEmpty);
    }
    let syntax = |e: xml::SyntaxError| RequestError::XmlParse {
        reason: e.reason,
        line: e.line,
        column: e.column,
    };
    let text = xml::utf8(body).map_err(syntax)?;
    xml::check_well_formed(text).map_err(syntax)?;
    quick_xml::de::from_str(text).map_err(|e| {
        // Structure faults (an element where text belongs) carry no position from serde;
        // point at the root rather than invent one.
        RequestError::XmlParse {
            reason: e.to_string(),
            line: 1,
            column: 1,
        }
    })
}

/// Decodes and validates a purchaseVoxNumbers body as the server does.
///
/// ```
/// use iovox_core::request::{decode_purchase_request, RequestError};
/// assert_eq!(decode_purchase_request(b"").unwrap_err(), RequestError::XmlEmpty);
/// let body = b"<request><items><item><country_code>44</country_code>\
///     <area_code>151</area_code><number_type>GEOGRAPHIC</number_type>\
///     <quantity>2</quantity></item></items></request>";
/// assert_eq!(decode_purchase_request(body).unwrap().items[0].quantity, 2);
/// ```
pub fn decode_purchase_request(body: &[u8]) -> Result<PurchaseRequest, RequestError> {
    decode_wire::<wire::PurchaseRequest>(body)?
        .validate()
        .map_err(RequestError::Invalid)
}

/// Decodes and validates a removeVoxnumberFromLink body as the server does.
///
/// ```
/// use iovox_core::request::decode_detach_request;
/// let body = b"<request><link_id>333</link_id><link_id> </link_id></request>";
/// assert_eq!(decode_detach_request(body).unwrap_err().messages(), vec!["Link ID 2 of 2 Empty"]);
/// ```
pub fn decode_detach_request(body: &[u8]) -> Result<crate::DetachRequest, RequestError> {
    decode_wire::<wire::DetachRequest>(body)?
        .validate()
        .map_err(RequestError::Invalid)
}

/// Decodes and validates an attachVoxnumberToLink body as the server does.
pub fn decode_attach_request(body: &[u8]) -> Result<AttachRequest, RequestError> {
    decode_wire::<wire::AttachRequest>(body)?
        .validate()
        .map_err(RequestError::Invalid)
}
