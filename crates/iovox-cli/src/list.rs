//! `iovox list METHOD [NAME=VALUE]...`: any list method of the model, by IOVOX's name, with
//! its own arguments and checks (`iovox methods` names them). One line per result, or the
//! page as JSON; `--all` walks every page with the one paging loop every language uses.

use crate::{client, Connection, Outcome, Usage};
use clap::Args;
use iovox_convert::Case;
use iovox_core::method::{list_named, LISTS};
use iovox_core::Record;
use serde_json::{Map, Value};

#[derive(Args)]
pub struct ListArgs {
    /// The list method, as IOVOX names it: getCountries, getVoxnumbers, …
    method: String,
    /// Its arguments, as NAME=VALUE (`iovox methods --json` lists each method's).
    #[arg(value_name = "NAME=VALUE")]
    arguments: Vec<String>,
    /// Every page, one after the other.
    #[arg(long)]
    all: bool,
}

pub(crate) fn run(c: &Connection, args: ListArgs, json: bool) -> Outcome {
    let Some(list) = list_named(&args.method) else {
        let names: Vec<&str> = LISTS.iter().map(|l| l.spec.route.name).collect();
        return Err(Usage(format!(
            "{:?} is not a list method; the list methods are {}",
            args.method,
            names.join(", ")
        )));
    };
    let mut given = Map::new();
    for a in &args.arguments {
        let Some((name, v)) = a.split_once('=') else {
            return Err(Usage(format!("an argument is NAME=VALUE, not {a:?}")));
        };
        // An argument the method declares a list is given comma-joined on the command
        // line (`group_fields=vn,cdate`), where code would give a list.
        let is_list = (list.spec.arguments.iter())
            .any(|d| d.name == name && d.kind == iovox_core::model::ArgumentKind::List);
        let value = if is_list {
            Value::Array(v.split(',').map(|p| Value::String(p.to_string())).collect())
        } else {
            Value::String(v.to_string())
        };
        given.insert(name.to_string(), value);
    }
    let query = iovox_convert::query(
        Value::Object(given),
        list.spec.arguments,
        &args.method,
        Case::Snake,
    )
    .map_err(|e| Usage(e.0))?;
    let client = match client(c) {
        Ok(c) => c,
        Err(e) => return Ok(Some(e)),
    };
    let pages = match client.list_pages(list, query, Default::default()) {
        Ok(p) => p,
        Err(e) => return Ok(Some(e)),
    };
    for page in pages {
        let page = match page {
            Ok(p) => p,
            Err(e) => return Ok(Some(e)),
        };
        if json {
            say!("{}", page.to_json());
        } else {
            for r in &page.results {
                let shown: Vec<String> = r
                    .fields()
                    .into_iter()
                    .filter_map(|(k, v)| v.map(|v| format!("{k}={}", v.text())))
                    .collect();
                say!("{}", shown.join("  "));
            }
        }
        if !args.all {
            if page.has_next() && !json {
                eprintln!(
                    "(page {} of {}; --all for every page)",
                    page.current_page.unwrap_or(1),
                    page.total_pages.map_or("?".into(), |t| t.to_string())
                );
            }
            break;
        }
    }
    Ok(None)
}
