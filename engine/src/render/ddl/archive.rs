//! The statements of `--retain-dropped`: the archive schema and its register, moving a
//! relation in and out, copying a column's values beside the table's key and writing them
//! back.

use crate::model::QualifiedName;
use crate::render::quote::{quote_ident, quote_literal};

/// The schema archived data lives in; sources leave it out.
pub const ARCHIVE_SCHEMA: &str = "schemadiff_archive";

/// The register of archived objects, one row each.
pub const REGISTER: &str = "schemadiff_archive.archives";

/// The archive schema and its register, if they do not exist yet.
pub fn setup() -> Vec<String> {
    vec![
        format!("CREATE SCHEMA IF NOT EXISTS {ARCHIVE_SCHEMA}"),
        format!(
            "CREATE TABLE IF NOT EXISTS {REGISTER} (name text PRIMARY KEY, kind text NOT NULL, original text NOT NULL, plan text NOT NULL, archived_at timestamp with time zone NOT NULL DEFAULT now())"
        ),
    ]
}

pub fn register(name: &str, kind: &str, original: &str, plan: &str) -> String {
    format!(
        "INSERT INTO {REGISTER} (name, kind, original, plan) VALUES ({}, {}, {}, {})",
        quote_literal(name),
        quote_literal(kind),
        quote_literal(original),
        quote_literal(plan)
    )
}

pub fn unregister(name: &str) -> String {
    format!(
        "DELETE FROM {REGISTER} WHERE name = {}",
        quote_literal(name)
    )
}

/// Renames a table or sequence (`keyword`) to `archived` and moves it into the archive.
pub fn move_in(keyword: &str, name: &QualifiedName, archived: &str) -> Vec<String> {
    let staged = QualifiedName::new(&name.schema, archived);
    vec![
        format!("ALTER {keyword} {name} RENAME TO {}", quote_ident(archived)),
        format!("ALTER {keyword} {staged} SET SCHEMA {ARCHIVE_SCHEMA}"),
    ]
}

/// Moves an archived table or sequence back and gives it its name again.
pub fn move_back(keyword: &str, name: &QualifiedName, archived: &str) -> Vec<String> {
    let staged = QualifiedName::new(&name.schema, archived);
    vec![
        format!(
            "ALTER {keyword} {} SET SCHEMA {}",
            QualifiedName::new(ARCHIVE_SCHEMA, archived),
            quote_ident(&name.schema)
        ),
        format!(
            "ALTER {keyword} {staged} RENAME TO {}",
            quote_ident(&name.name)
        ),
    ]
}

pub fn rename_constraint(table: &QualifiedName, from: &str, to: &str) -> String {
    format!(
        "ALTER TABLE {table} RENAME CONSTRAINT {} TO {}",
        quote_ident(from),
        quote_ident(to)
    )
}

/// Copies `key` and `column` of every row of `table` into the new table `archive`; the
/// values as text when `as_text` (their type may be dropped by the plan).
pub fn copy_column(
    archive: &QualifiedName,
    table: &QualifiedName,
    key: &[String],
    column: &str,
    as_text: bool,
) -> String {
    let value = quote_ident(column);
    let stored = if as_text {
        format!("{value}::text AS {value}")
    } else {
        value
    };
    let key: Vec<String> = key.iter().map(|k| quote_ident(k)).collect();
    format!(
        "CREATE TABLE {archive} AS SELECT {}, {stored} FROM {table}",
        key.join(", ")
    )
}

/// Writes the values `copy_column` kept back into `table` by key; `type_name` converts them
/// back from text.
pub fn restore_column(
    table: &QualifiedName,
    archive: &QualifiedName,
    key: &[String],
    column: &str,
    type_name: Option<&str>,
) -> String {
    let value = quote_ident(column);
    let restored = match type_name {
        Some(type_name) => format!("archived.{value}::{type_name}"),
        None => format!("archived.{value}"),
    };
    let matches: Vec<String> = key
        .iter()
        .map(|k| format!("live.{0} = archived.{0}", quote_ident(k)))
        .collect();
    format!(
        "UPDATE {table} AS live SET {value} = {restored} FROM {archive} AS archived WHERE {}",
        matches.join(" AND ")
    )
}
