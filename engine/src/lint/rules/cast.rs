//! Dropping a cast that existed before the file: queries that convert with it, written or
//! implicit in an assignment or expression, fail or convert another way.

use pg_query::protobuf::ObjectType;
use pg_query::{Node, NodeEnum};

use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::normalize::types::type_name_text;

pub fn check(check: &Check, out: &mut Findings) {
    let NodeEnum::DropStmt(stmt) = check.statement.node else {
        return;
    };
    if stmt.remove_type != ObjectType::ObjectCast as i32 {
        return;
    }
    for object in &stmt.objects {
        let Some(cast) = cast_named(object) else {
            continue;
        };
        if check.state.creates(&cast_key(&cast)) {
            continue;
        }
        out.add(
            HazardKind::BreaksApplication,
            check.statement.start,
            format!("dropping cast `{cast}` breaks the queries that convert with it"),
            "deploy the application that no longer converts with it first, and allow the hazard on this statement",
        );
    }
}

/// `(source AS target)`, as `DROP CAST` names it: a list of two types.
fn cast_named(object: &Node) -> Option<String> {
    let Some(NodeEnum::List(list)) = &object.node else {
        return None;
    };
    let types: Vec<String> = (list.items.iter())
        .filter_map(|item| match &item.node {
            Some(NodeEnum::TypeName(t)) => Some(type_name_text(t)),
            _ => None,
        })
        .collect();
    let [source, target] = types.as_slice() else {
        return None;
    };
    Some(format!("({source} AS {target})"))
}

/// The `State::creates` key of a cast, from `(source AS target)`.
pub(in crate::lint) fn cast_key(cast: &str) -> String {
    format!("cast {cast}")
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn dropping_a_cast_breaks_the_queries_that_use_it() {
        let sql = "CREATE CAST (mood AS int4) WITH INOUT;\n\
                   DROP CAST (mood AS integer);\n\
                   DROP CAST IF EXISTS (text AS money.amount);\n";
        assert_eq!(lines(sql, "breaks-application"), [3]);
    }
}
