//! `CREATE TEXT SEARCH DICTIONARY | CONFIGURATION`, `ALTER TEXT SEARCH DICTIONARY … (…)`
//! and the mapping forms of `ALTER TEXT SEARCH CONFIGURATION`, applied in file order. `DROP`,
//! `RENAME TO` and `SET SCHEMA` are here too (called from `drops.rs` and `statistics.rs`),
//! `COMMENT ON` in `comments.rs`, `OWNER TO` in `privileges.rs`.

use std::collections::BTreeMap;

use pg_query::protobuf::{
    AlterTsConfigType, AlterTsConfigurationStmt, AlterTsDictionaryStmt, DefineStmt, ObjectType,
};
use pg_query::NodeEnum;

use super::{qualified_name, Builder};
use crate::model::{AclObject, QualifiedName, TextSearchConfiguration};
use crate::normalize::definitions::{names_of, string_of};
use crate::normalize::text_search::{dictionary, option_value, resolve};

/// The token types of `pg_catalog.default`, the one parser PostgreSQL ships.
const DEFAULT_PARSER_TOKENS: [&str; 23] = [
    "asciiword",
    "word",
    "numword",
    "asciihword",
    "hword",
    "numhword",
    "hword_asciipart",
    "hword_part",
    "hword_numpart",
    "email",
    "protocol",
    "url",
    "host",
    "url_path",
    "file",
    "sfloat",
    "float",
    "int",
    "uint",
    "version",
    "tag",
    "entity",
    "blank",
];

const SHADOW_PATH: &str = "the shadow path (--dev-url URL, or --dev-url local)";

