//! The sandbox over real HTTP on 127.0.0.1: every route, error text, behaviour and fault.

use iovox_core::{decode_error_body, Order, OrderStatus};
use iovox_sandbox::{CallbackListener, Config, Fault, Restock, Sandbox, State};
use std::collections::HashSet;
use std::time::{Duration, Instant};

const PURCHASE: &str = "/Purchase?v=3&method=purchaseVoxNumbers";
const ATTACH: &str = "/Links?v=3&method=attachVoxnumberToLink";

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

struct Answer {
    status: u16,
    body: String,
}

impl Answer {
    fn messages(&self) -> Vec<String> {
        decode_error_body(self.status, self.body.as_bytes())
            .unwrap_or_else(|| panic!("not an error body: {} {}", self.status, self.body))
            .messages
    }
    fn order(&self) -> Order {
        assert_eq!(self.status, 201, "{}", self.body);
        Order::from_response_xml(self.body.as_bytes()).unwrap()
    }
}

fn send_with(sb: &Sandbox, verb: &str, path: &str, body: &str, headers: &[(&str, &str)]) -> Answer {
    let url = format!("{}{}", sb.url(), path);
    let mut req = ureq::http::Request::builder().method(verb).uri(&url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(body.as_bytes().to_vec()).unwrap();
    let mut response = agent().run(req).unwrap();
    Answer {
        status: response.status().as_u16(),
        body: response
            .body_mut()
            .read_to_string()
            .expect("answer body readable"),
    }
}

fn send(sb: &Sandbox, verb: &str, path: &str, body: &str) -> Answer {
    send_with(
        sb,
        verb,
        path,
        body,
        &[("username", sb.username()), ("secureKey", sb.secure_key())],
    )
}

fn start() -> Sandbox {
    Sandbox::start(Config::default()).unwrap()
}

fn purchase_xml(items: &[(u32, &str, &str, u32)], extra: &str) -> String {
    let mut s = format!("<request>{extra}<items>");
    for (cc, area, nt, q) in items {
        s += &format!(
            "<item><country_code>{cc}</country_code><area_code>{area}</area_code>\
             <number_type>{nt}</number_type><quantity>{q}</quantity></item>"
        );
    }
    s + "</items></request>"
}

fn attach_xml(links: &[&str]) -> String {
    format!("<request>{}</request>", links.concat())
}

fn attach(sb: &Sandbox, links: &[&str]) -> Answer {
    send(sb, "PUT", ATTACH, &attach_xml(links))
}

fn by_area(id: &str, idd: u32, area: u32, fallbacks: &str) -> String {
    format!("<link><link_id>{id}</link_id><method>BY AREA</method><voxnumber_idd>{idd}</voxnumber_idd><area_code>{area}</area_code>{fallbacks}</link>")
}

fn by_number(id: &str, n: &str) -> String {
    format!("<link><link_id>{id}</link_id><method>BY VOXNUMBER</method><full_voxnumber>{n}</full_voxnumber></link>")
}

fn by_postcode(id: &str, country: &str, pc: &str, km: Option<u32>) -> String {
    let d = km
        .map(|k| format!("<fallback_area_distance>{k}</fallback_area_distance>"))
        .unwrap_or_default();
    format!("<link><link_id>{id}</link_id><method>BY POSTCODE</method><voxnumber_country>{country}</voxnumber_country><postcode>{pc}</postcode>{d}</link>")
}

fn link_of(sb: &Sandbox, number: &str) -> Option<String> {
    sb.state()
        .voxnumbers
        .into_iter()
        .find(|n| n.full_voxnumber == number)
        .unwrap()
        .link_id
}

#[test]
fn version_method_name_and_verb_errors() {
    let sb = start();
    let ok = purchase_xml(&[(44, "20", "GEOGRAPHIC", 1)], "");
    let cases = [
        (
            "POST",
            "/Purchase?method=purchaseVoxNumbers",
            400,
            "API Version Empty",
        ),
        (
            "POST",
            "/Purchase?v=&method=purchaseVoxNumbers",
            400,
            "API Version Empty",
        ),
        (
            "POST",
            "/Purchase?v=2&method=purchaseVoxNumbers",
            400,
            "API Version Invalid",
        ),
        (
            "PUT",
            PURCHASE,
            400,
            "Request Method must be POST. PUT attempted",
        ),
        (
            "GET",
            PURCHASE,
            400,
            "Request Method must be POST. GET attempted",
        ),
        (
            "POST",
            ATTACH,
            400,
            "Request Method must be PUT. POST attempted",
        ),
        (
            "POST",
            "/Purchase?v=3&method=buyEverything",
            404,
            "Unknown method buyEverything for interface Purchase",
        ),
        (
            "POST",
            "/Nowhere?v=3&method=purchaseVoxNumbers",
            404,
            "Unknown interface /Nowhere",
        ),
    ];
    for (verb, path, status, message) in cases {
        let a = send(&sb, verb, path, &ok);
        assert_eq!(
            (a.status, a.messages()),
            (status, vec![message.to_string()]),
            "{verb} {path}"
        );
    }
}

/// The model decides what the sandbox answers: every typed method, and for every other
/// method of the catalogue a 501 in the sandbox's own words, never an IOVOX message.
#[test]
fn the_model_decides_what_the_sandbox_answers() {
    let sb = start();
    for spec in iovox_core::method::CATALOGUE {
        assert_eq!(
            iovox_sandbox::answers(&spec.route),
            spec.typed,
            "{}",
            spec.route.name
        );
        if spec.typed {
            continue;
        }
        let a = send(&sb, spec.route.verb.as_str(), &spec.route.path(), "");
        assert_eq!(a.status, 501, "{}", spec.route.name);
        assert_eq!(
            a.messages(),
            [format!(
                "The sandbox does not answer {} yet; `iovox methods` lists the methods it answers",
                spec.route.name
            )]
        );
    }
}

#[test]
fn authentication_by_headers() {
    let sb = start();
    let body = purchase_xml(&[(44, "20", "GEOGRAPHIC", 1)], "");
    for headers in [
        vec![],
        vec![("username", "sandbox")],
        vec![("username", "sandbox"), ("secureKey", "wrong")],
        vec![("username", "other"), ("secureKey", sb.secure_key())],
    ] {
        let a = send_with(&sb, "POST", PURCHASE, &body, &headers);
        assert_eq!(
            (a.status, a.messages()),
            (401, vec!["HTTP 401: Unauthorized".to_string()])
        );
    }
    // Header names are matched case-insensitively.
    let a = send_with(
        &sb,
        "POST",
        PURCHASE,
        &body,
        &[("USERNAME", "sandbox"), ("SecureKEY", sb.secure_key())],
    );
    assert_eq!(a.status, 201);
    assert_eq!(sb.stats().purchases, 1);
}

#[test]
fn every_server_vector_over_http() {
    let sb = start();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/server_requests.json"
    ))
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    for case in doc["cases"].as_array().unwrap() {
        let body = case["body"].as_str().unwrap();
        let (verb, path) = match case["method"].as_str().unwrap() {
            "purchase" => ("POST", PURCHASE),
            _ => ("PUT", ATTACH),
        };
        let want: Vec<String> = serde_json::from_value(case["messages"].clone()).unwrap();
        let a = send(&sb, verb, path, body);
        if want.is_empty() {
            assert!(
                a.status == 201 || a.status == 204,
                "{}: {}",
                case["name"],
                a.body
            );
        } else {
            assert_eq!((a.status, a.messages()), (400, want), "{}", case["name"]);
        }
    }
}

