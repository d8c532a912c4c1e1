//! Runs the `iovox` binary for each subcommand.

use assert_cmd::Command;
use iovox_sandbox::{Config, Sandbox};
use std::io::{BufRead, BufReader};
use std::process::Stdio;

/// A recognisable key: no output of the binary may ever show it.
const KEY: &str = "SECRET-KEY-c0ffee-5ca1ab1e";

fn config() -> Config {
    Config {
        secure_key: KEY.into(),
        ..Config::default()
    }
}

/// Runs the command; fails if the key shows in its stdout or stderr.
fn run(c: &mut Command) -> std::process::Output {
    checked(c.output().unwrap())
}

fn checked(out: std::process::Output) -> std::process::Output {
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !String::from_utf8_lossy(stream).contains(KEY),
            "the secure key was printed"
        );
    }
    out
}

trait Checked {
    fn checked_output(&mut self) -> std::process::Output;
}

impl Checked for Command {
    fn checked_output(&mut self) -> std::process::Output {
        run(self)
    }
}

impl Checked for std::process::Command {
    fn checked_output(&mut self) -> std::process::Output {
        checked(self.output().unwrap())
    }
}

fn iovox() -> Command {
    let mut c = Command::cargo_bin("iovox").unwrap();
    for var in ["IOVOX_USERNAME", "IOVOX_SECURE_KEY", "IOVOX_BASE_URL"] {
        c.env_remove(var);
    }
    c
}

fn against(sb: &Sandbox) -> Command {
    let mut c = iovox();
    c.env("IOVOX_USERNAME", sb.username())
        .env("IOVOX_SECURE_KEY", sb.secure_key())
        .env("IOVOX_BASE_URL", sb.url());
    c
}

