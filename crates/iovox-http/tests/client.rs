//! The client against iovox-sandbox over real HTTP on 127.0.0.1.

use iovox_core::{AttachRequest, Link, NumberType, OrderStatus, PurchaseItem, PurchaseRequest};
use iovox_http::{Client, Error, ErrorKind, RetryPolicy};
use iovox_sandbox::{CallbackListener, Config, Fault, Restock, Sandbox};
use std::time::Duration;

/// Recognisable, so a leak is easy to spot.
const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";

fn sandbox(config: Config) -> Sandbox {
    Sandbox::start(Config {
        secure_key: KEY.into(),
        ..config
    })
    .unwrap()
}

fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        initial_backoff: Duration::from_millis(5),
        ..Default::default()
    }
}

fn client(sb: &Sandbox) -> Client {
    Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(fast_retries())
        .build()
        .unwrap()
}

fn item(cc: u32, area: u32, number_type: NumberType, quantity: u32) -> PurchaseItem {
    let mut i = PurchaseItem::new(cc, number_type, quantity);
    i.area_code = Some(area);
    i
}

fn london(quantity: u32) -> PurchaseRequest {
    PurchaseRequest::new(vec![item(44, 20, NumberType::Geographic, quantity)])
}

#[test]
fn purchase_then_attach() {
    let sb = sandbox(Config::default());
    let c = client(&sb);
    let order = c.purchase_vox_numbers(&london(2)).unwrap();
    assert_eq!(order.order_status, OrderStatus::Fulfilled);
    assert_eq!(order.voxnumbers.len(), 2);
    let request = AttachRequest::new(vec![
        Link::by_voxnumber("333", &order.voxnumbers[0].full_voxnumber),
        Link::by_area("444", 44, 20),
        Link::by_postcode("555", "UNITED KINGDOM", "SW1A 0AA"),
    ]);
    c.attach_voxnumber_to_link(&request).unwrap();
    let state = sb.state();
    let link = |n: &str| {
        state
            .voxnumbers
            .iter()
            .find(|v| v.full_voxnumber == n)
            .unwrap()
            .link_id
            .clone()
    };
    assert_eq!(
        link(&order.voxnumbers[0].full_voxnumber).as_deref(),
        Some("333")
    );
    assert_eq!(
        state
            .voxnumbers
            .iter()
            .filter(|v| v.link_id.is_some())
            .count(),
        4
    );
}

#[test]
fn pending_order_then_callback() {
    let sb = sandbox(Config::default());
    let listener = CallbackListener::start(0).unwrap();
    let mut request = PurchaseRequest::new(vec![item(44, 151, NumberType::Geographic, 3)]);
    request.callback_url = Some(listener.url_with_credentials("hook", "pa55"));
    let order = client(&sb).purchase_vox_numbers(&request).unwrap();
    assert_eq!(
        (order.order_status, order.voxnumbers.len()),
        (OrderStatus::Pending, 2)
    );
    sb.restock(&Restock {
        count: 1,
        ..Default::default()
    });
    let got = listener.wait_for(1, Duration::from_secs(5));
    let update = iovox_http::parse_callback(&got[0].body).unwrap();
    assert_eq!(update.order_reference, order.order_reference);
    assert_eq!(update.order_status, OrderStatus::Fulfilled);
    let url = request.callback_url.as_deref().unwrap();
    assert!(iovox_http::check_callback_url_credentials(
        got[0].authorization.as_deref(),
        url
    ));
    assert!(!iovox_http::check_callback_credentials(
        got[0].authorization.as_deref(),
        "hook",
        "wrong"
    ));
    assert!(iovox_http::parse_callback(b"<order><voxnumbers>").is_err());
    // The one entry point: credentials first, then the body.
    let order = iovox_http::receive_callback(url, got[0].authorization.as_deref(), &got[0].body);
    assert_eq!(order.unwrap(), update);
    let wrong = listener.url_with_credentials("hook", "wrong");
    assert_eq!(
        iovox_http::receive_callback(&wrong, got[0].authorization.as_deref(), &got[0].body)
            .unwrap_err()
            .status(),
        401
    );
    assert_eq!(
        iovox_http::receive_callback(url, got[0].authorization.as_deref(), b"<order>")
            .unwrap_err()
            .status(),
        400
    );
}

