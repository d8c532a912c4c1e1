//! Bodies and answers that nest, declared as a tree of elements: createNodeFull's node with
//! its links, each link's number, categories and rules; getNodeDetails' node as IOVOX
//! answers it. One writer turns a mapping (JSON, a Python dict, a JavaScript object) into
//! the XML in the declared order, one reader turns the XML back into a mapping, so a
//! method whose body or answer nests is its declaration.
//!
//! A caller gives a tree as a mapping: a group is a mapping, a list is a list of
//! mappings, a list of texts (`caller_message`'s sound files) is a list of texts. Only
//! the rules a page or the clients state are checked before sending (each element's
//! `checked`); the rest is sent as given.
//!
//! ```
//! use iovox_core::tree::{read_tree, write_tree};
//! use iovox_core::nested::NODE_FULL;
//! let node = serde_json::json!({"node_id": "N1", "node_name": "Shop", "node_type": "Store",
//!     "links": [{"link_id": "L1", "link_name": "Web", "link_type": "Web",
//!                "categories": [{"category_id": "Colour", "value": "Blue"}]}]});
//! let xml = write_tree(&["request", "node"], NODE_FULL, &node);
//! assert!(xml.ends_with("<links><link><link_id>L1</link_id><link_name>Web</link_name><link_type>Web</link_type>\
//! <categories><category><category_id>Colour</category_id><value>Blue</value></category></categories>\
//! </link></links></node></request>"));
//! assert_eq!(read_tree(xml.as_bytes(), &["node"], NODE_FULL).unwrap(), node);
//! ```

use crate::check::{xml_text, Given, Report};
use crate::error::{DecodeError, ErrorCode as C, Position, ValidationErrors};
use serde_json::Map;
/// A tree as a mapping: what createNodeFull takes and what it and getNodeDetails answer.
pub use serde_json::Value;

/// What an element of a tree holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Text.
    Text,
    /// `YYYY-MM-DD` with an optional ` HH:MM:SS`.
    DateTime,
    /// `1` or `0` (a boolean is written so); read back as a boolean.
    Flag,
    /// A whole number; read back as a number.
    Integer,
    /// One element holding these (a mapping).
    Group(&'static [Element]),
    /// An element holding one `item` element per entry (a list of mappings).
    List(&'static str, &'static [Element]),
    /// Elements nested along this path, the last one repeated, each holding a text (a
    /// list of texts): `["sound_files", "sound_file"]`.
    Texts(&'static [&'static str]),
}

/// One element of a tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Element {
    /// Its name in the XML and in every language's arguments.
    pub name: &'static str,
    /// How IOVOX's messages name it (`Node ID`).
    pub label: &'static str,
    /// What it holds.
    pub shape: Shape,
    /// Whether IOVOX needs it (page or clients).
    pub required: bool,
    /// Whether the message for a missing or malformed one is stated ("Node ID x of y
    /// Empty", "Node Date x of y Invalid"); only those are checked before sending.
    pub checked: bool,
}

impl Element {
    /// An element of this shape that may be left out.
    pub const fn optional(name: &'static str, shape: Shape) -> Element {
        Element {
            name,
            label: name,
            shape,
            required: false,
            checked: false,
        }
    }

    /// A required element whose message is not stated: sent as given.
    pub const fn required(name: &'static str, shape: Shape) -> Element {
        Element {
            required: true,
            ..Element::optional(name, shape)
        }
    }

    /// A required element whose "`label` x of y Empty" (or, for a date, "… Invalid") is
    /// stated, and so checked before sending.
    pub const fn checked(name: &'static str, label: &'static str, shape: Shape) -> Element {
        Element {
            name,
            label,
            shape,
            required: !matches!(shape, Shape::DateTime),
            checked: true,
        }
    }
}

/// The names a mapping for `elements` may have: what the bindings check keys against.
pub fn names(elements: &[Element]) -> Vec<&'static str> {
    elements.iter().map(|e| e.name).collect()
}

