//! A local server that behaves like IOVOX: every method the SDK types (`answers()` names
//! them; any other catalogue method is a 501 in its own words), with the same validation
//! and error texts, stock, pending orders completed on restock, callbacks, and
//! all-or-nothing changes. For offline tests, demos and users' own CI. Slow or faulty on
//! purpose: [`Config::response_delay`] for every answer, [`Sandbox::inject`] for the next.
//!
//! Built on axum (hyper and tokio): a well-kept HTTP server, so HTTP/1.1 keep-alive,
//! body limits and graceful shutdown are not ours to get wrong. The server runs its own
//! runtime on its own threads, so a caller needs none.
//!
//! ```
//! use iovox_sandbox::{Config, Sandbox};
//! let sandbox = Sandbox::start(Config::default()).unwrap();
//! assert!(sandbox.url().starts_with("http://127.0.0.1:"));
//! sandbox.stop();
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod account;
mod blocked;
mod callbacks;
mod calls;
mod categories;
mod clock;
mod contacts;
mod lifecycle;
mod listener;
mod server;
mod setup;
mod sound;
mod state;
mod templates;
mod waitable;

pub use account::Restock;
pub use callbacks::CallbackRecord;
pub use calls::{silence_mp3, SimulatedCall};
pub use listener::{CallbackListener, ReceivedCallback};
pub use server::{answers, FAULT_HEADER};

/// Every method of the model as JSON ([`iovox_core::method::describe`]), each with
/// `sandbox`: whether this sandbox answers it, and `action`: a typed method's arguments as
/// a caller names them, where it is not a list ([`iovox_convert::actions::describe`]). What `iovox methods --json` prints and
/// `scripts/generate` reads (through this crate's `model` example, which needs nothing
/// the generator writes).
pub fn model_json() -> serde_json::Value {
    iovox_core::method::CATALOGUE
        .iter()
        .map(|spec| {
            let mut m = iovox_core::method::describe(spec);
            m["sandbox"] = answers(&spec.route).into();
            m["action"] = iovox_convert::action_named(spec.route.name)
                .map(iovox_convert::actions::describe)
                .into();
            m
        })
        .collect()
}
pub use state::{
    AccountNumber, CallRecord, CategoryInfo, ContactInfo, InitiatedCall, LinkInfo, Links, NodeInfo,
    Outcode, Region, RuleTemplateInfo, State, StoredSoundFile,
};

use account::Account;
use callbacks::{lock, Log, Sender};
use iovox_core::Order;
use server::App;
use std::collections::VecDeque;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Default username of a sandbox.
pub const DEFAULT_USERNAME: &str = "sandbox";
/// Default secure key of a sandbox. Not a secret: the sandbox sells fake numbers.
pub const DEFAULT_SECURE_KEY: &str = "sandbox-secure-key";
/// Default request body limit.
pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// How a sandbox starts.
#[derive(Clone)]
pub struct Config {
    /// Address to listen on (127.0.0.1).
    pub host: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// The `username` header it accepts.
    pub username: String,
    /// The `secureKey` header it accepts.
    pub secure_key: String,
    /// Regions, stock, numbers, links and postcodes.
    pub state: State,
    /// Complete each PENDING order this long after it was made (None: only on restock).
    pub auto_restock_after: Option<Duration>,
    /// Added to every answer (to test timeouts and concurrency).
    pub response_delay: Duration,
    /// Largest request body accepted (413 past it).
    pub max_body_bytes: usize,
    /// Honour the [`FAULT_HEADER`] request header.
    pub fault_header: bool,
    /// How many times a callback is sent before it is recorded as failed.
    pub callback_attempts: u32,
    /// Wait before the first callback retry; doubles each time.
    pub callback_backoff: Duration,
}

/// `IOVOX_SANDBOX_SECURE_KEY` when set and not blank, else [`DEFAULT_SECURE_KEY`]. The
/// test command sets it to its recognisable test key, so that the quick starts and the demo
/// run with the key its secret check searches the output for.
pub fn default_secure_key() -> String {
    std::env::var("IOVOX_SANDBOX_SECURE_KEY")
        .ok()
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| DEFAULT_SECURE_KEY.into())
}

impl Default for Config {
    fn default() -> Config {
        Config {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            username: DEFAULT_USERNAME.into(),
            secure_key: default_secure_key(),
            state: State::default(),
            auto_restock_after: None,
            response_delay: Duration::ZERO,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            fault_header: false,
            callback_attempts: 3,
            callback_backoff: Duration::from_millis(100),
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("secure_key", &"***")
            .field("auto_restock_after", &self.auto_restock_after)
            .field("response_delay", &self.response_delay)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("fault_header", &self.fault_header)
            .finish_non_exhaustive()
    }
}

/// A fault to inject into a request's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answer 500 "Internal Server Error" without doing the work.
    InternalError,
    /// Wait this long, then answer normally.
    Slow(Duration),
    /// Do the work, then cut the connection half way through the answer.
    Drop,
    /// Answer 502 with an HTML page, as a proxy would.
    NotXml,
    /// Answer 201 with a body of about this many bytes.
    Oversized(usize),
}

