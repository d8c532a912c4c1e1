//! What the query-string methods share (the list methods and deleteVoxnumbersFromAccount):
//! their arguments as one validator reads them ([`QueryView`]), the rules for `page`,
//! `limit`, `req_fields`, `order` and filters with the pages' messages, and the list answer
//! (`<response><results><result>…`) read in one pass into a [`Page`].

use crate::check::{code, free_text, word, Given, Report};
use crate::error::{DecodeError, ErrorCode as C, ValidationErrors};
use crate::model::{Argument, ArgumentKind as K};
use crate::xml;
use std::borrow::Cow;

/// Smallest and largest `limit` of a list page.
pub const LIMIT_RANGE: std::ops::RangeInclusive<u32> = 1..=20_000;

/// One page of a list answer, with the totals IOVOX sends beside it.
///
/// ```
/// let page: iovox_core::Page<u32> = iovox_core::Page {
///     results: vec![1, 2], current_page: Some(1), total_pages: Some(3), total_results: Some(6),
/// };
/// assert!(page.has_next());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Page<T> {
    /// The results of this page, in IOVOX's order.
    pub results: Vec<T>,
    /// This page's number (from 1), when IOVOX says.
    pub current_page: Option<u32>,
    /// How many pages there are, when IOVOX says.
    pub total_pages: Option<u32>,
    /// How many results there are over every page, when IOVOX says.
    pub total_results: Option<u64>,
}

impl<T> Page<T> {
    /// The same page with each result turned into another value.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            results: self.results.into_iter().map(f).collect(),
            current_page: self.current_page,
            total_pages: self.total_pages,
            total_results: self.total_results,
        }
    }

    /// Whether a page follows this one: IOVOX's totals say so, or, without totals, this
    /// page is not empty (the next request then answers an empty page).
    pub fn has_next(&self) -> bool {
        match (self.current_page, self.total_pages) {
            (Some(current), Some(total)) => current < total,
            _ => !self.results.is_empty(),
        }
    }
}

/// A query-string request's arguments as its one validator reads them: by the wire name,
/// from either form of the request.
pub(crate) trait QueryView {
    fn get(&self, key: &str) -> Given<'_>;
}

/// A typed request as its validator reads it: the request, and the one argument it holds
/// as a list (`req_fields`, `full_voxnumbers`) joined with commas, as the query carries it.
pub(crate) struct Typed<'a, R> {
    pub r: &'a R,
    pub joined: String,
}

impl<'a, R> Typed<'a, R> {
    pub(crate) fn new(r: &'a R, list: &[String]) -> Self {
        Typed {
            r,
            joined: list.join(","),
        }
    }

    /// The joined list, or missing when it is empty.
    pub(crate) fn list(&self) -> Given<'_> {
        if self.joined.is_empty() {
            Given::Missing
        } else {
            Given::Text(&self.joined)
        }
    }
}

/// A checked request's query, in its declared arguments' order: what each argument reads as
/// through the request's [`QueryView`], absent ones left out. One function for every list
/// method, where each had its own.
pub(crate) fn query_of(
    view: &impl QueryView,
    arguments: &[crate::model::Argument],
) -> Vec<(&'static str, String)> {
    arguments
        .iter()
        .filter_map(|a| {
            let text = match view.get(a.name) {
                Given::Text(s) => s.to_string(),
                Given::Integer(n) => n.to_string(),
                Given::Boolean(b) => (if b { "TRUE" } else { "FALSE" }).to_string(),
                Given::Missing | Given::WrongKind | Given::LoneSurrogate(_) | Given::Bytes(_) => {
                    return None
                }
            };
            Some((a.name, text))
        })
        .collect()
}

/// The `Method` of a list method, the same for every one: its request checked (typed or
/// as given) by the module's `check`, its query from the declared arguments
/// ([`query_of`]), its answer read by `read_page` over the module's `RESULT`, each field
/// put in place by `$assign`. `$fields` gives a request's `req_fields` (`|_| &[]` for a
/// method without them). The request's `page` and `limit` builders come with it.
macro_rules! list_method {
    ($(#[$doc:meta])* $name:ident: $request:ty => $record:ty,
     fields: $fields:expr, spec: $spec:expr $(,)?) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $crate::vocab::Method for $name {
            const SPEC: $crate::model::Spec = $spec;
            type Request = $request;
            type Wire = $crate::wire::Query;
            type Output = $crate::list::Page<$record>;

            fn prepare(
                request: &$request,
            ) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                let fields: fn(&$request) -> &[String] = $fields;
                let checked = check(&$crate::list::Typed::new(request, fields(request)))?;
                Self::query(&checked, fields)
            }

            fn prepare_wire(
                request: &$crate::wire::Query,
            ) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                Self::query(&check(request)?, $fields)
            }

            fn decode(body: &[u8]) -> Result<Self::Output, $crate::error::DecodeError> {
                $crate::list::read_page(body, &<$record>::RESULT, <$record>::assign)
            }
        }

        impl $name {
            fn query(
                checked: &$request,
                fields: fn(&$request) -> &[String],
            ) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                let view = $crate::list::Typed::new(checked, fields(checked));
                Ok($crate::list::prepared($crate::list::query_of(
                    &view,
                    <Self as $crate::vocab::Method>::SPEC.arguments,
                )))
            }
        }
    };
}
pub(crate) use list_method;

