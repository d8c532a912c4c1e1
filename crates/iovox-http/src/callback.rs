//! The callback IOVOX POSTs to `callback_url`: parsing its body, and checking the basic-auth
//! credentials that a `https://user:pass@host/…` callback URL makes IOVOX send.

use crate::error::Error;
use base64::Engine;
use iovox_core::Order;
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
pub fn parse_callback(body: &[u8]) -> Result<Order, Error> {
    Ok(Order::from_callback_xml(body)?)
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
/// sent in the purchase. A URL without credentials accepts any request.
pub fn check_callback_url_credentials(authorization: Option<&str>, callback_url: &str) -> bool {
    match iovox_core::url::split_credentials(callback_url) {
        (_, None) => true,
        (_, Some((user, pass))) => check_callback_credentials(authorization, &user, &pass),
    }
}
