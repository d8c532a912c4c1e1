//! The list methods' results as Python objects, and the raw call's answer. Each result
//! object holds the core's record and converts a field only when it is read, so a 20,000-
//! result page costs one small object per result, not a dict of twelve strings.

use iovox_core::method::{list_named, Answer, AnyRecord};
use iovox_core::model::{FieldKind, ResultField};
use iovox_core::{Field, Page as CorePage, Record};
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

/// A field as Python reads it: `str`, `int`, `bool`, or a `datetime` for a date-time field
/// of the model.
fn field<'py>(py: Python<'py>, kind: FieldKind, value: &Field<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Field::Text(s) if kind == FieldKind::DateTime => date_time(py, s)?,
        Field::Text(s) => pyo3::types::PyString::new(py, s).into_any(),
        Field::Number(n) => n.into_pyobject(py)?.into_any(),
        Field::Flag(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
    })
}

/// The result fields of a list method, from the model.
fn fields_of(method: &str) -> &'static [ResultField] {
    match list_named(method).map(|l| l.spec.answer) {
        Some(Answer::List(fields)) => fields,
        _ => &[],
    }
}

fn kind_of(fields: &[ResultField], name: &str) -> FieldKind {
    fields
        .iter()
        .find(|f| f.element == name)
        .map_or(FieldKind::Text, |f| f.kind)
}

/// Every field of a record as a dict ready for `json.dumps`: absent fields as `None`, a
/// date-time as ISO 8601 text (`2026-01-15T10:00:00`; IOVOX's own text when it is not a
/// date), numbers and flags as themselves.
pub(crate) fn to_dict<'py>(
    py: Python<'py>,
    method: &str,
    record: &dyn Record,
) -> PyResult<Bound<'py, PyDict>> {
    let fields = fields_of(method);
    let d = PyDict::new(py);
    for (name, value) in record.fields() {
        match value {
            Some(v) => {
                let value = field(py, kind_of(fields, name), &v)?;
                let value = if value.is_instance_of::<PyDateTime>() {
                    value.call_method0("isoformat")?
                } else {
                    value
                };
                d.set_item(name, value)?
            }
            None => d.set_item(name, py.None())?,
        }
    }
    Ok(d)
}

/// One field of a record, by its element name.
pub(crate) fn get<'py>(
    py: Python<'py>,
    method: &str,
    record: &dyn Record,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    for (n, value) in record.fields() {
        if n == name {
            return match value {
                Some(v) => field(py, kind_of(fields_of(method), name), &v),
                None => Ok(py.None().into_bound(py)),
            };
        }
    }
    Ok(py.None().into_bound(py))
}

/// `Country(code=44, name='UNITED KINGDOM')`: each field given, as Python would write its
/// value.
pub(crate) fn repr(
    py: Python<'_>,
    class: &str,
    method: &str,
    record: &dyn Record,
) -> PyResult<String> {
    let fields = fields_of(method);
    let mut shown = Vec::new();
    for (n, v) in record.fields() {
        if let Some(v) = v {
            shown.push(format!(
                "{n}={}",
                field(py, kind_of(fields, n), &v)?.repr()?
            ));
        }
    }
    Ok(format!("{class}({})", shown.join(", ")))
}

/// Whether two records hold the same fields.
pub(crate) fn same(a: &dyn Record, b: &dyn Record) -> bool {
    a.fields() == b.fields()
}

/// How a list method's record becomes its Python object.
pub(crate) type Wrap = fn(Python<'_>, AnyRecord) -> PyResult<Py<PyAny>>;

/// A result class of a list method: the core's record inside, each field a property read
/// on demand. The classes are written by `scripts/generate` (`generated.rs`), one per
/// list method of the model.
macro_rules! record_class {
    ($(#[$doc:meta])* $name:ident($method:literal) { $($field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[pyclass(module = "iovox", frozen)]
        pub struct $name(pub iovox_core::method::AnyRecord);

        #[pymethods]
        impl $name {
            $(
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    $crate::lists::get(py, $method, &*self.0, stringify!($field))
                }
            )*

            /// Every field, by IOVOX's name (absent fields as `None`), for JSON and
            /// dataframes.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
                $crate::lists::to_dict(py, $method, &*self.0)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                $crate::lists::repr(py, stringify!($name), $method, &*self.0)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other
                    .cast::<$name>()
                    .is_ok_and(|o| $crate::lists::same(&*self.0, &*o.get().0))
            }

            #[classattr]
            const __hash__: Option<Py<PyAny>> = None;
        }
    };
}
pub(crate) use record_class;

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

    /// The page as a dict ready for `json.dumps`: `results` (each result's `to_dict()`),
    /// `current_page`, `total_pages` and `total_results`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let results = PyList::empty(py);
        for r in self.results.bind(py).iter() {
            results.append(r.call_method0("to_dict")?)?;
        }
        let d = PyDict::new(py);
        d.set_item("results", results)?;
        d.set_item("current_page", self.current_page)?;
        d.set_item("total_pages", self.total_pages)?;
        d.set_item("total_results", self.total_results)?;
        Ok(d)
    }

    /// The results as a pandas DataFrame: a row per result, a column per field (dates as
    /// ISO text, as `to_dict()` gives them). pandas is an extra: `pip install iovox[pandas]`.
    fn to_dataframe<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dataframe(py, self.results.bind(py).iter())
    }

    /// `Page[AccountVoxnumber]` in annotations read at run time.
    #[classmethod]
    fn __class_getitem__<'py>(
        cls: &Bound<'py, pyo3::types::PyType>,
        _item: &Bound<'py, PyAny>,
    ) -> Bound<'py, pyo3::types::PyType> {
        cls.clone()
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
pub fn page(py: Python<'_>, page: CorePage<AnyRecord>, wrap: Wrap) -> PyResult<Page> {
    let has_next = page.has_next();
    let items = page
        .results
        .into_iter()
        .map(|r| wrap(py, r))
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
/// read from elsewhere. `method` is IOVOX's name of any list method the SDK types
/// (`getVoxnumbers`, `getLinks`, …: `iovox methods` lists them).
#[pyfunction]
pub fn decode_page(py: Python<'_>, method: &str, body: &Bound<'_, PyAny>) -> PyResult<Page> {
    crate::error::guard(|| {
        let bytes = crate::conv::body_bytes(body)?;
        let (Some(list), Some(wrap)) = (list_named(method), crate::generated::wrap(method)) else {
            let names: Vec<&str> = iovox_core::method::LISTS
                .iter()
                .map(|l| l.spec.route.name)
                .collect();
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "decode_page reads {}, not {method:?}",
                names.join(", ")
            )));
        };
        let p = py
            .detach(|| (list.decode)(&bytes))
            .map_err(|e| crate::error::to_py(py, e.into()))?;
        page(py, p, wrap)
    })
}

/// A pandas DataFrame of records (each one's `to_dict()`), or an `ImportError` saying how
/// to install pandas.
pub(crate) fn dataframe<'py>(
    py: Python<'py>,
    records: impl Iterator<Item = Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = py.import("pandas").map_err(|_| {
        pyo3::exceptions::PyImportError::new_err(
            "to_dataframe needs pandas, an optional extra: pip install iovox[pandas]",
        )
    })?;
    let rows = PyList::empty(py);
    for r in records {
        rows.append(r.call_method0("to_dict")?)?;
    }
    pandas.call_method1("DataFrame", (rows,))
}
