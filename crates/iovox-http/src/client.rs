//! The client: one ureq agent (keep-alive, TLS), validation before sending, auth headers,
//! timeouts, a body cap, retries where a repeat cannot do harm, and error mapping.

use crate::error::{Error, SecureKey};
use crate::retry::{Attempt, RetryPolicy};
use iovox_core::{wire, AttachRequest, Order, PurchaseRequest};
use std::fmt;
use std::time::{Duration, Instant};

/// IOVOX production.
pub const PRODUCTION_URL: &str = "https://api.iovox.com:444";
/// IOVOX's own sandbox (fake numbers, its own database and key).
pub const SANDBOX_URL: &str = "https://sandboxapi.iovox.com:444";
/// `User-Agent` sent by default.
pub const USER_AGENT: &str = concat!("iovox-rust/", env!("CARGO_PKG_VERSION"));
/// Default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default timeout for a whole request (connect, send, answer).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default cap on an answer's body: room for about 60,000 numbers in one order.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 8 * 1024 * 1024;
/// How much of a non-IOVOX body an error quotes.
const EXCERPT_CHARS: usize = 200;

/// Builds a [`Client`].
///
/// ```
/// use std::time::Duration;
/// let client = iovox_http::Client::builder("me", "key", iovox_http::SANDBOX_URL)
///     .timeout(Duration::from_secs(5))
///     .build()
///     .unwrap();
/// assert!(!format!("{client:?}").contains("key\""));
/// ```
#[derive(Clone)]
pub struct ClientBuilder {
    username: String,
    secure_key: SecureKey,
    base_url: String,
    connect_timeout: Duration,
    timeout: Duration,
    max_response_bytes: u64,
    retry: RetryPolicy,
    allow_insecure_http: bool,
    user_agent: String,
}

impl ClientBuilder {
    /// Connect timeout (default 10 s).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = d;
        self
    }

    /// Timeout of one whole attempt (default 30 s).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }

    /// Largest answer body read (default 8 MiB); a larger one is a decode error.
    pub fn max_response_bytes(mut self, n: u64) -> Self {
        self.max_response_bytes = n;
        self
    }

    /// Retry policy (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Accept `http://` for hosts other than loopback (the key then travels in clear text).
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Replaces the `User-Agent` (the bindings name themselves).
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = ua.into();
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        if self.username.trim().is_empty() {
            return Err(Error::Config("the username is empty".into()));
        }
        if self.secure_key.expose().trim().is_empty() {
            return Err(Error::Config("the secure key is empty".into()));
        }
        let base_url = check_base_url(&self.base_url, self.allow_insecure_http)?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(self.connect_timeout))
            .timeout_global(Some(self.timeout))
            .max_redirects(0)
            .user_agent(&self.user_agent)
            .build()
            .into();
        Ok(Client {
            agent,
            purchase_url: format!("{base_url}/Purchase?v=3&method=purchaseVoxNumbers"),
            attach_url: format!("{base_url}/Links?v=3&method=attachVoxnumberToLink"),
            base_url,
            username: self.username,
            secure_key: self.secure_key,
            max_response_bytes: self.max_response_bytes,
            retry: self.retry,
        })
    }
}

/// `https://host[:port]` (or `http://` for loopback), without a trailing slash.
fn check_base_url(url: &str, allow_insecure_http: bool) -> Result<String, Error> {
    let url = url.trim().trim_end_matches('/');
    let bad = |why: &str| Error::Config(format!("base URL {url:?} {why}"));
    let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("has no scheme"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() {
        return Err(bad("has no host"));
    }
    if authority.contains('@') {
        return Err(bad("must not carry credentials"));
    }
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.split(':').next().unwrap_or("")
    };
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Ok(url.to_string()),
        "http" if allow_insecure_http || is_loopback(host) => Ok(url.to_string()),
        "http" => Err(bad(
            "uses http:// for a host that is not loopback; use https:// or allow insecure http",
        )),
        _ => Err(bad("must start with https://")),
    }
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A client of the IOVOX REST API v3. Cheap to share across threads (`&Client` is enough);
/// its connections are kept alive and reused.
///
/// ```no_run
/// use iovox_core::{Link, AttachRequest, NumberType, PurchaseItem, PurchaseRequest};
/// let client = iovox_http::Client::from_env()?;
/// let mut item = PurchaseItem::new(44, NumberType::Geographic, 2);
/// item.area_code = Some(151);
/// let order = client.purchase_vox_numbers(&PurchaseRequest::new(vec![item]))?;
/// let links = AttachRequest::new(vec![Link::by_voxnumber("333", &order.voxnumbers[0].full_voxnumber)]);
/// client.attach_voxnumber_to_link(&links)?;
/// # Ok::<(), iovox_http::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    base_url: String,
    purchase_url: String,
    attach_url: String,
    username: String,
    secure_key: SecureKey,
    max_response_bytes: u64,
    retry: RetryPolicy,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("username", &self.username)
            .field("secure_key", &self.secure_key)
            .finish_non_exhaustive()
    }
}

