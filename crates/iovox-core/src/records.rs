//! Methods whose body is a list of flat records (createNodes' `<node>`s, createLinks'
//! `<link>`s) and methods that take a list of IDs in the query string (deleteNodes'
//! `node_ids`), declared as data: each element's name, the words IOVOX uses for it, its
//! kind, and which of its rules the page states. One validator, one writer and one reader
//! serve every such method, so a new one is its declaration.

use crate::check::{owned_text, xml_text, Given, Report};
use crate::error::{ErrorCode as C, Position, ValidationErrors};
use crate::wire;
use std::collections::BTreeMap;

/// What an element of a record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementKind {
    /// Text.
    Text,
    /// `YYYY-MM-DD` with an optional ` HH:MM:SS` (a missing time is midnight).
    DateTime,
    /// `1` or `0` (a boolean is written so).
    Flag,
    /// Bytes (a sound file's audio), written as base64; text is refused, never sent as
    /// audio (docs/decisions.md 44).
    Bytes,
    /// Digits (a category ID where the page says "… x of y not an integer").
    Integer,
}

/// One element of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Element {
    /// Its name in the XML and in every language's arguments (`node_id`).
    pub name: &'static str,
    /// How IOVOX's messages name it (`Node ID`).
    pub label: &'static str,
    /// What it holds.
    pub kind: ElementKind,
    /// Whether a record must have it (page).
    pub required: bool,
    /// Whether the page states the message for a missing or malformed one ("Node ID x of
    /// y Empty", "Node Date x of y Invalid"); only those are checked before sending.
    pub checked: bool,
    /// For an optional element: whether one given blank is refused ("Node Name x of y
    /// Empty" in an update, where leaving it out keeps the value).
    pub blank_refused: bool,
}

impl Element {
    /// A required element whose "… x of y Empty" the page states.
    pub const fn required(name: &'static str, label: &'static str) -> Element {
        Element {
            name,
            label,
            kind: ElementKind::Text,
            required: true,
            checked: true,
            blank_refused: false,
        }
    }

    /// A required element whose message for a missing one is not known: sent as given.
    pub const fn required_unchecked(name: &'static str, label: &'static str) -> Element {
        Element {
            checked: false,
            ..Element::required(name, label)
        }
    }

    /// An optional element of this kind; `checked` when the page states "… Invalid".
    pub const fn optional(
        name: &'static str,
        label: &'static str,
        kind: ElementKind,
        checked: bool,
    ) -> Element {
        Element {
            name,
            label,
            kind,
            required: false,
            checked,
            blank_refused: false,
        }
    }

    /// An optional text that, when given, may not be blank ("… x of y Empty").
    pub const fn not_blank(name: &'static str, label: &'static str) -> Element {
        Element {
            blank_refused: true,
            ..Element::optional(name, label, ElementKind::Text, true)
        }
    }
}

/// A body of records: `<request>` holding one `<item>` per record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordsBody {
    /// Each record's element (`node`).
    pub item: &'static str,
    /// What a caller names the list (`nodes`).
    pub argument: &'static str,
    /// Each record's elements, in the order they are written.
    pub elements: &'static [Element],
}

/// A request of records as Rust code builds it: each record its elements by name, as text.
///
/// ```
/// use iovox_core::Records;
/// let nodes = Records::new().record([("node_id", "N9"), ("node_name", "Shop"), ("node_type", "Store")]);
/// assert_eq!(nodes.records[0]["node_id"], "N9");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Records {
    /// The records, in order, each element by its name.
    pub records: Vec<BTreeMap<String, String>>,
}

impl Records {
    /// No record yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// With one more record.
    pub fn record<K: Into<String>, V: Into<String>>(
        mut self,
        elements: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        self.records.push(
            elements
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        );
        self
    }

    /// The request as the wire carries it.
    pub fn to_wire(&self) -> wire::Records {
        wire::Records {
            records: self
                .records
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|(k, v)| (k.clone(), wire::Entry(Some(v.as_str().into()))))
                        .collect()
                })
                .collect(),
        }
    }
}