/// The query a method's accepted arguments become, and no body.
pub(crate) fn prepared(query: Vec<(&'static str, String)>) -> crate::vocab::Prepared {
    crate::vocab::Prepared {
        query,
        ..Default::default()
    }
}

impl QueryView for crate::wire::Query {
    fn get(&self, key: &str) -> Given<'_> {
        self.0
            .get(key)
            .map_or(Given::Missing, |v| Given::from(&v.0))
    }
}

/// `page`: a whole number from 1.
pub(crate) fn rule_page(v: Given<'_>, r: &mut Report) -> Option<Option<u32>> {
    match code(v) {
        Err(true) => Some(None),
        Ok(0) => {
            r.push(
                C::PageOutOfRange,
                None,
                Some("page"),
                "Page Number must be 1 or more".into(),
            );
            None
        }
        Ok(n) => Some(Some(n)),
        Err(false) => {
            let m = "Page Number not an integer".to_string();
            r.push(C::PageNotInteger, None, Some("page"), m);
            None
        }
    }
}

/// `limit`: a whole number from 1 to 20,000 ([`LIMIT_RANGE`]).
pub(crate) fn rule_limit(v: Given<'_>, r: &mut Report) -> Option<Option<u32>> {
    rule_limit_in(v, LIMIT_RANGE, r)
}

/// `limit` within `range`; its message is built from the bounds ("Limit must be between 1
/// and 20000").
pub(crate) fn rule_limit_in(
    v: Given<'_>,
    range: std::ops::RangeInclusive<u32>,
    r: &mut Report,
) -> Option<Option<u32>> {
    let out_of_range = || {
        format!(
            "Limit must be between {} and {}",
            range.start(),
            range.end()
        )
    };
    match code(v) {
        Err(true) => Some(None),
        Ok(n) if range.contains(&n) => Some(Some(n)),
        Ok(_) => {
            r.push(C::LimitOutOfRange, None, Some("limit"), out_of_range());
            None
        }
        Err(false) => {
            // A number past u32 is still a number, just out of range.
            let (c, m) = match crate::check::int(v) {
                crate::check::Int::Value(_) => (C::LimitOutOfRange, out_of_range()),
                _ => (C::LimitNotInteger, "Limit not an integer".to_string()),
            };
            r.push(c, None, Some("limit"), m);
            None
        }
    }
}

/// `req_fields`: comma-joined abbreviations from `allowed`; "Required Fields Invalid: a,b"
/// names every one that is not.
pub(crate) fn rule_req_fields(
    v: Given<'_>,
    allowed: &[&str],
    r: &mut Report,
) -> Option<Vec<String>> {
    let Some(text) = word(v) else {
        return Some(Vec::new());
    };
    let fields: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let invalid: Vec<&str> = fields
        .iter()
        .copied()
        .filter(|f| !allowed.contains(f))
        .collect();
    if invalid.is_empty() && !fields.is_empty() {
        return Some(fields.into_iter().map(str::to_string).collect());
    }
    let m = format!("Required Fields Invalid: {}", invalid.join(","));
    r.push(C::RequiredFieldsInvalid, None, Some("req_fields"), m);
    None
}

/// `order`: an abbreviation from `allowed` with `_ASC` or `_DESC` ("vnpd_DESC").
pub(crate) fn rule_order(v: Given<'_>, allowed: &[&str], r: &mut Report) -> Option<Option<String>> {
    let Some(text) = word(v) else {
        return Some(None);
    };
    let (field, direction) = text.rsplit_once('_').unwrap_or((&text, ""));
    if !allowed.contains(&field) {
        r.push(
            C::OrderFieldInvalid,
            None,
            Some("order"),
            "Order Field Invalid".into(),
        );
        return None;
    }
    if !matches!(direction, "ASC" | "DESC") {
        r.push(
            C::OrderDirectionInvalid,
            None,
            Some("order"),
            "Order Direction Invalid".into(),
        );
        return None;
    }
    Some(Some(text.into_owned()))
}

/// A filter that must be one of `allowed`: "<label> Invalid" otherwise (ours: the pages
/// document no message).
pub(crate) fn rule_word_filter(
    v: Given<'_>,
    field: &'static str,
    label: &str,
    allowed: &[&'static str],
    r: &mut Report,
) -> Option<Option<&'static str>> {
    let Some(text) = word(v) else {
        return Some(None);
    };
    match allowed.iter().find(|a| **a == text) {
        Some(a) => Some(Some(a)),
        None => {
            r.push(
                C::FilterInvalid,
                None,
                Some(field),
                format!("{label} Invalid"),
            );
            None
        }
    }
}

