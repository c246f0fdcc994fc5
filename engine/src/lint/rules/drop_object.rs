//! Dropping a table, column, schema, type, sequence or database that existed before the
//! file: its data is gone, and the running application fails on it.

use pg_query::protobuf::{AlterTableType, DropStmt, ObjectType};
use pg_query::{Node, NodeEnum};

use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::lint::state::qualified;
use crate::model::QualifiedName;

const HELP: &str = "deploy the application that no longer uses it first, keep a backup (or rename it aside and drop it later), and allow the hazard on this statement";

pub fn check(check: &Check, out: &mut Findings) {
    let statement = check.statement;
    match statement.node {
        NodeEnum::DropStmt(stmt) => {
            let Some(kind) = dropped_kind(stmt.remove_type) else {
                return;
            };
            for name in dropped_names(stmt) {
                let created = match stmt.remove_type {
                    t if t == ObjectType::ObjectSchema as i32 => {
                        check.state.created_schema(&name.name)
                    }
                    t if t == ObjectType::ObjectType as i32
                        || t == ObjectType::ObjectDomain as i32 =>
                    {
                        check.state.created_type(&name)
                    }
                    _ => check.state.created_relation(&name),
                };
                if !created {
                    let shown = if stmt.remove_type == ObjectType::ObjectSchema as i32 {
                        name.name.clone()
                    } else {
                        name.to_string()
                    };
                    out.add(
                        HazardKind::DataLoss,
                        statement.start,
                        format!(
                            "dropping {kind} `{shown}` deletes it and {}",
                            what_goes(stmt.remove_type)
                        ),
                        HELP,
                    );
                }
            }
        }
        NodeEnum::DropdbStmt(stmt) => {
            out.add(
                HazardKind::DataLoss,
                statement.start,
                format!(
                    "dropping database `{}` deletes everything in it",
                    stmt.dbname
                ),
                "a schema migration should not drop a database; do it by hand after a backup",
            );
        }
        NodeEnum::AlterTableStmt(_) => {
            let Some((table, cmds)) = check.alter_existing_table() else {
                return;
            };
            for cmd in cmds {
                if cmd.subtype == AlterTableType::AtDropColumn as i32 {
                    out.add(
                        HazardKind::DataLoss,
                        check.at_command(cmd),
                        format!("dropping column `{}` of `{table}` deletes its data, and the running application fails if it still reads it", cmd.name),
                        HELP,
                    )
                    .on(&table);
                }
            }
        }
        _ => {}
    }
}

fn dropped_kind(remove_type: i32) -> Option<&'static str> {
    Some(match ObjectType::try_from(remove_type).ok()? {
        ObjectType::ObjectTable => "table",
        ObjectType::ObjectSchema => "schema",
        ObjectType::ObjectType => "type",
        ObjectType::ObjectDomain => "domain",
        ObjectType::ObjectSequence => "sequence",
        _ => return None,
    })
}

fn what_goes(remove_type: i32) -> &'static str {
    match ObjectType::try_from(remove_type) {
        Ok(ObjectType::ObjectTable) => "every row it holds",
        Ok(ObjectType::ObjectSchema) => "whatever it holds (with CASCADE, every table in it)",
        Ok(ObjectType::ObjectType | ObjectType::ObjectDomain) => {
            "whatever uses it (with CASCADE, the columns of its type)"
        }
        Ok(ObjectType::ObjectSequence) => "its current value",
        _ => "its data",
    }
}

/// The names a `DROP` statement names, unqualified ones in `public`.
pub fn dropped_names(stmt: &DropStmt) -> Vec<QualifiedName> {
    stmt.objects.iter().filter_map(object_name).collect()
}

fn object_name(node: &Node) -> Option<QualifiedName> {
    match node.node.as_ref()? {
        NodeEnum::List(list) => qualified(&list.items),
        NodeEnum::TypeName(type_name) => qualified(&type_name.names),
        NodeEnum::ObjectWithArgs(routine) => qualified(&routine.objname),
        NodeEnum::String(name) => Some(QualifiedName::new("public", &name.sval)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn dropping_what_existed_loses_data() {
        let sql = "DROP TABLE orders;\nALTER TABLE users DROP COLUMN nickname;\nDROP SCHEMA legacy CASCADE;\nDROP TYPE mood;\nDROP DATABASE old;\n";
        assert_eq!(lines(sql, "data-loss"), [1, 2, 3, 4, 5]);
    }

    #[test]
    fn dropping_what_the_file_created_loses_nothing() {
        let sql = "CREATE TABLE scratch (id bigint, x text);\nALTER TABLE scratch DROP COLUMN x;\nDROP TABLE scratch;\nCREATE TYPE m AS ENUM ('a');\nDROP TYPE m;\n";
        assert!(lines(sql, "data-loss").is_empty());
    }

    #[test]
    fn dropping_an_index_or_a_view_loses_no_data() {
        assert!(lines("DROP INDEX i;\nDROP VIEW v;\n", "data-loss").is_empty());
    }
}
