//! A purchaseVoxNumbers body as the sandbox decodes it: a request, or the server's messages.
//! A request that passes re-encodes to a body that passes and means the same.
#![no_main]
use iovox_core::request::decode_purchase_request;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match decode_purchase_request(data) {
        Ok(request) => {
            let again = decode_purchase_request(request.to_xml().as_bytes())
                .expect("a request we encoded is valid");
            assert_eq!(request, again);
        }
        Err(e) => assert!(!e.messages().is_empty()),
    }
});
