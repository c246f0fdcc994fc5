//! What `schemadiff` refuses to do by accident (issue 13): plan to a desired state that
//! reads as empty, compare a schema that exists nowhere, read standard input twice, touch
//! files it did not write in a `dump --split` directory, drop what lies outside
//! `dump --schema`; and how it reads files that are not plain UTF-8. Each runs the real
//! binary, against a real PostgreSQL where a database is one side.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use schemadiff_engine::cluster::TempCluster;

const SHOP: &str = "CREATE SCHEMA app;
CREATE TABLE app.audit (id int);
CREATE TABLE customers (id int PRIMARY KEY, email text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers);
CREATE VIEW big_orders AS SELECT id FROM orders WHERE id > 100;
";

/// One cluster for the whole binary; each test gets its own database.
fn cluster() -> &'static TempCluster {
    static CLUSTER: OnceLock<TempCluster> = OnceLock::new();
    CLUSTER.get_or_init(|| TempCluster::start().expect("start a temporary PostgreSQL cluster"))
}

/// A fresh database holding `sql`; its URL.
fn database_with(name: &str, sql: &str) -> String {
    let cluster = cluster();
    cluster.drop_database(name).expect("drop old database");
    let url = cluster.create_database(name).expect("create database");
    cluster
        .connect(name)
        .expect("connect")
        .batch_execute(sql)
        .expect("load the schema");
    url
}

/// Runs `schemadiff` with `args` in `dir`, with `stdin` as its standard input.
fn schemadiff(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_schemadiff"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run schemadiff");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// The exit code and standard error of a run that must fail with exit 2.
fn refused(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty(), "{stderr}");
    stderr
}

/// Standard output of a run that must succeed.
fn succeeded(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn write(dir: &Path, relative: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

// an empty file, a directory without `*.sql`: both read as an empty schema, and the plan
// dropped every table with exit 0
#[test]
fn an_empty_desired_state_is_refused_unless_allowed() {
    let url = database_with("empty_desired_state", SHOP);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.sql", "");
    write(dir.path(), "no_sql/README.md", "the schema lives elsewhere");
    for (command, to) in [
        ("plan", "empty.sql"),
        ("plan", "no_sql"),
        ("check", "empty.sql"),
    ] {
        let message = refused(&schemadiff(
            dir.path(),
            &[command, "--from", &url, "--to", to],
            "",
        ));
        assert!(
            message.contains(&format!(
                "the desired state ({to}) holds nothing in the schemas compared, so the plan would drop everything {url} holds: 1 schema (`app`), 3 tables (`app.audit`, `public.customers`, `public.orders`), 1 view (`public.big_orders`)"
            )),
            "{command} --to {to}: {message}"
        );
        assert!(message.contains("--allow-empty"), "{message}");
    }
    // empty in the schemas compared: `--schema app` of a desired state with `public` only
    write(
        dir.path(),
        "public_only.sql",
        "CREATE TABLE customers (id int);",
    );
    let message = refused(&schemadiff(
        dir.path(),
        &[
            "plan",
            "--from",
            &url,
            "--to",
            "public_only.sql",
            "--schema",
            "app",
        ],
        "",
    ));
    assert!(
        message.contains("would drop everything") && message.contains("1 table (`app.audit`)"),
        "{message}"
    );
    // said explicitly, the plan drops everything
    let plan = succeeded(&schemadiff(
        dir.path(),
        &["plan", "--from", &url, "--to", "empty.sql", "--allow-empty"],
        "",
    ));
    assert!(plan.contains("DROP TABLE public.orders;"), "{plan}");
    // the other way round is a first deploy, nothing to refuse
    succeeded(&schemadiff(
        dir.path(),
        &["plan", "--from", "empty.sql", "--to", &url],
        "",
    ));
    // a database as the desired state is read as it is, empty or not
    let empty = database_with("empty_database", "");
    let plan = succeeded(&schemadiff(
        dir.path(),
        &["plan", "--from", &url, "--to", &empty],
        "",
    ));
    assert!(plan.contains("DROP TABLE public.orders;"), "{plan}");
}

// a misspelled `--schema pubilc` made `check` report "equivalent"
#[test]
fn a_schema_on_neither_side_is_refused_with_the_closest_name() {
    let url = database_with("unknown_schema", SHOP);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "shop.sql", SHOP);
    let message = refused(&schemadiff(
        dir.path(),
        &[
            "check", "--from", &url, "--to", "shop.sql", "--schema", "pubilc",
        ],
        "",
    ));
    assert!(
        message.contains(&format!(
            "--schema `pubilc` is not a schema of {url} or shop.sql, so it selects nothing; did you mean `public`?"
        )),
        "{message}"
    );
    let message = refused(&schemadiff(
        dir.path(),
        &["dump", "--from", &url, "--schema", "billing"],
        "",
    ));
    assert!(
        message.contains("--schema `billing` is not a schema of")
            && message.contains("the schemas there are `app`, `public`"),
        "{message}"
    );
    // said explicitly, nothing is compared: equivalent
    let allowed = schemadiff(
        dir.path(),
        &[
            "check",
            "--from",
            &url,
            "--to",
            "shop.sql",
            "--schema",
            "pubilc",
            "--allow-empty",
        ],
        "",
    );
    succeeded(&allowed);
    assert!(String::from_utf8_lossy(&allowed.stderr).contains("equivalent"));
}

// `--from - --to -` read the second side as empty and dropped everything
#[test]
fn standard_input_as_both_sides_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "shop.sql", SHOP);
    let message = refused(&schemadiff(
        dir.path(),
        &["plan", "--from", "-", "--to", "-", "--allow-empty"],
        SHOP,
    ));
    assert!(
        message
            .contains("--from and --to are both - (standard input), which can be read only once"),
        "{message}"
    );
    // one side is fine
    let plan = succeeded(&schemadiff(
        dir.path(),
        &["plan", "--from", "shop.sql", "--to", "-"],
        SHOP,
    ));
    assert!(plan.contains("0 step(s)"), "{plan}");
}

