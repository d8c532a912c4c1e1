//! Time templates: named sets of time frames (dates, days, hours, a recurrence) that rules
//! and blocked numbers refer to ("Christmas", "Working hours"). Made by
//! createTimeTemplates, changed by updateTimeTemplates, listed by getTimeTemplates, removed
//! by deleteTimeTemplates.
//!
//! What the pages state and how sure we are of each fact: `docs/decisions.md` 51.

use crate::check::{owned_text, Given, Report};
use crate::error::{DecodeError, ErrorCode as C, Position, ValidationErrors};
use crate::list::{self, Typed};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::tree::{read_tree, Element, Shape as S};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use serde_json::Value;

/// A `<time_frame>` (page): dates (empty: from now, forever), `recurrence` (`YEARLY`,
/// `MONTHLY`, `NONE`), hours and days (`MON` … `SUN`).
const TIME_FRAME: &[Element] = &[
    Element::optional("date_from", S::Text),
    Element::optional("date_to", S::Text),
    Element::optional("recurrence", S::Text),
    Element::optional("time_from", S::Text),
    Element::optional("time_to", S::Text),
    Element::optional("days", S::Texts(&["day"])),
];

/// A `<time_template>` of createTimeTemplates (page).
pub const TIME_TEMPLATE: &[Element] = &[
    Element::required("label", S::Text),
    Element::optional("notes", S::Text),
    Element::required("time_frames", S::List("time_frame", TIME_FRAME)),
];

/// A `<time_template>` of updateTimeTemplates (page): the template by its label, a new
/// label, its time frames.
pub const TIME_TEMPLATE_UPDATE: &[Element] = &[
    Element::required("label", S::Text),
    Element::optional("new_label", S::Text),
    Element::optional("notes", S::Text),
    Element::required("time_frames", S::List("time_frame", TIME_FRAME)),
];

/// createTimeTemplates' arguments, for shape checks.
pub const TIME_TEMPLATES: &[Element] = &[Element::required(
    "time_templates",
    S::List("time_template", TIME_TEMPLATE),
)];

/// updateTimeTemplates' arguments, for shape checks.
pub const TIME_TEMPLATE_UPDATES: &[Element] = &[Element::required(
    "time_templates",
    S::List("time_template", TIME_TEMPLATE_UPDATE),
)];

crate::tree::items_method!(
    /// `createTimeTemplates`: time templates, each a label and its time frames. Not
    /// repeated once it may have been sent.
    ///
    /// ```
    /// use iovox_core::method::{CreateTimeTemplates, Method};
    /// let request = serde_json::json!({"time_templates": [{"label": "Working hours",
    ///     "time_frames": [{"recurrence": "NONE", "time_from": "09:00", "time_to": "18:00", "days": ["MON", "TUE"]}]}]});
    /// let body = CreateTimeTemplates::prepare(&request).unwrap().body;
    /// assert!(body.ends_with("<request><time_template><label>Working hours</label><time_frames><time_frame>\
    /// <recurrence>NONE</recurrence><time_from>09:00</time_from><time_to>18:00</time_to><days><day>MON</day>\
    /// <day>TUE</day></days></time_frame></time_frames></time_template></request>"));
    /// ```
    CreateTimeTemplates, "Rules", "Calling", "createTimeTemplates", Post, 201, "time_templates", "time_template", TIME_TEMPLATE,
    "{\"time_templates\": [{\"label\": \"Christmas\", \"time_frames\": [{\"date_from\": \"2026-12-25\", \"date_to\": \"2026-12-25\", \"recurrence\": \"YEARLY\", \"time_from\": \"00:00\", \"time_to\": \"23:59\"}]}]}"
);

crate::tree::items_method!(
    /// `updateTimeTemplates`: a template's time frames, or its label (`new_label`). Not
    /// repeated once it may have been sent.
    UpdateTimeTemplates, "Rules", "Calling", "updateTimeTemplates", Put, 204, "time_templates", "time_template", TIME_TEMPLATE_UPDATE,
    "{\"time_templates\": [{\"label\": \"Christmas\", \"time_frames\": [{\"recurrence\": \"YEARLY\", \"date_from\": \"2026-12-24\", \"date_to\": \"2026-12-26\"}]}]}"
);

/// A deleteTimeTemplates request: the templates' labels, and `force` (remove them from the
/// blocking rules that use them; without it, such a template is refused).
///
/// ```
/// use iovox_core::method::{DeleteTimeTemplates, Method};
/// let q = iovox_core::DeleteTimeTemplatesRequest::new(["Christmas"]).force(true);
/// assert_eq!(DeleteTimeTemplates::prepare(&q).unwrap().query,
///     [("time_template_labels", "Christmas".to_string()), ("force", "TRUE".to_string())]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DeleteTimeTemplatesRequest {
    /// The labels.
    pub time_template_labels: Vec<String>,
    /// Take them out of the blocking rules that use them.
    #[cfg_attr(feature = "serde", serde(default))]
    pub force: bool,
}

impl DeleteTimeTemplatesRequest {
    /// These templates, refused where a blocking rule uses them.
    pub fn new<S: Into<String>>(labels: impl IntoIterator<Item = S>) -> Self {
        DeleteTimeTemplatesRequest {
            time_template_labels: labels.into_iter().map(Into::into).collect(),
            force: false,
        }
    }

    /// Take them out of the blocking rules that use them.
    pub fn force(mut self, on: bool) -> Self {
        self.force = on;
        self
    }
}

/// The wire form of a deleteTimeTemplates request: the labels as listed, `force` as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeleteTimeTemplatesWire {
    /// The labels, each as given.
    #[serde(default)]
    pub time_template_labels: Vec<wire::Entry>,
    /// `force` as given.
    #[serde(default)]
    pub force: wire::Entry,
}

