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

/// A printed definition of a trigger or rule on a modelled table or view, with its state.
pub(super) struct Printed {
    pub definition: String,
    pub enabled: TriggerEnabled,
    pub comment: Option<String>,
}

/// The rows of `query` (columns `schema`, `relation`, `enabled`, `definition`, `comment`)
/// whose table or view is modelled, and their definitions parsed by `extract`.
pub(super) fn read_printed<T>(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    (what, query): (&'static str, &str),
    catalog: &Catalog,
    extract: impl Fn(&NodeEnum) -> Option<T>,
) -> Result<Vec<(T, Printed)>, Error> {
    let mut printed = Vec::new();
    for row in reader.query(tx, what, query)? {
        let relation = QualifiedName::new(
            reader.get::<String>(&row, what, "schema")?,
            reader.get::<String>(&row, what, "relation")?,
        );
        if !catalog.tables.contains_key(&relation) && !catalog.views.contains_key(&relation) {
            continue;
        }
        let enabled = match reader.get::<String>(&row, what, "enabled")?.as_str() {
            "D" => TriggerEnabled::Disabled,
            "R" => TriggerEnabled::Replica,
            "A" => TriggerEnabled::Always,
            _ => TriggerEnabled::Origin,
        };
        printed.push(Printed {
            definition: reader.get(&row, what, "definition")?,
            enabled,
            comment: reader.get(&row, what, "comment")?,
        });
    }
    let definitions: Vec<String> = printed.iter().map(|p| p.definition.clone()).collect();
    let nodes = parse_batch(&definitions, extract).map_err(|index| {
        let definition = &definitions[index];
        reader.error(
            what,
            format!("a printed definition does not parse: {definition}"),
        )
    })?;
    Ok(nodes.into_iter().zip(printed).collect())
}

/// Adds the triggers of the modelled tables and views.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let extract = |node: &NodeEnum| match node {
        NodeEnum::CreateTrigStmt(stmt) => Some(stmt.clone()),
        _ => None,
    };
    for (stmt, printed) in read_printed(reader, tx, (WHAT, QUERY), catalog, extract)? {
        let mut trigger = trigger(&stmt, Some(printed.definition));
        trigger.enabled = printed.enabled;
        trigger.comment = printed.comment;
        catalog
            .triggers
            .insert((trigger.table.clone(), trigger.name.clone()), trigger);
    }
    Ok(())
}