#[test]
fn validation_errors_all_at_once_with_positions() {
    let sb = start();
    let body = "<request><dynamic_quantity>maybe</dynamic_quantity><items>\
        <item><country_code>44</country_code><area_code>20</area_code><number_type>GEOGRAPHIC</number_type><quantity>1</quantity></item>\
        <item><country_code>44</country_code><area_code>20</area_code><number_type>GEOGRAPHIC</number_type><quantity>x</quantity></item>\
        <item><area_code>20</area_code><number_type>PREMIUM</number_type><quantity>0</quantity></item>\
        </items></request>";
    let a = send(&sb, "POST", PURCHASE, body);
    assert_eq!(
        a.messages(),
        vec![
            "Dynamic Quantity 1 of 1 Invalid",
            "Quantity 2 of 3 not an integer",
            "Country Code 3 of 3 Empty",
            "The requested Number Type 3 of 3 is not valid. The valid values are NATIONAL, GEOGRAPHIC, TOLLFREE",
            "Quantity must be between 1 and 250",
        ]
    );
    assert_eq!(sb.stats().purchases, 0);
}

#[test]
fn purchase_fulfilled_takes_stock_into_the_account() {
    let sb = start();
    let before = sb.state();
    let order = send(
        &sb,
        "POST",
        PURCHASE,
        &purchase_xml(
            &[(44, "20", "GEOGRAPHIC", 2), (44, "845", "NATIONAL", 1)],
            "",
        ),
    )
    .order();
    assert_eq!(order.order_status, OrderStatus::Fulfilled);
    assert_eq!(order.order_reference.len(), 32);
    assert_eq!(order.voxnumbers.len(), 3);
    assert!(order.voxnumbers[..2]
        .iter()
        .all(|v| v.country_code == 44 && v.area_code == 20));
    assert!(order.voxnumbers[0].full_voxnumber.starts_with("4420"));
    let after = sb.state();
    assert_eq!(after.regions[0].stock, before.regions[0].stock - 2);
    for v in &order.voxnumbers {
        assert!(after
            .voxnumbers
            .iter()
            .any(|n| n.full_voxnumber == v.full_voxnumber && n.link_id.is_none()));
    }
    assert_eq!(after.total_numbers(), before.total_numbers());
    // By post code (out-code of a region) instead of area code.
    let body =
        "<request><items><item><country_code>44</country_code><post_code>SW1A 0AA</post_code>\
        <number_type>GEOGRAPHIC</number_type><quantity>1</quantity></item></items></request>";
    let order = send(&sb, "POST", PURCHASE, body).order();
    assert_eq!(order.voxnumbers[0].area_code, 20);
}