/// A filter that must be a whole number: "<label> not an integer" otherwise (ours).
pub(crate) fn rule_code_filter(
    v: Given<'_>,
    field: &'static str,
    label: &str,
    r: &mut Report,
) -> Option<Option<u32>> {
    match code(v) {
        Ok(n) => Some(Some(n)),
        Err(true) => Some(None),
        Err(false) => {
            let m = format!("{label} not an integer");
            r.push(C::FilterNotInteger, None, Some(field), m);
            None
        }
    }
}

/// A filter that must be digits (a full VoxNumber): "<label> not an integer" otherwise.
pub(crate) fn rule_digits_filter(
    v: Given<'_>,
    field: &'static str,
    label: &str,
    r: &mut Report,
) -> Option<Option<String>> {
    match word(v) {
        None => Some(None),
        Some(d) if d.bytes().all(|b| b.is_ascii_digit()) => Some(Some(d.into_owned())),
        Some(_) => {
            let m = format!("{label} not an integer");
            r.push(C::FilterNotInteger, None, Some(field), m);
            None
        }
    }
}

/// A free-text filter: its text, trimmed, or nothing.
pub(crate) fn text_filter(v: Given<'_>) -> Option<String> {
    free_text(v).map(Cow::into_owned)
}

/// Every value given must be XML-safe text too (it travels in a URL, but IOVOX stores it):
/// the same check as the bodies', over the keys a method knows.
pub(crate) fn check_texts(q: &impl QueryView, keys: &[&'static str], r: &mut Report) -> bool {
    keys.iter().fold(true, |ok, key| {
        crate::check::xml_text(r, crate::check::WHOLE_REQUEST, key, q.get(key)) & ok
    })
}

/// `Some` only when no rule reported anything.
pub(crate) fn finish<T>(r: Report, value: Option<T>) -> Result<T, ValidationErrors> {
    r.finish(value)
}

/// Reads `<response>` with `current_page`, `total_pages`, `total_results` and `<results>`
/// of `<result>`s in one pass, straight into the page: each field of a result named in
/// `fields` is handed to `set` as its trimmed text (blank text is absent and not handed
/// over), so a number or a status is read without a copy of its text. A single result may
/// come as one `<result>`, no results as an empty or absent `<results>`; unknown elements
/// are skipped.
pub(crate) fn read_page<T: Default>(
    body: &[u8],
    fields: &[crate::model::ResultField],
    mut set: impl FnMut(&mut T, &'static str, &str) -> Result<(), String>,
) -> Result<Page<T>, DecodeError> {
    let text = xml::utf8(body)?;
    let mut results: Vec<T> = Vec::new();
    let mut totals: [Option<u64>; 3] = [None; 3];
    #[derive(Clone, Copy)]
    enum At {
        Total(usize),
        Field(usize),
    }
    let mut in_results = false;
    let mut in_result = false;
    let mut at: Option<(At, usize)> = None;
    // Where the next field is looked for first: IOVOX writes a result's fields in the
    // declared order, so each lookup is one comparison, not a scan of every field.
    let mut next_field = 0;
    let mut buf = String::new();
    let root = xml::walk(text, |node| {
        match node {
            xml::Node::Open(name, depth) => {
                if let Some((_, d)) = at {
                    if depth > d {
                        let name = String::from_utf8_lossy(name);
                        return Err(format!(
                            "an element <{}> where text belongs",
                            crate::error::short(&name)
                        ));
                    }
                }
                at = match (depth, name) {
                    (2, b"current_page") => Some((At::Total(0), depth)),
                    (2, b"total_pages") => Some((At::Total(1), depth)),
                    (2, b"total_results") => Some((At::Total(2), depth)),
                    (2, b"results") => {
                        in_results = true;
                        // A page holds at most `limit` (20,000) of the results counted.
                        let expected = totals[2].unwrap_or(0).min(*LIMIT_RANGE.end() as u64);
                        results.reserve(expected as usize);
                        None
                    }
                    (3, b"result") if in_results => {
                        in_result = true;
                        next_field = 0;
                        results.push(T::default());
                        None
                    }
                    (4, name) if in_result => {
                        let found = match fields.get(next_field) {
                            Some(f) if f.element.as_bytes() == name => Some(next_field),
                            _ => fields.iter().position(|f| f.element.as_bytes() == name),
                        };
                        found.map(|i| {
                            next_field = i + 1;
                            (At::Field(i), depth)
                        })
                    }
                    _ => None,
                };
                buf.clear();
            }
            xml::Node::Text(t) => {
                if at.is_some() {
                    buf.push_str(t);
                }
            }
            xml::Node::Close(depth) => {
                if let Some((what, _)) = at.take_if(|(_, d)| *d == depth) {
                    let value = buf.trim();
                    if value.is_empty() {
                        return Ok(());
                    }
                    match what {
                        At::Total(i) => {
                            const NAMES: [&str; 3] =
                                ["current_page", "total_pages", "total_results"];
                            totals[i] = Some(value.parse::<u64>().map_err(|_| {
                                format!(
                                    "{} {:?} is not an integer",
                                    NAMES[i],
                                    crate::error::short(value)
                                )
                            })?);
                        }
                        At::Field(i) => {
                            let n = results.len();
                            if let Some(result) = results.last_mut() {
                                set(result, fields[i].element, value)
                                    .map_err(|m| format!("result {n}: {m}"))?;
                            }
                        }
                    }
                } else if depth == 3 && in_result {
                    in_result = false;
                } else if depth == 2 {
                    in_results = false;
                }
            }
        }
        Ok(())
    })
    .map_err(|e| match e {
        xml::WalkError::Syntax(e) => DecodeError::from(e),
        xml::WalkError::Visitor(m) => DecodeError::new(m),
    })?;
    if root != "response" {
        return Err(DecodeError::new(format!(
            "expected a <response> root, found <{}>",
            crate::error::short(&root)
        )));
    }
    let small = |v: Option<u64>| v.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    Ok(Page {
        results,
        current_page: small(totals[0]),
        total_pages: small(totals[1]),
        total_results: totals[2],
    })
}

/// A field's text as a whole number, or the words of a decode error.
pub(crate) fn number(field: &str, text: &str) -> Result<u32, String> {
    text.parse::<u32>()
        .map_err(|_| format!("{field} {:?} is not an integer", crate::error::short(text)))
}

/// A field's text as IOVOX's flag (`1`/`0`, `TRUE`/`FALSE`, `YES`/`NO`, any case).
pub(crate) fn flag(field: &str, text: &str) -> Result<bool, String> {
    match text.to_ascii_uppercase().as_str() {
        "1" | "TRUE" | "YES" => Ok(true),
        "0" | "FALSE" | "NO" => Ok(false),
        _ => Err(format!(
            "{field} {:?} is not a boolean",
            crate::error::short(text)
        )),
    }
}

/// A field's text as one of IOVOX's words.
pub(crate) fn known_word<T>(
    field: &str,
    text: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<T, String> {
    parse(text).ok_or_else(|| {
        format!(
            "{field} {:?} is not one IOVOX documents",
            crate::error::short(text)
        )
    })
}

/// An enum of IOVOX words (a status, a type): its variants, the exact text of each, and
/// `as_str`, `parse`, `ALL`, `FromStr`, `Display` and (feature `serde`) serde as that text.
macro_rules! word_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum $name {
            $($(#[$vdoc])* #[cfg_attr(feature = "serde", serde(rename = $text))] $variant,)*
        }

        impl $name {
            /// Every value, in the page's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The text IOVOX writes.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }

            /// From the text IOVOX writes (exact).
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)* _ => None }
            }

            /// Every text, for the validator.
            pub(crate) const WORDS: &'static [&'static str] = &[$($text,)*];
        }

        impl std::str::FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, String> {
                $name::parse(s).ok_or_else(|| {
                    format!(
                        "{} must be one of {}, not {:?}",
                        stringify!($name),
                        $name::WORDS.join(", "),
                        crate::error::short(s)
                    )
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::list::Setter<Option<$name>> for $name {
            fn into_value(self) -> Option<$name> {
                Some(self)
            }
        }

        impl $crate::list::Words for $name {
            const WORDS: &'static [&'static str] = $name::WORDS;
            fn parse(s: &str) -> Option<Self> {
                $name::parse(s)
            }
            fn word(self) -> &'static str {
                self.as_str()
            }
        }

        impl $crate::list::FieldValue for $name {
            const KIND: $crate::model::FieldKind = $crate::model::FieldKind::Word($name::WORDS);
            fn read(field: &str, text: &str) -> Result<Self, String> {
                $crate::list::known_word(field, text, $name::parse)
            }
            fn field(&self) -> $crate::list::Field<'_> {
                $crate::list::Field::Text(self.as_str())
            }
        }
    };
}
pub(crate) use word_enum;

