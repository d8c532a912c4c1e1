//! XML plumbing shared by every message: a strict well-formedness pass that refuses
//! DOCTYPE and reports line and column, serde encoding with the declaration the pages
//! show, and IOVOX error bodies in both of their shapes.

use crate::error::{short, ApiErrorBody, DecodeError};
use quick_xml::events::Event;
use quick_xml::Reader;
use serde::Serialize;

/// The declaration every IOVOX payload starts with.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="utf-8"?>"#;

/// A well-formedness failure with its place in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What the parser found wrong.
    pub reason: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl From<SyntaxError> for DecodeError {
    fn from(e: SyntaxError) -> Self {
        DecodeError {
            message: format!(
                "XML parse error: {} at line {}, column {}",
                e.reason, e.line, e.column
            ),
            line: Some(e.line),
            column: Some(e.column),
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(body: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(body.len());
    while !body.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &body[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Decodes bytes as UTF-8 (IOVOX answers `text/xml` with no charset: docs/decisions.md 10).
pub fn utf8(body: &[u8]) -> Result<&str, SyntaxError> {
    std::str::from_utf8(body).map_err(|e| {
        let valid = &body[..e.valid_up_to()];
        // Safe: the prefix up to valid_up_to is valid UTF-8 by definition.
        let text = std::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = line_column(text, text.len());
        SyntaxError {
            reason: "invalid UTF-8".into(),
            line,
            column,
        }
    })
}

/// Checks that `body` is one well-formed element tree with no DOCTYPE, and returns the
/// name of its root element.
///
/// A DOCTYPE is refused outright, so no entity declaration can ever be expanded.
pub fn check_well_formed(body: &str) -> Result<String, SyntaxError> {
    walk(body, |_| Ok(())).map_err(|e| match e {
        WalkError::Syntax(e) => e,
        WalkError::Visitor(reason) => SyntaxError {
            reason,
            line: 1,
            column: 1,
        },
    })
}

/// What [`walk`] shows its visitor, in document order.
pub(crate) enum Node<'a> {
    /// An element opens (`<x>`, or `<x/>` followed by its `Close`); depth 1 is the root.
    Open(&'a [u8], usize),
    /// Text inside an element: character data, CDATA, or a resolved reference.
    Text(&'a str),
    /// The element at this depth closes.
    Close(usize),
}

/// Why [`walk`] stopped.
pub(crate) enum WalkError {
    /// The body is not well-formed.
    Syntax(SyntaxError),
    /// The visitor refused what it saw.
    Visitor(String),
}

/// One pass over `body`: the checks of [`check_well_formed`], each node handed to `visit`.
/// Decoders built on it read a body once instead of checking it and then parsing it.
pub(crate) fn walk(
    body: &str,
    mut visit: impl FnMut(Node<'_>) -> Result<(), String>,
) -> Result<String, WalkError> {
    let mut reader = Reader::from_str(body);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut root: Option<String> = None;
    let fail = |reason: String, at: u64| {
        let (line, column) = line_column(body, at as usize);
        Err(WalkError::Syntax(SyntaxError {
            reason,
            line,
            column,
        }))
    };
    let mut visit = |node: Node<'_>| visit(node).map_err(WalkError::Visitor);
    loop {
        let start = reader.buffer_position();
        match reader.read_event() {
            Err(e) => {
                let at = reader.error_position();
                return fail(e.to_string(), at);
            }
            Ok(Event::DocType(_)) => {
                return fail("DOCTYPE is not allowed".into(), start);
            }
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if depth == 0 && root.is_some() => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                return fail(format!("second root element <{}>", short(&name)), start);
            }
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    root = Some(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                }
                depth += 1;
                visit(Node::Open(e.name().as_ref(), depth))?;
            }
            Ok(Event::Empty(e)) => {
                if depth == 0 {
                    root = Some(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                }
                visit(Node::Open(e.name().as_ref(), depth + 1))?;
                visit(Node::Close(depth + 1))?;
            }
            Ok(Event::End(_)) => {
                visit(Node::Close(depth))?;
                depth = depth.saturating_sub(1);
            }
            Ok(Event::Text(t)) if depth == 0 => {
                if !t.iter().all(|b| b.is_ascii_whitespace()) {
                    return fail("text outside the root element".into(), start);
                }
            }
            Ok(Event::CData(_)) | Ok(Event::GeneralRef(_)) if depth == 0 => {
                return fail("text outside the root element".into(), start);
            }
            Ok(Event::Text(_)) => {
                // The event's bytes are the body's own, between `start` and here: slicing the
                // (already valid UTF-8) body spares validating every run of text again.
                let end = reader.buffer_position() as usize;
                match body.get(start as usize..end) {
                    Some(text) => visit(Node::Text(text))?,
                    None => return fail("text that is not UTF-8".into(), start),
                }
            }
            Ok(Event::CData(t)) => match t.decode() {
                Ok(text) => visit(Node::Text(&text))?,
                Err(e) => return fail(e.to_string(), start),
            },
            Ok(Event::GeneralRef(r)) => {
                let name = || String::from_utf8_lossy(r.as_ref()).into_owned();
                if r.is_char_ref() {
                    // Only the five predefined entities and character references exist here.
                    let Ok(Some(c)) = r.resolve_char_ref() else {
                        return fail(
                            format!("invalid character reference &{};", short(&name())),
                            start,
                        );
                    };
                    visit(Node::Text(c.encode_utf8(&mut [0; 4])))?;
                } else {
                    let text = match r.as_ref() {
                        b"amp" => "&",
                        b"lt" => "<",
                        b"gt" => ">",
                        b"apos" => "'",
                        b"quot" => "\"",
                        _ => return fail(format!("unknown entity &{};", short(&name())), start),
                    };
                    visit(Node::Text(text))?;
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
        }
    }
    if depth > 0 {
        let (line, column) = line_column(body, body.len());
        return Err(WalkError::Syntax(SyntaxError {
            reason: "unexpected end of document, an element is not closed".into(),
            line,
            column,
        }));
    }
    root.ok_or_else(|| {
        let (line, column) = line_column(body, body.len());
        WalkError::Syntax(SyntaxError {
            reason: "no root element".into(),
            line,
            column,
        })
    })
}

/// Serializes `value` under `root`, with the declaration the pages show.
pub(crate) fn encode<T: Serialize>(root: &str, value: &T) -> String {
    let mut out = String::with_capacity(256);
    out.push_str(DECLARATION);
    // Serializing our own structs of strings into a String cannot fail: the root name is a
    // valid XML name and every field is a string, a struct or a list of structs.
    let result = quick_xml::se::Serializer::with_root(&mut out, Some(root))
        .and_then(|ser| value.serialize(ser));
    debug_assert!(result.is_ok(), "encoding failed: {result:?}");
    keep_carriage_returns(out)
}

/// A parser turns a raw `\r` (and `\r\n`) into `\n` (XML 1.0, 2.11), so a value holding one
/// would arrive changed. As a character reference it arrives as it was sent. Markup of ours
/// holds none, so every `\r` in the output is in a value.
pub(crate) fn keep_carriage_returns(xml: String) -> String {
    if xml.contains('\r') {
        xml.replace('\r', "&#13;")
    } else {
        xml
    }
}

/// Checks well-formedness, then deserializes; returns the root name alongside. The order
/// decoder reads in one pass instead; this stays as the oracle its tests compare with.
#[cfg(test)]
pub(crate) fn decode<T: serde::de::DeserializeOwned>(
    body: &[u8],
) -> Result<(String, T), DecodeError> {
    let text = utf8(body)?;
    let root = check_well_formed(text)?;
    let value = quick_xml::de::from_str(text)
        .map_err(|e| DecodeError::new(format!("XML structure error: {e}")))?;
    Ok((root, value))
}

/// Decodes an IOVOX error body: `<errors><error status="400">…</error>…</errors>` or a bare
/// `<error status="401">…</error>`. Returns `None` when the body is not that XML.
///
/// ```
/// let body = br#"<errors><error status="400">Request Empty</error></errors>"#;
/// let e = iovox_core::decode_error_body(400, body).unwrap();
/// assert_eq!(e.messages, vec!["Request Empty"]);
/// ```
pub fn decode_error_body(status: u16, body: &[u8]) -> Option<ApiErrorBody> {
    let text = utf8(body).ok()?;
    let mut messages = Vec::new();
    // The `<error>` being read: its depth and its text so far (child elements' text too).
    let mut current: Option<(usize, String)> = None;
    let root = walk(text, |node| {
        match node {
            Node::Open(b"error", depth) if current.is_none() => {
                current = Some((depth, String::new()));
            }
            Node::Open(..) => {}
            Node::Text(t) => {
                if let Some((_, m)) = &mut current {
                    m.push_str(t);
                }
            }
            Node::Close(depth) => {
                if let Some((_, m)) = current.take_if(|(at, _)| *at == depth) {
                    messages.push(m.trim().to_string());
                }
            }
        }
        Ok(())
    })
    .ok()?;
    if root != "errors" && root != "error" {
        return None;
    }
    Some(ApiErrorBody { status, messages })
}

/// Encodes an error body in the `<errors>` shape the public Ruby client reads.
///
/// ```
/// let xml = iovox_core::encode_error_body(401, &["HTTP 401: Unauthorized".into()]);
/// assert!(xml.contains(r#"<error status="401">HTTP 401: Unauthorized</error>"#));
/// ```
pub fn encode_error_body(status: u16, messages: &[String]) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str("<errors>");
    for m in messages {
        out.push_str(&format!(
            "<error status=\"{status}\">{}</error>",
            quick_xml::escape::escape(m.as_str())
        ));
    }
    out.push_str("</errors>");
    keep_carriage_returns(out)
}

#[cfg(test)]
mod walk_tests {
    use super::*;

    #[test]
    fn a_position_inside_a_character_is_that_character_s() {
        // Byte 2 is inside "é" (bytes 1 and 2): the column is the é's, the second.
        assert_eq!(line_column("aé", 2), (1, 2));
        assert_eq!(line_column("x\nyé", 4), (2, 2));
        assert_eq!(line_column("ab", 99), (1, 3));
    }

    #[test]
    fn only_one_root_and_nothing_beside_it() {
        let refused = |body: &str| check_well_formed(body).unwrap_err().reason;
        assert_eq!(refused("<a/><b/>"), "second root element <b>");
        assert_eq!(refused("<a></a><b></b>"), "second root element <b>");
        assert_eq!(refused("x<a/>"), "text outside the root element");
        assert_eq!(
            refused("<a/><![CDATA[x]]>"),
            "text outside the root element"
        );
        assert_eq!(check_well_formed(" \n<a>x</a>\n").unwrap(), "a");
    }

    #[test]
    fn an_empty_element_opens_and_closes_at_its_own_depth() {
        let mut seen = Vec::new();
        walk("<a><b/>x<c></c></a>", |node| {
            seen.push(match node {
                Node::Open(name, d) => format!("open {} {d}", String::from_utf8_lossy(name)),
                Node::Text(t) => format!("text {t}"),
                Node::Close(d) => format!("close {d}"),
            });
            Ok(())
        })
        .map_err(|_| "walk failed")
        .unwrap();
        assert_eq!(
            seen,
            ["open a 1", "open b 2", "close 2", "text x", "open c 2", "close 2", "close 1"]
        );
    }

    #[test]
    fn the_five_entities_read_as_their_characters() {
        let mut text = String::new();
        walk("<a>&apos;&quot;&amp;&lt;&gt;&#65;</a>", |node| {
            if let Node::Text(t) = node {
                text.push_str(t);
            }
            Ok(())
        })
        .map_err(|_| "walk failed")
        .unwrap();
        assert_eq!(text, "'\"&<>A");
    }

    #[test]
    fn an_error_inside_an_error_is_part_of_its_message() {
        let body = b"<errors><error status=\"400\">Bad <error>inner</error> thing</error><error>Next</error></errors>";
        let e = decode_error_body(400, body).unwrap();
        assert_eq!(e.messages, ["Bad inner thing", "Next"]);
    }
}
