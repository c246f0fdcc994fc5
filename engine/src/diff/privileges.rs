//! Privileges and default privileges, compared as sets of grants per grantee: what is on
//! both sides is left alone, so a plan never revokes and grants back what does not change.
//! Owners (with `--owners`) follow the same lifecycle.
//!
//! An object the plan creates starts with what the server will give it: the default
//! privileges of the desired state for the role running the plan (default privilege
//! changes run before anything is created). An object dropped takes its grants with it;
//! the rollback, which creates it again, restores them (a change whose forward is the
//! drop's). An object dropped and created again (a view or function recreated, an enum
//! rebuilt, a column rebuilt) is both.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use super::{Change, Pair};
use crate::model::privileges::grants_of;
use crate::model::{Acl, AclObject, Catalog, DefaultAclKey, Grantee, QualifiedName};

/// When privilege and owner changes on an object run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AclTiming {
    /// The object exists before and after.
    Existing,
    /// After the plan creates the object.
    Created,
    /// Before the plan drops the object (and creates it again, if `recreated`): the drop
    /// revokes, the rollback grants back.
    Dropped { recreated: bool },
}

/// The grants of one grantee on one object change, or on columns of one table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AclChange {
    /// The object, or the table whose `columns` change.
    pub object: AclObject,
    /// Picks `PROCEDURE` over `FUNCTION`.
    pub procedure: bool,
    pub grantee: Grantee,
    /// This grantee's grants on the object on each side (empty for column changes).
    pub grants: Pair<Acl>,
    /// This grantee's grants on each column that changes, by column name.
    pub columns: Vec<(String, Pair<Acl>)>,
    pub timing: AclTiming,
}

/// Who owns an object changes, or an object the plan creates or drops has an owner other
/// than the role running the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OwnerChange {
    pub object: AclObject,
    /// What `ALTER … OWNER TO` names the object: `TABLE`, `VIEW`, `FUNCTION`…
    pub keyword: &'static str,
    /// `None`: the role running the plan.
    pub owner: Pair<Option<String>>,
    pub timing: AclTiming,
}

/// The default privileges of one grantee under one key change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DefaultAclChange {
    pub key: DefaultAclKey,
    pub grantee: Grantee,
    pub grants: Pair<Acl>,
}

/// The privilege changes, given the changes to the objects themselves.
pub(super) fn diff_privileges(catalogs: &Pair<&Catalog>, changes: &[Change]) -> Vec<Change> {
    let mut out = Vec::new();
    diff_default_privileges(catalogs, &mut out);
    let (created, dropped) = lifecycle(changes);
    let initial = |object: &AclObject| catalogs.to.initial_acl(object, None);
    let is_procedure = |object: &AclObject| match object {
        AclObject::Function(name, arguments) => [catalogs.from, catalogs.to].iter().any(|c| {
            c.functions
                .get(&format!("{name}({arguments})"))
                .is_some_and(|f| f.procedure)
        }),
        _ => false,
    };
    // a grantee's column changes on one table become one change
    let mut column_changes: BTreeMap<(QualifiedName, Grantee, AclTiming), Vec<_>> = BTreeMap::new();
    let mut objects: BTreeSet<AclObject> = catalogs.from.privileges.keys().cloned().collect();
    objects.extend(catalogs.to.privileges.keys().cloned());
    objects.extend(created.iter().cloned());
    // a dropped object comes back in the rollback with the desired state's defaults
    objects.extend(dropped.iter().cloned());
    for object in objects {
        let recreated = dropped.contains(&object) && created.contains(&object);
        let procedure = is_procedure(&object);
        let mut emit = |grants: Pair<Acl>, timing: AclTiming| {
            for grantee in grantees(&grants) {
                let grants = grants
                    .as_ref()
                    .map(|acl| grants_of(acl, &grantee).cloned().collect::<Acl>());
                if !grants.changed() {
                    continue;
                }
                if let AclObject::Column(table, column) = &object {
                    column_changes
                        .entry((table.clone(), grantee, timing))
                        .or_default()
                        .push((column.clone(), grants));
                    continue;
                }
                out.push(Change::Privileges(AclChange {
                    object: object.clone(),
                    procedure,
                    grantee: grantee.clone(),
                    grants,
                    columns: Vec::new(),
                    timing,
                }));
            }
        };
        let in_from = catalogs.from.has_acl_object(&object);
        let in_to = catalogs.to.has_acl_object(&object);
        if in_from && (!in_to || dropped.contains(&object)) {
            emit(
                Pair::new(catalogs.from.acl(&object), initial(&object)),
                AclTiming::Dropped { recreated },
            );
        }
        if in_to {
            let timing = if !in_from || created.contains(&object) {
                AclTiming::Created
            } else {
                AclTiming::Existing
            };
            let from = match timing {
                AclTiming::Existing => catalogs.from.acl(&object),
                _ => initial(&object),
            };
            emit(Pair::new(from, catalogs.to.acl(&object)), timing);
        }
    }
    for ((table, grantee, timing), columns) in column_changes {
        out.push(Change::Privileges(AclChange {
            object: AclObject::Table(table),
            procedure: false,
            grantee,
            grants: Pair::new(Acl::new(), Acl::new()),
            columns,
            timing,
        }));
    }
    out
}

