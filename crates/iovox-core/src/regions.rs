//! getVoxnumberRegions: the regions numbers can be bought in (a purchase item names one by
//! country code, area code and number type). `GET /Purchase`, filters in the query string.

use crate::list;
use crate::model::{Answer, Confidence, Known, RequestShape, Spec};
use crate::purchase::NumberType;
use crate::vocab::{Retry, Route, Verb};

/// The number types a region sells.
const NUMBER_TYPES: &[&str] = &["NATIONAL", "GEOGRAPHIC", "TOLLFREE"];

impl list::Words for NumberType {
    const WORDS: &'static [&'static str] = NUMBER_TYPES;
    fn parse(s: &str) -> Option<Self> {
        NumberType::parse(s)
    }
    fn word(self) -> &'static str {
        self.as_str()
    }
}

impl list::Setter<Option<NumberType>> for NumberType {
    fn into_value(self) -> Option<NumberType> {
        Some(self)
    }
}

list::request! {
    /// A getVoxnumberRegions request: every filter optional.
    ///
    /// ```
    /// use iovox_core::{NumberType, RegionsRequest};
    /// let request = RegionsRequest::new().country_code(44).number_type(NumberType::Geographic);
    /// assert!(request.validate().is_ok());
    /// ```
    RegionsRequest {
        /// Only regions selling this type.
        number_type: Option<NumberType> = list::Word("Number Type"),
        /// Only this country (IDD).
        country_code: Option<u32> = list::Code("Country Code"),
        /// Only this area code.
        area_code: Option<u32> = list::Code("Area Code"),
        /// Only these fields of each result (abbreviations: [`REGION_FIELDS`]); IOVOX's
        /// default ones when empty.
        req_fields: Vec<String> = list::Fields(REGION_FIELDS),
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000; default 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
    }
    /// getVoxnumberRegions's arguments: every key its request may have (the bindings refuse any other).
    arguments: REGION_ARGUMENTS,
    /// A getVoxnumberRegions request from its arguments as given, with the messages.
    wire: validate_regions,
}

list::record! {
    /// One region for sale.
    VoxnumberRegion {
        /// IDD (44).
        country_code: u32 = "cc",
        /// Area code (151).
        area_code: u32 = "ac",
        /// Country name ("UNITED KINGDOM").
        country_name: String = "con",
        /// State or region.
        state_name: String = "stn",
        /// City.
        city_name: String = "cin",
        /// Whether a purchase here needs `additional_information`.
        require_purchase_info: bool,
        /// The price, as IOVOX writes it.
        cost: String = "ct",
    }
    /// The `req_fields` abbreviations: country code, area code, country name, state name,
    /// city name, cost (each result field's own, in `GetVoxnumberRegions::SPEC`).
    abbreviations: REGION_FIELDS,
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
        arguments: &RegionsRequest::ARGUMENTS,
        answer: Answer::List(&VoxnumberRegion::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"country_code\": 44, \"number_type\": \"GEOGRAPHIC\", \"limit\": 10}",
    },
}