/// Every check of a tree that needs only the request, then the XML: the elements of
/// `path` (`["request", "node"]`) nested, holding `value`'s elements in the declared order. `value` is a mapping of `elements`; the
/// bindings have refused any other shape before (a key that is no element is left out
/// here).
pub fn prepare_tree(
    path: &[&str],
    elements: &'static [Element],
    value: &Value,
) -> Result<String, ValidationErrors> {
    let mut r = Report::default();
    check(&mut r, elements, value, crate::check::WHOLE_REQUEST);
    r.finish(Some(()))?;
    Ok(write_tree(path, elements, value))
}

fn check(r: &mut Report, elements: &'static [Element], value: &Value, p: Position) {
    for e in elements {
        let v = value.get(e.name).filter(|v| !v.is_null());
        match (e.shape, v) {
            (Shape::Group(inner), Some(v)) => check(r, inner, v, p),
            (Shape::List(_, inner), Some(Value::Array(items))) => {
                for (i, item) in items.iter().enumerate() {
                    let p = Position {
                        index: i + 1,
                        total: items.len(),
                    };
                    check(r, inner, item, p);
                }
            }
            (Shape::Texts(_), Some(Value::Array(items))) => {
                for item in items {
                    xml_text(r, p, e.name, given(item));
                }
            }
            (Shape::Group(_) | Shape::List(..) | Shape::Texts(_), _) => {}
            (_, v) => {
                let g = v.map_or(Given::Missing, given);
                if !xml_text(r, p, e.name, g) || !e.checked {
                    continue;
                }
                match text(e.shape, g) {
                    None if e.required => r.push(
                        C::Empty,
                        Some(p),
                        Some(e.name),
                        format!("{} {p} Empty", e.label),
                    ),
                    Some(t) if e.shape == Shape::DateTime && !crate::records::date_time(&t) => {
                        let m = format!("{} {p} Invalid", e.label);
                        r.push(C::Invalid, Some(p), Some(e.name), m)
                    }
                    _ => {}
                }
            }
        }
    }
}

/// A JSON value where one text belongs, as the rules read it.
pub(crate) fn given(v: &Value) -> Given<'_> {
    match v {
        Value::String(s) => Given::Text(s),
        Value::Number(n) => n.as_i64().map_or(Given::WrongKind, Given::Integer),
        Value::Bool(b) => Given::Boolean(*b),
        Value::Null => Given::Missing,
        Value::Object(m) => match m.get(crate::wire::LONE_SURROGATE).and_then(Value::as_u64) {
            Some(code) if m.len() == 1 => Given::LoneSurrogate(code as u16),
            _ => Given::WrongKind,
        },
        Value::Array(_) => Given::WrongKind,
    }
}

/// The text an element carries; `None` for blank or missing.
fn text(shape: Shape, v: Given<'_>) -> Option<String> {
    match (shape, v) {
        (Shape::Flag, Given::Boolean(b)) => Some(if b { "1" } else { "0" }.into()),
        (_, Given::Boolean(b)) => Some(if b { "TRUE" } else { "FALSE" }.into()),
        (_, v) => crate::check::owned_text(v),
    }
}

/// A body of items that nest (createBlockedNumbers' `<blocked_number>`s): "Request Empty"
/// without one, each item's stated rules with its "x of y", then `<request>` holding one
/// `<item>` per entry, its elements in the declared order.
pub fn prepare_items(
    item: &str,
    elements: &'static [Element],
    items: &[Value],
) -> Result<String, ValidationErrors> {
    let mut r = Report::default();
    if items.is_empty() {
        r.push(C::RequestEmpty, None, None, "Request Empty".into());
    }
    for (i, v) in items.iter().enumerate() {
        let p = Position {
            index: i + 1,
            total: items.len(),
        };
        check(&mut r, elements, v, p);
    }
    r.finish(Some(()))?;
    let mut xml = String::from(crate::xml::DECLARATION);
    open(&mut xml, "request");
    for v in items {
        open(&mut xml, item);
        write(&mut xml, elements, v);
        close(&mut xml, item);
    }
    close(&mut xml, "request");
    Ok(crate::xml::keep_carriage_returns(xml))
}

