//! What the engine refuses to plan unless told to. A mistyped path, an empty directory, a
//! misspelled `--schema` or standard input given twice all read as an empty schema, and a
//! plan to an empty schema drops everything while looking like success. `lib.rs` runs these
//! checks once, before planning, so every command that plans is covered.

use std::collections::BTreeSet;

use crate::diff::Pair;
use crate::error::Error;
use crate::model::Catalog;
use crate::source::Source;

/// How many names of each kind an error lists before it only counts.
const NAMES_SHOWN: usize = 3;

/// Standard input can be read only once: as both sides, the second would read as empty.
pub fn stdin_read_once(sources: Pair<&Source>) -> Result<(), Error> {
    if *sources.from == Source::Stdin && *sources.to == Source::Stdin {
        return Err(Error::Invalid(
            "--from and --to are both - (standard input), which can be read only once; write one side to a file".into(),
        ));
    }
    Ok(())
}

/// Refuses a `--schema` that none of `catalogs` (read before scoping) has: it would select
/// nothing, and a comparison of nothing is silently "equivalent".
pub fn schemas_exist(
    selected: &[String],
    catalogs: &[&Catalog],
    sources: &[&Source],
) -> Result<(), Error> {
    let existing: BTreeSet<&str> = catalogs
        .iter()
        .flat_map(|catalog| catalog.schemas.keys().map(String::as_str))
        .collect();
    let Some(missing) = selected.iter().find(|s| !existing.contains(s.as_str())) else {
        return Ok(());
    };
    let hint = match closest(missing, &existing) {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!("the schemas there are {}", backticked(existing.iter())),
    };
    let mut sources: Vec<String> = sources.iter().map(ToString::to_string).collect();
    sources.dedup();
    Err(Error::UnknownSchema {
        name: missing.clone(),
        sources: sources.join(" or "),
        hint,
    })
}

/// Refuses desired-state SQL (files, a directory, standard input) that holds nothing in the
/// schemas compared while the current side holds objects: the plan would drop them all. An
/// empty file or a directory without `*.sql` is the accident; a database named as the
/// desired state is one that exists, read as it is. The reverse, creating everything from
/// an empty database, is an ordinary first deploy.
pub fn desired_state_not_empty(
    catalogs: Pair<&Catalog>,
    sources: Pair<&Source>,
) -> Result<(), Error> {
    let objects_of = |catalog| standalone_objects(catalog).into_iter().flat_map(|(_, n)| n);
    if sources.to.is_database()
        || objects_of(catalogs.to).next().is_some()
        || objects_of(catalogs.from).next().is_none()
    {
        return Ok(());
    }
    let dropped_schemas = catalogs
        .from
        .schemas
        .keys()
        .filter(|name| !catalogs.to.schemas.contains_key(*name))
        .cloned()
        .collect();
    let dropped: Vec<String> = std::iter::once(("schema", dropped_schemas))
        .chain(standalone_objects(catalogs.from))
        .filter(|(_, names)| !names.is_empty())
        .map(|(kind, names)| counted(kind, &names))
        .collect();
    Err(Error::EmptyDesiredState {
        from: sources.from.to_string(),
        to: sources.to.to_string(),
        dropped: dropped.join(", "),
    })
}

/// The objects of a catalog that stand on their own, by kind: indexes, constraints,
/// triggers and policies go with their tables, grants and owners with their objects.
fn standalone_objects(catalog: &Catalog) -> Vec<(&'static str, Vec<String>)> {
    fn names<K: ToString>(keys: impl Iterator<Item = K>) -> Vec<String> {
        keys.map(|key| key.to_string()).collect()
    }
    let types = catalog
        .enums
        .keys()
        .chain(catalog.domains.keys())
        .chain(catalog.composite_types.keys())
        .chain(catalog.range_types.keys());
    vec![
        ("extension", names(catalog.extensions.keys())),
        ("type", names(types)),
        ("collation", names(catalog.collations.keys())),
        ("sequence", names(catalog.sequences.keys())),
        ("table", names(catalog.tables.keys())),
        ("view", names(catalog.views.keys())),
        ("function", names(catalog.functions.keys())),
    ]
}

/// `3 tables (`a`, `b`, `c` and 2 more)`.
fn counted(kind: &str, names: &[String]) -> String {
    let plural = if names.len() == 1 { "" } else { "s" };
    let mut shown = backticked(names.iter().take(NAMES_SHOWN));
    if names.len() > NAMES_SHOWN {
        shown.push_str(&format!(" and {} more", names.len() - NAMES_SHOWN));
    }
    format!("{} {kind}{plural} ({shown})", names.len())
}

fn backticked<T: std::fmt::Display>(names: impl Iterator<Item = T>) -> String {
    names
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The existing name closest to `wanted`, if it is close enough to be a typo: at most one
/// edit in three characters.
fn closest<'a>(wanted: &str, existing: &BTreeSet<&'a str>) -> Option<&'a str> {
    let allowed = (wanted.chars().count() / 3).max(1);
    existing
        .iter()
        .map(|name| (edit_distance(wanted, name), *name))
        .filter(|(distance, _)| *distance <= allowed)
        .min()
        .map(|(_, name)| name)
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelled_schema_finds_the_one_meant() {
        let existing: BTreeSet<&str> = ["app", "public", "audit"].into();
        assert_eq!(edit_distance("pubilc", "public"), 2);
        assert_eq!(closest("pubilc", &existing), Some("public"));
        assert_eq!(closest("ap", &existing), Some("app"));
        assert_eq!(closest("billing", &existing), None);
    }
}
