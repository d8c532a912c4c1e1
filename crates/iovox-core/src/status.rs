//! setCallStatus: switches the call handling of numbers attached to links, `ON` (the link's
//! rules run) or `OFF` (calls are dropped). `PUT /Voxnumbers`; the body is
//! `<request><call_status/><voxnumbers><voxnumber/>…</voxnumbers></request>` (the page's
//! shape). Checked before sending, from the page's complete error table: "Call Status
//! Invalid" and "VoxNumbers Empty"; the numbers go as given (the page states no message for
//! a malformed one). Setting the same status again changes nothing: safe to repeat
//! (docs/decisions.md 39).

use crate::check::{owned_text, word, xml_text, Given, Report};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;

/// The statuses setCallStatus sets.
pub const SETTABLE_CALL_STATUSES: &[&str] = &["ON", "OFF"];

/// A setCallStatus request.
///
/// ```
/// use iovox_core::{method::{Method, SetCallStatus}, CallStatusRequest};
/// let prepared = SetCallStatus::prepare(&CallStatusRequest::new("OFF", ["442071234568"])).unwrap();
/// assert!(prepared.body.ends_with(
///     "<request><call_status>OFF</call_status><voxnumbers><voxnumber>442071234568</voxnumber></voxnumbers></request>"));
/// let e = SetCallStatus::prepare(&CallStatusRequest::new("PAUSED", Vec::<String>::new())).unwrap_err();
/// assert_eq!(e.messages(), ["Call Status Invalid", "VoxNumbers Empty"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CallStatusRequest {
    /// `ON` or `OFF`.
    pub call_status: String,
    /// The numbers, international digits; each attached to a link.
    pub voxnumbers: Vec<String>,
}

impl CallStatusRequest {
    /// These numbers to this status.
    pub fn new<S: Into<String>>(
        call_status: impl Into<String>,
        voxnumbers: impl IntoIterator<Item = S>,
    ) -> Self {
        CallStatusRequest {
            call_status: call_status.into(),
            voxnumbers: voxnumbers.into_iter().map(Into::into).collect(),
        }
    }

    /// The request as the wire carries it.
    pub fn to_wire(&self) -> wire::CallStatusRequest {
        wire::CallStatusRequest {
            call_status: Some(self.call_status.as_str().into()),
            voxnumbers: (self.voxnumbers.iter())
                .map(|n| wire::Entry(Some(n.as_str().into())))
                .collect(),
        }
    }
}

impl wire::CallStatusRequest {
    /// Every check the page states, then the typed request (values trimmed).
    pub fn validate(&self) -> Result<CallStatusRequest, ValidationErrors> {
        let mut r = Report::default();
        let whole = crate::check::WHOLE_REQUEST;
        let status_given: Given<'_> = (&self.call_status).into();
        let status = word(status_given).map(|s| s.to_string());
        let safe = xml_text(&mut r, whole, "call_status", status_given);
        let status_ok = safe
            && status
                .as_deref()
                .is_some_and(|s| SETTABLE_CALL_STATUSES.contains(&s));
        if safe && !status_ok {
            r.push(
                C::CallStatusInvalid,
                None,
                Some("call_status"),
                "Call Status Invalid".into(),
            );
        }
        let total = self.voxnumbers.len();
        let mut numbers = Vec::with_capacity(total);
        for (n, v) in self.voxnumbers.iter().enumerate() {
            let p = Position {
                index: n + 1,
                total,
            };
            let given: Given<'_> = (&v.0).into();
            if xml_text(&mut r, p, "voxnumbers", given) {
                // Sent as given: the page states no message for a blank or malformed one.
                numbers.push(owned_text(given).unwrap_or_default());
            }
        }
        if numbers.iter().all(String::is_empty) && numbers.len() == total {
            r.push(
                C::VoxnumbersEmpty,
                None,
                Some("voxnumbers"),
                "VoxNumbers Empty".into(),
            );
        }
        r.finish(
            status
                .filter(|_| status_ok)
                .map(|call_status| CallStatusRequest {
                    call_status,
                    voxnumbers: numbers,
                }),
        )
    }
}

fn body(r: &CallStatusRequest) -> String {
    let escape = |t: &str| quick_xml::escape::partial_escape(t).into_owned();
    let mut xml = String::from(crate::xml::DECLARATION);
    xml.push_str(&format!(
        "<request><call_status>{}</call_status><voxnumbers>",
        escape(&r.call_status)
    ));
    for n in &r.voxnumbers {
        xml.push_str(&format!("<voxnumber>{}</voxnumber>", escape(n)));
    }
    xml.push_str("</voxnumbers></request>");
    crate::xml::keep_carriage_returns(xml)
}

/// `setCallStatus`: safe to repeat (the same status again changes nothing, inferred).
#[derive(Debug, Clone, Copy)]
pub struct SetCallStatus;

impl Method for SetCallStatus {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Voxnumbers",
            name: "setCallStatus",
            verb: Verb::Put,
        },
        retry: Retry::SafeToRepeat,
        area: "Numbering",
        request: RequestShape::Body,
        arguments: &[
            Argument::required("call_status", K::Words(SETTABLE_CALL_STATUSES)),
            Argument::required("voxnumbers", K::List),
        ],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"call_status\": \"ON\", \"voxnumbers\": [\"442071234568\"]}",
    };
    type Request = CallStatusRequest;
    type Wire = wire::CallStatusRequest;
    type Output = ();

    fn prepare(request: &CallStatusRequest) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(request: &wire::CallStatusRequest) -> Result<Prepared, ValidationErrors> {
        Ok(Prepared {
            query: Vec::new(),
            body: body(&request.validate()?),
            callback_url: None,
        })
    }

    /// Success is "204 No Content".
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}

/// A setCallStatus body as a server reads it (the sandbox); `None` when it is not one.
pub fn read_call_status(body: &[u8]) -> Option<wire::CallStatusRequest> {
    use crate::xml::Node;
    let body = std::str::from_utf8(body).ok()?;
    let mut out = wire::CallStatusRequest::default();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let root = crate::xml::walk(body, |node| {
        match node {
            Node::Open(name, _) => {
                path.push(String::from_utf8_lossy(name).into_owned());
                text.clear();
            }
            Node::Text(t) => text.push_str(t),
            Node::Close(_) => {
                let value = (!text.is_empty()).then(|| text.as_str().into());
                match path.iter().map(String::as_str).collect::<Vec<_>>()[..] {
                    ["request", "call_status"] => out.call_status = value,
                    ["request", "voxnumbers", "voxnumber"] => {
                        out.voxnumbers.push(wire::Entry(value))
                    }
                    _ => {}
                }
                text.clear();
                path.pop();
            }
        }
        Ok(())
    })
    .ok()?;
    (root == "request").then_some(out)
}
