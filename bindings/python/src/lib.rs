//! The native module `iovox._native` of the Python package `iovox`: wrappers over the
//! client and the core (the sandbox is the package `iovox-sandbox`,
//! `bindings/python-sandbox`). Everything a user can get wrong is decided in the core;
//! this crate only converts values (`conv.rs`) and maps errors (`error.rs`).

mod client;
mod conv;
mod error;
mod generated;
mod lists;
mod models;
mod wait;

use pyo3::prelude::*;

/// The native half of the `iovox` package. Import `iovox`, not this module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("PRODUCTION_URL", iovox_http::PRODUCTION_URL)?;
    m.add("SANDBOX_URL", iovox_http::SANDBOX_URL)?;
    m.add_class::<client::Client>()?;
    m.add_class::<client::PyCancel>()?;
    m.add_class::<models::Order>()?;
    m.add_class::<lists::Page>()?;
    generated::add_classes(m)?;
    m.add_class::<lists::RawResponse>()?;
    m.add_class::<client::PageIterator>()?;
    m.add_class::<models::VoxNumber>()?;
    m.add_function(wrap_pyfunction!(models::parse_callback, m)?)?;
    m.add_function(wrap_pyfunction!(models::receive_callback, m)?)?;
    m.add_function(wrap_pyfunction!(lists::decode_page, m)?)?;
    m.add_function(wrap_pyfunction!(models::purchase_request_xml, m)?)?;
    m.add_function(wrap_pyfunction!(models::attach_request_xml, m)?)?;
    m.add_function(wrap_pyfunction!(models::prepare_request, m)?)?;
    m.add_function(wrap_pyfunction!(models::save_recording, m)?)?;
    m.add_function(wrap_pyfunction!(models::decode_answer, m)?)?;
    Ok(())
}
