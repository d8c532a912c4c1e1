//! getCallData: the calls the account's numbers received, one result per call. `GET
//! /Calls`, filters in the query string. The page was read as far as its parameter table
//! goes; the PHP client transcribes the rest (docs/decisions.md 38). Checked before
//! sending: only `page` and `limit`, whose messages the paging of every list states. The
//! dates, `req_fields` and `order` go as given: their messages are not documented here.

use crate::check::{Given, Report};
use crate::error::ValidationErrors;
use crate::list::{self, QueryView, Typed};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Retry, Route, Verb};
use crate::wire;
use std::collections::BTreeMap;

/// The text filters of getCallData, by their query names.
pub const CALL_FILTERS: [&str; 18] = [
    "sdt",
    "edt",
    "dconst",
    "id",
    "node_id",
    "node_type",
    "link_id",
    "link_type",
    "ctype",
    "call_res",
    "rule_res",
    "call_origin",
    "call_origin_encoded",
    "voxnumber",
    "call_dest",
    "direction",
    "detail",
    "order",
];

const ARGUMENTS: [Argument; 21] = query_arguments(&CALL_FILTERS, &["req_fields"]);

/// A Calls method's arguments: its text filters, then its lists, then `page` and `limit`
/// (`N` is their number). One builder for getCallData and getCallMetrics.
const fn query_arguments<const N: usize>(
    filters: &[&'static str],
    lists: &[&'static str],
) -> [Argument; N] {
    let mut out = [Argument::optional("", K::Text); N];
    let mut i = 0;
    while i < filters.len() {
        out[i] = Argument::optional(filters[i], K::Text);
        i += 1;
    }
    let mut j = 0;
    while j < lists.len() {
        out[i + j] = Argument::optional(lists[j], K::List);
        j += 1;
    }
    out[N - 2] = crate::model::PAGING[0];
    out[N - 1] = crate::model::PAGING[1];
    out
}

/// A comma-joined list as given (`req_fields`, `group_fields`), each part trimmed; empty
/// when none is given. Not checked: the Calls pages state no message for it.
fn comma_list(v: Given<'_>) -> Vec<String> {
    list::text_filter(v)
        .map(|t| t.split(',').map(|f| f.trim().to_string()).collect())
        .unwrap_or_default()
}

/// getCallData's arguments: every key its request may have (the bindings refuse any other).
pub const CALL_ARGUMENTS: &[&str] = &crate::model::names(&ARGUMENTS);

/// A getCallData request: filters by their query names ([`CALL_FILTERS`]).
///
/// ```
/// let request = iovox_core::CallDataRequest::new()
///     .since("2026-12-01").until("2026-12-06 23:59:59").voxnumber("442071234567");
/// assert_eq!(request.filters["sdt"], "2026-12-01");
/// assert!(request.validate().is_ok());
/// let bad = iovox_core::CallDataRequest::new().limit(0);
/// assert_eq!(bad.validate().unwrap_err().messages(), ["Limit must be between 1 and 20000"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct CallDataRequest {
    /// Each filter given, by its query name (`sdt`, `voxnumber`, `call_res`, …).
    pub filters: BTreeMap<String, String>,
    /// Only these fields of each result ([`CALL_FIELDS`]).
    pub req_fields: Vec<String>,
    /// The page (from 1; default 1).
    pub page: Option<u32>,
    /// Results per page (1 to 20,000; default 20,000).
    pub limit: Option<u32>,
}

list::record! {
    /// One call. Fields not asked for in `req_fields` are `None`.
    Call {
        /// The call's ID: the key of its recording.
        id: String = "id",
        /// When it started, as IOVOX writes it (its format and time zone are not documented).
        call_start: String = "cs",
        /// When it ended.
        call_end: String = "ce",
        /// The caller's number, international digits.
        call_origin: String = "co",
        /// The caller's number, masked.
        call_origin_encoded: String = "coe",
        /// Where the caller is.
        call_origin_location: String = "col",
        /// The tracking number called.
        voxnumber: String = "vn",
        /// The number the call was put through to.
        call_destination: String = "cd",
        /// An IP address (two-way calls) or a conference room.
        detail: String = "detail",
        /// How long the call lasted, `HH:MM:SS`.
        call_time: String = "ct",
        /// How long the call lasted, in seconds.
        call_time_sec: u32 = "cts",
        /// How long the parties talked, `HH:MM:SS`.
        talk_time: String = "tt",
        /// How long the parties talked, in seconds.
        talk_time_sec: u32 = "tts",
        /// `DIRECT`, `API`, ….
        call_type: String = "ctype",
        /// `ANSWERED`, ….
        call_result: String = "call_res",
        /// What the call rule did.
        rule_result: String = "rule_res",
        /// The node of the number's link.
        node_id: String = "nid",
        /// Its name.
        node_name: String = "nname",
        /// Its type.
        node_type: String = "ntype",
        /// The link of the number.
        link_id: String = "lid",
        /// Its name.
        link_name: String = "lname",
        /// Its type.
        link_type: String = "ltype",
        /// Whether the call was recorded (getCallRecording gives it).
        has_recording: bool = "has_rec",
        /// Whether an alert e-mail was sent.
        email_sent: bool = "es",
        /// `IN`, ….
        direction: String = "direction",
    }
    /// The `req_fields` (and `order`) abbreviations of getCallData's flat fields.
    abbreviations: CALL_FIELDS,
}

impl CallDataRequest {
    /// Every call this month, first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// This page (from 1).
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// This many results per page.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// A filter by its query name ([`CALL_FILTERS`]).
    pub fn filter(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.filters.insert(name.into(), value.into());
        self
    }

    /// Calls since this moment (`sdt`: `YYYY-MM-DD[ HH:MM:SS]`).
    pub fn since(self, when: impl Into<String>) -> Self {
        self.filter("sdt", when)
    }

    /// Calls before this moment (`edt`).
    pub fn until(self, when: impl Into<String>) -> Self {
        self.filter("edt", when)
    }

    /// Calls to this tracking number.
    pub fn voxnumber(self, number: impl Into<String>) -> Self {
        self.filter("voxnumber", number)
    }

    /// Every check that needs only the request, with the pages' messages.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        check(&Typed::new(self, &self.req_fields)).map(drop)
    }
}

