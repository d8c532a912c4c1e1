//! The callback IOVOX POSTs to `callback_url`: parsing its body, and checking the basic-auth
//! credentials that a `https://user:pass@host/…` callback URL makes IOVOX send.

use base64::Engine;
use iovox_core::{DecodeError, Order};
use subtle::ConstantTimeEq;

/// Parses a callback body (root `<order>`). It may arrive several times for one order:
/// PENDING with some numbers, later FULFILLED.
///
/// ```
/// let body = b"<order><order_reference>r1</order_reference><order_status>FULFILLED</order_status>\
///     <voxnumbers><voxnumber><country_code>44</country_code><area_code>151</area_code>\
///     <full_voxnumber>441512100200</full_voxnumber></voxnumber></voxnumbers></order>";
/// let order = iovox_http::parse_callback(body).unwrap();
/// assert_eq!(order.voxnumbers[0].full_voxnumber, "441512100200");
/// ```
pub fn parse_callback(body: &[u8]) -> Result<Order, DecodeError> {
    Order::from_callback_xml(body)
}

/// Why a callback was refused by [`receive_callback`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CallbackError {
    /// The `Authorization` header does not carry the callback URL's `user:pass`: not IOVOX,
    /// or not for this URL. Answer 401.
    #[error("the callback's credentials do not match the callback URL's")]
    Unauthorized,
    /// The callback URL carries no `user:pass@`, so nothing can tell IOVOX's callback from
    /// a forged one: refused unless unauthenticated callbacks are allowed by name
    /// ([`receive_callback_with`]; docs/decisions.md 30). Answer 401.
    #[error(
        "the callback URL has no user:password@, so this callback could be forged by anyone \
         who finds the endpoint; put credentials in the URL, or allow unauthenticated callbacks"
    )]
    Unauthenticated,
    /// The body is not an IOVOX order. Answer 400 (IOVOX retries a failed callback).
    #[error("the callback's body is not an IOVOX order: {0}")]
    Decode(#[from] DecodeError),
}

impl CallbackError {
    /// The HTTP status to answer with: 401 or 400.
    pub fn status(&self) -> u16 {
        match self {
            CallbackError::Unauthorized | CallbackError::Unauthenticated => 401,
            CallbackError::Decode(_) => 400,
        }
    }
}

/// The one entry point for a callback IOVOX POSTs: checks the request's basic auth against
/// the `user:pass@` of the `callback_url` the purchase sent (in constant time), then parses
/// the body. IOVOX may send the same order more than once (PENDING, then FULFILLED; again
/// after a failed delivery): handle it by `order_reference`, idempotently.
///
/// ```
/// use iovox_http::{receive_callback, CallbackError};
/// let url = "https://hook:s3cret@example.com/iovox";
/// let body = b"<order><order_reference>r1</order_reference><order_status>PENDING</order_status>\
///     <voxnumbers/></order>";
/// let order = receive_callback(url, Some("Basic aG9vazpzM2NyZXQ="), body).unwrap();
/// assert_eq!(order.order_reference, "r1");
/// assert_eq!(receive_callback(url, None, body), Err(CallbackError::Unauthorized));
/// // A URL without credentials: any request could be a forgery.
/// let bare = "https://example.com/iovox";
/// assert_eq!(receive_callback(bare, None, body), Err(CallbackError::Unauthenticated));
/// ```
pub fn receive_callback(
    callback_url: &str,
    authorization: Option<&str>,
    body: &[u8],
) -> Result<Order, CallbackError> {
    receive_callback_with(callback_url, authorization, body, false)
}

/// [`receive_callback`], with the caller's leave to take callbacks for a URL without
/// `user:pass@` (`allow_unauthenticated_callbacks`): such a callback is then read without
/// any check, so anyone who finds the endpoint can post one. A URL with credentials is
/// checked as always.
///
/// ```
/// use iovox_http::receive_callback_with;
/// let body = b"<order><order_reference>r1</order_reference><order_status>PENDING</order_status>\
///     <voxnumbers/></order>";
/// let order = receive_callback_with("https://example.com/iovox", None, body, true).unwrap();
/// assert_eq!(order.order_reference, "r1");
/// ```
pub fn receive_callback_with(
    callback_url: &str,
    authorization: Option<&str>,
    body: &[u8],
    allow_unauthenticated_callbacks: bool,
) -> Result<Order, CallbackError> {
    match iovox_core::url::split_credentials(callback_url) {
        (_, None) if !allow_unauthenticated_callbacks => {
            return Err(CallbackError::Unauthenticated)
        }
        (_, None) => {}
        (_, Some((user, pass))) => {
            if !check_callback_credentials(authorization, &user, &pass) {
                return Err(CallbackError::Unauthorized);
            }
        }
    }
    Ok(parse_callback(body)?)
}

/// Whether an `Authorization` header carries exactly `user`/`password` as HTTP basic auth.
/// Compared in constant time, so a caller's timing tells an attacker nothing.
///
/// ```
/// use iovox_http::check_callback_credentials;
/// assert!(check_callback_credentials(Some("Basic aG9vazpzM2NyZXQ="), "hook", "s3cret"));
/// assert!(!check_callback_credentials(Some("Basic aG9vazp3cm9uZw=="), "hook", "s3cret"));
/// assert!(!check_callback_credentials(None, "hook", "s3cret"));
/// ```
pub fn check_callback_credentials(authorization: Option<&str>, user: &str, password: &str) -> bool {
    let Some(header) = authorization.map(str::trim) else {
        return false;
    };
    let Some((scheme, token)) = header.split_once(' ') else {
        return false;
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return false;
    }
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(token.trim()) else {
        return false;
    };
    let expected = format!("{user}:{password}");
    decoded.ct_eq(expected.as_bytes()).into()
}

/// [`check_callback_credentials`] with the credentials taken from the callback URL that was
/// sent in the purchase. A URL without credentials accepts no request: nothing can be
/// checked (see [`receive_callback_with`] to take such callbacks all the same).
///
/// ```
/// use iovox_http::check_callback_url_credentials;
/// assert!(check_callback_url_credentials(Some("Basic aG9vazpzM2NyZXQ="), "https://hook:s3cret@example.com/"));
/// assert!(!check_callback_url_credentials(Some("Basic aG9vazpzM2NyZXQ="), "https://example.com/"));
/// ```
pub fn check_callback_url_credentials(authorization: Option<&str>, callback_url: &str) -> bool {
    match iovox_core::url::split_credentials(callback_url) {
        (_, None) => false,
        (_, Some((user, pass))) => check_callback_credentials(authorization, &user, &pass),
    }
}
