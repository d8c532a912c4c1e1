//! attachVoxnumberToLink: links, one method each, and their validation.

use crate::check::{
    boolean, code, owned_text, required_code, required_text, rule_area_code, word, Given, Report,
};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use std::borrow::Cow;
use std::collections::HashSet;

/// An attachVoxnumberToLink request: several links may be attached at once.
///
/// ```
/// use iovox_core::{AttachRequest, ByPostcode, Link};
/// let request = AttachRequest::new(vec![
///     Link::by_area("333", 44, 20),
///     Link::by_voxnumber("444", "4423012565866"),
///     Link::new("555", ByPostcode::new("UNITED KINGDOM", "SW1A 0AA").fallback_area_distance(20)),
/// ]);
/// assert!(request.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AttachRequest {
    /// The links, in order.
    pub links: Vec<Link>,
}

/// One link and the way its VoxNumber is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Link {
    /// The link to attach a VoxNumber to.
    pub link_id: String,
    /// How the VoxNumber is chosen.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub method: AttachMethod,
}

/// The three methods of the page; each carries only its own fields.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "method"))]
pub enum AttachMethod {
    /// `BY AREA`: any unassigned number of an area code.
    #[cfg_attr(feature = "serde", serde(rename = "BY AREA"))]
    ByArea(ByArea),
    /// `BY VOXNUMBER`: one number of the account.
    #[cfg_attr(feature = "serde", serde(rename = "BY VOXNUMBER"))]
    ByVoxnumber {
        /// The full VoxNumber, digits only.
        full_voxnumber: String,
    },
    /// `BY POSTCODE`: the number nearest a postcode.
    #[cfg_attr(feature = "serde", serde(rename = "BY POSTCODE"))]
    ByPostcode(ByPostcode),
}

/// Fields of `BY AREA`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ByArea {
    /// The country's IDD (44).
    pub voxnumber_idd: u32,
    /// The area code (20 for London).
    pub area_code: u32,
    /// Fall back to other area codes of the same city.
    #[cfg_attr(feature = "serde", serde(default))]
    pub fallback_city: bool,
    /// Fall back to the region (Canada and United States only).
    #[cfg_attr(feature = "serde", serde(default))]
    pub fallback_region: bool,
    /// Fall back to the whole country.
    #[cfg_attr(feature = "serde", serde(default))]
    pub fallback_country: bool,
}

/// Fields of `BY POSTCODE`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ByPostcode {
    /// Country name ("UNITED KINGDOM").
    pub voxnumber_country: String,
    /// Full postcode ("SW1A 0AA").
    pub postcode: String,
    /// How far away (km) a number may be when none covers the postcode.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub fallback_area_distance: Option<u32>,
}

impl AttachMethod {
    /// The method's wire name.
    pub fn as_str(&self) -> &'static str {
        match self {
            AttachMethod::ByArea(_) => BY_AREA,
            AttachMethod::ByVoxnumber { .. } => BY_VOXNUMBER,
            AttachMethod::ByPostcode(_) => BY_POSTCODE,
        }
    }
}

/// Wire name of the BY AREA method.
pub const BY_AREA: &str = "BY AREA";
/// Wire name of the BY VOXNUMBER method.
pub const BY_VOXNUMBER: &str = "BY VOXNUMBER";
/// Wire name of the BY POSTCODE method.
pub const BY_POSTCODE: &str = "BY POSTCODE";

impl Link {
    /// A link and the way its number is chosen: a [`ByArea`], a [`ByPostcode`] (each with
    /// its own setters for its fallbacks) or [`AttachMethod::ByVoxnumber`].
    ///
    /// ```
    /// use iovox_core::{ByArea, ByPostcode, Link};
    /// let by_area = Link::new("333", ByArea::new(44, 20).fallback_city(true));
    /// let by_postcode = Link::new("555", ByPostcode::new("UNITED KINGDOM", "SW1A 0AA")
    ///     .fallback_area_distance(20));
    /// assert!(iovox_core::AttachRequest::new(vec![by_area, by_postcode]).validate().is_ok());
    /// ```
    pub fn new(link_id: impl Into<String>, method: impl Into<AttachMethod>) -> Self {
        Link {
            link_id: link_id.into(),
            method: method.into(),
        }
    }