impl QueryView for Typed<'_, CallDataRequest> {
    fn get(&self, key: &str) -> Given<'_> {
        match key {
            "req_fields" => self.list(),
            "page" => Given::int(self.r.page),
            "limit" => Given::int(self.r.limit),
            _ => (self.r.filters.get(key)).map_or(Given::Missing, |v| Given::Text(v)),
        }
    }
}

fn check(q: &impl QueryView) -> Result<CallDataRequest, ValidationErrors> {
    let mut r = Report::default();
    let texts_ok = list::check_texts(q, CALL_ARGUMENTS, &mut r);
    let page = list::rule_page(q.get("page"), &mut r);
    let limit = list::rule_limit(q.get("limit"), &mut r);
    let filters = (CALL_FILTERS.iter())
        .filter_map(|k| list::text_filter(q.get(k)).map(|v| (k.to_string(), v)))
        .collect();
    let req_fields = comma_list(q.get("req_fields"));
    let accepted = (|| {
        Some(CallDataRequest {
            filters,
            req_fields,
            page: page?,
            limit: limit?,
        })
    })();
    list::finish(r, accepted.filter(|_| texts_ok))
}

impl wire::Query {
    /// A getCallData request from its arguments as given, with the messages.
    pub fn validate_call_data(&self) -> Result<CallDataRequest, ValidationErrors> {
        check(self)
    }
}

list::list_method! {
    /// `getCallData`: reads only, safe to repeat.
    GetCallData: CallDataRequest => Call,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Calls",
            name: "getCallData",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Analytics",
        request: RequestShape::Query,
        arguments: &ARGUMENTS,
        answer: Answer::List(&Call::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"sdt\": \"2026-01-01\", \"limit\": 100}",
    },
}

/// The text filters of getCallMetrics, by their query names (no `order`, `dconst`, `id`
/// or `direction` here).
pub const METRIC_FILTERS: [&str; 14] = [
    "sdt",
    "edt",
    "node_id",
    "node_type",
    "link_id",
    "link_type",
    "call_res",
    "rule_res",
    "call_origin",
    "call_origin_encryption",
    "call_dest",
    "ctype",
    "detail",
    "voxnumber",
];

const METRIC_ARGUMENTS: [Argument; 18] =
    query_arguments(&METRIC_FILTERS, &["req_fields", "group_fields"]);

/// getCallMetrics' arguments: every key its request may have.
pub const METRIC_ARGUMENTS_NAMES: &[&str] = &crate::model::names(&METRIC_ARGUMENTS);

