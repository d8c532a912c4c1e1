//! attachVoxnumberToLink: links, one method each, and their validation.

use crate::check::{boolean, free_text, int, small, text, Int, Report};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::method::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use std::collections::HashSet;

/// An attachVoxnumberToLink request: several links may be attached at once.
///
/// ```
/// use iovox_core::{AttachRequest, Link};
/// let request = AttachRequest::new(vec![
///     Link::by_area("333", 44, 20),
///     Link::by_voxnumber("444", "4423012565866"),
///     Link::by_postcode("555", "UNITED KINGDOM", "SW1A 0AA").with_fallback_area_distance(20),
/// ]);
/// assert!(request.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AttachRequest {
    /// The links, in order.
    pub links: Vec<Link>,
}

/// One link and the way its VoxNumber is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link to attach a VoxNumber to.
    pub link_id: String,
    /// How the VoxNumber is chosen.
    pub method: AttachMethod,
}

/// The three methods of the page; each carries only its own fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachMethod {
    /// `BY AREA`: any unassigned number of an area code.
    ByArea(ByArea),
    /// `BY VOXNUMBER`: one number of the account.
    ByVoxnumber {
        /// The full VoxNumber, digits only.
        full_voxnumber: String,
    },
    /// `BY POSTCODE`: the number nearest a postcode.
    ByPostcode(ByPostcode),
}

/// Fields of `BY AREA`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByArea {
    /// The country's IDD (44).
    pub voxnumber_idd: u32,
    /// The area code (20 for London).
    pub area_code: u32,
    /// Fall back to other area codes of the same city.
    pub fallback_city: bool,
    /// Fall back to the region (Canada and United States only).
    pub fallback_region: bool,
    /// Fall back to the whole country.
    pub fallback_country: bool,
}

/// Fields of `BY POSTCODE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByPostcode {
    /// Country name ("UNITED KINGDOM").
    pub voxnumber_country: String,
    /// Full postcode ("SW1A 0AA").
    pub postcode: String,
    /// How far away (km) a number may be when none covers the postcode.
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
    /// BY AREA with no fallback.
    pub fn by_area(link_id: impl Into<String>, voxnumber_idd: u32, area_code: u32) -> Self {
        Link {
            link_id: link_id.into(),
            method: AttachMethod::ByArea(ByArea {
                voxnumber_idd,
                area_code,
                fallback_city: false,
                fallback_region: false,
                fallback_country: false,
            }),
        }
    }

    /// BY VOXNUMBER.
    pub fn by_voxnumber(link_id: impl Into<String>, full_voxnumber: impl Into<String>) -> Self {
        Link {
            link_id: link_id.into(),
            method: AttachMethod::ByVoxnumber {
                full_voxnumber: full_voxnumber.into(),
            },
        }
    }

    /// BY POSTCODE with no fallback distance.
    pub fn by_postcode(
        link_id: impl Into<String>,
        voxnumber_country: impl Into<String>,
        postcode: impl Into<String>,
    ) -> Self {
        Link {
            link_id: link_id.into(),
            method: AttachMethod::ByPostcode(ByPostcode {
                voxnumber_country: voxnumber_country.into(),
                postcode: postcode.into(),
                fallback_area_distance: None,
            }),
        }
    }

    /// Sets `fallback_area_distance` (km); no effect on other methods than BY POSTCODE.
    pub fn with_fallback_area_distance(mut self, km: u32) -> Self {
        if let AttachMethod::ByPostcode(p) = &mut self.method {
            p.fallback_area_distance = Some(km);
        }
        self
    }

    /// Sets the BY AREA fallbacks; no effect on other methods.
    pub fn with_fallbacks(mut self, city: bool, region: bool, country: bool) -> Self {
        if let AttachMethod::ByArea(a) = &mut self.method {
            a.fallback_city = city;
            a.fallback_region = region;
            a.fallback_country = country;
        }
        self
    }
}

impl AttachRequest {
    /// A request for these links.
    pub fn new(links: Vec<Link>) -> Self {
        AttachRequest { links }
    }

    /// The request as the wire carries it.
    pub fn to_wire(&self) -> wire::AttachRequest {
        wire::AttachRequest::from(self)
    }

    /// Every check that needs only the request; all errors at once, in document order.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        self.to_wire().validate().map(drop)
    }

    /// The XML body, exactly in the shape of the page.
    pub fn to_xml(&self) -> String {
        self.to_wire().to_xml()
    }
}

