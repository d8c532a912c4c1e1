//! `iovox nodes` and `iovox links` with `create` and `delete`, `iovox calls` and
//! `iovox recording`: the call-tracking loop from the command line. Listing is what each
//! command does alone (`iovox nodes`, `iovox links`); a listing that walks many pages
//! shows its progress on stderr when stderr is a terminal.

use crate::{client, Call, Outcome, Usage};
use clap::{Args, Subcommand};
use iovox_core::method::{
    CreateLinks, CreateNodes, DeleteLinks, DeleteNodes, GetCallData, GetCallRecording, GetNodes,
};
use iovox_http::{CallDataRequest, CallOptions, IdsRequest, NodesRequest, Records};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

/// `iovox nodes`: list them, or `create`, `delete`.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Nodes {
    #[command(subcommand)]
    action: Option<NodeAction>,
    #[command(flatten)]
    list: Call<NodesListArgs>,
}

#[derive(Subcommand)]
enum NodeAction {
    /// Create a node (createNodes): `iovox nodes create "Westbourne" --name "Westbourne
    /// Apartments" --type Property`.
    Create(Call<CreateNodeArgs>),
    /// Delete nodes with their links (deleteNodes); their numbers stay in the account,
    /// unassigned. Asks first unless --yes.
    Delete(Call<DeleteArgs>),
}

#[derive(Args)]
pub struct NodesListArgs {
    /// Only this node.
    #[arg(long)]
    node_id: Option<String>,
    /// Only nodes of this type.
    #[arg(long)]
    node_type: Option<String>,
    /// Every page, one after the other.
    #[arg(long)]
    all: bool,
    /// Results per page (1 to 5000).
    #[arg(long)]
    limit: Option<u32>,
}

#[derive(Args)]
pub struct CreateNodeArgs {
    /// The node's ID, your own.
    node_id: String,
    /// Its name.
    #[arg(long)]
    name: String,
    /// Its type (free text: Property, Business, …).
    #[arg(long = "type")]
    kind: String,
    /// Its date, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` (default: today).
    #[arg(long)]
    date: Option<String>,
}

#[derive(Args)]
pub struct DeleteArgs {
    /// The IDs.
    #[arg(value_name = "ID", required = true)]
    ids: Vec<String>,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

/// `iovox links`: list them (as before), or `create`, `delete`.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Links {
    #[command(subcommand)]
    action: Option<LinkAction>,
    #[command(flatten)]
    pub(crate) list: Call<crate::lists::LinksArgs>,
}

#[derive(Subcommand)]
enum LinkAction {
    /// Create a link under a node (createLinks): `iovox links create ext1 --node Westbourne
    /// --name Magazine --type "Magazine Advertisement"`.
    Create(Call<CreateLinkArgs>),
    /// Delete links (deleteLinks); their numbers stay in the account, unassigned. Asks
    /// first unless --yes.
    Delete(Call<DeleteArgs>),
}

#[derive(Args)]
pub struct CreateLinkArgs {
    /// The link's ID, your own.
    link_id: String,
    /// The node it hangs under.
    #[arg(long)]
    node: String,
    /// Its name (unique in its node).
    #[arg(long)]
    name: String,
    /// Its type (free text: Web, Magazine Advertisement, …).
    #[arg(long = "type")]
    kind: String,
    /// Turn click-to-call off.
    #[arg(long)]
    no_click_to_call: bool,
}

/// `iovox calls`: the calls the account's numbers received (getCallData).
#[derive(Args)]
pub struct CallsArgs {
    /// Calls since (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`; default: the first of this month).
    #[arg(long)]
    since: Option<String>,
    /// Calls until (default: today, 23:59:59).
    #[arg(long)]
    until: Option<String>,
    /// Only calls to this number.
    #[arg(long)]
    number: Option<String>,
    /// Only calls to this link's number.
    #[arg(long)]
    link: Option<String>,
    /// Print comma-separated values, a header first (`--json`: one call per line).
    #[arg(long, conflicts_with = "json")]
    csv: bool,
    /// Results per page (1 to 20000).
    #[arg(long)]
    limit: Option<u32>,
}