/// One field of a result, with its kind: text, a whole number or a flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field<'a> {
    /// Text (names, numbers that are digits, dates as IOVOX writes them).
    Text(&'a str),
    /// A whole number (country and area codes).
    Number(u32),
    /// A flag, written `1` or `0`.
    Flag(bool),
}

impl Field<'_> {
    /// As the XML carries it.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Field::Text(s) => std::borrow::Cow::Borrowed(s),
            Field::Number(n) => std::borrow::Cow::Owned(n.to_string()),
            Field::Flag(b) => std::borrow::Cow::Borrowed(if *b { "1" } else { "0" }),
        }
    }
}

/// A value a result's field holds: read from the answer's text by element name, and
/// handed back as a [`Field`]. Text, whole numbers, flags and IOVOX's words.
pub trait FieldValue: Sized {
    /// What the model says the answer holds for a field of this type (a field declared
    /// `as DateTime` in [`record!`] says so itself).
    const KIND: crate::model::FieldKind;
    /// From the element's text; the message names the field.
    fn read(field: &str, text: &str) -> Result<Self, String>;
    /// As a [`Field`].
    fn field(&self) -> Field<'_>;
}

impl FieldValue for String {
    const KIND: crate::model::FieldKind = crate::model::FieldKind::Text;
    fn read(_: &str, text: &str) -> Result<Self, String> {
        Ok(text.to_string())
    }
    fn field(&self) -> Field<'_> {
        Field::Text(self)
    }
}

