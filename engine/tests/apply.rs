//! `apply` on a real server: refusal of a drifted database with nothing changed, one run at
//! a time, a lock held by another session waited out with retries, the history and a second
//! run that does nothing, a resumed run that rebuilds an index left INVALID, and hazards
//! refused until allowed.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use postgres::{Client, NoTls};
use schemadiff_engine::apply::{BackfillProgress, Outcome, Settings};
use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::hazard::HazardKind;
use schemadiff_engine::plan::Phase;
use schemadiff_engine::source::Source;
use schemadiff_engine::{apply, history, DesiredStatePath, Error, Options, Plan};

const FROM: &str = "
CREATE TABLE account (id bigint PRIMARY KEY, name text, email text);
INSERT INTO account
SELECT n, CASE WHEN n % 3 > 0 THEN 'name ' || n END, NULL FROM generate_series(1, 12000) AS n;
";

/// An index on a table in use (built concurrently), a NOT NULL column with a backfill (a
/// batched backfill, then contract).
const TO: &str = "
CREATE TABLE account (
    id bigint PRIMARY KEY,
    name text NOT NULL, -- schemadiff:backfill 'unknown'
    email text
);
CREATE INDEX account_email_idx ON account (email);
";

/// The advisory lock `apply` takes: \"schemadiff\" in ASCII.
const APPLY_LOCK: &str = "SELECT pg_advisory_lock(x'736368656d616466'::bigint)";

fn options() -> Options {
    Options {
        desired_state: DesiredStatePath::Offline,
        ..Default::default()
    }
}

fn settings(phases: &[Phase]) -> Settings {
    Settings {
        phases: phases.to_vec(),
        allowed_hazards: Vec::new(),
        dry_run: false,
        wait: false,
        lock_timeout: Duration::from_millis(300),
        statement_timeout: None,
        retries: 6,
    }
}

/// A database holding FROM, and the plan from it to TO.
fn planned(cluster: &TempCluster, name: &str) -> (String, Plan) {
    let url = cluster.create_database(name).expect("a database");
    Client::connect(&url, NoTls)
        .expect("connects")
        .batch_execute(FROM)
        .expect("FROM loads");
    let dir = tempfile::tempdir().expect("a directory");
    let desired = dir.path().join("to.sql");
    std::fs::write(&desired, TO).expect("to.sql is written");
    let plan = schemadiff_engine::plan(
        &Source::Database(url.clone()),
        &Source::Path(desired),
        &options(),
    )
    .expect("the plan is made");
    assert!(
        plan.phases() == [Phase::Expand, Phase::Backfill, Phase::Contract],
        "{:?}",
        plan.phases()
    );
    (url, plan)
}

/// Applies the phases of `plan` with the test's settings, saying nothing.
fn run(url: &str, plan: &Plan, phases: &[Phase]) -> Result<Outcome, Error> {
    apply(
        url,
        plan,
        &options(),
        &settings(phases),
        &mut |_: &str| {},
        |_| {},
    )
}

fn scalar(url: &str, sql: &str) -> i64 {
    Client::connect(url, NoTls)
        .expect("connects")
        .query_one(sql, &[])
        .expect("the query runs")
        .get(0)
}

