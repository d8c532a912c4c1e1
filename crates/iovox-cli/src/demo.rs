//! `iovox demo`: the SDK end to end against a sandbox and a callback listener started inside
//! this process. Every step prints what it did and what came back.

use crate::output::order_text;
use iovox_core::method::{CreateLinks, CreateNodes, DeleteNodes, GetCallRecording};
use iovox_core::{
    AssignedStatus, AttachRequest, ByPostcode, CallDataRequest, DeleteVoxnumbersRequest,
    DetachRequest, IdsRequest, Link, LinksRequest, NodesRequest, NumberType, OrderStatus,
    PurchaseItem, PurchaseRequest, Records, RegionsRequest, VoxnumbersRequest,
};
use iovox_http::{receive_callback, CallOptions, Client, Error};
use iovox_sandbox::{CallbackListener, Config, Restock, Sandbox, SimulatedCall};
use std::time::Duration;

fn step(n: u32, title: &str) {
    say!("\n[{n}] {title}");
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}\n"))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Runs the demo; returns the process exit code.
pub fn run() -> u8 {
    match demo() {
        Ok(()) => {
            say!("\nDemo finished: every step behaved as IOVOX documents.");
            0
        }
        Err(message) => {
            eprintln!("\ndemo failed: {message}");
            1
        }
    }
}

fn item(cc: u32, area: u32, number_type: NumberType, quantity: u32) -> PurchaseItem {
    let mut i = PurchaseItem::new(cc, number_type, quantity);
    i.area_code = Some(area);
    i
}

