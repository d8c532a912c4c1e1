//! What the family tests share: a sandbox with the test key (the key `scripts/test`
//! searches all output for, so a test that prints it fails the run) and a client of it that
//! retries quickly.

#![allow(dead_code)] // each test crate uses only part of it

use iovox_http::{Client, ClientBuilder, Credentials, RetryPolicy};
use iovox_sandbox::{Config, Sandbox};
use std::time::Duration;

pub const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";

/// A sandbox and a client of it.
pub fn start() -> (Sandbox, Client) {
    start_with(|b| b)
}

/// The same, the client's builder changed by `f` first (a shorter timeout).
pub fn start_with(f: impl FnOnce(ClientBuilder) -> ClientBuilder) -> (Sandbox, Client) {
    let sb = Sandbox::start(Config {
        secure_key: KEY.into(),
        ..Config::default()
    })
    .unwrap();
    let b = Client::builder(Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(RetryPolicy {
            initial_backoff: Duration::from_millis(5),
            ..Default::default()
        });
    (sb, f(b).build().unwrap())
}
