//! A number's whole life over real HTTP against iovox-sandbox: regions, the account's
//! numbers and links page by page, giving numbers back, and the raw call.

use iovox_core::method::{GetLinks, GetVoxnumbers, Verb};
use iovox_http::{
    AssignedStatus, CallStatus, Client, Credentials, DeleteVoxnumbersRequest, Error, ErrorKind,
    LinksRequest, NumberType, RawRequest, RegionsRequest, RetryPolicy, VoxnumberType,
    VoxnumbersRequest,
};
use iovox_sandbox::{Config, Fault, Sandbox};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";

fn sandbox() -> Sandbox {
    Sandbox::start(Config {
        secure_key: KEY.into(),
        ..Config::default()
    })
    .unwrap()
}

fn client(sb: &Sandbox) -> Client {
    Client::builder(Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(RetryPolicy {
            initial_backoff: Duration::from_millis(5),
            ..Default::default()
        })
        .build()
        .unwrap()
}

/// getCountries, the method added as one declaration: each country of the sandbox's
/// regions once, by calling code, page by page, from the sync and the async client.
#[test]
fn countries_of_the_regions_page_by_page() {
    use iovox_core::{CountriesRequest, Country};
    let sb = sandbox();
    let c = client(&sb);
    let all = c.get_countries(&CountriesRequest::new()).unwrap();
    let codes: Vec<Option<u32>> = all.results.iter().map(|c| c.code).collect();
    let mut want: Vec<Option<u32>> = sb
        .state()
        .regions
        .iter()
        .map(|r| Some(r.country_code))
        .collect();
    want.sort_unstable();
    want.dedup();
    assert_eq!(codes, want);
    let uk = all.results.iter().find(|c| c.code == Some(44)).unwrap();
    assert_eq!(uk.name.as_deref(), Some("UNITED KINGDOM"));
    let second: Vec<Country> = c
        .get_countries(&CountriesRequest::new().limit(1).page(2))
        .unwrap()
        .results;
    assert_eq!(second, all.results[1..2]);
    let e = c
        .get_countries(&CountriesRequest::new().limit(0))
        .unwrap_err();
    assert_eq!(e.messages(), ["Limit must be between 1 and 20000"]);
    let pages: Vec<usize> = c
        .pages::<iovox_core::method::GetCountries>(CountriesRequest::new().limit(1))
        .map(|p| p.unwrap().results.len())
        .collect();
    assert_eq!(pages.len(), want.len());
    #[cfg(feature = "tokio")]
    {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let asynchronous = iovox_http::AsyncClient::new(c);
        let page = runtime
            .block_on(asynchronous.get_countries(CountriesRequest::new()))
            .unwrap();
        assert_eq!(page, all);
    }
}

/// getNodes, declared once: each node of the sandbox once per link, filtered, sorted and
/// paged as the page says, from the sync and the async client.
#[test]
fn nodes_once_per_link_filtered_and_paged() {
    use iovox_http::{AccountNode, NodesRequest};
    let sb = sandbox();
    let c = client(&sb);
    let all = c.get_nodes(&NodesRequest::new().order("lid_ASC")).unwrap();
    let links = sb.state().links;
    assert_eq!(all.results.len(), links.iter().count());
    // In ID order, as Links keeps them.
    for (row, link) in all.results.iter().zip(links.iter()) {
        assert_eq!(row.link_id.as_deref(), Some(link.link_id.as_str()));
        assert_eq!(row.node_id.as_deref(), Some(link.node()));
        assert_eq!(row.node_name.as_deref(), Some(link.node_name()));
    }
    // The default order is the node's name, descending.
    let default = c.get_nodes(&NodesRequest::new()).unwrap();
    let names: Vec<_> = default
        .results
        .iter()
        .map(|n| n.node_name.clone())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(names, sorted);
    let one = c.get_nodes(&NodesRequest::new().link_id("100")).unwrap();
    assert_eq!(one.results.len(), 1);
    assert_eq!(one.results[0].link_id.as_deref(), Some("100"));
    let mut only = NodesRequest::new().link_id("100");
    only.req_fields = vec!["lid".into()];
    assert_eq!(
        c.get_nodes(&only).unwrap().results,
        [AccountNode {
            link_id: Some("100".into()),
            ..Default::default()
        }]
    );
    let e = c
        .get_nodes(&NodesRequest {
            limit: Some(5001),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.messages(), ["Limit must be between 1 and 5000"]);
    let sizes: Vec<usize> = c
        .pages::<iovox_core::method::GetNodes>(NodesRequest {
            limit: Some(2),
            ..Default::default()
        })
        .map(|p| p.unwrap().results.len())
        .collect();
    assert_eq!(sizes.iter().sum::<usize>(), links.iter().count());
    assert!(sizes.iter().all(|&n| n <= 2), "{sizes:?}");
    #[cfg(feature = "tokio")]
    {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let asynchronous = iovox_http::AsyncClient::new(c);
        let page = runtime
            .block_on(asynchronous.get_nodes(NodesRequest::new().order("lid_ASC")))
            .unwrap();
        assert_eq!(page, all);
    }
}

#[test]
fn regions_filter_by_country_type_and_area() {
    let sb = sandbox();
    let c = client(&sb);
    let all = c.get_voxnumber_regions(&RegionsRequest::new()).unwrap();
    assert_eq!(all.results.len(), 10);
    assert_eq!((all.total_results, all.total_pages), (Some(10), Some(1)));
    let uk = c
        .get_voxnumber_regions(
            &RegionsRequest::new()
                .country_code(44)
                .number_type(NumberType::Geographic),
        )
        .unwrap();
    let areas: Vec<_> = uk.results.iter().map(|r| r.area_code).collect();
    assert_eq!(areas, [Some(20), Some(151), Some(161)]);
    assert_eq!(uk.results[1].city_name.as_deref(), Some("Liverpool"));
    let paris = c
        .get_voxnumber_regions(&RegionsRequest::new().country_code(33).area_code(1))
        .unwrap();
    assert_eq!(paris.results.len(), 1);
    assert_eq!(paris.results[0].require_purchase_info, Some(true));
    // req_fields keeps only what is asked (require_purchase_info always comes).
    let mut only = RegionsRequest::new().country_code(33);
    only.req_fields = vec!["cin".into()];
    let r = &c.get_voxnumber_regions(&only).unwrap().results[0];
    assert_eq!(
        (r.city_name.as_deref(), r.country_code),
        (Some("Paris"), None)
    );
}

#[test]
fn numbers_filter_and_sort_and_come_in_pages() {
    let sb = sandbox();
    let c = client(&sb);
    let all = c.get_voxnumbers(&VoxnumbersRequest::new()).unwrap();
    assert_eq!(all.results.len(), 5);
    let free = c
        .get_voxnumbers(&VoxnumbersRequest::new().assigned_status(AssignedStatus::Unassigned))
        .unwrap();
    assert_eq!(free.results.len(), 4);
    assert!(free
        .results
        .iter()
        .all(|n| n.assigned_status == Some(AssignedStatus::Unassigned)
            && n.call_status == Some(CallStatus::Off)));
    let linked = c
        .get_voxnumbers(&VoxnumbersRequest::new().link_id("100"))
        .unwrap();
    assert_eq!(linked.results.len(), 1);
    let n = &linked.results[0];
    assert_eq!(n.voxnumber.as_deref(), Some("442071234568"));
    assert_eq!(n.link_name.as_deref(), Some("Link 100"));
    assert_eq!(n.voxnumber_type, Some(VoxnumberType::Local));
    assert_eq!(n.purchase_date.as_deref(), Some("2026-01-15 10:00:00"));
    // Default req_fields leave the node out.
    assert_eq!(n.node_id, None);

    // Pages: 0 results, 1 result, several pages.
    let none = c
        .get_voxnumbers(&VoxnumbersRequest::new().voxnumber("449999999999"))
        .unwrap();
    assert!(none.results.is_empty() && !none.has_next());
    let one = c
        .get_voxnumbers(&VoxnumbersRequest::new().voxnumber("441512100200"))
        .unwrap();
    assert_eq!(one.results.len(), 1);
    let first = c
        .get_voxnumbers(&VoxnumbersRequest::new().limit(2).order("vn_ASC"))
        .unwrap();
    assert_eq!(
        (first.current_page, first.total_pages, first.total_results),
        (Some(1), Some(3), Some(5))
    );
    assert!(first.has_next());
    let last = c
        .get_voxnumbers(&VoxnumbersRequest::new().limit(2).page(3).order("vn_ASC"))
        .unwrap();
    assert_eq!(last.results.len(), 1);
    assert!(!last.has_next());
    let past = c
        .get_voxnumbers(&VoxnumbersRequest::new().limit(2).page(4))
        .unwrap();
    assert!(past.results.is_empty());

    // Every page, lazily, in order.
    let numbers: Vec<String> = c
        .pages::<GetVoxnumbers>(VoxnumbersRequest::new().limit(2).order("vn_DESC"))
        .items()
        .map(|n| n.unwrap().voxnumber.unwrap())
        .collect();
    let mut sorted = numbers.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(numbers, sorted);
    assert_eq!(numbers.len(), 5);
    let pages = c
        .pages::<GetVoxnumbers>(VoxnumbersRequest::new().limit(2))
        .count();
    assert_eq!(pages, 3);
}

#[test]
fn links_with_their_node_and_number() {
    let sb = sandbox();
    let c = client(&sb);
    let links = c.get_links(&LinksRequest::new()).unwrap();
    assert_eq!(links.results.len(), 9);
    let hundred = c.get_links(&LinksRequest::new().link_id("100")).unwrap();
    let l = &hundred.results[0];
    assert_eq!(l.voxnumber.as_deref(), Some("442071234568"));
    assert_eq!(l.node_id.as_deref(), Some("N1"));
    let e = c
        .get_links(&LinksRequest::new().node_id("nowhere"))
        .unwrap_err();
    assert_eq!(e.messages(), ["Node ID does not exist"]);
    let all: usize = c
        .pages::<GetLinks>(LinksRequest::new().limit(4))
        .map(|p| p.unwrap().results.len())
        .sum();
    assert_eq!(all, 9);
}

#[test]
fn bad_list_arguments_are_refused_before_sending() {
    let sb = sandbox();
    let c = client(&sb);
    let before = sb.stats().requests;
    let e = c
        .get_voxnumbers(&VoxnumbersRequest::new().limit(0).order("vn_UP"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(
        e.messages(),
        [
            "Order Direction Invalid",
            "Limit must be between 1 and 20000"
        ]
    );
    assert_eq!(sb.stats().requests, before, "nothing was sent");
}

#[test]
fn numbers_go_back_all_or_none() {
    let sb = sandbox();
    let c = client(&sb);
    // An attached number is refused without rm_if_in_use, and nothing goes.
    let e = c
        .delete_voxnumbers_from_account(&DeleteVoxnumbersRequest::new([
            "441512100200",
            "442071234568",
            "449999999999",
        ]))
        .unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "VoxNumber 2 of 3 is attached to a Link",
            "VoxNumber 3 of 3 does not exists"
        ]
    );
    assert_eq!(sb.state().voxnumbers.len(), 5);
    c.delete_voxnumbers_from_account(
        &DeleteVoxnumbersRequest::new(["441512100200", "442071234568"]).rm_if_in_use(true),
    )
    .unwrap();
    let left: Vec<_> = sb
        .state()
        .voxnumbers
        .iter()
        .map(|n| n.full_voxnumber.clone())
        .collect();
    assert_eq!(left.len(), 3);
    assert!(!left.contains(&"441512100200".to_string()));
    assert_eq!(sb.stats().deletes, 1);
}

#[test]
fn giving_numbers_back_is_not_repeated_after_a_5xx() {
    let sb = sandbox();
    // Even with purchases opted in to repeats: the opt-in is the purchase's alone.
    let c = Client::builder(Credentials::new(sb.username(), KEY))
        .base_url(sb.url())
        .retry(RetryPolicy {
            initial_backoff: Duration::from_millis(5),
            retry_purchase_after_send: true,
            ..Default::default()
        })
        .build()
        .unwrap();
    sb.inject(Fault::InternalError);
    let e = c
        .delete_voxnumbers_from_account(&DeleteVoxnumbersRequest::new(["441512100200"]))
        .unwrap_err();
    assert_eq!((e.status(), e.attempts()), (Some(500), 1));
    // A list is safe to repeat: the same fault is retried.
    sb.inject(Fault::InternalError);
    let page = c.get_voxnumbers(&VoxnumbersRequest::new()).unwrap();
    assert_eq!(page.results.len(), 5);
}

#[test]
fn the_raw_call_reaches_any_method_with_the_same_auth_and_errors() {
    let sb = sandbox();
    let c = client(&sb);
    let answer = c
        .raw_request(
            &RawRequest::new("Voxnumbers", "getVoxnumbers", Verb::Get)
                .query("assigned_status", "ASSIGNED")
                .safe_to_repeat(true),
        )
        .unwrap();
    assert_eq!(answer.status, 200);
    let body = String::from_utf8(answer.body).unwrap();
    assert!(
        body.contains("<voxnumber>442071234568</voxnumber>"),
        "{body}"
    );
    let e = c
        .raw_request(&RawRequest::new("Nodes", "getNodeDetails", Verb::Get))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Api);
    let e = c
        .raw_request(&RawRequest::new("Links/../x", "getLinks", Verb::Get))
        .unwrap_err();
    assert!(matches!(e, Error::Config(_)), "{e}");
    // A raw call not marked safe is not repeated after a 5xx; one marked safe is.
    sb.inject(Fault::InternalError);
    let e = c
        .raw_request(&RawRequest::new("Links", "getLinks", Verb::Get))
        .unwrap_err();
    assert_eq!(e.attempts(), 1);
    sb.inject(Fault::InternalError);
    let ok = c
        .raw_request(&RawRequest::new("Links", "getLinks", Verb::Get).safe_to_repeat(true))
        .unwrap();
    assert_eq!(ok.status, 200);
}

/// What a GET list call puts on the wire: the arguments in the query string, no body.
#[test]
fn a_list_call_sends_its_arguments_in_the_query_and_no_body() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        while !got.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = s.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            got.extend_from_slice(&buf[..n]);
        }
        let body = "<response><results/></response>";
        let answer = format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        s.write_all(answer.as_bytes()).unwrap();
        String::from_utf8(got).unwrap()
    });
    let c = Client::new(Credentials::new("me", KEY), url).unwrap();
    c.get_voxnumbers(
        &VoxnumbersRequest::new()
            .call_status(CallStatus::NoRules)
            .voxnumber("441512100200"),
    )
    .unwrap();
    let head = server.join().unwrap();
    let first = head.lines().next().unwrap();
    assert_eq!(
        first,
        "GET /Voxnumbers?v=3&method=getVoxnumbers&voxnumber=441512100200&call_status=NO+RULES HTTP/1.1"
    );
    let lower = head.to_ascii_lowercase();
    assert!(
        !lower.contains("content-length") && !lower.contains("transfer-encoding"),
        "{head}"
    );
}