/// A callback URL without `user:password@` lets anyone forge an order: the client refuses
/// to send it, and `receive_callback` refuses what arrives for it, unless the caller allows
/// unauthenticated callbacks by name (docs/decisions.md 30).
#[test]
fn unauthenticated_callbacks_only_by_name() {
    let sb = sandbox(Config::default());
    let listener = CallbackListener::start(0).unwrap();
    let bare = listener.url();
    let request = PurchaseRequest::new(vec![item(44, 151, NumberType::Geographic, 3)])
        .callback_url(bare.clone());
    let e = client(&sb).purchase_vox_numbers(&request).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert!(!e.maybe_sent());
    assert!(e.messages()[0].starts_with("Callback URL 1 of 1 has no user:password@"));
    assert_eq!(sb.stats().requests, 0, "nothing was sent");

    let order = client(&sb)
        .purchase_vox_numbers(&request.allow_unauthenticated_callbacks(true))
        .unwrap();
    assert_eq!(order.order_status, OrderStatus::Pending);
    sb.restock(&Restock {
        count: 1,
        ..Default::default()
    });
    let got = listener.wait_for(1, Duration::from_secs(5));
    assert_eq!(got[0].authorization, None);
    let refused = iovox_http::receive_callback(&bare, None, &got[0].body).unwrap_err();
    assert_eq!(refused, iovox_http::CallbackError::Unauthenticated);
    assert_eq!(refused.status(), 401);
    assert!(!iovox_http::check_callback_url_credentials(None, &bare));
    let update = iovox_http::receive_callback_with(&bare, None, &got[0].body, true).unwrap();
    assert_eq!(update.order_reference, order.order_reference);
    // With credentials in the URL, the leave changes nothing: they are checked.
    let with_creds = listener.url_with_credentials("hook", "pa55");
    assert_eq!(
        iovox_http::receive_callback_with(&with_creds, None, &got[0].body, true),
        Err(iovox_http::CallbackError::Unauthorized)
    );
}

/// `repeated_purchases` means what it says under concurrency: 20 calls at once for the
/// same numbers are 20 purchases and no repeat (it said 19), and a call the client retries
/// after its request went out is one repeat.
#[test]
fn a_repeated_purchase_is_a_call_sent_twice_not_a_request_like_another() {
    let sb = sandbox(Config::default());
    let c = client(&sb);
    std::thread::scope(|s| {
        for _ in 0..20 {
            s.spawn(|| c.purchase_vox_numbers(&london(1)).unwrap());
        }
    });
    let stats = sb.stats();
    assert_eq!((stats.purchases, stats.repeated_purchases), (20, 0));
    let retrying = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(RetryPolicy {
            retry_purchase_after_send: true,
            ..fast_retries()
        })
        .build()
        .unwrap();
    // The answer is cut after the order was made: the opted-in client sends the call again.
    sb.inject(Fault::Drop);
    retrying.purchase_vox_numbers(&london(1)).unwrap();
    let stats = sb.stats();
    assert_eq!((stats.purchases, stats.repeated_purchases), (22, 1));
}

#[test]
fn validation_error_sends_nothing() {
    let sb = sandbox(Config::default());
    let mut bad = london(0);
    bad.items.push(item(44, 20, NumberType::National, 300));
    bad.callback_url = Some("not a url".into());
    let e = client(&sb).purchase_vox_numbers(&bad).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(
        e.messages(),
        vec![
            "Callback URL 1 of 1 Invalid",
            "Quantity must be between 1 and 250",
            "Quantity must be between 1 and 250"
        ]
    );
    let Error::Validation(v) = &e else { panic!() };
    assert_eq!(v[2].position.map(|p| (p.index, p.total)), Some((2, 2)));
    let e = client(&sb)
        .attach_voxnumber_to_link(&AttachRequest::new(vec![]))
        .unwrap_err();
    assert_eq!(e.messages(), vec!["Request Empty"]);
    assert_eq!(sb.stats().requests, 0, "nothing reached the server");
}

