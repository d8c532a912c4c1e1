//! What a Rust user sees of the typed values: their names as IOVOX writes them, and the
//! checks a typed request makes before anything is sent.

use iovox_core::{AttachMethod, ByArea, ByPostcode, Link};

#[test]
fn attach_methods_print_as_the_page_names_them() {
    let methods: [(AttachMethod, &str); 3] = [
        (ByArea::new(44, 20).into(), "BY AREA"),
        (
            Link::by_voxnumber("1", "441512100200").method,
            "BY VOXNUMBER",
        ),
        (
            ByPostcode::new("UNITED KINGDOM", "W11 3EP").into(),
            "BY POSTCODE",
        ),
    ];
    for (method, name) in methods {
        assert_eq!(method.to_string(), name);
    }
}

#[test]
fn a_typed_attach_is_sent_as_built_once_its_checks_pass() {
    use iovox_core::method::{AttachVoxnumberToLink, Method};
    use iovox_core::AttachRequest;
    let good = AttachRequest::new(vec![Link::by_area("L1", 44, 20)]);
    let prepared = AttachVoxnumberToLink::prepare(&good).unwrap();
    assert_eq!(prepared.body, good.to_xml());
    assert!(prepared.body.contains("<link_id>L1</link_id>"));
    assert!(prepared.query.is_empty());
    let bad = AttachRequest::new(vec![Link::by_area(" ", 44, 20)]);
    let e = AttachVoxnumberToLink::prepare(&bad).unwrap_err();
    assert_eq!(e.messages(), ["Link ID 1 of 1 empty"]);
}
