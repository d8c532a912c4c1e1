//! purchaseVoxNumbers: the typed request and its validation with the server's messages.

use crate::check::{free_text, int, small, text, Int, Report, WHOLE_REQUEST};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::method::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use std::fmt;

/// Longest `callback_url` IOVOX accepts (the page: "max 120 characters long").
pub const CALLBACK_URL_MAX_CHARS: usize = 120;
/// Smallest and largest `quantity` of one item.
pub const QUANTITY_RANGE: std::ops::RangeInclusive<u32> = 1..=250;

/// The three kinds of VoxNumber IOVOX sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberType {
    /// `NATIONAL`
    National,
    /// `GEOGRAPHIC`
    Geographic,
    /// `TOLLFREE`
    TollFree,
}

impl NumberType {
    /// The wire text.
    pub fn as_str(self) -> &'static str {
        match self {
            NumberType::National => "NATIONAL",
            NumberType::Geographic => "GEOGRAPHIC",
            NumberType::TollFree => "TOLLFREE",
        }
    }

    /// Parses the wire text (exact, upper case as on the page).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "NATIONAL" => Some(NumberType::National),
            "GEOGRAPHIC" => Some(NumberType::Geographic),
            "TOLLFREE" => Some(NumberType::TollFree),
            _ => None,
        }
    }
}

impl std::str::FromStr for NumberType {
    type Err = String;

    /// The wire text, exactly as the page writes it.
    ///
    /// ```
    /// use iovox_core::NumberType;
    /// assert_eq!("TOLLFREE".parse::<NumberType>(), Ok(NumberType::TollFree));
    /// assert!("tollfree".parse::<NumberType>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NumberType::parse(s).ok_or_else(|| {
            format!(
                "number_type must be NATIONAL, GEOGRAPHIC or TOLLFREE, not {:?}",
                crate::error::short(s)
            )
        })
    }
}

impl fmt::Display for NumberType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A purchaseVoxNumbers request.
///
/// ```
/// use iovox_core::{NumberType, PurchaseItem, PurchaseRequest};
/// let mut item = PurchaseItem::new(44, NumberType::Geographic, 2);
/// item.area_code = Some(151);
/// let request = PurchaseRequest::new(vec![item]);
/// assert!(request.validate().is_ok());
/// assert!(request.to_xml().contains("<quantity>2</quantity>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PurchaseRequest {
    /// Where IOVOX POSTs order updates (at most 120 characters, http or https).
    pub callback_url: Option<String>,
    /// E-mail addresses copied on the order (joined with commas on the wire).
    pub cc_list: Vec<String>,
    /// Buy only what is in stock, and consider the order complete (sent as `TRUE` when set).
    pub dynamic_quantity: bool,
    /// What to buy.
    pub items: Vec<PurchaseItem>,
}

/// One line of a purchase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurchaseItem {
    /// IDD of the country (44 for the UK).
    pub country_code: u32,
    /// Area code within the country (151 for Liverpool); required unless `post_code` is set.
    pub area_code: Option<u32>,
    /// Post code of the region (UK and FR only).
    pub post_code: Option<String>,
    /// City name, as getVoxnumberRegions returns it.
    pub city_name: Option<String>,
    /// NATIONAL, GEOGRAPHIC or TOLLFREE.
    pub number_type: NumberType,
    /// How many numbers (1 to 250).
    pub quantity: u32,
    /// The billing contact some countries require.
    pub additional_information: Option<AdditionalInformation>,
}

/// The legal contact some countries require for a purchase; every field is required once
/// the block is present.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdditionalInformation {
    /// First name of the billing contact.
    pub firstname: String,
    /// Last name of the billing contact.
    pub lastname: String,
    /// Company name of the billing contact.
    pub company: String,
    /// Street name.
    pub street: String,
    /// Building number.
    pub building_number: u32,
    /// City.
    pub city: String,
    /// Zip code.
    pub zipcode: String,
}

