//! Schemas and their comments.

use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, Schema};

const QUERY: &str = include_str!("queries/schemas.sql");
const WHAT: &str = "schemas";

/// Adds the user schemas. `public` keeps the comment a new database gives it; the offline
/// side adds the same one, so a fresh database and a file agree.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    for row in reader.query(tx, WHAT, QUERY)? {
        let name: String = reader.get(&row, WHAT, "name")?;
        let comment = reader.get(&row, WHAT, "comment")?;
        catalog
            .schemas
            .insert(name.clone(), Schema { name, comment });
    }
    Ok(())
}
