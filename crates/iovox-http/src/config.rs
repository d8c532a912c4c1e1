//! Every setting's check, written once. The Rust builder, the Python and Node constructors
//! and the command line all pass their values through these functions, so a bad setting is
//! the same `Error::Config` with the same words in every language, at construction.
//!
//! ```
//! use iovox_http::config::{duration, Unit};
//! assert!(duration("timeoutMs", f64::NAN, Unit::Millis).is_err());
//! assert_eq!(duration("timeout", 2.5, Unit::Seconds).unwrap().as_millis(), 2500);
//! ```

use crate::error::Error;
use std::time::Duration;

/// The longest timeout or wait a setting may hold: one day. Longer is a mistake (a number
/// in the wrong unit), and far past it `Instant` arithmetic overflows.
pub const MAX_DURATION: Duration = Duration::from_secs(24 * 60 * 60);
/// The most retries a client may make after the first attempt.
pub const MAX_RETRIES: u32 = 10;

/// The unit a binding's number is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Seconds (Python, the command line).
    Seconds,
    /// Milliseconds (Node).
    Millis,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Seconds => "seconds",
            Unit::Millis => "milliseconds",
        }
    }

    fn per_second(self) -> f64 {
        match self {
            Unit::Seconds => 1.0,
            Unit::Millis => 1000.0,
        }
    }
}

/// A timeout given as a number: finite, above zero and at most [`MAX_DURATION`].
pub fn duration(setting: &str, value: f64, unit: Unit) -> Result<Duration, Error> {
    let max = MAX_DURATION.as_secs_f64() * unit.per_second();
    if value.is_finite() && value > 0.0 && value <= max {
        if let Ok(d) = Duration::try_from_secs_f64(value / unit.per_second()) {
            if !d.is_zero() {
                return Ok(d);
            }
        }
    }
    Err(Error::Config(format!(
        "{setting} must be a number of {} above 0 and at most {max}, not {value}",
        unit.name()
    )))
}

/// A delay or a wait given as a number: finite, zero or more, at most [`MAX_DURATION`]
/// (a sandbox's answer delay, how long to wait for callbacks).
pub fn delay(setting: &str, value: f64, unit: Unit) -> Result<Duration, Error> {
    let max = MAX_DURATION.as_secs_f64() * unit.per_second();
    if value.is_finite() && value >= 0.0 && value <= max {
        if let Ok(d) = Duration::try_from_secs_f64(value / unit.per_second()) {
            return Ok(d);
        }
    }
    Err(Error::Config(format!(
        "{setting} must be a number of {} from 0 to {max}, not {value}",
        unit.name()
    )))
}

/// A timeout given as a `Duration`: above zero and at most [`MAX_DURATION`].
pub(crate) fn check_duration(setting: &str, d: Duration) -> Result<Duration, Error> {
    if d.is_zero() || d > MAX_DURATION {
        return Err(Error::Config(format!(
            "{setting} must be above 0 and at most {} seconds, not {d:?}",
            MAX_DURATION.as_secs()
        )));
    }
    Ok(d)
}

/// Retries after the first attempt: a whole number from 0 to [`MAX_RETRIES`].
pub fn retries(setting: &str, value: i128) -> Result<u32, Error> {
    u32::try_from(value)
        .ok()
        .filter(|n| *n <= MAX_RETRIES)
        .ok_or_else(|| {
            Error::Config(format!(
                "{setting} must be a whole number from 0 to {MAX_RETRIES}, not {value}"
            ))
        })
}