impl PurchaseRequest {
    /// A request for these items with no callback, no cc list and a fixed quantity.
    pub fn new(items: Vec<PurchaseItem>) -> Self {
        PurchaseRequest {
            items,
            ..Default::default()
        }
    }

    /// The request as the wire carries it.
    pub fn to_wire(&self) -> wire::PurchaseRequest {
        wire::PurchaseRequest::from(self)
    }

    /// Every check that needs only the request; all errors at once, in document order.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        if self.plainly_valid() {
            return Ok(());
        }
        self.to_wire().validate().map(drop)
    }

    /// A shortcut for the common case, not a second validator: `true` only when every
    /// value is one the wire validator accepts unchanged (numbers in range, text already
    /// trimmed and not empty, a well-formed URL and addresses). Anything else, or anything
    /// in doubt, is `false`, and the wire validator decides and words the errors. The
    /// property tests hold that `true` implies the wire validator accepts the request as it
    /// is. It spares a 250-item basket the round trip through text.
    pub fn plainly_valid(&self) -> bool {
        let plain = |s: &str| {
            !s.is_empty()
                && s.trim().len() == s.len()
                && s != wire::WRONG_KIND
                && crate::check::first_non_xml(s).is_none()
        };
        let url_ok = self.callback_url.as_deref().is_none_or(|u| {
            plain(u) && u.chars().count() <= CALLBACK_URL_MAX_CHARS && is_http_url(u)
        });
        let cc_ok = self
            .cc_list
            .iter()
            .all(|a| plain(a) && !a.contains(',') && is_email(a));
        url_ok
            && cc_ok
            && !self.items.is_empty()
            && self.items.iter().all(|i| {
                QUANTITY_RANGE.contains(&i.quantity)
                    && i.post_code.as_deref().is_none_or(plain)
                    && i.city_name.as_deref().is_none_or(plain)
                    && (i.area_code.is_some() || i.post_code.is_some())
                    && i.additional_information.as_ref().is_none_or(|a| {
                        [
                            &a.firstname,
                            &a.lastname,
                            &a.company,
                            &a.street,
                            &a.city,
                            &a.zipcode,
                        ]
                        .iter()
                        .all(|t| plain(t))
                    })
            })
    }

    /// The XML body, exactly in the shape of the page (no validation: see [`Self::validate`]).
    pub fn to_xml(&self) -> String {
        crate::encode::purchase_typed(self)
    }
}

impl PurchaseItem {
    /// An item with the required fields; set `area_code` or `post_code` too.
    pub fn new(country_code: u32, number_type: NumberType, quantity: u32) -> Self {
        PurchaseItem {
            country_code,
            area_code: None,
            post_code: None,
            city_name: None,
            number_type,
            quantity,
            additional_information: None,
        }
    }
}

impl From<&PurchaseRequest> for wire::PurchaseRequest {
    fn from(r: &PurchaseRequest) -> Self {
        wire::PurchaseRequest {
            callback_url: r.callback_url.clone(),
            cc_list: (!r.cc_list.is_empty()).then(|| r.cc_list.join(",")),
            dynamic_quantity: r.dynamic_quantity.then(|| "TRUE".to_string()),
            items: Some(wire::Items {
                item: r.items.iter().map(wire::PurchaseItem::from).collect(),
            }),
        }
    }
}

/// A number's digits (itoa: a third of `to_string`'s time, which a 250-item basket feels).
fn digits(n: u32) -> String {
    itoa::Buffer::new().format(n).to_owned()
}

