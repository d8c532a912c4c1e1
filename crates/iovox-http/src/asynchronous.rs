//! The client for async Rust (the `tokio` feature): each attempt of a call runs on the
//! runtime's blocking pool, so no worker thread of the runtime waits on the network, and
//! the wait before a retry is a timer, so no thread at all is held then. Any number of
//! calls can be in flight. The Node package starts its calls here too
//! ([`AsyncClient::spawn_wire`]).
//!
//! ```no_run
//! # async fn demo() -> Result<(), iovox_http::Error> {
//! use iovox_http::DetachRequest;
//! let client = iovox_http::AsyncClient::new(iovox_http::Client::from_env()?);
//! client.remove_voxnumber_from_link(DetachRequest::new(["333"])).await?;
//! # Ok(()) }
//! ```

use crate::client::Step;
use crate::listing::Cursor;
use crate::{CallOptions, Client, Error, Paged};
use iovox_core::method::Method;
use iovox_core::method::Prepared;
use iovox_core::Page;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// An async client over a [`Client`]; cheap to clone (clones share the connections).
#[derive(Clone, Debug)]
pub struct AsyncClient {
    client: Client,
}

impl AsyncClient {
    /// Wraps a client; its settings (timeouts, retries, TLS) apply unchanged.
    pub fn new(client: Client) -> Self {
        AsyncClient { client }
    }

    /// The blocking client inside.
    pub fn blocking(&self) -> &Client {
        &self.client
    }

    /// Runs a call's attempts on the blocking pool, one at a time, and awaits a timer
    /// between them. A panic in an attempt resumes here, as it would in the caller's own
    /// code. Dropping the future cancels the call between attempts; an attempt already on
    /// the pool finishes there (its outcome is dropped).
    async fn run<M>(&self, prepared: Prepared, options: CallOptions) -> Result<M::Output, Error>
    where
        M: Method,
        M::Output: Send + 'static,
    {
        let mut pending = self.client.start::<M>(prepared, &options)?;
        loop {
            let client = self.client.clone();
            let opts = options.clone();
            let attempt = tokio::task::spawn_blocking(move || {
                let step = client.step::<M>(&mut pending, &opts);
                (pending, step)
            });
            let step = match attempt.await {
                Ok((back, step)) => {
                    pending = back;
                    step
                }
                Err(join) => match join.try_into_panic() {
                    Ok(panic) => std::panic::resume_unwind(panic),
                    // The runtime is shutting down: the attempt may or may not have run.
                    Err(_) => {
                        return Err(Error::Aborted {
                            maybe_sent: true,
                            attempts: 0,
                        })
                    }
                },
            };
            match step {
                Step::Done(result) => return result,
                Step::Wait(wait) => {
                    if !sleep(wait, &options).await {
                        return Err(pending.aborted());
                    }
                }
            }
        }
    }

    /// Starts [`Client::call_wire`] on the blocking pool of the runtime this is called in
    /// (on a thread of its own outside any runtime), and hands its outcome, or the panic it
    /// raised, to `done` on that thread. For callers that settle their own promise (the
    /// Node addon): one hop to the pool, none back through an async task.
    pub fn spawn_wire<M>(
        &self,
        request: M::Wire,
        options: CallOptions,
        done: impl FnOnce(std::thread::Result<Result<M::Output, Error>>) + Send + 'static,
    ) where
        M: Method,
        M::Wire: Send + 'static,
        M::Output: Send + 'static,
    {
        let client = self.client.clone();
        let work = move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                client.call_wire::<M>(&request, &options)
            }));
            done(outcome);
        };
        spawn(work);
    }

    /// Any blocking work with the client, started as [`AsyncClient::spawn_wire`] starts a
    /// method: a list method by name ([`Client::call_list`]), the next of its pages
    /// ([`crate::ListPages`]).
    pub fn spawn_call<T: Send + 'static>(
        &self,
        call: impl FnOnce(&Client) -> Result<T, Error> + Send + 'static,
        done: impl FnOnce(std::thread::Result<Result<T, Error>>) + Send + 'static,
    ) {
        let client = self.client.clone();
        spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| call(&client)));
            done(outcome);
        });
    }

    /// [`Client::raw_request_with`] started as [`AsyncClient::spawn_wire`] starts a method.
    pub fn spawn_raw(
        &self,
        request: crate::RawRequest,
        options: CallOptions,
        done: impl FnOnce(std::thread::Result<Result<crate::RawResponse, Error>>) + Send + 'static,
    ) {
        let client = self.client.clone();
        let work = move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                client.raw_request_with(&request, &options)
            }));
            done(outcome);
        };
        spawn(work);
    }

    /// [`Client::call`], asynchronously.
    pub async fn call<M>(
        &self,
        request: M::Request,
        options: CallOptions,
    ) -> Result<M::Output, Error>
    where
        M: Method,
        M::Request: Send + 'static,
        M::Output: Send + 'static,
    {
        self.run::<M>(M::prepare(&request)?, options).await
    }

    /// [`Client::call_wire`], asynchronously.
    pub async fn call_wire<M>(
        &self,
        request: M::Wire,
        options: CallOptions,
    ) -> Result<M::Output, Error>
    where
        M: Method,
        M::Wire: Send + 'static,
        M::Output: Send + 'static,
    {
        self.run::<M>(M::prepare_wire(&request)?, options).await
    }
}

