//! SQL statements for model objects and changes. Every statement the engine emits is built
//! here, so quoting and formatting decisions live in one place.

pub mod privileges;

use super::quote::{quote_ident, quote_literal};
use crate::diff::CommentTarget;
use crate::model::{
    Column, Constraint, EnumType, Expr, Extension, Function, Identity, Index, QualifiedName,
    Sequence, SequenceOptions, Table, View,
};
use crate::normalize::types::is_builtin_type;

pub fn create_schema(name: &str) -> String {
    format!("CREATE SCHEMA {}", quote_ident(name))
}

pub fn drop_schema(name: &str) -> String {
    format!("DROP SCHEMA {}", quote_ident(name))
}

pub fn create_extension(extension: &Extension) -> String {
    let mut sql = format!(
        "CREATE EXTENSION {} WITH SCHEMA {}",
        quote_ident(&extension.name),
        quote_ident(&extension.schema)
    );
    if let Some(version) = &extension.version {
        sql.push_str(&format!(" VERSION {}", quote_literal(version)));
    }
    sql
}

pub fn drop_extension(extension: &Extension) -> String {
    format!("DROP EXTENSION {}", quote_ident(&extension.name))
}

/// Moves an extension to the target's schema and version.
pub fn alter_extension(from: &Extension, to: &Extension) -> Vec<String> {
    let mut statements = Vec::new();
    if from.schema != to.schema {
        statements.push(format!(
            "ALTER EXTENSION {} SET SCHEMA {}",
            quote_ident(&to.name),
            quote_ident(&to.schema)
        ));
    }
    if let Some(version) = to
        .version
        .as_ref()
        .filter(|v| from.version.as_ref() != Some(*v))
    {
        statements.push(format!(
            "ALTER EXTENSION {} UPDATE TO {}",
            quote_ident(&to.name),
            quote_literal(version)
        ));
    }
    statements
}

pub fn create_enum(enum_type: &EnumType) -> String {
    let labels: Vec<String> = enum_type.labels.iter().map(|l| quote_literal(l)).collect();
    format!(
        "CREATE TYPE {} AS ENUM ({})",
        enum_type.name,
        labels.join(", ")
    )
}

pub fn drop_type(name: &QualifiedName) -> String {
    format!("DROP TYPE {name}")
}

pub fn rename_type(name: &QualifiedName, new_name: &str) -> String {
    format!("ALTER TYPE {name} RENAME TO {}", quote_ident(new_name))
}

/// `CREATE SEQUENCE`, without `OWNED BY` (set once the column exists).
pub fn create_sequence(sequence: &Sequence) -> String {
    let data_type = match sequence.options.data_type.as_str() {
        "bigint" => String::new(),
        other => format!(" AS {other}"),
    };
    let defaults =
        SequenceOptions::creation_defaults(&sequence.options.data_type, sequence.options.increment);
    let options = sequence_options(&sequence.options, &defaults);
    format!("CREATE SEQUENCE {}{data_type}{options}", sequence.name)
}

pub fn drop_sequence(name: &QualifiedName) -> String {
    format!("DROP SEQUENCE {name}")
}

/// `ALTER SEQUENCE` for the options that differ from `from`.
pub fn alter_sequence(
    name: &QualifiedName,
    from: &SequenceOptions,
    to: &SequenceOptions,
) -> String {
    format!("ALTER SEQUENCE {name}{}", sequence_options(to, from))
}

pub fn sequence_owner(sequence: &QualifiedName, owner: &Option<(QualifiedName, String)>) -> String {
    match owner {
        Some((table, column)) => format!(
            "ALTER SEQUENCE {sequence} OWNED BY {table}.{}",
            quote_ident(column)
        ),
        None => format!("ALTER SEQUENCE {sequence} OWNED BY NONE"),
    }
}

/// The option clauses of `options` that differ from `base`, each with a leading space.
fn sequence_options(options: &SequenceOptions, base: &SequenceOptions) -> String {
    option_clauses(options, base)
        .iter()
        .map(|c| format!(" {c}"))
        .collect()
}

/// `SET GENERATED …` and `SET <option>` actions that turn identity `from` into `to`.
pub fn identity_changes(from: &Identity, to: &Identity) -> String {
    let mut actions = Vec::new();
    if from.always != to.always {
        let kind = if to.always { "ALWAYS" } else { "BY DEFAULT" };
        actions.push(format!("SET GENERATED {kind}"));
    }
    let mut from_options = from.options.clone();
    from_options.data_type = to.options.data_type.clone();
    for clause in option_clauses(&to.options, &from_options) {
        actions.push(format!("SET {clause}"));
    }
    actions.join(" ")
}

