//! The core's own costs: encode + validate a purchase (what the client does before
//! sending) and decode a 10,000-number order. `scripts/bench` reads criterion's samples.
use criterion::{criterion_group, criterion_main, Criterion};
use iovox_core::method::{Method, PurchaseVoxNumbers};
use iovox_core::{AdditionalInformation, NumberType, Order, PurchaseItem, PurchaseRequest};
use std::hint::black_box;

/// A basket of `items` items (country, area, type, quantity), each with an address too
/// when `address` (as regions that require purchase information want).
fn purchase(items: usize, address: bool) -> PurchaseRequest {
    let items = (0..items)
        .map(|i| {
            let mut item = PurchaseItem::new(44, NumberType::Geographic, 1 + (i as u32 % 250));
            item.area_code = Some(151);
            item.additional_information = address.then(|| AdditionalInformation {
                firstname: "Bastien".into(),
                lastname: "Kerigan".into(),
                company: "Iovox".into(),
                street: "a street".into(),
                building_number: 21,
                city: "Saint Nazaire".into(),
                zipcode: "44600".into(),
            });
            item
        })
        .collect();
    let mut request = PurchaseRequest::new(items);
    request.callback_url = Some("https://iovox:s3cret@my.company.com/orderCallback.php".into());
    request.cc_list = vec!["mail@mail.com".into()];
    request
}

/// The same bytes as bench/make_order.py writes.
pub fn order_10000() -> Vec<u8> {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<order>\n    <order_reference>a0d7c5264b34fd6ea36e75a4363adss9</order_reference>\n    <order_status>FULFILLED</order_status>\n    <voxnumbers>\n",
    );
    for i in 0..10_000 {
        s.push_str(&format!("        <voxnumber><country_code>44</country_code><area_code>151</area_code><full_voxnumber>44151{}</full_voxnumber></voxnumber>\n", 2_100_000 + i));
    }
    s.push_str("    </voxnumbers>\n</order>\n");
    s.into_bytes()
}

fn encode_validate(c: &mut Criterion) {
    let mut g = c.benchmark_group("encode_validate");
    for (n, address) in [(1, false), (250, false), (250, true)] {
        let request = purchase(n, address);
        let name = if address {
            format!("{n}_items_with_address")
        } else {
            format!("{n}_items")
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                // What the client does before sending a typed request: its checks, the XML.
                PurchaseVoxNumbers::prepare(black_box(&request)).expect("valid")
            })
        });
    }
    g.finish();
}

/// The same work for an untyped request (Python, Node, JSON): wire checks, then the XML.
fn encode_validate_wire(c: &mut Criterion) {
    let wire = purchase(250, false).to_wire();
    let mut g = c.benchmark_group("encode_validate");
    g.bench_function("250_items_wire", |b| {
        b.iter(|| PurchaseVoxNumbers::prepare_wire(black_box(&wire)).expect("valid"))
    });
    g.finish();
}

fn decode(c: &mut Criterion) {
    let body = order_10000();
    assert_eq!(
        Order::from_callback_xml(&body).unwrap().voxnumbers.len(),
        10_000
    );
    let mut g = c.benchmark_group("decode");
    g.bench_function("order_10000", |b| {
        b.iter(|| Order::from_callback_xml(black_box(&body)).expect("an order"))
    });
    g.finish();
}

criterion_group!(benches, encode_validate, encode_validate_wire, decode);
criterion_main!(benches);