/// A getCallMetrics request: filters by their query names ([`METRIC_FILTERS`]), the figures
/// (`req_fields`) and up to two groups (`group_fields`).
///
/// ```
/// let mut request = iovox_core::CallMetricsRequest::new().filter("sdt", "2026-12-01");
/// request.req_fields = vec!["tc".into(), "tuc".into()];
/// request.group_fields = vec!["vn".into()];
/// assert!(request.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct CallMetricsRequest {
    /// Each filter given, by its query name.
    pub filters: BTreeMap<String, String>,
    /// The figures ([`METRIC_FIELDS`]).
    pub req_fields: Vec<String>,
    /// Up to two groups: one result per group.
    pub group_fields: Vec<String>,
    /// The page (from 1; default 1).
    pub page: Option<u32>,
    /// Results per page (1 to 20,000).
    pub limit: Option<u32>,
}

list::record! {
    /// One row of getCallMetrics: the figures of one group (or of every call, ungrouped).
    CallMetrics {
        /// Calls.
        total_calls: u32 = "tc",
        /// Calls per day, on average (text: "12.5").
        ave_calls_per_day: String = "acpd",
        /// Call time, `HH:MM:SS`.
        total_call_time: String = "tct",
        /// Call time, in seconds.
        total_call_time_sec: String = "tcts",
        /// Average call time, `HH:MM:SS`.
        ave_call_time: String = "act",
        /// Average call time, in seconds.
        ave_call_time_sec: String = "acts",
        /// Talk time, `HH:MM:SS`.
        total_talk_time: String = "ttt",
        /// Talk time, in seconds.
        total_talk_time_sec: u32 = "ttts",
        /// Average talk time, `HH:MM:SS`.
        ave_talk_time: String = "att",
        /// Average talk time, in seconds.
        ave_talk_time_sec: String = "atts",
        /// Callers, each once.
        total_unique_callers: u32 = "tuc",
        /// Nodes called, each once.
        total_unique_nodes: u32 = "tun",
        /// Links called, each once.
        total_unique_links: u32 = "tul",
        /// Group: the day.
        call_date: String = "cdate",
        /// Group: the weekday.
        call_weekday: String = "cweekd",
        /// Group: the month.
        call_month: String = "cmonth",
        /// Group: the caller.
        call_origin: String = "co",
        /// Group: the masked caller.
        call_origin_encoded: String = "coe",
        /// Group: the number called.
        voxnumber: String = "vn",
        /// Group: where calls were put through.
        call_destination: String = "cd",
        /// Group: the detail.
        detail: String = "detail",
        /// Group: the result.
        call_result: String = "call_res",
        /// Group: the node.
        node_id: String = "nid",
        /// Group: the node's type.
        node_type: String = "ntype",
        /// Group: the link.
        link_id: String = "lid",
        /// Group: the link's name.
        link_name: String = "lname",
        /// Group: the link's type.
        link_type: String = "ltype",
    }
    /// The `req_fields` and `group_fields` abbreviations of getCallMetrics.
    abbreviations: METRIC_FIELDS,
}

impl CallMetricsRequest {
    /// Every call this month, all figures.
    pub fn new() -> Self {
        Self::default()
    }

    /// A filter by its query name ([`METRIC_FILTERS`]).
    pub fn filter(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.filters.insert(name.into(), value.into());
        self
    }

    /// The request as its query's arguments.
    pub fn to_query(&self) -> wire::Query {
        let mut pairs: Vec<(String, String)> = self.filters.clone().into_iter().collect();
        for (key, list) in [
            ("req_fields", &self.req_fields),
            ("group_fields", &self.group_fields),
        ] {
            if !list.is_empty() {
                pairs.push((key.into(), list.join(",")));
            }
        }
        pairs.extend(self.page.map(|p| ("page".to_string(), p.to_string())));
        pairs.extend(self.limit.map(|l| ("limit".to_string(), l.to_string())));
        wire::Query::from_pairs(pairs)
    }

    /// Every check that needs only the request, with the pages' messages.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        check_metrics(&self.to_query()).map(drop)
    }
}

/// Only `page` and `limit` are checked: the page states no message for the rest (as
/// getCallData's). The query keeps the declared arguments' order.
fn check_metrics(q: &wire::Query) -> Result<Vec<(&'static str, String)>, ValidationErrors> {
    let mut r = Report::default();
    let texts_ok = list::check_texts(q, METRIC_ARGUMENTS_NAMES, &mut r);
    let page = list::rule_page(q.get("page"), &mut r);
    let limit = list::rule_limit(q.get("limit"), &mut r);
    let query = (page.is_some() && limit.is_some()).then(|| list::query_of(q, &METRIC_ARGUMENTS));
    r.finish(query.filter(|_| texts_ok))
}

/// `getCallMetrics`: aggregated figures of the calls, one row per group. Reads only, safe
/// to repeat.
#[derive(Debug, Clone, Copy)]
pub struct GetCallMetrics;

