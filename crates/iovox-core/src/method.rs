//! What every IOVOX method is, apart from its fields: where it lives (interface, method
//! name, verb) and whether repeating it can do harm. Each method module (`purchase.rs`,
//! `attach.rs`, `detach.rs`) holds its definition beside its request, rules and answer;
//! the client's one send path and the sandbox's router read these, so a new method is one
//! module and one line in [`METHODS`].
//!
//! ```
//! use iovox_core::method::{Method, RemoveVoxnumberFromLink, Retry, Verb};
//! assert_eq!(RemoveVoxnumberFromLink::ROUTE.path(), "/Links?v=3&method=removeVoxnumberFromLink");
//! assert_eq!(RemoveVoxnumberFromLink::ROUTE.verb, Verb::Put);
//! assert_eq!(RemoveVoxnumberFromLink::RETRY, Retry::SafeToRepeat);
//! ```

use crate::error::{DecodeError, ValidationErrors};
use std::fmt;

/// An HTTP verb IOVOX uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verb {
    /// GET: list methods.
    Get,
    /// POST: create (purchaseVoxNumbers).
    Post,
    /// PUT: change (attach, detach).
    Put,
    /// DELETE: give back (deleteVoxnumbersFromAccount).
    Delete,
}

impl Verb {
    /// As HTTP writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Put => "PUT",
            Verb::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Verb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Verb {
    type Err = String;

    /// `GET`, `POST`, `PUT` or `DELETE`, any case.
    ///
    /// ```
    /// use iovox_core::method::Verb;
    /// assert_eq!("delete".parse(), Ok(Verb::Delete));
    /// ```
    fn from_str(s: &str) -> Result<Self, String> {
        [Verb::Get, Verb::Post, Verb::Put, Verb::Delete]
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("the verb must be GET, POST, PUT or DELETE, not {s:?}"))
    }
}

/// Where a method lives: `/<interface>?v=3&method=<name>`, with its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Route {
    /// `Purchase`, `Links`, `Voxnumbers`, …
    pub interface: &'static str,
    /// The method's name, as IOVOX spells it.
    pub name: &'static str,
    /// The verb IOVOX requires.
    pub verb: Verb,
}

impl Route {
    /// Path and query, without the base URL.
    pub fn path(&self) -> String {
        format!("/{}?v=3&method={}", self.interface, self.name)
    }
}

/// Whether a call may be sent again after its bytes may have reached IOVOX (a 5xx, a
/// timeout, an answer cut off). A connection that failed before sending is always retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// Doing it twice has the effect of doing it once (attach of the same links, detach).
    SafeToRepeat,
    /// Doing it twice may do it twice (a purchase buys again): never repeated once it may
    /// have arrived, unless the caller opts in (docs/decisions.md 9).
    NotAfterSent,
}

/// A request ready to send: its query, its body, and what the client must redact from
/// answers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prepared {
    /// Query parameters after `v=3&method=…`, in order (list filters, DELETE's arguments).
    pub query: Vec<(&'static str, String)>,
    /// The XML body; empty for a method that sends none (GET, DELETE).
    pub body: String,
    /// The request's callback URL, whose `user:pass` no error may repeat.
    pub callback_url: Option<String>,
}

/// One IOVOX method's definition: where it lives, whether a repeat can do harm, its
/// request (typed, and as untyped callers give it), the checks made before sending, and
/// its answer. The client's one send path and the sandbox's router are driven by it.
pub trait Method {
    /// Where it lives.
    const ROUTE: Route;
    /// Whether a repeat can do harm.
    const RETRY: Retry;
    /// The request as Rust code builds it.
    type Request;
    /// The request as untyped callers give it (Python, Node, JSON files): every value
    /// as the XML would carry it, checked with the server's messages.
    type Wire;
    /// What a success answers.
    type Output;
    /// Every request-only check, then the body.
    fn prepare(request: &Self::Request) -> Result<Prepared, ValidationErrors>;
    /// The same for the untyped form.
    fn prepare_wire(request: &Self::Wire) -> Result<Prepared, ValidationErrors>;
    /// A success's body into the answer.
    fn decode(body: &[u8]) -> Result<Self::Output, DecodeError>;
}

impl Retry {
    /// `safe to repeat` or `not after sent`.
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::SafeToRepeat => "safe to repeat",
            Retry::NotAfterSent => "not after sent",
        }
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Retry {
    type Err = String;

    /// As [`Retry::as_str`] writes it.
    fn from_str(s: &str) -> Result<Self, String> {
        [Retry::SafeToRepeat, Retry::NotAfterSent]
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                format!("a retry class is 'safe to repeat' or 'not after sent', not {s:?}")
            })
    }
}

pub use crate::attach::AttachVoxnumberToLink;
pub use crate::detach::RemoveVoxnumberFromLink;
pub use crate::links::GetLinks;
pub use crate::purchase::PurchaseVoxNumbers;
pub use crate::regions::GetVoxnumberRegions;
pub use crate::release::DeleteVoxnumbersFromAccount;
pub use crate::voxnumbers::GetVoxnumbers;

/// Every method the SDK types, for routers and documentation.
pub const METHODS: &[(Route, Retry)] = &[
    (PurchaseVoxNumbers::ROUTE, PurchaseVoxNumbers::RETRY),
    (AttachVoxnumberToLink::ROUTE, AttachVoxnumberToLink::RETRY),
    (
        RemoveVoxnumberFromLink::ROUTE,
        RemoveVoxnumberFromLink::RETRY,
    ),
    (GetVoxnumberRegions::ROUTE, GetVoxnumberRegions::RETRY),
    (GetVoxnumbers::ROUTE, GetVoxnumbers::RETRY),
    (GetLinks::ROUTE, GetLinks::RETRY),
    (
        DeleteVoxnumbersFromAccount::ROUTE,
        DeleteVoxnumbersFromAccount::RETRY,
    ),
];
