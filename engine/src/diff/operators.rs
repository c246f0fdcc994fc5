//! Operators, operator families and operator classes. An operator's estimators (`RESTRICT`,
//! `JOIN`) change in place, and so, on PostgreSQL 17 or later, do a commutator, negator,
//! `HASHES` or `MERGES` set where unset (`settable`); otherwise its function, commutator,
//! negator, `HASHES` and `MERGES` drop and create it, and so does its function or one of its
//! types being dropped and created. A family's members
//! change in place (`ALTER OPERATOR FAMILY … DROP | ADD`); a class has no `ALTER` of its
//! members, so any change drops and creates it, and the indexes that use it with it. A family
//! or class with a member operator or function dropped and created goes with it (the server
//! refuses to drop a member), and a class goes with its family.

use std::collections::HashSet;

use super::casts::Recreated;
use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{operator_signature, Catalog, Index, Operator, QualifiedName};

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
            out.push(Change::CreateOperator(Box::new(operator.clone())));
            continue;
        };
        let in_place = fixed(old) == fixed(operator) || settable(catalogs, old, operator);
        if !in_place || reached(old, recreated) {
            dropped.insert(signature.clone());
            out.push(Change::DropOperator {
                operator: Box::new(old.clone()),
                recreated: true,
            });
            out.push(Change::CreateOperator(Box::new(operator.clone())));
            continue;
        }
        // anything but the comment: estimators, or what `settable` allows
        let commented = Operator {
            comment: operator.comment.clone(),
            ..old.clone()
        };
        if commented != *operator {
            out.push(Change::AlterOperator(Pair::boxed(
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
                operator: Box::new(operator.clone()),
                recreated: false,
            });
        }
    }
    dropped
}

/// The names of the operators dropped and created that the catalogs alone tell (for the
/// kinds diffed before operators, which rebuild what uses them): a change `ALTER` cannot make,
/// or their function among `functions` (recreated, by name). An operator reached only by one
/// of its types being dropped and created is not among them.
pub(super) fn recreated_operator_names(
    catalogs: &Pair<&Catalog>,
    functions: &HashSet<QualifiedName>,
) -> Vec<QualifiedName> {
    (catalogs.to.operators.iter())
        .filter_map(|(signature, operator)| {
            let old = catalogs.from.operators.get(signature)?;
            let in_place = fixed(old) == fixed(operator) || settable(catalogs, old, operator);
            (!in_place || functions.contains(&old.function)).then(|| old.name.clone())
        })
        .collect()
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

/// Whether an operator's commutator, negator, `HASHES` and `MERGES` go from `from`'s to
/// `to`'s with `ALTER OPERATOR … SET`: on PostgreSQL 17 or later (the version of the
/// database planned for; a file's is unknown), each one only set where it was unset, a
/// commutator or negator that `to` holds (the server makes no shell here), and the operator
/// in no class or family (the rollback drops and creates it, which a member cannot be).
fn settable(catalogs: &Pair<&Catalog>, from: &Operator, to: &Operator) -> bool {
    let version = catalogs.from.cluster.version_num.unwrap_or(0);
    let signature = from.signature();
    let member = (catalogs.from.operator_classes.values()).any(|c| c.uses(|m| m == signature))
        || (catalogs.from.operator_families.values()).any(|f| f.uses(|m| m == signature));
    let exists = |other: &Option<QualifiedName>, left: Option<&str>, right: &str| {
        other.as_ref().is_none_or(|other| {
            let key = operator_signature(other, left, right);
            key == signature || catalogs.to.operators.contains_key(&key)
        })
    };
    let swapped = to
        .left
        .as_deref()
        .map(|left| (Some(to.right.as_str()), left));
    let set_only =
        |old: &Option<QualifiedName>, new: &Option<QualifiedName>| old == new || old.is_none();
    version >= 170_000
        && !member
        && from.function == to.function
        && set_only(&from.commutator, &to.commutator)
        && set_only(&from.negator, &to.negator)
        && (from.hashes == to.hashes || !from.hashes)
        && (from.merges == to.merges || !from.merges)
        && swapped.is_none_or(|(left, right)| exists(&to.commutator, left, right))
        && exists(&to.negator, to.left.as_deref(), &to.right)
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

#[cfg(test)]
mod tests {
    use crate::diff::{diff, Change};
    use crate::model::Catalog;
    use crate::source::{sql, SqlFile};

    const FUNCTIONS: &str = "CREATE FUNCTION lt(a text, b text) RETURNS boolean LANGUAGE sql
            AS $$ SELECT a < b $$;
        CREATE FUNCTION gt(a text, b text) RETURNS boolean LANGUAGE sql
            AS $$ SELECT a > b $$;";

    fn offline(operators: &str, version_num: Option<u32>) -> Catalog {
        let mut catalog = sql::load(&[SqlFile {
            name: "schema.sql".into(),
            text: format!("{FUNCTIONS}\n{operators}"),
        }])
        .expect("the file loads");
        catalog.cluster.version_num = version_num;
        catalog
    }

    /// The kinds of change the plan makes, in order.
    fn kinds(from: &Catalog, to: &Catalog) -> Vec<&'static str> {
        (diff(from, to).iter())
            .map(|change| match change {
                Change::AlterOperator(_) => "alter",
                Change::DropOperator { .. } => "drop",
                Change::CreateOperator(_) => "create",
                _ => "other",
            })
            .collect()
    }

    #[test]
    fn links_and_flags_are_set_in_place_from_postgresql_17_only() {
        let unlinked = "CREATE OPERATOR <<< (LEFTARG = text, RIGHTARG = text, FUNCTION = lt);
            CREATE OPERATOR >>> (LEFTARG = text, RIGHTARG = text, FUNCTION = gt);";
        let linked = "CREATE OPERATOR >>> (LEFTARG = text, RIGHTARG = text, FUNCTION = gt);
            CREATE OPERATOR <<< (LEFTARG = text, RIGHTARG = text, FUNCTION = lt,
                COMMUTATOR = >>>, MERGES);";
        let to = offline(linked, None);
        // the second CREATE links its commutator back, as the server does: both change
        assert_eq!(
            kinds(&offline(unlinked, Some(170_002)), &to),
            ["alter", "alter"]
        );
        let recreated = ["drop", "create", "drop", "create"];
        assert_eq!(kinds(&offline(unlinked, Some(160_004)), &to), recreated);
        assert_eq!(kinds(&offline(unlinked, None), &to), recreated);
        // once set, only dropping and creating unsets them
        assert_eq!(
            kinds(&offline(linked, Some(180_000)), &offline(unlinked, None)),
            recreated
        );
    }

    #[test]
    fn a_class_member_is_dropped_and_created() {
        let class = "CREATE OPERATOR CLASS c FOR TYPE text USING btree AS OPERATOR 1 <<<;";
        let from = offline(
            &format!(
                "CREATE OPERATOR <<< (LEFTARG = text, RIGHTARG = text, FUNCTION = lt);{class}"
            ),
            Some(170_000),
        );
        let to = offline(
            &format!("CREATE OPERATOR <<< (LEFTARG = text, RIGHTARG = text, FUNCTION = lt, HASHES);{class}"),
            None,
        );
        assert_eq!(
            kinds(&from, &to),
            ["drop", "create", "other", "other"],
            "the class is dropped and created around it"
        );
    }
}
