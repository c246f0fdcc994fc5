//! `CREATE INDEX` or `DROP INDEX` on an existing table without `CONCURRENTLY`: the build
//! blocks writes for as long as it takes; the drop waits for every query on the table and
//! blocks reads and writes meanwhile.

use pg_query::protobuf::ObjectType;
use pg_query::NodeEnum;

use super::drop_object::dropped_names;
use super::{Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    match check.statement.node {
        NodeEnum::IndexStmt(stmt) if !stmt.concurrent => {
            let Some(table) = check.existing(stmt.relation.as_ref()) else {
                return;
            };
            let name = match stmt.idxname.as_str() {
                "" => "an index".to_string(),
                name => format!("index `{name}`"),
            };
            out.add(
                HazardKind::BlockingIndexBuild,
                check.statement.start,
                format!(
                    "building {name} on `{table}` blocks writes to `{table}` until it is built"
                ),
                "use `CREATE INDEX CONCURRENTLY`, outside a transaction",
            )
            .on(&table);
        }
        NodeEnum::DropStmt(stmt)
            if stmt.remove_type == ObjectType::ObjectIndex as i32 && !stmt.concurrent =>
        {
            for index in dropped_names(stmt) {
                if check.state.created_relation(&index) {
                    continue;
                }
                out.add(
                    HazardKind::AccessExclusiveLock,
                    check.statement.start,
                    format!("dropping index `{index}` takes an ACCESS EXCLUSIVE lock on its table, which queues every query behind the ones running"),
                    "use `DROP INDEX CONCURRENTLY`, outside a transaction",
                );
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn plain_index_builds_and_drops_block() {
        let sql = "CREATE INDEX orders_user_idx ON orders (user_id);\nDROP INDEX orders_old_idx;\n";
        assert_eq!(lines(sql, "blocking-index-build"), [1]);
        assert_eq!(lines(sql, "access-exclusive-lock"), [2]);
    }

    #[test]
    fn concurrent_ones_and_ones_on_new_tables_do_not() {
        let sql = "CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);\nDROP INDEX CONCURRENTLY orders_old_idx;\nCREATE TABLE t (a bigint);\nCREATE INDEX t_a ON t (a);\nDROP INDEX t_a;\n";
        assert!(lines(sql, "blocking-index-build").is_empty());
        assert!(lines(sql, "access-exclusive-lock").is_empty());
    }
}
