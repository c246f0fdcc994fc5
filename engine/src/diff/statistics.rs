//! Extended statistics: created, dropped, or dropped and created when their definition
//! changes (`ALTER STATISTICS` changes only the target, name, schema and owner) or when the
//! server would not keep them as they are: a column they use retyped, replaced or converted,
//! a function they call recreated, their table or materialized view recreated. One that
//! only has a new name or schema (the file renamed or moved it) is renamed and moved.

use std::collections::{HashMap, HashSet};

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
    let renamed = renamed_statistics(catalogs, rebuilt);
    for (name, statistics) in &catalogs.to.statistics {
        let old = match (catalogs.from.statistics.get(name), renamed.get(name)) {
            (Some(old), _) => old,
            // its target and comment change with it: nothing else names the new name before
            (None, Some(old)) => {
                let pair = Pair::new((*old).clone(), statistics.clone());
                out.push(Change::RenameStatistics(Box::new(pair)));
                continue;
            }
            (None, None) => {
                out.push(Change::CreateStatistics(statistics.clone()));
                continue;
            }
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
        let renamed_away = renamed.values().any(|old| old.name == *name);
        if !catalogs.to.statistics.contains_key(name) && !renamed_away {
            out.push(Change::DropStatistics {
                statistics: statistics.clone(),
                recreated: false,
            });
        }
    }
}

/// The statistics that only the name or schema sets apart, by new name: each new one takes
/// the first old one gone from the desired state with the same definition.
fn renamed_statistics<'a>(
    catalogs: &Pair<&'a Catalog>,
    rebuilt: impl Fn(&Statistics) -> bool,
) -> HashMap<QualifiedName, &'a Statistics> {
    let (from, to) = (&catalogs.from.statistics, &catalogs.to.statistics);
    let mut gone: Vec<&Statistics> = (from.values())
        .filter(|s| !to.contains_key(&s.name) && !rebuilt(s))
        .collect();
    let mut renamed = HashMap::new();
    for statistics in to.values().filter(|s| !from.contains_key(&s.name)) {
        if let Some(i) = gone.iter().position(|old| old.same_definition(statistics)) {
            renamed.insert(statistics.name.clone(), gone.remove(i));
        }
    }
    renamed
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
