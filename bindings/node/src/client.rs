//! The native client: calls run on tokio's blocking pool, so the event loop and libuv's
//! thread pool stay free, and any number of calls can be in flight.

use crate::error::{panic_text, ErrorInfo};
use crate::{conv, OrderOutcome, UnitOutcome};
use iovox_http::RetryPolicy;
use napi_derive::napi;
use serde::Deserialize;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// `new Client({...})`'s options, as JSON text.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    username: Option<String>,
    secure_key: Option<String>,
    base_url: Option<String>,
    timeout_ms: Option<f64>,
    connect_timeout_ms: Option<f64>,
    retries: Option<u32>,
    retry_purchase_after_send: Option<bool>,
}

fn millis(name: &str, v: Option<f64>) -> Result<Option<Duration>, iovox_http::Error> {
    v.map(|ms| {
        Duration::try_from_secs_f64(ms / 1000.0)
            .ok()
            .filter(|d| !d.is_zero())
            .ok_or_else(|| {
                iovox_http::Error::Config(format!("{name} must be a positive number, not {ms}"))
            })
    })
    .transpose()
}

fn build(options_json: &str) -> Result<iovox_http::Client, iovox_http::Error> {
    let o: Options = serde_json::from_str(options_json)
        .map_err(|e| iovox_http::Error::Config(format!("invalid client options: {e}")))?;
    let mut builder = iovox_http::Client::builder_or_env(o.username, o.secure_key, o.base_url)?
        .user_agent(concat!("iovox-node/", env!("CARGO_PKG_VERSION")))
        .retry(RetryPolicy {
            max_attempts: o.retries.unwrap_or(2).saturating_add(1),
            retry_purchase_after_send: o.retry_purchase_after_send.unwrap_or(false),
            ..RetryPolicy::default()
        });
    if let Some(d) = millis("timeoutMs", o.timeout_ms)? {
        builder = builder.timeout(d);
    }
    if let Some(d) = millis("connectTimeoutMs", o.connect_timeout_ms)? {
        builder = builder.connect_timeout(d);
    }
    builder.build()
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

    /// purchaseVoxNumbers for a request given as JSON text.
    #[napi]
    pub async fn purchase_vox_numbers(&self, request_json: String) -> OrderOutcome {
        let outcome = match (self.client(), conv::purchase_request(&request_json)) {
            (Ok(client), Ok(request)) => {
                blocking(move || client.purchase_vox_numbers_wire(&request)).await
            }
            (Err(e), _) | (_, Err(e)) => Err(e),
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

    /// attachVoxnumberToLink for links given as JSON text.
    #[napi]
    pub async fn attach_voxnumber_to_link(&self, links_json: String) -> UnitOutcome {
        let outcome = match (self.client(), conv::attach_request(&links_json)) {
            (Ok(client), Ok(request)) => {
                blocking(move || client.attach_voxnumber_to_link_wire(&request)).await
            }
            (Err(e), _) | (_, Err(e)) => Err(e),
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
