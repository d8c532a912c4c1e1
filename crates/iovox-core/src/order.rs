//! The order: the purchase response (`<response>`) and the callback (`<order>`) share it.

use crate::check::text;
use crate::error::DecodeError;
use crate::xml;
use serde::{Deserialize, Serialize};
use std::fmt;

/// PENDING until every number of the order is in the account, then FULFILLED.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderStatus {
    /// Some numbers are still to come; more callbacks will follow.
    Pending,
    /// Every number is in the account.
    Fulfilled,
}

impl OrderStatus {
    /// The wire text.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Pending => "PENDING",
            OrderStatus::Fulfilled => "FULFILLED",
        }
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One purchased number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VoxNumber {
    /// Country IDD (44).
    pub country_code: u32,
    /// Area code (151).
    pub area_code: u32,
    /// The whole number, digits only, kept as text (it outgrows JavaScript's integers).
    pub full_voxnumber: String,
}

/// An order, as the purchase answer or a callback reports it.
///
/// ```
/// let body = br#"<?xml version="1.0" encoding="utf-8"?>
/// <response><order_reference>a0d7</order_reference><order_status>PENDING</order_status>
/// <voxnumbers></voxnumbers></response>"#;
/// let order = iovox_core::Order::from_response_xml(body).unwrap();
/// assert_eq!(order.order_status, iovox_core::OrderStatus::Pending);
/// assert!(order.voxnumbers.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// IOVOX's reference for the order.
    pub order_reference: String,
    /// PENDING or FULFILLED.
    pub order_status: OrderStatus,
    /// The numbers fulfilled so far (in a callback: those this update reports).
    pub voxnumbers: Vec<VoxNumber>,
}

#[derive(Serialize, Deserialize, Default)]
struct WireOrder {
    #[serde(default)]
    order_reference: Option<String>,
    #[serde(default)]
    order_status: Option<String>,
    #[serde(default)]
    voxnumbers: WireVoxNumbers,
}

#[derive(Serialize, Deserialize, Default)]
struct WireVoxNumbers {
    #[serde(default)]
    voxnumber: Vec<WireVoxNumber>,
}

#[derive(Serialize, Deserialize, Default)]
struct WireVoxNumber {
    #[serde(default)]
    country_code: Option<String>,
    #[serde(default)]
    area_code: Option<String>,
    #[serde(default)]
    full_voxnumber: Option<String>,
}

impl Order {
    /// Decodes the body of a purchaseVoxNumbers answer (root `<response>`).
    pub fn from_response_xml(body: &[u8]) -> Result<Order, DecodeError> {
        Self::decode(body, &["response"])
    }

    /// Decodes the body IOVOX POSTs to `callback_url` (root `<order>`).
    pub fn from_callback_xml(body: &[u8]) -> Result<Order, DecodeError> {
        Self::decode(body, &["order"])
    }

    /// Decodes either shape.
    pub fn from_xml(body: &[u8]) -> Result<Order, DecodeError> {
        Self::decode(body, &["response", "order"])
    }

    fn decode(body: &[u8], roots: &[&str]) -> Result<Order, DecodeError> {
        let (root, w): (String, WireOrder) = xml::decode(body)?;
        if !roots.contains(&root.as_str()) {
            let expected: Vec<String> = roots.iter().map(|r| format!("<{r}>")).collect();
            return Err(DecodeError::new(format!(
                "unexpected root element <{root}>, expected {}",
                expected.join(" or ")
            )));
        }
        let order_reference = text(&w.order_reference)
            .ok_or_else(|| DecodeError::new("order_reference is missing"))?
            .to_string();
        let order_status = match text(&w.order_status) {
            Some("PENDING") => OrderStatus::Pending,
            Some("FULFILLED") => OrderStatus::Fulfilled,
            Some(other) => {
                return Err(DecodeError::new(format!(
                    "order_status {other:?} is unknown (expected PENDING or FULFILLED)"
                )))
            }
            None => return Err(DecodeError::new("order_status is missing")),
        };
        let total = w.voxnumbers.voxnumber.len();
        let voxnumbers = w
            .voxnumbers
            .voxnumber
            .iter()
            .enumerate()
            .map(|(i, v)| decode_voxnumber(v, i + 1, total))
            .collect::<Result<_, _>>()?;
        Ok(Order {
            order_reference,
            order_status,
            voxnumbers,
        })
    }

    /// The purchase answer body (root `<response>`), as the sandbox sends it.
    pub fn to_response_xml(&self) -> String {
        xml::encode("response", &self.to_wire())
    }

    /// The callback body (root `<order>`), as the sandbox sends it.
    pub fn to_callback_xml(&self) -> String {
        xml::encode("order", &self.to_wire())
    }

    fn to_wire(&self) -> WireOrder {
        WireOrder {
            order_reference: Some(self.order_reference.clone()),
            order_status: Some(self.order_status.as_str().to_string()),
            voxnumbers: WireVoxNumbers {
                voxnumber: self
                    .voxnumbers
                    .iter()
                    .map(|v| WireVoxNumber {
                        country_code: Some(v.country_code.to_string()),
                        area_code: Some(v.area_code.to_string()),
                        full_voxnumber: Some(v.full_voxnumber.clone()),
                    })
                    .collect(),
            },
        }
    }
}

fn decode_voxnumber(v: &WireVoxNumber, n: usize, total: usize) -> Result<VoxNumber, DecodeError> {
    let at = |what: String| DecodeError::new(format!("voxnumber {n} of {total}: {what}"));
    let code = |value: &Option<String>, field: &str| -> Result<u32, DecodeError> {
        let s = text(value).ok_or_else(|| at(format!("{field} is missing")))?;
        s.parse::<u32>()
            .ok()
            .filter(|_| s.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| at(format!("{field} {s:?} is not an integer")))
    };
    let country_code = code(&v.country_code, "country_code")?;
    let area_code = code(&v.area_code, "area_code")?;
    let full = text(&v.full_voxnumber).ok_or_else(|| at("full_voxnumber is missing".into()))?;
    if !full.bytes().all(|b| b.is_ascii_digit()) {
        return Err(at(format!(
            "full_voxnumber {full:?} is not a string of digits"
        )));
    }
    Ok(VoxNumber {
        country_code,
        area_code,
        full_voxnumber: full.to_string(),
    })
}