fn flag(b: bool) -> Option<String> {
    b.then(|| "TRUE".to_string())
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
            link_id: Some(l.link_id.clone()),
            method: Some(l.method.as_str().to_string()),
            ..Default::default()
        };
        match &l.method {
            AttachMethod::ByArea(a) => {
                w.voxnumber_idd = Some(a.voxnumber_idd.to_string());
                w.area_code = Some(a.area_code.to_string());
                w.fallback_city = flag(a.fallback_city);
                w.fallback_region = flag(a.fallback_region);
                w.fallback_country = flag(a.fallback_country);
            }
            AttachMethod::ByVoxnumber { full_voxnumber } => {
                w.full_voxnumber = Some(full_voxnumber.clone());
            }
            AttachMethod::ByPostcode(p) => {
                w.voxnumber_country = Some(p.voxnumber_country.clone());
                w.postcode = Some(p.postcode.clone());
                w.fallback_area_distance = p.fallback_area_distance.map(|d| d.to_string());
            }
        }
        w
    }
}

impl wire::AttachRequest {
    /// The XML body, exactly in the shape of the page.
    pub fn to_xml(&self) -> String {
        crate::encode::attach(self)
    }

    /// Every check that needs only the request, with the server's messages, in document
    /// order; on success the typed request, its text trimmed.
    ///
    /// ```
    /// let wire: iovox_core::wire::AttachRequest = serde_json::from_str(
    ///     r#"{"links": [{"link_id": "1", "method": "BY AIR"}]}"#).unwrap();
    /// assert_eq!(wire.validate().unwrap_err().messages(), vec!["Method 1 of 1 Invalid"]);
    /// ```
    pub fn validate(&self) -> Result<AttachRequest, ValidationErrors> {
        let mut report = Report::default();
        let total = self.links.len();
        let mut ok = total > 0;
        if total == 0 {
            report.push(C::RequestEmpty, None, None, "Request Empty".into());
        }
        let mut seen_links = HashSet::new();
        let mut seen_numbers = HashSet::new();
        let (mut dup_link, mut dup_number) = (false, false);
        let mut links = Vec::with_capacity(total);
        for (n, w) in self.links.iter().enumerate() {
            let p = Position {
                index: n + 1,
                total,
            };
            let r = &mut report;
            if !crate::check::xml_text(
                r,
                p,
                &[
                    ("link_id", &w.link_id),
                    ("method", &w.method),
                    ("voxnumber_idd", &w.voxnumber_idd),
                    ("area_code", &w.area_code),
                    ("fallback_city", &w.fallback_city),
                    ("fallback_region", &w.fallback_region),
                    ("fallback_country", &w.fallback_country),
                    ("full_voxnumber", &w.full_voxnumber),
                    ("voxnumber_country", &w.voxnumber_country),
                    ("postcode", &w.postcode),
                    ("fallback_area_distance", &w.fallback_area_distance),
                ],
            ) {
                ok = false;
            }
            let link_id = free_text(&w.link_id).map(str::to_string);
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
            let method = match text(&w.method) {
                None => {
                    r.push(
                        C::MethodEmpty,
                        Some(p),
                        Some("method"),
                        format!("Method {p} Empty"),
                    );
                    None
                }
                Some(m @ (BY_AREA | BY_VOXNUMBER | BY_POSTCODE)) => {
                    validate_method(m, w, p, r, &mut seen_numbers, &mut dup_number)
                }
                Some(_) => {
                    let m = format!("Method {p} Invalid");
                    r.push(C::MethodInvalid, Some(p), Some("method"), m);
                    None
                }
            };
            match (link_id, method) {
                (Some(link_id), Some(method)) => links.push(Link { link_id, method }),
                _ => ok = false,
            }
        }
        report.finish(ok.then_some(AttachRequest { links }))
    }
}

