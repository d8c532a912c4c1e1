//! `iovox`: the IOVOX REST API v3 from the command line, a local sandbox, and the demo.
#![forbid(unsafe_code)]

/// `println!` that ignores a closed stdout (`iovox ... | head`): a reader that left is no
/// reason to panic; the exit code still tells what happened.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod call;
mod demo;
mod list;
mod lists;
mod methods;
mod output;
mod setup;

use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use iovox_core::method::{
    AttachVoxnumberToLink, Method, Prepared, PurchaseVoxNumbers, RemoveVoxnumberFromLink,
};
use iovox_core::{wire, BY_AREA, BY_POSTCODE, BY_VOXNUMBER};
use iovox_http::{Client, Error};
use output::{print_order, report_error, EXIT_FAILED};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "iovox",
    version,
    about = "IOVOX REST API v3: buy VoxNumbers, attach them to links, run a local sandbox"
)]
struct Cli {
    /// Print results and errors as JSON on stdout (also taken after the command).
    #[arg(long)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

/// A command that talks to IOVOX: its own arguments, then where and as whom (each
/// subcommand shows only the options it uses: `iovox sandbox --help` lists no client
/// option).
#[derive(Args)]
pub(crate) struct Call<T: Args> {
    #[command(flatten)]
    pub(crate) args: T,
    #[command(flatten)]
    pub(crate) connection: Connection,
    /// Print results and errors as JSON on stdout.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Only `--json`, for the commands that print without calling IOVOX.
#[derive(Args)]
struct Json {
    /// Print as JSON on stdout.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub(crate) struct Connection {
    /// IOVOX username.
    #[arg(long, env = "IOVOX_USERNAME")]
    username: Option<String>,
    /// IOVOX secure key.
    #[arg(long, env = "IOVOX_SECURE_KEY", hide_env_values = true)]
    secure_key: Option<String>,
    /// Base URL (default: production).
    #[arg(long, env = "IOVOX_BASE_URL")]
    base_url: Option<String>,
    /// Use IOVOX's hosted sandbox (`https://sandboxapi.iovox.com:444`).
    #[arg(long, conflicts_with_all = ["production", "base_url"])]
    sandbox: bool,
    /// Use IOVOX production (`https://api.iovox.com:444`).
    #[arg(long, conflicts_with = "base_url")]
    production: bool,
    /// Timeout of one attempt, in seconds.
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<f64>,
    /// A PEM file of extra certificate authorities to trust (a company's TLS proxy).
    #[arg(long, value_name = "PEM")]
    ca_file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Buy VoxNumbers (purchaseVoxNumbers).
    #[command(
        after_help = "Examples:\n  iovox regions --country-code 44 --number-type GEOGRAPHIC   # where stock is\n  iovox purchase --item 44:151:GEOGRAPHIC:2 --callback-url https://user:pass@me.example/hook\n  iovox purchase --file order.json --dry-run                 # the XML, nothing sent"
    )]
    Purchase(Call<PurchaseArgs>),
    /// Attach VoxNumbers to links (attachVoxnumberToLink); links keep their order.
    #[command(
        after_help = "Examples:\n  iovox attach --by-voxnumber 333=441512100200\n  iovox attach --by-area 444=44:20:city,country --by-postcode \"555=UNITED KINGDOM:SW1A 0AA:20\""
    )]
    Attach(Call<AttachArgs>),
    /// Detach the VoxNumber of each link (removeVoxnumberFromLink); the numbers go back to
    /// the account's pool, unassigned.
    #[command(
        after_help = "Examples:\n  iovox detach 333 444          # both links' numbers back to the pool"
    )]
    Detach(Call<DetachArgs>),
    /// The regions numbers can be bought in (getVoxnumberRegions).
    #[command(
        after_help = "Examples:\n  iovox regions --country-code 44 --number-type GEOGRAPHIC\n  iovox --json regions --country-code 1"
    )]
    Regions(Call<lists::RegionsArgs>),
    /// The account's numbers (getVoxnumbers); --unassigned for the free ones.
    #[command(
        after_help = "Examples:\n  iovox numbers --unassigned --all          # every page\n  iovox numbers --order vnpd_DESC --limit 10"
    )]
    Numbers(Call<lists::NumbersArgs>),
    /// The account's links and their numbers (getLinks); `create` and `delete` them.
    #[command(
        after_help = "Examples:\n  iovox links --node-id N1\n  iovox links create westbourne-web --node westbourne --name Website --type Web\n  iovox links delete westbourne-web --yes"
    )]
    Links(setup::Links),
    /// The account's nodes, once per link (getNodes); `create` and `delete` them.
    #[command(
        after_help = "Examples:\n  iovox nodes\n  iovox nodes create westbourne --name \"Westbourne Apartments\" --type Property\n  iovox nodes delete westbourne --yes"
    )]
    Nodes(setup::Nodes),
    /// The calls the account's numbers received (getCallData): `iovox calls --since
    /// 2026-12-01 --csv`.
    #[command(
        after_help = "Examples:\n  iovox calls --since 2026-12-01 --csv > december.csv\n  iovox calls --number 442071234567 --json"
    )]
    Calls(Call<setup::CallsArgs>),
    /// A recorded call's audio into a file (getCallRecording): `iovox recording ID -o call.mp3`.
    #[command(after_help = "Examples:\n  iovox recording CALL-000001 -o call.mp3")]
    Recording(Call<setup::RecordingArgs>),
    /// Give numbers back to IOVOX for good (deleteVoxnumbersFromAccount); asks first
    /// unless --yes.
    #[command(after_help = "Examples:\n  iovox release 441512100200 --rm-if-in-use --yes")]
    Release(Call<lists::ReleaseArgs>),
    /// Any list method of the model by IOVOX's name, with NAME=VALUE arguments:
    /// `iovox list getCountries limit=10`.
    #[command(
        after_help = "Examples:\n  iovox list getCountries limit=10\n  iovox list getCallMetrics group_fields=vn --all"
    )]
    List(Call<list::ListArgs>),
    /// Any other typed method by IOVOX's name, with its arguments as JSON:
    /// `iovox call getNodeDetails '{"node_id": "N1"}'`, `iovox call createNodeFull @node.json`.
    #[command(
        after_help = "Examples:\n  iovox call getNodeDetails '{\"node_id\": \"N1\"}'\n  iovox call createNodeFull @node.json\n  echo '{\"call_status\": \"OFF\", \"voxnumbers\": [\"442071234567\"]}' | iovox call setCallStatus -"
    )]
    Call(Call<call::CallArgs>),
    /// Every IOVOX method: route, verb, retry class, whether the SDK types it and the
    /// sandbox answers it. The raw call takes the interface and method names shown here.
    #[command(
        after_help = "Examples:\n  iovox methods                  # interface and verb, for the raw call\n  iovox methods --json | jq '.[] | select(.typed | not) | .name'"
    )]
    Methods(Json),
    /// Decode a callback body that IOVOX POSTed (a file, or - for standard input).
    #[command(
        after_help = "Examples:\n  iovox parse-callback callback.xml\n  curl -s https://me.example/last-callback | iovox parse-callback -"
    )]
    ParseCallback {
        /// The file holding the `<order>` XML.
        file: PathBuf,
        #[command(flatten)]
        json: Json,
    },
    /// Run the local sandbox server until interrupted.
    #[command(
        after_help = "Examples:\n  iovox sandbox                                 # 127.0.0.1:8080, key sandbox-secure-key\n  iovox sandbox --state my-state.json --simulate-calls 6\n  iovox sandbox --faults --response-delay-ms 300   # slow, and x-iovox-sandbox-fault works"
    )]
    Sandbox(SandboxArgs),
    /// Run the SDK end to end against a sandbox started inside this process.
    #[command(after_help = "Examples:\n  iovox demo")]
    Demo,
    /// Print the shell completion script: `iovox completions bash > ~/.local/share/bash-completion/completions/iovox`.
    #[command(
        after_help = "Examples:\n  iovox completions bash > ~/.local/share/bash-completion/completions/iovox"
    )]
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Args)]
struct DetachArgs {
    /// The link IDs.
    #[arg(value_name = "LINK_ID")]
    link_ids: Vec<String>,
    /// Print the XML that would be sent, and send nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Args)]
struct PurchaseArgs {
    /// An item as COUNTRY:AREA:TYPE:QUANTITY, e.g. 44:151:GEOGRAPHIC:2 (repeatable).
    #[arg(long = "item", value_name = "CC:AREA:TYPE:QTY")]
    items: Vec<String>,
    /// A JSON request with the wire field names ({"items": [...], "callback_url": ...}).
    #[arg(long)]
    file: Option<PathBuf>,
    /// Where IOVOX POSTs order updates; give it user:password@ so your endpoint can tell
    /// IOVOX's callbacks from forged ones.
    #[arg(long)]
    callback_url: Option<String>,
    /// Send a callback URL without user:password@ all the same (anyone who finds the
    /// endpoint could then forge its callbacks).
    #[arg(long)]
    allow_unauthenticated_callbacks: bool,
    /// An e-mail address copied on the order (repeatable).
    #[arg(long = "cc")]
    cc: Vec<String>,
    /// Buy only what is in stock.
    #[arg(long)]
    dynamic_quantity: bool,
    /// Print the XML that would be sent, and send nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Args)]
struct AttachArgs {
    /// `LINK=IDD:AREA[:FALLBACKS]`, FALLBACKS a comma list of city, region, country.
    #[arg(long = "by-area", value_name = "LINK=IDD:AREA[:FALLBACKS]")]
    by_area: Vec<String>,
    /// LINK=FULL_VOXNUMBER.
    #[arg(long = "by-voxnumber", value_name = "LINK=NUMBER")]
    by_voxnumber: Vec<String>,
    /// `LINK=COUNTRY:POSTCODE[:KM]`, e.g. "555=UNITED KINGDOM:SW1A 0AA:20".
    #[arg(long = "by-postcode", value_name = "LINK=COUNTRY:POSTCODE[:KM]")]
    by_postcode: Vec<String>,
    /// A JSON list of links with the wire field names.
    #[arg(long)]
    file: Option<PathBuf>,
    /// Print the XML that would be sent, and send nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Args)]
struct SandboxArgs {
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// A state file (JSON) instead of the built-in account.
    #[arg(long)]
    state: Option<PathBuf>,
    /// Username the sandbox accepts.
    #[arg(long = "user", default_value = iovox_sandbox::DEFAULT_USERNAME)]
    user: String,
    /// Secure key the sandbox accepts.
    #[arg(long = "key", env = "IOVOX_SANDBOX_SECURE_KEY", hide_env_values = true, default_value = iovox_sandbox::DEFAULT_SECURE_KEY)]
    key: String,
    /// Complete PENDING orders this many milliseconds after they are made.
    #[arg(long, value_name = "MS")]
    auto_restock_ms: Option<u64>,
    /// Answer every request this many milliseconds late (to test timeouts and concurrency).
    #[arg(long, value_name = "MS", default_value_t = 0)]
    response_delay_ms: u64,
    /// Honour the x-iovox-sandbox-fault request header.
    #[arg(long)]
    faults: bool,
    /// Simulate this many calls a minute to the account's numbers (getCallData lists
    /// them; a third are recorded, a quarter missed).
    #[arg(long, value_name = "RATE")]
    simulate_calls: Option<f64>,
}

impl Command {
    /// Whether `--json` was given after the command.
    fn json(&self) -> bool {
        match self {
            Command::Purchase(c) => c.json,
            Command::Attach(c) => c.json,
            Command::Detach(c) => c.json,
            Command::Regions(c) => c.json,
            Command::Numbers(c) => c.json,
            Command::Links(c) => c.list.json,
            Command::Nodes(_) => false,
            Command::Calls(c) => c.json,
            Command::Recording(c) => c.json,
            Command::Release(c) => c.json,
            Command::List(c) => c.json,
            Command::Call(c) => c.json,
            Command::Methods(j) | Command::ParseCallback { json: j, .. } => j.json,
            Command::Sandbox(_) | Command::Demo | Command::Completions { .. } => false,
        }
    }
}

/// A command-line mistake (not an IOVOX one): clap's exit code 2.
pub(crate) struct Usage(String);

/// `iovox --help` lists the commands by what a user wants to do, each with its one-line
/// summary; every command is in one group (a test holds it so).
const GROUPS: &[(&str, &[&str])] = &[
    (
        "Numbers: find, buy, attach, give back",
        &[
            "regions", "purchase", "numbers", "attach", "detach", "release",
        ],
    ),
    (
        "Nodes, links and calls",
        &["nodes", "links", "calls", "recording"],
    ),
    (
        "Any IOVOX method, by its name",
        &["methods", "list", "call"],
    ),
    (
        "Offline, and tools",
        &["sandbox", "demo", "parse-callback", "completions"],
    ),
];

/// The command line, with its help grouped ([`GROUPS`]).
fn command() -> clap::Command {
    let cmd = Cli::command();
    let mut groups = String::new();
    for (title, names) in GROUPS {
        groups.push_str(&format!("{title}:\n"));
        for name in *names {
            let about = (cmd.find_subcommand(name))
                .and_then(|c| c.get_about())
                .map(|a| a.to_string())
                .unwrap_or_default();
            groups.push_str(&wrapped(&format!("  {name:<15} "), &about, 18));
        }
        groups.push('\n');
    }
    cmd.help_template(format!(
        "{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{groups}Options:\n{{options}}{{after-help}}"
    ))
    .after_help(wrapped(
        "",
        "Each command's --help ends with examples. Credentials come from --username and \
         --secure-key, or IOVOX_USERNAME and IOVOX_SECURE_KEY; --sandbox and --base-url pick \
         the server. Exit status: 0 done, 3 the request is invalid (nothing sent), 1 any other \
         error, 2 a command-line mistake.",
        0,
    ))
}

/// `prefix` then `text`, folded at 100 columns, the lines after the first indented by
/// `indent` spaces.
fn wrapped(prefix: &str, text: &str, indent: usize) -> String {
    let mut out = String::new();
    let mut line = prefix.to_string();
    for word in text.split_whitespace() {
        if line.len() > indent && line.len() + 1 + word.len() > 100 {
            out.push_str(&line);
            out.push('\n');
            line = " ".repeat(indent);
        } else if !line.ends_with(' ') && !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

fn main() -> ExitCode {
    let matches = command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let sub = matches.subcommand().map(|(_, m)| m);
    match run(cli, sub) {
        Ok(code) => ExitCode::from(code),
        Err(Usage(message)) => {
            let mut cmd = command();
            cmd.error(clap::error::ErrorKind::InvalidValue, message)
                .exit()
        }
    }
}

fn run(cli: Cli, sub: Option<&ArgMatches>) -> Result<u8, Usage> {
    let json = cli.json || cli.command.json();
    let result = match cli.command {
        Command::Purchase(c) => purchase(&c.connection, c.args, json),
        Command::Attach(c) => {
            let links = ordered_links(&c.args, sub)?;
            attach(&c.connection, c.args, links, json)
        }
        Command::Detach(c) => detach(&c.connection, c.args, json),
        Command::Regions(c) => lists::regions(&c.connection, c.args, json),
        Command::Numbers(c) => lists::numbers(&c.connection, c.args, json),
        Command::Links(l) => setup::links(l, json),
        Command::Nodes(n) => setup::nodes(n, json),
        Command::Calls(c) => setup::calls(c, json),
        Command::Recording(c) => setup::recording(c, json),
        Command::Release(c) => lists::release(&c.connection, c.args, json),
        Command::Methods(_) => return Ok(methods::run(json)),
        Command::List(c) => list::run(&c.connection, c.args, json),
        Command::Call(c) => call::run(&c.connection, c.args, json),
        Command::ParseCallback { file, .. } => parse_callback(&file, json),
        Command::Sandbox(args) => return sandbox(args).map_err(Usage),
        Command::Demo => return Ok(demo::run()),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "iovox", &mut std::io::stdout());
            return Ok(0);
        }
    };
    Ok(match result? {
        Some(e) => report_error(&e, json),
        None => 0,
    })
}

pub(crate) fn client(c: &Connection) -> Result<Client, Error> {
    // clap has read the environment already; the builder checks every value, with the
    // same words as the Python and Node packages.
    let base = if c.sandbox {
        Some(iovox_http::SANDBOX_URL.to_string())
    } else if c.production {
        Some(iovox_http::PRODUCTION_URL.to_string())
    } else {
        c.base_url.clone()
    };
    let mut b = Client::builder_or_env(c.username.clone(), c.secure_key.clone(), base)?;
    if let Some(t) = c.timeout {
        b = b.timeout(iovox_http::config::duration(
            "--timeout",
            t,
            iovox_http::config::Unit::Seconds,
        )?);
    }
    if let Some(path) = &c.ca_file {
        b = b.ca_file(path);
    }
    b.build()
}

/// A JSON file through `iovox-convert`, as Node's objects go: snake_case or camelCase keys,
/// the same shape errors.
fn read_json<T>(
    path: &PathBuf,
    convert: impl FnOnce(serde_json::Value) -> Result<T, iovox_convert::ShapeError>,
) -> Result<T, Usage> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Usage(format!("cannot read {}: {e}", path.display())))?;
    let value = serde_json::from_str(&text)
        .map_err(|e| Usage(format!("{} is not valid JSON: {e}", path.display())))?;
    convert(value).map_err(|e| Usage(format!("{}: {e}", path.display())))
}

/// The outcome of a subcommand: `Ok(None)` success, `Ok(Some(e))` a reported error.
pub(crate) type Outcome = Result<Option<Error>, Usage>;

/// `--dry-run`: the XML that would be sent (what validation accepted), or every error.
fn dry_run(prepared: Result<Prepared, iovox_core::ValidationErrors>) -> Option<Error> {
    match prepared {
        Ok(Prepared { body, .. }) => {
            say!("{body}");
            None
        }
        Err(e) => Some(Error::Validation(e)),
    }
}

fn purchase(c: &Connection, args: PurchaseArgs, json: bool) -> Outcome {
    let mut request: wire::PurchaseRequest = match &args.file {
        Some(f) => read_json(f, |v| {
            iovox_convert::purchase_request(v, iovox_convert::Case::Snake)
        })?,
        None => wire::PurchaseRequest::default(),
    };
    let items = &mut request.items.get_or_insert_with(Default::default).item;
    for spec in &args.items {
        let parts: Vec<&str> = spec.split(':').collect();
        let [cc, area, number_type, quantity] = parts[..] else {
            return Err(Usage(format!(
                "--item expects COUNTRY:AREA:TYPE:QUANTITY, got {spec:?}"
            )));
        };
        let text = |s: &str| (!s.is_empty()).then(|| s.into());
        items.push(wire::PurchaseItem {
            country_code: text(cc),
            area_code: text(area),
            number_type: text(number_type),
            quantity: text(quantity),
            ..Default::default()
        });
    }
    if args.callback_url.is_some() {
        request.callback_url = args.callback_url.map(Into::into);
    }
    if !args.cc.is_empty() {
        request.cc_list = Some(args.cc.join(",").into());
    }
    if args.dynamic_quantity {
        request.dynamic_quantity = Some(true.into());
    }
    if args.allow_unauthenticated_callbacks {
        request.allow_unauthenticated_callbacks = Some(true.into());
    }
    if args.dry_run {
        return Ok(dry_run(PurchaseVoxNumbers::prepare_wire(&request)));
    }
    let result = client(c).and_then(|client| client.purchase_vox_numbers_wire(&request));
    Ok(match result {
        Ok(order) => {
            print_order(&order, json);
            None
        }
        Err(e) => Some(e),
    })
}

/// Links from the three flags, in the order they were given on the command line.
fn ordered_links(args: &AttachArgs, sub: Option<&ArgMatches>) -> Result<Vec<wire::Link>, Usage> {
    let mut positioned: Vec<(usize, wire::Link)> = Vec::new();
    let flags: [(&str, &Vec<String>, &str); 3] = [
        ("by_area", &args.by_area, BY_AREA),
        ("by_voxnumber", &args.by_voxnumber, BY_VOXNUMBER),
        ("by_postcode", &args.by_postcode, BY_POSTCODE),
    ];
    for (id, values, method) in flags {
        let indices: Vec<usize> = sub
            .and_then(|m| m.indices_of(id))
            .map(|i| i.collect())
            .unwrap_or_default();
        for (n, value) in values.iter().enumerate() {
            let at = indices.get(n).copied().unwrap_or(usize::MAX);
            positioned.push((at, parse_link(method, value)?));
        }
    }
    positioned.sort_by_key(|(at, _)| *at);
    Ok(positioned.into_iter().map(|(_, l)| l).collect())
}

fn parse_link(method: &str, value: &str) -> Result<wire::Link, Usage> {
    let (link_id, rest) = value
        .split_once('=')
        .ok_or_else(|| Usage(format!("a link is LINK=..., got {value:?}")))?;
    let mut link = wire::Link {
        link_id: Some(link_id.into()),
        method: Some(method.into()),
        ..Default::default()
    };
    let parts: Vec<&str> = rest.split(':').collect();
    let text = |s: &str| Some(s.into());
    match (method, &parts[..]) {
        (BY_VOXNUMBER, [number]) => link.full_voxnumber = text(number),
        (BY_AREA, [idd, area, more @ ..]) if more.len() <= 1 => {
            link.voxnumber_idd = text(idd);
            link.area_code = text(area);
            for fallback in more
                .iter()
                .flat_map(|m| m.split(','))
                .filter(|f| !f.is_empty())
            {
                let t = Some(true.into());
                match fallback.trim() {
                    "city" => link.fallback_city = t,
                    "region" => link.fallback_region = t,
                    "country" => link.fallback_country = t,
                    other => {
                        return Err(Usage(format!(
                            "unknown fallback {other:?}: use city, region, country"
                        )))
                    }
                }
            }
        }
        (BY_POSTCODE, [country, postcode, more @ ..]) if more.len() <= 1 => {
            link.voxnumber_country = text(country);
            link.postcode = text(postcode);
            link.fallback_area_distance = more.first().map(|k| (*k).into());
        }
        _ => {
            let shape = match method {
                BY_AREA => "LINK=IDD:AREA[:FALLBACKS]",
                BY_VOXNUMBER => "LINK=NUMBER",
                _ => "LINK=COUNTRY:POSTCODE[:KM]",
            };
            return Err(Usage(format!("{method} expects {shape}, got {value:?}")));
        }
    }
    Ok(link)
}

fn attach(c: &Connection, args: AttachArgs, links: Vec<wire::Link>, json: bool) -> Outcome {
    let mut request = wire::AttachRequest::default();
    if let Some(f) = &args.file {
        request.links = read_json(f, |v| {
            iovox_convert::attach_request(v, iovox_convert::Case::Snake)
        })?
        .links;
    }
    request.links.extend(links);
    if args.dry_run {
        return Ok(dry_run(AttachVoxnumberToLink::prepare_wire(&request)));
    }
    let n = request.links.len();
    let result = client(c).and_then(|client| client.attach_voxnumber_to_link_wire(&request));
    Ok(match result {
        Ok(()) => {
            if json {
                say!("{}", serde_json::json!({ "attached": n }));
            } else {
                say!("attached {n} link{}", if n == 1 { "" } else { "s" });
            }
            None
        }
        Err(e) => Some(e),
    })
}

fn detach(c: &Connection, args: DetachArgs, json: bool) -> Outcome {
    let request = iovox_core::DetachRequest::new(args.link_ids);
    if args.dry_run {
        return Ok(dry_run(RemoveVoxnumberFromLink::prepare(&request)));
    }
    let n = request.link_ids.len();
    let result = client(c).and_then(|client| client.remove_voxnumber_from_link(&request));
    Ok(match result {
        Ok(()) => {
            if json {
                say!("{}", serde_json::json!({ "detached": n }));
            } else {
                say!("detached {n} link{}", if n == 1 { "" } else { "s" });
            }
            None
        }
        Err(e) => Some(e),
    })
}

fn parse_callback(file: &PathBuf, json: bool) -> Outcome {
    let body = if file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)
            .map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
        b
    } else {
        std::fs::read(file).map_err(|e| Usage(format!("cannot read {}: {e}", file.display())))?
    };
    Ok(match iovox_http::parse_callback(&body) {
        Ok(order) => {
            print_order(&order, json);
            None
        }
        Err(e) => Some(e.into()),
    })
}

