//! `up.sql` and `down.sql`: the steps grouped by phase, transactional runs wrapped in
//! `BEGIN`/`COMMIT`, each step preceded by a comment naming it and its hazards.

use crate::plan::{DataEffect, Phase, Plan, Step};

/// The forward migration.
pub fn up_sql(plan: &Plan) -> String {
    let steps: Vec<(usize, &Step, &[String])> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (i + 1, s, s.sql.as_slice()))
        .collect();
    script(plan, "forward migration", &steps, false)
}

/// The rollback: every step's inverse, in reverse order.
pub fn down_sql(plan: &Plan) -> String {
    let steps: Vec<(usize, &Step, &[String])> = plan
        .steps
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (i + 1, s, s.rollback.as_slice()))
        .collect();
    script(plan, "rollback", &steps, true)
}

fn script(plan: &Plan, title: &str, steps: &[(usize, &Step, &[String])], rollback: bool) -> String {
    let mut out = format!(
        "-- schemadiff {title}: {} step(s)\n-- from {} to {}\n",
        plan.steps.len(),
        plan.from_fingerprint,
        plan.to_fingerprint
    );
    if steps.is_empty() {
        out.push_str("-- no changes\n");
        return out;
    }
    if plan.steps.iter().any(|s| s.kind.ends_with("_function")) {
        out.push_str(&format!("\n{};\n", super::ddl::DEFER_FUNCTION_BODY_CHECKS));
    }
    let mut phase: Option<Phase> = None;
    let mut in_transaction = false;
    for (number, step, statements) in steps {
        if phase != Some(step.phase) {
            if in_transaction {
                out.push_str("\nCOMMIT;\n");
                in_transaction = false;
            }
            phase = Some(step.phase);
            out.push_str(&format!("\n-- ===== phase: {} =====\n", step.phase.name()));
        }
        if step.transactional != in_transaction {
            out.push_str(if step.transactional {
                "\nBEGIN;\n"
            } else {
                "\nCOMMIT;\n"
            });
            in_transaction = step.transactional;
        }
        let verb = if rollback { "undo step" } else { "step" };
        out.push_str(&format!("\n-- {verb} {number}: {}\n", step.description));
        if !step.transactional {
            out.push_str("-- runs in its own transaction\n");
        }
        // hazards describe the forward statement, not its inverse
        for hazard in step.hazards.iter().filter(|_| !rollback) {
            out.push_str(&format!(
                "-- hazard {}: {}\n",
                hazard.kind.id(),
                hazard.message
            ));
        }
        match (&step.data, rollback) {
            (DataEffect::Reversible, _) => {}
            (DataEffect::Lossy { of }, true) => out.push_str(&format!(
                "-- data not restored: {of} comes back in its old shape, without what this step destroyed; restore that from a backup taken before the migration (a plan made with --retain-dropped keeps it)\n"
            )),
            (DataEffect::Lossy { .. }, false) => {}
            (DataEffect::Retained { of, archive }, false) => out.push_str(&format!(
                "-- keeps the data of {of} in `{archive}`; the rollback restores it\n"
            )),
            (DataEffect::Retained { archive, .. }, true) => out.push_str(&format!(
                "-- restores the data kept in `{archive}` and removes it from the archive\n"
            )),
        }
        for statement in statements.iter() {
            out.push_str(statement);
            out.push_str(";\n");
        }
    }
    if in_transaction {
        out.push_str("\nCOMMIT;\n");
    }
    out
}
