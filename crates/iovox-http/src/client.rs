//! The client: one ureq agent (keep-alive, TLS), validation before sending, auth headers,
//! timeouts, a body cap, retries where a repeat cannot do harm, and error mapping.

use crate::call::CallOptions;
use crate::config::{self, Source};
use crate::error::{Error, SecureKey};
use crate::redact::Secrets;
use crate::retry::{Attempt, Class, RetryPolicy};
use crate::tls;
use crate::Credentials;
use iovox_core::method::{Method, Prepared, Retry, Verb};
use iovox_core::{ErrorCode, ValidationError, ValidationErrors};
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use ureq::tls::{RootCerts, TlsConfig};

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
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 64 * 1024 * 1024;
/// How much of a non-IOVOX body an error quotes.
const EXCERPT_CHARS: usize = 200;

/// Largest request body sent by default: 16 MiB, what the sandbox accepts, room for about
/// 12 MiB of sound files (their audio goes as base64); a larger body is refused before
/// sending.
pub const DEFAULT_MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;

/// Builds a [`Client`]. Every setting is checked in [`ClientBuilder::build`], so a bad
/// setting is a [`Error::Config`] at construction, never at the first call.
///
/// ```
/// use iovox_http::{Client, Credentials, SANDBOX_URL};
/// use std::time::Duration;
/// let client = Client::builder(Credentials::new("me", "my-secure-key"))
///     .base_url(SANDBOX_URL)
///     .timeout(Duration::from_secs(5))
///     .build()
///     .unwrap();
/// assert!(!format!("{client:?}").contains("my-secure-key"));
/// ```
#[derive(Clone)]
pub struct ClientBuilder {
    username: (Source, String),
    secure_key: (Source, SecureKey),
    base_url: Option<(Source, String)>,
    connect_timeout: Duration,
    timeout: Duration,
    max_response_bytes: u64,
    max_request_bytes: usize,
    retry: RetryPolicy,
    allow_insecure_http: bool,
    user_agent: String,
    ca_file: Option<PathBuf>,
    on_attempt: Option<AttemptHook>,
}

/// What one attempt of a call did, as a log line gives it: the method, the outcome (`ok`,
/// an HTTP status, or the error's kind), which attempt, how long it took, and whether the
/// request may have reached IOVOX. Never a secret, a body or personal data.
///
/// ```
/// let a = iovox_http::AttemptLog {
///     method: "getVoxnumbers".into(), outcome: "503".into(), attempt: 2,
///     duration: std::time::Duration::from_millis(41), maybe_sent: true,
/// };
/// assert_eq!(a.to_string(), "iovox request method=getVoxnumbers outcome=503 attempt=2 duration_ms=41 maybe_sent=true");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptLog {
    /// IOVOX's name of the method (`purchaseVoxNumbers`), or the raw call's.
    pub method: String,
    /// `ok`, the HTTP status of an error answer (`503`), or the failure's kind (`timeout`,
    /// `connection`).
    pub outcome: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// How long the attempt took.
    pub duration: Duration,
    /// Whether the request may have reached IOVOX.
    pub maybe_sent: bool,
}

impl fmt::Display for AttemptLog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "iovox request method={} outcome={} attempt={} duration_ms={} maybe_sent={}",
            self.method,
            self.outcome,
            self.attempt,
            self.duration.as_millis(),
            self.maybe_sent
        )
    }
}

/// Called after every attempt of every call ([`ClientBuilder::on_attempt`]), on the thread
/// that made it.
pub type AttemptHook = Arc<dyn Fn(&AttemptLog) + Send + Sync>;

impl ClientBuilder {
    /// Called after every attempt of every call, with what it did ([`AttemptLog`]): how the
    /// Python and Node packages log. In Rust, the `tracing` feature gives the same.
    pub fn on_attempt(mut self, hook: AttemptHook) -> Self {
        self.on_attempt = Some(hook);
        self
    }

