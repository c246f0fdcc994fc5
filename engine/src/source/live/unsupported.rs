//! What the model does not cover yet: listed, never silently dropped.

use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, Unsupported};

const QUERY: &str = include_str!("queries/unsupported.sql");
const WHAT: &str = "unsupported objects";

/// Adds every view, function, trigger, policy… to `catalog.unsupported`, by kind and name,
/// so that the summary can report them and `--strict` can refuse to go on.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    for row in reader.query(tx, WHAT, QUERY)? {
        catalog.unsupported.push(Unsupported {
            kind: reader.get(&row, WHAT, "kind")?,
            schema: reader.get(&row, WHAT, "schema")?,
            name: reader.get(&row, WHAT, "name")?,
        });
    }
    Ok(())
}