/// As the fault header writes it (`500`, `slow:MS`, `drop`, `not-xml`, `oversized:BYTES`).
impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::InternalError => f.write_str("500"),
            Fault::Slow(d) => write!(f, "slow:{}", d.as_millis()),
            Fault::Drop => f.write_str("drop"),
            Fault::NotXml => f.write_str("not-xml"),
            Fault::Oversized(n) => write!(f, "oversized:{n}"),
        }
    }
}

impl std::str::FromStr for Fault {
    type Err = String;

    /// As [`Fault::parse`].
    fn from_str(s: &str) -> Result<Self, String> {
        Fault::parse(s).ok_or_else(|| {
            format!("a fault is 500, slow:MS, drop, not-xml or oversized:BYTES, not {s:?}")
        })
    }
}

impl Fault {
    /// Parses the [`FAULT_HEADER`] value: `500`, `slow:MS`, `drop`, `not-xml`,
    /// `oversized:BYTES`.
    pub fn parse(s: &str) -> Option<Fault> {
        let s = s.trim();
        match s {
            "500" => Some(Fault::InternalError),
            "drop" => Some(Fault::Drop),
            "not-xml" => Some(Fault::NotXml),
            _ => {
                let (kind, n) = s.split_once(':')?;
                let n: u64 = n.parse().ok()?;
                match kind {
                    "slow" => Some(Fault::Slow(Duration::from_millis(n))),
                    "oversized" => Some(Fault::Oversized(n as usize)),
                    _ => None,
                }
            }
        }
    }
}

/// Counters of what the sandbox served.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Requests received, faulted ones included.
    pub requests: u64,
    /// Purchases that created an order.
    pub purchases: u64,
    /// Attach requests that succeeded.
    pub attaches: u64,
    /// removeVoxnumberFromLink requests that succeeded.
    pub detaches: u64,
    /// deleteVoxnumbersFromAccount requests that succeeded.
    pub deletes: u64,
    /// TCP connections accepted (keep-alive clients reuse one).
    pub connections: u64,
    /// Purchases that made an order for a call that had already made one: a client's
    /// retry after its request went out. Calls are told apart by the `x-iovox-call` header
    /// the SDK sends, the same on every attempt of one call (docs/decisions.md 34); a
    /// request without it is a call of its own. Two calls that ask for the same numbers
    /// are two purchases, not a repeat.
    pub repeated_purchases: u64,
    /// Numbers in stock now, over every region.
    pub stock: u64,
    /// Numbers sold since the start (in answers and callbacks).
    pub sold: u64,
    /// Numbers added by restocks since the start. Nothing is lost or sold twice when
    /// `stock + sold` is the starting stock plus `restocked`.
    pub restocked: u64,
}

/// A running sandbox. Stops when dropped or told to.
pub struct Sandbox {
    addr: SocketAddr,
    url: String,
    username: String,
    secure_key: String,
    app: Arc<App>,
    log: Arc<Log>,
    shutdown: Option<tokio::sync::watch::Sender<bool>>,
    thread: Option<JoinHandle<()>>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("url", &self.url)
            .field("username", &self.username)
            .field("secure_key", &"***")
            .finish()
    }
}

