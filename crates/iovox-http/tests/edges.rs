//! The client at its edges: settings refused at construction, servers that answer badly
//! or echo secrets, bodies that must never leave, cancelling, and TLS with a company CA.
//! Each test runs its own bare HTTP server on 127.0.0.1 so it sees exactly what arrives.

use iovox_core::{
    AdditionalInformation, AttachRequest, ErrorCode, Link, NumberType, PurchaseItem,
    PurchaseRequest,
};
use iovox_http::{CallOptions, Cancel, Client, Error, ErrorKind, RetryPolicy};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Recognisable, so a leak is easy to spot.
const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";

/// One request as the server read it.
#[derive(Debug, Clone)]
struct Seen {
    head: Vec<String>,
    body: Vec<u8>,
}

/// A bare HTTP/1.1 server: answers the n-th request (0-based) with `answer(n)`, a whole
/// HTTP response; counts what arrived. Stops with the test process.
struct Server {
    url: String,
    requests: Arc<AtomicUsize>,
    seen: Arc<std::sync::Mutex<Vec<Seen>>>,
}

fn read_request(stream: &mut impl Read) -> Option<Seen> {
    let mut reader = BufReader::new(stream);
    let mut head = Vec::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line.trim().is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().ok()?;
        }
        head.push(line.trim().to_string());
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Seen { head, body })
}

fn serve(answer: impl Fn(usize) -> String + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(AtomicUsize::new(0));
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let (r, s) = (requests.clone(), seen.clone());
    let answer = Arc::new(answer);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (r, s, answer) = (r.clone(), s.clone(), answer.clone());
            std::thread::spawn(move || {
                // One request per connection: each answer says `Connection: close`.
                if let Some(req) = read_request(&mut stream) {
                    let n = r.fetch_add(1, Ordering::SeqCst);
                    s.lock().unwrap().push(req);
                    let _ = stream.write_all(answer(n).as_bytes());
                }
            });
        }
    });
    Server {
        url,
        requests,
        seen,
    }
}

