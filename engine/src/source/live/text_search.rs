//! Text search dictionaries (each `CREATE` statement the query spells, parsed in runs and
//! built by the same code as the desired-state parser's) and configurations.

use std::collections::BTreeMap;

use pg_query::NodeEnum;
use postgres::Transaction;

use super::indexes::parse_printed;
use super::user_types::{json, name_of};
use super::Reader;
use crate::error::Error;
use crate::model::{AclObject, Catalog, QualifiedName, TextSearchConfiguration};
use crate::normalize::text_search::dictionary;

const DICTIONARIES: &str = include_str!("queries/text_search_dictionaries.sql");
const CONFIGURATIONS: &str = include_str!("queries/text_search_configurations.sql");

/// One row of the dictionaries' query.
struct Row {
    name: QualifiedName,
    definition: String,
    comment: Option<String>,
    owner: Option<String>,
}

/// Adds the dictionaries and configurations (not those of extensions).
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "text search dictionaries";
    let mut rows = Vec::new();
    for row in reader.query(tx, WHAT, DICTIONARIES)? {
        rows.push(Row {
            name: name_of(reader, &row, WHAT)?,
            definition: reader.get(&row, WHAT, "definition")?,
            comment: reader.get(&row, WHAT, "comment")?,
            owner: reader.get(&row, WHAT, "owner")?,
        });
    }
    let names: Vec<String> = rows.iter().map(|r| r.name.to_string()).collect();
    let printed: Vec<(&str, &str)> = (names.iter().zip(&rows))
        .map(|(name, r)| (name.as_str(), r.definition.as_str()))
        .collect();
    let kind = "text search dictionary";
    let parsed = parse_printed(reader, WHAT, kind, &printed, |stmt| match stmt {
        NodeEnum::DefineStmt(stmt) => dictionary(stmt),
        _ => None,
    })?;
    for (row, mut dictionary) in rows.into_iter().zip(parsed) {
        dictionary.comment = row.comment;
        catalog.set_owner(AclObject::TextSearchDictionary(row.name.clone()), row.owner);
        catalog
            .text_search_dictionaries
            .insert(row.name, dictionary);
    }

    const CONFIGURATION: &str = "text search configurations";
    for row in reader.query(tx, CONFIGURATION, CONFIGURATIONS)? {
        let name = name_of(reader, &row, CONFIGURATION)?;
        let mappings: Vec<(String, Vec<(String, String)>)> =
            json(reader, &row, CONFIGURATION, "mappings")?;
        let mappings: BTreeMap<String, Vec<QualifiedName>> = (mappings.into_iter())
            .map(|(token, dictionaries)| {
                let dictionaries = (dictionaries.into_iter())
                    .map(|(schema, name)| QualifiedName::new(schema, name))
                    .collect();
                (token, dictionaries)
            })
            .collect();
        let configuration = TextSearchConfiguration {
            name: name.clone(),
            parser: QualifiedName::new(
                reader.get::<String>(&row, CONFIGURATION, "parser_schema")?,
                reader.get::<String>(&row, CONFIGURATION, "parser_name")?,
            ),
            mappings,
            comment: reader.get(&row, CONFIGURATION, "comment")?,
        };
        let owner = reader.get(&row, CONFIGURATION, "owner")?;
        catalog.set_owner(AclObject::TextSearchConfiguration(name.clone()), owner);
        catalog
            .text_search_configurations
            .insert(name, configuration);
    }
    Ok(())
}
