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

/// A query's pairs as (name, value) texts.
fn pairs(p: &iovox_core::method::Prepared) -> Vec<(&str, &str)> {
    p.query.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[test]
fn a_typed_call_data_request_sends_every_filter_it_was_built_with() {
    use iovox_core::method::{GetCallData, Method};
    use iovox_core::CallDataRequest;
    let mut request = CallDataRequest::new()
        .since("2026-12-01")
        .until("2026-12-07 23:59:59")
        .voxnumber("441512100200")
        .filter("call_res", "ANSWERED")
        .page(2)
        .limit(50);
    request.req_fields = vec!["id".into(), "cs".into()];
    assert_eq!(request.validate(), Ok(()));
    let sent = GetCallData::prepare(&request).unwrap();
    let mut got = pairs(&sent);
    got.sort();
    let mut want = vec![
        ("sdt", "2026-12-01"),
        ("edt", "2026-12-07 23:59:59"),
        ("voxnumber", "441512100200"),
        ("call_res", "ANSWERED"),
        ("req_fields", "id,cs"),
        ("page", "2"),
        ("limit", "50"),
    ];
    want.sort();
    assert_eq!(got, want);
    // What the typed request gets wrong is refused with the page's words.
    let bad = CallDataRequest::new().page(0).limit(20_001);
    assert_eq!(
        bad.validate().unwrap_err().messages(),
        [
            "Page Number must be 1 or more",
            "Limit must be between 1 and 20000"
        ]
    );
    assert_eq!(
        GetCallData::prepare(&bad).unwrap_err(),
        bad.validate().unwrap_err()
    );
}

#[test]
fn a_typed_call_metrics_request_sends_its_groups_and_filters() {
    use iovox_core::method::{GetCallMetrics, Method};
    use iovox_core::CallMetricsRequest;
    let mut request = CallMetricsRequest::new().filter("sdt", "2026-12-01");
    request.group_fields = vec!["vn".into(), "call_res".into()];
    request.req_fields = vec!["tc".into()];
    request.page = Some(3);
    request.limit = Some(10);
    assert_eq!(request.validate(), Ok(()));
    let sent = GetCallMetrics::prepare(&request).unwrap();
    let mut got = pairs(&sent);
    got.sort();
    let mut want = vec![
        ("sdt", "2026-12-01"),
        ("group_fields", "vn,call_res"),
        ("req_fields", "tc"),
        ("page", "3"),
        ("limit", "10"),
    ];
    want.sort();
    assert_eq!(got, want);
    assert_eq!(
        pairs(&GetCallMetrics::prepare_wire(&request.to_query()).unwrap()),
        pairs(&sent)
    );
    request.limit = Some(0);
    assert_eq!(
        request.validate().unwrap_err().messages(),
        ["Limit must be between 1 and 20000"]
    );
}

#[test]
fn a_typed_detach_is_sent_as_built_once_its_checks_pass() {
    use iovox_core::method::{Method, RemoveVoxnumberFromLink};
    use iovox_core::DetachRequest;
    let good = DetachRequest::new(["L1", "L2"]);
    assert_eq!(good.validate(), Ok(()));
    let prepared = RemoveVoxnumberFromLink::prepare(&good).unwrap();
    assert_eq!(prepared.body, good.to_xml());
    assert!(prepared.body.contains("<link_id>L2</link_id>"));
    let bad = DetachRequest::new(["L1", " "]);
    assert_eq!(
        bad.validate().unwrap_err().messages(),
        ["Link ID 2 of 2 Empty"]
    );
    assert_eq!(
        RemoveVoxnumberFromLink::prepare(&bad).unwrap_err(),
        bad.validate().unwrap_err()
    );
    let none = DetachRequest::new(Vec::<String>::new());
    assert_eq!(none.validate().unwrap_err().messages(), ["Request Empty"]);
}

#[test]
fn errors_print_as_the_server_words_them() {
    use iovox_core::{AttachRequest, ErrorCode};
    let e = AttachRequest::new(vec![
        Link::by_area(" ", 44, 20),
        Link::by_voxnumber(" ", "x"),
    ])
    .validate()
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Link ID 1 of 2 empty; Link ID 2 of 2 empty; Voxnumber 2 of 2 is not an Integer"
    );
    assert_eq!(e[0].to_string(), "Link ID 1 of 2 empty");
    assert_eq!(e[0].code.to_string(), "link_id_empty");
    assert_eq!(ErrorCode::ChildCountAlone.to_string(), "child_count_alone");
    let one = AttachRequest::new(vec![Link::by_area(" ", 44, 20)])
        .validate()
        .unwrap_err();
    assert_eq!(one.to_string(), "Link ID 1 of 1 empty");
}

