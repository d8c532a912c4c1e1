//! Delivery of order callbacks: POST the `<order>` XML to `callback_url`, with HTTP basic
//! auth when the URL carries `user:pass@`, retried with backoff, then recorded. Runs on the
//! runtime's blocking pool, so nothing in the sandbox waits for it.

use crate::account::CallbackJob;
use base64::Engine;
use iovox_core::Order;
use std::sync::Arc;
use std::time::Duration;

/// What became of one callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackRecord {
    /// The order update that was sent.
    pub order: Order,
    /// Where it went, with any `user:pass@` removed.
    pub url: String,
    /// Whether the receiver answered 2xx.
    pub delivered: bool,
    /// How many times it was sent.
    pub attempts: u32,
    /// The receiver's last HTTP status, if it answered.
    pub status: Option<u16>,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
}

/// Every callback sent, in order; waited on by tests.
pub(crate) type Log = crate::waitable::Waitable<CallbackRecord>;

pub(crate) use crate::waitable::lock;

pub(crate) struct Sender {
    pub log: Arc<Log>,
    pub attempts: u32,
    pub backoff: Duration,
    pub agent: ureq::Agent,
}

impl Sender {
    pub fn new(log: Arc<Log>, attempts: u32, backoff: Duration) -> Sender {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(5)))
            .build()
            .into();
        Sender {
            log,
            attempts: attempts.max(1),
            backoff,
            agent,
        }
    }

    /// Sends one callback, retrying; blocking (call from a blocking thread).
    pub fn deliver(&self, job: CallbackJob) {
        let (url, credentials) = iovox_core::url::split_credentials(&job.url);
        let body = job.order.to_callback_xml();
        let mut record = CallbackRecord {
            order: job.order,
            url: url.clone(),
            delivered: false,
            attempts: 0,
            status: None,
            error: None,
        };
        let mut delay = self.backoff;
        while record.attempts < self.attempts {
            if record.attempts > 0 {
                std::thread::sleep(delay);
                delay *= 2;
            }
            record.attempts += 1;
            let mut request = self
                .agent
                .post(&url)
                .header("Content-Type", "application/xml");
            if let Some((user, pass)) = &credentials {
                let token =
                    base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"));
                request = request.header("Authorization", &format!("Basic {token}"));
            }
            match request.send(body.as_bytes()) {
                Ok(response) => {
                    let status = response.status().as_u16();
                    record.status = Some(status);
                    if (200..300).contains(&status) {
                        record.delivered = true;
                        record.error = None;
                        break;
                    }
                    record.error = Some(format!("HTTP {status}"));
                }
                Err(e) => record.error = Some(e.to_string()),
            }
        }
        self.log.push(record);
    }
}