/// `deleteTimeTemplates`: time templates by label. Not repeated once it may have been
/// sent. The page states no message: a label holding a comma (ours) and `force` that is
/// not a switch (ours) are the only checks.
#[derive(Debug, Clone, Copy)]
pub struct DeleteTimeTemplates;

impl Method for DeleteTimeTemplates {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Rules",
            name: "deleteTimeTemplates",
            verb: Verb::Delete,
        },
        retry: Retry::NotAfterSent,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &[
            Argument::required("time_template_labels", K::List),
            Argument::optional("force", K::Flag),
        ],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"time_template_labels\": [\"Christmas\"], \"force\": true}",
    };
    type Request = DeleteTimeTemplatesRequest;
    type Wire = DeleteTimeTemplatesWire;
    type Output = ();

    fn prepare(request: &DeleteTimeTemplatesRequest) -> Result<Prepared, ValidationErrors> {
        let entry = |g: wire::Given| wire::Entry(Some(g));
        Self::prepare_wire(&DeleteTimeTemplatesWire {
            time_template_labels: (request.time_template_labels.iter())
                .map(|l| entry(wire::Given::Text(l.clone())))
                .collect(),
            force: entry(wire::Given::Boolean(request.force)),
        })
    }

    fn prepare_wire(request: &DeleteTimeTemplatesWire) -> Result<Prepared, ValidationErrors> {
        let mut r = Report::default();
        let total = request.time_template_labels.len();
        let mut labels = Vec::with_capacity(total);
        for (n, e) in request.time_template_labels.iter().enumerate() {
            let p = Position {
                index: n + 1,
                total,
            };
            let v: Given<'_> = (&e.0).into();
            if !crate::check::xml_text(&mut r, p, "time_template_labels", v) {
                continue;
            }
            let label = owned_text(v).unwrap_or_default();
            if label.contains(',') {
                let m = format!(
                    "Time Template {p} holds a comma, which IOVOX's comma-joined list cannot carry"
                );
                r.push(C::IdHasComma, Some(p), Some("time_template_labels"), m);
            }
            labels.push(label);
        }
        let force = match crate::check::boolean((&request.force.0).into()) {
            Ok(b) => Some(b),
            Err(()) => {
                let m = "force must be TRUE or FALSE".to_string();
                r.push(C::SwitchInvalid, None, Some("force"), m);
                None
            }
        };
        let force = r.finish(force)?;
        Ok(list::prepared(vec![
            ("time_template_labels", labels.join(",")),
            ("force", if force { "TRUE" } else { "FALSE" }.into()),
        ]))
    }

    /// Success is "204 No Content".
    fn decode(_: &[u8]) -> Result<(), DecodeError> {
        Ok(())
    }
}

list::request! {
    /// A getTimeTemplates request: every time template, or one by label.
    ///
    /// ```
    /// let bad = iovox_core::TimeTemplatesRequest::new().limit(5_001u32);
    /// assert_eq!(bad.validate().unwrap_err().messages(), ["Limit must be between 1 and 5000"]);
    /// ```
    TimeTemplatesRequest {
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 5,000).
        limit: Option<u32> = list::Limit(TIME_TEMPLATES_LIMIT),
        /// Sort: `l`, `n`, `tf` or `c` with `_ASC` or `_DESC`; sent as given (no message
        /// stated).
        order: Option<String> = list::OrderAsGiven,
        /// Only these fields (`l`, `n`, `tf`, `c`); sent as given (no message stated).
        req_fields: Vec<String> = list::FieldsAsGiven,
        /// Only the template with this label.
        time_template_label: Option<String> = list::Text,
    }
    /// getTimeTemplates' arguments: every key its request may have.
    arguments: TIME_TEMPLATE_ARGUMENTS,
    /// A getTimeTemplates request from its arguments as given, with the messages.
    wire: validate_time_templates,
}

/// getTimeTemplates' `limit` (page: "Limit must be between 1 and 5000").
pub const TIME_TEMPLATES_LIMIT: std::ops::RangeInclusive<u32> = 1..=5_000;

/// A time template as getTimeTemplates answers it (page example).
pub const TIME_TEMPLATE_RESULT: &[Element] = &[
    Element::optional("label", S::Text),
    Element::optional("notes", S::Text),
    Element::optional("created", S::Text),
    Element::optional("time_frames", S::List("time_frame", TIME_FRAME)),
];

/// getTimeTemplates' answer: a page, each result a template with its time frames.
pub const TIME_TEMPLATE_PAGE: &[Element] = &[
    Element::optional("current_page", S::Integer),
    Element::optional("total_pages", S::Integer),
    Element::optional("total_results", S::Integer),
    Element::optional("results", S::List("result", TIME_TEMPLATE_RESULT)),
];

/// `getTimeTemplates`: reads only, safe to repeat. Its results nest (each template's time
/// frames), so it answers a page as a mapping.
#[derive(Debug, Clone, Copy)]
pub struct GetTimeTemplates;

impl Method for GetTimeTemplates {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Rules",
            name: "getTimeTemplates",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &TimeTemplatesRequest::ARGUMENTS,
        answer: Answer::Tree(TIME_TEMPLATE_PAGE),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"time_template_label\": \"Christmas\"}",
    };
    type Request = TimeTemplatesRequest;
    type Wire = wire::Query;
    type Output = Value;

    fn prepare(request: &TimeTemplatesRequest) -> Result<Prepared, ValidationErrors> {
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
        read_tree(body, &[], TIME_TEMPLATE_PAGE)
    }
}

fn query(checked: &TimeTemplatesRequest) -> Prepared {
    let view = Typed::new(checked, &checked.req_fields);
    list::prepared(list::query_of(&view, GetTimeTemplates::SPEC.arguments))
}
