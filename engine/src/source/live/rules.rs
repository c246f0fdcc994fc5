//! Rewrite rules.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, QualifiedName, TriggerEnabled};
use crate::normalize::rule::rule;

const QUERY: &str = include_str!("queries/rules.sql");
const WHAT: &str = "rules";

/// Adds the rules of the modelled tables and views, parsing every printed definition in one
/// pg_query call.
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
    if definitions.is_empty() {
        return Ok(());
    }
    // each printed definition ends with its semicolon
    let batch: String = definitions.iter().map(|d| format!("{d}\n")).collect();
    let parsed = pg_query::parse(&batch, 0)
        .map_err(|e| reader.error(WHAT, format!("a printed definition does not parse: {e}")))?;
    for ((raw, definition), (enabled, comment)) in
        parsed.protobuf.stmts.iter().zip(definitions).zip(extras)
    {
        let Some(NodeEnum::RuleStmt(stmt)) = raw.stmt.as_ref().and_then(|s| s.node.as_ref()) else {
            continue;
        };
        // the printed actions are complete: nothing to fill in from the tables
        let mut rule = rule(stmt, |_| None, Some(definition));
        rule.enabled = enabled;
        rule.comment = comment;
        catalog
            .rules
            .insert((rule.table.clone(), rule.name.clone()), rule);
    }
    Ok(())
}
