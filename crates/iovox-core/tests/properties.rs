//! Properties over generated input: encode then decode gives back what validation accepted,
//! and no byte string makes a public decoder or validator panic.

use iovox_core::request::{decode_attach_request, decode_purchase_request};
use iovox_core::*;
use proptest::prelude::*;

/// Text a user might type, hostile parts included: markup, CDATA ends, entities, quotes,
/// non-ASCII, and whitespace (which the server trims at both ends).
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 ]{1,8}",
        Just("&".to_string()),
        Just("<Ltd>".to_string()),
        Just("]]>".to_string()),
        Just("&amp;".to_string()),
        Just("\"'".to_string()),
        Just("Kérigan".to_string()),
        Just("東京".to_string()),
        Just("<![CDATA[x]]>".to_string()),
        Just("\t \n".to_string()),
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 1..5).prop_map(|p| p.concat())
}

fn number_type() -> impl Strategy<Value = NumberType> {
    prop_oneof![
        Just(NumberType::National),
        Just(NumberType::Geographic),
        Just(NumberType::TollFree)
    ]
}

fn additional() -> impl Strategy<Value = AdditionalInformation> {
    (
        hostile(),
        hostile(),
        hostile(),
        hostile(),
        any::<u32>(),
        hostile(),
        hostile(),
    )
        .prop_map(|(f, l, c, s, b, city, z)| AdditionalInformation {
            firstname: f,
            lastname: l,
            company: c,
            street: s,
            building_number: b,
            city,
            zipcode: z,
        })
}

fn item() -> impl Strategy<Value = PurchaseItem> {
    (
        any::<u32>(),
        prop::option::of(any::<u32>()),
        prop::option::of(hostile()),
        prop::option::of(hostile()),
        number_type(),
        1u32..=250,
        prop::option::of(additional()),
    )
        .prop_map(|(cc, area, post, city, nt, q, ai)| PurchaseItem {
            country_code: cc,
            area_code: area.or(Some(1)),
            post_code: post,
            city_name: city,
            number_type: nt,
            quantity: q,
            additional_information: ai,
        })
}

fn purchase() -> impl Strategy<Value = PurchaseRequest> {
    (
        prop::option::of("https?://[a-z]{1,10}\\.[a-z]{2,3}/[a-zA-Z0-9&=?]{0,20}"),
        prop::collection::vec("[a-z]{1,6}@[a-z]{1,6}\\.com", 0..3),
        any::<bool>(),
        prop::collection::vec(item(), 1..6),
    )
        .prop_map(|(url, cc, dq, items)| PurchaseRequest {
            callback_url: url,
            cc_list: cc,
            dynamic_quantity: dq,
            items,
            allow_unauthenticated_callbacks: false,
        })
}

/// Text of every kind the validator judges: blank, padded, plain, odd characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_string()),
        Just("\u{fffd}".to_string()),
        "[ \t]?[a-zA-Z0-9@.,:/<&\u{a0}]{1,8}[ \t\u{3000}]?",
        hostile(),
    ]
}

/// Requests valid and not.
fn loose_purchase() -> impl Strategy<Value = PurchaseRequest> {
    let item = (
        any::<u32>(),
        prop::option::of(any::<u32>()),
        prop::option::of(any_text()),
        prop::option::of(any_text()),
        number_type(),
        prop_oneof![0u32..=260, any::<u32>()],
        prop::option::of((
            any_text(),
            any_text(),
            any_text(),
            any_text(),
            any::<u32>(),
            any_text(),
            any_text(),
        )),
    )
        .prop_map(|(cc, area, post, city, nt, q, ai)| PurchaseItem {
            country_code: cc,
            area_code: area,
            post_code: post,
            city_name: city,
            number_type: nt,
            quantity: q,
            additional_information: ai.map(|(f, l, c, s, b, city, z)| AdditionalInformation {
                firstname: f,
                lastname: l,
                company: c,
                street: s,
                building_number: b,
                city,
                zipcode: z,
            }),
        });
    (
        prop::option::of(prop_oneof![
            "https?://[a-z]{1,10}\\.[a-z]{2,3}/[a-zA-Z0-9&=?]{0,20}",
            any_text(),
            "https://[a-z]{1,3}\\.io/[a-z]{250,260}",
        ]),
        prop::collection::vec(prop_oneof!["[a-z]{1,6}@[a-z]{1,6}\\.com", any_text()], 0..3),
        any::<bool>(),
        prop::collection::vec(item, 0..4),
    )
        .prop_map(|(url, cc, dq, items)| PurchaseRequest {
            callback_url: url,
            cc_list: cc,
            dynamic_quantity: dq,
            items,
            allow_unauthenticated_callbacks: false,
        })
}