impl FieldValue for u32 {
    const KIND: crate::model::FieldKind = crate::model::FieldKind::Integer;
    fn read(field: &str, text: &str) -> Result<Self, String> {
        number(field, text)
    }
    fn field(&self) -> Field<'_> {
        Field::Number(*self)
    }
}

impl FieldValue for bool {
    const KIND: crate::model::FieldKind = crate::model::FieldKind::Flag;
    fn read(field: &str, text: &str) -> Result<Self, String> {
        flag(field, text)
    }
    fn field(&self) -> Field<'_> {
        Field::Flag(*self)
    }
}

/// A value a caller may give a list method's typed request, as the validator reads it:
/// `joined` is the request's one list (`req_fields`) joined with commas, as the query
/// carries it.
pub(crate) trait Filter {
    /// The words a value of this type is one of ([`Word`]'s argument declares them).
    const WORDS: &'static [&'static str] = &[];
    fn given<'a>(&'a self, joined: &'a str) -> Given<'a>;
    /// This value's part of `joined`: the list's text; nothing for any other value.
    fn joined(&self) -> String {
        String::new()
    }
}

impl Filter for Option<String> {
    fn given<'a>(&'a self, _: &'a str) -> Given<'a> {
        Given::opt(self)
    }
}

impl Filter for Option<u32> {
    fn given<'a>(&'a self, _: &'a str) -> Given<'a> {
        Given::int(*self)
    }
}

impl Filter for Vec<String> {
    fn given<'a>(&'a self, joined: &'a str) -> Given<'a> {
        if joined.is_empty() {
            Given::Missing
        } else {
            Given::Text(joined)
        }
    }
    fn joined(&self) -> String {
        self.join(",")
    }
}

/// What a typed request's setter takes for a field of type `T`: any text for a text,
/// the value itself for a number or one of IOVOX's words, any list of texts for a list.
pub trait Setter<T> {
    /// The field's value.
    fn into_value(self) -> T;
}

impl<S: Into<String>> Setter<Option<String>> for S {
    fn into_value(self) -> Option<String> {
        Some(self.into())
    }
}

impl Setter<Option<u32>> for u32 {
    fn into_value(self) -> Option<u32> {
        Some(self)
    }
}

impl<S: Into<String>, I: IntoIterator<Item = S>> Setter<Vec<String>> for I {
    fn into_value(self) -> Vec<String> {
        self.into_iter().map(Into::into).collect()
    }
}

/// One of IOVOX's word lists, for [`Word`].
pub(crate) trait Words: Sized + Copy + 'static {
    const WORDS: &'static [&'static str];
    fn parse(s: &str) -> Option<Self>;
    fn word(self) -> &'static str;
}

impl<T: Words> Filter for Option<T> {
    const WORDS: &'static [&'static str] = T::WORDS;
    fn given<'a>(&'a self, _: &'a str) -> Given<'a> {
        self.map_or(Given::Missing, |w| Given::Text(w.word()))
    }
}

/// A check of one argument of a list method, with the page's message; `None` when it
/// reported one.
pub(crate) trait Rule<T> {
    fn apply(&self, v: Given<'_>, field: &'static str, r: &mut Report) -> Option<T>;
}

/// Any text, as given (only its XML-safety is checked, for every argument at once).
pub(crate) struct Text;
impl Rule<Option<String>> for Text {
    fn apply(&self, v: Given<'_>, _: &'static str, _: &mut Report) -> Option<Option<String>> {
        Some(text_filter(v))
    }
}

/// Text the method cannot go without: checked like [`Text`] (IOVOX's page gives no
/// message of its own for its absence), declared required, so every language's
/// signature asks for it.
pub(crate) struct RequiredText;
impl Rule<Option<String>> for RequiredText {
    fn apply(&self, v: Given<'_>, f: &'static str, r: &mut Report) -> Option<Option<String>> {
        Text.apply(v, f, r)
    }
}

