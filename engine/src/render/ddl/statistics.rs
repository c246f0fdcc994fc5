//! `CREATE`, `ALTER` and `DROP STATISTICS`.

use super::{comment_sql, set_comment};
use crate::diff::CommentTarget;
use crate::model::{QualifiedName, Statistics};
use crate::render::quote::quote_ident;

/// `CREATE STATISTICS …`, its target when not the default, and its comment.
pub fn create_statistics(statistics: &Statistics) -> Vec<String> {
    let mut sql = format!("CREATE STATISTICS {}", statistics.name);
    if !statistics.kinds.is_empty() {
        sql.push_str(&format!(" ({})", statistics.kinds.join(", ")));
    }
    let columns = statistics.columns.iter().map(|c| quote_ident(c));
    let expressions = statistics
        .expressions
        .iter()
        .map(|e| format!("({})", e.sql));
    let elements: Vec<String> = columns.chain(expressions).collect();
    sql.push_str(&format!(
        " ON {} FROM {}",
        elements.join(", "),
        statistics.table
    ));
    let mut statements = vec![sql];
    if statistics.target.is_some() {
        statements.push(set_statistics_target(&statistics.name, statistics.target));
    }
    statements.extend(comment_sql(
        CommentTarget::Statistics(statistics.name.clone()),
        &statistics.comment,
    ));
    statements
}

pub fn drop_statistics(name: &QualifiedName) -> String {
    format!("DROP STATISTICS {name}")
}

/// `ALTER STATISTICS … SET SCHEMA` where the schema changes, `RENAME TO` where the name
/// does, then the target and comment where they change.
pub fn rename_statistics(from: &Statistics, to: &Statistics) -> Vec<String> {
    let mut statements = Vec::new();
    if from.name.schema != to.name.schema {
        statements.push(format!(
            "ALTER STATISTICS {} SET SCHEMA {}",
            from.name,
            quote_ident(&to.name.schema)
        ));
    }
    if from.name.name != to.name.name {
        let moved = QualifiedName::new(&to.name.schema, &from.name.name);
        statements.push(format!(
            "ALTER STATISTICS {moved} RENAME TO {}",
            quote_ident(&to.name.name)
        ));
    }
    if from.target != to.target {
        statements.push(set_statistics_target(&to.name, to.target));
    }
    if from.comment != to.comment {
        let target = CommentTarget::Statistics(to.name.clone());
        statements.push(set_comment(&target, &to.comment));
    }
    statements
}

/// `SET STATISTICS -1` is the default on every version (`DEFAULT` needs PostgreSQL 17).
pub fn set_statistics_target(name: &QualifiedName, target: Option<i32>) -> String {
    format!(
        "ALTER STATISTICS {name} SET STATISTICS {}",
        target.unwrap_or(-1)
    )
}