fn option_clauses(options: &SequenceOptions, base: &SequenceOptions) -> Vec<String> {
    let mut clauses = Vec::new();
    if options.data_type != base.data_type {
        clauses.push(format!("AS {}", options.data_type));
    }
    if options.increment != base.increment {
        clauses.push(format!("INCREMENT BY {}", options.increment));
    }
    if options.min_value != base.min_value {
        clauses.push(format!("MINVALUE {}", options.min_value));
    }
    if options.max_value != base.max_value {
        clauses.push(format!("MAXVALUE {}", options.max_value));
    }
    if options.start != base.start {
        clauses.push(format!("START WITH {}", options.start));
    }
    if options.cache != base.cache {
        clauses.push(format!("CACHE {}", options.cache));
    }
    if options.cycle != base.cycle {
        clauses.push(if options.cycle { "CYCLE" } else { "NO CYCLE" }.to_string());
    }
    clauses
}

/// `CREATE TABLE` with its columns and inline constraints, then its comments.
pub fn create_table(table: &Table) -> Vec<String> {
    let mut columns: Vec<&Column> = table.columns.values().collect();
    columns.sort_by_key(|c| c.position);
    let mut lines: Vec<String> = columns.iter().map(|c| column_definition(c)).collect();
    for constraint in table.constraints.values() {
        lines.push(format!(
            "CONSTRAINT {} {}",
            quote_ident(&constraint.name),
            constraint.definition.sql
        ));
    }
    let unlogged = if table.unlogged { "UNLOGGED " } else { "" };
    let body = if lines.is_empty() {
        String::new()
    } else {
        format!("\n    {}\n", lines.join(",\n    "))
    };
    let mut statements = vec![format!("CREATE {unlogged}TABLE {} ({body})", table.name)];
    statements.extend(comment_sql(
        CommentTarget::Table(table.name.clone()),
        &table.comment,
    ));
    for column in columns {
        statements.extend(comment_sql(
            CommentTarget::Column(table.name.clone(), column.name.clone()),
            &column.comment,
        ));
    }
    for constraint in table.constraints.values() {
        statements.extend(comment_sql(
            CommentTarget::Constraint(table.name.clone(), constraint.name.clone()),
            &constraint.comment,
        ));
    }
    statements
}

pub fn drop_table(name: &QualifiedName) -> String {
    format!("DROP TABLE {name}")
}

pub fn set_unlogged(name: &QualifiedName, unlogged: bool) -> String {
    let mode = if unlogged { "UNLOGGED" } else { "LOGGED" };
    format!("ALTER TABLE {name} SET {mode}")
}

/// A column as `CREATE TABLE` and `ADD COLUMN` write it.
pub fn column_definition(column: &Column) -> String {
    let mut sql = format!("{} {}", quote_ident(&column.name), column.type_name);
    if let Some(collation) = &column.collation {
        sql.push_str(&format!(" COLLATE {collation}"));
    }
    if let Some(identity) = &column.identity {
        sql.push_str(&format!(
            " {}",
            identity_clause(identity, &column.type_name)
        ));
    }
    if let Some(generated) = &column.generated {
        sql.push_str(&format!(" GENERATED ALWAYS AS ({}) STORED", generated.sql));
    }
    if let Some(default) = &column.default {
        sql.push_str(&format!(" DEFAULT {}", default_expression(default)));
    }
    if column.not_null && column.identity.is_none() {
        sql.push_str(" NOT NULL");
    }
    sql
}

/// A default as `DEFAULT` accepts it: the grammar takes only a restricted expression there,
/// so anything with an operator outside parentheses or quotes (`now() AT TIME ZONE 'utc'`)
/// is wrapped.
fn default_expression(default: &Expr) -> String {
    let (mut depth, mut quoted) = (0i32, false);
    let mut bare_space = false;
    for c in default.sql.chars() {
        match c {
            '\'' => quoted = !quoted,
            '(' | '[' if !quoted => depth += 1,
            ')' | ']' if !quoted => depth -= 1,
            c if c.is_whitespace() && !quoted && depth == 0 => bare_space = true,
            _ => {}
        }
    }
    if bare_space {
        format!("({})", default.sql)
    } else {
        default.sql.clone()
    }
}

/// The `SET DEFAULT …` action.
pub fn set_default(default: &Expr) -> String {
    format!("SET DEFAULT {}", default_expression(default))
}

