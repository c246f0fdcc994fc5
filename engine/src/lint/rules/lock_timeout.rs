//! A statement that locks an existing table while no `lock_timeout` is set: waiting behind
//! a long query, its lock request queues every query on the table behind it.

use pg_query::protobuf::ObjectType;
use pg_query::NodeEnum;

use super::{Check, Findings, Statement};
use crate::hazard::HazardKind;
use crate::lint::state::State;
use crate::model::QualifiedName;

pub fn check(check: &Check, out: &mut Findings) {
    let state = check.state;
    if state.lock_timeout || state.unguarded_lock_taken {
        return;
    }
    let Some(table) = locks_existing_table(check.statement, state) else {
        return;
    };
    out.add(
        HazardKind::MissingLockTimeout,
        check.statement.start,
        format!("this statement locks `{table}` with no `lock_timeout` set: while it waits for the lock, every query on `{table}` queues behind it"),
        "start the migration with `SET lock_timeout = '5s';` (and a `statement_timeout`), and retry when it times out",
    )
    .on(&table);
}

/// The existing table a statement takes a lock that blocks writes on, if any.
pub fn locks_existing_table(statement: &Statement, state: &State) -> Option<QualifiedName> {
    match statement.node {
        NodeEnum::AlterTableStmt(stmt) => state.existing(stmt.relation.as_ref()),
        NodeEnum::IndexStmt(stmt) if !stmt.concurrent => state.existing(stmt.relation.as_ref()),
        NodeEnum::RenameStmt(stmt) => state.existing(stmt.relation.as_ref()),
        NodeEnum::TruncateStmt(stmt) => stmt.relations.iter().find_map(|node| match &node.node {
            Some(NodeEnum::RangeVar(relation)) => state.existing(Some(relation)),
            _ => None,
        }),
        NodeEnum::CreateTrigStmt(stmt) => state.existing(stmt.relation.as_ref()),
        NodeEnum::CreatePolicyStmt(stmt) => state.existing(stmt.table.as_ref()),
        NodeEnum::RuleStmt(stmt) => state.existing(stmt.relation.as_ref()),
        NodeEnum::DropStmt(stmt)
            if !stmt.concurrent
                && [
                    ObjectType::ObjectTable as i32,
                    ObjectType::ObjectIndex as i32,
                ]
                .contains(&stmt.remove_type) =>
        {
            super::drop_object::dropped_names(stmt)
                .into_iter()
                .find(|name| !state.created_relation(name))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn the_first_lock_without_a_timeout_is_reported_once() {
        let sql = "CREATE TABLE fresh (id bigint);\nALTER TABLE fresh ADD COLUMN a text;\nALTER TABLE orders ADD COLUMN b text;\nALTER TABLE orders ADD COLUMN c text;\n";
        assert_eq!(lines(sql, "missing-lock-timeout"), [3]);
    }

    #[test]
    fn a_lock_timeout_set_first_is_enough() {
        let sql = "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN b text;\n";
        assert!(lines(sql, "missing-lock-timeout").is_empty());
    }

    #[test]
    fn a_lock_timeout_of_zero_is_none() {
        let sql = "SET lock_timeout = 0;\nCREATE INDEX i ON orders (a);\n";
        assert_eq!(lines(sql, "missing-lock-timeout"), [2]);
    }
}