impl From<&PurchaseItem> for wire::PurchaseItem {
    fn from(i: &PurchaseItem) -> Self {
        wire::PurchaseItem {
            country_code: Some(digits(i.country_code)),
            area_code: i.area_code.map(digits),
            post_code: i.post_code.clone(),
            city_name: i.city_name.clone(),
            number_type: Some(i.number_type.as_str().to_string()),
            quantity: Some(digits(i.quantity)),
            additional_information: i.additional_information.as_ref().map(|a| {
                wire::AdditionalInformation {
                    firstname: Some(a.firstname.clone()),
                    lastname: Some(a.lastname.clone()),
                    company: Some(a.company.clone()),
                    street: Some(a.street.clone()),
                    building_number: Some(digits(a.building_number)),
                    city: Some(a.city.clone()),
                    zipcode: Some(a.zipcode.clone()),
                }
            }),
        }
    }
}

impl wire::PurchaseRequest {
    /// The XML body, exactly in the shape of the page.
    pub fn to_xml(&self) -> String {
        crate::encode::purchase(self)
    }

    /// Every check that needs only the request, with the server's messages, in document
    /// order; on success the typed request, its text trimmed.
    ///
    /// ```
    /// let wire: iovox_core::wire::PurchaseRequest = serde_json::from_str(
    ///     r#"{"items": [{"country_code": 44, "area_code": 151,
    ///                    "number_type": "GEOGRAPHIC", "quantity": "two"}]}"#).unwrap();
    /// let errors = wire.validate().unwrap_err();
    /// assert_eq!(errors.messages(), vec!["Quantity 1 of 1 not an integer"]);
    /// ```
    pub fn validate(&self) -> Result<PurchaseRequest, ValidationErrors> {
        let mut report = Report::default();
        let mut ok = crate::check::xml_text(
            &mut report,
            WHOLE_REQUEST,
            &[
                ("callback_url", &self.callback_url),
                ("cc_list", &self.cc_list),
                ("dynamic_quantity", &self.dynamic_quantity),
            ],
        );

        let callback_url = text(&self.callback_url).map(str::to_string);
        if let Some(url) = &callback_url {
            // Ours (docs/decisions.md 8): the page states the limit but no message.
            if url.chars().count() > CALLBACK_URL_MAX_CHARS {
                report.push(
                    C::CallbackUrlTooLong,
                    Some(WHOLE_REQUEST),
                    Some("callback_url"),
                    format!("Callback URL {WHOLE_REQUEST} Too Long"),
                );
            } else if !is_http_url(url) {
                report.push(
                    C::CallbackUrlInvalid,
                    Some(WHOLE_REQUEST),
                    Some("callback_url"),
                    format!("Callback URL {WHOLE_REQUEST} Invalid"),
                );
            }
        }

        let cc_list: Vec<String> = text(&self.cc_list)
            .map(|s| s.split(',').map(|a| a.trim().to_string()).collect())
            .unwrap_or_default();
        if cc_list.iter().any(|a| !is_email(a)) {
            // Ours: the page documents no message for a bad address.
            report.push(
                C::CcListInvalid,
                Some(WHOLE_REQUEST),
                Some("cc_list"),
                format!("CC List {WHOLE_REQUEST} Invalid"),
            );
        }

        let dynamic_quantity = match crate::check::boolean(&self.dynamic_quantity) {
            Ok(b) => b,
            Err(()) => {
                report.push(
                    C::DynamicQuantityInvalid,
                    Some(WHOLE_REQUEST),
                    Some("dynamic_quantity"),
                    format!("Dynamic Quantity {WHOLE_REQUEST} Invalid"),
                );
                false
            }
        };

        let wire_items = self.items.as_ref().map_or(&[][..], |i| &i.item[..]);
        if wire_items.is_empty() {
            report.push(C::RequestEmpty, None, None, "Request Empty".into());
            ok = false;
        }
        let total = wire_items.len();
        let mut items = Vec::with_capacity(total);
        for (n, item) in wire_items.iter().enumerate() {
            let p = Position {
                index: n + 1,
                total,
            };
            match validate_item(item, p, &mut report) {
                Some(i) => items.push(i),
                None => ok = false,
            }
        }

        report.finish(ok.then_some(PurchaseRequest {
            callback_url,
            cc_list,
            dynamic_quantity,
            items,
        }))
    }
}

