//! getVoxnumbers: the numbers the account holds, with their link and status. `GET
//! /Voxnumbers`, filters in the query string.

use crate::check::{Given, Report};
use crate::error::ValidationErrors;
use crate::list::{self, word_enum, QueryView, Typed};
use crate::model::{
    Answer, Argument, ArgumentKind as K, Confidence, FieldKind as F, Known, RequestShape,
    ResultField, Spec,
};
use crate::vocab::{Retry, Route, Verb};
use crate::wire;

/// The `req_fields` (and `order`) abbreviations: node id, node name, link id, link name,
/// assigned status, call status, voxnumber, voxnumber type, country, city, purchase date
/// (each result field's own, in `GetVoxnumbers::SPEC`).
pub const VOXNUMBER_FIELDS: &[&str] =
    &crate::model::abbreviations::<{ crate::model::abbreviated(&RESULT) }>(&RESULT);

/// A number's fields, as the answer names them. `country_code` has no abbreviation the
/// page gives (one client asks for `cc`).
const RESULT: [ResultField; 12] = [
    ResultField::new("node_id", "nid", F::Text),
    ResultField::new("node_name", "nname", F::Text),
    ResultField::new("link_id", "lid", F::Text),
    ResultField::new("link_name", "lname", F::Text),
    ResultField::new("assigned_status", "as", F::Word(AssignedStatus::WORDS)),
    ResultField::new("call_status", "cs", F::Word(CallStatus::WORDS)),
    ResultField::always("country_code", F::Integer),
    ResultField::new("voxnumber", "vn", F::Text),
    ResultField::new("voxnumber_type", "vnt", F::Word(VoxnumberType::WORDS)),
    ResultField::new("voxnumber_country", "vnco", F::Text),
    ResultField::new("voxnumber_city", "vnci", F::Text),
    ResultField::new("purchase_date", "vnpd", F::DateTime),
];

const ARGUMENTS: [Argument; 11] = [
    Argument::optional("voxnumber", K::Digits),
    Argument::optional("voxnumber_type", K::Words(VoxnumberType::WORDS)),
    Argument::optional("voxnumber_country", K::Text),
    Argument::optional("voxnumber_city", K::Text),
    Argument::optional("assigned_status", K::Words(AssignedStatus::WORDS)),
    Argument::optional("call_status", K::Words(CallStatus::WORDS)),
    Argument::optional("link_id", K::Text),
    Argument::optional("req_fields", K::Fields),
    Argument::optional("order", K::Order),
    crate::model::PAGING[0],
    crate::model::PAGING[1],
];

word_enum! {
    /// Whether a number is attached to a link.
    AssignedStatus {
        /// Attached to a link.
        Assigned => "ASSIGNED",
        /// In the pool, free to attach.
        Unassigned => "UNASSIGNED",
    }
}

word_enum! {
    /// A number's call status.
    CallStatus {
        /// Taking calls.
        On => "ON",
        /// Attached, with no rules to route calls.
        NoRules => "NO RULES",
        /// Active.
        Active => "ACTIVE",
        /// Not taking calls.
        Off => "OFF",
    }
}

word_enum! {
    /// The kind of a number in the account.
    VoxnumberType {
        /// A local (geographic) number.
        Local => "LOCAL",
        /// A national number.
        National => "NATIONAL",
    }
}

/// A getVoxnumbers request: every filter optional.
///
/// ```
/// use iovox_core::{AssignedStatus, VoxnumbersRequest};
/// let unassigned = VoxnumbersRequest::new().assigned_status(AssignedStatus::Unassigned);
/// assert!(unassigned.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct VoxnumbersRequest {
    /// Only this number (international digits).
    pub voxnumber: Option<String>,
    /// Only numbers of this type.
    pub voxnumber_type: Option<VoxnumberType>,
    /// Only numbers of this country (its name).
    pub voxnumber_country: Option<String>,
    /// Only numbers of this city.
    pub voxnumber_city: Option<String>,
    /// Only attached, or only free, numbers.
    pub assigned_status: Option<AssignedStatus>,
    /// Only numbers with this call status.
    pub call_status: Option<CallStatus>,
    /// Only the number of this link.
    pub link_id: Option<String>,
    /// Only these fields of each result ([`VOXNUMBER_FIELDS`]); IOVOX's default when empty.
    pub req_fields: Vec<String>,
    /// Sort: an abbreviation with `_ASC` or `_DESC` ("vnpd_DESC").
    pub order: Option<String>,
    /// The page (from 1; default 1).
    pub page: Option<u32>,
    /// Results per page (1 to 20,000; default 20,000).
    pub limit: Option<u32>,
}

