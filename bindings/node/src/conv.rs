//! JS values into the core's wire form. The JS layer hands requests over as JSON text
//! (`JSON.stringify`, with BigInt as its digits); the core's [`iovox_core::json`] does the
//! rest. A request whose shape is wrong is a `TypeError`.

use crate::error::ErrorInfo;
use iovox_core::{json, wire};

fn type_error(e: json::ShapeError) -> ErrorInfo {
    ErrorInfo::type_error(e.0)
}

/// `{ items, callbackUrl, ccList, dynamicQuantity }` into the wire form.
pub fn purchase_request(json: &str) -> Result<wire::PurchaseRequest, ErrorInfo> {
    json::purchase_request(json).map_err(type_error)
}

/// An array of links into the wire form.
pub fn attach_request(json: &str) -> Result<wire::AttachRequest, ErrorInfo> {
    json::attach_request(json).map_err(type_error)
}

/// An array of link IDs into the wire form of removeVoxnumberFromLink.
pub fn detach_request(json: &str) -> Result<wire::DetachRequest, ErrorInfo> {
    json::detach_request(json).map_err(type_error)
}
