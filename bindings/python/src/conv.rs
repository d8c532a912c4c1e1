//! Python values into the core's wire form, and the core's results into Python objects.
//!
//! Values go through pythonize into the wire models' lenient serde, the same path JSON
//! takes: `2` and `"2"` both become the text `2`, `2.5` stays `2.5` and then fails the
//! core's check with the server's own message. Only a request whose *shape* is wrong (an
//! item that is not a dict) is a `TypeError`, named by its position.

use iovox_core::fields::{self, check_keys, Case};
use iovox_core::wire;
use iovox_http::config;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString,
};
use pythonize::depythonize;

/// A number setting (seconds): an int or a float, not a bool or a string.
pub fn number(v: &Bound<'_, PyAny>, setting: &str) -> Result<f64, iovox_http::Error> {
    if !v.is_instance_of::<PyBool>()
        && (v.is_instance_of::<PyInt>() || v.is_instance_of::<PyFloat>())
    {
        if let Ok(f) = v.extract::<f64>() {
            return Ok(f);
        }
        // An int too large for a float: out of range whatever the setting.
        return Ok(f64::INFINITY);
    }
    Err(config::not_a_number(setting, &type_name(v)))
}

/// A whole-number setting: an int, not a bool, a float or a string.
pub fn whole(v: &Bound<'_, PyAny>, setting: &str) -> Result<i128, iovox_http::Error> {
    if v.is_instance_of::<PyInt>() && !v.is_instance_of::<PyBool>() {
        return Ok(v.extract::<i128>().unwrap_or(i128::MAX));
    }
    Err(config::not_a_number(setting, &type_name(v)))
}

/// The request of `purchase_vox_numbers`, in wire form.
pub fn purchase_request(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    callback_url: Option<&Bound<'_, PyAny>>,
    cc_list: Option<&Bound<'_, PyAny>>,
    dynamic_quantity: Option<&Bound<'_, PyAny>>,
) -> PyResult<wire::PurchaseRequest> {
    let request = PyDict::new(py);
    let items = entries(py, items, "items", "iovox.PurchaseItem", fields::ITEM)?;
    request.set_item("items", items)?;
    request.set_item("callback_url", callback_url)?;
    request.set_item("cc_list", cc_list)?;
    request.set_item("dynamic_quantity", dynamic_quantity)?;
    depythonize(request.as_any()).map_err(|e| PyTypeError::new_err(e.to_string()))
}

/// The request of `attach_voxnumber_to_link`, in wire form.
pub fn attach_request(py: Python<'_>, links: &Bound<'_, PyAny>) -> PyResult<wire::AttachRequest> {
    let request = PyDict::new(py);
    request.set_item(
        "links",
        entries(py, links, "links", "iovox.Link", fields::LINK)?,
    )?;
    depythonize(request.as_any()).map_err(|e| PyTypeError::new_err(e.to_string()))
}

/// The link IDs of `remove_voxnumber_from_link`: a sequence of str (or int) IDs.
pub fn detach_request(link_ids: &Bound<'_, PyAny>) -> PyResult<wire::DetachRequest> {
    if link_ids.is_instance_of::<PyString>() || !is_iterable(link_ids) {
        return Err(PyTypeError::new_err(format!(
            "link_ids must be a list of str, not {}",
            type_name(link_ids)
        )));
    }
    let mut ids = Vec::new();
    for (i, id) in link_ids.try_iter()?.enumerate() {
        let id = id?;
        ids.push(wire::Text(if id.is_none() {
            None
        } else if let Ok(s) = id.cast::<PyString>() {
            Some(s.to_cow()?.into_owned())
        } else if id.is_instance_of::<PyInt>() && !id.is_instance_of::<PyBool>() {
            Some(id.str()?.to_cow()?.into_owned())
        } else {
            return Err(PyTypeError::new_err(format!(
                "link_ids[{i}] must be a str, not {}",
                type_name(&id)
            )));
        }));
    }
    Ok(wire::DetachRequest { link_ids: ids })
}

