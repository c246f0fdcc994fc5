//! Text search dictionaries from `CREATE TEXT SEARCH DICTIONARY` trees: the file's, or the
//! one the live loader builds from `pg_ts_dict`, whose `dictinitoption` is the statement's
//! option list as the server keeps it (`language = 'english', stopwords = 'english'`).

use std::collections::BTreeMap;

use pg_query::protobuf::DefineStmt;
use pg_query::{Node, NodeEnum};

use super::definitions::{names_of, string_of};
use crate::model::{QualifiedName, TextSearchDictionary};

/// The templates PostgreSQL ships, in `pg_catalog`.
const BUILT_IN_TEMPLATES: [&str; 5] = ["simple", "synonym", "thesaurus", "ispell", "snowball"];

/// The dictionary a `CREATE TEXT SEARCH DICTIONARY` defines; `None` without a template,
/// which the server requires.
pub fn dictionary(stmt: &DefineStmt) -> Option<TextSearchDictionary> {
    let mut template = None;
    let mut options = BTreeMap::new();
    for option in &stmt.definition {
        let Some(NodeEnum::DefElem(option)) = &option.node else {
            continue;
        };
        let key = option.defname.to_lowercase();
        let Some(arg) = option.arg.as_deref() else {
            continue;
        };
        if key == "template" {
            let names = names_of(arg);
            template = Some(resolve(&names, |name| BUILT_IN_TEMPLATES.contains(&name)));
        } else {
            options.insert(key, option_value(arg));
        }
    }
    Some(TextSearchDictionary {
        name: resolve(&stmt.defnames, |_| false),
        template: template?,
        options,
        comment: None,
    })
}

/// An option's value as text, as the server reads it (`defGetString`): a name, a string or
/// a number.
pub fn option_value(arg: &Node) -> String {
    match &arg.node {
        Some(NodeEnum::Integer(i)) => i.ival.to_string(),
        Some(NodeEnum::Float(f)) => f.fval.clone(),
        Some(NodeEnum::Boolean(b)) => b.boolval.to_string(),
        _ => {
            let parts: Vec<String> = names_of(arg).iter().filter_map(string_of).collect();
            parts.join(".")
        }
    }
}

/// `[schema.]name`, resolved as `search_path = public` does: an unqualified name is
/// `pg_catalog`'s (searched first) where `built_in` says it has one, `public`'s otherwise.
pub fn resolve(names: &[Node], built_in: impl Fn(&str) -> bool) -> QualifiedName {
    let parts: Vec<String> = names.iter().filter_map(string_of).collect();
    match parts.as_slice() {
        [.., schema, name] => QualifiedName::new(schema, name),
        [name] if built_in(name) => QualifiedName::new("pg_catalog", name),
        [name] => QualifiedName::new("public", name),
        [] => QualifiedName::new("public", ""),
    }
}