fn http(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/xml\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

fn london(quantity: u32) -> PurchaseRequest {
    let mut item = PurchaseItem::new(44, NumberType::Geographic, quantity);
    item.area_code = Some(20);
    PurchaseRequest::new(vec![item])
}

const ORDER: &str = "<response><order_reference>r1</order_reference><order_status>PENDING</order_status><voxnumbers/></response>";

fn config_error(r: Result<Client, Error>) -> String {
    match r {
        Err(e @ Error::Config(_)) => e.to_string(),
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[test]
fn a_bad_base_url_is_refused_at_construction_and_nothing_is_sent() {
    // A listener on port 80 would receive the credentials if `:99999` were dropped; the
    // refusal happens before any socket is opened, which the message proves.
    for (url, says) in [
        ("http://127.0.0.1:99999", "invalid port number"),
        ("", "is empty"),
        ("   ", "is empty"),
        ("https://exa mple.com", "is not a URL"),
        ("https://api.iovox.com:444/?v=3", "query string"),
        ("https://api.iovox.com:444/#top", "fragment"),
        ("ftp://api.iovox.com", "must use http or https, not ftp"),
        ("file:///etc/passwd", "must use http or https"),
        ("http://api.iovox.com", "not loopback"),
        ("api.iovox.com:444", "must use http or https"),
    ] {
        let e = config_error(Client::new(iovox_http::Credentials::new("me", KEY), url));
        assert!(
            e.contains("the base URL") && e.contains(says),
            "{url:?}: {e}"
        );
    }
}

#[test]
fn an_empty_iovox_base_url_is_refused_not_taken_for_production() {
    // The only test of this binary that touches the environment.
    std::env::set_var("IOVOX_USERNAME", "me");
    std::env::set_var("IOVOX_SECURE_KEY", KEY);
    std::env::set_var("IOVOX_BASE_URL", "");
    let e = config_error(Client::from_env());
    assert!(
        e.contains("the base URL (from IOVOX_BASE_URL) is empty"),
        "{e}"
    );
    std::env::remove_var("IOVOX_BASE_URL");
    assert_eq!(
        Client::from_env().unwrap().base_url(),
        iovox_http::PRODUCTION_URL
    );
    std::env::set_var("IOVOX_SECURE_KEY", format!("{KEY}\n"));
    std::env::set_var("IOVOX_BASE_URL", "http://127.0.0.1:1/");
    assert_eq!(Client::from_env().unwrap().base_url(), "http://127.0.0.1:1");
    std::env::set_var("IOVOX_SECURE_KEY", "a\rb");
    let e = config_error(Client::from_env());
    assert!(
        e.contains("the secure key (from IOVOX_SECURE_KEY) holds a control character"),
        "{e}"
    );
    for v in ["IOVOX_USERNAME", "IOVOX_SECURE_KEY", "IOVOX_BASE_URL"] {
        std::env::remove_var(v);
    }
}

#[test]
fn credentials_are_trimmed_or_refused_never_sent_broken() {
    let server = serve(|_| http("201 Created", ORDER));
    // A key read from a file keeps its newline: trimmed, and the header carries the key.
    let c = Client::new(
        iovox_http::Credentials::new(" me\n", format!("{KEY}\r\n")),
        &server.url,
    )
    .unwrap();
    c.purchase_vox_numbers(&london(1)).unwrap();
    let head: Vec<String> = server.seen.lock().unwrap()[0]
        .head
        .iter()
        .map(|l| l.to_ascii_lowercase())
        .collect();
    assert!(
        head.contains(&format!("securekey: {}", KEY.to_ascii_lowercase())),
        "{head:?}"
    );
    assert!(head.contains(&"username: me".to_string()), "{head:?}");
    assert_eq!(
        server.seen.lock().unwrap()[0].body,
        london(1).to_xml().into_bytes()
    );
    for (user, key, says) in [
        (
            "me\r\nX-Evil: 1",
            KEY,
            "the username holds a control character at position 3",
        ),
        (
            "me",
            "ab\0cd",
            "the secure key holds a control character at position 3",
        ),
        (
            "me",
            "clé-secrète",
            "the secure key holds a character that is not ASCII",
        ),
        ("me", "two words", "the secure key holds a space"),
        ("me", "\n", "the secure key is empty"),
    ] {
        let e = config_error(Client::new(
            iovox_http::Credentials::new(user, key),
            &server.url,
        ));
        assert!(e.contains(says), "{e}");
        assert!(
            !e.contains("clé") && !e.contains("ab\0cd"),
            "never quoted: {e}"
        );
    }
    assert_eq!(server.requests.load(Ordering::SeqCst), 1);
}

#[test]
fn durations_and_attempts_out_of_range_are_refused() {
    let b =
        || Client::builder(iovox_http::Credentials::new("me", KEY)).base_url("http://127.0.0.1:1");
    let e = config_error(b().timeout(Duration::ZERO).build());
    assert!(e.contains("the timeout must be above 0"), "{e}");
    let e = config_error(b().connect_timeout(Duration::from_secs(u64::MAX)).build());
    assert!(e.contains("the connect timeout"), "{e}");
    let e = config_error(
        b().retry(RetryPolicy {
            max_attempts: 0,
            ..Default::default()
        })
        .build(),
    );
    assert!(e.contains("max_attempts must be from 1 to 11"), "{e}");
    // A per-call timeout is checked the same way, and nothing is sent.
    let server = serve(|_| http("201 Created", ORDER));
    let c = Client::new(iovox_http::Credentials::new("me", KEY), &server.url).unwrap();
    let e = c
        .purchase_vox_numbers_with(&london(1), &CallOptions::default().timeout(Duration::ZERO))
        .unwrap_err();
    assert!(e.to_string().contains("the call's timeout"), "{e}");
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
}

/// Every way an answer can quote the server's text, each with the key in it.
fn echoes() -> Vec<(&'static str, String)> {
    let order = |status: &str, cc: &str, number: &str| {
        format!("<response><order_reference>r</order_reference><order_status>{status}</order_status><voxnumbers><voxnumber><country_code>{cc}</country_code><area_code>20</area_code><full_voxnumber>{number}</full_voxnumber></voxnumber></voxnumbers></response>")
    };
    let padded = format!("{}{KEY}", "x".repeat(30)); // the key straddles the quote's cut
    vec![
        ("201 Created", order(KEY, "44", "442071234567")),
        ("201 Created", order(&padded, "44", "442071234567")),
        ("201 Created", order("PENDING", KEY, "442071234567")),
        ("201 Created", order("PENDING", "44", KEY)),
        ("201 Created", format!("<{KEY}/>")),
        ("201 Created", format!("{ORDER}<{KEY}/>")),
        (
            "201 Created",
            format!("<response><order_reference><{KEY}/></order_reference></response>"),
        ),
        ("201 Created", format!("<response>&{KEY};</response>")),
        ("201 Created", format!("not xml {KEY}")),
        (
            "400 Bad Request",
            format!("<errors><error status=\"400\">bad key {KEY}</error></errors>"),
        ),
        (
            "502 Bad Gateway",
            format!("<html>{}{KEY}</html>", "y".repeat(185)),
        ),
        ("500 Oops", KEY.to_string()),
    ]
}

#[test]
fn a_server_that_echoes_the_key_never_gets_it_into_an_error() {
    let answers = echoes();
    let n = answers.len();
    let server = serve(move |i| {
        let (status, body) = &echoes()[i % n];
        http(status, body)
    });
    let c = Client::builder(iovox_http::Credentials::new("me", KEY))
        .base_url(&server.url)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    for (status, body) in answers {
        let e = c.purchase_vox_numbers(&london(1)).unwrap_err();
        kinds.insert(e.kind().as_str());
        let texts = [format!("{e}"), format!("{e:?}"), e.messages().join("\n")];
        for text in texts {
            // No piece of the key either: a quote cut short must not hold its start.
            for w in KEY.as_bytes().windows(10) {
                let piece = std::str::from_utf8(w).unwrap();
                assert!(!text.contains(piece), "{status} {body:.60}: {text}");
            }
            assert!(text.chars().count() < 400, "quotes stay short: {text}");
        }
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        vec!["api", "decode"],
        "both decode and API paths were exercised"
    );
}

#[test]
fn callback_url_credentials_echoed_by_a_server_are_redacted() {
    let server = serve(|_| {
        http(
            "400 Bad Request",
            "<errors><error status=\"400\">callback https://hook:pa55word-xyz@me.example/cb refused; pass pa55word-xyz</error></errors>",
        )
    });
    let c = Client::new(iovox_http::Credentials::new("me", KEY), &server.url).unwrap();
    let mut request = london(1);
    request.callback_url = Some("https://hook:pa55word-xyz@me.example/cb".into());
    let e = c.purchase_vox_numbers(&request).unwrap_err();
    let text = format!("{e} {e:?}");
    assert!(!text.contains("pa55word-xyz"), "{text}");
    assert!(text.contains("https://***@me.example/cb"), "{text}");
}

#[test]
fn text_xml_cannot_carry_is_refused_and_nothing_is_sent() {
    let server = serve(|_| http("201 Created", ORDER));
    let c = Client::new(iovox_http::Credentials::new("me", KEY), &server.url).unwrap();
    let mut request = london(1);
    request.items[0].additional_information = Some(AdditionalInformation {
        firstname: "Ada".into(),
        lastname: "Love\0lace".into(),
        company: "Co".into(),
        street: "Main".into(),
        building_number: 1,
        city: "London".into(),
        zipcode: "SW1A".into(),
    });
    let Err(Error::Validation(errors)) = c.purchase_vox_numbers(&request) else {
        panic!("a NUL must be a validation error");
    };
    let e = &errors.0[0];
    assert_eq!(
        (e.code, e.field, e.message.as_str()),
        (
            ErrorCode::NotXmlText,
            Some("lastname"),
            "lastname 1 of 1 holds U+0000, a character XML cannot carry"
        )
    );
    let links = AttachRequest::new(vec![Link::by_voxnumber("3\u{1}33", "441512100200")]);
    let e = c.attach_voxnumber_to_link(&links).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
}

#[test]
fn a_request_over_the_ceiling_is_refused_before_sending() {
    let server = serve(|_| http("201 Created", ORDER));
    let c = Client::new(iovox_http::Credentials::new("me", KEY), &server.url).unwrap();
    let mut request = london(1);
    request.items[0].city_name = Some("L".repeat(20 * 1024 * 1024));
    let Err(Error::Validation(errors)) = c.purchase_vox_numbers(&request) else {
        panic!("a 20 MB field must be refused");
    };
    assert_eq!(errors.0[0].code, ErrorCode::RequestTooLarge);
    assert!(
        errors.0[0].message.contains("over the 16777216-byte limit"),
        "{}",
        errors.0[0].message
    );
    // The ceiling is a setting.
    let small = Client::builder(iovox_http::Credentials::new("me", KEY))
        .base_url(&server.url)
        .max_request_bytes(100)
        .build()
        .unwrap();
    assert_eq!(
        small.purchase_vox_numbers(&london(1)).unwrap_err().kind(),
        ErrorKind::Validation
    );
    // A list's filters travel in the URL: the ceiling covers it as it covers a body. A
    // 50 MB filter was sent, and reported as a connection error that may have reached
    // IOVOX.
    let huge = iovox_core::VoxnumbersRequest {
        voxnumber_city: Some("L".repeat(50 * 1024 * 1024)),
        ..Default::default()
    };
    let e = c.get_voxnumbers(&huge).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert!(!e.maybe_sent());
    assert!(e.messages()[0].starts_with("Request too large: "), "{e}");
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
    c.purchase_vox_numbers(&london(1)).unwrap();
}

#[test]
fn a_per_call_timeout_overrides_the_clients() {
    // The server never answers; the client's own timeout is long.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let held = std::thread::spawn(move || {
        let mut open: Vec<TcpStream> = Vec::new();
        for s in listener.incoming().take(1) {
            open.push(s.unwrap());
        }
        std::thread::sleep(Duration::from_secs(30));
    });
    let c = Client::builder(iovox_http::Credentials::new("me", KEY))
        .base_url(&url)
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let started = Instant::now();
    let e = c
        .purchase_vox_numbers_with(
            &london(1),
            &CallOptions::default().timeout(Duration::from_millis(200)),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(
        matches!(
            e,
            Error::Timeout {
                maybe_sent: true,
                ..
            }
        ) && e.maybe_sent(),
        "the request was sent, then the answer timed out: {e:?}"
    );
    // Our words only (not the transport's "timeout: global"), whether it may have been
    // sent and what to do; the transport's error kept as the source.
    assert_eq!(
        e.to_string(),
        "IOVOX did not answer in time: the attempt's time ran out; the request may have reached IOVOX, which may have acted on it: check before repeating a change (a purchase, an attach)"
    );
    let source = std::error::Error::source(&e).expect("the transport's error is kept");
    assert!(source.to_string().contains("timeout"), "{source}");
    // One attempt of 200 ms (a purchase is not repeated after sending); the bound leaves
    // 25x that for a loaded machine and stays far under the client's 60 s.
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    drop(held);
}

#[test]
fn a_call_cancelled_before_it_starts_sends_nothing() {
    let server = serve(|_| http("201 Created", ORDER));
    let c = Client::new(iovox_http::Credentials::new("me", KEY), &server.url).unwrap();
    let cancel = Cancel::new();
    assert!(!cancel.cancel(), "nothing had started");
    let e = c
        .purchase_vox_numbers_with(&london(1), &CallOptions::default().cancel(cancel))
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Aborted {
                maybe_sent: false,
                attempts: 0
            }
        ),
        "{e:?}"
    );
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
}

