//! Call flows: calling rules written as IOVOX's Callflow XML, made by createCallFlow,
//! changed by updateCallFlow, read by getCallFlow, listed by getCallFlows, removed by
//! deleteCallFlows. A call flow is a rule template of the account's own: links follow it
//! through attachRuleTemplateToLinks.
//!
//! IOVOX writes a flow's rules as XML elements with attributes (`<call id="call_1"
//! label="Call" destinationPhoneNumber="?" record="true">`), documented apart from the
//! method pages. The SDK takes and answers each as a mapping: `element` (its tag), its
//! attributes by IOVOX's names (sent as written, never re-cased), and `children` (the
//! elements inside it, the same way). So every rule type the Callflow documentation has
//! is reachable without the SDK naming each one.
//!
//! What the pages state and how sure we are of each fact: `docs/decisions.md` 48.

use crate::check::{Given, Report};
use crate::error::{DecodeError, ErrorCode as C, ValidationErrors};
use crate::list;
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use serde_json::{Map, Value};

/// Whether `name` can be an XML element's or attribute's name: a letter or `_`, then
/// letters, digits, `_`, `-` or `.`.
fn xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// An attribute's value as IOVOX's examples write it: text as given, a number's digits, a
/// boolean `true`/`false`; `None` for a list or a mapping.
fn attribute_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Writes `elements` (each a mapping) into `out`, with every refusal in `r`: a name XML
/// cannot carry, an attribute that is not a text, a number or a boolean, `children` that
/// is not a list of mappings (ours: the Callflow documentation is not in our copies).
/// `where_` names the place for the messages ("rule 2 of 3").
fn write_elements(out: &mut String, elements: &[Value], where_: &str, r: &mut Report) {
    let total = elements.len();
    for (i, e) in elements.iter().enumerate() {
        let here = format!("{where_} {} of {total}", i + 1);
        let Value::Object(map) = e else {
            let m = format!("Call flow {here} must be a mapping with an element name");
            r.push(C::FlowElementInvalid, None, Some("rules"), m);
            continue;
        };
        write_element(out, map, &here, r);
    }
}

