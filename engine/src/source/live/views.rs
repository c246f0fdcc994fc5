//! Views.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::Catalog;
use crate::normalize::view::view;
use crate::render::quote::quote_qualified;

const QUERY: &str = include_str!("queries/views.sql");
const WHAT: &str = "views";

/// Adds the views, parsing every printed query in one pg_query call.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let rows = reader.query(tx, WHAT, QUERY)?;
    let mut statements = String::new();
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
        let query = query.trim().trim_end_matches(';').to_string();
        statements.push_str(&format!(
            "CREATE VIEW {}{with} AS {query};\n",
            quote_qualified(&name)
        ));
        printed.push((query, reader.get::<Option<String>>(row, WHAT, "comment")?));
    }
    let parsed = pg_query::parse(&statements, 0)
        .map_err(|e| reader.error(WHAT, format!("a printed view does not parse: {e}")))?;
    for (raw, (query, comment)) in parsed.protobuf.stmts.iter().zip(printed) {
        let Some(NodeEnum::ViewStmt(stmt)) = raw.stmt.as_ref().and_then(|s| s.node.as_ref()) else {
            continue;
        };
        let mut view = view(stmt, |_| None, Some(query));
        view.comment = comment;
        catalog.views.insert(view.name.clone(), view);
    }
    Ok(())
}