/// `ALTER TYPE … ADD VALUE … BEFORE/AFTER …`.
pub fn add_enum_value(name: &QualifiedName, value: &str, neighbour: &str) -> String {
    format!(
        "ALTER TYPE {name} ADD VALUE {}{neighbour}",
        quote_literal(value)
    )
}

/// Converts a column to another enum (or array of it) through text, as there is no cast
/// between two enum types.
pub fn convert_enum_column(
    table: &QualifiedName,
    column: &str,
    type_name: &str,
    array: bool,
) -> String {
    let array = if array { "[]" } else { "" };
    alter_column(
        table,
        column,
        &format!(
            "TYPE {type_name}{array} USING {}::text{array}::{type_name}{array}",
            quote_ident(column)
        ),
    )
}

/// `GENERATED … AS IDENTITY` with the options that are not the type's defaults.
pub fn identity_clause(identity: &Identity, type_name: &str) -> String {
    let kind = if identity.always {
        "ALWAYS"
    } else {
        "BY DEFAULT"
    };
    let defaults = SequenceOptions::creation_defaults(type_name, identity.options.increment);
    let options = sequence_options(&identity.options, &defaults);
    let options = options.trim();
    if options.is_empty() {
        format!("GENERATED {kind} AS IDENTITY")
    } else {
        format!("GENERATED {kind} AS IDENTITY ({options})")
    }
}

pub fn add_column(table: &QualifiedName, column: &Column) -> Vec<String> {
    let mut statements = vec![format!(
        "ALTER TABLE {table} ADD COLUMN {}",
        column_definition(column)
    )];
    statements.extend(comment_sql(
        CommentTarget::Column(table.clone(), column.name.clone()),
        &column.comment,
    ));
    statements
}

pub fn drop_column(table: &QualifiedName, column: &str) -> String {
    format!("ALTER TABLE {table} DROP COLUMN {}", quote_ident(column))
}

/// `ALTER TABLE t ALTER COLUMN c <action>`.
pub fn alter_column(table: &QualifiedName, column: &str, action: &str) -> String {
    format!(
        "ALTER TABLE {table} ALTER COLUMN {} {action}",
        quote_ident(column)
    )
}

/// The `TYPE …` action, with `USING` when PostgreSQL has no assignment cast between the types.
pub fn column_type_action(column: &str, from_type: &str, to: &Column) -> String {
    let mut action = format!("TYPE {}", to.type_name);
    if let Some(collation) = &to.collation {
        action.push_str(&format!(" COLLATE {collation}"));
    }
    if !assignment_cast_exists(from_type, &to.type_name) {
        // user types (enums) cast only through text
        let via_text = if is_builtin_type(from_type) {
            ""
        } else {
            "::text"
        };
        action.push_str(&format!(
            " USING {}{via_text}::{}",
            quote_ident(column),
            to.type_name
        ));
    }
    action
}

/// Whether the server converts `from` to `to` without `USING` (an implicit or assignment
/// cast exists). Conservative: unknown pairs get a `USING` cast.
fn assignment_cast_exists(from: &str, to: &str) -> bool {
    let family = |t: &str| {
        let base = t.split('(').next().unwrap_or(t).trim();
        match base {
            "smallint" | "integer" | "bigint" | "numeric" | "real" | "double precision" => "number",
            "text" | "character varying" | "character" | "bpchar" => "string",
            "timestamp" | "date" => "time",
            _ if base.starts_with("timestamp") => "time",
            _ if base.starts_with("time") => "clock",
            "bit" | "bit varying" => "bits",
            _ => "",
        }
    };
    if from == to || from.ends_with("[]") != to.ends_with("[]") {
        return from == to;
    }
    let (from_family, to_family) = (family(from), family(to));
    // every type has an assignment cast to text through its output function
    to_family == "string" && !to.ends_with("[]")
        || (!from_family.is_empty() && from_family == to_family)
}

pub fn add_constraint(table: &QualifiedName, constraint: &Constraint) -> Vec<String> {
    let not_valid = if constraint.not_valid {
        " NOT VALID"
    } else {
        ""
    };
    let mut statements = vec![format!(
        "ALTER TABLE {table} ADD CONSTRAINT {} {}{not_valid}",
        quote_ident(&constraint.name),
        constraint.definition.sql
    )];
    statements.extend(comment_sql(
        CommentTarget::Constraint(table.clone(), constraint.name.clone()),
        &constraint.comment,
    ));
    statements
}

