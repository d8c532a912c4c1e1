//! The native client: calls run on tokio's blocking pool, so the event loop and libuv's
//! thread pool stay free, and any number of calls can be in flight.

use crate::error::{panic_text, ErrorInfo};
use crate::{conv, lists, text_outcome, RawOutcome, TextOutcome};
use iovox_http::config::{self, Unit};
use iovox_http::{AsyncClient, CallOptions, Cancel, ListPages, RetryPolicy};
use napi::bindgen_prelude::Object;
use napi::{Env, Result as NapiResult};
use napi_derive::napi;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

/// `new Client({...})`'s options, as JSON text. Numbers stay JSON values so that what the
/// JS layer marks as not finite (`"NaN"`, `"Infinity"`: what `Number(process.env.X)` gives
/// for a missing variable) is refused by name instead of reading as "not given".
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    username: Option<Value>,
    secure_key: Option<Value>,
    base_url: Option<Value>,
    timeout_ms: Option<Value>,
    connect_timeout_ms: Option<Value>,
    retries: Option<Value>,
    retry_purchase_after_send: Option<bool>,
    ca_file: Option<Value>,
    max_response_bytes: Option<Value>,
    log: Option<Value>,
    /// `IOVOX_LOG` as the process has it now.
    log_env: Option<Value>,
}

/// Whether to log each attempt: the `log` option (true or false) when given, else
/// `IOVOX_LOG` (`debug`, `1`, `true` or `on`; empty, `0`, `false` or `off`: not). Any other
/// value is a config error naming it, not silence.
fn logging(option: Option<Value>, env: Option<Value>) -> Result<bool, iovox_http::Error> {
    match option {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => return Ok(b),
        Some(other) => {
            return Err(iovox_http::Error::Config(format!(
                "log must be true or false, not {}",
                kind(&other)
            )))
        }
    }
    let Some(env) = text("IOVOX_LOG", env)? else {
        return Ok(false);
    };
    match env.trim().to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "off" => Ok(false),
        "1" | "true" | "on" | "debug" => Ok(true),
        _ => Err(iovox_http::Error::Config(format!(
            "IOVOX_LOG must be debug (or 1, true, on) to log each attempt, or empty (or 0, false, off), not {:?}",
            env.chars().take(40).collect::<String>()
        ))),
    }
}

/// A text option: a string, or a config error naming it (a lone surrogate, which no header
/// or URL can carry, comes over as the core's stand-in for it).
fn text(setting: &str, v: Option<Value>) -> Result<Option<String>, iovox_http::Error> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(match iovox_convert::lone_surrogate_code(&other) {
            Some(code) => config::lone_surrogate(setting, code),
            None => iovox_http::Error::Config(format!(
                "{setting} must be a string, not {}",
                kind(&other)
            )),
        }),
    }
}

