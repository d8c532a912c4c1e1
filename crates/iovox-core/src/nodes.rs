//! getNodes: the account's nodes (a shop, a property), one row per node and link. `GET
//! /Nodes`, filters in the query string. A node with several links comes back once per
//! link (page, clients). The page's text gives 20,000 as the largest `limit` and its error
//! table "Limit must be between 1 and 5000": the error is what IOVOX answers, so 5,000 is
//! the bound checked (`docs/decisions.md` 36).

use crate::list;
use crate::model::{
    Answer, Argument, ArgumentKind as K, Confidence, FieldKind as F, Known, RequestShape,
    ResultField, Spec,
};
use crate::vocab::{Retry, Route, Verb};

/// The largest `limit` of getNodes.
pub const NODES_LIMIT: std::ops::RangeInclusive<u32> = 1..=5_000;

/// A node's fields, as the answer names them. `voxnumber` has no abbreviation; when it
/// comes is unknown (one client reads it).
const RESULT: [ResultField; 8] = [
    ResultField::new("node_id", "nid", F::Text),
    ResultField::new("node_name", "nn", F::Text),
    ResultField::new("node_type", "nt", F::Text),
    ResultField::new("link_id", "lid", F::Text),
    ResultField::new("link_name", "ln", F::Text),
    ResultField::new("link_type", "lt", F::Text),
    ResultField::new("rule_template_name", "rtn", F::Text),
    ResultField::always("voxnumber", F::Text),
];

/// The `req_fields` (and `order`) abbreviations: node id, name and type, link id, name and
/// type, rule template name.
pub const NODE_FIELDS: &[&str] =
    &crate::model::abbreviations::<{ crate::model::abbreviated(&RESULT) }>(&RESULT);

const ARGUMENTS: [Argument; 10] = [
    Argument::optional("node_id", K::Text),
    Argument::optional("node_type", K::Text),
    Argument::optional("link_id", K::Text),
    Argument::optional("link_type", K::Text),
    Argument::optional("voxnumber", K::Text),
    Argument::optional("rule_name", K::Text),
    Argument::optional("req_fields", K::Fields),
    Argument::optional("order", K::Order),
    crate::model::PAGING[0],
    Argument::optional(
        "limit",
        K::Integer {
            min: *NODES_LIMIT.start() as u64,
            max: *NODES_LIMIT.end() as u64,
        },
    ),
];

/// getNodes' arguments: every key its request may have (the bindings refuse any other).
pub const NODE_ARGUMENTS: &[&str] = &crate::model::names(&ARGUMENTS);

list::request! {
    /// A getNodes request: every filter optional.
    ///
    /// ```
    /// let request = iovox_core::NodesRequest::new().node_type("Property").order("nn_ASC");
    /// assert!(request.validate().is_ok());
    /// let bad = iovox_core::NodesRequest { limit: Some(5_001), ..Default::default() };
    /// assert_eq!(bad.validate().unwrap_err().messages(), ["Limit must be between 1 and 5000"]);
    /// ```
    NodesRequest {
        /// Only this node.
        node_id: Option<String> = list::Text,
        /// Only nodes of this type.
        node_type: Option<String> = list::Text,
        /// Only the node owning this link.
        link_id: Option<String> = list::Text,
        /// Only links of this type.
        link_type: Option<String> = list::Text,
        /// Only nodes whose link holds this number.
        voxnumber: Option<String> = list::Text,
        /// Only nodes with this rule name.
        rule_name: Option<String> = list::Text,
        /// Only these fields of each result (abbreviations: [`NODE_FIELDS`]); IOVOX's
        /// default ones when empty.
        req_fields: Vec<String> = list::Fields(NODE_FIELDS),
        /// Sort: an abbreviation with `_ASC` or `_DESC` (default `nn_DESC`).
        order: Option<String> = list::Order(NODE_FIELDS),
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 5,000).
        limit: Option<u32> = list::Limit(NODES_LIMIT),
    }
    arguments: NODE_ARGUMENTS,
    /// A getNodes request from its arguments as given, with the messages.
    wire: validate_nodes,
}

list::record! {
    /// One node and one of its links. Fields not asked for in `req_fields` are `None`.
    AccountNode {
        /// The node's ID.
        node_id: String,
        /// The node's name.
        node_name: String,
        /// The node's type.
        node_type: String,
        /// The link's ID; `None` for a node without links.
        link_id: String,
        /// The link's name.
        link_name: String,
        /// The link's type.
        link_type: String,
        /// The rule template of the link.
        rule_template_name: String,
        /// The number on the link, where IOVOX gives it.
        voxnumber: String,
    }
}

list::list_method! {
    /// `getNodes`: reads only, safe to repeat.
    GetNodes: NodesRequest => AccountNode,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Nodes",
            name: "getNodes",
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
        example: "{\"req_fields\": [\"nid\", \"lid\"], \"order\": \"nid_ASC\", \"limit\": 100}",
    },
}
