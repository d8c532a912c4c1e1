//! The list methods' results as Python objects, and the raw call's answer. Each result
//! object holds the core's record and converts a field only when it is read, so a 20,000-
//! result page costs one small object per result, not a dict of twelve strings.

use iovox_core::{AccountLink as CoreLink, AccountVoxnumber as CoreNumber, Page as CorePage};
use iovox_core::{Field, Record, VoxnumberRegion as CoreRegion};
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyDict, PyList};

/// "YYYY-MM-DD HH:MM:SS" (time optional) as a naive `datetime.datetime`; IOVOX's text when
/// it is not that.
fn date_time<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let n = |s: Option<&str>| s.and_then(|s| s.trim().parse::<u32>().ok());
    let (date, time) = text
        .trim()
        .split_once(' ')
        .unwrap_or((text.trim(), "00:00:00"));
    let mut d = date.split('-');
    let mut t = time.split(':');
    let parts = (
        n(d.next()),
        n(d.next()),
        n(d.next()),
        n(t.next()),
        n(t.next()),
        n(t.next()).or(Some(0)),
    );
    if let (Some(y), Some(mo), Some(da), Some(h), Some(mi), Some(s)) = parts {
        if let Ok(dt) = PyDateTime::new(
            py, y as i32, mo as u8, da as u8, h as u8, mi as u8, s as u8, 0, None,
        ) {
            return Ok(dt.into_any());
        }
    }
    Ok(pyo3::types::PyString::new(py, text).into_any())
}

/// A field as Python reads it: `str`, `int`, `bool`, or a `datetime` for `purchase_date`.
fn field<'py>(py: Python<'py>, name: &str, value: &Field<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Field::Text(s) if name == "purchase_date" => date_time(py, s)?,
        Field::Text(s) => pyo3::types::PyString::new(py, s).into_any(),
        Field::Number(n) => n.into_pyobject(py)?.into_any(),
        Field::Flag(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
    })
}

/// Every field of a record as a dict (absent fields as `None`).
fn to_dict<'py>(py: Python<'py>, record: &impl Record) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (name, value) in record.fields() {
        match value {
            Some(v) => d.set_item(name, field(py, name, &v)?)?,
            None => d.set_item(name, py.None())?,
        }
    }
    Ok(d)
}

fn get<'py>(py: Python<'py>, record: &impl Record, name: &str) -> PyResult<Bound<'py, PyAny>> {
    for (n, value) in record.fields() {
        if n == name {
            return match value {
                Some(v) => field(py, name, &v),
                None => Ok(py.None().into_bound(py)),
            };
        }
    }
    Ok(py.None().into_bound(py))
}

fn repr(class: &str, record: &impl Record) -> String {
    let fields: Vec<String> = record
        .fields()
        .into_iter()
        .filter_map(|(n, v)| v.map(|v| format!("{n}={:?}", v.text())))
        .collect();
    format!("{class}({})", fields.join(", "))
}

/// A result class: the core's record inside, each field a property read on demand.
macro_rules! record_class {
    ($(#[$doc:meta])* $name:ident($core:ty) { $($field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[pyclass(module = "iovox", frozen, eq)]
        #[derive(PartialEq)]
        pub struct $name(pub $core);

        #[pymethods]
        impl $name {
            $(
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    get(py, &self.0, stringify!($field))
                }
            )*

            /// Every field, by IOVOX's name (absent fields as `None`).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                to_dict(py, &self.0)
            }

            fn __repr__(&self) -> String {
                repr(stringify!($name), &self.0)
            }
        }
    };
}

record_class! {
    /// A region numbers can be bought in (getVoxnumberRegions).
    VoxnumberRegion(CoreRegion) {
        country_code, area_code, country_name, state_name, city_name, require_purchase_info,
        cost,
    }
}

record_class! {
    /// A number of the account (getVoxnumbers). Fields not asked for in `req_fields` are
    /// `None`; `purchase_date` is a `datetime.datetime` (naive: IOVOX does not say its zone).
    AccountVoxnumber(CoreNumber) {
        node_id, node_name, link_id, link_name, assigned_status, call_status, country_code,
        voxnumber, voxnumber_type, voxnumber_country, voxnumber_city, purchase_date,
    }
}

