//! An axum service that buys VoxNumbers for a JSON body and receives IOVOX's callbacks,
//! through the async client, run against the local sandbox (the test command runs it).
//!
//!   cargo run -p iovox-http --features tokio,serde --example axum_service
//!   ... -- --record FILE [--quick]   also times 32 purchases at once, through the service
//!          and with the blocking client called straight from the tasks, and appends the
//!          figures to FILE as a benchmark record (scripts/bench)
//!
//! What it shows: `AsyncClient` inside handlers (no runtime thread waits on IOVOX), the
//! models taken straight from JSON (the `serde` feature), `receive_callback` checking the
//! callback URL's credentials before reading the body, and orders kept by reference so a
//! callback that comes twice changes nothing.
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header::AUTHORIZATION, HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use iovox_http::{
    receive_callback, AsyncClient, Client, Credentials, ErrorKind, Order, OrderStatus,
    PurchaseRequest,
};
use iovox_sandbox::{Config, Restock, Sandbox};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The service's state: the IOVOX client, the callback URL it gives IOVOX, the orders.
#[derive(Clone)]
struct App {
    iovox: AsyncClient,
    callback_url: String,
    orders: Arc<Mutex<HashMap<String, Order>>>,
}

impl App {
    /// Folds an update into the order as known ([`Order::merge`]): right whether a callback
    /// lists every number so far or only the new ones, and a FULFILLED order never goes
    /// back to PENDING (IOVOX may deliver the same update twice, or an old one late).
    fn record(&self, order: Order) {
        let mut orders = self.orders.lock().unwrap();
        match orders.get_mut(&order.order_reference) {
            Some(known) => {
                let _ = known.merge(&order);
            }
            None => {
                orders.insert(order.order_reference.clone(), order);
            }
        }
    }
}

/// POST /numbers with a purchaseVoxNumbers request as JSON, in IOVOX's field names.
async fn buy(
    State(app): State<App>,
    Json(request): Json<PurchaseRequest>,
) -> Result<Json<Order>, (StatusCode, String)> {
    let request = request.callback_url(app.callback_url.clone());
    match app.iovox.purchase_vox_numbers(request).await {
        Ok(order) => {
            app.record(order.clone());
            Ok(Json(order))
        }
        // Refused before anything was sent, in IOVOX's words: the caller's fault.
        Err(e) if e.kind() == ErrorKind::Validation => {
            Err((StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))
        }
        Err(e) => Err((StatusCode::BAD_GATEWAY, e.to_string())),
    }
}

/// POST /iovox/callback: what IOVOX sends when an order changes.
async fn callback(State(app): State<App>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let authorization = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    match receive_callback(&app.callback_url, authorization, &body) {
        Ok(order) => {
            app.record(order);
            StatusCode::OK
        }
        Err(e) => StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST),
    }
}

/// A user of the service, over HTTP: POST a JSON body, get the status and the body back.
async fn post_json(url: String, body: String) -> (u16, String) {
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut answer = agent
            .post(&url)
            .header("Content-Type", "application/json")
            .send(body)
            .expect("the service answers");
        let status = answer.status().as_u16();
        (
            status,
            answer.body_mut().read_to_string().unwrap_or_default(),
        )
    })
    .await
    .expect("the request task runs")
}

