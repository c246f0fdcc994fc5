//! `CREATE`, `ALTER` and `DROP PUBLICATION`.

use super::comment_sql;
use crate::diff::CommentTarget;
use crate::model::{Publication, PublishedTable};
use crate::render::quote::{quote_ident, quote_literal};

/// `CREATE PUBLICATION …` with what it lists and its options, and its comment.
pub fn create_publication(publication: &Publication) -> Vec<String> {
    let mut sql = format!("CREATE PUBLICATION {}", quote_ident(&publication.name));
    // `TABLE a, b`: one keyword for the list, as servers before PostgreSQL 15 require
    let tables: Vec<String> = publication.tables.iter().map(published_table).collect();
    let schemas: Vec<String> = publication.schemas.iter().map(|s| quote_ident(s)).collect();
    let mut objects = Vec::new();
    if !tables.is_empty() {
        objects.push(format!("TABLE {}", tables.join(", ")));
    }
    if !schemas.is_empty() {
        objects.push(format!("TABLES IN SCHEMA {}", schemas.join(", ")));
    }
    if publication.all_tables {
        sql.push_str(" FOR ALL TABLES");
    } else if !objects.is_empty() {
        sql.push_str(&format!(" FOR {}", objects.join(", ")));
    }
    let options = options(None, publication);
    if !options.is_empty() {
        sql.push_str(&format!(" WITH ({options})"));
    }
    let mut statements = vec![sql];
    statements.extend(comment_sql(
        CommentTarget::Publication(publication.name.clone()),
        &publication.comment,
    ));
    statements
}

/// `ALTER PUBLICATION … RENAME TO …`.
pub fn rename_publication(from: &str, to: &str) -> String {
    format!(
        "ALTER PUBLICATION {} RENAME TO {}",
        quote_ident(from),
        quote_ident(to)
    )
}

pub fn drop_publication(name: &str) -> String {
    format!("DROP PUBLICATION {}", quote_ident(name))
}

/// `ALTER PUBLICATION … SET (…)` with the options of `to` that differ from `from`.
pub fn set_publication_options(from: &Publication, to: &Publication) -> String {
    format!(
        "ALTER PUBLICATION {} SET ({})",
        quote_ident(&to.name),
        options(Some(from), to)
    )
}

/// `ALTER PUBLICATION … ADD TABLE t (…) WHERE (…)`.
pub fn add_publication_table(publication: &str, table: &PublishedTable) -> String {
    format!(
        "ALTER PUBLICATION {} ADD TABLE {}",
        quote_ident(publication),
        published_table(table)
    )
}

/// `ALTER PUBLICATION … DROP TABLE t`.
pub fn drop_publication_table(publication: &str, table: &PublishedTable) -> String {
    format!(
        "ALTER PUBLICATION {} DROP TABLE {}",
        quote_ident(publication),
        table.table
    )
}

/// `ALTER PUBLICATION … ADD TABLES IN SCHEMA s`.
pub fn add_publication_schema(publication: &str, schema: &str) -> String {
    format!(
        "ALTER PUBLICATION {} ADD {}",
        quote_ident(publication),
        published_schema(schema)
    )
}

/// `ALTER PUBLICATION … DROP TABLES IN SCHEMA s`.
pub fn drop_publication_schema(publication: &str, schema: &str) -> String {
    format!(
        "ALTER PUBLICATION {} DROP {}",
        quote_ident(publication),
        published_schema(schema)
    )
}

/// A table with its column list and row filter, as `TABLE` lists take it.
fn published_table(table: &PublishedTable) -> String {
    let mut sql = table.table.to_string();
    if let Some(columns) = &table.columns {
        let columns: Vec<String> = columns.iter().map(|c| quote_ident(c)).collect();
        sql.push_str(&format!(" ({})", columns.join(", ")));
    }
    if let Some(filter) = &table.row_filter {
        sql.push_str(&format!(" WHERE ({})", filter.sql));
    }
    sql
}

fn published_schema(schema: &str) -> String {
    format!("TABLES IN SCHEMA {}", quote_ident(schema))
}

/// `publish = …, publish_via_partition_root = …`: those of `to` that differ from `from`, or
/// from the server's defaults when there is no `from`.
fn options(from: Option<&Publication>, to: &Publication) -> String {
    let mut options = Vec::new();
    let publish_changed = match from {
        Some(from) => from.publish != to.publish,
        None => !to.publishes_everything(),
    };
    if publish_changed {
        options.push(format!(
            "publish = {}",
            quote_literal(&to.publish.join(", "))
        ));
    }
    if from.map_or(to.via_partition_root, |f| {
        f.via_partition_root != to.via_partition_root
    }) {
        options.push(format!(
            "publish_via_partition_root = {}",
            to.via_partition_root
        ));
    }
    options.join(", ")
}