#[test]
fn a_page_knows_whether_another_follows() {
    use iovox_core::Page;
    let page = |current, total, results: Vec<u8>| Page {
        results,
        current_page: current,
        total_pages: total,
        total_results: None,
    };
    assert!(page(Some(1), Some(2), vec![1]).has_next());
    assert!(!page(Some(2), Some(2), vec![1]).has_next());
    assert!(!page(Some(3), Some(2), vec![]).has_next());
    // Without IOVOX's totals: another page is asked for until one comes back empty.
    assert!(page(None, None, vec![1]).has_next());
    assert!(page(Some(1), None, vec![1]).has_next());
    assert!(!page(None, Some(4), vec![]).has_next());
    let mapped = page(Some(1), Some(3), vec![1, 2]).map(|n| n * 10);
    assert_eq!(mapped.results, [10, 20]);
    assert_eq!(
        (mapped.current_page, mapped.total_pages),
        (Some(1), Some(3))
    );
}

#[test]
fn a_page_written_as_iovox_answers_reads_back_the_same() {
    use iovox_core::method::{GetCategories, Method};
    use iovox_core::{Category, Page};
    let page = Page {
        results: vec![
            Category {
                category_id: Some("L&G".into()),
                label: Some("Location".into()),
                value: Some("Lewes & <Glynde>".into()),
                child_count: Some(2),
            },
            Category {
                category_id: Some("B".into()),
                label: None,
                value: Some("Bath".into()),
                child_count: Some(0),
            },
            Category {
                category_id: Some("C".into()),
                ..Default::default()
            },
        ],
        current_page: Some(2),
        total_pages: Some(3),
        total_results: Some(7),
    };
    let xml = page.to_response_xml();
    assert!(
        xml.contains("<value>Lewes &amp; &lt;Glynde&gt;</value>"),
        "{xml}"
    );
    assert!(xml.contains("<current_page>2</current_page><total_pages>3</total_pages><total_results>7</total_results>"));
    assert_eq!(GetCategories::decode(xml.as_bytes()).unwrap(), page);
    // One result: the room kept for the rest is for none.
    let one = Page {
        results: page.results[..1].to_vec(),
        ..page.clone()
    };
    assert_eq!(
        GetCategories::decode(one.to_response_xml().as_bytes()).unwrap(),
        one
    );
    let none = Page::<Category> {
        results: vec![],
        current_page: None,
        total_pages: None,
        total_results: None,
    };
    assert_eq!(
        GetCategories::decode(none.to_response_xml().as_bytes()).unwrap(),
        none
    );
}

#[test]
fn a_record_keeps_the_fields_asked_for_and_gives_each_by_its_abbreviation() {
    use iovox_core::Category;
    let mut c = Category {
        category_id: Some("LDN".into()),
        label: Some("Location".into()),
        value: Some("London".into()),
        child_count: Some(4),
    };
    assert_eq!(c.text_of("cid").as_deref(), Some("LDN"));
    assert_eq!(c.text_of("cv").as_deref(), Some("London"));
    assert_eq!(c.text_of("chc").as_deref(), Some("4"));
    assert_eq!(c.text_of("nope"), None);
    c.retain_fields(|f| matches!(f.abbreviation, Some("cv" | "chc")));
    assert_eq!(
        c,
        Category {
            category_id: None,
            label: None,
            value: Some("London".into()),
            child_count: Some(4)
        }
    );
    assert_eq!(c.text_of("cid"), None);
}

