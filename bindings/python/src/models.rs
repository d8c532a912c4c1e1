//! `Order` and `VoxNumber`: immutable, comparable, hashable, with a readable `repr` and a
//! `to_dict()`; and the module's functions that need no connection.

use crate::{conv, error};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use std::hash::{DefaultHasher, Hash, Hasher};

/// One purchased number. `full_voxnumber` is a str: it is a phone number, not a quantity.
#[pyclass(module = "iovox", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct VoxNumber {
    /// Country IDD (44).
    #[pyo3(get)]
    country_code: u32,
    /// Area code (151).
    #[pyo3(get)]
    area_code: u32,
    /// The whole number, digits only.
    #[pyo3(get)]
    full_voxnumber: String,
}

#[pymethods]
impl VoxNumber {
    #[new]
    #[pyo3(signature = (country_code, area_code, full_voxnumber))]
    fn new(country_code: u32, area_code: u32, full_voxnumber: String) -> Self {
        VoxNumber {
            country_code,
            area_code,
            full_voxnumber,
        }
    }

    /// `{"country_code": 44, "area_code": 151, "full_voxnumber": "441512100200"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("country_code", self.country_code)?;
        d.set_item("area_code", self.area_code)?;
        d.set_item("full_voxnumber", &self.full_voxnumber)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "VoxNumber(country_code={}, area_code={}, full_voxnumber='{}')",
            self.country_code, self.area_code, self.full_voxnumber
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let me = slf.get();
        let args = (me.country_code, me.area_code, me.full_voxnumber.clone());
        Ok((slf.get_type().into_any(), args.into_pyobject(slf.py())?))
    }
}

impl From<iovox_core::VoxNumber> for VoxNumber {
    fn from(v: iovox_core::VoxNumber) -> Self {
        VoxNumber {
            country_code: v.country_code,
            area_code: v.area_code,
            full_voxnumber: v.full_voxnumber,
        }
    }
}

/// An order, as the purchase answer or a callback reports it.
#[pyclass(module = "iovox", frozen)]
pub struct Order {
    /// IOVOX's reference for the order.
    #[pyo3(get)]
    order_reference: String,
    /// "PENDING" or "FULFILLED".
    #[pyo3(get)]
    order_status: &'static str,
    voxnumbers: Py<PyTuple>,
}

#[pymethods]
impl Order {
    #[new]
    #[pyo3(signature = (order_reference, order_status, voxnumbers))]
    fn new(
        py: Python<'_>,
        order_reference: String,
        order_status: &str,
        voxnumbers: Vec<VoxNumber>,
    ) -> PyResult<Self> {
        let status = order_status
            .parse::<iovox_core::OrderStatus>()
            .map_err(pyo3::exceptions::PyValueError::new_err)?;
        Self::build(py, order_reference, status, voxnumbers)
    }

    /// The numbers, as a tuple of `VoxNumber`.
    #[getter]
    fn voxnumbers(&self, py: Python<'_>) -> Py<PyTuple> {
        self.voxnumbers.clone_ref(py)
    }

    /// True once every number of the order is in the account.
    #[getter]
    fn is_fulfilled(&self) -> bool {
        self.order_status == "FULFILLED"
    }

