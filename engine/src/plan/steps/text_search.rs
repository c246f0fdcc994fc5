//! Steps for text search dictionaries and configurations. They lock no table; one dropped
//! for good is breaks-application, since queries that name it (`to_tsvector('app.english',
//! …)`) fail.

use super::Step;
use crate::diff::{Change, Pair};
use crate::hazard::HazardKind;
use crate::model::QualifiedName;
use crate::render::ddl::text_search as ddl;

/// The steps of a text search change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreateTextSearchDictionary(dictionary) => vec![Step::new(
            format!("create text search dictionary `{}`", dictionary.name),
            ddl::create_dictionary(dictionary),
            vec![ddl::drop_dictionary(&dictionary.name)],
        )],
        Change::DropTextSearchDictionary {
            dictionary,
            recreated,
        } => {
            let step = Step::new(
                format!("drop text search dictionary `{}`", dictionary.name),
                vec![ddl::drop_dictionary(&dictionary.name)],
                ddl::create_dictionary(dictionary),
            );
            dropped_for_good(step, *recreated, "dictionary", &dictionary.name)
        }
        Change::AlterTextSearchDictionary(dictionary) => vec![Step::new(
            format!("alter text search dictionary `{}`", dictionary.to.name),
            vec![ddl::alter_dictionary_options(dictionary.as_ref())],
            vec![ddl::alter_dictionary_options(Pair::new(
                &dictionary.to,
                &dictionary.from,
            ))],
        )],
        Change::CreateTextSearchConfiguration(configuration) => vec![Step::new(
            format!("create text search configuration `{}`", configuration.name),
            ddl::create_configuration(configuration),
            vec![ddl::drop_configuration(&configuration.name)],
        )],
        Change::DropTextSearchConfiguration {
            configuration,
            recreated,
        } => {
            let step = Step::new(
                format!("drop text search configuration `{}`", configuration.name),
                vec![ddl::drop_configuration(&configuration.name)],
                ddl::create_configuration(configuration),
            );
            dropped_for_good(step, *recreated, "configuration", &configuration.name)
        }
        Change::AlterTextSearchMappings(configuration) => vec![Step::new(
            format!(
                "alter the mappings of text search configuration `{}`",
                configuration.to.name
            ),
            ddl::alter_mappings(configuration.as_ref()),
            ddl::alter_mappings(Pair::new(&configuration.to, &configuration.from)),
        )],
        _ => Vec::new(),
    }
}

/// A drop that is not followed by the object's creation breaks what names it.
fn dropped_for_good(step: Step, recreated: bool, kind: &str, name: &QualifiedName) -> Vec<Step> {
    if recreated {
        return vec![step];
    }
    vec![step.hazard(
        HazardKind::BreaksApplication,
        format!("queries that search with text search {kind} `{name}` fail once it is dropped"),
    )]
}
