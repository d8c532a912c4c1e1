//! `iovox call METHOD [ARGUMENTS]`: any typed method that is not a list, by IOVOX's name,
//! with its arguments as one JSON mapping (inline, `@FILE`, or `-` for standard input),
//! checked as every language checks them. What it answers is printed: nothing, an order,
//! a mapping as JSON; bytes go to `-o FILE`. Audio (a sound file's `sound_file`, which
//! takes bytes and never text) is given as `"@PATH"`: the file's bytes.

use crate::{client, Connection, Outcome, Usage};
use clap::Args;
use iovox_convert::{action_named, Case, ACTIONS};
use std::io::Read;

#[derive(Args)]
pub struct CallArgs {
    /// The method, as IOVOX names it: createNodeFull, getNodeDetails, setCallStatus, …
    method: String,
    /// Its arguments as a JSON mapping in IOVOX's names (`iovox methods --json` lists
    /// each method's), `@FILE` to read them from a file, or `-` from standard input.
    #[arg(default_value = "{}")]
    arguments: String,
    /// Where a method that answers bytes (a recording, a sound file) writes them.
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

/// Each `"@PATH"` where an element takes bytes (a sound file's audio): the file's bytes.
/// JSON has no bytes, and such an element never takes text, so `@` cannot be a value.
fn read_audio_files(
    action: &iovox_convert::Action,
    args: &mut serde_json::Value,
) -> Result<(), Usage> {
    for param in action.params {
        let iovox_convert::ParamKind::Records(body) = param.kind else {
            continue;
        };
        let bytes = (body.elements.iter())
            .filter(|e| e.kind == iovox_core::ElementKind::Bytes)
            .map(|e| e.name);
        for name in bytes {
            let records = args.get_mut(param.name).and_then(|v| v.as_array_mut());
            for record in records.into_iter().flatten() {
                let Some(v) = record.get_mut(name) else {
                    continue;
                };
                if let Some(path) = v.as_str().and_then(|s| s.strip_prefix('@')) {
                    let audio = std::fs::read(path)
                        .map_err(|e| Usage(format!("cannot read {path}: {e}")))?;
                    *v = iovox_core::wire::bytes_value(&audio);
                }
            }
        }
    }
    Ok(())
}

pub(crate) fn run(c: &Connection, args: CallArgs, json: bool) -> Outcome {
    let Some(action) = action_named(&args.method) else {
        let names: Vec<&str> = ACTIONS.iter().map(|a| a.spec.route.name).collect();
        return Err(Usage(format!(
            "{:?} is not a typed method called by name (for a list, `iovox list`); they are {}",
            args.method,
            names.join(", ")
        )));
    };
    let text = match args.arguments.as_str() {
        "-" => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| Usage(format!("cannot read standard input: {e}")))?;
            s
        }
        a if a.starts_with('@') => std::fs::read_to_string(&a[1..])
            .map_err(|e| Usage(format!("cannot read {}: {e}", &a[1..])))?,
        a => a.to_string(),
    };
    let mut value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Usage(format!("the arguments are not JSON: {e}")))?;
    read_audio_files(action, &mut value)?;
    let prepared = match (action.prepare)(value, Case::Snake) {
        Ok(p) => p,
        Err(iovox_convert::Refusal::Shape(e)) => return Err(Usage(e.0)),
        Err(iovox_convert::Refusal::Invalid(e)) => return Ok(Some(e.into())),
    };
    let client = match client(c) {
        Ok(c) => c,
        Err(e) => return Ok(Some(e)),
    };
    let outcome = client.call_prepared(&action.spec, prepared, &Default::default(), action.decode);
    match outcome {
        Err(e) => Ok(Some(e)),
        Ok(iovox_convert::Outcome::Nothing) => {
            if json {
                say!("{}", serde_json::json!({ "done": args.method }));
            } else {
                say!("done: {}", args.method);
            }
            Ok(None)
        }
        Ok(iovox_convert::Outcome::Order(order)) => {
            crate::output::print_order(&order, json);
            Ok(None)
        }
        Ok(iovox_convert::Outcome::Data(v)) => {
            let shown = if json {
                v.to_string()
            } else {
                serde_json::to_string_pretty(&v).unwrap_or_default()
            };
            say!("{shown}");
            Ok(None)
        }
        Ok(iovox_convert::Outcome::Bytes(bytes)) => {
            let Some(path) = args.output else {
                return Err(Usage(format!(
                    "{} answers {} bytes of audio: give -o FILE to keep them",
                    args.method,
                    bytes.len()
                )));
            };
            iovox_http::save_recording(&bytes, &path)
                .map_err(|e| Usage(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("wrote {} bytes to {}", bytes.len(), path.display());
            Ok(None)
        }
    }
}
