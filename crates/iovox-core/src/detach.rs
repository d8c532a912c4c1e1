//! removeVoxnumberFromLink: whatever number each link has goes back to the account's pool,
//! UNASSIGNED. The body is `<request>` with one `<link_id>` per link, no wrapper.

use crate::check::{owned_text, xml_text, Given, Report};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;

/// A removeVoxnumberFromLink request: the links to detach.
///
/// ```
/// use iovox_core::DetachRequest;
/// let request = DetachRequest::new(["333", "444"]);
/// assert!(request.to_xml().contains("<link_id>333</link_id><link_id>444</link_id>"));
/// assert_eq!(DetachRequest::new(Vec::<String>::new()).validate().unwrap_err().messages(),
///            vec!["Request Empty"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DetachRequest {
    /// The link IDs, in order.
    pub link_ids: Vec<String>,
}

impl DetachRequest {
    /// A request for these links.
    pub fn new<S: Into<String>>(link_ids: impl IntoIterator<Item = S>) -> Self {
        DetachRequest {
            link_ids: link_ids.into_iter().map(Into::into).collect(),
        }
    }

    /// The request as the wire carries it.
    pub fn to_wire(&self) -> wire::DetachRequest {
        wire::DetachRequest {
            link_ids: self
                .link_ids
                .iter()
                .map(|id| wire::Entry(Some(id.as_str().into())))
                .collect(),
        }
    }

    /// Every check that needs only the request, with the server's messages.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        self.accepted().map(drop)
    }

    fn accepted(&self) -> Result<DetachRequest, ValidationErrors> {
        check_detach(self.link_ids.iter().map(|id| Given::Text(id)))
    }

    /// The XML body (no validation: see [`Self::validate`]).
    pub fn to_xml(&self) -> String {
        crate::encode::detach(self)
    }
}

impl wire::DetachRequest {
    /// "Request Empty" with no link; "Link ID x of y Empty" for each blank one; on
    /// success the typed request, its IDs trimmed.
    pub fn validate(&self) -> Result<DetachRequest, ValidationErrors> {
        check_detach(self.link_ids.iter().map(|id| (&id.0).into()))
    }
}

/// The one validator of a detach.
fn check_detach<'a>(
    ids: impl ExactSizeIterator<Item = Given<'a>>,
) -> Result<DetachRequest, ValidationErrors> {
    let mut report = Report::default();
    let total = ids.len();
    if total == 0 {
        report.push(C::RequestEmpty, None, None, "Request Empty".into());
    }
    let mut link_ids = Vec::with_capacity(total);
    for (n, id) in ids.enumerate() {
        let p = Position {
            index: n + 1,
            total,
        };
        if !xml_text(&mut report, p, "link_id", id) {
            continue;
        }
        link_ids.extend(rule_link_id(id, p, &mut report));
    }
    report.finish(Some(DetachRequest { link_ids })) // an empty one failed above
}

/// `link_id`: required text.
fn rule_link_id(v: Given<'_>, p: Position, r: &mut Report) -> Option<String> {
    let id = owned_text(v);
    if id.is_none() {
        let m = format!("Link ID {p} Empty");
        r.push(C::LinkIdEmpty, Some(p), Some("link_id"), m);
    }
    id
}

/// `removeVoxnumberFromLink`: each link's number goes back to the pool, UNASSIGNED. A
/// repeat after success finds no number to remove ("does not have a VoxNumber") and
/// changes nothing, so it is safe to repeat.
#[derive(Debug, Clone, Copy)]
pub struct RemoveVoxnumberFromLink;

impl Method for RemoveVoxnumberFromLink {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Links",
            name: "removeVoxnumberFromLink",
            verb: Verb::Put,
        },
        retry: Retry::SafeToRepeat,
        area: "AccountSetup",
        request: RequestShape::Body,
        arguments: &[Argument::required("link_id", K::List)],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"link_ids\": [\"100\"]}",
    };
    type Request = DetachRequest;
    type Wire = wire::DetachRequest;
    type Output = ();

    /// A typed request is sent as built once its checks pass (the server trims text as
    /// the checks did).
    fn prepare(request: &DetachRequest) -> Result<Prepared, ValidationErrors> {
        request.validate()?;
        Ok(Prepared {
            query: Vec::new(),
            body: request.to_xml(),
            callback_url: None,
        })
    }

    fn prepare_wire(request: &wire::DetachRequest) -> Result<Prepared, ValidationErrors> {
        Ok(accepted(request.validate()?))
    }

    /// Success is "204 No Content": nothing to read.
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}

/// What the rules accepted, as the body to send.
fn accepted(request: DetachRequest) -> Prepared {
    Prepared {
        query: Vec::new(),
        body: request.to_xml(),
        callback_url: None,
    }
}
