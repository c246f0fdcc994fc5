//! Staged forms of changes (expand, backfill, contract), so that the application written
//! for the old schema keeps working until contract, and the new one works from backfill on.
//! Each strategy returns its steps with their phases; each step carries its own rollback, so
//! a phase is undone by running its steps' inverses backwards.
//!
//! The planner asks [`steps`] first; a change it does not stage keeps its direct steps.

mod in_flight;
mod lock_safe;
mod not_null;
mod rename_column;
mod rename_table;
mod retype;

pub use in_flight::without_continued_helpers;
pub use not_null::NotNull;

use super::steps::Context;
use super::{Phase, Step};
use crate::diff::{Change, Pair};
use crate::hazard::HazardKind;
use crate::model::QualifiedName;

/// The staged steps of `change`, or `None` when its direct steps already keep the running
/// application working and take no long lock.
pub fn steps(change: &Change, context: &Context) -> Option<Vec<Step>> {
    match change {
        Change::CreateIndex(index) if context.online(&index.table) => {
            Some(lock_safe::create_index(index))
        }
        Change::DropIndex(index) if context.online(&index.table) => {
            Some(lock_safe::drop_index(index, context))
        }
        Change::AddConstraint { table, constraint } if context.online(table) => {
            lock_safe::add_constraint(table, constraint, context)
        }
        Change::AddColumn { table, column } if context.in_use(table) => {
            not_null::add_column(table, column, context)
        }
        Change::RenameTable { name, .. } if context.in_use(&name.to) => {
            Some(rename_table::steps(name.as_ref(), context))
        }
        Change::RenameColumn {
            table,
            column,
            in_flight,
        } if stages_rename(change, context) => Some(rename_column::steps(
            table,
            Pair::as_ref(column),
            *in_flight,
            context,
        )),
        // the staged rename adds the new column in its desired shape
        Change::AlterColumn { table, column }
            if context.renames_in_stages(table, &column.to.name) =>
        {
            Some(Vec::new())
        }
        Change::AlterColumn { table, column } => {
            retype::steps(table, Pair::as_ref(column), context)
        }
        _ => None,
    }
}

/// A batched data step (`sql` commits batch by batch, outside any transaction block); a
/// table without a `key` to walk finds each batch by scanning, which the step says.
fn batches(
    description: String,
    sql: String,
    table: &QualifiedName,
    key: &[(String, String)],
) -> Step {
    let step = Step::new(description, vec![sql], Vec::new()).outside_transaction();
    if !key.is_empty() {
        return step;
    }
    step.hazard(
        HazardKind::ValidationScan,
        format!("`{table}` has no primary key or unique key over NOT NULL columns: each batch is found by scanning it"),
    )
}

/// Whether `change` is a column rename that takes its staged form.
pub fn stages_rename(change: &Change, context: &Context) -> bool {
    match change {
        // a rename part-way through can only be finished
        Change::RenameColumn {
            in_flight: true, ..
        } => true,
        Change::RenameColumn { table, column, .. } => {
            rename_column::stageable(table, Pair::as_ref(column), context)
        }
        _ => false,
    }
}

/// Whether `change` is a table rename that takes its staged form: the table has its new
/// name from expand on, and only the old name's view waits for contract.
fn stages_table_rename(change: &Change, context: &Context) -> bool {
    matches!(change, Change::RenameTable { name, .. } if context.in_use(&name.to))
}

/// Whether `change` replaces a column in stages, dropping the old one in contract: a
/// staged rename or type change.
fn replaces_column(change: &Change, context: &Context) -> bool {
    match change {
        Change::AlterColumn { table, column } => {
            !context.renames_in_stages(table, &column.to.name)
                && retype::stages(table, Pair::as_ref(column), context)
        }
        _ => stages_rename(change, context),
    }
}

/// Whether `change` starts no earlier than the phases of the changes ordered before it. A
/// column replaced in stages does not wait: what precedes it drops the objects that read
/// the old column, which only its last step (in contract) removes (see
/// [`dropped_in_contract`]).
pub fn waits_for_predecessors(change: &Change, context: &Context) -> bool {
    !replaces_column(change, context)
}

/// The changes that must wait for contract: those ordered before a column replaced in
/// stages drop what reads the old column (a view, a policy, a key, an index), and the drops
/// ordered before those. The old application keeps them until it is replaced.
pub fn dropped_in_contract(
    changes: &[Change],
    predecessors: &[Vec<usize>],
    context: &Context,
) -> Vec<bool> {
    let mut later = vec![false; changes.len()];
    let mut pending: Vec<usize> = (0..changes.len())
        .filter(|&i| replaces_column(&changes[i], context))
        .collect();
    while let Some(i) = pending.pop() {
        for &j in &predecessors[i] {
            if !later[j] && is_drop(&changes[j]) {
                later[j] = true;
                pending.push(j);
            }
        }
    }
    later
}

fn is_drop(change: &Change) -> bool {
    matches!(
        change,
        Change::DropConstraint { .. }
            | Change::DropIndex(_)
            | Change::DropStatistics { .. }
            | Change::DropView { .. }
            | Change::DropTrigger { .. }
            | Change::DropRule { .. }
            | Change::DropPolicy { .. }
    )
}

/// The phase from which `next` may use what `change` (whose steps run in `phases`) does. A
/// staged table rename's new name exists from expand on. A staged column rename's new
/// column can carry indexes and keys from expand on (they hold for the copied values too);
/// what reads its values (views, policies, triggers, foreign keys that reference it) waits
/// for contract, when every value is there and the objects they replace are gone.
pub fn ready_for(change: &Change, phases: &[Phase], next: &Change, context: &Context) -> Phase {
    let first = phases.first().copied().unwrap_or(Phase::Expand);
    let last = phases.iter().copied().max().unwrap_or(Phase::Expand);
    if stages_table_rename(change, context) {
        return first;
    }
    let Change::RenameColumn { table, .. } = change else {
        return last;
    };
    if !stages_rename(change, context) {
        return last;
    }
    let value_free = match next {
        Change::CreateIndex(_) => true,
        Change::AddConstraint { constraint, .. } => constraint
            .foreign_key
            .as_ref()
            .is_none_or(|target| target.table != *table),
        _ => false,
    };
    if value_free {
        first
    } else {
        last
    }
}
