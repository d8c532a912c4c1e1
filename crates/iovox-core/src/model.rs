//! The model of the API, as data: one [`Spec`] per IOVOX method, saying where it lives,
//! whether a repeat can do harm, what it takes, what it answers and how sure we are of each.
//! Typed methods carry theirs as [`Method::SPEC`](crate::vocab::Method::SPEC), beside the
//! rules a declaration cannot say; the registry ([`crate::method::CATALOGUE`]) holds every
//! method IOVOX or its public clients name. The client's retry decision, the sandbox's
//! router, the list decoders, the command line's `iovox methods` and the method table in
//! `docs/methods.md` (written by `scripts/generate`) all read this, so none of them keeps
//! a list of its own.
//!
//! ```
//! use iovox_core::method::{GetVoxnumberRegions, Method};
//! use iovox_core::model::{Answer, Confidence};
//! let spec = GetVoxnumberRegions::SPEC;
//! assert_eq!(spec.confidence, Confidence::PageAndClients);
//! let Answer::List(fields) = spec.answer else { panic!() };
//! assert_eq!(fields[0].element, "country_code");
//! assert_eq!(fields[0].abbreviation, Some("cc"));
//! ```

use crate::vocab::{Retry, Route, Verb};
use std::fmt;

/// One IOVOX method, declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Where it lives.
    pub route: Route,
    /// Whether a repeat can do harm.
    pub retry: Retry,
    /// The part of IOVOX it belongs to (`Numbering`, `AccountSetup`, …: the PHP bundle's
    /// folders).
    pub area: &'static str,
    /// How its request travels.
    pub request: RequestShape,
    /// Its query arguments, where known (body methods: the body's top-level elements).
    pub arguments: &'static [Argument],
    /// What a success answers.
    pub answer: Answer,
    /// Whether it takes `page` and `limit` and answers one page of a list.
    pub paged: Known<bool>,
    /// The HTTP status of a success, where known.
    pub success: Option<u16>,
    /// How sure we are of its shape.
    pub confidence: Confidence,
    /// Whether the SDK types it (a [`Method`](crate::vocab::Method) exists); otherwise the
    /// raw call reaches it.
    pub typed: bool,
    /// A request that passes every check, as JSON in IOVOX's names (the wire form a
    /// binding hands over): the docs' example, and what the tests that walk the model send
    /// to the sandbox. Empty for an untyped method.
    pub example: &'static str,
}

impl Spec {
    /// A method known from the catalogue alone, reached by the raw call: its route, what
    /// the catalogue says of its request, paging and success, and the retry class of its
    /// verb (a read is safe to repeat; anything else is not repeated once it may have
    /// been sent: docs/decisions.md 32).
    #[allow(clippy::too_many_arguments)]
    pub(crate) const fn untyped(
        area: &'static str,
        interface: &'static str,
        name: &'static str,
        verb: Verb,
        paged: Known<bool>,
        request: RequestShape,
        success: Option<u16>,
        confidence: Confidence,
    ) -> Spec {
        let retry = match verb {
            Verb::Get => Retry::SafeToRepeat,
            _ => Retry::NotAfterSent,
        };
        let answer = match (paged, success) {
            (Known::Yes(true), _) => Answer::List(&[]),
            (_, Some(204)) => Answer::Nothing,
            _ => Answer::Unknown,
        };
        Spec {
            route: Route {
                interface,
                name,
                verb,
            },
            retry,
            area,
            request,
            arguments: &[],
            answer,
            paged,
            success,
            confidence,
            typed: false,
            example: "",
        }
    }

    /// IOVOX's page for the method.
    ///
    /// ```
    /// use iovox_core::method::{Method, PurchaseVoxNumbers};
    /// assert_eq!(PurchaseVoxNumbers::SPEC.page_url(), "https://www.iovox.com/api/rest/purchaseVoxNumbers.html");
    /// ```
    pub fn page_url(&self) -> String {
        format!("https://www.iovox.com/api/rest/{}.html", self.route.name)
    }
}

/// A fact that may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known<T> {
    /// Known, with its value.
    Yes(T),
    /// Neither IOVOX's page nor a client says.
    Unknown,
}

/// How a request travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestShape {
    /// Everything in the query string, no body.
    Query,
    /// An XML body `<request>…</request>`.
    Body,
    /// Not known (a method known by name only).
    Unknown,
}

impl RequestShape {
    /// `query`, `body` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestShape::Query => "query",
            RequestShape::Body => "body",
            RequestShape::Unknown => "unknown",
        }
    }
}

/// What a success answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// No body (204).
    Nothing,
    /// An order (`<response>` of a purchase).
    Order,
    /// One page of records, with each field the model knows (empty: fields not declared).
    List(&'static [ResultField]),
    /// Raw bytes (audio).
    Binary,
    /// A mapping read by its declared tree (`crate::tree`): getNodeDetails' node.
    Tree(&'static [crate::tree::Element]),
    /// A call flow (`crate::flows`): its name, notes and rules, each rule a mapping of its
    /// element, attributes and children.
    Flow,
    /// Not known.
    Unknown,
}

impl Answer {
    /// `nothing`, `order`, `list`, `binary`, `tree`, `flow` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Nothing => "nothing",
            Answer::Order => "order",
            Answer::List(_) => "list",
            Answer::Binary => "binary",
            Answer::Tree(_) => "tree",
            Answer::Flow => "flow",
            Answer::Unknown => "unknown",
        }
    }
}

