//! An attachVoxnumberToLink body as the sandbox decodes it.
#![no_main]
use iovox_core::request::decode_attach_request;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match decode_attach_request(data) {
        Ok(request) => {
            let again = decode_attach_request(request.to_xml().as_bytes())
                .expect("a request we encoded is valid");
            assert_eq!(request, again);
        }
        Err(e) => assert!(!e.messages().is_empty()),
    }
});
