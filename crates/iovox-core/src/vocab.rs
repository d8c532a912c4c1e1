//! The words every IOVOX method is described in, apart from any one method: where it lives
//! (interface, method name, verb), whether repeating it can do harm, what a prepared request
//! is, and the [`Method`] trait each typed method implements. The methods themselves and the
//! registry of them are in [`crate::method`]; nothing here names a method, so the method
//! modules depend on this and on nothing that depends on them.
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
    /// Doing it twice may do harm (a create answers "already exists", a delete "does not
    /// exist", a rename finds nothing): never repeated once it may have arrived.
    NotAfterSent,
    /// Like [`Retry::NotAfterSent`], unless the caller opts in (a purchase: a repeat may buy
    /// twice, which some callers prefer to buying nothing; docs/decisions.md 9). The client's
    /// `retry_purchase_after_send` is that opt-in, for every method of this class.
    NotAfterSentUnlessOptedIn,
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
    /// Its declaration in the model: route, retry class, arguments, answer.
    const SPEC: crate::model::Spec;
    /// Where it lives.
    const ROUTE: Route = Self::SPEC.route;
    /// Whether a repeat can do harm.
    const RETRY: Retry = Self::SPEC.retry;
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
    /// Every class.
    pub const ALL: &'static [Retry] = &[
        Retry::SafeToRepeat,
        Retry::NotAfterSent,
        Retry::NotAfterSentUnlessOptedIn,
    ];

    /// `safe to repeat`, `not after sent` or `not after sent unless opted in`.
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::SafeToRepeat => "safe to repeat",
            Retry::NotAfterSent => "not after sent",
            Retry::NotAfterSentUnlessOptedIn => "not after sent unless opted in",
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
        Retry::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "a retry class is 'safe to repeat', 'not after sent' or \
                     'not after sent unless opted in', not {s:?}"
                )
            })
    }
}
