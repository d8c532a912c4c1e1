//! A client built before `fork()` and used in both processes at once: each must get its
//! own answers. Without a pool per process, parent and child would share one kept-alive
//! socket and read each other's orders. (One test in its own binary: fork and a test
//! harness's other threads do not mix.)

#![cfg(unix)]

use iovox_core::{NumberType, PurchaseItem, PurchaseRequest};
use iovox_http::{Client, RetryPolicy};
use iovox_sandbox::{Config, Restock, Sandbox};

const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";

fn request(area: u32) -> PurchaseRequest {
    let mut item = PurchaseItem::new(44, NumberType::Geographic, 1);
    item.area_code = Some(area);
    PurchaseRequest::new(vec![item])
}

/// Buys `n` numbers in `area`; how many answers were for another area, or `None` if a
/// call failed.
fn buy(client: &Client, area: u32, n: usize) -> Option<usize> {
    let mut crossed = 0;
    for _ in 0..n {
        let order = client.purchase_vox_numbers(&request(area)).ok()?;
        crossed += usize::from(order.voxnumbers.iter().any(|v| v.area_code != area));
    }
    Some(crossed)
}

#[test]
fn parent_and_child_never_read_each_others_answers() {
    let sb = Sandbox::start(Config {
        secure_key: KEY.into(),
        ..Config::default()
    })
    .unwrap();
    sb.restock(&Restock {
        count: 200,
        ..Default::default()
    });
    let client = Client::builder(iovox_http::Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    // A kept-alive connection exists before the fork.
    client.purchase_vox_numbers(&request(20)).unwrap();
    // SAFETY: the child only makes HTTP calls with the inherited client and then leaves
    // with `_exit`, running no destructor and no atexit handler of the parent's.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let code = match buy(&client, 151, 40) {
            Some(0) => 0,
            Some(_) => 3,
            None => 4,
        };
        unsafe { libc::_exit(code) };
    }
    let crossed = buy(&client, 20, 40);
    let mut status = 0;
    // SAFETY: waits for the child started above.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    assert!(libc::WIFEXITED(status), "the child did not exit normally");
    assert_eq!(
        libc::WEXITSTATUS(status),
        0,
        "the child got another's answer (3) or a failed call (4)"
    );
    assert_eq!(crossed, Some(0), "the parent got another's answer");
    assert_eq!(sb.stats().purchases, 81);
}
