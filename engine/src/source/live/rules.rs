//! Rewrite rules.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::triggers::read_printed;
use super::Reader;
use crate::error::Error;
use crate::model::Catalog;
use crate::normalize::rule::rule;

const QUERY: &str = include_str!("queries/rules.sql");
const WHAT: &str = "rules";

/// Adds the rules of the modelled tables and views.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let extract = |node: &NodeEnum| match node {
        NodeEnum::RuleStmt(stmt) => Some(stmt.clone()),
        _ => None,
    };
    for (stmt, printed) in read_printed(reader, tx, (WHAT, QUERY), catalog, extract)? {
        // the printed actions are complete: nothing to fill in from the tables
        let mut rule = rule(&stmt, |_| None, Some(printed.definition));
        rule.enabled = printed.enabled;
        rule.comment = printed.comment;
        catalog
            .rules
            .insert((rule.table.clone(), rule.name.clone()), rule);
    }
    Ok(())
}