#[test]
fn a_cancel_between_attempts_stops_the_retries_at_once() {
    let server = serve(|_| http("503 Busy", "<error status=\"503\">busy</error>"));
    let c = Client::builder(iovox_http::Credentials::new("me", KEY))
        .base_url(&server.url)
        .retry(RetryPolicy {
            max_attempts: 5,
            initial_backoff: Duration::from_secs(20),
            max_backoff: Duration::from_secs(20),
            retry_purchase_after_send: false,
        })
        .build()
        .unwrap();
    let cancel = Cancel::new();
    let pull = cancel.clone();
    let requests = server.requests.clone();
    let puller = std::thread::spawn(move || {
        while requests.load(Ordering::SeqCst) == 0 {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(50));
        pull.cancel()
    });
    let started = Instant::now();
    let links = AttachRequest::new(vec![Link::by_area("444", 44, 20)]);
    let e = c
        .attach_voxnumber_to_link_with(&links, &CallOptions::default().cancel(cancel))
        .unwrap_err();
    assert!(
        puller.join().unwrap(),
        "the canceller learns the request may have arrived"
    );
    assert!(
        matches!(
            e,
            Error::Aborted {
                maybe_sent: true,
                attempts: 1
            }
        ),
        "{e:?}"
    );
    // The first wait is 10-20 s; the cancel ends it.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.requests.load(Ordering::SeqCst), 1);
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/tls")
        .join(name)
}

