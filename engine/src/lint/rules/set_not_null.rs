//! `SET NOT NULL` on an existing table without a validated `CHECK (column IS NOT NULL)`:
//! every row is scanned while reads and writes wait.

use pg_query::protobuf::AlterTableType;

use super::{Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    let Some((table, cmds)) = check.alter_stored_table() else {
        return;
    };
    for cmd in cmds {
        if cmd.subtype != AlterTableType::AtSetNotNull as i32
            || check.state.proven_not_null(&table, &cmd.name)
        {
            continue;
        }
        out.add(
            HazardKind::ValidationScan,
            check.at_command(cmd),
            format!(
                "setting `{table}.{}` NOT NULL scans every row under an ACCESS EXCLUSIVE lock",
                cmd.name
            ),
            "add `CHECK (column IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` it, then `SET NOT NULL` (PostgreSQL 12+ skips the scan) and drop the check",
        )
        .on(&table);
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn set_not_null_alone_scans() {
        let sql = "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n";
        assert_eq!(lines(sql, "validation-scan"), [1]);
    }

    #[test]
    fn a_foreign_table_has_no_rows_here_to_scan_or_rewrite() {
        let sql = "ALTER FOREIGN TABLE remote_users ALTER COLUMN email SET NOT NULL, \
                   ALTER COLUMN id TYPE bigint;\n";
        assert_eq!(lines(sql, "validation-scan"), Vec::<usize>::new());
        assert_eq!(lines(sql, "table-rewrite"), Vec::<usize>::new());
        let stored = "ALTER TABLE users ALTER COLUMN id TYPE bigint;\n";
        assert_eq!(lines(stored, "table-rewrite"), [1]);
    }

    #[test]
    fn the_finding_is_on_the_line_of_its_subcommand() {
        let sql = "ALTER TABLE public.users\n  ADD COLUMN bio text,\n  ALTER COLUMN email SET NOT NULL,\n  ALTER COLUMN name SET NOT NULL;\nALTER TABLE users ALTER COLUMN x SET DEFAULT f(1, 2), ALTER COLUMN y SET NOT NULL;\n";
        assert_eq!(lines(sql, "validation-scan"), [3, 4, 5]);
    }

    #[test]
    fn a_validated_check_first_makes_it_free() {
        let sql = "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n";
        assert!(lines(sql, "validation-scan").is_empty());
    }

    #[test]
    fn a_check_never_validated_proves_nothing() {
        let sql = "ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\n";
        assert_eq!(lines(sql, "validation-scan"), [2]);
    }
}
