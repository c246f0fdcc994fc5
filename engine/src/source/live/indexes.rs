//! Indexes that do not implement a constraint: what `pg_get_indexdef` prints, parsed in one
//! batch and built by the same code as the desired-state parser's.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::constraints::parse_batch;
use super::tables::TableOids;
use super::Reader;
use crate::error::Error;
use crate::model::Catalog;
use crate::normalize::definitions;

const QUERY: &str = include_str!("queries/indexes.sql");
const WHAT: &str = "indexes";

/// One row of the query, for a table that was read or a materialized view.
struct Row {
    name: String,
    definition: String,
    comment: Option<String>,
}

/// Adds the indexes.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
    tables: &TableOids,
) -> Result<(), Error> {
    let mut rows = Vec::new();
    for row in reader.query(tx, WHAT, QUERY)? {
        let table_oid: u32 = reader.get(&row, WHAT, "table_oid")?;
        let on_matview: bool = reader.get(&row, WHAT, "on_matview")?;
        if !on_matview && !tables.contains_key(&table_oid) {
            continue;
        }
        rows.push(Row {
            name: reader.get(&row, WHAT, "name")?,
            definition: reader.get(&row, WHAT, "definition")?,
            comment: reader.get(&row, WHAT, "comment")?,
        });
    }
    let texts: Vec<String> = rows.iter().map(|r| r.definition.clone()).collect();
    let statements = parse_batch(&texts, |stmt| match stmt {
        NodeEnum::IndexStmt(index) => Some((**index).clone()),
        _ => None,
    })
    .map_err(|index| {
        reader.error(
            WHAT,
            format!(
                "cannot parse the definition of index `{}`: {}",
                rows[index].name, rows[index].definition
            ),
        )
    })?;
    for (row, stmt) in rows.into_iter().zip(statements) {
        let mut index = definitions::index(&stmt, &row.name, Some(row.definition));
        index.comment = row.comment;
        catalog.indexes.insert(index.name.clone(), index);
    }
    Ok(())
}
