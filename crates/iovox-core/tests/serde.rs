//! The `serde` feature: the public models in IOVOX's own field names and words, so a
//! service can take them straight from its JSON body and hand them back.
#![cfg(feature = "serde")]

use iovox_core::*;
use serde_json::json;

#[test]
fn links_read_and_write_as_the_page_names_them() {
    let links = vec![
        Link::new("333", ByArea::new(44, 20).fallback_city(true)),
        Link::by_voxnumber("444", "4423012565866"),
        Link::new(
            "555",
            ByPostcode::new("UNITED KINGDOM", "SW1A 0AA").fallback_area_distance(20),
        ),
    ];
    let value = serde_json::to_value(&links).unwrap();
    assert_eq!(
        value,
        json!([
            {"link_id": "333", "method": "BY AREA", "voxnumber_idd": 44, "area_code": 20,
             "fallback_city": true, "fallback_region": false, "fallback_country": false},
            {"link_id": "444", "method": "BY VOXNUMBER", "full_voxnumber": "4423012565866"},
            {"link_id": "555", "method": "BY POSTCODE", "voxnumber_country": "UNITED KINGDOM",
             "postcode": "SW1A 0AA", "fallback_area_distance": 20},
        ])
    );
    let back: Vec<Link> = serde_json::from_value(value).unwrap();
    assert_eq!(back, links);
    // Fallbacks left out read as false, as on the wire.
    let short: Link = serde_json::from_value(
        json!({"link_id": "1", "method": "BY AREA", "voxnumber_idd": 44, "area_code": 20}),
    )
    .unwrap();
    assert_eq!(short, Link::by_area("1", 44, 20));
}

#[test]
fn a_purchase_from_a_json_body_is_the_typed_request() {
    let request: PurchaseRequest = serde_json::from_value(json!({
        "callback_url": "https://example.com/iovox",
        "items": [{"country_code": 44, "area_code": 151, "number_type": "GEOGRAPHIC", "quantity": 2}]
    }))
    .unwrap();
    assert_eq!(
        request,
        PurchaseRequest::new(vec![
            PurchaseItem::new(44, NumberType::Geographic, 2).area_code(151)
        ])
        .callback_url("https://example.com/iovox")
    );
    let bad = serde_json::from_value::<PurchaseRequest>(json!({
        "items": [{"country_code": 44, "number_type": "geographic", "quantity": 2}]
    }));
    assert!(bad.unwrap_err().to_string().contains("GEOGRAPHIC"));
}

#[test]
fn orders_write_their_status_as_iovox_does() {
    let order = Order {
        order_reference: "r1".into(),
        order_status: OrderStatus::Fulfilled,
        voxnumbers: vec![VoxNumber {
            country_code: 44,
            area_code: 151,
            full_voxnumber: "441512100200".into(),
        }],
    };
    let value = serde_json::to_value(&order).unwrap();
    assert_eq!(
        value,
        json!({"order_reference": "r1", "order_status": "FULFILLED", "voxnumbers": [
            {"country_code": 44, "area_code": 151, "full_voxnumber": "441512100200"}]})
    );
    assert_eq!(serde_json::from_value::<Order>(value).unwrap(), order);
}