#[test]
fn apply_runs_phases_in_order_records_them_and_refuses_what_it_must() {
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");

    // drift: a table added since the plan; nothing is applied
    let (url, plan) = planned(&cluster, "drift");
    Client::connect(&url, NoTls)
        .unwrap()
        .batch_execute("CREATE TABLE extra (id int)")
        .unwrap();
    let refused = run(&url, &plan, &[Phase::Expand]);
    match refused {
        Err(Error::Drift(message)) => assert!(message.contains("public.extra"), "{message}"),
        other => panic!("a drifted database is refused: {other:?}"),
    }
    assert_eq!(
        scalar(
            &url,
            "SELECT count(*) FROM pg_indexes WHERE indexname = 'account_email_idx'"
        ),
        0,
        "nothing was applied"
    );

    // phases in order, recorded; a second run does nothing; contract before expand refused
    let (url, plan) = planned(&cluster, "phases");
    let contract_first = run(&url, &plan, &[Phase::Contract]);
    assert!(
        matches!(&contract_first, Err(Error::Invalid(m)) if m.contains("expand")),
        "{contract_first:?}"
    );
    let mut lines = Vec::new();
    let heard = Arc::new(Mutex::new(Vec::new()));
    let progress = {
        let heard = heard.clone();
        move |p: BackfillProgress| heard.lock().unwrap().push(p)
    };
    let outcome = apply(
        &url,
        &plan,
        &options(),
        &settings(&[Phase::Expand, Phase::Backfill]),
        &mut |line: &str| lines.push(line.to_string()),
        progress,
    )
    .expect("expand and backfill apply");
    let heard = heard.lock().unwrap();
    let (first, last) = (heard.first().unwrap(), heard.last().unwrap());
    assert_eq!((first.done, first.total), (0, 4000), "{heard:?}");
    assert_eq!(
        (last.column.as_str(), last.done, last.total),
        ("public.account.name", 4000, 4000),
        "the backfill says how far it is: {heard:?}"
    );
    assert_eq!(
        outcome,
        Outcome::Applied {
            phases: vec![Phase::Expand, Phase::Backfill],
            next: Some(Phase::Contract)
        }
    );
    assert!(lines.iter().any(|l| l.contains("batch")), "{lines:?}");
    assert_eq!(
        scalar(&url, "SELECT count(*) FROM account WHERE name IS NULL"),
        0
    );
    let again = run(&url, &plan, &[Phase::Expand, Phase::Backfill]).expect("a second run");
    assert_eq!(
        again,
        Outcome::AlreadyApplied {
            next: Some(Phase::Contract)
        }
    );
    let done = run(&url, &plan, &[Phase::Contract]).expect("contract applies");
    assert_eq!(
        done,
        Outcome::Applied {
            phases: vec![Phase::Contract],
            next: None
        }
    );
    let runs = history(&url).expect("the history is read");
    let phases: Vec<(&str, &str)> = runs
        .iter()
        .map(|r| (r.phase.as_str(), r.outcome.as_str()))
        .collect();
    assert_eq!(
        phases,
        [
            ("expand", "applied"),
            ("backfill", "applied"),
            ("contract", "applied")
        ]
    );
    assert!(runs
        .iter()
        .all(|r| r.finished_at.is_some() && !r.applied_by.is_empty()));
    let after = plan_from(&url);
    assert!(
        after.is_empty(),
        "the database is the desired state: {after:?}"
    );

    // hazards of danger severity wait for --allow-hazard
    let url = cluster.create_database("hazard").expect("a database");
    Client::connect(&url, NoTls)
        .unwrap()
        .batch_execute("CREATE TABLE gone (id int); INSERT INTO gone VALUES (1);")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("to.sql"), "CREATE TABLE kept (id int);\n").unwrap();
    let dropping = schemadiff_engine::plan(
        &Source::Database(url.clone()),
        &Source::Path(dir.path().join("to.sql")),
        &options(),
    )
    .expect("the plan is made");
    let every = [Phase::Expand, Phase::Backfill, Phase::Contract];
    let refused = run(&url, &dropping, &every);
    assert!(
        matches!(&refused, Err(Error::Refused(m)) if m.contains("--allow-hazard data-loss")),
        "{refused:?}"
    );
    assert_eq!(
        scalar(&url, "SELECT count(*) FROM gone"),
        1,
        "nothing was applied"
    );
    let allowed = Settings {
        allowed_hazards: vec![HazardKind::DataLoss],
        ..settings(&every)
    };
    apply(
        &url,
        &dropping,
        &options(),
        &allowed,
        &mut |_: &str| {},
        |_| {},
    )
    .expect("allowed, it applies");
    assert_eq!(
        scalar(
            &url,
            "SELECT count(*) FROM pg_tables WHERE tablename = 'gone'"
        ),
        0
    );
}

