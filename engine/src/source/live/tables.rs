//! Tables and their columns: two queries, one for all tables and one for all columns.

use std::collections::HashMap;

use postgres::Transaction;

use super::sequences;
use super::{Distinct, Reader};
use crate::error::Error;
use crate::model::{Catalog, Column, Expr, Identity, PartitionOf, QualifiedName, Storage, Table};
use crate::normalize::expr::parse_expressions;
use crate::normalize::partitioning;
use crate::render::quote::{quote_ident, quote_qualified};

const TABLES: &str = include_str!("queries/tables.sql");
const COLUMNS: &str = include_str!("queries/columns.sql");

/// The tables read, by oid: constraints and indexes name their table by oid.
pub(super) type TableOids = HashMap<u32, QualifiedName>;

/// Where an expression text goes once the batch is parsed.
struct PendingExpression {
    table: QualifiedName,
    column: String,
    generated: bool,
    text: String,
}

/// Adds the tables with their columns and returns them by oid.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<TableOids, Error> {
    const WHAT: &str = "tables";
    let mut oids = TableOids::new();
    for row in reader.query(tx, WHAT, TABLES)? {
        let name = QualifiedName::new(
            reader.get::<String>(&row, WHAT, "schema")?,
            reader.get::<String>(&row, WHAT, "name")?,
        );
        let mut table = Table::new(name.clone());
        table.unlogged = reader.get(&row, WHAT, "unlogged")?;
        table.row_security = reader.get(&row, WHAT, "row_security")?;
        table.force_row_security = reader.get(&row, WHAT, "force_row_security")?;
        table.comment = reader.get(&row, WHAT, "comment")?;
        table.options = reader.get(&row, WHAT, "options")?;
        table.options.sort();
        let replica_index: Option<String> = reader.get(&row, WHAT, "replica_index")?;
        table.replica_identity = match reader
            .get::<String>(&row, WHAT, "replica_identity")?
            .as_str()
        {
            "f" => Some("FULL".into()),
            "n" => Some("NOTHING".into()),
            "i" => replica_index.map(|i| format!("USING INDEX {}", quote_ident(&i))),
            _ => None,
        };
        let parents: Vec<QualifiedName> = reader
            .get::<Vec<String>>(&row, WHAT, "parent_schemas")?
            .into_iter()
            .zip(reader.get::<Vec<String>>(&row, WHAT, "parent_names")?)
            .map(|(schema, name)| QualifiedName::new(schema, name))
            .collect();
        if let Some(key) = reader.get::<Option<String>>(&row, WHAT, "partition_key")? {
            table.partition_by = Some(partitioning::key(&key).ok_or_else(|| {
                reader.error(
                    WHAT,
                    format!("cannot parse the partition key of `{name}`: {key}"),
                )
            })?);
        }
        match reader.get::<Option<String>>(&row, WHAT, "partition_bound")? {
            Some(bound) => {
                let parent = parents.into_iter().next().ok_or_else(|| {
                    reader.error(WHAT, format!("partition `{name}` has no parent"))
                })?;
                let bound = partitioning::bound(&bound).ok_or_else(|| {
                    reader.error(WHAT, format!("cannot parse the bound of `{name}`: {bound}"))
                })?;
                table.partition_of = Some(PartitionOf { parent, bound });
            }
            None => table.inherits = parents,
        }
        oids.insert(reader.get(&row, WHAT, "oid")?, name.clone());
        catalog.tables.insert(name, table);
    }
    load_columns(reader, tx, catalog, &oids)?;
    Ok(oids)
}

fn load_columns(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
    oids: &TableOids,
) -> Result<(), Error> {
    const WHAT: &str = "columns";
    let compression = match catalog.cluster.version_num {
        Some(number) if number < 140000 => "NULL::text",
        _ => "nullif(a.attcompression::text, '')",
    };
    let mut expressions = Vec::new();
    for row in reader.query(tx, WHAT, &COLUMNS.replace("{compression}", compression))? {
        let oid: u32 = reader.get(&row, WHAT, "table_oid")?;
        // partitions, inheritance children and extension tables are not modelled
        let Some(table_name) = oids.get(&oid) else {
            continue;
        };
        let Some(table) = catalog.tables.get_mut(table_name) else {
            continue;
        };
        let name: String = reader.get(&row, WHAT, "name")?;
        let collation_schema: Option<String> = reader.get(&row, WHAT, "collation_schema")?;
        let collation_name: Option<String> = reader.get(&row, WHAT, "collation_name")?;
        let identity_kind: String = reader.get(&row, WHAT, "identity")?;
        let identity = match identity_kind.as_str() {
            "a" | "d" => Some(Identity {
                always: identity_kind == "a",
                options: sequences::options(reader, &row, WHAT, "seq_")?,
            }),
            _ => None,
        };
        if let Some(text) = reader.get::<Option<String>>(&row, WHAT, "expression")? {
            // 's' is STORED; PostgreSQL 18's 'v' (VIRTUAL) is reported as unsupported
            let generated = !reader.get::<String>(&row, WHAT, "generated")?.is_empty();
            expressions.push(PendingExpression {
                table: table_name.clone(),
                column: name.clone(),
                generated,
                text,
            });
        }
        let column = Column {
            name: name.clone(),
            type_name: reader.get(&row, WHAT, "type_name")?,
            collation: collation_name.map(|c| collation(collation_schema.as_deref(), &c)),
            default: None,
            not_null: reader.get(&row, WHAT, "not_null")?,
            identity: identity.map(Box::new),
            generated: None,
            storage: (reader.get::<Option<String>>(&row, WHAT, "storage")?)
                .and_then(|s| Storage::parse(&s)),
            compression: (reader.get::<Option<String>>(&row, WHAT, "compression")?)
                .map(|c| compression_name(&c)),
            comment: reader.get(&row, WHAT, "comment")?,
            inherited: reader.get(&row, WHAT, "inherited")?,
            // rows come in attnum order, dropped columns left out
            position: table.columns.len(),
        };
        table.columns.insert(name, column);
    }

    // the defaults and generated expressions of the database, a run per parser call
    let distinct = Distinct::new(expressions.iter().map(|e| e.text.as_str()));
    let parsed: Vec<Option<Expr>> = (crate::source::parse_runs(&distinct.texts).into_iter())
        .flat_map(|run| parse_expressions(&distinct.texts[run]))
        .collect();
    for (pending, &index) in expressions.iter().zip(&distinct.index_of_row) {
        let Some(expr) = parsed[index].clone() else {
            return Err(reader.error(
                WHAT,
                format!(
                    "cannot parse the expression of column `{}` of `{}`: {}",
                    pending.column, pending.table, pending.text
                ),
            ));
        };
        let column = catalog
            .tables
            .get_mut(&pending.table)
            .and_then(|t| t.columns.get_mut(&pending.column));
        if let Some(column) = column {
            if pending.generated {
                column.generated = Some(expr);
            } else {
                column.default = Some(expr);
            }
        }
    }
    Ok(())
}

/// A compression method by name, from `attcompression`'s letter.
fn compression_name(letter: &str) -> String {
    match letter {
        "p" => "pglz".into(),
        "l" => "lz4".into(),
        other => other.into(),
    }
}

/// A collation name as the desired-state parser writes it: quoted where needed, qualified
/// unless it is in `pg_catalog` or `public` (the search path both sources assume).
pub(super) fn collation(schema: Option<&str>, name: &str) -> String {
    match schema {
        Some(schema) if schema != "pg_catalog" && schema != "public" => {
            quote_qualified(&QualifiedName::new(schema, name))
        }
        _ => quote_ident(name),
    }
}
