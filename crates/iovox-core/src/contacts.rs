//! Contacts: the people calls are put through to (a rule's destination, a variable rule's
//! fixed value), each with the caller's own ID. Made by createContacts, changed by
//! updateContacts, listed by getContacts, read whole by getContactDetails, removed by
//! deleteContacts.
//!
//! What the pages state and how sure we are of each fact: `docs/decisions.md` 46. In
//! short: every element, argument and `req_fields` abbreviation is IOVOX's pages; the
//! messages checked before sending are deleteContacts' ("Contact IDs Empty", "Remove If
//! User Invalid") and the list pages' page and limit ones. The create's and update's
//! error tables are cut in the copies we have and the PHP client's copies name only
//! "Request Empty", so a contact's elements are sent as given.

use crate::check::{boolean, Given, Report};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::list::{self, QueryView, Typed};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::records::{prepare_records, Element, ElementKind as E, Records, RecordsBody};
use crate::vocab::{Method, Prepared, Retry, Route, Verb};
use crate::wire;
use serde_json::Value;

/// A contact's details, as createContacts, updateContacts and getContactDetails name them
/// (page), after its ID.
macro_rules! details {
    ($($extra:expr,)*) => {
        &[
            $($extra,)*
            Element::optional("display_name", "Display Name", E::Text, false),
            Element::optional("first_name", "First Name", E::Text, false),
            Element::optional("last_name", "Last Name", E::Text, false),
            Element::optional("email", "Email", E::Text, false),
            Element::optional("email_2", "Email 2", E::Text, false),
            Element::optional("company", "Company", E::Text, false),
            Element::optional("mobile_phone", "Mobile Phone", E::Text, false),
            Element::optional("home_phone", "Home Phone", E::Text, false),
            Element::optional("business_phone", "Business Phone", E::Text, false),
            Element::optional("business_fax", "Business Fax", E::Text, false),
            Element::optional("work_address_1", "Work Address 1", E::Text, false),
            Element::optional("work_address_2", "Work Address 2", E::Text, false),
            Element::optional("work_city", "Work City", E::Text, false),
            Element::optional("work_country", "Work Country", E::Text, false),
            Element::optional("work_postcode", "Work Postcode", E::Text, false),
            Element::optional("home_address_1", "Home Address 1", E::Text, false),
            Element::optional("home_address_2", "Home Address 2", E::Text, false),
            Element::optional("home_city", "Home City", E::Text, false),
            Element::optional("home_country", "Home Country", E::Text, false),
            Element::optional("home_postcode", "Home Postcode", E::Text, false),
            Element::optional("notes", "Notes", E::Text, false),
        ]
    };
}

/// A `<contact>` of createContacts (page): its ID (required, sent as given: the page's
/// message for a missing one is cut from our copy) and its details.
pub const CONTACT: RecordsBody = RecordsBody {
    item: "contact",
    argument: "contacts",
    elements: details!(Element::required_unchecked("contact_id", "Contact ID"),),
};

/// A `<contact>` of updateContacts (page): the contact by its ID, a new ID if it changes,
/// and the details that change.
pub const CONTACT_UPDATE: RecordsBody = RecordsBody {
    item: "contact",
    argument: "contacts",
    elements: details!(
        Element::required_unchecked("contact_id", "Contact ID"),
        Element::optional("new_contact_id", "New Contact ID", E::Text, false),
    ),
};

crate::setup::records_method!(
    /// `createContacts`: contacts, each with the caller's own ID. Not repeated once it may
    /// have been sent (a repeat would find its IDs taken).
    CreateContacts, CONTACT, "Contacts", "createContacts", Post, 201, PageAndClients,
    "{\"contacts\": [{\"contact_id\": \"Sales\", \"display_name\": \"Sales desk\", \"business_phone\": \"442071234000\"}]}"
);

