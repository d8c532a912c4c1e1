//! The native module `iovox_sandbox._native` of the Python package `iovox-sandbox`: the
//! sandbox server inside the Python process, for users' offline tests. A package apart
//! from `iovox`, so the SDK a service installs carries no server (axum, hyper, tokio).
//!
//! Orders reach Python as the SDK's own `iovox.Order`: each is written as the callback
//! body the sandbox sends and read back by `iovox.parse_callback`, so both packages agree
//! on one class without sharing native code.

use iovox_sandbox::{CallbackRecord, Config, Fault, Restock, State};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pythonize::depythonize;
use std::sync::Mutex;
use std::time::Duration;

/// A local IOVOX on 127.0.0.1 with the same checks, messages, stock, PENDING orders and
/// callbacks. Use it as a context manager, or call `close()`.
#[pyclass(module = "iovox_sandbox", frozen)]
pub struct Sandbox {
    inner: Mutex<Option<iovox_sandbox::Sandbox>>,
    url: String,
    username: String,
    secure_key: String,
}

/// How long a wait runs without looking at signals (Ctrl-C).
const SLICE: Duration = Duration::from_millis(50);

/// Seconds of a delay or a wait, checked as every language checks one (`iovox.ConfigError`).
fn positive(py: Python<'_>, name: &str, v: Option<f64>) -> PyResult<Option<Duration>> {
    v.map(|s| {
        iovox_http::config::delay(name, s, iovox_http::config::Unit::Seconds).map_err(|e| match py
            .import("iovox")
            .and_then(|m| m.getattr("ConfigError")?.call1((e.to_string(),)))
        {
            Ok(exc) => PyErr::from_value(exc),
            Err(import) => import,
        })
    })
    .transpose()
}

/// The SDK's `iovox.Order` for a core order (see the module's comment).
fn order<'py>(py: Python<'py>, order: &iovox_core::Order) -> PyResult<Bound<'py, PyAny>> {
    py.import("iovox")?
        .getattr("parse_callback")?
        .call1((order.to_callback_xml(),))
}

