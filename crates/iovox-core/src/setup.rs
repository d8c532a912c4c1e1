//! Nodes and links made and removed: createNodes, createLinks, deleteNodes, deleteLinks,
//! each a declaration over `crate::records`. None is repeated once it may have been sent:
//! a create repeated answers "already exists", a delete repeated "does not exist".
//! The facts and how sure we are of each: docs/decisions.md 37.

use crate::records::{Element, ElementKind as E, IdList, RecordsBody};
use crate::wire;

/// A list of IDs to remove (deleteNodes, deleteLinks).
///
/// ```
/// use iovox_core::{method::{DeleteNodes, Method}, IdsRequest};
/// let e = DeleteNodes::prepare(&IdsRequest::new(["N1", "", "a,b"])).unwrap_err();
/// assert_eq!(e.messages(), ["Node ID 2 of 3 Empty",
///     "Node ID 3 of 3 holds a comma, which IOVOX's comma-joined list cannot carry"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IdsRequest {
    /// The IDs, in order.
    pub ids: Vec<String>,
}

impl IdsRequest {
    /// These IDs.
    pub fn new<S: Into<String>>(ids: impl IntoIterator<Item = S>) -> Self {
        IdsRequest {
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }

    /// The request as the wire carries it.
    pub fn to_wire(&self) -> wire::DetachRequest {
        wire::DetachRequest {
            link_ids: (self.ids.iter())
                .map(|id| wire::Entry(Some(id.as_str().into())))
                .collect(),
        }
    }
}

/// A `<node>` of createNodes (page, clients).
pub const NODE: RecordsBody = RecordsBody {
    item: "node",
    argument: "nodes",
    elements: &[
        Element::required("node_id", "Node ID"),
        Element::required("node_name", "Node Name"),
        Element::required("node_type", "Node Type"),
        Element::optional("node_date", "Node Date", E::DateTime, true),
    ],
};

/// A `<link>` of createLinks (page, clients; only "Link ID x of y Empty" is stated).
pub const LINK: RecordsBody = RecordsBody {
    item: "link",
    argument: "links",
    elements: &[
        Element::required_unchecked("node_id", "Node ID"),
        Element::required("link_id", "Link ID"),
        Element::required_unchecked("link_name", "Link Name"),
        Element::required_unchecked("link_type", "Link Type"),
        Element::optional("link_date", "Link Date", E::DateTime, false),
        Element::optional("click_to_call", "Click To Call", E::Flag, false),
    ],
};

/// deleteNodes' `node_ids` (page).
pub const NODE_IDS: IdList = IdList {
    argument: "node_ids",
    label: "Node ID",
    none: "Node IDs Empty",
};

/// deleteLinks' `link_ids` (page).
pub const LINK_IDS: IdList = IdList {
    argument: "link_ids",
    label: "Link ID",
    none: "Link IDs Empty",
};

/// A method whose body is records ([`RecordsBody`]): its name, body, route, success status,
/// how sure we are of it, and an example in the wire form.
macro_rules! records_method {
    ($(#[$doc:meta])* $name:ident, $body:expr, $interface:literal, $method:literal, $verb:ident, $success:literal, $confidence:ident, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $crate::vocab::Method for $name {
            const SPEC: $crate::model::Spec = $crate::model::Spec {
                route: $crate::vocab::Route { interface: $interface, name: $method, verb: $crate::vocab::Verb::$verb },
                retry: $crate::vocab::Retry::NotAfterSent,
                area: "AccountSetup",
                request: $crate::model::RequestShape::Body,
                arguments: &[$crate::model::Argument::required($body.item, $crate::model::ArgumentKind::List)],
                answer: $crate::model::Answer::Nothing,
                paged: $crate::model::Known::Yes(false),
                success: Some($success),
                confidence: $crate::model::Confidence::$confidence,
                typed: true,
                example: $example,
            };
            type Request = $crate::records::Records;
            type Wire = $crate::wire::Records;
            type Output = ();

            fn prepare(request: &$crate::records::Records) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                Self::prepare_wire(&request.to_wire())
            }

            fn prepare_wire(request: &$crate::wire::Records) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                Ok($crate::vocab::Prepared {
                    query: Vec::new(),
                    body: $crate::records::prepare_records(&$body, request)?,
                    callback_url: None,
                })
            }

            /// No answer body is documented or read.
            fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
                Ok(())
            }
        }
    };
}