/// An updateContacts request: the contacts that change, and two switches for the whole
/// request (each sent only when given; IOVOX's default is `FALSE`).
///
/// ```
/// use iovox_core::method::{Method, UpdateContacts};
/// use iovox_core::{ContactUpdates, Records};
/// let change = ContactUpdates::new(Records::new().record([("contact_id", "Sales"), ("email", "desk@example.com")]))
///     .replace_details(true);
/// let body = UpdateContacts::prepare(&change).unwrap().body;
/// assert!(body.ends_with("<request><replace_details>TRUE</replace_details><contact>\
/// <contact_id>Sales</contact_id><email>desk@example.com</email></contact></request>"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ContactUpdates {
    /// When a detail left empty is part of a rule template or fixes a variable rule:
    /// `true` removes the template (or detaches it), `false` (IOVOX's default) refuses.
    pub rm_rules: Option<bool>,
    /// `true`: details left out are emptied; `false` (IOVOX's default): they keep their
    /// value (inferred from the name; the page's description is cut).
    pub replace_details: Option<bool>,
    /// The contacts: `contact_id`, and what changes.
    pub contacts: Records,
}

impl ContactUpdates {
    /// These changes, with IOVOX's defaults for both switches.
    pub fn new(contacts: Records) -> Self {
        ContactUpdates {
            contacts,
            ..ContactUpdates::default()
        }
    }

    /// Remove or detach rule templates a detail left empty belongs to.
    pub fn rm_rules(mut self, on: bool) -> Self {
        self.rm_rules = Some(on);
        self
    }

    /// Empty the details left out.
    pub fn replace_details(mut self, on: bool) -> Self {
        self.replace_details = Some(on);
        self
    }

    /// The request as the wire carries it: `{"rm_rules", "replace_details", "contacts"}`.
    pub fn to_wire(&self) -> Value {
        let contacts: Vec<Value> = (self.contacts.records.iter())
            .map(|r| {
                Value::Object(
                    r.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().into()))
                        .collect(),
                )
            })
            .collect();
        let mut m = serde_json::Map::new();
        for (k, v) in [
            ("rm_rules", self.rm_rules),
            ("replace_details", self.replace_details),
        ] {
            if let Some(v) = v {
                m.insert(k.into(), v.into());
            }
        }
        m.insert("contacts".into(), contacts.into());
        Value::Object(m)
    }
}

/// A switch IOVOX reads as `TRUE` or `FALSE`: given or not, or (ours, as no message is
/// stated for it) "`name` must be TRUE or FALSE".
fn switch(v: &Value, name: &'static str, r: &mut Report) -> Option<Option<bool>> {
    let given = crate::tree::given(v);
    if given.is_missing() {
        return Some(None);
    }
    match boolean(given) {
        Ok(b) => Some(Some(b)),
        Err(()) => {
            let m = format!("{name} must be TRUE or FALSE");
            r.push(C::SwitchInvalid, None, Some(name), m);
            None
        }
    }
}

/// `updateContacts`: details, or a new ID (`new_contact_id`). Not repeated once it may
/// have been sent: a renaming repeated would find the old ID gone.
#[derive(Debug, Clone, Copy)]
pub struct UpdateContacts;