#[test]
fn every_filter_of_the_lists_reaches_the_sandbox() {
    let sb = sandbox();
    let c = client(&sb);
    let n = |r: VoxnumbersRequest| {
        c.get_voxnumbers(&r)
            .unwrap()
            .results
            .into_iter()
            .map(|v| v.voxnumber.unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let mut r = VoxnumbersRequest::new();
    r.voxnumber_type = Some(VoxnumberType::Local);
    assert_eq!(n(r.clone()).len(), 5);
    r.voxnumber_type = Some(VoxnumberType::National);
    assert!(n(r).is_empty());
    let mut r = VoxnumbersRequest::new();
    r.voxnumber_country = Some("united states".into());
    assert_eq!(n(r), ["16465550100"]);
    let mut r = VoxnumbersRequest::new();
    r.voxnumber_city = Some("Liverpool".into());
    assert_eq!(n(r), ["441512100200"]);
    assert_eq!(
        n(VoxnumbersRequest::new().call_status(CallStatus::NoRules)),
        ["442071234568"]
    );
    assert_eq!(
        n(VoxnumbersRequest::new().assigned_status(AssignedStatus::Assigned)),
        ["442071234568"]
    );
    // req_fields: only what is asked; the node only when asked.
    let mut r = VoxnumbersRequest::new().link_id("100");
    r.req_fields = vec!["nid".into(), "vn".into()];
    let v = &c.get_voxnumbers(&r).unwrap().results[0];
    assert_eq!(
        (
            v.node_id.as_deref(),
            v.voxnumber.as_deref(),
            v.link_id.as_deref()
        ),
        (Some("N1"), Some("442071234568"), None)
    );
    // getLinks: node type, link type, req_fields, order.
    let mut l = LinksRequest::new();
    l.node_type = Some("Store".into());
    l.link_type = Some("Web".into());
    l.req_fields = vec!["lid".into()];
    let page = c.get_links(&l.order("lid_DESC")).unwrap();
    let ids: Vec<_> = page
        .results
        .iter()
        .map(|l| l.link_id.clone().unwrap())
        .collect();
    assert_eq!(ids.first().map(String::as_str), Some("555"));
    assert_eq!(ids.len(), 9);
    assert!(page.results.iter().all(|l| l.link_name.is_none()));
    let mut none = LinksRequest::new();
    none.link_type = Some("Phone".into());
    assert!(c.get_links(&none).unwrap().results.is_empty());
    // A single result comes as one <result>, read as a page of one.
    let one = c.get_links(&LinksRequest::new().link_id("333")).unwrap();
    assert_eq!(one.results.len(), 1);
    assert_eq!(one.total_results, Some(1));
}

/// The by-name walk the bindings and `iovox list` use: it starts at the caller's `page`,
/// says which page it asks for next, and ends after the last page.
#[test]
fn list_pages_by_name_start_at_the_callers_page_and_end_after_the_last() {
    use iovox_http::{wire::Query, CallOptions, Field};
    let sb = sandbox();
    let c = client(&sb);
    let list = iovox_http::method::list_named("getVoxnumbers").unwrap();
    // The first page asked for, each page's number and numbers, the page asked for after.
    type Walk = (u32, Vec<(Option<u32>, Vec<String>)>, u32);
    let numbers = |q: Query| -> Walk {
        let mut pages = c.list_pages(list, q, CallOptions::default()).unwrap();
        let first = pages.next_page();
        let mut seen = vec![];
        for page in pages.by_ref() {
            let page = page.unwrap();
            let names = page
                .results
                .iter()
                .map(|r| {
                    let fields = r.fields();
                    match fields.iter().find(|(name, _)| *name == "voxnumber") {
                        Some((_, Some(Field::Text(t)))) => t.to_string(),
                        other => panic!("no voxnumber: {other:?}"),
                    }
                })
                .collect();
            seen.push((page.current_page, names));
        }
        (first, seen, pages.next_page())
    };
    let q = || Query::default().set("limit", 2).set("order", "vn_ASC");
    let (first, seen, after) = numbers(q().set("page", 2));
    assert_eq!(first, 2, "the walk starts at the caller's page");
    assert_eq!(
        seen,
        [
            (
                Some(2),
                vec!["442071234567".to_string(), "442071234568".to_string()]
            ),
            (Some(3), vec!["4423012565866".to_string()]),
        ]
    );
    assert_eq!(after, 4, "the walk moved past the last page it fetched");
    let (first, seen, _) = numbers(q());
    assert_eq!(first, 1);
    assert_eq!(seen.len(), 3, "{seen:?}");
    // A bad page is an error before anything is sent.
    let err = c
        .list_pages(list, q().set("page", 0), CallOptions::default())
        .err()
        .expect("page 0 refused");
    assert_eq!(err.messages(), ["Page Number must be 1 or more"]);
}

/// Nodes and links made and removed: what createNodes and createLinks make is what
/// getNodes, getLinks and attach see; every request is all or nothing; a repeat of a
/// create or a delete is refused as IOVOX refuses it; the numbers of removed links stay
/// in the account, unassigned.
#[test]
fn nodes_and_links_are_made_attached_and_removed() {
    use iovox_core::method::{CreateLinks, CreateNodes, DeleteLinks, DeleteNodes};
    use iovox_http::{
        AttachRequest, CallOptions, IdsRequest, Link, LinksRequest, NodesRequest, Records,
    };
    let sb = sandbox();
    let c = client(&sb);
    let o = CallOptions::default();
    let nodes = Records::new()
        .record([
            ("node_id", "Westbourne Apartments"),
            ("node_name", "Westbourne"),
            ("node_type", "Property"),
            ("node_date", "2026-12-06 10:00:00"),
        ])
        .record([
            ("node_id", "test/foo"),
            ("node_name", "Foo"),
            ("node_type", "Property"),
        ]);
    c.call::<CreateNodes>(&nodes, &o).unwrap();
    // A node without links is listed once, its link fields empty.
    let listed = c
        .get_nodes(&NodesRequest::new().node_type("Property").order("nid_ASC"))
        .unwrap();
    let ids: Vec<_> = listed
        .results
        .iter()
        .map(|n| n.node_id.clone().unwrap())
        .collect();
    assert_eq!(ids, ["Westbourne Apartments", "test/foo"]);
    assert_eq!(listed.results[0].link_id, None);
    // A repeat is refused, and nothing of the request is made.
    let again = Records::new()
        .record([
            ("node_id", "N-new"),
            ("node_name", "New"),
            ("node_type", "Store"),
        ])
        .record([
            ("node_id", "test/foo"),
            ("node_name", "Foo"),
            ("node_type", "Property"),
        ]);
    let e = c.call::<CreateNodes>(&again, &o).unwrap_err();
    assert_eq!(e.messages(), ["Node ID 2 of 2 already exists"]);
    assert!(c
        .get_nodes(&NodesRequest::new().node_id("N-new"))
        .unwrap()
        .results
        .is_empty());
    // Checks before sending: nothing reaches the sandbox.
    let before = sb.stats().requests;
    let bad = Records::new()
        .record([("node_id", " "), ("node_name", "X"), ("node_type", "T")])
        .record([
            ("node_id", "x"),
            ("node_name", "X"),
            ("node_type", "T"),
            ("node_date", "2026-02-30"),
        ]);
    let e = c.call::<CreateNodes>(&bad, &o).unwrap_err();
    assert_eq!(
        e.messages(),
        ["Node ID 1 of 2 Empty", "Node Date 2 of 2 Invalid"]
    );
    let e = c.call::<CreateNodes>(&Records::new(), &o).unwrap_err();
    assert_eq!(e.messages(), ["Request Empty"]);
    assert_eq!(sb.stats().requests, before);

    let links = Records::new().record([
        ("node_id", "Westbourne Apartments"),
        ("link_id", "ext1"),
        ("link_name", "Magazine"),
        ("link_type", "Magazine Advertisement"),
        ("click_to_call", "1"),
    ]);
    c.call::<CreateLinks>(&links, &o).unwrap();
    let e = c.call::<CreateLinks>(&links, &o).unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Link ID 1 of 1 already exists",
            "Link Name Magazine is already attached to Node Westbourne Apartments"
        ]
    );
    let link = &c
        .get_links(&LinksRequest::new().link_id("ext1"))
        .unwrap()
        .results[0];
    assert_eq!(
        (
            link.node_id.as_deref(),
            link.node_name.as_deref(),
            link.node_type.as_deref()
        ),
        (
            Some("Westbourne Apartments"),
            Some("Westbourne"),
            Some("Property")
        )
    );
    // The new link takes a number as any other does.
    c.attach_voxnumber_to_link(&AttachRequest::new(vec![Link::by_area("ext1", 44, 20)]))
        .unwrap();
    let attached = c
        .get_voxnumbers(&iovox_http::VoxnumbersRequest::new().link_id("ext1"))
        .unwrap()
        .results;
    assert_eq!(attached.len(), 1);
    let number = attached[0].voxnumber.clone().unwrap();

    // A rename: the link keeps its number; the node's new name follows to its links.
    use iovox_core::method::{UpdateLinks, UpdateNodes};
    let rename = Records::new().record([("link_id", "ext1"), ("new_link_id", "ext9")]);
    c.call::<UpdateLinks>(&rename, &o).unwrap();
    let e = c.call::<UpdateLinks>(&rename, &o).unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Link ID 1 of 1 does not exist",
            "New Link ID 1 of 1 already exist"
        ],
        "a repeated rename"
    );
    let moved = c
        .get_voxnumbers(&iovox_http::VoxnumbersRequest::new().link_id("ext9"))
        .unwrap()
        .results;
    assert_eq!(moved[0].voxnumber.as_deref(), Some(number.as_str()));
    let back = Records::new().record([("link_id", "ext9"), ("new_link_id", "ext1")]);
    c.call::<UpdateLinks>(&back, &o).unwrap();
    let named = Records::new().record([
        ("node_id", "Westbourne Apartments"),
        ("node_name", "Westbourne House"),
    ]);
    c.call::<UpdateNodes>(&named, &o).unwrap();
    let link = &c
        .get_links(&LinksRequest::new().link_id("ext1"))
        .unwrap()
        .results[0];
    assert_eq!(link.node_name.as_deref(), Some("Westbourne House"));
    let taken = Records::new().record([
        ("node_id", "test/foo"),
        ("new_node_id", "Westbourne Apartments"),
    ]);
    let e = c.call::<UpdateNodes>(&taken, &o).unwrap_err();
    assert_eq!(e.messages(), ["New Node ID 1 of 1 already exist"]);

    // Deleting the node deletes its link; its number stays, unassigned.
    let e = c
        .call::<DeleteNodes>(&IdsRequest::new(["Westbourne Apartments", "nope"]), &o)
        .unwrap_err();
    assert_eq!(e.messages(), ["Node ID 2 of 2 does not exist"]);
    c.call::<DeleteNodes>(&IdsRequest::new(["Westbourne Apartments"]), &o)
        .unwrap();
    assert!(c
        .get_links(&LinksRequest::new().link_id("ext1"))
        .unwrap()
        .results
        .is_empty());
    let n = &c
        .get_voxnumbers(&iovox_http::VoxnumbersRequest::new().voxnumber(number))
        .unwrap()
        .results[0];
    assert_eq!(
        n.assigned_status,
        Some(iovox_http::AssignedStatus::Unassigned)
    );
    let e = c
        .call::<DeleteNodes>(&IdsRequest::new(["Westbourne Apartments"]), &o)
        .unwrap_err();
    assert_eq!(e.messages(), ["Node ID 1 of 1 does not exist"]);
    // deleteLinks, and an ID the comma-joined query could not carry.
    let e = c
        .call::<DeleteLinks>(&IdsRequest::new(["100,101"]), &o)
        .unwrap_err();
    assert_eq!(
        e.messages(),
        ["Link ID 1 of 1 holds a comma, which IOVOX's comma-joined list cannot carry"]
    );
    c.call::<DeleteLinks>(&IdsRequest::new(["101"]), &o)
        .unwrap();
    assert!(!sb.state().links.contains("101"));
}