/// A number option as the JS layer sends it; `None` for `null` (not given).
fn number(setting: &str, v: Option<Value>) -> Result<Option<f64>, iovox_http::Error> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(Value::String(s)) if matches!(s.as_str(), "NaN" | "Infinity" | "-Infinity") => {
            Ok(s.parse::<f64>().ok())
        }
        Some(other) => Err(config::not_a_number(setting, kind(&other))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Milliseconds into a `Duration`, checked as every language checks a timeout.
fn millis(setting: &str, v: Option<Value>) -> Result<Option<Duration>, iovox_http::Error> {
    number(setting, v)?
        .map(|ms| config::duration(setting, ms, Unit::Millis))
        .transpose()
}

fn build(options_json: &str) -> Result<iovox_http::Client, iovox_http::Error> {
    let o: Options = serde_json::from_str(options_json)
        .map_err(|e| iovox_http::Error::Config(format!("invalid client options: {e}")))?;
    let mut policy = RetryPolicy {
        retry_purchase_after_send: o.retry_purchase_after_send.unwrap_or(false),
        ..RetryPolicy::default()
    };
    if let Some(r) = number("retries", o.retries)? {
        if r.fract() != 0.0 || !r.is_finite() {
            return Err(iovox_http::Error::Config(format!(
                "retries must be a whole number from 0 to {}, not {r}",
                config::MAX_RETRIES
            )));
        }
        policy.max_attempts = config::retries("retries", r as i128)? + 1;
    }
    let mut builder = iovox_http::Client::builder_or_env(
        text("username", o.username)?,
        text("secureKey", o.secure_key)?,
        text("baseUrl", o.base_url)?,
    )?
    .user_agent(concat!("iovox-node/", env!("CARGO_PKG_VERSION")))
    .retry(policy);
    if let Some(d) = millis("timeoutMs", o.timeout_ms)? {
        builder = builder.timeout(d);
    }
    if let Some(d) = millis("connectTimeoutMs", o.connect_timeout_ms)? {
        builder = builder.connect_timeout(d);
    }
    if let Some(path) = text("caFile", o.ca_file)? {
        builder = builder.ca_file(path);
    }
    if let Some(n) = number("maxResponseBytes", o.max_response_bytes)? {
        if n.fract() != 0.0 || !n.is_finite() {
            return Err(iovox_http::Error::Config(format!(
                "maxResponseBytes must be a whole number of bytes from 1024 to 1073741824, not {n}"
            )));
        }
        builder =
            builder.max_response_bytes(config::max_response_bytes("maxResponseBytes", n as i128)?);
    }
    if logging(o.log, o.log_env)? {
        // One line per attempt on stderr, as the Rust client's AttemptLog writes it: no
        // secret, no body, no personal data.
        builder = builder.on_attempt(std::sync::Arc::new(|a| eprintln!("{a}")));
    }
    builder.build()
}

/// The calls in flight that JS may cancel, by the id `beginCall()` gave them.
static CALLS: Mutex<Option<HashMap<u32, Cancel>>> = Mutex::new(None);
static NEXT_CALL: AtomicU32 = AtomicU32::new(1);

fn calls() -> std::sync::MutexGuard<'static, Option<HashMap<u32, Cancel>>> {
    CALLS.lock().unwrap_or_else(|e| e.into_inner())
}

/// A new call id, for `cancelCall` (an `AbortSignal`'s abort).
#[napi(catch_unwind)]
pub fn begin_call() -> u32 {
    let id = NEXT_CALL.fetch_add(1, Ordering::Relaxed);
    calls()
        .get_or_insert_with(HashMap::new)
        .insert(id, Cancel::new());
    id
}

/// Cancels a call: no attempt starts after this. Returns whether its request may already
/// have reached IOVOX (then a purchase may still be made).
#[napi(catch_unwind)]
pub fn cancel_call(id: u32) -> bool {
    let cancel = calls().as_ref().and_then(|c| c.get(&id).cloned());
    cancel.is_some_and(|c| c.cancel())
}

/// Forgets a call once its promise has settled in JS. Not when the native call ends: an
/// abort that lands between the end and JS seeing it must still learn that the request
/// was sent (the fault campaign's abort lane caught exactly that).
#[napi(catch_unwind)]
pub fn end_call(id: u32) {
    if let Some(c) = calls().as_mut() {
        c.remove(&id);
    }
}

/// The per-call options of call `id`.
fn call_options(id: Option<u32>, timeout_ms: Option<f64>) -> Result<CallOptions, ErrorInfo> {
    let mut o = CallOptions::default();
    if let Some(ms) = timeout_ms {
        o = o.timeout(config::duration("timeoutMs", ms, Unit::Millis)?);
    }
    if let Some(id) = id {
        // No entry means JS has already settled this call (an abort won the race and
        // `endCall` ran) before the native side started: it must not send at all.
        let cancel = calls()
            .as_ref()
            .and_then(|c| c.get(&id).cloned())
            .unwrap_or_else(|| {
                let gone = Cancel::new();
                gone.cancel();
                gone
            });
        o = o.cancel(cancel);
    }
    Ok(o)
}

/// The native half of `Client`.
#[napi]
pub struct NativeClient {
    inner: RwLock<Result<AsyncClient, iovox_http::Error>>,
}

#[napi]
impl NativeClient {
    /// Never throws: a configuration error is read with `configError()`.
    #[napi(constructor, catch_unwind)]
    pub fn new(options_json: String) -> Self {
        NativeClient {
            inner: RwLock::new(build(&options_json).map(AsyncClient::new)),
        }
    }

    /// Why the client could not be made, if it could not.
    #[napi(catch_unwind)]
    pub fn config_error(&self) -> Option<ErrorInfo> {
        self.client().err()
    }

    /// The username sent.
    #[napi(getter, catch_unwind)]
    pub fn username(&self) -> String {
        self.client()
            .map(|c| c.blocking().username().to_string())
            .unwrap_or_default()
    }