    /// BY AREA with no fallback (for fallbacks: [`Link::new`] with [`ByArea`]).
    pub fn by_area(link_id: impl Into<String>, voxnumber_idd: u32, area_code: u32) -> Self {
        Link::new(link_id, ByArea::new(voxnumber_idd, area_code))
    }

    /// BY VOXNUMBER.
    pub fn by_voxnumber(link_id: impl Into<String>, full_voxnumber: impl Into<String>) -> Self {
        Link::new(
            link_id,
            AttachMethod::ByVoxnumber {
                full_voxnumber: full_voxnumber.into(),
            },
        )
    }

    /// BY POSTCODE with no fallback distance (for one: [`Link::new`] with [`ByPostcode`]).
    pub fn by_postcode(
        link_id: impl Into<String>,
        voxnumber_country: impl Into<String>,
        postcode: impl Into<String>,
    ) -> Self {
        Link::new(link_id, ByPostcode::new(voxnumber_country, postcode))
    }
}

impl ByArea {
    /// Any unassigned number of this area code, with no fallback.
    pub fn new(voxnumber_idd: u32, area_code: u32) -> Self {
        ByArea {
            voxnumber_idd,
            area_code,
            fallback_city: false,
            fallback_region: false,
            fallback_country: false,
        }
    }

    /// Falls back to other area codes of the same city.
    pub fn fallback_city(mut self, on: bool) -> Self {
        self.fallback_city = on;
        self
    }

    /// Falls back to the region (Canada and United States only).
    pub fn fallback_region(mut self, on: bool) -> Self {
        self.fallback_region = on;
        self
    }

    /// Falls back to the whole country.
    pub fn fallback_country(mut self, on: bool) -> Self {
        self.fallback_country = on;
        self
    }
}

impl ByPostcode {
    /// The number nearest this postcode, with no fallback distance.
    pub fn new(voxnumber_country: impl Into<String>, postcode: impl Into<String>) -> Self {
        ByPostcode {
            voxnumber_country: voxnumber_country.into(),
            postcode: postcode.into(),
            fallback_area_distance: None,
        }
    }

    /// How far away (km) a number may be when none covers the postcode.
    pub fn fallback_area_distance(mut self, km: u32) -> Self {
        self.fallback_area_distance = Some(km);
        self
    }
}

impl From<ByArea> for AttachMethod {
    fn from(a: ByArea) -> Self {
        AttachMethod::ByArea(a)
    }
}

impl From<ByPostcode> for AttachMethod {
    fn from(p: ByPostcode) -> Self {
        AttachMethod::ByPostcode(p)
    }
}

/// The method's wire name ("BY AREA").
impl std::fmt::Display for AttachMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AttachRequest {
    /// A request for these links.
    pub fn new(links: Vec<Link>) -> Self {
        AttachRequest { links }
    }

    /// The request as the wire carries it (each value as its kind).
    pub fn to_wire(&self) -> wire::AttachRequest {
        wire::AttachRequest::from(self)
    }

    /// Every check that needs only the request; all errors at once, in document order.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        self.accepted().map(drop)
    }

    /// The request as the server would read it (text trimmed), or every error.
    fn accepted(&self) -> Result<AttachRequest, ValidationErrors> {
        check_attach(self.links.iter().map(Link::view))
    }

    /// The XML body, exactly in the shape of the page (no validation: see [`Self::validate`]).
    pub fn to_xml(&self) -> String {
        crate::encode::attach(self)
    }
}

impl Link {
    fn view(&self) -> LinkView<'_> {
        let mut v = LinkView {
            link_id: Given::Text(&self.link_id),
            method: Given::Text(self.method.as_str()),
            ..LinkView::default()
        };
        let flag = |on: bool| {
            if on {
                Given::Boolean(true)
            } else {
                Given::Missing
            }
        };
        match &self.method {
            AttachMethod::ByArea(a) => {
                v.voxnumber_idd = Given::Integer(a.voxnumber_idd.into());
                v.area_code = Given::Integer(a.area_code.into());
                v.fallback_city = flag(a.fallback_city);
                v.fallback_region = flag(a.fallback_region);
                v.fallback_country = flag(a.fallback_country);
            }
            AttachMethod::ByVoxnumber { full_voxnumber } => {
                v.full_voxnumber = Given::Text(full_voxnumber);
            }
            AttachMethod::ByPostcode(p) => {
                v.voxnumber_country = Given::Text(&p.voxnumber_country);
                v.postcode = Given::Text(&p.postcode);
                v.fallback_area_distance = Given::int(p.fallback_area_distance);
            }
        }
        v
    }
}

