//! One error type with kinds, carrying what a caller needs: every message, the HTTP status,
//! how many attempts were made. Never the secure key.

use iovox_core::{DecodeError, ValidationErrors};
use std::fmt;

/// What went wrong, broadly: the kind a caller branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The request breaks a rule the server would refuse it for; nothing was sent.
    Validation,
    /// IOVOX (or something in front of it) answered with an error status.
    Api,
    /// IOVOX refused the credentials (401) or the account's rights (403): an [`Error::Api`]
    /// a caller handles apart (check the username and secure key), as in stripe and openai.
    Authentication,
    /// No answer in time.
    Timeout,
    /// No connection, or the connection broke.
    Connection,
    /// An answer that is not what IOVOX sends.
    Decode,
    /// The client is set up wrong (missing credentials, a bad base URL).
    Config,
    /// The caller cancelled the call (an `AbortSignal`, Ctrl-C, [`crate::Cancel`]).
    Aborted,
}

impl ErrorKind {
    /// Stable lower-case name, used as `code` in Python and Node.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::Api => "api",
            ErrorKind::Authentication => "authentication",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Connection => "connection",
            ErrorKind::Decode => "decode",
            ErrorKind::Config => "config",
            ErrorKind::Aborted => "aborted",
        }
    }

    /// Every kind.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::Validation,
        ErrorKind::Api,
        ErrorKind::Authentication,
        ErrorKind::Timeout,
        ErrorKind::Connection,
        ErrorKind::Decode,
        ErrorKind::Config,
        ErrorKind::Aborted,
    ];
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ErrorKind {
    type Err = String;

    /// The lower-case name, as [`ErrorKind::as_str`] writes it.
    ///
    /// ```
    /// assert_eq!("timeout".parse(), Ok(iovox_http::ErrorKind::Timeout));
    /// ```
    fn from_str(s: &str) -> Result<Self, String> {
        ErrorKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("no error kind {s:?}"))
    }
}

/// The underlying error of a timeout or a broken connection (the HTTP stack's own),
/// kept for [`std::error::Error::source`].
pub type Source = std::sync::Arc<dyn std::error::Error + Send + Sync>;

/// Every way a call can fail. New kinds may be added: match with a `_` arm. Each message
/// says what happened in the SDK's words first, the detail after it; the underlying
/// error, where there is one, is [`std::error::Error::source`].
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Validation failed before anything was sent: every message, in document order.
    #[error("invalid request: {0}")]
    Validation(ValidationErrors),
    /// An error answer: the status and every `<error>` message (or a short excerpt of a
    /// body that was not IOVOX's error XML).
    #[error("{}", api_text(*status, messages, *attempts))]
    Api {
        /// HTTP status.
        status: u16,
        /// Every message of the body, in order.
        messages: Vec<String>,
        /// Attempts made, this one included.
        attempts: u32,
    },
    /// No answer within the timeout.
    #[error("IOVOX did not answer in time{}: {message}; {}", after(*attempts), next_step(*maybe_sent))]
    Timeout {
        /// What timed out.
        message: String,
        /// Attempts made.
        attempts: u32,
        /// Whether the request may have reached the server: false when the connection
        /// itself timed out, true when a later phase did (a purchase may have been made).
        maybe_sent: bool,
        /// The transport's own error, when there is one.
        #[source]
        source: Option<Source>,
    },
    /// The connection could not be made or broke.
    #[error("{}{}: {message}; {}", if *maybe_sent { "the connection to IOVOX broke" } else { "could not reach IOVOX" }, after(*attempts), next_step(*maybe_sent))]
    Connection {
        /// What failed.
        message: String,
        /// Attempts made.
        attempts: u32,
        /// Whether the request may have reached the server (a purchase may have been made).
        maybe_sent: bool,
        /// The transport's own error, when there is one.
        #[source]
        source: Option<Source>,
    },
    /// An answer that is not what IOVOX sends: a 2xx body that does not decode, or a body
    /// of any status over the client's cap.
    #[error("could not decode IOVOX's answer: {0}")]
    Decode(DecodeError),
    /// The client is set up wrong.
    #[error("client configuration: {0}")]
    Config(String),
    /// The caller cancelled the call; no attempt starts after a cancel.
    #[error("the call was cancelled{}", if *maybe_sent { " after its request may have reached IOVOX" } else { " before anything was sent" })]
    Aborted {
        /// Whether an attempt had started: a purchase may then still be made.
        maybe_sent: bool,
        /// Attempts started.
        attempts: u32,
    },
}