fn sandbox(args: SandboxArgs) -> Result<u8, String> {
    let every = match args.simulate_calls {
        None => None,
        Some(rate) if rate.is_finite() && rate > 0.0 && rate <= 60_000.0 => {
            Some(Duration::from_secs_f64(60.0 / rate))
        }
        Some(rate) => return Err(format!("--simulate-calls must be a number of calls a minute above 0 and at most 60000, not {rate}")),
    };
    let state = match &args.state {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            iovox_sandbox::State::from_json(&text)
                .map_err(|e| format!("{} is not a sandbox state: {e}", path.display()))?
        }
        None => iovox_sandbox::State::default(),
    };
    let config = iovox_sandbox::Config {
        port: args.port,
        username: args.user,
        secure_key: args.key,
        state,
        auto_restock_after: args.auto_restock_ms.map(Duration::from_millis),
        response_delay: Duration::from_millis(args.response_delay_ms),
        fault_header: args.faults,
        ..Default::default()
    };
    let sb = match iovox_sandbox::Sandbox::start(config) {
        Ok(sb) => sb,
        Err(e) => {
            eprintln!("error: cannot start the sandbox on port {}: {e}", args.port);
            return Ok(EXIT_FAILED);
        }
    };
    // The banner is best effort: a closed stdout (a pipe whose reader left) must not stop
    // the server.
    let banner = format!(
        "iovox sandbox listening on {url}\n  username: {user}   secureKey: {key}\n  try: curl -i -X POST '{url}/Purchase?v=3&method=purchaseVoxNumbers' -H 'username: {user}' -H 'secureKey: {key}' --data '<request><items><item><country_code>44</country_code><area_code>20</area_code><number_type>GEOGRAPHIC</number_type><quantity>1</quantity></item></items></request>'\nPress Ctrl-C to stop.\n",
        url = sb.url(),
        user = sb.username(),
        key = sb.secure_key()
    );
    let mut out = std::io::stdout();
    let _ = std::io::Write::write_all(&mut out, banner.as_bytes());
    let _ = std::io::Write::flush(&mut out);
    let Some(every) = every else {
        loop {
            std::thread::park();
        }
    };
    for i in 0u64.. {
        std::thread::sleep(every);
        let numbers = sb.state().voxnumbers;
        let Some(number) = numbers.get(i as usize % numbers.len().max(1)) else {
            continue;
        };
        let mut call = iovox_sandbox::SimulatedCall::new(
            number.full_voxnumber.clone(),
            format!("44796611{:04}", i % 10_000),
        );
        call.duration_sec = 20 + (i * 37 % 400) as u32;
        call.answered = i % 4 != 0;
        call.recording = i % 3 == 0;
        let _ = sb.simulate_call(&call);
    }
    Ok(0)
}