fn flag(b: bool) -> Option<wire::Given> {
    b.then_some(wire::Given::Boolean(true))
}

fn integer(n: u32) -> wire::Given {
    wire::Given::Integer(n.into())
}

impl From<&AttachRequest> for wire::AttachRequest {
    fn from(r: &AttachRequest) -> Self {
        wire::AttachRequest {
            links: r.links.iter().map(wire::Link::from).collect(),
        }
    }
}

impl From<&Link> for wire::Link {
    fn from(l: &Link) -> Self {
        let mut w = wire::Link {
            link_id: Some(l.link_id.as_str().into()),
            method: Some(l.method.as_str().into()),
            ..Default::default()
        };
        match &l.method {
            AttachMethod::ByArea(a) => {
                w.voxnumber_idd = Some(integer(a.voxnumber_idd));
                w.area_code = Some(integer(a.area_code));
                w.fallback_city = flag(a.fallback_city);
                w.fallback_region = flag(a.fallback_region);
                w.fallback_country = flag(a.fallback_country);
            }
            AttachMethod::ByVoxnumber { full_voxnumber } => {
                w.full_voxnumber = Some(full_voxnumber.as_str().into());
            }
            AttachMethod::ByPostcode(p) => {
                w.voxnumber_country = Some(p.voxnumber_country.as_str().into());
                w.postcode = Some(p.postcode.as_str().into());
                w.fallback_area_distance = p.fallback_area_distance.map(integer);
            }
        }
        w
    }
}

impl wire::AttachRequest {
    /// Every check that needs only the request, with the server's messages, in document
    /// order; on success the typed request, its text trimmed.
    ///
    /// ```
    /// let wire: iovox_core::wire::AttachRequest = serde_json::from_str(
    ///     r#"{"links": [{"link_id": "1", "method": "BY AIR"}]}"#).unwrap();
    /// assert_eq!(wire.validate().unwrap_err().messages(), vec!["Method 1 of 1 Invalid"]);
    /// ```
    pub fn validate(&self) -> Result<AttachRequest, ValidationErrors> {
        check_attach(self.links.iter().map(|w| LinkView {
            link_id: (&w.link_id).into(),
            method: (&w.method).into(),
            voxnumber_idd: (&w.voxnumber_idd).into(),
            area_code: (&w.area_code).into(),
            fallback_city: (&w.fallback_city).into(),
            fallback_region: (&w.fallback_region).into(),
            fallback_country: (&w.fallback_country).into(),
            full_voxnumber: (&w.full_voxnumber).into(),
            voxnumber_country: (&w.voxnumber_country).into(),
            postcode: (&w.postcode).into(),
            fallback_area_distance: (&w.fallback_area_distance).into(),
        }))
    }
}

/// One link's values as the rules read them, from either form of the request.
#[derive(Clone, Copy)]
struct LinkView<'a> {
    link_id: Given<'a>,
    method: Given<'a>,
    voxnumber_idd: Given<'a>,
    area_code: Given<'a>,
    fallback_city: Given<'a>,
    fallback_region: Given<'a>,
    fallback_country: Given<'a>,
    full_voxnumber: Given<'a>,
    voxnumber_country: Given<'a>,
    postcode: Given<'a>,
    fallback_area_distance: Given<'a>,
}

impl Default for LinkView<'_> {
    fn default() -> Self {
        LinkView {
            link_id: Given::Missing,
            method: Given::Missing,
            voxnumber_idd: Given::Missing,
            area_code: Given::Missing,
            fallback_city: Given::Missing,
            fallback_region: Given::Missing,
            fallback_country: Given::Missing,
            full_voxnumber: Given::Missing,
            voxnumber_country: Given::Missing,
            postcode: Given::Missing,
            fallback_area_distance: Given::Missing,
        }
    }
}

