//! Every Rust example a user reads needs `iovox-http` alone: the rustdoc examples of this
//! crate name nothing of `iovox_core` (doctests could, as it is a dependency here, but a
//! user's crate would not compile), and the README's excerpts are built by
//! `tests/readme-rust`, a crate outside the workspace that depends on `iovox-http` (and
//! `iovox-sandbox`, for the offline quick start) and nothing of ours besides.

use std::path::Path;

/// The code lines of the doc examples in a source file: inside ``` fences of `///` and
/// `//!` comments.
fn doc_code(source: &str) -> Vec<(usize, String)> {
    let mut inside = false;
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let t = line.trim_start();
        let Some(doc) = t.strip_prefix("///").or_else(|| t.strip_prefix("//!")) else {
            inside = false;
            continue;
        };
        let doc = doc.trim_start();
        if doc.starts_with("```") {
            inside = !inside;
            continue;
        }
        if inside {
            out.push((n + 1, doc.to_string()));
        }
    }
    out
}

#[test]
fn doc_examples_use_iovox_http_alone() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut examples = 0;
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let code = doc_code(&text);
        examples += code.len();
        for (n, line) in code {
            if line.contains("iovox_core") || line.contains("iovox_sandbox") {
                found.push(format!("{}:{n}: {line}", path.display()));
            }
        }
    }
    assert!(
        examples > 50,
        "the doc examples were found ({examples} lines)"
    );
    assert!(
        found.is_empty(),
        "doc examples a user's crate could not build:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_sees_a_doc_example() {
    let code =
        doc_code("/// text iovox_core\n/// ```\n/// use iovox_core::X;\n/// ```\nfn f() {}\n");
    assert_eq!(code, vec![(3, "use iovox_core::X;".to_string())]);
}
