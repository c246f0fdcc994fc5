//! SQL statements for model objects and changes. Every statement the engine emits is built
//! here, so quoting and formatting decisions live in one place.

pub mod archive;
pub mod casts;
pub mod event_triggers;
pub mod foreign;
pub mod operators;
pub mod privileges;
pub mod publications;
pub mod retype;
pub mod rules;
pub mod staging;
pub mod statistics;
pub mod subscriptions;
pub mod text_search;

use super::quote::{quote_ident, quote_literal};
use crate::diff::{CommentTarget, Pair};
use crate::model::{
    Attribute, Collation, Column, CompositeType, Constraint, Domain, DomainConstraint, EnumType,
    Expr, Extension, Function, Identity, Index, PartitionOf, Policy, QualifiedName, RangeType,
    Sequence, SequenceOptions, Storage, Table, Trigger, TriggerEnabled, View,
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

/// `CREATE DOMAIN` with its valid constraints, then the `NOT VALID` ones (which only `ALTER
/// DOMAIN` can add) and its comment.
pub fn create_domain(domain: &Domain) -> Vec<String> {
    let mut sql = format!("CREATE DOMAIN {} AS {}", domain.name, domain.base_type);
    if let Some(collation) = &domain.collation {
        sql.push_str(&format!(" COLLATE {collation}"));
    }
    if let Some(default) = &domain.default {
        sql.push_str(&format!(" DEFAULT {}", default_expression(default)));
    }
    if domain.not_null {
        sql.push_str(" NOT NULL");
    }
    let (valid, not_valid): (Vec<_>, Vec<_>) =
        domain.constraints.values().partition(|c| !c.not_valid);
    for constraint in valid {
        sql.push_str(&format!(" {}", domain_constraint(constraint)));
    }
    let mut statements = vec![sql];
    for constraint in not_valid {
        statements.push(add_domain_constraint(&domain.name, constraint));
    }
    statements.extend(comment_sql(
        CommentTarget::Domain(domain.name.clone()),
        &domain.comment,
    ));
    statements
}

pub fn drop_domain(name: &QualifiedName) -> String {
    format!("DROP DOMAIN {name}")
}

/// `ALTER DOMAIN d <action>`.
pub fn alter_domain(name: &QualifiedName, action: &str) -> String {
    format!("ALTER DOMAIN {name} {action}")
}

fn domain_constraint(constraint: &DomainConstraint) -> String {
    format!(
        "CONSTRAINT {} CHECK ({})",
        quote_ident(&constraint.name),
        constraint.check.sql
    )
}

pub fn add_domain_constraint(name: &QualifiedName, constraint: &DomainConstraint) -> String {
    let not_valid = if constraint.not_valid {
        " NOT VALID"
    } else {
        ""
    };
    alter_domain(
        name,
        &format!("ADD {}{not_valid}", domain_constraint(constraint)),
    )
}

pub fn drop_domain_constraint(name: &QualifiedName, constraint: &str) -> String {
    alter_domain(
        name,
        &format!("DROP CONSTRAINT {}", quote_ident(constraint)),
    )
}

pub fn validate_domain_constraint(name: &QualifiedName, constraint: &str) -> String {
    alter_domain(
        name,
        &format!("VALIDATE CONSTRAINT {}", quote_ident(constraint)),
    )
}

/// An attribute as `CREATE TYPE … AS (…)` and `ADD ATTRIBUTE` write it.
pub fn attribute_definition(attribute: &Attribute) -> String {
    let mut sql = format!("{} {}", quote_ident(&attribute.name), attribute.type_name);
    if let Some(collation) = &attribute.collation {
        sql.push_str(&format!(" COLLATE {collation}"));
    }
    sql
}

/// `CREATE TYPE … AS (…)` and its comment.
pub fn create_composite_type(composite: &CompositeType) -> Vec<String> {
    let attributes: Vec<String> = composite
        .attributes
        .iter()
        .map(attribute_definition)
        .collect();
    let mut statements = vec![format!(
        "CREATE TYPE {} AS ({})",
        composite.name,
        attributes.join(", ")
    )];
    statements.extend(comment_sql(
        CommentTarget::Type(composite.name.clone()),
        &composite.comment,
    ));
    statements
}

/// `ALTER TYPE t <action>`.
pub fn alter_type(name: &QualifiedName, action: &str) -> String {
    format!("ALTER TYPE {name} {action}")
}

/// `CREATE TYPE … AS RANGE (…)` and its comment.
pub fn create_range_type(range: &RangeType) -> Vec<String> {
    let mut options = vec![format!("subtype = {}", range.subtype)];
    options.extend(range.options.iter().cloned());
    let mut statements = vec![format!(
        "CREATE TYPE {} AS RANGE ({})",
        range.name,
        options.join(", ")
    )];
    statements.extend(comment_sql(
        CommentTarget::Type(range.name.clone()),
        &range.comment,
    ));
    statements
}

/// `CREATE COLLATION` with every property spelled out (a copy of `C` or `POSIX` as one,
/// which keeps it usable with any encoding), and its comment.
pub fn create_collation(collation: &Collation) -> Vec<String> {
    let mut statements = vec![create_collation_statement(collation)];
    statements.extend(comment_sql(
        CommentTarget::Collation(collation.name.clone()),
        &collation.comment,
    ));
    statements
}

fn create_collation_statement(collation: &Collation) -> String {
    if collation.any_encoding {
        let source = collation.lc_collate.as_deref().unwrap_or("C");
        return format!(
            "CREATE COLLATION {} FROM {}",
            collation.name,
            quote_ident(source)
        );
    }
    let mut options = vec![format!("provider = {}", collation.provider)];
    match (&collation.lc_collate, &collation.lc_ctype) {
        (Some(collate), Some(ctype)) if collate == ctype => {
            options.push(format!("locale = {}", quote_literal(collate)))
        }
        (collate, ctype) => {
            for (key, value) in [("lc_collate", collate), ("lc_ctype", ctype)] {
                if let Some(value) = value {
                    options.push(format!("{key} = {}", quote_literal(value)));
                }
            }
        }
    }
    if let Some(locale) = &collation.locale {
        options.push(format!("locale = {}", quote_literal(locale)));
    }
    if !collation.deterministic {
        options.push("deterministic = false".into());
    }
    format!(
        "CREATE COLLATION {} ({})",
        collation.name,
        options.join(", ")
    )
}

pub fn drop_collation(name: &QualifiedName) -> String {
    format!("DROP COLLATION {name}")
}

/// `CREATE SEQUENCE`, without `OWNED BY` (set once the column exists).
pub fn create_sequence(sequence: &Sequence) -> String {
    let data_type = match sequence.options.data_type.as_str() {
        "bigint" => String::new(),
        other => format!(" AS {other}"),
    };
    let mut defaults =
        SequenceOptions::creation_defaults(&sequence.options.data_type, sequence.options.increment);
    // an unwritten START is the bound the sequence counts from, as given
    defaults.start = if sequence.options.increment > 0 {
        sequence.options.min_value
    } else {
        sequence.options.max_value
    };
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
    // a partition lists only what it adds to its parent's columns; an inheritance child
    // leaves its inherited columns out and sets their defaults and NOT NULL after
    let mut after = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for column in &columns {
        if !column.inherited {
            lines.push(column_definition(column));
            // `STORAGE` in a column definition is PostgreSQL 16's
            if let Some(storage) = column.storage {
                after.push(alter_column(
                    &table.name,
                    &column.name,
                    &set_storage(storage),
                ));
            }
        } else if table.partition_of.is_some() {
            let mut options = Vec::new();
            if let Some(default) = &column.default {
                options.push(format!("DEFAULT {}", default_expression(default)));
            }
            if column.not_null {
                options.push("NOT NULL".into());
            }
            if !options.is_empty() {
                lines.push(format!(
                    "{} WITH OPTIONS {}",
                    quote_ident(&column.name),
                    options.join(" ")
                ));
            }
        } else {
            if let Some(default) = &column.default {
                after.push(alter_column(
                    &table.name,
                    &column.name,
                    &set_default(default),
                ));
            }
            if column.not_null {
                after.push(alter_column(&table.name, &column.name, "SET NOT NULL"));
            }
        }
    }
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
    let mut create = match &table.partition_of {
        Some(partition) => {
            let body = if body.is_empty() {
                String::new()
            } else {
                format!(" ({body})")
            };
            format!(
                "CREATE {unlogged}TABLE {} PARTITION OF {}{body} {}",
                table.name, partition.parent, partition.bound.sql
            )
        }
        None => format!("CREATE {unlogged}TABLE {} ({body})", table.name),
    };
    if !table.inherits.is_empty() {
        let parents: Vec<String> = table.inherits.iter().map(ToString::to_string).collect();
        create.push_str(&format!(" INHERITS ({})", parents.join(", ")));
    }
    if let Some(key) = &table.partition_by {
        create.push_str(&format!(" PARTITION BY {}", key.sql));
    }
    if !table.options.is_empty() {
        create.push_str(&format!(" WITH ({})", storage_options(&table.options)));
    }
    let mut statements = vec![create];
    if table.replica_identity.is_some() {
        statements.push(replica_identity(&table.name, &table.replica_identity));
    }
    statements.extend(after);
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

/// The statements that turn storage parameters `from` into `to`: what goes is reset, what
/// is new or changed is set.
pub fn set_storage_options(table: &QualifiedName, from: &[String], to: &[String]) -> Vec<String> {
    set_reset_options(&format!("ALTER TABLE {table}"), from, to)
}

/// `… RESET (…)` for the options that go and `… SET (…)` for those added or changed.
fn set_reset_options(prefix: &str, from: &[String], to: &[String]) -> Vec<String> {
    let key = |option: &String| option.split('=').next().unwrap_or_default().to_string();
    let reset: Vec<String> = from
        .iter()
        .map(key)
        .filter(|k| !to.iter().any(|o| key(o) == *k))
        .collect();
    let set: Vec<String> = to.iter().filter(|o| !from.contains(o)).cloned().collect();
    let mut statements = Vec::new();
    if !reset.is_empty() {
        statements.push(format!("{prefix} RESET ({})", reset.join(", ")));
    }
    if !set.is_empty() {
        statements.push(format!("{prefix} SET ({})", storage_options(&set)));
    }
    statements
}

/// `name=value, …`, the value quoted unless it is a plain word or number.
fn storage_options(options: &[String]) -> String {
    let plain = |v: &str| {
        !v.is_empty()
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
    };
    options
        .iter()
        .map(|option| match option.split_once('=') {
            Some((name, value)) if !plain(value) => format!("{name}={}", quote_literal(value)),
            _ => option.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn replica_identity(table: &QualifiedName, identity: &Option<String>) -> String {
    let identity = identity.as_deref().unwrap_or("DEFAULT");
    format!("ALTER TABLE {table} REPLICA IDENTITY {identity}")
}

pub fn attach_partition(table: &QualifiedName, partition: &PartitionOf) -> String {
    format!(
        "ALTER TABLE {} ATTACH PARTITION {table} {}",
        partition.parent, partition.bound.sql
    )
}

pub fn detach_partition(table: &QualifiedName, parent: &QualifiedName) -> String {
    format!("ALTER TABLE {parent} DETACH PARTITION {table}")
}

pub fn inherit(table: &QualifiedName, parent: &QualifiedName, inherit: bool) -> String {
    let keyword = if inherit { "INHERIT" } else { "NO INHERIT" };
    format!("ALTER TABLE {table} {keyword} {parent}")
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
    if let Some(method) = &column.compression {
        sql.push_str(&format!(" COMPRESSION {method}"));
    }
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
fn identity_clause(identity: &Identity, type_name: &str) -> String {
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

/// Moves an identity column's sequence past the values the column holds (a table with no
/// rows leaves it at its start).
pub fn continue_identity(table: &QualifiedName, column: &str, increment: i64) -> String {
    let extreme = if increment < 0 { "min" } else { "max" };
    // the column argument is taken literally, not as an identifier
    let sequence = format!(
        "pg_get_serial_sequence({}, {})",
        quote_literal(&table.to_string()),
        quote_literal(column)
    );
    let column = quote_ident(column);
    format!(
        "SELECT setval({sequence}, {extreme}({column})) FROM {table} HAVING {extreme}({column}) IS NOT NULL"
    )
}

/// Moves a sequence past the values the columns drawing from it hold.
pub fn continue_sequence(
    sequence: &QualifiedName,
    increment: i64,
    users: &[(QualifiedName, String)],
) -> String {
    let (extreme, pick) = if increment < 0 {
        ("min", "least")
    } else {
        ("max", "greatest")
    };
    let values: Vec<String> = users
        .iter()
        .map(|(table, column)| format!("(SELECT {extreme}({}) FROM {table})", quote_ident(column)))
        .collect();
    format!(
        "SELECT setval({}, used) FROM (SELECT {pick}({}) AS used) AS highest WHERE used IS NOT NULL",
        quote_literal(&sequence.to_string()),
        values.join(", ")
    )
}

pub fn add_column(table: &QualifiedName, column: &Column) -> Vec<String> {
    let mut statements = vec![format!(
        "ALTER TABLE {table} ADD COLUMN {}",
        column_definition(column)
    )];
    if let Some(storage) = column.storage {
        statements.push(alter_column(table, &column.name, &set_storage(storage)));
    }
    statements.extend(comment_sql(
        CommentTarget::Column(table.clone(), column.name.clone()),
        &column.comment,
    ));
    statements
}

/// Gives the NULLs of a column the value of `expression`, which reads the row's columns.
pub fn fill_nulls(table: &QualifiedName, column: &str, expression: &str) -> String {
    let column = quote_ident(column);
    format!("UPDATE {table} SET {column} = ({expression}) WHERE {column} IS NULL")
}

pub fn rename_table(old: &QualifiedName, new: &QualifiedName) -> String {
    format!("ALTER TABLE {old} RENAME TO {}", quote_ident(&new.name))
}

pub fn rename_column(table: &QualifiedName, from: &str, to: &str) -> String {
    format!(
        "ALTER TABLE {table} RENAME COLUMN {} TO {}",
        quote_ident(from),
        quote_ident(to)
    )
}

pub fn drop_column(table: &QualifiedName, column: &str) -> String {
    drop_column_of(table, true, column)
}

/// `ALTER TABLE ONLY … DROP COLUMN` without `recurse`: inheritance children keep their copies.
pub fn drop_column_of(table: &QualifiedName, recurse: bool, column: &str) -> String {
    let only = if recurse { "" } else { "ONLY " };
    format!(
        "ALTER TABLE {only}{table} DROP COLUMN {}",
        quote_ident(column)
    )
}

/// The `SET STORAGE …` action.
pub fn set_storage(storage: Storage) -> String {
    let keyword = match storage {
        Storage::Plain => "PLAIN",
        Storage::External => "EXTERNAL",
        Storage::Extended => "EXTENDED",
        Storage::Main => "MAIN",
    };
    format!("SET STORAGE {keyword}")
}

/// The `SET COMPRESSION …` action; `None` is the server's default method.
pub fn set_compression(method: Option<&str>) -> String {
    format!("SET COMPRESSION {}", method.unwrap_or("default"))
}

/// `ALTER TABLE t ALTER COLUMN c <action>`.
pub fn alter_column(table: &QualifiedName, column: &str, action: &str) -> String {
    alter_column_of(table, true, column, action)
}

/// Makes a column an identity column.
pub fn add_identity(
    table: &QualifiedName,
    column: &str,
    identity: &Identity,
    type_name: &str,
) -> String {
    let clause = identity_clause(identity, type_name);
    alter_column(table, column, &format!("ADD {clause}"))
}

/// `ALTER TABLE`, or `ALTER TABLE ONLY` without `recurse`: the change stays off the
/// table's partitions and children.
pub fn alter_column_of(table: &QualifiedName, recurse: bool, column: &str, action: &str) -> String {
    let only = if recurse { "" } else { "ONLY " };
    format!(
        "ALTER TABLE {only}{table} ALTER COLUMN {} {action}",
        quote_ident(column)
    )
}

/// The `TYPE …` action, with `USING` when PostgreSQL has no assignment cast between the types.
pub fn column_type_action(column: &str, from_type: &str, to: &Column) -> String {
    let mut action = format!("TYPE {}", to.type_name);
    if let Some(collation) = &to.collation {
        action.push_str(&format!(" COLLATE {collation}"));
    }
    if let Some(using) = converted(&quote_ident(column), from_type, &to.type_name) {
        action.push_str(&format!(" USING {using}"));
    }
    action
}

/// `value` (of type `from_type`) converted to `to_type`, when an assignment alone would not
/// convert it: arrays to and from their elements, and pairs without an assignment cast.
pub fn converted(value: &str, from_type: &str, to_type: &str) -> Option<String> {
    match (from_type.ends_with("[]"), to_type.ends_with("[]")) {
        // a value becomes a one-element array, NULL stays NULL
        (false, true) => {
            return Some(format!(
                "CASE WHEN {value} IS NULL THEN NULL ELSE ARRAY[{value}]::{to_type} END"
            ))
        }
        // an array becomes its first element
        (true, false) => return Some(format!("{value}[1]::{to_type}")),
        _ => {}
    }
    if assignment_cast_exists(from_type, to_type) {
        return None;
    }
    // user types (enums) cast only through text
    let via_text = if is_builtin_type(from_type) {
        ""
    } else {
        "::text"
    };
    Some(format!("{value}{via_text}::{to_type}"))
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

pub fn rename_constraint(table: &QualifiedName, from: &str, to: &str) -> String {
    format!(
        "ALTER TABLE {table} RENAME CONSTRAINT {} TO {}",
        quote_ident(from),
        quote_ident(to)
    )
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

/// `CREATE [MATERIALIZED] VIEW … AS …` and its comments.
pub fn create_view(view: &View) -> Vec<String> {
    let mut statements = vec![format!("CREATE {}", view_definition(view))];
    statements.extend(view_comments(view));
    statements
}

/// `CREATE OR REPLACE VIEW … AS …` and the comments on the columns it adds.
pub fn replace_view(view: &Pair<View>) -> Vec<String> {
    let mut statements = vec![format!("CREATE OR REPLACE {}", view_definition(&view.to))];
    for (column, comment) in &view.to.column_comments {
        if !view.from.columns.contains(column) {
            statements.push(set_comment(
                &CommentTarget::Column(view.to.name.clone(), column.clone()),
                &Some(comment.clone()),
            ));
        }
    }
    statements
}

/// `VIEW name WITH (…) AS query`, with the keyword of its kind.
fn view_definition(view: &View) -> String {
    let with = if view.options.is_empty() {
        String::new()
    } else {
        format!(" WITH ({})", view.options.join(", "))
    };
    let no_data = if view.no_data { " WITH NO DATA" } else { "" };
    format!(
        "{} {}{with} AS {}{no_data}",
        view.keyword(),
        view.name,
        view.query.sql
    )
}

/// `REFRESH MATERIALIZED VIEW`, which leaves it as `view` says: populated or not.
pub fn refresh_view(view: &View) -> String {
    let no_data = if view.no_data { " WITH NO DATA" } else { "" };
    format!("REFRESH MATERIALIZED VIEW {}{no_data}", view.name)
}

/// The comments on a view and its columns, for a view being created.
fn view_comments(view: &View) -> Vec<String> {
    let mut statements: Vec<String> = comment_sql(view_comment_target(view), &view.comment)
        .into_iter()
        .collect();
    for (column, comment) in &view.column_comments {
        statements.push(set_comment(
            &CommentTarget::Column(view.name.clone(), column.clone()),
            &Some(comment.clone()),
        ));
    }
    statements
}

/// What `COMMENT ON` calls a view of either kind.
pub fn view_comment_target(view: &View) -> CommentTarget {
    if view.materialized {
        CommentTarget::MaterializedView(view.name.clone())
    } else {
        CommentTarget::View(view.name.clone())
    }
}

pub fn drop_view(view: &View) -> String {
    format!("DROP {} {}", view.keyword(), view.name)
}

/// `ALTER [MATERIALIZED] VIEW … SET (…)` for options added or changed, `RESET (…)` for those
/// removed.
pub fn alter_view_options(view: &View, options: &Pair<Vec<String>>) -> Vec<String> {
    let prefix = format!("ALTER {} {}", view.keyword(), view.name);
    set_reset_options(&prefix, &options.from, &options.to)
}

/// `CREATE TRIGGER …`, its enabled state when not the default, and its comment.
pub fn create_trigger(trigger: &Trigger) -> Vec<String> {
    let mut statements = vec![trigger.definition.sql.clone()];
    if trigger.enabled != TriggerEnabled::Origin {
        statements.push(set_trigger_enabled(
            &trigger.table,
            &trigger.name,
            trigger.enabled,
        ));
    }
    statements.extend(comment_sql(
        CommentTarget::Trigger(trigger.table.clone(), trigger.name.clone()),
        &trigger.comment,
    ));
    statements
}

pub fn drop_trigger(table: &QualifiedName, name: &str) -> String {
    format!("DROP TRIGGER {} ON {table}", quote_ident(name))
}

pub fn set_trigger_enabled(table: &QualifiedName, name: &str, enabled: TriggerEnabled) -> String {
    let action = match enabled {
        TriggerEnabled::Origin => "ENABLE",
        TriggerEnabled::Disabled => "DISABLE",
        TriggerEnabled::Replica => "ENABLE REPLICA",
        TriggerEnabled::Always => "ENABLE ALWAYS",
    };
    format!("ALTER TABLE {table} {action} TRIGGER {}", quote_ident(name))
}

pub fn set_row_security(table: &QualifiedName, enabled: bool) -> String {
    let action = if enabled { "ENABLE" } else { "DISABLE" };
    format!("ALTER TABLE {table} {action} ROW LEVEL SECURITY")
}

pub fn set_force_row_security(table: &QualifiedName, forced: bool) -> String {
    let action = if forced { "FORCE" } else { "NO FORCE" };
    format!("ALTER TABLE {table} {action} ROW LEVEL SECURITY")
}

/// `CREATE POLICY …` and its comment.
pub fn create_policy(policy: &Policy) -> Vec<String> {
    let mut sql = format!(
        "CREATE POLICY {} ON {}",
        quote_ident(&policy.name),
        policy.table
    );
    if !policy.permissive {
        sql.push_str(" AS RESTRICTIVE");
    }
    if policy.command != "ALL" {
        sql.push_str(&format!(" FOR {}", policy.command));
    }
    sql.push_str(&policy_clauses(None, policy));
    let mut statements = vec![sql];
    statements.extend(comment_sql(
        CommentTarget::Policy(policy.table.clone(), policy.name.clone()),
        &policy.comment,
    ));
    statements
}

/// `ALTER POLICY … ON …` with the clauses that differ from `from`.
pub fn alter_policy(from: &Policy, to: &Policy) -> String {
    format!(
        "ALTER POLICY {} ON {}{}",
        quote_ident(&to.name),
        to.table,
        policy_clauses(Some(from), to)
    )
}

/// `ALTER POLICY` restating every clause of `policy`.
pub fn restate_policy(policy: &Policy) -> String {
    format!(
        "ALTER POLICY {} ON {}{}",
        quote_ident(&policy.name),
        policy.table,
        policy_clauses(None, policy)
    )
}

/// `TO …`, `USING (…)` and `WITH CHECK (…)`: all of them, or those that differ from `from`.
fn policy_clauses(from: Option<&Policy>, to: &Policy) -> String {
    let mut clauses = String::new();
    let default_roles = from.is_none() && to.roles == ["public"];
    if from.is_none_or(|f| f.roles != to.roles) && !default_roles {
        let roles: Vec<String> = to
            .roles
            .iter()
            .map(|r| match r.as_str() {
                "public" | "current_user" | "current_role" | "session_user" => r.to_uppercase(),
                other => quote_ident(other),
            })
            .collect();
        clauses.push_str(&format!(" TO {}", roles.join(", ")));
    }
    if let Some(using) = &to.using {
        if from.is_none_or(|f| f.using.as_ref() != Some(using)) {
            clauses.push_str(&format!(" USING ({})", using.sql));
        }
    }
    if let Some(check) = &to.with_check {
        if from.is_none_or(|f| f.with_check.as_ref() != Some(check)) {
            clauses.push_str(&format!(" WITH CHECK ({})", check.sql));
        }
    }
    clauses
}

pub fn drop_policy(table: &QualifiedName, name: &str) -> String {
    format!("DROP POLICY {} ON {table}", quote_ident(name))
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
            keyword: function.keyword(),
        },
        &function.comment,
    ));
    statements
}

pub fn drop_function(function: &Function) -> String {
    format!("DROP {} {}", function.keyword(), function.signature())
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
        CommentTarget::Statistics(name) => format!("STATISTICS {name}"),
        CommentTarget::View(name) => format!("VIEW {name}"),
        CommentTarget::MaterializedView(name) => format!("MATERIALIZED VIEW {name}"),
        CommentTarget::Function { signature, keyword } => format!("{keyword} {signature}"),
        CommentTarget::Domain(name) => format!("DOMAIN {name}"),
        CommentTarget::Collation(name) => format!("COLLATION {name}"),
        CommentTarget::Trigger(table, name) => format!("TRIGGER {} ON {table}", quote_ident(name)),
        CommentTarget::Policy(table, name) => format!("POLICY {} ON {table}", quote_ident(name)),
        CommentTarget::Rule(table, name) => format!("RULE {} ON {table}", quote_ident(name)),
        CommentTarget::Publication(name) => format!("PUBLICATION {}", quote_ident(name)),
        CommentTarget::EventTrigger(name) => format!("EVENT TRIGGER {}", quote_ident(name)),
        CommentTarget::Cast(source, target) => format!("CAST ({source} AS {target})"),
        CommentTarget::TextSearchDictionary(name) => format!("TEXT SEARCH DICTIONARY {name}"),
        CommentTarget::TextSearchConfiguration(name) => {
            format!("TEXT SEARCH CONFIGURATION {name}")
        }
        CommentTarget::Operator(signature) => format!("OPERATOR {signature}"),
        CommentTarget::OperatorFamily(name, method) => {
            format!(
                "OPERATOR FAMILY {}",
                operators::family_or_class(name, method)
            )
        }
        CommentTarget::OperatorClass(name, method) => {
            format!(
                "OPERATOR CLASS {}",
                operators::family_or_class(name, method)
            )
        }
        CommentTarget::ForeignDataWrapper(name) => {
            format!("FOREIGN DATA WRAPPER {}", quote_ident(name))
        }
        CommentTarget::ForeignServer(name) => format!("SERVER {}", quote_ident(name)),
        CommentTarget::Subscription(name) => format!("SUBSCRIPTION {}", quote_ident(name)),
        CommentTarget::ForeignTable(name) => format!("FOREIGN TABLE {name}"),
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