/// One number of the account. Fields not asked for in `req_fields` are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AccountVoxnumber {
    /// The node of its link.
    pub node_id: Option<String>,
    /// The node's name.
    pub node_name: Option<String>,
    /// The link it is attached to.
    pub link_id: Option<String>,
    /// The link's name.
    pub link_name: Option<String>,
    /// ASSIGNED or UNASSIGNED.
    pub assigned_status: Option<AssignedStatus>,
    /// ON, NO RULES, ACTIVE or OFF.
    pub call_status: Option<CallStatus>,
    /// IDD (44).
    pub country_code: Option<u32>,
    /// The number, international digits.
    pub voxnumber: Option<String>,
    /// LOCAL or NATIONAL.
    pub voxnumber_type: Option<VoxnumberType>,
    /// Country name.
    pub voxnumber_country: Option<String>,
    /// City.
    pub voxnumber_city: Option<String>,
    /// When it was bought: "YYYY-MM-DD HH:MM:SS" as IOVOX writes it.
    pub purchase_date: Option<String>,
}

impl VoxnumbersRequest {
    /// Every number, first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only attached, or only free, numbers.
    pub fn assigned_status(mut self, s: AssignedStatus) -> Self {
        self.assigned_status = Some(s);
        self
    }

    /// Only numbers with this call status.
    pub fn call_status(mut self, s: CallStatus) -> Self {
        self.call_status = Some(s);
        self
    }

    /// Only the number of this link.
    pub fn link_id(mut self, id: impl Into<String>) -> Self {
        self.link_id = Some(id.into());
        self
    }

    /// Only this number.
    pub fn voxnumber(mut self, n: impl Into<String>) -> Self {
        self.voxnumber = Some(n.into());
        self
    }

    /// Sort by an abbreviation with `_ASC` or `_DESC`.
    pub fn order(mut self, order: impl Into<String>) -> Self {
        self.order = Some(order.into());
        self
    }

    /// Every check that needs only the request, with the pages' messages.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        check(&Typed::new(self, &self.req_fields)).map(drop)
    }
}

/// A typed word as the validator reads it.
fn word<T: Copy>(v: Option<T>, f: fn(T) -> &'static str) -> Given<'static> {
    v.map_or(Given::Missing, |w| Given::Text(f(w)))
}

impl QueryView for Typed<'_, VoxnumbersRequest> {
    fn get(&self, key: &str) -> Given<'_> {
        let r = self.r;
        match key {
            "voxnumber" => Given::opt(&r.voxnumber),
            "voxnumber_type" => word(r.voxnumber_type, VoxnumberType::as_str),
            "voxnumber_country" => Given::opt(&r.voxnumber_country),
            "voxnumber_city" => Given::opt(&r.voxnumber_city),
            "assigned_status" => word(r.assigned_status, AssignedStatus::as_str),
            "call_status" => word(r.call_status, CallStatus::as_str),
            "link_id" => Given::opt(&r.link_id),
            "req_fields" => self.list(),
            "order" => Given::opt(&r.order),
            "page" => Given::int(r.page),
            "limit" => Given::int(r.limit),
            _ => Given::Missing,
        }
    }
}

/// getVoxnumbers's arguments: every key its request may have (the bindings refuse any other).
pub const VOXNUMBER_ARGUMENTS: &[&str] = &crate::model::names(&ARGUMENTS);