/// The one validator of an attach: every field's rule, in document order, and the
/// request-wide duplicate checks.
fn check_attach<'a>(
    links: impl ExactSizeIterator<Item = LinkView<'a>>,
) -> Result<AttachRequest, ValidationErrors> {
    let mut report = Report::default();
    let total = links.len();
    let mut ok = true; // an empty request fails through its report
    if total == 0 {
        report.push(C::RequestEmpty, None, None, "Request Empty".into());
    }
    let mut seen_links = HashSet::new();
    let mut seen_numbers = HashSet::new();
    let (mut dup_link, mut dup_number) = (false, false);
    let mut accepted = Vec::with_capacity(total);
    for (n, w) in links.enumerate() {
        let p = Position {
            index: n + 1,
            total,
        };
        let r = &mut report;
        if !crate::check::xml_texts(
            r,
            p,
            &[
                ("link_id", w.link_id),
                ("method", w.method),
                ("voxnumber_idd", w.voxnumber_idd),
                ("area_code", w.area_code),
                ("fallback_city", w.fallback_city),
                ("fallback_region", w.fallback_region),
                ("fallback_country", w.fallback_country),
                ("full_voxnumber", w.full_voxnumber),
                ("voxnumber_country", w.voxnumber_country),
                ("postcode", w.postcode),
                ("fallback_area_distance", w.fallback_area_distance),
            ],
        ) {
            ok = false;
        }
        let link_id = owned_text(w.link_id);
        match &link_id {
            None => {
                let m = format!("Link ID {p} empty");
                r.push(C::LinkIdEmpty, Some(p), Some("link_id"), m);
            }
            Some(id) if !seen_links.insert(id.clone()) && !dup_link => {
                // The server says it once per request, with no position.
                dup_link = true;
                let m = "Duplicate Link ID Received".to_string();
                r.push(C::DuplicateLinkId, Some(p), Some("link_id"), m);
            }
            Some(_) => {}
        }
        let method = match word(w.method).as_deref() {
            None => {
                let m = format!("Method {p} Empty");
                r.push(C::MethodEmpty, Some(p), Some("method"), m);
                None
            }
            Some(m @ (BY_AREA | BY_VOXNUMBER | BY_POSTCODE)) => {
                check_method(m, &w, p, r, &mut seen_numbers, &mut dup_number)
            }
            Some(_) => {
                let m = format!("Method {p} Invalid");
                r.push(C::MethodInvalid, Some(p), Some("method"), m);
                None
            }
        };
        match (link_id, method) {
            (Some(link_id), Some(method)) => accepted.push(Link { link_id, method }),
            _ => ok = false,
        }
    }
    report.finish(ok.then_some(AttachRequest { links: accepted }))
}

fn check_method(
    method: &str,
    w: &LinkView<'_>,
    p: Position,
    r: &mut Report,
    seen_numbers: &mut HashSet<String>,
    dup_number: &mut bool,
) -> Option<AttachMethod> {
    // Ours (docs/decisions.md 8): a fallback of another method is refused, not ignored,
    // because the caller clearly expected it to do something.
    let mut not_available = |value: Given<'_>, field: &'static str, label: &str| {
        if !value.is_missing() {
            let m = format!("{label} {p} not available for method {method}");
            r.push(C::FallbackNotAvailable, Some(p), Some(field), m);
        }
    };
    if method != BY_AREA {
        not_available(w.fallback_city, "fallback_city", "Fallback City");
        not_available(w.fallback_region, "fallback_region", "Fallback Region");
        not_available(w.fallback_country, "fallback_country", "Fallback Country");
    }
    if method != BY_POSTCODE {
        let f = w.fallback_area_distance;
        not_available(f, "fallback_area_distance", "Fallback Area Distance");
    }
    match method {
        BY_AREA => {
            let idd = rule_voxnumber_idd(w.voxnumber_idd, p, r);
            let area = rule_area_code(w.area_code, p, r);
            let city = rule_fallback(
                w.fallback_city,
                C::FallbackCityInvalid,
                "fallback_city",
                "Fallback City",
                p,
                r,
            );
            let region = rule_fallback(
                w.fallback_region,
                C::FallbackRegionInvalid,
                "fallback_region",
                "Fallback Region",
                p,
                r,
            );
            let country = rule_fallback(
                w.fallback_country,
                C::FallbackCountryInvalid,
                "fallback_country",
                "Fallback Country",
                p,
                r,
            );
            Some(AttachMethod::ByArea(ByArea {
                voxnumber_idd: idd?,
                area_code: area?,
                fallback_city: city?,
                fallback_region: region?,
                fallback_country: country?,
            }))
        }
        BY_VOXNUMBER => {
            let n = rule_full_voxnumber(w.full_voxnumber, p, r)?;
            if !seen_numbers.insert(n.clone()) && !*dup_number {
                *dup_number = true;
                let m = "Duplicate Voxnumber Received".to_string();
                r.push(C::DuplicateVoxnumber, Some(p), Some("full_voxnumber"), m);
            }
            Some(AttachMethod::ByVoxnumber { full_voxnumber: n })
        }
        _ => {
            // Ours: no documented message for an empty country or postcode.
            let country = required_text(
                w.voxnumber_country,
                p,
                r,
                "voxnumber_country",
                "VoxNumber Country",
                C::VoxnumberCountryEmpty,
            )
            .map(Cow::into_owned);
            let postcode =
                required_text(w.postcode, p, r, "postcode", "Postcode", C::PostcodeEmpty)
                    .map(Cow::into_owned);
            let distance = rule_fallback_area_distance(w.fallback_area_distance, p, r);
            Some(AttachMethod::ByPostcode(ByPostcode {
                voxnumber_country: country?,
                postcode: postcode?,
                fallback_area_distance: distance?,
            }))
        }
    }
}