#[cfg(test)]
mod help {
    use super::*;

    #[test]
    fn every_command_is_in_one_group_of_the_help() {
        let cmd = command();
        let mut grouped: Vec<&str> = GROUPS.iter().flat_map(|(_, n)| n.iter().copied()).collect();
        grouped.sort_unstable();
        let mut commands: Vec<&str> = cmd
            .get_subcommands()
            .map(|c| c.get_name())
            .filter(|n| *n != "help")
            .collect();
        commands.sort_unstable();
        assert_eq!(grouped, commands);
        let help = command().render_help().to_string();
        for name in commands {
            assert!(
                help.contains(&format!("\n  {name} ")),
                "{name} missing from:\n{help}"
            );
        }
    }

    /// An example's words as a shell would split them (quotes kept together), without
    /// a trailing comment or redirection.
    fn words(example: &str) -> Vec<String> {
        let (mut out, mut word, mut quote) = (Vec::new(), String::new(), None);
        for c in example.chars() {
            match (quote, c) {
                (None, '#' | '>') if word.is_empty() => break,
                (None, '\'' | '"') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, ' ') => {
                    if !word.is_empty() {
                        out.push(std::mem::take(&mut word));
                    }
                }
                _ => word.push(c),
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    }

    #[test]
    fn every_example_in_a_commands_help_is_one_it_accepts() {
        let mut seen = 0;
        for sub in command().get_subcommands() {
            let Some(after) = sub.get_after_help() else {
                continue;
            };
            for line in after.to_string().lines().filter(|l| l.starts_with("  ")) {
                // `echo ... | iovox call ... -`: the iovox part of a pipeline.
                let Some(part) = line
                    .split(" | ")
                    .find(|p| p.trim_start().starts_with("iovox"))
                else {
                    continue;
                };
                let argv = words(part.trim());
                assert!(argv.len() > 1, "{line:?}");
                let parsed = command().try_get_matches_from(&argv);
                assert!(parsed.is_ok(), "{line:?}: {}", parsed.unwrap_err());
                seen += 1;
            }
        }
        assert!(seen >= 30, "only {seen} examples");
    }

    /// The `iovox` lines of the shell blocks in the README and the command line's page are
    /// commands the parser accepts: a renamed flag cannot leave them behind.
    #[test]
    fn every_iovox_line_in_the_docs_is_one_it_accepts() {
        let mut seen = 0;
        for page in ["README.md", "docs/cli.md"] {
            let path = format!("{}/../../{page}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap();
            let mut in_shell = false;
            for line in text.lines() {
                if line.starts_with("```") {
                    in_shell = line == "```sh";
                    continue;
                }
                if !in_shell || !line.starts_with("iovox ") {
                    continue;
                }
                // A line continued on the next (`\`) is checked up to the break.
                let argv = words(line.trim_end_matches('\\').trim());
                let parsed = command().try_get_matches_from(&argv);
                assert!(parsed.is_ok(), "{page}: {line:?}: {}", parsed.unwrap_err());
                seen += 1;
            }
        }
        assert!(seen >= 20, "only {seen} lines");
    }
}
