//! Rewrite rules: created, dropped, replaced in place (`CREATE OR REPLACE RULE` changes the
//! event, condition and actions), enabled or disabled. A rule is dropped and created around
//! what the server refuses to change under it or drops with it: its table recreated or
//! replaced by a view (or the reverse), a column it uses (by name, or any when it uses whole
//! rows) of its relation or of one it names reshaped, a view it is on or names recreated, a
//! function it calls dropped and created.

use super::triggers::Rebuilt;
use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, Rule};

pub(super) fn diff_rules(catalogs: &Pair<&Catalog>, rebuilt: &Rebuilt, out: &mut Vec<Change>) {
    if catalogs.from.rules.is_empty() && catalogs.to.rules.is_empty() {
        return;
    }
    let recreated = super::tables::recreated_tables(catalogs);
    let rebuilt_under = |rule: &Rule| {
        let table = &rule.table;
        recreated.contains(table)
            || catalogs.from.tables.contains_key(table) != catalogs.to.tables.contains_key(table)
            || rebuilt.rule(rule)
    };
    for (key, rule) in &catalogs.to.rules {
        let Some(old) = catalogs.from.rules.get(key) else {
            out.push(Change::CreateRule(rule.clone()));
            continue;
        };
        if rebuilt_under(old) {
            out.push(Change::DropRule {
                rule: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateRule(rule.clone()));
            continue;
        }
        if old.definition != rule.definition {
            out.push(Change::ReplaceRule(Pair::boxed(old.clone(), rule.clone())));
        }
        if old.enabled != rule.enabled {
            out.push(Change::SetRuleEnabled {
                table: rule.table.clone(),
                name: rule.name.clone(),
                enabled: Pair::new(old.enabled, rule.enabled),
            });
        }
        diff_comment(
            CommentTarget::Rule(key.0.clone(), key.1.clone()),
            Pair::new(&old.comment, &rule.comment),
            out,
        );
    }
    for (key, rule) in &catalogs.from.rules {
        if !catalogs.to.rules.contains_key(key) {
            out.push(Change::DropRule {
                rule: rule.clone(),
                recreated: false,
            });
        }
    }
}
