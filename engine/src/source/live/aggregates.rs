//! Ordinary aggregates: the query builds each one's `CREATE AGGREGATE` statement, parsed in
//! one batch and built by the same code as the desired-state parser's.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::constraints::parse_batch;
use super::Reader;
use crate::error::Error;
use crate::model::Catalog;
use crate::normalize::aggregate::aggregate;

const QUERY: &str = include_str!("queries/aggregates.sql");
const WHAT: &str = "aggregates";

/// Adds the aggregates to the catalog's functions.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let rows = reader.query(tx, WHAT, QUERY)?;
    let mut definitions = Vec::with_capacity(rows.len());
    let mut comments = Vec::with_capacity(rows.len());
    for row in &rows {
        definitions.push(reader.get::<String>(row, WHAT, "definition")?);
        comments.push(reader.get::<Option<String>>(row, WHAT, "comment")?);
    }
    let statements = parse_batch(&definitions, |stmt| match stmt {
        NodeEnum::DefineStmt(define) => Some(define.clone()),
        _ => None,
    })
    .map_err(|index| {
        reader.error(
            WHAT,
            format!("a built definition does not parse: {}", definitions[index]),
        )
    })?;
    for ((stmt, definition), comment) in statements.iter().zip(definitions).zip(comments) {
        let mut function = aggregate(stmt, Some(definition));
        function.comment = comment;
        catalog.functions.insert(function.signature(), function);
    }
    Ok(())
}
