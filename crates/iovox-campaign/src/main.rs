//! The fault campaign: thousands of calls through the Rust client against the sandbox,
//! each with a fault drawn from a seeded generator (500s, answers slower than the
//! timeout, connections cut mid-answer, bodies that are not XML, oversized bodies), and
//! every callback received also fed to `parse_callback` in malformed variants.
//!
//! Calls are purchases, attaches, lists (getVoxnumbers, safe to repeat) and gives-back
//! (deleteVoxnumbersFromAccount, never repeated once it may have arrived).
//!
//! It checks, and prints as figures: every call ended in the result or the typed error its
//! fault calls for, within its deadline; no purchase reached the sandbox twice unless the
//! lane opted in, and no delete twice even then; no number sold twice or lost (stock + sold = start + restocked, every
//! number seen is in the account once); no connection or thread left behind.
//!
//! `cargo run -p iovox-campaign -- [--seed N] [--calls N]` (calls per lane; 4 lanes, one of
//! which opts in to `retry_purchase_after_send`). Exits 1 on any violation.
#![forbid(unsafe_code)]

use iovox_core::OrderStatus;
use iovox_core::{
    AssignedStatus, AttachRequest, DeleteVoxnumbersRequest, Link, NumberType, Order, PurchaseItem,
    PurchaseRequest, VoxnumbersRequest,
};
use iovox_http::{Client, Error, ErrorKind, RetryPolicy};
use iovox_sandbox::{CallbackListener, Config, Fault, Restock, Sandbox};
use std::collections::{BTreeMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// A recognisable key: the secret-hygiene check looks for it in everything printed.
const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";
const TIMEOUT: Duration = Duration::from_millis(200);
const SLOW: Duration = Duration::from_millis(500);
const ATTEMPTS: u32 = 3;
const MAX_BACKOFF: Duration = Duration::from_millis(20);
const MAX_BODY: u64 = 64 * 1024;
const LANES: u64 = 4;
/// Regions of the default sandbox state that need no address (44/161 has no stock).
const REGIONS: &[(u32, u32, NumberType)] = &[
    (44, 20, NumberType::Geographic),
    (44, 151, NumberType::Geographic),
    (44, 161, NumberType::Geographic),
    (44, 845, NumberType::National),
    (44, 800, NumberType::TollFree),
    (1, 212, NumberType::Geographic),
    (1, 646, NumberType::Geographic),
    (1, 914, NumberType::Geographic),
    (1, 415, NumberType::Geographic),
];
const LINKS: &[&str] = &[
    "100", "101", "102", "103", "104", "105", "333", "444", "555",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Injected {
    None,
    Status500,
    Slow,
    Drop,
    NotXml,
    Oversized,
}

impl Injected {
    fn draw(rng: &mut fastrand::Rng) -> Injected {
        match rng.u32(0..100) {
            0..40 => Injected::None,
            40..52 => Injected::Status500,
            52..60 => Injected::Slow,
            60..74 => Injected::Drop,
            74..88 => Injected::NotXml,
            _ => Injected::Oversized,
        }
    }

    fn fault(self) -> Option<Fault> {
        match self {
            Injected::None => None,
            Injected::Status500 => Some(Fault::InternalError),
            Injected::Slow => Some(Fault::Slow(SLOW)),
            Injected::Drop => Some(Fault::Drop),
            Injected::NotXml => Some(Fault::NotXml),
            Injected::Oversized => Some(Fault::Oversized(MAX_BODY as usize * 2)),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Injected::None => "none",
            Injected::Status500 => "500",
            Injected::Slow => "slow past timeout",
            Injected::Drop => "dropped mid-answer",
            Injected::NotXml => "not XML (502)",
            Injected::Oversized => "oversized body",
        }
    }
}

/// What a call may end in, given its fault, its method and whether purchases are retried
/// after sending. `Ok` stands for success; attach may also meet a business 400.
/// What a call does to the account, and so how it may be repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// purchaseVoxNumbers: repeated after sending only when the lane opts in.
    Purchase,
    /// attachVoxnumberToLink: safe to repeat.
    Attach,
    /// getVoxnumbers: safe to repeat.
    List,
    /// deleteVoxnumbersFromAccount: never repeated once it may have arrived, opt-in or not.
    Delete,
    /// createNodes, or createLinks under a node made before: never repeated once they may
    /// have arrived.
    Node,
    /// getCallData over the calls the sandbox was told of: safe to repeat.
    Calls,
    /// createCategories, a top category or one under a category made before, then
    /// getCategories of its level: the create never repeated once it may have arrived,
    /// the read safe to repeat.
    Category,
    /// createSoundFiles with audio of every byte value, then getSoundFileData of it: the
    /// create never repeated once it may have arrived, the read safe to repeat and equal
    /// to what was sent, byte for byte.
    Sound,
    /// initiateCall on a link of the account: never repeated once it may have arrived (a
    /// repeat places a second call).
    Initiate,
    /// createContacts: never repeated once it may have arrived.
    Contact,
    /// attachRuleTemplateToLinks (never repeated once it may have arrived), then
    /// removeRuleTemplateFromLinks (safe to repeat).
    Template,
    /// createCallFlow: never repeated once it may have arrived.
    Flow,
    /// createBlockedNumbers, createTimeTemplates or createCategoryConfigurations, drawn in
    /// turn: never repeated once they may have arrived.
    Setup,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Purchase => "purchase",
            Kind::Attach => "attach",
            Kind::List => "list",
            Kind::Delete => "delete",
            Kind::Node => "create",
            Kind::Calls => "calls",
            Kind::Category => "category",
            Kind::Sound => "sound",
            Kind::Initiate => "initiate",
            Kind::Contact => "contact",
            Kind::Template => "template",
            Kind::Flow => "flow",
            Kind::Setup => "setup",
        }
    }
}