fn plan_from(url: &str) -> Plan {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("to.sql"), TO).unwrap();
    schemadiff_engine::plan(
        &Source::Database(url.to_string()),
        &Source::Path(dir.path().join("to.sql")),
        &options(),
    )
    .expect("the plan is made")
}

#[test]
fn apply_waits_for_locks_and_for_another_apply() {
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");

    // another apply holds the database: stop at once, or wait with --wait
    let (url, plan) = planned(&cluster, "busy");
    let mut other = Client::connect(&url, NoTls).unwrap();
    other.batch_execute(APPLY_LOCK).unwrap();
    let busy = run(&url, &plan, &[Phase::Expand]);
    assert!(
        matches!(&busy, Err(Error::Busy(m)) if m.contains("another apply holds the lock")),
        "{busy:?}"
    );
    let waiting = {
        let (url, plan) = (url.clone(), plan.clone());
        std::thread::spawn(move || {
            let wait = Settings {
                wait: true,
                ..settings(&[Phase::Expand])
            };
            apply(&url, &plan, &options(), &wait, &mut |_: &str| {}, |_| {})
        })
    };
    std::thread::sleep(Duration::from_millis(700));
    drop(other);
    let waited = waiting.join().expect("the waiting apply ends");
    assert!(matches!(waited, Ok(Outcome::Applied { .. })), "{waited:?}");

    // a table lock held by another session: each try times out, the batch is tried again
    // and applies once the lock is released; meanwhile nothing is half applied
    let (url, plan) = planned(&cluster, "locked");
    let mut holder = Client::connect(&url, NoTls).unwrap();
    holder
        .batch_execute("BEGIN; LOCK TABLE account IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let running = {
        let (url, plan) = (url.clone(), plan.clone());
        std::thread::spawn(move || {
            let mut lines = Vec::new();
            let outcome = apply(
                &url,
                &plan,
                &options(),
                &settings(&[Phase::Expand]),
                &mut |l: &str| lines.push(l.to_string()),
                |_| {},
            );
            (outcome, lines)
        })
    };
    std::thread::sleep(Duration::from_millis(1200));
    let checks: i64 = Client::connect(&url, NoTls)
        .unwrap()
        .query_one(
            "SELECT count(*) FROM pg_constraint WHERE conname LIKE 'schemadiff_not_null_%'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(checks, 0, "nothing of the batch is applied while it waits");
    holder.batch_execute("COMMIT").unwrap();
    let (outcome, lines) = running.join().expect("the apply ends");
    assert!(
        matches!(outcome, Ok(Outcome::Applied { .. })),
        "{outcome:?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("trying again")),
        "{lines:?}"
    );
}

#[test]
fn a_resumed_apply_builds_an_index_left_invalid_again() {
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");
    let (url, plan) = planned(&cluster, "invalid");
    run(&url, &plan, &[Phase::Expand]).expect("expand applies");
    // as a run stopped during the concurrent build leaves it: the index INVALID, the
    // history short of that batch
    let batches = plan
        .batches()
        .into_iter()
        .filter(|b| b.phase == Phase::Expand)
        .collect::<Vec<_>>();
    let build = batches
        .iter()
        .position(|b| {
            plan.steps[b.steps.clone()]
                .iter()
                .any(|s| s.sql.iter().any(|q| q.contains("CONCURRENTLY")))
        })
        .expect("the index is built concurrently");
    let mut client = Client::connect(&url, NoTls).unwrap();
    client
        .batch_execute(&format!(
            "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'account_email_idx'::regclass;
             UPDATE schemadiff.history SET outcome = 'failed', batches_done = {build}"
        ))
        .unwrap();
    run(&url, &plan, &[Phase::Expand]).expect("the resumed expand applies");
    let valid: bool = client
        .query_one(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = 'account_email_idx'::regclass",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(valid, "the index is built again");
}
