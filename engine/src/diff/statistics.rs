//! Extended statistics: created, dropped, or dropped and created when their definition
//! changes (`ALTER STATISTICS` changes only the target, name, schema and owner) or when the
//! server would not keep them as they are: a column they use retyped, replaced or converted,
//! a function they call recreated, their table or materialized view recreated.

use std::collections::HashSet;

use super::tables::{recreated_tables, Rebuilds};
use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, QualifiedName, Statistics};

pub(super) fn diff_statistics(
    catalogs: &Pair<&Catalog>,
    recreated_views: &HashSet<QualifiedName>,
    out: &mut Vec<Change>,
) {
    if catalogs.from.statistics.is_empty() && catalogs.to.statistics.is_empty() {
        return;
    }
    let rebuilds = Rebuilds::find(catalogs);
    let recreated = recreated_tables(catalogs);
    let rebuilt = |old: &Statistics| {
        retypes_a_column(catalogs, old)
            || rebuilds.rebuilds(&old.table, old.uses())
            || (old.expressions.iter()).any(|e| super::objects::calls_any(e, &rebuilds.functions))
            || recreated.contains(&old.table)
            || recreated_views.contains(&old.table)
    };
    for (name, statistics) in &catalogs.to.statistics {
        let Some(old) = catalogs.from.statistics.get(name) else {
            out.push(Change::CreateStatistics(statistics.clone()));
            continue;
        };
        if !old.same_definition(statistics) || rebuilt(old) {
            out.push(Change::DropStatistics {
                statistics: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateStatistics(statistics.clone()));
            continue;
        }
        if old.target != statistics.target {
            out.push(Change::SetStatisticsTarget {
                name: name.clone(),
                target: Pair::new(old.target, statistics.target),
            });
        }
        diff_comment(
            CommentTarget::Statistics(name.clone()),
            Pair::new(&old.comment, &statistics.comment),
            out,
        );
    }
    for (name, statistics) in &catalogs.from.statistics {
        // dropped with its table too, explicitly, so that the rollback recreates it
        if !catalogs.to.statistics.contains_key(name) {
            out.push(Change::DropStatistics {
                statistics: statistics.clone(),
                recreated: false,
            });
        }
    }
}

/// Whether a column the statistics use changes type: they are dropped before and created
/// after, rather than left to the server to rebuild under the change.
fn retypes_a_column(catalogs: &Pair<&Catalog>, statistics: &Statistics) -> bool {
    let tables = catalogs.map(|c| c.tables.get(&statistics.table));
    let (Some(from), Some(to)) = (tables.from, tables.to) else {
        return false;
    };
    statistics.uses().any(|column| {
        let types = Pair::new(from.columns.get(column), to.columns.get(column));
        matches!((types.from, types.to), (Some(a), Some(b)) if a.type_name != b.type_name)
    })
}
