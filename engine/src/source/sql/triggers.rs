//! `CREATE TRIGGER`, `CREATE POLICY`, `ALTER POLICY`, and the `ALTER TABLE` commands that
//! enable or disable triggers and row-level security.

use pg_query::protobuf::{AlterPolicyStmt, AlterTableType, CreatePolicyStmt, CreateTrigStmt};

use super::references::Target;
use super::Builder;
use crate::model::{QualifiedName, TriggerEnabled};
use crate::normalize::definitions::relation_name;
use crate::normalize::trigger::{policy, trigger};

impl Builder<'_> {
    pub(super) fn create_trigger(&mut self, stmt: &CreateTrigStmt) {
        let trigger = trigger(stmt, None);
        if !self.relation_exists("trigger", &trigger.table) {
            return;
        }
        let key = (trigger.table.clone(), trigger.name.clone());
        if self.catalog.triggers.contains_key(&key) && !stmt.replace {
            return self.repeated(
                format!("trigger `{}` on `{}`", key.1, key.0),
                "created",
                0,
                "remove one of the definitions, or write CREATE OR REPLACE",
            );
        }
        self.created_at(format!("trigger `{}` on `{}`", key.1, key.0), 0);
        let function = Target::TriggerFunction(trigger.function.clone());
        self.require(function, 0, || {
            format!("trigger `{}` on `{}` executes", key.1, key.0)
        });
        self.catalog.triggers.insert(key, trigger);
    }

    pub(super) fn create_policy(&mut self, stmt: &CreatePolicyStmt) {
        let policy = policy(stmt, None);
        if !self.relation_exists("policy", &policy.table) {
            return;
        }
        let key = (policy.table.clone(), policy.name.clone());
        if self.catalog.policies.contains_key(&key) {
            return self.repeated(
                format!("policy `{}` on `{}`", key.1, key.0),
                "created",
                0,
                "remove one of the definitions",
            );
        }
        self.created_at(format!("policy `{}` on `{}`", key.1, key.0), 0);
        for expr in policy.using.iter().chain(&policy.with_check) {
            self.require_functions_called(expr, 0, || {
                format!("policy `{}` on `{}` calls", key.1, key.0)
            });
        }
        self.policy_statements.insert(key.clone(), stmt.clone());
        self.catalog.policies.insert(key, policy);
    }

    /// `ALTER POLICY` changes the clauses it names and keeps the others.
    pub(super) fn alter_policy(&mut self, stmt: &AlterPolicyStmt) {
        let table = stmt
            .table
            .as_ref()
            .map(relation_name)
            .unwrap_or_else(|| QualifiedName::new("public", ""));
        let key = (table, stmt.policy_name.clone());
        let (Some(old), Some(previous)) = (
            self.catalog.policies.get(&key),
            self.policy_statements.get(&key),
        ) else {
            return self.error(
                0,
                format!(
                    "policy `{}` on `{}` is altered but not created",
                    key.1, key.0
                ),
                "create the policy before altering it",
            );
        };
        // the CREATE POLICY with the clauses ALTER names replaced, so that one normaliser
        // builds both
        let mut create = previous.clone();
        if !stmt.roles.is_empty() {
            create.roles = stmt.roles.clone();
        }
        if stmt.qual.is_some() {
            create.qual = stmt.qual.clone();
        }
        if stmt.with_check.is_some() {
            create.with_check = stmt.with_check.clone();
        }
        let comment = old.comment.clone();
        let mut policy = policy(&create, None);
        policy.comment = comment;
        self.policy_statements.insert(key.clone(), create);
        self.catalog.policies.insert(key, policy);
    }

    /// `ENABLE/DISABLE [REPLICA|ALWAYS] TRIGGER name|ALL|USER` and the row-level security
    /// switches; true when `subtype` is one of them.
    pub(super) fn alter_table_security(
        &mut self,
        table: &QualifiedName,
        subtype: AlterTableType,
        name: &str,
    ) -> bool {
        let enabled = match subtype {
            AlterTableType::AtEnableTrig
            | AlterTableType::AtEnableTrigAll
            | AlterTableType::AtEnableTrigUser => TriggerEnabled::Origin,
            AlterTableType::AtDisableTrig
            | AlterTableType::AtDisableTrigAll
            | AlterTableType::AtDisableTrigUser => TriggerEnabled::Disabled,
            AlterTableType::AtEnableAlwaysTrig => TriggerEnabled::Always,
            AlterTableType::AtEnableReplicaTrig => TriggerEnabled::Replica,
            AlterTableType::AtEnableRowSecurity
            | AlterTableType::AtDisableRowSecurity
            | AlterTableType::AtForceRowSecurity
            | AlterTableType::AtNoForceRowSecurity => {
                if let Some(t) = self.catalog.tables.get_mut(table) {
                    match subtype {
                        AlterTableType::AtEnableRowSecurity => t.row_security = true,
                        AlterTableType::AtDisableRowSecurity => t.row_security = false,
                        AlterTableType::AtForceRowSecurity => t.force_row_security = true,
                        _ => t.force_row_security = false,
                    }
                }
                return true;
            }
            _ => return false,
        };
        let all = matches!(
            subtype,
            AlterTableType::AtEnableTrigAll
                | AlterTableType::AtDisableTrigAll
                | AlterTableType::AtEnableTrigUser
                | AlterTableType::AtDisableTrigUser
        );
        let mut found = false;
        for ((owner, trigger_name), trigger) in self.catalog.triggers.iter_mut() {
            if owner == table && (all || trigger_name == name) {
                trigger.enabled = enabled;
                found = true;
            }
        }
        if !found && !all {
            self.error(
                0,
                format!("trigger `{name}` on `{table}` does not exist"),
                "create the trigger before enabling or disabling it",
            );
        }
        true
    }

    /// A trigger or policy needs its table (or, for a trigger, view); one on a relation the
    /// model does not cover is reported as not managed.
    pub(super) fn relation_exists(&mut self, what: &str, relation: &QualifiedName) -> bool {
        if self.catalog.tables.contains_key(relation)
            || (what == "trigger" && self.catalog.views.contains_key(relation))
        {
            return true;
        }
        if !self.on_unsupported_relation(&format!("{what} on a relation not managed"), relation) {
            self.error(
                0,
                format!("{what} on `{relation}`, which is not created"),
                "create the table before it",
            );
        }
        false
    }
}
