//! The one redactor every error text passes: the secure key, and the `user:pass` of a
//! callback URL the request carried, are replaced by `***` wherever a server (or a proxy in
//! front of it) echoed them. Bodies are redacted before a word of them is quoted, so a
//! quote cut short can never hold the start of a secret either.

use crate::error::Error;

/// Secrets are at least this long to be searched alone; a shorter callback password is
/// still redacted as part of its `user:pass`.
const MIN_ALONE: usize = 6;

/// What one call must never repeat. The list is worked out only when an error or an error
/// body needs it: a call that succeeds never parses its callback URL a second time.
pub(crate) struct Secrets<'a> {
    key: &'a str,
    callback_url: Option<&'a str>,
    list: std::cell::OnceCell<Vec<String>>,
}

impl<'a> Secrets<'a> {
    pub(crate) fn new(key: &'a str, callback_url: Option<&'a str>) -> Self {
        Secrets {
            key,
            callback_url,
            list: std::cell::OnceCell::new(),
        }
    }

    fn list(&self) -> &[String] {
        self.list.get_or_init(|| {
            let mut secrets = vec![self.key.to_string()];
            if let Some(url) = self.callback_url.and_then(|u| url::Url::parse(u).ok()) {
                let (user, pass) = (url.username(), url.password().unwrap_or(""));
                if !pass.is_empty() {
                    secrets.push(format!("{user}:{pass}"));
                    if pass.len() >= MIN_ALONE {
                        secrets.push(pass.to_string());
                    }
                    // The password as written in the URL and as a server may have decoded it.
                    if let Ok(decoded) = urlencoding_decode(pass) {
                        if decoded.len() >= MIN_ALONE && decoded != pass {
                            secrets.push(decoded);
                        }
                    }
                }
            }
            secrets.retain(|s| !s.is_empty());
            // Longest first, so a secret holding another is replaced whole.
            secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
            secrets
        })
    }

    pub(crate) fn redact(&self, text: String) -> String {
        let mut text = text;
        for s in self.list() {
            if text.contains(s.as_str()) {
                text = text.replace(s.as_str(), "***");
            }
        }
        text
    }

    /// A body with every secret replaced (a copy only when there is one).
    pub(crate) fn redact_bytes<'b>(&self, body: &'b [u8]) -> std::borrow::Cow<'b, [u8]> {
        let mut out = std::borrow::Cow::Borrowed(body);
        for s in self.list() {
            let needle = s.as_bytes();
            if find(&out, needle).is_some() {
                let mut replaced = Vec::with_capacity(out.len());
                let mut rest: &[u8] = &out;
                while let Some(at) = find(rest, needle) {
                    replaced.extend_from_slice(&rest[..at]);
                    replaced.extend_from_slice(b"***");
                    rest = &rest[at + needle.len()..];
                }
                replaced.extend_from_slice(rest);
                out = std::borrow::Cow::Owned(replaced);
            }
        }
        out
    }

    pub(crate) fn redact_error(&self, e: Error) -> Error {
        e.map_text(|t| self.redact(t))
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    // `windows` gives nothing for a needle longer than the hay, and cannot take an empty
    // one (no secret is empty: `list` drops them).
    if needle.is_empty() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `%41` → `A`; not UTF-8 or malformed → `Err`.
fn urlencoding_decode(s: &str) -> Result<String, ()> {
    let decoded: Vec<u8> = url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned().into_bytes())
        .ok_or(())?;
    String::from_utf8(decoded).map_err(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_and_callback_credentials_are_replaced() {
        let s = Secrets::new("SECRET-KEY", Some("https://hook:p%40ssword1@me.example/cb"));
        assert_eq!(s.redact("a SECRET-KEY b".into()), "a *** b");
        assert_eq!(s.redact("u=hook:p%40ssword1".into()), "u=***");
        assert_eq!(s.redact("p@ssword1 echoed".into()), "*** echoed");
        assert_eq!(&*s.redact_bytes(b"<x>SECRET-KEY</x>"), b"<x>***</x>");
        assert!(matches!(
            s.redact_bytes(b"clean"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_body_that_is_only_a_secret_is_replaced_whole() {
        let s = Secrets::new("SECRET-KEY", None);
        assert_eq!(&*s.redact_bytes(b"SECRET-KEY"), b"***");
        assert_eq!(&*s.redact_bytes(b"SECRET-KE"), b"SECRET-KE");
        assert_eq!(&*s.redact_bytes(b""), b"");
    }

    #[test]
    fn a_short_decoded_password_is_not_redacted_alone() {
        // "ab%43" decodes to "abC": too short to replace wherever it appears.
        let s = Secrets::new("KEY-123456", Some("https://u:ab%43@me.example/"));
        assert_eq!(s.redact("abC and u:ab%43".into()), "abC and ***");
        // A long one is, in both spellings.
        let s = Secrets::new("KEY-123456", Some("https://u:abcdef%43@me.example/"));
        assert_eq!(s.redact("abcdefC abcdef%43".into()), "*** ***");
    }

    #[test]
    fn a_short_callback_password_is_only_redacted_with_its_user() {
        let s = Secrets::new("KEY-123456", Some("https://u:p@me.example/"));
        assert_eq!(
            s.redact("u:p and p and KEY-123456".into()),
            "*** and p and ***"
        );
    }
}
