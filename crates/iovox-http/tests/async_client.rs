//! `AsyncClient` (feature `tokio`): calls from tasks overlap on the blocking pool, errors
//! are the blocking client's, and `spawn_wire` works inside and outside a runtime.

use iovox_core::method::PurchaseVoxNumbers;
use iovox_core::{DetachRequest, NumberType, PurchaseItem, PurchaseRequest};
use iovox_http::{AsyncClient, CallOptions, Client, ErrorKind};
use iovox_sandbox::{Config, Sandbox};
use std::time::{Duration, Instant};

const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";

fn london() -> PurchaseRequest {
    let mut item = PurchaseItem::new(44, NumberType::Geographic, 1);
    item.area_code = Some(20);
    PurchaseRequest::new(vec![item])
}

#[test]
fn calls_from_tasks_overlap_and_fail_as_the_blocking_client_does() {
    let sb = Sandbox::start(Config {
        secure_key: KEY.into(),
        response_delay: Duration::from_millis(300),
        ..Config::default()
    })
    .unwrap();
    sb.restock(&iovox_sandbox::Restock {
        count: 50,
        ..Default::default()
    });
    let client = AsyncClient::new(
        Client::new(iovox_http::Credentials::new(sb.username(), KEY), sb.url()).unwrap(),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    runtime.block_on(async {
        let started = Instant::now();
        let calls: Vec<_> = (0..16)
            .map(|_| {
                let c = client.clone();
                tokio::spawn(async move { c.purchase_vox_numbers(london()).await })
            })
            .collect();
        for call in calls {
            assert!(call.await.unwrap().is_ok());
        }
        // Serially 16 x 300 ms = 4.8 s; overlapping on 2 workers, about one call.
        assert!(
            started.elapsed() < Duration::from_millis(2400),
            "{:?}",
            started.elapsed()
        );
        let e = client
            .remove_voxnumber_from_link(DetachRequest::new([" "]))
            .await
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation);
    });
    // `spawn_wire` outside a runtime runs on a thread of its own.
    let (tx, rx) = std::sync::mpsc::channel();
    client.spawn_wire::<PurchaseVoxNumbers>(
        london().to_wire(),
        CallOptions::default(),
        move |outcome| tx.send(outcome.map(|r| r.is_ok())).unwrap(),
    );
    assert!(rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap());
}
