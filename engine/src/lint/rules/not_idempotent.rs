//! Statements that fail when the migration runs a second time (after a partial failure
//! outside a transaction, say). Off unless the team asks for robust migrations.

use pg_query::protobuf::{AlterTableType, ObjectType};
use pg_query::NodeEnum;

use super::{commands, Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    if !check.settings.require_idempotent {
        return;
    }
    let (what, fix) = match check.statement.node {
        NodeEnum::CreateStmt(stmt) if !stmt.if_not_exists => ("CREATE TABLE", "IF NOT EXISTS"),
        NodeEnum::IndexStmt(stmt) if !stmt.if_not_exists => ("CREATE INDEX", "IF NOT EXISTS"),
        NodeEnum::CreateSchemaStmt(stmt) if !stmt.if_not_exists => {
            ("CREATE SCHEMA", "IF NOT EXISTS")
        }
        NodeEnum::CreateSeqStmt(stmt) if !stmt.if_not_exists => {
            ("CREATE SEQUENCE", "IF NOT EXISTS")
        }
        NodeEnum::CreateFunctionStmt(stmt) if !stmt.replace => ("CREATE FUNCTION", "OR REPLACE"),
        NodeEnum::ViewStmt(stmt) if !stmt.replace => ("CREATE VIEW", "OR REPLACE"),
        NodeEnum::DropStmt(stmt) if !stmt.missing_ok => (drop_verb(stmt.remove_type), "IF EXISTS"),
        NodeEnum::AlterTableStmt(stmt) => {
            let fragile =
                commands(stmt).into_iter().find_map(|cmd| {
                    match AlterTableType::try_from(cmd.subtype).ok()? {
                        AlterTableType::AtAddColumn if !cmd.missing_ok => {
                            Some(("ADD COLUMN", "IF NOT EXISTS"))
                        }
                        AlterTableType::AtDropColumn if !cmd.missing_ok => {
                            Some(("DROP COLUMN", "IF EXISTS"))
                        }
                        AlterTableType::AtDropConstraint if !cmd.missing_ok => {
                            Some(("DROP CONSTRAINT", "IF EXISTS"))
                        }
                        _ => None,
                    }
                });
            match fragile {
                Some(found) => found,
                None => return,
            }
        }
        _ => return,
    };
    out.add(
        HazardKind::NotIdempotent,
        check.statement.start,
        format!("`{what}` without `{fix}` fails when the migration runs again"),
        &format!("write `{fix}` so that a rerun after a partial failure goes through"),
    );
}

fn drop_verb(remove_type: i32) -> &'static str {
    match ObjectType::try_from(remove_type) {
        Ok(ObjectType::ObjectTable) => "DROP TABLE",
        Ok(ObjectType::ObjectIndex) => "DROP INDEX",
        Ok(ObjectType::ObjectView) => "DROP VIEW",
        Ok(ObjectType::ObjectSchema) => "DROP SCHEMA",
        Ok(ObjectType::ObjectType) => "DROP TYPE",
        Ok(ObjectType::ObjectSequence) => "DROP SEQUENCE",
        _ => "DROP",
    }
}

#[cfg(test)]
mod tests {
    use super::super::{lines, lines_with};
    use crate::lint::Settings;

    const SQL: &str = "CREATE TABLE t (id bigint);\nCREATE TABLE IF NOT EXISTS u (id bigint);\nALTER TABLE t ADD COLUMN a text;\nDROP TABLE IF EXISTS v;\nDROP INDEX i;\n";

    #[test]
    fn fragile_statements_are_found_when_asked() {
        let settings = Settings {
            require_idempotent: true,
            ..Settings::default()
        };
        assert_eq!(lines_with(&settings, SQL, "not-idempotent"), [1, 3, 5]);
    }

    #[test]
    fn nothing_is_reported_unless_asked() {
        assert!(lines(SQL, "not-idempotent").is_empty());
    }
}
