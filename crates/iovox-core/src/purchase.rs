//! purchaseVoxNumbers: the typed request and its validation with the server's messages.

use crate::check::{
    code, free_text, int, required_code, required_text, rule_area_code, word, Given, Int, Report,
    WHOLE_REQUEST,
};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use std::borrow::Cow;
use std::fmt;

/// Longest `callback_url` IOVOX accepts (the page: "max 120 characters long").
pub const CALLBACK_URL_MAX_CHARS: usize = 120;
/// Smallest and largest `quantity` of one item.
pub const QUANTITY_RANGE: std::ops::RangeInclusive<u32> = 1..=250;

/// The three kinds of VoxNumber IOVOX sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "UPPERCASE"))]
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
/// let request = PurchaseRequest::new(vec![
///     PurchaseItem::new(44, NumberType::Geographic, 2).area_code(151),
/// ])
/// .callback_url("https://user:pass@example.com/iovox")
/// .cc("ops@example.com");
/// assert!(request.validate().is_ok());
/// assert!(request.to_xml().contains("<quantity>2</quantity>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PurchaseRequest {
    /// Where IOVOX POSTs order updates (at most 120 characters, http or https).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub callback_url: Option<String>,
    /// E-mail addresses copied on the order (joined with commas on the wire).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub cc_list: Vec<String>,
    /// Buy only what is in stock, and consider the order complete (sent as `TRUE` when set).
    #[cfg_attr(feature = "serde", serde(default))]
    pub dynamic_quantity: bool,
    /// What to buy.
    pub items: Vec<PurchaseItem>,
    /// Send a `callback_url` that carries no `user:password@` all the same. Off by default:
    /// without credentials, anyone who finds the endpoint can post a forged FULFILLED
    /// order (docs/decisions.md 30). Never sent to IOVOX.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub allow_unauthenticated_callbacks: bool,
}

/// One line of a purchase.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PurchaseItem {
    /// IDD of the country (44 for the UK).
    pub country_code: u32,
    /// Area code within the country (151 for Liverpool); required unless `post_code` is set.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub area_code: Option<u32>,
    /// Post code of the region (UK and FR only).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub post_code: Option<String>,
    /// City name, as getVoxnumberRegions returns it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub city_name: Option<String>,
    /// NATIONAL, GEOGRAPHIC or TOLLFREE.
    pub number_type: NumberType,
    /// How many numbers (1 to 250).
    pub quantity: u32,
    /// The billing contact some countries require.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub additional_information: Option<AdditionalInformation>,
}

/// The legal contact some countries require for a purchase; every field is required once
/// the block is present.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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

    /// Where IOVOX POSTs order updates (at most 120 characters, http or https; the
    /// `user:pass@` form lets your endpoint check who calls).
    pub fn callback_url(mut self, url: impl Into<String>) -> Self {
        self.callback_url = Some(url.into());
        self
    }

    /// Adds an e-mail address to copy on the order.
    pub fn cc(mut self, address: impl Into<String>) -> Self {
        self.cc_list.push(address.into());
        self
    }

    /// Buy only what is in stock, and consider the order complete.
    pub fn dynamic_quantity(mut self, on: bool) -> Self {
        self.dynamic_quantity = on;
        self
    }

    /// Lets the purchase send a `callback_url` without `user:password@`: its callbacks
    /// can then be forged by anyone who finds the endpoint, and
    /// `receive_callback` must be told the same.
    ///
    /// ```
    /// use iovox_core::{method::{Method, PurchaseVoxNumbers}, NumberType, PurchaseItem, PurchaseRequest};
    /// let request = PurchaseRequest::new(vec![PurchaseItem::new(44, NumberType::Geographic, 1).area_code(151)])
    ///     .callback_url("https://example.com/iovox");
    /// let refused = PurchaseVoxNumbers::prepare(&request).unwrap_err();
    /// assert_eq!(refused.0[0].code.as_str(), "callback_url_unauthenticated");
    /// assert!(PurchaseVoxNumbers::prepare(&request.allow_unauthenticated_callbacks(true)).is_ok());
    /// ```
    pub fn allow_unauthenticated_callbacks(mut self, allow: bool) -> Self {
        self.allow_unauthenticated_callbacks = allow;
        self
    }

    /// The request as the wire carries it (each value as its kind: numbers as integers,
    /// the flag as a boolean).
    pub fn to_wire(&self) -> wire::PurchaseRequest {
        wire::PurchaseRequest::from(self)
    }

    /// Every check that needs only the request; all errors at once, in document order.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let cc_list = self.cc_list.join(",");
        check_purchase(
            Given::opt(&self.callback_url),
            if self.cc_list.is_empty() {
                Given::Missing
            } else {
                Given::Text(&cc_list)
            },
            if self.dynamic_quantity {
                Given::Boolean(true)
            } else {
                Given::Missing
            },
            self.items.iter(),
            Keep::Nothing,
        )
        .map(drop)
    }

    /// The XML body, exactly in the shape of the page (no validation: see [`Self::validate`]).
    pub fn to_xml(&self) -> String {
        crate::encode::purchase(self)
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

    /// The area code within the country (151 for Liverpool).
    pub fn area_code(mut self, area_code: u32) -> Self {
        self.area_code = Some(area_code);
        self
    }

    /// The region's post code (UK and FR only); then no area code is needed.
    pub fn post_code(mut self, post_code: impl Into<String>) -> Self {
        self.post_code = Some(post_code.into());
        self
    }

    /// The city name, as getVoxnumberRegions returns it.
    pub fn city_name(mut self, city_name: impl Into<String>) -> Self {
        self.city_name = Some(city_name.into());
        self
    }

    /// The billing contact some countries require.
    pub fn additional_information(mut self, info: AdditionalInformation) -> Self {
        self.additional_information = Some(info);
        self
    }
}

