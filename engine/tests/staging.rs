//! The generic staging test: walks every `schemas/staging/<name>/` and checks that the staged
//! plan from `from.sql` to `to.sql` keeps both applications working through its phases,
//! converges, and rolls back from any phase.
//!
//! A case holds:
//!
//! - `from.sql`, `to.sql`: the schema now and the desired state (with directives);
//! - `seed.sql`: rows inserted into FROM before planning;
//! - `old.sql`: what the old application (written for FROM) runs: it must succeed after
//!   expand and again after backfill;
//! - `new.sql`: what the new application (written for TO) runs: it must succeed after
//!   backfill and again after contract;
//! - `check.sql`: `SELECT`s of one boolean each, all true after contract;
//! - `check_from.sql`: `SELECT`s of one boolean each, all true after a full rollback from any
//!   phase and after the direct plan's rollback.
//!
//! For each case, on one cluster, two cases at a time:
//!
//! 1. plans FROM (a database loaded with from.sql and seed.sql) to to.sql offline, staged;
//!    the phase files are those of the phases that have steps, and planning again gives the
//!    same bytes;
//! 2. forward: expand, old app, backfill, backfill again (which must change nothing), old
//!    app, new app, contract, new app; then check.sql, the database reads back equal to
//!    to.sql, and planning again from it gives an empty plan; the same again with each
//!    phase run by `schemadiff_engine::apply` instead of its file;
//! 3. for each phase with steps, on a fresh seeded FROM: the same sequence up to that phase
//!    and the application runs that follow it, then the down files of the applied phases,
//!    last first; the database reads back equal to from.sql and check_from.sql holds;
//! 4. the direct plan (`Options::direct`) on a fresh seeded FROM: old app, `up.sql` (equal
//!    to to.sql), new app, check.sql, `down.sql` (equal to from.sql), check_from.sql. The
//!    old app runs before the migration so that check_from.sql finds its rows on every path;
//! 5. planned again part-way: on a fresh seeded FROM, expand and backfill with the
//!    applications between, then a new plan from that database, which must hold no expand
//!    step; its files finish the migration (new app, check.sql, equal to to.sql, nothing
//!    left to plan).
//!
//! Every failure of every case is reported together at the end: each scenario stops at its
//! first failure, the others still run. `SCHEMADIFF_STAGING=substring` runs only matching
//! cases.

use std::path::{Path, PathBuf};
use std::time::Duration;

use postgres::{Client, NoTls, SimpleQueryMessage};
use schemadiff_engine::apply::Settings;
use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::hazard::HazardKind;
use schemadiff_engine::model::Catalog;
use schemadiff_engine::plan::Phase;
use schemadiff_engine::source::Source;
use schemadiff_engine::{plan, render, DesiredStatePath, Options, Plan};

mod common;

use common::{apply_file, load_database, read_live, same, workspace};

/// The files every case directory holds.
const CASE_FILES: [&str; 7] = [
    "from.sql",
    "to.sql",
    "seed.sql",
    "old.sql",
    "new.sql",
    "check.sql",
    "check_from.sql",
];

const PHASES: [Phase; 3] = [Phase::Expand, Phase::Backfill, Phase::Contract];