#[pymethods]
impl Sandbox {
    #[new]
    #[pyo3(signature = (state=None, *, username=None, secure_key=None, response_delay=None, auto_restock_after=None, port=0))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        state: Option<&Bound<'_, PyAny>>,
        username: Option<String>,
        secure_key: Option<String>,
        response_delay: Option<f64>,
        auto_restock_after: Option<f64>,
        port: u16,
    ) -> PyResult<Self> {
        let mut config = Config {
            port,
            ..Config::default()
        };
        if let Some(state) = state {
            config.state = depythonize::<State>(state)
                .map_err(|e| PyValueError::new_err(format!("invalid sandbox state: {e}")))?;
        }
        if let Some(u) = username {
            config.username = u;
        }
        if let Some(k) = secure_key {
            config.secure_key = k;
        }
        if let Some(d) = positive(py, "response_delay", response_delay)? {
            config.response_delay = d;
        }
        config.auto_restock_after = positive(py, "auto_restock_after", auto_restock_after)?;
        let sandbox = py.detach(|| iovox_sandbox::Sandbox::start(config))?;
        Ok(Sandbox {
            url: sandbox.url().to_string(),
            username: sandbox.username().to_string(),
            secure_key: sandbox.secure_key().to_string(),
            inner: Mutex::new(Some(sandbox)),
        })
    }

    /// `http://127.0.0.1:PORT`: give it to `Client(base_url=…)`.
    #[getter]
    fn url(&self) -> &str {
        &self.url
    }

    /// The username it accepts.
    #[getter]
    fn username(&self) -> &str {
        &self.username
    }

    /// The secure key it accepts (not a secret: the sandbox sells fake numbers).
    #[getter]
    fn secure_key(&self) -> &str {
        &self.secure_key
    }

    /// Adds `count` numbers to every matching region and completes the PENDING orders that
    /// can now be filled (their callbacks follow). Returns how many callbacks were queued.
    #[pyo3(signature = (count, *, country_code=None, area_code=None, number_type=None))]
    fn restock(
        &self,
        py: Python<'_>,
        count: u32,
        country_code: Option<u32>,
        area_code: Option<u32>,
        number_type: Option<String>,
    ) -> PyResult<usize> {
        let restock = Restock {
            country_code,
            area_code,
            number_type,
            count,
        };
        self.with(py, |s| s.restock(&restock))
    }

    /// Records a call to one of the account's numbers, as IOVOX would after a real one:
    /// `get_call_data` lists it, `get_call_recording` gives its audio when `recording`.
    /// `start` is `YYYY-MM-DD[ HH:MM:SS]` (UTC; now when left out). Returns the call's ID;
    /// `ValueError` for a number the account does not have, a caller that is not digits or
    /// a start that is no date-time.
    #[pyo3(signature = (voxnumber, caller, *, start=None, duration=60, answered=true, recording=false))]
    #[allow(clippy::too_many_arguments)]
    fn simulate_call(
        &self,
        py: Python<'_>,
        voxnumber: String,
        caller: String,
        start: Option<String>,
        duration: u32,
        answered: bool,
        recording: bool,
    ) -> PyResult<String> {
        let call = iovox_sandbox::SimulatedCall {
            voxnumber,
            caller,
            start,
            duration_sec: duration,
            answered,
            recording,
        };
        self.with(py, |s| s.simulate_call(&call))?
            .map_err(pyo3::exceptions::PyValueError::new_err)
    }

    /// Every callback sent so far, in order.
    #[getter]
    fn callbacks(&self, py: Python<'_>) -> PyResult<Vec<SandboxCallback>> {
        let records = self.with(py, |s| s.callbacks())?;
        records
            .into_iter()
            .map(|r| SandboxCallback::new(py, r))
            .collect()
    }

    /// Waits (without the GIL) until `count` callbacks were sent or `timeout` seconds
    /// passed, and returns those sent.
    #[pyo3(signature = (count, timeout=5.0))]
    fn wait_for_callbacks(
        &self,
        py: Python<'_>,
        count: usize,
        timeout: f64,
    ) -> PyResult<Vec<SandboxCallback>> {
        let timeout = positive(py, "timeout", Some(timeout))?.unwrap_or_default();
        // In slices, so Ctrl-C is seen within one .
        let deadline = std::time::Instant::now() + timeout;
        let records = loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let slice = left.min(SLICE);
            let records = self.with(py, |s| s.wait_for_callbacks(count, slice))?;
            if records.len() >= count || left.is_zero() {
                break records;
            }
            py.check_signals()?;
        };
        records
            .into_iter()
            .map(|r| SandboxCallback::new(py, r))
            .collect()
    }

    /// The `callback_url` of every purchase that made an order (None where none), in the
    /// order of `orders`: which of a test's calls reached the sandbox.
    #[getter]
    fn purchase_callback_urls(&self, py: Python<'_>) -> PyResult<Vec<Option<String>>> {
        self.with(py, |s| s.purchase_callback_urls())
    }

    /// The account as it stands: regions with their stock, numbers and their links, in
    /// the state-file format.
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let state = self.with(py, |s| s.state())?;
        pythonize::pythonize(py, &state).map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }

    /// Every order made so far, as it stands now.
    #[getter]
    fn orders<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let orders = self.with(py, |s| s.orders())?;
        orders.iter().map(|o| order(py, o)).collect()
    }

    /// How many requests named this IOVOX method (`getNodes`, …), faulted ones included:
    /// how a test proves a call was not repeated.
    fn requests_for(&self, py: Python<'_>, method: &str) -> PyResult<u64> {
        self.with(py, |s| s.requests_for(method))
    }

    /// Counters: requests, purchases, attaches, connections, repeated_purchases (a purchase
    /// that reached the sandbox twice), stock, sold and restocked (numbers).
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self.with(py, |s| s.stats())?;
        let d = PyDict::new(py);
        d.set_item("requests", s.requests)?;
        d.set_item("purchases", s.purchases)?;
        d.set_item("attaches", s.attaches)?;
        d.set_item("detaches", s.detaches)?;
        d.set_item("connections", s.connections)?;
        d.set_item("repeated_purchases", s.repeated_purchases)?;
        d.set_item("stock", s.stock)?;
        d.set_item("sold", s.sold)?;
        d.set_item("restocked", s.restocked)?;
        Ok(d)
    }

    /// Makes the next answer fail: `"500"`, `"slow:MS"`, `"drop"`, `"not-xml"` or
    /// `"oversized:BYTES"`.
    fn inject(&self, py: Python<'_>, fault: &str) -> PyResult<()> {
        let fault = Fault::parse(fault).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown fault {fault:?}: use 500, slow:MS, drop, not-xml or oversized:BYTES"
            ))
        })?;
        self.with(py, |s| s.inject(fault))
    }

    /// Stops the server and waits for it. Idempotent.
    fn close(&self, py: Python<'_>) {
        let taken = self.inner.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(sandbox) = taken {
            py.detach(|| sandbox.stop());
        }
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, py: Python<'_>, _args: &Bound<'_, pyo3::types::PyTuple>) -> bool {
        self.close(py);
        false
    }

    fn __repr__(&self) -> String {
        format!("Sandbox(url='{}', username='{}')", self.url, self.username)
    }
}

impl Sandbox {
    /// Runs `f` on the running sandbox without the GIL (it may wait on the server's locks).
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&iovox_sandbox::Sandbox) -> T + Send,
    ) -> PyResult<T> {
        py.detach(|| {
            let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            inner.as_ref().map(f)
        })
        .ok_or_else(|| PyRuntimeError::new_err("the sandbox is closed"))
    }
}

/// What became of one callback the sandbox sent.
#[pyclass(module = "iovox_sandbox", frozen)]
pub struct SandboxCallback {
    /// The order update that was sent (an `iovox.Order`).
    #[pyo3(get)]
    order: Py<PyAny>,
    /// Where it went, with any `user:pass@` removed.
    #[pyo3(get)]
    url: String,
    /// Whether the receiver answered 2xx.
    #[pyo3(get)]
    delivered: bool,
    /// How many times it was sent.
    #[pyo3(get)]
    attempts: u32,
    /// The receiver's last HTTP status, if it answered.
    #[pyo3(get)]
    status: Option<u16>,
    /// Why the last attempt failed, if it did.
    #[pyo3(get)]
    error: Option<String>,
}

impl SandboxCallback {
    fn new(py: Python<'_>, r: CallbackRecord) -> PyResult<Self> {
        Ok(SandboxCallback {
            order: order(py, &r.order)?.unbind(),
            url: r.url,
            delivered: r.delivered,
            attempts: r.attempts,
            status: r.status,
            error: r.error,
        })
    }
}

#[pymethods]
impl SandboxCallback {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "SandboxCallback(url='{}', delivered={}, attempts={}, order={})",
            self.url,
            if self.delivered { "True" } else { "False" },
            self.attempts,
            self.order
                .bind(py)
                .repr()
                .map(|r| r.to_string())
                .unwrap_or_default()
        )
    }
}

/// The native half of `iovox_sandbox`. Import `iovox_sandbox`, not this module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Sandbox>()?;
    m.add_class::<SandboxCallback>()?;
    Ok(())
}
