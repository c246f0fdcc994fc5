//! `CREATE`, `ALTER` and `DROP OPERATOR | OPERATOR FAMILY | OPERATOR CLASS`.

use super::comment_sql;
use crate::diff::{CommentTarget, Pair};
use crate::model::{
    operator_name, FunctionMember, Operator, OperatorClass, OperatorFamily, OperatorMember,
    QualifiedName,
};
use crate::render::quote::quote_ident;

/// `CREATE OPERATOR …` and its comment. A commutator or negator not created yet is created
/// by the server as a shell, which its own `CREATE OPERATOR` fills in.
pub fn create_operator(operator: &Operator) -> Vec<String> {
    let mut definition = vec![format!("FUNCTION = {}", operator.function)];
    if let Some(left) = &operator.left {
        definition.push(format!("LEFTARG = {left}"));
    }
    definition.push(format!("RIGHTARG = {}", operator.right));
    let linked = [
        ("COMMUTATOR", &operator.commutator),
        ("NEGATOR", &operator.negator),
    ];
    for (keyword, other) in linked {
        if let Some(other) = other {
            definition.push(format!("{keyword} = OPERATOR({})", operator_name(other)));
        }
    }
    for (keyword, function) in [("RESTRICT", &operator.restrict), ("JOIN", &operator.join)] {
        if let Some(function) = function {
            definition.push(format!("{keyword} = {function}"));
        }
    }
    if operator.hashes {
        definition.push("HASHES".into());
    }
    if operator.merges {
        definition.push("MERGES".into());
    }
    let mut statements = vec![format!(
        "CREATE OPERATOR {} ({})",
        operator_name(&operator.name),
        definition.join(", ")
    )];
    statements.extend(comment_sql(
        CommentTarget::Operator(operator.signature()),
        &operator.comment,
    ));
    statements
}

pub fn drop_operator(operator: &Operator) -> String {
    format!("DROP OPERATOR {}", operator.signature())
}

/// `ALTER OPERATOR … SET (…)` from one operator's attributes to another's: the estimators
/// that change (`NONE` for none), and the commutator, negator, `HASHES` and `MERGES` that
/// `to` sets where `from` has none (PostgreSQL 17).
pub fn alter_operator(operator: Pair<&Operator>) -> String {
    let (from, to) = (operator.from, operator.to);
    let mut options = Vec::new();
    for (keyword, old, new) in [
        ("RESTRICT", &from.restrict, &to.restrict),
        ("JOIN", &from.join, &to.join),
    ] {
        if old != new {
            let new = new.as_ref().map_or("NONE".to_string(), ToString::to_string);
            options.push(format!("{keyword} = {new}"));
        }
    }
    for (keyword, old, new) in [
        ("COMMUTATOR", &from.commutator, &to.commutator),
        ("NEGATOR", &from.negator, &to.negator),
    ] {
        if let (None, Some(new)) = (old, new) {
            options.push(format!("{keyword} = OPERATOR({})", operator_name(new)));
        }
    }
    for (keyword, old, new) in [
        ("HASHES", from.hashes, to.hashes),
        ("MERGES", from.merges, to.merges),
    ] {
        if new && !old {
            options.push(keyword.to_string());
        }
    }
    format!(
        "ALTER OPERATOR {} SET ({})",
        to.signature(),
        options.join(", ")
    )
}

/// Whether `ALTER OPERATOR … SET` takes `from` back from `to`: only the estimators differ
/// (a commutator, negator, `HASHES` or `MERGES` once set cannot be unset).
pub fn reversible(operator: Pair<&Operator>) -> bool {
    let (from, to) = (operator.from, operator.to);
    (&from.commutator, &from.negator, from.hashes, from.merges)
        == (&to.commutator, &to.negator, to.hashes, to.merges)
}

/// `name USING method`, as statements on families and classes name them.
pub fn family_or_class(name: &QualifiedName, method: &str) -> String {
    format!("{name} USING {}", quote_ident(method))
}