fn allowed(fault: Injected, kind: Kind, opted_in: bool) -> &'static [&'static str] {
    let purchase = kind == Kind::Purchase;
    let opted_in = opted_in && purchase;
    // 5xx are retried for the methods safe to repeat, and for opted-in purchases.
    let retried = matches!(kind, Kind::Attach | Kind::List | Kind::Calls) || opted_in;
    let read = matches!(kind, Kind::List | Kind::Calls);
    match fault {
        Injected::None => match kind {
            Kind::Purchase
            | Kind::List
            | Kind::Calls
            | Kind::Node
            | Kind::Category
            | Kind::Sound
            | Kind::Initiate
            | Kind::Contact
            | Kind::Template
            | Kind::Flow
            | Kind::Setup => &["ok"],
            // A link that does not exist; a number attached, or already given back.
            Kind::Attach | Kind::Delete => &["ok", "api 400"],
        },
        Injected::Status500 if retried && read => &["ok"],
        Injected::NotXml if retried && read => &["ok"],
        Injected::Status500 if retried => &["ok", "api 400"],
        Injected::Status500 => &["api 500"],
        Injected::NotXml if retried => &["ok", "api 400"],
        Injected::NotXml => &["api 502"],
        // A timeout or a cut answer after the bytes went out: only an opted-in purchase tries again.
        Injected::Slow if purchase && opted_in => &["ok"],
        Injected::Slow => &["timeout"],
        Injected::Drop if purchase && opted_in => &["ok"],
        Injected::Drop => &["connection (maybe sent)"],
        Injected::Oversized if purchase && opted_in => &["ok"],
        Injected::Oversized => &["decode"],
    }
}

fn outcome_name(result: &Result<Option<Order>, Error>) -> String {
    match result {
        Ok(_) => "ok".into(),
        Err(Error::Connection {
            maybe_sent: true, ..
        }) => "connection (maybe sent)".into(),
        Err(e) => match (e.kind(), e.status()) {
            (ErrorKind::Api | ErrorKind::Authentication, Some(s)) => format!("api {s}"),
            (kind, _) => kind.as_str().into(),
        },
    }
}

#[derive(Default)]
struct Figures {
    calls: u64,
    purchases: u64,
    attaches: u64,
    faults: BTreeMap<&'static str, u64>,
    outcomes: BTreeMap<String, u64>,
    worst_fraction_of_deadline: f64,
    repeated_purchases: u64,
    repeated_purchases_opted_in: u64,
    lists: u64,
    deletes: u64,
    delete_requests_received: u64,
    creates: u64,
    create_requests_received: u64,
    categories: u64,
    category_requests_received: u64,
    categories_maybe: u64,
    sounds: u64,
    sound_requests_received: u64,
    sounds_maybe: u64,
    initiates: u64,
    initiate_requests_received: u64,
    initiates_placed: u64,
    contacts: u64,
    contact_requests_received: u64,
    templates: u64,
    template_requests_received: u64,
    flows: u64,
    flow_requests_received: u64,
    setups: u64,
    setup_requests_received: u64,
    nodes_maybe: u64,
    links_made: u64,
    call_reads: u64,
    start_stock: u64,
    restocked: u64,
    stock: u64,
    sold: u64,
    numbers_seen: u64,
    numbers_unseen: u64,
    maybe_sent_quantity: u64,
    callbacks: u64,
    callbacks_delivered: u64,
    orders_checked: u64,
    malformed_callbacks: u64,
    malformed_rejected: u64,
    panics: u64,
    violations: Vec<String>,
}

impl Figures {
    fn add(&mut self, o: Figures) {
        self.calls += o.calls;
        self.purchases += o.purchases;
        self.attaches += o.attaches;
        for (k, v) in o.faults {
            *self.faults.entry(k).or_default() += v;
        }
        for (k, v) in o.outcomes {
            *self.outcomes.entry(k).or_default() += v;
        }
        self.worst_fraction_of_deadline = self
            .worst_fraction_of_deadline
            .max(o.worst_fraction_of_deadline);
        self.repeated_purchases += o.repeated_purchases;
        self.lists += o.lists;
        self.deletes += o.deletes;
        self.delete_requests_received += o.delete_requests_received;
        self.creates += o.creates;
        self.nodes_maybe += o.nodes_maybe;
        self.links_made += o.links_made;
        self.create_requests_received += o.create_requests_received;
        self.categories += o.categories;
        self.category_requests_received += o.category_requests_received;
        self.categories_maybe += o.categories_maybe;
        self.sounds += o.sounds;
        self.sound_requests_received += o.sound_requests_received;
        self.sounds_maybe += o.sounds_maybe;
        self.initiates += o.initiates;
        self.initiate_requests_received += o.initiate_requests_received;
        self.initiates_placed += o.initiates_placed;
        self.contacts += o.contacts;
        self.contact_requests_received += o.contact_requests_received;
        self.templates += o.templates;
        self.template_requests_received += o.template_requests_received;
        self.flows += o.flows;
        self.flow_requests_received += o.flow_requests_received;
        self.setups += o.setups;
        self.setup_requests_received += o.setup_requests_received;
        self.call_reads += o.call_reads;
        self.repeated_purchases_opted_in += o.repeated_purchases_opted_in;
        self.start_stock += o.start_stock;
        self.restocked += o.restocked;
        self.stock += o.stock;
        self.sold += o.sold;
        self.numbers_seen += o.numbers_seen;
        self.numbers_unseen += o.numbers_unseen;
        self.maybe_sent_quantity += o.maybe_sent_quantity;
        self.callbacks += o.callbacks;
        self.callbacks_delivered += o.callbacks_delivered;
        self.orders_checked += o.orders_checked;
        self.malformed_callbacks += o.malformed_callbacks;
        self.malformed_rejected += o.malformed_rejected;
        self.panics += o.panics;
        self.violations.extend(o.violations);
    }
}

fn deadline() -> Duration {
    // Every attempt may use its whole timeout, every wait its longest backoff; then a
    // second of slack, what a loaded 2-core machine may add to one call.
    (TIMEOUT + MAX_BACKOFF) * ATTEMPTS + Duration::from_secs(1)
}

/// What a successful purchase must hold, against its own request: numbers only in the
/// regions asked for, no more than asked in each, all of them when FULFILLED (unless the
/// quantity is dynamic), fewer when PENDING.
fn check_order(order: &Order, request: &PurchaseRequest) -> Vec<String> {
    use std::collections::BTreeMap;
    let mut asked: BTreeMap<(u32, Option<u32>), u32> = BTreeMap::new();
    for i in &request.items {
        *asked.entry((i.country_code, i.area_code)).or_default() += i.quantity;
    }
    let mut got: BTreeMap<(u32, Option<u32>), u32> = BTreeMap::new();
    for n in &order.voxnumbers {
        *got.entry((n.country_code, Some(n.area_code))).or_default() += 1;
    }
    let mut problems: Vec<String> = got
        .iter()
        .filter(|(k, v)| **v > asked.get(k).copied().unwrap_or(0))
        .map(|(k, v)| format!("{v} numbers in {k:?}, asked {:?}", asked.get(k)))
        .collect();
    let (got_n, asked_n): (u32, u32) = (got.values().sum(), asked.values().sum());
    match order.order_status {
        OrderStatus::Fulfilled if !request.dynamic_quantity && got_n != asked_n => {
            problems.push(format!("FULFILLED with {got_n} of {asked_n} numbers"))
        }
        OrderStatus::Pending if request.dynamic_quantity || got_n >= asked_n => {
            problems.push(format!("PENDING with {got_n} of {asked_n} numbers"))
        }
        _ => {}
    }
    problems
}