fn stdout(c: &mut Command) -> String {
    let out = run(c);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `iovox sandbox --port 0 ARGS`; returns the process and the URL its banner names.
fn spawn_sandbox(args: &[&str]) -> (std::process::Child, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("iovox"))
        .args(["sandbox", "--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first.trim().rsplit(' ').next().unwrap().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{first}");
    (child, url)
}

#[test]
fn purchase_prints_the_order() {
    let sb = Sandbox::start(config()).unwrap();
    let text = stdout(against(&sb).args(["purchase", "--item", "44:20:GEOGRAPHIC:2"]));
    assert!(
        text.starts_with("order ") && text.contains("is FULFILLED with 2 numbers"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(against(&sb).args([
        "purchase",
        "--json",
        "--item",
        "44:151:GEOGRAPHIC:5",
    ])))
    .unwrap();
    assert_eq!(json["order_status"], "PENDING");
    assert_eq!(json["voxnumbers"].as_array().unwrap().len(), 2);
    assert!(json["voxnumbers"][0]["full_voxnumber"].is_string());
}

#[test]
fn purchase_from_a_json_file_and_dry_run() {
    let dir = std::env::temp_dir().join(format!("iovox-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("order.json");
    std::fs::write(&file, r#"{"items": [{"country_code": 44, "post_code": "SW1A 0AA", "number_type": "GEOGRAPHIC", "quantity": 1}]}"#).unwrap();
    let xml = stdout(
        iovox()
            .args(["purchase", "--dry-run", "--file"])
            .arg(&file)
            .args(["--cc", "a@b.com", "--dynamic-quantity"]),
    );
    assert_eq!(
        xml.trim(),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><request><cc_list>a@b.com</cc_list><dynamic_quantity>TRUE</dynamic_quantity><items><item><country_code>44</country_code><post_code>SW1A 0AA</post_code><number_type>GEOGRAPHIC</number_type><quantity>1</quantity></item></items></request>"
    );
}

#[test]
fn validation_failure_exits_3_with_every_message() {
    let out = iovox()
        .args([
            "purchase",
            "--dry-run",
            "--item",
            "44:20:GEOGRAPHIC:two",
            "--item",
            ":20:MOBILE:0",
        ])
        .checked_output();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8(out.stderr).unwrap();
    for m in [
        "Quantity 1 of 2 not an integer",
        "Country Code 2 of 2 Empty",
        "The requested Number Type 2 of 2 is not valid. The valid values are NATIONAL, GEOGRAPHIC, TOLLFREE",
        "Quantity must be between 1 and 250",
    ] {
        assert!(err.contains(m), "{m} missing from {err}");
    }
    // Without --dry-run too: nothing is sent, same exit code, as JSON on request.
    let sb = Sandbox::start(config()).unwrap();
    let out = against(&sb)
        .args(["--json", "purchase", "--item", "44:20:GEOGRAPHIC:0"])
        .checked_output();
    assert_eq!(out.status.code(), Some(3));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["error"]["kind"], "validation");
    assert_eq!(json["error"]["errors"][0]["code"], "quantity_out_of_range");
    assert_eq!(
        json["error"]["errors"][0]["position"],
        serde_json::json!([1, 1])
    );
    assert_eq!(sb.stats().requests, 0);
}

#[test]
fn a_callback_url_without_credentials_needs_the_flag() {
    let bare = ["purchase", "--dry-run", "--item", "44:20:GEOGRAPHIC:1"];
    let out = iovox()
        .args(bare)
        .args(["--callback-url", "https://example.com/cb"])
        .checked_output();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Callback URL 1 of 1 has no user:password@"),
        "{err}"
    );
    let xml = stdout(iovox().args(bare).args([
        "--callback-url",
        "https://example.com/cb",
        "--allow-unauthenticated-callbacks",
    ]));
    // The leave is the client's: it is never sent.
    assert!(xml.contains("<callback_url>https://example.com/cb</callback_url>"));
    assert!(!xml.contains("allow"), "{xml}");
}

#[test]
fn methods_lists_the_whole_model() {
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(iovox().args(["methods", "--json"]))).unwrap();
    assert_eq!(all.len(), iovox_core::method::CATALOGUE.len());
    for (m, spec) in all.iter().zip(iovox_core::method::CATALOGUE) {
        assert_eq!(m["name"], spec.route.name);
        assert_eq!(m["interface"], spec.route.interface);
        assert_eq!(m["verb"], spec.route.verb.as_str());
        assert_eq!(m["retry"], spec.retry.as_str());
        assert_eq!(m["typed"], spec.typed);
        assert_eq!(m["sandbox"], iovox_sandbox::answers(&spec.route));
    }
    let regions = all
        .iter()
        .find(|m| m["name"] == "getVoxnumberRegions")
        .unwrap();
    // The raw call's names: a user who guessed `Voxnumbers` finds `Purchase` here.
    assert_eq!(regions["interface"], "Purchase");
    assert_eq!(regions["fields"][0]["abbreviation"], "cc");
    let purchase = all
        .iter()
        .find(|m| m["name"] == "purchaseVoxNumbers")
        .unwrap();
    assert_eq!(purchase["retry"], "not after sent unless opted in");
    let text = stdout(iovox().arg("methods"));
    assert!(text
        .lines()
        .any(|l| l.starts_with("getVoxnumberRegions ") && l.contains(" Purchase ")));
    assert_eq!(text.lines().count(), all.len() + 1);
    // A method one client names and no page documents is the raw call's alone, and says so.
    let only_named = text
        .lines()
        .find(|l| l.starts_with("createLinksFull "))
        .unwrap();
    assert!(
        only_named.contains(" raw only ") && only_named.ends_with(" one client"),
        "{only_named}"
    );
    let typed = text
        .lines()
        .find(|l| l.starts_with("getCategories "))
        .unwrap();
    assert!(
        typed.contains(" yes ") && typed.ends_with(" page, clients"),
        "{typed}"
    );
}

/// `iovox list` reaches every list method of the model by name, with its own checks.
#[test]
fn list_reaches_every_list_method_by_name() {
    let sb = Sandbox::start(config()).unwrap();
    for list in iovox_core::method::LISTS {
        let name = list.spec.route.name;
        // The arguments a method cannot go without, from its declared example.
        let example: serde_json::Value = serde_json::from_str(list.spec.example).unwrap();
        let required = (list.spec.arguments.iter())
            .filter(|a| a.required)
            .map(|a| format!("{}={}", a.name, example[a.name].as_str().unwrap()));
        let out: serde_json::Value = serde_json::from_str(&stdout(
            against(&sb)
                .args(["--json", "list", name, "limit=1"])
                .args(required),
        ))
        .unwrap();
        assert!(
            out["results"].as_array().unwrap().len() <= 1,
            "{name}: {out}"
        );
    }
    let text = stdout(against(&sb).args(["list", "getCountries", "--all", "limit=1"]));
    assert!(
        text.lines().any(|l| l == "code=44  name=UNITED KINGDOM"),
        "{text}"
    );
    assert!(text.lines().count() > 1, "every page: {text}");
    let out = against(&sb)
        .args(["list", "getCountries", "limit=0"])
        .checked_output();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Limit must be between 1 and 20000"));
    let out = against(&sb)
        .args(["list", "getCountries", "limt=5"])
        .checked_output();
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean 'limit'?"));
    let out = iovox().args(["list", "getNodeDetails"]).checked_output();
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a list method"));
    assert_eq!(
        sb.stats().requests as usize,
        iovox_core::method::LISTS.len() + 2 + 1
    );
}

#[test]
fn attach_keeps_the_command_line_order() {
    let xml = stdout(iovox().args([
        "attach",
        "--dry-run",
        "--by-postcode",
        "555=UNITED KINGDOM:SW1A 0AA:20",
        "--by-area",
        "333=44:20:city,country",
        "--by-voxnumber",
        "444=4423012565866",
    ]));
    let p = |s: &str| xml.find(s).unwrap_or_else(|| panic!("{s} not in {xml}"));
    assert!(p("<link_id>555</link_id>") < p("<link_id>333</link_id>"));
    assert!(p("<link_id>333</link_id>") < p("<link_id>444</link_id>"));
    assert!(xml
        .contains("<fallback_city>TRUE</fallback_city><fallback_country>TRUE</fallback_country>"));
    assert!(xml.contains("<fallback_area_distance>20</fallback_area_distance>"));
}

#[test]
fn attach_against_the_sandbox_and_an_api_error() {
    let sb = Sandbox::start(config()).unwrap();
    let text = stdout(against(&sb).args([
        "attach",
        "--by-area",
        "333=44:20",
        "--by-voxnumber",
        "444=441512100200",
    ]));
    assert_eq!(text.trim(), "attached 2 links");
    let out = against(&sb)
        .args(["attach", "--by-area", "999=44:20"])
        .checked_output();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("IOVOX answered HTTP 400: Link ID 1 of 1 does not exist"),
        "{err}"
    );
    let out = iovox()
        .args(["attach", "--by-area", "nonsense"])
        .checked_output();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a malformed flag is a usage error"
    );
}

