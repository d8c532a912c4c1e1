//! `AsyncClient` (feature `tokio`): calls from tasks overlap on the blocking pool, errors
//! are the blocking client's, and `spawn_wire` works inside and outside a runtime.

use iovox_core::method::PurchaseVoxNumbers;
use iovox_core::{DetachRequest, NumberType, PurchaseItem, PurchaseRequest};
use iovox_http::{AsyncClient, CallOptions, Client, ErrorKind};
use iovox_sandbox::{Config, Sandbox};
use std::time::{Duration, Instant};

const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";

fn london() -> PurchaseRequest {
    PurchaseRequest::new(vec![
        PurchaseItem::new(44, NumberType::Geographic, 1).area_code(20)
    ])
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

/// A sandbox, and an async client of it that retries with this backoff.
fn retrying(max_attempts: u32, initial_backoff: Duration) -> (Sandbox, AsyncClient) {
    let sb = Sandbox::start(Config {
        secure_key: KEY.into(),
        ..Config::default()
    })
    .unwrap();
    let client = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(iovox_http::RetryPolicy {
            max_attempts,
            initial_backoff,
            ..Default::default()
        })
        .build()
        .unwrap();
    (sb, AsyncClient::new(client))
}

#[test]
fn the_wait_before_a_retry_holds_no_thread() {
    let (sb, client) = retrying(2, Duration::from_millis(1500));
    // One worker and one blocking thread: a retry that slept on a thread would hold the
    // only one for 750 ms or more, and the purchase below would wait for it.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(1)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        sb.inject(iovox_sandbox::Fault::InternalError);
        let started = Instant::now();
        let detach = {
            let c = client.clone();
            tokio::spawn(async move {
                let outcome = c
                    .remove_voxnumber_from_link(DetachRequest::new(["nobody"]))
                    .await;
                (outcome, started.elapsed())
            })
        };
        // Let the detach make its first attempt (answered 500) and start waiting.
        while sb.stats().requests == 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        client.purchase_vox_numbers(london()).await.unwrap();
        let purchase_took = started.elapsed();
        let (outcome, detach_took) = detach.await.unwrap();
        assert!(
            purchase_took < Duration::from_millis(600),
            "the purchase waited {purchase_took:?} behind a retry's wait"
        );
        // The detach was tried again after its wait: two attempts, the second answered
        // by the sandbox itself (the link does not exist).
        let e = outcome.unwrap_err();
        assert_eq!((e.kind(), e.attempts()), (ErrorKind::Api, 2), "{e}");
        // The wait is 750-1500 ms (half to all of the backoff).
        assert!(detach_took >= Duration::from_millis(750), "{detach_took:?}");
    });
}

#[test]
fn a_dropped_call_starts_no_further_attempt() {
    let (sb, client) = retrying(3, Duration::from_millis(300));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        sb.inject(iovox_sandbox::Fault::InternalError);
        let call = client.remove_voxnumber_from_link(DetachRequest::new(["nobody"]));
        // Gone during its wait before the second attempt (tokio::time::timeout drops it).
        let cut = tokio::time::timeout(Duration::from_millis(150), call).await;
        assert!(cut.is_err());
        tokio::time::sleep(Duration::from_millis(600)).await;
    });
    assert_eq!(sb.stats().requests, 1, "a dropped call was tried again");
}

/// `AsyncClient::pages` walks the pages as the blocking client's `pages` does (the same
/// loop): one call a page, from the request's own page on, ending after the last page;
/// as a `Stream` too.
#[test]
fn async_pages_walk_as_the_blocking_pages_do() {
    use iovox_core::method::GetVoxnumberRegions;
    use iovox_http::{RegionsRequest, Stream};
    let sb = Sandbox::start(Config {
        secure_key: KEY.into(),
        ..Config::default()
    })
    .unwrap();
    let blocking = Client::new(iovox_http::Credentials::new(sb.username(), KEY), sb.url()).unwrap();
    let request = RegionsRequest::new().limit(1);
    let want: Vec<_> = blocking
        .pages::<GetVoxnumberRegions>(request.clone())
        .map(Result::unwrap)
        .collect();
    assert!(want.len() > 2, "several pages: {}", want.len());
    let before = sb.stats().requests;
    let client = AsyncClient::new(blocking);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let got = runtime.block_on(async {
        let mut pages = client.pages::<GetVoxnumberRegions>(request.clone());
        let mut got = Vec::new();
        while let Some(page) = pages.next().await {
            got.push(page.unwrap());
        }
        assert!(pages.next().await.is_none(), "the walk stays ended");
        got
    });
    assert_eq!(got, want);
    assert_eq!(sb.stats().requests - before, want.len() as u64);
    // From the second page on, through the Stream trait itself.
    let rest = runtime.block_on(async {
        let mut pages = std::pin::pin!(client.pages::<GetVoxnumberRegions>(request.page(2)));
        let mut rest = Vec::new();
        while let Some(page) =
            std::future::poll_fn(|cx| Stream::poll_next(pages.as_mut(), cx)).await
        {
            rest.push(page.unwrap());
        }
        rest
    });
    assert_eq!(rest, want[1..]);
}