    /// Where calls go (default: [`PRODUCTION_URL`]): [`SANDBOX_URL`] for IOVOX's hosted
    /// sandbox, or a local [`iovox_sandbox`](https://docs.rs/iovox-sandbox)'s URL.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some((Source::Given, url.into()));
        self
    }

    /// Connect timeout (default 10 s; above 0, at most a day).
    pub fn connect_timeout(mut self, d: Duration) -> Self {
        self.connect_timeout = d;
        self
    }

    /// Timeout of one whole attempt (default 30 s; above 0, at most a day).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }

    /// Largest answer body read (default 64 MiB: a full 20,000-call getCallData page is
    /// about 14 MB); a larger one is a decode error.
    pub fn max_response_bytes(mut self, n: u64) -> Self {
        self.max_response_bytes = n;
        self
    }

    /// Largest request body sent (default 16 MiB); a larger one is a validation error and
    /// nothing is sent.
    pub fn max_request_bytes(mut self, n: usize) -> Self {
        self.max_request_bytes = n;
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

    /// A PEM file of extra certificate authorities to trust beside the platform's store
    /// (a company's TLS-inspecting proxy). Read and checked by [`ClientBuilder::build`].
    pub fn ca_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.ca_file = Some(path.into());
        self
    }

    /// Checks every setting and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let username = config::credential("the username", self.username.0, &self.username.1)?;
        let key = config::credential(
            "the secure key",
            self.secure_key.0,
            self.secure_key.1.expose(),
        )?;
        let base_url = match &self.base_url {
            Some((source, url)) => config::base_url(*source, url, self.allow_insecure_http)?,
            None => PRODUCTION_URL.to_string(),
        };
        config::check_duration("the timeout", self.timeout)?;
        config::check_duration("the connect timeout", self.connect_timeout)?;
        if !(1..=config::MAX_RETRIES + 1).contains(&self.retry.max_attempts) {
            return Err(Error::Config(format!(
                "max_attempts must be from 1 to {}, not {}",
                config::MAX_RETRIES + 1,
                self.retry.max_attempts
            )));
        }
        config::check_duration("the initial backoff", self.retry.initial_backoff)?;
        config::check_duration("the longest backoff", self.retry.max_backoff)?;
        let roots = match &self.ca_file {
            Some(path) => tls::roots_with(path)?,
            None => RootCerts::PlatformVerifier,
        };
        let agent_config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(self.connect_timeout))
            .timeout_global(Some(self.timeout))
            .max_redirects(0)
            .user_agent(&self.user_agent)
            .tls_config(TlsConfig::builder().root_certs(roots).build())
            .build();
        Ok(Client {
            transport: Arc::new(Transport::new(agent_config)),
            base_url,
            username,
            secure_key: SecureKey::new(key),
            max_response_bytes: self.max_response_bytes,
            max_request_bytes: self.max_request_bytes,
            retry: self.retry,
            on_attempt: self.on_attempt,
        })
    }
}

/// The connection pool, owned by one process. A client built before `fork()` and used in
/// the child would share kept-alive sockets with its parent, and the two would read each
/// other's answers; so a call in another process than the pool's starts a pool of its own.
/// The parent's pool is left untouched in the child (dropping it could shut sockets the
/// parent still uses).
struct Transport {
    config: ureq::config::Config,
    pool: Mutex<(u32, ureq::Agent)>,
}

impl Transport {
    fn new(config: ureq::config::Config) -> Self {
        let agent = ureq::Agent::new_with_config(config.clone());
        Transport {
            config,
            pool: Mutex::new((std::process::id(), agent)),
        }
    }

    fn agent(&self) -> ureq::Agent {
        let pid = std::process::id();
        let mut pool = self.pool.lock().unwrap_or_else(|e| e.into_inner());
        if pool.0 != pid {
            let fresh = ureq::Agent::new_with_config(self.config.clone());
            std::mem::forget(std::mem::replace(&mut pool.1, fresh));
            pool.0 = pid;
        }
        pool.1.clone()
    }
}