#[test]
fn missing_credentials_are_named() {
    let out = iovox()
        .args(["purchase", "--item", "44:20:GEOGRAPHIC:1"])
        .checked_output();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "no username or secure key given, and IOVOX_USERNAME and IOVOX_SECURE_KEY are not set"
        ),
        "{err}"
    );
}

#[test]
fn parse_callback_from_a_file_and_stdin() {
    let dir = std::env::temp_dir().join(format!("iovox-cb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("callback.xml");
    std::fs::write(&good, "<order><order_reference>r1</order_reference><order_status>FULFILLED</order_status><voxnumbers><voxnumber><country_code>44</country_code><area_code>151</area_code><full_voxnumber>441512100200</full_voxnumber></voxnumber></voxnumbers></order>").unwrap();
    let text = stdout(iovox().arg("parse-callback").arg(&good));
    assert!(
        text.contains("order r1 is FULFILLED with 1 number") && text.contains("+441512100200"),
        "{text}"
    );
    let out = iovox()
        .args(["parse-callback", "-"])
        .write_stdin("<order><voxnumbers>")
        .checked_output();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not decode"));
}

#[test]
fn sandbox_subcommand_serves_a_state_file() {
    let dir = std::env::temp_dir().join(format!("iovox-sb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let state = dir.join("state.json");
    std::fs::write(&state, r#"{"regions": [{"country_code": 44, "area_code": 20, "number_type": "GEOGRAPHIC", "country_name": "UNITED KINGDOM", "stock": 1}]}"#).unwrap();
    let state = state.to_str().unwrap();
    let (mut child, url) = spawn_sandbox(&["--user", "me", "--key", "k", "--state", state]);
    let ok = stdout(
        iovox()
            .env("IOVOX_USERNAME", "me")
            .env("IOVOX_SECURE_KEY", "k")
            .env("IOVOX_BASE_URL", &url)
            .args(["purchase", "--item", "44:20:GEOGRAPHIC:1"]),
    );
    assert!(ok.contains("FULFILLED with 1 number"), "{ok}");
    let again = iovox()
        .env("IOVOX_USERNAME", "me")
        .env("IOVOX_SECURE_KEY", "k")
        .env("IOVOX_BASE_URL", &url)
        .args(["purchase", "--item", "44:20:GEOGRAPHIC:1"])
        .checked_output();
    assert!(String::from_utf8_lossy(&again.stdout).contains("PENDING with 0 numbers"));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn demo_runs_end_to_end() {
    let text = stdout(iovox().arg("demo"));
    for expected in [
        "is PENDING with 3 numbers",
        "basic auth from the callback URL checks out",
        "is FULFILLED with 1 number",
        "link  333 <-",
        "Liverpool",
        "UNASSIGNED",
        "detached link 444: +",
        "is UNASSIGNED",
        "the account no longer lists it",
        "Area Code 2 of 2 Empty",
        "HTTP 400: Link ID 1 of 1 does not exist",
        "has link westbourne-web",
        "to link westbourne-web (Westbourne Apartments), 95 s, recorded: true",
        "bytes of MP3 to",
        "1 call(s), 95 s in all, 1 caller(s)",
        "nothing left behind",
        "Demo finished",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[test]
fn the_sandbox_page_curl_call_works_as_written() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/sandbox.md"
    ))
    .unwrap();
    let curl = page
        .lines()
        .find(|l| l.starts_with("curl -i -X POST"))
        .expect("docs/sandbox.md shows a curl call");
    // The page's key is the sandbox's default, whatever IOVOX_SANDBOX_SECURE_KEY says here.
    let (mut child, url) = spawn_sandbox(&["--key", iovox_sandbox::DEFAULT_SECURE_KEY]);
    // The page's default port is 8080; this test takes a free one.
    let command = curl.replace("http://127.0.0.1:8080", &url);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(&command)
        .checked_output();
    child.kill().unwrap();
    child.wait().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("HTTP/1.1 201"), "{text}");
    assert!(
        text.contains("<order_status>FULFILLED</order_status>"),
        "{text}"
    );
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
    // The reader leaves before the demo prints anything (it starts two servers first).
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("iovox"))
        .arg("demo")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bad_settings_are_named_before_anything_is_sent() {
    let sb = Sandbox::start(config()).unwrap();
    for (args, says) in [
        (
            vec!["--base-url", "http://127.0.0.1:99999"],
            "the base URL \"http://127.0.0.1:99999\" is not a URL: invalid port number",
        ),
        (vec!["--base-url", ""], "the base URL is empty"),
        (
            vec!["--timeout", "NaN"],
            "--timeout must be a number of seconds above 0",
        ),
        (
            vec!["--timeout", "0"],
            "--timeout must be a number of seconds",
        ),
        (
            vec!["--ca-file", "/nonexistent.pem"],
            "the CA file /nonexistent.pem cannot be read",
        ),
    ] {
        let out = against(&sb)
            .args(["purchase", "--item", "44:20:GEOGRAPHIC:1"])
            .args(&args)
            .checked_output();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // A key read from a file keeps its newline: trimmed, it works.
    let out = against(&sb)
        .env("IOVOX_SECURE_KEY", format!("{KEY}\n"))
        .args(["purchase", "--item", "44:20:GEOGRAPHIC:1"])
        .checked_output();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        sb.stats().purchases,
        1,
        "only the good call reached the sandbox"
    );
}

#[test]
fn detach_gives_numbers_back_to_the_pool() {
    let sb = Sandbox::start(config()).unwrap();
    // Link 100 holds 442071234568 in the built-in account.
    assert_eq!(
        stdout(against(&sb).args(["detach", "100"])),
        "detached 1 link\n"
    );
    let on_100 = sb
        .state()
        .voxnumbers
        .iter()
        .any(|n| n.link_id.as_deref() == Some("100"));
    assert!(!on_100);
    // The server's errors, every one, exit 1; request-only errors exit 3, nothing sent.
    let out = against(&sb)
        .args(["detach", "100", "nope"])
        .checked_output();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Link ID 1 of 2 does not have a VoxNumber")
            && err.contains("Link ID 2 of 2 does not exist"),
        "{err}"
    );
    let before = sb.stats().requests;
    let out = against(&sb)
        .args(["detach", "--json", " "])
        .checked_output();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("Link ID 1 of 1 Empty"));
    assert_eq!(sb.stats().requests, before);
    assert_eq!(
        stdout(iovox().args(["detach", "--dry-run", "333"])),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><request><link_id>333</link_id></request>\n"
    );
}

#[test]
fn regions_numbers_and_links_list_what_the_account_holds() {
    let sb = Sandbox::start(config()).unwrap();
    let text = stdout(against(&sb).args([
        "regions",
        "--country-code",
        "44",
        "--number-type",
        "GEOGRAPHIC",
    ]));
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("Liverpool"), "{text}");
    let free = stdout(against(&sb).args(["numbers", "--unassigned"]));
    assert_eq!(free.lines().count(), 4, "{free}");
    assert!(free.lines().all(|l| l.contains("UNASSIGNED")), "{free}");
    // One page of two, then every page.
    let out = run(against(&sb).args(["numbers", "--limit", "2"]));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("page 1 of 3"));
    let all = stdout(against(&sb).args(["numbers", "--limit", "2", "--all"]));
    assert_eq!(all.lines().count(), 5, "{all}");
    let json = stdout(against(&sb).args(["--json", "numbers", "--link-id", "100"]));
    let page: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(page["results"][0]["voxnumber"], "442071234568");
    assert_eq!(page["results"][0]["assigned_status"], "ASSIGNED");
    let links = stdout(against(&sb).args(["links", "--link-id", "100"]));
    assert!(links.contains("<- +442071234568"), "{links}");
    // The page's own message, before anything is sent.
    let out = run(against(&sb).args(["numbers", "--limit", "0"]));
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Limit must be between 1 and 20000"));
}

