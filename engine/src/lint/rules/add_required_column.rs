//! Adding a NOT NULL column without a default to an existing table: it fails on the first
//! row, and the running application does not fill the column.

use pg_query::protobuf::{AlterTableType, ConstrType};

use super::{column_constraints, column_def, type_base, Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    let Some((table, cmds)) = check.alter_existing_table() else {
        return;
    };
    for cmd in cmds {
        if cmd.subtype != AlterTableType::AtAddColumn as i32 {
            continue;
        }
        let Some(column) = column_def(cmd) else {
            continue;
        };
        let mut required = column.is_not_null;
        let mut filled = column.raw_default.is_some() || type_base(column).ends_with("serial");
        for (kind, _) in column_constraints(column) {
            match kind {
                ConstrType::ConstrNotnull | ConstrType::ConstrPrimary => required = true,
                ConstrType::ConstrDefault
                | ConstrType::ConstrIdentity
                | ConstrType::ConstrGenerated => filled = true,
                _ => {}
            }
        }
        if required && !filled {
            out.add(
                HazardKind::BreaksApplication,
                check.statement.at(column.location),
                format!(
                    "adding NOT NULL column `{}` to `{table}` without a default fails if `{table}` has rows, and the running application does not fill it",
                    column.colname
                ),
                "add the column nullable (or with a default), backfill it in batches, then set NOT NULL through a validated check",
            )
            .on(&table);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn a_required_column_without_a_default_breaks() {
        let sql = "ALTER TABLE users\n  ADD COLUMN email text NOT NULL;\n";
        assert_eq!(lines(sql, "breaks-application"), [2]);
    }

    #[test]
    fn a_default_or_a_nullable_column_is_fine() {
        let sql = "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';\nALTER TABLE users ADD COLUMN bio text;\nALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;\n";
        assert!(lines(sql, "breaks-application").is_empty());
    }
}
