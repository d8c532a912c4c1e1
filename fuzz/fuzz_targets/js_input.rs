//! What the Node package (and anything else handing over JSON) feeds the core: JSON text
//! into the wire form, validation, then XML. A valid request's XML is valid on the server.
#![no_main]
use iovox_core::{json, request};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(wire) = json::purchase_request(text) {
        if let Ok(valid) = wire.validate() {
            let back = request::decode_purchase_request(valid.to_xml().as_bytes())
                .expect("a validated request is valid on the server");
            assert_eq!(valid, back);
        }
    }
    if let Ok(wire) = json::attach_request(text) {
        if let Ok(valid) = wire.validate() {
            let back = request::decode_attach_request(valid.to_xml().as_bytes())
                .expect("a validated request is valid on the server");
            assert_eq!(valid, back);
        }
    }
});
