//! Credentials in a callback URL: the page's "advanced" form
//! `https://user:pass@example.com/path` makes IOVOX send HTTP basic auth. The sandbox (which
//! sends it) and the client (which checks it) read the URL the same way, here.

/// Whether the URL's authority carries credentials (`user@` or `user:pass@`): what
/// [`split_credentials`] would find, without copying anything (it runs for every typed
/// purchase).
///
/// ```
/// assert!(iovox_core::url::has_credentials("https://u:p@example.com/cb"));
/// assert!(!iovox_core::url::has_credentials("https://example.com/a@b"));
/// ```
pub fn has_credentials(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    rest[..end].contains('@')
}

/// Splits `scheme://user:pass@host/rest` into the URL without credentials and the
/// credentials (`pass` empty when absent).
///
/// ```
/// let (url, creds) = iovox_core::url::split_credentials("https://u:p@example.com/cb?x=1");
/// assert_eq!(url, "https://example.com/cb?x=1");
/// assert_eq!(creds, Some(("u".to_string(), "p".to_string())));
/// assert_eq!(iovox_core::url::split_credentials("http://h/cb").1, None);
/// ```
pub fn split_credentials(url: &str) -> (String, Option<(String, String)>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_string(), None);
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let (user, pass) = userinfo.split_once(':').unwrap_or((userinfo, ""));
            (
                format!("{scheme}://{host}{tail}"),
                Some((user.to_string(), pass.to_string())),
            )
        }
        None => (url.to_string(), None),
    }
}
