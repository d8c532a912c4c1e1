//! The account's lists and giving numbers back, as IOVOX answers them: filters, the
//! `req_fields` each result keeps, `order`, pages with their totals, and
//! deleteVoxnumbersFromAccount's checks (all numbers or none).

use crate::account::Account;
use crate::state::{AccountNumber, Region};
use iovox_core::{
    AccountLink, AccountVoxnumber, AssignedStatus, CallStatus, CountriesRequest, Country,
    DeleteVoxnumbersRequest, LinksRequest, Page, Position, RegionsRequest, VoxnumberRegion,
    VoxnumberType, VoxnumbersRequest,
};
use iovox_core::{AccountNode, NodesRequest};

/// The slice of `all` a page asks for, with the totals.
pub(crate) fn paginate<T>(all: Vec<T>, page: Option<u32>, limit: Option<u32>) -> Page<T> {
    let limit = limit.unwrap_or(*iovox_core::LIMIT_RANGE.end()) as usize;
    let page = page.unwrap_or(1).max(1);
    let total = all.len();
    let results = all
        .into_iter()
        .skip((page as usize - 1).saturating_mul(limit))
        .take(limit)
        .collect();
    Page {
        results,
        current_page: Some(page),
        total_pages: Some(total.div_ceil(limit) as u32),
        total_results: Some(total as u64),
    }
}

/// Whether a result keeps a field: `req_fields` names it, or (none asked) it is a default.
pub(crate) fn wanted(req_fields: &[String], abbreviation: &str, default: bool) -> bool {
    if req_fields.is_empty() {
        default
    } else {
        req_fields.iter().any(|f| f == abbreviation)
    }
}

/// Sorts by the `order` abbreviation's key, ascending or descending; stable.
pub(crate) fn sort_by<T>(
    items: &mut [T],
    order: &Option<String>,
    key: impl Fn(&T, &str) -> Option<String>,
) {
    if let Some((field, direction)) = order.as_deref().and_then(|o| o.rsplit_once('_')) {
        items.sort_by_cached_key(|a| key(a, field));
        if direction == "DESC" {
            items.reverse();
        }
    }
}

impl Account {
    fn region_for(&self, cc: u32, area: u32) -> Option<&Region> {
        self.state
            .regions
            .iter()
            .find(|r| r.country_code == cc && r.area_code == area)
    }

    /// getVoxnumberRegions.
    /// getCountries: each country the regions sell numbers in, once, by calling code.
    pub fn countries(&self, r: &CountriesRequest) -> Page<Country> {
        let mut all: Vec<Country> = Vec::new();
        for g in &self.state.regions {
            if !all.iter().any(|c| c.code == Some(g.country_code)) {
                all.push(Country {
                    code: Some(g.country_code),
                    name: Some(g.country_name.clone()),
                });
            }
        }
        all.sort_by_key(|c| c.code);
        paginate(all, r.page, r.limit)
    }

    pub fn regions(&self, r: &RegionsRequest) -> Page<VoxnumberRegion> {
        let f = &r.req_fields;
        let all: Vec<VoxnumberRegion> = self
            .state
            .regions
            .iter()
            .filter(|g| r.number_type.is_none_or(|t| g.number_type == t.as_str()))
            .filter(|g| r.country_code.is_none_or(|c| g.country_code == c))
            .filter(|g| r.area_code.is_none_or(|a| g.area_code == a))
            .map(|g| {
                let mut region = VoxnumberRegion {
                    country_code: Some(g.country_code),
                    area_code: Some(g.area_code),
                    country_name: Some(g.country_name.clone()),
                    state_name: Some(g.state_name.clone()).filter(|s| !s.is_empty()),
                    city_name: Some(g.city_name.clone()).filter(|s| !s.is_empty()),
                    require_purchase_info: Some(g.require_purchase_info),
                    cost: Some("1.00".into()),
                };
                region.retain_fields(|d| d.abbreviation.is_none_or(|a| wanted(f, a, true)));
                region
            })
            .collect();
        paginate(all, r.page, r.limit)
    }

