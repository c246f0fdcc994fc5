//! Creating, replacing, dropping, enabling or disabling a rewrite rule on a relation that
//! existed before the file: the application's statements on it start or stop doing what the
//! rule says.

use pg_query::protobuf::{AlterTableType, CmdType, ObjectType};
use pg_query::NodeEnum;

use super::{commands, Check, Findings};
use crate::hazard::HazardKind;
use crate::lint::state::qualified;
use crate::normalize::definitions::string_of;
use crate::normalize::rule::event_name;

pub fn check(check: &Check, out: &mut Findings) {
    let state = check.state;
    match check.statement.node {
        NodeEnum::RuleStmt(stmt) => {
            let Some(table) = state.existing(stmt.relation.as_ref()) else {
                return;
            };
            if CmdType::try_from(stmt.event) == Ok(CmdType::CmdSelect) {
                return;
            }
            out.add(
                HazardKind::BreaksApplication,
                check.statement.start,
                format!(
                    "rule `{}` changes what `{}`s on `{table}` do",
                    stmt.rulename,
                    event_name(stmt.event)
                ),
                "deploy the application that expects it first, and allow the hazard on this statement",
            );
        }
        NodeEnum::DropStmt(stmt)
            if ObjectType::try_from(stmt.remove_type) == Ok(ObjectType::ObjectRule) =>
        {
            for node in &stmt.objects {
                let Some(NodeEnum::List(list)) = &node.node else {
                    continue;
                };
                let Some((rule, table)) = list.items.split_last() else {
                    continue;
                };
                let Some(table) = qualified(table).filter(|t| !state.created_relation(t)) else {
                    continue;
                };
                let rule = string_of(rule).unwrap_or_default();
                out.add(
                    HazardKind::BreaksApplication,
                    check.statement.start,
                    format!("dropping rule `{rule}` on `{table}` stops what it did to the statements on it, which the application may rely on"),
                    "deploy the application that no longer needs it first, and allow the hazard on this statement",
                )
                .dropping(rule_key(&rule, &table));
            }
        }
        NodeEnum::AlterTableStmt(stmt) => {
            let Some(table) = state.existing(stmt.relation.as_ref()) else {
                return;
            };
            for cmd in commands(stmt) {
                let switched = matches!(
                    AlterTableType::try_from(cmd.subtype),
                    Ok(AlterTableType::AtEnableRule
                        | AlterTableType::AtDisableRule
                        | AlterTableType::AtEnableReplicaRule
                        | AlterTableType::AtEnableAlwaysRule)
                );
                if switched {
                    out.add(
                        HazardKind::BreaksApplication,
                        check.statement.start,
                        format!(
                            "enabling or disabling rule `{}` changes what the statements on `{table}` do",
                            cmd.name
                        ),
                        "deploy the application that expects it first, and allow the hazard on this statement",
                    );
                }
            }
        }
        _ => {}
    }
}

/// The `State::creates` key of a rule.
pub(in crate::lint) fn rule_key(rule: &str, table: &crate::model::QualifiedName) -> String {
    format!("rule {rule} on {table}")
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn rules_on_existing_relations_change_what_statements_do() {
        let sql = "CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;\nDROP RULE old ON t;\nALTER TABLE t DISABLE RULE r;\n";
        assert_eq!(lines(sql, "breaks-application"), [1, 2, 3]);
    }

    #[test]
    fn rules_on_new_tables_break_nothing() {
        let sql = "CREATE TABLE t (a int);\nCREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;\nALTER TABLE t DISABLE RULE r;\nDROP RULE r ON t;\n";
        assert!(lines(sql, "breaks-application").is_empty());
    }

    #[test]
    fn a_rule_dropped_and_created_again_is_a_recreated_dependent() {
        let sql = "DROP RULE r ON t;\nCREATE TABLE u (a int);\nCREATE RULE r AS ON DELETE TO t DO INSTEAD DELETE FROM u;\n";
        assert_eq!(lines(sql, "dependents-recreated"), [1]);
    }
}
