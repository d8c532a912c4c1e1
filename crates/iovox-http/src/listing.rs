//! Any list method by name ([`iovox_core::method::List`]), for the bindings and the command
//! line: one call, and the one paging loop they all walk ([`ListPages`]). The typed
//! methods' [`Client::pages`](crate::Client::pages) is the same loop over a typed request.

use crate::{CallOptions, Client, Error};
use iovox_core::method::{AnyRecord, List};
use iovox_core::{wire, Page};

impl Client {
    /// One page of a list method named at run time, with the method's own checks and
    /// decoder ([`iovox_core::method::list_named`]).
    ///
    /// ```no_run
    /// use iovox_http::{method::list_named, wire::Query, Record};
    /// let client = iovox_http::Client::from_env()?;
    /// let regions = list_named("getVoxnumberRegions").unwrap();
    /// let page = client.call_list(regions, &Query::default().set("limit", 10), &Default::default())?;
    /// for region in &page.results {
    ///     println!("{:?}", region.fields());
    /// }
    /// # Ok::<(), iovox_http::Error>(())
    /// ```
    pub fn call_list(
        &self,
        list: &List,
        query: &wire::Query,
        options: &CallOptions,
    ) -> Result<Page<AnyRecord>, Error> {
        let prepared = (list.prepare)(query)?;
        self.call_prepared(&list.spec, prepared, options, list.decode)
    }

    /// Every page of a list method named at run time, fetched as the iterator is read, from
    /// the caller's own `page` on. The request is checked before the first page is asked
    /// for: a bad one is an error here, and nothing is sent.
    pub fn list_pages(
        &self,
        list: &'static List,
        query: wire::Query,
        options: CallOptions,
    ) -> Result<ListPages, Error> {
        let prepared = (list.prepare)(&query)?;
        let first = prepared
            .query
            .iter()
            .find(|(k, _)| *k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        Ok(ListPages {
            client: self.clone(),
            list,
            query,
            options,
            cursor: Cursor::from(first),
        })
    }
}

/// Pages of a list method, one fetched at a time as they are read ([`Client::list_pages`]).
/// The loop ends after a page that says it is the last, or an empty one, or an error.
pub struct ListPages {
    client: Client,
    list: &'static List,
    query: wire::Query,
    options: CallOptions,
    cursor: Cursor,
}

/// The one paging loop, which every walk over pages steps ([`ListPages`], the typed
/// [`crate::Pages`], and through them Python's `iter_*` and Node's `for await`): the page
/// asked for next, and the end, after a page that says it is the last, an empty page, or
/// an error.
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    next: u32,
    done: bool,
}

impl Cursor {
    /// A walk that starts at page `first`.
    pub(crate) fn from(first: u32) -> Self {
        Cursor {
            next: first,
            done: false,
        }
    }

    /// The page to fetch next, or `None` once the walk has ended.
    pub(crate) fn wanted(&self) -> Option<u32> {
        (!self.done).then_some(self.next)
    }

    /// What the fetch of [`Cursor::wanted`] gave: the walk moves on, or ends.
    pub(crate) fn record<T>(&mut self, result: &Result<Page<T>, Error>) {
        self.advance(result.as_ref().map_or(true, Self::is_last));
    }

    /// The walk moves past the page it asked for, and ends there when `ended`.
    pub(crate) fn advance(&mut self, ended: bool) {
        self.done = ended;
        self.next += 1;
    }

    /// Whether a walk ends after this page: it says it is the last, or it is empty.
    pub(crate) fn is_last<T>(page: &Page<T>) -> bool {
        !page.has_next() || page.results.is_empty()
    }

    /// One step: the next page through `fetch`, or `None` once the walk has ended.
    pub(crate) fn step<T>(
        &mut self,
        fetch: impl FnOnce(u32) -> Result<Page<T>, Error>,
    ) -> Option<Result<Page<T>, Error>> {
        let result = fetch(self.wanted()?);
        self.record(&result);
        Some(result)
    }
}

impl ListPages {
    /// The page the next call to `next` asks for.
    pub fn next_page(&self) -> u32 {
        self.cursor.next
    }

    /// The next page with these options for its call (a binding's cancel handle for this
    /// one page), instead of the ones the pages were made with.
    pub fn next_with(&mut self, options: &CallOptions) -> Option<Result<Page<AnyRecord>, Error>> {
        let (client, list, query) = (&self.client, self.list, &self.query);
        self.cursor.step(|n| {
            let query = query.clone().set("page", wire::Given::Integer(n.into()));
            client.call_list(list, &query, options)
        })
    }
}

impl Iterator for ListPages {
    type Item = Result<Page<AnyRecord>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let options = self.options.clone();
        self.next_with(&options)
    }
}
