//! Categories: the labels links, nodes, contacts and calls are filed under, each label a
//! tree of values ("Location" > "United Kingdom" > "London"), every category with the
//! caller's own ID. Made by createCategories, listed a level at a time by getCategories,
//! found by value with their path by getCategoryId, removed by deleteCategories.
//!
//! What the pages state and how sure we are of each fact: `docs/decisions.md` 43. In
//! short: arguments and messages are IOVOX's pages; getCategories' result elements are
//! the PHP client's fixture (one client); getCategories' `limit` is checked against its
//! error table's 5,000, as getNodes' (decision 36).

use crate::check::{Given, Report};
use crate::error::ErrorCode as C;
use crate::list::{self, Rule};
use crate::model::{Answer, Argument, ArgumentKind as K, Confidence, Known, RequestShape, Spec};
use crate::records::{Element, IdList, RecordsBody};
use crate::vocab::{Retry, Route, Verb};

/// The largest `limit` of getCategories: its error table's (its text says 20,000).
pub const CATEGORIES_LIMIT: std::ops::RangeInclusive<u32> = 1..=5_000;

/// getCategories' `req_fields`: any of [`CATEGORY_FIELDS`], but not `chc` (child count)
/// alone ("Child Count not allow to be alone in the Required Fields").
pub(crate) struct CategoryFields;

impl CategoryFields {
    pub(crate) const fn declare(&self, name: &'static str, _: &'static [&'static str]) -> Argument {
        Argument::optional(name, K::Fields)
    }
}

impl Rule<Vec<String>> for CategoryFields {
    fn apply(&self, v: Given<'_>, field: &'static str, r: &mut Report) -> Option<Vec<String>> {
        let fields = list::Fields(CATEGORY_FIELDS).apply(v, field, r)?;
        if !fields.is_empty() && fields.iter().all(|f| f == "chc") {
            let m = "Child Count not allow to be alone in the Required Fields";
            r.push(C::ChildCountAlone, None, Some("req_fields"), m.into());
            return None;
        }
        Some(fields)
    }
}

list::request! {
    /// A getCategories request: the children of one category, or the top categories.
    ///
    /// ```
    /// let request = iovox_core::CategoriesRequest::new().parent_category_id("Location");
    /// assert!(request.validate().is_ok());
    /// let bad = iovox_core::CategoriesRequest::new().req_fields(["chc"]);
    /// assert_eq!(bad.validate().unwrap_err().messages(),
    ///     ["Child Count not allow to be alone in the Required Fields"]);
    /// ```
    CategoriesRequest {
        /// The page (from 1; default 1).
        page: Option<u32> = list::PageNumber,
        /// Results per page (1 to 5,000).
        limit: Option<u32> = list::Limit(CATEGORIES_LIMIT),
        /// Only the children of this category; the top categories (one per label) when
        /// not given.
        parent_category_id: Option<String> = list::Text,
        /// Only these fields of each result (abbreviations: [`CATEGORY_FIELDS`]; `chc` only
        /// with another); every field when empty.
        req_fields: Vec<String> = CategoryFields,
    }
    /// getCategories' arguments: every key its request may have (the bindings refuse any other).
    arguments: CATEGORY_ARGUMENTS,
    /// A getCategories request from its arguments as given, with the messages.
    wire: validate_categories,
}

list::record! {
    /// A category. Fields not asked for in `req_fields` are `None`.
    Category {
        /// Its ID, the caller's own.
        category_id: String = "cid",
        /// Its label: the top category of its tree ("Location").
        label: String = "cl",
        /// Its value ("London").
        value: String = "cv",
        /// How many categories it holds.
        child_count: u32 = "chc",
    }
    /// The `req_fields` abbreviations: category ID, label, value, child count.
    abbreviations: CATEGORY_FIELDS,
}

list::list_method! {
    /// `getCategories`: reads only, safe to repeat.
    GetCategories: CategoriesRequest => Category,
    fields: |r| &r.req_fields,
    spec: Spec {
        route: Route {
            interface: "Categories",
            name: "getCategories",
            verb: Verb::Get,
        },
        retry: Retry::SafeToRepeat,
        area: "AccountSetup",
        request: RequestShape::Query,
        arguments: &CategoriesRequest::ARGUMENTS,
        answer: Answer::List(&Category::RESULT),
        paged: Known::Yes(true),
        success: Some(200),
        confidence: Confidence::PageAndClients,
        typed: true,
        example: "{\"parent_category_id\": \"Location\", \"req_fields\": [\"cid\", \"cv\", \"chc\"]}",
    },
}

pub use category_id::{CategoryIdRequest, CategoryMatch, GetCategoryId, CATEGORY_ID_ARGUMENTS};

/// getCategoryId, in a module of its own (each list's validator is its module's `check`).
mod category_id {
    use super::*;

