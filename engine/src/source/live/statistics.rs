//! Extended statistics: what `pg_get_statisticsobjdef` prints, parsed in runs and built by
//! the same code as the desired-state parser's.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::indexes::{on_read_relation, parse_printed};
use super::tables::TableOids;
use super::Reader;
use crate::error::Error;
use crate::model::{AclObject, Catalog};
use crate::normalize::statistics::statistics;

const QUERY: &str = include_str!("queries/statistics.sql");
const WHAT: &str = "statistics";

/// One row of the query, on a table that was read or a materialized view.
struct Row {
    name: String,
    definition: String,
    target: Option<i32>,
    comment: Option<String>,
    owner: Option<String>,
}

/// Adds the extended statistics (not those of extensions).
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
            target: reader.get(&row, WHAT, "target")?,
            comment: reader.get(&row, WHAT, "comment")?,
            owner: reader.get(&row, WHAT, "owner")?,
        });
    }
    let printed: Vec<(&str, &str)> = (rows.iter())
        .map(|r| (r.name.as_str(), r.definition.as_str()))
        .collect();
    let parsed = parse_printed(reader, WHAT, "statistics", &printed, |stmt| match stmt {
        NodeEnum::CreateStatsStmt(stmt) => statistics(stmt),
        _ => None,
    })?;
    for (row, mut statistics) in rows.into_iter().zip(parsed) {
        statistics.target = row.target;
        statistics.comment = row.comment;
        catalog.set_owner(AclObject::Statistics(statistics.name.clone()), row.owner);
        catalog
            .statistics
            .insert(statistics.name.clone(), statistics);
    }
    Ok(())
}