impl Method for UpdateContacts {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Contacts",
            name: "updateContacts",
            verb: Verb::Put,
        },
        retry: Retry::NotAfterSent,
        area: "AccountSetup",
        request: RequestShape::Body,
        arguments: &[
            Argument::required("contacts", K::List),
            Argument::optional("rm_rules", K::Flag),
            Argument::optional("replace_details", K::Flag),
        ],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"contacts\": [{\"contact_id\": \"Sales\", \"email\": \"desk@example.com\"}], \"replace_details\": false}",
    };
    type Request = ContactUpdates;
    type Wire = Value;
    type Output = ();

    fn prepare(request: &ContactUpdates) -> Result<Prepared, ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(request: &Value) -> Result<Prepared, ValidationErrors> {
        let mut r = Report::default();
        let none = Value::Null;
        let rm_rules = switch(request.get("rm_rules").unwrap_or(&none), "rm_rules", &mut r);
        let replace = switch(
            request.get("replace_details").unwrap_or(&none),
            "replace_details",
            &mut r,
        );
        // `contacts`, or `records` as a wire::Records serializes.
        let list = request.get("contacts").or_else(|| request.get("records"));
        let contacts: wire::Records = serde_json::from_value(serde_json::json!({
            "records": list.cloned().unwrap_or(Value::Array(Vec::new())),
        }))
        .unwrap_or_default();
        let body = match prepare_records(&CONTACT_UPDATE, &contacts) {
            Ok(body) => body,
            Err(e) => return Err(r.prepend_to(e)),
        };
        let (rm_rules, replace) = r.finish(rm_rules.zip(replace))?;
        // The switches come first, before the contacts, as the page writes them.
        let mut switches = String::new();
        for (name, v) in [("rm_rules", rm_rules), ("replace_details", replace)] {
            if let Some(v) = v {
                let v = if v { "TRUE" } else { "FALSE" };
                switches.push_str(&format!("<{name}>{v}</{name}>"));
            }
        }
        Ok(Prepared {
            query: Vec::new(),
            body: body.replacen("<request>", &format!("<request>{switches}"), 1),
            callback_url: None,
        })
    }

    /// No answer body is documented or read.
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}

/// An updateContacts body as a server reads it (the sandbox): the two switches as given
/// (absent: `None`) and the contacts; `None` when the body is not that shape.
#[allow(clippy::type_complexity)]
pub fn read_contact_updates(
    body: &[u8],
) -> Option<(Option<String>, Option<String>, wire::Records)> {
    use crate::xml::Node;
    use std::collections::BTreeMap;
    let body = std::str::from_utf8(body).ok()?;
    let mut switches: BTreeMap<String, String> = BTreeMap::new();
    let mut records: Vec<BTreeMap<String, wire::Entry>> = Vec::new();
    let mut open: Option<(String, String)> = None;
    let root = crate::xml::walk(body, |node| {
        match node {
            Node::Open(_, 1) => {}
            Node::Open(name, 2) if name == b"contact" => records.push(BTreeMap::new()),
            Node::Open(name, 2 | 3) => {
                open = Some((String::from_utf8_lossy(name).into_owned(), String::new()))
            }
            Node::Open(..) => return Err("not an updateContacts body".into()),
            Node::Text(t) => match open.as_mut() {
                Some((_, text)) => text.push_str(t),
                None if t.trim().is_empty() => {}
                None => return Err("text outside an element".into()),
            },
            Node::Close(depth @ (2 | 3)) => {
                if let Some((name, text)) = open.take() {
                    if depth == 2 {
                        switches.insert(name, text);
                    } else if let Some(record) = records.last_mut() {
                        let value = (!text.is_empty()).then(|| text.as_str().into());
                        record.insert(name, wire::Entry(value));
                    }
                }
            }
            Node::Close(_) => {}
        }
        Ok(())
    })
    .ok()?;
    (root == "request").then(|| {
        (
            switches.remove("rm_rules"),
            switches.remove("replace_details"),
            wire::Records { records },
        )
    })
}

/// A deleteContacts request: the contacts, and what to do when one is used by rules or has
/// a user account (IOVOX's default for both: refuse).
///
/// ```
/// use iovox_core::DeleteContactsRequest;
/// let request = DeleteContactsRequest::new(["Sales", "Support"]).rm_rules(true);
/// assert!(request.validate().is_ok());
/// assert_eq!(DeleteContactsRequest::new(Vec::<String>::new()).validate().unwrap_err().messages(),
///     ["Contact IDs Empty"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DeleteContactsRequest {
    /// The contacts' IDs.
    pub contact_ids: Vec<String>,
    /// Remove (or detach) the rule templates and variable rules a contact is used in;
    /// without it, such a contact is refused.
    #[cfg_attr(feature = "serde", serde(default))]
    pub rm_rules: bool,
    /// Remove a contact's user account with it; without it, such a contact is refused.
    #[cfg_attr(feature = "serde", serde(default))]
    pub rm_if_user: bool,
}

