//! The record of every `apply` run, in the database it ran on: the table
//! `schemadiff.history`, in the tool's own schema, which plans never touch and the live
//! loader leaves out (so fingerprints do not see it).

use postgres::Client;

use crate::plan::Phase;

const CREATE: &str = "CREATE SCHEMA IF NOT EXISTS schemadiff;
CREATE TABLE IF NOT EXISTS schemadiff.history (
    id bigserial PRIMARY KEY,
    plan text NOT NULL,
    from_fingerprint text NOT NULL,
    to_fingerprint text NOT NULL,
    phase text NOT NULL,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    outcome text NOT NULL DEFAULT 'running',
    batches_done integer NOT NULL DEFAULT 0,
    message text,
    applied_by text NOT NULL DEFAULT current_user
)";

/// One run of one phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub plan: String,
    pub from_fingerprint: String,
    pub to_fingerprint: String,
    pub phase: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    /// `running`, `applied`, `failed` or `interrupted`.
    pub outcome: String,
    /// Batches of the phase committed, from its start: what a resumed run skips.
    pub batches_done: i32,
    pub message: Option<String>,
    pub applied_by: String,
}

pub fn ensure(client: &mut Client) -> Result<(), postgres::Error> {
    client.batch_execute(CREATE)
}

/// Every run, oldest first; empty when nothing was ever applied.
pub fn list(client: &mut Client) -> Result<Vec<Run>, postgres::Error> {
    let exists: bool = client
        .query_one("SELECT to_regclass('schemadiff.history') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(Vec::new());
    }
    let rows = client.query(
        "SELECT plan, from_fingerprint, to_fingerprint, phase, started_at::text,
                finished_at::text, outcome, batches_done, message, applied_by
         FROM schemadiff.history ORDER BY id",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|row| Run {
            plan: row.get(0),
            from_fingerprint: row.get(1),
            to_fingerprint: row.get(2),
            phase: row.get(3),
            started_at: row.get(4),
            finished_at: row.get(5),
            outcome: row.get(6),
            batches_done: row.get(7),
            message: row.get(8),
            applied_by: row.get(9),
        })
        .collect())
}

/// What the history says of `plan`'s `phase`: applied, or how many of its batches a run
/// that stopped part-way committed.
pub fn progress(
    client: &mut Client,
    plan: &str,
    phase: Phase,
) -> Result<Progress, postgres::Error> {
    let rows = client.query(
        "SELECT outcome, batches_done FROM schemadiff.history
         WHERE plan = $1 AND phase = $2 ORDER BY id DESC LIMIT 1",
        &[&plan, &phase.name()],
    )?;
    Ok(match rows.first() {
        None => Progress::NotStarted,
        Some(row) if row.get::<_, String>(0) == "applied" => Progress::Applied,
        Some(row) => Progress::Partly(row.get::<_, i32>(1) as usize),
    })
}

/// How far a phase of a plan got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    NotStarted,
    /// Stopped after this many batches.
    Partly(usize),
    Applied,
}

/// Starts the record of a run of `phase`, resuming after `batches_done` batches; returns
/// its id.
pub fn start(
    client: &mut Client,
    plan: &crate::plan::Plan,
    id: &str,
    phase: Phase,
    batches_done: usize,
) -> Result<i64, postgres::Error> {
    Ok(client
        .query_one(
            "INSERT INTO schemadiff.history (plan, from_fingerprint, to_fingerprint, phase, batches_done)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[
                &id,
                &plan.from_fingerprint,
                &plan.to_fingerprint,
                &phase.name(),
                &(batches_done as i32),
            ],
        )?
        .get(0))
}

/// Counts one more batch of the run as committed.
pub fn batch_done(client: &mut Client, run: i64) -> Result<(), postgres::Error> {
    client
        .execute(
            "UPDATE schemadiff.history SET batches_done = batches_done + 1 WHERE id = $1",
            &[&run],
        )
        .map(|_| ())
}

pub fn finish(
    client: &mut Client,
    run: i64,
    outcome: &str,
    message: Option<&str>,
) -> Result<(), postgres::Error> {
    client
        .execute(
            "UPDATE schemadiff.history SET finished_at = clock_timestamp(), outcome = $2, message = $3
             WHERE id = $1",
            &[&run, &outcome, &message],
        )
        .map(|_| ())
}
