//! `CREATE`, `ALTER` and `DROP` of foreign data wrappers, servers and user mappings. The
//! value of a secret option (see [`is_secret`]) is never printed: a placeholder stands in
//! its place, a string literal that names what to supply, and the step carries the
//! `secret-required` hazard.

use super::comment_sql;
use crate::diff::CommentTarget;
use crate::model::{
    is_secret, ForeignColumn, ForeignDataWrapper, ForeignOptions, ForeignServer, ForeignTable,
    MappedUser, OptionChange, QualifiedName, UserMapping,
};
use crate::render::quote::{quote_ident, quote_literal};

/// The literal that stands in for the value of secret `option` of `what`.
pub fn secret_placeholder(option: &str, what: &str) -> String {
    quote_literal(&secret_text(option, what))
}

/// The text that stands in for the value of secret `option` of `what`.
pub fn secret_text(option: &str, what: &str) -> String {
    format!("<secret: replace with the {option} of {what} before running>")
}

/// An option's value as a literal, or the placeholder of a secret.
fn value(name: &str, value: &str, what: &str) -> String {
    if is_secret(name) {
        secret_placeholder(name, what)
    } else {
        quote_literal(value)
    }
}

/// ` OPTIONS (name 'value', …)`, or nothing.
fn options(options: &ForeignOptions, what: &str) -> String {
    if options.is_empty() {
        return String::new();
    }
    let list: Vec<String> = (options.0.iter())
        .map(|(name, v)| format!("{} {}", quote_ident(name), value(name, v, what)))
        .collect();
    format!(" OPTIONS ({})", list.join(", "))
}