#[test]
fn api_errors_carry_status_and_every_message() {
    let sb = sandbox(Config::default());
    let request = PurchaseRequest::new(vec![
        item(44, 999, NumberType::Geographic, 1),
        item(44, 20, NumberType::TollFree, 1),
    ]);
    let e = client(&sb).purchase_vox_numbers(&request).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(400)));
    assert_eq!(
        e.messages(),
        vec![
            "Basket Item 1 of 2 is not correct.",
            "Basket Item 2 of 2 is not correct."
        ]
    );
    assert_eq!(e.attempts(), 1);

    let wrong = Client::builder(iovox_http::Credentials::new("sandbox", "not-the-key"))
        .base_url(sb.url())
        .build()
        .unwrap();
    let e = wrong.purchase_vox_numbers(&london(1)).unwrap_err();
    assert_eq!(
        (e.status(), e.messages()),
        (Some(401), vec!["HTTP 401: Unauthorized".to_string()])
    );
    // Refused credentials are a kind of their own, as in stripe and openai.
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert!(matches!(e, Error::Api { status: 401, .. }));
}

#[test]
fn keep_alive_reuses_one_connection() {
    let sb = sandbox(Config::default());
    let c = client(&sb);
    for _ in 0..10 {
        c.purchase_vox_numbers(&london(1)).unwrap();
    }
    for n in 100..105 {
        let link = Link::by_area(n.to_string(), 44, 20);
        c.attach_voxnumber_to_link(&AttachRequest::new(vec![link]))
            .ok();
    }
    assert_eq!(sb.stats().requests, 15);
    assert_eq!(sb.stats().connections, 1);
}

#[test]
fn a_purchase_that_got_a_500_is_not_retried_by_default() {
    let sb = sandbox(Config::default());
    sb.inject(Fault::InternalError);
    let e = client(&sb).purchase_vox_numbers(&london(1)).unwrap_err();
    assert_eq!((e.status(), e.attempts()), (Some(500), 1));
    assert_eq!(e.messages(), vec!["Internal Server Error"]);
    assert_eq!(sb.stats().requests, 1);
}

#[test]
fn a_purchase_is_retried_after_a_500_when_the_caller_opts_in() {
    let sb = sandbox(Config::default());
    sb.inject(Fault::InternalError);
    let policy = RetryPolicy {
        retry_purchase_after_send: true,
        ..fast_retries()
    };
    let c = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(policy)
        .build()
        .unwrap();
    c.purchase_vox_numbers(&london(1)).unwrap();
    assert_eq!((sb.stats().requests, sb.stats().purchases), (2, 1));
}

#[test]
fn attach_is_retried_on_5xx_and_says_how_many_attempts() {
    let sb = sandbox(Config::default());
    let request = AttachRequest::new(vec![Link::by_area("333", 44, 20)]);
    sb.inject(Fault::InternalError);
    sb.inject(Fault::NotXml); // a 502 from a proxy
    client(&sb).attach_voxnumber_to_link(&request).unwrap();
    assert_eq!(sb.stats().requests, 3);

    for _ in 0..3 {
        sb.inject(Fault::InternalError);
    }
    let again = AttachRequest::new(vec![Link::by_area("444", 44, 20)]);
    let e = client(&sb).attach_voxnumber_to_link(&again).unwrap_err();
    assert_eq!((e.status(), e.attempts()), (Some(500), 3));
    assert!(e.to_string().contains("after 3 attempts"), "{e}");
    assert_eq!(sb.stats().requests, 6);
}