    list::request! {
        /// A getCategoryId request: the categories of a label holding a value, each with its
        /// path from the top.
        ///
        /// ```
        /// let request = iovox_core::CategoryIdRequest::new().label("Location").value("London");
        /// assert!(request.validate().is_ok());
        /// let bad = iovox_core::CategoryIdRequest::new().label(" ");
        /// assert_eq!(bad.validate().unwrap_err().messages(), ["Label Empty", "Value Empty"]);
        /// ```
        CategoryIdRequest {
            /// The page (from 1; default 1).
            page: Option<u32> = list::PageNumber,
            /// Results per page (1 to 20,000).
            limit: Option<u32> = list::Limit(list::LIMIT_RANGE),
            /// The label ("Location").
            label: Option<String> = list::Required("Label Empty"),
            /// The value to find ("London").
            value: Option<String> = list::Required("Value Empty"),
            /// What separates the values of `category_path` (default `;`).
            delimiter: Option<String> = list::Text,
        }
        /// getCategoryId's arguments: every key its request may have (the bindings refuse any other).
        arguments: CATEGORY_ID_ARGUMENTS,
        /// A getCategoryId request from its arguments as given, with the messages.
        wire: validate_category_id,
    }

    list::record! {
        /// A category holding the value asked for.
        CategoryMatch {
            /// Its ID.
            category_id: String,
            /// The values from the top category down to it, joined by the delimiter
            /// ("Location;United Kingdom;London").
            category_path: String,
        }
    }