fn stock(state: &iovox_sandbox::State) -> u64 {
    state.regions.iter().map(|r| u64::from(r.stock)).sum()
}

fn purchase_request(rng: &mut fastrand::Rng, callback_url: String) -> (PurchaseRequest, u64) {
    let mut items = Vec::new();
    let mut quantity = 0;
    for _ in 0..rng.usize(1..=2) {
        let (cc, area, number_type) = REGIONS[rng.usize(..REGIONS.len())];
        let q = rng.u32(1..=3);
        quantity += u64::from(q);
        let mut item = PurchaseItem::new(cc, number_type, q);
        item.area_code = Some(area);
        items.push(item);
    }
    let mut request = PurchaseRequest::new(items);
    request.callback_url = Some(callback_url);
    request.dynamic_quantity = rng.bool();
    (request, quantity)
}

fn attach_request(rng: &mut fastrand::Rng, seen: &[String]) -> AttachRequest {
    let link = LINKS[rng.usize(..LINKS.len())];
    let l = match seen.get(rng.usize(..seen.len().max(1))) {
        Some(number) if rng.bool() => Link::by_voxnumber(link, number.clone()),
        _ => {
            let (cc, area, _) = REGIONS[rng.usize(..REGIONS.len())];
            Link::by_area(link, cc, area)
        }
    };
    AttachRequest::new(vec![l])
}

/// Malformed variants of a callback body a handler may be sent, each with whether it must
/// be refused. Only a flipped bit may leave a body that still parses (a digit for a
/// digit); every other variant is broken on purpose and must be a decode error.
fn malformed(rng: &mut fastrand::Rng, body: &[u8]) -> Vec<(Vec<u8>, bool)> {
    let text = String::from_utf8_lossy(body).into_owned();
    let cut = rng.usize(..body.len().max(1));
    let mut flipped = body.to_vec();
    if !flipped.is_empty() {
        let i = rng.usize(..flipped.len());
        flipped[i] ^= 1 << rng.u32(0..8);
    }
    let has_number = text.contains("<full_voxnumber>");
    vec![
        (body[..cut].to_vec(), true),
        (flipped, false),
        (text.replacen("</order>", "", 1).into_bytes(), true),
        // Only broken where the callback carries a number.
        (
            text.replacen("<full_voxnumber>", "<full_voxnumber><x>", 1)
                .into_bytes(),
            has_number,
        ),
        (
            text.replacen("FULFILLED", "SHIPPED", 1)
                .replacen("PENDING", "SHIPPED", 1)
                .into_bytes(),
            true,
        ),
        (
            text.replace(|c: char| c.is_ascii_digit(), "z").into_bytes(),
            has_number,
        ),
        (
            format!(
                "<!DOCTYPE order [<!ENTITY x \"{}\">]>{text}",
                "y".repeat(64)
            )
            .into_bytes(),
            true,
        ),
        (format!("{text}{text}").into_bytes(), true),
        ("<order>".repeat(20_000).into_bytes(), true),
        (vec![0xff, 0xfe, 0x00], true),
        (Vec::new(), true),
    ]
}

/// A method never repeated once it may have arrived: its `calls` calls reached the
/// sandbox as as many requests (every fault here acts after the request arrived).
fn reached_once(lane: u64, what: &str, calls: u64, received: u64) -> Option<String> {
    (received != calls)
        .then(|| format!("lane {lane}: {calls} {what} reached the sandbox as {received} requests"))
}

/// A thing a create reported made is in the account once: nothing lost, nothing twice.
fn kept_once(lane: u64, what: &str, key: &str, times: usize) -> Option<String> {
    (times != 1)
        .then(|| format!("lane {lane}: {what} {key} was made, and is in the account {times} times"))
}