/// A client of the IOVOX REST API v3. Cheap to share across threads (`&Client` is enough)
/// and to clone (clones share one connection pool); its connections are kept alive and
/// reused, and never shared with a forked child.
///
/// ```no_run
/// use iovox_http::{Link, AttachRequest, NumberType, PurchaseItem, PurchaseRequest};
/// let client = iovox_http::Client::from_env()?;
/// let item = PurchaseItem::new(44, NumberType::Geographic, 2).area_code(151);
/// let order = client.purchase_vox_numbers(&PurchaseRequest::new(vec![item]))?;
/// let links = AttachRequest::new(vec![Link::by_voxnumber("333", &order.voxnumbers[0].full_voxnumber)]);
/// client.attach_voxnumber_to_link(&links)?;
/// # Ok::<(), iovox_http::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    transport: Arc<Transport>,
    base_url: String,
    username: String,
    secure_key: SecureKey,
    max_response_bytes: u64,
    max_request_bytes: usize,
    retry: RetryPolicy,
    on_attempt: Option<AttemptHook>,
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

/// What the one send path needs to make a call: its name (for logs), its verb, the whole
/// URL (query included) and whether a repeat can do harm. Made from a method's definition
/// (`iovox_core::method`), or from a [`RawRequest`].
#[derive(Clone)]
pub(crate) struct Call {
    name: String,
    verb: Verb,
    url: String,
    class: Class,
    /// Sent as [`CALL_HEADER`] on every attempt of this call, and only of this call.
    id: String,
}

/// A header every request carries: an id that is the same on every attempt of one call and
/// differs between calls, so a server (the sandbox, a proxy's log) can tell a retry from a
/// new call (docs/decisions.md 34). It carries nothing else.
pub const CALL_HEADER: &str = "x-iovox-call";

/// A call between its attempts: what was prepared, and how far it got. No `Debug`: the
/// body may hold the callback URL's `user:pass`.
pub(crate) struct Pending {
    call: Call,
    body: String,
    callback_url: Option<String>,
    timeout: Option<Duration>,
    attempt: u32,
    maybe_sent: bool,
    /// The call's one span ("iovox call", with the method): every attempt's event is
    /// inside it, and it closes when the call ends.
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

impl Pending {
    /// The error of a call cancelled now.
    pub(crate) fn aborted(&self) -> Error {
        Error::Aborted {
            maybe_sent: self.maybe_sent,
            attempts: self.attempt,
        }
    }
}

/// What follows an attempt.
pub(crate) enum Step<T> {
    /// Try again after this long.
    Wait(Duration),
    /// The call's outcome.
    Done(Result<T, Error>),
}

impl Client {
    /// A builder with the defaults: production ([`ClientBuilder::base_url`] to change it),
    /// 10 s connect, 30 s per attempt, 64 MiB answers, 16 MiB requests, retries per
    /// [`RetryPolicy::default`], the platform's certificate store.
    pub fn builder(credentials: Credentials) -> ClientBuilder {
        Self::builder_from(
            (Source::Given, credentials.username),
            (Source::Given, credentials.secure_key.expose().to_string()),
            None,
        )
    }

    fn builder_from(
        username: (Source, String),
        secure_key: (Source, String),
        base_url: Option<(Source, String)>,
    ) -> ClientBuilder {
        ClientBuilder {
            username,
            secure_key: (secure_key.0, SecureKey::new(secure_key.1)),
            base_url,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            max_request_bytes: DEFAULT_MAX_REQUEST_BYTES,
            retry: RetryPolicy::default(),
            allow_insecure_http: false,
            user_agent: USER_AGENT.into(),
            ca_file: None,
            on_attempt: None,
        }
    }

    /// A client with default settings for this base URL.
    ///
    /// ```
    /// use iovox_http::{Client, Credentials, SANDBOX_URL};
    /// let client = Client::new(Credentials::new("me", "my-secure-key"), SANDBOX_URL)?;
    /// assert_eq!(client.username(), "me");
    /// # Ok::<(), iovox_http::Error>(())
    /// ```
    pub fn new(credentials: Credentials, base_url: impl Into<String>) -> Result<Client, Error> {
        Self::builder(credentials).base_url(base_url).build()
    }

    /// A builder from `IOVOX_USERNAME`, `IOVOX_SECURE_KEY` and `IOVOX_BASE_URL` (default
    /// production); the error names every variable that is missing.
    pub fn builder_from_env() -> Result<ClientBuilder, Error> {
        Self::builder_or_env(None, None, None)
    }