fn check(q: &impl QueryView) -> Result<VoxnumbersRequest, ValidationErrors> {
    let mut r = Report::default();
    let texts_ok = list::check_texts(q, VOXNUMBER_ARGUMENTS, &mut r);
    let voxnumber = list::rule_digits_filter(q.get("voxnumber"), "voxnumber", "VoxNumber", &mut r);
    let voxnumber_type = list::rule_word_filter(
        q.get("voxnumber_type"),
        "voxnumber_type",
        "VoxNumber Type",
        VoxnumberType::WORDS,
        &mut r,
    );
    let assigned_status = list::rule_word_filter(
        q.get("assigned_status"),
        "assigned_status",
        "Assigned Status",
        AssignedStatus::WORDS,
        &mut r,
    );
    let call_status = list::rule_word_filter(
        q.get("call_status"),
        "call_status",
        "Call Status",
        CallStatus::WORDS,
        &mut r,
    );
    let req_fields = list::rule_req_fields(q.get("req_fields"), VOXNUMBER_FIELDS, &mut r);
    let order = list::rule_order(q.get("order"), VOXNUMBER_FIELDS, &mut r);
    let page = list::rule_page(q.get("page"), &mut r);
    let limit = list::rule_limit(q.get("limit"), &mut r);
    let accepted = (|| {
        Some(VoxnumbersRequest {
            voxnumber: voxnumber?,
            voxnumber_type: voxnumber_type?.and_then(VoxnumberType::parse),
            voxnumber_country: list::text_filter(q.get("voxnumber_country")),
            voxnumber_city: list::text_filter(q.get("voxnumber_city")),
            assigned_status: assigned_status?.and_then(AssignedStatus::parse),
            call_status: call_status?.and_then(CallStatus::parse),
            link_id: list::text_filter(q.get("link_id")),
            req_fields: req_fields?,
            order: order?,
            page: page?,
            limit: limit?,
        })
    })();
    list::finish(r, accepted.filter(|_| texts_ok))
}

impl wire::Query {
    /// A getVoxnumbers request from its arguments as given, with the messages.
    pub fn validate_voxnumbers(&self) -> Result<VoxnumbersRequest, ValidationErrors> {
        check(self)
    }
}

list::list_method! {
    /// `getVoxnumbers`: reads only, safe to repeat.
    GetVoxnumbers: VoxnumbersRequest => AccountVoxnumber,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Voxnumbers",
            name: "getVoxnumbers",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Numbering",
        request: RequestShape::Query,
        arguments: &ARGUMENTS,
        answer: Answer::List(&RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"assigned_status\": \"UNASSIGNED\", \"limit\": 10}",
    },
    assign: |r: &mut AccountVoxnumber, field, text| {
        let owned = || Some(text.to_string());
        match field {
            "node_id" => r.node_id = owned(),
            "node_name" => r.node_name = owned(),
            "link_id" => r.link_id = owned(),
            "link_name" => r.link_name = owned(),
            "assigned_status" => {
                r.assigned_status = Some(list::known_word(field, text, AssignedStatus::parse)?)
            }
            "call_status" => {
                r.call_status = Some(list::known_word(field, text, CallStatus::parse)?)
            }
            "country_code" => r.country_code = Some(list::number(field, text)?),
            "voxnumber" => r.voxnumber = owned(),
            "voxnumber_type" => {
                r.voxnumber_type = Some(list::known_word(field, text, VoxnumberType::parse)?)
            }
            "voxnumber_country" => r.voxnumber_country = owned(),
            "voxnumber_city" => r.voxnumber_city = owned(),
            "purchase_date" => r.purchase_date = owned(),
            _ => {}
        }
        Ok(())
    },
}

impl list::Record for AccountVoxnumber {
    fn fields(&self) -> Vec<(&'static str, Option<list::Field<'_>>)> {
        use list::Field::{Number, Text};
        vec![
            ("node_id", list::text_field(&self.node_id)),
            ("node_name", list::text_field(&self.node_name)),
            ("link_id", list::text_field(&self.link_id)),
            ("link_name", list::text_field(&self.link_name)),
            (
                "assigned_status",
                self.assigned_status.map(|s| Text(s.as_str())),
            ),
            ("call_status", self.call_status.map(|s| Text(s.as_str()))),
            ("country_code", self.country_code.map(Number)),
            ("voxnumber", list::text_field(&self.voxnumber)),
            (
                "voxnumber_type",
                self.voxnumber_type.map(|t| Text(t.as_str())),
            ),
            (
                "voxnumber_country",
                list::text_field(&self.voxnumber_country),
            ),
            ("voxnumber_city", list::text_field(&self.voxnumber_city)),
            ("purchase_date", list::text_field(&self.purchase_date)),
        ]
    }
}
