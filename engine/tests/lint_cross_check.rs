//! Lint and the planner agree: for every case in `schemas/cases/`, linting the `--direct`
//! plan's `up.sql` finds the plan's hazards (those a reader of the SQL can know, with the
//! FROM schema's column types as `--db` would give them); and the phase files of the staged
//! plan lint clean of hazards that block traffic.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use schemadiff_engine::hazard::HazardKind;
use schemadiff_engine::lint::context::{Context, TableFacts};
use schemadiff_engine::lint::{lint, Settings};
use schemadiff_engine::model::Catalog;
use schemadiff_engine::source::{sql, Source, SqlFile};
use schemadiff_engine::{plan, render, DesiredStatePath, Options, Plan};

mod common;

use common::workspace;

/// Hazards lint does not look for in SQL: what only comparing two schemas shows (a drop
/// and an add that look like a rename, the values an enum loses), what reading function
/// bodies would take, and a plan's note that `ADD VALUE` runs on its own (lint reports it
/// only where it fails, inside a transaction that uses the value).
const NOT_LINTED: [HazardKind; 4] = [
    HazardKind::ProbableRename,
    HazardKind::EnumValueRemoval,
    HazardKind::UnknownDependencies,
    HazardKind::NonTransactional,
];

/// Cases where lint names the same danger differently: (case, the plan's id, why).
const NAMED_DIFFERENTLY: [(&str, &str, &str); 9] = [
    ("cast_function_recreated", "breaks-application", "as function_change_return_type"),
    ("composite_alter", "breaks-application", "lint reports the dropped attribute as data-loss"),
    ("function_change_return_type", "breaks-application", "the diff knows the interface changed; lint sees a function dropped and created again (dependents-recreated)"),
    ("function_parameters_renamed", "breaks-application", "as function_change_return_type"),
    ("operator_function_recreated", "breaks-application", "as function_change_return_type"),
    ("policy_function_interface_change", "breaks-application", "as function_change_return_type"),
    ("view_function_row_type", "breaks-application", "as function_change_return_type"),
    ("policy_drop", "breaks-application", "lint reports a dropped policy as weakens-security"),
    ("rls_disable", "breaks-application", "lint reports disabled row level security as weakens-security"),
];

/// Hazards that hold a lock over a scan or a rewrite, which staging exists to avoid.
/// (`access-exclusive-lock` is reserved in plans: every step's lock is in `plan.json`, and
/// a plan drops an index plainly where `CONCURRENTLY` cannot work, on a partitioned table,
/// or before dropping its table.)
const BLOCKING: [&str; 3] = ["table-rewrite", "blocking-index-build", "validation-scan"];

/// What lint finds that the planner does not declare yet: (case, id, why). Each is a
/// planner gap to close, kept here so that the test still fails on a new one.
const PLANNER_GAPS: [(&str, &str, &str); 2] = [
    ("column_serial_add", "table-rewrite", "a column added with a `nextval` default fills every row: the planner does not flag volatile defaults yet"),
    ("sequence_column_default_nextval", "table-rewrite", "as column_serial_add"),
];

fn cases() -> Vec<PathBuf> {
    let filter = std::env::var("SCHEMADIFF_CASES").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(workspace().join("schemas/cases"))
        .expect("schemas/cases exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.join("to.sql").exists() && !p.join("pending").exists())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(&filter))
        .collect();
    dirs.sort();
    dirs
}

fn plan_case(case: &Path, direct: bool) -> Option<Plan> {
    let options = Options {
        desired_state: DesiredStatePath::Offline,
        owners: true,
        allow_empty: true,
        direct,
        ..Default::default()
    };
    plan(
        &Source::Path(case.join("from.sql")),
        &Source::Path(case.join("to.sql")),
        &options,
    )
    .ok()
}

/// What `--db` would read of the FROM schema: its tables' column types (no sizes).
fn context_of(case: &Path) -> Context {
    let file = SqlFile {
        name: "from.sql".into(),
        text: std::fs::read_to_string(case.join("from.sql")).unwrap(),
    };
    let catalog: Catalog = sql::load(&[file]).unwrap_or_default();
    let tables = (catalog.tables.iter())
        .map(|(name, table)| {
            let columns = (table.columns.iter())
                .map(|(column, c)| (column.clone(), c.type_name.clone()))
                .collect();
            (
                name.clone(),
                TableFacts {
                    rows: None,
                    columns,
                },
            )
        })
        .collect();
    Context { tables }
}

fn linted(name: &str, text: String, context: &Context) -> BTreeSet<String> {
    let file = SqlFile {
        name: name.into(),
        text,
    };
    lint(&file, &Settings::default(), context)
        .unwrap_or_else(|e| panic!("{name} parses: {e}"))
        .into_iter()
        .map(|f| f.id.to_string())
        .collect()
}

#[test]
fn lint_finds_the_hazards_of_every_direct_plan() {
    let mut missed = Vec::new();
    for case in cases() {
        let Some(plan) = plan_case(&case, true) else {
            continue;
        };
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let found = linted(&name, render::up_sql(&plan), &context_of(&case));
        let expected: BTreeSet<&str> = (plan.steps.iter())
            .flat_map(|s| &s.hazards)
            .filter(|h| !NOT_LINTED.contains(&h.kind))
            .map(|h| h.kind.id())
            .collect();
        for id in expected {
            let named_differently = NAMED_DIFFERENTLY
                .iter()
                .any(|(c, i, _)| *c == name && *i == id);
            if !found.contains(id) && !named_differently {
                missed.push(format!("{name}: {id} (lint found {found:?})"));
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

// run in order, the phases block nothing the staged plan does not say it blocks (apply
// sets the lock timeout, so missing-lock-timeout is not counted)
#[test]
fn the_phase_files_of_every_staged_plan_lint_clean_of_blocking_hazards() {
    let mut blocked = Vec::new();
    for case in cases() {
        let Some(plan) = plan_case(&case, false) else {
            continue;
        };
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let phases: String = (render::phase_files(&plan).into_iter())
            .filter(|(file, _)| file.ends_with(".up.sql"))
            .map(|(_, text)| text)
            .collect();
        let declared: BTreeSet<&str> = (plan.steps.iter())
            .flat_map(|s| &s.hazards)
            .map(|h| h.kind.id())
            .collect();
        for id in linted(&name, phases, &context_of(&case)) {
            let known = PLANNER_GAPS.iter().any(|(c, i, _)| *c == name && *i == id);
            if BLOCKING.contains(&id.as_str()) && !declared.contains(id.as_str()) && !known {
                blocked.push(format!("{name}: {id}"));
            }
        }
    }
    assert!(
        blocked.is_empty(),
        "{} blocking:\n{}",
        blocked.len(),
        blocked.join("\n")
    );
}