fn case_dirs() -> Vec<PathBuf> {
    let filter = std::env::var("SCHEMADIFF_STAGING").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(workspace().join("schemas/staging"))
        .expect("schemas/staging exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(&filter))
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_staged_case_keeps_both_applications_working() {
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");
    let cases = case_dirs();
    assert!(!cases.is_empty(), "no staging cases found");
    let failures = common::two_at_a_time(&cases, |i, dir| {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let errors = common::caught(|| run_case(&cluster, dir, i)).unwrap_or_else(|e| vec![e]);
        (!errors.is_empty()).then(|| format!("--- {name}\n{}", errors.join("\n")))
    });
    println!(
        "{} staging case(s) run, {} failed",
        cases.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} staging cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// One case: its files, the databases it creates, and where its plan's files are written.
struct Case<'a> {
    cluster: &'a TempCluster,
    dir: &'a Path,
    number: usize,
    /// The plan's files, written out to be run with `psql -f`.
    scripts: tempfile::TempDir,
}

/// What a scenario does next.
#[derive(Clone, Copy)]
enum Action {
    /// `<phase>.up.sql`.
    Up(Phase),
    /// `backfill.up.sql` run a second time: succeeds and changes nothing.
    UpAgain(Phase),
    /// `<phase>.down.sql`.
    Down(Phase),
    /// `old.sql` or `new.sql`, after the named phase.
    App(&'static str, Phase),
}

/// Every failure of the case, each with its scenario and step.
fn run_case(cluster: &TempCluster, dir: &Path, number: usize) -> Vec<String> {
    let missing: Vec<&str> = CASE_FILES
        .into_iter()
        .filter(|f| !dir.join(f).exists())
        .collect();
    if !missing.is_empty() {
        return vec![format!("the case lacks {}", missing.join(", "))];
    }
    let case = Case {
        cluster,
        dir,
        number,
        scripts: tempfile::tempdir().expect("a temporary directory for the plan's files"),
    };
    let mut failures = Vec::new();
    let (expected_from, expected_to) = match (
        load_database(cluster, &case.db("from"), &dir.join("from.sql")),
        load_database(cluster, &case.db("to"), &dir.join("to.sql")),
    ) {
        (Ok(from), Ok(to)) => match (read_live(&from), read_live(&to)) {
            (Ok(from), Ok(to)) => (from, to),
            (Err(e), _) | (_, Err(e)) => return vec![format!("reading the references: {e}")],
        },
        (Err(e), _) | (_, Err(e)) => return vec![format!("loading the references: {e}")],
    };

    // 1. the staged plan, twice
    let work = match case.seeded("forward") {
        Ok(work) => work,
        Err(e) => return vec![format!("[plan] {e}")],
    };
    let staged = Options {
        desired_state: DesiredStatePath::Offline,
        ..Default::default()
    };
    let forward = match case.plan(&work, &staged) {
        Ok(forward) => forward,
        Err(e) => return vec![format!("[plan] {e}")],
    };
    match case.plan(&work, &staged) {
        Ok(again) => {
            if let Err(e) = identical(&forward, &again) {
                failures.push(format!("[plan] planning twice differs: {e}"));
            }
        }
        Err(e) => failures.push(format!("[plan] planning again: {e}")),
    }
    let phases = forward.phases();
    let files = render::phase_files(&forward);
    if let Err(e) = expected_files(&files, &phases) {
        failures.push(format!("[plan] {e}"));
    }
    for (name, text) in &files {
        std::fs::write(case.scripts.path().join(name), text).expect("a plan file is written");
    }
    // 2. forward, through every phase
    let outcome = case
        .run(&work, &case.sequence(&phases, Phase::Contract, true))
        .and_then(|()| case.checks(&work, "check.sql"))
        .and_then(|()| {
            same(&read_live(&work)?, &expected_to).map_err(|e| format!("after contract: {e}"))
        })
        .and_then(|()| {
            let again = case.plan(&work, &staged)?;
            if again.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "planning again after contract is not empty:\n{}",
                    render::up_sql(&again)
                ))
            }
        });
    record(&mut failures, "forward", outcome);
    cluster.drop_database(&case.db("forward")).ok();

    // 2b. forward again, through `apply`, phase by phase
    let outcome = case.applied(&forward, &staged, &expected_to);
    record(&mut failures, "through apply", outcome);
    cluster.drop_database(&case.db("apply")).ok();

    // 3. rollback from each phase
    for &last in &phases {
        let scenario = format!("rollback after {}", last.name());
        let label = format!("back_{}", last.name());
        let outcome = case.seeded(&label).and_then(|db| {
            let mut actions = case.sequence(&phases, last, false);
            actions.extend(
                phases
                    .iter()
                    .rev()
                    .filter(|&&p| p <= last)
                    .map(|&p| Action::Down(p)),
            );
            case.run(&db, &actions)?;
            same(&read_live(&db)?, &expected_from)
                .map_err(|e| format!("after the down files: {e}"))?;
            case.checks(&db, "check_from.sql")
        });
        record(&mut failures, &scenario, outcome);
        cluster.drop_database(&case.db(&label)).ok();
    }

    // 4. the direct plan
    let outcome = case.direct(&staged, &expected_from, &expected_to);
    record(&mut failures, "direct", outcome);
    cluster.drop_database(&case.db("direct")).ok();

    // 5. planned again part-way: only what is left, which finishes the migration
    let outcome = case.replanned(&staged, &phases, &expected_to);
    record(&mut failures, "planned again after backfill", outcome);
    cluster.drop_database(&case.db("replan")).ok();
    cluster.drop_database(&case.db("from")).ok();
    cluster.drop_database(&case.db("to")).ok();
    failures
}

