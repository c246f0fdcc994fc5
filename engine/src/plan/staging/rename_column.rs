//! A column renamed while both applications run: the old application reads and writes the
//! old name until contract, the new one the new name from backfill on.
//!
//! - expand: the new column is added (nullable, in the desired type), the old column's
//!   default moves into a trigger that copies every write of either column to the other,
//!   and a NOT NULL new column gets its `CHECK … NOT VALID`;
//! - backfill: the old values are copied in batches by key;
//! - contract: NOT NULL is set through the validated check, the new default set, and the
//!   trigger and the old column dropped. Its rollback adds the old column back, filled from
//!   the new one.

use super::batches;
use super::not_null::NotNull;
use crate::diff::Pair;
use crate::model::{Column, QualifiedName};
use crate::normalize::expr::referenced_sequences;
use crate::plan::steps::Context;
use crate::plan::{LockLevel, Phase, Step};
use crate::render::ddl;
use crate::render::ddl::staging::SyncTrigger;

/// Whether the rename can be staged: identity and generated columns, and defaults drawn
/// from a sequence (which the old column owns and would take with it), keep a plain
/// `RENAME COLUMN`; so do primary key columns, which cannot be NULL while the copy fills.
pub fn stageable(table: &QualifiedName, column: Pair<&Column>, context: &Context) -> bool {
    let plain = |c: &Column| {
        c.identity.is_none()
            && c.generated.is_none()
            && c.default
                .as_ref()
                .is_none_or(|d| referenced_sequences(d).is_empty())
    };
    let in_primary_key = context
        .table_before(table)
        .and_then(|t| t.primary_key())
        .is_some_and(|key| key.columns.contains(&column.from.name));
    context.in_use(table) && plain(column.from) && plain(column.to) && !in_primary_key
}

/// The staged steps; `in_flight`: expand has run (a plan made part-way), so only backfill
/// and contract are left.
pub fn steps(
    table: &QualifiedName,
    column: Pair<&Column>,
    in_flight: bool,
    context: &Context,
) -> Vec<Step> {
    let (old, new) = (column.from, column.to);
    let label = format!("`{table}.{}`", new.name);
    let sync = SyncTrigger { table, old, new };
    let not_null = new.not_null.then_some(NotNull { table, column: new });
    let mut steps = if in_flight {
        Vec::new()
    } else {
        expand(table, column, not_null.as_ref())
    };

    let key = context.batch_key(table, &old.name);
    steps.push(
        batches(
            format!("copy `{table}.{}` into {label} in batches", old.name),
            sync.backfill(&key),
            table,
            &key,
        )
        .in_phase(Phase::Backfill),
    );

    if let Some(not_null) = &not_null {
        steps.push(not_null.validate(true));
        steps.push(not_null.set());
    }
    let mut sql = Vec::new();
    let mut rollback = Vec::new();
    if let Some(default) = &new.default {
        sql.push(ddl::alter_column(
            table,
            &new.name,
            &ddl::set_default(default),
        ));
        rollback.push(ddl::alter_column(table, &new.name, "DROP DEFAULT"));
    }
    // policies read the old column until now: the server only rewrites them for a RENAME
    let policies = context.policies_reading(table, &new.name);
    sql.extend(policies.iter().map(|p| ddl::restate_policy(p.to)));
    sql.extend(sync.drop());
    sql.push(ddl::drop_column(table, &old.name));
    rollback.splice(0..0, sync.create());
    rollback.splice(0..0, policies.iter().map(|p| ddl::restate_policy(p.from)));
    rollback.splice(0..0, sync.restore_old());
    steps.push(
        Step::new(
            format!("drop `{table}.{}`, now {label}", old.name),
            sql,
            rollback,
        )
        .lock(LockLevel::AccessExclusive)
        .in_phase(Phase::Contract),
    );
    steps
}

/// Expand: the new column beside the old one, the old default moved into the trigger that
/// copies writes both ways, and the NOT VALID check of a NOT NULL new column.
fn expand(table: &QualifiedName, column: Pair<&Column>, not_null: Option<&NotNull>) -> Vec<Step> {
    let (old, new) = (column.from, column.to);
    let label = format!("`{table}.{}`", new.name);
    let sync = SyncTrigger { table, old, new };
    let mut steps = Vec::new();
    let mut added = new.clone();
    added.not_null = false;
    added.default = None;
    steps.push(
        Step::new(
            format!("add column {label}, renamed from `{}`, beside it", old.name),
            ddl::add_column(table, &added),
            vec![ddl::drop_column(table, &new.name)],
        )
        .lock(LockLevel::AccessExclusive),
    );
    if let Some(default) = &old.default {
        let at = |action: &str| ddl::alter_column(table, &old.name, action);
        steps.push(Step::new(
            format!(
                "move the default of `{table}.{}` into the copy trigger",
                old.name
            ),
            vec![at("DROP DEFAULT")],
            vec![at(&ddl::set_default(default))],
        ));
    }
    steps.push(Step::new(
        format!("copy writes between `{table}.{}` and {label}", old.name),
        sync.create(),
        sync.drop(),
    ));
    if let Some(not_null) = not_null {
        steps.push(not_null.add_check());
    }

    steps
}
