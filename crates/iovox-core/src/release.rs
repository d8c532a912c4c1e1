//! deleteVoxnumbersFromAccount: gives numbers back to IOVOX for good. `DELETE
//! /Voxnumbers`, everything in the query string, no body.

use crate::check::{boolean, Given, Report};
use crate::error::Position;
use crate::error::{ErrorCode as C, ValidationErrors};
use crate::list::{QueryView, Typed};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;

/// Most numbers one request may give back.
pub const MAX_VOXNUMBERS_PER_DELETE: usize = 100;

/// A deleteVoxnumbersFromAccount request.
///
/// ```
/// use iovox_core::DeleteVoxnumbersRequest;
/// let request = DeleteVoxnumbersRequest::new(["441512100200"]).rm_if_in_use(true);
/// assert!(request.validate().is_ok());
/// let bad = DeleteVoxnumbersRequest::new(["44 151", ""]);
/// assert_eq!(bad.validate().unwrap_err().messages(),
///            vec!["VoxNumber 1 of 2 not an integer", "VoxNumber 2 of 2 Empty"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DeleteVoxnumbersRequest {
    /// The numbers, international digits without `+` (at most 100).
    pub full_voxnumbers: Vec<String>,
    /// Detach a number from its link first; without it, attached numbers are refused.
    #[cfg_attr(feature = "serde", serde(default))]
    pub rm_if_in_use: bool,
}

impl DeleteVoxnumbersRequest {
    /// These numbers; attached ones are refused unless [`Self::rm_if_in_use`].
    pub fn new<S: Into<String>>(full_voxnumbers: impl IntoIterator<Item = S>) -> Self {
        DeleteVoxnumbersRequest {
            full_voxnumbers: full_voxnumbers.into_iter().map(Into::into).collect(),
            rm_if_in_use: false,
        }
    }

    /// Detach attached numbers first instead of refusing them.
    pub fn rm_if_in_use(mut self, on: bool) -> Self {
        self.rm_if_in_use = on;
        self
    }

    /// Every check that needs only the request, with the page's messages.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        check(&Typed::new(self, &self.full_voxnumbers)).map(drop)
    }
}

impl QueryView for Typed<'_, DeleteVoxnumbersRequest> {
    fn get(&self, key: &str) -> Given<'_> {
        match key {
            "full_voxnumbers" => self.list(),
            "rm_if_in_use" if self.r.rm_if_in_use => Given::Boolean(true),
            _ => Given::Missing,
        }
    }
}

/// deleteVoxnumbersFromAccount's arguments: every key its request may have.
pub const DELETE_ARGUMENTS: &[&str] = &crate::model::names(&ARGUMENTS);

const ARGUMENTS: [Argument; 2] = [
    Argument::required("full_voxnumbers", K::List),
    Argument::optional("rm_if_in_use", K::Flag),
];

/// The one validator, over either form: the page's checks in its order.
fn check(q: &impl QueryView) -> Result<DeleteVoxnumbersRequest, ValidationErrors> {
    let mut r = Report::default();
    let texts_ok = crate::list::check_texts(q, DELETE_ARGUMENTS, &mut r);
    let rm_if_in_use = match boolean(q.get("rm_if_in_use")) {
        Ok(b) => Some(b),
        Err(()) => {
            let m = "rm_if_in_use Invalid".to_string();
            r.push(C::RmIfInUseInvalid, None, Some("rm_if_in_use"), m);
            None
        }
    };
    let numbers = rule_full_voxnumbers(q.get("full_voxnumbers"), &mut r);
    let accepted = (|| {
        Some(DeleteVoxnumbersRequest {
            full_voxnumbers: numbers?,
            rm_if_in_use: rm_if_in_use?,
        })
    })();
    r.finish(accepted.filter(|_| texts_ok))
}

/// `full_voxnumbers`: comma-joined digits, 1 to 100 of them.
fn rule_full_voxnumbers(v: Given<'_>, r: &mut Report) -> Option<Vec<String>> {
    let Some(text) = crate::check::word(v) else {
        let m = "VoxNumbers Empty".to_string();
        r.push(C::VoxnumbersEmpty, None, Some("full_voxnumbers"), m);
        return None;
    };
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() > MAX_VOXNUMBERS_PER_DELETE {
        let m = "You can only remove a maximum of 100 VoxNumbers in a single request".to_string();
        r.push(C::TooManyVoxnumbers, None, Some("full_voxnumbers"), m);
        return None;
    }
    let total = parts.len();
    let mut ok = true;
    for (n, part) in parts.iter().enumerate() {
        let p = Position {
            index: n + 1,
            total,
        };
        let (c, what) = if part.is_empty() {
            (C::VoxnumberEmpty, "Empty")
        } else if !part.bytes().all(|b| b.is_ascii_digit()) {
            (C::VoxnumberNotInteger, "not an integer")
        } else {
            continue;
        };
        r.push(
            c,
            Some(p),
            Some("full_voxnumbers"),
            format!("VoxNumber {p} {what}"),
        );
        ok = false;
    }
    ok.then(|| parts.into_iter().map(str::to_string).collect())
}

impl wire::Query {
    /// A deleteVoxnumbersFromAccount request from its arguments as given, with the
    /// messages.
    pub fn validate_delete_voxnumbers(&self) -> Result<DeleteVoxnumbersRequest, ValidationErrors> {
        check(self)
    }
}

/// `deleteVoxnumbersFromAccount`: never repeated once it may have arrived. Giving a number
/// back twice does no harm, but the repeat would answer "does not exists" for numbers the
/// first one did give back: a failure for a request that succeeded.
#[derive(Debug, Clone, Copy)]
pub struct DeleteVoxnumbersFromAccount;

impl Method for DeleteVoxnumbersFromAccount {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Voxnumbers",
            name: "deleteVoxnumbersFromAccount",
            verb: Verb::Delete,
        },
        retry: Retry::NotAfterSent,
        area: "Numbering",
        request: RequestShape::Query,
        arguments: &ARGUMENTS,
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"full_voxnumbers\": [\"442071234567\"], \"rm_if_in_use\": true}",
    };
    type Request = DeleteVoxnumbersRequest;
    type Wire = wire::Query;
    type Output = ();

    fn prepare(request: &DeleteVoxnumbersRequest) -> Result<Prepared, ValidationErrors> {
        Ok(prepared(&check(&Typed::new(
            request,
            &request.full_voxnumbers,
        ))?))
    }

    fn prepare_wire(request: &wire::Query) -> Result<Prepared, ValidationErrors> {
        Ok(prepared(&check(request)?))
    }

    /// Success is "204 No Content": nothing to read.
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}

fn prepared(r: &DeleteVoxnumbersRequest) -> Prepared {
    Prepared {
        query: vec![
            ("full_voxnumbers", r.full_voxnumbers.join(",")),
            (
                "rm_if_in_use",
                if r.rm_if_in_use { "TRUE" } else { "FALSE" }.into(),
            ),
        ],
        ..Prepared::default()
    }
}
