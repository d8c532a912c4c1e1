//! Per-call control: a timeout that overrides the client's, and a cancel handle that an
//! `AbortSignal` (Node), Ctrl-C (Python) or another thread (Rust) can pull.
//!
//! Cancelling answers one question exactly: may the request have left the process? The
//! client marks a call as "may have been sent" before each attempt, and cancelling marks
//! it cancelled; both marks are one atomic word, so either the client sees the cancel
//! first and sends nothing, or the canceller learns that the bytes may be on their way.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

const CANCELLED: u8 = 1;
const MAYBE_SENT: u8 = 2;

/// A handle that stops a call. Clone it to hand to the code that may cancel.
///
/// ```
/// let cancel = iovox_http::Cancel::new();
/// let options = iovox_http::CallOptions::default().cancel(cancel.clone());
/// // On another thread, or from a signal:
/// assert_eq!(cancel.cancel(), false); // nothing had been sent yet
/// # drop(options);
/// ```
#[derive(Clone, Default, Debug)]
pub struct Cancel(Arc<Inner>);

#[derive(Default, Debug)]
struct Inner {
    state: AtomicU8,
    // Wakes a call waiting between attempts.
    lock: Mutex<()>,
    wake: Condvar,
}

impl Cancel {
    /// A handle not yet pulled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels the call: no attempt starts after this. Returns whether an attempt had
    /// already started, that is whether the request may have reached IOVOX (a purchase
    /// may then still be made).
    pub fn cancel(&self) -> bool {
        let before = self.0.state.fetch_or(CANCELLED, Ordering::SeqCst);
        let _guard = self.0.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.0.wake.notify_all();
        before & MAYBE_SENT != 0
    }

    /// Whether the call was cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.0.state.load(Ordering::SeqCst) & CANCELLED != 0
    }

    /// Whether an attempt has started (the request may have reached IOVOX).
    pub fn maybe_sent(&self) -> bool {
        self.0.state.load(Ordering::SeqCst) & MAYBE_SENT != 0
    }

    /// Called by the client before an attempt: `false` means cancelled, send nothing.
    pub(crate) fn begin_attempt(&self) -> bool {
        self.0.state.fetch_or(MAYBE_SENT, Ordering::SeqCst) & CANCELLED == 0
    }

    /// Sleeps for `d` or until cancelled; `false` when cancelled.
    pub(crate) fn sleep(&self, d: Duration) -> bool {
        let guard = self.0.lock.lock().unwrap_or_else(|e| e.into_inner());
        let (_guard, _) = self
            .0
            .wake
            .wait_timeout_while(guard, d, |_| !self.is_cancelled())
            .unwrap_or_else(|e| e.into_inner());
        !self.is_cancelled()
    }
}

/// Options of one call: each overrides the client's setting for this call only.
///
/// ```
/// use std::time::Duration;
/// let options = iovox_http::CallOptions::default().timeout(Duration::from_secs(5));
/// # drop(options);
/// ```
#[derive(Clone, Default, Debug)]
pub struct CallOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) cancel: Option<Cancel>,
}

impl CallOptions {
    /// Timeout of one attempt for this call (checked as the client's is).
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = Some(d);
        self
    }

    /// A handle that can stop this call.
    pub fn cancel(mut self, cancel: Cancel) -> Self {
        self.cancel = Some(cancel);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn cancel_before_the_attempt_means_nothing_sent() {
        let c = Cancel::new();
        assert!(!c.cancel());
        assert!(!c.begin_attempt(), "no attempt after a cancel");
    }

    #[test]
    fn cancel_after_the_attempt_began_says_maybe_sent() {
        let c = Cancel::new();
        assert!(c.begin_attempt());
        assert!(c.cancel());
        assert!(c.is_cancelled() && c.maybe_sent());
    }

    #[test]
    fn a_cancel_wakes_a_sleeping_call() {
        let c = Cancel::new();
        let c2 = c.clone();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            c2.cancel();
        });
        let started = Instant::now();
        assert!(!c.sleep(Duration::from_secs(30)));
        assert!(started.elapsed() < Duration::from_secs(20));
        t.join().unwrap();
    }
}
