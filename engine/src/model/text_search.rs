//! Text search dictionaries and configurations (`CREATE TEXT SEARCH DICTIONARY |
//! CONFIGURATION`). Parsers and templates need C functions and are not modelled: a
//! dictionary names its template and a configuration its parser, built in or not.

use std::collections::BTreeMap;

use serde::Serialize;

use super::QualifiedName;

/// A text search dictionary: a template and the options it is given.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextSearchDictionary {
    pub name: QualifiedName,
    pub template: QualifiedName,
    /// Option name (lower case, as unquoted names are) → value as text (`stopwords` →
    /// `english`), whether written as a string, a name or a number.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    pub comment: Option<String>,
}

/// A text search configuration: a parser and, per token type, the dictionaries tried in
/// order. One created with a parser has no mappings until they are added.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextSearchConfiguration {
    pub name: QualifiedName,
    pub parser: QualifiedName,
    /// Token type (as the parser names it) → dictionaries, in order.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub mappings: BTreeMap<String, Vec<QualifiedName>>,
    pub comment: Option<String>,
}

impl TextSearchConfiguration {
    /// Whether a mapping uses the dictionary.
    pub fn uses(&self, dictionary: &QualifiedName) -> bool {
        self.mappings.values().flatten().any(|d| d == dictionary)
    }
}
