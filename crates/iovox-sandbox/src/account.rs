//! The account's behaviour: purchases from stock, pending orders completed on restock, and
//! all-or-nothing attachment of numbers to links. Pure logic over [`State`]; the server
//! holds it behind one lock, so two requests can never sell the same number.

use crate::state::{AccountNumber, Region, State};
use iovox_core::{AttachMethod, AttachRequest, Order, OrderStatus, PurchaseRequest, VoxNumber};
use iovox_core::{ByArea, ByPostcode, Position};

/// An order still waiting for stock.
#[derive(Debug, Clone)]
pub(crate) struct PendingOrder {
    pub reference: String,
    pub callback_url: Option<String>,
    /// (region index, numbers still owed)
    pub owed: Vec<(usize, u32)>,
}

/// A callback to send: where, and what.
#[derive(Debug, Clone)]
pub(crate) struct CallbackJob {
    pub url: String,
    pub order: Order,
}

pub(crate) struct Account {
    pub state: State,
    pub pending: Vec<PendingOrder>,
    serial: u64,
    /// Orders created, for tests that prove a purchase was not made twice.
    pub orders: Vec<Order>,
    /// The `callback_url` of each order's request, beside `orders`: which calls reached
    /// the sandbox, for tests that give each call a URL of its own.
    pub callback_urls: Vec<Option<String>>,
    /// Numbers sold since the start (answers and callbacks).
    pub sold: u64,
    /// Numbers added by restocks since the start.
    pub restocked: u64,
    /// Purchases that made an order for a call that had already made one (see
    /// [`crate::Stats::repeated_purchases`]).
    pub repeated_purchases: u64,
    /// The calls (`x-iovox-call`) that made orders.
    calls_with_orders: std::collections::HashSet<String>,
    /// Every full number in the account.
    numbers: std::collections::HashSet<String>,
    /// The next line number to try under each (IDD, area code).
    next_line: std::collections::HashMap<(u32, u32), u64>,
}

/// Which regions a restock adds to; `None` fields match any.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Restock {
    /// IDD to match.
    #[serde(default)]
    pub country_code: Option<u32>,
    /// Area code to match.
    #[serde(default)]
    pub area_code: Option<u32>,
    /// Number type to match.
    #[serde(default)]
    pub number_type: Option<String>,
    /// Numbers added to each matching region.
    pub count: u32,
}

impl Account {
    pub fn new(state: State) -> Account {
        Account {
            numbers: state
                .voxnumbers
                .iter()
                .map(|n| n.full_voxnumber.clone())
                .collect(),
            next_line: std::collections::HashMap::new(),
            state,
            pending: Vec::new(),
            serial: 0,
            orders: Vec::new(),
            sold: 0,
            restocked: 0,
            repeated_purchases: 0,
            callback_urls: Vec::new(),
            calls_with_orders: std::collections::HashSet::new(),
        }
    }

    fn reference(&mut self) -> String {
        self.serial += 1;
        // 32 hex characters like the page's example, unique within this sandbox.
        format!("{:016x}{:016x}", fastrand::u64(..), self.serial)
    }

    /// Takes one number of a region out of stock and into the account.
    fn take(&mut self, region: usize) -> VoxNumber {
        let r = &mut self.state.regions[region];
        r.stock -= 1;
        self.sold += 1;
        let (cc, area) = (r.country_code, r.area_code);
        let prefix = format!("{cc}{area}");
        // The next free line number under this prefix: unique in the account. Kept per
        // prefix with a set of the numbers, so a sale costs the same in a big account.
        let numbers = &self.numbers;
        let line = self.next_line.entry((cc, area)).or_insert_with(|| {
            numbers.iter().filter(|n| n.starts_with(&prefix)).count() as u64 + 2_100_000
        });
        let mut full = format!("{prefix}{line}");
        while self.numbers.contains(&full) {
            *line += 1;
            full = format!("{prefix}{line}");
        }
        *line += 1;
        self.numbers.insert(full.clone());
        self.state.voxnumbers.push(AccountNumber {
            full_voxnumber: full.clone(),
            country_code: cc,
            area_code: area,
            link_id: None,
            purchase_date: Some(crate::clock::now_utc()),
            call_status: None,
        });
        VoxNumber {
            country_code: cc,
            area_code: area,
            full_voxnumber: full,
        }
    }

