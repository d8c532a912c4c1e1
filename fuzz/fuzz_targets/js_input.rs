//! What the Node package (and anything else handing over JSON) feeds the core through
//! iovox-convert: JSON text
//! into the wire form, validation, then XML. A valid request's XML is valid on the server.
#![no_main]
use iovox_convert::{attach_request_json, purchase_request_json, Case};
use iovox_core::request;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(wire) = purchase_request_json(text, Case::Camel) {
        if let Ok(valid) = wire.validate() {
            let back = request::decode_purchase_request(valid.to_xml().as_bytes())
                .expect("a validated request is valid on the server");
            assert_eq!(valid, back);
        }
    }
    if let Ok(wire) = attach_request_json(text, Case::Camel) {
        if let Ok(valid) = wire.validate() {
            let back = request::decode_attach_request(valid.to_xml().as_bytes())
                .expect("a validated request is valid on the server");
            assert_eq!(valid, back);
        }
    }
});