// `dump --split DIR` deleted a migrations folder, `seed.sql` and a hand-written file
#[test]
fn dump_split_refuses_a_directory_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "shop.sql", SHOP);
    write(
        dir.path(),
        "db/seed.sql",
        "INSERT INTO customers VALUES (1);",
    );
    write(
        dir.path(),
        "db/migrations/001_init.sql",
        "CREATE TABLE t (a int);",
    );
    let message = refused(&schemadiff(
        dir.path(),
        &["dump", "--from", "shop.sql", "--split", "db"],
        "",
    ));
    assert!(
        message
            .contains("db is not empty and has no .schemadiff-dump, so no earlier dump wrote it"),
        "{message}"
    );
    let mut left: Vec<String> = walk(&dir.path().join("db"));
    left.sort();
    assert_eq!(left, ["migrations/001_init.sql", "seed.sql"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("db/seed.sql")).unwrap(),
        "INSERT INTO customers VALUES (1);"
    );
}

#[test]
fn dump_split_rewrites_its_own_directory_and_keeps_files_added_later() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "v1.sql", SHOP);
    write(
        dir.path(),
        "v2.sql",
        "CREATE TABLE customers (id int PRIMARY KEY, email text);\nCREATE TABLE invoices (id int);\n",
    );
    let dump = |version: &str| {
        schemadiff(
            dir.path(),
            &["dump", "--from", version, "--split", "snapshot"],
            "",
        )
    };
    succeeded(&dump("v1.sql"));
    let snapshot = dir.path().join("snapshot");
    assert_eq!(
        walk(&snapshot),
        [
            ".schemadiff-dump",
            "schemas/app.sql",
            "tables/app.audit.sql",
            "tables/public.customers.sql",
            "tables/public.orders.sql",
            "views/public.big_orders.sql",
        ]
    );
    write(&snapshot, "README.md", "reviewed in pull requests");
    write(&snapshot, "tables/notes.sql", "-- by hand");
    succeeded(&dump("v2.sql"));
    assert_eq!(
        walk(&snapshot),
        [
            ".schemadiff-dump",
            "README.md",
            "tables/notes.sql",
            "tables/public.customers.sql",
            "tables/public.invoices.sql",
        ]
    );
    let manifest = std::fs::read_to_string(snapshot.join(".schemadiff-dump")).unwrap();
    assert!(
        manifest.ends_with("\ntables/public.customers.sql\ntables/public.invoices.sql\n"),
        "{manifest}"
    );
    // a file of the user's where the dump would write is not overwritten either
    write(&snapshot, "tables/public.orders.sql", "-- by hand");
    let message = refused(&dump("v1.sql"));
    assert!(
        message.contains(
            "holds tables/public.orders.sql that the dump would overwrite but did not write"
        ),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(snapshot.join("tables/public.orders.sql")).unwrap(),
        "-- by hand"
    );
}

