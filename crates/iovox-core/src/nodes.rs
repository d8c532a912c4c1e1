//! getNodes: the account's nodes (a shop, a property), one row per node and link. `GET
//! /Nodes`, filters in the query string. A node with several links comes back once per
//! link (page, clients). The page's text gives 20,000 as the largest `limit` and its error
//! table "Limit must be between 1 and 5000": the error is what IOVOX answers, so 5,000 is
//! the bound checked (`docs/decisions.md` 36).

use crate::list;
use crate::model::{Answer, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Retry, Route, Verb};

/// The largest `limit` of getNodes.
pub const NODES_LIMIT: std::ops::RangeInclusive<u32> = 1..=5_000;

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
    /// getNodes' arguments: every key its request may have (the bindings refuse any other).
    arguments: NODE_ARGUMENTS,
    /// A getNodes request from its arguments as given, with the messages.
    wire: validate_nodes,
}

list::record! {
    /// One node and one of its links. Fields not asked for in `req_fields` are `None`.
    AccountNode {
        /// The node's ID.
        node_id: String = "nid",
        /// The node's name.
        node_name: String = "nn",
        /// The node's type.
        node_type: String = "nt",
        /// The link's ID; `None` for a node without links.
        link_id: String = "lid",
        /// The link's name.
        link_name: String = "ln",
        /// The link's type.
        link_type: String = "lt",
        /// The rule template of the link.
        rule_template_name: String = "rtn",
        /// The number on the link, where IOVOX gives it.
        voxnumber: String,
    }
    /// The `req_fields` (and `order`) abbreviations: node id, name and type, link id, name and
    /// type, rule template name.
    abbreviations: NODE_FIELDS,
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
        arguments: &NodesRequest::ARGUMENTS,
        answer: Answer::List(&AccountNode::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"req_fields\": [\"nid\", \"lid\"], \"order\": \"nid_ASC\", \"limit\": 100}",
    },
}
