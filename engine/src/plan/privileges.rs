//! Privilege, default privilege and owner changes in the plan: what they touch, what they
//! need, and their steps.

use super::dependencies::{Action, Found, ObjectId, Wanted};
use super::Step;
use crate::diff::Pair;
use crate::diff::{AclChange, AclTiming, DefaultAclChange, OwnerChange};
use crate::model::{Acl, AclObject, Catalog, Grantee};
use crate::render::ddl::privileges::{alter_owner, default_statements, object_statements};

/// Changes to an object's ACL or owner run after the object is created and before it is
/// dropped.
fn timing_action(timing: AclTiming) -> Action {
    match timing {
        AclTiming::Existing => Action::Alter,
        AclTiming::Created => Action::Create,
        AclTiming::Dropped { .. } => Action::Drop,
    }
}

pub(super) fn owner_targets(change: &OwnerChange) -> Vec<(ObjectId, Action)> {
    vec![(
        ObjectId::Owner(change.object.clone()),
        timing_action(change.timing),
    )]
}

/// The ACL of an object, or of each of its columns.
pub(super) fn acl_targets(change: &AclChange) -> Vec<(ObjectId, Action)> {
    let action = timing_action(change.timing);
    let AclObject::Table(table) = &change.object else {
        return vec![(ObjectId::Privileges(change.object.clone()), action)];
    };
    if change.columns.is_empty() {
        return vec![(ObjectId::Privileges(change.object.clone()), action)];
    }
    change
        .columns
        .iter()
        .map(|(column, _)| {
            let column = AclObject::Column(table.clone(), column.clone());
            (ObjectId::Privileges(column), action)
        })
        .collect()
}

/// The ACL and the owner of every object need the object; default privileges need their
/// schema.
pub(super) fn dependencies(catalog: &Catalog, wanted: &Wanted, deps: &mut Found) {
    let mut add = |object: AclObject, needs: ObjectId| {
        if !matches!(object, AclObject::Column(..)) {
            deps.add(wanted, &ObjectId::Owner(object.clone()), &needs);
        }
        deps.add(wanted, &ObjectId::Privileges(object), &needs);
    };
    for name in catalog.schemas.keys() {
        add(
            AclObject::Schema(name.clone()),
            ObjectId::Schema(name.clone()),
        );
    }
    for name in catalog.tables.keys() {
        add(
            AclObject::Table(name.clone()),
            ObjectId::Table(name.clone()),
        );
    }
    for name in catalog.views.keys() {
        add(AclObject::Table(name.clone()), ObjectId::View(name.clone()));
    }
    for name in catalog.sequences.keys() {
        add(
            AclObject::Sequence(name.clone()),
            ObjectId::Sequence(name.clone()),
        );
    }
    for function in catalog.functions.values() {
        add(
            AclObject::Function(function.name.clone(), function.arguments.clone()),
            ObjectId::Function(function.signature()),
        );
    }
    let types = catalog
        .enums
        .keys()
        .chain(catalog.domains.keys())
        .chain(catalog.composite_types.keys())
        .chain(catalog.range_types.keys());
    for name in types {
        add(AclObject::Type(name.clone()), ObjectId::Type(name.clone()));
    }
    for name in catalog.publications.keys() {
        add(
            AclObject::Publication(name.clone()),
            ObjectId::Publication(name.clone()),
        );
    }
    for name in catalog.statistics.keys() {
        add(
            AclObject::Statistics(name.clone()),
            ObjectId::Statistics(name.clone()),
        );
    }
    for name in catalog.text_search_dictionaries.keys() {
        add(
            AclObject::TextSearchDictionary(name.clone()),
            ObjectId::TextSearchDictionary(name.clone()),
        );
    }
    for name in catalog.text_search_configurations.keys() {
        add(
            AclObject::TextSearchConfiguration(name.clone()),
            ObjectId::TextSearchConfiguration(name.clone()),
        );
    }
    for signature in catalog.operators.keys() {
        add(
            AclObject::Operator(signature.clone()),
            ObjectId::Operator(signature.clone()),
        );
    }
    for (name, method) in catalog.operator_families.keys() {
        add(
            AclObject::OperatorFamily(name.clone(), method.clone()),
            ObjectId::OperatorFamily(name.clone(), method.clone()),
        );
    }
    for (name, method) in catalog.operator_classes.keys() {
        add(
            AclObject::OperatorClass(name.clone(), method.clone()),
            ObjectId::OperatorClass(name.clone(), method.clone()),
        );
    }
    for name in catalog.event_triggers.keys() {
        add(
            AclObject::EventTrigger(name.clone()),
            ObjectId::EventTrigger(name.clone()),
        );
    }
    for name in catalog.foreign_data_wrappers.keys() {
        add(
            AclObject::ForeignDataWrapper(name.clone()),
            ObjectId::ForeignDataWrapper(name.clone()),
        );
    }
    for name in catalog.foreign_servers.keys() {
        add(
            AclObject::ForeignServer(name.clone()),
            ObjectId::ForeignServer(name.clone()),
        );
    }
    for name in catalog.subscriptions.keys() {
        add(
            AclObject::Subscription(name.clone()),
            ObjectId::Subscription(name.clone()),
        );
    }
    // columns have no default grants: only those with grants can have changes
    for object in catalog.privileges.keys() {
        if let AclObject::Column(table, column) = object {
            add(
                object.clone(),
                ObjectId::Column(table.clone(), column.clone()),
            );
        }
    }
    for key in catalog.default_privileges.keys() {
        if let Some(schema) = &key.schema {
            let id = ObjectId::DefaultPrivileges(key.clone());
            deps.add(wanted, &id, &ObjectId::Schema(schema.clone()));
        }
    }
}