/// A method whose body is nesting items straight under `<request>` ([`prepare_items`]):
/// its name, route, success status, the caller's list (`blocked_numbers`), each item's
/// element (`blocked_number`) and declared elements, and an example in the wire form.
/// Its request is `{"<argument>": [...]}`, each a mapping of the elements; no answer body.
macro_rules! items_method {
    ($(#[$doc:meta])* $name:ident, $interface:literal, $area:literal, $method:literal, $verb:ident, $success:literal, $argument:literal, $item:literal, $elements:expr, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $crate::vocab::Method for $name {
            const SPEC: $crate::model::Spec = $crate::model::Spec {
                route: $crate::vocab::Route { interface: $interface, name: $method, verb: $crate::vocab::Verb::$verb },
                retry: $crate::vocab::Retry::NotAfterSent,
                area: $area,
                request: $crate::model::RequestShape::Body,
                arguments: &[$crate::model::Argument::required($argument, $crate::model::ArgumentKind::List)],
                answer: $crate::model::Answer::Nothing,
                paged: $crate::model::Known::Yes(false),
                success: Some($success),
                confidence: $crate::model::Confidence::Page,
                typed: true,
                example: $example,
            };
            #[doc = concat!("`{\"", $argument, "\": [...]}`, each a mapping of its elements.")]
            type Request = serde_json::Value;
            type Wire = serde_json::Value;
            type Output = ();

            fn prepare(request: &serde_json::Value) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                Self::prepare_wire(request)
            }

            fn prepare_wire(request: &serde_json::Value) -> Result<$crate::vocab::Prepared, $crate::error::ValidationErrors> {
                let items: &[serde_json::Value] = match request.get($argument) {
                    Some(serde_json::Value::Array(items)) => items,
                    _ => &[],
                };
                Ok($crate::vocab::Prepared {
                    query: Vec::new(),
                    body: $crate::tree::prepare_items($item, $elements, items)?,
                    callback_url: None,
                })
            }

            /// No answer body is documented or read.
            fn decode(_: &[u8]) -> Result<(), $crate::error::DecodeError> {
                Ok(())
            }
        }
    };
}
pub(crate) use items_method;

/// A body of items as a server reads it: each `<item>` under the root as a mapping of
/// `elements`.
pub fn read_items(
    body: &[u8],
    item: &str,
    elements: &[Element],
) -> Result<Vec<Value>, DecodeError> {
    let root = parse_root(body)?;
    (root.children.iter())
        .filter(|c| c.name == item)
        .map(|c| mapping(c, elements))
        .collect()
}

/// `value` (a mapping of `elements`) as XML inside the elements of `path`, in the
/// declared order; blank and missing elements are left out. What a request body is, and
/// what the sandbox answers.
pub fn write_tree(path: &[&str], elements: &[Element], value: &Value) -> String {
    let mut xml = String::from(crate::xml::DECLARATION);
    path.iter().for_each(|n| open(&mut xml, n));
    write(&mut xml, elements, value);
    path.iter().rev().for_each(|n| close(&mut xml, n));
    crate::xml::keep_carriage_returns(xml)
}

fn open(xml: &mut String, name: &str) {
    xml.push('<');
    xml.push_str(name);
    xml.push('>');
}

fn close(xml: &mut String, name: &str) {
    xml.push_str("</");
    xml.push_str(name);
    xml.push('>');
}

fn leaf(xml: &mut String, name: &str, t: &str) {
    open(xml, name);
    xml.push_str(&quick_xml::escape::partial_escape(t));
    close(xml, name);
}

