//! Python values into the core's wire form, and the core's results into Python objects.
//!
//! Values become the JSON values they would be, then go through `iovox-convert`, the path
//! Node and the command line take too: `2` and `"2"` both become the text `2`, `2.5` stays
//! `2.5` and then fails the core's check with the server's own message. Only a request
//! whose *shape* is wrong (an item that is not a mapping, an unknown key) is a
//! `TypeError`, in the words every language uses.

use iovox_convert::{Case, ShapeError};
use iovox_core::wire;
use iovox_http::config;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyFloat, PyInt, PyMapping, PyString};
use serde_json::{Map, Value};

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
    items: &Bound<'_, PyAny>,
    arguments: &[(&str, Option<&Bound<'_, PyAny>>)],
) -> PyResult<wire::PurchaseRequest> {
    let mut request = Map::new();
    request.insert("items".into(), entries(items, "items")?);
    for &(name, v) in arguments {
        request.insert(
            name.into(),
            v.map(value).transpose()?.unwrap_or(Value::Null),
        );
    }
    iovox_convert::purchase_request(Value::Object(request), Case::Snake).map_err(type_error)
}

/// The request of `attach_voxnumber_to_link`, in wire form.
pub fn attach_request(links: &Bound<'_, PyAny>) -> PyResult<wire::AttachRequest> {
    iovox_convert::attach_request(entries(links, "links")?, Case::Snake).map_err(type_error)
}

fn type_error(e: ShapeError) -> PyErr {
    PyTypeError::new_err(e.0)
}

/// A list of mappings from a sequence of mappings and typed objects (anything with
/// `to_dict()`); the shape and the keys are checked by `iovox-convert`, in its words.
fn entries(seq: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    if seq.is_instance_of::<PyString>() || seq.cast::<PyMapping>().is_ok() || !is_iterable(seq) {
        return Err(type_error(iovox_convert::not_a_list(what, &type_name(seq))));
    }
    let given: Vec<Bound<'_, PyAny>> = seq.try_iter()?.collect::<PyResult<_>>()?;
    let total = given.len();
    let singular = what.trim_end_matches('s');
    let mut out = Vec::with_capacity(total);
    for (i, entry) in given.into_iter().enumerate() {
        let mapping = entry.cast::<PyMapping>().is_ok() || entry.hasattr("to_dict")?;
        if !mapping {
            return Err(type_error(iovox_convert::not_a_mapping(
                singular,
                i,
                total,
                &type_name(&entry),
            )));
        }
        out.push(value(&entry)?);
    }
    Ok(Value::Array(out))
}

/// A Python value as JSON would carry it. Ints past 64 bits become their digits, which
/// the core reads as the number they are ("Quantity must be between 1 and 250"); floats
/// that JSON cannot hold (nan, inf) become their text, which fails as "not an integer";
/// typed inputs give their `to_dict()`.
pub(crate) fn value(v: &Bound<'_, PyAny>) -> PyResult<Value> {
    if v.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if v.is_instance_of::<PyInt>() {
        if let Ok(n) = v.extract::<i64>() {
            return Ok(Value::from(n));
        }
        if let Ok(n) = v.extract::<u64>() {
            return Ok(Value::from(n));
        }
        return Ok(Value::String(v.str()?.to_cow()?.into_owned()));
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        let f = f.value();
        return Ok(serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(f.to_string())));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return text_value(s);
    }
    if let Ok(m) = v.cast::<PyMapping>() {
        let mut map = Map::new();
        for item in m.items()?.iter() {
            let (key, val) = item.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()?;
            // A key that is not a str is named as Python shows it, and refused as unknown.
            // A key that is not a str, or holds a lone surrogate, is named as Python
            // shows it (repr escapes surrogates), and refused as unknown.
            let key = match key.cast::<PyString>().ok().and_then(|k| k.to_cow().ok()) {
                Some(k) => k.into_owned(),
                None => key.repr()?.to_cow()?.into_owned(),
            };
            map.insert(key, value(&val)?);
        }
        return Ok(Value::Object(map));
    }
    if v.hasattr("to_dict")? {
        return value(&v.call_method0("to_dict")?);
    }
    // Audio (a sound file's): bytes, a bytearray, or any buffer (a memoryview), as bytes.
    if let Ok(b) = v.cast::<PyBytes>() {
        return Ok(iovox_core::wire::bytes_value(b.as_bytes()));
    }
    if v.is_instance_of::<PyByteArray>() || v.is_instance_of::<pyo3::types::PyMemoryView>() {
        let bytes = v.py().get_type::<PyBytes>().call1((v,))?;
        return Ok(iovox_core::wire::bytes_value(
            bytes.cast::<PyBytes>()?.as_bytes(),
        ));
    }
    if is_iterable(v) {
        let list: Vec<Value> = v
            .try_iter()?
            .map(|e| e.and_then(|e| value(&e)))
            .collect::<PyResult<_>>()?;
        return Ok(Value::Array(list));
    }
    Err(PyTypeError::new_err(format!(
        "a value of type {} cannot be sent",
        type_name(v)
    )))
}