pub(super) fn acl_steps(change: &AclChange) -> Vec<Step> {
    // the statements from one side to the other, `backward` for the rollback
    let statements = |backward: bool| {
        let pick = |grants: &Pair<Acl>| {
            if backward {
                (grants.to.clone(), grants.from.clone())
            } else {
                (grants.from.clone(), grants.to.clone())
            }
        };
        let columns: Vec<(String, Acl, Acl)> = change
            .columns
            .iter()
            .map(|(column, grants)| {
                let (from, to) = pick(grants);
                (column.clone(), from, to)
            })
            .collect();
        let (from, to) = pick(&change.grants);
        object_statements(
            &change.object,
            change.procedure,
            &change.grantee,
            (&from, &to),
            &columns,
        )
    };
    let forward = statements(false);
    let backward = statements(true);
    let who = grantee_label(&change.grantee);
    let on = if change.columns.is_empty() {
        change.object.describe()
    } else {
        format!("columns of {}", change.object.describe())
    };
    vec![match change.timing {
        // the drop revokes; the rollback, which creates the object again, grants back
        AclTiming::Dropped { .. } => Step::new(
            format!("privileges of {who} on {on} go with it"),
            Vec::new(),
            backward,
        ),
        _ => Step::new(format!("privileges of {who} on {on}"), forward, backward),
    }]
}

pub(super) fn owner_steps(change: &OwnerChange) -> Vec<Step> {
    let statement =
        |role: &Option<String>| vec![alter_owner(change.keyword, &change.object, role.as_deref())];
    let on = change.object.describe();
    vec![match change.timing {
        // the rollback, which creates the object again, gives it back its owner
        AclTiming::Dropped { .. } => Step::new(
            format!("owner of {on} goes with it"),
            Vec::new(),
            statement(&change.owner.from),
        ),
        _ => Step::new(
            format!(
                "owner of {on} becomes {}",
                change
                    .owner
                    .to
                    .as_deref()
                    .map_or("the role running the plan".to_string(), |r| format!(
                        "`{r}`"
                    ))
            ),
            statement(&change.owner.to),
            statement(&change.owner.from),
        ),
    }]
}

pub(super) fn default_acl_steps(change: &DefaultAclChange) -> Vec<Step> {
    let statements = |from, to| default_statements(&change.key, &change.grantee, from, to);
    let key = &change.key;
    let mut on = format!("new {}", key.objects.keyword().to_lowercase());
    if let Some(schema) = &key.schema {
        on.push_str(&format!(" in schema `{schema}`"));
    }
    if let Some(role) = &key.role {
        on.push_str(&format!(" created by `{role}`"));
    }
    vec![Step::new(
        format!(
            "default privileges of {} on {on}",
            grantee_label(&change.grantee)
        ),
        statements(&change.grants.from, &change.grants.to),
        statements(&change.grants.to, &change.grants.from),
    )]
}

fn grantee_label(grantee: &Grantee) -> String {
    match grantee {
        Grantee::Owner => "the owner".into(),
        Grantee::Public => "PUBLIC".into(),
        Grantee::Role(name) => format!("`{name}`"),
    }
}