impl From<&PurchaseRequest> for wire::PurchaseRequest {
    fn from(r: &PurchaseRequest) -> Self {
        wire::PurchaseRequest {
            callback_url: r.callback_url.as_deref().map(Into::into),
            cc_list: (!r.cc_list.is_empty()).then(|| r.cc_list.join(",").into()),
            dynamic_quantity: r.dynamic_quantity.then_some(wire::Given::Boolean(true)),
            allow_unauthenticated_callbacks: r
                .allow_unauthenticated_callbacks
                .then_some(wire::Given::Boolean(true)),
            items: Some(wire::Items {
                item: r.items.iter().map(wire::PurchaseItem::from).collect(),
            }),
        }
    }
}

fn integer(n: u32) -> wire::Given {
    wire::Given::Integer(n.into())
}

impl From<&PurchaseItem> for wire::PurchaseItem {
    fn from(i: &PurchaseItem) -> Self {
        wire::PurchaseItem {
            country_code: Some(integer(i.country_code)),
            area_code: i.area_code.map(integer),
            post_code: i.post_code.as_deref().map(Into::into),
            city_name: i.city_name.as_deref().map(Into::into),
            number_type: Some(i.number_type.as_str().into()),
            quantity: Some(integer(i.quantity)),
            additional_information: i.additional_information.as_ref().map(|a| {
                wire::AdditionalInformation {
                    firstname: Some(a.firstname.as_str().into()),
                    lastname: Some(a.lastname.as_str().into()),
                    company: Some(a.company.as_str().into()),
                    street: Some(a.street.as_str().into()),
                    building_number: Some(integer(a.building_number)),
                    city: Some(a.city.as_str().into()),
                    zipcode: Some(a.zipcode.as_str().into()),
                }
            }),
        }
    }
}

impl wire::PurchaseRequest {
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
        let items = self.items.as_ref().map_or(&[][..], |i| &i.item[..]);
        check_purchase(
            (&self.callback_url).into(),
            (&self.cc_list).into(),
            (&self.dynamic_quantity).into(),
            items.iter(),
            Keep::Accepted,
        )
        .map(|accepted| accepted.expect("kept"))
    }
}

/// Whether the validator builds the typed request it accepted (from the wire form), or
/// only checks (a typed request is already that value).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    Accepted,
    Nothing,
}

/// One item's values as the rules read them, from either form of the request: the one
/// validator is written over this, and each form answers field by field.
trait ItemFields {
    type Info: InfoFields;
    fn country_code(&self) -> Given<'_>;
    fn area_code(&self) -> Given<'_>;
    fn post_code(&self) -> Given<'_>;
    fn city_name(&self) -> Given<'_>;
    fn number_type(&self) -> Given<'_>;
    fn quantity(&self) -> Given<'_>;
    fn additional_information(&self) -> Option<&Self::Info>;
}