    /// A builder from the values given, each one missing (or blank) taken from its
    /// environment variable as in [`Client::builder_from_env`]. This is how the Python and
    /// Node packages' `Client()` and the command line find their settings.
    ///
    /// With no base URL given and `IOVOX_BASE_URL` unset, calls go to production. A base
    /// URL that is *set* but empty (`IOVOX_BASE_URL=` from a CI secret that is missing) is
    /// refused by [`ClientBuilder::build`]: falling back to production there could spend
    /// real money where a test meant to run.
    pub fn builder_or_env(
        username: Option<String>,
        secure_key: Option<String>,
        base_url: Option<String>,
    ) -> Result<ClientBuilder, Error> {
        let given = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        let var = |name: &'static str| {
            std::env::var(name)
                .ok()
                .filter(|v| !v.trim().is_empty())
                .map(|v| (Source::Env(name), v))
        };
        let user = given(username)
            .map(|u| (Source::Given, u))
            .or_else(|| var("IOVOX_USERNAME"));
        let key = given(secure_key)
            .map(|k| (Source::Given, k))
            .or_else(|| var("IOVOX_SECURE_KEY"));
        let base = match base_url {
            Some(b) => Some((Source::Given, b)),
            None => std::env::var_os("IOVOX_BASE_URL").map(|v| {
                (
                    Source::Env("IOVOX_BASE_URL"),
                    v.to_string_lossy().into_owned(),
                )
            }),
        };
        match (user, key) {
            (Some(u), Some(k)) => Ok(Self::builder_from(u, k, base)),
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

    /// Calls any method the SDK defines ([`iovox_core::method`]) with a typed request:
    /// every request-only check first (a request with a fault the core can see is never
    /// sent), then the one send path, with the method's route and retry class.
    ///
    /// ```no_run
    /// use iovox_http::{method::RemoveVoxnumberFromLink, DetachRequest};
    /// let client = iovox_http::Client::from_env()?;
    /// client.call::<RemoveVoxnumberFromLink>(&DetachRequest::new(["333"]), &Default::default())?;
    /// # Ok::<(), iovox_http::Error>(())
    /// ```
    pub fn call<M: Method>(
        &self,
        request: &M::Request,
        options: &CallOptions,
    ) -> Result<M::Output, Error> {
        self.send_prepared::<M>(M::prepare(request)?, options)
    }

    /// [`Client::call`] for a request in wire form (untyped callers: Python, Node, JSON).
    pub fn call_wire<M: Method>(
        &self,
        request: &M::Wire,
        options: &CallOptions,
    ) -> Result<M::Output, Error> {
        self.send_prepared::<M>(M::prepare_wire(request)?, options)
    }

    /// A request already through its method's checks, sent with the declaration's route
    /// and retry class, and a success's body read by `decode`: how a method called by name
    /// goes out (a list method's page, a binding's generated method).
    pub fn call_prepared<T>(
        &self,
        spec: &iovox_core::model::Spec,
        prepared: Prepared,
        options: &CallOptions,
        decode: impl Fn(&[u8]) -> Result<T, iovox_core::DecodeError>,
    ) -> Result<T, Error> {
        let pending = self.start_route(spec.route, spec.retry, prepared, options)?;
        self.drive(pending, options, |_, body| decode(body))
    }

    fn send_prepared<M: Method>(
        &self,
        prepared: Prepared,
        options: &CallOptions,
    ) -> Result<M::Output, Error> {
        let pending = self.start::<M>(prepared, options)?;
        self.drive(pending, options, |_, body| M::decode(body))
    }

    /// The blocking client's retry loop: attempt after attempt ([`Client::step_with`]),
    /// sleeping between them (waking early when the call's [`Cancel`](crate::Cancel)
    /// fires), until the outcome.
    pub(crate) fn drive<T>(
        &self,
        mut pending: Pending,
        options: &CallOptions,
        decode: impl Fn(u16, &[u8]) -> Result<T, iovox_core::DecodeError>,
    ) -> Result<T, Error> {
        loop {
            match self.step_with(&mut pending, options, &decode) {
                Step::Wait(wait) => {
                    let go_on = match &options.cancel {
                        Some(cancel) => cancel.sleep(wait),
                        None => {
                            std::thread::sleep(wait);
                            true
                        }
                    };
                    if !go_on {
                        return Err(pending.aborted());
                    }
                }
                Step::Done(result) => return result,
            }
        }
    }

    /// A call about to be sent: the checks that need the client's settings (request size,
    /// the call's own timeout). Nothing is sent yet.
    pub(crate) fn start<M: Method>(
        &self,
        prepared: Prepared,
        options: &CallOptions,
    ) -> Result<Pending, Error> {
        self.start_route(M::ROUTE, M::RETRY, prepared, options)
    }

    /// [`Client::start`] for a method known by its declaration.
    pub(crate) fn start_route(
        &self,
        route: iovox_core::method::Route,
        retry: Retry,
        prepared: Prepared,
        options: &CallOptions,
    ) -> Result<Pending, Error> {
        let call = self.call_of(
            route.interface,
            route.name,
            route.verb,
            retry,
            prepared.query.iter().map(|(k, v)| (*k, v.as_str())),
        );
        self.start_call(call, prepared.body, prepared.callback_url, options)
    }

    /// The URL and the rest of a call.
    pub(crate) fn call_of<'q>(
        &self,
        interface: &str,
        name: &str,
        verb: Verb,
        retry: Retry,
        query: impl IntoIterator<Item = (&'q str, &'q str)>,
    ) -> Call {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        q.append_pair("v", "3").append_pair("method", name);
        for (k, v) in query {
            q.append_pair(k, v);
        }
        let class = match retry {
            Retry::SafeToRepeat => Class::SafeToRepeat,
            Retry::NotAfterSent => Class::NotAfterSent,
            Retry::NotAfterSentUnlessOptedIn => Class::OptIn,
        };
        Call {
            name: name.to_string(),
            verb,
            url: format!("{}/{interface}?{}", self.base_url, q.finish()),
            class,
            id: format!("{:016x}", fastrand::u64(..)),
        }
    }

