//! Reports about a plan: the human summary on standard error, `plan.json` and `summary.md`.

use std::collections::BTreeMap;

use super::script::{between_phases, phase_up_sql};
use crate::hazard::HazardKind;
use crate::model::Unsupported;
use crate::plan::{DataEffect, Phase, Plan};

/// A phase for review: its hazards in the open, step by step, and its SQL collapsed.
fn phase_section(plan: &Plan, phase: Phase) -> String {
    let name = phase.name();
    let mut out = format!("\n## {name}\n\n");
    let hazards: Vec<String> = (plan.steps.iter().enumerate())
        .filter(|(_, step)| step.phase == phase)
        .flat_map(|(i, step)| {
            (step.hazards.iter()).map(move |h| {
                format!(
                    "- step {}: **`{}`** ({}): {}\n",
                    i + 1,
                    h.kind.id(),
                    severity_name(h.kind),
                    h.message
                )
            })
        })
        .collect();
    if hazards.is_empty() {
        out.push_str("No hazards.\n");
    } else {
        out.push_str(&hazards.concat());
    }
    out.push_str(&format!(
        "\n<details><summary>SQL of the {name} phase (<code>{name}.up.sql</code>)</summary>\n\n```sql\n{}```\n\n</details>\n",
        phase_up_sql(plan, phase)
    ));
    out
}

fn severity_name(kind: HazardKind) -> &'static str {
    match kind.severity() {
        crate::hazard::Severity::Danger => "danger",
        crate::hazard::Severity::Warning => "warning",
        crate::hazard::Severity::Info => "info",
    }
}

/// `plan.json`: versioned, with both fingerprints, and the phases with their files and what
/// has to happen before each.
pub fn json(plan: &Plan) -> String {
    /// Serialised straight to text: a large plan as a JSON value takes many times its text.
    #[derive(serde::Serialize)]
    struct Report<'a> {
        #[serde(flatten)]
        plan: &'a Plan,
        phases: Vec<serde_json::Value>,
    }
    let phases = phase_lines(plan)
        .into_iter()
        .map(|(phase, steps, before)| {
            serde_json::json!({
                "phase": phase.name(),
                "steps": steps,
                "files": [format!("{}.up.sql", phase.name()), format!("{}.down.sql", phase.name())],
                "before": before,
            })
        })
        .collect();
    serde_json::to_string_pretty(&Report { plan, phases }).unwrap_or_default() + "\n"
}

/// Each phase that has steps: how many, and what has to happen before it runs.
fn phase_lines(plan: &Plan) -> Vec<(Phase, usize, Option<&'static str>)> {
    plan.phases()
        .into_iter()
        .map(|phase| {
            let steps = plan.steps.iter().filter(|s| s.phase == phase).count();
            (phase, steps, between_phases(plan, phase))
        })
        .collect()
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
        if plan.phases().len() > 1 {
            out.push_str("phases, in order:\n");
            for (phase, steps, before) in phase_lines(plan) {
                let before = before.map(|b| format!(" ({b})")).unwrap_or_default();
                out.push_str(&format!("  {:<8} {steps} step(s){before}\n", phase.name()));
            }
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
    if plan.phases().len() > 1 {
        out.push_str("Phases, in order:\n\n");
        for (phase, steps, before) in phase_lines(plan) {
            let before = before.map(|b| format!(" ({b})")).unwrap_or_default();
            out.push_str(&format!(
                "1. **{}**: {steps} step(s), `{}.up.sql`{before}\n",
                phase.name(),
                phase.name()
            ));
        }
        out.push('\n');
    }
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
    for phase in plan.phases() {
        out.push_str(&phase_section(plan, phase));
    }
    let probable: Vec<&str> = plan
        .steps
        .iter()
        .flat_map(|s| &s.hazards)
        .filter(|h| h.kind == HazardKind::ProbableRename)
        .map(|h| h.message.as_str())
        .collect();
    if !probable.is_empty() {
        out.push_str("\n## Probable renames\n\n");
        for message in probable {
            out.push_str(&format!("- {message}\n"));
        }
    }
    let unsupported = unsupported_lines(&plan.unsupported);
    if !unsupported.is_empty() {
        out.push_str(&format!("\n```\n{unsupported}```\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::plan::{plan, Settings};
    use crate::source::{sql, SqlFile};

    fn catalog(text: &str) -> crate::model::Catalog {
        let file = SqlFile {
            name: "schema.sql".into(),
            text: text.into(),
        };
        sql::load(&[file]).expect("the schema parses")
    }

    #[test]
    fn markdown_shows_each_phase_with_its_hazards_and_its_sql_collapsed() {
        let from = catalog("CREATE TABLE t (id bigint PRIMARY KEY, a int);\n");
        let to = catalog("CREATE TABLE t (id bigint PRIMARY KEY);\n");
        let plan = plan(&from, &to, Settings::default()).unwrap();
        let text = super::markdown(&plan);
        let phase = text
            .split("\n## ")
            .find(|s| s.starts_with("contract"))
            .unwrap();
        assert!(
            phase.contains("- step 1: **`data-loss`** (danger): "),
            "{phase}"
        );
        assert!(phase.contains("<details><summary>SQL of the contract phase (<code>contract.up.sql</code>)</summary>\n\n```sql\n"));
        assert!(
            phase.contains("ALTER TABLE public.t DROP COLUMN a;\n"),
            "{phase}"
        );
        assert!(phase.ends_with("```\n\n</details>\n"), "{phase}");
    }
}
