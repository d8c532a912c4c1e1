//! A number's whole life beyond buying and attaching: the regions for sale, the account's
//! numbers and links (one page, or every page lazily), giving numbers back, and one raw
//! call for the rest of IOVOX's methods.

use crate::listing::Cursor;
use crate::{CallOptions, Client, Error};
use iovox_core::method::{Method, Retry, Verb};
use iovox_core::Page;

impl Client {
    /// Every result of a list method, page after page, fetched as the iterator is read:
    /// one page in memory at a time. The request's own `page` is where it starts.
    ///
    /// ```no_run
    /// use iovox_http::{Client, VoxnumbersRequest};
    /// use iovox_http::method::GetVoxnumbers;
    /// let client = Client::from_env()?;
    /// for number in client.pages::<GetVoxnumbers>(VoxnumbersRequest::new().limit(5000)).items() {
    ///     println!("{:?}", number?.voxnumber);
    /// }
    /// # Ok::<(), iovox_http::Error>(())
    /// ```
    pub fn pages<M>(&self, request: M::Request) -> Pages<'_, M>
    where
        M: Method,
        M::Request: Paged,
    {
        Pages {
            client: self,
            cursor: Cursor::from(request.page().unwrap_or(1)),
            request,
        }
    }

    /// Any IOVOX method, untyped: the same auth, timeouts, retries (only when
    /// `safe_to_repeat`), error decoding and redaction as the typed calls; the answer's
    /// status and body as they came.
    ///
    /// ```no_run
    /// use iovox_http::{Client, RawRequest};
    /// use iovox_http::method::Verb;
    /// let client = Client::from_env()?;
    /// // getOrderDetails, known by name only (`iovox methods` lists it "raw only").
    /// let answer = client.raw_request(
    ///     &RawRequest::new("Purchase", "getOrderDetails", Verb::Get).query("order_reference", "R1").safe_to_repeat(true),
    /// )?;
    /// println!("{} {}", answer.status, String::from_utf8_lossy(&answer.body));
    /// # Ok::<(), iovox_http::Error>(())
    /// ```
    pub fn raw_request(&self, request: &RawRequest) -> Result<RawResponse, Error> {
        self.raw_request_with(request, &CallOptions::default())
    }

    /// [`Client::raw_request`] with per-call options.
    pub fn raw_request_with(
        &self,
        request: &RawRequest,
        options: &CallOptions,
    ) -> Result<RawResponse, Error> {
        let name_ok =
            |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        for (what, value) in [
            ("interface", &request.interface),
            ("method", &request.method),
        ] {
            if !name_ok(value) {
                return Err(Error::Config(format!(
                    "a raw request's {what} must be letters, digits or _, not {:?}",
                    value.chars().take(40).collect::<String>()
                )));
            }
        }
        let retry = if request.safe_to_repeat {
            Retry::SafeToRepeat
        } else {
            Retry::NotAfterSent
        };
        let call = self.call_of(
            &request.interface,
            &request.method,
            request.verb,
            retry,
            request.query.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        );
        let body = request.body.clone().unwrap_or_default();
        let pending = self.start_call(call, body, None, options)?;
        self.drive(pending, options, |status, body| {
            Ok(RawResponse {
                status,
                body: body.to_vec(),
            })
        })
    }
}

pub use iovox_core::Paged;

/// Pages of a list method, fetched one at a time as they are read ([`Client::pages`]).
pub struct Pages<'c, M: Method> {
    client: &'c Client,
    request: M::Request,
    cursor: Cursor,
}

impl<'c, M, T> Iterator for Pages<'c, M>
where
    M: Method<Output = Page<T>>,
    M::Request: Paged,
{
    type Item = Result<Page<T>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let (client, request) = (self.client, &self.request);
        self.cursor
            .step(|n| client.call::<M>(&request.with_page(n), &CallOptions::default()))
    }
}

impl<'c, M, T> Pages<'c, M>
where
    M: Method<Output = Page<T>>,
    M::Request: Paged,
{
    /// Every result of every page, one page in memory at a time.
    pub fn items(self) -> impl Iterator<Item = Result<T, Error>> + 'c
    where
        M: 'c,
        T: 'c,
    {
        self.flat_map(|page| -> Box<dyn Iterator<Item = Result<T, Error>>> {
            match page {
                Ok(page) => Box::new(page.results.into_iter().map(Ok)),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        })
    }
}

/// A call to any IOVOX method ([`Client::raw_request`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRequest {
    /// The interface: `Nodes`, `Links`, `Voxnumbers`, …
    pub interface: String,
    /// The method's name, as IOVOX spells it.
    pub method: String,
    /// The verb the method's page gives.
    pub verb: Verb,
    /// Query parameters after `v=3&method=…`.
    pub query: Vec<(String, String)>,
    /// The XML body, if the method takes one.
    pub body: Option<String>,
    /// Whether the call may be sent again after it may have arrived (a read, or a change
    /// that does nothing the second time). Default false: never repeated once sent.
    pub safe_to_repeat: bool,
}

impl RawRequest {
    /// A call with no query, no body, not repeated once sent.
    pub fn new(interface: impl Into<String>, method: impl Into<String>, verb: Verb) -> Self {
        RawRequest {
            interface: interface.into(),
            method: method.into(),
            verb,
            query: Vec::new(),
            body: None,
            safe_to_repeat: false,
        }
    }

    /// Adds a query parameter.
    pub fn query(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((key.into(), value.into()));
        self
    }

    /// Sets the XML body.
    pub fn body(mut self, xml: impl Into<String>) -> Self {
        self.body = Some(xml.into());
        self
    }

    /// Marks the call safe to repeat after it may have arrived.
    pub fn safe_to_repeat(mut self, safe: bool) -> Self {
        self.safe_to_repeat = safe;
        self
    }
}

/// The answer of a raw call that succeeded (2xx); an error status is an [`Error::Api`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawResponse {
    /// The HTTP status (200, 201, 204, …).
    pub status: u16,
    /// The body as it came (IOVOX's XML, or nothing).
    pub body: Vec<u8>,
}
