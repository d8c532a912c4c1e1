//! Small helpers shared by the two validators: reading wire text as "empty", "integer" or
//! "boolean" the way the IOVOX server does, and collecting errors in document order.

use crate::error::{ErrorCode, Position, ValidationError, ValidationErrors};

/// A field's text, trimmed; `None` when absent or blank (the server's "Empty").
pub(crate) fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Free text (a name, a link ID, a postcode), trimmed; `None` when absent or blank, or when
/// a list or a map stood where the text belongs ([`crate::wire::WRONG_KIND`]): the server
/// reads such an element as holding no text.
pub(crate) fn free_text(v: &Option<String>) -> Option<&str> {
    text(v).filter(|s| *s != crate::wire::WRONG_KIND)
}

/// How a field reads as a whole number.
pub(crate) enum Int {
    Empty,
    NotInteger,
    /// Digits only; values past `u64` saturate (they are still integers, just too large).
    Value(u64),
}

pub(crate) fn int(v: &Option<String>) -> Int {
    match text(v) {
        None => Int::Empty,
        Some(s) if s.bytes().all(|b| b.is_ascii_digit()) => {
            Int::Value(s.parse::<u64>().unwrap_or(u64::MAX))
        }
        Some(_) => Int::NotInteger,
    }
}

/// A code that must fit `u32` (country codes, area codes, IDDs, building numbers).
pub(crate) fn small(v: u64) -> Option<u32> {
    u32::try_from(v).ok()
}

/// `TRUE`/`FALSE` as IOVOX writes booleans (docs/decisions.md 6). `Err` when invalid.
pub(crate) fn boolean(v: &Option<String>) -> Result<bool, ()> {
    match text(v) {
        None => Ok(false),
        Some("TRUE") => Ok(true),
        Some("FALSE") => Ok(false),
        Some(_) => Err(()),
    }
}

/// Errors in document order.
#[derive(Default)]
pub(crate) struct Report(Vec<ValidationError>);

impl Report {
    pub(crate) fn push(
        &mut self,
        code: ErrorCode,
        position: Option<Position>,
        field: Option<&'static str>,
        message: String,
    ) {
        self.0.push(ValidationError {
            code,
            position,
            field,
            message,
        });
    }

    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, ValidationErrors> {
        match value {
            Some(v) if self.0.is_empty() => Ok(v),
            _ => Err(ValidationErrors(self.0)),
        }
    }
}

/// The position used for request-level "x of y" messages (docs/decisions.md 1).
pub(crate) const WHOLE_REQUEST: Position = Position { index: 1, total: 1 };

/// Whether XML 1.0 can carry `c` (§2.2): tab, newline, carriage return, and everything
/// from U+0020 on except U+FFFE and U+FFFF (Rust strings hold no surrogates).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

/// Ours: one error for each value holding a character XML cannot carry, naming the field
/// and the first such character, so nothing malformed is ever sent.
pub(crate) fn xml_text(
    r: &mut Report,
    p: Position,
    fields: &[(&'static str, &Option<String>)],
) -> bool {
    let mut ok = true;
    for (field, value) in fields {
        if let Some(c) = value
            .as_deref()
            .and_then(|v| v.chars().find(|c| !is_xml_char(*c)))
        {
            let m = format!(
                "{field} {p} holds U+{:04X}, a character XML cannot carry",
                c as u32
            );
            r.push(ErrorCode::NotXmlText, Some(p), Some(field), m);
            ok = false;
        }
    }
    ok
}
