//! `iovox methods`: every method of the model (`iovox_core::method::CATALOGUE`), with its
//! route, verb, retry class, whether the SDK types it (`raw only` for a method one client
//! names and no IOVOX page documents: reached by the raw call alone), whether the sandbox
//! answers it, and how sure we are of its shape (page; page, clients; one client);
//! `--json` gives one object per method (`iovox_sandbox::model_json`, what
//! `scripts/generate` reads).

use iovox_core::method::{Confidence, CATALOGUE};

/// `iovox methods`: a line per method, or `--json` an array.
pub(crate) fn run(json: bool) -> u8 {
    if json {
        say!("{}", iovox_sandbox::model_json());
        return 0;
    }
    say!(
        "{:<30} {:<11} {:<6} {:<31} {:<8} {:<7} sure",
        "method",
        "interface",
        "verb",
        "retry",
        "typed",
        "sandbox"
    );
    let yes = |b: bool| if b { "yes" } else { "no" };
    for spec in CATALOGUE {
        let typed = match (spec.typed, spec.confidence) {
            (true, _) => "yes",
            (false, Confidence::OneClient) => "raw only",
            (false, _) => "no",
        };
        say!(
            "{:<30} {:<11} {:<6} {:<31} {:<8} {:<7} {}",
            spec.route.name,
            spec.route.interface,
            spec.route.verb.as_str(),
            spec.retry.as_str(),
            typed,
            yes(iovox_sandbox::answers(&spec.route)),
            spec.confidence
        );
    }
    0
}
