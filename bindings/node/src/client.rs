//! The native client: calls run on tokio's blocking pool, so the event loop and libuv's
//! thread pool stay free, and any number of calls can be in flight.

use crate::error::{panic_text, ErrorInfo};
use crate::{conv, OrderOutcome, UnitOutcome};
use iovox_http::config::{self, Unit};
use iovox_http::{CallOptions, Cancel, RetryPolicy};
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
    username: Option<String>,
    secure_key: Option<String>,
    base_url: Option<String>,
    timeout_ms: Option<Value>,
    connect_timeout_ms: Option<Value>,
    retries: Option<Value>,
    retry_purchase_after_send: Option<bool>,
    ca_file: Option<String>,
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
pub fn millis(setting: &str, v: Option<Value>) -> Result<Option<Duration>, iovox_http::Error> {
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
    let mut builder = iovox_http::Client::builder_or_env(o.username, o.secure_key, o.base_url)?
        .user_agent(concat!("iovox-node/", env!("CARGO_PKG_VERSION")))
        .retry(policy);
    if let Some(d) = millis("timeoutMs", o.timeout_ms)? {
        builder = builder.timeout(d);
    }
    if let Some(d) = millis("connectTimeoutMs", o.connect_timeout_ms)? {
        builder = builder.connect_timeout(d);
    }
    if let Some(path) = o.ca_file {
        builder = builder.ca_file(path);
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

/// The per-call options of call `id`; the call is forgotten when `CallDone` drops.
fn call_options(
    id: Option<u32>,
    timeout_ms: Option<f64>,
) -> Result<(CallOptions, CallDone), ErrorInfo> {
    let mut o = CallOptions::default();
    if let Some(ms) = timeout_ms {
        o = o.timeout(config::duration("timeoutMs", ms, Unit::Millis)?);
    }
    if let Some(cancel) = id.and_then(|id| calls().as_ref().and_then(|c| c.get(&id).cloned())) {
        o = o.cancel(cancel);
    }
    Ok((o, CallDone(id)))
}

struct CallDone(Option<u32>);

impl Drop for CallDone {
    fn drop(&mut self) {
        if let Some(id) = self.0 {
            if let Some(c) = calls().as_mut() {
                c.remove(&id);
            }
        }
    }
}

/// The native half of `Client`.
#[napi]
pub struct NativeClient {
    inner: RwLock<Result<Arc<iovox_http::Client>, iovox_http::Error>>,
}

#[napi]
impl NativeClient {
    /// Never throws: a configuration error is read with `configError()`.
    #[napi(constructor, catch_unwind)]
    pub fn new(options_json: String) -> Self {
        NativeClient {
            inner: RwLock::new(build(&options_json).map(Arc::new)),
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
            .map(|c| c.username().to_string())
            .unwrap_or_default()
    }

    /// The base URL calls go to.
    #[napi(getter, catch_unwind)]
    pub fn base_url(&self) -> String {
        self.client()
            .map(|c| c.base_url().to_string())
            .unwrap_or_default()
    }

    /// purchaseVoxNumbers for a request given as JSON text; `callId` from `beginCall()`.
    #[napi]
    pub async fn purchase_vox_numbers(
        &self,
        request_json: String,
        call_id: Option<u32>,
        timeout_ms: Option<f64>,
    ) -> OrderOutcome {
        let outcome = match (
            self.client(),
            conv::purchase_request(&request_json),
            call_options(call_id, timeout_ms),
        ) {
            (Ok(client), Ok(request), Ok((options, done))) => {
                blocking(move || {
                    let _done = done;
                    client.purchase_vox_numbers_wire_with(&request, &options)
                })
                .await
            }
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
        };
        match outcome {
            Ok(order) => OrderOutcome {
                order: Some(order.into()),
                error: None,
            },
            Err(e) => OrderOutcome {
                order: None,
                error: Some(e),
            },
        }
    }

    /// attachVoxnumberToLink for links given as JSON text; `callId` from `beginCall()`.
    #[napi]
    pub async fn attach_voxnumber_to_link(
        &self,
        links_json: String,
        call_id: Option<u32>,
        timeout_ms: Option<f64>,
    ) -> UnitOutcome {
        let outcome = match (
            self.client(),
            conv::attach_request(&links_json),
            call_options(call_id, timeout_ms),
        ) {
            (Ok(client), Ok(request), Ok((options, done))) => {
                blocking(move || {
                    let _done = done;
                    client.attach_voxnumber_to_link_wire_with(&request, &options)
                })
                .await
            }
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
        };
        UnitOutcome {
            error: outcome.err(),
        }
    }

    /// removeVoxnumberFromLink for link IDs given as JSON text; `callId` from `beginCall()`.
    #[napi]
    pub async fn remove_voxnumber_from_link(
        &self,
        link_ids_json: String,
        call_id: Option<u32>,
        timeout_ms: Option<f64>,
    ) -> UnitOutcome {
        let outcome = match (
            self.client(),
            conv::detach_request(&link_ids_json),
            call_options(call_id, timeout_ms),
        ) {
            (Ok(client), Ok(request), Ok((options, done))) => {
                blocking(move || {
                    let _done = done;
                    client.remove_voxnumber_from_link_wire_with(&request, &options)
                })
                .await
            }
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
        };
        UnitOutcome {
            error: outcome.err(),
        }
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
    fn client(&self) -> Result<Arc<iovox_http::Client>, ErrorInfo> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        inner.clone().map_err(ErrorInfo::from)
    }
}

/// Runs a blocking call on tokio's blocking pool; a panic there becomes an `internal` error.
async fn blocking<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, iovox_http::Error> + Send + 'static,
) -> Result<T, ErrorInfo> {
    match tokio::task::spawn_blocking(call).await {
        Ok(result) => result.map_err(ErrorInfo::from),
        Err(join) => Err(ErrorInfo::internal(&match join.try_into_panic() {
            Ok(panic) => panic_text(&*panic),
            Err(e) => e.to_string(),
        })),
    }
}