impl DeleteContactsRequest {
    /// These contacts, with IOVOX's defaults.
    pub fn new<S: Into<String>>(contact_ids: impl IntoIterator<Item = S>) -> Self {
        DeleteContactsRequest {
            contact_ids: contact_ids.into_iter().map(Into::into).collect(),
            ..DeleteContactsRequest::default()
        }
    }

    /// Remove or detach the rules a contact is used in.
    pub fn rm_rules(mut self, on: bool) -> Self {
        self.rm_rules = on;
        self
    }

    /// Remove a contact's user account with it.
    pub fn rm_if_user(mut self, on: bool) -> Self {
        self.rm_if_user = on;
        self
    }

    /// Every check that needs only the request, with the page's messages.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        <DeleteContacts as Method>::prepare(self).map(drop)
    }
}

/// deleteContacts' arguments: every key its request may have.
pub const DELETE_CONTACT_ARGUMENTS: &[&str] = &crate::model::names(&DELETE_ARGUMENTS);

const DELETE_ARGUMENTS: [Argument; 3] = [
    Argument::required("contact_ids", K::List),
    Argument::optional("rm_rules", K::Flag),
    Argument::optional("rm_if_user", K::Flag),
];

/// The one validator, over either form: "Contact IDs Empty" (page), an ID holding a comma
/// (ours, as for every ID list), "Remove If User Invalid" (page), and `rm_rules` not a
/// switch (ours: no message is stated for it).
fn check_delete(q: &impl QueryView) -> Result<DeleteContactsRequest, ValidationErrors> {
    let mut r = Report::default();
    let texts_ok = list::check_texts(q, DELETE_CONTACT_ARGUMENTS, &mut r);
    let ids = match crate::check::free_text(q.get("contact_ids")) {
        None => {
            r.push(
                C::IdsEmpty,
                None,
                Some("contact_ids"),
                "Contact IDs Empty".into(),
            );
            None
        }
        Some(text) => Some(
            text.split(',')
                .map(|s| s.trim().to_string())
                .collect::<Vec<_>>(),
        ),
    };
    let rm_rules = match boolean(q.get("rm_rules")) {
        Ok(b) => Some(b),
        Err(()) => {
            let m = "rm_rules must be TRUE or FALSE".to_string();
            r.push(C::SwitchInvalid, None, Some("rm_rules"), m);
            None
        }
    };
    let rm_if_user = match boolean(q.get("rm_if_user")) {
        Ok(b) => Some(b),
        Err(()) => {
            let m = "Remove If User Invalid".to_string();
            r.push(C::RemoveIfUserInvalid, None, Some("rm_if_user"), m);
            None
        }
    };
    let accepted = (|| {
        Some(DeleteContactsRequest {
            contact_ids: ids?,
            rm_rules: rm_rules?,
            rm_if_user: rm_if_user?,
        })
    })();
    r.finish(accepted.filter(|_| texts_ok))
}

/// The IDs as given: one holding a comma cannot travel in the comma-joined list (it would
/// name other contacts than the one given, and the delete would act on them).
fn commas(ids: &[String], r: &mut Report) {
    let total = ids.len();
    for (n, id) in ids.iter().enumerate() {
        if id.contains(',') {
            let p = Position {
                index: n + 1,
                total,
            };
            let m = format!(
                "Contact ID {p} holds a comma, which IOVOX's comma-joined list cannot carry"
            );
            r.push(C::IdHasComma, Some(p), Some("contact_ids"), m);
        }
    }
}

impl wire::Query {
    /// A deleteContacts request from its arguments as given, with the messages.
    pub fn validate_delete_contacts(&self) -> Result<DeleteContactsRequest, ValidationErrors> {
        check_delete(self)
    }
}

/// The wire form of a deleteContacts request: the IDs as listed (before the query joins
/// them), and the two switches as given.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeleteContactsWire {
    /// The IDs, each as given.
    #[serde(default)]
    pub contact_ids: Vec<wire::Entry>,
    /// `rm_rules` as given.
    #[serde(default)]
    pub rm_rules: wire::Entry,
    /// `rm_if_user` as given.
    #[serde(default)]
    pub rm_if_user: wire::Entry,
}