/// `iovox recording ID -o FILE`: a recorded call's audio (getCallRecording).
#[derive(Args)]
pub struct RecordingArgs {
    /// The call's ID (from `iovox calls`).
    id: String,
    /// Where to write the MP3.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

fn confirm(what: &str, yes: bool) -> Result<bool, Usage> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Usage(format!(
            "{what} cannot be undone and asks first; pass --yes to confirm without a terminal"
        )));
    }
    eprint!("{what}? [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "YES"))
}

/// One call of a method whose answer is nothing; `done` printed on success.
fn act<M: iovox_core::method::Method<Output = ()>>(
    c: &crate::Connection,
    request: &M::Request,
    json: bool,
    done: String,
) -> Outcome {
    let result = client(c).and_then(|client| client.call::<M>(request, &CallOptions::default()));
    Ok(match result {
        Ok(()) => {
            if json {
                say!("{}", serde_json::json!({ "done": done }));
            } else {
                say!("{done}");
            }
            None
        }
        Err(e) => Some(e),
    })
}

fn delete<M: iovox_core::method::Method<Request = IdsRequest, Output = ()>>(
    call: Call<DeleteArgs>,
    what: &str,
    json: bool,
) -> Outcome {
    let n = call.args.ids.len();
    let plural = if n == 1 { "" } else { "s" };
    if !confirm(
        &format!("Delete {n} {what}{plural} for good"),
        call.args.yes,
    )? {
        eprintln!("nothing deleted");
        return Ok(None);
    }
    let done = format!("deleted {n} {what}{plural}");
    act::<M>(
        &call.connection,
        &IdsRequest::new(call.args.ids),
        json || call.json,
        done,
    )
}

/// A listing's progress, on stderr when it is a terminal.
fn progress(page: Option<u32>, pages: Option<u32>) {
    if std::io::stderr().is_terminal() {
        eprint!(
            "\rpage {} of {}",
            page.unwrap_or(1),
            pages.map_or("?".into(), |p| p.to_string())
        );
    }
}

pub fn nodes(n: Nodes, json: bool) -> Outcome {
    match n.action {
        Some(NodeAction::Create(c)) => {
            let mut record = vec![
                ("node_id", c.args.node_id.clone()),
                ("node_name", c.args.name),
                ("node_type", c.args.kind),
            ];
            record.extend(c.args.date.map(|d| ("node_date", d)));
            let done = format!("created node {}", c.args.node_id);
            act::<CreateNodes>(
                &c.connection,
                &Records::new().record(record),
                json || c.json,
                done,
            )
        }
        Some(NodeAction::Delete(c)) => delete::<DeleteNodes>(c, "node", json),
        None => {
            let json = json || n.list.json;
            let a = n.list.args;
            let request = NodesRequest {
                node_id: a.node_id,
                node_type: a.node_type,
                limit: a.limit,
                ..Default::default()
            };
            let client = match client(&n.list.connection) {
                Ok(c) => c,
                Err(e) => return Ok(Some(e)),
            };
            for page in client.pages::<GetNodes>(request) {
                let page = match page {
                    Ok(p) => p,
                    Err(e) => return Ok(Some(e)),
                };
                if json {
                    say!("{}", serde_json::to_string(&page).unwrap_or_default());
                } else {
                    for r in &page.results {
                        say!(
                            "node {:<16} {:<20} {:<10} link {}",
                            r.node_id.as_deref().unwrap_or("-"),
                            r.node_name.as_deref().unwrap_or("-"),
                            r.node_type.as_deref().unwrap_or("-"),
                            r.link_id.as_deref().unwrap_or("(none)")
                        );
                    }
                }
                if !a.all {
                    break;
                }
                progress(page.current_page, page.total_pages);
            }
            Ok(None)
        }
    }
}