/// The owner changes, given the changes to the objects themselves: an object created gets
/// its owner after it is created, one dropped has its owner restored by the rollback.
pub(super) fn diff_owners(catalogs: &Pair<&Catalog>, changes: &[Change]) -> Vec<Change> {
    let (created, dropped) = lifecycle(changes);
    let mut objects: BTreeSet<&AclObject> = catalogs.from.owners.keys().collect();
    objects.extend(catalogs.to.owners.keys());
    let mut out = Vec::new();
    for object in objects {
        let mut emit = |catalog: &Catalog, owner: Pair<Option<&str>>, timing: AclTiming| {
            let Some(keyword) = catalog.owner_keyword(object) else {
                return;
            };
            if owner.changed() {
                out.push(Change::SetOwner(OwnerChange {
                    object: object.clone(),
                    keyword,
                    owner: owner.map(|o| o.map(str::to_string)),
                    timing,
                }));
            }
        };
        let in_from = catalogs.from.has_acl_object(object);
        let in_to = catalogs.to.has_acl_object(object);
        if in_from && (!in_to || dropped.contains(object)) {
            let recreated = created.contains(object);
            emit(
                catalogs.from,
                Pair::new(catalogs.from.owner(object), None),
                AclTiming::Dropped { recreated },
            );
        }
        if in_to {
            let (from, timing) = if !in_from || created.contains(object) {
                (None, AclTiming::Created)
            } else {
                (catalogs.from.owner(object), AclTiming::Existing)
            };
            emit(
                catalogs.to,
                Pair::new(from, catalogs.to.owner(object)),
                timing,
            );
        }
    }
    out
}

fn diff_default_privileges(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    let mut keys: BTreeSet<&DefaultAclKey> = catalogs.from.default_privileges.keys().collect();
    keys.extend(catalogs.to.default_privileges.keys());
    for key in keys {
        let grants = catalogs.map(|c| c.default_acl(key));
        for grantee in grantees(&grants) {
            let grants = grants
                .as_ref()
                .map(|acl| grants_of(acl, &grantee).cloned().collect::<Acl>());
            if grants.changed() {
                out.push(Change::DefaultPrivileges(DefaultAclChange {
                    key: key.clone(),
                    grantee,
                    grants,
                }));
            }
        }
    }
}

/// Every grantee on either side, in order.
fn grantees(grants: &Pair<Acl>) -> BTreeSet<Grantee> {
    grants
        .from
        .iter()
        .chain(&grants.to)
        .map(|g| g.grantee.clone())
        .collect()
}

