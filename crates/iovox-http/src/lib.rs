//! The IOVOX REST API v3 client: every method the model of `iovox-core` types, on
//! [`Client`] and (feature `tokio`) [`AsyncClient`], and any other method through
//! [`Client::raw_request`] (`iovox methods` lists them all), over HTTPS with ureq, with
//! validation before sending, timeouts, a body cap, retries only where a repeat cannot do
//! harm, paging ([`Client::pages`], [`Client::list_pages`]), and one error type with kinds.
//!
//! ```no_run
//! use iovox_http::{Client, Credentials, NumberType, PurchaseItem, PurchaseRequest, SANDBOX_URL};
//! let client = Client::new(Credentials::new("me", "my-secure-key"), SANDBOX_URL)?;
//! let item = PurchaseItem::new(44, NumberType::Geographic, 2).area_code(151);
//! let order = client.purchase_vox_numbers(&PurchaseRequest::new(vec![item]))?;
//! println!("{} {}", order.order_reference, order.order_status);
//! # Ok::<(), iovox_http::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "tokio")]
mod asynchronous;
mod call;
mod callback;
mod client;
pub mod config;
mod error;
mod generated;
mod lifecycle;
mod listing;
mod redact;
mod retry;
mod save;
mod tls;

#[cfg(feature = "tokio")]
pub use asynchronous::{AsyncClient, AsyncPages, Paging};
pub use call::{CallOptions, Cancel};
pub use callback::{
    check_callback_credentials, check_callback_url_credentials, parse_callback, receive_callback,
    receive_callback_with, CallbackError,
};
pub use client::{
    AttemptHook, AttemptLog, Client, ClientBuilder, CALL_HEADER, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT, PRODUCTION_URL,
    SANDBOX_URL, USER_AGENT,
};
pub use error::{Credentials, Error, ErrorKind, SecureKey, Source};
/// What [`AsyncPages`] is, for `StreamExt` of `futures` or `tokio-stream`.
#[cfg(feature = "tokio")]
pub use futures_core::Stream;
pub use iovox_core;
/// The model of every method (routes, retry classes, declarations) and the wire forms of
/// requests, so a caller of `iovox-http` needs no other crate (`iovox_http::method::GetVoxnumbers`,
/// `iovox_http::wire::Query`).
pub use iovox_core::{method, wire, Field, Record};
/// The request and answer models a caller builds and reads, so that one import serves the
/// common case (`use iovox_http::{Client, PurchaseRequest, PurchaseItem, NumberType};`).
pub use iovox_core::{
    AccountLink, AccountVoxnumber, AdditionalInformation, AssignedStatus, AttachMethod,
    AttachRequest, ByArea, ByPostcode, CallStatus, CategoriesRequest, Category, CategoryIdRequest,
    CategoryMatch, CountriesRequest, Country, DeleteVoxnumbersRequest, DetachRequest, Link,
    LinksRequest, NumberType, Order, OrderStatus, Page, PurchaseItem, PurchaseRequest,
    RegionsRequest, VoxNumber, VoxnumberRegion, VoxnumberType, VoxnumbersRequest,
};
pub use iovox_core::{
    AccountNode, Call, CallDataRequest, CallMetrics, CallMetricsRequest, CallStatusRequest,
    IdsRequest, InitiateCallRequest, NodeDetailsRequest, NodesRequest, Records,
};
pub use iovox_core::{Advanced, RuleTemplate, RuleTemplatesRequest, TemplateType};
pub use iovox_core::{BlockOperator, BlockedNumbersRequest, InOrOut};
pub use iovox_core::{CallFlowsRequest, DeleteCallFlowsRequest};
pub use iovox_core::{
    Contact, ContactDetails, ContactDetailsRequest, ContactUpdates, ContactsRequest,
    DeleteContactsRequest,
};
pub use iovox_core::{DeleteTimeTemplatesRequest, TimeTemplatesRequest};
pub use iovox_core::{
    SoundFile, SoundFileInfo, SoundFileKey, SoundFileUpdate, SoundFileUpdates, SoundFiles,
    SoundFilesRequest,
};
pub use lifecycle::{Paged, Pages, RawRequest, RawResponse};
pub use listing::ListPages;
pub use retry::RetryPolicy;
pub use save::save_recording;