pub fn links(l: Links, json: bool) -> Outcome {
    match l.action {
        Some(LinkAction::Create(c)) => {
            let a = c.args;
            let record = [
                ("node_id", a.node),
                ("link_id", a.link_id.clone()),
                ("link_name", a.name),
                ("link_type", a.kind),
                (
                    "click_to_call",
                    if a.no_click_to_call { "0" } else { "1" }.into(),
                ),
            ];
            let done = format!("created link {}", a.link_id);
            act::<CreateLinks>(
                &c.connection,
                &Records::new().record(record),
                json || c.json,
                done,
            )
        }
        Some(LinkAction::Delete(c)) => delete::<DeleteLinks>(c, "link", json),
        None => crate::lists::links(&l.list.connection, l.list.args, json || l.list.json),
    }
}

const CSV_FIELDS: [&str; 9] = [
    "id",
    "call_start",
    "call_end",
    "call_origin",
    "voxnumber",
    "call_time_sec",
    "call_result",
    "link_id",
    "has_recording",
];

fn csv_cell(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

pub fn calls(call: Call<CallsArgs>, json: bool) -> Outcome {
    let a = call.args;
    let json = json || call.json;
    let mut request = CallDataRequest::new();
    for (k, v) in [
        ("sdt", a.since),
        ("edt", a.until),
        ("voxnumber", a.number),
        ("link_id", a.link),
    ] {
        if let Some(v) = v {
            request = request.filter(k, v);
        }
    }
    request.limit = a.limit;
    let client = match client(&call.connection) {
        Ok(c) => c,
        Err(e) => return Ok(Some(e)),
    };
    if a.csv {
        say!("{}", CSV_FIELDS.join(","));
    }
    for page in client.pages::<GetCallData>(request) {
        let page = match page {
            Ok(p) => p,
            Err(e) => return Ok(Some(e)),
        };
        progress(page.current_page, page.total_pages);
        for c in &page.results {
            if json {
                say!("{}", serde_json::to_string(c).unwrap_or_default());
            } else if a.csv {
                let v = serde_json::to_value(c).unwrap_or_default();
                let cells: Vec<String> = CSV_FIELDS
                    .iter()
                    .map(|f| match &v[*f] {
                        serde_json::Value::String(s) => csv_cell(s),
                        serde_json::Value::Null => String::new(),
                        other => other.to_string(),
                    })
                    .collect();
                say!("{}", cells.join(","));
            } else {
                say!(
                    "{} {}  +{} -> +{}  {:>5}s {}{}",
                    c.id.as_deref().unwrap_or("-"),
                    c.call_start.as_deref().unwrap_or("-"),
                    c.call_origin.as_deref().unwrap_or("?"),
                    c.voxnumber.as_deref().unwrap_or("?"),
                    c.call_time_sec.unwrap_or(0),
                    c.call_result.as_deref().unwrap_or("-"),
                    if c.has_recording == Some(true) {
                        "  (recorded)"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    if std::io::stderr().is_terminal() {
        eprintln!();
    }
    Ok(None)
}

pub fn recording(call: Call<RecordingArgs>, json: bool) -> Outcome {
    let a = call.args;
    let audio = match client(&call.connection)
        .and_then(|c| c.call::<GetCallRecording>(&a.id, &CallOptions::default()))
    {
        Ok(audio) => audio,
        Err(e) => return Ok(Some(e)),
    };
    iovox_http::save_recording(&audio, &a.output)
        .map_err(|e| Usage(format!("cannot write {}: {e}", a.output.display())))?;
    if json || call.json {
        say!(
            "{}",
            serde_json::json!({ "file": a.output, "bytes": audio.len() })
        );
    } else {
        say!("wrote {} bytes to {}", audio.len(), a.output.display());
    }
    Ok(None)
}
