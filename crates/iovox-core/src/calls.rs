//! getCallData: the calls the account's numbers received, one result per call. `GET
//! /Calls`, filters in the query string. The page was read as far as its parameter table
//! goes; the PHP client transcribes the rest (docs/decisions.md 38). Checked before
//! sending: only `page` and `limit`, whose messages the paging of every list states. The
//! dates, `req_fields` and `order` go as given: their messages are not documented here.

use crate::check::{Given, Report};
use crate::error::ValidationErrors;
use crate::list::{self, QueryView, Typed};
use crate::model::{
    Answer, Argument, ArgumentKind as K, Confidence, FieldKind as F, Known, RequestShape,
    ResultField, Spec,
};
use crate::vocab::{Retry, Route, Verb};
use crate::wire;
use std::collections::BTreeMap;

/// A call's fields, as the answer names them, with their `req_fields` abbreviations. The
/// category lists (`cat_id`, `call_cat_id`, …) are nested and not read yet.
const RESULT: [ResultField; 25] = [
    ResultField::new("id", "id", F::Text),
    ResultField::new("call_start", "cs", F::Text),
    ResultField::new("call_end", "ce", F::Text),
    ResultField::new("call_origin", "co", F::Text),
    ResultField::new("call_origin_encoded", "coe", F::Text),
    ResultField::new("call_origin_location", "col", F::Text),
    ResultField::new("voxnumber", "vn", F::Text),
    ResultField::new("call_destination", "cd", F::Text),
    ResultField::new("detail", "detail", F::Text),
    ResultField::new("call_time", "ct", F::Text),
    ResultField::new("call_time_sec", "cts", F::Integer),
    ResultField::new("talk_time", "tt", F::Text),
    ResultField::new("talk_time_sec", "tts", F::Integer),
    ResultField::new("call_type", "ctype", F::Text),
    ResultField::new("call_result", "call_res", F::Text),
    ResultField::new("rule_result", "rule_res", F::Text),
    ResultField::new("node_id", "nid", F::Text),
    ResultField::new("node_name", "nname", F::Text),
    ResultField::new("node_type", "ntype", F::Text),
    ResultField::new("link_id", "lid", F::Text),
    ResultField::new("link_name", "lname", F::Text),
    ResultField::new("link_type", "ltype", F::Text),
    ResultField::new("has_recording", "has_rec", F::Flag),
    ResultField::new("email_sent", "es", F::Flag),
    ResultField::new("direction", "direction", F::Text),
];

/// The `req_fields` (and `order`) abbreviations of getCallData's flat fields.
pub const CALL_FIELDS: &[&str] =
    &crate::model::abbreviations::<{ crate::model::abbreviated(&RESULT) }>(&RESULT);

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

const ARGUMENTS: [Argument; 21] = {
    let mut out = [Argument::optional("", K::Text); 21];
    let mut i = 0;
    while i < CALL_FILTERS.len() {
        out[i] = Argument::optional(CALL_FILTERS[i], K::Text);
        i += 1;
    }
    out[18] = Argument::optional("req_fields", K::List);
    out[19] = crate::model::PAGING[0];
    out[20] = crate::model::PAGING[1];
    out
};

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

/// One call. Fields not asked for in `req_fields` are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Call {
    /// The call's ID: the key of its recording.
    pub id: Option<String>,
    /// When it started, as IOVOX writes it (its format and time zone are not documented).
    pub call_start: Option<String>,
    /// When it ended.
    pub call_end: Option<String>,
    /// The caller's number, international digits.
    pub call_origin: Option<String>,
    /// The caller's number, masked.
    pub call_origin_encoded: Option<String>,
    /// Where the caller is.
    pub call_origin_location: Option<String>,
    /// The tracking number called.
    pub voxnumber: Option<String>,
    /// The number the call was put through to.
    pub call_destination: Option<String>,
    /// An IP address (two-way calls) or a conference room.
    pub detail: Option<String>,
    /// How long the call lasted, `HH:MM:SS`.
    pub call_time: Option<String>,
    /// How long the call lasted, in seconds.
    pub call_time_sec: Option<u32>,
    /// How long the parties talked, `HH:MM:SS`.
    pub talk_time: Option<String>,
    /// How long the parties talked, in seconds.
    pub talk_time_sec: Option<u32>,
    /// `DIRECT`, `API`, ….
    pub call_type: Option<String>,
    /// `ANSWERED`, ….
    pub call_result: Option<String>,
    /// What the call rule did.
    pub rule_result: Option<String>,
    /// The node of the number's link.
    pub node_id: Option<String>,
    /// Its name.
    pub node_name: Option<String>,
    /// Its type.
    pub node_type: Option<String>,
    /// The link of the number.
    pub link_id: Option<String>,
    /// Its name.
    pub link_name: Option<String>,
    /// Its type.
    pub link_type: Option<String>,
    /// Whether the call was recorded (getCallRecording gives it).
    pub has_recording: Option<bool>,
    /// Whether an alert e-mail was sent.
    pub email_sent: Option<bool>,
    /// `IN`, ….
    pub direction: Option<String>,
}

