//! Event triggers.

use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{AclObject, Catalog, EventTrigger, QualifiedName};
use crate::normalize::event_trigger::{enabled_state, normalize_tags};

const QUERY: &str = include_str!("queries/event_triggers.sql");
const WHAT: &str = "event triggers";

/// Adds the database's event triggers (not those of extensions).
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    for row in reader.query(tx, WHAT, QUERY)? {
        let name = reader.get::<String>(&row, WHAT, "name")?;
        let trigger = EventTrigger {
            name: name.clone(),
            event: reader.get::<String>(&row, WHAT, "event")?,
            tags: normalize_tags(reader.get::<Vec<String>>(&row, WHAT, "tags")?),
            function: QualifiedName::new(
                reader.get::<String>(&row, WHAT, "function_schema")?,
                reader.get::<String>(&row, WHAT, "function_name")?,
            ),
            enabled: enabled_state(&reader.get::<String>(&row, WHAT, "enabled")?),
            comment: reader.get::<Option<String>>(&row, WHAT, "comment")?,
        };
        let owner = reader.get::<Option<String>>(&row, WHAT, "owner")?;
        catalog.set_owner(AclObject::EventTrigger(name.clone()), owner);
        catalog.event_triggers.insert(name, trigger);
    }
    Ok(())
}
