//! Blocked numbers: callers (or destinations) refused or let through, each known by its
//! number, direction and operator, with rules per link and time template. Made by
//! createBlockedNumbers, changed by updateBlockedNumbers, listed by getBlockedNumbers,
//! removed by deleteBlockedNumbers.
//!
//! What the pages state and how sure we are of each fact: `docs/decisions.md` 50.

use crate::check::{owned_text, Given, Report};
use crate::error::{DecodeError, ErrorCode as C, Position, ValidationErrors};
use crate::list::{self, word_enum, Typed};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::tree::{read_tree, Element, Shape as S};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use serde_json::Value;

/// A rule of a blocked number: on these links, during this time template, block or allow
/// (page example).
const RULE: &[Element] = &[
    Element::optional("link_ids", S::Texts(&["link_id"])),
    Element::optional("time_template", S::Text),
    Element::optional("blocking_type", S::Text),
];

/// A `<blocked_number>` of createBlockedNumbers (page example; PHP payload).
pub const BLOCKED_NUMBER: &[Element] = &[
    Element::required("number", S::Text),
    Element::required("in_or_out", S::Text),
    Element::required("operator", S::Text),
    Element::required("default", S::Text),
    Element::optional("notes", S::Text),
    Element::optional("rules", S::List("rule", RULE)),
];

/// A `<blocked_number>` of updateBlockedNumbers (PHP payload): the number by its
/// combination, what changes, and `if_exists` (`OVERWRITE`).
pub const BLOCKED_NUMBER_UPDATE: &[Element] = &[
    Element::required("number", S::Text),
    Element::required("in_or_out", S::Text),
    Element::required("operator", S::Text),
    Element::optional("new_number", S::Text),
    Element::optional("new_in_or_out", S::Text),
    Element::optional("new_operator", S::Text),
    Element::optional("default", S::Text),
    Element::optional("if_exists", S::Text),
    Element::optional("notes", S::Text),
    Element::optional("rules", S::List("rule", RULE)),
];

/// The arguments of createBlockedNumbers, for shape checks: a list of blocked numbers.
pub const BLOCKED_NUMBERS: &[Element] = &[Element::required(
    "blocked_numbers",
    S::List("blocked_number", BLOCKED_NUMBER),
)];

/// The arguments of updateBlockedNumbers, for shape checks.
pub const BLOCKED_NUMBER_UPDATES: &[Element] = &[Element::required(
    "blocked_numbers",
    S::List("blocked_number", BLOCKED_NUMBER_UPDATE),
)];

crate::tree::items_method!(
    /// `createBlockedNumbers`: numbers blocked (or allowed) in or out, by `EQUALS` or
    /// `STARTSWITH`, with rules per link and time template. Not repeated once it may have
    /// been sent.
    ///
    /// ```
    /// use iovox_core::method::{CreateBlockedNumbers, Method};
    /// let request = serde_json::json!({"blocked_numbers": [{"number": "33", "in_or_out": "OUT",
    ///     "operator": "STARTSWITH", "default": "BLOCK",
    ///     "rules": [{"link_ids": ["32", "33"], "time_template": "Christmas", "blocking_type": "ALLOW"}]}]});
    /// let body = CreateBlockedNumbers::prepare(&request).unwrap().body;
    /// assert!(body.ends_with("<request><blocked_number><number>33</number><in_or_out>OUT</in_or_out>\
    /// <operator>STARTSWITH</operator><default>BLOCK</default><rules><rule><link_ids><link_id>32</link_id>\
    /// <link_id>33</link_id></link_ids><time_template>Christmas</time_template><blocking_type>ALLOW</blocking_type>\
    /// </rule></rules></blocked_number></request>"));
    /// let none = serde_json::json!({"blocked_numbers": []});
    /// assert_eq!(CreateBlockedNumbers::prepare(&none).unwrap_err().messages(), ["Request Empty"]);
    /// ```
    CreateBlockedNumbers, "Rules", "Calling", "createBlockedNumbers", Post, 201, "blocked_numbers", "blocked_number", BLOCKED_NUMBER,
    "{\"blocked_numbers\": [{\"number\": \"447429651520\", \"in_or_out\": \"IN\", \"operator\": \"EQUALS\", \"default\": \"BLOCK\"}]}"
);