pub fn drop_constraint(table: &QualifiedName, name: &str) -> String {
    format!("ALTER TABLE {table} DROP CONSTRAINT {}", quote_ident(name))
}

pub fn validate_constraint(table: &QualifiedName, name: &str) -> String {
    format!(
        "ALTER TABLE {table} VALIDATE CONSTRAINT {}",
        quote_ident(name)
    )
}

pub fn create_index(index: &Index) -> Vec<String> {
    let mut statements = vec![index.definition.sql.clone()];
    statements.extend(comment_sql(
        CommentTarget::Index(index.name.clone()),
        &index.comment,
    ));
    statements
}

pub fn drop_index(name: &QualifiedName) -> String {
    format!("DROP INDEX {name}")
}

/// `CREATE VIEW … AS …` and its comment.
pub fn create_view(view: &View) -> Vec<String> {
    let with = if view.options.is_empty() {
        String::new()
    } else {
        format!(" WITH ({})", view.options.join(", "))
    };
    let mut statements = vec![format!(
        "CREATE VIEW {}{with} AS {}",
        view.name, view.query.sql
    )];
    statements.extend(comment_sql(
        CommentTarget::View(view.name.clone()),
        &view.comment,
    ));
    statements
}

pub fn drop_view(name: &QualifiedName) -> String {
    format!("DROP VIEW {name}")
}

fn function_keyword(procedure: bool) -> &'static str {
    if procedure {
        "PROCEDURE"
    } else {
        "FUNCTION"
    }
}

/// `CREATE OR REPLACE FUNCTION …` and its comment.
pub fn create_function(function: &Function) -> Vec<String> {
    let mut statements = vec![function
        .definition
        .sql
        .trim_end()
        .trim_end_matches(';')
        .to_string()];
    statements.extend(comment_sql(
        CommentTarget::Function {
            signature: function.signature(),
            procedure: function.procedure,
        },
        &function.comment,
    ));
    statements
}

pub fn drop_function(function: &Function) -> String {
    format!(
        "DROP {} {}",
        function_keyword(function.procedure),
        function.signature()
    )
}

/// Emitted at the top of a script that creates functions: a `LANGUAGE sql` body may read
/// tables created later in the script, as `pg_dump` output does.
pub const DEFER_FUNCTION_BODY_CHECKS: &str = "SET check_function_bodies = false";

/// `COMMENT ON … IS …`, or nothing for no comment (used when creating objects).
pub fn comment_sql(target: CommentTarget, comment: &Option<String>) -> Option<String> {
    comment.as_ref().map(|_| set_comment(&target, comment))
}

/// `COMMENT ON … IS '…'` or `IS NULL`.
pub fn set_comment(target: &CommentTarget, comment: &Option<String>) -> String {
    let object = comment_object(target);
    let value = comment.as_deref().map_or("NULL".to_string(), quote_literal);
    format!("COMMENT ON {object} IS {value}")
}

/// The object of a comment as `COMMENT ON` names it: `TABLE public.orders`.
pub fn comment_object(target: &CommentTarget) -> String {
    match target {
        CommentTarget::Schema(name) => format!("SCHEMA {}", quote_ident(name)),
        CommentTarget::Extension(name) => format!("EXTENSION {}", quote_ident(name)),
        CommentTarget::Type(name) => format!("TYPE {name}"),
        CommentTarget::Sequence(name) => format!("SEQUENCE {name}"),
        CommentTarget::Table(name) => format!("TABLE {name}"),
        CommentTarget::Column(table, column) => format!("COLUMN {table}.{}", quote_ident(column)),
        CommentTarget::Constraint(table, name) => {
            format!("CONSTRAINT {} ON {table}", quote_ident(name))
        }
        CommentTarget::Index(name) => format!("INDEX {name}"),
        CommentTarget::View(name) => format!("VIEW {name}"),
        CommentTarget::Function {
            signature,
            procedure,
        } => format!("{} {signature}", function_keyword(*procedure)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn using_only_without_an_assignment_cast() {
        assert!(assignment_cast_exists("integer", "bigint"));
        assert!(assignment_cast_exists("character varying(50)", "text"));
        assert!(assignment_cast_exists("integer", "text"));
        assert!(assignment_cast_exists(
            "timestamp without time zone",
            "timestamp with time zone"
        ));
        assert!(!assignment_cast_exists("text", "integer"));
        assert!(!assignment_cast_exists("text", "mood"));
        assert!(!assignment_cast_exists("integer", "boolean"));
    }
}
