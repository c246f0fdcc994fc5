//! Reports about a plan: the human summary on standard error, `plan.json` and `summary.md`.

use std::collections::BTreeMap;

use crate::model::Unsupported;
use crate::plan::{DataEffect, Plan};

/// `plan.json`: versioned, with both fingerprints.
pub fn json(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).unwrap_or_default() + "\n"
}

/// The short human summary: counts per kind, hazards, unsupported objects.
pub fn summary(plan: &Plan) -> String {
    let mut out = String::new();
    if plan.steps.is_empty() {
        out.push_str("schemadiff: no changes\n");
    } else {
        let mut per_phase: BTreeMap<&str, usize> = BTreeMap::new();
        let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
        for step in &plan.steps {
            *per_phase.entry(step.phase.name()).or_default() += 1;
            *per_kind.entry(step.kind.as_str()).or_default() += 1;
        }
        let phases: Vec<String> = per_phase.iter().map(|(p, n)| format!("{p} {n}")).collect();
        out.push_str(&format!(
            "schemadiff: {} step(s) ({})\n",
            plan.steps.len(),
            phases.join(", ")
        ));
        for (kind, count) in per_kind {
            out.push_str(&format!("  {count:>4}  {}\n", kind.replace('_', " ")));
        }
        let lost: Vec<String> = plan
            .steps
            .iter()
            .filter_map(|s| match &s.data {
                DataEffect::Lossy { of } => Some(of.to_string()),
                _ => None,
            })
            .collect();
        let retained = plan
            .steps
            .iter()
            .filter(|s| matches!(s.data, DataEffect::Retained { .. }))
            .count();
        if retained > 0 {
            out.push_str(&format!(
                "rollback: restores the data of {retained} step(s) from schemadiff_archive\n"
            ));
        }
        if !lost.is_empty() {
            out.push_str(&format!(
                "rollback: cannot restore the data of {} (--retain-dropped keeps it)\n",
                lost.join(", ")
            ));
        }
        let hazards: Vec<_> = plan.steps.iter().flat_map(|s| &s.hazards).collect();
        if !hazards.is_empty() {
            out.push_str("hazards:\n");
            for hazard in hazards {
                out.push_str(&format!("  {}: {}\n", hazard.kind.id(), hazard.message));
            }
        }
    }
    out.push_str(&unsupported_lines(&plan.unsupported));
    if let Some(path) = &plan.desired_state {
        out.push_str(&format!("desired state read through: {path}\n"));
    }
    out
}

/// Objects not managed yet, one per line.
fn unsupported_lines(unsupported: &[Unsupported]) -> String {
    if unsupported.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "not managed by schemadiff yet ({}; --strict makes this an error):\n",
        unsupported.len()
    );
    for item in unsupported {
        let name = match &item.schema {
            Some(schema) if !item.name.is_empty() => format!(" `{schema}.{}`", item.name),
            _ if !item.name.is_empty() => format!(" `{}`", item.name),
            _ => String::new(),
        };
        out.push_str(&format!("  {}{name}\n", item.kind));
    }
    out
}

/// `summary.md`, for a pull request.
pub fn markdown(plan: &Plan) -> String {
    let mut out = String::from("# Schema migration plan\n\n");
    out.push_str(&format!(
        "From `{}` to `{}`: {} step(s).\n\n",
        plan.from_fingerprint,
        plan.to_fingerprint,
        plan.steps.len()
    ));
    if !plan.steps.is_empty() {
        out.push_str(
            "| # | phase | step | lock | hazards | rollback |\n|---|---|---|---|---|---|\n",
        );
        for (i, step) in plan.steps.iter().enumerate() {
            let hazards: Vec<&str> = step.hazards.iter().map(|h| h.kind.id()).collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                i + 1,
                step.phase.name(),
                step.description.replace('|', "\\|"),
                step.lock.name(),
                hazards.join(", "),
                step.data.rollback_note().replace('|', "\\|")
            ));
        }
    }
    let unsupported = unsupported_lines(&plan.unsupported);
    if !unsupported.is_empty() {
        out.push_str(&format!("\n```\n{unsupported}```\n"));
    }
    out
}