    list::list_method! {
        /// `getCategoryId`: reads only, safe to repeat.
        GetCategoryId: CategoryIdRequest => CategoryMatch,
        fields: |_| &[],
        spec: Spec {
            route: Route {
                interface: "Categories",
                name: "getCategoryId",
                verb: Verb::Get,
            },
            retry: Retry::SafeToRepeat,
            area: "AccountSetup",
            request: RequestShape::Query,
            arguments: &CategoryIdRequest::ARGUMENTS,
            answer: Answer::List(&CategoryMatch::RESULT),
            paged: Known::Yes(true),
            success: Some(200),
            confidence: Confidence::PageAndClients,
            typed: true,
            example: "{\"label\": \"Location\", \"value\": \"London\"}",
        },
    }
}

/// A `<category>` of createCategories (page). Only the Category ID's and the Parent ID's
/// messages are stated; `label` and `value` are required, sent as given.
pub const CATEGORY: RecordsBody = RecordsBody {
    item: "category",
    argument: "categories",
    elements: &[
        Element::not_blank("parent_category_id", "Parent ID"),
        Element::required("category_id", "Category ID"),
        Element::required_unchecked("label", "Label"),
        Element::required_unchecked("value", "Value"),
    ],
};

/// deleteCategories' `categories` (page): each a category's label and ID joined by a
/// semicolon ("Location;London").
pub const CATEGORY_IDS: IdList = IdList {
    argument: "categories",
    label: "Category ID",
    none: "Category IDs Empty",
};

crate::setup::records_method!(
    /// `createCategories`: categories, each with the caller's own ID, at the top of a label
    /// or under a parent. Not repeated once it may have been sent (a repeat answers
    /// "Category ID x of y already exist").
    CreateCategories, CATEGORY, "Categories", "createCategories", Post, 201, Page,
    "{\"categories\": [{\"category_id\": \"London\", \"parent_category_id\": \"UK\", \"label\": \"Location\", \"value\": \"London\"}]}"
);

crate::setup::ids_method!(
    /// `deleteCategories`: categories, each named `label;category_id`, with the categories
    /// under them. Not repeated once it may have been sent (a repeat answers "Category ID x
    /// of y does not exist").
    DeleteCategories, CATEGORY_IDS, "Categories", "AccountSetup", "deleteCategories", Page,
    "{\"categories\": [\"Location;London\"]}"
);

/// A `<link>` of attachCategoryToLink (page): the link, the category by its ID, and for a
/// category that does not exist yet, its parent and value (it is made under the parent).
/// The page's table is cut in our copy and the PHP client's names only "Request Empty":
/// sent as given.
pub const LINK_CATEGORY: RecordsBody = RecordsBody {
    item: "link",
    argument: "links",
    elements: &[
        Element::required_unchecked("link_id", "Link ID"),
        Element::optional(
            "parent_category_id",
            "Parent ID",
            crate::records::ElementKind::Text,
            false,
        ),
        Element::required_unchecked("category_id", "Category ID"),
        Element::optional("value", "Value", crate::records::ElementKind::Text, false),
    ],
};

/// A `<link>` of removeCategoryFromLink (page): the link, the category's ID (digits) and
/// its label; every message the page states is checked before sending.
pub const LINK_CATEGORY_REMOVAL: RecordsBody = RecordsBody {
    item: "link",
    argument: "links",
    elements: &[
        Element::required("link_id", "Link ID"),
        Element {
            name: "category_id",
            label: "Category ID",
            kind: crate::records::ElementKind::Integer,
            required: true,
            checked: true,
            blank_refused: false,
        },
        Element::required("label", "Label"),
    ],
};

crate::setup::records_method!(
    /// `attachCategoryToLink`: categories on links (one category per `<link>`); a category
    /// that does not exist yet is made under `parent_category_id` with `value`. Not
    /// repeated once it may have been sent.
    AttachCategoryToLink, LINK_CATEGORY, "Links", "attachCategoryToLink", Put, 204, PageAndClients,
    "{\"links\": [{\"link_id\": \"333\", \"category_id\": \"124\", \"parent_category_id\": \"123\", \"value\": \"Golden\"}]}"
);

crate::setup::records_method!(
    /// `removeCategoryFromLink`: categories off links, each by its ID and label. Not
    /// repeated once it may have been sent (a repeat answers "Category ID/Label Combination
    /// x of y does not exist").
    ///
    /// ```
    /// use iovox_core::method::{Method, RemoveCategoryFromLink};
    /// let bad = iovox_core::Records::new().record([("link_id", "333"), ("category_id", "12a"), ("label", "")]);
    /// assert_eq!(RemoveCategoryFromLink::prepare(&bad).unwrap_err().messages(),
    ///     ["Category ID 1 of 1 not an integer", "Label 1 of 1 Empty"]);
    /// ```
    RemoveCategoryFromLink, LINK_CATEGORY_REMOVAL, "Links", "removeCategoryFromLink", Put, 204, PageAndClients,
    "{\"links\": [{\"link_id\": \"333\", \"category_id\": \"124\", \"label\": \"Customer Type\"}]}"
);

/// A `<category>` of createCategoryConfigurations (page): a label's configuration, its ID,
/// its `type` (`Tree`, IOVOX's default, `Quarantine_Date` or `Deletion_Date`) and its
/// `colour`.
pub const CATEGORY_CONFIGURATION: RecordsBody = RecordsBody {
    item: "category",
    argument: "categories",
    elements: &[
        Element::required("category_id", "Category ID"),
        Element::required("label", "Label"),
        Element::optional("type", "Type", crate::records::ElementKind::Text, false),
        Element::optional("colour", "Colour", crate::records::ElementKind::Text, false),
    ],
};

/// The types a category configuration may have (page).
pub const CATEGORY_TYPES: &[&str] = &["Tree", "Quarantine_Date", "Deletion_Date"];

/// `createCategoryConfigurations`: labels' configurations, each with its ID and type. Not
/// repeated once it may have been sent (a repeat answers "Category ID x of y exists").
/// Checked before sending (page): "Request Empty", "Category ID x of y Empty", "Label x of
/// y Empty", "Type x of y invalid". The colour's format is not stated precisely enough to
/// check ("valid hexadecimal"): sent as given.
///
/// ```
/// use iovox_core::method::{CreateCategoryConfigurations, Method};
/// let bad = iovox_core::Records::new().record([("category_id", "Q"), ("label", "Quarantine"), ("type", "Date")]);
/// assert_eq!(CreateCategoryConfigurations::prepare(&bad).unwrap_err().messages(), ["Type 1 of 1 invalid"]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct CreateCategoryConfigurations;

impl crate::vocab::Method for CreateCategoryConfigurations {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Categories",
            name: "createCategoryConfigurations",
            verb: Verb::Post,
        },
        retry: Retry::NotAfterSent,
        area: "AccountSetup",
        request: RequestShape::Body,
        arguments: &[Argument::required("categories", K::List)],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(201),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"categories\": [{\"category_id\": \"Model Location\", \"label\": \"Model Location\", \"type\": \"Tree\"}]}",
    };
    type Request = crate::records::Records;
    type Wire = crate::wire::Records;
    type Output = ();

    fn prepare(
        request: &crate::records::Records,
    ) -> Result<crate::vocab::Prepared, crate::ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(
        request: &crate::wire::Records,
    ) -> Result<crate::vocab::Prepared, crate::ValidationErrors> {
        let mut r = Report::default();
        let total = request.records.len();
        for (n, record) in request.records.iter().enumerate() {
            let p = crate::error::Position {
                index: n + 1,
                total,
            };
            let given: Given<'_> = record.get("type").map_or(Given::Missing, |v| (&v.0).into());
            let kind = crate::check::owned_text(given);
            if kind.is_some_and(|k| !CATEGORY_TYPES.contains(&k.as_str())) {
                r.push(
                    C::Invalid,
                    Some(p),
                    Some("type"),
                    format!("Type {p} invalid"),
                );
            }
        }
        match crate::records::prepare_records(&CATEGORY_CONFIGURATION, request) {
            Ok(body) => r.finish(Some(crate::vocab::Prepared {
                query: Vec::new(),
                body,
                callback_url: None,
            })),
            Err(e) => {
                // In document order: each category's elements, then its type.
                let mut all: Vec<_> = (e.0.into_iter())
                    .chain(r.finish(Some(())).err().map(|x| x.0).unwrap_or_default())
                    .collect();
                all.sort_by_key(|e| e.position.map(|p| p.index));
                Err(crate::ValidationErrors(all))
            }
        }
    }

    /// No answer body is documented or read.
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}