/// 50 simulated calls on several numbers: getCallData's filters (dates, number, link,
/// answered or missed) and its pages give exactly the calls the test made, counted here;
/// a recorded call's audio comes back as bytes, MP3 frames; one without a recording is
/// an error, never an empty file.
#[test]
fn simulated_calls_are_read_back_filtered_and_recorded() {
    use iovox_core::method::{GetCallData, GetCallRecording};
    use iovox_http::{CallDataRequest, CallOptions};
    use iovox_sandbox::SimulatedCall;
    let sb = sandbox();
    let c = client(&sb);
    let numbers: Vec<(String, Option<String>)> = sb
        .state()
        .voxnumbers
        .iter()
        .map(|n| (n.full_voxnumber.clone(), n.link_id.clone()))
        .collect();
    assert!(numbers.len() >= 3);
    let mut made = Vec::new();
    for i in 0..50u32 {
        let (number, link) = &numbers[i as usize % numbers.len()];
        let call = SimulatedCall {
            voxnumber: number.clone(),
            caller: format!("4479661{:05}", i),
            start: Some(format!("2020-11-{:02} {:02}:00:00", 1 + i % 28, i % 24)),
            duration_sec: 30 + i,
            answered: i % 3 != 0,
            recording: i % 5 == 0,
        };
        let id = sb.simulate_call(&call).unwrap();
        made.push((id, call, link.clone()));
    }
    let november = || {
        CallDataRequest::new()
            .since("2020-11-01")
            .until("2020-11-30")
    };
    let all: Vec<_> = c
        .pages::<GetCallData>(november().limit(7))
        .flat_map(|p| p.unwrap().results)
        .collect();
    assert_eq!(all.len(), 50);
    // Newest first by default.
    let starts: Vec<_> = all.iter().map(|c| c.call_start.clone().unwrap()).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    sorted.reverse();
    assert_eq!(starts, sorted);
    // Each call made: its ID, what was simulated, the link of its number.
    type Made = (String, SimulatedCall, Option<String>);
    let count = |f: &dyn Fn(&Made) -> bool| made.iter().filter(|m| f(m)).count();
    let page = |r: CallDataRequest| c.get_call_data(&r).unwrap().results;
    let number = &numbers[1].0;
    assert_eq!(
        page(november().voxnumber(number)).len(),
        count(&|m| &m.1.voxnumber == number)
    );
    assert_eq!(
        page(november().filter("call_res", "MISSED")).len(),
        count(&|m| !m.1.answered)
    );
    let linked = numbers
        .iter()
        .find_map(|(_, l)| l.clone())
        .expect("a linked number");
    let on_link = page(november().filter("link_id", linked.as_str()));
    assert_eq!(
        on_link.len(),
        count(&|m| m.2.as_deref() == Some(linked.as_str()))
    );
    assert!(on_link.iter().all(|c| c.node_id.is_some()));
    let window = page(
        CallDataRequest::new()
            .since("2020-11-10")
            .until("2020-11-12 05:00:00"),
    );
    let within = |m: &Made| {
        let s = m.1.start.clone().unwrap();
        ("2020-11-10 00:00:00".to_string()..="2020-11-12 05:00:00".to_string()).contains(&s)
    };
    assert_eq!(window.len(), count(&within));
    assert!(!window.is_empty());
    // Nothing this month: the default window is the current month (the calls are of 2020).
    assert!(page(CallDataRequest::new()).is_empty());
    // req_fields keeps what is asked.
    let mut only = november().limit(1);
    only.req_fields = vec!["id".into(), "cts".into()];
    let one = &page(only)[0];
    assert!(one.id.is_some() && one.call_time_sec.is_some() && one.voxnumber.is_none());

    // getCallMetrics: the totals, and per number, against the calls made.
    use iovox_http::CallMetricsRequest;
    let metrics = |groups: &[&str]| {
        let mut r = CallMetricsRequest::new()
            .filter("sdt", "2020-11-01")
            .filter("edt", "2020-11-30");
        r.group_fields = groups.iter().map(|g| g.to_string()).collect();
        c.get_call_metrics(&r).unwrap().results
    };
    let total = &metrics(&[])[0];
    let talk: u32 = made
        .iter()
        .filter(|m| m.1.answered)
        .map(|m| m.1.duration_sec)
        .sum();
    assert_eq!(total.total_calls, Some(50));
    assert_eq!(total.total_talk_time_sec, Some(talk));
    assert_eq!(total.total_unique_callers, Some(50));
    assert_eq!(
        total.total_call_time_sec.as_deref(),
        Some(
            made.iter()
                .map(|m| m.1.duration_sec)
                .sum::<u32>()
                .to_string()
                .as_str()
        )
    );
    let per_number = metrics(&["vn"]);
    assert_eq!(per_number.len(), numbers.len());
    for row in &per_number {
        let vn = row.voxnumber.clone().unwrap();
        assert_eq!(
            row.total_calls,
            Some(count(&|m| m.1.voxnumber == vn) as u32),
            "{vn}"
        );
    }

    // Recordings.
    let (recorded, _, _) = made.iter().find(|m| m.1.recording).unwrap();
    let audio = c
        .call::<GetCallRecording>(recorded, &CallOptions::default())
        .unwrap();
    assert!(
        audio.len() > 10_000 && audio[..2] == [0xFF, 0xFB],
        "MP3 frames"
    );
    let (plain, _, _) = made.iter().find(|m| !m.1.recording).unwrap();
    let e = c
        .call::<GetCallRecording>(plain, &CallOptions::default())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Api);
    assert!(e.messages()[0].contains("has no recording"), "{e}");
    // A missed call that was recorded left a voicemail; an answered one did not.
    use iovox_core::method::GetVoicemailRecording;
    let (left, _, _) = made
        .iter()
        .find(|m| m.1.recording && !m.1.answered)
        .unwrap();
    let voicemail = c
        .call::<GetVoicemailRecording>(left, &CallOptions::default())
        .unwrap();
    assert_eq!(voicemail[..2], [0xFF, 0xFB]);
    let (answered, _, _) = made.iter().find(|m| m.1.recording && m.1.answered).unwrap();
    let e = c
        .call::<GetVoicemailRecording>(answered, &CallOptions::default())
        .unwrap_err();
    assert!(e.messages()[0].contains("has no voicemail"), "{e}");
    // What the sandbox refuses to simulate.
    assert!(sb
        .simulate_call(&SimulatedCall::new("449999999999", "447966111222"))
        .is_err());
}

