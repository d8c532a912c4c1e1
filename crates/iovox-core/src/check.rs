//! How the IOVOX server reads a value: as "empty", a whole number, a boolean, a word or
//! free text. Every field rule of every method is built from these over a [`Given`]
//! view, which both forms of a request give: the wire form (a value as a caller or the
//! XML gave it) and the typed form (a value Rust code built). So one rule checks both,
//! and both get the same words.

use crate::error::{ErrorCode, Position, ValidationError, ValidationErrors};
use crate::wire;
use std::borrow::Cow;

/// A value to check, borrowed from either form of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Given<'a> {
    Missing,
    Text(&'a str),
    Integer(i64),
    Boolean(bool),
    WrongKind,
    /// Text holding a lone surrogate (its code unit): refused by every rule.
    LoneSurrogate(u16),
    /// Bytes: only an element declared as bytes takes them; the wrong kind anywhere else.
    Bytes(&'a [u8]),
}

impl<'a> From<&'a Option<wire::Given>> for Given<'a> {
    fn from(v: &'a Option<wire::Given>) -> Self {
        match v {
            None => Given::Missing,
            Some(wire::Given::Text(s)) => Given::Text(s),
            Some(wire::Given::Integer(n)) => Given::Integer(*n),
            Some(wire::Given::Boolean(b)) => Given::Boolean(*b),
            Some(wire::Given::WrongKind) => Given::WrongKind,
            Some(wire::Given::LoneSurrogate(c)) => Given::LoneSurrogate(*c),
            Some(wire::Given::Bytes(b)) => Given::Bytes(b),
        }
    }
}

impl<'a> Given<'a> {
    /// A typed text that may be absent.
    pub(crate) fn opt(v: &'a Option<String>) -> Self {
        v.as_deref().map_or(Given::Missing, Given::Text)
    }

    /// A typed whole number that may be absent.
    #[inline]
    pub(crate) fn int(v: Option<u32>) -> Self {
        v.map_or(Given::Missing, |n| Given::Integer(n.into()))
    }

    pub(crate) fn is_missing(self) -> bool {
        self == Given::Missing
    }
}

/// As the server reads a scalar: its text, trimmed; `None` when absent or blank (the
/// server's "Empty"). A number reads as its digits, a boolean as `TRUE`/`FALSE`; a value
/// of the wrong kind reads as `wrong_kind` says.
#[inline]
fn scalar<'a>(v: Given<'a>, wrong_kind: Option<&'static str>) -> Option<Cow<'a, str>> {
    let s = match v {
        Given::Missing => return None,
        Given::Text(s) => Cow::Borrowed(s.trim()),
        Given::Integer(n) => Cow::Owned(n.to_string()),
        Given::Boolean(b) => Cow::Borrowed(if b { "TRUE" } else { "FALSE" }),
        Given::WrongKind | Given::Bytes(_) => return wrong_kind.map(Cow::Borrowed),
        // Text that is there, and that no word matches and no number reads: its own
        // refusal comes from `xml_text`, which names the surrogate.
        Given::LoneSurrogate(_) => return Some(Cow::Borrowed("\u{fffd}")),
    };
    (!s.is_empty()).then_some(s)
}

