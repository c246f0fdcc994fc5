//! Steps for extended statistics. Creating or dropping them takes a `SHARE UPDATE
//! EXCLUSIVE` lock on their table, which blocks neither reads nor writes; they hold no rows,
//! only what `ANALYZE` computes, so no step loses data.

use super::Step;
use crate::diff::Change;
use crate::plan::LockLevel;
use crate::render::ddl::statistics as ddl;

/// The steps of a statistics change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreateStatistics(statistics) => vec![Step::new(
            format!(
                "create statistics `{}` on `{}`",
                statistics.name, statistics.table
            ),
            ddl::create_statistics(statistics),
            vec![ddl::drop_statistics(&statistics.name)],
        )
        .lock(LockLevel::ShareUpdateExclusive)],
        Change::DropStatistics { statistics, .. } => vec![Step::new(
            format!("drop statistics `{}`", statistics.name),
            vec![ddl::drop_statistics(&statistics.name)],
            ddl::create_statistics(statistics),
        )
        .lock(LockLevel::ShareUpdateExclusive)],
        Change::RenameStatistics(statistics) => vec![Step::new(
            format!(
                "rename statistics `{}` to `{}`",
                statistics.from.name, statistics.to.name
            ),
            ddl::rename_statistics(&statistics.from, &statistics.to),
            ddl::rename_statistics(&statistics.to, &statistics.from),
        )],
        Change::SetStatisticsTarget { name, target } => vec![Step::new(
            format!(
                "set the target of statistics `{name}` to {}",
                target
                    .to
                    .map_or("the default".to_string(), |t| t.to_string())
            ),
            vec![ddl::set_statistics_target(name, target.to)],
            vec![ddl::set_statistics_target(name, target.from)],
        )],
        _ => Vec::new(),
    }
}
