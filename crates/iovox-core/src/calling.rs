//! initiateCall: a call placed now (or `delay` minutes on) that follows the calling rules
//! of a link, with the call variables those rules use (`call_destination`, the caller's
//! own). It acts on the outside world: never repeated once it may have been sent.
//!
//! What the page states and how sure we are of each fact: `docs/decisions.md` 45. In
//! short: `link_id` and `call_variables` (free names, `call_destination` and `delay`
//! among them) are the page's; its error table is cut in the copy we have, and the PHP
//! client's copy names only "Request Empty", so nothing else is checked with IOVOX's
//! words. Call variables are XML elements named by the caller: a name XML cannot carry is
//! refused before sending (ours).

use crate::check::{owned_text, xml_text, Given, Report, WHOLE_REQUEST};
use crate::error::{ErrorCode as C, ValidationErrors};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use serde_json::Value;

/// An initiateCall request: the link whose calling rules the call follows, and the call
/// variables they use, by name (sent in name order: each is an element of its own, found by
/// its name).
///
/// ```
/// use iovox_core::method::{InitiateCall, Method};
/// let call = iovox_core::InitiateCallRequest::new("link123")
///     .variable("call_destination", "449789123123,,1")
///     .variable("delay", "30");
/// let body = InitiateCall::prepare(&call).unwrap().body;
/// assert!(body.ends_with("<request><link_id>link123</link_id><call_variables>\
/// <call_destination>449789123123,,1</call_destination><delay>30</delay></call_variables></request>"));
/// let bad = iovox_core::InitiateCallRequest::new("link123").variable("my var", "x");
/// assert_eq!(InitiateCall::prepare(&bad).unwrap_err().messages(),
///     ["Call variable \"my var\" is not a name an XML element can have"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct InitiateCallRequest {
    /// The link whose calling rules to follow.
    pub link_id: String,
    /// The call variables by name: `call_destination` (digits, `,` a 2-second pause, a
    /// digit a keypress once answered), `delay` (minutes), and the rules' own.
    pub call_variables: std::collections::BTreeMap<String, String>,
}

impl InitiateCallRequest {
    /// A call following this link's rules.
    pub fn new(link_id: impl Into<String>) -> Self {
        InitiateCallRequest {
            link_id: link_id.into(),
            call_variables: Default::default(),
        }
    }

    /// With one more call variable.
    pub fn variable(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.call_variables.insert(name.into(), value.into());
        self
    }

    /// The request as the wire carries it: `{"link_id": …, "call_variables": {…}}`.
    pub fn to_wire(&self) -> Value {
        let variables: serde_json::Map<String, Value> = (self.call_variables.iter())
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        serde_json::json!({ "link_id": self.link_id, "call_variables": variables })
    }
}

/// Whether `name` can be an XML element's name as IOVOX reads one: a letter or `_`, then
/// letters, digits, `_`, `-` or `.`, not beginning with `xml` in any case (reserved).
fn element_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    first
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !name.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("xml"))
}

/// `initiateCall`: places a call. Not repeated once it may have been sent: a repeat
/// places a second call.
#[derive(Debug, Clone, Copy)]
pub struct InitiateCall;

impl Method for InitiateCall {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Calling",
            name: "initiateCall",
            verb: Verb::Post,
        },
        retry: Retry::NotAfterSent,
        area: "Calling",
        request: RequestShape::Body,
        arguments: &[
            Argument::required("link_id", K::Text),
            Argument::optional("call_variables", K::List),
        ],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(201),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"link_id\": \"333\", \"call_variables\": {\"call_destination\": \"449789123123,1\", \"delay\": 30}}",
    };
    type Request = InitiateCallRequest;
    type Wire = Value;
    type Output = ();

    fn prepare(request: &InitiateCallRequest) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(request: &Value) -> Result<Prepared, ValidationErrors> {
        let mut r = Report::default();
        let p = WHOLE_REQUEST;
        let link = crate::tree::given(request.get("link_id").unwrap_or(&Value::Null));
        let link_ok = xml_text(&mut r, p, "link_id", link);
        let mut variables = Vec::new();
        let empty = serde_json::Map::new();
        let given = match request.get("call_variables") {
            Some(Value::Object(m)) => m,
            _ => &empty,
        };
        for (name, value) in given {
            if !element_name(name) {
                let m = format!("Call variable {name:?} is not a name an XML element can have");
                r.push(C::VariableNameInvalid, None, Some("call_variables"), m);
                continue;
            }
            let v = crate::tree::given(value);
            if !xml_text(&mut r, p, "call_variables", v) {
                continue;
            }
            match v {
                Given::WrongKind | Given::Bytes(_) => {
                    let m = format!("Call variable {name} must be a text or a number");
                    r.push(C::VariableInvalid, None, Some("call_variables"), m);
                }
                _ => variables.push((name.as_str(), owned_text(v).unwrap_or_default())),
            }
        }
        r.finish(link_ok.then_some(()))?;
        let mut xml = String::from(crate::xml::DECLARATION);
        xml.push_str("<request><link_id>");
        xml.push_str(&quick_xml::escape::partial_escape(
            owned_text(link).unwrap_or_default().as_str(),
        ));
        xml.push_str("</link_id>");
        if !variables.is_empty() {
            xml.push_str("<call_variables>");
            for (name, value) in variables {
                let value = quick_xml::escape::partial_escape(value.as_str());
                xml.push_str(&format!("<{name}>{value}</{name}>"));
            }
            xml.push_str("</call_variables>");
        }
        xml.push_str("</request>");
        Ok(Prepared {
            query: Vec::new(),
            body: crate::xml::keep_carriage_returns(xml),
            callback_url: None,
        })
    }

    /// No answer body is documented or read.
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}

/// An initiateCall body as a server reads it (the sandbox): the link and the call
/// variables in order; `None` when the body is not that shape.
pub fn read_initiate_call(body: &[u8]) -> Option<(String, Vec<(String, String)>)> {
    use crate::xml::Node;
    let body = std::str::from_utf8(body).ok()?;
    let mut link = None;
    let mut variables: Vec<(String, String)> = Vec::new();
    let mut open: Option<(u8, String, String)> = None;
    let root = crate::xml::walk(body, |node| {
        match node {
            Node::Open(_, 1) => {}
            Node::Open(name, 2) if name == b"link_id" => {
                open = Some((2, "link_id".into(), String::new()))
            }
            Node::Open(name, 2) if name == b"call_variables" => {}
            Node::Open(name, 3) => {
                open = Some((3, String::from_utf8_lossy(name).into_owned(), String::new()))
            }
            Node::Open(..) => return Err("not an initiateCall body".into()),
            Node::Text(t) => match open.as_mut() {
                Some((_, _, text)) => text.push_str(t),
                None if t.trim().is_empty() => {}
                None => return Err("text outside an element".into()),
            },
            Node::Close(2 | 3) => match open.take() {
                Some((2, _, text)) => link = Some(text),
                Some((_, name, text)) => variables.push((name, text)),
                None => {}
            },
            Node::Close(_) => {}
        }
        Ok(())
    })
    .ok()?;
    (root == "request").then(|| (link.unwrap_or_default(), variables))
}
