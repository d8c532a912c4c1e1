//! Rust errors into the Python exceptions of `iovox/_errors.py`, and panics into
//! `IovoxError` (pyo3's `PanicException` derives from `BaseException`, which
//! `except Exception` misses).

use iovox_core::{DecodeError, ValidationErrors};
use iovox_http::Error;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Builds `iovox._errors.<class>(message, **attrs)`.
fn raise(py: Python<'_>, class: &str, message: &str, attrs: &Bound<'_, PyDict>) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let module = py.import("iovox._errors")?;
        let exc = module.getattr(class)?.call((message,), Some(attrs))?;
        Ok(PyErr::from_value(exc))
    })();
    made.unwrap_or_else(|e| e)
}

/// `iovox.CallbackError` for a refused callback, with the status to answer.
pub fn callback(py: Python<'_>, e: iovox_http::CallbackError) -> PyErr {
    let attrs = PyDict::new(py);
    if let Err(err) = attrs.set_item("status", e.status()) {
        return err;
    }
    raise(py, "CallbackError", &e.to_string(), &attrs)
}

/// The Python exception for a client error.
pub fn to_py(py: Python<'_>, e: Error) -> PyErr {
    let message = e.to_string();
    let messages = e.messages();
    let attrs = PyDict::new(py);
    let class = (|| -> PyResult<&str> {
        attrs.set_item("attempts", e.attempts())?;
        Ok(match e {
            Error::Validation(errors) => {
                attrs.set_item("errors", issues(py, &errors)?)?;
                "ValidationError"
            }
            Error::Api {
                status, messages, ..
            } => {
                attrs.set_item("status", status)?;
                attrs.set_item("messages", messages)?;
                match status {
                    401 | 403 => "AuthenticationError",
                    _ => "ApiError",
                }
            }
            Error::Timeout { maybe_sent, .. } => {
                attrs.set_item("maybe_sent", maybe_sent)?;
                "TimeoutError"
            }
            Error::Connection { maybe_sent, .. } => {
                attrs.set_item("maybe_sent", maybe_sent)?;
                "ConnectionError"
            }
            Error::Decode(d) => {
                decode_attrs(&attrs, &d)?;
                "DecodeError"
            }
            Error::Config(_) => "ConfigError",
            // Python cancels through Ctrl-C and asyncio, which raise their own exceptions;
            // a kind the core may add later reaches Python as the base class.
            _ => "IovoxError",
        })
    })();
    match class {
        Ok(class) => {
            let error = raise(py, class, &message, &attrs);
            // `messages` as the core gives them, in every kind (Node's are the same): the
            // decode error's own text, not the sentence around it.
            if !matches!(
                class,
                "ValidationError" | "ApiError" | "AuthenticationError"
            ) {
                if let Err(e) = error.value(py).setattr("messages", messages) {
                    return e;
                }
            }
            error
        }
        Err(e) => e,
    }
}

/// `ValidationError` for errors found before anything was sent.
pub fn validation(py: Python<'_>, errors: ValidationErrors) -> PyErr {
    to_py(py, Error::Validation(errors))
}

fn decode_attrs(attrs: &Bound<'_, PyDict>, d: &DecodeError) -> PyResult<()> {
    attrs.set_item("line", d.line)?;
    attrs.set_item("column", d.column)
}

/// `ValidationIssue(code, position, field, message)` objects, in document order.
fn issues<'py>(py: Python<'py>, errors: &ValidationErrors) -> PyResult<Bound<'py, PyList>> {
    let module = py.import("iovox._errors")?;
    let (issue, position) = (
        module.getattr("ValidationIssue")?,
        module.getattr("Position")?,
    );
    let list = PyList::empty(py);
    for e in errors.iter() {
        let pos = match e.position {
            Some(p) => position.call1((p.index, p.total))?.into_any(),
            None => py.None().into_bound(py),
        };
        let args = PyTuple::new(
            py,
            [
                e.code.as_str().into_pyobject(py)?.into_any(),
                pos,
                e.field.into_pyobject(py)?.into_any(),
                e.message.as_str().into_pyobject(py)?.into_any(),
            ],
        )?;
        list.append(issue.call1(args)?)?;
    }
    Ok(list)
}

/// Runs `f`, turning a panic into `IovoxError` so none reaches Python as `PanicException`.
pub fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| Err(internal(&*panic)))
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

pub fn internal(panic: &(dyn std::any::Any + Send)) -> PyErr {
    internal_error(&panic_text(panic))
}

/// `IovoxError` for a bug of ours, with what Rust said.
pub fn internal_error(what: &str) -> PyErr {
    Python::attach(|py| {
        let attrs = PyDict::new(py);
        raise(
            py,
            "IovoxError",
            &format!("internal error in iovox (please report it): {what}"),
            &attrs,
        )
    })
}
