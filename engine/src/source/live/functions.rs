//! Functions and procedures, and the loading they share with aggregates: each routine's
//! definition text is read, and all of them are parsed a run per pg_query call.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::constraints::parse_batch;
use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, Function};
use crate::normalize::function::function;

const QUERY: &str = include_str!("queries/functions.sql");

/// Adds the functions and procedures from `pg_get_functiondef`.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let routines = Routines {
        what: "functions",
        query: QUERY,
    };
    routines.load(
        reader,
        tx,
        catalog,
        |stmt| match stmt {
            NodeEnum::CreateFunctionStmt(create) => Some(create.clone()),
            _ => None,
        },
        |stmt, definition| function(stmt, Some(definition)),
    )
}

/// A query whose rows give a routine's `definition` and `comment`.
pub(super) struct Routines {
    pub what: &'static str,
    pub query: &'static str,
}

impl Routines {
    /// Adds to the catalog's functions what `build` makes of each parsed definition.
    pub(super) fn load<T>(
        &self,
        reader: &Reader,
        tx: &mut Transaction<'_>,
        catalog: &mut Catalog,
        extract: impl Fn(&NodeEnum) -> Option<T>,
        build: impl Fn(&T, String) -> Function,
    ) -> Result<(), Error> {
        let what = self.what;
        let rows = reader.query(tx, what, self.query)?;
        let mut definitions = Vec::with_capacity(rows.len());
        let mut comments = Vec::with_capacity(rows.len());
        for row in &rows {
            definitions.push(reader.get::<String>(row, what, "definition")?);
            comments.push(reader.get::<Option<String>>(row, what, "comment")?);
        }
        let statements = parse_batch(&definitions, extract).map_err(|index| {
            reader.error(
                what,
                format!("a definition does not parse: {}", definitions[index]),
            )
        })?;
        for ((stmt, definition), comment) in statements.iter().zip(definitions).zip(comments) {
            let mut function = build(stmt, definition);
            function.comment = comment;
            catalog.functions.insert(function.signature(), function);
        }
        Ok(())
    }
}
