//! removeVoxnumberFromLink: whatever number each link has goes back to the account's pool,
//! UNASSIGNED. The body is `<request>` with one `<link_id>` per link, no wrapper.

use crate::check::{free_text, xml_text, Report};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::method::{Method, Prepared, Retry, Route, Verb};
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
                .map(|id| wire::Text(Some(id.clone())))
                .collect(),
        }
    }

    /// Every check that needs only the request, with the server's messages.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        self.to_wire().validate().map(drop)
    }

    /// The XML body (no validation: see [`Self::validate`]).
    pub fn to_xml(&self) -> String {
        crate::encode::detach(&self.to_wire())
    }
}

impl wire::DetachRequest {
    /// The XML body, exactly in the shape of the page.
    pub fn to_xml(&self) -> String {
        crate::encode::detach(self)
    }

    /// "Request Empty" with no link; "Link ID x of y Empty" for each blank one; on
    /// success the typed request, its IDs trimmed.
    pub fn validate(&self) -> Result<DetachRequest, ValidationErrors> {
        let mut report = Report::default();
        let total = self.link_ids.len();
        if total == 0 {
            report.push(C::RequestEmpty, None, None, "Request Empty".into());
        }
        let mut link_ids = Vec::with_capacity(total);
        for (n, id) in self.link_ids.iter().enumerate() {
            let p = Position {
                index: n + 1,
                total,
            };
            if !xml_text(&mut report, p, &[("link_id", &id.0)]) {
                continue;
            }
            match free_text(&id.0) {
                Some(id) => link_ids.push(id.to_string()),
                None => report.push(
                    C::LinkIdEmpty,
                    Some(p),
                    Some("link_id"),
                    format!("Link ID {p} Empty"),
                ),
            }
        }
        report.finish((total > 0).then_some(DetachRequest { link_ids }))
    }
}

/// `removeVoxnumberFromLink`: each link's number goes back to the pool, UNASSIGNED. A
/// repeat after success finds no number to remove ("does not have a VoxNumber") and
/// changes nothing, so it is safe to repeat.
#[derive(Debug, Clone, Copy)]
pub struct RemoveVoxnumberFromLink;

impl Method for RemoveVoxnumberFromLink {
    const ROUTE: Route = Route {
        interface: "Links",
        name: "removeVoxnumberFromLink",
        verb: Verb::Put,
    };
    const RETRY: Retry = Retry::SafeToRepeat;
    type Request = DetachRequest;
    type Wire = wire::DetachRequest;
    type Output = ();

    fn prepare(request: &DetachRequest) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(request: &wire::DetachRequest) -> Result<Prepared, ValidationErrors> {
        Ok(Prepared {
            body: request.validate()?.to_xml(),
            callback_url: None,
        })
    }

    /// Success is "204 No Content": nothing to read.
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}