impl Sandbox {
    /// Binds, starts the server on its own threads, and returns once it accepts requests.
    pub fn start(config: Config) -> std::io::Result<Sandbox> {
        let listener = std::net::TcpListener::bind((config.host, config.port))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .max_blocking_threads(64)
            .thread_name("iovox-sandbox")
            .enable_all()
            .build()?;
        let log = Arc::new(Log::default());
        let app = Arc::new(App {
            username: config.username.clone(),
            secure_key: config.secure_key.clone(),
            account: Mutex::new(Account::new(config.state)),
            faults: Mutex::new(VecDeque::new()),
            fault_header: config.fault_header,
            response_delay: config.response_delay,
            max_body_bytes: config.max_body_bytes,
            auto_restock_after: config.auto_restock_after,
            sender: Arc::new(Sender::new(
                log.clone(),
                config.callback_attempts,
                config.callback_backoff,
            )),
            runtime: runtime.handle().clone(),
            stats: Mutex::new(Stats::default()),
            requests_by_method: Mutex::default(),
        });
        let router = axum::Router::new()
            .fallback(server::handle)
            .with_state(app.clone());
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        let counted = app.clone();
        let listener = axum::serve::ListenerExt::tap_io(listener, move |_| {
            lock(&counted.stats).connections += 1;
        });
        let (tx, mut rx) = tokio::sync::watch::channel(false);
        let mut rx2 = rx.clone();
        let thread = std::thread::Builder::new()
            .name("iovox-sandbox".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let serve = axum::serve(listener, router).with_graceful_shutdown(async move {
                        let _ = rx.wait_for(|stop| *stop).await;
                    });
                    // Graceful first; connections still busy after a moment are cut.
                    tokio::select! {
                        _ = serve => {}
                        _ = async {
                            let _ = rx2.wait_for(|stop| *stop).await;
                            tokio::time::sleep(Duration::from_secs(1)).await;
                        } => {}
                    }
                });
                runtime.shutdown_timeout(Duration::from_millis(500));
            })?;
        Ok(Sandbox {
            addr,
            url: format!("http://{addr}"),
            username: config.username,
            secure_key: config.secure_key,
            app,
            log,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }

    /// Base URL, such as `http://127.0.0.1:41234`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The username it accepts.
    pub fn username(&self) -> &str {
        &self.username
    }

    /// The secure key it accepts.
    pub fn secure_key(&self) -> &str {
        &self.secure_key
    }

    /// Adds stock and serves pending orders, oldest first; their callbacks are sent in the
    /// background. Returns how many callbacks were queued.
    pub fn restock(&self, restock: &Restock) -> usize {
        let jobs = lock(&self.app.account).restock(restock);
        let n = jobs.len();
        self.app.send_callbacks(jobs);
        n
    }

    /// Every callback sent so far, delivered or failed.
    pub fn callbacks(&self) -> Vec<CallbackRecord> {
        self.log.all()
    }

    /// Waits until at least `count` callbacks are recorded, or `timeout` passes.
    pub fn wait_for_callbacks(&self, count: usize, timeout: Duration) -> Vec<CallbackRecord> {
        self.log.wait_for(count, timeout)
    }

    /// [`Sandbox::wait_for_callbacks`] for async code (`#[tokio::test]`, an axum service):
    /// awaits on the runtime's timer, holding no thread.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let sandbox = iovox_sandbox::Sandbox::start(Default::default()).unwrap();
    /// let none = sandbox
    ///     .wait_for_callbacks_async(1, std::time::Duration::from_millis(10))
    ///     .await;
    /// assert!(none.is_empty());
    /// # }
    /// ```
    pub async fn wait_for_callbacks_async(
        &self,
        count: usize,
        timeout: Duration,
    ) -> Vec<CallbackRecord> {
        self.log.wait_for_async(count, timeout).await
    }

    /// Every order made, as it stands now: the purchase's answer with every callback since
    /// folded in (a PENDING order fulfilled by a restock shows FULFILLED, with all its
    /// numbers).
    pub fn orders(&self) -> Vec<Order> {
        lock(&self.app.account).orders.clone()
    }

    /// The `callback_url` of every purchase that made an order, in the order of
    /// [`Sandbox::orders`]: which of a test's calls reached the sandbox.
    pub fn purchase_callback_urls(&self) -> Vec<Option<String>> {
        lock(&self.app.account).callback_urls.clone()
    }

    /// A copy of the account's state now.
    pub fn state(&self) -> State {
        lock(&self.app.account).state.clone()
    }

    /// Records a call to one of the account's numbers, as IOVOX would after a real one:
    /// getCallData lists it, getCallRecording gives its audio when `recording`. Its ID, or
    /// why not (a number the account does not have, a caller that is not digits, a start
    /// that is not `YYYY-MM-DD[ HH:MM:SS]`).
    pub fn simulate_call(&self, call: &SimulatedCall) -> Result<String, String> {
        lock(&self.app.account).simulate_call(call)
    }

    /// Counters of what was served.
    pub fn stats(&self) -> Stats {
        let mut stats = *lock(&self.app.stats);
        let account = lock(&self.app.account);
        stats.repeated_purchases = account.repeated_purchases;
        stats.stock = account
            .state
            .regions
            .iter()
            .map(|r| u64::from(r.stock))
            .sum();
        stats.sold = account.sold;
        stats.restocked = account.restocked;
        stats
    }

    /// How many requests named this IOVOX method (`method=` of the query), faulted ones
    /// included: how a test proves a call was not repeated.
    pub fn requests_for(&self, method: &str) -> u64 {
        lock(&self.app.requests_by_method)
            .get(method)
            .copied()
            .unwrap_or(0)
    }

    /// Queues a fault for the next request (faults apply in the order queued).
    pub fn inject(&self, fault: Fault) {
        lock(&self.app.faults).push_back(fault);
    }

    /// Stops the server and waits for its threads.
    pub fn stop(mut self) {
        self.shutdown_now();
    }

    fn shutdown_now(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(true);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.shutdown_now();
    }
}
