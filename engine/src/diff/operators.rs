//! Operators, operator families and operator classes. An operator's estimators (`RESTRICT`,
//! `JOIN`) change in place; its function, commutator, negator, `HASHES` and `MERGES` drop and
//! create it (`ALTER OPERATOR` sets those only from PostgreSQL 17, and only where unset), and
//! so does its function or one of its types being dropped and created. A family's members
//! change in place (`ALTER OPERATOR FAMILY … DROP | ADD`); a class has no `ALTER` of its
//! members, so any change drops and creates it, and the indexes that use it with it. A family
//! or class with a member operator or function dropped and created goes with it (the server
//! refuses to drop a member), and a class goes with its family.

use std::collections::HashSet;

use super::casts::Recreated;
use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, Index, Operator, QualifiedName};

/// `changes` are those of the other kinds, which say what is dropped and created.
pub(super) fn diff_operators(catalogs: &Pair<&Catalog>, changes: &[Change], out: &mut Vec<Change>) {
    let (from, to) = (catalogs.from, catalogs.to);
    if from.operators.is_empty()
        && to.operators.is_empty()
        && from.operator_families.is_empty()
        && to.operator_families.is_empty()
        && from.operator_classes.is_empty()
        && to.operator_classes.is_empty()
    {
        return;
    }
    let recreated = Recreated::find(to, changes);
    let mut members = diff_operator_list(catalogs, &recreated, out);
    members.extend(recreated.functions.iter().cloned());
    let families = diff_families(catalogs, &members, out);
    let classes = diff_classes(catalogs, &recreated, &members, &families, out);
    recreate_indexes(catalogs, changes, &classes, out);
}

/// Returns the signatures of the operators dropped and created again.
fn diff_operator_list(
    catalogs: &Pair<&Catalog>,
    recreated: &Recreated,
    out: &mut Vec<Change>,
) -> HashSet<String> {
    let (from, to) = (&catalogs.from.operators, &catalogs.to.operators);
    let mut dropped = HashSet::new();
    for (signature, operator) in to {
        let Some(old) = from.get(signature) else {
            out.push(Change::CreateOperator(operator.clone()));
            continue;
        };
        if fixed(old) != fixed(operator) || reached(old, recreated) {
            dropped.insert(signature.clone());
            out.push(Change::DropOperator {
                operator: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateOperator(operator.clone()));
            continue;
        }
        if (&old.restrict, &old.join) != (&operator.restrict, &operator.join) {
            out.push(Change::AlterOperator(Pair::new(
                old.clone(),
                operator.clone(),
            )));
        }
        diff_comment(
            CommentTarget::Operator(signature.clone()),
            Pair::new(&old.comment, &operator.comment),
            out,
        );
    }
    for (signature, operator) in from {
        if !to.contains_key(signature) {
            out.push(Change::DropOperator {
                operator: operator.clone(),
                recreated: false,
            });
        }
    }
    dropped
}

/// What only dropping and creating an operator changes.
type Fixed<'a> = (
    &'a QualifiedName,
    &'a Option<QualifiedName>,
    &'a Option<QualifiedName>,
    bool,
    bool,
);

fn fixed(operator: &Operator) -> Fixed<'_> {
    (
        &operator.function,
        &operator.commutator,
        &operator.negator,
        operator.hashes,
        operator.merges,
    )
}

/// Whether the operator's function or one of its types is dropped and created.
fn reached(operator: &Operator, recreated: &Recreated) -> bool {
    recreated.functions.iter().any(|f| operator.calls(f))
        || (operator.left.iter().chain([&operator.right]))
            .any(|t| recreated.types.contains(t.trim_end_matches("[]")))
}