fn write(xml: &mut String, elements: &[Element], value: &Value) {
    for e in elements {
        let Some(v) = value.get(e.name).filter(|v| !v.is_null()) else {
            continue;
        };
        match (e.shape, v) {
            (Shape::Group(inner), v @ Value::Object(_)) => {
                open(xml, e.name);
                write(xml, inner, v);
                close(xml, e.name);
            }
            (Shape::List(item, inner), Value::Array(items)) => {
                open(xml, e.name);
                for v in items {
                    open(xml, item);
                    write(xml, inner, v);
                    close(xml, item);
                }
                close(xml, e.name);
            }
            (Shape::Texts(path), Value::Array(items)) => {
                let (last, outer) = path.split_last().map_or(("", &[][..]), |(l, o)| (l, o));
                open(xml, e.name);
                outer.iter().for_each(|n| open(xml, n));
                for t in items.iter().filter_map(|v| text(Shape::Text, given(v))) {
                    leaf(xml, last, &t);
                }
                outer.iter().rev().for_each(|n| close(xml, n));
                close(xml, e.name);
            }
            (Shape::Group(_) | Shape::List(..) | Shape::Texts(_), _) => {}
            (shape, v) => {
                if let Some(t) = text(shape, given(v)) {
                    leaf(xml, e.name, &t);
                }
            }
        }
    }
}

/// An element as read: its name, its text, its children.
#[derive(Debug, Default)]
struct Read {
    name: String,
    text: String,
    children: Vec<Read>,
}

/// A body as a mapping: below the root, down `path` (`["results", "result"]`), the
/// elements declared in `elements` by their shape; an element IOVOX sends that is not
/// declared is kept, as text or as a mapping of what it holds. One item or many read
/// alike wherever a list is declared.
pub fn read_tree(body: &[u8], path: &[&str], elements: &[Element]) -> Result<Value, DecodeError> {
    let mut at = parse_root(body)?;
    for step in path {
        at = at
            .children
            .into_iter()
            .find(|c| c.name == *step)
            .ok_or_else(|| DecodeError::new(format!("the answer has no <{step}>")))?;
    }
    mapping(&at, elements)
}

/// The root element of a body, read whole.
fn parse_root(body: &[u8]) -> Result<Read, DecodeError> {
    let text = crate::xml::utf8(body)?;
    let mut stack: Vec<Read> = vec![Read::default()];
    let walked = crate::xml::walk(text, |node| {
        match node {
            crate::xml::Node::Open(name, _) => stack.push(Read {
                name: String::from_utf8_lossy(name).into_owned(),
                ..Read::default()
            }),
            crate::xml::Node::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(t)
                }
            }
            crate::xml::Node::Close(_) => {
                if let Some(done) = stack.pop() {
                    if let Some(parent) = stack.last_mut() {
                        parent.children.push(done)
                    }
                }
            }
        }
        Ok(())
    });
    match walked {
        Err(crate::xml::WalkError::Syntax(e)) => return Err(e.into()),
        Err(crate::xml::WalkError::Visitor(m)) => return Err(DecodeError::new(m)),
        Ok(_) => {}
    }
    stack
        .pop()
        .and_then(|doc| doc.children.into_iter().next())
        .ok_or_else(|| DecodeError::new("the answer has no root element"))
}

fn mapping(el: &Read, elements: &[Element]) -> Result<Value, DecodeError> {
    let mut out = Map::new();
    for child in &el.children {
        let declared = elements.iter().find(|e| e.name == child.name);
        let value = match declared {
            Some(e) => read(child, e)?,
            None => undeclared(child),
        };
        // One entry of a list element given twice: the entries join.
        if let (
            Some(Shape::List(..) | Shape::Texts(_)),
            Some(Value::Array(have)),
            Value::Array(more),
        ) = (declared.map(|e| e.shape), out.get_mut(&child.name), &value)
        {
            have.extend(more.iter().cloned());
            continue;
        }
        out.insert(child.name.clone(), value);
    }
    Ok(Value::Object(out))
}

