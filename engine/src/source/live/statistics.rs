//! Extended statistics: what `pg_get_statisticsobjdef` prints, parsed in runs and built by
//! the same code as the desired-state parser's.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::constraints::parse_batch;
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
        let table_oid: u32 = reader.get(&row, WHAT, "table_oid")?;
        let on_matview: bool = reader.get(&row, WHAT, "on_matview")?;
        if !on_matview && !tables.contains_key(&table_oid) {
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
    let texts: Vec<String> = rows.iter().map(|r| r.definition.clone()).collect();
    let parsed = parse_batch(&texts, |stmt| match stmt {
        NodeEnum::CreateStatsStmt(stmt) => statistics(stmt),
        _ => None,
    })
    .map_err(|index| {
        reader.error(
            WHAT,
            format!(
                "cannot parse the definition of statistics `{}`: {}",
                rows[index].name, rows[index].definition
            ),
        )
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
