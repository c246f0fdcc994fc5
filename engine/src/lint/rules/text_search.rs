//! Dropping a text search dictionary or configuration that existed before the file: queries
//! that name it (`to_tsvector('app.english', body)`) fail.

use pg_query::protobuf::ObjectType;
use pg_query::NodeEnum;

use super::drop_object::dropped_names;
use super::{Check, Findings};
use crate::hazard::HazardKind;
use crate::model::QualifiedName;

pub fn check(check: &Check, out: &mut Findings) {
    let NodeEnum::DropStmt(stmt) = check.statement.node else {
        return;
    };
    let Some(kind) = ObjectType::try_from(stmt.remove_type)
        .ok()
        .and_then(kind_of)
    else {
        return;
    };
    for name in dropped_names(stmt) {
        if check.state.creates(&text_search_key(kind, &name)) {
            continue;
        }
        out.add(
            HazardKind::BreaksApplication,
            check.statement.start,
            format!("dropping {kind} `{name}` breaks the queries that search with it"),
            "deploy the application that no longer names it first, and allow the hazard on this statement",
        );
    }
}

/// `text search dictionary` or `text search configuration`; `None` for other kinds.
pub(in crate::lint) fn kind_of(kind: ObjectType) -> Option<&'static str> {
    match kind {
        ObjectType::ObjectTsdictionary => Some("text search dictionary"),
        ObjectType::ObjectTsconfiguration => Some("text search configuration"),
        _ => None,
    }
}

/// The `State::creates` key of a text search dictionary or configuration.
pub(in crate::lint) fn text_search_key(kind: &str, name: &QualifiedName) -> String {
    format!("{kind} {name}")
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn dropping_a_text_search_object_breaks_the_queries_that_use_it() {
        let sql = "CREATE TEXT SEARCH DICTIONARY plain (TEMPLATE = simple);\n\
                   DROP TEXT SEARCH DICTIONARY public.plain;\n\
                   DROP TEXT SEARCH CONFIGURATION IF EXISTS app.english;\n\
                   DROP TEXT SEARCH DICTIONARY stems CASCADE;\n";
        assert_eq!(lines(sql, "breaks-application"), [3, 4]);
    }
}