/// The objects the changes create, and those they drop (an object recreated is in both).
fn lifecycle(changes: &[Change]) -> (HashSet<AclObject>, HashSet<AclObject>) {
    let mut created = HashSet::new();
    let mut dropped = HashSet::new();
    for change in changes {
        match change {
            Change::CreateSchema(s) => {
                created.insert(AclObject::Schema(s.name.clone()));
            }
            Change::DropSchema(s) => {
                dropped.insert(AclObject::Schema(s.name.clone()));
            }
            Change::CreateEnum(e) => {
                created.insert(AclObject::Type(e.name.clone()));
            }
            Change::DropEnum(e) => {
                dropped.insert(AclObject::Type(e.name.clone()));
            }
            Change::CreateDomain(d) => {
                created.insert(AclObject::Type(d.name.clone()));
            }
            Change::DropDomain(d) => {
                dropped.insert(AclObject::Type(d.name.clone()));
            }
            Change::CreateCompositeType(c) => {
                created.insert(AclObject::Type(c.name.clone()));
            }
            Change::DropCompositeType(c) => {
                dropped.insert(AclObject::Type(c.name.clone()));
            }
            Change::CreateRangeType(r) => {
                created.insert(AclObject::Type(r.name.clone()));
            }
            Change::DropRangeType(r) => {
                dropped.insert(AclObject::Type(r.name.clone()));
            }
            Change::RecreateEnum { enum_type, .. } => {
                created.insert(AclObject::Type(enum_type.to.name.clone()));
                dropped.insert(AclObject::Type(enum_type.from.name.clone()));
            }
            Change::CreateSequence(s) => {
                created.insert(AclObject::Sequence(s.name.clone()));
            }
            Change::DropSequence(s) => {
                dropped.insert(AclObject::Sequence(s.name.clone()));
            }
            Change::CreateTable(table) => {
                created.insert(AclObject::Table(table.clone()));
            }
            Change::DropTable(t) => {
                dropped.insert(AclObject::Table(t.name.clone()));
                for column in t.columns.keys() {
                    dropped.insert(AclObject::Column(t.name.clone(), column.clone()));
                }
            }
            Change::AddColumn { table, column } => {
                created.insert(AclObject::Column(table.clone(), column.name.clone()));
            }
            Change::DropColumn { table, column, .. } => {
                dropped.insert(AclObject::Column(table.clone(), column.name.clone()));
            }
            Change::CreateView(v) => {
                created.insert(AclObject::Table(v.name.clone()));
            }
            Change::DropView { view, .. } => {
                dropped.insert(AclObject::Table(view.name.clone()));
            }
            Change::CreateFunction(f) => {
                created.insert(AclObject::Function(f.name.clone(), f.arguments.clone()));
            }
            Change::DropFunction(f) => {
                dropped.insert(AclObject::Function(f.name.clone(), f.arguments.clone()));
            }
            Change::CreatePublication(p) => {
                created.insert(AclObject::Publication(p.name.clone()));
            }
            Change::DropPublication { publication, .. } => {
                dropped.insert(AclObject::Publication(publication.name.clone()));
            }
            Change::CreateStatistics(s) => {
                created.insert(AclObject::Statistics(s.name.clone()));
            }
            Change::DropStatistics { statistics, .. } => {
                dropped.insert(AclObject::Statistics(statistics.name.clone()));
            }
            Change::CreateTextSearchDictionary(d) => {
                created.insert(AclObject::TextSearchDictionary(d.name.clone()));
            }
            Change::DropTextSearchDictionary { dictionary, .. } => {
                dropped.insert(AclObject::TextSearchDictionary(dictionary.name.clone()));
            }
            Change::CreateTextSearchConfiguration(c) => {
                created.insert(AclObject::TextSearchConfiguration(c.name.clone()));
            }
            Change::DropTextSearchConfiguration { configuration, .. } => {
                dropped.insert(AclObject::TextSearchConfiguration(
                    configuration.name.clone(),
                ));
            }
            Change::CreateOperator(o) => {
                created.insert(AclObject::Operator(o.signature()));
            }
            Change::DropOperator { operator, .. } => {
                dropped.insert(AclObject::Operator(operator.signature()));
            }
            Change::CreateOperatorFamily(f) => {
                created.insert(AclObject::OperatorFamily(f.name.clone(), f.method.clone()));
            }
            Change::DropOperatorFamily { family, .. } => {
                dropped.insert(AclObject::OperatorFamily(
                    family.name.clone(),
                    family.method.clone(),
                ));
            }
            Change::CreateOperatorClass(c) => {
                created.insert(AclObject::OperatorClass(c.name.clone(), c.method.clone()));
            }
            Change::DropOperatorClass { class, .. } => {
                dropped.insert(AclObject::OperatorClass(
                    class.name.clone(),
                    class.method.clone(),
                ));
            }
            Change::CreateEventTrigger(e) => {
                created.insert(AclObject::EventTrigger(e.name.clone()));
            }
            Change::DropEventTrigger { trigger, .. } => {
                dropped.insert(AclObject::EventTrigger(trigger.name.clone()));
            }
            Change::CreateForeignDataWrapper(w) => {
                created.insert(AclObject::ForeignDataWrapper(w.name.clone()));
            }
            Change::DropForeignDataWrapper(w) => {
                dropped.insert(AclObject::ForeignDataWrapper(w.name.clone()));
            }
            Change::CreateForeignTable(t) => {
                created.insert(AclObject::Table(t.name.clone()));
            }
            Change::DropForeignTable { table, .. } => {
                dropped.insert(AclObject::Table(table.name.clone()));
            }
            Change::CreateForeignServer(s) => {
                created.insert(AclObject::ForeignServer(s.name.clone()));
            }
            Change::DropForeignServer { server, .. } => {
                dropped.insert(AclObject::ForeignServer(server.name.clone()));
            }
            Change::CreateSubscription(s) => {
                created.insert(AclObject::Subscription(s.name.clone()));
            }
            Change::DropSubscription(s) => {
                dropped.insert(AclObject::Subscription(s.name.clone()));
            }
            _ => {}
        }
    }
    (created, dropped)
}
