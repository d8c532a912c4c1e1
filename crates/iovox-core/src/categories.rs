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
    DeleteCategories, CATEGORY_IDS, "Categories", "deleteCategories", Page,
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
