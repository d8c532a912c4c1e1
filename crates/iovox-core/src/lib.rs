//! The model of the IOVOX Enterprise REST API v3, with its XML and validation: one
//! declaration per method ([`method::CATALOGUE`], every method IOVOX documents; those the
//! SDK types in [`method::TYPED`]: buying numbers with their callback, attaching them to
//! links and taking them off, the lists, giving numbers back). No I/O: the client
//! (`iovox-http`), the sandbox server (`iovox-sandbox`) and the Python and Node packages all
//! build on this, and `scripts/generate` writes their methods from it.
//!
//! Requests exist in two forms. The typed models ([`PurchaseRequest`], [`AttachRequest`],
//! [`DetachRequest`]) make most mistakes unrepresentable; the [`wire`] models hold every
//! value as it was given ([`wire::Given`]: text, integer, boolean or the wrong kind), which
//! is what a server decodes and what untyped callers fill in. Each method has one validator,
//! built from one rule function per field, that reads either form field by field: it checks
//! a typed request as it is, and turns a wire request into the typed form, with the
//! server's own messages, so every language answers the same input with the same words.
//! XML is written from the typed form only.
//!
//! ```
//! use iovox_core::{AttachRequest, Link, Order};
//! let xml = AttachRequest::new(vec![Link::by_area("333", 44, 20)]).to_xml();
//! assert!(xml.contains("<method>BY AREA</method>"));
//!
//! let callback = br#"<order><order_reference>r1</order_reference>
//!   <order_status>FULFILLED</order_status><voxnumbers><voxnumber><country_code>44</country_code>
//!   <area_code>151</area_code><full_voxnumber>441512100200</full_voxnumber></voxnumber>
//!   </voxnumbers></order>"#;
//! let order = Order::from_callback_xml(callback).unwrap();
//! assert_eq!(order.voxnumbers[0].full_voxnumber, "441512100200");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod attach;
pub mod blocked;
mod calling;
mod calls;
pub mod categories;
mod check;
pub mod contacts;
mod countries;
mod detach;
mod encode;
mod error;
pub mod flows;
mod links;
mod list;
pub mod method;
pub mod model;
pub mod nested;
mod nodes;
mod order;
mod purchase;
pub mod records;
mod regions;
mod release;
pub mod request;
pub mod setup;
pub mod sound;
mod status;
pub mod templates;
pub mod times;
pub mod tree;
pub mod url;
pub mod vocab;
mod voxnumbers;
pub mod wire;
mod xml;

pub use attach::{
    AttachMethod, AttachRequest, ByArea, ByPostcode, Link, BY_AREA, BY_POSTCODE, BY_VOXNUMBER,
};
pub use blocked::{
    BlockOperator, BlockedNumbersRequest, InOrOut, BLOCKED_NUMBER_ARGUMENTS, BLOCKED_NUMBER_FIELDS,
};
pub use calling::{read_initiate_call, InitiateCallRequest};
pub use calls::{
    Call, CallDataRequest, CallMetrics, CallMetricsRequest, CALL_ARGUMENTS, CALL_FIELDS,
    CALL_FILTERS, METRIC_FIELDS, METRIC_FILTERS,
};
pub use categories::{
    CategoriesRequest, Category, CategoryIdRequest, CategoryMatch, CATEGORIES_LIMIT,
    CATEGORY_ARGUMENTS, CATEGORY_FIELDS, CATEGORY_ID_ARGUMENTS,
};
pub use contacts::{
    read_contact_updates, Contact, ContactDetails, ContactDetailsRequest, ContactUpdates,
    ContactsRequest, DeleteContactsRequest, DeleteContactsWire, CONTACT_ARGUMENTS,
    CONTACT_DETAIL_ARGUMENTS, CONTACT_FIELDS, DELETE_CONTACT_ARGUMENTS,
};
pub use countries::{CountriesRequest, Country, COUNTRY_ARGUMENTS};
pub use detach::DetachRequest;
pub use error::{
    ApiErrorBody, DecodeError, ErrorCode, Position, ValidationError, ValidationErrors,
};
pub use flows::{
    read_flow, write_flow_answer, CallFlowsRequest, DeleteCallFlowsRequest, CALL_FLOW_ARGUMENTS,
};
pub use links::{AccountLink, LinksRequest, LINK_ARGUMENTS, LINK_FIELDS};
pub use list::{Field, Page, Paged, Record, LIMIT_RANGE};
pub use nested::{NodeDetailsRequest, NODE_DETAIL_ARGUMENTS, NODE_DETAIL_FIELDS};
pub use nodes::{AccountNode, NodesRequest, NODES_LIMIT, NODE_ARGUMENTS, NODE_FIELDS};
pub use order::{Order, OrderStatus, VoxNumber};
pub use purchase::{
    AdditionalInformation, NumberType, PurchaseItem, PurchaseRequest, CALLBACK_URL_MAX_CHARS,
    QUANTITY_RANGE,
};
pub use records::{read_records, Element, ElementKind, IdList, Records, RecordsBody};
pub use regions::{RegionsRequest, VoxnumberRegion, REGION_ARGUMENTS, REGION_FIELDS};
pub use release::{DeleteVoxnumbersRequest, DELETE_ARGUMENTS, MAX_VOXNUMBERS_PER_DELETE};
pub use setup::IdsRequest;
pub use sound::{
    SoundFile, SoundFileInfo, SoundFileKey, SoundFileUpdate, SoundFileUpdates, SoundFiles,
    SoundFilesRequest, SOUND_FILE_ARGUMENTS, SOUND_FILE_FIELDS,
};
pub use status::{read_call_status, CallStatusRequest, SETTABLE_CALL_STATUSES};
pub use templates::{
    read_link_ids, Advanced, RuleTemplate, RuleTemplatesRequest, TemplateType,
    RULE_TEMPLATE_ARGUMENTS, RULE_TEMPLATE_FIELDS,
};
pub use times::{
    DeleteTimeTemplatesRequest, DeleteTimeTemplatesWire, TimeTemplatesRequest,
    TIME_TEMPLATES_LIMIT, TIME_TEMPLATE_ARGUMENTS,
};
pub use voxnumbers::{
    AccountVoxnumber, AssignedStatus, CallStatus, VoxnumberType, VoxnumbersRequest,
    VOXNUMBER_ARGUMENTS, VOXNUMBER_FIELDS,
};
pub use xml::{decode_error_body, encode_error_body};