/// `additional_information`'s values, from either form.
trait InfoFields {
    fn firstname(&self) -> Given<'_>;
    fn lastname(&self) -> Given<'_>;
    fn company(&self) -> Given<'_>;
    fn street(&self) -> Given<'_>;
    fn building_number(&self) -> Given<'_>;
    fn city(&self) -> Given<'_>;
    fn zipcode(&self) -> Given<'_>;
}

impl ItemFields for PurchaseItem {
    type Info = AdditionalInformation;
    fn country_code(&self) -> Given<'_> {
        Given::int(Some(self.country_code))
    }
    fn area_code(&self) -> Given<'_> {
        Given::int(self.area_code)
    }
    fn post_code(&self) -> Given<'_> {
        Given::opt(&self.post_code)
    }
    fn city_name(&self) -> Given<'_> {
        Given::opt(&self.city_name)
    }
    fn number_type(&self) -> Given<'_> {
        Given::Text(self.number_type.as_str())
    }
    fn quantity(&self) -> Given<'_> {
        Given::int(Some(self.quantity))
    }
    fn additional_information(&self) -> Option<&AdditionalInformation> {
        self.additional_information.as_ref()
    }
}

impl InfoFields for AdditionalInformation {
    fn firstname(&self) -> Given<'_> {
        Given::Text(&self.firstname)
    }
    fn lastname(&self) -> Given<'_> {
        Given::Text(&self.lastname)
    }
    fn company(&self) -> Given<'_> {
        Given::Text(&self.company)
    }
    fn street(&self) -> Given<'_> {
        Given::Text(&self.street)
    }
    fn building_number(&self) -> Given<'_> {
        Given::int(Some(self.building_number))
    }
    fn city(&self) -> Given<'_> {
        Given::Text(&self.city)
    }
    fn zipcode(&self) -> Given<'_> {
        Given::Text(&self.zipcode)
    }
}

impl ItemFields for wire::PurchaseItem {
    type Info = wire::AdditionalInformation;
    fn country_code(&self) -> Given<'_> {
        (&self.country_code).into()
    }
    fn area_code(&self) -> Given<'_> {
        (&self.area_code).into()
    }
    fn post_code(&self) -> Given<'_> {
        (&self.post_code).into()
    }
    fn city_name(&self) -> Given<'_> {
        (&self.city_name).into()
    }
    fn number_type(&self) -> Given<'_> {
        (&self.number_type).into()
    }
    fn quantity(&self) -> Given<'_> {
        (&self.quantity).into()
    }
    fn additional_information(&self) -> Option<&wire::AdditionalInformation> {
        self.additional_information.as_ref()
    }
}

impl InfoFields for wire::AdditionalInformation {
    fn firstname(&self) -> Given<'_> {
        (&self.firstname).into()
    }
    fn lastname(&self) -> Given<'_> {
        (&self.lastname).into()
    }
    fn company(&self) -> Given<'_> {
        (&self.company).into()
    }
    fn street(&self) -> Given<'_> {
        (&self.street).into()
    }
    fn building_number(&self) -> Given<'_> {
        (&self.building_number).into()
    }
    fn city(&self) -> Given<'_> {
        (&self.city).into()
    }
    fn zipcode(&self) -> Given<'_> {
        (&self.zipcode).into()
    }
}

/// The one validator of a purchase: every field's rule, in document order.
fn check_purchase<'a, I: ItemFields + 'a>(
    callback_url: Given<'_>,
    cc_list: Given<'_>,
    dynamic_quantity: Given<'_>,
    items: impl ExactSizeIterator<Item = &'a I>,
    keep: Keep,
) -> Result<Option<PurchaseRequest>, ValidationErrors> {
    let mut report = Report::default();
    let r = &mut report;
    let mut ok = crate::check::xml_texts(
        r,
        WHOLE_REQUEST,
        &[
            ("callback_url", callback_url),
            ("cc_list", cc_list),
            ("dynamic_quantity", dynamic_quantity),
        ],
    );
    let callback_url = rule_callback_url(callback_url, r);
    let cc_list = rule_cc_list(cc_list, r, keep);
    let dynamic_quantity = rule_dynamic_quantity(dynamic_quantity, r);

    let total = items.len();
    if total == 0 {
        r.push(C::RequestEmpty, None, None, "Request Empty".into());
        ok = false;
    }
    let mut accepted = Vec::with_capacity(if keep == Keep::Accepted { total } else { 0 });
    for (n, item) in items.enumerate() {
        let p = Position {
            index: n + 1,
            total,
        };
        let out = (keep == Keep::Accepted).then_some(&mut accepted);
        ok &= check_item(item, p, r, out);
    }
    report.finish(ok.then(|| {
        (keep == Keep::Accepted).then(|| PurchaseRequest {
            callback_url: callback_url.map(Cow::into_owned),
            cc_list,
            dynamic_quantity,
            items: accepted,
            allow_unauthenticated_callbacks: false,
        })
    }))
}

