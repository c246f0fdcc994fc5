//! `BEGIN` inside a transaction: PostgreSQL only warns, and the first `COMMIT` then commits
//! what the outer transaction meant to keep together.

use pg_query::protobuf::TransactionStmtKind;
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    let NodeEnum::TransactionStmt(stmt) = check.statement.node else {
        return;
    };
    let begins = [
        TransactionStmtKind::TransStmtBegin as i32,
        TransactionStmtKind::TransStmtStart as i32,
    ];
    if !begins.contains(&stmt.kind) || !check.state.in_transaction() {
        return;
    }
    let (message, help) = if check.state.open_begin().is_some() {
        (
            "`BEGIN` inside a transaction that is already open: the first `COMMIT` commits both",
            "remove the inner `BEGIN`, or `COMMIT` the first transaction before it",
        )
    } else {
        (
            "`BEGIN` in a file the migration runner already runs in a transaction: its `COMMIT` ends the runner's transaction early",
            "remove `BEGIN` and `COMMIT` from the file, or turn off the runner's transaction for it",
        )
    };
    out.add(
        HazardKind::NestedTransaction,
        check.statement.start,
        message.into(),
        help,
    );
}

#[cfg(test)]
mod tests {
    use super::super::{lines, lines_with};
    use crate::lint::Settings;

    #[test]
    fn a_begin_inside_a_transaction_nests() {
        let sql = "BEGIN;\nALTER TABLE t ADD COLUMN a text;\nBEGIN;\nCOMMIT;\n";
        assert_eq!(lines(sql, "nested-transaction"), [3]);
    }

    #[test]
    fn a_begin_never_committed_is_reported_where_it_opens() {
        let sql = "SELECT 1;\nBEGIN;\nALTER TABLE t ADD COLUMN a text;\n";
        assert_eq!(lines(sql, "nested-transaction"), [2]);
    }

    #[test]
    fn one_transaction_is_fine_unless_the_runner_opens_one() {
        let sql = "BEGIN;\nALTER TABLE t ADD COLUMN a text;\nCOMMIT;\n";
        assert!(lines(sql, "nested-transaction").is_empty());
        let settings = Settings {
            assume_in_transaction: true,
            ..Settings::default()
        };
        assert_eq!(lines_with(&settings, sql, "nested-transaction"), [1]);
    }
}
