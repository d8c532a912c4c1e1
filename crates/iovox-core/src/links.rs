//! getLinks: the account's links, with their node and number. `GET /Links`, filters in the
//! query string.

use crate::check::{Given, Report};
use crate::error::ValidationErrors;
use crate::list::{self, QueryView, Typed};
use crate::model::{
    Answer, Argument, ArgumentKind as K, Confidence, FieldKind as F, Known, RequestShape,
    ResultField, Spec,
};
use crate::vocab::{Retry, Route, Verb};
use crate::wire;

/// The `req_fields` (and `order`) abbreviations: node id, node name, node type, link id,
/// link name, link type, voxnumber, rule name.
pub const LINK_FIELDS: &[&str] =
    &crate::model::abbreviations::<{ crate::model::abbreviated(&RESULT) }>(&RESULT);

/// A link's fields, as the answer names them.
const RESULT: [ResultField; 9] = [
    ResultField::new("node_id", "nid", F::Text),
    ResultField::new("node_name", "nn", F::Text),
    ResultField::new("node_type", "nt", F::Text),
    ResultField::new("link_id", "lid", F::Text),
    ResultField::new("link_name", "ln", F::Text),
    ResultField::new("link_type", "lt", F::Text),
    ResultField::always("click_to_call", F::Flag),
    ResultField::new("voxnumber", "vn", F::Text),
    ResultField::new("rule_name", "rn", F::Text),
];

const ARGUMENTS: [Argument; 8] = [
    Argument::optional("node_id", K::Text),
    Argument::optional("node_type", K::Text),
    Argument::optional("link_id", K::Text),
    Argument::optional("link_type", K::Text),
    Argument::optional("req_fields", K::Fields),
    Argument::optional("order", K::Order),
    crate::model::PAGING[0],
    crate::model::PAGING[1],
];

/// A getLinks request: every filter optional.
///
/// ```
/// let request = iovox_core::LinksRequest::new().order("ln_ASC");
/// assert!(request.validate().is_ok());
/// let bad = iovox_core::LinksRequest::new().order("xx_ASC");
/// assert_eq!(bad.validate().unwrap_err().messages(), vec!["Order Field Invalid"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct LinksRequest {
    /// Only links of this node.
    pub node_id: Option<String>,
    /// Only links of nodes of this type.
    pub node_type: Option<String>,
    /// Only this link.
    pub link_id: Option<String>,
    /// Only links of this type.
    pub link_type: Option<String>,
    /// Only these fields of each result ([`LINK_FIELDS`]); all when empty.
    pub req_fields: Vec<String>,
    /// Sort: an abbreviation with `_ASC` or `_DESC` ("nn_DESC").
    pub order: Option<String>,
    /// The page (from 1; default 1).
    pub page: Option<u32>,
    /// Results per page (1 to 20,000; default 20,000).
    pub limit: Option<u32>,
}

/// One link of the account. Fields not asked for in `req_fields` are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AccountLink {
    /// Its node.
    pub node_id: Option<String>,
    /// The node's name.
    pub node_name: Option<String>,
    /// The node's type.
    pub node_type: Option<String>,
    /// The link's ID.
    pub link_id: Option<String>,
    /// The link's name.
    pub link_name: Option<String>,
    /// The link's type.
    pub link_type: Option<String>,
    /// Whether click-to-call is on.
    pub click_to_call: Option<bool>,
    /// The number attached, international digits; `None` when there is none.
    pub voxnumber: Option<String>,
    /// The call rule's name.
    pub rule_name: Option<String>,
}

impl LinksRequest {
    /// Every link, first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only links of this node.
    pub fn node_id(mut self, id: impl Into<String>) -> Self {
        self.node_id = Some(id.into());
        self
    }

    /// Only this link.
    pub fn link_id(mut self, id: impl Into<String>) -> Self {
        self.link_id = Some(id.into());
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

impl QueryView for Typed<'_, LinksRequest> {
    fn get(&self, key: &str) -> Given<'_> {
        let r = self.r;
        match key {
            "node_id" => Given::opt(&r.node_id),
            "node_type" => Given::opt(&r.node_type),
            "link_id" => Given::opt(&r.link_id),
            "link_type" => Given::opt(&r.link_type),
            "req_fields" => self.list(),
            "order" => Given::opt(&r.order),
            "page" => Given::int(r.page),
            "limit" => Given::int(r.limit),
            _ => Given::Missing,
        }
    }
}

/// getLinks's arguments: every key its request may have (the bindings refuse any other).
pub const LINK_ARGUMENTS: &[&str] = &crate::model::names(&ARGUMENTS);

fn check(q: &impl QueryView) -> Result<LinksRequest, ValidationErrors> {
    let mut r = Report::default();
    let texts_ok = list::check_texts(q, LINK_ARGUMENTS, &mut r);
    let req_fields = list::rule_req_fields(q.get("req_fields"), LINK_FIELDS, &mut r);
    let order = list::rule_order(q.get("order"), LINK_FIELDS, &mut r);
    let page = list::rule_page(q.get("page"), &mut r);
    let limit = list::rule_limit(q.get("limit"), &mut r);
    let accepted = (|| {
        Some(LinksRequest {
            node_id: list::text_filter(q.get("node_id")),
            node_type: list::text_filter(q.get("node_type")),
            link_id: list::text_filter(q.get("link_id")),
            link_type: list::text_filter(q.get("link_type")),
            req_fields: req_fields?,
            order: order?,
            page: page?,
            limit: limit?,
        })
    })();
    list::finish(r, accepted.filter(|_| texts_ok))
}

impl wire::Query {
    /// A getLinks request from its arguments as given, with the messages.
    pub fn validate_links(&self) -> Result<LinksRequest, ValidationErrors> {
        check(self)
    }
}

list::list_method! {
    /// `getLinks`: reads only, safe to repeat.
    GetLinks: LinksRequest => AccountLink,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Links",
            name: "getLinks",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "AccountSetup",
        request: RequestShape::Query,
        arguments: &ARGUMENTS,
        answer: Answer::List(&RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"req_fields\": [\"lid\", \"vn\"], \"order\": \"lid_ASC\"}",
    },
    assign: |r: &mut AccountLink, field, text| {
        let owned = || Some(text.to_string());
        match field {
            "node_id" => r.node_id = owned(),
            "node_name" => r.node_name = owned(),
            "node_type" => r.node_type = owned(),
            "link_id" => r.link_id = owned(),
            "link_name" => r.link_name = owned(),
            "link_type" => r.link_type = owned(),
            "click_to_call" => r.click_to_call = Some(list::flag(field, text)?),
            "voxnumber" => r.voxnumber = owned(),
            "rule_name" => r.rule_name = owned(),
            _ => {}
        }
        Ok(())
    },
}

impl list::Record for AccountLink {
    fn fields(&self) -> Vec<(&'static str, Option<list::Field<'_>>)> {
        use list::Field::Flag;
        vec![
            ("node_id", list::text_field(&self.node_id)),
            ("node_name", list::text_field(&self.node_name)),
            ("node_type", list::text_field(&self.node_type)),
            ("link_id", list::text_field(&self.link_id)),
            ("link_name", list::text_field(&self.link_name)),
            ("link_type", list::text_field(&self.link_type)),
            ("click_to_call", self.click_to_call.map(Flag)),
            ("voxnumber", list::text_field(&self.voxnumber)),
            ("rule_name", list::text_field(&self.rule_name)),
        ]
    }
}
