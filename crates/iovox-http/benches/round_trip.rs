//! A purchase round trip over loopback against the sandbox: the iovox client (validate,
//! encode, send, read, decode into an Order) next to bench/rust_peer.rs, a bare ureq agent
//! posting the same body, pre-built, and not parsing the answer.
use criterion::{criterion_group, criterion_main, Criterion};
use iovox_core::{NumberType, PurchaseItem, PurchaseRequest};
use iovox_sandbox::{Config, Sandbox, State};
use std::hint::black_box;

#[path = "../../../bench/rust_peer.rs"]
mod rust_peer;

fn sandbox() -> Sandbox {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/state.json");
    let state = State::from_json(&std::fs::read_to_string(path).expect("bench/state.json"))
        .expect("a sandbox state");
    Sandbox::start(Config {
        state,
        ..Config::default()
    })
    .expect("the sandbox starts")
}

fn request() -> PurchaseRequest {
    let mut item = PurchaseItem::new(44, NumberType::Geographic, 2);
    item.area_code = Some(20);
    PurchaseRequest::new(vec![item])
}

fn round_trip(c: &mut Criterion) {
    let request = request();
    let body = request.to_xml();
    let mut g = c.benchmark_group("round_trip");
    // Each contender gets a sandbox of its own, fresh, so none meets an account that the
    // one before it has filled.
    {
        let sb = sandbox();
        let client = iovox_http::Client::new(
            iovox_http::Credentials::new(sb.username(), sb.secure_key()),
            sb.url(),
        )
        .unwrap();
        assert_eq!(
            client
                .purchase_vox_numbers(&request)
                .unwrap()
                .voxnumbers
                .len(),
            2
        );
        g.bench_function("iovox_client", |b| {
            b.iter(|| client.purchase_vox_numbers(black_box(&request)).unwrap())
        });
    }
    for (name, timeout) in [
        ("bare_ureq", None),
        ("bare_ureq_same_timeout", Some(iovox_http::DEFAULT_TIMEOUT)),
    ] {
        let sb = sandbox();
        let peer = rust_peer::BareUreq::new(
            sb.url(),
            sb.username(),
            sb.secure_key(),
            body.clone(),
            timeout,
        );
        // The same answer: a FULFILLED order of two numbers.
        let answer = String::from_utf8(peer.purchase()).unwrap();
        assert!(
            answer.contains("<order_status>FULFILLED")
                && answer.matches("<voxnumber>").count() == 2
        );
        g.bench_function(name, |b| b.iter(|| peer.purchase()));
    }
    g.finish();
}

criterion_group!(benches, round_trip);
criterion_main!(benches);