/// `members`: the operators and functions (by signature) dropped and created. Returns the
/// families dropped and created again.
fn diff_families(
    catalogs: &Pair<&Catalog>,
    members: &HashSet<String>,
    out: &mut Vec<Change>,
) -> HashSet<(QualifiedName, String)> {
    let (from, to) = (
        &catalogs.from.operator_families,
        &catalogs.to.operator_families,
    );
    let mut dropped = HashSet::new();
    for (key, family) in to {
        let Some(old) = from.get(key) else {
            out.push(Change::CreateOperatorFamily(family.clone()));
            continue;
        };
        if old.uses(|m| members.contains(m)) {
            dropped.insert(key.clone());
            out.push(Change::DropOperatorFamily {
                family: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateOperatorFamily(family.clone()));
            continue;
        }
        if (&old.operators, &old.functions) != (&family.operators, &family.functions) {
            out.push(Change::AlterOperatorFamily(Pair::new(
                old.clone(),
                family.clone(),
            )));
        }
        diff_comment(
            CommentTarget::OperatorFamily(key.0.clone(), key.1.clone()),
            Pair::new(&old.comment, &family.comment),
            out,
        );
    }
    for (key, family) in from {
        if !to.contains_key(key) {
            out.push(Change::DropOperatorFamily {
                family: family.clone(),
                recreated: false,
            });
        }
    }
    dropped
}

/// Returns the classes dropped (and, unless gone from `to`, created again): changed, or
/// reached by a member, their family or their type being dropped and created.
fn diff_classes(
    catalogs: &Pair<&Catalog>,
    recreated: &Recreated,
    members: &HashSet<String>,
    families: &HashSet<(QualifiedName, String)>,
    out: &mut Vec<Change>,
) -> HashSet<(QualifiedName, String)> {
    let (from, to) = (
        &catalogs.from.operator_classes,
        &catalogs.to.operator_classes,
    );
    let mut dropped = HashSet::new();
    for (key, class) in to {
        let Some(old) = from.get(key) else {
            out.push(Change::CreateOperatorClass(class.clone()));
            continue;
        };
        let unchanged = OperatorClassBody::of(old) == OperatorClassBody::of(class);
        let types = [Some(&old.data_type), old.storage.as_ref()]
            .into_iter()
            .flatten();
        let reached = old.uses(|m| members.contains(m))
            || families.contains(&(old.family.clone(), old.method.clone()))
            || types
                .map(|t| t.trim_end_matches("[]"))
                .any(|t| recreated.types.contains(t));
        if !unchanged || reached {
            dropped.insert(key.clone());
            out.push(Change::DropOperatorClass {
                class: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateOperatorClass(class.clone()));
            continue;
        }
        diff_comment(
            CommentTarget::OperatorClass(key.0.clone(), key.1.clone()),
            Pair::new(&old.comment, &class.comment),
            out,
        );
    }
    for (key, class) in from {
        if !to.contains_key(key) {
            dropped.insert(key.clone());
            out.push(Change::DropOperatorClass {
                class: class.clone(),
                recreated: false,
            });
        }
    }
    dropped
}

/// A class without its comment: what only dropping and creating it changes.
#[derive(PartialEq)]
struct OperatorClassBody<'a>(
    &'a str,
    bool,
    &'a QualifiedName,
    &'a Option<String>,
    &'a [crate::model::OperatorMember],
    &'a [crate::model::FunctionMember],
);

impl<'a> OperatorClassBody<'a> {
    fn of(class: &'a crate::model::OperatorClass) -> Self {
        OperatorClassBody(
            &class.data_type,
            class.default,
            &class.family,
            &class.storage,
            &class.operators,
            &class.functions,
        )
    }
}

/// The indexes that use a class dropped (and created again) are dropped before it and
/// created after, unless their own change does so already.
fn recreate_indexes(
    catalogs: &Pair<&Catalog>,
    changes: &[Change],
    classes: &HashSet<(QualifiedName, String)>,
    out: &mut Vec<Change>,
) {
    if classes.is_empty() {
        return;
    }
    let dropped: HashSet<&QualifiedName> = (changes.iter())
        .filter_map(|change| match change {
            Change::DropIndex(index) => Some(&index.name),
            _ => None,
        })
        .collect();
    let uses_dropped_class = |index: &Index| {
        index_operator_classes(index)
            .iter()
            .any(|key| classes.contains(key))
    };
    for (name, old) in &catalogs.from.indexes {
        if dropped.contains(name) || !uses_dropped_class(old) {
            continue;
        }
        // an index that goes is dropped by its own change, or with its table
        let Some(index) = catalogs.to.indexes.get(name) else {
            continue;
        };
        out.push(Change::DropIndex(old.clone()));
        out.push(Change::CreateIndex(index.clone()));
    }
}

/// The operator classes (name, access method) an index names for its columns, as the
/// canonical tree holds them; an unqualified one is `public`'s.
pub fn index_operator_classes(index: &Index) -> Vec<(QualifiedName, String)> {
    let Ok(tree) = serde_json::from_str::<serde_json::Value>(&index.definition.canonical) else {
        return Vec::new();
    };
    let method = tree["access_method"]
        .as_str()
        .unwrap_or("btree")
        .to_string();
    let Some(params) = tree["index_params"].as_array() else {
        return Vec::new();
    };
    params
        .iter()
        .filter_map(|param| param["node"]["IndexElem"]["opclass"].as_array())
        .filter(|names| !names.is_empty())
        .map(|names| {
            let parts: Vec<&str> = (names.iter())
                .filter_map(|n| n["node"]["String"]["sval"].as_str())
                .collect();
            let name = match parts.as_slice() {
                [.., schema, name] => QualifiedName::new(*schema, *name),
                [name] => QualifiedName::new("public", *name),
                [] => QualifiedName::new("public", ""),
            };
            (name, method.clone())
        })
        .collect()
}