#[test]
fn failed_connections_are_retried_for_both_methods() {
    // A port with nothing behind it: the connection is refused, nothing was sent.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let c = Client::builder(iovox_http::Credentials::new("u", KEY))
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry(fast_retries())
        .build()
        .unwrap();
    let e = c.purchase_vox_numbers(&london(1)).unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Connection, 3));
    assert!(e.to_string().contains("after 3 attempts"), "{e}");
    let e = c
        .attach_voxnumber_to_link(&AttachRequest::new(vec![Link::by_area("1", 44, 20)]))
        .unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Connection, 3));
}

#[test]
fn timeouts_against_a_slow_sandbox() {
    let sb = sandbox(Config {
        response_delay: Duration::from_millis(800),
        ..Config::default()
    });
    let c = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .timeout(Duration::from_millis(200))
        .retry(fast_retries())
        .build()
        .unwrap();
    // The sandbox answers after 800 ms, so a timeout error proves the 200 ms timeout cut
    // the call short; no wall-clock bound is needed (one would flake on a loaded machine).
    let e = c.purchase_vox_numbers(&london(1)).unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Timeout, 1), "{e}");
    std::thread::sleep(Duration::from_millis(900));
    assert_eq!(
        sb.stats().requests,
        1,
        "a purchase that may have been made is not sent again"
    );
}

#[test]
fn a_dropped_answer_is_a_connection_error_and_the_purchase_is_not_repeated() {
    let sb = sandbox(Config::default());
    sb.inject(Fault::Drop);
    let e = client(&sb).purchase_vox_numbers(&london(1)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Connection, "{e}");
    assert!(matches!(
        e,
        Error::Connection {
            maybe_sent: true,
            ..
        }
    ));
    assert_eq!((sb.stats().requests, sb.stats().purchases), (1, 1));
}

#[test]
fn html_502_is_an_api_error_with_an_excerpt() {
    let sb = sandbox(Config::default());
    sb.inject(Fault::NotXml);
    let e = client(&sb).purchase_vox_numbers(&london(1)).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(502)));
    assert_eq!(
        e.messages(),
        vec!["HTTP 502: <html><body><h1>502 Bad Gateway</h1></body></html>"]
    );
}