fn link() -> impl Strategy<Value = Link> {
    let method = prop_oneof![
        (
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(|(idd, area, c, r, k)| AttachMethod::ByArea(ByArea {
                voxnumber_idd: idd,
                area_code: area,
                fallback_city: c,
                fallback_region: r,
                fallback_country: k,
            })),
        "[0-9]{1,20}".prop_map(|n| AttachMethod::ByVoxnumber { full_voxnumber: n }),
        (hostile(), hostile(), prop::option::of(any::<u32>())).prop_map(|(c, p, d)| {
            AttachMethod::ByPostcode(ByPostcode {
                voxnumber_country: c,
                postcode: p,
                fallback_area_distance: d,
            })
        }),
    ];
    (hostile(), method).prop_map(|(link_id, method)| Link { link_id, method })
}

proptest! {
    #[test]
    fn a_typed_request_is_judged_as_its_xml_is(request in loose_purchase()) {
        // One rule per field: the checks of the typed model and the server's checks of
        // the XML it writes give the same messages, valid or not.
        let typed = request.validate().err().map(|e| e.messages()).unwrap_or_default();
        let server = decode_purchase_request(request.to_xml().as_bytes())
            .err()
            .map(|e| e.messages())
            .unwrap_or_default();
        prop_assert_eq!(typed, server);
    }

    #[test]
    fn purchase_round_trips(request in purchase()) {
        // What the server decodes is exactly what validation accepted (text trimmed).
        if request.validate().is_ok() {
            let accepted = request.to_wire().validate();
            prop_assert!(accepted.is_ok());
            let decoded = decode_purchase_request(request.to_xml().as_bytes());
            prop_assert_eq!(decoded.ok(), accepted.ok());
        }
    }

    #[test]
    fn attach_round_trips(links in prop::collection::vec(link(), 1..6)) {
        let request = AttachRequest::new(links);
        // The typed request is refused exactly as the server would refuse what it sends.
        let messages = |r: Result<(), iovox_core::ValidationErrors>| r.err().map(|e| e.messages());
        prop_assert_eq!(messages(request.validate()), messages(request.to_wire().validate().map(drop)));
        if let Ok(accepted) = request.to_wire().validate() {
            let decoded = decode_attach_request(request.to_xml().as_bytes());
            prop_assert_eq!(decoded, Ok(accepted));
        }
    }

    #[test]
    fn order_round_trips(reference in "[a-z0-9]{1,32}", pending in any::<bool>(),
                         numbers in prop::collection::vec((any::<u32>(), any::<u32>(), "[0-9]{1,24}"), 0..20)) {
        let order = Order {
            order_reference: reference,
            order_status: if pending { OrderStatus::Pending } else { OrderStatus::Fulfilled },
            voxnumbers: numbers.into_iter().map(|(c, a, f)| VoxNumber {
                country_code: c, area_code: a, full_voxnumber: f }).collect(),
        };
        prop_assert_eq!(Order::from_callback_xml(order.to_callback_xml().as_bytes()), Ok(order.clone()));
        prop_assert_eq!(Order::from_response_xml(order.to_response_xml().as_bytes()), Ok(order));
    }

    #[test]
    fn no_input_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_purchase_request(&bytes);
        let _ = decode_attach_request(&bytes);
        let _ = Order::from_xml(&bytes);
        let _ = decode_error_body(500, &bytes);
    }

    #[test]
    fn no_xmlish_input_panics(parts in prop::collection::vec(prop_oneof![
        Just("<request>"), Just("</request>"), Just("<items>"), Just("</items>"), Just("<item>"),
        Just("</item>"), Just("<link>"), Just("</link>"), Just("<quantity>"), Just("</quantity>"),
        Just("<order_status>"), Just("</order_status>"), Just("<voxnumbers>"), Just("<voxnumber>"),
        Just("</voxnumber>"), Just("<errors>"), Just("<error status=\"4\">"), Just("</error>"),
        Just("&amp;"), Just("&#0;"), Just("&#x110000;"), Just("<![CDATA["), Just("]]>"),
        Just("<!DOCTYPE"), Just("<?xml version=\"1.0\"?>"), Just("2"), Just("x"), Just("<a/>"),
    ], 0..40)) {
        let body = parts.concat();
        let _ = decode_purchase_request(body.as_bytes());
        let _ = decode_attach_request(body.as_bytes());
        let _ = Order::from_xml(body.as_bytes());
        let _ = decode_error_body(400, body.as_bytes());
    }
}