impl crate::vocab::Method for GetCallMetrics {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Calls",
            name: "getCallMetrics",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Analytics",
        request: RequestShape::Query,
        arguments: &METRIC_ARGUMENTS,
        answer: Answer::List(&CallMetrics::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"sdt\": \"2026-01-01\", \"req_fields\": [\"tc\", \"tuc\"], \"group_fields\": [\"vn\"]}",
    };
    type Request = CallMetricsRequest;
    type Wire = wire::Query;
    type Output = list::Page<CallMetrics>;

    fn prepare(request: &CallMetricsRequest) -> Result<crate::vocab::Prepared, ValidationErrors> {
        Self::prepare_wire(&request.to_query())
    }

    fn prepare_wire(q: &wire::Query) -> Result<crate::vocab::Prepared, ValidationErrors> {
        Ok(list::prepared(check_metrics(q)?))
    }

    fn decode(body: &[u8]) -> Result<Self::Output, crate::DecodeError> {
        list::read_page(body, &CallMetrics::RESULT, CallMetrics::assign)
    }
}

impl wire::Query {
    /// A getCallMetrics request from its arguments as given, with the messages.
    pub fn validate_call_metrics(&self) -> Result<CallMetricsRequest, ValidationErrors> {
        check_metrics(self)?;
        let text = |k: &str| list::text_filter(self.get(k));
        Ok(CallMetricsRequest {
            filters: (METRIC_FILTERS.iter())
                .filter_map(|k| text(k).map(|v| (k.to_string(), v)))
                .collect(),
            req_fields: comma_list(self.get("req_fields")),
            group_fields: comma_list(self.get("group_fields")),
            page: text("page").and_then(|p| p.parse().ok()),
            limit: text("limit").and_then(|l| l.parse().ok()),
        })
    }
}

/// A method that answers a call's audio by its `id` (getCallRecording,
/// getVoicemailRecording): MP3 bytes as IOVOX sends them, never text. A read, safe to
/// repeat. The ID goes as given (the pages state no message for a missing one); an empty
/// answer is a decode error, never an empty file.
macro_rules! audio_by_id {
    ($(#[$doc:meta])* $name:ident, $method:literal, $confidence:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl crate::vocab::Method for $name {
            const SPEC: Spec = Spec {
                route: Route {
                    interface: "Calls",
                    name: $method,
                    verb: Verb::Get,
                },
                retry: Retry::SafeToRepeat,
                area: "Analytics",
                request: RequestShape::Query,
                arguments: &[Argument::required("id", K::Text)],
                answer: Answer::Binary,
                paged: Known::Yes(false),
                success: Some(200),
                confidence: $confidence,
                typed: true,
                example: "{\"id\": \"CALL-000001\"}",
            };
            /// The call's ID, from getCallData.
            type Request = String;
            type Wire = wire::Query;
            type Output = Vec<u8>;

            fn prepare(id: &String) -> Result<crate::vocab::Prepared, ValidationErrors> {
                Self::prepare_wire(&wire::Query::from_pairs([("id", id.as_str())]))
            }

            fn prepare_wire(q: &wire::Query) -> Result<crate::vocab::Prepared, ValidationErrors> {
                let mut r = Report::default();
                let ok = list::check_texts(q, &["id"], &mut r);
                r.finish(ok.then_some(()))?;
                let id = list::text_filter(q.get("id")).unwrap_or_default();
                Ok(list::prepared(vec![("id", id)]))
            }

            fn decode(body: &[u8]) -> Result<Vec<u8>, crate::DecodeError> {
                if body.is_empty() {
                    return Err(crate::DecodeError::new("the recording is empty"));
                }
                Ok(body.to_vec())
            }
        }
    };
}

audio_by_id!(
    /// `getCallRecording`: the audio of a recorded call (`has_recording` in getCallData).
    ///
    /// ```
    /// use iovox_core::method::{GetCallRecording, Method};
    /// let prepared = GetCallRecording::prepare(&"CALL-000001".to_string()).unwrap();
    /// assert_eq!(prepared.query, [("id", "CALL-000001".to_string())]);
    /// assert_eq!(GetCallRecording::decode(b"ID3").unwrap(), b"ID3");
    /// assert!(GetCallRecording::decode(b"").is_err());
    /// ```
    GetCallRecording,
    "getCallRecording",
    Confidence::PageAndClients
);

audio_by_id!(
    /// `getVoicemailRecording`: the voicemail a caller left (the call's ID, inferred; how
    /// to tell a call has one is not documented).
    GetVoicemailRecording,
    "getVoicemailRecording",
    Confidence::Page
);

list::paged!(CallDataRequest, CallMetricsRequest);
