//! Triggers, row-level security and policies. A trigger changes only by being dropped and
//! created; a policy is altered in place while its command and kind stay and no clause goes
//! away. Both are also dropped and created around what the server refuses to change under
//! them: a column they use changing type, a view they are on being recreated, a function
//! they call being dropped and created.

use std::collections::HashSet;

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, Policy, PublishedTable, QualifiedName, Rule, Trigger};
use crate::normalize::rule::columns_used;

/// What is rebuilt around the changes of other objects.
pub(super) struct Rebuilt {
    /// Columns dropped, retyped or converted to a recreated enum.
    columns: HashSet<(QualifiedName, String)>,
    /// Tables with such a column, and views dropped and created.
    relations: HashSet<QualifiedName>,
    /// Views dropped and created.
    views: HashSet<QualifiedName>,
    /// Functions dropped and created (their interface changes), by name.
    functions: HashSet<QualifiedName>,
}

impl Rebuilt {
    pub(super) fn new(catalogs: &Pair<&Catalog>, recreated_views: &HashSet<QualifiedName>) -> Self {
        let mut columns = HashSet::new();
        for table in catalogs.from.tables.values() {
            let Some(new) = catalogs.to.tables.get(&table.name) else {
                continue;
            };
            for column in table.columns.values() {
                let reshaped = new.columns.get(&column.name).is_none_or(|n| {
                    n.type_name != column.type_name || n.generated != column.generated
                });
                if reshaped {
                    columns.insert((table.name.clone(), column.name.clone()));
                }
            }
        }
        columns.extend(super::objects::converted_columns(catalogs));
        let mut relations: HashSet<QualifiedName> =
            columns.iter().map(|(table, _)| table.clone()).collect();
        relations.extend(recreated_views.iter().cloned());
        Rebuilt {
            columns,
            relations,
            views: recreated_views.clone(),
            functions: super::objects::recreated_function_names(catalogs),
        }
    }

    fn trigger(&self, trigger: &Trigger, views: &Pair<&Catalog>) -> bool {
        let on_recreated_view = views.from.views.contains_key(&trigger.table)
            && self.relations.contains(&trigger.table);
        on_recreated_view
            || self.functions.contains(&trigger.function)
            || trigger
                .columns
                .iter()
                .any(|c| self.columns.contains(&(trigger.table.clone(), c.clone())))
    }

    /// Whether a column that a publication's column list names or its row filter reads is
    /// reshaped: the server refuses to change its type under the publication.
    pub(super) fn published_column(&self, published: &PublishedTable) -> bool {
        let columns = published.columns.iter().flatten();
        columns
            .chain(&published.filter_columns)
            .any(|c| self.columns.contains(&(published.table.clone(), c.clone())))
    }

    /// Whether a rule must be dropped and created: the server refuses to change the
    /// columns of the relations it names under it, or to drop a view or function it uses.
    pub(super) fn rule(&self, rule: &Rule) -> bool {
        let relations: Vec<&QualifiedName> =
            std::iter::once(&rule.table).chain(&rule.reads).collect();
        if !relations.iter().any(|r| self.relations.contains(*r)) {
            return super::objects::calls_any(&rule.definition, &self.functions);
        }
        // by name: a column of one relation may be spelled like another's
        let used = columns_used(rule);
        relations.iter().any(|r| self.views.contains(*r))
            || self.columns.iter().any(|(table, column)| {
                relations.contains(&table)
                    && used.as_ref().is_none_or(|names| names.contains(column))
            })
            || super::objects::calls_any(&rule.definition, &self.functions)
    }

    fn policy(&self, policy: &Policy) -> bool {
        policy.reads.iter().any(|r| self.relations.contains(r))
            || policy
                .columns
                .iter()
                .any(|c| self.columns.contains(&(policy.table.clone(), c.clone())))
            || policy
                .using
                .iter()
                .chain(&policy.with_check)
                .any(|expr| super::objects::calls_any(expr, &self.functions))
    }
}

pub(super) fn diff_triggers(catalogs: &Pair<&Catalog>, rebuilt: &Rebuilt, out: &mut Vec<Change>) {
    for (key, trigger) in &catalogs.to.triggers {
        let Some(old) = catalogs.from.triggers.get(key) else {
            out.push(Change::CreateTrigger(trigger.clone()));
            continue;
        };
        if old.definition != trigger.definition || rebuilt.trigger(old, catalogs) {
            out.push(Change::DropTrigger {
                trigger: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateTrigger(trigger.clone()));
            continue;
        }
        if old.enabled != trigger.enabled {
            out.push(Change::SetTriggerEnabled {
                table: trigger.table.clone(),
                name: trigger.name.clone(),
                enabled: Pair::new(old.enabled, trigger.enabled),
            });
        }
        diff_comment(
            CommentTarget::Trigger(key.0.clone(), key.1.clone()),
            Pair::new(&old.comment, &trigger.comment),
            out,
        );
    }
    for (key, trigger) in &catalogs.from.triggers {
        if !catalogs.to.triggers.contains_key(key) {
            out.push(Change::DropTrigger {
                trigger: trigger.clone(),
                recreated: false,
            });
        }
    }
}

/// `ENABLE`/`FORCE ROW LEVEL SECURITY` of tables on both sides, and of new tables.
pub(super) fn diff_row_security(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for table in catalogs.to.tables.values() {
        let (enabled, forced) = catalogs
            .from
            .tables
            .get(&table.name)
            .map_or((false, false), |t| (t.row_security, t.force_row_security));
        if (enabled, forced) != (table.row_security, table.force_row_security) {
            out.push(Change::SetRowSecurity {
                table: table.name.clone(),
                enabled: Pair::new(enabled, table.row_security),
                forced: Pair::new(forced, table.force_row_security),
            });
        }
    }
}

pub(super) fn diff_policies(catalogs: &Pair<&Catalog>, rebuilt: &Rebuilt, out: &mut Vec<Change>) {
    for (key, policy) in &catalogs.to.policies {
        let Some(old) = catalogs.from.policies.get(key) else {
            out.push(Change::CreatePolicy(policy.clone()));
            continue;
        };
        let mut same_comment = old.clone();
        same_comment.comment.clone_from(&policy.comment);
        if same_comment != *policy || rebuilt.policy(old) {
            // ALTER POLICY can change roles and expressions, but cannot remove a clause (and
            // so could not roll an added one back)
            let alterable = old.command == policy.command
                && old.permissive == policy.permissive
                && old.using.is_some() == policy.using.is_some()
                && old.with_check.is_some() == policy.with_check.is_some()
                && !rebuilt.policy(old);
            if !alterable {
                out.push(Change::DropPolicy {
                    policy: old.clone(),
                    recreated: true,
                });
                out.push(Change::CreatePolicy(policy.clone()));
                continue;
            }
            out.push(Change::AlterPolicy(Pair::boxed(
                old.clone(),
                policy.clone(),
            )));
        }
        diff_comment(
            CommentTarget::Policy(key.0.clone(), key.1.clone()),
            Pair::new(&old.comment, &policy.comment),
            out,
        );
    }
    for (key, policy) in &catalogs.from.policies {
        if !catalogs.to.policies.contains_key(key) {
            out.push(Change::DropPolicy {
                policy: policy.clone(),
                recreated: false,
            });
        }
    }
}