crate::tree::items_method!(
    /// `updateBlockedNumbers`: blocked numbers, each found by its number, direction and
    /// operator: a new combination, default, notes or rules. Not repeated once it may
    /// have been sent.
    UpdateBlockedNumbers, "Rules", "Calling", "updateBlockedNumbers", Put, 204, "blocked_numbers", "blocked_number", BLOCKED_NUMBER_UPDATE,
    "{\"blocked_numbers\": [{\"number\": \"447429651520\", \"in_or_out\": \"IN\", \"operator\": \"EQUALS\", \"default\": \"ALLOW\"}]}"
);

/// `deleteBlockedNumbers`: blocked numbers, each `number;in_or_out;operator`. Not
/// repeated once it may have been sent (a repeat answers "Blocked Number x of y does not
/// exist"). Checked before sending: "Blocked Numbers Empty" (page), and an entry holding
/// a comma (ours, as for every comma-joined list).
///
/// ```
/// use iovox_core::method::{DeleteBlockedNumbers, Method};
/// let ids = iovox_core::IdsRequest::new(["44207;IN;STARTSWITH", "44208;OUT;EQUALS"]);
/// assert_eq!(DeleteBlockedNumbers::prepare(&ids).unwrap().query,
///     [("blocked_numbers", "44207;IN;STARTSWITH,44208;OUT;EQUALS".to_string())]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DeleteBlockedNumbers;

impl Method for DeleteBlockedNumbers {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Rules",
            name: "deleteBlockedNumbers",
            verb: Verb::Delete,
        },
        retry: Retry::NotAfterSent,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &[Argument::required("blocked_numbers", K::List)],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"blocked_numbers\": [\"447429651520;IN;EQUALS\"]}",
    };
    type Request = crate::setup::IdsRequest;
    type Wire = wire::DetachRequest;
    type Output = ();

    fn prepare(request: &crate::setup::IdsRequest) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(request: &wire::DetachRequest) -> Result<Prepared, ValidationErrors> {
        let mut r = Report::default();
        let total = request.link_ids.len();
        if total == 0 {
            let m = "Blocked Numbers Empty";
            r.push(C::IdsEmpty, None, Some("blocked_numbers"), m.into());
        }
        let mut out = Vec::with_capacity(total);
        for (n, e) in request.link_ids.iter().enumerate() {
            let p = Position {
                index: n + 1,
                total,
            };
            let v: Given<'_> = (&e.0).into();
            if !crate::check::xml_text(&mut r, p, "blocked_numbers", v) {
                continue;
            }
            let t = owned_text(v).unwrap_or_default();
            if t.contains(',') {
                let m = format!(
                    "Blocked Number {p} holds a comma, which IOVOX's comma-joined list cannot carry"
                );
                r.push(C::IdHasComma, Some(p), Some("blocked_numbers"), m);
            }
            out.push(t);
        }
        r.finish(Some(()))?;
        Ok(list::prepared(vec![("blocked_numbers", out.join(","))]))
    }

    /// Success is "204 No Content".
    fn decode(_: &[u8]) -> Result<(), DecodeError> {
        Ok(())
    }
}

word_enum! {
    /// Which calls a blocked number is about.
    InOrOut {
        /// Calls from the number.
        In => "IN",
        /// Calls to it.
        Out => "OUT",
    }
}

word_enum! {
    /// How a blocked number matches.
    BlockOperator {
        /// The whole number.
        Equals => "EQUALS",
        /// Numbers starting with it (a country code: `33`).
        StartsWith => "STARTSWITH",
    }
}

