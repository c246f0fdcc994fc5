//! `CREATE [OR REPLACE] RULE`, and the `ALTER TABLE` commands that enable or disable rules.
//! `DROP RULE` and `ALTER RULE … RENAME` are in `drops.rs`, `COMMENT ON RULE` in
//! `comments.rs`.

use pg_query::protobuf::{AlterTableType, CmdType, RuleStmt};

use super::Builder;
use crate::model::{QualifiedName, TriggerEnabled};
use crate::normalize::definitions::relation_name;
use crate::normalize::rule::{renamed as renamed_rule, rule as rule_of};

impl Builder<'_> {
    pub(super) fn create_rule(&mut self, stmt: &RuleStmt) {
        let location = stmt.relation.as_ref().map_or(0, |r| r.location);
        if CmdType::try_from(stmt.event) == Ok(CmdType::CmdSelect) {
            let table = stmt
                .relation
                .as_ref()
                .map(relation_name)
                .unwrap_or_else(|| QualifiedName::new("public", ""));
            return self.error(
                location,
                format!(
                    "rule `{}` on `{table}` is ON SELECT, which makes a view",
                    stmt.rulename
                ),
                "write CREATE VIEW instead",
            );
        }
        let rule = rule_of(stmt, |name| self.relation_columns(name), None);
        let table = &rule.table;
        let managed = self.catalog.tables.contains_key(table)
            || self
                .catalog
                .views
                .get(table)
                .is_some_and(|v| !v.materialized);
        if !managed {
            if !self.on_unsupported_relation("rule on a relation not managed", table) {
                self.error(
                    location,
                    format!("rule `{}` on `{table}`, which is not created", rule.name),
                    "create the table or view before the rule",
                );
            }
            return;
        }
        let key = (table.clone(), rule.name.clone());
        let label = format!("rule `{}` on `{}`", key.1, key.0);
        let old = self.catalog.rules.get(&key);
        if old.is_some() && !stmt.replace {
            return self.repeated(
                label,
                "created",
                0,
                "remove one of the definitions, or write CREATE OR REPLACE",
            );
        }
        // CREATE OR REPLACE keeps the rule's enabled state and comment
        let kept = old.map(|old| (old.enabled, old.comment.clone()));
        self.created_at(label.clone(), 0);
        self.require_relations(&rule.reads, &rule.definition, || format!("{label} names"));
        self.require_functions_called(&rule.definition, 0, || format!("{label} calls"));
        let mut rule = rule;
        if let Some((enabled, comment)) = kept {
            rule.enabled = enabled;
            rule.comment = comment;
        }
        self.catalog.rules.insert(key, rule);
    }

    /// `ALTER RULE old ON table RENAME TO new`.
    pub(super) fn rename_rule(&mut self, table: QualifiedName, old: &str, new: &str) {
        let key = (table, old.to_string());
        let Some(rule) = self.catalog.rules.shift_remove(&key) else {
            return self.error(
                0,
                format!("rule `{old}` on `{}` is renamed but not created", key.0),
                "check the rule and table names",
            );
        };
        let renamed = renamed_rule(&rule, &key.0, new);
        self.catalog.rules.insert((key.0, new.to_string()), renamed);
    }

    /// The columns of a table or view of the file, in order.
    fn relation_columns(&self, name: &QualifiedName) -> Option<Vec<String>> {
        let catalog = &self.catalog;
        catalog
            .tables
            .get(name)
            .map(|t| {
                let mut columns: Vec<_> = t.columns.values().collect();
                columns.sort_by_key(|c| c.position);
                columns.into_iter().map(|c| c.name.clone()).collect()
            })
            .or_else(|| catalog.views.get(name).map(|v| v.columns.clone()))
    }

    /// `ENABLE/DISABLE [REPLICA|ALWAYS] RULE name`; true when `subtype` is one of them.
    pub(super) fn alter_table_rule(
        &mut self,
        table: &QualifiedName,
        subtype: AlterTableType,
        name: &str,
    ) -> bool {
        let enabled = match subtype {
            AlterTableType::AtEnableRule => TriggerEnabled::Origin,
            AlterTableType::AtDisableRule => TriggerEnabled::Disabled,
            AlterTableType::AtEnableReplicaRule => TriggerEnabled::Replica,
            AlterTableType::AtEnableAlwaysRule => TriggerEnabled::Always,
            _ => return false,
        };
        match self
            .catalog
            .rules
            .get_mut(&(table.clone(), name.to_string()))
        {
            Some(rule) => rule.enabled = enabled,
            None => self.error(
                0,
                format!("rule `{name}` on `{table}` does not exist"),
                "create the rule before enabling or disabling it",
            ),
        }
        true
    }
}
