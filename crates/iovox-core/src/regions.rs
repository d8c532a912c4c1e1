//! getVoxnumberRegions: the regions numbers can be bought in (a purchase item names one by
//! country code, area code and number type). `GET /Purchase`, filters in the query string.

use crate::check::{Given, Report};
use crate::error::ValidationErrors;
use crate::list::{self, QueryView, Typed};
use crate::model::{
    Answer, Argument, ArgumentKind as K, Confidence, FieldKind as F, Known, RequestShape,
    ResultField, Spec,
};
use crate::purchase::NumberType;
use crate::vocab::{Retry, Route, Verb};
use crate::wire;

/// The `req_fields` abbreviations: country code, area code, country name, state name,
/// city name, cost (each result field's own, in `GetVoxnumberRegions::SPEC`).
pub const REGION_FIELDS: &[&str] =
    &crate::model::abbreviations::<{ crate::model::abbreviated(&RESULT) }>(&RESULT);

/// A region's fields, as the answer names them.
const RESULT: [ResultField; 7] = [
    ResultField::new("country_code", "cc", F::Integer),
    ResultField::new("area_code", "ac", F::Integer),
    ResultField::new("country_name", "con", F::Text),
    ResultField::new("state_name", "stn", F::Text),
    ResultField::new("city_name", "cin", F::Text),
    ResultField::always("require_purchase_info", F::Flag),
    ResultField::new("cost", "ct", F::Text),
];

/// The number types a region sells.
const NUMBER_TYPES: &[&str] = &["NATIONAL", "GEOGRAPHIC", "TOLLFREE"];

const ARGUMENTS: [Argument; 6] = [
    Argument::optional("number_type", K::Words(NUMBER_TYPES)),
    Argument::optional(
        "country_code",
        K::Integer {
            min: 0,
            max: u32::MAX as u64,
        },
    ),
    Argument::optional(
        "area_code",
        K::Integer {
            min: 0,
            max: u32::MAX as u64,
        },
    ),
    Argument::optional("req_fields", K::Fields),
    crate::model::PAGING[0],
    crate::model::PAGING[1],
];

/// A getVoxnumberRegions request: every filter optional.
///
/// ```
/// use iovox_core::{NumberType, RegionsRequest};
/// let request = RegionsRequest::new().country_code(44).number_type(NumberType::Geographic);
/// assert!(request.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct RegionsRequest {
    /// Only regions selling this type.
    pub number_type: Option<NumberType>,
    /// Only this country (IDD).
    pub country_code: Option<u32>,
    /// Only this area code.
    pub area_code: Option<u32>,
    /// Only these fields of each result ([`REGION_FIELDS`]); all when empty.
    pub req_fields: Vec<String>,
    /// The page (from 1; default 1).
    pub page: Option<u32>,
    /// Results per page (1 to 20,000; default 20,000).
    pub limit: Option<u32>,
}

/// One region for sale.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VoxnumberRegion {
    /// IDD (44).
    pub country_code: Option<u32>,
    /// Area code (151).
    pub area_code: Option<u32>,
    /// Country name ("UNITED KINGDOM").
    pub country_name: Option<String>,
    /// State or region.
    pub state_name: Option<String>,
    /// City.
    pub city_name: Option<String>,
    /// Whether a purchase here needs `additional_information`.
    pub require_purchase_info: Option<bool>,
    /// The price, as IOVOX writes it.
    pub cost: Option<String>,
}

impl RegionsRequest {
    /// Every region, first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only regions selling this type.
    pub fn number_type(mut self, t: NumberType) -> Self {
        self.number_type = Some(t);
        self
    }

    /// Only this country.
    pub fn country_code(mut self, c: u32) -> Self {
        self.country_code = Some(c);
        self
    }

    /// Only this area code.
    pub fn area_code(mut self, a: u32) -> Self {
        self.area_code = Some(a);
        self
    }