/// Every check of a body of records that needs only the request, in IOVOX's words with
/// "x of y" positions, then the XML to send. A record's key that is no element of `body`
/// is refused by the bindings before (a shape error); here it is left out.
pub fn prepare_records(
    body: &RecordsBody,
    records: &wire::Records,
) -> Result<String, ValidationErrors> {
    let mut r = Report::default();
    let total = records.records.len();
    if total == 0 {
        r.push(C::RequestEmpty, None, None, "Request Empty".into());
    }
    let mut out = Vec::with_capacity(total);
    for (n, record) in records.records.iter().enumerate() {
        let p = Position {
            index: n + 1,
            total,
        };
        let mut values = Vec::new();
        for e in body.elements {
            let entry = record.get(e.name).filter(|v| v.0.is_some());
            let given: Given<'_> = entry.map_or(Given::Missing, |v| (&v.0).into());
            if !xml_text(&mut r, p, e.name, given) {
                continue;
            }
            let text = match (e.kind, given) {
                (ElementKind::Flag, Given::Boolean(b)) => Some(if b { "1" } else { "0" }.into()),
                (ElementKind::Bytes, Given::Bytes(b)) => {
                    (!b.is_empty()).then(|| wire::base64_text(b))
                }
                (ElementKind::Bytes, Given::Missing) => None,
                (ElementKind::Bytes, _) => {
                    let m = format!("{} {p} must be bytes", e.label);
                    r.push(C::NotBytes, Some(p), Some(e.name), m);
                    continue;
                }
                (_, Given::Bytes(_)) => {
                    let m = format!("{} {p} must be text, not bytes", e.label);
                    r.push(C::NotText, Some(p), Some(e.name), m);
                    continue;
                }
                _ => owned_text(given),
            };
            match text {
                None if (e.required && e.checked) || (e.blank_refused && entry.is_some()) => {
                    let m = format!("{} {p} Empty", e.label);
                    r.push(C::Empty, Some(p), Some(e.name), m);
                }
                Some(t) if e.kind == ElementKind::DateTime && e.checked && !date_time(&t) => {
                    let m = format!("{} {p} Invalid", e.label);
                    r.push(C::Invalid, Some(p), Some(e.name), m);
                }
                Some(t)
                    if e.kind == ElementKind::Integer
                        && e.checked
                        && !t.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    let m = format!("{} {p} not an integer", e.label);
                    r.push(C::NotInteger, Some(p), Some(e.name), m);
                }
                Some(t) => values.push((e.name, t)),
                None => {}
            }
        }
        out.push(values);
    }
    r.finish(Some(()))?; // an empty list failed above
    Ok(write_records(body.item, &out))
}

