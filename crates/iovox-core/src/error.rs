//! Errors of the core: validation errors (one per documented server message), decode errors,
//! and the API error body that IOVOX sends.

use std::fmt;

/// The 1-based position of an item (or link) in its request, and the request's item count.
///
/// IOVOX writes it as "N of M" in its messages ("Quantity 2 of 3 not an integer").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// 1-based index of the item.
    pub index: usize,
    /// Number of items in the request.
    pub total: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}", self.index, self.total)
    }
}

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $variant:ident => $code:literal ),* $(,)?) => {
        /// A stable, machine-readable code for each validation message.
        ///
        /// Codes never change once released; messages follow IOVOX's wording.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant, )*
        }

        impl ErrorCode {
            /// The stable snake_case code, as shown to Python and Node users.
            pub fn as_str(self) -> &'static str {
                match self { $( ErrorCode::$variant => $code, )* }
            }

            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$( ErrorCode::$variant, )*];

            /// Looks a code up by its string (the inverse of [`ErrorCode::as_str`]).
            pub fn parse(code: &str) -> Option<ErrorCode> {
                match code { $( $code => Some(ErrorCode::$variant), )* _ => None }
            }
        }

        impl std::str::FromStr for ErrorCode {
            type Err = String;

            /// The snake_case code, as [`ErrorCode::as_str`] writes it.
            fn from_str(s: &str) -> Result<Self, String> {
                ErrorCode::parse(s).ok_or_else(|| format!("no error code {:?}", short(s)))
            }
        }
    };
}

