//! Plans made part-way through a staged plan: the database holds the helpers its expand left
//! (fill, sync and retype triggers, NOT NULL checks, a retyped column's shadow and the
//! copies of its indexes and constraints). The strategies recognise them by name and plan
//! only what is left; here the differ's drops of those helpers are taken back, since the
//! strategies' contract removes them.

use std::collections::{HashMap, HashSet};

use crate::diff::Change;
use crate::model::QualifiedName;
use crate::render::ddl::retype::shadow_name;
use crate::render::ddl::staging::{not_null_check_name, HelperTrigger};

/// `changes` without the drops of helpers that a change of the same plan carries on.
pub fn without_continued_helpers(
    changes: Vec<Change>,
    backfills: &HashMap<(QualifiedName, String), String>,
) -> Vec<Change> {
    let mut checks: HashSet<(QualifiedName, String)> = HashSet::new();
    let mut triggers: HashSet<HelperTrigger> = HashSet::new();
    // tables with a retyped column, and its shadow
    let mut shadows: HashSet<(QualifiedName, String)> = HashSet::new();
    for change in &changes {
        match change {
            Change::AlterColumn { table, column }
                if column.to.not_null && !column.from.not_null =>
            {
                let name = &column.to.name;
                checks.insert((table.clone(), not_null_check_name(name)));
                if backfills.contains_key(&(table.clone(), name.clone())) {
                    triggers.insert(HelperTrigger::fill(table, name));
                }
            }
            Change::AlterColumn { table, column }
                if column.to.type_name != column.from.type_name =>
            {
                let shadow = shadow_name(&column.to.name);
                checks.insert((table.clone(), not_null_check_name(&shadow)));
                triggers.insert(HelperTrigger::retype(table, &column.to.name));
                shadows.insert((table.clone(), shadow));
            }
            Change::RenameColumn {
                table,
                column,
                in_flight: true,
            } => {
                checks.insert((table.clone(), not_null_check_name(&column.to.name)));
                triggers.insert(HelperTrigger::sync(table, &column.to.name));
            }
            _ => {}
        }
    }
    let helper = |table: &QualifiedName, trigger: &str| {
        triggers
            .iter()
            .any(|h| h.table == *table && h.trigger == trigger)
    };
    // the copies of a retyped column's indexes and constraints carry the shadow's prefix
    let shadow_copy = |table: &QualifiedName, name: &str| {
        name.starts_with(&shadow_name("")) && shadows.iter().any(|(t, _)| t == table)
    };
    changes
        .into_iter()
        .filter(|change| match change {
            Change::DropConstraint { table, constraint } => {
                !checks.contains(&(table.clone(), constraint.name.clone()))
                    && !shadow_copy(table, &constraint.name)
            }
            Change::DropIndex(index) => !shadow_copy(&index.table, &index.name.name),
            Change::DropColumn { table, column, .. } => {
                !shadows.contains(&(table.clone(), column.name.clone()))
            }
            Change::DropTrigger { trigger, .. } => !helper(&trigger.table, &trigger.name),
            Change::DropFunction(function) => !triggers.iter().any(|h| h.function == function.name),
            _ => true,
        })
        .collect()
}
