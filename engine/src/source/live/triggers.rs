//! Triggers.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::constraints::parse_batch;
use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, QualifiedName, TriggerEnabled};
use crate::normalize::trigger::trigger;

const QUERY: &str = include_str!("queries/triggers.sql");
const WHAT: &str = "triggers";

/// Adds the triggers of the modelled tables and views, parsing every printed definition in
/// one pg_query call.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let mut definitions = Vec::new();
    let mut extras = Vec::new();
    for row in reader.query(tx, WHAT, QUERY)? {
        let relation = QualifiedName::new(
            reader.get::<String>(&row, WHAT, "schema")?,
            reader.get::<String>(&row, WHAT, "relation")?,
        );
        if !catalog.tables.contains_key(&relation) && !catalog.views.contains_key(&relation) {
            continue;
        }
        let enabled = match reader.get::<String>(&row, WHAT, "enabled")?.as_str() {
            "D" => TriggerEnabled::Disabled,
            "R" => TriggerEnabled::Replica,
            "A" => TriggerEnabled::Always,
            _ => TriggerEnabled::Origin,
        };
        definitions.push(reader.get::<String>(&row, WHAT, "definition")?);
        extras.push((
            enabled,
            reader.get::<Option<String>>(&row, WHAT, "comment")?,
        ));
    }
    let statements = parse_batch(&definitions, |node| match node {
        NodeEnum::CreateTrigStmt(stmt) => Some(stmt.clone()),
        _ => None,
    })
    .map_err(|index| {
        let printed = &definitions[index];
        reader.error(
            WHAT,
            format!("a printed definition does not parse: {printed}"),
        )
    })?;
    for ((stmt, definition), (enabled, comment)) in statements.iter().zip(definitions).zip(extras) {
        let mut trigger = trigger(stmt, Some(definition));
        trigger.enabled = enabled;
        trigger.comment = comment;
        catalog
            .triggers
            .insert((trigger.table.clone(), trigger.name.clone()), trigger);
    }
    Ok(())
}
