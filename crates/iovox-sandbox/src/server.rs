//! The HTTP face of the sandbox: IOVOX's routes, version and verb checks, header auth,
//! body limits, fault injection, and the error XML of docs/decisions.md 10.

use crate::account::{Account, Restock};
use crate::callbacks::{lock, Sender};
use crate::templates::Kind as TemplateKind;
use crate::Fault;
use axum::body::{Body, Bytes};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use iovox_core::method::{
    AttachCategoryToLink, CreateBlockedNumbers, CreateCallFlow, DeleteBlockedNumbers,
    DeleteCallFlows, GetBlockedNumbers, GetCallFlow, GetCallFlows, Method as _,
    RemoveCategoryFromLink, UpdateBlockedNumbers, UpdateCallFlow,
};
use iovox_core::method::{
    AttachRuleTemplateToLinks, AttachSMSTemplateToLinks, GetRuleTemplates,
    GetVariableRulesOfTemplate, RemoveRuleTemplateFromLinks, RemoveSMSTemplateFromLinks,
};
use iovox_core::method::{
    AttachVoxnumberToLink, CreateCategories, CreateContacts, CreateLinks, CreateNodeFull,
    CreateNodes, CreateSoundFiles, DeleteCategories, DeleteContacts, DeleteLinks, DeleteNodes,
    DeleteSoundFiles, DeleteVoxnumbersFromAccount, GetCallData, GetCallMetrics, GetCallRecording,
    GetCategories, GetCategoryId, GetContactDetails, GetContacts, GetCountries, GetLinks,
    GetNodeDetails, GetNodes, GetSoundFileData, GetSoundFiles, GetVoicemailRecording,
    GetVoxnumberRegions, GetVoxnumbers, InitiateCall, PurchaseVoxNumbers, RemoveVoxnumberFromLink,
    Route, SetCallStatus, UpdateContacts, UpdateLinks, UpdateNodes, UpdateSoundFiles, CATALOGUE,
};
use iovox_core::method::{
    CreateCategoryConfigurations, CreateTimeTemplates, DeleteCategoryConfigurations,
    DeleteTimeTemplates, GetTimeTemplates, UpdateTimeTemplates,
};
use iovox_core::request::{
    decode_attach_request, decode_detach_request, decode_purchase_request, RequestError,
};
use iovox_core::wire;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use subtle::ConstantTimeEq;

/// Header that injects a fault into one request, when the sandbox allows it.
pub const FAULT_HEADER: &str = "x-iovox-sandbox-fault";

pub(crate) struct App {
    pub username: String,
    pub secure_key: String,
    pub account: Mutex<Account>,
    pub faults: Mutex<VecDeque<Fault>>,
    pub fault_header: bool,
    pub response_delay: Duration,
    pub max_body_bytes: usize,
    pub auto_restock_after: Option<Duration>,
    pub sender: Arc<Sender>,
    pub runtime: tokio::runtime::Handle,
    pub stats: Mutex<crate::Stats>,
    /// Requests received per `method=` of the query, faulted ones included.
    pub requests_by_method: Mutex<std::collections::HashMap<String, u64>>,
}

fn xml(status: StatusCode, body: String) -> Response {
    (status, [("content-type", "text/xml")], body).into_response()
}

fn errors(status: StatusCode, messages: &[String]) -> Response {
    xml(
        status,
        iovox_core::encode_error_body(status.as_u16(), messages),
    )
}

fn error(status: StatusCode, message: &str) -> Response {
    errors(status, &[message.to_string()])
}

impl App {
    fn authorised(&self, headers: &HeaderMap) -> bool {
        // HeaderMap matches names case-insensitively; compare values in constant time.
        let same = |name: &str, want: &str| {
            headers
                .get(name)
                .is_some_and(|v| bool::from(v.as_bytes().ct_eq(want.as_bytes())))
        };
        let user = same("username", &self.username);
        let key = same("securekey", &self.secure_key);
        user & key
    }

    /// Sends callbacks on the blocking pool: the request that caused them never waits.
    pub fn send_callbacks(&self, jobs: Vec<crate::account::CallbackJob>) {
        for job in jobs {
            let sender = self.sender.clone();
            self.runtime.spawn_blocking(move || sender.deliver(job));
        }
    }

    fn next_fault(&self, headers: &HeaderMap) -> Option<Fault> {
        if self.fault_header {
            if let Some(f) = headers.get(FAULT_HEADER).and_then(|v| v.to_str().ok()) {
                return Fault::parse(f);
            }
        }
        lock(&self.faults).pop_front()
    }
}