fn write_element(out: &mut String, map: &Map<String, Value>, here: &str, r: &mut Report) {
    let name = map
        .get("element")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !xml_name(name) {
        let m = format!("Call flow {here}: element {name:?} is not a name XML can carry");
        r.push(C::FlowElementInvalid, None, Some("rules"), m);
        return;
    }
    out.push('<');
    out.push_str(name);
    for (k, v) in map
        .iter()
        .filter(|(k, _)| *k != "element" && *k != "children")
    {
        if !xml_name(k) {
            let m = format!("Call flow {here}: attribute {k:?} is not a name XML can carry");
            r.push(C::FlowElementInvalid, None, Some("rules"), m);
            continue;
        }
        let Some(text) = attribute_text(v) else {
            let m =
                format!("Call flow {here}: attribute {k} must be a text, a number or a boolean");
            r.push(C::FlowElementInvalid, None, Some("rules"), m);
            continue;
        };
        if !crate::check::xml_text(r, crate::check::WHOLE_REQUEST, "rules", Given::Text(&text)) {
            continue;
        }
        out.push_str(&format!(
            " {k}=\"{}\"",
            quick_xml::escape::escape(text.as_str())
        ));
    }
    out.push('>');
    match map.get("children") {
        None | Some(Value::Null) => {}
        Some(Value::Array(children)) => write_elements(out, children, &format!("{here}, child"), r),
        Some(_) => {
            let m = format!("Call flow {here}: children must be a list of elements");
            r.push(C::FlowElementInvalid, None, Some("rules"), m);
        }
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// Every check of a flow that needs only the request, then the body: `<request><callFlow
/// name=… [newName=…] [notes=…]>` and its rules. The page's: "CallFlow Name Empty",
/// "There are no Rules in this Template", "Rule ID Empty" and "Rule Label Empty" (each
/// once, for the flow's own rules: `id` and `label` attributes).
fn prepare_flow(request: &Value, update: bool) -> Result<Prepared, ValidationErrors> {
    Ok(Prepared {
        query: Vec::new(),
        body: flow_xml("request", request, update)?,
        callback_url: None,
    })
}

/// A call flow as getCallFlow answers it (`<response><callFlow …>`), from the mapping
/// [`read_flow`] gives: what a server (the sandbox) writes. `None` when the flow breaks a
/// rule the SDK checks.
pub fn write_flow_answer(flow: &Value) -> Option<String> {
    flow_xml("response", flow, false).ok()
}

fn flow_xml(root: &str, request: &Value, update: bool) -> Result<String, ValidationErrors> {
    let mut r = Report::default();
    let text = |k: &str| {
        let v = crate::tree::given(request.get(k).unwrap_or(&Value::Null));
        (v, crate::check::owned_text(v))
    };
    let (name_given, name) = text("name");
    let name_ok = crate::check::xml_text(&mut r, crate::check::WHOLE_REQUEST, "name", name_given);
    if name_ok && name.is_none() {
        r.push(
            C::ArgumentEmpty,
            None,
            Some("name"),
            "CallFlow Name Empty".into(),
        );
    }
    let rules: &[Value] = match request.get("rules") {
        Some(Value::Array(rules)) => rules,
        _ => &[],
    };
    if rules.is_empty() {
        let m = "There are no Rules in this Template";
        r.push(C::NoRules, None, Some("rules"), m.into());
    }
    let blank = |rule: &Value, k: &str| {
        rule.get(k)
            .and_then(attribute_text)
            .is_none_or(|t| t.trim().is_empty())
    };
    if rules.iter().any(|rule| blank(rule, "id")) {
        r.push(C::Empty, None, Some("rules"), "Rule ID Empty".into());
    }
    if rules.iter().any(|rule| blank(rule, "label")) {
        r.push(C::Empty, None, Some("rules"), "Rule Label Empty".into());
    }
    let mut attributes = String::new();
    let names: &[(&str, &str)] = if update {
        &[
            ("name", "name"),
            ("new_name", "newName"),
            ("notes", "notes"),
        ]
    } else {
        &[("name", "name"), ("notes", "notes")]
    };
    for (key, attribute) in names {
        let (given, value) = text(key);
        if *key != "name"
            && !crate::check::xml_text(&mut r, crate::check::WHOLE_REQUEST, key, given)
        {
            continue;
        }
        if let Some(v) = value {
            attributes.push_str(&format!(
                " {attribute}=\"{}\"",
                quick_xml::escape::escape(v.as_str())
            ));
        }
    }
    let mut body = String::new();
    write_elements(&mut body, rules, "rule", &mut r);
    r.finish(Some(()))?;
    Ok(crate::xml::keep_carriage_returns(format!(
        "{}<{root}><callFlow{attributes}>{body}</callFlow></{root}>",
        crate::xml::DECLARATION
    )))
}

/// A call flow as a server or a decoder reads it: the `<callFlow>` under the root, as
/// `{"name", "notes", "new_name", "rules"}`, each rule a mapping (`element`, attributes,
/// `children`).
pub fn read_flow(body: &[u8]) -> Result<Value, DecodeError> {
    use quick_xml::events::Event;
    let text =
        std::str::from_utf8(body).map_err(|_| DecodeError::new("the call flow is not UTF-8"))?;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Map<String, Value>> = Vec::new();
    let mut flow: Option<Value> = None;
    let attributes =
        |e: &quick_xml::events::BytesStart<'_>| -> Result<Map<String, Value>, DecodeError> {
            let mut m = Map::new();
            for a in e.attributes() {
                let a = a.map_err(|e| DecodeError::new(format!("an attribute: {e}")))?;
                let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|e| DecodeError::new(format!("attribute {key}: {e}")))?;
                m.insert(key, Value::String(value.into_owned()));
            }
            Ok(m)
        };
    let element =
        |e: &quick_xml::events::BytesStart<'_>| -> Result<Map<String, Value>, DecodeError> {
            let mut m = attributes(e)?;
            let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
            m.insert("element".into(), name.into());
            Ok(m)
        };
    // Depth 1 is the root (`<response>`, or `<request>` for a server); the flow is under it.
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| DecodeError::new(format!("the call flow is not XML: {e}")))?;
        match event {
            Event::Start(_) if depth == 0 => depth = 1,
            Event::Empty(_) if depth == 0 => break,
            Event::Start(e) => {
                stack.push(element(&e)?);
                depth += 1;
            }
            Event::Empty(e) => close(&mut stack, element(&e)?, &mut flow),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth >= 1 {
                    if let Some(m) = stack.pop() {
                        close(&mut stack, m, &mut flow);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    flow.ok_or_else(|| DecodeError::new("no <callFlow> in the answer"))
}

/// An element read whole: a child of the one above it, or, at the top, the flow itself.
fn close(stack: &mut [Map<String, Value>], m: Map<String, Value>, flow: &mut Option<Value>) {
    match stack.last_mut() {
        Some(parent) => {
            let children = parent
                .entry("children")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = children {
                list.push(Value::Object(m));
            }
        }
        None => {
            // The <callFlow>: its attributes are the flow's; its children its rules.
            let mut out = Map::new();
            for key in ["name", "notes"] {
                if let Some(v) = m.get(key) {
                    out.insert(key.into(), v.clone());
                }
            }
            if let Some(v) = m.get("newName") {
                out.insert("new_name".into(), v.clone());
            }
            out.insert(
                "rules".into(),
                m.get("children")
                    .cloned()
                    .unwrap_or(Value::Array(Vec::new())),
            );
            *flow = Some(Value::Object(out));
        }
    }
}

/// A method whose body is a flow.
macro_rules! flow_method {
    ($(#[$doc:meta])* $name:ident, $method:literal, $verb:ident, $success:literal, $update:literal, $arguments:expr, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl Method for $name {
            const SPEC: Spec = Spec {
                route: Route { interface: "CallFlow", name: $method, verb: Verb::$verb },
                retry: Retry::NotAfterSent,
                area: "Calling",
                request: RequestShape::Body,
                arguments: $arguments,
                answer: Answer::Nothing,
                paged: Known::Yes(false),
                success: Some($success),
                confidence: Confidence::Page,
                typed: true,
                example: $example,
            };
            /// The flow as a mapping: `name`, `notes`, `rules` (each a mapping: `element`,
            /// its attributes, `children`).
            type Request = Value;
            type Wire = Value;
            type Output = ();

            fn prepare(request: &Value) -> Result<Prepared, ValidationErrors> {
                Self::prepare_wire(request)
            }

            fn prepare_wire(request: &Value) -> Result<Prepared, ValidationErrors> {
                prepare_flow(request, $update)
            }

            /// No answer body is documented or read.
            fn decode(_: &[u8]) -> Result<(), DecodeError> {
                Ok(())
            }
        }
    };
}

flow_method!(
    /// `createCallFlow`: a call flow of the account's own. Not repeated once it may have
    /// been sent (a repeat answers "CallFlow Name already exists").
    ///
    /// ```
    /// use iovox_core::method::{CreateCallFlow, Method};
    /// let flow = serde_json::json!({"name": "Call Agent", "notes": "Any agent", "rules": [
    ///     {"element": "call", "id": "call_1", "label": "Call", "destinationPhoneNumber": "?", "record": true,
    ///      "children": [{"element": "calledMessage", "children": [{"element": "soundFile", "soundLabel": "Lead"}]}]}]});
    /// let body = CreateCallFlow::prepare(&flow).unwrap().body;
    /// assert!(body.ends_with("<request><callFlow name=\"Call Agent\" notes=\"Any agent\"><call destinationPhoneNumber=\"?\" \
    /// id=\"call_1\" label=\"Call\" record=\"true\"><calledMessage><soundFile soundLabel=\"Lead\"></soundFile></calledMessage>\
    /// </call></callFlow></request>"));
    /// let none = serde_json::json!({"name": " ", "rules": []});
    /// assert_eq!(CreateCallFlow::prepare(&none).unwrap_err().messages(),
    ///     ["CallFlow Name Empty", "There are no Rules in this Template"]);
    /// ```
    CreateCallFlow, "createCallFlow", Post, 201, false,
    &[Argument::required("name", K::Text), Argument::optional("notes", K::Text), Argument::required("rules", K::List)],
    "{\"name\": \"Model flow\", \"rules\": [{\"element\": \"call\", \"id\": \"call_1\", \"label\": \"Call\", \"destinationPhoneNumber\": \"?\"}]}"
);

flow_method!(
    /// `updateCallFlow`: a call flow's rules, notes, or name (`new_name`); links that
    /// follow it take the new version, their values matched by rule ID. Not repeated once
    /// it may have been sent: a renaming repeated would find the old name gone.
    UpdateCallFlow, "updateCallFlow", Put, 204, true,
    &[
        Argument::required("name", K::Text),
        Argument::optional("new_name", K::Text),
        Argument::optional("notes", K::Text),
        Argument::required("rules", K::List),
    ],
    "{\"name\": \"Model flow\", \"notes\": \"Changed\", \"rules\": [{\"element\": \"call\", \"id\": \"call_1\", \"label\": \"Call\", \"destinationPhoneNumber\": \"?\"}]}"
);

/// `getCallFlow`: one call flow, its rules as mappings. A read, safe to repeat. The name
/// goes as given (the page states no message for a missing one).
///
/// ```
/// use iovox_core::method::{GetCallFlow, Method};
/// let answer = br#"<response><callFlow name="Call Agent" notes="n"><call id="call_1" label="Call" record="true"/></callFlow></response>"#;
/// let flow = GetCallFlow::decode(answer).unwrap();
/// assert_eq!(flow["rules"][0], serde_json::json!({"element": "call", "id": "call_1", "label": "Call", "record": "true"}));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GetCallFlow;

impl Method for GetCallFlow {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "CallFlow",
            name: "getCallFlow",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &[Argument::required("call_flow", K::Text)],
        answer: Answer::Flow,
        paged: Known::Yes(false),
        success: Some(200),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"call_flow\": \"Call Agent\"}",
    };
    /// The call flow's name.
    type Request = String;
    type Wire = crate::wire::Query;
    type Output = Value;

    fn prepare(name: &String) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(&crate::wire::Query::from_pairs([(
            "call_flow",
            name.as_str(),
        )]))
    }

    fn prepare_wire(q: &crate::wire::Query) -> Result<Prepared, ValidationErrors> {
        let mut r = Report::default();
        let ok = list::check_texts(q, &["call_flow"], &mut r);
        r.finish(ok.then_some(()))?;
        let name = list::text_filter(list::QueryView::get(q, "call_flow")).unwrap_or_default();
        Ok(list::prepared(vec![("call_flow", name)]))
    }

    fn decode(body: &[u8]) -> Result<Value, DecodeError> {
        read_flow(body)
    }
}

