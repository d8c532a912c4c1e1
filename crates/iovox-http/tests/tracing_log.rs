//! With the `tracing` feature on, every log line of calls through every error kind is
//! captured and searched: no secure key, no callback password, no personal data from the
//! request (names, street, city). Run by the test command with `--features tracing`.

use iovox_core::{AdditionalInformation, NumberType, PurchaseItem, PurchaseRequest};
use iovox_http::{Client, RetryPolicy};
use iovox_sandbox::{Config, Fault, Sandbox};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";
const PERSONAL: &[&str] = &[
    "Augusta-Ada",
    "Lovelace-King",
    "Marylebone-High-Street",
    "Westminster-City",
    "hunter2-callback",
];

#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl Write for Lines {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn paris() -> PurchaseRequest {
    let mut item = PurchaseItem::new(33, NumberType::Geographic, 1);
    item.area_code = Some(1);
    item.additional_information = Some(AdditionalInformation {
        firstname: PERSONAL[0].into(),
        lastname: PERSONAL[1].into(),
        company: "Co".into(),
        street: PERSONAL[2].into(),
        building_number: 7,
        city: PERSONAL[3].into(),
        zipcode: "75001".into(),
    });
    let mut request = PurchaseRequest::new(vec![item]);
    request.callback_url = Some(format!("https://hook:{}@me.example/cb", PERSONAL[4]));
    request
}

#[test]
fn log_lines_carry_no_secret_and_no_personal_data() {
    let lines = Lines::default();
    let sink = lines.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(move || sink.clone())
        .finish();
    let sb = Sandbox::start(Config {
        secure_key: KEY.into(),
        fault_header: true,
        ..Config::default()
    })
    .unwrap();
    tracing::subscriber::with_default(subscriber, || {
        let client = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
            .base_url(sb.url())
            .timeout(Duration::from_millis(200))
            .max_response_bytes(8 * 1024 * 1024)
            .retry(RetryPolicy {
                initial_backoff: Duration::from_millis(5),
                ..Default::default()
            })
            .build()
            .unwrap();
        let mut kinds = Vec::new();
        // ok, then one call for every way a call fails.
        client.purchase_vox_numbers(&paris()).unwrap();
        for fault in [
            Some(Fault::InternalError),
            Some(Fault::Slow(Duration::from_millis(500))),
            Some(Fault::Drop),
            Some(Fault::NotXml),
            Some(Fault::Oversized(9_000_000)),
        ] {
            if let Some(f) = fault {
                sb.inject(f);
            }
            kinds.push(client.purchase_vox_numbers(&paris()).unwrap_err().kind());
        }
        let mut bad = paris();
        bad.items[0].quantity = 0;
        kinds.push(client.purchase_vox_numbers(&bad).unwrap_err().kind());
        let wrong = Client::builder(iovox_http::Credentials::new(sb.username(), "not-the-key"))
            .base_url(sb.url())
            .build()
            .unwrap();
        kinds.push(wrong.purchase_vox_numbers(&paris()).unwrap_err().kind());
        kinds.push(
            Client::new(
                iovox_http::Credentials::new(sb.username(), KEY),
                "http://127.0.0.1:1",
            )
            .unwrap()
            .purchase_vox_numbers(&paris())
            .unwrap_err()
            .kind(),
        );
        kinds.sort_by_key(|k| k.as_str());
        kinds.dedup();
        assert_eq!(
            kinds.len(),
            6,
            "api, authentication, timeout, connection, decode, validation: {kinds:?}"
        );
    });
    let text = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
    let attempts: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("iovox request"))
        .collect();
    assert!(
        attempts.len() >= 8,
        "a line per attempt was logged ({}):\n{text}",
        attempts.len()
    );
    // Each attempt inside its call's one span, with what a reader needs.
    for line in &attempts {
        for field in [
            "iovox call{method=\"purchaseVoxNumbers\"}",
            "outcome=",
            "attempt=",
            "duration_ms=",
            "maybe_sent=",
        ] {
            assert!(line.contains(field), "{field} missing: {line}");
        }
    }
    // One span per call that was sent or tried (the invalid request never was): 8 calls,
    // 8 spans closed, however many attempts each made.
    let spans = text
        .lines()
        .filter(|l| l.contains("iovox call{") && l.contains(": close"))
        .count();
    assert_eq!(spans, 8, "{text}");
    assert!(!text.contains(KEY), "{text}");
    for p in PERSONAL {
        assert!(!text.contains(p), "{p} in the log:\n{text}");
    }
}