/// `deleteCategoryConfigurations`: labels' configurations by ID (`categories_ids`). Not
/// repeated once it may have been sent (a repeat answers "Category ID x of y does not
/// exist"). Checked before sending: "Category ID x of y is empty" (its page, this casing);
/// ours: none at all ("Category IDs Empty", deleteCategories' words: its page states none)
/// and an ID holding a comma.
///
/// ```
/// use iovox_core::method::{DeleteCategoryConfigurations, Method};
/// let e = DeleteCategoryConfigurations::prepare(&iovox_core::IdsRequest::new(["Q", " "])).unwrap_err();
/// assert_eq!(e.messages(), ["Category ID 2 of 2 is empty"]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DeleteCategoryConfigurations;

impl crate::vocab::Method for DeleteCategoryConfigurations {
    const SPEC: Spec = Spec {
        route: Route {
            interface: "Categories",
            name: "deleteCategoryConfigurations",
            verb: Verb::Delete,
        },
        retry: Retry::NotAfterSent,
        area: "AccountSetup",
        request: RequestShape::Query,
        arguments: &[Argument::required("categories_ids", K::List)],
        answer: Answer::Nothing,
        paged: Known::Yes(false),
        success: Some(204),
        confidence: Confidence::Page,
        typed: true,
        example: "{\"categories_ids\": [\"Model Location\"]}",
    };
    type Request = crate::setup::IdsRequest;
    type Wire = crate::wire::DetachRequest;
    type Output = ();

    fn prepare(
        request: &crate::setup::IdsRequest,
    ) -> Result<crate::vocab::Prepared, crate::ValidationErrors> {
        Self::prepare_wire(&request.to_wire())
    }

    fn prepare_wire(
        request: &crate::wire::DetachRequest,
    ) -> Result<crate::vocab::Prepared, crate::ValidationErrors> {
        let mut r = Report::default();
        let total = request.link_ids.len();
        if total == 0 {
            // Ours: its page states no message for none; deleteCategories' words.
            let m = "Category IDs Empty".to_string();
            r.push(C::IdsEmpty, None, Some("categories_ids"), m);
        }
        let mut ids = Vec::with_capacity(total);
        for (n, e) in request.link_ids.iter().enumerate() {
            let p = crate::error::Position {
                index: n + 1,
                total,
            };
            let v: Given<'_> = (&e.0).into();
            if !crate::check::xml_text(&mut r, p, "categories_ids", v) {
                continue;
            }
            match crate::check::owned_text(v) {
                None => r.push(
                    C::Empty,
                    Some(p),
                    Some("categories_ids"),
                    format!("Category ID {p} is empty"),
                ),
                Some(id) if id.contains(',') => {
                    let m = format!("Category ID {p} holds a comma, which IOVOX's comma-joined list cannot carry");
                    r.push(C::IdHasComma, Some(p), Some("categories_ids"), m);
                }
                Some(id) => ids.push(id),
            }
        }
        r.finish(Some(()))?;
        Ok(list::prepared(vec![("categories_ids", ids.join(","))]))
    }

    /// Success is "204 No Content".
    fn decode(_: &[u8]) -> Result<(), crate::DecodeError> {
        Ok(())
    }
}
