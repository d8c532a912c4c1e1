//! What IOVOX answers to purchaseVoxNumbers: any bytes give an order or a DecodeError.
//! An order that decodes re-encodes to XML that decodes to the same order.
#![no_main]
use iovox_core::Order;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(order) = Order::from_response_xml(data) {
        let again = Order::from_response_xml(order.to_response_xml().as_bytes())
            .expect("an order we encoded decodes");
        assert_eq!(order, again);
    }
});