/// A scenario's first failure, if any, under its name.
fn record(failures: &mut Vec<String>, scenario: &str, outcome: Result<(), String>) {
    if let Err(e) = outcome {
        failures.push(format!("[{scenario}] {e}"));
    }
}

impl Case<'_> {
    fn db(&self, suffix: &str) -> String {
        format!("stage{}_{suffix}", self.number)
    }

    /// A fresh database loaded with from.sql and seed.sql.
    fn seeded(&self, suffix: &str) -> Result<String, String> {
        let url = load_database(self.cluster, &self.db(suffix), &self.dir.join("from.sql"))?;
        apply_file(self.cluster, &url, &self.dir.join("seed.sql"))
            .map_err(|e| format!("running seed.sql: {e}"))?;
        Ok(url)
    }

    /// The plan from the database at `url` to to.sql.
    fn plan(&self, url: &str, options: &Options) -> Result<Plan, String> {
        plan(
            &Source::Database(url.to_string()),
            &Source::Path(self.dir.join("to.sql")),
            options,
        )
        .map_err(|e| format!("plan failed: {e}"))
    }

    /// The forward sequence up to `last` and the application runs that follow it; phases
    /// without steps are skipped, the application runs around them are not.
    fn sequence(&self, phases: &[Phase], last: Phase, rerun_backfill: bool) -> Vec<Action> {
        let mut actions = Vec::new();
        for phase in PHASES.into_iter().filter(|&p| p <= last) {
            if phases.contains(&phase) {
                actions.push(Action::Up(phase));
                if phase == Phase::Backfill && rerun_backfill {
                    actions.push(Action::UpAgain(phase));
                }
            }
            let apps: &[&'static str] = match phase {
                Phase::Expand => &["old.sql"],
                Phase::Backfill => &["old.sql", "new.sql"],
                Phase::Contract => &["new.sql"],
            };
            actions.extend(apps.iter().map(|&app| Action::App(app, phase)));
        }
        actions
    }

    /// Runs `actions` in order, stopping at the first failure.
    fn run(&self, url: &str, actions: &[Action]) -> Result<(), String> {
        for action in actions {
            match *action {
                Action::Up(phase) => self.phase_file(url, &format!("{}.up.sql", phase.name()))?,
                Action::Down(phase) => {
                    self.phase_file(url, &format!("{}.down.sql", phase.name()))?
                }
                Action::UpAgain(phase) => {
                    let file = format!("{}.up.sql", phase.name());
                    let before = (read_live(url)?, contents(url)?);
                    self.phase_file(url, &file)
                        .map_err(|e| format!("the second run: {e}"))?;
                    let after = (read_live(url)?, contents(url)?);
                    same(&after.0, &before.0)
                        .map_err(|e| format!("running {file} again changed the schema: {e}"))?;
                    if after.1 != before.1 {
                        return Err(format!(
                            "running {file} again changed the rows:\n--- before\n{}\n--- after\n{}",
                            before.1, after.1
                        ));
                    }
                }
                Action::App(app, after) => {
                    apply_file(self.cluster, url, &self.dir.join(app))
                        .map_err(|e| format!("running {app} after {}: {e}", after.name()))?;
                }
            }
        }
        Ok(())
    }

    /// The forward scenario with each phase run by `apply` instead of its file, the
    /// applications in between; the plan's danger hazards are allowed.
    fn applied(&self, plan: &Plan, options: &Options, expected_to: &Catalog) -> Result<(), String> {
        let url = self.seeded("apply")?;
        for action in self.sequence(&plan.phases(), Phase::Contract, false) {
            let Action::Up(phase) = action else {
                self.run(&url, &[action])?;
                continue;
            };
            let settings = Settings {
                phases: vec![phase],
                allowed_hazards: vec![
                    HazardKind::DataLoss,
                    HazardKind::EnumValueRemoval,
                    HazardKind::BreaksApplication,
                ],
                dry_run: false,
                wait: false,
                lock_timeout: Duration::from_secs(5),
                statement_timeout: None,
                retries: 0,
            };
            schemadiff_engine::apply(&url, plan, options, &settings, &mut |_| {}, |_| {})
                .map_err(|e| format!("apply --phase {}: {e}", phase.name()))?;
        }
        self.checks(&url, "check.sql")?;
        same(&read_live(&url)?, expected_to).map_err(|e| format!("after contract: {e}"))
    }

    /// Runs one of the plan's files; a failure names it and shows it.
    fn phase_file(&self, url: &str, name: &str) -> Result<(), String> {
        let path = self.scripts.path().join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Err(format!("the plan has no {name}"));
        };
        apply_file(self.cluster, url, &path)
            .map_err(|e| format!("running {name}: {e}--- {name} ---\n{text}"))
    }

    /// Every statement of `file` returns one row of one `true`.
    fn checks(&self, url: &str, file: &str) -> Result<(), String> {
        let sql = std::fs::read_to_string(self.dir.join(file)).map_err(|e| e.to_string())?;
        let statements =
            pg_query::split_with_parser(&sql).map_err(|e| format!("{file} does not parse: {e}"))?;
        let mut client = Client::connect(url, NoTls).map_err(|e| format!("connect: {e}"))?;
        let mut failed = Vec::new();
        for statement in statements {
            let statement = statement.trim();
            if statement.is_empty() {
                continue;
            }
            let result = match client.simple_query(statement) {
                Ok(messages) => {
                    let rows: Vec<Option<String>> = messages
                        .iter()
                        .filter_map(|m| match m {
                            SimpleQueryMessage::Row(row) => {
                                Some((0..row.len()).map(|i| row.get(i)).collect::<Vec<_>>())
                            }
                            _ => None,
                        })
                        .map(|row| match row.as_slice() {
                            [value] => value.map(str::to_string),
                            _ => Some(format!("a row of {} columns", row.len())),
                        })
                        .collect();
                    match rows.as_slice() {
                        [Some(value)] if value == "t" => continue,
                        [value] => format!("gives {}", value.as_deref().unwrap_or("NULL")),
                        _ => format!("gives {} rows", rows.len()),
                    }
                }
                Err(e) => format!("fails: {}", server_error(&e)),
            };
            failed.push(format!("  {statement}\n    {result}"));
        }
        if failed.is_empty() {
            Ok(())
        } else {
            Err(format!("{file} does not hold:\n{}", failed.join("\n")))
        }
    }

    /// After expand and backfill (with the applications between), a new plan from the
    /// database holds no expand step; its files finish the migration.
    fn replanned(
        &self,
        staged: &Options,
        phases: &[Phase],
        expected_to: &Catalog,
    ) -> Result<(), String> {
        let url = self.seeded("replan")?;
        self.run(&url, &self.sequence(phases, Phase::Backfill, false))?;
        let rest = self.plan(&url, staged)?;
        if rest.steps.iter().any(|s| s.phase == Phase::Expand) {
            return Err(format!(
                "the plan made after backfill expands again:\n{}",
                render::up_sql(&rest)
            ));
        }
        for (name, text) in render::phase_files(&rest) {
            std::fs::write(self.scripts.path().join(format!("replan.{name}")), text)
                .expect("a plan file is written");
        }
        for phase in rest.phases() {
            self.phase_file(&url, &format!("replan.{}.up.sql", phase.name()))?;
        }
        apply_file(self.cluster, &url, &self.dir.join("new.sql"))
            .map_err(|e| format!("running new.sql after the rest: {e}"))?;
        self.checks(&url, "check.sql")?;
        same(&read_live(&url)?, expected_to).map_err(|e| format!("after the rest: {e}"))?;
        let again = self.plan(&url, staged)?;
        if again.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "planning after the rest is not empty:\n{}",
                render::up_sql(&again)
            ))
        }
    }

    /// The direct plan on a fresh seeded FROM, forward and back.
    fn direct(
        &self,
        staged: &Options,
        expected_from: &Catalog,
        expected_to: &Catalog,
    ) -> Result<(), String> {
        let url = self.seeded("direct")?;
        let options = Options {
            direct: true,
            ..staged.clone()
        };
        let direct = self.plan(&url, &options)?;
        for (name, text) in [
            ("direct.up.sql", render::up_sql(&direct)),
            ("direct.down.sql", render::down_sql(&direct)),
        ] {
            std::fs::write(self.scripts.path().join(name), text).expect("a plan file is written");
        }
        apply_file(self.cluster, &url, &self.dir.join("old.sql"))
            .map_err(|e| format!("running old.sql before up.sql: {e}"))?;
        self.phase_file(&url, "direct.up.sql")?;
        same(&read_live(&url)?, expected_to).map_err(|e| format!("after up.sql: {e}"))?;
        apply_file(self.cluster, &url, &self.dir.join("new.sql"))
            .map_err(|e| format!("running new.sql after up.sql: {e}"))?;
        self.checks(&url, "check.sql")?;
        self.phase_file(&url, "direct.down.sql")?;
        same(&read_live(&url)?, expected_from).map_err(|e| format!("after down.sql: {e}"))?;
        self.checks(&url, "check_from.sql")
    }
}