error_codes! {
    /// "Request Empty": no item (purchase) or no link (attach).
    RequestEmpty => "request_empty",
    /// "… x of y Empty" for an element of a record or an ID (`field` names which).
    Empty => "empty",
    /// "… x of y Invalid" for an element of a record (`field` names which).
    Invalid => "invalid",
    /// "Call Status Invalid": setCallStatus with a status other than ON or OFF.
    CallStatusInvalid => "call_status_invalid",
    /// "Node IDs Empty", "Link IDs Empty": a list of IDs with none.
    IdsEmpty => "ids_empty",
    /// Ours: an ID holding a comma, which a comma-joined query list cannot carry.
    IdHasComma => "id_has_comma",
    /// Ours: `callback_url` longer than 120 characters.
    CallbackUrlTooLong => "callback_url_too_long",
    /// Ours: `callback_url` not an http or https URL.
    CallbackUrlInvalid => "callback_url_invalid",
    /// Ours: a `callback_url` without `user:password@`, refused by the client unless
    /// unauthenticated callbacks are allowed (docs/decisions.md 30).
    CallbackUrlUnauthenticated => "callback_url_unauthenticated",
    /// Ours: `allow_unauthenticated_callbacks` that is not true or false.
    AllowUnauthenticatedInvalid => "allow_unauthenticated_callbacks_invalid",
    /// Ours: an address in `cc_list` that is not an e-mail address.
    CcListInvalid => "cc_list_invalid",
    /// "Dynamic Quantity x of y Invalid".
    DynamicQuantityInvalid => "dynamic_quantity_invalid",
    /// "Country Code x of y Empty".
    CountryCodeEmpty => "country_code_empty",
    /// Ours: "Country Code x of y not an integer".
    CountryCodeNotInteger => "country_code_not_integer",
    /// "Area Code x of y Empty".
    AreaCodeEmpty => "area_code_empty",
    /// "Area Code x of y not an integer".
    AreaCodeNotInteger => "area_code_not_integer",
    /// "Number Type x of y Empty".
    NumberTypeEmpty => "number_type_empty",
    /// "The requested Number Type x of y is not valid. …".
    NumberTypeInvalid => "number_type_invalid",
    /// Ours: "Quantity x of y Empty".
    QuantityEmpty => "quantity_empty",
    /// "Quantity x of y not an integer".
    QuantityNotInteger => "quantity_not_integer",
    /// "Quantity must be between 1 and 250".
    QuantityOutOfRange => "quantity_out_of_range",
    /// "firstname x of y Empty".
    FirstnameEmpty => "firstname_empty",
    /// "lastname x of y Empty".
    LastnameEmpty => "lastname_empty",
    /// "Company Name x of y Empty".
    CompanyEmpty => "company_empty",
    /// "street x of y Empty".
    StreetEmpty => "street_empty",
    /// "building_number x of y Empty".
    BuildingNumberEmpty => "building_number_empty",
    /// "building_number x of y not an integer".
    BuildingNumberNotInteger => "building_number_not_integer",
    /// "city x of y Empty".
    CityEmpty => "city_empty",
    /// "zipcode x of y Empty".
    ZipcodeEmpty => "zipcode_empty",
    /// "Link ID x of y empty".
    LinkIdEmpty => "link_id_empty",
    /// "Duplicate Link ID Received".
    DuplicateLinkId => "duplicate_link_id",
    /// "Method x of y Empty".
    MethodEmpty => "method_empty",
    /// "Method x of y Invalid".
    MethodInvalid => "method_invalid",
    /// "VoxNumber IDD x of y Empty".
    VoxnumberIddEmpty => "voxnumber_idd_empty",
    /// "VoxNumber IDD x of y Invalid".
    VoxnumberIddInvalid => "voxnumber_idd_invalid",
    /// "Fallback City x of y Invalid".
    FallbackCityInvalid => "fallback_city_invalid",
    /// "Fallback Region x of y Invalid".
    FallbackRegionInvalid => "fallback_region_invalid",
    /// "Fallback Country x of y Invalid".
    FallbackCountryInvalid => "fallback_country_invalid",
    /// Ours: a fallback field used with a method that does not offer it.
    FallbackNotAvailable => "fallback_not_available",
    /// "Voxnumber x of y Empty".
    VoxnumberEmpty => "voxnumber_empty",
    /// "Voxnumber x of y is not an Integer".
    VoxnumberNotInteger => "voxnumber_not_integer",
    /// "Duplicate Voxnumber Received".
    DuplicateVoxnumber => "duplicate_voxnumber",
    /// Ours: "VoxNumber Country x of y Empty".
    VoxnumberCountryEmpty => "voxnumber_country_empty",
    /// Ours: "Postcode x of y Empty".
    PostcodeEmpty => "postcode_empty",
    /// Ours: "Fallback Area Distance x of y not an integer".
    FallbackAreaDistanceNotInteger => "fallback_area_distance_not_integer",
    /// Ours: a value holds a character XML 1.0 cannot carry (NUL, most control
    /// characters, U+FFFE, U+FFFF); no server would read such a body.
    NotXmlText => "not_xml_text",
    /// Ours: the encoded request is over the client's size ceiling.
    RequestTooLarge => "request_too_large",
    /// "Page Number not an integer" (list methods).
    PageNotInteger => "page_not_integer",
    /// Ours: "Page Number must be 1 or more" (pages count from 1).
    PageOutOfRange => "page_out_of_range",
    /// "Limit not an integer" (list methods).
    LimitNotInteger => "limit_not_integer",
    /// "Limit must be between 1 and 20000" (list methods).
    LimitOutOfRange => "limit_out_of_range",
    /// "Required Fields Invalid: fieldone,fieldtwo": abbreviations the method does not know.
    RequiredFieldsInvalid => "required_fields_invalid",
    /// "Child Count not allow to be alone in the Required Fields" (getCategories):
    /// `req_fields` asks for `chc` and nothing else.
    ChildCountAlone => "child_count_alone",
    /// Ours: "Sound File x of y must be bytes": text, a number or a list where a sound
    /// file's audio belongs (audio is never taken as text, not even base64).
    NotBytes => "not_bytes",
    /// Ours: "Notes x of y must be text, not bytes": bytes where a record's text belongs.
    NotText => "not_text",
    /// Ours: "Call variable "my var" is not a name an XML element can have" (initiateCall):
    /// a call variable is an element named by the caller.
    VariableNameInvalid => "variable_name_invalid",
    /// Ours: "Call variable x must be a text or a number" (initiateCall): a list or a
    /// mapping where a variable's value belongs.
    VariableInvalid => "variable_invalid",
    /// Ours: "rm_rules must be TRUE or FALSE" (updateContacts, deleteContacts): a switch
    /// whose page states no message of its own.
    SwitchInvalid => "switch_invalid",
    /// "Remove If User Invalid" (deleteContacts): `rm_if_user` neither TRUE nor FALSE.
    RemoveIfUserInvalid => "remove_if_user_invalid",
    /// Ours: a call flow's element that XML or the SDK's mapping cannot carry (a name that
    /// is no XML name, an attribute that is not a text, a number or a boolean).
    FlowElementInvalid => "flow_element_invalid",
    /// "There are no Rules in this Template" (createCallFlow, updateCallFlow).
    NoRules => "no_rules",
    /// "Category ID x of y not an integer" (removeCategoryFromLink): an element the page
    /// wants as digits.
    NotInteger => "not_integer",
    /// "Duplicate Sound File Received" (createSoundFiles, updateSoundFiles): two sound
    /// files of one request with the same label and group.
    DuplicateSoundFile => "duplicate_sound_file",
    /// "Label Empty", "Value Empty" (getCategoryId): an argument the method cannot go
    /// without, missing or blank (`field` names which).
    ArgumentEmpty => "argument_empty",
    /// "Order Field Invalid": `order` names no field of the method.
    OrderFieldInvalid => "order_field_invalid",
    /// "Order Direction Invalid": `order` does not end in `_ASC` or `_DESC`.
    OrderDirectionInvalid => "order_direction_invalid",
    /// Ours: "`<Filter>` Invalid": a filter that must be one of a fixed set of words.
    FilterInvalid => "filter_invalid",
    /// Ours: "`<Filter>` not an integer": a filter that must be a number.
    FilterNotInteger => "filter_not_integer",
    /// "VoxNumbers Empty" (deleteVoxnumbersFromAccount): no number given.
    VoxnumbersEmpty => "voxnumbers_empty",
    /// "You can only remove a maximum of 100 VoxNumbers in a single request".
    TooManyVoxnumbers => "too_many_voxnumbers",
    /// "rm_if_in_use Invalid": not TRUE or FALSE.
    RmIfInUseInvalid => "rm_if_in_use_invalid",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem with a request, in IOVOX's own words.
///
/// ```
/// use iovox_core::{PurchaseItem, NumberType, PurchaseRequest, ErrorCode};
/// let item = PurchaseItem::new(44, NumberType::Geographic, 0);
/// let errors = PurchaseRequest::new(vec![item.area_code(151)]).validate().unwrap_err();
/// assert_eq!(errors[0].code, ErrorCode::QuantityOutOfRange);
/// assert_eq!(errors[0].message, "Quantity must be between 1 and 250");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// Stable code of the check that failed.
    pub code: ErrorCode,
    /// Position of the item or link ("2 of 3"). A field of the request itself
    /// (`callback_url`, `cc_list`, `dynamic_quantity`) is "1 of 1", as the server words
    /// it; `None` only where the message has no position ("Request Empty", a request over
    /// the size ceiling).
    pub position: Option<Position>,
    /// Wire name of the field at fault, where there is one.
    pub field: Option<&'static str>,
    /// The server's documented message (or ours, in its style, where it documents none).
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every validation error of one request, in document order. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(pub Vec<ValidationError>);

impl ValidationErrors {
    /// The messages alone, in order.
    pub fn messages(&self) -> Vec<String> {
        self.0.iter().map(|e| e.message.clone()).collect()
    }
}

impl std::ops::Deref for ValidationErrors {
    type Target = [ValidationError];
    fn deref(&self) -> &[ValidationError] {
        &self.0
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(&e.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// A body that could not be decoded: broken XML, a missing or invalid field.
///
/// `line` and `column` (1-based) are set where the XML itself is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DecodeError {
    /// What was wrong, and where.
    pub message: String,
    /// Line of the fault in the body, where known.
    pub line: Option<usize>,
    /// Column of the fault in the body, where known.
    pub column: Option<usize>,
}

impl DecodeError {
    /// A decode error with no position.
    pub fn new(message: impl Into<String>) -> Self {
        DecodeError {
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

/// An error answer of the IOVOX API: the HTTP status and every `<error>` message of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiErrorBody {
    /// The HTTP status the answer came with.
    pub status: u16,
    /// Every message of the body, in order.
    pub messages: Vec<String>,
}

/// How many characters of a server's text a decode error quotes.
pub const QUOTE_CHARS: usize = 40;

/// A server's text as an error quotes it: at most [`QUOTE_CHARS`] characters, then `…`.
/// Quotes stay short so that an error message never carries much of what a server (or a
/// proxy) chose to echo; the client also redacts its secrets before anything is quoted.
pub(crate) fn short(s: &str) -> String {
    match s.char_indices().nth(QUOTE_CHARS) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}
