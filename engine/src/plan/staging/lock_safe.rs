//! DDL on tables in use, without blocking writes for the length of a scan or an index build:
//! indexes built and dropped `CONCURRENTLY`, foreign keys and checks added `NOT VALID` and
//! validated in a transaction of their own, unique and primary keys attached to a unique
//! index built concurrently.

use crate::model::{Constraint, ConstraintKind, Index, QualifiedName};
use crate::plan::steps::Context;
use crate::plan::{LockLevel, Phase, Step};
use crate::render::ddl;

/// `CREATE INDEX CONCURRENTLY`: writes go on while the index is built.
pub fn create_index(index: &Index) -> Vec<Step> {
    let mut sql = vec![ddl::staging::create_index_concurrently(
        &index.definition.sql,
    )];
    sql.extend(ddl::create_index(index).into_iter().skip(1));
    vec![Step::new(
        format!("create index `{}` concurrently", index.name),
        sql,
        vec![ddl::staging::drop_index_concurrently(&index.name, false)],
    )
    .lock(LockLevel::ShareUpdateExclusive)
    .outside_transaction()]
}

/// `DROP INDEX CONCURRENTLY`: waits for the queries using the index instead of blocking.
/// An index that is gone for good goes in contract, since the old application may still
/// rely on it; one replaced by a new definition goes where the planner puts its drop.
pub fn drop_index(index: &Index, context: &Context) -> Vec<Step> {
    let mut rollback = vec![ddl::staging::create_index_concurrently(
        &index.definition.sql,
    )];
    rollback.extend(ddl::create_index(index).into_iter().skip(1));
    vec![Step::new(
        format!("drop index `{}` concurrently", index.name),
        vec![ddl::staging::drop_index_concurrently(&index.name, false)],
        rollback,
    )
    .lock(LockLevel::ShareUpdateExclusive)
    .outside_transaction()
    .in_phase(if context.keeps_index(&index.name) {
        Phase::Expand
    } else {
        Phase::Contract
    })]
}

/// A key through a unique index built concurrently, a foreign key or check `NOT VALID` and
/// then validated; `None` for what this cannot stage (exclusion constraints, keys with
/// options an index cannot carry).
pub fn add_constraint(
    table: &QualifiedName,
    constraint: &Constraint,
    context: &Context,
) -> Option<Vec<Step>> {
    if constraint.not_valid {
        return None;
    }
    let added = format!("add constraint `{}` on `{table}`", constraint.name);
    match constraint.kind {
        ConstraintKind::ForeignKey | ConstraintKind::Check => {
            let mut not_valid = constraint.clone();
            not_valid.not_valid = true;
            let add = Step::new(
                format!("{added} NOT VALID"),
                ddl::add_constraint(table, &not_valid),
                vec![ddl::drop_constraint(table, &constraint.name)],
            )
            .lock(match constraint.kind {
                ConstraintKind::ForeignKey => LockLevel::ShareRowExclusive,
                _ => LockLevel::AccessExclusive,
            });
            // once valid the constraint stays valid: undoing the add drops it
            let validate = Step::new(
                format!("validate constraint `{}` on `{table}`", constraint.name),
                vec![ddl::validate_constraint(table, &constraint.name)],
                Vec::new(),
            )
            .lock(LockLevel::ShareUpdateExclusive)
            .own_transaction();
            Some(vec![add, validate])
        }
        // a primary key over a column that may hold NULLs would set NOT NULL with a scan
        ConstraintKind::PrimaryKey
            if !constraint.columns.iter().all(|c| {
                context
                    .table_before(table)
                    .and_then(|t| t.columns.get(c))
                    .is_some_and(|c| c.not_null)
            }) =>
        {
            None
        }
        ConstraintKind::PrimaryKey | ConstraintKind::Unique => {
            let (build, attach) =
                ddl::staging::key_through_index(table, constraint, &constraint.name, true)?;
            let index = QualifiedName::new(&table.schema, &constraint.name);
            let build = Step::new(
                format!(
                    "build the unique index of `{}` concurrently",
                    constraint.name
                ),
                vec![build],
                vec![ddl::staging::drop_index_concurrently(&index, true)],
            )
            .lock(LockLevel::ShareUpdateExclusive)
            .outside_transaction();
            let mut statements = vec![attach];
            statements.extend(ddl::add_constraint(table, constraint).into_iter().skip(1));
            let attach = Step::new(
                format!("{added} using its index"),
                statements,
                vec![ddl::drop_constraint(table, &constraint.name)],
            )
            .lock(LockLevel::AccessExclusive);
            Some(vec![build, attach])
        }
        ConstraintKind::Exclusion => None,
    }
}