    /// The base URL calls go to.
    #[napi(getter, catch_unwind)]
    pub fn base_url(&self) -> String {
        self.client()
            .map(|c| c.blocking().base_url().to_string())
            .unwrap_or_default()
    }

    /// Any typed method that is not a list, by name (`purchaseVoxNumbers`, …:
    /// `iovox_convert::ACTIONS`), for its arguments as one object in JSON text; an order,
    /// or neither order nor error for a method that answers nothing. `callId` from
    /// `beginCall()`.
    #[napi(catch_unwind, ts_return_type = "Promise<ActionOutcome>")]
    pub fn call_action<'env>(
        &self,
        env: &'env Env,
        method: String,
        args_json: String,
        call_id: Option<u32>,
        timeout_ms: Option<f64>,
    ) -> NapiResult<Object<'env>> {
        let request = conv::action(&method, &args_json);
        self.settle(
            env,
            request,
            call_id,
            timeout_ms,
            |client, (action, prepared), options, done| {
                client.spawn_call(
                    move |c| c.call_prepared(&action.spec, prepared, &options, action.decode),
                    done,
                )
            },
            crate::action_outcome,
        )
    }

    /// Any list method of the model by name (`getVoxnumbers`, …: `iovox methods` lists
    /// them), for arguments given as JSON text; the page as JSON text.
    #[napi(catch_unwind, ts_return_type = "Promise<TextOutcome>")]
    pub fn call_list<'env>(
        &self,
        env: &'env Env,
        method: String,
        args_json: String,
        call_id: Option<u32>,
        timeout_ms: Option<f64>,
    ) -> NapiResult<Object<'env>> {
        let request = conv::list_query(&method, &args_json);
        self.settle(
            env,
            request,
            call_id,
            timeout_ms,
            |client, (list, query), options, done| {
                client.spawn_call(
                    move |c| {
                        c.call_list(list, &query, &options)
                            .map(|p| lists::page_json(&p))
                    },
                    done,
                )
            },
            text_outcome,
        )
    }

    /// Any method: `{ interface, method, verb, query, body, safeToRepeat }` as JSON text.
    #[napi(catch_unwind, ts_return_type = "Promise<RawOutcome>")]
    pub fn raw_request<'env>(
        &self,
        env: &'env Env,
        request_json: String,
        call_id: Option<u32>,
        timeout_ms: Option<f64>,
    ) -> NapiResult<Object<'env>> {
        let request = conv::raw_request(&request_json);
        self.settle(
            env,
            request,
            call_id,
            timeout_ms,
            |client, request, options, done| client.spawn_raw(request, options, done),
            raw_outcome,
        )
    }

    /// Lets go of the connections; later calls fail with a config error.
    #[napi(catch_unwind)]
    pub fn close(&self) {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if inner.is_ok() {
            *inner = Err(iovox_http::Error::Config("the client is closed".into()));
        }
    }
}

impl NativeClient {
    fn client(&self) -> Result<AsyncClient, ErrorInfo> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        inner.clone().map_err(ErrorInfo::from)
    }

    /// One path for every method: iovox_http's async client starts the call on tokio's
    /// blocking pool (never libuv's) and the promise is settled from there. Two thread hops
    /// in all (to the pool, back to JS); an `async fn` took four. A panic becomes an
    /// `internal` error.
    ///
    /// What every call shares: the client, the request and the call's options made ready
    /// (a failure settles the promise at once), the call started by `spawn`, and its
    /// outcome, or the panic it raised, settled on the JS thread through `into`.
    fn settle<'env, R, T, D>(
        &self,
        env: &'env Env,
        request: Result<R, ErrorInfo>,
        call_id: Option<u32>,
        timeout_ms: Option<f64>,
        spawn: impl FnOnce(AsyncClient, R, CallOptions, Done<T>),
        into: fn(Result<T, ErrorInfo>) -> D,
    ) -> NapiResult<Object<'env>>
    where
        T: Send + 'static,
        D: napi::bindgen_prelude::ToNapiValue + Send + 'static,
    {
        type Resolver<D> = Box<dyn FnOnce(Env) -> NapiResult<D> + Send>;
        let (deferred, promise) = env.create_deferred::<D, Resolver<D>>()?;
        let ready = (|| -> Result<_, ErrorInfo> {
            let client = self.client()?;
            let request = request?;
            let options = call_options(call_id, timeout_ms)?;
            Ok((client, request, options))
        })();
        match ready {
            Err(e) => deferred.resolve(Box::new(move |_| Ok(into(Err(e))))),
            Ok((client, request, options)) => {
                napi::bindgen_prelude::within_runtime_if_available(|| {
                    spawn(
                        client,
                        request,
                        options,
                        Box::new(move |outcome| {
                            let result = match outcome {
                                Ok(r) => r.map_err(ErrorInfo::from),
                                Err(panic) => Err(ErrorInfo::internal(&panic_text(&*panic))),
                            };
                            deferred.resolve(Box::new(move |_| Ok(into(result))));
                        }),
                    )
                })
            }
        }
        Ok(promise)
    }
}

