//! Blocking calls that Ctrl-C can interrupt. Python runs signal handlers on the main
//! thread only, so there the call runs on a thread of its own while the main thread waits
//! without the GIL in short slices, checking for signals between them: `KeyboardInterrupt`
//! arrives within about 50 ms. A thread per call (rather than a pool) leaves nothing
//! behind to go stale after `fork()`; handing a call over costs a thread wake-up each way
//! (about 50 µs on a small VM, measured; a pool costs the same). On any other thread no
//! signal can arrive, so the call runs right there, without the GIL, at no such cost.
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

/// Runs `call` and waits for it interruptibly; Ctrl-C pulls `cancel` (the handle `call`'s
/// options carry).
pub fn call<T: Send + 'static>(
    py: Python<'_>,
    cancel: Cancel,
    call: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> PyResult<T> {
    if !on_main_thread() {
        return match py.detach(|| catch_unwind(AssertUnwindSafe(call))) {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(error::to_py(py, e)),
            Err(panic) => Err(error::internal(&*panic)),
        };
    }
    let (tx, rx) = sync_channel::<Outcome<T>>(1);
    std::thread::Builder::new()
        .name("iovox-call".into())
        .spawn(move || {
            let _ = tx.send(catch_unwind(AssertUnwindSafe(call)));
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

/// Whether this is the process's first thread, where Python handles signals. On Linux that
/// thread's id is the process id (after `fork()` too, for the thread that forked). Elsewhere
/// every call is treated as if it were on the main thread: interruptible, a little slower.
#[cfg(target_os = "linux")]
fn on_main_thread() -> bool {
    // SAFETY: gettid takes no argument, cannot fail and touches no memory.
    let tid = unsafe { libc::syscall(libc::SYS_gettid) };
    tid == libc::pid_t::from(std::process::id() as i32) as libc::c_long
}

#[cfg(not(target_os = "linux"))]
fn on_main_thread() -> bool {
    true
}