fn validate_item(w: &wire::PurchaseItem, p: Position, r: &mut Report) -> Option<PurchaseItem> {
    let a = w.additional_information.as_ref();
    let info =
        |f: fn(&wire::AdditionalInformation) -> &Option<String>| a.map_or(crate::check::ABSENT, f);
    let xml_ok = crate::check::xml_text(
        r,
        p,
        &[
            ("country_code", &w.country_code),
            ("area_code", &w.area_code),
            ("post_code", &w.post_code),
            ("city_name", &w.city_name),
            ("number_type", &w.number_type),
            ("quantity", &w.quantity),
            ("firstname", info(|a| &a.firstname)),
            ("lastname", info(|a| &a.lastname)),
            ("company", info(|a| &a.company)),
            ("street", info(|a| &a.street)),
            ("building_number", info(|a| &a.building_number)),
            ("city", info(|a| &a.city)),
            ("zipcode", info(|a| &a.zipcode)),
        ],
    );
    validate_item_fields(w, p, r).filter(|_| xml_ok)
}

fn validate_item_fields(
    w: &wire::PurchaseItem,
    p: Position,
    r: &mut Report,
) -> Option<PurchaseItem> {
    let country_code = match int(&w.country_code) {
        Int::Empty => {
            let m = format!("Country Code {p} Empty");
            r.push(C::CountryCodeEmpty, Some(p), Some("country_code"), m);
            None
        }
        Int::Value(v) if small(v).is_some() => small(v),
        _ => {
            // Ours: the page documents no message for a non-numeric country code.
            let m = format!("Country Code {p} not an integer");
            r.push(C::CountryCodeNotInteger, Some(p), Some("country_code"), m);
            None
        }
    };
    let post_code = free_text(&w.post_code).map(str::to_string);
    let area_code = match int(&w.area_code) {
        // "YES (unless post code)".
        Int::Empty if post_code.is_some() => Some(None),
        Int::Empty => {
            let m = format!("Area Code {p} Empty");
            r.push(C::AreaCodeEmpty, Some(p), Some("area_code"), m);
            None
        }
        Int::Value(v) if small(v).is_some() => Some(small(v)),
        _ => {
            let m = format!("Area Code {p} not an integer");
            r.push(C::AreaCodeNotInteger, Some(p), Some("area_code"), m);
            None
        }
    };
    let city_name = free_text(&w.city_name).map(str::to_string);
    let number_type = match text(&w.number_type) {
        None => {
            let m = format!("Number Type {p} Empty");
            r.push(C::NumberTypeEmpty, Some(p), Some("number_type"), m);
            None
        }
        Some(s) => {
            let t = NumberType::parse(s);
            if t.is_none() {
                let m = format!(
                    "The requested Number Type {p} is not valid. \
                     The valid values are NATIONAL, GEOGRAPHIC, TOLLFREE"
                );
                r.push(C::NumberTypeInvalid, Some(p), Some("number_type"), m);
            }
            t
        }
    };
    let quantity = match int(&w.quantity) {
        Int::Empty => {
            // Ours: the page has no "Quantity Empty"; same style as its siblings.
            let m = format!("Quantity {p} Empty");
            r.push(C::QuantityEmpty, Some(p), Some("quantity"), m);
            None
        }
        Int::NotInteger => {
            let m = format!("Quantity {p} not an integer");
            r.push(C::QuantityNotInteger, Some(p), Some("quantity"), m);
            None
        }
        Int::Value(v) if (1..=250).contains(&v) => Some(v as u32),
        Int::Value(_) => {
            let m = "Quantity must be between 1 and 250".to_string();
            r.push(C::QuantityOutOfRange, Some(p), Some("quantity"), m);
            None
        }
    };
    let additional_information = match &w.additional_information {
        None => Some(None),
        Some(a) => validate_additional(a, p, r).map(Some),
    };
    Some(PurchaseItem {
        country_code: country_code?,
        area_code: area_code?,
        post_code,
        city_name,
        number_type: number_type?,
        quantity: quantity?,
        additional_information: additional_information?,
    })
}