/// One item's rules; `true` when it passes, and then the typed item goes to `out`.
fn check_item<I: ItemFields>(
    w: &I,
    p: Position,
    r: &mut Report,
    out: Option<&mut Vec<PurchaseItem>>,
) -> bool {
    let keep = if out.is_some() {
        Keep::Accepted
    } else {
        Keep::Nothing
    };
    let a = w.additional_information();
    // One call per field, not a loop over an array: this runs for every item of a
    // 250-item basket, and the array's copies cost more than the checks.
    use crate::check::xml_text;
    let mut xml_ok = xml_text(r, p, "country_code", w.country_code());
    xml_ok &= xml_text(r, p, "area_code", w.area_code());
    xml_ok &= xml_text(r, p, "post_code", w.post_code());
    xml_ok &= xml_text(r, p, "city_name", w.city_name());
    xml_ok &= xml_text(r, p, "number_type", w.number_type());
    xml_ok &= xml_text(r, p, "quantity", w.quantity());
    if let Some(a) = a {
        xml_ok &= xml_text(r, p, "firstname", a.firstname());
        xml_ok &= xml_text(r, p, "lastname", a.lastname());
        xml_ok &= xml_text(r, p, "company", a.company());
        xml_ok &= xml_text(r, p, "street", a.street());
        xml_ok &= xml_text(r, p, "building_number", a.building_number());
        xml_ok &= xml_text(r, p, "city", a.city());
        xml_ok &= xml_text(r, p, "zipcode", a.zipcode());
    }
    let country_code = rule_country_code(w.country_code(), p, r);
    let post_code = free_text(w.post_code());
    let area_code = rule_purchase_area_code(w.area_code(), post_code.is_some(), p, r);
    let city_name = free_text(w.city_name());
    let number_type = rule_number_type(w.number_type(), p, r);
    let quantity = rule_quantity(w.quantity(), p, r);
    let mut additional_information = None;
    let info_ok = a.is_none_or(|a| {
        let out = (keep == Keep::Accepted).then_some(&mut additional_information);
        check_additional(a, p, r, out)
    });
    let ok = xml_ok
        && country_code.is_some()
        && area_code.is_some()
        && number_type.is_some()
        && quantity.is_some()
        && info_ok;
    if let (true, Some(out)) = (ok, out) {
        out.push(PurchaseItem {
            country_code: country_code.unwrap_or_default(),
            area_code: area_code.flatten(),
            post_code: post_code.map(Cow::into_owned),
            city_name: city_name.map(Cow::into_owned),
            number_type: number_type.unwrap_or(NumberType::National),
            quantity: quantity.unwrap_or_default(),
            additional_information,
        });
    }
    ok
}

/// `additional_information`: every field required once the block is there.
fn check_additional(
    a: &impl InfoFields,
    p: Position,
    r: &mut Report,
    out: Option<&mut Option<AdditionalInformation>>,
) -> bool {
    let firstname = required_text(
        a.firstname(),
        p,
        r,
        "firstname",
        "firstname",
        C::FirstnameEmpty,
    );
    let lastname = required_text(a.lastname(), p, r, "lastname", "lastname", C::LastnameEmpty);
    let company = required_text(
        a.company(),
        p,
        r,
        "company",
        "Company Name",
        C::CompanyEmpty,
    );
    let street = required_text(a.street(), p, r, "street", "street", C::StreetEmpty);
    let building_number = rule_building_number(a.building_number(), p, r);
    let city = required_text(a.city(), p, r, "city", "city", C::CityEmpty);
    let zipcode = required_text(a.zipcode(), p, r, "zipcode", "zipcode", C::ZipcodeEmpty);
    let ok = firstname.is_some()
        && lastname.is_some()
        && company.is_some()
        && street.is_some()
        && building_number.is_some()
        && city.is_some()
        && zipcode.is_some();
    if let (true, Some(out)) = (ok, out) {
        let owned = |t: Option<Cow<'_, str>>| t.map(Cow::into_owned).unwrap_or_default();
        *out = Some(AdditionalInformation {
            firstname: owned(firstname),
            lastname: owned(lastname),
            company: owned(company),
            street: owned(street),
            building_number: building_number.unwrap_or_default(),
            city: owned(city),
            zipcode: owned(zipcode),
        });
    }
    ok
}