impl AsyncClient {
    /// Every page of a list method, as a [`futures_core::Stream`]: each page one awaited
    /// call, started when the stream is polled for it, from the request's own `page` on.
    /// The walk is [`Client::pages`]' (the one paging loop). Dropping the stream cancels
    /// the page in flight as dropping its call's future does.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), iovox_http::Error> {
    /// use iovox_http::{method::GetVoxnumbers, AsyncClient, Client, VoxnumbersRequest};
    /// let client = AsyncClient::new(Client::from_env()?);
    /// let mut pages = client.pages::<GetVoxnumbers>(VoxnumbersRequest::new().limit(5000));
    /// while let Some(page) = pages.next().await {
    ///     println!("{} numbers", page?.results.len());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn pages<M>(&self, request: M::Request) -> AsyncPages<M>
    where
        M: Method,
        M::Output: Paging + Send + 'static,
        M::Request: Paged + Send + 'static,
    {
        AsyncPages {
            client: self.clone(),
            cursor: Cursor::from(request.page().unwrap_or(1)),
            request,
            in_flight: None,
        }
    }
}

/// An answer that comes in pages: a list method's [`Page`].
pub trait Paging {
    /// Whether a walk over pages ends after this one.
    fn is_last(&self) -> bool;
}

impl<T> Paging for Page<T> {
    fn is_last(&self) -> bool {
        Cursor::is_last(self)
    }
}

type PageFuture<P> = Pin<Box<dyn Future<Output = Result<P, Error>> + Send>>;

/// The pages of a list method as a [`futures_core::Stream`] ([`AsyncClient::pages`]).
pub struct AsyncPages<M: Method> {
    client: AsyncClient,
    request: M::Request,
    cursor: Cursor,
    in_flight: Option<PageFuture<M::Output>>,
}

impl<M> futures_core::Stream for AsyncPages<M>
where
    M: Method,
    M::Output: Paging + Send + 'static,
    M::Request: Paged + Send + 'static,
{
    type Item = Result<M::Output, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.in_flight.is_none() {
            let Some(n) = this.cursor.wanted() else {
                return Poll::Ready(None);
            };
            let (client, request) = (this.client.clone(), this.request.with_page(n));
            this.in_flight = Some(Box::pin(async move {
                client.call::<M>(request, CallOptions::default()).await
            }));
        }
        let Some(fetch) = this.in_flight.as_mut() else {
            return Poll::Ready(None);
        };
        let result = std::task::ready!(fetch.as_mut().poll(cx));
        this.in_flight = None;
        this.cursor
            .advance(result.as_ref().map_or(true, Paging::is_last));
        Poll::Ready(Some(result))
    }
}

impl<M: Method> Unpin for AsyncPages<M> {}

impl<M> AsyncPages<M>
where
    M: Method,
    M::Output: Paging + Send + 'static,
    M::Request: Paged + Send + 'static,
{
    /// The next page, or `None` after the last: the stream without a stream library.
    pub async fn next(&mut self) -> Option<Result<M::Output, Error>> {
        std::future::poll_fn(|cx| futures_core::Stream::poll_next(Pin::new(&mut *self), cx)).await
    }
}

/// Waits `wait` on the runtime's timer; `false` when the call's [`crate::Cancel`] fires
/// first (it is looked at every 10 ms: it has no async wake-up of its own).
async fn sleep(wait: Duration, options: &CallOptions) -> bool {
    let Some(cancel) = &options.cancel else {
        tokio::time::sleep(wait).await;
        return true;
    };
    let deadline = tokio::time::Instant::now() + wait;
    while !cancel.is_cancelled() {
        let now = tokio::time::Instant::now();
        if now >= deadline {
            return true;
        }
        tokio::time::sleep((deadline - now).min(Duration::from_millis(10))).await;
    }
    false
}

/// Runs `work` on the current runtime's blocking pool, or on a thread of its own outside
/// any runtime.
fn spawn(work: impl FnOnce() + Send + 'static) {
    match tokio::runtime::Handle::try_current() {
        Ok(runtime) => drop(runtime.spawn_blocking(work)),
        Err(_) => drop(std::thread::spawn(work)),
    }
}