#[test]
fn basket_item_not_correct_and_additional_information_required() {
    let sb = start();
    let a = send(
        &sb,
        "POST",
        PURCHASE,
        &purchase_xml(
            &[
                (44, "20", "GEOGRAPHIC", 1),
                (44, "999", "GEOGRAPHIC", 1),
                (44, "20", "TOLLFREE", 1),
            ],
            "",
        ),
    );
    assert_eq!(
        a.messages(),
        vec![
            "Basket Item 2 of 3 is not correct.",
            "Basket Item 3 of 3 is not correct."
        ]
    );
    let a = send(
        &sb,
        "POST",
        PURCHASE,
        &purchase_xml(&[(33, "1", "GEOGRAPHIC", 1)], ""),
    );
    assert_eq!(
        a.messages(),
        vec![
            "firstname 1 of 1 Empty",
            "lastname 1 of 1 Empty",
            "Company Name 1 of 1 Empty",
            "street 1 of 1 Empty",
            "building_number 1 of 1 Empty",
            "city 1 of 1 Empty",
            "zipcode 1 of 1 Empty"
        ]
    );
    let body = "<request><items><item><country_code>33</country_code><area_code>1</area_code>\
        <number_type>GEOGRAPHIC</number_type><quantity>1</quantity><additional_information>\
        <firstname>Bastien</firstname><lastname>Kérigan</lastname><company>Iovox</company><street>a street</street>\
        <building_number>21</building_number><city>Saint-Nazaire</city><zipcode>44600</zipcode>\
        </additional_information></item></items></request>";
    assert_eq!(
        send(&sb, "POST", PURCHASE, body).order().order_status,
        OrderStatus::Fulfilled
    );
    assert_eq!(sb.stats().purchases, 1);
}

#[test]
fn dynamic_quantity_buys_what_is_there_and_is_fulfilled() {
    let sb = start();
    let body = purchase_xml(
        &[(44, "151", "GEOGRAPHIC", 5)],
        "<dynamic_quantity>TRUE</dynamic_quantity>",
    );
    let order = send(&sb, "POST", PURCHASE, &body).order();
    assert_eq!(order.order_status, OrderStatus::Fulfilled);
    assert_eq!(order.voxnumbers.len(), 2);
    assert_eq!(sb.state().regions[1].stock, 0);
}

