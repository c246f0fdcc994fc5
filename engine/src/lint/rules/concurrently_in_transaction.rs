//! `CONCURRENTLY` inside a transaction block: PostgreSQL refuses it, and the migration
//! stops there.

use pg_query::protobuf::ObjectType;
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::{HazardKind, Severity};

pub fn check(check: &Check, out: &mut Findings) {
    if !check.state.in_transaction() {
        return;
    }
    let what = match check.statement.node {
        NodeEnum::IndexStmt(stmt) if stmt.concurrent => "CREATE INDEX CONCURRENTLY",
        NodeEnum::DropStmt(stmt)
            if stmt.concurrent && stmt.remove_type == ObjectType::ObjectIndex as i32 =>
        {
            "DROP INDEX CONCURRENTLY"
        }
        NodeEnum::ReindexStmt(stmt)
            if stmt.params.iter().any(
                |p| matches!(&p.node, Some(NodeEnum::DefElem(d)) if d.defname == "concurrently"),
            ) =>
        {
            "REINDEX CONCURRENTLY"
        }
        NodeEnum::VacuumStmt(_) => "VACUUM",
        _ => return,
    };
    let help = if check.settings.assume_in_transaction {
        "run it in a migration of its own that the runner does not wrap in a transaction"
    } else {
        "move it after `COMMIT`, into a migration of its own"
    };
    out.add(
        HazardKind::NonTransactional,
        check.statement.start,
        format!("`{what}` cannot run inside a transaction block: the migration fails here"),
        help,
    )
    .severity = Severity::Warning;
}

#[cfg(test)]
mod tests {
    use super::super::{lines, lines_with};
    use crate::lint::Settings;

    #[test]
    fn concurrently_inside_begin_fails() {
        let sql = "BEGIN;\nCREATE INDEX CONCURRENTLY i ON orders (a);\nCOMMIT;\nCREATE INDEX CONCURRENTLY j ON orders (b);\n";
        assert_eq!(lines(sql, "non-transactional"), [2]);
    }

    #[test]
    fn a_runner_that_wraps_the_file_makes_any_concurrently_fail() {
        let settings = Settings {
            assume_in_transaction: true,
            ..Settings::default()
        };
        let sql = "CREATE INDEX CONCURRENTLY j ON orders (b);\n";
        assert_eq!(lines_with(&settings, sql, "non-transactional"), [1]);
    }
}
