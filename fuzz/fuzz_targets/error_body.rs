//! An error answer: the first two bytes are the status, the rest the body.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = u16::from_be_bytes([data[0], data[1]]);
    if let Some(body) = iovox_core::decode_error_body(status, &data[2..]) {
        // What we decode, we can say again: the re-encoded body gives the same messages.
        let xml = iovox_core::encode_error_body(status, &body.messages);
        let again = iovox_core::decode_error_body(status, xml.as_bytes())
            .expect("an error body we encoded decodes");
        assert_eq!(body.messages, again.messages);
    }
});
