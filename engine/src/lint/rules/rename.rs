//! Renaming a column or a table that existed before the file: the running application
//! still uses the old name.

use pg_query::protobuf::ObjectType;
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    let NodeEnum::RenameStmt(stmt) = check.statement.node else {
        return;
    };
    let Some(table) = check.existing(stmt.relation.as_ref()) else {
        return;
    };
    let (what, help) = match ObjectType::try_from(stmt.rename_type) {
        Ok(ObjectType::ObjectColumn) => (
            format!("column `{table}.{}`", stmt.subname),
            "add the new column, keep both in sync with a trigger, move the application, then drop the old one (what `schemadiff plan` stages for a declared rename)",
        ),
        Ok(ObjectType::ObjectTable) => (
            format!("table `{table}`"),
            "rename it and leave a view under the old name until the application uses the new one",
        ),
        _ => return,
    };
    out.add(
        HazardKind::BreaksApplication,
        check.statement.start,
        format!(
            "renaming {what} to `{}` breaks the running application, which uses the old name",
            stmt.newname
        ),
        help,
    )
    .on(&table);
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn renaming_what_existed_breaks_the_application() {
        let sql = "ALTER TABLE users RENAME COLUMN name TO full_name;\nALTER TABLE users RENAME TO customers;\n";
        assert_eq!(lines(sql, "breaks-application"), [1, 2]);
    }

    #[test]
    fn renaming_what_the_file_created_breaks_nothing() {
        let sql = "CREATE TABLE draft (id bigint);\nALTER TABLE draft RENAME COLUMN id TO key;\nALTER TABLE draft RENAME TO final;\nALTER TABLE final RENAME COLUMN key TO id;\n";
        assert!(lines(sql, "breaks-application").is_empty());
    }
}
