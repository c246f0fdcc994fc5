//! Text search dictionaries and configurations. A dictionary's options and a
//! configuration's mappings change in place; a new template or parser drops and creates the
//! object, and a configuration that maps to a dictionary dropped and created before and after
//! goes with it (the server refuses to drop a dictionary a mapping uses).

use std::collections::HashSet;

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, QualifiedName};

pub(super) fn diff_text_search(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    let recreated = diff_dictionaries(catalogs, out);
    diff_configurations(catalogs, &recreated, out);
}

/// Returns the dictionaries dropped and created again.
fn diff_dictionaries(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) -> HashSet<QualifiedName> {
    let mut recreated = HashSet::new();
    let (from, to) = (
        &catalogs.from.text_search_dictionaries,
        &catalogs.to.text_search_dictionaries,
    );
    for (name, dictionary) in to {
        let Some(old) = from.get(name) else {
            out.push(Change::CreateTextSearchDictionary(dictionary.clone()));
            continue;
        };
        if old.template != dictionary.template {
            recreated.insert(name.clone());
            out.push(Change::DropTextSearchDictionary {
                dictionary: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateTextSearchDictionary(dictionary.clone()));
            continue;
        }
        if old.options != dictionary.options {
            out.push(Change::AlterTextSearchDictionary(Pair::new(
                old.clone(),
                dictionary.clone(),
            )));
        }
        diff_comment(
            CommentTarget::TextSearchDictionary(name.clone()),
            Pair::new(&old.comment, &dictionary.comment),
            out,
        );
    }
    for (name, dictionary) in from {
        if !to.contains_key(name) {
            out.push(Change::DropTextSearchDictionary {
                dictionary: dictionary.clone(),
                recreated: false,
            });
        }
    }
    recreated
}

/// `recreated`: the dictionaries dropped and created again.
fn diff_configurations(
    catalogs: &Pair<&Catalog>,
    recreated: &HashSet<QualifiedName>,
    out: &mut Vec<Change>,
) {
    let (from, to) = (
        &catalogs.from.text_search_configurations,
        &catalogs.to.text_search_configurations,
    );
    for (name, configuration) in to {
        let Some(old) = from.get(name) else {
            out.push(Change::CreateTextSearchConfiguration(configuration.clone()));
            continue;
        };
        // a mapping that stays on a recreated dictionary is taken off before the drop and
        // put back after: the configuration is created again; one that goes or comes is an
        // ALTER on the right side of the drop or creation
        let remapped = recreated
            .iter()
            .any(|d| old.uses(d) && configuration.uses(d));
        if old.parser != configuration.parser || remapped {
            out.push(Change::DropTextSearchConfiguration {
                configuration: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateTextSearchConfiguration(configuration.clone()));
            continue;
        }
        if old.mappings != configuration.mappings {
            out.push(Change::AlterTextSearchMappings(Pair::new(
                old.clone(),
                configuration.clone(),
            )));
        }
        diff_comment(
            CommentTarget::TextSearchConfiguration(name.clone()),
            Pair::new(&old.comment, &configuration.comment),
            out,
        );
    }
    for (name, configuration) in from {
        if !to.contains_key(name) {
            out.push(Change::DropTextSearchConfiguration {
                configuration: configuration.clone(),
                recreated: false,
            });
        }
    }
}
