//! The catalog model: the one shape that every source is normalised into.
//!
//! Both the desired-state parser (`source::sql`) and the live loader (`source::live`) produce a
//! [`Catalog`]; the differ compares two of them. Maps are keyed by qualified name and sorted
//! after loading so that everything derived from a catalog is deterministic.

mod expr;
mod name;
mod objects;
mod table;

pub use expr::Expr;
pub use name::QualifiedName;
pub use objects::{EnumType, Extension, Schema, Sequence, SequenceOptions, Unsupported};
pub use table::{Column, Constraint, ConstraintKind, ForeignKeyTarget, Identity, Index, Table};

use indexmap::IndexMap;
use serde::Serialize;

/// A normalised database schema.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Catalog {
    pub schemas: IndexMap<String, Schema>,
    pub extensions: IndexMap<String, Extension>,
    pub enums: IndexMap<QualifiedName, EnumType>,
    pub sequences: IndexMap<QualifiedName, Sequence>,
    pub tables: IndexMap<QualifiedName, Table>,
    pub indexes: IndexMap<QualifiedName, Index>,
    /// Objects found in the source that the model does not cover yet. Never silently dropped:
    /// the summary lists them and `--strict` turns them into an error.
    #[serde(skip)]
    pub unsupported: Vec<Unsupported>,
}

impl Catalog {
    /// Sorts every map by key so that iteration order does not depend on load order.
    pub fn sort(&mut self) {
        self.schemas.sort_keys();
        self.extensions.sort_keys();
        self.enums.sort_keys();
        self.sequences.sort_keys();
        self.tables.sort_keys();
        self.indexes.sort_keys();
        for table in self.tables.values_mut() {
            table.constraints.sort_keys();
        }
        self.unsupported.sort();
        self.unsupported.dedup();
    }

    /// Keeps only the objects whose schema passes `keep`.
    pub fn retain_schemas(&mut self, keep: impl Fn(&str) -> bool) {
        self.schemas.retain(|name, _| keep(name));
        self.extensions.retain(|_, e| keep(&e.schema));
        self.enums.retain(|name, _| keep(&name.schema));
        self.sequences.retain(|name, _| keep(&name.schema));
        self.tables.retain(|name, _| keep(&name.schema));
        self.indexes.retain(|name, _| keep(&name.schema));
        self.unsupported.retain(|u| u.schema.as_deref().is_none_or(&keep));
    }

    /// The enum named by a column type such as `mood`, `app.mood` or `mood[]`, if it is one of
    /// this catalog's enums.
    pub fn enum_of_type(&self, type_name: &str) -> Option<&EnumType> {
        let base = type_name.strip_suffix("[]").unwrap_or(type_name);
        self.enums.values().find(|e| e.name.type_display() == base)
    }

    /// The index that implements a primary key, unique or exclusion constraint is a table
    /// constraint in the model, never a standalone index.
    pub fn index_names_of_table<'a>(
        &'a self,
        table: &'a QualifiedName,
    ) -> impl Iterator<Item = &'a Index> + 'a {
        self.indexes.values().filter(move |i| &i.table == table)
    }
}