/// The largest answer body a client reads (`max_response_bytes`): a whole number of bytes
/// from 1,024 to 1 GiB.
///
/// ```
/// assert_eq!(iovox_http::config::max_response_bytes("max_response_bytes", 8_388_608).unwrap(), 8_388_608);
/// let e = iovox_http::config::max_response_bytes("maxResponseBytes", 0).unwrap_err();
/// assert_eq!(e.to_string(), "client configuration: maxResponseBytes must be a whole number of bytes from 1024 to 1073741824, not 0");
/// ```
pub fn max_response_bytes(setting: &str, value: i128) -> Result<u64, Error> {
    u64::try_from(value)
        .ok()
        .filter(|n| (1024..=1 << 30).contains(n))
        .ok_or_else(|| {
            Error::Config(format!(
                "{setting} must be a whole number of bytes from 1024 to 1073741824, not {value}"
            ))
        })
}

/// A text setting holding a lone UTF-16 surrogate (Python and JavaScript strings can),
/// which no header or URL can carry: named, with the code unit.
///
/// ```
/// let e = iovox_http::config::lone_surrogate("username", 0xD800);
/// assert_eq!(e.to_string(), "client configuration: username holds U+D800, a lone surrogate that no header or URL can carry");
/// ```
pub fn lone_surrogate(setting: &str, code: u16) -> Error {
    Error::Config(format!(
        "{setting} holds U+{code:04X}, a lone surrogate that no header or URL can carry"
    ))
}

/// A number setting given as something else (a string, a boolean): what to say.
pub fn not_a_number(setting: &str, given: &str) -> Error {
    Error::Config(format!("{setting} must be a number, not {given}"))
}

/// Where a value came from, for messages: given in code, or read from a variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Given,
    Env(&'static str),
}

impl Source {
    pub(crate) fn describe(self, what: &str) -> String {
        match self {
            Source::Given => what.to_string(),
            Source::Env(var) => format!("{what} (from {var})"),
        }
    }
}

/// A username or secure key: surrounding whitespace is trimmed (a key read from a file
/// keeps its newline), and what is left must be visible ASCII, the only bytes an HTTP
/// header carries unchanged. The value itself is never quoted.
pub(crate) fn credential(what: &str, source: Source, value: &str) -> Result<String, Error> {
    let trimmed = value.trim_matches(|c: char| c.is_ascii_whitespace());
    let name = source.describe(what);
    if trimmed.is_empty() {
        return Err(Error::Config(format!("{name} is empty")));
    }
    if let Some((i, c)) = trimmed
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_graphic())
    {
        let kind = if c.is_control() {
            "a control character"
        } else if c.is_whitespace() {
            "a space"
        } else {
            "a character that is not ASCII"
        };
        return Err(Error::Config(format!(
            "{name} holds {kind} at position {}; only visible ASCII can be sent in an HTTP header",
            i + 1
        )));
    }
    Ok(trimmed.to_string())
}

/// The base URL: `http` or `https`, a host, a port in range, no credentials, query or
/// fragment; `http` only for loopback unless allowed. Returned without a trailing slash.
pub(crate) fn base_url(
    source: Source,
    url: &str,
    allow_insecure_http: bool,
) -> Result<String, Error> {
    let name = source.describe("the base URL");
    let trimmed = url.trim();
    if trimmed.is_empty() {
        return Err(Error::Config(format!(
            "{name} is empty; leave it out for production ({}) or give a URL",
            crate::PRODUCTION_URL
        )));
    }
    let shown = shown_url(trimmed);
    let bad = |why: &str| Error::Config(format!("{name} {shown:?} {why}"));
    let parsed = url::Url::parse(trimmed).map_err(|e| bad(&format!("is not a URL: {e}")))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(bad("must not carry credentials"));
    }
    if parsed.query().is_some() {
        return Err(bad("must not have a query string"));
    }
    if parsed.fragment().is_some() {
        return Err(bad("must not have a fragment"));
    }
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(bad(&format!(
            "must use http or https, not {}",
            parsed.scheme()
        )));
    }
    let Some(host) = parsed.host() else {
        return Err(bad("has no host"));
    };
    if parsed.port() == Some(0) {
        return Err(bad(
            "has port 0, where nothing can listen; give a port from 1 to 65535",
        ));
    }
    let loopback = match host {
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    };
    match parsed.scheme() {
        "https" => {}
        "http" if allow_insecure_http || loopback => {}
        "http" => {
            return Err(bad(
                "uses http:// for a host that is not loopback; use https:// or allow insecure http",
            ))
        }
        _ => unreachable!("the scheme was checked above"),
    }
    Ok(parsed.as_str().trim_end_matches('/').to_string())
}