    fn number_record(&self, n: &AccountNumber) -> AccountVoxnumber {
        let region = self.region_for(n.country_code, n.area_code);
        let link = n
            .link_id
            .as_deref()
            .and_then(|id| self.state.links.0.get(id));
        let call_status = n
            .call_status
            .as_deref()
            .and_then(CallStatus::parse)
            .unwrap_or(if n.link_id.is_some() {
                CallStatus::NoRules
            } else {
                CallStatus::Off
            });
        AccountVoxnumber {
            node_id: link.map(|l| l.node().to_string()),
            node_name: link.map(|l| l.node_name().to_string()),
            link_id: n.link_id.clone(),
            link_name: link.map(|l| l.name()),
            assigned_status: Some(if n.link_id.is_some() {
                AssignedStatus::Assigned
            } else {
                AssignedStatus::Unassigned
            }),
            call_status: Some(call_status),
            country_code: Some(n.country_code),
            voxnumber: Some(n.full_voxnumber.clone()),
            voxnumber_type: region.map(|r| {
                if r.number_type == "GEOGRAPHIC" {
                    VoxnumberType::Local
                } else {
                    VoxnumberType::National
                }
            }),
            voxnumber_country: region.map(|r| r.country_name.clone()),
            voxnumber_city: region
                .map(|r| r.city_name.clone())
                .filter(|c| !c.is_empty()),
            purchase_date: n.purchase_date.clone(),
        }
    }

    /// getVoxnumbers.
    pub fn voxnumbers(&self, r: &VoxnumbersRequest) -> Page<AccountVoxnumber> {
        let mut all: Vec<AccountVoxnumber> = self
            .state
            .voxnumbers
            .iter()
            .map(|n| self.number_record(n))
            .filter(|v| r.voxnumber.is_none() || v.voxnumber == r.voxnumber)
            .filter(|v| r.voxnumber_type.is_none() || v.voxnumber_type == r.voxnumber_type)
            .filter(|v| {
                r.voxnumber_country.as_deref().is_none_or(|c| {
                    v.voxnumber_country
                        .as_deref()
                        .is_some_and(|x| x.eq_ignore_ascii_case(c))
                })
            })
            .filter(|v| {
                r.voxnumber_city.as_deref().is_none_or(|c| {
                    v.voxnumber_city
                        .as_deref()
                        .is_some_and(|x| x.eq_ignore_ascii_case(c))
                })
            })
            .filter(|v| r.assigned_status.is_none() || v.assigned_status == r.assigned_status)
            .filter(|v| r.call_status.is_none() || v.call_status == r.call_status)
            .filter(|v| r.link_id.is_none() || v.link_id == r.link_id)
            .collect();
        sort_by(&mut all, &r.order, |v, field| v.text_of(field));
        let f = &r.req_fields;
        for v in &mut all {
            // The node's fields only when asked for; the country code goes with the number.
            v.retain_fields(|d| match d.abbreviation {
                Some(a) => wanted(f, a, !matches!(a, "nid" | "nname")),
                None => wanted(f, "vn", true),
            });
        }
        paginate(all, r.page, r.limit)
    }

    /// getLinks; "Node ID does not exist" for a node no link has.
    pub fn links(&self, r: &LinksRequest) -> Result<Page<AccountLink>, Vec<String>> {
        if let Some(node) = &r.node_id {
            if !self.state.links.iter().any(|l| l.node() == node) {
                return Err(vec!["Node ID does not exist".into()]);
            }
        }
        let f = &r.req_fields;
        let mut all: Vec<AccountLink> = self
            .state
            .links
            .iter()
            .filter(|l| r.node_id.as_deref().is_none_or(|n| l.node() == n))
            .filter(|l| r.node_type.as_deref().is_none_or(|t| l.node_type() == t))
            .filter(|l| r.link_id.as_deref().is_none_or(|i| l.link_id == i))
            .filter(|l| r.link_type.as_deref().is_none_or(|t| l.kind() == t))
            .map(|l| AccountLink {
                node_id: Some(l.node().into()),
                node_name: Some(l.node_name().into()),
                node_type: Some(l.node_type().into()),
                link_id: Some(l.link_id.clone()),
                link_name: Some(l.name()),
                link_type: Some(l.kind().into()),
                click_to_call: Some(true),
                voxnumber: self
                    .state
                    .voxnumbers
                    .iter()
                    .find(|n| n.link_id.as_deref() == Some(&l.link_id))
                    .map(|n| n.full_voxnumber.clone()),
                rule_name: None,
            })
            .collect();
        sort_by(&mut all, &r.order, |l, field| l.text_of(field));
        for l in &mut all {
            l.retain_fields(|d| d.abbreviation.is_none_or(|a| wanted(f, a, true)));
        }
        Ok(paginate(all, r.page, r.limit))
    }