/// What an API error's text says: the status once (IOVOX's own messages may begin with
/// it: "HTTP 401: Unauthorized"), every message, and for a refusal of the credentials what
/// to check.
fn api_text(status: u16, messages: &[String], attempts: u32) -> String {
    let said = messages.join("; ");
    let prefix = format!("HTTP {status}");
    let detail = if said.starts_with(&prefix) {
        said
    } else if said.is_empty() {
        prefix
    } else {
        format!("{prefix}: {said}")
    };
    let after = after(attempts);
    match status {
        401 => format!("IOVOX refused the credentials{after} ({detail}): check the username and secure key"),
        403 => format!("IOVOX refused the account's rights{after} ({detail}): check the username and secure key, and that the account may use this method"),
        _ => format!("IOVOX answered {detail}{after}"),
    }
}

/// What to do after a timeout or a broken connection, by whether the request may have
/// reached IOVOX.
fn next_step(maybe_sent: bool) -> &'static str {
    if maybe_sent {
        "the request may have reached IOVOX, which may have acted on it: check before repeating a change (a purchase, an attach)"
    } else {
        "nothing was sent: check the base URL, the network and any proxy, then try again"
    }
}

fn after(attempts: u32) -> String {
    if attempts > 1 {
        format!(" after {attempts} attempts")
    } else {
        String::new()
    }
}

impl Error {
    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(_) => ErrorKind::Validation,
            Error::Api {
                status: 401 | 403, ..
            } => ErrorKind::Authentication,
            Error::Api { .. } => ErrorKind::Api,
            Error::Timeout { .. } => ErrorKind::Timeout,
            Error::Connection { .. } => ErrorKind::Connection,
            Error::Decode(_) => ErrorKind::Decode,
            Error::Config(_) => ErrorKind::Config,
            Error::Aborted { .. } => ErrorKind::Aborted,
        }
    }

    /// The HTTP status, where there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Every message: the server's, the validator's, or the one describing the failure.
    pub fn messages(&self) -> Vec<String> {
        match self {
            Error::Validation(v) => v.messages(),
            Error::Api { messages, .. } => messages.clone(),
            Error::Timeout { message, .. } | Error::Connection { message, .. } => {
                vec![message.clone()]
            }
            Error::Decode(d) => vec![d.message.clone()],
            Error::Config(m) => vec![m.clone()],
            Error::Aborted { .. } => vec![self.to_string()],
        }
    }

    /// Whether the request may have reached IOVOX, so that a purchase may have been made:
    /// true for an API or decode error (the server answered) and for a timeout, connection
    /// error or abort that came after the bytes may have left; false when nothing was sent
    /// (validation, config, a connection or connect timeout that failed first, an abort
    /// before sending). For a callback's decode error the question does not arise.
    ///
    /// ```
    /// let e = iovox_http::Error::Config("x".into());
    /// assert!(!e.maybe_sent());
    /// ```
    pub fn maybe_sent(&self) -> bool {
        match self {
            Error::Api { .. } => true,
            Error::Timeout { maybe_sent, .. }
            | Error::Connection { maybe_sent, .. }
            | Error::Aborted { maybe_sent, .. } => *maybe_sent,
            Error::Decode(_) => true,
            Error::Validation(_) | Error::Config(_) => false,
        }
    }

    /// How many attempts were made: for an API, timeout, connection or aborted error, the
    /// attempts that started; 0 for a validation or config error (nothing was sent) and for
    /// a decode error (whose attempts are not counted). The same number in Python and Node.
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Api { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::Connection { attempts, .. }
            | Error::Aborted { attempts, .. } => *attempts,
            _ => 0,
        }
    }
}

impl Error {
    /// The same error with every text passed through `f` (the client's redactor).
    pub(crate) fn map_text(self, f: impl Fn(String) -> String) -> Error {
        match self {
            Error::Api {
                status,
                messages,
                attempts,
            } => Error::Api {
                status,
                messages: messages.into_iter().map(&f).collect(),
                attempts,
            },
            Error::Timeout {
                message,
                attempts,
                maybe_sent,
                source,
            } => Error::Timeout {
                message: f(message),
                attempts,
                maybe_sent,
                source,
            },
            Error::Connection {
                message,
                attempts,
                maybe_sent,
                source,
            } => Error::Connection {
                message: f(message),
                attempts,
                maybe_sent,
                source,
            },
            Error::Decode(mut d) => {
                d.message = f(d.message);
                Error::Decode(d)
            }
            Error::Config(m) => Error::Config(f(m)),
            other @ (Error::Validation(_) | Error::Aborted { .. }) => other,
        }
    }
}

impl From<ValidationErrors> for Error {
    fn from(e: ValidationErrors) -> Self {
        Error::Validation(e)
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(e)
    }
}

/// A secret whose `Debug` and `Display` print `***`.
#[derive(Clone, PartialEq, Eq)]
pub struct SecureKey(String);

impl SecureKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        SecureKey(key.into())
    }

    /// The key itself, for the one header that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for SecureKey {
    fn from(key: String) -> Self {
        SecureKey(key)
    }
}

