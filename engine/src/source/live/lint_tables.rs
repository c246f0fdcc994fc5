//! What `lint --db` needs of a database: each table's row estimate and its columns' types,
//! in one query.

use super::Reader;
use crate::error::Error;
use crate::lint::context::{Context, TableFacts};
use crate::model::QualifiedName;

const QUERY: &str = include_str!("queries/lint_tables.sql");
const WHAT: &str = "table sizes";

/// Connects to `url` and reads its tables' sizes and column types.
pub fn load(url: &str) -> Result<Context, Error> {
    let mut client = crate::connect::connect(url)?;
    let reader = Reader {
        url: crate::error::redact_url(url),
    };
    let mut tx = client
        .build_transaction()
        .read_only(true)
        .start()
        .map_err(|e| reader.error(WHAT, super::error_message(&e)))?;
    // `format_type` then prints types as the offline normalisation spells them
    tx.batch_execute("SET LOCAL search_path = public")
        .map_err(|e| reader.error(WHAT, super::error_message(&e)))?;
    let mut context = Context::default();
    for row in reader.query(&mut tx, WHAT, QUERY)? {
        let schema: String = reader.get(&row, WHAT, "schema")?;
        let name: String = reader.get(&row, WHAT, "name")?;
        let rows: Option<i64> = reader.get(&row, WHAT, "rows")?;
        let column: String = reader.get(&row, WHAT, "column")?;
        let type_name: String = reader.get(&row, WHAT, "type")?;
        let table = (context.tables)
            .entry(QualifiedName::new(schema, name))
            .or_insert_with(|| TableFacts {
                rows: rows.map(|r| r.max(0) as u64),
                ..TableFacts::default()
            });
        table.columns.insert(column, type_name);
    }
    Ok(context)
}
