//! `iovox.Client`: the Rust client, called without the GIL so that Python threads sharing
//! one client run their calls in parallel, and interruptibly so that Ctrl-C works.

use crate::lists::{self, Page, RawResponse, Wrap};
use crate::models::Order;
use crate::{conv, error, wait};
use iovox_core::method::Verb;
use iovox_http::config::{self, Unit};
use iovox_http::{CallOptions, Cancel, ListPages, RetryPolicy};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::sync::{Arc, Mutex, RwLock};

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

/// Every attempt of every call as one DEBUG record of `logging.getLogger("iovox")`: the
/// line ("iovox request method=getVoxnumbers outcome=ok attempt=1 duration_ms=4
/// maybe_sent=true") and the same fields as `extra` (`iovox_method`, `iovox_outcome`,
/// `iovox_attempt`, `iovox_duration_ms`, `iovox_maybe_sent`). Nothing is formatted unless
/// the logger is enabled for DEBUG; nothing is logged while the interpreter shuts down.
fn log_hook(logger: Py<PyAny>) -> iovox_http::AttemptHook {
    Arc::new(move |a: &iovox_http::AttemptLog| {
        let _ = Python::try_attach(|py| -> PyResult<()> {
            let logger = logger.bind(py);
            if !logger.call_method1("isEnabledFor", (10,))?.is_truthy()? {
                return Ok(());
            }
            let extra = PyDict::new(py);
            extra.set_item("iovox_method", &a.method)?;
            extra.set_item("iovox_outcome", &a.outcome)?;
            extra.set_item("iovox_attempt", a.attempt)?;
            extra.set_item("iovox_duration_ms", a.duration.as_millis() as u64)?;
            extra.set_item("iovox_maybe_sent", a.maybe_sent)?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("extra", extra)?;
            logger.call_method("debug", ("%s", a.to_string()), Some(&kwargs))?;
            Ok(())
        });
    })
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (username=None, secure_key=None, base_url=None, *, timeout=None, connect_timeout=None, retries=None, retry_purchase_after_send=false, ca_file=None, max_response_bytes=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        username: Option<&Bound<'_, PyAny>>,
        secure_key: Option<&Bound<'_, PyAny>>,
        base_url: Option<&Bound<'_, PyAny>>,
        timeout: Option<&Bound<'_, PyAny>>,
        connect_timeout: Option<&Bound<'_, PyAny>>,
        retries: Option<&Bound<'_, PyAny>>,
        retry_purchase_after_send: bool,
        ca_file: Option<std::path::PathBuf>,
        max_response_bytes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let logger = py
            .import("logging")?
            .call_method1("getLogger", ("iovox",))?
            .unbind();
        let built = (|| {
            let mut b = iovox_http::Client::builder_or_env(
                conv::setting_text(username, "username")?,
                conv::setting_text(secure_key, "secure_key")?,
                conv::setting_text(base_url, "base_url")?,
            )?
            .user_agent(concat!("iovox-python/", env!("CARGO_PKG_VERSION")))
            .on_attempt(log_hook(logger));
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
            if let Some(n) = max_response_bytes.filter(|n| !n.is_none()) {
                let n = conv::whole(n, "max_response_bytes")?;
                b = b.max_response_bytes(config::max_response_bytes("max_response_bytes", n)?);
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

    /// Any IOVOX method, untyped: the same auth, timeouts, retries (only when
    /// `safe_to_repeat`), error decoding and redaction as the typed calls. `query` is a
    /// mapping or pairs; `verb` GET, POST, PUT or DELETE.
    #[pyo3(signature = (interface, method, verb, *, query=None, body=None, safe_to_repeat=false, timeout=None, _cancel=None))]
    #[allow(clippy::too_many_arguments)]
    fn raw_request(
        &self,
        py: Python<'_>,
        interface: &Bound<'_, PyAny>,
        method: &Bound<'_, PyAny>,
        verb: &Bound<'_, PyAny>,
        query: Option<&Bound<'_, PyAny>>,
        body: Option<&Bound<'_, PyAny>>,
        safe_to_repeat: bool,
        timeout: Option<&Bound<'_, PyAny>>,
        _cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<RawResponse> {
        let config = |e| error::to_py(py, e);
        let text = |v: &Bound<'_, PyAny>, name: &str| {
            conv::setting_text(Some(v), name)?
                .ok_or_else(|| iovox_http::Error::Config(format!("{name} must be a str, not None")))
        };
        let text = |v, name| text(v, name).map_err(config);
        let (interface, method) = (text(interface, "interface")?, text(method, "method")?);
        let verb: Verb = text(verb, "verb")?
            .parse()
            .map_err(|e: String| config(iovox_http::Error::Config(e)))?;
        let mut request =
            iovox_http::RawRequest::new(interface, method, verb).safe_to_repeat(safe_to_repeat);
        request.query = conv::pairs(query)?;
        if let Some(b) = body.filter(|b| !b.is_none()) {
            request.body = Some(
                String::from_utf8(conv::body_bytes(b)?)
                    .map_err(|_| pyo3::exceptions::PyTypeError::new_err("body must be UTF-8"))?,
            );
        }
        let client = self.client(py)?;
        let (options, cancel) = options(py, timeout, _cancel)?;
        let answer = wait::call(py, cancel, move || {
            client.raw_request_with(&request, &options)
        })?;
        Ok(RawResponse {
            status: answer.status,
            body: pyo3::types::PyBytes::new(py, &answer.body).unbind(),
        })
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

/// A call's options from `timeout=` and the async client's cancel handle.
fn options(
    py: Python<'_>,
    timeout: Option<&Bound<'_, PyAny>>,
    cancel: Option<&Bound<'_, PyCancel>>,
) -> PyResult<(CallOptions, Cancel)> {
    let cancel = cancel.map(|c| c.get().0.clone()).unwrap_or_default();
    let mut options = CallOptions::default().cancel(cancel.clone());
    if let Some(t) = timeout.filter(|t| !t.is_none()) {
        let seconds = conv::number(t, "timeout").map_err(|e| error::to_py(py, e))?;
        let d =
            config::duration("timeout", seconds, Unit::Seconds).map_err(|e| error::to_py(py, e))?;
        options = options.timeout(d);
    }
    Ok((options, cancel))
}

/// Every result of a list method, one page fetched at a time as it is read
/// (`Client.iter_voxnumbers` and its siblings, generated from the model). The paging loop
/// is `iovox_http::ListPages`, the one every language walks.
#[pyclass(module = "iovox")]
pub struct PageIterator {
    pages: Arc<Mutex<ListPages>>,
    wrap: Wrap,
    timeout: Option<Py<PyAny>>,
    buffer: std::vec::IntoIter<Py<PyAny>>,
}

impl PageIterator {
    /// The next page, or `None` after the last: one call, interruptible, with this
    /// iterator's timeout and the caller's cancel handle.
    fn fetch(
        &self,
        py: Python<'_>,
        cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<Option<Page>> {
        let timeout = self.timeout.as_ref().map(|t| t.bind(py).clone());
        let (options, cancel) = options(py, timeout.as_ref(), cancel)?;
        let pages = self.pages.clone();
        let next = wait::call(py, cancel, move || {
            let mut pages = pages.lock().unwrap_or_else(|e| e.into_inner());
            pages.next_with(&options).transpose()
        })?;
        next.map(|p| lists::page(py, p, self.wrap)).transpose()
    }
}

#[pymethods]
impl PageIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// Every result still to come, page after page, as one pandas DataFrame (pandas is an
    /// extra: `pip install iovox[pandas]`).
    fn to_dataframe<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let records: Vec<Bound<'py, PyAny>> = slf.as_any().try_iter()?.collect::<PyResult<_>>()?;
        crate::lists::dataframe(py, records.into_iter())
    }

    /// `PageIterator[AccountVoxnumber]` in annotations read at run time.
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, pyo3::types::PyType>,
        _item: &Bound<'py, PyAny>,
    ) -> Bound<'py, pyo3::types::PyType> {
        cls.clone()
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Ok(Some(item));
            }
            let Some(page) = self.fetch(py, None)? else {
                return Ok(None);
            };
            let items: Vec<Py<PyAny>> =
                page.results().bind(py).iter().map(|i| i.unbind()).collect();
            self.buffer = items.into_iter();
        }
    }

    /// Page-level iteration: each whole page (`Page`, with its totals) in turn. Call it
    /// before reading results one by one: a page already part-read cannot be given whole.
    fn iter_pages(slf: Py<Self>) -> PageWalk {
        PageWalk(slf)
    }

    /// The next whole page (with its totals), or `None` after the last: page-level
    /// iteration, and what `AsyncClient`'s `async for` awaits.
    #[pyo3(signature = (*, _cancel=None))]
    fn next_page(
        &self,
        py: Python<'_>,
        _cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<Option<Page>> {
        self.fetch(py, _cancel)
    }
}

/// The pages of a `PageIterator`, one whole page at a time (`PageIterator.iter_pages()`).
#[pyclass(module = "iovox")]
pub struct PageWalk(Py<PageIterator>);

#[pymethods]
impl PageWalk {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Page>> {
        let pages = self.0.bind(py).borrow();
        if pages.buffer.len() > 0 {
            return Err(pyo3::exceptions::PyRuntimeError::new_err(
                "iter_pages(): this iterator is part-way through a page; call iter_pages() before reading results one by one",
            ));
        }
        pages.fetch(py, None)
    }
}

/// What an action answered, as Python holds it: `None`, an `Order`, `bytes` or a `dict`.
pub(crate) fn outcome_to_py(
    py: Python<'_>,
    outcome: iovox_convert::Outcome,
) -> PyResult<Py<PyAny>> {
    match outcome {
        iovox_convert::Outcome::Nothing => Ok(py.None()),
        iovox_convert::Outcome::Order(o) => Ok(Py::new(py, Order::from_core(py, o)?)?.into_any()),
        iovox_convert::Outcome::Bytes(b) => {
            Ok(pyo3::types::PyBytes::new(py, &b).into_any().unbind())
        }
        iovox_convert::Outcome::Data(v) => Ok(pythonize::pythonize(py, &v)?.unbind()),
    }
}

impl Client {
    /// One page of a list method of the model, by name: what every generated `get_*`
    /// method calls. `arguments` are the method's own, `None` when not given; `unknown`
    /// holds any other keyword, refused with the nearest name.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn list_page(
        &self,
        py: Python<'_>,
        method: &'static str,
        call: &str,
        arguments: &[(&str, Option<&Bound<'_, PyAny>>)],
        unknown: Option<&Bound<'_, PyDict>>,
        timeout: Option<&Bound<'_, PyAny>>,
        cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<Page> {
        let (list, wrap) = listed(method)?;
        let q = conv::list_query(list, call, arguments, unknown)?;
        let client = self.client(py)?;
        let (options, cancel) = options(py, timeout, cancel)?;
        let page = wait::call(py, cancel, move || client.call_list(list, &q, &options))?;
        lists::page(py, page, wrap)
    }

    /// A typed method that is not a list, by name, with its arguments (`None` when not
    /// given): what every generated method of that kind calls. An order, or `None` for a
    /// method that answers nothing.
    pub(crate) fn act(
        &self,
        py: Python<'_>,
        method: &'static str,
        arguments: &[(&str, Option<&Bound<'_, PyAny>>)],
        timeout: Option<&Bound<'_, PyAny>>,
        cancel: Option<&Bound<'_, PyCancel>>,
    ) -> PyResult<Py<PyAny>> {
        let action = iovox_convert::action_named(method).ok_or_else(|| {
            pyo3::exceptions::PyTypeError::new_err(format!("{method} is not a method of the model"))
        })?;
        let prepared = error::guard(|| conv::action(py, action, arguments))?;
        let client = self.client(py)?;
        let (options, cancel) = options(py, timeout, cancel)?;
        let outcome = wait::call(py, cancel, move || {
            client.call_prepared(&action.spec, prepared, &options, action.decode)
        })?;
        outcome_to_py(py, outcome)
    }

    /// Every result of a list method of the model, by name: what every generated `iter_*`
    /// method calls. The arguments are checked now; nothing is sent until the first read.
    pub(crate) fn list_iter(
        &self,
        py: Python<'_>,
        method: &'static str,
        call: &str,
        arguments: &[(&str, Option<&Bound<'_, PyAny>>)],
        unknown: Option<&Bound<'_, PyDict>>,
        timeout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PageIterator> {
        let (list, wrap) = listed(method)?;
        let q = conv::list_query(list, call, arguments, unknown)?;
        let pages = self
            .client(py)?
            .list_pages(list, q, CallOptions::default())
            .map_err(|e| error::to_py(py, e))?;
        Ok(PageIterator {
            pages: Arc::new(Mutex::new(pages)),
            wrap,
            timeout: timeout.map(|t| t.clone().unbind()),
            buffer: Vec::new().into_iter(),
        })
    }
}

/// A list method of the model and its Python result class.
fn listed(method: &str) -> PyResult<(&'static iovox_core::method::List, Wrap)> {
    match (
        iovox_core::method::list_named(method),
        crate::generated::wrap(method),
    ) {
        (Some(list), Some(wrap)) => Ok((list, wrap)),
        _ => Err(error::internal_error(&format!(
            "{method} is not a list method of the model"
        ))),
    }
}
