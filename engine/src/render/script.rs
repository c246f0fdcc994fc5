//! `up.sql` and `down.sql`, whole or one phase at a time: the plan's batches in order
//! (backwards for the rollback), each transactional batch wrapped in `BEGIN`/`COMMIT`, each
//! step preceded by a comment naming it and its hazards.

use crate::plan::{Batch, DataEffect, Phase, Plan, Step};

/// The forward migration.
pub fn up_sql(plan: &Plan) -> String {
    script(plan, Direction::Up, None)
}

/// The rollback: every step's inverse, in reverse order.
pub fn down_sql(plan: &Plan) -> String {
    script(plan, Direction::Down, None)
}

/// `<phase>.up.sql` and `<phase>.down.sql` for each phase that has steps, in the order they
/// run. Rolling back after a phase runs the down files of the phases applied, last first.
pub fn phase_files(plan: &Plan) -> Vec<(String, String)> {
    plan.phases()
        .into_iter()
        .flat_map(|phase| {
            [
                (
                    format!("{}.up.sql", phase.name()),
                    phase_up_sql(plan, phase),
                ),
                (
                    format!("{}.down.sql", phase.name()),
                    script(plan, Direction::Down, Some(phase)),
                ),
            ]
        })
        .collect()
}

/// `<phase>.up.sql`: the forward steps of one phase.
pub fn phase_up_sql(plan: &Plan, phase: Phase) -> String {
    script(plan, Direction::Up, Some(phase))
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    Up,
    Down,
}

fn script(plan: &Plan, direction: Direction, only: Option<Phase>) -> String {
    let title = match (direction, only) {
        (Direction::Up, None) => "forward migration".to_string(),
        (Direction::Down, None) => "rollback".to_string(),
        (Direction::Up, Some(phase)) => format!("{} phase", phase.name()),
        (Direction::Down, Some(phase)) => format!("rollback of the {} phase", phase.name()),
    };
    let mut batches: Vec<Batch> = plan
        .batches()
        .into_iter()
        .filter(|b| only.is_none_or(|phase| b.phase == phase))
        .collect();
    if direction == Direction::Down {
        batches.reverse();
    }
    let count: usize = batches.iter().map(|b| b.steps.len()).sum();
    let mut out = format!(
        "-- schemadiff {title}: {count} step(s)\n-- from {} to {}\n",
        plan.from_fingerprint, plan.to_fingerprint
    );
    if batches.is_empty() {
        out.push_str("-- no changes\n");
        return out;
    }
    if plan.steps.iter().any(|s| s.kind.ends_with("_function")) {
        out.push_str(&format!("\n{};\n", super::ddl::DEFER_FUNCTION_BODY_CHECKS));
    }
    let mut phase: Option<Phase> = None;
    for batch in &batches {
        if phase != Some(batch.phase) {
            phase = Some(batch.phase);
            out.push_str(&format!("\n-- ===== phase: {} =====\n", batch.phase.name()));
            if let (Some(note), Direction::Up) = (between_phases(plan, batch.phase), direction) {
                out.push_str(&format!("-- {note}\n"));
            }
        }
        // an undo with nothing to run (a validation) needs no transaction
        let statements = |i: usize| match direction {
            Direction::Up => &plan.steps[i].sql,
            Direction::Down => &plan.steps[i].rollback,
        };
        let transactional =
            batch.transactional && batch.steps.clone().any(|i| !statements(i).is_empty());
        if transactional {
            out.push_str("\nBEGIN;\n");
        }
        let mut numbers: Vec<usize> = batch.steps.clone().collect();
        if direction == Direction::Down {
            numbers.reverse();
        }
        for i in numbers {
            write_step(
                &mut out,
                i + 1,
                &plan.steps[i],
                direction,
                batch.transactional,
            );
        }
        if transactional {
            out.push_str("\nCOMMIT;\n");
        }
    }
    out
}

/// What has to happen before a phase starts, for the person running the files.
pub fn between_phases(plan: &Plan, phase: Phase) -> Option<&'static str> {
    let first = plan.phases().first().copied();
    match phase {
        _ if first == Some(phase) => None,
        Phase::Backfill => {
            Some("after expand: the old application keeps working; run this to fill the new shape")
        }
        Phase::Contract => {
            Some("deploy the application that uses the new shape first, then run contract")
        }
        Phase::Expand => None,
    }
}

pub(super) fn write_step(
    out: &mut String,
    number: usize,
    step: &Step,
    direction: Direction,
    in_transaction: bool,
) {
    let (verb, statements) = match direction {
        Direction::Up => ("step", &step.sql),
        Direction::Down => ("undo step", &step.rollback),
    };
    out.push_str(&format!("\n-- {verb} {number}: {}\n", step.description));
    if !in_transaction {
        out.push_str("-- runs outside a transaction block\n");
    }
    // hazards describe the forward statement, not its inverse
    if direction == Direction::Up {
        for hazard in &step.hazards {
            out.push_str(&format!(
                "-- hazard {}: {}\n",
                hazard.kind.id(),
                hazard.message
            ));
        }
    }
    match (&step.data, direction) {
        (DataEffect::Reversible, _) | (DataEffect::Lossy { .. }, Direction::Up) => {}
        (DataEffect::Lossy { of }, Direction::Down) => out.push_str(&format!(
            "-- data not restored: {of} comes back in its old shape, without what this step destroyed; restore that from a backup taken before the migration (a plan made with --retain-dropped keeps it)\n"
        )),
        (DataEffect::Retained { of, archive }, Direction::Up) => out.push_str(&format!(
            "-- keeps the data of {of} in `{archive}`; the rollback restores it\n"
        )),
        (DataEffect::Retained { archive, .. }, Direction::Down) => out.push_str(&format!(
            "-- restores the data kept in `{archive}` and removes it from the archive\n"
        )),
    }
    if statements.is_empty() {
        out.push_str("-- nothing to undo\n");
    }
    for statement in statements {
        out.push_str(statement);
        out.push_str(";\n");
    }
}
