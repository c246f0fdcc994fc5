//! A column whose type change rewrites the table, changed while both applications run:
//! the column keeps its old type until contract, and a shadow column takes the new one.
//!
//! - expand: the shadow is added (nullable), a trigger converts every write of the column
//!   into it, and copies of the column's checks and foreign keys are added `NOT VALID`;
//! - backfill: the rows written before are converted in batches by key;
//! - contract: copies of the column's indexes and keys are built concurrently, the other
//!   copies validated, NOT NULL is set through a validated check, and in one short
//!   transaction the old column is dropped and the shadow takes its name, its default, its
//!   sequence, and its copies their originals' names.
//!
//! Columns with what a shadow cannot take over keep the direct `ALTER COLUMN … TYPE`:
//! identity and generated columns, a column that a foreign key references, that a generated
//! column reads, with column privileges, or with an exclusion constraint.

use super::batches;
use super::not_null::NotNull;
use crate::diff::Pair;
use crate::model::{AclObject, Catalog, Column, Constraint, ConstraintKind, QualifiedName, Table};
use crate::normalize::definitions::{constraint_on_renamed_column, index_on_renamed_column};
use crate::normalize::expr::referenced_columns;
use crate::plan::steps::Context;
use crate::plan::{LockLevel, Phase, Step};
use crate::render::ddl::retype::{shadow_name, ShadowColumn, ShadowCopy};
use crate::render::ddl::staging::key_through_index;

/// The staged steps of `column`'s type change, or `None` when it keeps its direct form.
pub fn steps(table: &QualifiedName, column: Pair<&Column>, context: &Context) -> Option<Vec<Step>> {
    let catalogs = context.catalogs();
    if !stageable(table, column, catalogs, context) {
        return None;
    }
    let copies = copies(table, &column.to.name, catalogs)?;
    let (old, new) = (column.from, column.to);
    let shadow = ShadowColumn { table, old, new };
    let shadow_column = shadow.column();
    let label = format!("`{table}.{}`", new.name);
    let before = catalogs.from.tables.get(table)?;
    let not_null = new.not_null.then(|| {
        let mut column = shadow_column.clone();
        column.not_null = true;
        column
    });
    let not_null = not_null.as_ref().map(|column| NotNull { table, column });
    // a plan made part-way finds what its expand and backfill made
    let made = |name: &str| {
        before.constraints.contains_key(name)
            || catalogs
                .from
                .indexes
                .contains_key(&QualifiedName::new(&table.schema, name))
    };
    let mut steps = Vec::new();

    if !before.columns.contains_key(&shadow_column.name) {
        steps.push(
            Step::new(
                format!(
                    "add `{}` beside {label}, in {}",
                    shadow_column.name, new.type_name
                ),
                shadow.add(),
                vec![shadow.drop()],
            )
            .lock(LockLevel::AccessExclusive),
        );
    }
    if !context.has_trigger_before(table, &shadow_trigger(table, &new.name)) {
        steps.push(Step::new(
            format!(
                "convert what is written to {label} into `{}`",
                shadow_column.name
            ),
            shadow.create_trigger(),
            shadow.drop_trigger(),
        ));
    }
    if let Some(not_null) = &not_null {
        if !made(&crate::render::ddl::staging::not_null_check_name(
            &shadow_column.name,
        )) {
            steps.push(not_null.add_check());
        }
    }
    for copy in copies.iter().filter(|c| !c.is_index() && !made(c.name())) {
        steps.push(
            Step::new(
                format!("add `{}` on the new column, without scanning", copy.name()),
                vec![shadow.build(copy)],
                vec![shadow.unbuild(copy)],
            )
            .lock(LockLevel::ShareRowExclusive),
        );
    }

    let key = context.batch_key(table, &new.name);
    steps.push(
        batches(
            format!("convert {label} into `{}` in batches", shadow_column.name),
            shadow.backfill(&key),
            table,
            &key,
        )
        .in_phase(Phase::Backfill),
    );
    // the copies are ready before contract, so that contract is one short transaction with
    // the objects rebuilt around it; like the conversion above, these steps can run again
    for copy in &copies {
        match copy {
            ShadowCopy::Constraint { copy, .. } => steps.push(
                Step::new(
                    format!("validate `{}`", copy.name),
                    vec![shadow.validate(copy)],
                    Vec::new(),
                )
                .lock(LockLevel::ShareUpdateExclusive)
                .own_transaction()
                .in_phase(Phase::Backfill),
            ),
            _ if made(copy.name()) => {}
            _ => steps.push(
                Step::new(
                    format!("build `{}` on the new column concurrently", copy.name()),
                    vec![shadow.build(copy)],
                    vec![shadow.unbuild(copy)],
                )
                .lock(LockLevel::ShareUpdateExclusive)
                .outside_transaction()
                .in_phase(Phase::Backfill),
            ),
        }
    }
    if let Some(not_null) = &not_null {
        steps.push(not_null.validate(true).in_phase(Phase::Backfill));
        steps.push(not_null.set());
    }
    let owned = context.sequences_owned_by(table, &new.name);
    let unswap = shadow.unswap(&copies, &owned);
    let mut swap = Step::new(
        format!("swap `{}` in as {label}", shadow_column.name),
        shadow.swap(&copies, &owned),
        unswap.clone(),
    )
    .lock(LockLevel::AccessExclusive)
    .in_phase(Phase::Contract);
    if super::super::steps::loses_values(&old.type_name, &new.type_name) {
        swap = context.retain_column(
            table,
            old,
            swap,
            (unswap, Vec::new()),
            format!(
                "converting {label} from {} to {} may change values (rounding, reformatting) in ways the rollback's conversion back cannot undo (--retain-dropped keeps the old values)",
                old.type_name, new.type_name
            ),
        );
    }
    steps.push(swap);
    Some(steps)
}

