//! Standalone sequences (those behind identity columns are part of the column).

use postgres::{Row, Transaction};

use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, QualifiedName, Sequence, SequenceOptions};

const QUERY: &str = include_str!("queries/sequences.sql");
const WHAT: &str = "sequences";

/// Adds the sequences with their options and `OWNED BY` column.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    for row in reader.query(tx, WHAT, QUERY)? {
        let name = QualifiedName::new(
            reader.get::<String>(&row, WHAT, "schema")?,
            reader.get::<String>(&row, WHAT, "name")?,
        );
        let owner_schema: Option<String> = reader.get(&row, WHAT, "owner_schema")?;
        let owner_table: Option<String> = reader.get(&row, WHAT, "owner_table")?;
        let owner_column: Option<String> = reader.get(&row, WHAT, "owner_column")?;
        let owned_by = match (owner_schema, owner_table, owner_column) {
            (Some(schema), Some(table), Some(column)) => {
                Some((QualifiedName::new(schema, table), column))
            }
            _ => None,
        };
        let sequence = Sequence {
            name: name.clone(),
            options: options(reader, &row, WHAT, "")?,
            owned_by,
            comment: reader.get(&row, WHAT, "comment")?,
        };
        catalog.sequences.insert(name, sequence);
    }
    Ok(())
}

/// The `pg_sequence` columns of a row, named `{prefix}data_type`, `{prefix}start`… as
/// both the sequence and the column (identity) queries select them.
pub(super) fn options(
    reader: &Reader,
    row: &Row,
    what: &'static str,
    prefix: &str,
) -> Result<SequenceOptions, Error> {
    let column = |name: &str| format!("{prefix}{name}");
    let number = |name: &str| reader.get::<i64>(row, what, &column(name));
    Ok(SequenceOptions {
        data_type: reader.get(row, what, &column("data_type"))?,
        start: number("start")?,
        increment: number("increment")?,
        min_value: number("min_value")?,
        max_value: number("max_value")?,
        cache: number("cache")?,
        cycle: reader.get(row, what, &column("cycle"))?,
    })
}
