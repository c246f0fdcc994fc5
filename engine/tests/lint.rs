//! The lint specs: every `schemas/lint/*.sql` is a migration whose first line says what lint
//! must find in it, `-- expect: id@line id@line …` or `-- expect: nothing`. The findings
//! (allowed ones left out) must be exactly those: the ids, at those lines.

use std::path::Path;

use schemadiff_engine::lint::{lint, Context, Settings};
use schemadiff_engine::source::SqlFile;

#[test]
fn every_lint_spec_finds_what_it_expects() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/lint");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("schemas/lint exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let mut failures = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("the spec reads");
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = expectation(&text).unwrap_or_else(|| panic!("{name}: no `-- expect:` line"));
        let file = SqlFile {
            name: name.clone(),
            text,
        };
        let found: Vec<String> = lint(&file, &Settings::default(), &Context::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .into_iter()
            .filter(|f| f.allowed.is_none())
            .map(|f| format!("{}@{}", f.id, f.span.line))
            .collect();
        if found != expected {
            failures.push(format!("{name}: expected {expected:?}, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The findings the first line expects, in order.
fn expectation(text: &str) -> Option<Vec<String>> {
    let listed = text.lines().next()?.strip_prefix("-- expect:")?.trim();
    Some(match listed {
        "nothing" => Vec::new(),
        listed => listed.split_whitespace().map(str::to_string).collect(),
    })
}