    /// Every check that needs only the request, with the pages' messages.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        check(&Typed::new(self, &self.req_fields)).map(drop)
    }
}

/// The typed request as the validator reads it.
impl QueryView for Typed<'_, RegionsRequest> {
    fn get(&self, key: &str) -> Given<'_> {
        match key {
            "number_type" => self
                .r
                .number_type
                .map_or(Given::Missing, |t| Given::Text(t.as_str())),
            "country_code" => Given::int(self.r.country_code),
            "area_code" => Given::int(self.r.area_code),
            "req_fields" => self.list(),
            "page" => Given::int(self.r.page),
            "limit" => Given::int(self.r.limit),
            _ => Given::Missing,
        }
    }
}

/// getVoxnumberRegions's arguments: every key its request may have (the bindings refuse any other).
pub const REGION_ARGUMENTS: &[&str] = &crate::model::names(&ARGUMENTS);

/// The one validator, over either form.
fn check(q: &impl QueryView) -> Result<RegionsRequest, ValidationErrors> {
    let mut r = Report::default();
    let texts_ok = list::check_texts(q, REGION_ARGUMENTS, &mut r);
    let number_type = list::rule_word_filter(
        q.get("number_type"),
        "number_type",
        "Number Type",
        NUMBER_TYPES,
        &mut r,
    );
    let country_code = list::rule_code_filter(
        q.get("country_code"),
        "country_code",
        "Country Code",
        &mut r,
    );
    let area_code = list::rule_code_filter(q.get("area_code"), "area_code", "Area Code", &mut r);
    let req_fields = list::rule_req_fields(q.get("req_fields"), REGION_FIELDS, &mut r);
    let page = list::rule_page(q.get("page"), &mut r);
    let limit = list::rule_limit(q.get("limit"), &mut r);
    let accepted = (|| {
        Some(RegionsRequest {
            number_type: number_type?.and_then(NumberType::parse),
            country_code: country_code?,
            area_code: area_code?,
            req_fields: req_fields?,
            page: page?,
            limit: limit?,
        })
    })();
    list::finish(r, accepted.filter(|_| texts_ok))
}

impl wire::Query {
    /// A getVoxnumberRegions request from its arguments as given, with the messages.
    pub fn validate_regions(&self) -> Result<RegionsRequest, ValidationErrors> {
        check(self)
    }
}

list::list_method! {
    /// `getVoxnumberRegions`: reads only, safe to repeat.
    GetVoxnumberRegions: RegionsRequest => VoxnumberRegion,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Purchase",
            name: "getVoxnumberRegions",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Numbering",
        request: RequestShape::Query,
        arguments: &ARGUMENTS,
        answer: Answer::List(&RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"country_code\": 44, \"number_type\": \"GEOGRAPHIC\", \"limit\": 10}",
    },
    assign: |r: &mut VoxnumberRegion, field, text| {
        let owned = || Some(text.to_string());
        match field {
            "country_code" => r.country_code = Some(list::number(field, text)?),
            "area_code" => r.area_code = Some(list::number(field, text)?),
            "country_name" => r.country_name = owned(),
            "state_name" => r.state_name = owned(),
            "city_name" => r.city_name = owned(),
            "require_purchase_info" => r.require_purchase_info = Some(list::flag(field, text)?),
            "cost" => r.cost = owned(),
            _ => {}
        }
        Ok(())
    },
}

impl list::Record for VoxnumberRegion {
    fn fields(&self) -> Vec<(&'static str, Option<list::Field<'_>>)> {
        use list::Field::{Flag, Number};
        vec![
            ("country_code", self.country_code.map(Number)),
            ("area_code", self.area_code.map(Number)),
            ("country_name", list::text_field(&self.country_name)),
            ("state_name", list::text_field(&self.state_name)),
            ("city_name", list::text_field(&self.city_name)),
            (
                "require_purchase_info",
                self.require_purchase_info.map(Flag),
            ),
            ("cost", list::text_field(&self.cost)),
        ]
    }
}