    /// Plain dicts and lists, for JSON or logging.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("order_reference", &self.order_reference)?;
        d.set_item("order_status", self.order_status)?;
        let list = PyList::empty(py);
        for v in self.numbers(py) {
            list.append(v.get().to_dict(py)?)?;
        }
        d.set_item("voxnumbers", list)?;
        Ok(d)
    }

    pub fn __repr__(&self, py: Python<'_>) -> String {
        let numbers: Vec<String> = self.numbers(py).map(|v| v.get().__repr__()).collect();
        format!(
            "Order(order_reference='{}', order_status='{}', voxnumbers=[{}])",
            self.order_reference,
            self.order_status,
            numbers.join(", ")
        )
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Order>().is_ok_and(|o| {
            let o = o.get();
            o.order_reference == self.order_reference
                && o.order_status == self.order_status
                && o.voxnumbers.bind(py).len() == self.voxnumbers.bind(py).len()
                && o.numbers(py)
                    .zip(self.numbers(py))
                    .all(|(a, b)| a.get() == b.get())
        })
    }

    fn __hash__(&self, py: Python<'_>) -> u64 {
        let mut h = DefaultHasher::new();
        (&self.order_reference, self.order_status).hash(&mut h);
        for v in self.numbers(py) {
            v.get().hash(&mut h);
        }
        h.finish()
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.voxnumbers.bind(py).len()
    }

    /// This order with a callback (or any later report of it) folded in, right whichever
    /// way IOVOX reports: numbers united by `full_voxnumber`, the status never going back
    /// from FULFILLED. `ValueError` for a report of another order.
    fn merge(&self, py: Python<'_>, update: &Order) -> PyResult<Order> {
        let mut known = self.to_core(py);
        known
            .merge(&update.to_core(py))
            .map_err(pyo3::exceptions::PyValueError::new_err)?;
        Order::from_core(py, known)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let me = slf.get();
        let args = (
            me.order_reference.clone(),
            me.order_status,
            me.voxnumbers.clone_ref(slf.py()),
        );
        Ok((slf.get_type().into_any(), args.into_pyobject(slf.py())?))
    }
}

impl Order {
    fn build(
        py: Python<'_>,
        order_reference: String,
        status: iovox_core::OrderStatus,
        numbers: Vec<VoxNumber>,
    ) -> PyResult<Self> {
        // Each number moves into its Python object: no second copy is kept.
        let objects = numbers
            .into_iter()
            .map(|v| Py::new(py, v))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Order {
            order_reference,
            order_status: status.as_str(),
            voxnumbers: PyTuple::new(py, objects)?.unbind(),
        })
    }

    /// The numbers, from the tuple (every item is a `VoxNumber`: `build` made them).
    fn numbers<'py>(&self, py: Python<'py>) -> impl Iterator<Item = Bound<'py, VoxNumber>> {
        self.voxnumbers
            .bind(py)
            .iter()
            .filter_map(|v| v.cast_into::<VoxNumber>().ok())
    }

    /// The core order this one holds.
    fn to_core(&self, py: Python<'_>) -> iovox_core::Order {
        iovox_core::Order {
            order_reference: self.order_reference.clone(),
            order_status: if self.order_status == "FULFILLED" {
                iovox_core::OrderStatus::Fulfilled
            } else {
                iovox_core::OrderStatus::Pending
            },
            voxnumbers: self
                .numbers(py)
                .map(|v| {
                    let v = v.get();
                    iovox_core::VoxNumber {
                        country_code: v.country_code,
                        area_code: v.area_code,
                        full_voxnumber: v.full_voxnumber.clone(),
                    }
                })
                .collect(),
        }
    }

    /// The Python order for a core order.
    pub fn from_core(py: Python<'_>, o: iovox_core::Order) -> PyResult<Self> {
        let numbers = o.voxnumbers.into_iter().map(VoxNumber::from).collect();
        Self::build(py, o.order_reference, o.order_status, numbers)
    }
}

/// Parses the body IOVOX POSTs to `callback_url` (root `<order>`).
#[pyfunction]
pub fn parse_callback(py: Python<'_>, body: &Bound<'_, PyAny>) -> PyResult<Order> {
    error::guard(|| {
        let bytes = conv::body_bytes(body)?;
        // A big order takes milliseconds to read: other threads run meanwhile.
        let order = py
            .detach(|| iovox_http::parse_callback(&bytes))
            .map_err(|e| error::to_py(py, e.into()))?;
        Order::from_core(py, order)
    })
}

/// The one entry point for a callback IOVOX POSTs: checks the `Authorization` header
/// against the `user:pass@` of the `callback_url` the purchase sent (in constant time),
/// then parses the body. Raises `CallbackError` with the `status` to answer (401, 400).
/// A callback URL without `user:password@` is refused (401: anyone could have sent it)
/// unless `allow_unauthenticated_callbacks=True`.
#[pyfunction]
#[pyo3(signature = (callback_url, authorization, body, *, allow_unauthenticated_callbacks=false))]
pub fn receive_callback(
    py: Python<'_>,
    callback_url: &str,
    authorization: Option<&str>,
    body: &Bound<'_, PyAny>,
    allow_unauthenticated_callbacks: bool,
) -> PyResult<Order> {
    error::guard(|| {
        let bytes = conv::body_bytes(body)?;
        let url = callback_url.to_string();
        let auth = authorization.map(str::to_string);
        let allow = allow_unauthenticated_callbacks;
        let order = py
            .detach(|| iovox_http::receive_callback_with(&url, auth.as_deref(), &bytes, allow))
            .map_err(|e| error::callback(py, e))?;
        Order::from_core(py, order)
    })
}

