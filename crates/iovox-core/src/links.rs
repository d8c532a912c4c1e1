//! getLinks: the account's links, with their node and number. `GET /Links`, filters in the
//! query string.

use crate::list;
use crate::model::{
    Answer, Argument, ArgumentKind as K, Confidence, FieldKind as F, Known, RequestShape,
    ResultField, Spec,
};
use crate::vocab::{Retry, Route, Verb};

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

list::request! {
    /// A getLinks request: every filter optional.
    ///
    /// ```
    /// let request = iovox_core::LinksRequest::new().order("ln_ASC");
    /// assert!(request.validate().is_ok());
    /// let bad = iovox_core::LinksRequest::new().order("xx_ASC");
    /// assert_eq!(bad.validate().unwrap_err().messages(), vec!["Order Field Invalid"]);
    /// ```
    LinksRequest {
        /// Only links of this node.
        node_id: Option<String> = list::Text,
        /// Only links of nodes of this type.
        node_type: Option<String> = list::Text,
        /// Only this link.
        link_id: Option<String> = list::Text,
        /// Only links of this type.
        link_type: Option<String> = list::Text,
        /// Only these fields of each result (abbreviations: [`LINK_FIELDS`]); IOVOX's
        /// default ones when empty.
        req_fields: Vec<String> = list::Fields(LINK_FIELDS),
        /// Sort: an abbreviation with `_ASC` or `_DESC` ("nn_DESC").
        order: Option<String> = list::Order(LINK_FIELDS),
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000; default 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
    }
    arguments: LINK_ARGUMENTS,
    /// A getLinks request from its arguments as given, with the messages.
    wire: validate_links,
}

list::record! {
    /// One link of the account. Fields not asked for in `req_fields` are `None`.
    AccountLink {
        /// Its node.
        node_id: String,
        /// The node's name.
        node_name: String,
        /// The node's type.
        node_type: String,
        /// The link's ID.
        link_id: String,
        /// The link's name.
        link_name: String,
        /// The link's type.
        link_type: String,
        /// Whether click-to-call is on.
        click_to_call: bool,
        /// The number attached, international digits; `None` when there is none.
        voxnumber: String,
        /// The call rule's name.
        rule_name: String,
    }
}

/// getLinks's arguments: every key its request may have (the bindings refuse any other).
pub const LINK_ARGUMENTS: &[&str] = &crate::model::names(&ARGUMENTS);

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
}