/// The URL as an error may show it: anything before an `@` in the authority is hidden.
fn shown_url(url: &str) -> String {
    let short: String = url.chars().take(120).collect();
    match short.split_once("://") {
        Some((scheme, rest)) => {
            let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            match rest[..end].rfind('@') {
                Some(at) => format!("{scheme}://***@{}", &rest[at + 1..]),
                None => short,
            }
        }
        None => short,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A delay may be 0 and may be a whole day, in either unit; nothing past those bounds,
    /// nothing that is not a number.
    #[test]
    fn delays_are_bounded_as_documented() {
        let ok = |v: f64, u: Unit| delay("wait", v, u).unwrap();
        assert_eq!(ok(0.0, Unit::Seconds), Duration::ZERO);
        assert_eq!(ok(1500.0, Unit::Millis), Duration::from_millis(1500));
        assert_eq!(ok(2.5, Unit::Seconds), Duration::from_millis(2500));
        assert_eq!(ok(86_400.0, Unit::Seconds), MAX_DURATION);
        assert_eq!(ok(86_400_000.0, Unit::Millis), MAX_DURATION);
        for (v, u) in [
            (-0.001, Unit::Seconds),
            (86_400.001, Unit::Seconds),
            (86_400_001.0, Unit::Millis),
            (f64::NAN, Unit::Seconds),
            (f64::INFINITY, Unit::Millis),
        ] {
            assert_eq!(
                delay("wait", v, u).unwrap_err().to_string(),
                format!(
                    "client configuration: wait must be a number of {} from 0 to {}, not {v}",
                    u.name(),
                    86_400.0 * u.per_second()
                )
            );
        }
    }

    /// A timeout of exactly a day is taken; a moment more is not, nor zero.
    #[test]
    fn a_duration_may_be_a_whole_day() {
        assert_eq!(check_duration("t", MAX_DURATION).unwrap(), MAX_DURATION);
        assert!(check_duration("t", MAX_DURATION + Duration::from_nanos(1)).is_err());
        assert!(check_duration("t", Duration::ZERO).is_err());
        assert_eq!(
            duration("t", 86_400.0, Unit::Seconds).unwrap(),
            MAX_DURATION
        );
    }

    fn url(u: &str) -> Result<String, String> {
        base_url(Source::Given, u, false).map_err(|e| e.to_string())
    }

    #[test]
    fn base_urls() {
        assert_eq!(
            url("https://api.iovox.com:444/").unwrap(),
            "https://api.iovox.com:444"
        );
        assert_eq!(
            url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(url(" http://localhost:1/ ").unwrap(), "http://localhost:1");
        assert_eq!(url("http://[::1]:1").unwrap(), "http://[::1]:1");
        assert_eq!(
            url("https://gw.example/iovox/").unwrap(),
            "https://gw.example/iovox"
        );
        assert!(url("http://127.0.0.1:99999")
            .unwrap_err()
            .contains("invalid port number"));
        // Port 0 parses as a URL but no server listens there (docs/decisions.md 11).
        for zero in [
            "http://127.0.0.1:0",
            "https://api.iovox.com:0/",
            "http://[::1]:00",
        ] {
            assert!(
                url(zero).unwrap_err().contains("port 0"),
                "{zero}: {:?}",
                url(zero)
            );
        }
        assert!(url("").unwrap_err().contains("is empty"));
        assert!(url("https://exa mple.com")
            .unwrap_err()
            .contains("is not a URL"));
        assert!(url("https://example.com/?v=3")
            .unwrap_err()
            .contains("query"));
        assert!(url("https://example.com/#x")
            .unwrap_err()
            .contains("fragment"));
        assert!(url("ftp://example.com").unwrap_err().contains("not ftp"));
        assert!(url("http://example.com")
            .unwrap_err()
            .contains("not loopback"));
        assert!(base_url(Source::Given, "http://example.com", true).is_ok());
        assert!(url("example.com").unwrap_err().contains("is not a URL"));
        // Exact: the URL shown with what came before the '@' hidden, and the reason.
        assert_eq!(
            url("https://user:hunter2@example.com/x").unwrap_err(),
            "client configuration: the base URL \"https://***@example.com/x\" must not carry credentials"
        );
        // A user alone, or a password alone, is credentials too.
        for half in ["https://user@example.com", "https://:hunter2@example.com"] {
            assert!(url(half).unwrap_err().contains("credentials"), "{half}");
        }
        assert_eq!(
            url("ftp://example.com").unwrap_err(),
            "client configuration: the base URL \"ftp://example.com\" must use http or https, not ftp"
        );
        let e = base_url(Source::Env("IOVOX_BASE_URL"), "", false).unwrap_err();
        assert!(
            e.to_string().contains("(from IOVOX_BASE_URL) is empty"),
            "{e}"
        );
    }

    #[test]
    fn credentials() {
        assert_eq!(
            credential("the key", Source::Given, "abc\n").unwrap(),
            "abc"
        );
        assert_eq!(
            credential("the key", Source::Given, "  abc\r\n").unwrap(),
            "abc"
        );
        let e = credential("the key", Source::Given, "a\nb")
            .unwrap_err()
            .to_string();
        assert!(e.contains("control character at position 2"), "{e}");
        let e = credential("the key", Source::Given, "a\0b")
            .unwrap_err()
            .to_string();
        assert!(e.contains("control character"), "{e}");
        let e = credential("the key", Source::Given, "clé")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("not ASCII at position 3") && !e.contains("clé"),
            "{e}"
        );
        let e = credential("the key", Source::Given, "a b")
            .unwrap_err()
            .to_string();
        assert!(e.contains("a space"), "{e}");
        assert!(credential("the key", Source::Given, " \n").is_err());
    }

    #[test]
    fn durations_and_retries() {
        assert!(duration("t", 0.0, Unit::Seconds).is_err());
        assert!(duration("t", -1.0, Unit::Seconds).is_err());
        assert!(duration("t", f64::NAN, Unit::Seconds).is_err());
        assert!(duration("t", f64::INFINITY, Unit::Millis).is_err());
        assert!(duration("t", 1e19, Unit::Seconds).is_err());
        assert!(duration("t", 1e22, Unit::Millis).is_err());
        assert!(
            duration("t", 1e-12, Unit::Seconds).is_err(),
            "rounds to zero"
        );
        assert_eq!(
            duration("t", 86_400_000.0, Unit::Millis).unwrap(),
            MAX_DURATION
        );
        let e = duration("timeoutMs", f64::NAN, Unit::Millis)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("timeoutMs must be a number of milliseconds"),
            "{e}"
        );
        assert_eq!(retries("retries", 0).unwrap(), 0);
        assert!(retries("retries", -1)
            .unwrap_err()
            .to_string()
            .contains("retries must be"));
        assert!(retries("retries", 11).is_err());
        assert!(retries("retries", i128::MAX).is_err());
    }

    /// The answer ceiling: a whole number of bytes from 1 KiB to 1 GiB, both taken.
    #[test]
    fn the_answer_ceiling_is_bounded_as_documented() {
        for ok in [1024, 8_388_608, 1 << 30] {
            assert_eq!(max_response_bytes("m", ok).unwrap(), ok as u64);
        }
        for bad in [-1, 0, 1023, (1 << 30) + 1, i128::MAX] {
            assert_eq!(
                max_response_bytes("m", bad).unwrap_err().to_string(),
                format!("client configuration: m must be a whole number of bytes from 1024 to 1073741824, not {bad}")
            );
        }
    }
}
