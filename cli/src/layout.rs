//! `plan --out DIR --layout supabase|prisma`: writes the plan's phases into a project as the
//! deploy tool's migrations, named `<version>_<name>_<phase>` with UTC `YYYYMMDDHHMMSS`
//! versions that sort in the order they run.
//!
//! A deploy tool runs every migration it finds, so contract must not be there before the
//! application that no longer needs the old shape is deployed: a staged plan whose expand has
//! not run yet (the plan still has expand steps) writes expand and backfill only, and the plan
//! made after the deploy, which finds expand done, writes contract. Phases already written for
//! the same desired state (the files' first line says which) are not written again, and no
//! existing file is ever overwritten.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{bail, Context};
use schemadiff_engine::plan::Phase;
use schemadiff_engine::render::layout::{tool_migrations, written_phase, Layout};
use schemadiff_engine::Plan;

/// Writes what is new of `plan` into the project directory `dir`; `now` is the version time
/// in seconds since the epoch.
pub fn write(dir: &Path, plan: &Plan, layout: Layout, name: &str, now: u64) -> anyhow::Result<()> {
    let existing = existing_migrations(&dir.join(layout.migrations_dir()), plan)?;
    let phases = plan.phases();
    let expand_pending = phases.len() > 1 && phases.contains(&Phase::Expand);
    let to_write: Vec<Phase> = phases
        .iter()
        .copied()
        .filter(|p| !existing.phases.contains(p))
        .filter(|p| !(expand_pending && *p == Phase::Contract))
        .collect();
    let migrations = tool_migrations(plan, layout, &to_write);
    // after every migration there, so that the tool runs these last and in order
    let first = match existing.latest_version {
        Some(latest) => now.max(seconds_of(latest).map_or(now, |s| s + 1)),
        None => now,
    };
    let mut files = Vec::new();
    for (offset, migration) in (0u64..).zip(&migrations) {
        let [up, down] = layout.files(
            &version_of(first + offset),
            &format!("{name}_{}", migration.suffix),
        );
        files.push((up, &migration.up));
        files.push((down, &migration.down));
    }
    // all or nothing: a file in the way stops the plan before any is written
    if let Some((taken, _)) = files
        .iter()
        .find(|(relative, _)| dir.join(relative).exists())
    {
        bail!(
            "{} exists already: it is left as it is, and nothing was written",
            dir.join(taken).display()
        );
    }
    for (relative, text) in &files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let written: Vec<&String> = files.iter().step_by(2).map(|(up, _)| up).collect();
    for file in &written {
        eprintln!("schemadiff: wrote {file}");
    }
    let deploy = layout.deploy_command();
    if plan.is_empty() {
        eprintln!("schemadiff: nothing to migrate");
    } else if written.is_empty() && !expand_pending {
        eprintln!("schemadiff: nothing new: every phase of this plan is written already");
    } else if written.is_empty() {
        eprintln!("schemadiff: nothing new: expand is written already; apply it with {deploy}, then plan again to write contract");
    } else if expand_pending && phases.contains(&Phase::Contract) {
        eprintln!("schemadiff: contract is not written yet: apply these with {deploy}, deploy the application that uses the new shape, then plan again to write it");
    }
    Ok(())
}

/// The time the versions start from: `SOURCE_DATE_EPOCH` (seconds since the epoch) when set,
/// for output that is the same on every run, and the clock otherwise.
pub fn version_time() -> anyhow::Result<u64> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse().with_context(|| {
            format!("SOURCE_DATE_EPOCH is `{text}`: give seconds since 1970-01-01")
        }),
        Err(_) => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs())),
    }
}

/// What a tool's migrations directory holds already.
struct Existing {
    /// The phases written for the plan's desired state.
    phases: BTreeSet<Phase>,
    /// The latest version of any migration there.
    latest_version: Option<u64>,
}

fn existing_migrations(migrations: &Path, plan: &Plan) -> anyhow::Result<Existing> {
    let mut existing = Existing {
        phases: BTreeSet::new(),
        latest_version: None,
    };
    let entries = match std::fs::read_dir(migrations) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(existing),
        Err(error) => {
            return Err(error).with_context(|| format!("cannot read {}", migrations.display()))
        }
    };
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read {}", migrations.display()))?
            .path();
        let file_name = path.file_name().unwrap_or_default().to_string_lossy();
        let digits: String = file_name.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(version) = digits.parse::<u64>() {
            existing.latest_version = existing.latest_version.max(Some(version));
        }
        // a Supabase migration is a file, a Prisma one a folder with its migration.sql
        let file = if path.is_dir() {
            path.join("migration.sql")
        } else {
            path
        };
        if let Ok(text) = std::fs::read_to_string(&file) {
            existing.phases.extend(written_phase(&text, plan));
        }
    }
    Ok(existing)
}

/// `YYYYMMDDHHMMSS` in UTC.
fn version_of(seconds: u64) -> String {
    let days = i64::try_from(seconds / 86_400).unwrap_or(i64::MAX);
    let (year, month, day) = civil_from_days(days);
    let time = seconds % 86_400;
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        time / 3600,
        time / 60 % 60,
        time % 60
    )
}

/// The seconds since the epoch of a `YYYYMMDDHHMMSS` version; `None` for other numbers.
fn seconds_of(version: u64) -> Option<u64> {
    let text = version.to_string();
    if text.len() != 14 {
        return None;
    }
    let field = |range: std::ops::Range<usize>| text[range].parse::<i64>().ok();
    let days = days_from_civil(field(0..4)?, field(4..6)?, field(6..8)?);
    let time = field(8..10)? * 3600 + field(10..12)? * 60 + field(12..14)?;
    u64::try_from(days * 86_400 + time).ok()
}

// Howard Hinnant's algorithms between days since 1970-01-01 and proleptic Gregorian dates.

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_utc_times_and_read_back() {
        assert_eq!(version_of(0), "19700101000000");
        assert_eq!(version_of(1_700_000_000), "20231114221320");
        assert_eq!(version_of(951_782_400), "20000229000000");
        for seconds in [0, 951_782_400, 1_700_000_000, 4_102_444_799] {
            let version = version_of(seconds).parse().expect("digits");
            assert_eq!(seconds_of(version), Some(seconds));
        }
        assert_eq!(seconds_of(1), None);
    }
}