impl Builder<'_> {
    pub(super) fn create_text_search_dictionary(&mut self, stmt: &DefineStmt) {
        let Some(dictionary) = dictionary(stmt) else {
            return self.error(
                0,
                "a text search dictionary needs a TEMPLATE".into(),
                "add TEMPLATE = simple (or snowball, ispell, synonym, thesaurus)",
            );
        };
        let name = dictionary.name.clone();
        self.check_schema(&name.schema, 0);
        let what = format!("text search dictionary `{name}`");
        if self.catalog.text_search_dictionaries.contains_key(&name) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        self.created_at(what, 0);
        self.catalog
            .text_search_dictionaries
            .insert(name.clone(), dictionary);
        let owner = self.current_role.clone();
        (self.catalog).set_owner(AclObject::TextSearchDictionary(name), owner);
    }

    /// `ALTER TEXT SEARCH DICTIONARY … (option = value, option)`: an option named without a
    /// value is removed.
    pub(super) fn alter_text_search_dictionary(&mut self, stmt: &AlterTsDictionaryStmt) {
        let name = qualified_name(&stmt.dictname);
        let Some(dictionary) = self.catalog.text_search_dictionaries.get_mut(&name) else {
            return self.missing(&AclObject::TextSearchDictionary(name), "ALTER");
        };
        for option in &stmt.options {
            let Some(NodeEnum::DefElem(option)) = &option.node else {
                continue;
            };
            let key = option.defname.to_lowercase();
            match option.arg.as_deref() {
                Some(arg) => dictionary.options.insert(key, option_value(arg)),
                None => dictionary.options.remove(&key),
            };
        }
    }

    /// `CREATE TEXT SEARCH CONFIGURATION … (PARSER = …)`, without mappings, or `(COPY = …)`
    /// of a configuration the files define (a built-in one's mappings are the server's).
    pub(super) fn create_text_search_configuration(&mut self, stmt: &DefineStmt) {
        let name = qualified_name(&stmt.defnames);
        self.check_schema(&name.schema, 0);
        let what = format!("text search configuration `{name}`");
        if self.catalog.text_search_configurations.contains_key(&name) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        let (mut parser, mut copied) = (None, None);
        for option in &stmt.definition {
            let Some(NodeEnum::DefElem(option)) = &option.node else {
                continue;
            };
            let names = option.arg.as_deref().map(names_of).unwrap_or_default();
            match option.defname.to_lowercase().as_str() {
                "parser" => parser = Some(names),
                "copy" => copied = Some(names),
                _ => {}
            }
        }
        let configuration = match (parser, copied) {
            (_, Some(source)) => match self.copied_configuration(&name, &source) {
                Some(configuration) => configuration,
                None => return,
            },
            (Some(parser), None) => TextSearchConfiguration {
                name: name.clone(),
                parser: resolve(&parser, |parser| parser == "default"),
                mappings: BTreeMap::new(),
                comment: None,
            },
            (None, None) => {
                return self.error(
                    0,
                    format!("{what} needs a PARSER or COPY"),
                    "add PARSER = default",
                )
            }
        };
        self.created_at(what, 0);
        (self.catalog.text_search_configurations).insert(name.clone(), configuration);
        let owner = self.current_role.clone();
        (self.catalog).set_owner(AclObject::TextSearchConfiguration(name), owner);
    }

    /// `COPY = source`: the parser and mappings of a configuration the files define. A
    /// built-in one's mappings are known only to a server: that is an error.
    fn copied_configuration(
        &mut self,
        name: &QualifiedName,
        source: &[pg_query::Node],
    ) -> Option<TextSearchConfiguration> {
        let configurations = &self.catalog.text_search_configurations;
        let source = resolve(source, |copied| {
            !configurations.contains_key(&QualifiedName::new("public", copied))
        });
        if let Some(copied) = configurations.get(&source) {
            return Some(TextSearchConfiguration {
                name: name.clone(),
                comment: None,
                ..copied.clone()
            });
        }
        let help = format!(
            "write PARSER = default and its ALTER TEXT SEARCH CONFIGURATION … ADD MAPPING statements, or use {SHADOW_PATH}, where the server copies it"
        );
        let message = match source.schema.as_str() {
            "pg_catalog" => format!(
                "text search configuration `{name}` copies the built-in `{source}`, whose mappings are not known without a server"
            ),
            _ => format!(
                "text search configuration `{name}` copies `{source}`, which is not created"
            ),
        };
        self.error(0, message, &help);
        None
    }

    /// The mapping forms of `ALTER TEXT SEARCH CONFIGURATION`, as the server applies them.
    pub(super) fn alter_text_search_configuration(&mut self, stmt: &AlterTsConfigurationStmt) {
        let name = qualified_name(&stmt.cfgname);
        let tokens: Vec<String> = stmt.tokentype.iter().filter_map(string_of).collect();
        let dictionaries: Vec<QualifiedName> = (stmt.dicts.iter())
            .map(|d| self.mapped_dictionary(&names_of(d)))
            .collect();
        let Some(configuration) = self.catalog.text_search_configurations.get(&name) else {
            return self.missing(&AclObject::TextSearchConfiguration(name), "ALTER");
        };
        let mut mappings = configuration.mappings.clone();
        if configuration.parser == QualifiedName::new("pg_catalog", "default") {
            for token in &tokens {
                if !DEFAULT_PARSER_TOKENS.contains(&token.as_str()) {
                    self.error(
                        0,
                        format!("token type `{token}` is not one of parser `pg_catalog.default`'s"),
                        "use one that ts_token_type('default') lists",
                    );
                }
            }
        }
        let kind = AlterTsConfigType::try_from(stmt.kind);
        match kind {
            Ok(AlterTsConfigType::AlterTsconfigAddMapping) => {
                for token in tokens {
                    if mappings.contains_key(&token) {
                        self.error(
                            0,
                            format!(
                                "ADD MAPPING FOR `{token}` of `{name}`, which has a mapping for it"
                            ),
                            "use ALTER MAPPING FOR, which replaces it",
                        );
                    }
                    mappings.insert(token, dictionaries.clone());
                }
            }
            Ok(AlterTsConfigType::AlterTsconfigAlterMappingForToken) => {
                for token in tokens {
                    mappings.insert(token, dictionaries.clone());
                }
            }
            Ok(
                AlterTsConfigType::AlterTsconfigReplaceDict
                | AlterTsConfigType::AlterTsconfigReplaceDictForToken,
            ) => {
                let [old, new] = dictionaries.as_slice() else {
                    return;
                };
                let replaced = (mappings.iter_mut())
                    .filter(|(token, _)| tokens.is_empty() || tokens.contains(token));
                for (_, mapped) in replaced {
                    for dictionary in mapped.iter_mut().filter(|d| *d == old) {
                        *dictionary = new.clone();
                    }
                }
            }
            Ok(AlterTsConfigType::AlterTsconfigDropMapping) => {
                for token in tokens {
                    if mappings.remove(&token).is_none() && !stmt.missing_ok {
                        self.error(
                            0,
                            format!("DROP MAPPING FOR `{token}` of `{name}`, which has no mapping for it"),
                            "remove it from the DROP MAPPING, or add IF EXISTS",
                        );
                    }
                }
            }
            _ => return,
        }
        if let Some(configuration) = self.catalog.text_search_configurations.get_mut(&name) {
            configuration.mappings = mappings;
        }
    }

    /// A dictionary a mapping names: an unqualified one is the files' in `public`, or else
    /// a built-in one (`simple`, `english_stem`); one the files name in another schema must
    /// be created.
    fn mapped_dictionary(&mut self, names: &[pg_query::Node]) -> QualifiedName {
        let dictionaries = &self.catalog.text_search_dictionaries;
        let name = resolve(names, |dictionary| {
            !dictionaries.contains_key(&QualifiedName::new("public", dictionary))
        });
        if name.schema != "pg_catalog" && !dictionaries.contains_key(&name) {
            self.error(
                0,
                format!("a mapping uses text search dictionary `{name}`, which is not created"),
                "create the dictionary before the mapping",
            );
        }
        name
    }

    /// `DROP TEXT SEARCH DICTIONARY`: refused while a configuration maps to it, unless
    /// `CASCADE`, which drops those configurations too, as the server does.
    pub(super) fn drop_text_search_dictionary(
        &mut self,
        name: &QualifiedName,
        cascade: bool,
    ) -> bool {
        if !self.catalog.text_search_dictionaries.contains_key(name) {
            return false;
        }
        let users: Vec<QualifiedName> = (self.catalog.text_search_configurations.values())
            .filter(|c| c.uses(name))
            .map(|c| c.name.clone())
            .collect();
        if !users.is_empty() && !cascade {
            let users: Vec<String> = users.iter().map(|c| format!("`{c}`")).collect();
            self.error(
                0,
                format!(
                    "DROP of text search dictionary `{name}`, which mappings of {} use",
                    users.join(", ")
                ),
                "change those mappings first, or add CASCADE",
            );
            return true;
        }
        for configuration in users {
            self.catalog
                .text_search_configurations
                .shift_remove(&configuration);
        }
        self.catalog.text_search_dictionaries.shift_remove(name);
        true
    }
}

