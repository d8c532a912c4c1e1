//! `iovox.Client`: the Rust client, called without the GIL so that Python threads sharing
//! one client run their calls in parallel, and interruptibly so that Ctrl-C works.

use crate::models::Order;
use crate::{conv, error, wait};
use iovox_core::method::{
    AttachVoxnumberToLink, Method, PurchaseVoxNumbers, RemoveVoxnumberFromLink,
};
use iovox_http::config::{self, Unit};
use iovox_http::{CallOptions, Cancel, RetryPolicy};
use pyo3::prelude::*;
use std::sync::{Arc, RwLock};

/// A handle that cancels one call (used by `AsyncClient` when its task is cancelled).
#[pyclass(module = "iovox._native", name = "_Cancel", frozen)]
#[derive(Default)]
pub struct PyCancel(pub Cancel);

#[pymethods]
impl PyCancel {
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Cancels the call; returns whether its request may already have reached IOVOX.
    fn cancel(&self) -> bool {
        self.0.cancel()
    }
}

/// A client of the IOVOX REST API v3. Share one per process: it keeps connections alive
/// (and starts fresh ones in a child after `os.fork()`).
#[pyclass(module = "iovox", frozen)]
pub struct Client {
    inner: RwLock<Option<Arc<iovox_http::Client>>>,
    username: String,
    base_url: String,
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (username=None, secure_key=None, base_url=None, *, timeout=None, connect_timeout=None, retries=None, retry_purchase_after_send=false, ca_file=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        username: Option<String>,
        secure_key: Option<String>,
        base_url: Option<String>,
        timeout: Option<&Bound<'_, PyAny>>,
        connect_timeout: Option<&Bound<'_, PyAny>>,
        retries: Option<&Bound<'_, PyAny>>,
        retry_purchase_after_send: bool,
        ca_file: Option<std::path::PathBuf>,
    ) -> PyResult<Self> {
        let built = (|| {
            let mut b = iovox_http::Client::builder_or_env(username, secure_key, base_url)?
                .user_agent(concat!("iovox-python/", env!("CARGO_PKG_VERSION")));
            if let Some(t) = timeout.filter(|t| !t.is_none()) {
                b = b.timeout(config::duration(
                    "timeout",
                    conv::number(t, "timeout")?,
                    Unit::Seconds,
                )?);
            }
            if let Some(t) = connect_timeout.filter(|t| !t.is_none()) {
                let s = conv::number(t, "connect_timeout")?;
                b = b.connect_timeout(config::duration("connect_timeout", s, Unit::Seconds)?);
            }
            let mut policy = RetryPolicy {
                retry_purchase_after_send,
                ..RetryPolicy::default()
            };
            if let Some(r) = retries.filter(|r| !r.is_none()) {
                policy.max_attempts = config::retries("retries", conv::whole(r, "retries")?)? + 1;
            }
            if let Some(path) = ca_file {
                b = b.ca_file(path);
            }
            b.retry(policy).build()
        })();
        let client = built.map_err(|e| error::to_py(py, e))?;
        Ok(Client {
            username: client.username().to_string(),
            base_url: client.base_url().to_string(),
            inner: RwLock::new(Some(Arc::new(client))),
        })
    }

    /// The username sent with every call.
    #[getter]
    fn username(&self) -> &str {
        &self.username
    }

    /// The base URL calls go to.
    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Buys VoxNumbers. Every check the request alone allows is made first: a request the
    /// server would refuse is never sent. Never retried once it may have arrived, unless
    /// the client was made with `retry_purchase_after_send=True`. `timeout` overrides the
    /// client's for this call.
    #[pyo3(signature = (items, *, callback_url=None, cc_list=None, dynamic_quantity=None, timeout=None, _cancel=None))]
    #[allow(clippy::too_many_arguments)]
    fn purchase_vox_numbers(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        callback_url: Option<&Bound<'_, PyAny>>,
        cc_list: Option<&Bound<'_, PyAny>>,
        dynamic_quantity: Option<&Bound<'_, PyAny>>,
        timeout: Option<&Bound<'_, PyAny>>,
        _cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<Order> {
        let request = error::guard(|| {
            conv::purchase_request(items, callback_url, cc_list, dynamic_quantity)
        })?;
        let order = self.call::<PurchaseVoxNumbers>(py, request, timeout, _cancel)?;
        Order::from_core(py, order)
    }

    /// Attaches VoxNumbers to links: all of them, or none.
    #[pyo3(signature = (links, *, timeout=None, _cancel=None))]
    fn attach_voxnumber_to_link(
        &self,
        py: Python<'_>,
        links: &Bound<'_, PyAny>,
        timeout: Option<&Bound<'_, PyAny>>,
        _cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<()> {
        let request = error::guard(|| conv::attach_request(links))?;
        self.call::<AttachVoxnumberToLink>(py, request, timeout, _cancel)
    }

    /// Detaches the VoxNumber of each link (removeVoxnumberFromLink): the numbers go back
    /// to the account's pool, unassigned. All of them, or none. Safe to repeat.
    #[pyo3(signature = (link_ids, *, timeout=None, _cancel=None))]
    fn remove_voxnumber_from_link(
        &self,
        py: Python<'_>,
        link_ids: &Bound<'_, PyAny>,
        timeout: Option<&Bound<'_, PyAny>>,
        _cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<()> {
        let request = error::guard(|| conv::detach_request(link_ids))?;
        self.call::<RemoveVoxnumberFromLink>(py, request, timeout, _cancel)
    }

    /// Lets go of the client's connections. Calls after this raise `ConfigError`.
    fn close(&self) {
        if let Ok(mut inner) = self.inner.write() {
            inner.take();
        }
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, _args: &Bound<'_, pyo3::types::PyTuple>) -> bool {
        self.close();
        false
    }

    fn __repr__(&self) -> String {
        format!(
            "Client(username='{}', base_url='{}')",
            self.username, self.base_url
        )
    }
}

impl Client {
    /// One path for every method: the call's options, then the client's one send path on
    /// an interruptible wait (see `wait.rs`).
    fn call<M>(
        &self,
        py: Python<'_>,
        request: M::Wire,
        timeout: Option<&Bound<'_, PyAny>>,
        cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<M::Output>
    where
        M: Method,
        M::Wire: Send + 'static,
        M::Output: Send + 'static,
    {
        let client = self.client(py)?;
        let cancel = cancel.map(|c| c.get().0.clone()).unwrap_or_default();
        let mut options = CallOptions::default().cancel(cancel.clone());
        if let Some(t) = timeout.filter(|t| !t.is_none()) {
            let seconds = conv::number(t, "timeout").map_err(|e| error::to_py(py, e))?;
            let d = config::duration("timeout", seconds, Unit::Seconds)
                .map_err(|e| error::to_py(py, e))?;
            options = options.timeout(d);
        }
        wait::call(py, cancel, move || {
            client.call_wire::<M>(&request, &options)
        })
    }

    fn client(&self, py: Python<'_>) -> PyResult<Arc<iovox_http::Client>> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        inner.clone().ok_or_else(|| {
            error::to_py(py, iovox_http::Error::Config("the client is closed".into()))
        })
    }
}
