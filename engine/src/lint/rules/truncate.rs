//! `TRUNCATE` of an existing table in a migration; with `CASCADE`, every table that refers
//! to it is emptied too, including ones the statement does not name.

use pg_query::protobuf::DropBehavior;
use pg_query::NodeEnum;

use super::{Check, Findings};
use crate::hazard::HazardKind;

pub fn check(check: &Check, out: &mut Findings) {
    let NodeEnum::TruncateStmt(stmt) = check.statement.node else {
        return;
    };
    let cascade = stmt.behavior == DropBehavior::DropCascade as i32;
    for node in &stmt.relations {
        let Some(NodeEnum::RangeVar(relation)) = &node.node else {
            continue;
        };
        let Some(table) = check.existing(Some(relation)) else {
            continue;
        };
        let (message, help) = if cascade {
            (
                format!("`TRUNCATE … CASCADE` deletes every row of `{table}` and of every table with a foreign key to it, named or not"),
                "name every table to empty and drop `CASCADE`, so that the statement fails rather than empties a table nobody meant",
            )
        } else {
            (
                format!("truncating `{table}` deletes every row it holds"),
                "move data changes out of the schema migration, or allow the hazard on this statement",
            )
        };
        out.add(
            HazardKind::DataLoss,
            check.statement.at(relation.location),
            message,
            help,
        )
        .on(&table);
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn truncate_deletes_and_cascade_reaches_further() {
        let sql = "TRUNCATE sessions;\nTRUNCATE users CASCADE;\n";
        assert_eq!(lines(sql, "data-loss"), [1, 2]);
    }
}
