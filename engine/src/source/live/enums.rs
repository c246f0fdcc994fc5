//! Enum types.

use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, EnumType, QualifiedName};

const QUERY: &str = include_str!("queries/enums.sql");
const WHAT: &str = "enum types";

/// Adds the enums, labels in their sort order (the order comparisons use).
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    for row in reader.query(tx, WHAT, QUERY)? {
        let name = QualifiedName::new(
            reader.get::<String>(&row, WHAT, "schema")?,
            reader.get::<String>(&row, WHAT, "name")?,
        );
        let enum_type = EnumType {
            name: name.clone(),
            labels: reader.get(&row, WHAT, "labels")?,
            comment: reader.get(&row, WHAT, "comment")?,
        };
        catalog.enums.insert(name, enum_type);
    }
    Ok(())
}