/// `CREATE OPERATOR FAMILY …`, its members and its comment.
pub fn create_family(family: &OperatorFamily) -> Vec<String> {
    let mut statements = vec![format!(
        "CREATE OPERATOR FAMILY {}",
        family_or_class(&family.name, &family.method)
    )];
    let empty = OperatorFamily {
        operators: Vec::new(),
        functions: Vec::new(),
        ..family.clone()
    };
    statements.extend(alter_family_members(Pair::new(&empty, family)));
    statements.extend(comment_sql(
        CommentTarget::OperatorFamily(family.name.clone(), family.method.clone()),
        &family.comment,
    ));
    statements
}

pub fn drop_family(family: &OperatorFamily) -> String {
    format!(
        "DROP OPERATOR FAMILY {}",
        family_or_class(&family.name, &family.method)
    )
}

/// `ALTER OPERATOR FAMILY … DROP` of the members only `from` has, then `ADD` of those only
/// `to` has.
pub fn alter_family_members(family: Pair<&OperatorFamily>) -> Vec<String> {
    let (from, to) = (family.from, family.to);
    let name = family_or_class(&to.name, &to.method);
    let mut statements = Vec::new();
    let dropped: Vec<String> = (from.operators.iter())
        .filter(|m| !to.operators.contains(m))
        .map(|m| format!("OPERATOR {} ({}, {})", m.strategy, m.left, m.right))
        .chain(
            (from.functions.iter())
                .filter(|m| !to.functions.contains(m))
                .map(|m| {
                    let (left, right) = m.types.clone().unwrap_or_default();
                    format!("FUNCTION {} ({left}, {right})", m.support)
                }),
        )
        .collect();
    if !dropped.is_empty() {
        statements.push(format!(
            "ALTER OPERATOR FAMILY {name} DROP {}",
            dropped.join(", ")
        ));
    }
    let added: Vec<String> = (to.operators.iter())
        .filter(|m| !from.operators.contains(m))
        .map(operator_member)
        .chain(
            (to.functions.iter())
                .filter(|m| !from.functions.contains(m))
                .map(function_member),
        )
        .collect();
    if !added.is_empty() {
        statements.push(format!(
            "ALTER OPERATOR FAMILY {name} ADD {}",
            added.join(", ")
        ));
    }
    statements
}

/// `OPERATOR strategy op(left, right) [FOR ORDER BY family]`.
fn operator_member(member: &OperatorMember) -> String {
    let order_by = (member.order_by.as_ref())
        .map(|family| format!(" FOR ORDER BY {family}"))
        .unwrap_or_default();
    format!(
        "OPERATOR {} {}{order_by}",
        member.strategy,
        member.signature()
    )
}

/// `FUNCTION support [(left, right)] function(arguments)`.
fn function_member(member: &FunctionMember) -> String {
    let types = (member.types.as_ref())
        .map(|(left, right)| format!("({left}, {right}) "))
        .unwrap_or_default();
    format!("FUNCTION {} {types}{}", member.support, member.function)
}

/// `CREATE OPERATOR CLASS …` with its members, and its comment.
pub fn create_class(class: &OperatorClass) -> Vec<String> {
    let default = if class.default { " DEFAULT" } else { "" };
    let mut items: Vec<String> = (class.operators.iter().map(operator_member))
        .chain(class.functions.iter().map(function_member))
        .collect();
    if let Some(storage) = &class.storage {
        items.push(format!("STORAGE {storage}"));
    }
    let mut statements = vec![format!(
        "CREATE OPERATOR CLASS {}{default} FOR TYPE {} USING {} FAMILY {} AS {}",
        class.name,
        class.data_type,
        quote_ident(&class.method),
        class.family,
        items.join(", ")
    )];
    statements.extend(comment_sql(
        CommentTarget::OperatorClass(class.name.clone(), class.method.clone()),
        &class.comment,
    ));
    statements
}

pub fn drop_class(class: &OperatorClass) -> String {
    format!(
        "DROP OPERATOR CLASS {}",
        family_or_class(&class.name, &class.method)
    )
}
