//! Foreign data wrappers, foreign servers and user mappings (SQL/MED). They belong to the
//! database, not to a schema: a wrapper is managed where its handler and validator are, a
//! server with its wrapper, a user mapping with its server. Wrappers an extension created
//! (`postgres_fdw`, `file_fdw`) belong to the extension and are not in the model.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::QualifiedName;

/// `OPTIONS (name 'value', …)`, sorted by name: the server keeps them in the order given,
/// but their order means nothing.
#[derive(Clone, Default, PartialEq, Serialize)]
pub struct ForeignOptions(#[serde(serialize_with = "redacted")] pub BTreeMap<String, String>);

/// Secrets stay out of debug output (test failures, logs) too.
impl std::fmt::Debug for ForeignOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(name, value)| {
                let value = if is_secret(name) { "<secret>" } else { value };
                (name, value)
            }))
            .finish()
    }
}

impl ForeignOptions {
    /// The options to add, set and drop to go from `self` to `to`.
    pub fn changes<'a>(&'a self, to: &'a ForeignOptions) -> Vec<OptionChange<'a>> {
        let mut changes = Vec::new();
        for (name, value) in &to.0 {
            match self.0.get(name) {
                None => changes.push(OptionChange::Add(name, value)),
                Some(old) if old != value => changes.push(OptionChange::Set(name, value)),
                Some(_) => {}
            }
        }
        for name in self.0.keys() {
            if !to.0.contains_key(name) {
                changes.push(OptionChange::Drop(name));
            }
        }
        changes
    }

    /// The names of the secret options among `changes` that set a value.
    pub fn secrets_set<'a>(changes: &[OptionChange<'a>]) -> Vec<&'a str> {
        (changes.iter())
            .filter_map(|c| match c {
                OptionChange::Add(name, _) | OptionChange::Set(name, _) if is_secret(name) => {
                    Some(name.as_str())
                }
                _ => None,
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One option of `OPTIONS (ADD | SET | DROP …)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OptionChange<'a> {
    Add(&'a String, &'a String),
    Set(&'a String, &'a String),
    Drop(&'a String),
}

/// Whether an option holds a secret whose value is never printed: `password`, and any
/// option whose name says it is a password, a secret or a token.
pub fn is_secret(option: &str) -> bool {
    let option = option.to_lowercase();
    ["password", "secret", "token"]
        .iter()
        .any(|word| option.contains(word))
}

/// Secret values never reach a plan, a report or JSON.
fn redacted<S: Serializer>(
    options: &BTreeMap<String, String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(options.iter().map(|(name, value)| {
        let value = if is_secret(name) { "<secret>" } else { value };
        (name, value)
    }))
}

/// `CREATE FOREIGN DATA WRAPPER`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForeignDataWrapper {
    pub name: String,
    /// `HANDLER f`: a function without arguments returning `fdw_handler`.
    pub handler: Option<QualifiedName>,
    /// `VALIDATOR f`: a function of `(text[], oid)`.
    pub validator: Option<QualifiedName>,
    #[serde(skip_serializing_if = "ForeignOptions::is_empty")]
    pub options: ForeignOptions,
    pub comment: Option<String>,
}

/// `CREATE SERVER`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForeignServer {
    pub name: String,
    /// The foreign data wrapper, by name.
    pub wrapper: String,
    /// `TYPE '…'`, which `ALTER SERVER` cannot change.
    pub server_type: Option<String>,
    /// `VERSION '…'`.
    pub version: Option<String>,
    #[serde(skip_serializing_if = "ForeignOptions::is_empty")]
    pub options: ForeignOptions,
    pub comment: Option<String>,
}

/// Whom a user mapping is for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MappedUser {
    Public,
    /// `CURRENT_USER`: the role that runs the file or the plan.
    Current,
    Role(String),
}

impl std::fmt::Display for MappedUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MappedUser::Public => f.write_str("PUBLIC"),
            MappedUser::Current => f.write_str("CURRENT_USER"),
            MappedUser::Role(role) => f.write_str(role),
        }
    }
}

/// `CREATE USER MAPPING FOR user SERVER server`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UserMapping {
    pub user: MappedUser,
    pub server: String,
    #[serde(skip_serializing_if = "ForeignOptions::is_empty")]
    pub options: ForeignOptions,
}

impl UserMapping {
    /// How descriptions and placeholders name it: ``user mapping for `app` on server `s` ``.
    pub fn describe(&self) -> String {
        format!(
            "user mapping for `{}` on server `{}`",
            self.user, self.server
        )
    }
}

/// A column of a foreign table. Column order is not compared: a column added to a foreign
/// table goes at its end, wherever the file lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForeignColumn {
    pub name: String,
    /// As `format_type` prints it.
    pub type_name: String,
    pub not_null: bool,
    #[serde(skip_serializing_if = "ForeignOptions::is_empty")]
    pub options: ForeignOptions,
}

/// `CREATE FOREIGN TABLE`: a relation that views and functions read like a table.
#[derive(Clone, Debug, Serialize)]
pub struct ForeignTable {
    pub name: QualifiedName,
    /// In the file's (or the server's) order.
    pub columns: Vec<ForeignColumn>,
    pub server: String,
    #[serde(skip_serializing_if = "ForeignOptions::is_empty")]
    pub options: ForeignOptions,
    pub comment: Option<String>,
}

impl ForeignTable {
    pub fn column(&self, name: &str) -> Option<&ForeignColumn> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// Columns compare as a set: a column dropped and added back (a rollback) comes back last.
impl PartialEq for ForeignTable {
    fn eq(&self, other: &Self) -> bool {
        (&self.name, &self.server, &self.options, &self.comment)
            == (&other.name, &other.server, &other.options, &other.comment)
            && self.columns.len() == other.columns.len()
            && (self.columns.iter()).all(|c| other.column(&c.name) == Some(c))
    }
}