// `dump --schema X` wrote `DROP SCHEMA public;`
#[test]
fn dump_of_selected_schemas_drops_nothing_outside_them() {
    let url = database_with("dump_selected", SHOP);
    let dir = tempfile::tempdir().unwrap();
    let dump = succeeded(&schemadiff(
        dir.path(),
        &["dump", "--from", &url, "--schema", "app"],
        "",
    ));
    assert!(!dump.contains("DROP"), "{dump}");
    assert!(dump.contains("CREATE SCHEMA app;"), "{dump}");
    assert!(!dump.contains("public"), "{dump}");
    // it loads into an empty database and dumps the same again
    let reloaded = database_with("dump_selected_reloaded", &dump);
    let again = succeeded(&schemadiff(
        dir.path(),
        &["dump", "--from", &reloaded, "--schema", "app"],
        "",
    ));
    assert_eq!(again, dump);
}

// a UTF-8 byte order mark gave `syntax error at or near "CREATE"`
#[test]
fn a_byte_order_mark_is_ignored_and_positions_stay_right() {
    let url = database_with("byte_order_mark", "CREATE TABLE customers (id int);");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "plain.sql", SHOP);
    write(dir.path(), "bom.sql", format!("\u{feff}{SHOP}"));
    let plan = |to: &str| {
        succeeded(&schemadiff(
            dir.path(),
            &["plan", "--from", &url, "--to", to],
            "",
        ))
    };
    let plain = plan("plain.sql");
    assert!(plain.contains("CREATE TABLE public.orders"), "{plain}");
    assert_eq!(plan("bom.sql"), plain);
    // the mark takes no column: an error on the first line is where an editor shows it
    write(
        dir.path(),
        "bad.sql",
        "\u{feff}CREATE TABLE t (a int,, b int);\n",
    );
    let message = refused(&schemadiff(
        dir.path(),
        &["plan", "--from", &url, "--to", "bad.sql"],
        "",
    ));
    assert!(
        message.contains("bad.sql:1:23: syntax error at or near \",\""),
        "{message}"
    );
}

// a file in Latin-1 gave an error without a line
#[test]
fn invalid_utf8_is_reported_at_its_first_bad_byte() {
    let url = database_with("invalid_utf8", "CREATE TABLE customers (id int);");
    let dir = tempfile::tempdir().unwrap();
    // `é` in UTF-8 on line 2 (one column), then `é` in Latin-1 on line 3
    let mut latin1 =
        b"CREATE TABLE customers (id int);\n-- caf\xc3\xa9\nCOMMENT ON TABLE customers IS 'caf"
            .to_vec();
    latin1.extend(b"\xe9';\n");
    write(dir.path(), "schema/latin1.sql", latin1);
    let message = refused(&schemadiff(
        dir.path(),
        &["plan", "--from", &url, "--to", "schema"],
        "",
    ));
    assert!(
        message.contains("schema/latin1.sql:3:35: the file is not valid UTF-8: byte 0xE9"),
        "{message}"
    );
    assert!(
        message.contains("help: save the file as UTF-8"),
        "{message}"
    );
}

/// Every file below `dir`, as sorted relative paths.
fn walk(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(next).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                files.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    files
}
