//! getLinks: the account's links, with their node and number. `GET /Links`, filters in the
//! query string.

use crate::list;
use crate::model::{Answer, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Retry, Route, Verb};

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
    /// getLinks's arguments: every key its request may have (the bindings refuse any other).
    arguments: LINK_ARGUMENTS,
    /// A getLinks request from its arguments as given, with the messages.
    wire: validate_links,
}

list::record! {
    /// One link of the account. Fields not asked for in `req_fields` are `None`.
    AccountLink {
        /// Its node.
        node_id: String = "nid",
        /// The node's name.
        node_name: String = "nn",
        /// The node's type.
        node_type: String = "nt",
        /// The link's ID.
        link_id: String = "lid",
        /// The link's name.
        link_name: String = "ln",
        /// The link's type.
        link_type: String = "lt",
        /// Whether click-to-call is on.
        click_to_call: bool,
        /// The number attached, international digits; `None` when there is none.
        voxnumber: String = "vn",
        /// The call rule's name.
        rule_name: String = "rn",
    }
    /// The `req_fields` (and `order`) abbreviations: node id, node name, node type, link id,
    /// link name, link type, voxnumber, rule name.
    abbreviations: LINK_FIELDS,
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
        arguments: &LinksRequest::ARGUMENTS,
        answer: Answer::List(&AccountLink::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"req_fields\": [\"lid\", \"vn\"], \"order\": \"lid_ASC\"}",
    },
}