fn shadow_trigger(table: &QualifiedName, column: &str) -> String {
    crate::render::ddl::staging::HelperTrigger::retype(table, column).trigger
}

/// Whether `column`'s type change takes its staged form.
pub fn stages(table: &QualifiedName, column: Pair<&Column>, context: &Context) -> bool {
    let catalogs = context.catalogs();
    stageable(table, column, catalogs, context)
        && copies(table, &column.to.name, catalogs).is_some()
}

/// Whether a shadow can take the column's place (see the module's documentation).
fn stageable(
    table: &QualifiedName,
    column: Pair<&Column>,
    catalogs: Pair<&Catalog>,
    context: &Context,
) -> bool {
    let name = &column.to.name;
    let Some(before) = catalogs.from.tables.get(table) else {
        return false;
    };
    let plain = |c: &Column| c.identity.is_none() && c.generated.is_none();
    // closures, so that the scans of the whole catalog run last, for the few candidates left
    let referenced = || {
        catalogs.from.tables.values().any(|t| {
            t.constraints.values().any(|c| {
                c.foreign_key
                    .as_ref()
                    .is_some_and(|target| target.table == *table && target.columns.contains(name))
            })
        })
    };
    let read_by_generated = || {
        before.columns.values().any(|c| {
            c.generated.as_ref().is_some_and(|expr| {
                let mut columns = Vec::new();
                if let Ok(tree) = serde_json::from_str(&expr.canonical) {
                    referenced_columns(&tree, &mut columns);
                }
                columns.contains(name)
            })
        })
    };
    let privileges = || {
        catalogs
            .from
            .privileges
            .contains_key(&AclObject::Column(table.clone(), name.clone()))
    };
    context.online(table)
        && super::super::steps::rewrites(column.from, column.to)
        && plain(column.from)
        && plain(column.to)
        // a NULL cannot be converted into a value: NOT NULL waits for a plan of its own
        && (column.from.not_null || !column.to.not_null)
        && shadow_name(name).len() > name.len()
        && !privileges()
        && !read_by_generated()
        && !referenced()
        && shadow_name(name).len() > name.len()
}

/// The copies on the shadow of the column's indexes and constraints that the desired state
/// keeps as they are (those it changes or drops are the differ's changes), made from the
/// desired definitions, which may spell a cast the new type needs; `None` when one cannot
/// be copied.
fn copies(
    table: &QualifiedName,
    column: &str,
    catalogs: Pair<&Catalog>,
) -> Option<Vec<ShadowCopy>> {
    let shadow = shadow_name(column);
    let (before, after): (&Table, &Table) = (
        catalogs.from.tables.get(table)?,
        catalogs.to.tables.get(table)?,
    );
    let mut copies = Vec::new();
    for original in before.constraints.values() {
        let Some(wanted) = after
            .constraints
            .get(&original.name)
            .filter(|c| *c == original)
        else {
            continue;
        };
        if !original.columns.iter().any(|c| c == column) {
            continue;
        }
        let copy =
            constraint_on_renamed_column(wanted, column, &shadow, &shadow_name(&original.name))?;
        copies.push(copy_of(table, original.clone(), copy)?);
    }
    for original in catalogs.from.indexes.values() {
        let Some(wanted) = catalogs
            .to
            .indexes
            .get(&original.name)
            .filter(|i| *i == original)
        else {
            continue;
        };
        if original.table != *table || !original.columns.iter().any(|c| c == column) {
            continue;
        }
        let copy =
            index_on_renamed_column(wanted, column, &shadow, &shadow_name(&original.name.name))?;
        copies.push(ShadowCopy::Index {
            original: original.clone(),
            copy,
        });
    }
    Some(copies)
}

fn copy_of(table: &QualifiedName, original: Constraint, copy: Constraint) -> Option<ShadowCopy> {
    match original.kind {
        ConstraintKind::PrimaryKey | ConstraintKind::Unique => {
            key_through_index(table, &copy, &copy.name, true)?;
            Some(ShadowCopy::Key { original, copy })
        }
        ConstraintKind::Check | ConstraintKind::ForeignKey => {
            Some(ShadowCopy::Constraint { original, copy })
        }
        ConstraintKind::Exclusion => None,
    }
}
