//! Installed extensions. Their member objects are excluded by every other query.

use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, Extension};

const QUERY: &str = include_str!("queries/extensions.sql");
const AVAILABLE: &str = include_str!("queries/available_extensions.sql");
const WHAT: &str = "extensions";

/// Adds the extensions with their installed version and their comment (the control file's
/// unless one was set); the differ compares either only when the desired state sets it.
/// Records the versions the server could install.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    for row in reader.query(tx, WHAT, QUERY)? {
        let name: String = reader.get(&row, WHAT, "name")?;
        let extension = Extension {
            name: name.clone(),
            schema: reader.get(&row, WHAT, "schema")?,
            version: Some(reader.get(&row, WHAT, "version")?),
            comment: reader.get(&row, WHAT, "comment")?,
        };
        catalog.extensions.insert(name, extension);
    }
    let mut available = Vec::new();
    for row in reader.query(tx, WHAT, AVAILABLE)? {
        available.push((
            reader.get(&row, WHAT, "name")?,
            reader.get(&row, WHAT, "version")?,
        ));
    }
    catalog.cluster.extension_versions = Some(available);
    Ok(())
}