// The field rules: one function each, for both forms.

/// `callback_url`: at most 120 characters, http or https with a host. Ours
/// (docs/decisions.md 8): the page states the limit but no message.
fn rule_callback_url<'a>(v: Given<'a>, r: &mut Report) -> Option<Cow<'a, str>> {
    let url = word(v)?;
    let (code, what) = if url.chars().count() > CALLBACK_URL_MAX_CHARS {
        (C::CallbackUrlTooLong, "Too Long")
    } else if !is_http_url(&url) {
        (C::CallbackUrlInvalid, "Invalid")
    } else {
        return Some(url);
    };
    let m = format!("Callback URL {WHOLE_REQUEST} {what}");
    r.push(code, Some(WHOLE_REQUEST), Some("callback_url"), m);
    None
}

/// The client's policy, not the server's (which takes any callback URL, and so does the
/// sandbox): a `callback_url` without `user:password@` is refused unless the caller allows
/// unauthenticated callbacks by name, since anyone who finds such an endpoint can post a
/// forged order (docs/decisions.md 30). Ours: IOVOX has no such message. Its error comes
/// first, where the callback URL's own would, and only when the URL is otherwise valid;
/// the other fields' errors follow, all at once.
fn callback_policy<T>(
    checked: Result<T, ValidationErrors>,
    url: Given<'_>,
    allowed: Given<'_>,
) -> Result<T, ValidationErrors> {
    let mut r = Report::default();
    let field = Some("allow_unauthenticated_callbacks");
    let allowed = crate::check::boolean(allowed).unwrap_or_else(|()| {
        let m = "allow_unauthenticated_callbacks must be true or false".to_string();
        r.push(C::AllowUnauthenticatedInvalid, None, field, m);
        true
    });
    let url_refused = checked
        .as_ref()
        .err()
        .is_some_and(|e| e.0.iter().any(|e| e.field == Some("callback_url")));
    match word(url) {
        Some(url) if !allowed && !url_refused && !crate::url::has_credentials(&url) => {
            let m = format!(
                "Callback URL {WHOLE_REQUEST} has no user:password@, so anyone who finds it \
                 can post a forged order; put credentials in it, or allow unauthenticated \
                 callbacks by name"
            );
            let (p, f) = (Some(WHOLE_REQUEST), Some("callback_url"));
            r.push(C::CallbackUrlUnauthenticated, p, f, m);
        }
        _ => {}
    }
    match checked {
        Err(e) => Err(r.prepend_to(e)),
        Ok(v) => r.finish(Some(v)),
    }
}

/// `cc_list`: addresses joined by commas. Ours: the page documents no message for a bad
/// address.
fn rule_cc_list(v: Given<'_>, r: &mut Report, keep: Keep) -> Vec<String> {
    let Some(text) = word(v) else {
        return Vec::new();
    };
    let addresses = || text.split(',').map(str::trim);
    if !addresses().all(is_email) {
        let m = format!("CC List {WHOLE_REQUEST} Invalid");
        r.push(C::CcListInvalid, Some(WHOLE_REQUEST), Some("cc_list"), m);
    }
    match keep {
        Keep::Accepted => addresses().map(str::to_string).collect(),
        Keep::Nothing => Vec::new(),
    }
}

/// `dynamic_quantity`: TRUE or FALSE.
fn rule_dynamic_quantity(v: Given<'_>, r: &mut Report) -> bool {
    crate::check::boolean(v).unwrap_or_else(|()| {
        let m = format!("Dynamic Quantity {WHOLE_REQUEST} Invalid");
        let f = Some("dynamic_quantity");
        r.push(C::DynamicQuantityInvalid, Some(WHOLE_REQUEST), f, m);
        false
    })
}

/// `country_code`. Ours: the page documents no message for a non-numeric one.
fn rule_country_code(v: Given<'_>, p: Position, r: &mut Report) -> Option<u32> {
    let bad = (C::CountryCodeNotInteger, "not an integer");
    required_code(
        v,
        p,
        r,
        "country_code",
        "Country Code",
        C::CountryCodeEmpty,
        bad,
    )
}