impl QueryView for Typed<'_, DeleteContactsWire> {
    fn get(&self, key: &str) -> Given<'_> {
        match key {
            "contact_ids" => self.list(),
            "rm_rules" => (&self.r.rm_rules.0).into(),
            "rm_if_user" => (&self.r.rm_if_user.0).into(),
            _ => Given::Missing,
        }
    }
}

/// `deleteContacts`: contacts. Not repeated once it may have been sent (a repeat answers
/// "Contact ID x of y does not exist").
#[derive(Debug, Clone, Copy)]
pub struct DeleteContacts;

impl Method for DeleteContacts {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Contacts",
            name: "deleteContacts",
            verb: Verb::Delete,
        },
        retry: Retry::NotAfterSent,
        area: "AccountSetup",
        request: RequestShape::Query,
        arguments: &DELETE_ARGUMENTS,
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"contact_ids\": [\"Sales\"], \"rm_rules\": true}",
    };
    type Request = DeleteContactsRequest;
    type Wire = DeleteContactsWire;
    type Output = ();

    fn prepare(request: &DeleteContactsRequest) -> Result<Prepared, ValidationErrors> {
        let entry = |g: wire::Given| wire::Entry(Some(g));
        Self::prepare_wire(&DeleteContactsWire {
            contact_ids: (request.contact_ids.iter())
                .map(|id| entry(wire::Given::Text(id.clone())))
                .collect(),
            rm_rules: entry(wire::Given::Boolean(request.rm_rules)),
            rm_if_user: entry(wire::Given::Boolean(request.rm_if_user)),
        })
    }

    fn prepare_wire(request: &DeleteContactsWire) -> Result<Prepared, ValidationErrors> {
        let ids: Vec<String> = (request.contact_ids.iter())
            .map(|e| crate::check::owned_text((&e.0).into()).unwrap_or_default())
            .collect();
        let mut r = Report::default();
        commas(&ids, &mut r);
        let checked = check_delete(&Typed::new(request, &ids));
        match checked {
            Ok(c) => r.finish(Some(prepared_delete(&c))),
            Err(e) => Err(r.prepend_to(e)),
        }
    }

    /// Success is "204 No Content".
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}

fn prepared_delete(r: &DeleteContactsRequest) -> Prepared {
    let flag = |b: bool| if b { "TRUE" } else { "FALSE" }.to_string();
    Prepared {
        query: vec![
            ("contact_ids", r.contact_ids.join(",")),
            ("rm_rules", flag(r.rm_rules)),
            ("rm_if_user", flag(r.rm_if_user)),
        ],
        ..Prepared::default()
    }
}

list::request! {
    /// A getContacts request: every contact, or those matching the filters.
    ///
    /// ```
    /// let request = iovox_core::ContactsRequest::new().company("IOVOX").req_fields(["cid", "dn"]);
    /// assert!(request.validate().is_ok());
    /// ```
    ContactsRequest {
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 20,000).
        limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
        /// Sort: an abbreviation of [`CONTACT_FIELDS`] with `_ASC` or `_DESC`; sent as
        /// given, as the page states no message for it.
        order: Option<String> = list::OrderAsGiven,
        /// Only these fields of each result ([`CONTACT_FIELDS`]); every field when empty.
        /// Sent as given, as the page states no message for it.
        req_fields: Vec<String> = list::FieldsAsGiven,
        /// Only the contact with this ID.
        contact_id: Option<String> = list::Text,
        /// Only the contacts whose display name holds this.
        display_name: Option<String> = list::Text,
        /// Only the contacts of this company.
        company: Option<String> = list::Text,
        /// Only the contacts with this phone number.
        phone_number: Option<String> = list::Text,
        /// Only the contacts with this e-mail address.
        email: Option<String> = list::Text,
    }
    /// getContacts' arguments: every key its request may have (the bindings refuse any other).
    arguments: CONTACT_ARGUMENTS,
    /// A getContacts request from its arguments as given, with the messages.
    wire: validate_contacts,
}

