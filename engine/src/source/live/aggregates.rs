//! Ordinary aggregates: the query builds each one's `CREATE AGGREGATE` statement, parsed in
//! runs and built by the same code as the desired-state parser's.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::functions::Routines;
use super::Reader;
use crate::error::Error;
use crate::model::Catalog;
use crate::normalize::aggregate::aggregate;

const QUERY: &str = include_str!("queries/aggregates.sql");

/// Adds the aggregates to the catalog's functions.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let routines = Routines {
        what: "aggregates",
        query: QUERY,
    };
    routines.load(
        reader,
        tx,
        catalog,
        |stmt| match stmt {
            NodeEnum::DefineStmt(define) => Some(define.clone()),
            _ => None,
        },
        |stmt, definition| aggregate(stmt, Some(definition)),
    )
}