/// Text the method cannot go without, whose absence the page names ("Label Empty"):
/// missing or blank, that message.
pub(crate) struct Required(pub &'static str);
impl Rule<Option<String>> for Required {
    fn apply(&self, v: Given<'_>, field: &'static str, r: &mut Report) -> Option<Option<String>> {
        match text_filter(v) {
            Some(t) => Some(Some(t)), // trimmed, and never empty
            None => {
                r.push(C::ArgumentEmpty, None, Some(field), self.0.into());
                None
            }
        }
    }
}

/// Digits ("VoxNumber Invalid").
pub(crate) struct Digits(pub &'static str);
impl Rule<Option<String>> for Digits {
    fn apply(&self, v: Given<'_>, field: &'static str, r: &mut Report) -> Option<Option<String>> {
        rule_digits_filter(v, field, self.0, r)
    }
}

/// One of IOVOX's words ("Call Status Invalid").
pub(crate) struct Word(pub &'static str);
impl<T: Words> Rule<Option<T>> for Word {
    fn apply(&self, v: Given<'_>, field: &'static str, r: &mut Report) -> Option<Option<T>> {
        rule_word_filter(v, field, self.0, T::WORDS, r).map(|w| w.and_then(T::parse))
    }
}

/// A whole number ("Country Code not an integer").
pub(crate) struct Code(pub &'static str);
impl Rule<Option<u32>> for Code {
    fn apply(&self, v: Given<'_>, field: &'static str, r: &mut Report) -> Option<Option<u32>> {
        rule_code_filter(v, field, self.0, r)
    }
}

/// `req_fields`: these abbreviations.
pub(crate) struct Fields(pub &'static [&'static str]);
impl Rule<Vec<String>> for Fields {
    fn apply(&self, v: Given<'_>, _: &'static str, r: &mut Report) -> Option<Vec<String>> {
        rule_req_fields(v, self.0, r)
    }
}

/// `req_fields` of a method whose page states no message for it: comma-joined, sent as
/// given (getSoundFiles).
pub(crate) struct FieldsAsGiven;
impl Rule<Vec<String>> for FieldsAsGiven {
    fn apply(&self, v: Given<'_>, _: &'static str, _: &mut Report) -> Option<Vec<String>> {
        let text = text_filter(v).unwrap_or_default();
        Some(
            text.split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(str::to_string)
                .collect(),
        )
    }
}

/// `order` of a method whose page states no message for it: sent as given.
pub(crate) struct OrderAsGiven;
impl Rule<Option<String>> for OrderAsGiven {
    fn apply(&self, v: Given<'_>, _: &'static str, _: &mut Report) -> Option<Option<String>> {
        Some(text_filter(v))
    }
}

/// `order`: one of these abbreviations with `_ASC` or `_DESC`.
pub(crate) struct Order(pub &'static [&'static str]);
impl Rule<Option<String>> for Order {
    fn apply(&self, v: Given<'_>, _: &'static str, r: &mut Report) -> Option<Option<String>> {
        rule_order(v, self.0, r)
    }
}

/// `page`: from 1.
pub(crate) struct PageNumber;
impl Rule<Option<u32>> for PageNumber {
    fn apply(&self, v: Given<'_>, _: &'static str, r: &mut Report) -> Option<Option<u32>> {
        rule_page(v, r)
    }
}

/// `limit`: within these bounds.
pub(crate) struct Limit(pub std::ops::RangeInclusive<u32>);
impl Rule<Option<u32>> for Limit {
    fn apply(&self, v: Given<'_>, _: &'static str, r: &mut Report) -> Option<Option<u32>> {
        rule_limit_in(v, self.0.clone(), r)
    }
}

/// A list request that can be asked for another page: every list method's request (the
/// paging of `iovox-http` and the bindings walks pages through it).
pub trait Paged: Clone {
    /// The page it asks for (`None`: the first).
    fn page(&self) -> Option<u32>;
    /// The same request for page `n`.
    fn with_page(&self, n: u32) -> Self;
}

/// [`Paged`] for list requests with a `page: Option<u32>` field: the declared ones
/// ([`request!`]) and the calls' requests written by hand.
macro_rules! paged {
    ($($t:ty),*) => {$(
        impl $crate::list::Paged for $t {
            fn page(&self) -> Option<u32> {
                self.page
            }
            fn with_page(&self, n: u32) -> Self {
                Self { page: Some(n), ..self.clone() }
            }
        }
    )*};
}
pub(crate) use paged;

/// Each rule's argument in the model (`Rule::declare`): whether the method goes without
/// it, and its kind from the rule (the bounds it checks) and the words of its value's type.
macro_rules! declares {
    ($($rule:ident: |$s:pat_param, $w:pat_param| $required:literal, $kind:expr;)*) => {$(
        impl $rule {
            /// The argument this rule declares in the model.
            pub(crate) const fn declare(
                &self,
                name: &'static str,
                words: &'static [&'static str],
            ) -> Argument {
                let ($s, $w) = (self, words);
                Argument { name, kind: $kind, required: $required }
            }
        }
    )*};
}

declares! {
    Text: |_, _| false, K::Text;
    RequiredText: |_, _| true, K::Text;
    Required: |_, _| true, K::Text;
    Digits: |_, _| false, K::Digits;
    Word: |_, words| false, K::Words(words);
    Code: |_, _| false, K::Integer { min: 0, max: u32::MAX as u64 };
    Fields: |_, _| false, K::Fields;
    Order: |_, _| false, K::Order;
    FieldsAsGiven: |_, _| false, K::Fields;
    OrderAsGiven: |_, _| false, K::Order;
    PageNumber: |_, _| false, K::Integer { min: 1, max: u32::MAX as u64 };
    Limit: |rule, _| false, K::Integer { min: *rule.0.start() as u64, max: *rule.0.end() as u64 };
}

/// A list method's typed request declared once, each argument with its type and its
/// rule: the struct, a setter per argument, `new` and `validate`, the one validator
/// (`check`: every rule in the declared order, all messages at once), the validator's
/// view of the typed request, and the validator of the untyped form
/// (`wire::Query::$validate`). `page` and `limit` are declared like any argument.
macro_rules! request {
    ($(#[$doc:meta])* $name:ident {
        $($(#[$fdoc:meta])* $field:ident: $ty:ty = $rule:expr,)*
    }
    $(#[$adoc:meta])* arguments: $arguments:ident,
    $(#[$vdoc:meta])* wire: $validate:ident $(,)?) => {
        $(#[$adoc])*
        pub const $arguments: &[&str] = &$crate::model::names(&$name::ARGUMENTS);

        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(default))]
        pub struct $name {
            $($(#[$fdoc])* pub $field: $ty,)*
        }

        impl $name {
            /// The method's arguments in the model, each declared by its rule.
            pub(crate) const ARGUMENTS: [$crate::model::Argument; [$(stringify!($field)),*].len()] = [
                $($rule.declare(stringify!($field), <$ty as $crate::list::Filter>::WORDS),)*
            ];

            /// No filter: every result, first page.
            pub fn new() -> Self {
                Self::default()
            }

            $(
                $(#[$fdoc])*
                pub fn $field(mut self, value: impl $crate::list::Setter<$ty>) -> Self {
                    self.$field = value.into_value();
                    self
                }
            )*

            /// Every check that needs only the request, with the page's messages.
            pub fn validate(&self) -> Result<(), $crate::error::ValidationErrors> {
                check(&self.view()).map(drop)
            }

            fn view(&self) -> $crate::list::Typed<'_, $name> {
                use $crate::list::Filter;
                $crate::list::Typed { r: self, joined: [$(self.$field.joined()),*].concat() }
            }
        }

        $crate::list::paged!($name);

        impl $crate::list::QueryView for $crate::list::Typed<'_, $name> {
            fn get(&self, key: &str) -> $crate::check::Given<'_> {
                use $crate::list::Filter;
                match key {
                    $(stringify!($field) => self.r.$field.given(&self.joined),)*
                    _ => $crate::check::Given::Missing,
                }
            }
        }

        /// The one validator, over either form: every rule, in the declared order.
        fn check(q: &impl $crate::list::QueryView) -> Result<$name, $crate::error::ValidationErrors> {
            let mut r = $crate::check::Report::default();
            let texts_ok = $crate::list::check_texts(q, $arguments, &mut r);
            $(let $field = <_ as $crate::list::Rule<$ty>>::apply(&$rule, q.get(stringify!($field)), stringify!($field), &mut r);)*
            let accepted = (|| Some($name { $($field: $field?,)* }))();
            $crate::list::finish(r, accepted.filter(|_| texts_ok))
        }

        impl $crate::wire::Query {
            $(#[$vdoc])*
            pub fn $validate(&self) -> Result<$name, $crate::error::ValidationErrors> {
                check(self)
            }
        }
    };
}
pub(crate) use request;

/// A list's result declared once: the struct (every field optional, as `req_fields` may
/// leave any out), its reader by element name (what the list's decoder calls) and its
/// [`Record`] fields in the answer's order. Each field's name is its element's.
macro_rules! record {
    ($(#[$doc:meta])* $name:ident {
        $($(#[$fdoc:meta])* $field:ident: $ty:ty $(as $kind:ident)? $(= $abbreviation:literal)?,)*
    }
    $($(#[$adoc:meta])* abbreviations: $abbreviations:ident $(,)?)?) => {
        $(
            $(#[$adoc])*
            pub const $abbreviations: &[&str] = &$crate::model::abbreviations::<
                { $crate::model::abbreviated(&$name::RESULT) },
            >(&$name::RESULT);
        )?

        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub struct $name {
            $($(#[$fdoc])* pub $field: Option<$ty>,)*
        }

        impl $name {
            /// Each field in the model, in the answer's order: its element, its
            /// `req_fields` abbreviation (none for a field IOVOX always sends) and its kind
            /// (its type's, unless declared `as` another).
            pub(crate) const RESULT: [$crate::model::ResultField; [$(stringify!($field)),*].len()] = [
                $($crate::model::ResultField {
                    element: stringify!($field),
                    abbreviation: $crate::list::record!(@abbreviation $($abbreviation)?),
                    kind: $crate::list::record!(@kind $ty $(, $kind)?),
                },)*
            ];

            /// Keeps the fields `keep` says yes to, given each field's declaration; the
            /// others become `None` (what a server does for `req_fields`).
            pub fn retain_fields(&mut self, mut keep: impl FnMut(&$crate::model::ResultField) -> bool) {
                let mut declared = Self::RESULT.iter();
                $(
                    if declared.next().is_some_and(|d| !keep(d)) {
                        self.$field = None;
                    }
                )*
            }

            /// The text of the field with this `req_fields` abbreviation, as the answer
            /// writes it; `None` when it is absent or no field has that abbreviation (what
            /// a server sorts by for `order`).
            pub fn text_of(&self, abbreviation: &str) -> Option<String> {
                let i = Self::RESULT.iter().position(|d| d.abbreviation == Some(abbreviation))?;
                let (_, value) = $crate::list::Record::fields(self).swap_remove(i);
                value.map(|v| v.text().into_owned())
            }

            /// Sets the field named `element` from its text as an answer carries it (what a
            /// server fills a result with); `Ok(false)` when no field has that name.
            pub fn set(&mut self, element: &str, text: &str) -> Result<bool, String> {
                match element {
                    $(stringify!($field) => {
                        self.$field = Some(<$ty as $crate::list::FieldValue>::read(stringify!($field), text)?);
                        Ok(true)
                    })*
                    _ => Ok(false),
                }
            }

            /// Sets the field of this element name from its text; other names are left.
            pub(crate) fn assign(&mut self, field: &'static str, text: &str) -> Result<(), String> {
                match field {
                    $(stringify!($field) => {
                        self.$field = Some(<$ty as $crate::list::FieldValue>::read(field, text)?)
                    })*
                    _ => {}
                }
                Ok(())
            }
        }

        impl $crate::list::Record for $name {
            fn fields(&self) -> Vec<(&'static str, Option<$crate::list::Field<'_>>)> {
                vec![$((stringify!($field), self.$field.as_ref().map($crate::list::FieldValue::field)),)*]
            }
        }
    };
    (@abbreviation) => { None };
    (@abbreviation $abbreviation:literal) => { Some($abbreviation) };
    (@kind $ty:ty) => { <$ty as $crate::list::FieldValue>::KIND };
    (@kind $ty:ty, $kind:ident) => { $crate::model::FieldKind::$kind };
}
pub(crate) use record;

/// A result of a list method, field by field as the answer carries it: what a server (the
/// sandbox, a mock) writes, what the decoders read back, and what a binding hands on.
pub trait Record {
    /// Each field's element name and value, in the answer's order; `None` is left out.
    fn fields(&self) -> Vec<(&'static str, Option<Field<'_>>)>;
}

/// A boxed record (a list's result held by a binding, whatever its method) reads as the
/// record inside.
impl<R: Record + ?Sized> Record for Box<R> {
    fn fields(&self) -> Vec<(&'static str, Option<Field<'_>>)> {
        (**self).fields()
    }
}

impl<T: Record> Page<T> {
    /// The page as JSON in IOVOX's names: `results` (every field of each, absent ones as
    /// `null`; numbers and flags as JSON's), then `current_page`, `total_pages`,
    /// `total_results`. What `iovox list --json` prints, for any list method.
    ///
    /// ```
    /// use iovox_core::{Country, Page};
    /// let page = Page { results: vec![Country { code: Some(44), name: None }], current_page: Some(1), total_pages: None, total_results: None };
    /// assert_eq!(page.to_json()["results"][0], serde_json::json!({"code": 44, "name": null}));
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        let results: Vec<Value> = self
            .results
            .iter()
            .map(|r| {
                let fields = r.fields().into_iter().map(|(name, value)| {
                    let v = match value {
                        None => Value::Null,
                        Some(Field::Text(t)) => t.into(),
                        Some(Field::Number(n)) => n.into(),
                        Some(Field::Flag(b)) => b.into(),
                    };
                    (name.to_string(), v)
                });
                Value::Object(fields.collect())
            })
            .collect();
        serde_json::json!({
            "results": results,
            "current_page": self.current_page,
            "total_pages": self.total_pages,
            "total_results": self.total_results,
        })
    }

    /// The answer as IOVOX sends it: `<response>` with the totals, then `<results>`.
    ///
    /// ```
    /// use iovox_core::{method::{GetVoxnumbers, Method}, AccountVoxnumber, Page};
    /// let page = Page {
    ///     results: vec![AccountVoxnumber { voxnumber: Some("441512100200".into()), ..Default::default() }],
    ///     current_page: Some(1), total_pages: Some(1), total_results: Some(1),
    /// };
    /// assert_eq!(GetVoxnumbers::decode(page.to_response_xml().as_bytes()).unwrap(), page);
    /// ```
    pub fn to_response_xml(&self) -> String {
        let mut out = String::from(xml::DECLARATION);
        out.push_str("<response>");
        let element = |out: &mut String, name: &str, value: &str| {
            out.push('<');
            out.push_str(name);
            out.push('>');
            // Text needs only `<`, `>` and `&` escaped; most values have none, found at
            // memchr's speed (a 20,000-call page is about 14 MB of text).
            if memchr::memchr3(b'<', b'>', b'&', value.as_bytes()).is_none() {
                out.push_str(value);
            } else {
                out.push_str(&quick_xml::escape::partial_escape(value));
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        };
        for (name, value) in [
            ("current_page", self.current_page.map(u64::from)),
            ("total_pages", self.total_pages.map(u64::from)),
            ("total_results", self.total_results),
        ] {
            if let Some(v) = value {
                element(&mut out, name, &v.to_string());
            }
        }
        out.push_str("<results>");
        for (i, r) in self.results.iter().enumerate() {
            let before = out.len();
            out.push_str("<result>");
            for (name, value) in r.fields() {
                if let Some(v) = value {
                    element(&mut out, name, &v.text());
                }
            }
            out.push_str("</result>");
            if i == 0 {
                // The rest are about as long as the first: one allocation, not twenty.
                out.reserve((out.len() - before) * (self.results.len() - 1));
            }
        }
        out.push_str("</results></response>");
        out
    }
}