fn validate_additional(
    a: &wire::AdditionalInformation,
    p: Position,
    r: &mut Report,
) -> Option<AdditionalInformation> {
    let mut required = |value: &Option<String>, code, field: &'static str, label: &str| {
        let v = free_text(value).map(str::to_string);
        if v.is_none() {
            r.push(code, Some(p), Some(field), format!("{label} {p} Empty"));
        }
        v
    };
    let firstname = required(&a.firstname, C::FirstnameEmpty, "firstname", "firstname");
    let lastname = required(&a.lastname, C::LastnameEmpty, "lastname", "lastname");
    let company = required(&a.company, C::CompanyEmpty, "company", "Company Name");
    let street = required(&a.street, C::StreetEmpty, "street", "street");
    let building_number = match int(&a.building_number) {
        Int::Empty => {
            let m = format!("building_number {p} Empty");
            r.push(C::BuildingNumberEmpty, Some(p), Some("building_number"), m);
            None
        }
        Int::Value(v) if small(v).is_some() => small(v),
        _ => {
            let m = format!("building_number {p} not an integer");
            r.push(
                C::BuildingNumberNotInteger,
                Some(p),
                Some("building_number"),
                m,
            );
            None
        }
    };
    let mut required = |value: &Option<String>, code, field: &'static str| {
        let v = free_text(value).map(str::to_string);
        if v.is_none() {
            r.push(code, Some(p), Some(field), format!("{field} {p} Empty"));
        }
        v
    };
    let city = required(&a.city, C::CityEmpty, "city");
    let zipcode = required(&a.zipcode, C::ZipcodeEmpty, "zipcode");
    Some(AdditionalInformation {
        firstname: firstname?,
        lastname: lastname?,
        company: company?,
        street: street?,
        building_number: building_number?,
        city: city?,
        zipcode: zipcode?,
    })
}

/// `http://` or `https://` followed by a host; the page's advanced form with `user:pass@`
/// is allowed.
fn is_http_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = authority.rsplit('@').next().unwrap_or("");
            !host.is_empty() && !url.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// A plain shape check: something@something.tld, no spaces. IOVOX checks more itself.
fn is_email(a: &str) -> bool {
    match a.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !a.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// `purchaseVoxNumbers`: buys numbers; never repeated once it may have arrived.
#[derive(Debug, Clone, Copy)]
pub struct PurchaseVoxNumbers;

impl Method for PurchaseVoxNumbers {
    const ROUTE: Route = Route {
        interface: "Purchase",
        name: "purchaseVoxNumbers",
        verb: Verb::Post,
    };
    const RETRY: Retry = Retry::NotAfterSent;
    type Request = PurchaseRequest;
    type Wire = wire::PurchaseRequest;
    type Output = crate::Order;

    fn prepare(request: &PurchaseRequest) -> Result<Prepared, ValidationErrors> {
        if !request.plainly_valid() {
            // The validator decides, with the server's messages (and trims what it keeps).
            return Self::prepare_wire(&request.to_wire());
        }
        Ok(Prepared {
            body: request.to_xml(),
            callback_url: request.callback_url.clone(),
        })
    }

    fn prepare_wire(request: &wire::PurchaseRequest) -> Result<Prepared, ValidationErrors> {
        let accepted = request.validate()?;
        Ok(Prepared {
            body: accepted.to_xml(),
            callback_url: accepted.callback_url,
        })
    }

    fn decode(body: &[u8]) -> Result<crate::Order, crate::DecodeError> {
        crate::Order::from_response_xml(body)
    }
}
