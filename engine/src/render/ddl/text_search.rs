//! `CREATE`, `ALTER` and `DROP TEXT SEARCH DICTIONARY | CONFIGURATION`.

use std::collections::BTreeMap;

use super::comment_sql;
use crate::diff::{CommentTarget, Pair};
use crate::model::{QualifiedName, TextSearchConfiguration, TextSearchDictionary};
use crate::render::quote::{quote_ident, quote_literal};

/// `CREATE TEXT SEARCH DICTIONARY …` and its comment.
pub fn create_dictionary(dictionary: &TextSearchDictionary) -> Vec<String> {
    let mut definition = vec![format!("TEMPLATE = {}", dictionary.template)];
    definition.extend(dictionary.options.iter().map(|(k, v)| set_option(k, v)));
    let mut statements = vec![format!(
        "CREATE TEXT SEARCH DICTIONARY {} ({})",
        dictionary.name,
        definition.join(", ")
    )];
    statements.extend(comment_sql(
        CommentTarget::TextSearchDictionary(dictionary.name.clone()),
        &dictionary.comment,
    ));
    statements
}

pub fn drop_dictionary(name: &QualifiedName) -> String {
    format!("DROP TEXT SEARCH DICTIONARY {name}")
}

/// `ALTER TEXT SEARCH DICTIONARY … (…)`: the options `to` sets that `from` has not or
/// differently, and those only `from` has, named without a value (which removes them).
pub fn alter_dictionary_options(dictionary: Pair<&TextSearchDictionary>) -> String {
    let (from, to) = (&dictionary.from.options, &dictionary.to.options);
    let set = (to.iter())
        .filter(|(key, value)| from.get(*key) != Some(*value))
        .map(|(key, value)| set_option(key, value));
    let removed = (from.keys())
        .filter(|key| !to.contains_key(*key))
        .map(|key| quote_ident(key));
    let options: Vec<String> = set.chain(removed).collect();
    format!(
        "ALTER TEXT SEARCH DICTIONARY {} ({})",
        dictionary.to.name,
        options.join(", ")
    )
}

fn set_option(key: &str, value: &str) -> String {
    format!("{} = {}", quote_ident(key), quote_literal(value))
}

/// `CREATE TEXT SEARCH CONFIGURATION … (PARSER = …)`, its mappings and its comment.
pub fn create_configuration(configuration: &TextSearchConfiguration) -> Vec<String> {
    let mut statements = vec![format!(
        "CREATE TEXT SEARCH CONFIGURATION {} (PARSER = {})",
        configuration.name, configuration.parser
    )];
    let unmapped = TextSearchConfiguration {
        mappings: BTreeMap::new(),
        ..configuration.clone()
    };
    statements.extend(alter_mappings(Pair::new(&unmapped, configuration)));
    statements.extend(comment_sql(
        CommentTarget::TextSearchConfiguration(configuration.name.clone()),
        &configuration.comment,
    ));
    statements
}

pub fn drop_configuration(name: &QualifiedName) -> String {
    format!("DROP TEXT SEARCH CONFIGURATION {name}")
}

/// The mapping statements from one configuration's mappings to another's: the token types
/// `to` lacks dropped, those it maps differently altered, its new ones added; token types
/// mapped to the same dictionaries share a statement.
pub fn alter_mappings(configuration: Pair<&TextSearchConfiguration>) -> Vec<String> {
    let (from, to) = (&configuration.from.mappings, &configuration.to.mappings);
    let name = &configuration.to.name;
    let mut statements = Vec::new();
    let dropped: Vec<&str> = (from.keys())
        .filter(|token| !to.contains_key(*token))
        .map(String::as_str)
        .collect();
    if !dropped.is_empty() {
        statements.push(format!(
            "ALTER TEXT SEARCH CONFIGURATION {name} DROP MAPPING FOR {}",
            token_list(&dropped)
        ));
    }
    let mut altered = BTreeMap::new();
    let mut added = BTreeMap::new();
    for (token, dictionaries) in to {
        let by_dictionaries = match from.get(token) {
            Some(old) if old == dictionaries => continue,
            Some(_) => &mut altered,
            None => &mut added,
        };
        by_dictionaries
            .entry(dictionaries)
            .or_insert_with(Vec::new)
            .push(token.as_str());
    }
    for (verb, groups) in [("ALTER", altered), ("ADD", added)] {
        for (dictionaries, tokens) in groups {
            let dictionaries: Vec<String> = dictionaries.iter().map(ToString::to_string).collect();
            statements.push(format!(
                "ALTER TEXT SEARCH CONFIGURATION {name} {verb} MAPPING FOR {} WITH {}",
                token_list(&tokens),
                dictionaries.join(", ")
            ));
        }
    }
    statements
}

fn token_list(tokens: &[&str]) -> String {
    let quoted: Vec<String> = tokens.iter().map(|t| quote_ident(t)).collect();
    quoted.join(", ")
}
