//! Steps for rewrite rules. Each takes an `ACCESS EXCLUSIVE` lock on the rule's relation. A
//! rule changes what the application's statements on its relation do: a new, replaced,
//! enabled or disabled rule on a relation the application already uses breaks what it
//! expects, and a dropped one stops what it did.

use super::{Context, Step};
use crate::diff::Change;
use crate::hazard::HazardKind;
use crate::model::{QualifiedName, Rule, TriggerEnabled};
use crate::plan::LockLevel;
use crate::render::ddl::rules as ddl;

/// The steps of a rule change.
pub(super) fn steps(change: &Change, context: &Context) -> Vec<Step> {
    let in_use = |table: &QualifiedName| {
        let catalogs = context.catalogs();
        let has = |catalog: &crate::model::Catalog| {
            catalog.tables.contains_key(table) || catalog.views.contains_key(table)
        };
        has(catalogs.from) && has(catalogs.to)
    };
    let step = match change {
        Change::CreateRule(rule) => {
            let step = Step::new(
                format!("create rule `{}` on `{}`", rule.name, rule.table),
                ddl::create_rule(rule),
                vec![ddl::drop_rule(&rule.table, &rule.name)],
            );
            // one created again around other changes does what it did
            let existed = (context.catalogs().from.rules)
                .contains_key(&(rule.table.clone(), rule.name.clone()));
            if in_use(&rule.table) && !existed {
                step.hazard(
                    HazardKind::BreaksApplication,
                    format!(
                        "{} on `{}` {} once rule `{}` is created",
                        statements(rule),
                        rule.table,
                        if rule.instead {
                            "do something else"
                        } else {
                            "do more"
                        },
                        rule.name
                    ),
                )
            } else {
                step
            }
        }
        Change::DropRule { rule, recreated } => {
            let step = Step::new(
                format!("drop rule `{}` on `{}`", rule.name, rule.table),
                vec![ddl::drop_rule(&rule.table, &rule.name)],
                ddl::create_rule(rule),
            );
            if *recreated {
                step.hazard(
                    HazardKind::DependentsRecreated,
                    format!(
                        "rule `{}` on `{}` is dropped and created again; {} in between run without it unless the plan runs in one transaction",
                        rule.name,
                        rule.table,
                        statements(rule)
                    ),
                )
            } else {
                step.hazard(
                    HazardKind::BreaksApplication,
                    format!(
                        "what rule `{}` does to {} on `{}` stops once it is dropped",
                        rule.name,
                        statements(rule),
                        rule.table
                    ),
                )
            }
        }
        Change::ReplaceRule(rule) => Step::new(
            format!("replace rule `{}` on `{}`", rule.to.name, rule.to.table),
            vec![ddl::replace_rule(&rule.to)],
            vec![ddl::replace_rule(&rule.from)],
        )
        .hazard(
            HazardKind::BreaksApplication,
            format!(
                "{} on `{}` do what rule `{}` now says once it is replaced",
                statements(&rule.to),
                rule.to.table,
                rule.to.name
            ),
        ),
        Change::SetRuleEnabled {
            table,
            name,
            enabled,
        } => Step::new(
            format!("{} rule `{name}` on `{table}`", verb(enabled.to)),
            vec![ddl::set_rule_enabled(table, name, enabled.to)],
            vec![ddl::set_rule_enabled(table, name, enabled.from)],
        )
        .hazard(
            HazardKind::BreaksApplication,
            format!(
                "statements on `{table}` {} rule `{name}` once it is {}",
                if enabled.to == TriggerEnabled::Disabled {
                    "no longer go through"
                } else {
                    "go through"
                },
                match enabled.to {
                    TriggerEnabled::Disabled => "disabled",
                    _ => "enabled",
                }
            ),
        ),
        _ => return Vec::new(),
    };
    vec![step.lock(LockLevel::AccessExclusive)]
}

/// The statements a rule rewrites: "`INSERT`s".
fn statements(rule: &Rule) -> String {
    format!("`{}`s", rule.event)
}

/// What an enabled-state change does, for descriptions.
pub(super) fn verb(enabled: TriggerEnabled) -> &'static str {
    match enabled {
        TriggerEnabled::Origin => "enable",
        TriggerEnabled::Disabled => "disable",
        TriggerEnabled::Replica => "enable for replicas only",
        TriggerEnabled::Always => "always enable",
    }
}