/// Which call: decides the verb, the URL and what may be retried.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Call {
    Purchase,
    Attach,
}

impl Call {
    #[cfg(feature = "tracing")]
    fn name(self) -> &'static str {
        match self {
            Call::Purchase => "purchaseVoxNumbers",
            Call::Attach => "attachVoxnumberToLink",
        }
    }
}

impl Client {
    /// A builder with the defaults: 10 s connect, 30 s per attempt, 8 MiB cap, retries per
    /// [`RetryPolicy::default`].
    pub fn builder(
        username: impl Into<String>,
        secure_key: impl Into<String>,
        base_url: impl Into<String>,
    ) -> ClientBuilder {
        ClientBuilder {
            username: username.into(),
            secure_key: SecureKey::new(secure_key),
            base_url: base_url.into(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            retry: RetryPolicy::default(),
            allow_insecure_http: false,
            user_agent: USER_AGENT.into(),
        }
    }

    /// A client with default settings.
    pub fn new(
        username: impl Into<String>,
        secure_key: impl Into<String>,
        base_url: impl Into<String>,
    ) -> Result<Client, Error> {
        Self::builder(username, secure_key, base_url).build()
    }

    /// A builder from `IOVOX_USERNAME`, `IOVOX_SECURE_KEY` and `IOVOX_BASE_URL` (default
    /// production); the error names every variable that is missing.
    pub fn builder_from_env() -> Result<ClientBuilder, Error> {
        Self::builder_or_env(None, None, None)
    }

    /// A builder from the values given, each one missing (or blank) taken from its
    /// environment variable as in [`Client::builder_from_env`]. This is how the Python and
    /// Node packages' `Client()` find their credentials.
    pub fn builder_or_env(
        username: Option<String>,
        secure_key: Option<String>,
        base_url: Option<String>,
    ) -> Result<ClientBuilder, Error> {
        let given = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let user = given(username).or_else(|| var("IOVOX_USERNAME"));
        let key = given(secure_key).or_else(|| var("IOVOX_SECURE_KEY"));
        match (user, key) {
            (Some(u), Some(k)) => {
                let base = given(base_url)
                    .or_else(|| var("IOVOX_BASE_URL"))
                    .unwrap_or_else(|| PRODUCTION_URL.into());
                Ok(Self::builder(u, k, base))
            }
            (None, None) => Err(Error::Config(
                "no username or secure key given, and IOVOX_USERNAME and IOVOX_SECURE_KEY are not set"
                    .into(),
            )),
            (None, _) => Err(Error::Config(
                "no username given, and IOVOX_USERNAME is not set".into(),
            )),
            (_, None) => Err(Error::Config(
                "no secure key given, and IOVOX_SECURE_KEY is not set".into(),
            )),
        }
    }

    /// A client from the environment (see [`Client::builder_from_env`]).
    pub fn from_env() -> Result<Client, Error> {
        Self::builder_from_env()?.build()
    }

    /// The base URL calls go to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The username sent.
    pub fn username(&self) -> &str {
        &self.username
    }

    /// Buys VoxNumbers. Validates first: a request with a fault the core can see is never
    /// sent. Not retried once its bytes may have reached IOVOX unless the policy says so.
    pub fn purchase_vox_numbers(&self, request: &PurchaseRequest) -> Result<Order, Error> {
        if !request.plainly_valid() {
            // The validator decides, with the server's messages (and trims what it keeps).
            return self.purchase_vox_numbers_wire(&request.to_wire());
        }
        let body = self.send(Call::Purchase, request.to_xml())?;
        Ok(Order::from_response_xml(&body)?)
    }

    /// [`Client::purchase_vox_numbers`] for a request in wire form (untyped callers).
    pub fn purchase_vox_numbers_wire(
        &self,
        request: &wire::PurchaseRequest,
    ) -> Result<Order, Error> {
        let accepted = request.validate()?;
        let body = self.send(Call::Purchase, accepted.to_xml())?;
        Ok(Order::from_response_xml(&body)?)
    }

    /// Attaches VoxNumbers to links (all of them or none). Validates first.
    pub fn attach_voxnumber_to_link(&self, request: &AttachRequest) -> Result<(), Error> {
        self.attach_voxnumber_to_link_wire(&request.to_wire())
    }

    /// [`Client::attach_voxnumber_to_link`] for a request in wire form.
    pub fn attach_voxnumber_to_link_wire(
        &self,
        request: &wire::AttachRequest,
    ) -> Result<(), Error> {
        let accepted = request.validate()?;
        self.send(Call::Attach, accepted.to_xml()).map(drop)
    }

    fn send(&self, call: Call, body: String) -> Result<Vec<u8>, Error> {
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let started = Instant::now();
            let outcome = self.send_once(call, body.as_bytes(), attempt);
            let decision = self.retry.decide(call == Call::Purchase, &outcome, attempt);
            trace(call, &outcome, attempt, started.elapsed());
            match decision {
                Some(wait) => std::thread::sleep(wait),
                None => return outcome.into_result(),
            }
        }
    }