pub(crate) async fn handle(
    axum::extract::State(app): axum::extract::State<Arc<App>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    lock(&app.stats).requests += 1;
    if let Some(name) = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "method")
        .map(|(_, v)| v.into_owned())
    {
        *lock(&app.requests_by_method).entry(name).or_default() += 1;
    }
    // Read the request body before anything else, even when a fault answers early: closing
    // a connection with unread bytes makes the kernel send RST, and the client may then
    // lose part of the answer.
    let body = axum::body::to_bytes(body, app.max_body_bytes).await.ok();
    let fault = app.next_fault(&headers);
    if !app.response_delay.is_zero() {
        tokio::time::sleep(app.response_delay).await;
    }
    match fault {
        Some(Fault::Slow(d)) => tokio::time::sleep(d).await,
        Some(Fault::InternalError) => {
            return error(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error")
        }
        Some(Fault::NotXml) => {
            return (
                StatusCode::BAD_GATEWAY,
                [("content-type", "text/html")],
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
            )
                .into_response()
        }
        Some(Fault::Oversized(n)) => {
            // A well-formed start, then far more bytes than any order needs.
            let mut body = String::from("<response><order_reference>");
            body.push_str(&"x".repeat(n));
            return xml(StatusCode::CREATED, body);
        }
        _ => {}
    }
    let response = route(&app, method, uri, headers, body).await;
    if matches!(fault, Some(Fault::Drop)) {
        return drop_mid_response(response).await;
    }
    response
}

/// The work was done; the answer is cut off half way (the connection is reset).
async fn drop_mid_response(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    if parts.status == StatusCode::NO_CONTENT {
        // A 204 carries no body to cut: the status line arrives, the promised byte never does.
        parts.status = StatusCode::OK;
    }
    let half = Bytes::copy_from_slice(&bytes[..bytes.len() / 2]);
    let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
        Ok(half),
        Err(std::io::Error::other(
            "connection dropped by fault injection",
        )),
    ];
    let mut r = Response::from_parts(parts, Body::from_stream(futures_util::stream::iter(chunks)));
    r.headers_mut().insert(
        "content-length",
        bytes
            .len()
            .max(1)
            .to_string()
            .parse()
            .expect("a number is a valid header"),
    );
    r
}

/// `body` is `None` when it was over the size limit.
async fn route(
    app: &Arc<App>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Option<Bytes>,
) -> Response {
    if !app.authorised(&headers) {
        return error(StatusCode::UNAUTHORIZED, "HTTP 401: Unauthorized");
    }
    let query: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let param = |name| query_param(&query, name);
    // Routes come from the methods' own definitions (iovox_core::method).
    let interface = uri.path().trim_start_matches('/');
    match uri.path() {
        "/_sandbox/restock" => return control_restock(app, &method, body).await,
        "/_sandbox/state" => return control_state(app, &method),
        _ if CATALOGUE.iter().any(|s| s.route.interface == interface) => {}
        other => return error(StatusCode::NOT_FOUND, &format!("Unknown interface {other}")),
    }
    match param("v") {
        None | Some("") => return error(StatusCode::BAD_REQUEST, "API Version Empty"),
        Some("3") => {}
        Some(_) => return error(StatusCode::BAD_REQUEST, "API Version Invalid"),
    }
    let route = match param("method") {
        Some(m) => match CATALOGUE
            .iter()
            .find(|s| s.route.interface == interface && s.route.name == m)
        {
            Some(spec) => spec.route,
            None => {
                let msg = format!("Unknown method {m} for interface {interface}");
                return error(StatusCode::NOT_FOUND, &msg);
            }
        },
        None => return error(StatusCode::NOT_FOUND, "Method name Empty"),
    };
    let Some(play) = player(route) else {
        // A method IOVOX has, that the sandbox does not play: said in our words, not
        // IOVOX's, so no test mistakes it for an answer.
        let msg = format!(
            "The sandbox does not answer {} yet; `iovox methods` lists the methods it answers",
            route.name
        );
        return error(StatusCode::NOT_IMPLEMENTED, &msg);
    };
    if method.as_str() != route.verb.as_str() {
        let msg = format!("Request Method must be {}. {method} attempted", route.verb);
        return error(StatusCode::BAD_REQUEST, &msg);
    }
    let body = match body {
        Some(b) => b,
        None => {
            let msg = format!(
                "Request body too large (limit {} bytes)",
                app.max_body_bytes
            );
            return error(StatusCode::PAYLOAD_TOO_LARGE, &msg);
        }
    };
    play(
        app,
        &Incoming {
            query: &query,
            headers: &headers,
            body: &body,
        },
    )
}

/// A query string argument, trimmed.
fn query_param<'a>(query: &'a [(String, String)], name: &str) -> Option<&'a str> {
    (query.iter())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
}

/// A request that reached a method the sandbox plays, its route checked.
struct Incoming<'a> {
    query: &'a [(String, String)],
    headers: &'a HeaderMap,
    body: &'a [u8],
}

impl Incoming<'_> {
    fn param(&self, name: &str) -> Option<&str> {
        query_param(self.query, name)
    }

    /// The body is only blanks: IOVOX's "XML Empty".
    fn blank(&self) -> bool {
        self.body.iter().all(u8::is_ascii_whitespace)
    }
}

