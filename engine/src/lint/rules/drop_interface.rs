//! Dropping a view, materialized view, function, procedure, aggregate or trigger that
//! existed before the file: the running application may read, call or rely on it.

use pg_query::protobuf::ObjectType;
use pg_query::NodeEnum;

use super::drop_object::dropped_names;
use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::lint::state::qualified;
use crate::normalize::definitions::string_of;

pub fn check(check: &Check, out: &mut Findings) {
    let NodeEnum::DropStmt(stmt) = check.statement.node else {
        return;
    };
    let state = check.state;
    let kind = match ObjectType::try_from(stmt.remove_type) {
        Ok(ObjectType::ObjectView) => "view",
        Ok(ObjectType::ObjectMatview) => "materialized view",
        Ok(ObjectType::ObjectFunction) => "function",
        Ok(ObjectType::ObjectProcedure) => "procedure",
        Ok(ObjectType::ObjectAggregate) => "aggregate",
        Ok(ObjectType::ObjectRoutine) => "routine",
        Ok(ObjectType::ObjectTrigger) => {
            for node in &stmt.objects {
                let Some(NodeEnum::List(list)) = &node.node else {
                    continue;
                };
                let Some((trigger, table)) = list.items.split_last() else {
                    continue;
                };
                let Some(table) = qualified(table).filter(|t| !state.created_relation(t)) else {
                    continue;
                };
                let trigger = string_of(trigger).unwrap_or_default();
                out.add(
                    HazardKind::BreaksApplication,
                    check.statement.start,
                    format!("dropping trigger `{trigger}` on `{table}` stops what it did on every write, which the application may rely on"),
                    "deploy the application that no longer needs it first, and allow the hazard on this statement",
                )
                .dropping(format!("trigger {trigger} on {table}"));
            }
            return;
        }
        _ => return,
    };
    let routine = !matches!(kind, "view" | "materialized view");
    for name in dropped_names(stmt) {
        let created = if routine {
            state.created_routine(&name)
        } else {
            state.created_relation(&name)
        };
        if created {
            continue;
        }
        out.add(
            HazardKind::BreaksApplication,
            check.statement.start,
            format!("dropping {kind} `{name}` breaks the running application if it still uses it"),
            "deploy the application that no longer uses it first, or replace it in place (`CREATE OR REPLACE`), and allow the hazard on this statement",
        )
        .dropping(if routine {
            format!("routine {name}")
        } else {
            format!("relation {name}")
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn dropping_what_the_application_uses_breaks_it() {
        let sql = "DROP VIEW order_totals;\nDROP FUNCTION total(bigint);\nDROP TRIGGER audit ON orders;\nDROP MATERIALIZED VIEW stats;\n";
        assert_eq!(lines(sql, "breaks-application"), [1, 2, 3, 4]);
    }

    #[test]
    fn dropping_what_the_file_created_breaks_nothing() {
        let sql = "CREATE VIEW v AS SELECT 1;\nDROP VIEW v;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION f();\nCREATE TABLE t (a int);\nDROP TRIGGER x ON t;\n";
        assert!(lines(sql, "breaks-application").is_empty());
    }

    #[test]
    fn dropping_and_creating_again_recreates_a_dependent() {
        let sql = "DROP VIEW order_totals;\nALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);\nCREATE VIEW order_totals AS SELECT sum(total) FROM orders;\n";
        assert!(lines(sql, "breaks-application").is_empty());
        assert_eq!(lines(sql, "dependents-recreated"), [1]);
    }
}