/// deleteCallFlows' `call_flows`: names joined by `|` (page), so a name holding one is
/// refused (ours, as a comma in every other ID list).
///
/// ```
/// use iovox_core::method::{DeleteCallFlows, Method};
/// let q = iovox_core::DeleteCallFlowsRequest::new(["Call Agent", "Old"]).detach_from_links(true);
/// assert_eq!(DeleteCallFlows::prepare(&q).unwrap().query,
///     [("call_flows", "Call Agent|Old".to_string()), ("detach_from_links", "TRUE".to_string())]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DeleteCallFlowsRequest {
    /// The call flows' names.
    pub call_flows: Vec<String>,
    /// Detach them from the links that follow them; without it, such a flow is refused.
    #[cfg_attr(feature = "serde", serde(default))]
    pub detach_from_links: bool,
}

impl DeleteCallFlowsRequest {
    /// These call flows, attached ones refused.
    pub fn new<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Self {
        DeleteCallFlowsRequest {
            call_flows: names.into_iter().map(Into::into).collect(),
            detach_from_links: false,
        }
    }

    /// Detach them from links first.
    pub fn detach_from_links(mut self, on: bool) -> Self {
        self.detach_from_links = on;
        self
    }

    fn to_wire(&self) -> Value {
        serde_json::json!({ "call_flows": self.call_flows, "detach_from_links": self.detach_from_links })
    }
}

