//! An enum value added by `ALTER TYPE … ADD VALUE` and used before its transaction commits:
//! PostgreSQL refuses the use ("unsafe use of new value"), and the migration fails. Reported
//! at the `ADD VALUE`, the statement to move.

use super::{Check, Findings};
use crate::hazard::{HazardKind, Severity};

pub fn check(check: &Check, out: &mut Findings) {
    let text = check.statement.text;
    for (value, added_at) in &check.state.added_enum_values {
        let literal = format!("'{}'", value.replace('\'', "''"));
        if !text.contains(&literal) {
            continue;
        }
        let found = out.add(
            HazardKind::NonTransactional,
            *added_at,
            format!("enum value {literal} is added and then used in the same transaction, where PostgreSQL refuses it: the migration fails"),
            "commit the `ADD VALUE` before the statements that use it (a migration of its own)",
        );
        found.severity = Severity::Warning;
        found.statement = *added_at;
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn a_value_used_before_commit_fails() {
        let sql = "BEGIN;\nALTER TYPE mood ADD VALUE 'meh';\nUPDATE people SET mood = 'meh' WHERE mood IS NULL;\nCOMMIT;\n";
        assert_eq!(lines(sql, "non-transactional"), [2]);
    }

    #[test]
    fn a_value_used_after_commit_or_outside_a_transaction_is_fine() {
        let sql = "BEGIN;\nALTER TYPE mood ADD VALUE 'meh';\nCOMMIT;\nUPDATE people SET mood = 'meh' WHERE mood IS NULL;\nALTER TYPE mood ADD VALUE 'ok';\nUPDATE people SET mood = 'ok' WHERE mood IS NULL;\n";
        assert!(lines(sql, "non-transactional").is_empty());
    }
}
