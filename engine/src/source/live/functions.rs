//! Functions and procedures.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::Catalog;
use crate::normalize::function::function;

const QUERY: &str = include_str!("queries/functions.sql");
const WHAT: &str = "functions";

/// Adds the functions, parsing every printed definition in one pg_query call.
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
    let batch: String = definitions.iter().map(|d| format!("{d};\n")).collect();
    let parsed = pg_query::parse(&batch, 0)
        .map_err(|e| reader.error(WHAT, format!("a printed definition does not parse: {e}")))?;
    for ((raw, definition), comment) in parsed.protobuf.stmts.iter().zip(definitions).zip(comments)
    {
        let Some(NodeEnum::CreateFunctionStmt(stmt)) =
            raw.stmt.as_ref().and_then(|s| s.node.as_ref())
        else {
            continue;
        };
        let mut function = function(stmt, Some(definition));
        function.comment = comment;
        catalog.functions.insert(function.signature(), function);
    }
    Ok(())
}