/// setCallStatus: a number on a link switched OFF and back ON, as getVoxnumbers reads it;
/// a number without a link, or not in the account, refused with the page's words.
#[test]
fn call_status_switches_attached_numbers() {
    use iovox_core::method::SetCallStatus;
    use iovox_http::{CallOptions, CallStatusRequest};
    let sb = sandbox();
    let c = client(&sb);
    let o = CallOptions::default();
    let state = sb.state();
    let linked = state
        .voxnumbers
        .iter()
        .find(|n| n.link_id.is_some())
        .unwrap();
    let free = state
        .voxnumbers
        .iter()
        .find(|n| n.link_id.is_none())
        .unwrap();
    let status = |number: &str| {
        c.get_voxnumbers(&VoxnumbersRequest::new().voxnumber(number))
            .unwrap()
            .results[0]
            .call_status
    };
    c.call::<SetCallStatus>(
        &CallStatusRequest::new("OFF", [linked.full_voxnumber.as_str()]),
        &o,
    )
    .unwrap();
    assert_eq!(status(&linked.full_voxnumber), Some(CallStatus::Off));
    c.call::<SetCallStatus>(
        &CallStatusRequest::new("ON", [linked.full_voxnumber.as_str()]),
        &o,
    )
    .unwrap();
    assert_eq!(status(&linked.full_voxnumber), Some(CallStatus::On));
    let e = c
        .call::<SetCallStatus>(
            &CallStatusRequest::new("OFF", [free.full_voxnumber.as_str(), "449999999999"]),
            &o,
        )
        .unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "VoxNumber 1 of 2 is not attached to a Link",
            "VoxNumber 2 of 2 does not exist"
        ]
    );
}

