//! Which certificate authorities the client trusts. By default the platform's verifier
//! (the system store; on Linux it honours `SSL_CERT_FILE` and `SSL_CERT_DIR`). With a CA
//! file, the system store, Mozilla's roots and the file's certificates together: the file
//! adds to what is trusted, it never replaces it.

use crate::error::Error;
use std::path::Path;
use ureq::tls::{Certificate, PemItem, RootCerts};

pub(crate) fn roots_with(path: &Path) -> Result<RootCerts, Error> {
    let bad = |why: String| Error::Config(format!("the CA file {} {why}", path.display()));
    let pem = std::fs::read(path).map_err(|e| bad(format!("cannot be read: {e}")))?;
    let mut extra = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(c)) => extra.push(c),
            Ok(_) => {}
            Err(e) => return Err(bad(format!("is not valid PEM: {e}"))),
        }
    }
    if extra.is_empty() {
        return Err(bad("holds no PEM certificate".into()));
    }
    let native = rustls_native_certs::load_native_certs();
    let mut roots: Vec<Certificate<'static>> = native
        .certs
        .iter()
        .map(|c| Certificate::from_der(c.as_ref()).to_owned())
        .collect();
    roots.extend(
        webpki_root_certs::TLS_SERVER_ROOT_CERTS
            .iter()
            .map(|c| Certificate::from_der(c.as_ref()).to_owned()),
    );
    roots.extend(extra);
    Ok(RootCerts::new_with_certs(&roots))
}