fn validate_method(
    method: &str,
    w: &wire::Link,
    p: Position,
    r: &mut Report,
    seen_numbers: &mut HashSet<String>,
    dup_number: &mut bool,
) -> Option<AttachMethod> {
    // Ours (docs/decisions.md 8): a fallback of another method is refused, not ignored,
    // because the caller clearly expected it to do something.
    let mut not_available = |value: &Option<String>, field: &'static str, label: &str| {
        if value.is_some() {
            let m = format!("{label} {p} not available for method {method}");
            r.push(C::FallbackNotAvailable, Some(p), Some(field), m);
        }
    };
    if method != BY_AREA {
        not_available(&w.fallback_city, "fallback_city", "Fallback City");
        not_available(&w.fallback_region, "fallback_region", "Fallback Region");
        not_available(&w.fallback_country, "fallback_country", "Fallback Country");
    }
    if method != BY_POSTCODE {
        let f = &w.fallback_area_distance;
        not_available(f, "fallback_area_distance", "Fallback Area Distance");
    }
    match method {
        BY_AREA => {
            let idd = match int(&w.voxnumber_idd) {
                Int::Empty => {
                    let m = format!("VoxNumber IDD {p} Empty");
                    r.push(C::VoxnumberIddEmpty, Some(p), Some("voxnumber_idd"), m);
                    None
                }
                Int::Value(v) if small(v).is_some() => small(v),
                _ => {
                    let m = format!("VoxNumber IDD {p} Invalid");
                    r.push(C::VoxnumberIddInvalid, Some(p), Some("voxnumber_idd"), m);
                    None
                }
            };
            let area = match int(&w.area_code) {
                Int::Empty => {
                    let m = format!("Area Code {p} Empty");
                    r.push(C::AreaCodeEmpty, Some(p), Some("area_code"), m);
                    None
                }
                Int::Value(v) if small(v).is_some() => small(v),
                _ => {
                    let m = format!("Area Code {p} not an integer");
                    r.push(C::AreaCodeNotInteger, Some(p), Some("area_code"), m);
                    None
                }
            };
            let mut fallback = |value: &Option<String>, code, field, label: &str| {
                boolean(value)
                    .map_err(|()| {
                        r.push(code, Some(p), Some(field), format!("{label} {p} Invalid"))
                    })
                    .ok()
            };
            let city = fallback(
                &w.fallback_city,
                C::FallbackCityInvalid,
                "fallback_city",
                "Fallback City",
            );
            let region = fallback(
                &w.fallback_region,
                C::FallbackRegionInvalid,
                "fallback_region",
                "Fallback Region",
            );
            let country = fallback(
                &w.fallback_country,
                C::FallbackCountryInvalid,
                "fallback_country",
                "Fallback Country",
            );
            Some(AttachMethod::ByArea(ByArea {
                voxnumber_idd: idd?,
                area_code: area?,
                fallback_city: city?,
                fallback_region: region?,
                fallback_country: country?,
            }))
        }
        BY_VOXNUMBER => match text(&w.full_voxnumber) {
            None => {
                let m = format!("Voxnumber {p} Empty");
                r.push(C::VoxnumberEmpty, Some(p), Some("full_voxnumber"), m);
                None
            }
            Some(n) if !n.bytes().all(|b| b.is_ascii_digit()) => {
                let m = format!("Voxnumber {p} is not an Integer");
                r.push(C::VoxnumberNotInteger, Some(p), Some("full_voxnumber"), m);
                None
            }
            Some(n) => {
                if !seen_numbers.insert(n.to_string()) && !*dup_number {
                    *dup_number = true;
                    let m = "Duplicate Voxnumber Received".to_string();
                    r.push(C::DuplicateVoxnumber, Some(p), Some("full_voxnumber"), m);
                }
                Some(AttachMethod::ByVoxnumber {
                    full_voxnumber: n.to_string(),
                })
            }
        },
        _ => {
            let country = free_text(&w.voxnumber_country).map(str::to_string);
            if country.is_none() {
                // Ours: no documented message for an empty country or postcode.
                let m = format!("VoxNumber Country {p} Empty");
                r.push(
                    C::VoxnumberCountryEmpty,
                    Some(p),
                    Some("voxnumber_country"),
                    m,
                );
            }
            let postcode = free_text(&w.postcode).map(str::to_string);
            if postcode.is_none() {
                let m = format!("Postcode {p} Empty");
                r.push(C::PostcodeEmpty, Some(p), Some("postcode"), m);
            }
            let distance = match int(&w.fallback_area_distance) {
                Int::Empty => Some(None),
                Int::Value(v) if small(v).is_some() => Some(small(v)),
                _ => {
                    let m = format!("Fallback Area Distance {p} not an integer");
                    let f = Some("fallback_area_distance");
                    r.push(C::FallbackAreaDistanceNotInteger, Some(p), f, m);
                    None
                }
            };
            Some(AttachMethod::ByPostcode(ByPostcode {
                voxnumber_country: country?,
                postcode: postcode?,
                fallback_area_distance: distance?,
            }))
        }
    }
}

/// `attachVoxnumberToLink`: all links or none; safe to repeat.
#[derive(Debug, Clone, Copy)]
pub struct AttachVoxnumberToLink;

impl Method for AttachVoxnumberToLink {
    const ROUTE: Route = Route {
        interface: "Links",
        name: "attachVoxnumberToLink",
        verb: Verb::Put,
    };
    const RETRY: Retry = Retry::SafeToRepeat;
    type Request = AttachRequest;
    type Wire = wire::AttachRequest;
    type Output = ();

    fn prepare(request: &AttachRequest) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(request: &wire::AttachRequest) -> Result<Prepared, ValidationErrors> {
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