/// createNodeFull makes a node, its links and their numbers in one call, all of it or
/// none; getNodeDetails shows the node as it stands: links, numbers, rule template, rules
/// and categories. A repeat answers "already exists" and is not retried.
#[test]
fn a_whole_node_is_made_in_one_call_and_read_back_in_depth() {
    use iovox_core::method::{CreateNodeFull, GetNodeDetails};
    use iovox_http::{
        AssignedStatus, CallOptions, LinksRequest, NodeDetailsRequest, VoxnumbersRequest,
    };
    let sb = sandbox();
    let c = client(&sb);
    let o = CallOptions::default();
    let free = c
        .get_voxnumbers(&VoxnumbersRequest::new().assigned_status(AssignedStatus::Unassigned))
        .unwrap();
    let number = free.results[0].voxnumber.clone().unwrap();
    let node = serde_json::json!({
        "node_id": "Westbourne", "node_name": "Westbourne Apartments", "node_type": "Property",
        "links": [
            {"link_id": "W-web", "link_name": "Website", "link_type": "Web",
             "rule_template_name": "Call Sales",
             "rules_variable": [{"rule_id": "call", "rule_type": "call", "rule_label": "Call",
                                 "contact": {"contact_id": "Sales", "business_phone": "442071234000"},
                                 "caller_message": ["Greetings|Welcome"]}],
             "assign_voxnumber": {"method": "BY VOXNUMBER", "full_voxnumber": number},
             "categories": [{"category_id": "Campaign", "value": "Spring"}]},
            {"link_id": "W-print", "link_name": "Magazine", "link_type": "Print"}
        ]
    });
    let made = c.call::<CreateNodeFull>(&node, &o).unwrap();
    assert_eq!(
        made,
        serde_json::json!({"node_id": "Westbourne", "links": [{"link_id": "W-web"}, {"link_id": "W-print"}]})
    );
    let links = c
        .get_links(&LinksRequest::new().node_id("Westbourne").order("lid_DESC"))
        .unwrap();
    let numbers: Vec<_> = (links.results.iter())
        .map(|l| (l.link_id.clone().unwrap(), l.voxnumber.clone()))
        .collect();
    assert_eq!(
        numbers,
        [
            ("W-web".to_string(), Some(number.clone())),
            ("W-print".to_string(), None)
        ]
    );

    let details = c
        .call::<GetNodeDetails>(
            &NodeDetailsRequest::new()
                .node_id("Westbourne")
                .return_voxnumber("true"),
            &o,
        )
        .unwrap();
    assert_eq!(details["node_name"], "Westbourne Apartments");
    let link = |id: &str| {
        (details["links"].as_array().unwrap().iter())
            .find(|l| l["link_id"] == id)
            .unwrap()
            .clone()
    };
    let web = &link("W-web");
    assert_eq!(web["voxnumber"], number.as_str());
    assert_eq!(web["rule_template_name"], "Call Sales");
    assert_eq!(
        web["rules"][0]["contact"],
        serde_json::json!({"contact_id": "Sales", "phone_number": "442071234000"})
    );
    assert_eq!(
        web["rules"][0]["caller_message"],
        serde_json::json!(["Greetings|Welcome"])
    );
    assert_eq!(
        web["cats"][0],
        serde_json::json!({"category_id": "Campaign", "value": "Spring"})
    );
    assert_eq!(link("W-print")["link_name"], "Magazine");
    assert_eq!(link("W-print")["voxnumber"], serde_json::Value::Null);
    let one = c
        .call::<GetNodeDetails>(
            &NodeDetailsRequest::new()
                .node_id("Westbourne")
                .link_id("W-print"),
            &o,
        )
        .unwrap();
    assert_eq!(one["links"].as_array().unwrap().len(), 1);
    let e = c
        .call::<GetNodeDetails>(&NodeDetailsRequest::new().node_id("Nowhere"), &o)
        .unwrap_err();
    assert_eq!(e.messages(), ["Node ID Doesn't exist"]);

    // Repeated: refused as IOVOX refuses it, sent once (not after it may have arrived).
    let before = sb.stats().requests;
    let e = c.call::<CreateNodeFull>(&node, &o).unwrap_err();
    assert_eq!(e.messages(), ["Node ID 1 of 1 already exists"]);
    assert_eq!(sb.stats().requests, before + 1);

    // All or none: a link whose number is taken leaves no node and no link behind.
    let taken = serde_json::json!({
        "node_id": "Eastbourne", "node_name": "Eastbourne", "node_type": "Property",
        "links": [{"link_id": "E-web", "link_name": "Website", "link_type": "Web",
                   "assign_voxnumber": {"method": "BY VOXNUMBER", "full_voxnumber": number}}]
    });
    let e = c.call::<CreateNodeFull>(&taken, &o).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Api, "{e}");
    let e = c
        .call::<GetNodeDetails>(&NodeDetailsRequest::new().node_id("Eastbourne"), &o)
        .unwrap_err();
    assert_eq!(e.messages(), ["Node ID Doesn't exist"]);
    assert!(c
        .get_links(&LinksRequest::new().link_id("E-web"))
        .unwrap()
        .results
        .is_empty());

    // Checked before sending: the node's own words; nothing leaves.
    let before = sb.stats().requests;
    let bad = serde_json::json!({"node_id": "", "node_type": "Property", "node_date": "2026-13-01", "links": []});
    let e = c.call::<CreateNodeFull>(&bad, &o).unwrap_err();
    assert_eq!(
        e.messages(),
        [
            "Node ID 1 of 1 Empty",
            "Node Name 1 of 1 Empty",
            "Node Date 1 of 1 Invalid"
        ]
    );
    let e = c
        .call::<GetNodeDetails>(
            &NodeDetailsRequest::new()
                .node_id("W")
                .req_fields(["nid", "xx"]),
            &o,
        )
        .unwrap_err();
    assert_eq!(e.messages(), ["Required Fields Invalid: xx"]);
    assert_eq!(sb.stats().requests, before);
}
