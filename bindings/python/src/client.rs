//! `iovox.Client`: the Rust client, called with the GIL released so that Python threads
//! sharing one client run their calls in parallel.

use crate::models::Order;
use crate::{conv, error};
use iovox_http::RetryPolicy;
use pyo3::prelude::*;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// A client of the IOVOX REST API v3. Share one per process: it keeps connections alive.
#[pyclass(module = "iovox", frozen)]
pub struct Client {
    inner: RwLock<Option<Arc<iovox_http::Client>>>,
    username: String,
    base_url: String,
}

/// Seconds as a `Duration`, refusing what `Duration` cannot hold.
fn seconds(py: Python<'_>, name: &str, v: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(v)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| {
            error::to_py(
                py,
                iovox_http::Error::Config(format!(
                    "{name} must be a positive number of seconds, not {v}"
                )),
            )
        })
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (username=None, secure_key=None, base_url=None, *, timeout=30.0, connect_timeout=10.0, retries=2, retry_purchase_after_send=false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        username: Option<String>,
        secure_key: Option<String>,
        base_url: Option<String>,
        timeout: f64,
        connect_timeout: f64,
        retries: u32,
        retry_purchase_after_send: bool,
    ) -> PyResult<Self> {
        let policy = RetryPolicy {
            max_attempts: retries.saturating_add(1),
            retry_purchase_after_send,
            ..RetryPolicy::default()
        };
        let client = iovox_http::Client::builder_or_env(username, secure_key, base_url)
            .map_err(|e| error::to_py(py, e))?
            .timeout(seconds(py, "timeout", timeout)?)
            .connect_timeout(seconds(py, "connect_timeout", connect_timeout)?)
            .retry(policy)
            .user_agent(concat!("iovox-python/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| error::to_py(py, e))?;
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
    /// the client was made with `retry_purchase_after_send=True`.
    #[pyo3(signature = (items, *, callback_url=None, cc_list=None, dynamic_quantity=None))]
    fn purchase_vox_numbers(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        callback_url: Option<&Bound<'_, PyAny>>,
        cc_list: Option<&Bound<'_, PyAny>>,
        dynamic_quantity: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Order> {
        let request = error::guard(|| {
            conv::purchase_request(py, items, callback_url, cc_list, dynamic_quantity)
        })?;
        let client = self.client(py)?;
        let order = error::detached(py, || client.purchase_vox_numbers_wire(&request))?;
        Order::from_core(py, order)
    }

    /// Attaches VoxNumbers to links: all of them, or none.
    fn attach_voxnumber_to_link(&self, py: Python<'_>, links: &Bound<'_, PyAny>) -> PyResult<()> {
        let request = error::guard(|| conv::attach_request(py, links))?;
        let client = self.client(py)?;
        error::detached(py, || client.attach_voxnumber_to_link_wire(&request))
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
    fn client(&self, py: Python<'_>) -> PyResult<Arc<iovox_http::Client>> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        inner.clone().ok_or_else(|| {
            error::to_py(py, iovox_http::Error::Config("the client is closed".into()))
        })
    }
}
