//! `CREATE [OR REPLACE] RULE`, `DROP RULE` and `ALTER TABLE … ENABLE/DISABLE RULE`.

use super::comment_sql;
use crate::diff::CommentTarget;
use crate::model::{QualifiedName, Rule, TriggerEnabled};
use crate::render::quote::quote_ident;

/// `CREATE RULE …`, its enabled state when not the default, and its comment.
pub fn create_rule(rule: &Rule) -> Vec<String> {
    let mut statements = vec![rule.definition.sql.clone()];
    if rule.enabled != TriggerEnabled::Origin {
        statements.push(set_rule_enabled(&rule.table, &rule.name, rule.enabled));
    }
    statements.extend(comment_sql(
        CommentTarget::Rule(rule.table.clone(), rule.name.clone()),
        &rule.comment,
    ));
    statements
}

/// `CREATE OR REPLACE RULE …`: the rule keeps its enabled state and comment.
pub fn replace_rule(rule: &Rule) -> String {
    let sql = &rule.definition.sql;
    let rest = sql
        .get(..7)
        .filter(|start| start.eq_ignore_ascii_case("CREATE "))
        .map_or(sql.as_str(), |_| &sql[7..]);
    format!("CREATE OR REPLACE {}", rest.trim_start())
}

pub fn drop_rule(table: &QualifiedName, name: &str) -> String {
    format!("DROP RULE {} ON {table}", quote_ident(name))
}

pub fn set_rule_enabled(table: &QualifiedName, name: &str, enabled: TriggerEnabled) -> String {
    let action = match enabled {
        TriggerEnabled::Origin => "ENABLE",
        TriggerEnabled::Disabled => "DISABLE",
        TriggerEnabled::Replica => "ENABLE REPLICA",
        TriggerEnabled::Always => "ENABLE ALWAYS",
    };
    format!("ALTER TABLE {table} {action} RULE {}", quote_ident(name))
}