impl Builder<'_> {
    /// `ALTER TEXT SEARCH DICTIONARY | CONFIGURATION … RENAME TO` or `SET SCHEMA`: the
    /// mappings that use a dictionary follow it (the server keeps them by OID), and so does
    /// its owner.
    pub(super) fn move_text_search_object(
        &mut self,
        kind: ObjectType,
        old: &QualifiedName,
        new: QualifiedName,
    ) {
        self.check_schema(&new.schema, 0);
        let moved = match kind {
            ObjectType::ObjectTsdictionary => {
                let dictionaries = &mut self.catalog.text_search_dictionaries;
                let moved = dictionaries.shift_remove(old).map(|mut dictionary| {
                    dictionary.name = new.clone();
                    dictionaries.insert(new.clone(), dictionary);
                });
                let mappings = (self.catalog.text_search_configurations.values_mut())
                    .flat_map(|c| c.mappings.values_mut().flatten());
                for dictionary in mappings.filter(|d| *d == old) {
                    *dictionary = new.clone();
                }
                moved
            }
            _ => {
                let configurations = &mut self.catalog.text_search_configurations;
                configurations.shift_remove(old).map(|mut configuration| {
                    configuration.name = new.clone();
                    configurations.insert(new.clone(), configuration);
                })
            }
        };
        if moved.is_none() {
            let object = match kind {
                ObjectType::ObjectTsdictionary => AclObject::TextSearchDictionary(old.clone()),
                _ => AclObject::TextSearchConfiguration(old.clone()),
            };
            return self.missing(&object, "ALTER");
        }
        self.catalog.rename_acls(|object| match object {
            AclObject::TextSearchDictionary(name) if name == old => {
                Some(AclObject::TextSearchDictionary(new.clone()))
            }
            AclObject::TextSearchConfiguration(name) if name == old => {
                Some(AclObject::TextSearchConfiguration(new.clone()))
            }
            _ => None,
        });
    }
}
