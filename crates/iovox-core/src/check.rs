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
/// from U+0020 on except U+FFFE and U+FFFF (Rust strings hold no surrogates). The rule as
/// written; [`first_non_xml`] is its fast form, and a test holds them equal.
#[cfg(test)]
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

/// The first character of `s` that XML 1.0 cannot carry, if any. One pass over the bytes:
/// a control byte, or the UTF-8 of U+FFFE / U+FFFF (EF BF BE, EF BF BF).
pub(crate) fn first_non_xml(s: &str) -> Option<char> {
    let b = s.as_bytes();
    // Almost every value has neither a control byte nor 0xEF: a branch-free scan (which the
    // compiler vectorises) says so before the exact one runs.
    if !b
        .iter()
        .fold(false, |seen, &c| seen | (c < 0x20) | (c == 0xEF))
    {
        return None;
    }
    let bad = b.iter().enumerate().position(|(i, &c)| {
        (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r'))
            || (c == 0xEF
                && b.get(i + 1) == Some(&0xBF)
                && matches!(b.get(i + 2), Some(0xBE | 0xBF)))
    })?;
    s[bad..].chars().next()
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
        if let Some(c) = value.as_deref().and_then(first_non_xml) {
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

/// For a value that is absent: what an `Option` field reads as when its parent is absent.
pub(crate) const ABSENT: &Option<String> = &None;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_agrees_with_the_rule() {
        for s in [
            "plain",
            "tab\tnl\ncr\r",
            "caf\u{e9}",
            "\u{fffd}",
            "\u{10000}",
            "\u{effe}",
        ] {
            assert_eq!(first_non_xml(s), None, "{s:?}");
        }
        for (s, c) in [
            ("a\0b", '\0'),
            ("\u{1b}", '\u{1b}'),
            ("x\u{fffe}", '\u{fffe}'),
            ("\u{ffff}y", '\u{ffff}'),
        ] {
            assert_eq!(first_non_xml(s), Some(c), "{s:?}");
        }
        for c in (0..0x11_0000u32).filter_map(char::from_u32).step_by(7) {
            let s = c.to_string();
            assert_eq!(first_non_xml(&s).is_none(), is_xml_char(c), "{c:?}");
        }
    }
}