/// `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS`, each part in range.
pub(crate) fn date_time(t: &str) -> bool {
    let (date, time) = match t.split_once(' ') {
        Some((d, t)) => (d, Some(t)),
        None => (t, None),
    };
    let parts = |s: &str, sep: char, widths: &[usize]| -> Option<Vec<u32>> {
        let p: Vec<&str> = s.split(sep).collect();
        (p.len() == widths.len()
            && p.iter()
                .zip(widths)
                .all(|(p, &w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit())))
        .then(|| p.iter().map(|p| p.parse().unwrap_or(0)).collect())
    };
    let Some(d) = parts(date, '-', &[4, 2, 2]) else {
        return false;
    };
    let days = match d[1] {
        2 if d[0] % 4 == 0 && (d[0] % 100 != 0 || d[0] % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    if !(1..=days).contains(&d[2]) {
        return false;
    }
    match time {
        None => true,
        Some(t) => parts(t, ':', &[2, 2, 2]).is_some_and(|t| t[0] < 24 && t[1] < 60 && t[2] < 60),
    }
}

fn write_records(item: &str, records: &[Vec<(&'static str, String)>]) -> String {
    let mut xml = String::from(crate::xml::DECLARATION);
    xml.push_str("<request>");
    for record in records {
        xml.push('<');
        xml.push_str(item);
        xml.push('>');
        for (name, value) in record {
            xml.push_str(&format!(
                "<{name}>{}</{name}>",
                quick_xml::escape::partial_escape(value)
            ));
        }
        xml.push_str("</");
        xml.push_str(item);
        xml.push('>');
    }
    xml.push_str("</request>");
    crate::xml::keep_carriage_returns(xml)
}

/// A list of IDs sent in the query string, comma-joined (deleteNodes' `node_ids`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdList {
    /// The query argument (`node_ids`).
    pub argument: &'static str,
    /// How IOVOX's messages name one ID (`Node ID`).
    pub label: &'static str,
    /// IOVOX's message when there is none (`Node IDs Empty`).
    pub none: &'static str,
}

/// Every check of a list of IDs that needs only the request, then the query: "… IDs
/// Empty" with none, "… ID x of y Empty" for a blank one, and (ours) an ID holding a comma,
/// which the comma-joined query cannot carry: it would name other IDs than the one given,
/// and a delete would act on them.
pub fn prepare_ids(
    ids: &IdList,
    given: &wire::DetachRequest,
) -> Result<Vec<(&'static str, String)>, ValidationErrors> {
    let mut r = Report::default();
    let total = given.link_ids.len();
    if total == 0 {
        r.push(C::IdsEmpty, None, Some(ids.argument), ids.none.into());
    }
    let mut out = Vec::with_capacity(total);
    for (n, id) in given.link_ids.iter().enumerate() {
        let p = Position {
            index: n + 1,
            total,
        };
        let v: Given<'_> = (&id.0).into();
        if !xml_text(&mut r, p, ids.argument, v) {
            continue;
        }
        match owned_text(v) {
            None => {
                let m = format!("{} {p} Empty", ids.label);
                r.push(C::Empty, Some(p), Some(ids.argument), m);
            }
            Some(t) if t.contains(',') => {
                let m = format!(
                    "{} {p} holds a comma, which IOVOX's comma-joined list cannot carry",
                    ids.label
                );
                r.push(C::IdHasComma, Some(p), Some(ids.argument), m);
            }
            Some(t) => out.push(t),
        }
    }
    r.finish(Some(()))?; // an empty list failed above
    Ok(vec![(ids.argument, out.join(","))])
}

/// A body of records as a server reads it (the sandbox): each `<item>`'s elements by
/// name, as text; `None` when the body is not `<request>` holding `<item>`s of flat
/// elements.
pub fn read_records(body: &[u8], item: &str) -> Option<wire::Records> {
    use crate::xml::Node;
    let body = std::str::from_utf8(body).ok()?;
    let mut records: Vec<BTreeMap<String, wire::Entry>> = Vec::new();
    let mut element: Option<(String, String)> = None;
    let root = crate::xml::walk(body, |node| {
        match node {
            Node::Open(name, 2) if name == item.as_bytes() => records.push(BTreeMap::new()),
            Node::Open(name, 3) => {
                element = Some((String::from_utf8_lossy(name).into_owned(), String::new()))
            }
            Node::Open(_, 1) => {}
            Node::Open(..) => return Err("not a flat record".into()),
            Node::Text(t) => match element.as_mut() {
                Some((_, text)) => text.push_str(t),
                None if t.trim().is_empty() => {}
                None => return Err("text outside an element".into()),
            },
            Node::Close(3) => {
                if let (Some((name, text)), Some(record)) = (element.take(), records.last_mut()) {
                    // An element present but empty is given blank, not left out: IOVOX
                    // answers "Node Name x of y Empty" for `<node_name></node_name>`.
                    record.insert(name, wire::Entry(Some(text.as_str().into())));
                }
            }
            Node::Close(_) => {}
        }
        Ok(())
    })
    .ok()?;
    (root == "request").then_some(wire::Records { records })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_the_page_writes_them() {
        for ok in [
            "2026-12-06",
            "2026-12-06 23:59:59",
            "2024-02-29",
            "2000-02-29 00:00:00",
        ] {
            assert!(date_time(ok), "{ok}");
        }
        for bad in [
            "",
            "2026-12-6",
            "2026-13-01",
            "2026-00-10",
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-12-06 24:00:00",
            "2026-12-06 12:60:00",
            "2026-12-06 12:00:60",
            "2026-12-06T10:00:00",
            "2026-12-06 10:00",
            "20261206",
            "2026-12-06 ",
            "２０２６-12-06",
        ] {
            assert!(!date_time(bad), "{bad}");
        }
    }
}