fn lane(lane: u64, seed: u64, calls: u64, opted_in: bool) -> Figures {
    let mut f = Figures::default();
    let mut rng = fastrand::Rng::with_seed(seed.wrapping_mul(1_000_003).wrapping_add(lane));
    let sandbox = Sandbox::start(Config {
        secure_key: KEY.into(),
        callback_backoff: Duration::from_millis(10),
        ..Config::default()
    })
    .expect("the sandbox starts");
    let listener = CallbackListener::start(0).expect("the callback listener starts");
    let client = Client::builder(iovox_http::Credentials::new(sandbox.username(), KEY))
        .base_url(sandbox.url())
        .timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        .max_response_bytes(MAX_BODY)
        .retry(RetryPolicy {
            max_attempts: ATTEMPTS,
            initial_backoff: Duration::from_millis(5),
            max_backoff: MAX_BACKOFF,
            retry_purchase_after_send: opted_in,
        })
        .build()
        .expect("the client builds");
    let start = sandbox.state();
    f.start_stock = stock(&start);
    let initial_numbers: HashSet<String> = start
        .clone()
        .voxnumbers
        .into_iter()
        .map(|n| n.full_voxnumber)
        .collect();
    let mut seen: Vec<String> = Vec::new();
    let mut seen_set: HashSet<String> = HashSet::new();
    let mut note_numbers = |order: &Order, f: &mut Figures, seen: &mut Vec<String>| {
        for n in &order.voxnumbers {
            if !seen_set.insert(n.full_voxnumber.clone()) {
                f.violations.push(format!(
                    "lane {lane}: number {} handed out twice",
                    n.full_voxnumber
                ));
            }
            seen.push(n.full_voxnumber.clone());
        }
    };
    // Numbers a delete call named (it may or may not have reached the sandbox), and those
    // a delete call reported given back.
    let mut released: HashSet<String> = HashSet::new();
    let mut given_back: Vec<String> = Vec::new();
    let mut list_violations: Vec<String> = Vec::new();
    // Nodes a create reported made, and those whose answer was lost after sending.
    let mut nodes_made: Vec<String> = Vec::new();
    let mut nodes_maybe: Vec<String> = Vec::new();
    let mut links_made: Vec<String> = Vec::new();
    // Categories a create reported made (label "Campaign"), and those whose answer was lost.
    let mut categories_made: Vec<String> = Vec::new();
    let mut categories_maybe: Vec<String> = Vec::new();
    // Sound files a create reported made, with their audio, and those whose answer was lost.
    let mut sounds_made: Vec<(String, Vec<u8>)> = Vec::new();
    let mut sounds_maybe: Vec<String> = Vec::new();
    let mut contacts_made: Vec<String> = Vec::new();
    let mut flows_made: Vec<String> = Vec::new();
    // (what the create made, its key in the account's state) for each setup create
    // reported made.
    let mut setups_made: Vec<(&'static str, String)> = Vec::new();
    let mut calls_made = 0u64;
    for call in 0..calls {
        if call % 20 == 19 {
            let (cc, area, _) = REGIONS[rng.usize(..REGIONS.len())];
            let count = rng.u32(1..=6);
            sandbox.restock(&Restock {
                country_code: Some(cc),
                area_code: Some(area),
                count,
                ..Default::default()
            });
            // Counted here, from what was asked, not read back from the sandbox.
            let matching = start
                .regions
                .iter()
                .filter(|r| r.country_code == cc && r.area_code == area)
                .count() as u64;
            f.restocked += u64::from(count) * matching;
        }
        let fault = Injected::draw(&mut rng);
        let kind = match rng.u32(0..29) {
            0..12 => Kind::Purchase,
            12..16 => Kind::Attach,
            16..18 => Kind::List,
            18..20 if !seen.is_empty() => Kind::Delete,
            20 => Kind::Node,
            21 => Kind::Calls,
            22 => Kind::Category,
            23 => Kind::Sound,
            24 => Kind::Initiate,
            25 => Kind::Contact,
            26 => Kind::Template,
            27 => Kind::Flow,
            28 => Kind::Setup,
            _ => Kind::List,
        };
        let purchase = kind == Kind::Purchase;
        let mut quantity = 0;
        let started;
        let mut asked = None;
        let mut deleting = Vec::new();
        let result = match kind {
            Kind::Purchase => {
                let (request, q) = purchase_request(
                    &mut rng,
                    format!(
                        "{}?call={lane}-{call}",
                        listener.url_with_credentials("campaign", "hook")
                    ),
                );
                quantity = q;
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                let result =
                    catch_unwind(AssertUnwindSafe(|| client.purchase_vox_numbers(&request)))
                        .map(|r| r.map(Some));
                asked = Some(request);
                result
            }
            Kind::Attach => {
                let request = attach_request(&mut rng, &seen);
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                catch_unwind(AssertUnwindSafe(|| {
                    client.attach_voxnumber_to_link(&request)
                }))
                .map(|r| r.map(|()| None))
            }
            Kind::List => {
                let mut request = VoxnumbersRequest::new()
                    .limit(rng.u32(1..=50))
                    .page(rng.u32(1..=3));
                if rng.bool() {
                    request.assigned_status = Some(AssignedStatus::Unassigned);
                }
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                catch_unwind(AssertUnwindSafe(|| client.get_voxnumbers(&request))).map(|r| {
                    r.map(|page| {
                        if request.assigned_status.is_some()
                            && page
                                .results
                                .iter()
                                .any(|n| n.assigned_status != Some(AssignedStatus::Unassigned))
                        {
                            list_violations.push(format!(
                                "lane {lane} call {call}: an assigned number in a list of unassigned ones"
                            ));
                        }
                        None
                    })
                })
            }
            Kind::Node => {
                // One create per call, a node or (once there are nodes) a link under one:
                // the fault hits it; what was made is then kept in mind and must be in the
                // account at the end (nothing lost), made once.
                let link_under = (!nodes_made.is_empty() && rng.bool())
                    .then(|| nodes_made[rng.usize(..nodes_made.len())].clone());
                let id = match link_under {
                    Some(_) => format!("link-{lane}-{call}"),
                    None => format!("node-{lane}-{call}"),
                };
                let request = match &link_under {
                    Some(node) => iovox_http::Records::new().record([
                        ("node_id", node.as_str()),
                        ("link_id", id.as_str()),
                        ("link_name", id.as_str()),
                        ("link_type", "Web"),
                    ]),
                    None => iovox_http::Records::new().record([
                        ("node_id", id.as_str()),
                        ("node_name", "Campaign node"),
                        ("node_type", "Test"),
                    ]),
                };
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                let options = iovox_http::CallOptions::default();
                let result = catch_unwind(AssertUnwindSafe(|| match link_under {
                    Some(_) => client.call::<iovox_core::method::CreateLinks>(&request, &options),
                    None => client.call::<iovox_core::method::CreateNodes>(&request, &options),
                }))
                .map(|r| r.map(|()| None));
                let made = if link_under.is_some() {
                    &mut links_made
                } else {
                    &mut nodes_made
                };
                if matches!(result, Ok(Ok(_))) {
                    made.push(id);
                } else if matches!(fault, Injected::Slow | Injected::Drop) {
                    nodes_maybe.push(id);
                }
                result
            }
            Kind::Category => {
                // A category at the top of the label, or under one made before; then its
                // level is read back, which must hold every category made under it.
                let parent = (!categories_made.is_empty() && rng.bool())
                    .then(|| categories_made[rng.usize(..categories_made.len())].clone());
                let id = format!("cat-{lane}-{call}");
                let mut record = vec![
                    ("category_id", id.clone()),
                    ("label", "Campaign".to_string()),
                    ("value", id.clone()),
                ];
                if let Some(p) = &parent {
                    record.push(("parent_category_id", p.clone()));
                }
                let request = iovox_http::Records::new().record(record);
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                let result = catch_unwind(AssertUnwindSafe(|| client.create_categories(&request)))
                    .map(|r| r.map(|()| None));
                if matches!(result, Ok(Ok(_))) {
                    categories_made.push(id);
                    let level = match &parent {
                        Some(p) => {
                            iovox_http::CategoriesRequest::new().parent_category_id(p.as_str())
                        }
                        None => iovox_http::CategoriesRequest::new(),
                    };
                    let listed: HashSet<String> = match client.get_categories(&level) {
                        Ok(page) => page
                            .results
                            .into_iter()
                            .filter_map(|c| c.category_id)
                            .collect(),
                        Err(e) => {
                            list_violations.push(format!(
                                "lane {lane} call {call}: getCategories failed: {e}"
                            ));
                            HashSet::new()
                        }
                    };
                    let under = |c: &iovox_sandbox::CategoryInfo| {
                        c.label == "Campaign" && c.parent_category_id == parent
                    };
                    for c in sandbox.state().categories.iter().filter(|c| under(c)) {
                        if !listed.contains(&c.category_id) {
                            list_violations.push(format!(
                                "lane {lane} call {call}: getCategories left out {}",
                                c.category_id
                            ));
                        }
                    }
                } else if matches!(fault, Injected::Slow | Injected::Drop) {
                    categories_maybe.push(id);
                }
                result
            }
            Kind::Sound => {
                // Audio of every byte value, its length and start drawn; then read back.
                let label = format!("sound-{lane}-{call}");
                let first = rng.u8(..);
                let audio: Vec<u8> = (0..rng.usize(1..4096))
                    .map(|i| first.wrapping_add(i as u8))
                    .collect();
                let request = iovox_http::SoundFiles::new([iovox_http::SoundFile::new(
                    label.as_str(),
                    audio.clone(),
                )
                .sound_group("Campaign")]);
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                let result = catch_unwind(AssertUnwindSafe(|| client.create_sound_files(&request)))
                    .map(|r| r.map(|()| None));
                if matches!(result, Ok(Ok(_))) {
                    let key = iovox_http::SoundFileKey::new(label.as_str()).sound_group("Campaign");
                    match client.get_sound_file_data(&key) {
                        Ok(back) if back == audio => {}
                        Ok(back) => list_violations.push(format!(
                            "lane {lane} call {call}: getSoundFileData gave {} bytes, not the {} sent",
                            back.len(),
                            audio.len()
                        )),
                        Err(e) => list_violations.push(format!(
                            "lane {lane} call {call}: getSoundFileData failed: {e}"
                        )),
                    }
                    sounds_made.push((label, audio));
                } else if matches!(fault, Injected::Slow | Injected::Drop) {
                    sounds_maybe.push(label);
                }
                result
            }
            Kind::Flow => {
                let name = format!("flow-{lane}-{call}");
                let request = serde_json::json!({"name": name, "rules": [
                    {"element": "call", "id": "call_1", "label": "Call", "destinationPhoneNumber": "?"}]});
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                let result = catch_unwind(AssertUnwindSafe(|| client.create_call_flow(&request)))
                    .map(|r| r.map(|()| None));
                if matches!(result, Ok(Ok(_))) {
                    flows_made.push(name);
                }
                result
            }
            Kind::Setup => {
                let made = format!("setup-{lane}-{call}");
                let number = format!("4420{lane:02}{call:06}");
                let what = [
                    "blocked_numbers",
                    "time_templates",
                    "category_configurations",
                ][call as usize % 3];
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                let result = catch_unwind(AssertUnwindSafe(|| match what {
                    "blocked_numbers" => client.create_blocked_numbers(&serde_json::json!({"blocked_numbers": [
                        {"number": number, "in_or_out": "IN", "operator": "EQUALS", "default": "BLOCK"}]})),
                    "time_templates" => client.create_time_templates(&serde_json::json!({"time_templates": [
                        {"label": made, "time_frames": [{"recurrence": "NONE", "days": ["MON"]}]}]})),
                    _ => client.create_category_configurations(
                        &iovox_http::Records::new()
                            .record([("category_id", made.as_str()), ("label", made.as_str())]),
                    ),
                }))
                .map(|r| r.map(|()| None));
                if matches!(result, Ok(Ok(_))) {
                    let key = if what == "blocked_numbers" {
                        number
                    } else {
                        made
                    };
                    setups_made.push((what, key));
                }
                result
            }
            Kind::Template => {
                let link = start
                    .links
                    .iter()
                    .next()
                    .map(|l| l.link_id.clone())
                    .unwrap_or_default();
                let request = serde_json::json!({
                    "template_name": "Forward", "overwrite_existing": true, "link_ids": [link.clone()],
                    "rules_variable": [{"rule_id": "1", "rule_type": "call", "contact": {"phone_number": format!("4479{lane:02}{call:06}")}}],
                });
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                let result = catch_unwind(AssertUnwindSafe(|| {
                    client.attach_rule_template_to_links(&request)
                }))
                .map(|r| r.map(|()| None));
                // Taken off again, safe to repeat; never a fault here.
                let _ =
                    client.remove_rule_template_from_links(&iovox_http::IdsRequest::new([link]));
                result
            }
            Kind::Contact => {
                let id = format!("contact-{lane}-{call}");
                let request = iovox_http::Records::new().record([
                    ("contact_id", id.clone()),
                    ("display_name", format!("Campaign {call}")),
                ]);
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                let result = catch_unwind(AssertUnwindSafe(|| client.create_contacts(&request)))
                    .map(|r| r.map(|()| None));
                if matches!(result, Ok(Ok(_))) {
                    contacts_made.push(id);
                }
                result
            }
            Kind::Initiate => {
                let link = start
                    .links
                    .iter()
                    .next()
                    .map(|l| l.link_id.clone())
                    .unwrap_or_default();
                let request = iovox_http::InitiateCallRequest::new(link)
                    .variable("call_destination", format!("4479{lane:02}{call:06}"));
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                catch_unwind(AssertUnwindSafe(|| client.initiate_call(&request)))
                    .map(|r| r.map(|()| None))
            }
            Kind::Calls => {
                if let Some(number) = start.voxnumbers.first() {
                    let mut simulated = iovox_sandbox::SimulatedCall::new(
                        number.full_voxnumber.clone(),
                        format!("4479{lane:02}{call:06}"),
                    );
                    simulated.start = Some("2020-11-05 10:00:00".into());
                    if sandbox.simulate_call(&simulated).is_ok() {
                        calls_made += 1;
                    }
                }
                let request = iovox_http::CallDataRequest::new()
                    .since("2020-11-01")
                    .until("2020-11-30")
                    .limit(20_000);
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                catch_unwind(AssertUnwindSafe(|| client.get_call_data(&request))).map(|r| {
                    r.map(|page| {
                        if page.results.len() as u64 != calls_made {
                            list_violations.push(format!(
                                "lane {lane} call {call}: getCallData gave {} calls of {calls_made}",
                                page.results.len()
                            ));
                        }
                        None
                    })
                })
            }
            Kind::Delete => {
                let n = seen[rng.usize(..seen.len())].clone();
                deleting.push(n.clone());
                released.insert(n.clone());
                let request = DeleteVoxnumbersRequest::new([n]).rm_if_in_use(rng.bool());
                if let Some(fault) = fault.fault() {
                    sandbox.inject(fault);
                }
                started = Instant::now();
                catch_unwind(AssertUnwindSafe(|| {
                    client.delete_voxnumbers_from_account(&request)
                }))
                .map(|r| r.map(|()| None))
            }
        };
        let elapsed = started.elapsed();
        f.calls += 1;
        *f.faults.entry(fault.name()).or_default() += 1;
        match kind {
            Kind::Purchase => f.purchases += 1,
            Kind::Attach => f.attaches += 1,
            Kind::List => f.lists += 1,
            Kind::Delete => f.deletes += 1,
            Kind::Node => f.creates += 1,
            Kind::Calls => f.call_reads += 1,
            Kind::Category => f.categories += 1,
            Kind::Sound => f.sounds += 1,
            Kind::Initiate => f.initiates += 1,
            Kind::Contact => f.contacts += 1,
            Kind::Template => f.templates += 1,
            Kind::Flow => f.flows += 1,
            Kind::Setup => f.setups += 1,
        }
        let Ok(result) = result else {
            f.panics += 1;
            f.violations
                .push(format!("lane {lane} call {call}: the client panicked"));
            continue;
        };
        let outcome = outcome_name(&result);
        f.worst_fraction_of_deadline = f
            .worst_fraction_of_deadline
            .max(elapsed.as_secs_f64() / deadline().as_secs_f64());
        if elapsed > deadline() {
            f.violations.push(format!(
                "lane {lane} call {call}: {outcome} after {elapsed:?}, past its deadline {:?}",
                deadline()
            ));
        }
        if !allowed(fault, kind, opted_in).contains(&outcome.as_str()) {
            f.violations.push(format!(
                "lane {lane} call {call}: fault {:?} on a {} ended in {outcome}: {:?}",
                fault.name(),
                kind.name(),
                result.as_ref().err().map(|e| e.to_string())
            ));
        }
        if kind == Kind::Delete && outcome == "ok" {
            given_back.extend(deleting);
        }
        if purchase && matches!(fault, Injected::Slow | Injected::Drop) {
            // The sandbox did the work, and the answer was lost (or, opted in, bought again).
            f.maybe_sent_quantity += quantity;
        }
        *f.outcomes.entry(outcome).or_default() += 1;
        if let Ok(Some(order)) = &result {
            note_numbers(order, &mut f, &mut seen);
            if let Some(request) = &asked {
                f.orders_checked += 1;
                for problem in check_order(order, request) {
                    f.violations
                        .push(format!("lane {lane} call {call}: {problem}"));
                }
            }
        }
    }

    // Callbacks: every one the sandbox delivered reached the listener and parses; then
    // malformed variants of each must give a typed error, never a panic.
    // Callbacks still in flight (a restock late in the run) are logged by the sandbox only
    // once sent: wait until both counts hold still before comparing them.
    let count = || {
        let delivered = sandbox.callbacks().iter().filter(|c| c.delivered).count();
        (delivered, listener.wait_for(0, Duration::ZERO).len())
    };
    let mut last = count();
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(200));
        let now = count();
        if now == last && now.0 == now.1 {
            break;
        }
        last = now;
    }
    let delivered = sandbox.callbacks().iter().filter(|c| c.delivered).count();
    let received = listener.wait_for(delivered, Duration::from_secs(10));
    f.callbacks = received.len() as u64;
    f.callbacks_delivered = delivered as u64;
    if received.len() != delivered {
        f.violations.push(format!(
            "lane {lane}: the sandbox delivered {delivered} callbacks, the listener received {}",
            received.len()
        ));
    }
    let references: HashSet<String> = sandbox
        .orders()
        .into_iter()
        .map(|o| o.order_reference)
        .collect();
    for cb in &received {
        match iovox_http::parse_callback(&cb.body) {
            Ok(order) if !references.contains(&order.order_reference) => {
                f.violations.push(format!(
                    "lane {lane}: a callback for order {} that was never made",
                    order.order_reference
                ))
            }
            Ok(order) => note_numbers(&order, &mut f, &mut seen),
            Err(e) => f.violations.push(format!(
                "lane {lane}: a sandbox callback did not parse: {e}"
            )),
        }
        for (bad, must_refuse) in malformed(&mut rng, &cb.body) {
            f.malformed_callbacks += 1;
            match catch_unwind(|| iovox_http::parse_callback(&bad)) {
                Ok(Ok(_)) if must_refuse => f.violations.push(format!(
                    "lane {lane}: a malformed callback that must be refused parsed: {:?}",
                    String::from_utf8_lossy(&bad[..bad.len().min(80)])
                )),
                Ok(Ok(_)) => {}
                // A decode error is the only error parse_callback's type allows.
                Ok(Err(_)) => f.malformed_rejected += 1,
                Err(_) => {
                    f.panics += 1;
                    f.violations
                        .push(format!("lane {lane}: parse_callback panicked"));
                }
            }
        }
    }

    // Numbers: the sandbox's books balance, and every number the client saw is in the
    // account; those it did not see belong to answers lost to faults.
    // The books come from the account as listed and from what the campaign restocked,
    // not from the sandbox's own counters (which move together and could not disagree).
    let stats = sandbox.stats();
    let end = sandbox.state();
    let end_nodes = end.nodes.clone();
    let end_links: HashSet<String> = end.links.iter().map(|l| l.link_id.clone()).collect();
    f.stock = stock(&end);
    let account: HashSet<String> = end
        .voxnumbers
        .into_iter()
        .map(|n| n.full_voxnumber)
        .filter(|n| !initial_numbers.contains(n))
        .collect();
    // Numbers given back left the account: sold all the same.
    let deleted = released.iter().filter(|n| !account.contains(*n)).count() as u64;
    f.sold = account.len() as u64 + deleted;
    f.violations.append(&mut list_violations);
    if let Some(n) = given_back.iter().find(|n| account.contains(*n)) {
        f.violations.push(format!(
            "lane {lane}: number {n} was given back but is still in the account"
        ));
    }
    // deleteVoxnumbersFromAccount is never repeated once it may have arrived: each call
    // reached the sandbox once (every fault here acts after the request arrived).
    f.delete_requests_received = sandbox.requests_for("deleteVoxnumbersFromAccount");
    f.violations.extend(reached_once(
        lane,
        "delete calls",
        f.deletes,
        f.delete_requests_received,
    ));
    // createNodes is never repeated once it may have arrived: each call reached the
    // sandbox once; every node a create reported made is in the account (nothing lost).
    // One whose answer was lost may or may not have been made: the fault decides when.
    f.create_requests_received =
        sandbox.requests_for("createNodes") + sandbox.requests_for("createLinks");
    f.violations.extend(reached_once(
        lane,
        "create calls",
        f.creates,
        f.create_requests_received,
    ));
    // createCategories likewise: each call reached the sandbox once, and every category
    // a create reported made is in the account, once.
    f.category_requests_received = sandbox.requests_for("createCategories");
    f.violations.extend(reached_once(
        lane,
        "category creates",
        f.categories,
        f.category_requests_received,
    ));
    f.categories_maybe += categories_maybe.len() as u64;
    for id in &categories_made {
        let times = end
            .categories
            .iter()
            .filter(|c| &c.category_id == id)
            .count();
        f.violations.extend(kept_once(lane, "category", id, times));
    }
    // createSoundFiles likewise: each call reached the sandbox once, and every file a
    // create reported made is in the account once, with the audio sent.
    f.sound_requests_received = sandbox.requests_for("createSoundFiles");
    f.violations.extend(reached_once(
        lane,
        "sound file creates",
        f.sounds,
        f.sound_requests_received,
    ));
    f.sounds_maybe += sounds_maybe.len() as u64;
    for (label, audio) in &sounds_made {
        let kept: Vec<_> = (end.sound_files.iter())
            .filter(|s| &s.sound_label == label && s.sound_group == "Campaign")
            .collect();
        if kept.len() != 1 || kept[0].audio != *audio {
            f.violations.push(format!(
                "lane {lane}: sound file {label} was made, and is in the account {} times (audio kept: {})",
                kept.len(),
                kept.first().is_some_and(|s| s.audio == *audio)
            ));
        }
    }
    // initiateCall likewise: each call reached the sandbox once, so no call was placed
    // twice; every call placed is one the sandbox recorded.
    f.initiate_requests_received = sandbox.requests_for("initiateCall");
    f.initiates_placed = end.initiated_calls.len() as u64;
    if f.initiate_requests_received != f.initiates || f.initiates_placed > f.initiates {
        f.violations.push(format!(
            "lane {lane}: {} initiateCall calls reached the sandbox as {} requests and placed {} calls",
            f.initiates, f.initiate_requests_received, f.initiates_placed
        ));
    }
    // createContacts likewise: each call reached the sandbox once, and every contact a
    // create reported made is in the account once.
    f.contact_requests_received = sandbox.requests_for("createContacts");
    f.violations.extend(reached_once(
        lane,
        "contact creates",
        f.contacts,
        f.contact_requests_received,
    ));
    // attachRuleTemplateToLinks likewise: each call reached the sandbox once.
    f.template_requests_received = sandbox.requests_for("attachRuleTemplateToLinks");
    f.violations.extend(reached_once(
        lane,
        "template attaches",
        f.templates,
        f.template_requests_received,
    ));
    // createCallFlow likewise: each call reached the sandbox once, and every flow a
    // create reported made is in the account once.
    f.flow_requests_received = sandbox.requests_for("createCallFlow");
    f.violations.extend(reached_once(
        lane,
        "call flow creates",
        f.flows,
        f.flow_requests_received,
    ));
    for name in &flows_made {
        let times = end
            .rule_templates
            .iter()
            .filter(|t| &t.template_name == name)
            .count();
        f.violations
            .extend(kept_once(lane, "call flow", name, times));
    }
    // The setup creates likewise: each reached the sandbox once, and each thing made is in
    // the account once (blocked numbers by number, time templates by label, category
    // configurations by ID).
    f.setup_requests_received = [
        "createBlockedNumbers",
        "createTimeTemplates",
        "createCategoryConfigurations",
    ]
    .into_iter()
    .map(|m| sandbox.requests_for(m))
    .sum();
    f.violations.extend(reached_once(
        lane,
        "setup creates",
        f.setups,
        f.setup_requests_received,
    ));
    for (what, key) in &setups_made {
        let (list, field) = match *what {
            "blocked_numbers" => (&end.blocked_numbers, "number"),
            "time_templates" => (&end.time_templates, "label"),
            _ => (&end.category_configurations, "category_id"),
        };
        let times = list.iter().filter(|v| v[field] == key.as_str()).count();
        f.violations.extend(kept_once(lane, what, key, times));
    }
    for id in &contacts_made {
        let times = end.contacts.iter().filter(|c| &c.contact_id == id).count();
        f.violations.extend(kept_once(lane, "contact", id, times));
    }
    let nodes: HashSet<String> = end_nodes.into_iter().map(|n| n.node_id).collect();
    f.nodes_maybe += nodes_maybe.len() as u64;
    f.links_made += links_made.len() as u64;
    for id in &nodes_made {
        if !nodes.contains(id) {
            f.violations.push(format!(
                "lane {lane}: node {id} was made but is not in the account"
            ));
        }
    }
    for id in &links_made {
        if !end_links.contains(id) {
            f.violations.push(format!(
                "lane {lane}: link {id} was made but is not in the account"
            ));
        }
    }
    if f.stock + f.sold != f.start_stock + f.restocked {
        f.violations.push(format!(
            "lane {lane}: stock {} + sold {} != start {} + restocked {}",
            f.stock, f.sold, f.start_stock, f.restocked
        ));
    }
    if let Some(n) = seen_set
        .iter()
        .find(|n| !account.contains(*n) && !released.contains(*n))
    {
        f.violations.push(format!(
            "lane {lane}: number {n} was handed out but is not in the account"
        ));
    }
    f.numbers_seen = seen_set.len() as u64;
    let seen_in_account = seen_set.iter().filter(|n| account.contains(*n)).count();
    f.numbers_unseen = (account.len() - seen_in_account) as u64;
    // Numbers still owed to pending orders are not sold yet; unseen ones came in answers
    // that a fault cut off (the caller got a maybe-sent error for each such call).
    if f.numbers_unseen > f.maybe_sent_quantity {
        f.violations.push(format!(
            "lane {lane}: {} sold numbers never reached the client, more than the {} ordered in calls whose answer a fault cut off",
            f.numbers_unseen, f.maybe_sent_quantity
        ));
    }
    if opted_in {
        f.repeated_purchases_opted_in = stats.repeated_purchases;
    } else {
        f.repeated_purchases = stats.repeated_purchases;
        if stats.repeated_purchases != 0 {
            f.violations.push(format!(
                "lane {lane}: {} purchases reached the sandbox twice without opting in",
                stats.repeated_purchases
            ));
        }
    }
    drop(client);
    drop(listener);
    sandbox.stop();
    f
}

