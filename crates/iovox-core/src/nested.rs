//! Nodes in depth, each a declaration over `crate::tree`: createNodeFull (a node, its
//! links, each link's number, categories and rules, in one call) and getNodeDetails (one
//! node as IOVOX holds it). The facts and how sure we are of each: docs/decisions.md 40.

use crate::error::ValidationErrors;
use crate::list;
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::tree::{prepare_tree, read_tree, Element, Shape as S};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use serde_json::Value;

const SOUND_FILES: S = S::Texts(&["sound_files", "sound_file"]);

/// A contact a rule names (page: `contact_id`, `business_phone` "and any other
/// createContacts field"; Ruby sends `phone_number` too).
const CONTACT: &[Element] = &[
    Element::optional("contact_id", S::Text),
    Element::optional("display_name", S::Text),
    Element::optional("business_phone", S::Text),
    Element::optional("phone_number", S::Text),
];

/// A variable rule of a link's rule template (page example; Ruby).
const RULE: &[Element] = &[
    Element::optional("rule_id", S::Text),
    Element::optional("rule_type", S::Text),
    Element::optional("rule_label", S::Text),
    Element::optional("contact", S::Group(CONTACT)),
    Element::optional("caller_message", SOUND_FILES),
    Element::optional("called_message", SOUND_FILES),
    Element::optional("record_call", S::Text),
    Element::optional("send_call_alert", S::Text),
];

/// How a link's number is chosen: attachVoxnumberToLink's `<link>` without `link_id`.
const ASSIGN: &[Element] = &[
    Element::required("method", S::Text),
    Element::optional("voxnumber_idd", S::Integer),
    Element::optional("area_code", S::Integer),
    Element::optional("full_voxnumber", S::Text),
    Element::optional("voxnumber_country", S::Text),
    Element::optional("postcode", S::Text),
    Element::optional("fallback_area_distance", S::Integer),
];

const CATEGORY: &[Element] = &[
    Element::optional("parent_category_id", S::Text),
    Element::required("category_id", S::Text),
    Element::optional("value", S::Text),
];

/// A `<link>` of createNodeFull.
pub const LINK: &[Element] = &[
    Element::required("link_id", S::Text),
    Element::required("link_name", S::Text),
    Element::required("link_type", S::Text),
    Element::optional("link_date", S::DateTime),
    Element::optional("click_to_call", S::Flag),
    Element::optional("rule_template_name", S::Text),
    Element::optional("rules_variable", S::List("rule", RULE)),
    Element::optional("assign_voxnumber", S::Group(ASSIGN)),
    Element::optional("categories", S::List("category", CATEGORY)),
];

/// createNodeFull's `<node>` (page example, PHP payload classes, Ruby). Only the node's
/// own messages are stated (PHP, as createNodes'); the links' are inferred, so not checked.
pub const NODE_FULL: &[Element] = &[
    Element::checked("node_id", "Node ID", S::Text),
    Element::checked("node_name", "Node Name", S::Text),
    Element::checked("node_type", "Node Type", S::Text),
    Element::checked("node_date", "Node Date", S::DateTime),
    Element::required("links", S::List("link", LINK)),
];

/// createNodeFull's answer (one client, Ruby's test): the node's ID and each link's.
pub const NODE_FULL_ANSWER: &[Element] = &[
    Element::optional("node_id", S::Text),
    Element::optional(
        "links",
        S::List("link", &[Element::optional("link_id", S::Text)]),
    ),
];

const CAT: &[Element] = &[
    Element::optional("category_id", S::Text),
    Element::optional("label", S::Text),
    Element::optional("value", S::Text),
];

const RULE_DETAILS: &[Element] = &[
    Element::optional("rule_id", S::Text),
    Element::optional("rule_type", S::Text),
    Element::optional("rule_label", S::Text),
    Element::optional(
        "contact",
        S::Group(&[
            Element::optional("contact_id", S::Text),
            Element::optional("phone_number", S::Text),
        ]),
    ),
    Element::optional("caller_message", SOUND_FILES),
    Element::optional("called_message", SOUND_FILES),
    Element::optional("record_call", S::Text),
    Element::optional("send_call_alert", S::Text),
];

const LINK_DETAILS: &[Element] = &[
    Element::optional("link_id", S::Text),
    Element::optional("link_name", S::Text),
    Element::optional("link_type", S::Text),
    Element::optional("voxnumber", S::Text),
    Element::optional("rule_template_name", S::Text),
    Element::optional("rules", S::List("rule", RULE_DETAILS)),
    Element::optional("cats", S::List("cat", CAT)),
];

/// getNodeDetails' `<result>`: one node (PHP model; Ruby reads the same tree).
pub const NODE_DETAILS: &[Element] = &[
    Element::optional("node_id", S::Text),
    Element::optional("node_name", S::Text),
    Element::optional("node_type", S::Text),
    Element::optional("links", S::List("link", LINK_DETAILS)),
    Element::optional("cats", S::List("cat", CAT)),
];

/// `createNodeFull`: a node, its links, each link's number (as attach chooses it),
/// categories and rules, in one call; all of it or none (one client). Not repeated once it
/// may have been sent: a repeat answers "already exists". The arguments are the node's
/// elements, as a mapping (JSON).
///
/// ```
/// use iovox_core::method::{CreateNodeFull, Method};
/// let node = serde_json::json!({"node_id": "N1", "node_name": "Shop", "node_type": "Store",
///     "links": [{"link_id": "L1", "link_name": "Web", "link_type": "Web",
///                "assign_voxnumber": {"method": "BY AREA", "voxnumber_idd": 44, "area_code": 20}}]});
/// let body = CreateNodeFull::prepare(&node).unwrap().body;
/// assert!(body.contains("<request><node><node_id>N1</node_id>"));
/// let bad = serde_json::json!({"node_id": "", "node_name": "Shop", "node_type": "Store", "links": []});
/// assert_eq!(CreateNodeFull::prepare(&bad).unwrap_err().messages(), ["Node ID 1 of 1 Empty"]);
/// let answer = CreateNodeFull::decode(b"<response><node_id>N1</node_id><links><link><link_id>L1</link_id></link></links></response>").unwrap();
/// assert_eq!(answer["links"][0]["link_id"], "L1");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct CreateNodeFull;