fn demo() -> Result<(), String> {
    let e = |e: Error| e.to_string();
    step(0, "Start a local IOVOX sandbox and a callback listener");
    let sandbox = Sandbox::start(Config::default()).map_err(|e| e.to_string())?;
    let listener = CallbackListener::start(0).map_err(|e| e.to_string())?;
    say!(
        "    sandbox  {}  (Liverpool 0151 has 2 numbers in stock)",
        sandbox.url()
    );
    say!("    callback {}", listener.url());
    let client = Client::new(
        iovox_http::Credentials::new(sandbox.username(), sandbox.secure_key()),
        sandbox.url(),
    )
    .map_err(e)?;

    let o = CallOptions::default();
    step(
        1,
        "createNodes and createLinks: a property, and a link for its web listing",
    );
    let node = Records::new().record([
        ("node_id", "westbourne"),
        ("node_name", "Westbourne Apartments"),
        ("node_type", "Property"),
    ]);
    client.call::<CreateNodes>(&node, &o).map_err(e)?;
    let link = Records::new().record([
        ("node_id", "westbourne"),
        ("link_id", "westbourne-web"),
        ("link_name", "Website"),
        ("link_type", "Web"),
    ]);
    client.call::<CreateLinks>(&link, &o).map_err(e)?;
    for n in client
        .get_nodes(&NodesRequest::new().node_id("westbourne"))
        .map_err(e)?
        .results
    {
        say!(
            "    node {} ({}) has link {}",
            n.node_id.as_deref().unwrap_or("-"),
            n.node_name.as_deref().unwrap_or("-"),
            n.link_id.as_deref().unwrap_or("-")
        );
    }

    step(
        2,
        "getVoxnumberRegions: where in the UK can geographic numbers be bought?",
    );
    let regions = client
        .get_voxnumber_regions(
            &RegionsRequest::new()
                .country_code(44)
                .number_type(NumberType::Geographic),
        )
        .map_err(e)?;
    for r in &regions.results {
        say!(
            "    +{} {:<5} {}",
            r.country_code.unwrap_or(0),
            r.area_code.unwrap_or(0),
            r.city_name.as_deref().unwrap_or("-")
        );
    }
    if !regions
        .results
        .iter()
        .any(|r| r.area_code == Some(151) && r.city_name.as_deref() == Some("Liverpool"))
    {
        return Err("expected Liverpool among the regions".into());
    }

    step(
        3,
        "purchaseVoxNumbers: 3 in Liverpool (only 2 in stock) and 1 in London",
    );
    let callback_url = listener.url_with_credentials("demo", "callback-password");
    let request = PurchaseRequest {
        callback_url: Some(callback_url.clone()),
        items: vec![
            item(44, 151, NumberType::Geographic, 3),
            item(44, 20, NumberType::Geographic, 1),
        ],
        ..Default::default()
    };
    let order = client.purchase_vox_numbers(&request).map_err(e)?;
    say!("{}", indent(&order_text(&order)));
    if order.order_status != OrderStatus::Pending {
        return Err("expected a PENDING order".into());
    }

    step(4, "Stock arrives: the sandbox POSTs the <order> callback");
    sandbox.restock(&Restock {
        country_code: Some(44),
        area_code: Some(151),
        count: 5,
        ..Default::default()
    });
    let received = listener.wait_for(1, Duration::from_secs(10));
    let callback = received.first().ok_or("no callback arrived within 10 s")?;
    // The one entry point: the basic auth of the callback URL, then the body.
    let update = receive_callback(
        &callback_url,
        callback.authorization.as_deref(),
        &callback.body,
    )
    .map_err(|e| e.to_string())?;
    say!("    basic auth from the callback URL checks out");
    say!("{}", indent(&order_text(&update)));
    if update.order_reference != order.order_reference
        || update.order_status != OrderStatus::Fulfilled
    {
        return Err("expected the same order, FULFILLED".into());
    }

    step(5, "getVoxnumbers: the account's unassigned numbers");
    let free = client
        .get_voxnumbers(&VoxnumbersRequest::new().assigned_status(AssignedStatus::Unassigned))
        .map_err(e)?;
    for n in &free.results {
        say!(
            "    +{:<15} {}",
            n.voxnumber.as_deref().unwrap_or("-"),
            n.assigned_status.map_or("-", |s| s.as_str())
        );
    }
    say!("    {} unassigned", free.total_results.unwrap_or(0));

    step(
        6,
        "attachVoxnumberToLink: BY VOXNUMBER, BY AREA and BY POSTCODE in one request",
    );
    let bought = &update.voxnumbers[0].full_voxnumber;
    let links = AttachRequest::new(vec![
        Link::by_voxnumber("333", bought.as_str()),
        Link::by_area("444", 44, 151),
        Link::by_area("westbourne-web", 44, 151),
        Link::new(
            "555",
            ByPostcode::new("UNITED KINGDOM", "SW1A 0AA").fallback_area_distance(20),
        ),
    ]);
    client.attach_voxnumber_to_link(&links).map_err(e)?;
    for n in sandbox
        .state()
        .voxnumbers
        .iter()
        .filter(|n| n.link_id.is_some())
    {
        say!(
            "    link {:>4} <- +{}",
            n.link_id.as_deref().unwrap_or(""),
            n.full_voxnumber
        );
    }

    step(7, "getLinks: the links and their numbers");
    let page = client.get_links(&LinksRequest::new()).map_err(e)?;
    for l in page.results.iter().filter(|l| l.voxnumber.is_some()) {
        say!(
            "    link {:>4} {:<10} <- +{}",
            l.link_id.as_deref().unwrap_or(""),
            l.link_name.as_deref().unwrap_or(""),
            l.voxnumber.as_deref().unwrap_or("")
        );
    }

    step(
        8,
        "A call arrives on the Westbourne number (simulated), and it is recorded",
    );
    let tracking = client
        .get_voxnumbers(&VoxnumbersRequest::new().link_id("westbourne-web"))
        .map_err(e)?
        .results
        .into_iter()
        .next()
        .and_then(|n| n.voxnumber)
        .ok_or("westbourne-web has no number")?;
    let mut call = SimulatedCall::new(tracking.as_str(), "447966111222");
    call.duration_sec = 95;
    call.recording = true;
    let call_id = sandbox.simulate_call(&call)?;
    say!("    +447966111222 called +{tracking} for 95 s");

    step(9, "getCallData: the calls to that number this month");
    let calls = client
        .get_call_data(&CallDataRequest::new().voxnumber(tracking.as_str()))
        .map_err(e)?;
    for c in &calls.results {
        say!(
            "    {} {} from +{} to link {} ({}), {} s, recorded: {}",
            c.id.as_deref().unwrap_or("-"),
            c.call_start.as_deref().unwrap_or("-"),
            c.call_origin.as_deref().unwrap_or("-"),
            c.link_id.as_deref().unwrap_or("-"),
            c.node_name.as_deref().unwrap_or("-"),
            c.call_time_sec.unwrap_or(0),
            c.has_recording == Some(true)
        );
    }
    if calls.results.len() != 1 {
        return Err("expected the one call".into());
    }

    step(10, "getCallRecording: save the call's audio");
    let audio = client.call::<GetCallRecording>(&call_id, &o).map_err(e)?;
    let file = std::env::temp_dir().join(format!("iovox-demo-{}.mp3", std::process::id()));
    iovox_http::save_recording(&audio, &file).map_err(|e| e.to_string())?;
    say!(
        "    wrote {} bytes of MP3 to {}",
        audio.len(),
        file.display()
    );
    let _ = std::fs::remove_file(&file);

    step(
        11,
        "getCallMetrics: the month's figures for the Westbourne node",
    );
    let mut figures = iovox_core::CallMetricsRequest::new().filter("node_id", "westbourne");
    figures.req_fields = vec!["tc".into(), "tcts".into(), "tuc".into()];
    for m in client.get_call_metrics(&figures).map_err(e)?.results {
        say!(
            "    {} call(s), {} s in all, {} caller(s)",
            m.total_calls.unwrap_or(0),
            m.total_call_time_sec.as_deref().unwrap_or("0"),
            m.total_unique_callers.unwrap_or(0)
        );
    }

    step(
        12,
        "removeVoxnumberFromLink: detach link 444; its number goes back to the pool",
    );
    let detached = client
        .get_voxnumbers(&VoxnumbersRequest::new().link_id("444"))
        .map_err(e)?
        .results
        .into_iter()
        .next()
        .and_then(|n| n.voxnumber)
        .ok_or("link 444 has no number")?;
    client
        .remove_voxnumber_from_link(&DetachRequest::new(["444"]))
        .map_err(e)?;
    let now = client
        .get_voxnumbers(&VoxnumbersRequest::new().voxnumber(detached.as_str()))
        .map_err(e)?;
    say!(
        "    detached link 444: +{detached} is {}",
        now.results
            .first()
            .and_then(|n| n.assigned_status)
            .map_or("?", |s| s.as_str())
    );

    step(
        13,
        "deleteVoxnumbersFromAccount: give that number back to IOVOX for good",
    );
    client
        .delete_voxnumbers_from_account(&DeleteVoxnumbersRequest::new([detached.as_str()]))
        .map_err(e)?;
    let gone = client
        .get_voxnumbers(&VoxnumbersRequest::new().voxnumber(detached.as_str()))
        .map_err(e)?;
    if !gone.results.is_empty() {
        return Err("the number is still in the account".into());
    }
    say!("    gave back +{detached}; the account no longer lists it");

    step(14,
        "Leave nothing behind: detach and give back the Westbourne number, deleteNodes the property and its link",
    );
    client
        .remove_voxnumber_from_link(&DetachRequest::new(["westbourne-web"]))
        .map_err(e)?;
    client
        .delete_voxnumbers_from_account(&DeleteVoxnumbersRequest::new([tracking.as_str()]))
        .map_err(e)?;
    client
        .call::<DeleteNodes>(&IdsRequest::new(["westbourne"]), &o)
        .map_err(e)?;
    let left = client
        .get_nodes(&NodesRequest::new().node_id("westbourne"))
        .map_err(e)?;
    if !left.results.is_empty() || sandbox.state().links.contains("westbourne-web") {
        return Err("the node or its link is still there".into());
    }
    say!("    detached and gave back +{tracking}; node westbourne and its link are gone: nothing left behind");

    step(15, "A validation error: caught before anything is sent");
    let mut bad = item(44, 20, NumberType::Geographic, 0);
    bad.area_code = None;
    let invalid = PurchaseRequest::new(vec![item(44, 20, NumberType::Geographic, 1), bad]);
    match client.purchase_vox_numbers(&invalid) {
        Err(Error::Validation(errors)) => {
            for x in errors.iter() {
                say!("    {:<28} {}", x.code.as_str(), x.message);
            }
        }
        other => return Err(format!("expected a validation error, got {other:?}")),
    }

    step(16, "An API error: a link that does not exist");
    let missing = AttachRequest::new(vec![Link::by_area("999", 44, 20)]);
    match client.attach_voxnumber_to_link(&missing) {
        Err(err @ Error::Api { .. }) => {
            say!(
                "    HTTP {}: {}",
                err.status().unwrap_or(0),
                err.messages().join("; ")
            );
        }
        other => return Err(format!("expected an API error, got {other:?}")),
    }
    let stats = sandbox.stats();
    say!(
        "\n    the sandbox served {} requests over {} connection(s); {} order(s) made",
        stats.requests,
        stats.connections,
        stats.purchases
    );
    Ok(())
}