    pub(crate) fn start_call(
        &self,
        call: Call,
        body: String,
        callback_url: Option<String>,
        options: &CallOptions,
    ) -> Result<Pending, Error> {
        // The ceiling covers all that is sent: the URL (a list's filters are in its query
        // string) as well as the body. Nothing has left yet.
        let size = call.url.len() + body.len();
        if size > self.max_request_bytes {
            return Err(Error::Validation(ValidationErrors(vec![ValidationError {
                code: ErrorCode::RequestTooLarge,
                position: None,
                field: None,
                message: format!(
                    "Request too large: {size} bytes, over the {}-byte limit",
                    self.max_request_bytes
                ),
            }])));
        }
        let timeout = options
            .timeout
            .map(|d| config::check_duration("the call's timeout", d))
            .transpose()?;
        Ok(Pending {
            #[cfg(feature = "tracing")]
            span: tracing::info_span!("iovox call", method = call.name.as_str()),
            call,
            body,
            callback_url,
            timeout,
            attempt: 0,
            maybe_sent: false,
        })
    }

    /// One attempt of a call, and what follows: wait and try again (the retry policy
    /// allows it), or the outcome, decoded, with every secret of the request redacted. The
    /// blocking client sleeps between steps; the async client awaits, holding no thread.
    #[cfg(feature = "tokio")]
    pub(crate) fn step<M: Method>(
        &self,
        pending: &mut Pending,
        options: &CallOptions,
    ) -> Step<M::Output> {
        self.step_with(pending, options, |_, body| M::decode(body))
    }

