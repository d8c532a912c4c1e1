//! Blocking calls that Ctrl-C can interrupt. The call runs on a thread of its own while
//! the calling thread waits without the GIL in short slices, checking for signals between
//! them; so `KeyboardInterrupt` arrives within about 50 ms, and other Python threads run
//! meanwhile. A thread per call (rather than a pool) leaves nothing behind to go stale
//! after `fork()`.
//!
//! An interrupted call is cancelled: no attempt starts after it. One whose request may
//! already have left goes on in the background (a purchase may still be made), and the
//! `KeyboardInterrupt` carries a note saying so.

use crate::error;
use iovox_http::{Cancel, Error};
use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::time::Duration;

/// How long the caller waits without looking at signals.
pub const SLICE: Duration = Duration::from_millis(50);

type Outcome<T> = std::thread::Result<Result<T, Error>>;

/// Runs `call` (which takes the call's cancel handle) and waits for it interruptibly.
pub fn call<T: Send + 'static>(
    py: Python<'_>,
    cancel: Cancel,
    call: impl FnOnce(Cancel) -> Result<T, Error> + Send + 'static,
) -> PyResult<T> {
    let (tx, rx) = sync_channel::<Outcome<T>>(1);
    let handle = cancel.clone();
    std::thread::Builder::new()
        .name("iovox-call".into())
        .spawn(move || {
            let _ = tx.send(catch_unwind(AssertUnwindSafe(|| call(handle))));
        })
        .map_err(|e| error::internal_error(&format!("could not start a thread: {e}")))?;
    // `detach` wants what it borrows to be `Sync`; only this thread ever locks it.
    let rx = std::sync::Mutex::new(rx);
    loop {
        let got = py.detach(|| {
            rx.lock()
                .unwrap_or_else(|e| e.into_inner())
                .recv_timeout(SLICE)
        });
        match got {
            Ok(Ok(Ok(value))) => return Ok(value),
            Ok(Ok(Err(e))) => return Err(error::to_py(py, e)),
            Ok(Err(panic)) => return Err(error::internal(&*panic)),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(interrupt) = py.check_signals() {
                    let maybe_sent = cancel.cancel();
                    note(py, &interrupt, maybe_sent);
                    return Err(interrupt);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(error::internal_error(
                    "the call's thread ended without an answer",
                ))
            }
        }
    }
}

fn note(py: Python<'_>, interrupt: &PyErr, maybe_sent: bool) {
    let text = if maybe_sent {
        "iovox: the call was abandoned after its request may have reached IOVOX; a purchase may still be made"
    } else {
        "iovox: the call was abandoned before anything was sent"
    };
    let value = interrupt.value(py);
    if value.hasattr("add_note").unwrap_or(false) {
        let _ = value.call_method1("add_note", (text,));
    }
}
