//! Casts.

use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{Cast, CastContext, CastMethod, Catalog, QualifiedName};

const QUERY: &str = include_str!("queries/casts.sql");
const WHAT: &str = "casts";

/// Adds the user casts (not built-in ones, nor those of extensions).
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    for row in reader.query(tx, WHAT, QUERY)? {
        let method = match reader.get::<String>(&row, WHAT, "method")?.as_str() {
            "b" => CastMethod::Binary,
            "i" => CastMethod::InOut,
            _ => CastMethod::Function {
                name: QualifiedName::new(
                    reader.get::<String>(&row, WHAT, "function_schema")?,
                    reader.get::<String>(&row, WHAT, "function_name")?,
                ),
                arguments: reader.get(&row, WHAT, "function_arguments")?,
            },
        };
        let cast = Cast {
            source: reader.get(&row, WHAT, "source")?,
            target: reader.get(&row, WHAT, "target")?,
            method,
            context: CastContext::from_code(&reader.get::<String>(&row, WHAT, "context")?),
            comment: reader.get(&row, WHAT, "comment")?,
        };
        catalog.casts.insert(cast.key(), cast);
    }
    Ok(())
}