impl Method for CreateNodeFull {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Nodes",
            name: "createNodeFull",
            verb: Verb::Post,
        },
        retry: Retry::NotAfterSent,
        area: "AccountSetup",
        request: RequestShape::Body,
        arguments: &[Argument::required("node", K::List)],
        answer: Answer::Tree(NODE_FULL_ANSWER),
        paged: Known::Yes(false),
        success: Some(201),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"node_id\": \"Model NF1\", \"node_name\": \"Model shop\", \"node_type\": \"Store\", \"links\": [{\"link_id\": \"Model NF1 L1\", \"link_name\": \"Web\", \"link_type\": \"Web\", \"categories\": [{\"category_id\": \"Colour\", \"value\": \"Blue\"}]}]}",
    };
    /// The node's elements, as a mapping ([`NODE_FULL`]).
    type Request = Value;
    type Wire = Value;
    type Output = Value;

    fn prepare(request: &Value) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(request)
    }

    fn prepare_wire(request: &Value) -> Result<Prepared, ValidationErrors> {
        Ok(Prepared {
            query: Vec::new(),
            body: prepare_tree(&["request", "node"], NODE_FULL, request)?,
            callback_url: None,
        })
    }

    /// The node's ID and each link's; an empty answer reads as an empty mapping.
    fn decode(body: &[u8]) -> Result<Value, crate::DecodeError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Value::Object(Default::default()));
        }
        read_tree(body, &[], NODE_FULL_ANSWER)
    }
}

/// getNodeDetails' `req_fields` abbreviations (page; `nd` and `ld` are "??" on the page:
/// node and link date, inferred).
pub const NODE_DETAIL_FIELDS: &[&str] = &[
    "nid", "nn", "nt", "nd", "lid", "ln", "lt", "ld", "vn", "cid", "cl", "cv",
];

list::request! {
    /// A getNodeDetails request: the node, and what to show of it. The page states no
    /// message for a missing `node_id` or a bad `order`, so those go as given.
    ///
    /// ```
    /// let request = iovox_core::NodeDetailsRequest::new().node_id("N1").req_fields(["nid", "lid"]);
    /// assert!(request.validate().is_ok());
    /// let bad = iovox_core::NodeDetailsRequest::new().node_id("N1").req_fields(["id", "cs"]);
    /// assert_eq!(bad.validate().unwrap_err().messages(), ["Required Fields Invalid: id,cs"]);
    /// ```
    NodeDetailsRequest {
        /// The node.
        node_id: Option<String> = list::RequiredText,
        /// Only this link of it.
        link_id: Option<String> = list::Text,
        /// Only these fields ([`NODE_DETAIL_FIELDS`]); IOVOX's default ones when empty.
        req_fields: Vec<String> = list::Fields(NODE_DETAIL_FIELDS),
        /// Sort: an abbreviation with `_ASC` or `_DESC` (default `nn_DESC`).
        order: Option<String> = list::Text,
        /// `true` (IOVOX's default) or `false`: each link's rule template name.
        return_rule_name: Option<String> = list::Text,
        /// `true` or `false`: each link's number.
        return_voxnumber: Option<String> = list::Text,
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000; default 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
    }
    /// getNodeDetails' arguments.
    arguments: NODE_DETAIL_ARGUMENTS,
    /// A getNodeDetails request from its arguments as given, with the messages.
    wire: validate_node_details,
}

/// `getNodeDetails`: one node in depth (its links, each link's number, rule template,
/// rules and categories), as a mapping ([`NODE_DETAILS`]). Reads only, safe to repeat.
///
/// ```
/// use iovox_core::method::{GetNodeDetails, Method};
/// let node = GetNodeDetails::decode(b"<response><results><result><node_id>N1</node_id>\
///     <links><link><link_id>L1</link_id><cats><cat><category_id>Colour</category_id></cat></cats></link></links>\
///     </result></results></response>").unwrap();
/// assert_eq!(node["links"][0]["cats"][0]["category_id"], "Colour");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GetNodeDetails;

impl Method for GetNodeDetails {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Nodes",
            name: "getNodeDetails",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "AccountSetup",
        request: RequestShape::Query,
        arguments: &NodeDetailsRequest::ARGUMENTS,
        answer: Answer::Tree(NODE_DETAILS),
        paged: Known::Yes(false),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"node_id\": \"N1\"}",
    };
    type Request = NodeDetailsRequest;
    type Wire = wire::Query;
    type Output = Value;

    fn prepare(request: &NodeDetailsRequest) -> Result<Prepared, ValidationErrors> {
        let view = request.view();
        check(&view)?;
        Ok(list::prepared(list::query_of(
            &view,
            &NodeDetailsRequest::ARGUMENTS,
        )))
    }

    fn prepare_wire(request: &wire::Query) -> Result<Prepared, ValidationErrors> {
        let checked = check(request)?;
        Self::prepare(&checked)
    }

    fn decode(body: &[u8]) -> Result<Value, crate::DecodeError> {
        read_tree(body, &["results", "result"], NODE_DETAILS)
    }
}
