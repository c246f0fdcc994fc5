//! `CREATE CAST` and `DROP CAST`.

use super::comment_sql;
use crate::diff::CommentTarget;
use crate::model::{Cast, CastContext, CastMethod};

/// `CREATE CAST …` and its comment.
pub fn create_cast(cast: &Cast) -> Vec<String> {
    let method = match &cast.method {
        CastMethod::Function { name, arguments } => format!("WITH FUNCTION {name}({arguments})"),
        CastMethod::Binary => "WITHOUT FUNCTION".to_string(),
        CastMethod::InOut => "WITH INOUT".to_string(),
    };
    let context = match cast.context {
        CastContext::Explicit => "",
        CastContext::Assignment => " AS ASSIGNMENT",
        CastContext::Implicit => " AS IMPLICIT",
    };
    let mut statements = vec![format!(
        "CREATE CAST ({} AS {}) {method}{context}",
        cast.source, cast.target
    )];
    statements.extend(comment_sql(
        CommentTarget::Cast(cast.source.clone(), cast.target.clone()),
        &cast.comment,
    ));
    statements
}

pub fn drop_cast(cast: &Cast) -> String {
    format!("DROP CAST ({} AS {})", cast.source, cast.target)
}