list::record! {
    /// A contact as getContacts lists it. Fields not asked for in `req_fields` are `None`.
    Contact {
        /// Its ID, the caller's own.
        contact_id: String = "cid",
        /// Its display name.
        display_name: String = "dn",
        /// Its company.
        company: String = "comp",
        /// Its e-mail address.
        email: String = "em",
        /// Its business phone.
        business_phone: String = "bphone",
        /// Whether rules use it (IOVOX's word, as sent).
        assigned_status: String = "as",
    }
    /// The `req_fields` abbreviations: ID, display name, company, e-mail, business phone,
    /// assigned status.
    abbreviations: CONTACT_FIELDS,
}

list::list_method! {
    /// `getContacts`: reads only, safe to repeat.
    GetContacts: ContactsRequest => Contact,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Contacts",
            name: "getContacts",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "AccountSetup",
        request: RequestShape::Query,
        arguments: &ContactsRequest::ARGUMENTS,
        answer: Answer::List(&Contact::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"company\": \"IOVOX\"}",
    },
}

pub use details::{
    ContactDetails, ContactDetailsRequest, GetContactDetails, CONTACT_DETAIL_ARGUMENTS,
};

/// getContactDetails, in a module of its own (each list's validator is its module's `check`).
mod details {
    use super::*;

    list::request! {
        /// A getContactDetails request: one contact, every detail.
        ///
        /// ```
        /// let request = iovox_core::ContactDetailsRequest::new().contact_id("Sales");
        /// assert!(request.validate().is_ok());
        /// ```
        ContactDetailsRequest {
            /// The contact (required; sent as given, as the page states no message for it).
            contact_id: Option<String> = list::RequiredText,
            /// The page (from 1; default 1).
            page: Option<u32> = list::PageNumber,
            /// Results per page (1 to 20,000).
            limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
        }
        /// getContactDetails' arguments: every key its request may have.
        arguments: CONTACT_DETAIL_ARGUMENTS,
        /// A getContactDetails request from its arguments as given, with the messages.
        wire: validate_contact_details,
    }

    list::record! {
        /// A contact's details as getContactDetails answers them (the page's example and the
        /// PHP client's model).
        ContactDetails {
            /// Its ID.
            contact_id: String,
            /// First name.
            first_name: String,
            /// Last name.
            last_name: String,
            /// Display name.
            display_name: String,
            /// E-mail address.
            email: String,
            /// Second e-mail address.
            email_2: String,
            /// Company.
            company: String,
            /// Job title.
            title: String,
            /// Business phone.
            business_phone: String,
            /// Business fax.
            business_fax: String,
            /// Work address, first line.
            work_address_1: String,
            /// Work address, second line.
            work_address_2: String,
            /// Work city.
            work_city: String,
            /// Work postcode.
            work_postcode: String,
            /// Work country.
            work_country: String,
            /// Home phone.
            home_phone: String,
            /// Mobile phone.
            mobile_phone: String,
            /// Home address, first line.
            home_address_1: String,
            /// Home address, second line.
            home_address_2: String,
            /// Home city.
            home_city: String,
            /// Home postcode.
            home_postcode: String,
            /// Home country.
            home_country: String,
            /// Notes.
            notes: String,
        }
    }

    list::list_method! {
        /// `getContactDetails`: reads only, safe to repeat.
        GetContactDetails: ContactDetailsRequest => ContactDetails,
        fields: |_| &[],
        spec: Spec {
            route: Route {
                interface: "Contacts",
                name: "getContactDetails",
                verb: Verb::Get,
            },
            retry: Retry::SafeToRepeat,
            area: "AccountSetup",
            request: RequestShape::Query,
            arguments: &ContactDetailsRequest::ARGUMENTS,
            answer: Answer::List(&ContactDetails::RESULT),
            paged: Known::Yes(true),
            success: Some(200),
            confidence: Confidence::PageAndClients,
            typed: true,
            example: "{\"contact_id\": \"Sales\"}",
        },
    }
}
