//! `DROP NOT NULL` on an existing table: the running application may not expect NULLs, and
//! once one is written the change cannot be rolled back.

use pg_query::protobuf::AlterTableType;

use super::{Check, Findings};
use crate::hazard::{HazardKind, Severity};

pub fn check(check: &Check, out: &mut Findings) {
    let Some((table, cmds)) = check.alter_existing_table() else {
        return;
    };
    for cmd in cmds {
        if cmd.subtype != AlterTableType::AtDropNotNull as i32 {
            continue;
        }
        out.add(
            HazardKind::BreaksApplication,
            check.at_command(cmd),
            format!("dropping NOT NULL from `{table}.{}` lets NULLs in that the running application may not expect, and the rollback fails once one is written", cmd.name),
            "deploy the application that handles NULLs first, and allow the hazard on this statement",
        )
        .severity = Severity::Warning;
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn dropping_not_null_may_break_readers() {
        let sql = "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n";
        assert_eq!(lines(sql, "breaks-application"), [1]);
    }
}