/// A word from a fixed set (a method, a number type): `None` when empty; a value of the
/// wrong kind is a word that matches nothing.
#[inline]
pub(crate) fn word(v: Given<'_>) -> Option<Cow<'_, str>> {
    scalar(v, Some("\u{fffd}"))
}

/// Free text (a name, a link ID, a postcode): `None` when empty, and when a list or a
/// map stood where the text belongs: the server reads such an element as holding no text.
#[inline]
pub(crate) fn free_text(v: Given<'_>) -> Option<Cow<'_, str>> {
    scalar(v, None)
}

/// [`free_text`], owned, for the typed model.
pub(crate) fn owned_text(v: Given<'_>) -> Option<String> {
    free_text(v).map(Cow::into_owned)
}

/// How a field reads as a whole number.
pub(crate) enum Int {
    Empty,
    NotInteger,
    /// Not negative; values past `u64` saturate (they are still integers, just too large).
    Value(u64),
}

pub(crate) fn int(v: Given<'_>) -> Int {
    match v {
        Given::Integer(n) if n >= 0 => Int::Value(n.unsigned_abs()),
        Given::Integer(_)
        | Given::Boolean(_)
        | Given::WrongKind
        | Given::LoneSurrogate(_)
        | Given::Bytes(_) => Int::NotInteger,
        Given::Missing | Given::Text(_) => match scalar(v, None) {
            None => Int::Empty,
            Some(s) if s.bytes().all(|b| b.is_ascii_digit()) => {
                Int::Value(s.parse::<u64>().unwrap_or(u64::MAX))
            }
            Some(_) => Int::NotInteger,
        },
    }
}

/// A code that must fit `u32` (country codes, area codes, IDDs, building numbers,
/// distances): `Err(true)` when empty, `Err(false)` when not such a number.
#[inline]
pub(crate) fn code(v: Given<'_>) -> Result<u32, bool> {
    match int(v) {
        Int::Empty => Err(true),
        Int::Value(n) => u32::try_from(n).map_err(|_| false),
        Int::NotInteger => Err(false),
    }
}

/// `TRUE`/`FALSE` as IOVOX writes booleans (docs/decisions.md 6); absent is false. `Err`
/// when invalid.
#[inline]
pub(crate) fn boolean(v: Given<'_>) -> Result<bool, ()> {
    match v {
        Given::Boolean(b) => Ok(b),
        Given::Integer(_) | Given::WrongKind | Given::LoneSurrogate(_) | Given::Bytes(_) => Err(()),
        Given::Missing | Given::Text(_) => match scalar(v, None).as_deref() {
            None => Ok(false),
            Some("TRUE") => Ok(true),
            Some("FALSE") => Ok(false),
            Some(_) => Err(()),
        },
    }
}

/// A required code (see [`code`]): "<label> x of y Empty", or "<label> x of y <bad>" when
/// it is not such a number, each with its error code.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(crate) fn required_code(
    v: Given<'_>,
    p: Position,
    r: &mut Report,
    field: &'static str,
    label: &str,
    empty: ErrorCode,
    (invalid, bad): (ErrorCode, &str),
) -> Option<u32> {
    code(v)
        .map_err(|is_empty| {
            let (c, what) = if is_empty {
                (empty, "Empty")
            } else {
                (invalid, bad)
            };
            r.push(c, Some(p), Some(field), format!("{label} {p} {what}"));
        })
        .ok()
}

/// A required free text: "<label> x of y Empty".
#[inline]
pub(crate) fn required_text<'a>(
    v: Given<'a>,
    p: Position,
    r: &mut Report,
    field: &'static str,
    label: &str,
    empty: ErrorCode,
) -> Option<Cow<'a, str>> {
    let text = free_text(v);
    if text.is_none() {
        r.push(empty, Some(p), Some(field), format!("{label} {p} Empty"));
    }
    text
}

/// `area_code`, the same rule in purchaseVoxNumbers and attachVoxnumberToLink.
pub(crate) fn rule_area_code(v: Given<'_>, p: Position, r: &mut Report) -> Option<u32> {
    let bad = (ErrorCode::AreaCodeNotInteger, "not an integer");
    required_code(
        v,
        p,
        r,
        "area_code",
        "Area Code",
        ErrorCode::AreaCodeEmpty,
        bad,
    )
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

    /// These errors, then `later`'s.
    pub(crate) fn prepend_to(mut self, later: ValidationErrors) -> ValidationErrors {
        self.0.extend(later.0);
        ValidationErrors(self.0)
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

/// Ours: an error for a value holding a character XML cannot carry, naming the field and
/// the first such character, so nothing malformed is ever sent. `false` when it does.
#[inline]
pub(crate) fn xml_text(r: &mut Report, p: Position, field: &'static str, value: Given<'_>) -> bool {
    let code = match value {
        Given::Text(s) => match first_non_xml(s) {
            Some(c) => c as u32,
            None => return true,
        },
        Given::LoneSurrogate(c) => c.into(),
        _ => return true,
    };
    let m = format!("{field} {p} holds U+{code:04X}, a character XML cannot carry");
    r.push(ErrorCode::NotXmlText, Some(p), Some(field), m);
    false
}

/// [`xml_text`] for several fields, every one checked.
pub(crate) fn xml_texts(r: &mut Report, p: Position, fields: &[(&'static str, Given<'_>)]) -> bool {
    fields.iter().fold(true, |ok, &(field, value)| {
        xml_text(r, p, field, value) & ok
    })
}

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
            // Two suspect bytes in a row, and a legal 0xEF (U+FEFF) after a bad one: the
            // quick scan must not lose what it saw.
            ("\u{1}\u{1}", '\u{1}'),
            ("\u{1}\u{feff}", '\u{1}'),
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

    #[test]
    fn a_lone_surrogate_is_refused_by_its_code_point() {
        let mut r = Report::default();
        assert!(!xml_text(
            &mut r,
            WHOLE_REQUEST,
            "label",
            Given::LoneSurrogate(0xD800)
        ));
        let e = r.finish(Some(())).unwrap_err();
        assert_eq!(
            e.messages(),
            ["label 1 of 1 holds U+D800, a character XML cannot carry"]
        );
    }
}