// The field rules: one function each, for both forms.

/// `voxnumber_idd` (BY AREA).
fn rule_voxnumber_idd(v: Given<'_>, p: Position, r: &mut Report) -> Option<u32> {
    let bad = (C::VoxnumberIddInvalid, "Invalid");
    required_code(
        v,
        p,
        r,
        "voxnumber_idd",
        "VoxNumber IDD",
        C::VoxnumberIddEmpty,
        bad,
    )
}

/// `fallback_city`, `fallback_region`, `fallback_country` (BY AREA): TRUE or FALSE.
fn rule_fallback(
    v: Given<'_>,
    code: C,
    field: &'static str,
    label: &str,
    p: Position,
    r: &mut Report,
) -> Option<bool> {
    boolean(v)
        .map_err(|()| r.push(code, Some(p), Some(field), format!("{label} {p} Invalid")))
        .ok()
}

/// `full_voxnumber` (BY VOXNUMBER): digits.
fn rule_full_voxnumber(v: Given<'_>, p: Position, r: &mut Report) -> Option<String> {
    let (c, m) = match word(v) {
        None => (C::VoxnumberEmpty, format!("Voxnumber {p} Empty")),
        Some(n) if n.bytes().all(|b| b.is_ascii_digit()) => return Some(n.into_owned()),
        Some(_) => (
            C::VoxnumberNotInteger,
            format!("Voxnumber {p} is not an Integer"),
        ),
    };
    r.push(c, Some(p), Some("full_voxnumber"), m);
    None
}

/// `fallback_area_distance` (BY POSTCODE): km, optional.
fn rule_fallback_area_distance(v: Given<'_>, p: Position, r: &mut Report) -> Option<Option<u32>> {
    match code(v) {
        Ok(d) => Some(Some(d)),
        Err(true) => Some(None),
        Err(false) => {
            let m = format!("Fallback Area Distance {p} not an integer");
            let f = Some("fallback_area_distance");
            r.push(C::FallbackAreaDistanceNotInteger, Some(p), f, m);
            None
        }
    }
}

/// `attachVoxnumberToLink`: all links or none; safe to repeat.
#[derive(Debug, Clone, Copy)]
pub struct AttachVoxnumberToLink;

impl Method for AttachVoxnumberToLink {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Links",
            name: "attachVoxnumberToLink",
            verb: Verb::Put,
        },
        retry: Retry::SafeToRepeat,
        area: "AccountSetup",
        request: RequestShape::Body,
        arguments: &[Argument::required("link", K::List)],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"links\": [{\"link_id\": \"100\", \"method\": \"BY AREA\", \"voxnumber_idd\": 44, \"area_code\": 20}]}",
    };
    type Request = AttachRequest;
    type Wire = wire::AttachRequest;
    type Output = ();

    /// A typed request is sent as built once its checks pass (the server trims text as
    /// the checks did).
    fn prepare(request: &AttachRequest) -> Result<Prepared, ValidationErrors> {
        request.validate()?;
        Ok(Prepared {
            query: Vec::new(),
            body: request.to_xml(),
            callback_url: None,
        })
    }

    fn prepare_wire(request: &wire::AttachRequest) -> Result<Prepared, ValidationErrors> {
        Ok(accepted(request.validate()?))
    }

    /// Success is "204 No Content": nothing to read.
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}

/// What the rules accepted, as the body to send.
fn accepted(request: AttachRequest) -> Prepared {
    Prepared {
        query: Vec::new(),
        body: request.to_xml(),
        callback_url: None,
    }
}