#[test]
fn a_body_over_the_cap_is_refused() {
    let sb = sandbox(Config::default());
    sb.inject(Fault::Oversized(50_000));
    let c = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .max_response_bytes(10_000)
        .build()
        .unwrap();
    let e = c.purchase_vox_numbers(&london(1)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert!(e.to_string().contains("over the 10000-byte cap"), "{e}");
    // Under the cap but not an order: a decode error that says why.
    sb.inject(Fault::Oversized(500));
    let e = c.purchase_vox_numbers(&london(1)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert!(e.to_string().contains("XML parse error"), "{e}");
}

#[test]
fn configuration_errors() {
    for url in [
        "http://example.com",
        "ftp://x",
        "https://user:pw@example.com",
    ] {
        let e = Client::new(iovox_http::Credentials::new("u", KEY), url).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Config, "{url}");
    }
    assert!(Client::builder(iovox_http::Credentials::new("u", KEY))
        .base_url("http://example.com")
        .allow_insecure_http(true)
        .build()
        .is_ok());
    assert_eq!(
        Client::new(
            iovox_http::Credentials::new("", KEY),
            iovox_http::PRODUCTION_URL
        )
        .unwrap_err()
        .kind(),
        ErrorKind::Config
    );
    // The environment: every missing variable is named.
    std::env::remove_var("IOVOX_USERNAME");
    std::env::remove_var("IOVOX_SECURE_KEY");
    let e = Client::from_env().unwrap_err();
    assert_eq!(
        e.to_string(),
        "client configuration: no username or secure key given, and IOVOX_USERNAME and IOVOX_SECURE_KEY are not set"
    );
    std::env::set_var("IOVOX_USERNAME", "me");
    let e = Client::from_env().unwrap_err();
    assert_eq!(
        e.to_string(),
        "client configuration: no secure key given, and IOVOX_SECURE_KEY is not set"
    );
    // A value given wins over the environment; a missing one is taken from it.
    let c = Client::builder_or_env(None, Some(KEY.into()), Some("https://example.test".into()))
        .unwrap()
        .build()
        .unwrap();
    assert_eq!((c.username(), c.base_url()), ("me", "https://example.test"));
    std::env::set_var("IOVOX_SECURE_KEY", KEY);
    let c = Client::from_env().unwrap();
    assert_eq!(c.base_url(), iovox_http::PRODUCTION_URL);
    std::env::remove_var("IOVOX_USERNAME");
    std::env::remove_var("IOVOX_SECURE_KEY");
}

#[test]
fn the_secure_key_never_shows() {
    let sb = sandbox(Config {
        fault_header: true,
        response_delay: Duration::ZERO,
        ..Config::default()
    });
    let c = client(&sb);
    let mut errors: Vec<Error> = vec![
        c.purchase_vox_numbers(&london(0)).unwrap_err(),
        Client::builder(iovox_http::Credentials::new("x", KEY))
            .base_url(sb.url())
            .build()
            .unwrap()
            .purchase_vox_numbers(&london(1))
            .unwrap_err(),
        Client::new(iovox_http::Credentials::new("u", KEY), "http://example.com").unwrap_err(),
        iovox_http::parse_callback(KEY.as_bytes())
            .unwrap_err()
            .into(),
    ];
    sb.inject(Fault::Drop);
    errors.push(c.purchase_vox_numbers(&london(1)).unwrap_err());
    sb.inject(Fault::Slow(Duration::from_millis(500)));
    let slow = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    errors.push(slow.purchase_vox_numbers(&london(1)).unwrap_err());
    let kinds: std::collections::HashSet<_> = errors.iter().map(|e| e.kind()).collect();
    assert_eq!(kinds.len(), 6, "every kind is covered: {kinds:?}");
    for e in &errors {
        for text in [format!("{e}"), format!("{e:?}"), e.messages().join(" ")] {
            assert!(!text.contains(KEY), "{text}");
        }
    }
    assert!(format!("{c:?}").contains("***") && !format!("{c:?}").contains(KEY));
    assert_eq!(format!("{:?}", iovox_http::SecureKey::new(KEY)), "***");
}

#[test]
fn the_request_on_the_wire() {
    use std::io::{BufRead, BufReader, Read, Write};
    // A bare socket, so the test sees exactly what the client sends.
    let server = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", server.local_addr().unwrap());
    let seen = std::thread::spawn(move || {
        let (stream, _) = server.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = Vec::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
            head.push(line.trim().to_string());
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let answer = "<response><order_reference>r</order_reference><order_status>PENDING</order_status><voxnumbers/></response>";
        write!(
            &stream,
            "HTTP/1.1 201 Created\r\nContent-Type: text/xml\r\nContent-Length: {}\r\n\r\n{answer}",
            answer.len()
        )
        .unwrap();
        (head, String::from_utf8(body).unwrap())
    });
    let c = Client::new(iovox_http::Credentials::new("me", KEY), url).unwrap();
    let order = c.purchase_vox_numbers(&london(1)).unwrap();
    assert_eq!(order.order_reference, "r");
    let (head, body) = seen.join().unwrap();
    assert_eq!(
        head[0],
        "POST /Purchase?v=3&method=purchaseVoxNumbers HTTP/1.1"
    );
    let has = |h: &str| head.iter().any(|l| l.eq_ignore_ascii_case(h));
    assert!(has("username: me"), "{head:?}");
    assert!(has(&format!("securekey: {KEY}")), "{head:?}");
    assert!(has("content-type: application/xml"), "{head:?}");
    assert!(
        has(&format!("user-agent: {}", iovox_http::USER_AGENT)),
        "{head:?}"
    );
    assert!(iovox_http::USER_AGENT.starts_with("iovox-rust/0."));
    assert_eq!(body, london(1).to_xml());
}

#[test]
fn remove_voxnumber_from_link_returns_the_number_to_the_pool() {
    use iovox_core::DetachRequest;
    let sb = sandbox(Config::default());
    let c = client(&sb);
    // 442071234568 is on link 100 in the built-in account.
    let link_of = |n: &str| {
        sb.state()
            .voxnumbers
            .into_iter()
            .find(|v| v.full_voxnumber == n)
            .unwrap()
            .link_id
    };
    assert_eq!(link_of("442071234568").as_deref(), Some("100"));
    c.remove_voxnumber_from_link(&DetachRequest::new(["100"]))
        .unwrap();
    assert_eq!(link_of("442071234568"), None, "UNASSIGNED again");
    // Server-only checks, all at once, and nothing changes (all or nothing).
    c.attach_voxnumber_to_link(&AttachRequest::new(vec![Link::by_voxnumber(
        "333",
        "442071234568",
    )]))
    .unwrap();
    let e = c
        .remove_voxnumber_from_link(&DetachRequest::new(["333", "nope", "100"]))
        .unwrap_err();
    assert_eq!(e.status(), Some(400));
    assert_eq!(
        e.messages(),
        vec![
            "Link ID 2 of 3 does not exist",
            "Link ID 3 of 3 does not have a VoxNumber"
        ]
    );
    assert_eq!(link_of("442071234568").as_deref(), Some("333"));
    // Request-only checks never leave the process.
    let before = sb.stats().requests;
    let e = c
        .remove_voxnumber_from_link(&DetachRequest::new(["333", " "]))
        .unwrap_err();
    assert_eq!(e.messages(), vec!["Link ID 2 of 2 Empty"]);
    assert_eq!(sb.stats().requests, before);
}

#[test]
fn remove_voxnumber_from_link_is_retried_as_safe_to_repeat() {
    use iovox_core::DetachRequest;
    let sb = sandbox(Config::default());
    let c = client(&sb);
    sb.inject(Fault::InternalError);
    c.remove_voxnumber_from_link(&DetachRequest::new(["100"]))
        .unwrap();
    assert_eq!(sb.stats().detaches, 1);
    assert_eq!(sb.stats().requests, 2, "the 500 was retried");
}

/// The attempt hook (what the Python and Node packages log through) hears every attempt of
/// every call, in order, with its outcome and whether it may have been sent; nothing else.
#[test]
fn the_attempt_hook_hears_every_attempt_and_no_secret() {
    use std::sync::{Arc, Mutex};
    let sb = sandbox(Config {
        fault_header: true,
        ..Config::default()
    });
    let heard: Arc<Mutex<Vec<iovox_http::AttemptLog>>> = Arc::default();
    let sink = heard.clone();
    let c = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(fast_retries())
        .on_attempt(Arc::new(move |a| sink.lock().unwrap().push(a.clone())))
        .build()
        .unwrap();
    sb.inject(Fault::InternalError);
    c.get_voxnumbers(&Default::default()).unwrap();
    let wrong = Client::builder(iovox_http::Credentials::new(sb.username(), "wrong"))
        .base_url(sb.url())
        .on_attempt({
            let sink = heard.clone();
            Arc::new(move |a| sink.lock().unwrap().push(a.clone()))
        })
        .build()
        .unwrap();
    wrong.get_voxnumbers(&Default::default()).unwrap_err();
    let heard = heard.lock().unwrap();
    let seen: Vec<(&str, &str, u32, bool)> = heard
        .iter()
        .map(|a| {
            (
                a.method.as_str(),
                a.outcome.as_str(),
                a.attempt,
                a.maybe_sent,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("getVoxnumbers", "500", 1, true),
            ("getVoxnumbers", "ok", 2, true),
            ("getVoxnumbers", "401", 1, true),
        ]
    );
    for a in heard.iter() {
        assert!(!a.to_string().contains(KEY) && !a.to_string().contains("wrong"));
    }
}
