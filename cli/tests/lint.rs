//! `schemadiff lint` as a user runs it: exit codes, the reporters, standard input and
//! directories, allow comments and the configuration file, parse errors with their
//! position, and `--db` ranking findings by the size of the table they lock.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use schemadiff_engine::cluster::TempCluster;

const RISKY: &str = "SET lock_timeout = '5s';
CREATE INDEX orders_user_idx ON orders (user_id);
-- schemadiff:allow data-loss
ALTER TABLE users DROP COLUMN nickname;
ALTER TABLE users ALTER COLUMN id TYPE bigint;
";

const SAFE: &str = "SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);
";

/// Runs `schemadiff` with `args` in `dir`, with `stdin` as its standard input.
fn schemadiff(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_schemadiff"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run schemadiff");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().expect("schemadiff finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A directory holding `files`.
fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn exit_codes_follow_the_findings_and_fail_on() {
    let dir = dir_with(&[("risky.sql", RISKY), ("safe.sql", SAFE)]);
    let clean = schemadiff(dir.path(), &["lint", "safe.sql"], "");
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(stdout(&clean).contains("no hazards found in 1 file(s)"));
    let risky = schemadiff(dir.path(), &["lint", "risky.sql"], "");
    assert_eq!(risky.status.code(), Some(1));
    // the data loss is allowed: only warnings are left
    let danger_only = schemadiff(
        dir.path(),
        &["lint", "--fail-on", "danger", "risky.sql"],
        "",
    );
    assert_eq!(danger_only.status.code(), Some(0));
}

#[test]
fn gcc_lines_name_file_line_column_severity_and_id() {
    let dir = dir_with(&[("risky.sql", RISKY)]);
    let output = schemadiff(dir.path(), &["lint", "--format", "gcc", "risky.sql"], "");
    assert_eq!(
        stdout(&output),
        "risky.sql:2:1: warning: building index `orders_user_idx` on `public.orders` blocks writes to `public.orders` until it is built [blocking-index-build]\n\
         risky.sql:5:40: warning: changing the type of `public.users.id` to bigint rewrites `public.users` and its indexes under an ACCESS EXCLUSIVE lock [table-rewrite]\n"
    );
}

#[test]
fn github_annotations_escape_their_text() {
    let dir = dir_with(&[(
        "m, 1.sql",
        "SET lock_timeout = '5s';\nTRUNCATE users CASCADE;\n",
    )]);
    let output = schemadiff(dir.path(), &["lint", "--format", "github", "m, 1.sql"], "");
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "::error file=m%2C 1.sql,line=2,col=10,title=data-loss::`TRUNCATE … CASCADE` deletes"
        ),
        "{text}"
    );
    assert!(text.contains("%0Ahelp: name every table"), "{text}");
}

#[test]
fn json_and_human_say_what_was_allowed() {
    let dir = dir_with(&[("risky.sql", RISKY)]);
    let json = schemadiff(dir.path(), &["lint", "--format", "json", "risky.sql"], "");
    let findings: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let allowed: Vec<_> = (findings.as_array().unwrap().iter())
        .filter(|f| !f["allowed"].is_null())
        .collect();
    assert_eq!(allowed.len(), 1);
    assert_eq!(allowed[0]["id"], "data-loss");
    assert_eq!(allowed[0]["allowed"], "allowed by the comment on line 3");
    let human = stdout(&schemadiff(dir.path(), &["lint", "risky.sql"], ""));
    assert!(
        human.contains("allowed[data-loss]: dropping column `nickname`"),
        "{human}"
    );
    assert!(human.contains("2 finding(s) in 1 file(s): 0 danger, 2 warning, 0 info; 1 allowed"));
    let markdown = stdout(&schemadiff(
        dir.path(),
        &["lint", "--format", "markdown", "risky.sql"],
        "",
    ));
    assert!(markdown.contains("| allowed (allowed by the comment on line 3) | [`data-loss`](docs/hazards/data-loss.md) | `risky.sql:4:19` |"), "{markdown}");
}