impl From<&str> for SecureKey {
    fn from(key: &str) -> Self {
        SecureKey(key.to_string())
    }
}

/// Who calls IOVOX: the username and the secure key, named so they cannot be swapped.
/// `Debug` shows the username only.
///
/// ```
/// let credentials = iovox_http::Credentials::new("me", "my-secure-key");
/// assert_eq!(format!("{credentials:?}"), r#"Credentials { username: "me", secure_key: *** }"#);
/// ```
#[derive(Clone, Debug)]
pub struct Credentials {
    pub(crate) username: String,
    pub(crate) secure_key: SecureKey,
}

impl Credentials {
    /// A username and its secure key (checked, with any surrounding whitespace trimmed,
    /// when the client is built).
    pub fn new(username: impl Into<String>, secure_key: impl Into<SecureKey>) -> Self {
        Credentials {
            username: username.into(),
            secure_key: secure_key.into(),
        }
    }

    /// The username.
    pub fn username(&self) -> &str {
        &self.username
    }
}

impl fmt::Debug for SecureKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for SecureKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, messages: &[&str], attempts: u32) -> String {
        Error::Api {
            status,
            messages: messages.iter().map(|m| m.to_string()).collect(),
            attempts,
        }
        .to_string()
    }

    fn failure(timed_out: bool, maybe_sent: bool, message: &str, attempts: u32) -> String {
        let message = message.to_string();
        if timed_out {
            Error::Timeout {
                message,
                attempts,
                maybe_sent,
                source: None,
            }
            .to_string()
        } else {
            Error::Connection {
                message,
                attempts,
                maybe_sent,
                source: None,
            }
            .to_string()
        }
    }

    /// Each kind's text says what happened (the status once), whether the request may
    /// have been sent, and what to do: pinned word for word.
    #[test]
    fn every_kind_says_what_happened_and_what_to_do() {
        assert_eq!(
            api(400, &["Link ID 1 of 1 does not exist"], 1),
            "IOVOX answered HTTP 400: Link ID 1 of 1 does not exist"
        );
        assert_eq!(
            api(
                400,
                &[
                    "Quantity 1 of 2 not an integer",
                    "Country Code 2 of 2 Empty"
                ],
                1
            ),
            "IOVOX answered HTTP 400: Quantity 1 of 2 not an integer; Country Code 2 of 2 Empty"
        );
        // IOVOX's own text already names the status: said once.
        assert_eq!(
            api(401, &["HTTP 401: Unauthorized"], 1),
            "IOVOX refused the credentials (HTTP 401: Unauthorized): check the username and secure key"
        );
        assert_eq!(
            api(403, &["Forbidden"], 1),
            "IOVOX refused the account's rights (HTTP 403: Forbidden): check the username and secure key, and that the account may use this method"
        );
        assert_eq!(
            api(502, &["HTTP 502: <html>Bad Gateway</html>"], 3),
            "IOVOX answered HTTP 502: <html>Bad Gateway</html> after 3 attempts"
        );
        assert_eq!(api(500, &[], 1), "IOVOX answered HTTP 500");
        assert_eq!(
            failure(true, true, "the attempt's time ran out", 1),
            "IOVOX did not answer in time: the attempt's time ran out; the request may have reached IOVOX, which may have acted on it: check before repeating a change (a purchase, an attach)"
        );
        assert_eq!(
            failure(true, false, "connecting took too long", 3),
            "IOVOX did not answer in time after 3 attempts: connecting took too long; nothing was sent: check the base URL, the network and any proxy, then try again"
        );
        assert_eq!(
            failure(false, true, "the connection broke (io: Connection reset by peer)", 1),
            "the connection to IOVOX broke: the connection broke (io: Connection reset by peer); the request may have reached IOVOX, which may have acted on it: check before repeating a change (a purchase, an attach)"
        );
        assert_eq!(
            failure(false, false, "the connection was refused (io: Connection refused)", 2),
            "could not reach IOVOX after 2 attempts: the connection was refused (io: Connection refused); nothing was sent: check the base URL, the network and any proxy, then try again"
        );
        assert_eq!(
            Error::Aborted {
                maybe_sent: true,
                attempts: 1
            }
            .to_string(),
            "the call was cancelled after its request may have reached IOVOX"
        );
        assert_eq!(
            Error::Aborted {
                maybe_sent: false,
                attempts: 0
            }
            .to_string(),
            "the call was cancelled before anything was sent"
        );
        assert_eq!(
            Error::Config("the base URL is empty".into()).to_string(),
            "client configuration: the base URL is empty"
        );
        assert_eq!(
            Error::Decode(DecodeError::new("no <order> element")).to_string(),
            "could not decode IOVOX's answer: no <order> element"
        );
    }
}