const CALLS: usize = 32;
const DELAY: Duration = Duration::from_millis(200);
const ONE_NUMBER_IN_LONDON: &str = r#"{"items": [{"country_code": 44, "area_code": 20,
    "number_type": "GEOGRAPHIC", "quantity": 1}]}"#;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    // IOVOX, locally: every answer takes 200 ms, and London's stock runs out after a few
    // orders, so most stay PENDING until the restock below.
    let sandbox = Sandbox::start(Config {
        response_delay: DELAY,
        ..Config::default()
    })
    .expect("the sandbox starts");
    let credentials = Credentials::new(sandbox.username(), sandbox.secure_key());
    let client = Client::new(credentials, sandbox.url()).expect("valid settings");

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = App {
        iovox: AsyncClient::new(client.clone()),
        // IOVOX sends these credentials back as basic auth: only IOVOX knows them.
        callback_url: format!("http://iovox:s3cret-hook@{addr}/iovox/callback"),
        orders: Arc::default(),
    };
    let router = Router::new()
        .route("/numbers", post(buy))
        .route("/iovox/callback", post(callback))
        .with_state(app.clone());
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    let numbers = format!("http://{addr}/numbers");

    let started = Instant::now();
    post_json(numbers.clone(), ONE_NUMBER_IN_LONDON.into()).await;
    let one = started.elapsed();
    let all = through_the_service(&numbers).await;
    println!(
        "{CALLS} purchases at once through the service (2 workers, IOVOX answering in {} ms): \
         {} ms in all; one alone: {} ms",
        DELAY.as_millis(),
        all.as_millis(),
        one.as_millis()
    );

    // A mistake comes back as 422 with IOVOX's own words, and nothing reached IOVOX.
    let (status, body) = post_json(
        numbers.clone(),
        r#"{"items": [{"country_code": 44, "number_type": "GEOGRAPHIC", "quantity": 0}]}"#.into(),
    )
    .await;
    assert_eq!(status, 422);
    assert!(body.contains("Area Code 1 of 1 Empty"), "{body}");
    println!("a bad request: {status} {body}");

    // Stock arrives; IOVOX calls back for every PENDING order, and they all end FULFILLED.
    let pending = app
        .orders
        .lock()
        .unwrap()
        .values()
        .filter(|o| o.order_status == OrderStatus::Pending)
        .count();
    sandbox.restock(&Restock {
        country_code: Some(44),
        area_code: Some(20),
        count: 100,
        ..Default::default()
    });
    let delivered = sandbox
        .wait_for_callbacks_async(pending, Duration::from_secs(30))
        .await;
    assert!(delivered.len() >= pending && delivered.iter().all(|c| c.delivered));
    let orders = app.orders.lock().unwrap().clone();
    assert_eq!(orders.len(), CALLS + 1);
    assert!(orders
        .values()
        .all(|o| o.order_status == OrderStatus::Fulfilled));
    // Each order as the service folded it is the order as it stands in the sandbox: every
    // number, whether it came in the purchase's answer or a callback.
    let sorted_numbers = |o: &Order| {
        let mut n: Vec<String> = o
            .voxnumbers
            .iter()
            .map(|v| v.full_voxnumber.clone())
            .collect();
        n.sort();
        n
    };
    for stands in sandbox.orders() {
        let known = &orders[&stands.order_reference];
        assert_eq!(known.order_status, stands.order_status);
        assert_eq!(sorted_numbers(known), sorted_numbers(&stands));
    }
    println!(
        "{pending} orders were PENDING; {} callbacks later all {} are FULFILLED",
        delivered.len(),
        orders.len()
    );

    // A callback that is not from IOVOX (no credentials) is refused before it is read.
    let forged = post_json(
        app.callback_url.replace("iovox:s3cret-hook@", ""),
        "<order/>".into(),
    )
    .await;
    assert_eq!(forged.0, 401);
    println!("a forged callback: {}", forged.0);

    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--record") {
        let runs = if args.iter().any(|a| a == "--quick") {
            1
        } else {
            5
        };
        let mut service = Vec::new();
        let mut blocking = Vec::new();
        for _ in 0..runs {
            service.push(through_the_service(&numbers).await);
            blocking.push(blocking_from_tasks(&client).await);
        }
        record(&args[at + 1], one, &service, &blocking);
    }
    server.abort();
}

/// 32 purchases at once through the service; how long they all took.
async fn through_the_service(numbers: &str) -> Duration {
    let started = Instant::now();
    let calls: Vec<_> = (0..CALLS)
        .map(|_| tokio::spawn(post_json(numbers.to_string(), ONE_NUMBER_IN_LONDON.into())))
        .collect();
    for call in calls {
        let (status, body) = call.await.unwrap();
        assert_eq!(status, 200, "{body}");
    }
    started.elapsed()
}

/// What a Rust service should not do: the blocking client called straight from 32 tasks
/// holds both runtime workers while IOVOX thinks.
async fn blocking_from_tasks(client: &Client) -> Duration {
    let started = Instant::now();
    let calls: Vec<_> = (0..CALLS)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move {
                let request: PurchaseRequest = serde_json::from_str(ONE_NUMBER_IN_LONDON).unwrap();
                c.purchase_vox_numbers(&request).unwrap();
            })
        })
        .collect();
    for call in calls {
        call.await.unwrap();
    }
    started.elapsed()
}

/// Appends the figures as one benchmark record (bench/report.py reads it).
fn record(path: &str, one: Duration, service: &[Duration], blocking: &[Duration]) {
    let ms = |d: &[Duration]| {
        let mut v: Vec<f64> = d.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        v.sort_by(f64::total_cmp);
        serde_json::json!({ "median": v[v.len() / 2], "min": v[0], "max": v[v.len() - 1] })
    };
    let (service, blocking) = (ms(service), ms(blocking));
    let one_ms = one.as_secs_f64() * 1e3;
    let ratio = service["median"].as_f64().unwrap_or(f64::MAX) / one_ms;
    let line = serde_json::json!({
        "lang": "Rust",
        "figure": format!("{CALLS} purchases at once from an axum service through AsyncClient, \
            2 workers, IOVOX answering in {} ms (total time; one call: {one_ms:.0} ms; peer: \
            the blocking client called from the tasks)", DELAY.as_millis()),
        "unit": "ms",
        "sdk": service,
        "peer": blocking,
        "ratio": format!("{ratio:.2}x one call"),
        "target": "about one call (≤ 1.5x)",
        "met": ratio <= 1.5,
        "note": "",
    });
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("the record file opens");
    writeln!(file, "{line}").expect("the record is written");
    println!("{line}");
}