/// `deleteCallFlows`: call flows, by name. Not repeated once it may have been sent.
#[derive(Debug, Clone, Copy)]
pub struct DeleteCallFlows;

impl Method for DeleteCallFlows {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "CallFlow",
            name: "deleteCallFlows",
            verb: Verb::Delete,
        },
        retry: Retry::NotAfterSent,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &[
            Argument::required("call_flows", K::List),
            Argument::optional("detach_from_links", K::Flag),
        ],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"call_flows\": [\"Model flow\"], \"detach_from_links\": true}",
    };
    type Request = DeleteCallFlowsRequest;
    /// `{"call_flows": [names], "detach_from_links": flag}`.
    type Wire = Value;
    type Output = ();

    fn prepare(request: &DeleteCallFlowsRequest) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(request: &Value) -> Result<Prepared, ValidationErrors> {
        let mut r = Report::default();
        let names: Vec<Value> = match request.get("call_flows") {
            Some(Value::Array(names)) => names.clone(),
            Some(Value::Null) | None => Vec::new(),
            Some(one) => vec![one.clone()],
        };
        let total = names.len();
        let mut out = Vec::with_capacity(total);
        for (n, v) in names.iter().enumerate() {
            let p = crate::error::Position {
                index: n + 1,
                total,
            };
            let given = crate::tree::given(v);
            if !crate::check::xml_text(&mut r, p, "call_flows", given) {
                continue;
            }
            let name = crate::check::owned_text(given).unwrap_or_default();
            if name.contains('|') {
                let m =
                    format!("Call Flow {p} holds a |, which IOVOX's |-joined list cannot carry");
                r.push(C::IdHasComma, Some(p), Some("call_flows"), m);
            }
            out.push(name);
        }
        let detach = crate::tree::given(request.get("detach_from_links").unwrap_or(&Value::Null));
        let detach = match crate::check::boolean(detach) {
            Ok(b) => Some(b),
            Err(()) => {
                let m = "detach_from_links must be TRUE or FALSE".to_string();
                r.push(C::SwitchInvalid, None, Some("detach_from_links"), m);
                None
            }
        };
        let detach = r.finish(detach)?;
        Ok(list::prepared(vec![
            ("call_flows", out.join("|")),
            (
                "detach_from_links",
                if detach { "TRUE" } else { "FALSE" }.into(),
            ),
        ]))
    }

    /// Success is "204 No Content".
    fn decode(_: &[u8]) -> Result<(), DecodeError> {
        Ok(())
    }
}