/// What the sandbox answers for a method of the model, as IOVOX would. Every typed method
/// has one: the router is built from `iovox_core::typed_methods!`, so a typed method
/// without its part here does not compile.
trait Play: iovox_core::method::Method {
    fn play(app: &Arc<App>, request: &Incoming<'_>) -> Response;
}

macro_rules! router {
    ($($method:path),* $(,)?) => {
        /// The sandbox's part for a method of the model, if it plays one.
        fn player(route: Route) -> Option<fn(&Arc<App>, &Incoming<'_>) -> Response> {
            $(if route == <$method as iovox_core::method::Method>::ROUTE {
                return Some(<$method as Play>::play);
            })*
            None
        }
    };
}
iovox_core::typed_methods!(router);

/// Each typed method's part, by a shape shared with its kin (`listed`, `created`, …).
macro_rules! plays {
    ($($method:ty => |$app:ident, $request:ident| $body:expr;)*) => {
        $(impl Play for $method {
            fn play($app: &Arc<App>, $request: &Incoming<'_>) -> Response {
                $body
            }
        })*
    };
}

plays! {
    PurchaseVoxNumbers => |app, r| {
        let call = r.headers.get("x-iovox-call").and_then(|v| v.to_str().ok());
        purchase(app, r.body, call)
    };
    AttachVoxnumberToLink => |app, r| {
        no_content(app, r.body, decode_attach_request, Account::attach, |s| s.attaches += 1)
    };
    RemoveVoxnumberFromLink => |app, r| {
        no_content(app, r.body, decode_detach_request, Account::detach, |s| s.detaches += 1)
    };
    CreateCategories => |app, r| {
        created(app, r, &iovox_core::categories::CATEGORY, Account::create_categories)
    };
    DeleteCategories => |app, r| by_ids(app, r.param("categories"), Account::delete_categories);
    CreateCategoryConfigurations => |app, r| {
        let body = &iovox_core::categories::CATEGORY_CONFIGURATION;
        created(app, r, body, Account::create_category_configurations)
    };
    DeleteCategoryConfigurations => |app, r| {
        by_ids(app, r.param("categories_ids"), Account::delete_category_configurations)
    };
    GetCategories => |app, r| listed(r.query, wire::Query::validate_categories, |q| {
        lock(&app.account).categories(q)
    });
    GetCategoryId => |app, r| listed(r.query, wire::Query::validate_category_id, |q| {
        Ok(lock(&app.account).category_ids(q))
    });
    GetCountries => |app, r| listed(r.query, wire::Query::validate_countries, |q| {
        Ok(lock(&app.account).countries(q))
    });
    GetNodes => |app, r| listed(r.query, wire::Query::validate_nodes, |q| {
        Ok(lock(&app.account).nodes(q))
    });
    GetVoxnumberRegions => |app, r| listed(r.query, wire::Query::validate_regions, |q| {
        Ok(lock(&app.account).regions(q))
    });
    GetVoxnumbers => |app, r| listed(r.query, wire::Query::validate_voxnumbers, |q| {
        Ok(lock(&app.account).voxnumbers(q))
    });
    GetLinks => |app, r| listed(r.query, wire::Query::validate_links, |q| {
        lock(&app.account).links(q)
    });
    GetCallData => |app, r| listed(r.query, wire::Query::validate_call_data, |q| {
        lock(&app.account).call_data(q)
    });
    GetCallMetrics => |app, r| listed(r.query, wire::Query::validate_call_metrics, |q| {
        lock(&app.account).call_metrics(q)
    });
    CreateNodes => |app, r| created(app, r, &iovox_core::setup::NODE, Account::create_nodes);
    CreateLinks => |app, r| created(app, r, &iovox_core::setup::LINK, Account::create_links);
    UpdateNodes => |app, r| {
        updated(app, r, &iovox_core::setup::NODE_UPDATE, Account::update_nodes)
    };
    UpdateLinks => |app, r| {
        updated(app, r, &iovox_core::setup::LINK_UPDATE, Account::update_links)
    };
    DeleteNodes => |app, r| by_ids(app, r.param("node_ids"), Account::delete_nodes);
    DeleteLinks => |app, r| by_ids(app, r.param("link_ids"), Account::delete_links);
    AttachRuleTemplateToLinks => |app, r| attach_template(app, r, TemplateKind::Calls);
    AttachSMSTemplateToLinks => |app, r| attach_template(app, r, TemplateKind::Sms);
    RemoveRuleTemplateFromLinks => |app, r| remove_template(app, r, TemplateKind::Calls);
    RemoveSMSTemplateFromLinks => |app, r| remove_template(app, r, TemplateKind::Sms);
    GetRuleTemplates => |app, r| listed(r.query, wire::Query::validate_rule_templates, |q| {
        Ok(lock(&app.account).rule_templates(q))
    });
    GetVariableRulesOfTemplate => |app, r| {
        let given: serde_json::Map<String, serde_json::Value> = (r.query.iter())
            .filter(|(k, _)| k != "v" && k != "method")
            .map(|(k, v)| (k.clone(), serde_json::Value::from(v.as_str())))
            .collect();
        if let Err(e) = GetVariableRulesOfTemplate::prepare_wire(&given.into()) {
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
        let name = r.param("template_name").unwrap_or_default();
        let link = r.param("link_id").filter(|l| !l.trim().is_empty());
        let rules = lock(&app.account).variable_rules(name.trim(), link.map(str::trim));
        match rules {
            Ok(rules) => xml(
                StatusCode::OK,
                iovox_core::tree::write_tree(&["response"], iovox_core::templates::VARIABLE_RULES, &rules),
            ),
            Err(message) => errors(StatusCode::BAD_REQUEST, &[message]),
        }
    };
    CreateBlockedNumbers => |app, r| items_body(app, r, "blocked_number", iovox_core::blocked::BLOCKED_NUMBER, StatusCode::CREATED, |v| {
        CreateBlockedNumbers::prepare_wire(&serde_json::json!({ "blocked_numbers": v }))
    }, Account::create_blocked_numbers);
    UpdateBlockedNumbers => |app, r| items_body(app, r, "blocked_number", iovox_core::blocked::BLOCKED_NUMBER_UPDATE, StatusCode::NO_CONTENT, |v| {
        UpdateBlockedNumbers::prepare_wire(&serde_json::json!({ "blocked_numbers": v }))
    }, Account::update_blocked_numbers);
    DeleteBlockedNumbers => |app, r| {
        let entries: Vec<String> = joined(r.param("blocked_numbers")).map(str::to_string).collect();
        let wire = wire::DetachRequest {
            link_ids: entries.iter().map(|e| wire::Entry(Some(e.as_str().into()))).collect(),
        };
        if let Err(e) = DeleteBlockedNumbers::prepare_wire(&wire) {
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
        match lock(&app.account).delete_blocked_numbers(&entries) {
            Ok(()) => StatusCode::NO_CONTENT.into_response(),
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
    GetBlockedNumbers => |app, r| {
        let request = match arguments(r.query).validate_blocked_numbers() {
            Ok(q) => q,
            Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
        };
        let page = lock(&app.account).blocked_numbers(&request);
        match page {
            Ok(page) => xml(
                StatusCode::OK,
                iovox_core::tree::write_tree(&["response"], iovox_core::blocked::BLOCKED_NUMBER_PAGE, &page),
            ),
            Err(message) => errors(StatusCode::BAD_REQUEST, &[message]),
        }
    };
    CreateTimeTemplates => |app, r| items_body(app, r, "time_template", iovox_core::times::TIME_TEMPLATE, StatusCode::CREATED, |v| {
        CreateTimeTemplates::prepare_wire(&serde_json::json!({ "time_templates": v }))
    }, Account::create_time_templates);
    UpdateTimeTemplates => |app, r| items_body(app, r, "time_template", iovox_core::times::TIME_TEMPLATE_UPDATE, StatusCode::NO_CONTENT, |v| {
        UpdateTimeTemplates::prepare_wire(&serde_json::json!({ "time_templates": v }))
    }, Account::update_time_templates);
    DeleteTimeTemplates => |app, r| {
        let labels: Vec<String> = joined(r.param("time_template_labels")).map(|l| l.trim().to_string()).collect();
        let force = r.param("force").unwrap_or("FALSE");
        let wire = iovox_core::DeleteTimeTemplatesWire {
            time_template_labels: labels.iter().map(|l| wire::Entry(Some(l.as_str().into()))).collect(),
            force: wire::Entry(Some(force.into())),
        };
        if let Err(e) = DeleteTimeTemplates::prepare_wire(&wire) {
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
        match lock(&app.account).delete_time_templates(&labels, force.eq_ignore_ascii_case("TRUE")) {
            Ok(()) => StatusCode::NO_CONTENT.into_response(),
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
    GetTimeTemplates => |app, r| {
        let request = match arguments(r.query).validate_time_templates() {
            Ok(q) => q,
            Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
        };
        let page = lock(&app.account).time_templates(&request);
        xml(StatusCode::OK, iovox_core::tree::write_tree(&["response"], iovox_core::times::TIME_TEMPLATE_PAGE, &page))
    };
    AttachCategoryToLink => |app, r| {
        updated(app, r, &iovox_core::categories::LINK_CATEGORY, Account::attach_category_to_link)
    };
    RemoveCategoryFromLink => |app, r| {
        updated(app, r, &iovox_core::categories::LINK_CATEGORY_REMOVAL, Account::remove_category_from_link)
    };
    CreateCallFlow => |app, r| flow_body(app, r, StatusCode::CREATED, |flow| {
        CreateCallFlow::prepare_wire(flow)
    }, Account::create_call_flow);
    UpdateCallFlow => |app, r| flow_body(app, r, StatusCode::NO_CONTENT, |flow| {
        UpdateCallFlow::prepare_wire(flow)
    }, Account::update_call_flow);
    GetCallFlow => |app, r| {
        if let Some(refused) = own_checks::<GetCallFlow>(r) {
            return refused;
        }
        let name = r.param("call_flow").unwrap_or_default();
        let flow = lock(&app.account).call_flow(name.trim());
        match flow.map(|f| iovox_core::write_flow_answer(&f)) {
            Ok(Some(xml_text)) => xml(StatusCode::OK, xml_text),
            Ok(None) => errors(StatusCode::INTERNAL_SERVER_ERROR, &["Internal Server Error".into()]),
            Err(message) => errors(StatusCode::BAD_REQUEST, &[message]),
        }
    };
    GetCallFlows => |app, r| listed(r.query, wire::Query::validate_call_flows, |q| {
        Ok(lock(&app.account).call_flows(q))
    });
    DeleteCallFlows => |app, r| {
        let names: Vec<String> = (r.param("call_flows").filter(|j| !j.is_empty()).into_iter())
            .flat_map(|j| j.split('|'))
            .map(|n| n.trim().to_string())
            .collect();
        let detach = serde_json::Value::from(r.param("detach_from_links").unwrap_or("FALSE"));
        let wire = serde_json::json!({ "call_flows": names, "detach_from_links": detach });
        if let Err(e) = DeleteCallFlows::prepare_wire(&wire) {
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
        let detach = r.param("detach_from_links").is_some_and(|d| d.eq_ignore_ascii_case("TRUE"));
        match lock(&app.account).delete_call_flows(&names, detach) {
            Ok(()) => StatusCode::NO_CONTENT.into_response(),
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
    CreateContacts => |app, r| {
        created(app, r, &iovox_core::contacts::CONTACT, Account::create_contacts)
    };
    UpdateContacts => |app, r| {
        if r.blank() {
            return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
        }
        let Some((rm_rules, replace, contacts)) = iovox_core::read_contact_updates(r.body) else {
            let e = RequestError::XmlParse {
                reason: "not a <request> of switches and flat <contact> elements".into(),
                line: 1,
                column: 1,
            };
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        };
        // The SDK's own checks, with the same words.
        let wire = serde_json::json!({
            "rm_rules": rm_rules,
            "replace_details": replace,
            "contacts": serde_json::to_value(&contacts.records).unwrap_or_default(),
        });
        let replace = match <UpdateContacts as iovox_core::method::Method>::prepare_wire(&wire) {
            Ok(_) => replace.is_some_and(|v| v.eq_ignore_ascii_case("TRUE")),
            Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
        };
        match lock(&app.account).update_contacts(replace, &contacts) {
            Ok(()) => StatusCode::NO_CONTENT.into_response(),
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
    DeleteContacts => |app, r| {
        let request = match arguments(r.query).validate_delete_contacts() {
            Ok(q) => q,
            Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
        };
        match lock(&app.account).delete_contacts(&request) {
            Ok(()) => StatusCode::NO_CONTENT.into_response(),
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
    GetContacts => |app, r| listed(r.query, wire::Query::validate_contacts, |q| {
        Ok(lock(&app.account).contacts(q))
    });
    GetContactDetails => |app, r| listed(r.query, wire::Query::validate_contact_details, |q| {
        Ok(lock(&app.account).contact_details(q))
    });
    CreateSoundFiles => |app, r| {
        created(app, r, &iovox_core::sound::SOUND_FILE, Account::create_sound_files)
    };
    UpdateSoundFiles => |app, r| {
        updated(app, r, &iovox_core::sound::SOUND_FILE_UPDATE, Account::update_sound_files)
    };
    DeleteSoundFiles => |app, r| by_ids(app, r.param("sound_files"), Account::delete_sound_files);
    GetSoundFiles => |app, r| listed(r.query, wire::Query::validate_sound_files, |q| {
        Ok(lock(&app.account).sound_files(q))
    });
    GetSoundFileData => |app, r| {
        if let Some(refused) = own_checks::<GetSoundFileData>(r) {
            return refused;
        }
        let label = r.param("sound_label").unwrap_or_default();
        let group = r.param("sound_group").unwrap_or_default();
        let audio = lock(&app.account).sound_file_data(label.trim(), group.trim());
        match audio {
            Ok(audio) => ([(CONTENT_TYPE, "application/octet-stream")], audio).into_response(),
            Err(message) => errors(StatusCode::BAD_REQUEST, &[message]),
        }
    };
    InitiateCall => |app, r| {
        if r.blank() {
            return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
        }
        let Some((link, variables)) = iovox_core::read_initiate_call(r.body) else {
            let e = RequestError::XmlParse {
                reason: "not a <request> of <link_id> and <call_variables>".into(),
                line: 1,
                column: 1,
            };
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        };
        // The SDK's own checks, with the same words.
        let wire = iovox_core::InitiateCallRequest {
            link_id: link.clone(),
            call_variables: variables.iter().cloned().collect(),
        };
        if let Err(e) = <InitiateCall as iovox_core::method::Method>::prepare(&wire) {
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
        match lock(&app.account).initiate_call(link.trim(), variables) {
            Ok(()) => StatusCode::CREATED.into_response(),
            Err(message) => errors(StatusCode::BAD_REQUEST, &[message]),
        }
    };
    GetCallRecording => |app, r| {
        own_checks::<GetCallRecording>(r).unwrap_or_else(|| recording(app, r, false))
    };
    GetVoicemailRecording => |app, r| {
        own_checks::<GetVoicemailRecording>(r).unwrap_or_else(|| recording(app, r, true))
    };
    SetCallStatus => |app, r| {
        if r.blank() {
            return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
        }
        // The page writes this one without the position details.
        let Some(request) = iovox_core::read_call_status(r.body) else {
            return errors(StatusCode::BAD_REQUEST, &["XML Parse Error".to_string()]);
        };
        match lock(&app.account).set_call_status(&request) {
            Ok(()) => StatusCode::NO_CONTENT.into_response(),
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
    CreateNodeFull => |app, r| {
        use iovox_core::nested::{NODE_FULL, NODE_FULL_ANSWER};
        if r.blank() {
            return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
        }
        let node = match iovox_core::tree::read_tree(r.body, &["node"], NODE_FULL) {
            Ok(node) => node,
            Err(e) => {
                let e = RequestError::XmlParse {
                    reason: e.message,
                    line: e.line.unwrap_or(1),
                    column: e.column.unwrap_or(1),
                };
                return errors(StatusCode::BAD_REQUEST, &e.messages());
            }
        };
        if let Err(e) = iovox_core::tree::prepare_tree(&["request", "node"], NODE_FULL, &node) {
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
        match lock(&app.account).create_node_full(&node) {
            Ok(answer) => xml(
                StatusCode::CREATED,
                iovox_core::tree::write_tree(&["response"], NODE_FULL_ANSWER, &answer),
            ),
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
    GetNodeDetails => |app, r| {
        let request = match wire::Query::validate_node_details(&arguments(r.query)) {
            Ok(q) => q,
            Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
        };
        match lock(&app.account).node_details(&request) {
            Ok(node) => xml(
                StatusCode::OK,
                iovox_core::tree::write_tree(
                    &["response", "results", "result"],
                    iovox_core::nested::NODE_DETAILS,
                    &node,
                ),
            ),
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
    DeleteVoxnumbersFromAccount => |app, r| {
        let request = match arguments(r.query).validate_delete_voxnumbers() {
            Ok(q) => q,
            Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
        };
        let result = lock(&app.account).delete_voxnumbers(&request);
        match result {
            Ok(()) => {
                lock(&app.stats).deletes += 1;
                StatusCode::NO_CONTENT.into_response()
            }
            Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        }
    };
}

/// A body of items that nest (blocked numbers, time templates): read, the SDK's checks
/// (`check` of the items as a JSON list), then the account's.
fn items_body(
    app: &Arc<App>,
    r: &Incoming<'_>,
    item: &str,
    elements: &'static [iovox_core::tree::Element],
    ok: StatusCode,
    check: fn(
        &serde_json::Value,
    ) -> Result<iovox_core::method::Prepared, iovox_core::ValidationErrors>,
    apply: fn(&mut Account, &[serde_json::Value]) -> Result<(), Vec<String>>,
) -> Response {
    if r.blank() {
        return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
    }
    let items = match iovox_core::tree::read_items(r.body, item, elements) {
        Ok(items) => items,
        Err(e) => {
            let e = RequestError::XmlParse {
                reason: e.message,
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
            };
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
    };
    if let Err(e) = check(&serde_json::Value::Array(items.clone())) {
        return errors(StatusCode::BAD_REQUEST, &e.messages());
    }
    match apply(&mut lock(&app.account), &items) {
        Ok(()) => ok.into_response(),
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
    }
}

/// createCallFlow and updateCallFlow: the flow read from its body, the SDK's checks, then
/// the account's.
fn flow_body(
    app: &Arc<App>,
    r: &Incoming<'_>,
    ok: StatusCode,
    check: fn(
        &serde_json::Value,
    ) -> Result<iovox_core::method::Prepared, iovox_core::ValidationErrors>,
    apply: fn(&mut Account, &serde_json::Value) -> Result<(), Vec<String>>,
) -> Response {
    if r.blank() {
        return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
    }
    let flow = match iovox_core::read_flow(r.body) {
        Ok(flow) => flow,
        Err(e) => {
            let e = RequestError::XmlParse {
                reason: e.message,
                line: 1,
                column: 1,
            };
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
    };
    if let Err(e) = check(&flow) {
        return errors(StatusCode::BAD_REQUEST, &e.messages());
    }
    match apply(&mut lock(&app.account), &flow) {
        Ok(()) => ok.into_response(),
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
    }
}

/// attachRuleTemplateToLinks and attachSMSTemplateToLinks: the body read as the SDK's
/// tree, its checks, then the account's.
fn attach_template(app: &Arc<App>, r: &Incoming<'_>, kind: TemplateKind) -> Response {
    use iovox_core::templates::ATTACH_TEMPLATE;
    if r.blank() {
        return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
    }
    let request = match iovox_core::tree::read_tree(r.body, &[], ATTACH_TEMPLATE) {
        Ok(request) => request,
        Err(e) => {
            let e = RequestError::XmlParse {
                reason: e.message,
                line: e.line.unwrap_or(1),
                column: e.column.unwrap_or(1),
            };
            return errors(StatusCode::BAD_REQUEST, &e.messages());
        }
    };
    if let Err(e) = iovox_core::tree::prepare_tree(&["request"], ATTACH_TEMPLATE, &request) {
        return errors(StatusCode::BAD_REQUEST, &e.messages());
    }
    match lock(&app.account).attach_template(kind, &request) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
    }
}

/// removeRuleTemplateFromLinks and removeSMSTemplateFromLinks: the link IDs, the SDK's
/// checks for the SMS one (its page's), then the account's.
fn remove_template(app: &Arc<App>, r: &Incoming<'_>, kind: TemplateKind) -> Response {
    use iovox_core::method::Method;
    if r.blank() {
        return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
    }
    let Some(ids) = iovox_core::read_link_ids(r.body) else {
        let e = RequestError::XmlParse {
            reason: "not a <request> of <link_ids>".into(),
            line: 1,
            column: 1,
        };
        return errors(StatusCode::BAD_REQUEST, &e.messages());
    };
    let checked = match kind {
        TemplateKind::Sms => RemoveSMSTemplateFromLinks::prepare_wire(&ids),
        TemplateKind::Calls => RemoveRuleTemplateFromLinks::prepare_wire(&ids),
    };
    if let Err(e) = checked {
        return errors(StatusCode::BAD_REQUEST, &e.messages());
    }
    match lock(&app.account).remove_template(kind, &ids) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
    }
}

/// getCallRecording and getVoicemailRecording: the call's audio, or IOVOX's message.
fn recording(app: &Arc<App>, r: &Incoming<'_>, voicemail: bool) -> Response {
    let id = r.param("id").unwrap_or_default();
    let audio = lock(&app.account).recording(id, voicemail);
    match audio {
        Ok(audio) => ([(CONTENT_TYPE, "audio/mpeg")], audio).into_response(),
        Err(message) => errors(StatusCode::BAD_REQUEST, &[message]),
    }
}

/// Whether the sandbox answers this method as IOVOX would (`iovox methods` says so for
/// each method of the model).
///
/// ```
/// use iovox_core::method::{find, Method, GetLinks};
/// assert!(iovox_sandbox::answers(&GetLinks::ROUTE));
/// assert!(!iovox_sandbox::answers(&find("createLinksFull").unwrap().route));
/// ```
pub fn answers(route: &Route) -> bool {
    player(*route).is_some()
}

/// A query string's arguments, without `v` and `method`, as the wire form.
fn arguments(query: &[(String, String)]) -> wire::Query {
    wire::Query::from_pairs(
        query
            .iter()
            .filter(|(k, _)| k != "v" && k != "method")
            .map(|(k, v)| (k.clone(), v.clone())),
    )
}

/// The method's own checks of its query (the SDK's, in the same words) before the sandbox
/// acts on it, so a request sent past the SDK (the raw call) meets them too: 400 with every
/// message, or `None` when it passes.
fn own_checks<M: iovox_core::method::Method<Wire = wire::Query>>(
    r: &Incoming<'_>,
) -> Option<Response> {
    (M::prepare_wire(&arguments(r.query)).err())
        .map(|e| errors(StatusCode::BAD_REQUEST, &e.messages()))
}

/// A list method: its arguments checked with the pages' messages, then one page.
fn listed<R, T: iovox_core::Record>(
    query: &[(String, String)],
    validate: fn(&wire::Query) -> Result<R, iovox_core::ValidationErrors>,
    list: impl FnOnce(&R) -> Result<iovox_core::Page<T>, Vec<String>>,
) -> Response {
    let request = match validate(&arguments(query)) {
        Ok(r) => r,
        Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
    };
    match list(&request) {
        Ok(page) => xml(StatusCode::OK, page.to_response_xml()),
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
    }
}

/// A method that changes the account and answers 204 (attach, detach): decode with the
/// server's messages, apply all or nothing, count it.
fn no_content<R>(
    app: &Arc<App>,
    body: &[u8],
    decode: fn(&[u8]) -> Result<R, RequestError>,
    apply: fn(&mut Account, &R) -> Result<(), Vec<String>>,
    count: fn(&mut crate::Stats),
) -> Response {
    let request = match decode(body) {
        Ok(r) => r,
        Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
    };
    let result = apply(&mut lock(&app.account), &request);
    match result {
        Ok(()) => {
            count(&mut lock(&app.stats));
            StatusCode::NO_CONTENT.into_response()
        }
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
    }
}

/// A body of records that changes (updateNodes, updateLinks): as [`created`], 204.
fn updated(
    app: &Arc<App>,
    r: &Incoming<'_>,
    records: &iovox_core::RecordsBody,
    apply: fn(&mut Account, &wire::Records) -> Result<(), Vec<String>>,
) -> Response {
    let answer = created(app, r, records, apply);
    if answer.status() == StatusCode::CREATED {
        StatusCode::NO_CONTENT.into_response()
    } else {
        answer
    }
}

/// A body of records (createNodes, createLinks): read, checked, applied whole; 201.
fn created(
    app: &Arc<App>,
    r: &Incoming<'_>,
    records: &iovox_core::RecordsBody,
    apply: fn(&mut Account, &wire::Records) -> Result<(), Vec<String>>,
) -> Response {
    if r.blank() {
        return errors(StatusCode::BAD_REQUEST, &RequestError::XmlEmpty.messages());
    }
    let Some(request) = iovox_core::read_records(r.body, records.item) else {
        let e = RequestError::XmlParse {
            reason: format!("not a <request> of flat <{}> elements", records.item),
            line: 1,
            column: 1,
        };
        return errors(StatusCode::BAD_REQUEST, &e.messages());
    };
    match apply(&mut lock(&app.account), &request) {
        Ok(()) => StatusCode::CREATED.into_response(),
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
    }
}

/// A comma-joined list of IDs in the query (deleteNodes, deleteLinks): checked, applied
/// whole; 204.
/// A comma-joined query value as its entries: none when it is absent or empty.
fn joined(value: Option<&str>) -> impl Iterator<Item = &str> {
    value
        .filter(|j| !j.is_empty())
        .into_iter()
        .flat_map(|j| j.split(','))
}

fn by_ids(
    app: &Arc<App>,
    ids: Option<&str>,
    apply: fn(&mut Account, &wire::DetachRequest) -> Result<(), Vec<String>>,
) -> Response {
    let ids = wire::DetachRequest {
        link_ids: joined(ids).map(|id| wire::Entry(Some(id.into()))).collect(),
    };
    match apply(&mut lock(&app.account), &ids) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
    }
}

fn purchase(app: &Arc<App>, body: &[u8], call: Option<&str>) -> Response {
    let request = match decode_purchase_request(body) {
        Ok(r) => r,
        Err(e) => return errors(StatusCode::BAD_REQUEST, &e.messages()),
    };
    let result = lock(&app.account).purchase(&request, call);
    match result {
        Err(messages) => errors(StatusCode::BAD_REQUEST, &messages),
        Ok((order, pending)) => {
            lock(&app.stats).purchases += 1;
            if let (Some(pending), Some(delay)) = (pending, app.auto_restock_after) {
                let app2 = app.clone();
                app.runtime.spawn(async move {
                    tokio::time::sleep(delay).await;
                    let jobs = lock(&app2.account).restock_for(&pending.reference);
                    app2.send_callbacks(jobs);
                });
            }
            xml(StatusCode::CREATED, order.to_response_xml())
        }
    }
}

/// `POST /_sandbox/restock` with JSON `{"country_code":44,"area_code":151,"count":5}`:
/// the same control as [`crate::Sandbox::restock`], for curl and other languages.
async fn control_restock(app: &Arc<App>, method: &Method, body: Option<Bytes>) -> Response {
    if method != Method::POST {
        return error(
            StatusCode::BAD_REQUEST,
            &format!("Request Method must be POST. {method} attempted"),
        );
    }
    let Some(bytes) = body else {
        return error(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large");
    };
    let restock: Restock = match serde_json::from_slice(&bytes) {
        Ok(r) => r,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                &format!("Invalid restock JSON: {e}"),
            )
        }
    };
    let jobs = lock(&app.account).restock(&restock);
    let n = jobs.len();
    app.send_callbacks(jobs);
    let body = serde_json::json!({ "callbacks": n }).to_string();
    (StatusCode::OK, [("content-type", "application/json")], body).into_response()
}

/// `GET /_sandbox/state`: the account as JSON, in the state file's format.
fn control_state(app: &Arc<App>, method: &Method) -> Response {
    if method != Method::GET {
        return error(
            StatusCode::BAD_REQUEST,
            &format!("Request Method must be GET. {method} attempted"),
        );
    }
    let state = lock(&app.account).state.clone();
    let body = serde_json::to_string_pretty(&state).unwrap_or_default();
    (StatusCode::OK, [("content-type", "application/json")], body).into_response()
}