/// The same plan, byte for byte, in every form it is written.
fn identical(first: &Plan, second: &Plan) -> Result<(), String> {
    let forms = |plan: &Plan| {
        let mut forms = render::phase_files(plan);
        forms.push(("up.sql".into(), render::up_sql(plan)));
        forms.push(("down.sql".into(), render::down_sql(plan)));
        forms.push(("plan.json".into(), render::json(plan)));
        forms
    };
    let (first, second) = (forms(first), forms(second));
    if first.len() != second.len() {
        return Err(format!("{} files, then {}", first.len(), second.len()));
    }
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        if a != b {
            return Err(format!("{name}:\n--- first\n{a}\n--- second\n{b}"));
        }
    }
    Ok(())
}

/// The phase files are the up and down files of the phases that have steps, in order.
fn expected_files(files: &[(String, String)], phases: &[Phase]) -> Result<(), String> {
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let expected: Vec<String> = phases
        .iter()
        .flat_map(|p| {
            [
                format!("{}.up.sql", p.name()),
                format!("{}.down.sql", p.name()),
            ]
        })
        .collect();
    if names == expected {
        Ok(())
    } else {
        Err(format!(
            "the phase files are {names:?}; the phases with steps are {:?}",
            phases.iter().map(|p| p.name()).collect::<Vec<_>>()
        ))
    }
}

/// Every row of every table (outside the engine's own `schemadiff*` schemas), as text in a
/// fixed order, to tell whether a script changed any.
fn contents(url: &str) -> Result<String, String> {
    let mut client = Client::connect(url, NoTls).map_err(|e| format!("connect: {e}"))?;
    let tables = client
        .query(
            "SELECT format('%I.%I', n.nspname, c.relname) \
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE c.relkind IN ('r', 'p') \
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') \
               AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT LIKE 'schemadiff%' \
             ORDER BY 1",
            &[],
        )
        .map_err(|e| server_error(&e))?;
    let mut out = String::new();
    for table in tables {
        let table: String = table.get(0);
        let rows: String = client
            .query_one(
                &format!(
                    "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') \
                     FROM ONLY {table} t"
                ),
                &[],
            )
            .map_err(|e| server_error(&e))?
            .get(0);
        out.push_str(&format!("{table}:\n{rows}\n"));
    }
    Ok(out)
}

fn server_error(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => error.to_string(),
    }
}