#[test]
fn a_typed_list_request_sends_what_its_setters_were_given() {
    use iovox_core::method::{GetNodes, Method};
    use iovox_core::NodesRequest;
    let request = NodesRequest::new()
        .node_type("Store")
        .req_fields(["nid", "lid"])
        .order("nid_ASC")
        .page(2)
        .limit(25);
    assert_eq!(request.validate(), Ok(()));
    assert_eq!(
        pairs(&GetNodes::prepare(&request).unwrap()),
        [
            ("node_type", "Store"),
            ("req_fields", "nid,lid"),
            ("order", "nid_ASC"),
            ("page", "2"),
            ("limit", "25"),
        ]
    );
    let bad = NodesRequest::new().req_fields(["nid", "zz"]).limit(5_001);
    assert_eq!(
        GetNodes::prepare(&bad).unwrap_err().messages(),
        [
            "Required Fields Invalid: zz",
            "Limit must be between 1 and 5000"
        ]
    );
}

/// What a server (the sandbox) reads from a calls query: the typed request, or the page's
/// messages.
#[test]
fn a_calls_query_reads_back_as_its_typed_request() {
    use iovox_core::wire::Query;
    use iovox_core::{CallDataRequest, CallMetricsRequest};
    let pairs = |p: &[(&str, &str)]| {
        Query::from_pairs(p.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    };
    let mut want = CallDataRequest::new()
        .since("2026-12-01")
        .voxnumber("441512100200")
        .page(2)
        .limit(5);
    want.req_fields = vec!["id".into(), "cs".into()];
    let read = pairs(&[
        ("sdt", "2026-12-01"),
        ("voxnumber", "441512100200"),
        ("req_fields", "id, cs"),
        ("page", "2"),
        ("limit", "5"),
    ])
    .validate_call_data()
    .unwrap();
    assert_eq!(read, want);
    let e = pairs(&[("limit", "x")]).validate_call_data().unwrap_err();
    assert_eq!(e.messages(), ["Limit not an integer"]);

    let mut want = CallMetricsRequest::new().filter("link_id", "L1");
    want.group_fields = vec!["vn".into()];
    want.req_fields = vec!["tc".into(), "tuc".into()];
    want.limit = Some(10);
    let read = pairs(&[
        ("link_id", "L1"),
        ("group_fields", "vn"),
        ("req_fields", "tc,tuc"),
        ("limit", "10"),
    ])
    .validate_call_metrics()
    .unwrap();
    assert_eq!(read, want);
    let e = pairs(&[("page", "0")]).validate_call_metrics().unwrap_err();
    assert_eq!(e.messages(), ["Page Number must be 1 or more"]);
}

#[test]
fn a_typed_purchase_sends_its_copies_and_flags() {
    use iovox_core::method::{Method, PurchaseVoxNumbers};
    use iovox_core::{NumberType, OrderStatus, PurchaseItem, PurchaseRequest};
    let item = PurchaseItem::new(44, NumberType::Geographic, 2).area_code(151);
    let request = PurchaseRequest::new(vec![item])
        .cc("a@x.com")
        .cc("b@y.org")
        .dynamic_quantity(true);
    let body = PurchaseVoxNumbers::prepare(&request).unwrap().body;
    assert!(
        body.contains("<cc_list>a@x.com,b@y.org</cc_list>"),
        "{body}"
    );
    assert!(
        body.contains("<dynamic_quantity>TRUE</dynamic_quantity>"),
        "{body}"
    );
    // A callback URL anyone could call is refused unless the caller says so by name.
    let open = request.clone().callback_url("https://example.com/iovox");
    assert_eq!(
        PurchaseVoxNumbers::prepare(&open).unwrap_err()[0]
            .code
            .as_str(),
        "callback_url_unauthenticated"
    );
    let allowed = open.allow_unauthenticated_callbacks(true);
    let body = PurchaseVoxNumbers::prepare(&allowed).unwrap().body;
    assert!(body.contains("<callback_url>https://example.com/iovox</callback_url>"));
    assert_eq!(NumberType::Geographic.to_string(), "GEOGRAPHIC");
    assert_eq!(OrderStatus::Fulfilled.to_string(), "FULFILLED");
    assert_eq!(OrderStatus::Pending.to_string(), "PENDING");
}

#[test]
fn typed_records_are_sent_element_by_element() {
    use iovox_core::method::{CreateNodes, Method};
    use iovox_core::Records;
    let nodes = Records::new()
        .record([
            ("node_id", "N1"),
            ("node_name", "Shop & Co"),
            ("node_type", "Store"),
        ])
        .record([
            ("node_id", "N2"),
            ("node_name", "Two"),
            ("node_type", "Store"),
        ]);
    assert_eq!(nodes.records.len(), 2);
    assert_eq!(nodes.to_wire().records.len(), 2);
    let body = CreateNodes::prepare(&nodes).unwrap().body;
    assert!(
        body.contains("<node><node_id>N1</node_id><node_name>Shop &amp; Co</node_name><node_type>Store</node_type></node><node><node_id>N2</node_id>"),
        "{body}"
    );
    let e = CreateNodes::prepare(&Records::new().record([
        ("node_id", ""),
        ("node_name", "X"),
        ("node_type", "T"),
    ]))
    .unwrap_err();
    assert_eq!(e.messages(), ["Node ID 1 of 1 Empty"]);
}

/// What a server (the sandbox) reads from a body of records.
#[test]
fn a_records_body_reads_back_element_by_element_or_not_at_all() {
    use iovox_core::read_records;
    use iovox_core::wire::Given;
    let body = "<?xml version=\"1.0\"?><request>\n  <node><node_id>N1</node_id><node_name></node_name></node>\n  <node><node_id>N2</node_id></node></request>";
    let read = read_records(body.as_bytes(), "node").unwrap();
    assert_eq!(read.records.len(), 2);
    let text = |r: usize, k: &str| match &read.records[r][k].0 {
        Some(Given::Text(t)) => Some(t.clone()),
        _ => None,
    };
    assert_eq!(text(0, "node_id").as_deref(), Some("N1"));
    // Present but empty is given blank (updateNodes' "Node Name x of y Empty"); absent is
    // not given at all.
    assert_eq!(text(0, "node_name").as_deref(), Some(""));
    assert!(!read.records[1].contains_key("node_name"));
    assert_eq!(text(1, "node_id").as_deref(), Some("N2"));
    // Another item's name, an element in a field, text between records, another root,
    // a cut body: not a body of these records.
    for bad in [
        "<request><link><link_id>L1</link_id></link></request>",
        "<request><node><node_id><b/></node_id></node></request>",
        "<request>text<node/></request>",
        "<response><node><node_id>N1</node_id></node></response>",
        "<request><node>",
    ] {
        assert_eq!(read_records(bad.as_bytes(), "node"), None, "{bad}");
    }
}

#[test]
fn typed_requests_of_the_lifecycle_send_what_they_were_built_with() {
    use iovox_core::method::{
        DeleteNodes, DeleteVoxnumbersFromAccount, GetVoxnumberRegions, Method, SetCallStatus,
    };
    use iovox_core::{
        CallStatusRequest, DeleteVoxnumbersRequest, IdsRequest, NumberType, RegionsRequest,
    };
    let regions = RegionsRequest::new().number_type(NumberType::Geographic);
    assert_eq!(
        pairs(&GetVoxnumberRegions::prepare(&regions).unwrap()),
        [("number_type", "GEOGRAPHIC")]
    );

    let give_back =
        DeleteVoxnumbersRequest::new(["441512100200", "441512100201"]).rm_if_in_use(true);
    assert_eq!(give_back.validate(), Ok(()));
    assert_eq!(
        pairs(&DeleteVoxnumbersFromAccount::prepare(&give_back).unwrap()),
        [
            ("full_voxnumbers", "441512100200,441512100201"),
            ("rm_if_in_use", "TRUE")
        ]
    );
    let kept = DeleteVoxnumbersRequest::new(["441512100200"]);
    assert_eq!(
        pairs(&DeleteVoxnumbersFromAccount::prepare(&kept).unwrap()),
        [
            ("full_voxnumbers", "441512100200"),
            ("rm_if_in_use", "FALSE")
        ]
    );
    let bad = DeleteVoxnumbersRequest::new(["441512100200", "x"]);
    assert_eq!(
        bad.validate().unwrap_err().messages(),
        ["VoxNumber 2 of 2 not an integer"]
    );
    assert_eq!(
        DeleteVoxnumbersFromAccount::prepare(&bad).unwrap_err(),
        bad.validate().unwrap_err()
    );

    assert_eq!(
        pairs(&DeleteNodes::prepare(&IdsRequest::new(["N1", "N 2"])).unwrap()),
        [("node_ids", "N1,N 2")]
    );

    let on = CallStatusRequest::new("ON", ["448001020304", "442071234568"]);
    let body = SetCallStatus::prepare(&on).unwrap().body;
    assert!(body.contains("<call_status>ON</call_status><voxnumbers><voxnumber>448001020304</voxnumber><voxnumber>442071234568</voxnumber></voxnumbers>"), "{body}");
    let e = SetCallStatus::prepare(&CallStatusRequest::new("ON", ["448001020304", "44\u{0}"]))
        .unwrap_err();
    assert_eq!(e[0].position.map(|p| (p.index, p.total)), Some((2, 2)));
}

/// What a server (the sandbox) reads from the other request forms.
#[test]
fn a_server_reads_call_statuses_and_deletes_as_sent() {
    use iovox_core::wire::{Given, Query};
    use iovox_core::{read_call_status, DeleteVoxnumbersRequest};
    let read = read_call_status(
        b"<request><call_status>OFF</call_status><voxnumbers><voxnumber>448001020304</voxnumber><voxnumber></voxnumber></voxnumbers><other>x</other></request>",
    )
    .unwrap();
    assert!(matches!(read.call_status, Some(Given::Text(ref t)) if t == "OFF"));
    assert_eq!(read.voxnumbers.len(), 2);
    assert!(matches!(read.voxnumbers[0].0, Some(Given::Text(ref t)) if t == "448001020304"));
    assert!(read.voxnumbers[1].0.is_none());
    assert_eq!(
        read_call_status(b"<response><call_status>ON</call_status></response>"),
        None
    );
    assert_eq!(read_call_status(b"<request><call_status>"), None);

    let q = Query::from_pairs([
        ("full_voxnumbers", "441512100200,441512100201"),
        ("rm_if_in_use", "TRUE"),
    ]);
    assert_eq!(
        q.validate_delete_voxnumbers().unwrap(),
        DeleteVoxnumbersRequest::new(["441512100200", "441512100201"]).rm_if_in_use(true)
    );
    let e = Query::from_pairs([("rm_if_in_use", "yes")])
        .validate_delete_voxnumbers()
        .unwrap_err();
    assert_eq!(e[0].message, "rm_if_in_use Invalid");
}

#[test]
fn request_errors_print_as_the_server_words_them() {
    use iovox_core::request::RequestError;
    assert_eq!(RequestError::XmlEmpty.to_string(), "XML Empty");
    let parse = RequestError::XmlParse {
        reason: "bad tag".into(),
        line: 2,
        column: 7,
    };
    assert_eq!(
        parse.to_string(),
        "XML parse error. bad tag at line 2, column 7"
    );
}

#[test]
fn credentials_come_out_of_a_callback_url() {
    use iovox_core::url::split_credentials;
    let split = |u: &str| split_credentials(u);
    assert_eq!(
        split("https://u:p@example.com/cb?x=1"),
        (
            "https://example.com/cb?x=1".to_string(),
            Some(("u".into(), "p".into()))
        )
    );
    assert_eq!(
        split("http://user@h:8080#f"),
        (
            "http://h:8080#f".to_string(),
            Some(("user".into(), String::new()))
        )
    );
    // An @ after the host is the path's, not a user's.
    assert_eq!(split("https://h/a@b"), ("https://h/a@b".to_string(), None));
    assert_eq!(split("not a url"), ("not a url".to_string(), None));
}

#[test]
fn the_node_tree_declares_what_a_caller_must_give() {
    use iovox_core::nested::{LINK, NODE_FULL};
    let names = iovox_core::tree::names(NODE_FULL);
    assert_eq!(
        names,
        ["node_id", "node_name", "node_type", "node_date", "links"]
    );
    let required: Vec<&str> = LINK.iter().filter(|e| e.required).map(|e| e.name).collect();
    assert!(
        required.contains(&"link_id") && required.contains(&"link_name"),
        "{required:?}"
    );
    assert!(!required.contains(&"link_date"), "{required:?}");
}

#[test]
fn verbs_and_retry_classes_print_and_read_as_the_docs_write_them() {
    use iovox_core::vocab::{Retry, Verb};
    assert_eq!(Verb::Delete.to_string(), "DELETE");
    for r in Retry::ALL {
        assert_eq!(r.to_string().parse::<Retry>(), Ok(*r));
    }
    assert_eq!("not after sent".parse::<Retry>(), Ok(Retry::NotAfterSent));
    assert!("sometimes"
        .parse::<Retry>()
        .unwrap_err()
        .contains("\"sometimes\""));
}

/// How a value given from JSON (Node, the command line, a file) or any serde format reads
/// as a wire value: whole numbers as integers (JavaScript's 2.0 too), the rest as text.
#[test]
fn wire_values_read_numbers_as_javascript_and_python_give_them() {
    use iovox_core::wire::{Entry, Given};
    use serde::de::{value::Error, IntoDeserializer};
    use serde::Deserialize;
    let json = |s: &str| serde_json::from_str::<Entry>(s).unwrap().0;
    assert_eq!(json("2.0"), Some(Given::Integer(2)));
    assert_eq!(json("-7.0"), Some(Given::Integer(-7)));
    assert_eq!(json("2.5"), Some(Given::Text("2.5".into())));
    // A double at 10^15 or past no longer holds every digit: read as the text it prints.
    assert_eq!(
        json("999999999999999.0"),
        Some(Given::Integer(999_999_999_999_999))
    );
    assert_eq!(json("1e15"), Some(Given::Text("1000000000000000".into())));
    assert_eq!(json("null"), None);
    let wide = |n: u128| {
        Entry::deserialize(IntoDeserializer::<Error>::into_deserializer(n))
            .unwrap()
            .0
    };
    assert_eq!(wide(44), Some(Given::Integer(44)));
    assert_eq!(wide(u128::MAX), Some(Given::Text(u128::MAX.to_string())));
    let signed = |n: i128| {
        Entry::deserialize(IntoDeserializer::<Error>::into_deserializer(n))
            .unwrap()
            .0
    };
    assert_eq!(signed(-44), Some(Given::Integer(-44)));
    assert_eq!(signed(i128::MIN), Some(Given::Text(i128::MIN.to_string())));
}

#[test]
fn a_purchase_in_json_says_what_its_items_must_be() {
    let e =
        serde_json::from_str::<iovox_core::wire::PurchaseRequest>(r#"{"items": 5}"#).unwrap_err();
    assert!(e.to_string().contains("expected a list of items"), "{e}");
}

/// A lone surrogate reaches a tree (createNodeFull) as the bindings pass it: a mapping of
/// one key, the marker. Anything more is a mapping where text belongs.
#[test]
fn a_lone_surrogate_in_a_tree_is_refused_by_its_code_point() {
    let marker = iovox_core::wire::LONE_SURROGATE;
    let typed = (iovox_core::method::TYPED.iter())
        .find(|t| t.spec.route.name == "createNodeFull")
        .unwrap();
    let messages = |name: serde_json::Value| {
        let args = serde_json::json!({"node_id": "N1", "node_name": name, "node_type": "T",
            "links": [{"link_id": "L1", "link_name": "n", "link_type": "Web"}]});
        (typed.prepare_json)(args).unwrap().unwrap_err().messages()
    };
    assert_eq!(
        messages(serde_json::json!({ marker: 55296 })),
        ["node_name 1 of 1 holds U+D800, a character XML cannot carry"]
    );
    assert_eq!(
        messages(serde_json::json!({ marker: 55296, "x": 1 })),
        ["Node Name 1 of 1 Empty"]
    );
}

#[test]
fn a_query_built_in_code_is_checked_like_one_given() {
    use iovox_core::wire::Query;
    let q = Query::default().set("limit", 5).set("page", "2");
    let read = q.validate_countries().unwrap();
    assert_eq!((read.page, read.limit), (Some(2), Some(5)));
}

#[test]
fn a_typed_node_tree_is_sent_as_its_wire_form() {
    use iovox_core::method::{CreateNodeFull, Method};
    let node = serde_json::json!({"node_id": "N1", "node_name": "Shop", "node_type": "Store",
        "links": [{"link_id": "L1", "link_name": "Web", "link_type": "Web"}]});
    let typed = CreateNodeFull::prepare(&node).unwrap();
    assert_eq!(
        typed.body,
        CreateNodeFull::prepare_wire(&node).unwrap().body
    );
    assert!(
        typed.body.contains("<node><node_id>N1</node_id>"),
        "{}",
        typed.body
    );
    let e = CreateNodeFull::prepare(&serde_json::json!({"node_name": "Shop"})).unwrap_err();
    assert!(
        e.messages().iter().any(|m| m == "Node ID 1 of 1 Empty"),
        "{:?}",
        e.messages()
    );
}
