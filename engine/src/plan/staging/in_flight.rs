//! Plans made part-way through a staged plan: the database holds the helpers its expand left
//! (fill and sync triggers, NOT NULL checks). The strategies recognise them by name and plan
//! only what is left; here the differ's drops of those helpers are taken back, since the
//! strategies' contract removes them.

use std::collections::{HashMap, HashSet};

use crate::diff::Change;
use crate::model::QualifiedName;
use crate::render::ddl::staging::{not_null_check_name, HelperTrigger};

/// `changes` without the drops of helpers that a change of the same plan carries on.
pub fn without_continued_helpers(
    changes: Vec<Change>,
    backfills: &HashMap<(QualifiedName, String), String>,
) -> Vec<Change> {
    let mut checks: HashSet<(QualifiedName, String)> = HashSet::new();
    let mut triggers: HashSet<HelperTrigger> = HashSet::new();
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
    changes
        .into_iter()
        .filter(|change| match change {
            Change::DropConstraint { table, constraint } => {
                !checks.contains(&(table.clone(), constraint.name.clone()))
            }
            Change::DropTrigger { trigger, .. } => !helper(&trigger.table, &trigger.name),
            Change::DropFunction(function) => !triggers.iter().any(|h| h.function == function.name),
            _ => true,
        })
        .collect()
}
