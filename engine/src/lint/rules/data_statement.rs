//! `UPDATE` or `DELETE` without `WHERE` in a schema migration: every row of an existing
//! table is changed or removed, in one long transaction that locks them all.

use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;

const HELP: &str = "bound it with `WHERE` and run it in batches outside the schema migration, or allow the hazard on this statement";

pub fn check(check: &Check, out: &mut Findings) {
    let (verb, relation, effect) = match check.statement.node {
        NodeEnum::UpdateStmt(stmt) if stmt.where_clause.is_none() => (
            "UPDATE",
            stmt.relation.as_ref(),
            "overwrites a value in every row of",
        ),
        NodeEnum::DeleteStmt(stmt) if stmt.where_clause.is_none() => {
            ("DELETE", stmt.relation.as_ref(), "removes every row of")
        }
        _ => return,
    };
    let Some(table) = check.existing(relation) else {
        return;
    };
    out.add(
        HazardKind::DataLoss,
        check.statement.start,
        format!("`{verb}` without `WHERE` {effect} `{table}`, holding every row locked until it commits"),
        HELP,
    )
    .on(&table);
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn unbounded_data_statements_are_found() {
        let sql = "UPDATE users SET plan = 'free';\nDELETE FROM sessions;\n";
        assert_eq!(lines(sql, "data-loss"), [1, 2]);
    }

    #[test]
    fn bounded_ones_and_ones_on_new_tables_are_not() {
        let sql = "UPDATE users SET plan = 'free' WHERE plan IS NULL;\nCREATE TABLE t (id bigint);\nDELETE FROM t;\n";
        assert!(lines(sql, "data-loss").is_empty());
    }
}