#[test]
fn standard_input_and_directories_are_read() {
    let dir = dir_with(&[("migrations/2_b.sql", SAFE), ("migrations/1_a.sql", RISKY)]);
    let output = schemadiff(dir.path(), &["lint", "--format", "gcc", "migrations"], "");
    assert!(
        stdout(&output).starts_with("migrations/1_a.sql:2:1:"),
        "{}",
        stdout(&output)
    );
    let piped = schemadiff(dir.path(), &["lint", "--format", "gcc", "-"], RISKY);
    assert!(stdout(&piped).starts_with("<stdin>:2:1: warning:"));
}

#[test]
fn a_parse_error_is_exit_2_with_its_position_and_the_other_files_are_checked() {
    let dir = dir_with(&[
        (
            "broken.sql",
            "SELECT 1;\nALTER TABLE t ADD COLUMN a int,;\n",
        ),
        ("risky.sql", RISKY),
    ]);
    let output = schemadiff(
        dir.path(),
        &["lint", "--format", "gcc", "broken.sql", "risky.sql"],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("broken.sql:2:32: syntax error at end of input"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("risky.sql:2:1"));
}

#[test]
fn unknown_ids_are_usage_errors() {
    let dir = dir_with(&[("m.sql", "DROP TABLE t; -- schemadiff:allow data-lost\n")]);
    let comment = schemadiff(dir.path(), &["lint", "m.sql"], "");
    assert_eq!(comment.status.code(), Some(2));
    assert!(
        stderr(&comment).contains("m.sql:1:35: unknown hazard id `data-lost`"),
        "{}",
        stderr(&comment)
    );
    let option = schemadiff(dir.path(), &["lint", "--allow", "nope", "m.sql"], "");
    assert_eq!(option.status.code(), Some(2));
    assert!(stderr(&option).contains("--allow nope: no such hazard id"));
}

#[test]
fn a_configuration_file_allows_and_sets_options() {
    let dir = dir_with(&[
        (
            "lint.json",
            r#"{"allow": ["blocking-index-build", "table-rewrite"], "assume-in-transaction": true}"#,
        ),
        ("risky.sql", RISKY),
        ("concurrent.sql", SAFE),
    ]);
    let risky = schemadiff(
        dir.path(),
        &["lint", "--config", "lint.json", "risky.sql"],
        "",
    );
    assert_eq!(risky.status.code(), Some(0), "{}", stdout(&risky));
    assert!(stdout(&risky).contains("allowed by the configuration"));
    // the runner's transaction makes CONCURRENTLY fail
    let concurrent = schemadiff(
        dir.path(),
        &["lint", "--config", "lint.json", "concurrent.sql"],
        "",
    );
    assert_eq!(concurrent.status.code(), Some(1));
    let bad = dir_with(&[("lint.json", r#"{"alow": []}"#), ("m.sql", SAFE)]);
    let refused = schemadiff(bad.path(), &["lint", "--config", "lint.json", "m.sql"], "");
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("lint.json:1:"),
        "{}",
        stderr(&refused)
    );
}

// a lock on a large table is a danger, on an empty one worth knowing; the database's column
// types decide whether a type change rewrites
#[test]
fn the_database_ranks_findings_by_table_size() {
    let cluster = TempCluster::start().expect("start a temporary PostgreSQL cluster");
    let url = cluster.create_database("lint_context").unwrap();
    cluster
        .connect("lint_context")
        .unwrap()
        .batch_execute(
            "CREATE TABLE big (a int, name varchar(10));
             INSERT INTO big SELECT g, 'x' FROM generate_series(1, 150000) g;
             ANALYZE big;
             CREATE TABLE empty (a int);",
        )
        .unwrap();
    let dir = dir_with(&[(
        "m.sql",
        "SET lock_timeout = '5s';\nCREATE INDEX ON big (a);\nCREATE INDEX ON empty (a);\nCREATE INDEX ON unknown (a);\nALTER TABLE big ALTER COLUMN name TYPE varchar(20);\nALTER TABLE big ALTER COLUMN a TYPE text;\n",
    )]);
    let output = schemadiff(
        dir.path(),
        &["lint", "--format", "gcc", "--db", &url, "m.sql"],
        "",
    );
    let text = stdout(&output);
    let levels: Vec<&str> = text
        .lines()
        .map(|line| line.split(": ").nth(1).unwrap())
        .collect();
    assert_eq!(levels, ["error", "note", "warning", "error"], "{text}");
    assert!(
        text.lines().last().unwrap().starts_with("m.sql:6:"),
        "{text}"
    );
}
