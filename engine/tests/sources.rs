//! Desired-state sources: directories, statements that are ignored or reported, and errors
//! that name the file, line and column.

use schemadiff_engine::error::Error;
use schemadiff_engine::model::QualifiedName;
use schemadiff_engine::source::{read_files, sql, SqlFile};

fn file(name: &str, text: &str) -> SqlFile {
    SqlFile {
        name: name.into(),
        text: text.into(),
    }
}

#[test]
fn a_directory_is_read_in_lexical_order_of_relative_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("b/02_index.sql"), "CREATE INDEX ON t (a);").unwrap();
    std::fs::write(dir.path().join("a.sql"), "CREATE TABLE t (a int);").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not sql").unwrap();
    let files = read_files(dir.path()).unwrap();
    assert_eq!(files.len(), 2);
    assert!(files[0].name.ends_with("a.sql"));
    let catalog = sql::load(&files).unwrap();
    assert!(catalog
        .indexes
        .contains_key(&QualifiedName::new("public", "t_a_idx")));
}

#[test]
fn pg_dump_session_settings_are_ignored_and_roles_reported() {
    let catalog = sql::load(&[file(
        "dump.sql",
        "SET statement_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\nCREATE ROLE app;\nCREATE TABLE public.t (a int);\nALTER TABLE public.t OWNER TO app;\n",
    )])
    .unwrap();
    assert_eq!(catalog.tables.len(), 1);
    assert_eq!(catalog.unsupported.len(), 1);
    assert_eq!(catalog.unsupported[0].kind, "role");
    assert_eq!(catalog.unsupported[0].name, "app");
}

#[test]
fn every_problem_of_a_file_is_reported_with_its_position() {
    let text = "CREATE TABLE t (a int);\n\nINSERT INTO t VALUES (1);\nALTER TABLE missing ADD COLUMN b int;\n  DO $$ BEGIN END $$;\n";
    let Err(Error::Source(problems)) = sql::load(&[file("schema.sql", text)]) else {
        panic!("expected source errors");
    };
    let positions: Vec<(usize, usize)> = problems
        .iter()
        .map(|p| (p.span.line, p.span.column))
        .collect();
    assert_eq!(positions, vec![(3, 1), (4, 13), (5, 3)]);
    assert!(problems[0].message.contains("INSERT"));
    assert!(problems[1].message.contains("`public.missing`"));
    assert_eq!(problems[2].line_text, "  DO $$ BEGIN END $$;");
    let rendered = Error::Source(problems).to_string();
    assert!(rendered.contains("schema.sql:4:13: table `public.missing` is altered but not created"));
    assert!(rendered.contains("3 problem(s) in the desired state; nothing was planned"));
}

#[test]
fn a_syntax_error_names_the_line_and_shows_it() {
    let Err(Error::Source(problems)) = sql::load(&[file(
        "bad.sql",
        "CREATE TABLE ok (a int);\nCREATE TABLE bad (a int,, b int);\n",
    )]) else {
        panic!("expected a syntax error");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].span.line, problems[0].span.column), (2, 25));
    assert_eq!(problems[0].line_text, "CREATE TABLE bad (a int,, b int);");
}

/// Plans between two files written to a temporary directory, offline.
fn plan_files(from: &str, to: &str) -> Result<schemadiff_engine::Plan, Error> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("from.sql"), from).unwrap();
    std::fs::write(dir.path().join("to.sql"), to).unwrap();
    let source = |name: &str| schemadiff_engine::Source::Path(dir.path().join(name));
    let options = schemadiff_engine::Options {
        desired_state: schemadiff_engine::DesiredStatePath::Offline,
        ..Default::default()
    };
    schemadiff_engine::plan(&source("from.sql"), &source("to.sql"), &options)
}

#[test]
fn a_rename_whose_source_exists_nowhere_is_an_error_at_the_directive() {
    let error = plan_files(
        "CREATE TABLE users (id int PRIMARY KEY, email text);",
        "CREATE TABLE users (\n    id int PRIMARY KEY,\n    email_address text -- schemadiff:renamed-from mail\n);",
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("to.sql:3:24"), "{error}");
    assert!(error.contains("has no column `mail`"), "{error}");
}

#[test]
fn a_rename_already_done_plans_nothing_and_an_undeclared_one_is_reported() {
    let done = plan_files(
        "CREATE TABLE users (id int PRIMARY KEY, email_address text);",
        "CREATE TABLE users (id int PRIMARY KEY, email_address text); -- schemadiff:renamed-from customers",
    );
    // the directive on the CREATE TABLE line names a table that is gone: done already
    assert!(done.unwrap().is_empty());
    // renames must not drop data silently: a drop and an add of one type are reported
    let guessed = plan_files(
        "CREATE TABLE users (id int PRIMARY KEY, email text);",
        "CREATE TABLE users (id int PRIMARY KEY, email_address text);",
    )
    .unwrap();
    let hazard = guessed
        .steps
        .iter()
        .flat_map(|s| &s.hazards)
        .find(|h| h.kind.id() == "probable-rename")
        .expect("a probable rename");
    assert!(
        hazard.message.contains("-- schemadiff:renamed-from email"),
        "{}",
        hazard.message
    );
}