    fn find_region(&self, item: &iovox_core::PurchaseItem) -> Option<usize> {
        // A region lists out-codes (UK) or whole postcodes (FR); accept either.
        let codes = item.post_code.as_deref().map(|p| {
            let whole: String = p
                .split_whitespace()
                .collect::<String>()
                .to_ascii_uppercase();
            (outcode_of(p), whole)
        });
        self.state.regions.iter().position(|r| {
            r.country_code == item.country_code
                && r.number_type == item.number_type.as_str()
                && match (item.area_code, &codes) {
                    (Some(area), _) => r.area_code == area,
                    (None, Some((out, whole))) => r
                        .postcodes
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(out) || p.eq_ignore_ascii_case(whole)),
                    (None, None) => false,
                }
                && item
                    .city_name
                    .as_deref()
                    .is_none_or(|c| r.city_name.eq_ignore_ascii_case(c))
        })
    }

    /// A purchase. Errors are the server's messages, all of them, in item order.
    pub fn purchase(
        &mut self,
        request: &PurchaseRequest,
        call: Option<&str>,
    ) -> Result<(Order, Option<PendingOrder>), Vec<String>> {
        let total = request.items.len();
        let mut errors = Vec::new();
        let mut regions = Vec::with_capacity(total);
        for (i, item) in request.items.iter().enumerate() {
            let p = Position {
                index: i + 1,
                total,
            };
            match self.find_region(item) {
                None => errors.push(format!("Basket Item {p} is not correct.")),
                Some(r) => {
                    if self.state.regions[r].require_purchase_info
                        && item.additional_information.is_none()
                    {
                        // The page's messages for a missing address, each field in turn.
                        for label in [
                            "firstname",
                            "lastname",
                            "Company Name",
                            "street",
                            "building_number",
                            "city",
                            "zipcode",
                        ] {
                            errors.push(format!("{label} {p} Empty"));
                        }
                    }
                    regions.push(r);
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if call.is_some_and(|c| !self.calls_with_orders.insert(c.to_string())) {
            self.repeated_purchases += 1;
        }
        let reference = self.reference();
        let mut voxnumbers = Vec::new();
        let mut owed = Vec::new();
        for (item, &r) in request.items.iter().zip(&regions) {
            let available = self.state.regions[r].stock.min(item.quantity);
            for _ in 0..available {
                voxnumbers.push(self.take(r));
            }
            if available < item.quantity && !request.dynamic_quantity {
                owed.push((r, item.quantity - available));
            }
        }
        let pending = (!owed.is_empty()).then(|| PendingOrder {
            reference: reference.clone(),
            callback_url: request.callback_url.clone(),
            owed,
        });
        let order = Order {
            order_reference: reference,
            order_status: if pending.is_some() {
                OrderStatus::Pending
            } else {
                OrderStatus::Fulfilled
            },
            voxnumbers,
        };
        self.orders.push(order.clone());
        self.callback_urls.push(request.callback_url.clone());
        if let Some(p) = &pending {
            self.pending.push(p.clone());
        }
        Ok((order, pending))
    }

    /// Adds stock, then serves pending orders oldest first. Returns the callbacks to send.
    pub fn restock(&mut self, restock: &Restock) -> Vec<CallbackJob> {
        for r in self
            .state
            .regions
            .iter_mut()
            .filter(|r| matches(r, restock))
        {
            let before = r.stock;
            r.stock = r.stock.saturating_add(restock.count);
            self.restocked += u64::from(r.stock - before);
        }
        self.serve_pending()
    }

    /// Auto-restock: adds exactly what one pending order still needs and hands it to that
    /// order alone, which is then FULFILLED. Serving it through the oldest-first queue
    /// would let an older order take the new stock, and this one would wait for ever when
    /// its own timer had already fired.
    pub fn restock_for(&mut self, reference: &str) -> Vec<CallbackJob> {
        let Some(i) = self.pending.iter().position(|p| p.reference == reference) else {
            return Vec::new();
        };
        let order = self.pending.remove(i);
        let mut numbers = Vec::new();
        for &(r, n) in &order.owed {
            let region = &mut self.state.regions[r];
            let before = region.stock;
            region.stock = region.stock.saturating_add(n);
            self.restocked += u64::from(region.stock - before);
            numbers.extend((0..n).map(|_| self.take(r)));
        }
        let update = Order {
            order_reference: order.reference,
            order_status: OrderStatus::Fulfilled,
            voxnumbers: numbers,
        };
        self.stands(&update);
        order
            .callback_url
            .map(|url| CallbackJob { url, order: update })
            .into_iter()
            .collect()
    }

    /// The order as it now stands, in [`Account::orders`]: the update folded in as a
    /// user's code folds a callback ([`Order::merge`]).
    fn stands(&mut self, update: &Order) {
        if let Some(known) = self
            .orders
            .iter_mut()
            .find(|o| o.order_reference == update.order_reference)
        {
            let _ = known.merge(update);
        }
    }

    fn serve_pending(&mut self) -> Vec<CallbackJob> {
        let mut jobs = Vec::new();
        let mut pending = std::mem::take(&mut self.pending);
        for order in &mut pending {
            let mut numbers = Vec::new();
            for (r, owed) in order.owed.iter_mut() {
                let n = self.state.regions[*r].stock.min(*owed);
                for _ in 0..n {
                    numbers.push(self.take(*r));
                }
                *owed -= n;
            }
            order.owed.retain(|&(_, n)| n > 0);
            if numbers.is_empty() {
                continue;
            }
            let update = Order {
                order_reference: order.reference.clone(),
                order_status: if order.owed.is_empty() {
                    OrderStatus::Fulfilled
                } else {
                    OrderStatus::Pending
                },
                voxnumbers: numbers,
            };
            self.stands(&update);
            if let Some(url) = &order.callback_url {
                jobs.push(CallbackJob {
                    url: url.clone(),
                    order: update,
                });
            }
        }
        pending.retain(|o| !o.owed.is_empty());
        self.pending = pending;
        jobs
    }

    /// Attaches every link or none. Errors are the server's messages in link order.
    /// removeVoxnumberFromLink: each link's number goes back to the pool, UNASSIGNED; all
    /// of them or none.
    pub fn detach(&mut self, request: &iovox_core::DetachRequest) -> Result<(), Vec<String>> {
        let total = request.link_ids.len();
        let mut errors = Vec::new();
        for (i, id) in request.link_ids.iter().enumerate() {
            let p = Position {
                index: i + 1,
                total,
            };
            if !self.state.links.contains(id) {
                errors.push(format!("Link ID {p} does not exist"));
            } else if !self
                .state
                .voxnumbers
                .iter()
                .any(|n| n.link_id.as_deref() == Some(id))
            {
                errors.push(format!("Link ID {p} does not have a VoxNumber"));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for n in &mut self.state.voxnumbers {
            if n.link_id
                .as_ref()
                .is_some_and(|l| request.link_ids.contains(l))
            {
                n.link_id = None;
            }
        }
        Ok(())
    }

    pub fn attach(&mut self, request: &AttachRequest) -> Result<(), Vec<String>> {
        let total = request.links.len();
        let mut errors = Vec::new();
        // Work on a copy of the assignments: nothing changes unless every link succeeds.
        let mut assigned: Vec<Option<String>> = self
            .state
            .voxnumbers
            .iter()
            .map(|n| n.link_id.clone())
            .collect();
        for (i, link) in request.links.iter().enumerate() {
            let p = Position {
                index: i + 1,
                total,
            };
            if !self.state.links.contains(&link.link_id) {
                errors.push(format!("Link ID {p} does not exist"));
                continue;
            }
            if assigned.iter().any(|a| a.as_deref() == Some(&link.link_id)) {
                errors.push(format!("Link ID {p} already has a Voxnumber"));
                continue;
            }
            let numbers = &self.state.voxnumbers;
            let free = |n: usize| assigned[n].is_none();
            let chosen = match &link.method {
                AttachMethod::ByVoxnumber { full_voxnumber } => numbers
                    .iter()
                    .position(|n| &n.full_voxnumber == full_voxnumber)
                    .filter(|&n| free(n))
                    .ok_or_else(|| format!("VoxNumber {p} not available")),
                AttachMethod::ByArea(a) => self.choose_by_area(a, &assigned),
                AttachMethod::ByPostcode(pc) => self.choose_by_postcode(pc, &assigned),
            };
            match chosen {
                Ok(n) => assigned[n] = Some(link.link_id.clone()),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for (n, a) in self.state.voxnumbers.iter_mut().zip(assigned) {
            n.link_id = a;
        }
        Ok(())
    }

    fn region_of(&self, cc: u32, area: u32) -> Option<&Region> {
        self.state
            .regions
            .iter()
            .find(|r| r.country_code == cc && r.area_code == area)
    }

    fn choose_by_area(&self, a: &ByArea, assigned: &[Option<String>]) -> Result<usize, String> {
        let numbers = &self.state.voxnumbers;
        let first_free = |pred: &dyn Fn(&AccountNumber) -> bool| {
            (0..numbers.len()).find(|&i| assigned[i].is_none() && pred(&numbers[i]))
        };
        let (cc, area) = (a.voxnumber_idd, a.area_code);
        let home = self.region_of(cc, area);
        first_free(&|n| n.country_code == cc && n.area_code == area)
            .or_else(|| {
                let city = home
                    .map(|r| r.city_name.as_str())
                    .filter(|c| !c.is_empty())?;
                a.fallback_city.then_some(())?;
                first_free(&|n| {
                    n.country_code == cc
                        && self
                            .region_of(n.country_code, n.area_code)
                            .is_some_and(|r| r.city_name == city)
                })
            })
            .or_else(|| {
                // "Only available … in Canada and United States" (IDD 1).
                let state = home
                    .map(|r| r.state_name.as_str())
                    .filter(|s| !s.is_empty())?;
                (a.fallback_region && cc == 1).then_some(())?;
                first_free(&|n| {
                    n.country_code == cc
                        && self
                            .region_of(n.country_code, n.area_code)
                            .is_some_and(|r| r.state_name == state)
                })
            })
            .or_else(|| {
                a.fallback_country.then_some(())?;
                first_free(&|n| n.country_code == cc)
            })
            .ok_or_else(|| {
                format!(
                    "Insufficient VoxNumbers available in Area Code {area} and Voxnumber IDD {cc}"
                )
            })
    }

    fn choose_by_postcode(
        &self,
        pc: &ByPostcode,
        assigned: &[Option<String>],
    ) -> Result<usize, String> {
        let country = pc.voxnumber_country.to_ascii_uppercase();
        let table = &self.state.postcodes;
        let Some(cc) = table
            .iter()
            .find(|o| o.country_name == country)
            .map(|o| o.country_code)
        else {
            return Err(format!(
                "The country {} is not supported for Postcode search",
                pc.voxnumber_country
            ));
        };
        let wanted = outcode_of(&pc.postcode);
        let Some(home) = table
            .iter()
            .find(|o| o.country_name == country && o.outcode.eq_ignore_ascii_case(&wanted))
        else {
            return Err(format!(
                "Postcode {} does not exist in country id {cc}",
                pc.postcode
            ));
        };
        let numbers = &self.state.voxnumbers;
        let free_in = |area: u32| {
            (0..numbers.len()).find(|&i| {
                assigned[i].is_none()
                    && numbers[i].country_code == cc
                    && numbers[i].area_code == area
            })
        };
        if let Some(n) = free_in(home.area_code) {
            return Ok(n);
        }
        let limit = f64::from(pc.fallback_area_distance.unwrap_or(0));
        let mut nearby: Vec<(f64, u32)> = table
            .iter()
            .filter(|o| o.country_code == cc && o.area_code != home.area_code)
            .map(|o| (km(home.lat, home.lon, o.lat, o.lon), o.area_code))
            .filter(|&(d, _)| d <= limit)
            .collect();
        nearby.sort_by(|a, b| a.0.total_cmp(&b.0));
        nearby
            .into_iter()
            .find_map(|(_, area)| free_in(area))
            .ok_or_else(|| {
                "There is no VoxNumber available in your account for this Postcode or the fallback area"
                    .to_string()
            })
    }
}

fn matches(r: &Region, f: &Restock) -> bool {
    f.country_code.is_none_or(|c| c == r.country_code)
        && f.area_code.is_none_or(|a| a == r.area_code)
        && f.number_type.as_deref().is_none_or(|t| t == r.number_type)
}

/// The out-code: the first half of a postcode ("W11 3EP" → "W11"; "W113EP" → "W11").
pub(crate) fn outcode_of(postcode: &str) -> String {
    let p = postcode.trim().to_ascii_uppercase();
    match p.split_once(char::is_whitespace) {
        Some((out, _)) => out.to_string(),
        None if p.len() > 4 && p.is_ascii() => p[..p.len() - 3].to_string(),
        None => p,
    }
}

/// Great-circle distance in km.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}
