//! `iovox regions`, `iovox numbers`, `iovox links` and `iovox release`: a number's life
//! after the purchase, from the command line. Lists print one line per result (or the
//! page as JSON); `--all` walks every page.

use crate::{client, Connection, Outcome, Usage};
use clap::Args;
use iovox_core::method::{GetLinks, GetVoxnumberRegions, GetVoxnumbers, Method};
use iovox_http::{
    AssignedStatus, CallStatus, Client, DeleteVoxnumbersRequest, Error, LinksRequest, NumberType,
    Page, Paged, RegionsRequest, VoxnumbersRequest,
};
use std::io::{BufRead, IsTerminal, Write};

#[derive(Args)]
pub struct Paging {
    /// The page to show (from 1).
    #[arg(long)]
    page: Option<u32>,
    /// Results per page (1 to 20000).
    #[arg(long)]
    limit: Option<u32>,
    /// Every page, one after the other.
    #[arg(long, conflicts_with = "page")]
    all: bool,
}

#[derive(Args)]
pub struct RegionsArgs {
    /// Only this country (IDD, e.g. 44).
    #[arg(long)]
    country_code: Option<u32>,
    /// Only this area code.
    #[arg(long)]
    area_code: Option<u32>,
    /// Only regions selling NATIONAL, GEOGRAPHIC or TOLLFREE numbers.
    #[arg(long)]
    number_type: Option<NumberType>,
    #[command(flatten)]
    paging: Paging,
}

#[derive(Args)]
pub struct NumbersArgs {
    /// Only numbers attached to no link.
    #[arg(long, conflicts_with = "assigned")]
    unassigned: bool,
    /// Only numbers attached to a link.
    #[arg(long)]
    assigned: bool,
    /// Only the number of this link.
    #[arg(long)]
    link_id: Option<String>,
    /// Only this number (international digits).
    #[arg(long)]
    voxnumber: Option<String>,
    /// Only numbers with this call status (ON, NO RULES, ACTIVE, OFF).
    #[arg(long)]
    call_status: Option<CallStatus>,
    /// Sort, e.g. vnpd_DESC (newest first).
    #[arg(long)]
    order: Option<String>,
    #[command(flatten)]
    paging: Paging,
}

#[derive(Args)]
pub struct LinksArgs {
    /// Only links of this node.
    #[arg(long)]
    node_id: Option<String>,
    /// Only this link.
    #[arg(long)]
    link_id: Option<String>,
    /// Sort, e.g. ln_ASC.
    #[arg(long)]
    order: Option<String>,
    #[command(flatten)]
    paging: Paging,
}