#[test]
fn pending_order_completed_by_restock_with_callbacks() {
    let sb = start();
    let listener = CallbackListener::start(0).unwrap();
    let extra = format!(
        "<callback_url>{}</callback_url>",
        listener.url_with_credentials("hook", "s3cret")
    );
    // Liverpool has 2 in stock: 5 ordered gives PENDING with 2.
    let order = send(
        &sb,
        "POST",
        PURCHASE,
        &purchase_xml(&[(44, "151", "GEOGRAPHIC", 5)], &extra),
    )
    .order();
    assert_eq!(order.order_status, OrderStatus::Pending);
    assert_eq!(order.voxnumbers.len(), 2);

    // One more arrives: a PENDING callback with that one number.
    assert_eq!(
        sb.restock(&Restock {
            area_code: Some(151),
            count: 1,
            ..Default::default()
        }),
        1
    );
    let got = listener.wait_for(1, Duration::from_secs(5));
    let first = Order::from_callback_xml(&got[0].body).unwrap();
    assert_eq!(first.order_reference, order.order_reference);
    assert_eq!(
        (first.order_status, first.voxnumbers.len()),
        (OrderStatus::Pending, 1)
    );
    // user:pass@ in the callback URL becomes HTTP basic auth.
    assert_eq!(
        got[0].authorization.as_deref(),
        Some("Basic aG9vazpzM2NyZXQ=")
    );

    // The rest, through the control route that needs the sandbox's credentials.
    let control = r#"{"country_code":44,"area_code":151,"count":10}"#;
    let denied = send_with(&sb, "POST", "/_sandbox/restock", control, &[]);
    assert_eq!(denied.status, 401);
    let a = send(&sb, "POST", "/_sandbox/restock", control);
    assert_eq!((a.status, a.body.as_str()), (200, r#"{"callbacks":1}"#));
    let got = listener.wait_for(2, Duration::from_secs(5));
    let second = Order::from_callback_xml(&got[1].body).unwrap();
    assert_eq!(
        (second.order_status, second.voxnumbers.len()),
        (OrderStatus::Fulfilled, 2)
    );
    let records = sb.wait_for_callbacks(2, Duration::from_secs(5));
    assert!(records
        .iter()
        .all(|r| r.delivered && r.attempts == 1 && !r.url.contains("s3cret")));
    // Nothing more is owed: a further restock sends nothing.
    assert_eq!(
        sb.restock(&Restock {
            count: 5,
            ..Default::default()
        }),
        0
    );
}

#[test]
fn auto_restock_after_a_delay() {
    let sb = Sandbox::start(Config {
        auto_restock_after: Some(Duration::from_millis(100)),
        ..Config::default()
    })
    .unwrap();
    let listener = CallbackListener::start(0).unwrap();
    let extra = format!("<callback_url>{}</callback_url>", listener.url());
    let order = send(
        &sb,
        "POST",
        PURCHASE,
        &purchase_xml(&[(44, "161", "GEOGRAPHIC", 2)], &extra),
    )
    .order();
    assert_eq!(
        (order.order_status, order.voxnumbers.len()),
        (OrderStatus::Pending, 0)
    );
    let got = listener.wait_for(1, Duration::from_secs(5));
    let update = Order::from_callback_xml(&got[0].body).unwrap();
    assert_eq!(
        (update.order_status, update.voxnumbers.len()),
        (OrderStatus::Fulfilled, 2)
    );
}

/// Auto-restock serves each PENDING order by itself: with 50 orders made at once, of
/// different sizes for one region, every order gets exactly one callback, FULFILLED with
/// every number it was owed, however the timers fire (they used to take each other's stock,
/// and some orders stayed PENDING for ever).
#[test]
fn auto_restock_serves_every_pending_order_exactly_once() {
    let delay = Duration::from_millis(300);
    let sb = Sandbox::start(Config {
        auto_restock_after: Some(delay),
        ..Config::default()
    })
    .unwrap();
    let listener = CallbackListener::start(0).unwrap();
    let extra = format!("<callback_url>{}</callback_url>", listener.url());
    let orders: Vec<Order> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..50u32)
            .map(|i| {
                let body = purchase_xml(&[(44, "161", "GEOGRAPHIC", 1 + i % 3)], &extra);
                let sb = &sb;
                s.spawn(move || send(sb, "POST", PURCHASE, &body).order())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let started = Instant::now();
    assert!(orders
        .iter()
        .all(|o| o.order_status == OrderStatus::Pending && o.voxnumbers.is_empty()));
    let got = listener.wait_for(50, Duration::from_secs(10));
    assert_eq!(got.len(), 50, "callbacks within 10 s");
    assert!(started.elapsed() < delay + Duration::from_secs(5));
    // Nothing more arrives afterwards.
    std::thread::sleep(delay * 2);
    let got = listener.wait_for(51, Duration::from_millis(1));
    assert_eq!(got.len(), 50);
    let mut seen = HashSet::new();
    for c in &got {
        let update = Order::from_callback_xml(&c.body).unwrap();
        assert!(
            seen.insert(update.order_reference.clone()),
            "one callback per order"
        );
        let i = orders
            .iter()
            .position(|o| o.order_reference == update.order_reference)
            .expect("a callback for an order that was made");
        assert_eq!(update.order_status, OrderStatus::Fulfilled);
        assert_eq!(update.voxnumbers.len() as u32, 1 + (i as u32) % 3);
    }
}

/// A PENDING order for Manchester (no stock) with this callback, then the stock it needs.
fn order_then_restock_manchester(sb: &Sandbox, extra: &str) {
    let body = purchase_xml(&[(44, "161", "GEOGRAPHIC", 1)], extra);
    assert_eq!(
        send(sb, "POST", PURCHASE, &body).order().order_status,
        OrderStatus::Pending
    );
    let restock = Restock {
        area_code: Some(161),
        count: 1,
        ..Default::default()
    };
    assert_eq!(sb.restock(&restock), 1);
}

#[test]
fn failed_callbacks_are_retried_then_recorded() {
    let sb = Sandbox::start(Config {
        callback_backoff: Duration::from_millis(10),
        ..Config::default()
    })
    .unwrap();
    let flaky = CallbackListener::start(2).unwrap();
    let extra = format!("<callback_url>{}</callback_url>", flaky.url());
    order_then_restock_manchester(&sb, &extra);
    let records = sb.wait_for_callbacks(1, Duration::from_secs(5));
    assert_eq!((records[0].delivered, records[0].attempts), (true, 3));

    let dead = CallbackListener::start(100).unwrap();
    let extra = format!("<callback_url>{}</callback_url>", dead.url());
    order_then_restock_manchester(&sb, &extra);
    let records = sb.wait_for_callbacks(2, Duration::from_secs(5));
    assert_eq!(
        (records[1].delivered, records[1].attempts, records[1].status),
        (false, 3, Some(500))
    );
    assert_eq!(dead.received().len(), 3);
}

#[test]
fn attach_each_method() {
    let sb = start();
    let a = attach(
        &sb,
        &[
            &by_area("333", 44, 20, ""),
            &by_number("444", "441512100200"),
        ],
    );
    assert_eq!((a.status, a.body.as_str()), (204, ""));
    assert_eq!(link_of(&sb, "4423012565866").as_deref(), Some("333"));
    assert_eq!(link_of(&sb, "441512100200").as_deref(), Some("444"));
    // BY POSTCODE: W11 is in London (020); the one free London number left goes.
    let a = attach(
        &sb,
        &[&by_postcode("555", "UNITED KINGDOM", "W11 3EP", None)],
    );
    assert_eq!(a.status, 204, "{}", a.body);
    assert_eq!(link_of(&sb, "442071234567").as_deref(), Some("555"));
    assert_eq!(sb.stats().attaches, 2);
}

#[test]
fn attach_fallbacks() {
    let sb = start();
    // New York 212 has no number; 646 (same city, same state) has one.
    let a = attach(&sb, &[&by_area("101", 1, 212, "")]);
    assert_eq!(
        a.messages(),
        vec!["Insufficient VoxNumbers available in Area Code 212 and Voxnumber IDD 1"]
    );
    let a = attach(
        &sb,
        &[&by_area(
            "101",
            1,
            212,
            "<fallback_city>TRUE</fallback_city>",
        )],
    );
    assert_eq!(a.status, 204);
    assert_eq!(link_of(&sb, "16465550100").as_deref(), Some("101"));

    let sb = start();
    // Yonkers (914) is another city of the same state (NY).
    let a = attach(
        &sb,
        &[&by_area(
            "101",
            1,
            914,
            "<fallback_city>TRUE</fallback_city>",
        )],
    );
    assert_eq!(a.status, 400);
    let a = attach(
        &sb,
        &[&by_area(
            "101",
            1,
            914,
            "<fallback_region>TRUE</fallback_region>",
        )],
    );
    assert_eq!(a.status, 204);
    assert_eq!(link_of(&sb, "16465550100").as_deref(), Some("101"));

    // Country fallback: any unassigned UK number for 0845.
    let a = attach(
        &sb,
        &[&by_area(
            "102",
            44,
            845,
            "<fallback_country>TRUE</fallback_country>",
        )],
    );
    assert_eq!(a.status, 204);
    assert_eq!(link_of(&sb, "4423012565866").as_deref(), Some("102"));

    // Postcode fallback: Manchester (M1, 0161) has no number; Liverpool is about 50 km off.
    let near = by_postcode("103", "UNITED KINGDOM", "M1 1AE", Some(10));
    let a = attach(&sb, &[&near]);
    assert_eq!(a.messages(), vec!["There is no VoxNumber available in your account for this Postcode or the fallback area"]);
    let far = by_postcode("103", "UNITED KINGDOM", "M1 1AE", Some(60));
    assert_eq!(attach(&sb, &[&far]).status, 204);
    assert_eq!(link_of(&sb, "441512100200").as_deref(), Some("103"));
}

#[test]
fn attach_state_errors_and_all_or_nothing() {
    let sb = start();
    let before = sb.state();
    let a = attach(
        &sb,
        &[
            &by_area("333", 44, 20, ""),       // fine on its own
            &by_area("999", 44, 20, ""),       // no such link
            &by_number("100", "442071234567"), // link 100 already has one
            &by_number("444", "449999999999"), // not in the account
            &by_number("555", "442071234568"), // assigned to link 100
            &by_area("101", 44, 845, ""),      // none in 0845
            &by_postcode("102", "FRANCE", "75001", None),
            &by_postcode("103", "UNITED KINGDOM", "ZZ9 9ZZ", None),
        ],
    );
    assert_eq!(
        a.messages(),
        vec![
            "Link ID 2 of 8 does not exist",
            "Link ID 3 of 8 already has a Voxnumber",
            "VoxNumber 4 of 8 not available",
            "VoxNumber 5 of 8 not available",
            "Insufficient VoxNumbers available in Area Code 845 and Voxnumber IDD 44",
            "The country FRANCE is not supported for Postcode search",
            "Postcode ZZ9 9ZZ does not exist in country id 44",
        ]
    );
    // The first link was fine, but nothing was applied.
    assert_eq!(sb.state(), before);
    // Two links of one request cannot take the same number.
    let a = attach(
        &sb,
        &[&by_area("101", 1, 646, ""), &by_area("102", 1, 646, "")],
    );
    assert_eq!(
        a.messages(),
        vec!["Insufficient VoxNumbers available in Area Code 646 and Voxnumber IDD 1"]
    );
    assert_eq!(sb.state(), before);
}

#[test]
fn fault_modes() {
    let sb = Sandbox::start(Config {
        fault_header: true,
        ..Config::default()
    })
    .unwrap();
    let body = purchase_xml(&[(44, "20", "GEOGRAPHIC", 1)], "");
    let with = |fault: &str| {
        send_with(
            &sb,
            "POST",
            PURCHASE,
            &body,
            &[
                ("username", "sandbox"),
                ("secureKey", sb.secure_key()),
                (iovox_sandbox::FAULT_HEADER, fault),
            ],
        )
    };
    let a = with("500");
    assert_eq!(
        (a.status, a.messages()),
        (500, vec!["Internal Server Error".to_string()])
    );
    assert_eq!(sb.stats().purchases, 0, "a 500 fault does no work");

    let a = with("not-xml");
    assert_eq!(a.status, 502);
    assert!(a.body.starts_with("<html>"));
    assert!(decode_error_body(502, a.body.as_bytes()).is_none());

    let t = Instant::now();
    assert_eq!(with("slow:300").status, 201);
    assert!(t.elapsed() >= Duration::from_millis(300));

    let a = with("oversized:2000000");
    assert_eq!(a.status, 201);
    assert!(a.body.len() > 2_000_000, "{} bytes", a.body.len());

    // Dropped mid-answer: the work is done, the answer is lost.
    let purchases = sb.stats().purchases;
    let url = format!("{}{}", sb.url(), PURCHASE);
    let r = agent()
        .post(&url)
        .header("username", "sandbox")
        .header("secureKey", sb.secure_key())
        .header(iovox_sandbox::FAULT_HEADER, "drop")
        .send(body.as_bytes())
        .and_then(|mut r| r.body_mut().read_to_string());
    assert!(r.is_err(), "{r:?}");
    assert_eq!(sb.stats().purchases, purchases + 1);

    // Queued faults apply to the next requests, in order, without any header.
    sb.inject(Fault::InternalError);
    sb.inject(Fault::NotXml);
    assert_eq!(send(&sb, "POST", PURCHASE, &body).status, 500);
    assert_eq!(send(&sb, "POST", PURCHASE, &body).status, 502);
    assert_eq!(send(&sb, "POST", PURCHASE, &body).status, 201);

    // The header does nothing unless the sandbox allows it.
    let plain = start();
    let a = send_with(
        &plain,
        "POST",
        PURCHASE,
        &body,
        &[
            ("username", "sandbox"),
            ("secureKey", plain.secure_key()),
            (iovox_sandbox::FAULT_HEADER, "500"),
        ],
    );
    assert_eq!(a.status, 201);
}

#[test]
fn abuse_is_refused() {
    let sb = Sandbox::start(Config {
        max_body_bytes: 4096,
        ..Config::default()
    })
    .unwrap();
    let big = format!("<request><cc_list>{}</cc_list></request>", "a".repeat(5000));
    let a = send(&sb, "POST", PURCHASE, &big);
    assert_eq!(
        (a.status, a.messages()),
        (
            413,
            vec!["Request body too large (limit 4096 bytes)".to_string()]
        )
    );
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><request><cc_list>&lol2;</cc_list></request>";
    let a = send(&sb, "POST", PURCHASE, bomb);
    assert_eq!(
        a.messages(),
        vec!["XML parse error. DOCTYPE is not allowed at line 1, column 22"]
    );
}

#[test]
fn concurrent_buyers_never_get_the_same_number() {
    let mut state = State::default();
    state.regions[0].stock = 40;
    let sb = Sandbox::start(Config {
        state,
        ..Config::default()
    })
    .unwrap();
    let before = sb.state().total_numbers();
    let body = purchase_xml(
        &[(44, "20", "GEOGRAPHIC", 3)],
        "<dynamic_quantity>TRUE</dynamic_quantity>",
    );
    let bought: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..16)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    for _ in 0..5 {
                        let order = send(&sb, "POST", PURCHASE, &body).order();
                        mine.extend(order.voxnumbers.into_iter().map(|v| v.full_voxnumber));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert_eq!(bought.len(), 40, "exactly the stock was sold");
    assert_eq!(
        bought.iter().collect::<HashSet<_>>().len(),
        40,
        "no number sold twice"
    );
    let after = sb.state();
    assert_eq!(after.regions[0].stock, 0);
    assert_eq!(
        after.total_numbers(),
        before,
        "stock plus sold equals the start"
    );
}

#[test]
fn state_from_json_and_a_clean_stop() {
    let state = State::from_json(
        r#"{
        "regions": [{"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC",
                     "country_name": "UNITED KINGDOM", "stock": 1}],
        "links": ["L-1"]
    }"#,
    )
    .unwrap();
    let sb = Sandbox::start(Config {
        state,
        ..Config::default()
    })
    .unwrap();
    let order = send(
        &sb,
        "POST",
        PURCHASE,
        &purchase_xml(&[(44, "20", "GEOGRAPHIC", 1)], ""),
    )
    .order();
    let a = attach(
        &sb,
        &[&by_number("L-1", &order.voxnumbers[0].full_voxnumber)],
    );
    assert_eq!(a.status, 204);
    let json = send(&sb, "GET", "/_sandbox/state", "");
    assert!(json.body.contains("\"link_id\": \"L-1\""), "{}", json.body);
    assert!(format!("{sb:?}").contains("***") && !format!("{sb:?}").contains(sb.secure_key()));
    let addr = sb.addr();
    sb.stop();
    assert!(std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err());
    assert!(
        State::from_json(r#"{"regions": [], "extra": 1}"#).is_err(),
        "unknown fields are refused"
    );
}

#[test]
fn stats_count_numbers_and_purchases_sent_twice() {
    let sb = start();
    let start_stock = sb.stats().stock;
    assert!(start_stock > 0);
    // Liverpool has 2: 5 ordered is PENDING with 2 sold, 3 owed.
    let body = purchase_xml(&[(44, "151", "GEOGRAPHIC", 5)], "");
    assert_eq!(
        send(&sb, "POST", PURCHASE, &body).order().voxnumbers.len(),
        2
    );
    let s = sb.stats();
    assert_eq!((s.sold, s.restocked, s.repeated_purchases), (2, 0, 0));
    assert_eq!(s.stock + s.sold, start_stock);
    // The restock of 10 serves the 3 owed; 7 stay in stock.
    sb.restock(&Restock {
        area_code: Some(151),
        count: 10,
        ..Default::default()
    });
    let s = sb.stats();
    assert_eq!((s.sold, s.restocked), (5, 10));
    assert_eq!(s.stock + s.sold, start_stock + s.restocked);
    // A repeat is a call that made an order before (its x-iovox-call), not a request
    // like an earlier one: the same request from a new call is a new purchase.
    let auth = [("username", sb.username()), ("secureKey", sb.secure_key())];
    let call = |id: &'static str| [auth[0], auth[1], ("x-iovox-call", id)];
    send(&sb, "POST", PURCHASE, &body).order();
    send_with(&sb, "POST", PURCHASE, &body, &call("a1")).order();
    send_with(&sb, "POST", PURCHASE, &body, &call("b2")).order();
    assert_eq!(sb.stats().repeated_purchases, 0);
    // The same call again (a retry after its bytes went out) is a repeat.
    send_with(&sb, "POST", PURCHASE, &body, &call("a1")).order();
    assert_eq!(sb.stats().repeated_purchases, 1);
}

#[test]
fn state_files_old_and_new_load_and_the_new_form_round_trips() {
    // The older form: links as IDs, numbers without date or call status.
    let old = State::from_json(
        r#"{"regions": [], "links": ["7", "8"],
            "voxnumbers": [{"full_voxnumber": "441512100200", "country_code": 44, "area_code": 151, "link_id": "7"}]}"#,
    )
    .unwrap();
    assert_eq!(old.links.len(), 2);
    assert_eq!(old.links.0["7"].name(), "Link 7");
    assert_eq!(old.voxnumbers[0].purchase_date, None);
    // The new form: links with their name, type and node; numbers with date and status.
    let new = State::from_json(
        r#"{"regions": [], "links": [{"link_id": "9", "link_name": "Shop", "node_id": "N2"}],
            "voxnumbers": [{"full_voxnumber": "441512100201", "country_code": 44, "area_code": 151,
                            "purchase_date": "2026-02-01 09:00:00", "call_status": "ACTIVE"}]}"#,
    )
    .unwrap();
    assert_eq!(
        (new.links.0["9"].name(), new.links.0["9"].node()),
        ("Shop".to_string(), "N2")
    );
    let again = State::from_json(&serde_json::to_string(&new).unwrap()).unwrap();
    assert_eq!(again, new);
    let sb = Sandbox::start(Config {
        state: new,
        ..Config::default()
    })
    .unwrap();
    let answer = send(
        &sb,
        "GET",
        "/Voxnumbers?v=3&method=getVoxnumbers&req_fields=vn,cs,vnpd",
        "",
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(
        answer.body.contains("<call_status>ACTIVE</call_status>")
            && answer
                .body
                .contains("<purchase_date>2026-02-01 09:00:00</purchase_date>")
            && !answer.body.contains("<link_name>"),
        "{}",
        answer.body
    );
    let links = send(&sb, "GET", "/Links?v=3&method=getLinks&node_id=N2", "");
    assert!(
        links.body.contains("<link_name>Shop</link_name>"),
        "{}",
        links.body
    );
    let wrong = send(&sb, "DELETE", "/Links?v=3&method=getLinks", "");
    assert_eq!(wrong.status, 400);
    assert!(
        wrong
            .body
            .contains("Request Method must be GET. DELETE attempted"),
        "{}",
        wrong.body
    );
}
