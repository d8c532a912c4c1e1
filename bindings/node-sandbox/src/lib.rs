//! The native addon of the npm package `iovox-sandbox`: the sandbox inside the Node
//! process, for users' offline tests. It runs on threads of its own, which never keep
//! Node's event loop alive. A package apart from `iovox`, so the SDK a service installs
//! carries no server (axum, hyper, tokio's network half).
//!
//! Orders leave as the callback body the sandbox sends (XML); the package's `index.js`
//! reads each with the SDK's own `parseCallback`, so both packages give the same objects
//! without sharing native code.

use iovox_sandbox::{Config, Fault, Restock, State};
use napi::{Error, Result, Status};
use napi_derive::napi;
use serde::Deserialize;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    state: Option<State>,
    username: Option<String>,
    secure_key: Option<String>,
    response_delay_ms: Option<u64>,
    auto_restock_after_ms: Option<u64>,
    port: Option<u16>,
}

/// What became of one callback the sandbox sent.
#[napi(object)]
pub struct SandboxCallback {
    /// The order update that was sent, as the callback body (XML).
    pub order_xml: String,
    /// Where it went, without any `user:pass@`.
    pub url: String,
    /// Whether the receiver answered 2xx.
    pub delivered: bool,
    /// How many times it was sent.
    pub attempts: u32,
    /// The receiver's last HTTP status.
    pub status: Option<u32>,
    /// Why the last attempt failed.
    pub error: Option<String>,
}

/// Counters of what the sandbox served.
#[napi(object)]
pub struct SandboxStats {
    /// Requests answered.
    pub requests: f64,
    /// Purchases made.
    pub purchases: f64,
    /// Attaches made.
    pub attaches: f64,
    /// removeVoxnumberFromLink requests that succeeded.
    pub detaches: f64,
    /// Connections accepted.
    pub connections: f64,
    /// Purchases that repeated the request of an earlier order (a purchase sent twice).
    pub repeated_purchases: f64,
    /// Numbers in stock now.
    pub stock: f64,
    /// Numbers sold since the start.
    pub sold: f64,
    /// Numbers added by restocks since the start.
    pub restocked: f64,
}

/// The native half of `Sandbox`.
#[napi]
pub struct NativeSandbox {
    inner: Arc<Mutex<Option<iovox_sandbox::Sandbox>>>,
    url: String,
    username: String,
    secure_key: String,
}

fn closed() -> Error {
    Error::from_reason("the sandbox is closed")
}

fn convert(records: Vec<iovox_sandbox::CallbackRecord>) -> Vec<SandboxCallback> {
    records
        .into_iter()
        .map(|r| SandboxCallback {
            order_xml: r.order.to_callback_xml(),
            url: r.url,
            delivered: r.delivered,
            attempts: r.attempts,
            status: r.status.map(u32::from),
            error: r.error,
        })
        .collect()
}

#[napi]
impl NativeSandbox {
    /// Starts a sandbox on 127.0.0.1 (options as JSON text).
    #[napi(constructor, catch_unwind)]
    pub fn new(options_json: String) -> Result<Self> {
        let o: Options = serde_json::from_str(&options_json)
            .map_err(|e| Error::from_reason(format!("invalid sandbox options: {e}")))?;
        let mut config = Config {
            port: o.port.unwrap_or(0),
            auto_restock_after: o.auto_restock_after_ms.map(Duration::from_millis),
            ..Config::default()
        };
        if let Some(state) = o.state {
            config.state = state;
        }
        if let Some(u) = o.username {
            config.username = u;
        }
        if let Some(k) = o.secure_key {
            config.secure_key = k;
        }
        if let Some(ms) = o.response_delay_ms {
            config.response_delay = Duration::from_millis(ms);
        }
        let sandbox = iovox_sandbox::Sandbox::start(config)
            .map_err(|e| Error::from_reason(format!("the sandbox could not start: {e}")))?;
        Ok(NativeSandbox {
            url: sandbox.url().to_string(),
            username: sandbox.username().to_string(),
            secure_key: sandbox.secure_key().to_string(),
            inner: Arc::new(Mutex::new(Some(sandbox))),
        })
    }

    /// `http://127.0.0.1:PORT`.
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// The username it accepts.
    #[napi(getter)]
    pub fn username(&self) -> String {
        self.username.clone()
    }

    /// The secure key it accepts.
    #[napi(getter)]
    pub fn secure_key(&self) -> String {
        self.secure_key.clone()
    }