/// Where a call's outcome, or the panic it raised, is handed on the pool's thread.
type Done<T> = Box<dyn FnOnce(std::thread::Result<Result<T, iovox_http::Error>>) + Send>;

fn raw_outcome(r: Result<iovox_http::RawResponse, ErrorInfo>) -> RawOutcome {
    match r {
        Ok(answer) => RawOutcome {
            status: Some(u32::from(answer.status)),
            body: Some(answer.body.into()),
            error: None,
        },
        Err(e) => RawOutcome {
            status: None,
            body: None,
            error: Some(e),
        },
    }
}

/// The pages of a list method, walked by the one paging loop (`iovox_http::ListPages`):
/// `for await` in the JS layer awaits `next()` until it gives no page.
#[napi]
pub struct NativePages {
    pages: Result<Arc<Mutex<ListPages>>, ErrorInfo>,
    client: Result<AsyncClient, ErrorInfo>,
}

#[napi]
impl NativePages {
    /// The pages of `method` for arguments given as JSON text, from their own `page` on;
    /// a request that fails its checks is an error here (`error()`), and nothing is sent.
    #[napi(constructor, catch_unwind)]
    pub fn new(client: &NativeClient, method: String, args_json: String) -> Self {
        let client = client.client();
        let pages = (|| {
            let (list, query) = conv::list_query(&method, &args_json)?;
            let c = client.clone()?;
            let pages = c
                .blocking()
                .list_pages(list, query, CallOptions::default())
                .map_err(ErrorInfo::from)?;
            Ok(Arc::new(Mutex::new(pages)))
        })();
        NativePages { pages, client }
    }

    /// Why the pages cannot be walked, if they cannot.
    #[napi(catch_unwind)]
    pub fn error(&self) -> Option<ErrorInfo> {
        self.pages.as_ref().err().cloned()
    }

    /// The next page as JSON text, or no text after the last; `callId` from `beginCall()`.
    #[napi(catch_unwind, ts_return_type = "Promise<TextOutcome>")]
    pub fn next<'env>(
        &self,
        env: &'env Env,
        call_id: Option<u32>,
        timeout_ms: Option<f64>,
    ) -> NapiResult<Object<'env>> {
        type Resolver = Box<dyn FnOnce(Env) -> NapiResult<TextOutcome> + Send>;
        let (deferred, promise) = env.create_deferred::<TextOutcome, Resolver>()?;
        let ready = (|| -> Result<_, ErrorInfo> {
            let pages = self.pages.clone()?;
            let client = self.client.clone()?;
            Ok((pages, client, call_options(call_id, timeout_ms)?))
        })();
        match ready {
            Err(e) => deferred.resolve(Box::new(move |_| Ok(text_outcome(Err(e))))),
            Ok((pages, client, options)) => {
                napi::bindgen_prelude::within_runtime_if_available(|| {
                    client.spawn_call(
                        move |_| {
                            let mut pages = pages.lock().unwrap_or_else(|e| e.into_inner());
                            pages
                                .next_with(&options)
                                .transpose()
                                .map(|p| p.map(|p| lists::page_json(&p)))
                        },
                        move |outcome| {
                            let result = match outcome {
                                Ok(Ok(text)) => Ok(text),
                                Ok(Err(e)) => Err(ErrorInfo::from(e)),
                                Err(panic) => Err(ErrorInfo::internal(&panic_text(&*panic))),
                            };
                            let outcome = match result {
                                Ok(text) => TextOutcome { text, error: None },
                                Err(e) => TextOutcome {
                                    text: None,
                                    error: Some(e),
                                },
                            };
                            deferred.resolve(Box::new(move |_| Ok(outcome)));
                        },
                    )
                })
            }
        }
        Ok(promise)
    }
}