impl CallDataRequest {
    /// Every call this month, first page.
    pub fn new() -> Self {
        Self::default()
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
    let req_fields = list::text_filter(q.get("req_fields"))
        .map(|t| t.split(',').map(|f| f.trim().to_string()).collect())
        .unwrap_or_default();
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
        answer: Answer::List(&RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"sdt\": \"2026-01-01\", \"limit\": 100}",
    },
    assign: |r: &mut Call, field, text| {
        let owned = || Some(text.to_string());
        match field {
            "id" => r.id = owned(),
            "call_start" => r.call_start = owned(),
            "call_end" => r.call_end = owned(),
            "call_origin" => r.call_origin = owned(),
            "call_origin_encoded" => r.call_origin_encoded = owned(),
            "call_origin_location" => r.call_origin_location = owned(),
            "voxnumber" => r.voxnumber = owned(),
            "call_destination" => r.call_destination = owned(),
            "detail" => r.detail = owned(),
            "call_time" => r.call_time = owned(),
            "call_time_sec" => r.call_time_sec = Some(list::number(field, text)?),
            "talk_time" => r.talk_time = owned(),
            "talk_time_sec" => r.talk_time_sec = Some(list::number(field, text)?),
            "call_type" => r.call_type = owned(),
            "call_result" => r.call_result = owned(),
            "rule_result" => r.rule_result = owned(),
            "node_id" => r.node_id = owned(),
            "node_name" => r.node_name = owned(),
            "node_type" => r.node_type = owned(),
            "link_id" => r.link_id = owned(),
            "link_name" => r.link_name = owned(),
            "link_type" => r.link_type = owned(),
            "has_recording" => r.has_recording = Some(list::flag(field, text)?),
            "email_sent" => r.email_sent = Some(list::flag(field, text)?),
            "direction" => r.direction = owned(),
            _ => {}
        }
        Ok(())
    },
}

impl list::Record for Call {
    fn fields(&self) -> Vec<(&'static str, Option<list::Field<'_>>)> {
        use list::{text_field as t, Field};
        vec![
            ("id", t(&self.id)),
            ("call_start", t(&self.call_start)),
            ("call_end", t(&self.call_end)),
            ("call_origin", t(&self.call_origin)),
            ("call_origin_encoded", t(&self.call_origin_encoded)),
            ("call_origin_location", t(&self.call_origin_location)),
            ("voxnumber", t(&self.voxnumber)),
            ("call_destination", t(&self.call_destination)),
            ("detail", t(&self.detail)),
            ("call_time", t(&self.call_time)),
            ("call_time_sec", self.call_time_sec.map(Field::Number)),
            ("talk_time", t(&self.talk_time)),
            ("talk_time_sec", self.talk_time_sec.map(Field::Number)),
            ("call_type", t(&self.call_type)),
            ("call_result", t(&self.call_result)),
            ("rule_result", t(&self.rule_result)),
            ("node_id", t(&self.node_id)),
            ("node_name", t(&self.node_name)),
            ("node_type", t(&self.node_type)),
            ("link_id", t(&self.link_id)),
            ("link_name", t(&self.link_name)),
            ("link_type", t(&self.link_type)),
            ("has_recording", self.has_recording.map(Field::Flag)),
            ("email_sent", self.email_sent.map(Field::Flag)),
            ("direction", t(&self.direction)),
        ]
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
