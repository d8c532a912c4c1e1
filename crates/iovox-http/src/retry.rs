//! When to try again. A repeat must not do harm: a failed connection (nothing was sent) is
//! retried for every method; 500/502/503/504 only for a method whose retry class is `safe
//! to repeat` (the lists, attach, detach), because a purchase or a delete whose bytes may
//! have reached IOVOX may have acted (docs/decisions.md 9; `iovox methods` gives each
//! method's class).

use crate::error::Error;
use std::time::Duration;

/// Retries with exponential backoff and jitter.
///
/// ```
/// let policy = iovox_http::RetryPolicy { max_attempts: 5, ..Default::default() };
/// assert!(!policy.retry_purchase_after_send);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 turns retries off). Default 3.
    pub max_attempts: u32,
    /// Wait before the first retry; doubles each time. Default 200 ms.
    pub initial_backoff: Duration,
    /// Longest wait between attempts. Default 5 s.
    pub max_backoff: Duration,
    /// Also retry a purchase after its bytes may have reached IOVOX (a 5xx, a timeout, a
    /// dropped answer). This can buy twice. Default false. It applies to every method of
    /// the retry class `not after sent unless opted in` (`Retry::NotAfterSentUnlessOptedIn`
    /// in the model); purchaseVoxNumbers is the one such method today.
    pub retry_purchase_after_send: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            retry_purchase_after_send: false,
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        }
    }

    /// Whether to try again after `attempt`, and how long to wait first.
    pub(crate) fn decide(&self, class: Class, outcome: &Attempt, attempt: u32) -> Option<Duration> {
        // Only a purchase may be opted in to repeats after sending; another method its
        // definition marks unsafe (deleteVoxnumbersFromAccount) never is.
        let opted_in = class == Class::OptIn && self.retry_purchase_after_send;
        let purchase = class != Class::SafeToRepeat;
        if attempt >= self.max_attempts {
            return None;
        }
        let repeatable = match outcome {
            Attempt::Success(..) => false,
            // Nothing reached the server: safe for every method.
            Attempt::Failed(_, false) => true,
            Attempt::Failed(_, true) => opted_in,
            Attempt::Status(e) => {
                let transient = matches!(e.status(), Some(500 | 502 | 503 | 504));
                transient && (!purchase || opted_in)
            }
        };
        repeatable.then(|| self.backoff(attempt))
    }

    /// Exponential, capped, with jitter between half and all of it (so many clients that
    /// failed together do not retry together).
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .initial_backoff
            .saturating_mul(1u32 << (attempt - 1).min(16))
            .min(self.max_backoff);
        let half = exp / 2;
        half + half.mul_f64(fastrand::f64())
    }
}

/// How a call may be repeated: its method's retry class (`OptIn`: not after it may have
/// been sent, unless `retry_purchase_after_send` says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    SafeToRepeat,
    NotAfterSent,
    OptIn,
}

/// The outcome of one attempt.
pub(crate) enum Attempt {
    /// A 2xx answer: its status and body.
    Success(u16, Vec<u8>),
    /// An error status from the server.
    Status(Error),
    /// No usable answer; the flag says whether the request may have reached the server.
    Failed(Error, bool),
}

impl Attempt {
    pub(crate) fn into_result(self) -> Result<(u16, Vec<u8>), Error> {
        match self {
            Attempt::Success(status, b) => Ok((status, b)),
            Attempt::Status(e) | Attempt::Failed(e, _) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(s: u16) -> Attempt {
        Attempt::Status(Error::Api {
            status: s,
            messages: vec![],
            attempts: 1,
        })
    }
    fn failed(sent: bool) -> Attempt {
        Attempt::Failed(
            Error::Timeout {
                message: String::new(),
                attempts: 1,
                maybe_sent: sent,
                source: None,
            },
            sent,
        )
    }

    #[test]
    fn what_is_retried_by_default() {
        let p = RetryPolicy::default();
        assert!(
            p.decide(Class::OptIn, &failed(false), 1).is_some(),
            "connect failure: purchase"
        );
        assert!(
            p.decide(Class::SafeToRepeat, &failed(false), 1).is_some(),
            "connect failure: attach"
        );
        assert!(
            p.decide(Class::OptIn, &failed(true), 1).is_none(),
            "purchase maybe sent"
        );
        assert!(
            p.decide(Class::SafeToRepeat, &failed(true), 1).is_none(),
            "attach timeout: not listed"
        );
        for s in [500, 502, 503, 504] {
            assert!(
                p.decide(Class::SafeToRepeat, &status(s), 1).is_some(),
                "attach {s}"
            );
            assert!(
                p.decide(Class::OptIn, &status(s), 1).is_none(),
                "purchase {s}"
            );
        }
        assert!(p.decide(Class::SafeToRepeat, &status(400), 1).is_none());
        assert!(p.decide(Class::SafeToRepeat, &status(501), 1).is_none());
        assert!(
            p.decide(Class::SafeToRepeat, &status(500), 3).is_none(),
            "attempts exhausted"
        );
    }

    #[test]
    fn none_never_retries() {
        let p = RetryPolicy::none();
        assert_eq!(p.max_attempts, 1);
        assert!(p.decide(Class::SafeToRepeat, &status(503), 1).is_none());
        assert!(p.decide(Class::SafeToRepeat, &failed(false), 1).is_none());
    }

    #[test]
    fn opting_in_retries_purchases() {
        let p = RetryPolicy {
            retry_purchase_after_send: true,
            ..Default::default()
        };
        assert!(p.decide(Class::OptIn, &status(500), 1).is_some());
        assert!(p.decide(Class::OptIn, &failed(true), 2).is_some());
        // Another method marked unsafe is never repeated once it may have arrived.
        assert!(p.decide(Class::NotAfterSent, &status(500), 1).is_none());
        assert!(p.decide(Class::NotAfterSent, &failed(true), 1).is_none());
        assert!(p.decide(Class::NotAfterSent, &failed(false), 1).is_some());
    }

    #[test]
    fn backoff_grows_with_jitter_and_a_cap() {
        let p = RetryPolicy::default();
        for _ in 0..50 {
            let b1 = p.backoff(1);
            assert!(
                b1 >= Duration::from_millis(100) && b1 <= Duration::from_millis(200),
                "{b1:?}"
            );
            let b2 = p.backoff(2);
            assert!(
                b2 >= Duration::from_millis(200) && b2 <= Duration::from_millis(400),
                "{b2:?}"
            );
            assert!(p.backoff(30) <= Duration::from_secs(5));
        }
    }
}
