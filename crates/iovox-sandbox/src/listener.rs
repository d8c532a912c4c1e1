//! A receiver for the callbacks IOVOX POSTs, for tests and demos: it records every request
//! and answers 200 (or fails the first few on purpose, to exercise retries).

use crate::waitable::{lock, Waitable};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One request the listener received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedCallback {
    /// The raw body (the `<order>` XML).
    pub body: Vec<u8>,
    /// The `Authorization` header, if any.
    pub authorization: Option<String>,
    /// The status the listener answered with.
    pub answered: u16,
}

#[derive(Default)]
struct Inbox {
    received: Waitable<ReceivedCallback>,
    fail_first: Mutex<u32>,
}

/// A local HTTP endpoint that records callbacks. Stops when dropped.
///
/// ```
/// let listener = iovox_sandbox::CallbackListener::start(0).unwrap();
/// assert!(listener.url().ends_with("/callback"));
/// ```
pub struct CallbackListener {
    addr: SocketAddr,
    inbox: Arc<Inbox>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl CallbackListener {
    /// Starts on 127.0.0.1; answers 500 to the first `fail_first` callbacks.
    pub fn start(fail_first: u32) -> std::io::Result<CallbackListener> {
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let inbox = Arc::new(Inbox {
            fail_first: Mutex::new(fail_first),
            ..Default::default()
        });
        let state = inbox.clone();
        let router = axum::Router::new().fallback(move |headers: HeaderMap, body: Bytes| {
            let inbox = state.clone();
            async move { receive(&inbox, &headers, body) }
        });
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(std_listener)?
        };
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("iovox-callback-listener".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let _ = axum::serve(listener, router)
                        .with_graceful_shutdown(async move {
                            let _ = rx.await;
                        })
                        .await;
                });
                runtime.shutdown_timeout(Duration::from_millis(200));
            })?;
        Ok(CallbackListener {
            addr,
            inbox,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }

    /// The URL to give as `callback_url`: `http://127.0.0.1:PORT/callback`.
    pub fn url(&self) -> String {
        format!("http://{}/callback", self.addr)
    }

    /// The same URL with `user:pass@` credentials in it.
    pub fn url_with_credentials(&self, user: &str, pass: &str) -> String {
        format!("http://{user}:{pass}@{}/callback", self.addr)
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<ReceivedCallback> {
        self.inbox.received.all()
    }

    /// Waits until `count` requests arrived (answered 2xx or not), or `timeout` passes.
    pub fn wait_for(&self, count: usize, timeout: Duration) -> Vec<ReceivedCallback> {
        self.inbox.received.wait_for(count, timeout)
    }

    /// [`CallbackListener::wait_for`] for async code, holding no thread.
    pub async fn wait_for_async(&self, count: usize, timeout: Duration) -> Vec<ReceivedCallback> {
        self.inbox.received.wait_for_async(count, timeout).await
    }
}

fn receive(inbox: &Inbox, headers: &HeaderMap, body: Bytes) -> StatusCode {
    let status = {
        let mut fail = lock(&inbox.fail_first);
        if *fail > 0 {
            *fail -= 1;
            StatusCode::INTERNAL_SERVER_ERROR
        } else {
            StatusCode::OK
        }
    };
    let authorization = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    inbox.received.push(ReceivedCallback {
        body: body.to_vec(),
        authorization,
        answered: status.as_u16(),
    });
    status
}

impl Drop for CallbackListener {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
