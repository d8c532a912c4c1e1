//! `iovox methods`: every method of the model (`iovox_core::method::CATALOGUE`), with its
//! route, verb, retry class, whether the SDK types it and whether the sandbox answers it;
//! `--json` gives one object per method (`iovox_sandbox::model_json`, what
//! `scripts/generate` reads).

use iovox_core::method::CATALOGUE;

/// `iovox methods`: a line per method, or `--json` an array.
pub(crate) fn run(json: bool) -> u8 {
    if json {
        say!("{}", iovox_sandbox::model_json());
        return 0;
    }
    say!(
        "{:<30} {:<11} {:<6} {:<31} {:<5} sandbox",
        "method",
        "interface",
        "verb",
        "retry",
        "typed"
    );
    let yes = |b: bool| if b { "yes" } else { "no" };
    for spec in CATALOGUE {
        say!(
            "{:<30} {:<11} {:<6} {:<31} {:<5} {}",
            spec.route.name,
            spec.route.interface,
            spec.route.verb.as_str(),
            spec.retry.as_str(),
            yes(spec.typed),
            yes(iovox_sandbox::answers(&spec.route))
        );
    }
    0
}