record_class! {
    /// A link of the account (getLinks).
    AccountLink(CoreLink) {
        node_id, node_name, node_type, link_id, link_name, link_type, click_to_call,
        voxnumber, rule_name,
    }
}

/// One page of a list method: `results` and IOVOX's totals.
#[pyclass(module = "iovox", frozen)]
pub struct Page {
    /// The results of this page.
    #[pyo3(get)]
    results: Py<PyList>,
    /// This page's number (from 1), when IOVOX says.
    #[pyo3(get)]
    current_page: Option<u32>,
    /// How many pages there are, when IOVOX says.
    #[pyo3(get)]
    total_pages: Option<u32>,
    /// How many results there are over every page, when IOVOX says.
    #[pyo3(get)]
    total_results: Option<u64>,
    has_next: bool,
}

#[pymethods]
impl Page {
    /// Whether a page follows this one.
    #[getter]
    fn has_next(&self) -> bool {
        self.has_next
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.results.bind(py).len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.results.bind(py).try_iter()?.into_any())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Page({} results, page {} of {}, {} in all)",
            self.results.bind(py).len(),
            self.current_page.map_or("?".into(), |p| p.to_string()),
            self.total_pages.map_or("?".into(), |p| p.to_string()),
            self.total_results.map_or("?".into(), |p| p.to_string()),
        )
    }
}

/// A core page into a Python page of result objects.
pub fn page<T, P>(py: Python<'_>, page: CorePage<T>, wrap: fn(T) -> P) -> PyResult<Page>
where
    P: pyo3::PyClass + Into<pyo3::PyClassInitializer<P>>,
{
    let has_next = page.has_next();
    let items = page
        .results
        .into_iter()
        .map(|r| Py::new(py, wrap(r)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Page {
        results: PyList::new(py, items)?.unbind(),
        current_page: page.current_page,
        total_pages: page.total_pages,
        total_results: page.total_results,
        has_next,
    })
}

impl Page {
    /// The results, for the iterator.
    pub fn results(&self) -> &Py<PyList> {
        &self.results
    }

    /// Whether a page follows.
    pub fn next(&self) -> bool {
        self.has_next
    }
}

/// The answer of `Client.raw_request` that succeeded.
#[pyclass(module = "iovox", frozen, get_all)]
pub struct RawResponse {
    /// The HTTP status (200, 201, 204, …).
    pub status: u16,
    /// The body as it came.
    pub body: Py<pyo3::types::PyBytes>,
}

#[pymethods]
impl RawResponse {
    /// The body as text (UTF-8, invalid bytes replaced).
    #[getter]
    fn text(&self, py: Python<'_>) -> String {
        String::from_utf8_lossy(self.body.bind(py).as_bytes()).into_owned()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "RawResponse(status={}, {} bytes)",
            self.status,
            self.body.bind(py).as_bytes().len()
        )
    }
}

/// A list method's answer, as a `Page`: for bodies fetched with `Client.raw_request`, or
/// read from elsewhere. `method` is IOVOX's name (`getVoxnumbers`, `getLinks`,
/// `getVoxnumberRegions`).
#[pyfunction]
pub fn decode_page(py: Python<'_>, method: &str, body: &Bound<'_, PyAny>) -> PyResult<Page> {
    use iovox_core::method::{GetLinks, GetVoxnumberRegions, GetVoxnumbers, Method};
    crate::error::guard(|| {
        let bytes = crate::conv::body_bytes(body)?;
        let failed = |e: iovox_core::DecodeError| crate::error::to_py(py, e.into());
        match method {
            "getVoxnumbers" => {
                let p = py
                    .detach(|| GetVoxnumbers::decode(&bytes))
                    .map_err(failed)?;
                page(py, p, AccountVoxnumber)
            }
            "getLinks" => {
                let p = py.detach(|| GetLinks::decode(&bytes)).map_err(failed)?;
                page(py, p, AccountLink)
            }
            "getVoxnumberRegions" => {
                let p = py
                    .detach(|| GetVoxnumberRegions::decode(&bytes))
                    .map_err(failed)?;
                page(py, p, VoxnumberRegion)
            }
            other => Err(pyo3::exceptions::PyValueError::new_err(format!(
                "decode_page reads getVoxnumbers, getLinks or getVoxnumberRegions, not {other:?}"
            ))),
        }
    })
}