#[test]
fn release_asks_first_and_gives_numbers_back() {
    let sb = Sandbox::start(config()).unwrap();
    // Without a terminal and without --yes: refused, nothing sent.
    let out = run(against(&sb).args(["release", "441512100200"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    assert_eq!(sb.state().voxnumbers.len(), 5);
    let out = run(against(&sb).args(["release", "442071234568", "--yes"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("VoxNumber 1 of 1 is attached to a Link"));
    let text = stdout(against(&sb).args([
        "release",
        "441512100200",
        "442071234568",
        "--rm-if-in-use",
        "--yes",
    ]));
    assert_eq!(text.trim(), "gave 2 numbers back");
    assert_eq!(sb.state().voxnumbers.len(), 3);
}

#[test]
fn shell_completions_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish"] {
        let text = stdout(iovox().args(["completions", shell]));
        for sub in ["purchase", "numbers", "release", "sandbox"] {
            assert!(text.contains(sub), "{shell} completions lack {sub}");
        }
    }
    let out = run(iovox().args(["completions", "tcsh"]));
    assert_eq!(out.status.code(), Some(2));
}

/// Each subcommand shows only the options it uses: the server and the commands that call
/// no one list no client option, and refuse one; the commands that call IOVOX list them.
#[test]
fn each_subcommand_shows_only_its_own_options() {
    let client_options = [
        "--username",
        "--secure-key",
        "--base-url",
        "--production",
        "--sandbox",
        "--timeout",
        "--ca-file",
    ];
    let help = |args: &[&str]| {
        let out = iovox().args(args).arg("--help").checked_output();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for command in [
        &["sandbox"][..],
        &["demo"],
        &["methods"],
        &["parse-callback"],
    ] {
        let text = help(command);
        for option in client_options {
            assert!(
                !text.contains(option),
                "{command:?} --help lists {option}:\n{text}"
            );
        }
    }
    for command in [
        &["purchase"][..],
        &["attach"],
        &["detach"],
        &["regions"],
        &["numbers"],
        &["links"],
        &["release"],
        &["list"],
    ] {
        let text = help(command);
        for option in client_options.iter().chain(&["--json"]) {
            assert!(
                text.contains(option),
                "{command:?} --help lacks {option}:\n{text}"
            );
        }
    }
    let out = iovox().args(["sandbox", "--production"]).checked_output();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unexpected argument '--production'"));
}

/// The call-tracking loop from the command line: a node and a link made, listed and
/// deleted (deleting asks first; --yes confirms); calls listed as text, CSV and JSON;
/// a recording written to a file.
#[test]
fn nodes_links_calls_and_recordings() {
    let sb = Sandbox::start(config()).unwrap();
    let out = stdout(against(&sb).args([
        "nodes", "create", "W1", "--name", "West", "--type", "Property",
    ]));
    assert_eq!(out.trim(), "created node W1");
    stdout(against(&sb).args([
        "links", "create", "ext1", "--node", "W1", "--name", "Mag", "--type", "Web",
    ]));
    let nodes = stdout(against(&sb).args(["nodes", "--node-id", "W1"]));
    assert!(
        nodes.contains("West") && nodes.contains("link ext1"),
        "{nodes}"
    );
    let refused = against(&sb)
        .args(["nodes", "delete", "W1"])
        .checked_output();
    assert_eq!(refused.status.code(), Some(2), "no terminal, no --yes");
    assert!(sb.state().links.contains("ext1"));
    stdout(against(&sb).args(["nodes", "delete", "W1", "--yes"]));
    assert!(!sb.state().links.contains("ext1"));

    let number = sb.state().voxnumbers[0].full_voxnumber.clone();
    let mut call = iovox_sandbox::SimulatedCall::new(number.clone(), "447966111222");
    call.start = Some("2020-11-05 10:00:00".into());
    call.recording = true;
    let id = sb.simulate_call(&call).unwrap();
    let csv = stdout(against(&sb).args([
        "calls",
        "--since",
        "2020-11-01",
        "--until",
        "2020-11-30",
        "--csv",
    ]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "id,call_start,call_end,call_origin,voxnumber,call_time_sec,call_result,link_id,has_recording");
    assert!(
        lines[1].starts_with(&format!(
            "{id},2020-11-05 10:00:00,2020-11-05 10:01:00,447966111222,{number},60,ANSWERED,"
        )),
        "{csv}"
    );
    assert_eq!(lines.len(), 2);
    let json = stdout(against(&sb).args([
        "calls",
        "--since",
        "2020-11-01",
        "--until",
        "2020-11-30",
        "--number",
        &number,
        "--json",
    ]));
    let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], id.as_str());
    // A list argument is comma-joined on the command line.
    let metrics = stdout(against(&sb).args([
        "list",
        "getCallMetrics",
        "sdt=2020-11-01",
        "edt=2020-11-30",
        "group_fields=vn",
        "req_fields=tc,tuc",
    ]));
    assert_eq!(
        metrics.trim(),
        format!("total_calls=1  total_unique_callers=1  voxnumber={number}")
    );
    let none = stdout(against(&sb).args(["calls"]));
    assert!(none.trim().is_empty(), "this month has no call: {none}");
    let file = std::env::temp_dir().join(format!("iovox-rec-{}.mp3", std::process::id()));
    stdout(against(&sb).args(["recording", &id, "-o", file.to_str().unwrap()]));
    let audio = std::fs::read(&file).unwrap();
    let _ = std::fs::remove_file(&file);
    assert_eq!(&audio[..2], [0xFF, 0xFB]);
}

/// `iovox call`: any typed method that is not a list, its arguments as JSON (inline, a
/// file, standard input), checked as in every language; a mapping answered is printed as
/// JSON, bytes go to a file.
#[test]
fn call_runs_any_method_by_name_with_json_arguments() {
    let sb = Sandbox::start(config()).unwrap();
    let dir = std::env::temp_dir().join(format!("iovox-call-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("node.json");
    std::fs::write(
        &file,
        r#"{"node_id": "W1", "node_name": "Westbourne", "node_type": "Property",
            "links": [{"link_id": "W1-web", "link_name": "Website", "link_type": "Web",
                       "categories": [{"category_id": "Campaign", "value": "Spring"}]}]}"#,
    )
    .unwrap();
    let made = stdout(against(&sb).args([
        "call",
        "createNodeFull",
        &format!("@{}", file.display()),
        "--json",
    ]));
    let made: serde_json::Value = serde_json::from_str(&made).unwrap();
    assert_eq!(made["links"][0]["link_id"], "W1-web");
    let shown = stdout(against(&sb).args(["call", "getNodeDetails", r#"{"node_id": "W1"}"#]));
    let node: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(node["links"][0]["cats"][0]["value"], "Spring");
    // Standard input, and a method that answers nothing.
    let out = against(&sb)
        .args(["call", "deleteNodes", "-"])
        .write_stdin(r#"{"node_ids": ["W1"]}"#)
        .checked_output();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "done: deleteNodes"
    );
    // Checked before sending: the method's words, the shape's, and a list is no action.
    let before = sb.stats().requests;
    let out = against(&sb)
        .args([
            "call",
            "createNodeFull",
            r#"{"node_id": "", "node_name": "N", "node_type": "T", "links": []}"#,
        ])
        .checked_output();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Node ID 1 of 1 Empty"));
    let out = against(&sb)
        .args(["call", "getNodeDetails", r#"{"node": "W1"}"#])
        .checked_output();
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean 'node_id'?"));
    let out = against(&sb).args(["call", "getNodes"]).checked_output();
    assert!(String::from_utf8_lossy(&out.stderr).contains("for a list, `iovox list`"));
    assert_eq!(sb.stats().requests, before);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Sound files from the command line: audio given as `"@PATH"` (JSON has no bytes), sent
/// byte for byte and fetched back with `-o`; text where audio belongs is refused.
#[test]
fn call_uploads_and_fetches_audio_files() {
    let sb = Sandbox::start(config()).unwrap();
    let dir = std::env::temp_dir().join(format!("iovox-sound-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let audio: Vec<u8> = (0..=255u8).cycle().take(5_000).collect();
    let input = dir.join("welcome.mp3");
    std::fs::write(&input, &audio).unwrap();
    let args = format!(
        r#"{{"sound_files": [{{"sound_label": "Welcome", "sound_group": "Greetings", "sound_file": "@{}"}}]}}"#,
        input.display()
    );
    let out = stdout(against(&sb).args(["call", "createSoundFiles", &args]));
    assert_eq!(out.trim(), "done: createSoundFiles");
    let output = dir.join("back.mp3");
    stdout(against(&sb).args([
        "call",
        "getSoundFileData",
        r#"{"sound_label": "Welcome", "sound_group": "Greetings"}"#,
        "-o",
        output.to_str().unwrap(),
    ]));
    assert_eq!(std::fs::read(&output).unwrap(), audio);
    // A file that is not there, and text where audio belongs: nothing sent.
    let before = sb.stats().requests;
    let out = against(&sb)
        .args([
            "call",
            "createSoundFiles",
            r#"{"sound_files": [{"sound_label": "X", "sound_file": "@/nowhere/x.mp3"}]}"#,
        ])
        .checked_output();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nowhere/x.mp3"));
    let out = against(&sb)
        .args([
            "call",
            "createSoundFiles",
            r#"{"sound_files": [{"sound_label": "X", "sound_file": "SUQz"}]}"#,
        ])
        .checked_output();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Sound File 1 of 1 must be bytes"));
    assert_eq!(sb.stats().requests, before);
    std::fs::remove_dir_all(&dir).unwrap();
}