/// One field of a list's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultField {
    /// Its element in `<result>`.
    pub element: &'static str,
    /// Its `req_fields` (and `order`) abbreviation, when it has one.
    pub abbreviation: Option<&'static str>,
    /// How its text reads.
    pub kind: FieldKind,
}

/// How a field's text reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Text as IOVOX writes it (names, IDs, numbers kept as digits).
    Text,
    /// A whole number.
    Integer,
    /// `1`/`0` (also `TRUE`/`FALSE`, `YES`/`NO`).
    Flag,
    /// One of these words.
    Word(&'static [&'static str]),
    /// A date and time, `YYYY-MM-DD HH:MM:SS`.
    DateTime,
}

/// One argument of a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argument {
    /// Its name, as the query string (or the body) carries it.
    pub name: &'static str,
    /// What it holds.
    pub kind: ArgumentKind,
    /// Whether the request is refused without it.
    pub required: bool,
}

impl Argument {
    /// An optional argument.
    pub(crate) const fn optional(name: &'static str, kind: ArgumentKind) -> Self {
        Argument {
            name,
            kind,
            required: false,
        }
    }

    /// A required argument.
    pub(crate) const fn required(name: &'static str, kind: ArgumentKind) -> Self {
        Argument {
            name,
            kind,
            required: true,
        }
    }
}

/// What an argument holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgumentKind {
    /// Free text.
    Text,
    /// A whole number within these bounds.
    Integer {
        /// The smallest accepted.
        min: u64,
        /// The largest accepted.
        max: u64,
    },
    /// One of these words, exactly.
    Words(&'static [&'static str]),
    /// `TRUE` or `FALSE`.
    Flag,
    /// A list, joined with commas.
    List,
    /// A list's field abbreviations, joined with commas (`req_fields`).
    Fields,
    /// An abbreviation with `_ASC` or `_DESC` (`order`).
    Order,
    /// Digits of a full number.
    Digits,
}

impl ArgumentKind {
    /// How `iovox methods` and the docs name it.
    pub fn describe(&self) -> String {
        match self {
            ArgumentKind::Text => "text".into(),
            ArgumentKind::Integer { min, max } => format!("integer {min}..{max}"),
            ArgumentKind::Words(w) => w.join(" | "),
            ArgumentKind::Flag => "TRUE | FALSE".into(),
            ArgumentKind::List => "list".into(),
            ArgumentKind::Fields => "field abbreviations".into(),
            ArgumentKind::Order => "abbreviation_ASC | _DESC".into(),
            ArgumentKind::Digits => "digits".into(),
        }
    }
}

/// How sure we are of a method's shape (the catalogue's column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// IOVOX's page states it.
    Page,
    /// IOVOX's page, and both public clients agree.
    PageAndClients,
    /// One public client alone; no page found.
    OneClient,
}

impl Confidence {
    /// `page`, `page, clients` or `one client`.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Page => "page",
            Confidence::PageAndClients => "page, clients",
            Confidence::OneClient => "one client",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FieldKind {
    /// `text`, `integer`, `flag`, `word` or `date-time`.
    pub fn as_str(&self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Integer => "integer",
            FieldKind::Flag => "flag",
            FieldKind::Word(_) => "word",
            FieldKind::DateTime => "date-time",
        }
    }
}

/// The `page` and `limit` of every list: a page from 1, a limit from 1 to 20,000 (the
/// bounds of [`crate::LIMIT_RANGE`]).
pub(crate) const PAGING: [Argument; 2] = [
    Argument::optional(
        "page",
        ArgumentKind::Integer {
            min: 1,
            max: u32::MAX as u64,
        },
    ),
    Argument::optional(
        "limit",
        ArgumentKind::Integer {
            min: *crate::list::LIMIT_RANGE.start() as u64,
            max: *crate::list::LIMIT_RANGE.end() as u64,
        },
    ),
];

/// The names of these arguments, in order: a method's list of known keys, for the bindings'
/// unknown-key check and the checks of the text of every value.
pub(crate) const fn names<const N: usize>(arguments: &[Argument; N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = arguments[i].name;
        i += 1;
    }
    out
}

/// How many of these fields have an abbreviation.
pub(crate) const fn abbreviated(fields: &[ResultField]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < fields.len() {
        if fields[i].abbreviation.is_some() {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The abbreviations of these fields, in order (`N` from [`abbreviated`]): what
/// `req_fields` and `order` may name.
pub(crate) const fn abbreviations<const N: usize>(fields: &[ResultField]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut i, mut n) = (0, 0);
    while i < fields.len() {
        if let Some(a) = fields[i].abbreviation {
            out[n] = a;
            n += 1;
        }
        i += 1;
    }
    out
}
