//! Views and materialized views.

use pg_query::NodeEnum;
use postgres::{Row, Transaction};

use super::{error_message, Reader};
use crate::error::Error;
use crate::model::Catalog;
use crate::normalize::view::{matview_stmt, view};
use crate::render::quote::quote_qualified;

const QUERY: &str = include_str!("queries/views.sql");
const PRINTED_QUERY: &str = include_str!("queries/views_printed.sql");
const WHAT: &str = "views";
/// How many views are printed under one savepoint.
const VIEWS_PER_BATCH: usize = 500;

/// What a row gives beside the statement to parse.
struct Printed {
    query: String,
    no_data: bool,
    comment: Option<String>,
    column_comments: std::collections::BTreeMap<String, String>,
}

/// The rows of every view, printed. Printing a view locks every relation it reads until its
/// transaction ends, and the server's lock table is shared: each batch is printed under a
/// savepoint that is rolled back, which releases those locks, so that a database with many
/// views (or two databases read at once on one server) does not run out of it.
fn printed_rows(reader: &Reader, tx: &mut Transaction<'_>) -> Result<Vec<Row>, Error> {
    let oids: Vec<u32> = (reader.query(tx, WHAT, QUERY)?.iter())
        .map(|row| reader.get(row, WHAT, "oid"))
        .collect::<Result<_, _>>()?;
    let mut rows = Vec::with_capacity(oids.len());
    for batch in oids.chunks(VIEWS_PER_BATCH) {
        let mut savepoint = reader.savepoint(tx, WHAT)?;
        rows.extend(reader.query_with(&mut savepoint, WHAT, PRINTED_QUERY, &[&batch])?);
        savepoint
            .rollback()
            .map_err(|e| reader.error(WHAT, error_message(&e)))?;
    }
    Ok(rows)
}

/// Adds the views, parsing the printed queries a run per pg_query call.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let rows = printed_rows(reader, tx)?;
    let mut statements = Vec::with_capacity(rows.len());
    let mut printed = Vec::with_capacity(rows.len());
    for row in &rows {
        let name = crate::model::QualifiedName::new(
            reader.get::<String>(row, WHAT, "schema")?,
            reader.get::<String>(row, WHAT, "name")?,
        );
        let query: String = reader.get(row, WHAT, "query")?;
        let options: Vec<String> = reader.get(row, WHAT, "options")?;
        let with = if options.is_empty() {
            String::new()
        } else {
            format!(" WITH ({})", options.join(", "))
        };
        let materialized: bool = reader.get(row, WHAT, "materialized")?;
        let keyword = if materialized {
            "MATERIALIZED VIEW"
        } else {
            "VIEW"
        };
        let query = query.trim().trim_end_matches(';').to_string();
        statements.push(format!(
            "CREATE {keyword} {}{with} AS {query};\n",
            quote_qualified(&name)
        ));
        let columns: Vec<String> = reader.get(row, WHAT, "commented_columns")?;
        let comments: Vec<String> = reader.get(row, WHAT, "column_comments")?;
        printed.push(Printed {
            query,
            no_data: reader.get(row, WHAT, "no_data")?,
            comment: reader.get(row, WHAT, "comment")?,
            column_comments: columns.into_iter().zip(comments).collect(),
        });
    }
    let mut printed = printed.into_iter();
    for run in crate::source::parse_runs(&statements) {
        let parsed = pg_query::parse(&statements[run.clone()].concat(), 0)
            .map_err(|e| reader.error(WHAT, format!("a printed view does not parse: {e}")))?;
        let run_printed = printed.by_ref().take(run.len());
        for (raw, printed) in parsed.protobuf.stmts.iter().zip(run_printed) {
            let (stmt, materialized) = match raw.stmt.as_ref().and_then(|s| s.node.as_ref()) {
                Some(NodeEnum::ViewStmt(stmt)) => (Some((**stmt).clone()), false),
                Some(NodeEnum::CreateTableAsStmt(stmt)) => (matview_stmt(stmt), true),
                _ => (None, false),
            };
            let Some(stmt) = stmt else { continue };
            let mut view = view(&stmt, |_| None, Some(printed.query));
            view.materialized = materialized;
            view.no_data = printed.no_data;
            view.comment = printed.comment;
            view.column_comments = printed.column_comments;
            catalog.views.insert(view.name.clone(), view);
        }
    }
    Ok(())
}
