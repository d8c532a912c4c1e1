//! The callback IOVOX POSTs to callback_url, through the handler users call.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(order) = iovox_http::parse_callback(data) {
        let again = iovox_core::Order::from_callback_xml(order.to_callback_xml().as_bytes())
            .expect("an order we encoded decodes");
        assert_eq!(order, again);
    }
});
