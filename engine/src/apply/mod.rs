//! `apply`: runs the chosen phases of a plan against the database it was made for.
//!
//! - One run at a time per database (a session advisory lock, `lock.rs`).
//! - The database must still be the plan's FROM (its fingerprint), unless the history shows
//!   this plan part-way applied (`history.rs`): then only what is left runs.
//! - Hazards of `danger` severity stop it unless allowed by id.
//! - Steps run in the plan's batches (`Plan::batches`): a transaction per shared batch, a
//!   step outside any transaction alone. Each batch runs under `lock_timeout` and
//!   `statement_timeout`, and is tried again with backoff when it could not get its lock. A
//!   transaction commits with its record in the history, so a run stopped at any moment
//!   resumes after the last batch it committed; a batch outside transactions is one that can
//!   run again (a batched backfill), or one whose effect is recognised (a concurrent index
//!   built, or left INVALID and built again).

pub mod history;
mod lock;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use pg_query::NodeEnum;
use postgres::{CancelToken, Client};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::hazard::{HazardKind, Severity};
use crate::plan::{Batch, Phase, Plan};
use crate::render::quote::quote_literal;
use history::Progress;

/// How `apply` runs.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The phases to run, in plan order.
    pub phases: Vec<Phase>,
    /// Danger hazards that may run.
    pub allowed_hazards: Vec<HazardKind>,
    /// Say what would run, run nothing.
    pub dry_run: bool,
    /// Wait for another apply to finish instead of stopping.
    pub wait: bool,
    pub lock_timeout: Duration,
    /// `None`: no limit (a backfill can take long).
    pub statement_timeout: Option<Duration>,
    /// Tries after the first, when a batch could not get its lock in time.
    pub retries: u32,
}

/// What a run did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// These phases ran; `next` is the plan's next phase, if any.
    Applied {
        phases: Vec<Phase>,
        next: Option<Phase>,
    },
    /// The chosen phases were applied already.
    AlreadyApplied { next: Option<Phase> },
    /// `--dry-run`: the batches that would run, as text.
    DryRun(String),
}

/// How far a batched backfill is, from the notices it sends as it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackfillProgress {
    /// The column it fills, schema-qualified.
    pub column: String,
    pub done: u64,
    /// The rows to fill when it started.
    pub total: u64,
}

/// The connection of the run in progress, to cancel its statement on an interruption.
static RUNNING: Mutex<Option<CancelToken>> = Mutex::new(None);

/// Cancels the statement of the run in progress, if any: a batch of a backfill is rolled
/// back and the batches before it stay, a transaction is rolled back whole. Called on
/// Ctrl-C before the process exits; the next run resumes.
pub fn interrupt() {
    let token = RUNNING.lock().ok().and_then(|mut running| running.take());
    if let Some(token) = token {
        let _ = token.cancel_query(postgres::NoTls);
    }
}