/// A `str` as the core reads it: its text, or, when it holds a lone surrogate (which UTF-8
/// cannot carry), the value that stands for that (docs/decisions.md 31), so the field's
/// own rule refuses it with its position instead of a `UnicodeEncodeError`.
fn text_value(s: &Bound<'_, PyString>) -> PyResult<Value> {
    if let Ok(text) = s.to_cow() {
        return Ok(Value::String(text.into_owned()));
    }
    let units = utf16(s)?;
    Ok(iovox_convert::lone_surrogate(units).unwrap_or(Value::Null))
}

/// A `str`'s UTF-16 code units, lone surrogates included.
fn utf16(s: &Bound<'_, PyString>) -> PyResult<Vec<u16>> {
    let bytes = s
        .call_method1("encode", ("utf-16-le", "surrogatepass"))?
        .extract::<Vec<u8>>()?;
    Ok(bytes
        .chunks_exact(2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .collect())
}

/// A text setting (`username`, `secure_key`, `base_url`, a raw call's names): its text, or
/// a config error naming the setting when it holds a lone surrogate.
pub fn setting_text(
    v: Option<&Bound<'_, PyAny>>,
    setting: &str,
) -> Result<Option<String>, iovox_http::Error> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let Ok(s) = v.cast::<PyString>() else {
        return Err(iovox_http::Error::Config(format!(
            "{setting} must be a str, not {}",
            type_name(v)
        )));
    };
    if let Ok(text) = s.to_cow() {
        return Ok(Some(text.into_owned()));
    }
    let code = utf16(s)
        .ok()
        .and_then(iovox_convert::lone_surrogate)
        .and_then(|v| iovox_convert::lone_surrogate_code(&v))
        .unwrap_or(0);
    Err(config::lone_surrogate(setting, code))
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

/// A list method's keyword arguments (`None` when not given) and any unknown ones into
/// the wire form; an unknown name is a `TypeError` naming the nearest known one.
pub fn list_query(
    list: &iovox_core::method::List,
    call: &str,
    arguments: &[(&str, Option<&Bound<'_, PyAny>>)],
    unknown: Option<&Bound<'_, pyo3::types::PyDict>>,
) -> PyResult<wire::Query> {
    let mut map = Map::new();
    for &(name, v) in arguments {
        if let Some(v) = v.filter(|v| !v.is_none()) {
            map.insert(name.to_string(), value(v)?);
        }
    }
    if let Some(Value::Object(extra)) = unknown.map(|u| value(u.as_any())).transpose()? {
        map.extend(extra);
    }
    iovox_convert::query(Value::Object(map), list.spec.arguments, call, Case::Snake)
        .map_err(type_error)
}

/// A typed method's arguments (`None` when not given) through their shape and the
/// method's rules into what to send, in the words of every language (`iovox-convert`).
pub fn action(
    py: Python<'_>,
    method: &iovox_convert::Action,
    arguments: &[(&str, Option<&Bound<'_, PyAny>>)],
) -> PyResult<iovox_core::method::Prepared> {
    let mut map = Map::new();
    for &(name, v) in arguments {
        let Some(v) = v.filter(|v| !v.is_none()) else {
            continue;
        };
        // A list is checked here, to name what was given in Python's own words ("not
        // str": a str is iterable, and its characters are no numbers).
        let converted = match method
            .params
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.kind)
        {
            Some(iovox_convert::ParamKind::Entries(_) | iovox_convert::ParamKind::Records(_)) => {
                entries(v, name)?
            }
            Some(iovox_convert::ParamKind::Ids)
                if v.is_instance_of::<PyString>()
                    || v.cast::<PyMapping>().is_ok()
                    || !is_iterable(v) =>
            {
                return Err(type_error(iovox_convert::not_a_list(name, &type_name(v))));
            }
            _ => value(v)?,
        };
        map.insert(name.to_string(), converted);
    }
    (method.prepare)(Value::Object(map), Case::Snake).map_err(|e| match e {
        iovox_convert::Refusal::Shape(e) => type_error(e),
        iovox_convert::Refusal::Invalid(e) => crate::error::validation(py, e),
    })
}

/// A raw call's query: a mapping or pairs of text (numbers become their digits).
pub fn pairs(query: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(String, String)>> {
    let Some(q) = query.filter(|q| !q.is_none()) else {
        return Ok(Vec::new());
    };
    let text = |v: Value| match v {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(if b { "TRUE" } else { "FALSE" }.to_string()),
        other => Err(PyTypeError::new_err(format!(
            "a query value must be a text or a number, not {}",
            iovox_convert::kind(&other)
        ))),
    };
    match value(q)? {
        Value::Object(m) => m.into_iter().map(|(k, v)| Ok((k, text(v)?))).collect(),
        Value::Array(list) => list
            .into_iter()
            .map(|pair| match pair {
                Value::Array(kv) if kv.len() == 2 => {
                    let mut kv = kv.into_iter();
                    let k = text(kv.next().unwrap_or(Value::Null))?;
                    Ok((k, text(kv.next().unwrap_or(Value::Null))?))
                }
                _ => Err(PyTypeError::new_err("query pairs must be (name, value)")),
            })
            .collect(),
        other => Err(PyTypeError::new_err(format!(
            "query must be a mapping or pairs, not {}",
            iovox_convert::kind(&other)
        ))),
    }
}