#[derive(Args)]
pub struct ReleaseArgs {
    /// The numbers to give back (international digits), at most 100.
    #[arg(value_name = "VOXNUMBER", required = true)]
    full_voxnumbers: Vec<String>,
    /// Detach a number from its link first (without it, attached numbers are refused).
    #[arg(long)]
    rm_if_in_use: bool,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

/// One page, or every page with `--all`, each result printed as it comes.
fn list<M, T>(
    c: &Connection,
    request: M::Request,
    all: bool,
    json: bool,
    line: impl Fn(&T) -> String,
) -> Outcome
where
    M: Method<Output = Page<T>>,
    M::Request: Paged,
    T: serde::Serialize,
{
    let client: Client = match client(c) {
        Ok(c) => c,
        Err(e) => return Ok(Some(e)),
    };
    let mut pages = client.pages::<M>(request);
    loop {
        let page = match pages.next() {
            None => return Ok(None),
            Some(Err(e)) => return Ok(Some(e)),
            Some(Ok(page)) => page,
        };
        if json {
            say!("{}", serde_json::to_string(&page).unwrap_or_default());
        } else {
            for r in &page.results {
                say!("{}", line(r));
            }
            if !all && page.has_next() {
                eprintln!(
                    "(page {} of {}; --all for every page)",
                    page.current_page.unwrap_or(1),
                    page.total_pages.map_or("?".into(), |t| t.to_string())
                );
            }
        }
        if !all {
            return Ok(None);
        }
    }
}

fn or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

pub fn regions(c: &Connection, a: RegionsArgs, json: bool) -> Outcome {
    let request = RegionsRequest {
        number_type: a.number_type,
        country_code: a.country_code,
        area_code: a.area_code,
        req_fields: Vec::new(),
        page: a.paging.page,
        limit: a.paging.limit,
    };
    list::<GetVoxnumberRegions, _>(c, request, a.paging.all, json, |r| {
        format!(
            "+{} {:<6} {:<16} {:<14}{}",
            r.country_code.map_or("?".into(), |c| c.to_string()),
            r.area_code.map_or("?".into(), |a| a.to_string()),
            or_dash(r.country_name.as_deref()),
            or_dash(r.city_name.as_deref()),
            if r.require_purchase_info == Some(true) {
                " (needs additional_information)"
            } else {
                ""
            }
        )
    })
}

pub fn numbers(c: &Connection, a: NumbersArgs, json: bool) -> Outcome {
    let assigned_status = match (a.assigned, a.unassigned) {
        (true, _) => Some(AssignedStatus::Assigned),
        (_, true) => Some(AssignedStatus::Unassigned),
        _ => None,
    };
    let request = VoxnumbersRequest {
        voxnumber: a.voxnumber,
        assigned_status,
        call_status: a.call_status,
        link_id: a.link_id,
        order: a.order,
        page: a.paging.page,
        limit: a.paging.limit,
        ..Default::default()
    };
    list::<GetVoxnumbers, _>(c, request, a.paging.all, json, |n| {
        format!(
            "+{:<15} {:<10} link {:<8} {}",
            or_dash(n.voxnumber.as_deref()),
            n.assigned_status.map_or("-", |s| s.as_str()),
            or_dash(n.link_id.as_deref()),
            or_dash(n.purchase_date.as_deref())
        )
    })
}

pub fn links(c: &Connection, a: LinksArgs, json: bool) -> Outcome {
    let request = LinksRequest {
        node_id: a.node_id,
        link_id: a.link_id,
        order: a.order,
        page: a.paging.page,
        limit: a.paging.limit,
        ..Default::default()
    };
    list::<GetLinks, _>(c, request, a.paging.all, json, |l| {
        format!(
            "link {:<8} {:<20} node {:<6} <- {}",
            or_dash(l.link_id.as_deref()),
            or_dash(l.link_name.as_deref()),
            or_dash(l.node_id.as_deref()),
            l.voxnumber
                .as_deref()
                .map_or("(no number)".into(), |v| format!("+{v}"))
        )
    })
}

pub fn release(c: &Connection, a: ReleaseArgs, json: bool) -> Outcome {
    let request = DeleteVoxnumbersRequest::new(a.full_voxnumbers).rm_if_in_use(a.rm_if_in_use);
    if let Err(e) = request.validate() {
        return Ok(Some(Error::Validation(e)));
    }
    let n = request.full_voxnumbers.len();
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Usage(
                "release gives numbers back for good and asks first; pass --yes to confirm \
                 without a terminal"
                    .into(),
            ));
        }
        eprint!(
            "Give {n} number{} back to IOVOX for good{}? [y/N] ",
            if n == 1 { "" } else { "s" },
            if a.rm_if_in_use {
                ", detaching them first"
            } else {
                ""
            }
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "YES") {
            eprintln!("nothing given back");
            return Ok(None);
        }
    }
    let result = client(c).and_then(|client| client.delete_voxnumbers_from_account(&request));
    Ok(match result {
        Ok(()) => {
            if json {
                say!("{}", serde_json::json!({ "released": n }));
            } else {
                say!("gave {n} number{} back", if n == 1 { "" } else { "s" });
            }
            None
        }
        Err(e) => Some(e),
    })
}