    /// [`Client::step`] with the answer read by `decode` (status, body).
    pub(crate) fn step_with<T>(
        &self,
        pending: &mut Pending,
        options: &CallOptions,
        decode: impl Fn(u16, &[u8]) -> Result<T, iovox_core::DecodeError>,
    ) -> Step<T> {
        if let Some(cancel) = &options.cancel {
            if !cancel.begin_attempt() {
                return Step::Done(Err(pending.aborted()));
            }
        }
        #[cfg(feature = "tracing")]
        let _inside = pending.span.clone().entered();
        let secrets = self.secrets(pending.callback_url.as_deref());
        let call = &pending.call;
        pending.attempt += 1;
        let started = Instant::now();
        let agent = self.transport.agent();
        let outcome = self.send_once(
            &agent,
            call,
            &pending.body,
            pending.attempt,
            pending.timeout,
            &secrets,
        );
        pending.maybe_sent |= !matches!(outcome, Attempt::Failed(_, false));
        let decision = self.retry.decide(call.class, &outcome, pending.attempt);
        let log = AttemptLog {
            method: call.name.clone(),
            outcome: match &outcome {
                Attempt::Success(..) => "ok".to_string(),
                Attempt::Status(e) | Attempt::Failed(e, _) => e
                    .status()
                    .map_or_else(|| e.kind().as_str().to_string(), |s| s.to_string()),
            },
            attempt: pending.attempt,
            duration: started.elapsed(),
            maybe_sent: !matches!(outcome, Attempt::Failed(_, false)),
        };
        trace(&log);
        if let Some(hook) = &self.on_attempt {
            hook(&log);
        }
        if let Some(wait) = decision {
            return Step::Wait(wait);
        }
        let result = outcome.into_result().and_then(|(status, body)| {
            decode(status, &body).map_err(|_| {
                // Decode again from the redacted body, so the message quotes nothing
                // secret (decoding is deterministic: the same fault is found).
                let clean = secrets.redact_bytes(&body);
                Error::Decode(match decode(status, &clean) {
                    Err(e) => e,
                    Ok(_) => iovox_core::DecodeError::new(
                        "the answer could not be read (it echoed a secret)",
                    ),
                })
            })
        });
        Step::Done(result.map_err(|e| secrets.redact_error(e)))
    }

    fn secrets<'a>(&'a self, callback_url: Option<&'a str>) -> Secrets<'a> {
        Secrets::new(self.secure_key.expose(), callback_url)
    }

    /// The headers every request carries, and the attempt's timeout.
    fn headers<B>(
        &self,
        request: ureq::RequestBuilder<B>,
        timeout: Option<Duration>,
        call: &Call,
    ) -> ureq::RequestBuilder<B> {
        let request = match timeout {
            Some(t) => request.config().timeout_global(Some(t)).build(),
            None => request,
        };
        request
            .header("username", &self.username)
            .header("secureKey", self.secure_key.expose())
            .header(CALL_HEADER, &call.id)
    }

    fn with_body(
        &self,
        request: ureq::RequestBuilder<ureq::typestate::WithBody>,
        timeout: Option<Duration>,
        call: &Call,
        body: &str,
    ) -> Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        self.headers(request, timeout, call)
            .header("Content-Type", "application/xml")
            .send(body)
    }

    fn send_once(
        &self,
        agent: &ureq::Agent,
        call: &Call,
        body: &str,
        attempts: u32,
        timeout: Option<Duration>,
        secrets: &Secrets,
    ) -> Attempt {
        let url = call.url.as_str();
        // GET and DELETE carry no body (their arguments are in the query string), unless a
        // raw call gives one.
        let result = match (call.verb, body.is_empty()) {
            (Verb::Get, true) => self.headers(agent.get(url), timeout, call).call(),
            (Verb::Delete, true) => self.headers(agent.delete(url), timeout, call).call(),
            (Verb::Get, false) => {
                self.with_body(agent.get(url).force_send_body(), timeout, call, body)
            }
            (Verb::Delete, false) => {
                self.with_body(agent.delete(url).force_send_body(), timeout, call, body)
            }
            (Verb::Post, _) => self.with_body(agent.post(url), timeout, call, body),
            (Verb::Put, _) => self.with_body(agent.put(url), timeout, call, body),
        };
        let mut response = match result {
            Ok(r) => r,
            Err(e) => return transport_error(e, attempts),
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
                    Error::Decode(iovox_core::DecodeError::new(format!(
                        "the answer's body is over the {limit}-byte cap"
                    ))),
                    // The server answered: the request was made, so this is not repeatable.
                    true,
                );
            }
            Err(e) => return transport_error(e, attempts),
        };
        if (200..300).contains(&status) {
            return Attempt::Success(status, bytes);
        }
        // An error body may echo anything we sent: redact before a word of it is quoted.
        let bytes = secrets.redact_bytes(&bytes);
        let messages = match iovox_core::decode_error_body(status, &bytes) {
            Some(body) if !body.messages.is_empty() => body.messages,
            _ => vec![excerpt(status, &bytes)],
        };
        Attempt::Status(Error::Api {
            status,
            messages,
            attempts,
        })
    }
}