    fn send_once(&self, call: Call, body: &[u8], attempts: u32) -> Attempt {
        let request = match call {
            Call::Purchase => self.agent.post(&self.purchase_url),
            Call::Attach => self.agent.put(&self.attach_url),
        };
        let result = request
            .header("username", &self.username)
            .header("secureKey", self.secure_key.expose())
            .header("Content-Type", "application/xml")
            .send(body);
        let mut response = match result {
            Ok(r) => r,
            Err(e) => return self.transport_error(e, attempts),
        };
        let status = response.status().as_u16();
        let read = response
            .body_mut()
            .with_config()
            .limit(self.max_response_bytes)
            .read_to_vec();
        let bytes = match read {
            Ok(b) => b,
            Err(ureq::Error::BodyExceedsLimit(limit)) => {
                return Attempt::Failed(
                    Error::Decode(iovox_core::DecodeError {
                        message: format!("the answer's body is over the {limit}-byte cap"),
                        line: None,
                        column: None,
                    }),
                    // The server answered: the request was made, so this is not repeatable.
                    true,
                );
            }
            Err(e) => return self.transport_error(e, attempts),
        };
        if (200..300).contains(&status) {
            return Attempt::Success(bytes);
        }
        let messages = match iovox_core::decode_error_body(status, &bytes) {
            Some(body) if !body.messages.is_empty() => body.messages,
            _ => vec![excerpt(status, &bytes)],
        };
        let messages = messages.into_iter().map(|m| self.redact(m)).collect();
        Attempt::Status(Error::Api {
            status,
            messages,
            attempts,
        })
    }

    /// Maps a transport failure; `false` in the attempt means nothing reached the server.
    fn transport_error(&self, e: ureq::Error, attempts: u32) -> Attempt {
        use ureq::Timeout as T;
        let message = self.redact(e.to_string());
        match e {
            ureq::Error::Timeout(T::Resolve | T::Connect) => {
                Attempt::Failed(Error::Timeout { message, attempts }, false)
            }
            ureq::Error::Timeout(_) => Attempt::Failed(Error::Timeout { message, attempts }, true),
            ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => Attempt::Failed(
                Error::Connection {
                    message,
                    attempts,
                    maybe_sent: false,
                },
                false,
            ),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                Attempt::Failed(
                    Error::Connection {
                        message,
                        attempts,
                        maybe_sent: false,
                    },
                    false,
                )
            }
            _ => Attempt::Failed(
                Error::Connection {
                    message,
                    attempts,
                    maybe_sent: true,
                },
                true,
            ),
        }
    }

    /// A server (or a proxy) can echo anything back; the key is never repeated.
    fn redact(&self, message: String) -> String {
        let key = self.secure_key.expose();
        if !key.is_empty() && message.contains(key) {
            message.replace(key, "***")
        } else {
            message
        }
    }
}

/// "HTTP 502: <html>…" — the status and the start of a body that is not IOVOX's XML.
fn excerpt(status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return format!("HTTP {status} with an empty body");
    }
    let mut short: String = text.chars().take(EXCERPT_CHARS).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    format!("HTTP {status}: {short}")
}

#[cfg(feature = "tracing")]
fn trace(call: Call, outcome: &Attempt, attempt: u32, elapsed: Duration) {
    // Bodies hold personal data (names, addresses): never logged.
    let status = match outcome {
        Attempt::Success(_) => "ok".to_string(),
        Attempt::Status(e) | Attempt::Failed(e, _) => e
            .status()
            .map_or_else(|| e.kind().as_str().to_string(), |s| s.to_string()),
    };
    tracing::debug!(
        method = call.name(),
        status = %status,
        attempt,
        duration_ms = elapsed.as_millis() as u64,
        "iovox request"
    );
}

#[cfg(not(feature = "tracing"))]
fn trace(_: Call, _: &Attempt, _: u32, _: Duration) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_rules() {
        assert!(check_base_url("https://api.iovox.com:444/", false).is_ok());
        assert!(check_base_url("http://127.0.0.1:8080", false).is_ok());
        assert!(check_base_url("http://localhost:1", false).is_ok());
        assert!(check_base_url("http://[::1]:1", false).is_ok());
        assert!(check_base_url("http://example.com", false).is_err());
        assert!(check_base_url("http://example.com", true).is_ok());
        assert!(check_base_url("ftp://example.com", true).is_err());
        assert!(check_base_url("https://u:p@example.com", false).is_err());
        assert!(check_base_url("example.com", false).is_err());
    }

    #[test]
    fn excerpt_is_short_and_names_the_status() {
        let body = format!("<html>{}</html>", "x".repeat(1000));
        let e = excerpt(502, body.as_bytes());
        assert!(
            e.starts_with("HTTP 502: <html>xxx") && e.chars().count() < 220,
            "{e}"
        );
        assert_eq!(excerpt(502, b""), "HTTP 502 with an empty body");
    }
}
