//! initiateCall over real HTTP against iovox-sandbox: the call is recorded with its link
//! and variables (nothing rings), a link the account lacks is refused, a bad variable name
//! never leaves the client, and a call whose answer was lost is never placed twice.

mod common;

use iovox_http::{Client, Error, InitiateCallRequest};
use iovox_sandbox::{Fault, Sandbox};
use std::time::Duration;

fn start() -> (Sandbox, Client) {
    common::start_with(|b| b.timeout(Duration::from_millis(500)))
}

#[test]
fn a_call_is_recorded_as_asked_and_never_placed_twice() {
    let (sb, c) = start();
    let call = InitiateCallRequest::new("333")
        .variable("call_destination", "449789123123,,1")
        .variable("delay", "30")
        .variable("Customer", "Smith & Co");
    c.initiate_call(&call).unwrap();
    let placed = sb.state().initiated_calls;
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0].link_id, "333");
    assert_eq!(
        placed[0].call_variables,
        [
            ("Customer".to_string(), "Smith & Co".to_string()),
            (
                "call_destination".to_string(),
                "449789123123,,1".to_string()
            ),
            ("delay".to_string(), "30".to_string()),
        ]
    );

    // A link the account lacks: refused, nothing recorded.
    let e = c
        .initiate_call(&InitiateCallRequest::new("nowhere"))
        .unwrap_err();
    assert!(e.messages()[0].contains("nowhere"), "{:?}", e.messages());
    assert_eq!(sb.state().initiated_calls.len(), 1);

    // A name XML cannot carry never leaves the client.
    let before = sb.stats().requests;
    let e = c
        .initiate_call(&InitiateCallRequest::new("333").variable("my var", "x"))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["Call variable \"my var\" is not a name an XML element can have"]
    );
    let wire: serde_json::Value =
        serde_json::json!({"link_id": "333", "call_variables": {"ok": {"a": 1}}});
    let e = c.initiate_call_wire(&wire).unwrap_err();
    assert_eq!(
        e.messages(),
        ["Call variable ok must be a text or a number"]
    );
    assert_eq!(sb.stats().requests, before);

    // The answer is cut after the call was placed: it is not placed again, and the error
    // says it may have been.
    sb.inject(Fault::Drop);
    let e = c
        .initiate_call(&InitiateCallRequest::new("444"))
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Connection {
                maybe_sent: true,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(sb.requests_for("initiateCall"), 3);
    assert_eq!(sb.state().initiated_calls.len(), 2);
}