list::request! {
    /// A getCallFlows request: the account's call flows (and IOVOX's, as rule templates).
    ///
    /// ```
    /// let request = iovox_core::CallFlowsRequest::new().template_name("Call Agent");
    /// assert!(request.validate().is_ok());
    /// ```
    CallFlowsRequest {
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
        /// Sort: an abbreviation with `_ASC` or `_DESC`; sent as given (no message stated).
        order: Option<String> = list::OrderAsGiven,
        /// Only these fields of each result; sent as given (no message stated).
        req_fields: Vec<String> = list::FieldsAsGiven,
        /// Only the call flow with this name.
        template_name: Option<String> = list::Text,
        /// `DEFAULT`, `CUSTOM` or `ALL`; sent as given (no message stated).
        template_type: Option<String> = list::Text,
        /// `YES`: only advanced ones; sent as given (no message stated).
        advanced: Option<String> = list::Text,
    }
    /// getCallFlows' arguments: every key its request may have.
    arguments: CALL_FLOW_ARGUMENTS,
    /// A getCallFlows request from its arguments as given, with the messages.
    wire: validate_call_flows,
}

list::list_method! {
    /// `getCallFlows`: reads only, safe to repeat. Its results are rule templates (the
    /// PHP client describes the same `req_fields` as getRuleTemplates').
    GetCallFlows: CallFlowsRequest => crate::RuleTemplate,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "CallFlow",
            name: "getCallFlows",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Calling",
        request: RequestShape::Query,
        arguments: &CallFlowsRequest::ARGUMENTS,
        answer: Answer::List(&crate::RuleTemplate::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"template_type\": \"CUSTOM\"}",
    },
}