/// ` OPTIONS (ADD …, SET …, DROP …)`, or nothing.
fn option_changes(changes: &[OptionChange<'_>], what: &str) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let list: Vec<String> = (changes.iter())
        .map(|change| match change {
            OptionChange::Add(name, v) => {
                format!("ADD {} {}", quote_ident(name), value(name, v, what))
            }
            OptionChange::Set(name, v) => {
                format!("SET {} {}", quote_ident(name), value(name, v, what))
            }
            OptionChange::Drop(name) => format!("DROP {}", quote_ident(name)),
        })
        .collect();
    format!(" OPTIONS ({})", list.join(", "))
}

fn function_clause(keyword: &str, function: &Option<QualifiedName>) -> String {
    match function {
        Some(function) => format!(" {keyword} {function}"),
        None => format!(" NO {keyword}"),
    }
}

fn wrapper_what(name: &str) -> String {
    format!("foreign data wrapper {name}")
}

fn server_what(name: &str) -> String {
    format!("server {name}")
}

fn mapping_what(mapping: &UserMapping) -> String {
    format!(
        "user mapping for {} on server {}",
        mapping.user, mapping.server
    )
}

/// `CREATE FOREIGN DATA WRAPPER …` and its comment.
pub fn create_wrapper(wrapper: &ForeignDataWrapper) -> Vec<String> {
    let mut sql = format!("CREATE FOREIGN DATA WRAPPER {}", quote_ident(&wrapper.name));
    if wrapper.handler.is_some() {
        sql.push_str(&function_clause("HANDLER", &wrapper.handler));
    }
    if wrapper.validator.is_some() {
        sql.push_str(&function_clause("VALIDATOR", &wrapper.validator));
    }
    sql.push_str(&options(&wrapper.options, &wrapper_what(&wrapper.name)));
    let mut statements = vec![sql];
    statements.extend(comment_sql(
        CommentTarget::ForeignDataWrapper(wrapper.name.clone()),
        &wrapper.comment,
    ));
    statements
}

/// `ALTER FOREIGN DATA WRAPPER …` from `from` to `to`: handler, validator and options.
pub fn alter_wrapper(from: &ForeignDataWrapper, to: &ForeignDataWrapper) -> String {
    let mut sql = format!("ALTER FOREIGN DATA WRAPPER {}", quote_ident(&to.name));
    if from.handler != to.handler {
        sql.push_str(&function_clause("HANDLER", &to.handler));
    }
    if from.validator != to.validator {
        sql.push_str(&function_clause("VALIDATOR", &to.validator));
    }
    sql.push_str(&option_changes(
        &from.options.changes(&to.options),
        &wrapper_what(&to.name),
    ));
    sql
}

pub fn drop_wrapper(name: &str) -> String {
    format!("DROP FOREIGN DATA WRAPPER {}", quote_ident(name))
}

/// `CREATE SERVER …` and its comment.
pub fn create_server(server: &ForeignServer) -> Vec<String> {
    let mut sql = format!("CREATE SERVER {}", quote_ident(&server.name));
    if let Some(server_type) = &server.server_type {
        sql.push_str(&format!(" TYPE {}", quote_literal(server_type)));
    }
    if let Some(version) = &server.version {
        sql.push_str(&format!(" VERSION {}", quote_literal(version)));
    }
    sql.push_str(&format!(
        " FOREIGN DATA WRAPPER {}",
        quote_ident(&server.wrapper)
    ));
    sql.push_str(&options(&server.options, &server_what(&server.name)));
    let mut statements = vec![sql];
    statements.extend(comment_sql(
        CommentTarget::ForeignServer(server.name.clone()),
        &server.comment,
    ));
    statements
}

/// `ALTER SERVER …` from `from` to `to`: version and options.
pub fn alter_server(from: &ForeignServer, to: &ForeignServer) -> String {
    let mut sql = format!("ALTER SERVER {}", quote_ident(&to.name));
    if from.version != to.version {
        let version = to.version.as_deref().map_or("NULL".into(), quote_literal);
        sql.push_str(&format!(" VERSION {version}"));
    }
    sql.push_str(&option_changes(
        &from.options.changes(&to.options),
        &server_what(&to.name),
    ));
    sql
}

pub fn drop_server(name: &str) -> String {
    format!("DROP SERVER {}", quote_ident(name))
}

fn user(user: &MappedUser) -> String {
    match user {
        MappedUser::Role(role) => quote_ident(role),
        other => other.to_string(),
    }
}

fn mapping_target(mapping: &UserMapping) -> String {
    format!(
        "USER MAPPING FOR {} SERVER {}",
        user(&mapping.user),
        quote_ident(&mapping.server)
    )
}

/// `CREATE USER MAPPING …`, secrets as placeholders.
pub fn create_mapping(mapping: &UserMapping) -> String {
    format!(
        "CREATE {}{}",
        mapping_target(mapping),
        options(&mapping.options, &mapping_what(mapping))
    )
}

/// `ALTER USER MAPPING … OPTIONS (…)`, secrets as placeholders.
pub fn alter_mapping(from: &UserMapping, to: &UserMapping) -> String {
    format!(
        "ALTER {}{}",
        mapping_target(to),
        option_changes(&from.options.changes(&to.options), &mapping_what(to))
    )
}

pub fn drop_mapping(mapping: &UserMapping) -> String {
    format!("DROP {}", mapping_target(mapping))
}

fn table_what(table: &QualifiedName) -> String {
    format!("foreign table {table}")
}

fn column_definition(column: &ForeignColumn, what: &str) -> String {
    let mut sql = format!("{} {}", quote_ident(&column.name), column.type_name);
    sql.push_str(&options(&column.options, what));
    if column.not_null {
        sql.push_str(" NOT NULL");
    }
    sql
}

/// `CREATE FOREIGN TABLE …` and its comment.
pub fn create_foreign_table(table: &ForeignTable) -> Vec<String> {
    let what = table_what(&table.name);
    let columns: Vec<String> = (table.columns.iter())
        .map(|c| column_definition(c, &what))
        .collect();
    let sql = format!(
        "CREATE FOREIGN TABLE {} ({}) SERVER {}{}",
        table.name,
        columns.join(", "),
        quote_ident(&table.server),
        options(&table.options, &what)
    );
    let mut statements = vec![sql];
    statements.extend(comment_sql(
        CommentTarget::ForeignTable(table.name.clone()),
        &table.comment,
    ));
    statements
}

/// `ALTER FOREIGN TABLE …` from `from` to `to`: its actions in one statement.
pub fn alter_foreign_table(from: &ForeignTable, to: &ForeignTable) -> String {
    let what = table_what(&to.name);
    let mut actions = Vec::new();
    for column in &from.columns {
        if to.column(&column.name).is_none() {
            actions.push(format!("DROP COLUMN {}", quote_ident(&column.name)));
        }
    }
    for column in &to.columns {
        let Some(old) = from.column(&column.name) else {
            actions.push(format!("ADD COLUMN {}", column_definition(column, &what)));
            continue;
        };
        let name = quote_ident(&column.name);
        if old.type_name != column.type_name {
            actions.push(format!("ALTER COLUMN {name} TYPE {}", column.type_name));
        }
        if old.not_null != column.not_null {
            let verb = if column.not_null { "SET" } else { "DROP" };
            actions.push(format!("ALTER COLUMN {name} {verb} NOT NULL"));
        }
        let changes = old.options.changes(&column.options);
        if !changes.is_empty() {
            actions.push(format!(
                "ALTER COLUMN {name}{}",
                option_changes(&changes, &what)
            ));
        }
    }
    let changes = from.options.changes(&to.options);
    if !changes.is_empty() {
        actions.push(option_changes(&changes, &what).trim_start().to_string());
    }
    format!("ALTER FOREIGN TABLE {} {}", to.name, actions.join(", "))
}

pub fn drop_foreign_table(name: &QualifiedName) -> String {
    format!("DROP FOREIGN TABLE {name}")
}
