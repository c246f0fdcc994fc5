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
        if !on_read_relation(reader, &row, WHAT, tables)? {
            continue;
        }
        rows.push(Row {
            name: reader.get(&row, WHAT, "name")?,
            definition: reader.get(&row, WHAT, "definition")?,
            comment: reader.get(&row, WHAT, "comment")?,
        });
    }
    let printed: Vec<(&str, &str)> = (rows.iter())
        .map(|r| (r.name.as_str(), r.definition.as_str()))
        .collect();
    let statements = parse_printed(reader, WHAT, "index", &printed, |stmt| match stmt {
        NodeEnum::IndexStmt(index) => Some((**index).clone()),
        _ => None,
    })?;
    for (row, stmt) in rows.into_iter().zip(statements) {
        let sql = crate::normalize::expr::keep_array_casts(&row.definition);
        let mut index = definitions::index(&stmt, &row.name, Some(sql));
        index.comment = row.comment;
        catalog.indexes.insert(index.name.clone(), index);
    }
    Ok(())
}

/// Whether a row of `what` is on a relation the catalog holds: a table `tables.sql` returned,
/// or a materialized view (`views.sql` returns every one that is not an extension's).
pub(super) fn on_read_relation(
    reader: &Reader,
    row: &postgres::Row,
    what: &'static str,
    tables: &TableOids,
) -> Result<bool, Error> {
    let table_oid: u32 = reader.get(row, what, "table_oid")?;
    let on_matview: bool = reader.get(row, what, "on_matview")?;
    Ok(on_matview || tables.contains_key(&table_oid))
}

/// Parses the definitions the server printed, (name, text) each ([`parse_batch`]); one that
/// does not parse is an error that names its `kind` and name.
pub(super) fn parse_printed<T>(
    reader: &Reader,
    what: &'static str,
    kind: &str,
    printed: &[(&str, &str)],
    extract: impl Fn(&NodeEnum) -> Option<T>,
) -> Result<Vec<T>, Error> {
    let texts: Vec<String> = printed.iter().map(|(_, text)| text.to_string()).collect();
    parse_batch(&texts, extract).map_err(|i| {
        let (name, text) = printed[i];
        reader.error(
            what,
            format!("cannot parse the definition of {kind} `{name}`: {text}"),
        )
    })
}