/// An HTTPS server with the test CA's certificate for 127.0.0.1; answers every request.
fn serve_tls() -> (String, Arc<AtomicUsize>) {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(fixture("server.pem"))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let key = PrivateKeyDer::from_pem_file(fixture("server.key")).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = Arc::new(
        rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap(),
    );
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}", listener.local_addr().unwrap());
    let served = Arc::new(AtomicUsize::new(0));
    let count = served.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (config, count) = (config.clone(), count.clone());
            std::thread::spawn(move || {
                let conn = rustls::ServerConnection::new(config).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, stream);
                if read_request(&mut tls).is_some() {
                    count.fetch_add(1, Ordering::SeqCst);
                    let _ = tls.write_all(http("201 Created", ORDER).as_bytes());
                    let _ = tls.flush();
                }
            });
        }
    });
    (url, served)
}

#[test]
fn a_company_ca_is_trusted_from_ca_file_and_not_otherwise() {
    let (url, served) = serve_tls();
    let plain = Client::new(iovox_http::Credentials::new("me", KEY), &url).unwrap();
    let e = plain.purchase_vox_numbers(&london(1)).unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Connection {
                maybe_sent: false,
                ..
            }
        ),
        "an unknown issuer is refused before sending: {e:?}"
    );
    assert!(e.to_string().contains("UnknownIssuer"), "{e}");
    assert!(
        e.to_string().contains(": the TLS handshake was refused (")
            && e.to_string().starts_with("could not reach IOVOX"),
        "{e}"
    );
    assert!(std::error::Error::source(&e).is_some());
    let trusting = Client::builder(iovox_http::Credentials::new("me", KEY))
        .base_url(&url)
        .ca_file(fixture("ca.pem"))
        .build()
        .unwrap();
    let order = trusting.purchase_vox_numbers(&london(1)).unwrap();
    assert_eq!(order.order_reference, "r1");
    assert_eq!(served.load(Ordering::SeqCst), 1);
    // A CA file that cannot be used is a config error at construction.
    let e = config_error(
        Client::builder(iovox_http::Credentials::new("me", KEY))
            .base_url(&url)
            .ca_file("/nonexistent.pem")
            .build(),
    );
    assert!(
        e.contains("the CA file /nonexistent.pem cannot be read"),
        "{e}"
    );
    let e = config_error(
        Client::builder(iovox_http::Credentials::new("me", KEY))
            .base_url(&url)
            .ca_file(fixture("make.sh"))
            .build(),
    );
    assert!(e.contains("holds no PEM certificate"), "{e}");
}