list::request! {
    /// A getBlockedNumbers request: every blocked number, or those matching.
    ///
    /// ```
    /// use iovox_core::{BlockedNumbersRequest, InOrOut};
    /// assert!(BlockedNumbersRequest::new().in_or_out(InOrOut::In).order("no_DESC").validate().is_ok());
    /// let bad = BlockedNumbersRequest::new().req_fields(["no", "x"]).order("no_UP");
    /// assert_eq!(bad.validate().unwrap_err().messages(),
    ///     ["Required Fields Invalid: x", "Order Direction Invalid"]);
    /// ```
    BlockedNumbersRequest {
        /// The page (from 1; default 1; the PHP client's, with its messages).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000; the PHP client's, with its messages).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
        /// Only these fields of each result ([`BLOCKED_NUMBER_FIELDS`]).
        req_fields: Vec<String> = list::Fields(BLOCKED_NUMBER_FIELDS),
        /// Sort: an abbreviation of [`BLOCKED_NUMBER_FIELDS`] with `_ASC` or `_DESC` (IOVOX's
        /// default `no_ASC`).
        order: Option<String> = list::Order(BLOCKED_NUMBER_FIELDS),
        /// Only the blocked numbers with this number.
        number: Option<String> = list::Text,
        /// Only those matching so.
        operator: Option<BlockOperator> = list::Word("Operator"),
        /// Only those about calls in, or out.
        in_or_out: Option<InOrOut> = list::Word("In Or Out"),
    }
    /// getBlockedNumbers' arguments: every key its request may have.
    arguments: BLOCKED_NUMBER_ARGUMENTS,
    /// A getBlockedNumbers request from its arguments as given, with the messages.
    wire: validate_blocked_numbers,
}

/// getBlockedNumbers' `req_fields` (page): number, operator, in or out, notes, rules.
pub const BLOCKED_NUMBER_FIELDS: &[&str] = &["no", "op", "ioo", "nn", "rules"];

/// A blocked number as getBlockedNumbers answers it (page example).
pub const BLOCKED_NUMBER_RESULT: &[Element] = &[
    Element::optional("number", S::Text),
    Element::optional("in_or_out", S::Text),
    Element::optional("operator", S::Text),
    Element::optional("default", S::Text),
    Element::optional("notes", S::Text),
    Element::optional("rules", S::List("rule", RULE)),
];

/// getBlockedNumbers' answer: a page, each result a blocked number with its rules.
pub const BLOCKED_NUMBER_PAGE: &[Element] = &[
    Element::optional("current_page", S::Integer),
    Element::optional("total_pages", S::Integer),
    Element::optional("total_results", S::Integer),
    Element::optional("results", S::List("result", BLOCKED_NUMBER_RESULT)),
];

/// `getBlockedNumbers`: reads only, safe to repeat. Its results nest (each blocked
/// number's rules), so it answers a mapping (`current_page`, `total_pages`,
/// `total_results`, `results`) rather than a page of flat records.
#[derive(Debug, Clone, Copy)]
pub struct GetBlockedNumbers;

impl Method for GetBlockedNumbers {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Rules",
            name: "getBlockedNumbers",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &BlockedNumbersRequest::ARGUMENTS,
        answer: Answer::Tree(BLOCKED_NUMBER_PAGE),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"in_or_out\": \"IN\", \"req_fields\": [\"no\", \"op\", \"rules\"]}",
    };
    type Request = BlockedNumbersRequest;
    type Wire = wire::Query;
    type Output = Value;

    fn prepare(request: &BlockedNumbersRequest) -> Result<Prepared, ValidationErrors> {
        let checked = check(&Typed::new(request, &request.req_fields))?;
        Ok(query(&checked))
    }

    fn prepare_wire(request: &wire::Query) -> Result<Prepared, ValidationErrors> {
        Ok(query(&check(request)?))
    }

    /// The page as a mapping; an empty answer is no result.
    fn decode(body: &[u8]) -> Result<Value, DecodeError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(serde_json::json!({ "results": [] }));
        }
        read_tree(body, &[], BLOCKED_NUMBER_PAGE)
    }
}

fn query(checked: &BlockedNumbersRequest) -> Prepared {
    let view = Typed::new(checked, &checked.req_fields);
    list::prepared(list::query_of(&view, GetBlockedNumbers::SPEC.arguments))
}
