//! `schemadiff apply --plan DIR` as a deploy runs it: a reviewed plan read back from
//! `plan --out`, a dry run that changes nothing, Ctrl-C in the middle of the backfill (it
//! stops between batches), then SIGKILL in the middle of the rest, and a last run that
//! finishes it with every row filled, and the refusal of a database that changed since the
//! plan.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use postgres::{Client, NoTls};
use schemadiff_engine::cluster::TempCluster;

const ROWS: i64 = 600_000;

const TO: &str = "
CREATE TABLE event (
    id bigint PRIMARY KEY,
    kind text NOT NULL, -- schemadiff:backfill 'kind-' || id
    note text
);
";

fn schemadiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemadiff"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Starts `apply --plan` and sends it `signal` once its backfill has started (its expand
/// batch is done, or it says how far the backfill is).
fn interrupted(url: &str, dir: &str, signal: &str) {
    let mut apply = Command::new(env!("CARGO_BIN_EXE_schemadiff"))
        .args(["apply", "--db", url, "--plan", dir, "--yes"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("apply starts");
    let mut lines = BufReader::new(apply.stderr.take().expect("stderr is piped")).lines();
    for line in lines.by_ref() {
        let line = line.expect("a line");
        if line.contains("expand: batch") && line.contains("done") || line.contains("rows/s") {
            break;
        }
    }
    // what it says until it stops is read, so that it never writes to a closed pipe
    let drained = std::thread::spawn(move || lines.for_each(drop));
    std::thread::sleep(Duration::from_millis(300));
    Command::new("kill")
        .args([signal, &apply.id().to_string()])
        .status()
        .expect("kill runs");
    apply.wait().expect("it ends");
    drained.join().expect("its output is read");
}

fn count(client: &mut Client, sql: &str) -> i64 {
    client.query_one(sql, &[]).expect("the query runs").get(0)
}

#[test]
fn a_killed_apply_resumes_and_a_changed_database_is_refused() {
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");
    let url = cluster.create_database("deploy").expect("a database");
    let mut client = Client::connect(&url, NoTls).expect("connects");
    client
        .batch_execute(&format!(
            "CREATE TABLE event (id bigint PRIMARY KEY, kind text, note text);
             INSERT INTO event SELECT n, NULL, 'row ' || n FROM generate_series(1, {ROWS}) AS n;"
        ))
        .expect("FROM loads");
    let work = tempfile::tempdir().expect("a work directory");
    let desired = work.path().join("to.sql");
    std::fs::write(&desired, TO).expect("to.sql is written");
    let dir = work.path().join("plan");
    let dir_text = dir.to_str().expect("a UTF-8 path");
    let planned = schemadiff(&[
        "plan",
        "--from",
        &url,
        "--to",
        desired.to_str().unwrap(),
        "--offline",
        "--out",
        dir_text,
    ]);
    assert!(
        planned.status.success(),
        "{}",
        String::from_utf8_lossy(&planned.stderr)
    );

    let dry = schemadiff(&["apply", "--db", &url, "--plan", dir_text, "--dry-run"]);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(String::from_utf8_lossy(&dry.stdout).contains("schemadiff_fill_kind"));
    assert_eq!(
        count(
            &mut client,
            "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'schemadiff_%'"
        ),
        0,
        "a dry run changes nothing"
    );

    // interrupted with Ctrl-C once the backfill has started: it stops between batches
    interrupted(&url, dir_text, "-INT");
    assert!(
        count(&mut client, "SELECT count(*) FROM event WHERE kind IS NULL") > 0,
        "Ctrl-C stops the backfill part-way"
    );
    // killed with SIGKILL in the middle of the rest of it
    interrupted(&url, dir_text, "-KILL");
    assert!(
        count(&mut client, "SELECT count(*) FROM event WHERE kind IS NULL") > 0,
        "SIGKILL stops the backfill part-way"
    );

    // the second run waits for the first one's session, then finishes what is left
    let second = schemadiff(&["apply", "--db", &url, "--plan", dir_text, "--yes", "--wait"]);
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(second.status.success(), "{said}");
    assert!(said.contains("apply --phase contract"), "{said}");
    // not on a terminal, the backfill's progress is plain lines, the last one for all rows
    let last = said
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("schemadiff: backfill public.event.kind: "))
        .unwrap_or_else(|| panic!("a progress line: {said}"));
    let (rows, rest) = last.split_once(" rows, ").expect("rows, then the rate");
    let (done, total) = rows.split_once('/').expect("done/total");
    assert_eq!(done, total, "{last}");
    assert!(rest.ends_with(" rows/s, ~0s left"), "{last}");
    assert_eq!(count(&mut client, "SELECT count(*) FROM event"), ROWS);
    assert_eq!(
        count(
            &mut client,
            "SELECT count(*) FROM event WHERE kind IS DISTINCT FROM 'kind-' || id"
        ),
        0,
        "every row is filled, with its own value"
    );
    let contract = schemadiff(&[
        "apply", "--db", &url, "--plan", dir_text, "--yes", "--phase", "contract",
    ]);
    assert!(
        contract.status.success(),
        "{}",
        String::from_utf8_lossy(&contract.stderr)
    );
    let history = schemadiff(&["history", "--db", &url]);
    let listed = String::from_utf8_lossy(&history.stdout);
    assert!(listed.contains("contract  applied"), "{listed}");

    // a plan made before a change of the database is refused, and changes nothing
    std::fs::write(&desired, format!("{TO}CREATE TABLE audit (id int);\n")).unwrap();
    let stale = work.path().join("stale");
    let planned = schemadiff(&[
        "plan",
        "--from",
        &url,
        "--to",
        desired.to_str().unwrap(),
        "--offline",
        "--out",
        stale.to_str().unwrap(),
    ]);
    assert!(planned.status.success());
    client
        .batch_execute("ALTER TABLE event ADD COLUMN extra int")
        .unwrap();
    let refused = schemadiff(&[
        "apply",
        "--db",
        &url,
        "--plan",
        stale.to_str().unwrap(),
        "--yes",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("tables public.event changed"), "{said}");
    assert_eq!(
        count(
            &mut client,
            "SELECT count(*) FROM pg_tables WHERE tablename = 'audit'"
        ),
        0
    );
    assert!(Path::new(&stale).join("plan.json").exists());
}

#[test]
fn a_reviewed_plan_is_applied_reading_the_schemas_it_was_made_with() {
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");
    let url = cluster.create_database("scoped").expect("a database");
    let mut client = Client::connect(&url, NoTls).expect("connects");
    client
        .batch_execute(
            "CREATE SCHEMA app; CREATE TABLE app.item (id int PRIMARY KEY);
             CREATE SCHEMA other; CREATE TABLE other.log (id int);",
        )
        .expect("FROM loads");
    let work = tempfile::tempdir().expect("a work directory");
    let desired = work.path().join("app.sql");
    std::fs::write(
        &desired,
        "CREATE SCHEMA app;\nCREATE TABLE app.item (id int PRIMARY KEY, name text);\n",
    )
    .expect("the desired state is written");
    let dir = work.path().join("plan");
    let dir = dir.to_str().expect("a UTF-8 path");
    let planned = schemadiff(&[
        "plan",
        "--from",
        &url,
        "--to",
        desired.to_str().unwrap(),
        "--schema",
        "app",
        "--offline",
        "--out",
        dir,
    ]);
    assert!(
        planned.status.success(),
        "{}",
        String::from_utf8_lossy(&planned.stderr)
    );

    let other = schemadiff(&[
        "apply", "--db", &url, "--plan", dir, "--yes", "--schema", "other",
    ]);
    assert_eq!(other.status.code(), Some(2));
    let said = String::from_utf8_lossy(&other.stderr);
    assert!(said.contains("made with --schema app"), "{said}");

    // without --schema, apply reads only `app`, as the plan did: `other` is not FROM's
    let applied = schemadiff(&["apply", "--db", &url, "--plan", dir, "--yes"]);
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    assert_eq!(
        count(
            &mut client,
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'app' AND column_name = 'name'"
        ),
        1
    );
}