/// What a typed method that is not a list would send for these arguments (a mapping of
/// its argument names), after the same checks as the call: `(query, body)`, the query's
/// pairs in order and the body's XML (empty for a query method). Nothing is sent.
#[pyfunction]
pub fn prepare_request(
    py: Python<'_>,
    method: &str,
    arguments: &Bound<'_, pyo3::types::PyDict>,
) -> PyResult<(Vec<(String, String)>, String)> {
    let action = iovox_convert::action_named(method).ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!(
            "{method} is not a typed method that sends a request (iovox methods lists them)"
        ))
    })?;
    let given: Vec<(String, Bound<'_, PyAny>)> = arguments
        .iter()
        .map(|(k, v)| Ok((k.extract::<String>()?, v)))
        .collect::<PyResult<_>>()?;
    let pairs: Vec<(&str, Option<&Bound<'_, PyAny>>)> =
        given.iter().map(|(k, v)| (k.as_str(), Some(v))).collect();
    let prepared = error::guard(|| conv::action(py, action, &pairs))?;
    let query = (prepared.query.into_iter())
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    Ok((query, prepared.body))
}

/// The XML `purchase_vox_numbers` would send for these arguments, after the same checks.
#[pyfunction]
#[pyo3(signature = (items, *, callback_url=None, cc_list=None, dynamic_quantity=None))]
pub fn purchase_request_xml(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    callback_url: Option<&Bound<'_, PyAny>>,
    cc_list: Option<&Bound<'_, PyAny>>,
    dynamic_quantity: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    error::guard(|| {
        let wire = conv::purchase_request(
            items,
            &[
                ("callback_url", callback_url),
                ("cc_list", cc_list),
                ("dynamic_quantity", dynamic_quantity),
            ],
        )?;
        let request = wire.validate().map_err(|e| error::validation(py, e))?;
        Ok(request.to_xml())
    })
}

/// The XML `attach_voxnumber_to_link` would send for these links, after the same checks.
#[pyfunction]
pub fn attach_request_xml(py: Python<'_>, links: &Bound<'_, PyAny>) -> PyResult<String> {
    error::guard(|| {
        let wire = conv::attach_request(links)?;
        let request = wire.validate().map_err(|e| error::validation(py, e))?;
        Ok(request.to_xml())
    })
}

/// Writes a recording's audio to `path`, whole or not at all (a file beside it, then
/// renamed over it); empty audio is refused with `ValueError`, a file system failure is
/// the `OSError` it is. Answers the bytes written.
#[pyfunction]
pub fn save_recording(py: Python<'_>, audio: &[u8], path: std::path::PathBuf) -> PyResult<u64> {
    py.detach(|| iovox_http::save_recording(audio, &path))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidInput => {
                pyo3::exceptions::PyValueError::new_err(e.to_string())
            }
            _ => e.into(),
        })
}

/// What a typed method that is not a list answered, from the body IOVOX sent (for bodies
/// fetched with `raw_request`): `None`, an `Order`, `bytes` or a `dict`, as its call
/// gives them; a `DecodeError` for a body it cannot read.
#[pyfunction]
pub fn decode_answer(py: Python<'_>, method: &str, body: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let action = iovox_convert::action_named(method).ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!(
            "{method} is not a typed method that answers by name (decode_page reads the lists)"
        ))
    })?;
    let bytes = crate::conv::body_bytes(body)?;
    let outcome = py
        .detach(|| (action.decode)(&bytes))
        .map_err(|e| crate::error::to_py(py, e.into()))?;
    crate::client::outcome_to_py(py, outcome)
}