/// A method that removes what a list of IDs in the query names ([`IdList`]): its name, the
/// list, its interface and area (the catalogue's), and an example in the wire form.
macro_rules! ids_method {
    ($(#[$doc:meta])* $name:ident, $ids:expr, $interface:literal, $area:literal, $method:literal, $confidence:ident, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $crate::vocab::Method for $name {
            const SPEC: $crate::model::Spec = $crate::model::Spec {
                route: $crate::vocab::Route { interface: $interface, name: $method, verb: $crate::vocab::Verb::Delete },
                retry: $crate::vocab::Retry::NotAfterSent,
                area: $area,
                request: $crate::model::RequestShape::Query,
                arguments: &[$crate::model::Argument::required($ids.argument, $crate::model::ArgumentKind::List)],
                answer: $crate::model::Answer::Nothing,
                paged: $crate::model::Known::Yes(false),
                success: Some(204),
                confidence: $crate::model::Confidence::$confidence,
                typed: true,
                example: $example,
            };
            type Request = $crate::setup::IdsRequest;
            type Wire = $crate::wire::DetachRequest;
            type Output = ();

            fn prepare(request: &$crate::setup::IdsRequest) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                Self::prepare_wire(&request.to_wire())
            }

            fn prepare_wire(request: &$crate::wire::DetachRequest) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                Ok($crate::vocab::Prepared {
                    query: $crate::records::prepare_ids(&$ids, request)?,
                    body: String::new(),
                    callback_url: None,
                })
            }

            /// Success is "204 No Content".
            fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
                Ok(())
            }
        }
    };
}

pub(crate) use {ids_method, records_method};

records_method!(
    /// `createNodes`: nodes, each with the caller's own ID. Not repeated once it may have
    /// been sent (a repeat answers "Node ID x of y already exists").
    CreateNodes, NODE, "Nodes", "createNodes", Post, 201, PageAndClients,
    "{\"nodes\": [{\"node_id\": \"Model N1\", \"node_name\": \"Model shop\", \"node_type\": \"Store\"}]}"
);

records_method!(
    /// `createLinks`: links under existing nodes, each with the caller's own ID. Not
    /// repeated once it may have been sent (a repeat answers "Link ID x of y already exists").
    CreateLinks, LINK, "Links", "createLinks", Post, 201, PageAndClients,
    "{\"links\": [{\"node_id\": \"N1\", \"link_id\": \"Model L1\", \"link_name\": \"Model link\", \"link_type\": \"Web\"}]}"
);

/// A `<node>` of updateNodes (page, clients): omitted elements keep their value; a name or
/// type given blank is refused.
pub const NODE_UPDATE: RecordsBody = RecordsBody {
    item: "node",
    argument: "nodes",
    elements: &[
        Element::required("node_id", "Node ID"),
        Element::optional("new_node_id", "New Node ID", E::Text, false),
        Element::not_blank("node_name", "Node Name"),
        Element::not_blank("node_type", "Node Type"),
        Element::optional("node_date", "Node Date", E::DateTime, false),
    ],
};

/// A `<link>` of updateLinks (page, clients): omitted elements keep their value; a name
/// given blank is refused. A link cannot move to another node (no `node_id`).
pub const LINK_UPDATE: RecordsBody = RecordsBody {
    item: "link",
    argument: "links",
    elements: &[
        Element::required("link_id", "Link ID"),
        Element::optional("new_link_id", "New Link ID", E::Text, false),
        Element::not_blank("link_name", "Link Name"),
        Element::optional("link_type", "Link Type", E::Text, false),
        Element::optional("click_to_call", "Click To Call", E::Flag, false),
        Element::optional("link_date", "Link Date", E::DateTime, false),
    ],
};

records_method!(
    /// `updateNodes`: names, types, dates, or a new ID (`new_node_id`). Not repeated once
    /// it may have been sent: a rename repeated answers "Node ID x of y does not exist".
    UpdateNodes, NODE_UPDATE, "Nodes", "updateNodes", Put, 204, PageAndClients,
    "{\"nodes\": [{\"node_id\": \"N1\", \"node_name\": \"Main shop\"}]}"
);

records_method!(
    /// `updateLinks`: names, types, click-to-call, dates, or a new ID (`new_link_id`). Not
    /// repeated once it may have been sent: a rename repeated answers "Link ID x of y does
    /// not exist".
    UpdateLinks, LINK_UPDATE, "Links", "updateLinks", Put, 204, PageAndClients,
    "{\"links\": [{\"link_id\": \"100\", \"link_name\": \"Main line\"}]}"
);

ids_method!(
    /// `deleteNodes`: nodes with their links. Not repeated once it may have been sent (a
    /// repeat answers "Node ID x of y does not exist").
    DeleteNodes, NODE_IDS, "Nodes", "AccountSetup", "deleteNodes", PageAndClients,
    "{\"node_ids\": [\"Model N1\"]}"
);

ids_method!(
    /// `deleteLinks`: links. Not repeated once it may have been sent (a repeat answers
    /// "Link ID x of y does not exist").
    DeleteLinks, LINK_IDS, "Links", "AccountSetup", "deleteLinks", PageAndClients,
    "{\"link_ids\": [\"Model L1\"]}"
);