/// A list of dicts from a sequence of mappings and typed objects (anything with
/// `to_dict()`); a key that is not a field of the wire form is a `TypeError` naming it.
fn entries<'py>(
    py: Python<'py>,
    seq: &Bound<'py, PyAny>,
    what: &str,
    class: &str,
    known: &[&str],
) -> PyResult<Bound<'py, PyList>> {
    if seq.is_instance_of::<PyString>() || seq.cast::<PyMapping>().is_ok() || !is_iterable(seq) {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a list of dicts or {class} objects, not {}",
            type_name(seq)
        )));
    }
    let given: Vec<Bound<'py, PyAny>> = seq.try_iter()?.collect::<PyResult<_>>()?;
    let total = given.len();
    let singular = what.trim_end_matches('s');
    let out = PyList::empty(py);
    for (i, entry) in given.into_iter().enumerate() {
        let dict = if let Ok(d) = entry.cast::<PyDict>() {
            d.clone()
        } else if let Ok(m) = entry.cast::<PyMapping>() {
            PyDict::from_sequence(m.items()?.as_any())?
        } else if entry.hasattr("to_dict")? {
            entry.call_method0("to_dict")?.cast_into::<PyDict>()?
        } else {
            return Err(PyTypeError::new_err(format!(
                "{what}[{i}] must be a dict or an {class}, not {}",
                type_name(&entry)
            )));
        };
        let place = format!("{singular} {} of {total}", i + 1);
        check_dict_keys(&dict, known, &place)?;
        if let Some(info) = dict.get_item("additional_information")? {
            if let Ok(info) = info.cast::<PyDict>() {
                let place = format!("additional_information of {place}");
                check_dict_keys(info, fields::ADDITIONAL_INFORMATION, &place)?;
            }
        }
        out.append(big_ints_as_text(py, &dict)?)?;
    }
    Ok(out)
}

fn check_dict_keys(dict: &Bound<'_, PyDict>, known: &[&str], place: &str) -> PyResult<()> {
    let mut keys = Vec::with_capacity(dict.len());
    for key in dict.keys() {
        match key.cast::<PyString>() {
            Ok(k) => keys.push(k.to_cow()?.into_owned()),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "the keys of {place} must be str, not {}",
                    type_name(&key)
                )))
            }
        }
    }
    check_keys(keys.iter().map(String::as_str), known, place, Case::Snake)
        .map_err(|e| PyTypeError::new_err(e.0))
}

/// A copy of `dict` where every int too large for serde (past 128 bits) is its decimal
/// text, which the core reads as the number it is ("Quantity must be between 1 and 250").
fn big_ints_as_text<'py>(
    py: Python<'py>,
    dict: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (key, value) in dict.iter() {
        if let Ok(nested) = value.cast::<PyDict>() {
            out.set_item(key, big_ints_as_text(py, nested)?)?;
        } else if value.is_instance_of::<PyInt>()
            && value.extract::<i128>().is_err()
            && value.extract::<u128>().is_err()
        {
            out.set_item(key, value.str()?)?;
        } else {
            out.set_item(key, value)?;
        }
    }
    Ok(out)
}

fn is_iterable(v: &Bound<'_, PyAny>) -> bool {
    v.try_iter().is_ok()
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// A callback body given as `bytes` or `str`.
pub fn body_bytes(body: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = body.cast::<PyString>() {
        return match s.to_cow() {
            Ok(text) => Ok(text.as_bytes().to_vec()),
            // A lone surrogate has no UTF-8: keep its bytes, which then fail to decode as
            // a `DecodeError` like any other broken body.
            Err(_) => Ok(s
                .call_method1("encode", ("utf-8", "surrogatepass"))?
                .cast_into::<PyBytes>()?
                .as_bytes()
                .to_vec()),
        };
    }
    if let Ok(b) = body.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = body.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    Err(PyTypeError::new_err(format!(
        "body must be bytes or str, not {}",
        type_name(body)
    )))
}