/// `area_code`: "YES (unless post code)".
fn rule_purchase_area_code(
    v: Given<'_>,
    has_post_code: bool,
    p: Position,
    r: &mut Report,
) -> Option<Option<u32>> {
    if has_post_code && code(v) == Err(true) {
        return Some(None);
    }
    rule_area_code(v, p, r).map(Some)
}

/// `number_type`: NATIONAL, GEOGRAPHIC or TOLLFREE, exactly.
fn rule_number_type(v: Given<'_>, p: Position, r: &mut Report) -> Option<NumberType> {
    let Some(s) = word(v) else {
        let m = format!("Number Type {p} Empty");
        r.push(C::NumberTypeEmpty, Some(p), Some("number_type"), m);
        return None;
    };
    let t = NumberType::parse(&s);
    if t.is_none() {
        let m = format!(
            "The requested Number Type {p} is not valid. \
             The valid values are NATIONAL, GEOGRAPHIC, TOLLFREE"
        );
        r.push(C::NumberTypeInvalid, Some(p), Some("number_type"), m);
    }
    t
}

/// `quantity`: a whole number from 1 to 250.
fn rule_quantity(v: Given<'_>, p: Position, r: &mut Report) -> Option<u32> {
    let (c, m) = match int(v) {
        Int::Value(n) if (1..=250).contains(&n) => return Some(n as u32),
        // Ours: the page has no "Quantity Empty"; same style as its siblings.
        Int::Empty => (C::QuantityEmpty, format!("Quantity {p} Empty")),
        Int::NotInteger => (
            C::QuantityNotInteger,
            format!("Quantity {p} not an integer"),
        ),
        Int::Value(_) => (
            C::QuantityOutOfRange,
            "Quantity must be between 1 and 250".into(),
        ),
    };
    r.push(c, Some(p), Some("quantity"), m);
    None
}

/// `building_number`.
fn rule_building_number(v: Given<'_>, p: Position, r: &mut Report) -> Option<u32> {
    let bad = (C::BuildingNumberNotInteger, "not an integer");
    let field = "building_number";
    required_code(v, p, r, field, field, C::BuildingNumberEmpty, bad)
}

/// `http://` or `https://` followed by a host; the page's advanced form with `user:pass@`
/// is allowed.
fn is_http_url(url: &str) -> bool {
    let after = |scheme: &str| {
        url.get(..scheme.len())
            .filter(|s| s.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    };
    let rest = after("https://").or_else(|| after("http://"));
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
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Purchase",
            name: "purchaseVoxNumbers",
            verb: Verb::Post,
        },
        retry: Retry::NotAfterSentUnlessOptedIn,
        area: "Numbering",
        request: RequestShape::Body,
        arguments: &[
            Argument::optional("callback_url", K::Text),
            Argument::optional("cc_list", K::List),
            Argument::optional("dynamic_quantity", K::Flag),
            Argument::required("items", K::List),
        ],
        answer: Answer::Order,
        paged: Known::Yes(false),
        success: Some(201),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"items\": [{\"country_code\": 44, \"area_code\": 20, \"number_type\": \"GEOGRAPHIC\", \"quantity\": 1}]}",
    };
    type Request = PurchaseRequest;
    type Wire = wire::PurchaseRequest;
    type Output = crate::Order;

    /// A typed request is sent as built once its checks pass (the server trims text as
    /// the checks did); nothing is copied.
    fn prepare(request: &PurchaseRequest) -> Result<Prepared, ValidationErrors> {
        let allowed = Given::Boolean(request.allow_unauthenticated_callbacks);
        callback_policy(
            request.validate(),
            Given::opt(&request.callback_url),
            allowed,
        )?;
        Ok(Prepared {
            query: Vec::new(),
            body: request.to_xml(),
            callback_url: request.callback_url.clone(),
        })
    }

    fn prepare_wire(request: &wire::PurchaseRequest) -> Result<Prepared, ValidationErrors> {
        let accepted = callback_policy(
            request.validate(),
            (&request.callback_url).into(),
            (&request.allow_unauthenticated_callbacks).into(),
        )?;
        Ok(Prepared {
            query: Vec::new(),
            body: accepted.to_xml(),
            callback_url: accepted.callback_url,
        })
    }

    fn decode(body: &[u8]) -> Result<crate::Order, crate::DecodeError> {
        crate::Order::from_response_xml(body)
    }
}