/// Maps a transport failure; `false` in the attempt means nothing reached the server.
fn transport_error(e: ureq::Error, attempts: u32) -> Attempt {
    use ureq::Timeout as T;
    // What went wrong in our words, whether the request may have left, and ureq's own
    // error kept as the source.
    let (timed_out, maybe_sent, what): (bool, bool, &str) = match &e {
        ureq::Error::Timeout(T::Resolve) => (true, false, "looking up the host took too long"),
        ureq::Error::Timeout(T::Connect) => (true, false, "connecting took too long"),
        ureq::Error::Timeout(T::Global | T::PerCall) => (true, true, "the attempt's time ran out"),
        ureq::Error::Timeout(T::SendRequest | T::SendBody | T::PerWrite) => {
            (true, true, "sending the request took too long")
        }
        ureq::Error::Timeout(_) => (true, true, "the answer took too long"),
        ureq::Error::HostNotFound => (false, false, "the host was not found"),
        ureq::Error::ConnectionFailed => (false, false, "the connection failed"),
        // Refused before a byte of the request left: a certificate nobody vouches for, a
        // proxy that would not connect, a URL ureq would not send.
        ureq::Error::Rustls(tls) if refused_handshake(tls) => {
            (false, false, "the TLS handshake was refused")
        }
        ureq::Error::Io(io)
            if io
                .get_ref()
                .and_then(|e| e.downcast_ref::<rustls::Error>())
                .is_some_and(refused_handshake) =>
        {
            (false, false, "the TLS handshake was refused")
        }
        ureq::Error::Tls(_) | ureq::Error::TlsRequired => (false, false, "TLS could not be set up"),
        ureq::Error::ConnectProxyFailed(_) | ureq::Error::InvalidProxyUrl => {
            (false, false, "the proxy would not connect")
        }
        ureq::Error::BadUri(_) => (false, false, "the URL could not be sent"),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            (false, false, "the connection was refused")
        }
        _ => (false, true, "the connection broke"),
    };
    // A timeout says what ran out in our words alone (ureq's "timeout: global" is its own
    // vocabulary); any other failure keeps the system's detail ("Connection reset by peer").
    let message = if timed_out {
        what.to_string()
    } else {
        format!("{what} ({e})")
    };
    let source: Option<crate::error::Source> = Some(std::sync::Arc::new(e));
    let error = if timed_out {
        Error::Timeout {
            message,
            attempts,
            maybe_sent,
            source,
        }
    } else {
        Error::Connection {
            message,
            attempts,
            maybe_sent,
            source,
        }
    };
    Attempt::Failed(error, maybe_sent)
}

/// A TLS failure that ends the handshake, before a byte of the request is written.
fn refused_handshake(e: &rustls::Error) -> bool {
    matches!(
        e,
        rustls::Error::InvalidCertificate(_)
            | rustls::Error::NoCertificatesPresented
            | rustls::Error::UnsupportedNameType
            | rustls::Error::PeerIncompatible(_)
    )
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
fn trace(log: &AttemptLog) {
    // Bodies hold personal data (names, addresses): never logged.
    tracing::debug!(
        method = log.method.as_str(),
        outcome = log.outcome.as_str(),
        attempt = log.attempt,
        duration_ms = log.duration.as_millis() as u64,
        maybe_sent = log.maybe_sent,
        "iovox request"
    );
}

#[cfg(not(feature = "tracing"))]
fn trace(_: &AttemptLog) {}

#[cfg(test)]
mod tests {
    use super::*;

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