fn count_dir(path: &str) -> usize {
    std::fs::read_dir(path).map(|d| d.count()).unwrap_or(0)
}

fn main() {
    let mut seed = 1u64;
    let mut calls = 1000u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next().and_then(|v| v.parse().ok());
        match (a.as_str(), value) {
            ("--seed", Some(v)) => seed = v,
            ("--calls", Some(v)) => calls = v,
            _ => {
                eprintln!("usage: iovox-campaign [--seed N] [--calls N]");
                std::process::exit(2);
            }
        }
    }
    // Off Linux there is no /proc: say so rather than compare two zeros.
    let counted = std::path::Path::new("/proc/self/fd").is_dir();
    let fds_before = count_dir("/proc/self/fd");
    let threads_before = count_dir("/proc/self/task");
    let started = Instant::now();
    let handles: Vec<_> = (0..LANES)
        .map(|l| std::thread::spawn(move || lane(l, seed, calls, l == LANES - 1)))
        .collect();
    let mut all = Figures::default();
    for h in handles {
        match h.join() {
            Ok(f) => all.add(f),
            Err(_) => all.violations.push("a lane panicked".into()),
        }
    }
    let wall = started.elapsed();
    // Connections close and threads end as their owners drop; give the kernel a moment.
    let mut fds_after = count_dir("/proc/self/fd");
    let mut threads_after = count_dir("/proc/self/task");
    for _ in 0..50 {
        if fds_after <= fds_before && threads_after <= threads_before {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
        fds_after = count_dir("/proc/self/fd");
        threads_after = count_dir("/proc/self/task");
    }
    if fds_after > fds_before {
        all.violations.push(format!(
            "open file descriptors: {fds_before} before, {fds_after} after"
        ));
    }
    if threads_after > threads_before {
        all.violations.push(format!(
            "threads: {threads_before} before, {threads_after} after"
        ));
    }

    println!("fault campaign (Rust client), seed {seed}: {} calls in {LANES} lanes ({} purchases, {} attaches, {} lists, {} deletes, {} node creates, {} call reads) in {:.1} s",
        all.calls, all.purchases, all.attaches, all.lists, all.deletes, all.creates, all.call_reads, wall.as_secs_f64());
    let faults: Vec<String> = all.faults.iter().map(|(k, v)| format!("{k} {v}")).collect();
    println!("  faults injected: {}", faults.join(", "));
    let outcomes: Vec<String> = all
        .outcomes
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    println!("  outcomes: {}", outcomes.join(", "));
    println!(
        "  slowest call: {:.0}% of its deadline ({} ms: {ATTEMPTS} attempts x {} ms timeout + backoff + 1 s)",
        all.worst_fraction_of_deadline * 100.0,
        deadline().as_millis(),
        TIMEOUT.as_millis()
    );
    println!(
        "  purchases that reached the sandbox twice: {} (lanes that did not opt in), {} (the lane that opted in to retry_purchase_after_send)",
        all.repeated_purchases, all.repeated_purchases_opted_in
    );
    println!(
        "  deleteVoxnumbersFromAccount (never repeated once it may have arrived, opt-in or not): {} calls, {} requests received",
        all.deletes, all.delete_requests_received
    );
    println!(
        "  createNodes and createLinks (never repeated once they may have arrived): {} calls, {} requests received; every node and link made is in the account ({} links among them; {} answers lost to a fault)",
        all.creates, all.create_requests_received, all.links_made, all.nodes_maybe
    );
    println!(
        "  createCategories (never repeated once it may have arrived), each followed by getCategories of its level (safe to repeat): {} calls, {} requests received; every category made is in the account once, and listed at its level ({} answers lost to a fault)",
        all.categories, all.category_requests_received, all.categories_maybe
    );
    println!(
        "  createSoundFiles (never repeated once it may have arrived), each followed by getSoundFileData (safe to repeat): {} calls, {} requests received; every file made is in the account once with the audio sent, and read back byte for byte ({} answers lost to a fault)",
        all.sounds, all.sound_requests_received, all.sounds_maybe
    );
    println!(
        "  initiateCall (never repeated once it may have arrived: a repeat places a second call): {} calls, {} requests received, {} calls placed",
        all.initiates, all.initiate_requests_received, all.initiates_placed
    );
    println!(
        "  createContacts (never repeated once it may have arrived): {} calls, {} requests received; every contact made is in the account once",
        all.contacts, all.contact_requests_received
    );
    println!(
        "  attachRuleTemplateToLinks (never repeated once it may have arrived), each followed by removeRuleTemplateFromLinks (safe to repeat): {} calls, {} requests received",
        all.templates, all.template_requests_received
    );
    println!(
        "  createCallFlow (never repeated once it may have arrived): {} calls, {} requests received; every call flow made is in the account once",
        all.flows, all.flow_requests_received
    );
    println!(
        "  createBlockedNumbers, createTimeTemplates, createCategoryConfigurations (never repeated once they may have arrived): {} calls, {} requests received; everything made is in the account once",
        all.setups, all.setup_requests_received
    );
    println!(
        "  orders compared with their requests: {}",
        all.orders_checked
    );
    println!(
        "  numbers (from the account as listed, restocks as the campaign made them): start {} + restocked {} = stock {} + sold {}; {} reached the client, {} sold in answers cut off by faults",
        all.start_stock, all.restocked, all.stock, all.sold, all.numbers_seen, all.numbers_unseen
    );
    println!(
        "  callbacks: {} delivered by the sandbox, {} received and parsed; {} malformed variants: {} rejected as DecodeError, {} parsed as orders (only bit flips may)",
        all.callbacks_delivered,
        all.callbacks,
        all.malformed_callbacks,
        all.malformed_rejected,
        all.malformed_callbacks - all.malformed_rejected
    );
    println!("  panics: {}", all.panics);
    if counted {
        println!("  file descriptors: {fds_before} before, {fds_after} after; threads: {threads_before} before, {threads_after} after");
    } else {
        println!("  file descriptors and threads: not counted (no /proc on this system)");
    }
    if all.violations.is_empty() {
        println!("  violations: none");
    } else {
        println!("  violations: {}", all.violations.len());
        for v in all.violations.iter().take(20) {
            println!("    {v}");
        }
        std::process::exit(1);
    }
}