    /// Adds stock (`{ count, countryCode?, areaCode?, numberType? }` as JSON text) and
    /// completes the PENDING orders it can; returns how many callbacks were queued.
    #[napi(catch_unwind)]
    pub fn restock(&self, restock_json: String) -> Result<u32> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        struct R {
            count: u32,
            country_code: Option<u32>,
            area_code: Option<u32>,
            number_type: Option<String>,
        }
        let r: R = serde_json::from_str(&restock_json)
            .map_err(|e| Error::from_reason(format!("invalid restock: {e}")))?;
        let restock = Restock {
            count: r.count,
            country_code: r.country_code,
            area_code: r.area_code,
            number_type: r.number_type,
        };
        self.with(|s| s.restock(&restock) as u32)
    }

    /// Records a call (`{ voxnumber, caller, start?, durationSec?, answered?, recording? }`
    /// as JSON text) to one of the account's numbers; its ID.
    #[napi(catch_unwind)]
    pub fn simulate_call(&self, call_json: String) -> Result<String> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        struct C {
            voxnumber: String,
            caller: String,
            start: Option<String>,
            duration_sec: Option<u32>,
            answered: Option<bool>,
            recording: Option<bool>,
        }
        let c: C = serde_json::from_str(&call_json)
            .map_err(|e| Error::new(Status::InvalidArg, format!("invalid call: {e}")))?;
        let call = iovox_sandbox::SimulatedCall {
            voxnumber: c.voxnumber,
            caller: c.caller,
            start: c.start,
            duration_sec: c.duration_sec.unwrap_or(60),
            answered: c.answered.unwrap_or(true),
            recording: c.recording.unwrap_or(false),
        };
        self.with(|s| s.simulate_call(&call))?
            .map_err(|e| Error::new(Status::InvalidArg, e))
    }

    /// Every callback sent so far.
    #[napi(catch_unwind)]
    pub fn callbacks(&self) -> Result<Vec<SandboxCallback>> {
        self.with(|s| convert(s.callbacks()))
    }

    /// Waits (off the event loop) for `count` callbacks or `timeoutMs`.
    #[napi]
    pub async fn wait_for_callbacks(
        &self,
        count: u32,
        timeout_ms: u32,
    ) -> Result<Vec<SandboxCallback>> {
        let inner = self.inner.clone();
        let waited = tokio::task::spawn_blocking(move || {
            let guard = inner.lock().unwrap_or_else(|e| e.into_inner());
            guard.as_ref().map(|s| {
                s.wait_for_callbacks(count as usize, Duration::from_millis(u64::from(timeout_ms)))
            })
        })
        .await;
        match waited {
            Ok(Some(records)) => Ok(convert(records)),
            Ok(None) => Err(closed()),
            // tokio's text names the panic's message.
            Err(e) => Err(Error::from_reason(e.to_string())),
        }
    }

    /// Every order made so far, as it stands, each as a callback body (XML).
    #[napi(catch_unwind)]
    pub fn orders_xml(&self) -> Result<Vec<String>> {
        self.with(|s| s.orders().iter().map(|o| o.to_callback_xml()).collect())
    }

    /// The account as it stands, as the JSON text of the state-file format.
    #[napi(catch_unwind)]
    pub fn state_json(&self) -> Result<String> {
        self.with(|s| serde_json::to_string(&s.state()).unwrap_or_default())
    }

    /// The `callbackUrl` of every purchase that made an order (null where none), in the
    /// order of `orders()`.
    #[napi(catch_unwind)]
    pub fn purchase_callback_urls(&self) -> Result<Vec<Option<String>>> {
        self.with(|s| s.purchase_callback_urls())
    }

    /// How many requests named this IOVOX method, faulted ones included.
    #[napi(catch_unwind)]
    pub fn requests_for(&self, method: String) -> Result<f64> {
        self.with(|s| s.requests_for(&method) as f64)
    }

    /// Counters.
    #[napi(catch_unwind)]
    pub fn stats(&self) -> Result<SandboxStats> {
        self.with(|s| {
            let s = s.stats();
            SandboxStats {
                requests: s.requests as f64,
                purchases: s.purchases as f64,
                attaches: s.attaches as f64,
                detaches: s.detaches as f64,
                connections: s.connections as f64,
                repeated_purchases: s.repeated_purchases as f64,
                stock: s.stock as f64,
                sold: s.sold as f64,
                restocked: s.restocked as f64,
            }
        })
    }

    /// Makes the next answer fail: "500", "slow:MS", "drop", "not-xml", "oversized:BYTES".
    #[napi(catch_unwind)]
    pub fn inject(&self, fault: String) -> Result<()> {
        let parsed = Fault::parse(&fault).ok_or_else(|| {
            Error::from_reason(format!(
                "unknown fault {fault:?}: use 500, slow:MS, drop, not-xml or oversized:BYTES"
            ))
        })?;
        self.with(|s| s.inject(parsed))
    }

    /// Stops the server (off the event loop). Idempotent.
    #[napi]
    pub async fn close(&self) -> Result<()> {
        let taken = self.inner.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(sandbox) = taken {
            tokio::task::spawn_blocking(move || sandbox.stop())
                .await
                .map_err(|e| Error::from_reason(e.to_string()))?;
        }
        Ok(())
    }
}

impl NativeSandbox {
    fn with<T>(&self, f: impl FnOnce(&iovox_sandbox::Sandbox) -> T) -> Result<T> {
        let guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        guard.as_ref().map(f).ok_or_else(closed)
    }
}