/// The shared error-body vectors through the client: IOVOX's XML gives every message; any
/// other body gives one message, the status and the start of the body. The Python and Node
/// runners check the same.
#[test]
fn error_body_vectors_through_the_client() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/error_bodies.json"),
    )
    .unwrap();
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    for case in cases["cases"].as_array().unwrap() {
        let status = case["status"].as_u64().unwrap() as u16;
        let body = case["body"].as_str().unwrap().to_string();
        let reason = format!("{status} Something");
        let server = serve(move |_| http(&reason, &body));
        let c = Client::builder(iovox_http::Credentials::new("me", KEY))
            .base_url(&server.url)
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        let links = AttachRequest::new(vec![Link::by_voxnumber("1", "442035551234")]);
        let Err(Error::Api {
            status: got,
            messages,
            ..
        }) = c.attach_voxnumber_to_link(&links)
        else {
            panic!("{}: an API error", case["name"]);
        };
        assert_eq!(got, status);
        let want: Vec<String> = match case["messages"].as_array() {
            Some(m) => m.iter().map(|m| m.as_str().unwrap().to_string()).collect(),
            None => {
                let folded = case["body"]
                    .as_str()
                    .unwrap()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let short: String = folded.chars().take(200).collect();
                vec![if folded.is_empty() {
                    format!("HTTP {status} with an empty body")
                } else if short.len() < folded.len() {
                    format!("HTTP {status}: {short}…")
                } else {
                    format!("HTTP {status}: {short}")
                }]
            }
        };
        assert_eq!(messages, want, "{}", case["name"]);
    }
}