fn read(el: &Read, e: &Element) -> Result<Value, DecodeError> {
    let t = el.text.trim();
    let bad = |what: &str| {
        DecodeError::new(format!(
            "{} {:?} is not {what}",
            e.name,
            crate::error::short(t)
        ))
    };
    Ok(match e.shape {
        Shape::Group(inner) => mapping(el, inner)?,
        Shape::List(item, inner) => Value::Array(
            (el.children.iter().filter(|c| c.name == item))
                .map(|c| mapping(c, inner))
                .collect::<Result<_, _>>()?,
        ),
        Shape::Texts(path) => {
            let mut level = vec![el];
            for step in path {
                level = (level.into_iter())
                    .flat_map(|l| l.children.iter().filter(|c| c.name == *step))
                    .collect();
            }
            Value::Array(level.iter().map(|l| l.text.trim().into()).collect())
        }
        _ if t.is_empty() => Value::Null,
        Shape::Flag => Value::Bool(crate::list::flag(e.name, t).map_err(|_| bad("a flag"))?),
        Shape::Integer => Value::from(t.parse::<u64>().map_err(|_| bad("a whole number"))?),
        Shape::Text | Shape::DateTime => Value::from(t),
    })
}

fn undeclared(el: &Read) -> Value {
    if el.children.is_empty() {
        let t = el.text.trim();
        return if t.is_empty() { Value::Null } else { t.into() };
    }
    let mut out = Map::new();
    for c in &el.children {
        out.insert(c.name.clone(), undeclared(c));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nested::{NODE_DETAILS, NODE_FULL};
    use serde_json::json;

    #[test]
    fn the_node_is_checked_with_the_pages_words_and_the_rest_is_sent_as_given() {
        let bad = json!({"node_id": " ", "node_type": "Store", "node_date": "2026-02-30",
            "links": [{"link_id": "", "link_name": "\u{1}"}]});
        let e = prepare_tree(&["request", "node"], NODE_FULL, &bad).unwrap_err();
        assert_eq!(
            e.messages(),
            [
                "Node ID 1 of 1 Empty",
                "Node Name 1 of 1 Empty",
                "Node Date 1 of 1 Invalid",
                "link_name 1 of 1 holds U+0001, a character XML cannot carry",
            ]
        );
        let ok = json!({"node_id": "N1", "node_name": "Shop", "node_type": "Store",
            "links": [{"link_id": "L1", "click_to_call": true,
                "assign_voxnumber": {"method": "BY AREA", "voxnumber_idd": 44, "area_code": 20},
                "rules_variable": [{"rule_id": "call", "caller_message": ["Greetings|Hello", "Greetings|Bye"]}]}]});
        let xml = prepare_tree(&["request", "node"], NODE_FULL, &ok).unwrap();
        assert!(xml.contains("</rules_variable><assign_voxnumber><method>BY AREA</method><voxnumber_idd>44</voxnumber_idd><area_code>20</area_code></assign_voxnumber>"), "{xml}");
        assert!(xml.contains("<rules_variable><rule><rule_id>call</rule_id><caller_message><sound_files><sound_file>Greetings|Hello</sound_file><sound_file>Greetings|Bye</sound_file></sound_files></caller_message></rule></rules_variable>"), "{xml}");
        assert_eq!(read_tree(xml.as_bytes(), &["node"], NODE_FULL).unwrap(), ok);
    }

    #[test]
    fn an_answer_reads_one_item_or_many_alike_and_keeps_what_is_not_declared() {
        let body = b"<?xml version=\"1.0\"?><response><results><result><node_id>N1</node_id>\
            <links><link><link_id>L1</link_id><rules><rule><rule_id>call</rule_id>\
            <contact><contact_id>C1</contact_id></contact><record_call>TRUE</record_call></rule></rules>\
            <cats><cat><category_id>Colour</category_id><value>Blue</value></cat></cats></link></links>\
            <extra>x</extra></result></results></response>";
        let node = read_tree(body, &["results", "result"], NODE_DETAILS).unwrap();
        assert_eq!(node["links"][0]["rules"][0]["contact"]["contact_id"], "C1");
        assert_eq!(node["links"][0]["rules"][0]["record_call"], "TRUE");
        assert_eq!(node["links"][0]["cats"][0]["value"], "Blue");
        assert_eq!(node["extra"], "x");
        let e = read_tree(
            b"<response></response>",
            &["results", "result"],
            NODE_DETAILS,
        )
        .unwrap_err();
        assert_eq!(e.message, "the answer has no <results>");
        assert!(read_tree(b"<response><results>", &[], NODE_DETAILS).is_err());
    }
}
