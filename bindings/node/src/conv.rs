//! JS values into the core's wire form. The JS layer hands requests over as JSON text
//! (`JSON.stringify`, with BigInt as its digits); `iovox-convert` does the rest, with the
//! same shape errors as Python's. A request whose shape is wrong is a `TypeError`.

use crate::error::ErrorInfo;
use iovox_convert::{Case, ShapeError};
use iovox_core::wire;

fn type_error(e: ShapeError) -> ErrorInfo {
    ErrorInfo::type_error(e.0)
}

/// `{ items, callbackUrl, ccList, dynamicQuantity }` into the wire form.
pub fn purchase_request(json: &str) -> Result<wire::PurchaseRequest, ErrorInfo> {
    iovox_convert::purchase_request_json(json, Case::Camel).map_err(type_error)
}

/// An array of links into the wire form.
pub fn attach_request(json: &str) -> Result<wire::AttachRequest, ErrorInfo> {
    iovox_convert::attach_request_json(json, Case::Camel).map_err(type_error)
}

/// An array of link IDs into the wire form of removeVoxnumberFromLink.
pub fn detach_request(json: &str) -> Result<wire::DetachRequest, ErrorInfo> {
    iovox_convert::detach_request_json(json, Case::Camel).map_err(type_error)
}
