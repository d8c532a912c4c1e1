//! getCountries: the countries IOVOX sells numbers in, each with its code and name. `GET
//! /Countries`, `page` and `limit` only (no filters, no `req_fields`, no `order`).
//! `code` is read as the calling code (44, 33): numeric on both clients, which is likely
//! but not stated (inferred, `docs/decisions.md` 33).

use crate::list;
use crate::model::{Answer, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Retry, Route, Verb};

list::request! {
    /// A getCountries request: which page, how many per page.
    ///
    /// ```
    /// let request = iovox_core::CountriesRequest::new().limit(50);
    /// assert!(request.validate().is_ok());
    /// let bad = iovox_core::CountriesRequest::new().limit(20_001);
    /// assert_eq!(bad.validate().unwrap_err().messages(), ["Limit must be between 1 and 20000"]);
    /// ```
    CountriesRequest {
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000; default 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
    }
    /// getCountries' arguments: every key its request may have (the bindings refuse any other).
    arguments: COUNTRY_ARGUMENTS,
    /// A getCountries request from its arguments as given, with the messages.
    wire: validate_countries,
}

list::record! {
    /// A country IOVOX sells numbers in.
    Country {
        /// Its calling code (44).
        code: u32,
        /// Its name, as IOVOX writes it ("UNITED KINGDOM").
        name: String,
    }
}

list::list_method! {
    /// `getCountries`: reads only, safe to repeat.
    GetCountries: CountriesRequest => Country,
    fields: |_| &[],
    spec: Spec {
        route: Route {
            interface: "Countries",
            name: "getCountries",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Numbering",
        request: RequestShape::Query,
        arguments: &CountriesRequest::ARGUMENTS,
        answer: Answer::List(&Country::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"limit\": 10}",
    },
}
