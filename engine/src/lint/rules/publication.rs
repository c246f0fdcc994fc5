//! Dropping or renaming a publication, or taking a table out of one, that existed before the
//! file: its subscribers fail, or stop receiving those changes.

use pg_query::protobuf::{AlterPublicationAction, ObjectType};
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::normalize::definitions::string_of;
use crate::normalize::publication::published_objects;

pub fn check(check: &Check, out: &mut Findings) {
    match check.statement.node {
        NodeEnum::DropStmt(stmt)
            if ObjectType::try_from(stmt.remove_type) == Ok(ObjectType::ObjectPublication) =>
        {
            for name in stmt.objects.iter().filter_map(string_of) {
                let key = publication_key(&name);
                if check.state.creates(&key) {
                    continue;
                }
                out.add(
                    HazardKind::BreaksApplication,
                    check.statement.start,
                    format!("dropping publication `{name}` makes its subscriptions fail"),
                    "drop the subscriptions first, and allow the hazard on this statement",
                )
                .dropping(key);
            }
        }
        NodeEnum::RenameStmt(stmt)
            if ObjectType::try_from(stmt.rename_type) == Ok(ObjectType::ObjectPublication) =>
        {
            let name = stmt
                .object
                .as_deref()
                .and_then(string_of)
                .unwrap_or_default();
            if !check.state.creates(&publication_key(&name)) {
                out.add(
                    HazardKind::BreaksApplication,
                    check.statement.start,
                    format!(
                        "renaming publication `{name}` makes the subscriptions that name it fail"
                    ),
                    "alter the subscriptions to the new name right after, and allow the hazard on this statement",
                );
            }
        }
        NodeEnum::AlterPublicationStmt(stmt)
            if AlterPublicationAction::try_from(stmt.action)
                == Ok(AlterPublicationAction::ApDropObjects) =>
        {
            let (tables, _) = published_objects(&stmt.pubobjects);
            for table in tables {
                let key = published_table_key(&stmt.pubname, &table.table);
                if check.state.creates(&key) {
                    continue;
                }
                out.add(
                    HazardKind::BreaksApplication,
                    check.statement.start,
                    format!(
                        "taking `{}` out of publication `{}` stops its changes reaching the subscribers",
                        table.table, stmt.pubname
                    ),
                    "make sure no subscriber needs them, and allow the hazard on this statement",
                )
                .dropping(key);
            }
        }
        _ => {}
    }
}

/// The `State::creates` key of a publication.
pub(in crate::lint) fn publication_key(name: &str) -> String {
    format!("publication {name}")
}

/// The `State::creates` key of a table's membership of a publication.
pub(in crate::lint) fn published_table_key(
    publication: &str,
    table: &crate::model::QualifiedName,
) -> String {
    format!("publication {publication} table {table}")
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn dropping_a_publication_or_a_published_table_breaks_subscribers() {
        let sql = "DROP PUBLICATION feed;\nALTER PUBLICATION billing DROP TABLE orders;\nALTER PUBLICATION audit RENAME TO audit_log;\n";
        assert_eq!(lines(sql, "breaks-application"), [1, 2, 3]);
    }

    #[test]
    fn what_the_file_publishes_again_is_a_recreated_dependent() {
        let sql = "DROP PUBLICATION feed;\nCREATE PUBLICATION feed FOR TABLE orders;\nALTER PUBLICATION billing DROP TABLE orders;\nALTER PUBLICATION billing ADD TABLE orders (id);\n";
        assert!(lines(sql, "breaks-application").is_empty());
        assert_eq!(lines(sql, "dependents-recreated"), [1, 3]);
    }

    #[test]
    fn what_the_file_created_breaks_nothing() {
        let sql = "CREATE PUBLICATION feed FOR TABLE orders;\nALTER PUBLICATION feed DROP TABLE orders;\nDROP PUBLICATION feed;\n";
        assert!(lines(sql, "breaks-application").is_empty());
        assert!(lines(sql, "dependents-recreated").is_empty());
    }
}