/// The id of a plan in the history: a digest of what it does.
pub fn plan_id(plan: &Plan) -> String {
    let steps = serde_json::to_string(&plan.steps).unwrap_or_default();
    let digest = Sha256::digest(
        format!("{}{}{steps}", plan.from_fingerprint, plan.to_fingerprint).as_bytes(),
    );
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Reads the database's catalog as the plan compared it: its fingerprint and the digests of
/// its objects.
pub type LiveObjects<'a> =
    dyn FnMut(&mut Client) -> Result<(String, BTreeMap<String, String>), Error> + 'a;

/// Applies `plan` through `client`. `live_objects` reads the database as the plan compares
/// it; `report` gets a line per batch.
pub fn apply(
    client: &mut Client,
    plan: &Plan,
    settings: &Settings,
    live_objects: &mut LiveObjects,
    report: &mut dyn FnMut(&str),
) -> Result<Outcome, Error> {
    if let Ok(mut running) = RUNNING.lock() {
        *running = Some(client.cancel_token());
    }
    if let Err(holder) = lock::acquire(client, settings.wait).map_err(failed)? {
        return Err(Error::Busy(format!(
            "{holder}; wait for it with --wait, or try again later"
        )));
    }
    let outcome = apply_locked(client, plan, settings, live_objects, report);
    // released now, not when the server notices the session is gone: an apply run right
    // after this one must find it free
    lock::release(client);
    outcome
}

/// A database error met while applying.
fn failed(e: postgres::Error) -> Error {
    Error::Invalid(format!("apply: {}", db_message(&e)))
}

/// [`apply`], once the lock is held.
fn apply_locked(
    client: &mut Client,
    plan: &Plan,
    settings: &Settings,
    live_objects: &mut LiveObjects,
    report: &mut dyn FnMut(&str),
) -> Result<Outcome, Error> {
    history::ensure(client).map_err(failed)?;
    let id = plan_id(plan);
    let phases = plan.phases();
    let mut progress = BTreeMap::new();
    for &phase in &phases {
        progress.insert(
            phase,
            history::progress(client, &id, phase).map_err(failed)?,
        );
    }
    let chosen: Vec<Phase> = phases
        .iter()
        .copied()
        .filter(|p| settings.phases.contains(p) && progress[p] != Progress::Applied)
        .collect();
    let next_after = |last: Option<Phase>| {
        phases
            .iter()
            .copied()
            .find(|p| Some(*p) > last && progress[p] != Progress::Applied)
    };
    let Some(&first) = chosen.first() else {
        let next = next_after(settings.phases.last().copied());
        return Ok(Outcome::AlreadyApplied { next });
    };
    if let Some(missing) = phases
        .iter()
        .find(|p| **p < first && progress[p] != Progress::Applied)
    {
        return Err(Error::Invalid(format!(
            "the {} phase of this plan has not been applied yet: apply it first (--phase {})",
            missing.name(),
            missing.name()
        )));
    }
    let started = progress.values().any(|p| *p != Progress::NotStarted);
    if !started {
        check_from(client, plan, live_objects)?;
    }
    refuse_hazards(plan, &chosen, &settings.allowed_hazards)?;
    let batches: Vec<Batch> = plan.batches();
    if settings.dry_run {
        return Ok(Outcome::DryRun(dry_run_text(
            plan, &batches, &chosen, &progress,
        )));
    }
    for &phase in &chosen {
        let skip = match progress[&phase] {
            Progress::Partly(done) => done,
            _ => 0,
        };
        run_phase(client, plan, &id, phase, &batches, skip, settings, report)?;
    }
    Ok(Outcome::Applied {
        next: next_after(chosen.last().copied()),
        phases: chosen,
    })
}

/// Stops when the database is no longer the plan's FROM, naming the first differences.
fn check_from(
    client: &mut Client,
    plan: &Plan,
    live_objects: &mut LiveObjects,
) -> Result<(), Error> {
    let (fingerprint, live) = live_objects(client)?;
    if fingerprint == plan.from_fingerprint {
        return Ok(());
    }
    let mut differences: Vec<String> = Vec::new();
    for (object, digest) in &plan.from_objects {
        match live.get(object) {
            None => differences.push(format!("{object} is gone")),
            Some(now) if now != digest => differences.push(format!("{object} changed")),
            Some(_) => {}
        }
    }
    differences.extend(
        live.keys()
            .filter(|object| !plan.from_objects.contains_key(*object))
            .map(|object| format!("{object} is new")),
    );
    let shown: Vec<&str> = differences.iter().take(5).map(String::as_str).collect();
    let more = differences.len().saturating_sub(shown.len());
    Err(Error::Drift(format!(
        "the database is no longer the one the plan was made for: {}{}; plan again",
        if shown.is_empty() {
            "its catalog differs".to_string()
        } else {
            shown.join(", ")
        },
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )))
}

/// Stops on a hazard of danger severity in the chosen phases that is not allowed.
fn refuse_hazards(plan: &Plan, chosen: &[Phase], allowed: &[HazardKind]) -> Result<(), Error> {
    refuse_secrets(plan, chosen)?;
    let refused: Vec<String> = plan
        .steps
        .iter()
        .filter(|step| chosen.contains(&step.phase))
        .flat_map(|step| &step.hazards)
        .filter(|h| h.kind.severity() == Severity::Danger && !allowed.contains(&h.kind))
        .map(|h| format!("{} ({})", h.message, h.kind.id()))
        .collect();
    if refused.is_empty() {
        return Ok(());
    }
    let ids: std::collections::BTreeSet<&str> = plan
        .steps
        .iter()
        .filter(|step| chosen.contains(&step.phase))
        .flat_map(|step| &step.hazards)
        .filter(|h| h.kind.severity() == Severity::Danger && !allowed.contains(&h.kind))
        .map(|h| h.kind.id())
        .collect();
    let flags: Vec<String> = ids
        .iter()
        .map(|id| format!("--allow-hazard {id}"))
        .collect();
    Err(Error::Refused(format!(
        "the plan has hazards that are not allowed:\n  {}\nrun it anyway with {}",
        refused.join("\n  "),
        flags.join(" ")
    )))
}

/// Stops on a step that sets a secret, even when allowed: its SQL holds a placeholder where
/// the secret goes, and running it would set the placeholder as the password.
fn refuse_secrets(plan: &Plan, chosen: &[Phase]) -> Result<(), Error> {
    let steps: Vec<String> = (plan.steps.iter())
        .filter(|step| chosen.contains(&step.phase))
        .filter(|step| (step.hazards.iter()).any(|h| h.kind == HazardKind::SecretRequired))
        .map(|step| step.description.clone())
        .collect();
    if steps.is_empty() {
        return Ok(());
    }
    Err(Error::Refused(format!(
        "the plan sets secrets it does not print: {}; run those steps by hand with the secret in place of the placeholder, or set the secret outside schemadiff and plan again",
        steps.join(", ")
    )))
}

fn dry_run_text(
    plan: &Plan,
    batches: &[Batch],
    chosen: &[Phase],
    progress: &BTreeMap<Phase, Progress>,
) -> String {
    let mut out = String::new();
    for &phase in chosen {
        let skip = match progress[&phase] {
            Progress::Partly(done) => done,
            _ => 0,
        };
        out.push_str(&format!("-- phase {}\n", phase.name()));
        for batch in batches.iter().filter(|b| b.phase == phase).skip(skip) {
            out.push_str(if batch.transactional {
                "BEGIN;\n"
            } else {
                "-- outside a transaction\n"
            });
            for step in &plan.steps[batch.steps.clone()] {
                out.push_str(&format!("-- {}\n", step.description));
                for sql in &step.sql {
                    out.push_str(sql);
                    out.push_str(";\n");
                }
            }
            if batch.transactional {
                out.push_str("COMMIT;\n");
            }
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn run_phase(
    client: &mut Client,
    plan: &Plan,
    id: &str,
    phase: Phase,
    batches: &[Batch],
    skip: usize,
    settings: &Settings,
    report: &mut dyn FnMut(&str),
) -> Result<(), Error> {
    let run = history::start(client, plan, id, phase, skip).map_err(failed)?;
    let mine: Vec<&Batch> = batches.iter().filter(|b| b.phase == phase).collect();
    if skip > 0 {
        report(&format!(
            "{}: resuming after {skip} of {} batch(es) applied before",
            phase.name(),
            mine.len()
        ));
    }
    for (number, batch) in mine.iter().enumerate().skip(skip) {
        let started = Instant::now();
        let steps = &plan.steps[batch.steps.clone()];
        if let Err(error) = run_batch(client, batch, steps, run, settings, report) {
            let message = error.to_string();
            let _ = client.batch_execute("ROLLBACK");
            let _ = history::finish(client, run, "failed", Some(&message));
            return Err(error);
        }
        let what = match steps {
            [one] => one.description.clone(),
            many => format!("{} steps", many.len()),
        };
        report(&format!(
            "{}: batch {}/{} done: {what} ({:.2} s)",
            phase.name(),
            number + 1,
            mine.len(),
            started.elapsed().as_secs_f64()
        ));
    }
    history::finish(client, run, "applied", None).map_err(failed)
}

/// Runs one batch, trying again with backoff while it cannot get its lock in time.
fn run_batch(
    client: &mut Client,
    batch: &Batch,
    steps: &[crate::plan::Step],
    run: i64,
    settings: &Settings,
    report: &mut dyn FnMut(&str),
) -> Result<(), Error> {
    let mut attempt = 0;
    loop {
        let result = if batch.transactional {
            run_transaction(client, steps, run, settings)
        } else {
            run_alone(client, steps, run, settings)
        };
        let error = match result {
            Ok(()) => return Ok(()),
            Err(error) => error,
        };
        let _ = client.batch_execute("ROLLBACK");
        let lock_wait = error.code() == Some(&postgres::error::SqlState::LOCK_NOT_AVAILABLE);
        if !lock_wait || attempt >= settings.retries {
            let step = steps
                .first()
                .map(|s| s.description.as_str())
                .unwrap_or_default();
            return Err(Error::StepFailed {
                step: step.to_string(),
                message: if lock_wait {
                    format!(
                        "{} (its lock was not granted within {:?}, {} tries)",
                        db_message(&error),
                        settings.lock_timeout,
                        attempt + 1
                    )
                } else {
                    db_message(&error)
                },
            });
        }
        let pause = Duration::from_millis(500 * 2u64.pow(attempt.min(5)));
        report(&format!(
            "waited {:?} for a lock; trying again in {:?} ({} of {} retries)",
            settings.lock_timeout,
            pause,
            attempt + 1,
            settings.retries
        ));
        std::thread::sleep(pause);
        attempt += 1;
    }
}

fn timeouts(settings: &Settings, scope: &str) -> String {
    let statement = settings.statement_timeout.map_or(0, |t| t.as_millis());
    format!(
        "SET {scope} lock_timeout = {}; SET {scope} statement_timeout = {}",
        quote_literal(&format!("{}ms", settings.lock_timeout.as_millis())),
        quote_literal(&format!("{statement}ms"))
    )
}

/// A batch in one transaction, committed with its record in the history.
fn run_transaction(
    client: &mut Client,
    steps: &[crate::plan::Step],
    run: i64,
    settings: &Settings,
) -> Result<(), postgres::Error> {
    // one round trip for the whole transaction: a plan of many small steps is not slowed by
    // the network
    let statements: Vec<&str> = steps
        .iter()
        .flat_map(|s| &s.sql)
        .map(String::as_str)
        .collect();
    client.batch_execute(&format!(
        "BEGIN;\n{};\n{};",
        timeouts(settings, "LOCAL"),
        statements.join(";\n")
    ))?;
    history::batch_done(client, run)?;
    client.batch_execute("COMMIT")
}

/// A step outside any transaction (a concurrent index build or drop, a batched backfill),
/// each statement on its own.
fn run_alone(
    client: &mut Client,
    steps: &[crate::plan::Step],
    run: i64,
    settings: &Settings,
) -> Result<(), postgres::Error> {
    client.batch_execute(&timeouts(settings, "SESSION"))?;
    for sql in steps.iter().flat_map(|s| &s.sql) {
        match concurrent_index(sql) {
            Some(ConcurrentIndex::Build(index)) => {
                match index_state(client, &index)? {
                    // built by a run that stopped before its record
                    Some(true) => continue,
                    // a build that failed part-way leaves the index INVALID: build it again
                    Some(false) => client
                        .batch_execute(&format!("DROP INDEX CONCURRENTLY IF EXISTS {index}"))?,
                    None => {}
                }
            }
            Some(ConcurrentIndex::Drop(index)) if index_state(client, &index)?.is_none() => {
                continue
            }
            _ => {}
        }
        client.batch_execute(sql)?;
    }
    client.batch_execute("RESET lock_timeout; RESET statement_timeout")?;
    history::batch_done(client, run)
}

/// A concurrent index statement, with the index's name as SQL (schema-qualified).
enum ConcurrentIndex {
    Build(String),
    Drop(String),
}

fn concurrent_index(sql: &str) -> Option<ConcurrentIndex> {
    let parsed = pg_query::parse(sql, 0).ok()?;
    let node = parsed
        .protobuf
        .stmts
        .first()?
        .stmt
        .as_ref()?
        .node
        .as_ref()?;
    match node {
        NodeEnum::IndexStmt(stmt) if stmt.concurrent => {
            let relation = stmt.relation.as_ref()?;
            let schema = if relation.schemaname.is_empty() {
                "public"
            } else {
                &relation.schemaname
            };
            Some(ConcurrentIndex::Build(
                crate::model::QualifiedName::new(schema, &stmt.idxname).to_string(),
            ))
        }
        NodeEnum::DropStmt(stmt) if stmt.concurrent => {
            let NodeEnum::List(names) = stmt.objects.first()?.node.as_ref()? else {
                return None;
            };
            let parts: Vec<String> = names
                .items
                .iter()
                .filter_map(crate::normalize::definitions::string_of)
                .collect();
            let name = match parts.as_slice() {
                [schema, name] => crate::model::QualifiedName::new(schema, name),
                [name] => crate::model::QualifiedName::new("public", name),
                _ => return None,
            };
            Some(ConcurrentIndex::Drop(name.to_string()))
        }
        _ => None,
    }
}

/// Whether the index exists and is valid; `None` when it does not exist.
fn index_state(client: &mut Client, index: &str) -> Result<Option<bool>, postgres::Error> {
    let rows = client.query(
        "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass($1)",
        &[&index],
    )?;
    Ok(rows.first().map(|row| row.get(0)))
}

fn db_message(error: &postgres::Error) -> String {
    crate::source::live::error_message(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DesiredStatePath, Options, Source};

    // a placeholder must never be set as a password, even with the hazard allowed
    #[test]
    fn a_step_that_sets_a_secret_is_refused_even_when_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let server = "CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w;";
        std::fs::write(dir.path().join("from.sql"), server).unwrap();
        std::fs::write(
            dir.path().join("to.sql"),
            format!("{server} CREATE USER MAPPING FOR PUBLIC SERVER s OPTIONS (password 'p');"),
        )
        .unwrap();
        let options = Options {
            desired_state: DesiredStatePath::Offline,
            ..Default::default()
        };
        let source = |name: &str| Source::Path(dir.path().join(name));
        let plan = crate::plan(&source("from.sql"), &source("to.sql"), &options).unwrap();
        let error = refuse_hazards(&plan, &[Phase::Expand], &[HazardKind::SecretRequired])
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("create user mapping for `PUBLIC` on server `s`"),
            "{error}"
        );
    }
}
