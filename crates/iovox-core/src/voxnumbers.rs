//! getVoxnumbers: the numbers the account holds, with their link and status. `GET
//! /Voxnumbers`, filters in the query string.

use crate::list::{self, word_enum};
use crate::model::{Answer, Confidence, Known, RequestShape, Spec};
use crate::vocab::{Retry, Route, Verb};

word_enum! {
    /// Whether a number is attached to a link.
    AssignedStatus {
        /// Attached to a link.
        Assigned => "ASSIGNED",
        /// In the pool, free to attach.
        Unassigned => "UNASSIGNED",
    }
}

word_enum! {
    /// A number's call status.
    CallStatus {
        /// Taking calls.
        On => "ON",
        /// Attached, with no rules to route calls.
        NoRules => "NO RULES",
        /// Active.
        Active => "ACTIVE",
        /// Not taking calls.
        Off => "OFF",
    }
}

word_enum! {
    /// The kind of a number in the account.
    VoxnumberType {
        /// A local (geographic) number.
        Local => "LOCAL",
        /// A national number.
        National => "NATIONAL",
    }
}

list::request! {
    /// A getVoxnumbers request: every filter optional.
    ///
    /// ```
    /// use iovox_core::{AssignedStatus, VoxnumbersRequest};
    /// let unassigned = VoxnumbersRequest::new().assigned_status(AssignedStatus::Unassigned);
    /// assert!(unassigned.validate().is_ok());
    /// ```
    VoxnumbersRequest {
        /// Only this number (international digits).
        voxnumber: Option<String> = list::Digits("VoxNumber"),
        /// Only numbers of this type.
        voxnumber_type: Option<VoxnumberType> = list::Word("VoxNumber Type"),
        /// Only numbers of this country (its name).
        voxnumber_country: Option<String> = list::Text,
        /// Only numbers of this city.
        voxnumber_city: Option<String> = list::Text,
        /// Only attached, or only free, numbers.
        assigned_status: Option<AssignedStatus> = list::Word("Assigned Status"),
        /// Only numbers with this call status.
        call_status: Option<CallStatus> = list::Word("Call Status"),
        /// Only the number of this link.
        link_id: Option<String> = list::Text,
        /// Only these fields of each result (abbreviations: [`VOXNUMBER_FIELDS`]); IOVOX's
        /// default ones when empty.
        req_fields: Vec<String> = list::Fields(VOXNUMBER_FIELDS),
        /// Sort: an abbreviation with `_ASC` or `_DESC` ("vnpd_DESC").
        order: Option<String> = list::Order(VOXNUMBER_FIELDS),
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000; default 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
    }
    /// getVoxnumbers's arguments: every key its request may have (the bindings refuse any other).
    arguments: VOXNUMBER_ARGUMENTS,
    /// A getVoxnumbers request from its arguments as given, with the messages.
    wire: validate_voxnumbers,
}

list::record! {
    /// One number of the account. Fields not asked for in `req_fields` are `None`.
    AccountVoxnumber {
        /// The node of its link.
        node_id: String = "nid",
        /// The node's name.
        node_name: String = "nname",
        /// The link it is attached to.
        link_id: String = "lid",
        /// The link's name.
        link_name: String = "lname",
        /// ASSIGNED or UNASSIGNED.
        assigned_status: AssignedStatus = "as",
        /// ON, NO RULES, ACTIVE or OFF.
        call_status: CallStatus = "cs",
        /// IDD (44).
        country_code: u32,
        /// The number, international digits.
        voxnumber: String = "vn",
        /// LOCAL or NATIONAL.
        voxnumber_type: VoxnumberType = "vnt",
        /// Country name.
        voxnumber_country: String = "vnco",
        /// City.
        voxnumber_city: String = "vnci",
        /// When it was bought: "YYYY-MM-DD HH:MM:SS" as IOVOX writes it.
        purchase_date: String as DateTime = "vnpd",
    }
    /// The `req_fields` (and `order`) abbreviations: node id, node name, link id, link name,
    /// assigned status, call status, voxnumber, voxnumber type, country, city, purchase date
    /// (each result field's own, in `GetVoxnumbers::SPEC`).
    abbreviations: VOXNUMBER_FIELDS,
}

list::list_method! {
    /// `getVoxnumbers`: reads only, safe to repeat.
    GetVoxnumbers: VoxnumbersRequest => AccountVoxnumber,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Voxnumbers",
            name: "getVoxnumbers",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "Numbering",
        request: RequestShape::Query,
        arguments: &VoxnumbersRequest::ARGUMENTS,
        answer: Answer::List(&AccountVoxnumber::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"assigned_status\": \"UNASSIGNED\", \"limit\": 10}",
    },
}
