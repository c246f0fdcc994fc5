//! Dropping an operator, operator class or operator family that existed before the file:
//! queries that use the operator fail, and indexes that need the class or family go with it
//! or cannot be created.

use pg_query::protobuf::{ObjectType, ObjectWithArgs};
use pg_query::{Node, NodeEnum};

use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::lint::state::qualified;
use crate::model::{operator_signature, QualifiedName};
use crate::normalize::definitions::string_of;
use crate::normalize::types::type_name_text;

pub fn check(check: &Check, out: &mut Findings) {
    let NodeEnum::DropStmt(stmt) = check.statement.node else {
        return;
    };
    let Ok(kind) = ObjectType::try_from(stmt.remove_type) else {
        return;
    };
    for object in &stmt.objects {
        let key = match (kind, &object.node) {
            (ObjectType::ObjectOperator, Some(NodeEnum::ObjectWithArgs(o))) => operator_key(o),
            (ObjectType::ObjectOpclass | ObjectType::ObjectOpfamily, _) => {
                family_or_class_key(kind, object)
            }
            _ => None,
        };
        let Some(key) = key else {
            continue;
        };
        if check.state.creates(&key) {
            continue;
        }
        out.add(
            HazardKind::BreaksApplication,
            check.statement.start,
            format!("dropping {key} breaks the queries and indexes that use it"),
            "deploy the application that no longer uses it first, and allow the hazard on this statement",
        );
    }
}

/// The `State::creates` key of an operator: `operator schema.op(left, right)`.
pub(in crate::lint) fn operator_key(object: &ObjectWithArgs) -> Option<String> {
    let name = qualified(&object.objname)?;
    let types: Vec<Option<String>> = (object.objargs.iter())
        .map(|arg| match &arg.node {
            Some(NodeEnum::TypeName(t)) => Some(type_name_text(t)),
            _ => None,
        })
        .collect();
    let (left, right) = match types.as_slice() {
        [left, Some(right)] => (left.clone(), right.clone()),
        [Some(right)] => (None, right.clone()),
        _ => return None,
    };
    Some(defined_operator_key(&name, left.as_deref(), &right))
}

/// The key of an operator by its name and operand types.
pub(in crate::lint) fn defined_operator_key(
    name: &QualifiedName,
    left: Option<&str>,
    right: &str,
) -> String {
    format!("operator {}", operator_signature(name, left, right))
}

/// The key of a class or family as `DROP` names it: a list of the access method and the
/// name's parts.
fn family_or_class_key(kind: ObjectType, object: &Node) -> Option<String> {
    let Some(NodeEnum::List(list)) = &object.node else {
        return None;
    };
    let (method, name) = list.items.split_first()?;
    Some(family_or_class(
        kind == ObjectType::ObjectOpclass,
        &qualified(name)?,
        &string_of(method)?,
    ))
}

/// `operator class schema.name USING method`, or `operator family …`.
pub(in crate::lint) fn family_or_class(class: bool, name: &QualifiedName, method: &str) -> String {
    let kind = if class { "class" } else { "family" };
    format!("operator {kind} {name} USING {method}")
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn dropping_an_operator_class_or_family_breaks_what_uses_it() {
        let sql = "CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq);\n\
                   DROP OPERATOR ===(text, text);\n\
                   DROP OPERATOR IF EXISTS app.<<<(text, text);\n\
                   CREATE OPERATOR CLASS c FOR TYPE text USING btree AS OPERATOR 3 ===;\n\
                   DROP OPERATOR CLASS c USING btree;\n\
                   DROP OPERATOR FAMILY c USING btree;\n\
                   DROP OPERATOR FAMILY app.h USING hash;\n";
        assert_eq!(lines(sql, "breaks-application"), [3, 7]);
    }
}