    /// getNodes: each node once per link, its default fields all but the number.
    pub fn nodes(&self, r: &NodesRequest) -> Page<AccountNode> {
        let number_of = |link: &str| {
            let n = self.state.voxnumbers.iter();
            n.filter(|n| n.link_id.as_deref() == Some(link))
                .map(|n| n.full_voxnumber.clone())
                .next()
        };
        let is =
            |filter: &Option<String>, value: &str| filter.as_deref().is_none_or(|f| f == value);
        let mut all: Vec<AccountNode> = (self.state.links.iter())
            .filter(|l| is(&r.node_id, l.node()) && is(&r.node_type, l.node_type()))
            .filter(|l| is(&r.link_id, &l.link_id) && is(&r.link_type, l.kind()))
            .filter(|l| r.voxnumber.is_none() || number_of(&l.link_id) == r.voxnumber)
            .filter(|_| r.rule_name.is_none())
            .map(|l| AccountNode {
                node_id: Some(l.node().into()),
                node_name: Some(l.node_name().into()),
                node_type: Some(l.node_type().into()),
                link_id: Some(l.link_id.clone()),
                link_name: Some(l.name()),
                link_type: Some(l.kind().into()),
                rule_template_name: None,
                voxnumber: None,
            })
            .collect();
        // A node made by createNodes with no link yet comes once, its link fields empty.
        let linkless = (self.state.nodes.iter())
            .filter(|n| !self.state.links.iter().any(|l| l.node() == n.node_id))
            .filter(|n| is(&r.node_id, &n.node_id) && is(&r.node_type, &n.node_type))
            .filter(|_| r.link_id.is_none() && r.link_type.is_none() && r.voxnumber.is_none())
            .filter(|_| r.rule_name.is_none());
        all.extend(linkless.map(|n| AccountNode {
            node_id: Some(n.node_id.clone()),
            node_name: Some(n.node_name.clone()),
            node_type: Some(n.node_type.clone()),
            ..Default::default()
        }));
        let order = r.order.clone().or(Some("nn_DESC".into()));
        sort_by(&mut all, &order, |n, field| n.text_of(field));
        let f = &r.req_fields;
        for n in &mut all {
            // The sandbox keeps no rule template, and getNodes lists no number.
            n.retain_fields(|d| {
                d.abbreviation
                    .is_some_and(|a| a != "rtn" && wanted(f, a, true))
            });
        }
        paginate(all, r.page, r.limit)
    }

    /// deleteVoxnumbersFromAccount: every number or none.
    pub fn delete_voxnumbers(&mut self, r: &DeleteVoxnumbersRequest) -> Result<(), Vec<String>> {
        let total = r.full_voxnumbers.len();
        let mut errors = Vec::new();
        for (i, full) in r.full_voxnumbers.iter().enumerate() {
            let p = Position {
                index: i + 1,
                total,
            };
            match self
                .state
                .voxnumbers
                .iter()
                .find(|n| &n.full_voxnumber == full)
            {
                // The page's own spelling.
                None => errors.push(format!("VoxNumber {p} does not exists")),
                Some(n) if n.link_id.is_some() && !r.rm_if_in_use => {
                    errors.push(format!("VoxNumber {p} is attached to a Link"))
                }
                Some(_) => {}
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.state
            .voxnumbers
            .retain(|n| !r.full_voxnumbers.contains(&n.full_voxnumber));
        Ok(())
    }
}
