//! Table constraints between the statement that adds them and the end of the files.
//!
//! A foreign key stays a tree until the end, since the primary key it references by default
//! may come later. Every other constraint is built as it is read: kept as trees, they took
//! much of a large file's memory. The few statements that need one as a tree again (`LIKE`)
//! parse it back from its text.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use pg_query::protobuf::{self, ConstrType};
use pg_query::{Node, NodeEnum};

use super::memo::DefinitionMemo;
use super::Place;
use crate::model::{Catalog, Constraint, ConstraintKind, QualifiedName};
use crate::normalize::definitions::{
    constraint_on_renamed_column, constraint_tree, relation_name, rename_keys, string_of,
};

/// The constraints of the files so far, by table and name, in the order they were added.
pub(super) type PendingConstraints = IndexMap<(QualifiedName, String), PendingConstraint>;

pub(super) struct PendingConstraint {
    pub definition: Definition,
    pub comment: Option<String>,
    /// Where it is written, for the checks of what it names; `None` inside `CREATE SCHEMA`,
    /// whose elements resolve names as the offline parser does not.
    pub place: Option<Place>,
}

pub(super) enum Definition {
    /// Completed at the end: `REFERENCES t` without columns means `t`'s primary key.
    ForeignKey(Box<protobuf::Constraint>),
    Built(Constraint),
}

impl PendingConstraint {
    pub fn new(definition: Definition, place: Option<Place>) -> Self {
        PendingConstraint {
            definition,
            comment: None,
            place,
        }
    }

    /// The constraint's tree; `None` only if its own text does not parse back.
    pub fn tree(&self) -> Option<Cow<'_, protobuf::Constraint>> {
        match &self.definition {
            Definition::ForeignKey(node) => Some(Cow::Borrowed(node)),
            Definition::Built(built) => constraint_tree(built).map(Cow::Owned),
        }
    }

    /// Whether it uses `column` of its own table.
    pub fn uses(&self, column: &str) -> bool {
        match &self.definition {
            Definition::ForeignKey(node) => (node.fk_attrs.iter().chain(&node.keys))
                .any(|key| string_of(key).is_some_and(|key| key == column)),
            Definition::Built(built) => built.columns.iter().any(|c| c == column),
        }
    }

    pub fn rename(&mut self, name: &str) {
        match &mut self.definition {
            Definition::ForeignKey(node) => node.conname = name.to_string(),
            Definition::Built(built) => built.name = name.to_string(),
        }
    }

    /// `VALIDATE CONSTRAINT`.
    pub fn validate(&mut self) {
        match &mut self.definition {
            Definition::ForeignKey(node) => {
                node.skip_validation = false;
                node.initially_valid = true;
            }
            Definition::Built(built) => built.not_valid = false,
        }
    }

    /// Follows a column of its own table renamed from `from` to `to`.
    pub fn rename_column(&mut self, from: &str, to: &str) {
        if !self.uses(from) {
            return;
        }
        match &mut self.definition {
            Definition::ForeignKey(node) => {
                for keys in [&mut node.keys, &mut node.fk_attrs, &mut node.including] {
                    rename_keys(keys, from, to);
                }
            }
            Definition::Built(built) => {
                if let Some(renamed) = constraint_on_renamed_column(built, from, to, &built.name) {
                    *built = renamed;
                }
            }
        }
    }

    /// The foreign key's tree, if it is one.
    pub fn foreign_key_mut(&mut self) -> Option<&mut protobuf::Constraint> {
        match &mut self.definition {
            Definition::ForeignKey(node) => Some(node),
            Definition::Built(_) => None,
        }
    }

    fn is_primary_key(&self) -> bool {
        matches!(&self.definition, Definition::Built(c) if c.kind == ConstraintKind::PrimaryKey)
    }
}

impl Definition {
    /// The constraint, a foreign key completed from the primary keys of the files or, failing
    /// that, of the context (a table owned elsewhere, such as `auth.users`).
    pub fn build(
        self,
        name: &str,
        primary_keys: &HashMap<QualifiedName, Vec<Node>>,
        catalog: &Catalog,
        memo: &mut DefinitionMemo,
    ) -> Constraint {
        match self {
            Definition::ForeignKey(mut node) => {
                complete_foreign_key(primary_keys, catalog, &mut node);
                memo.constraint(&mut node, name)
            }
            Definition::Built(built) => built,
        }
    }
}

/// The primary key columns of the tables that foreign keys without columns reference.
pub(super) fn referenced_primary_keys(
    pending: &PendingConstraints,
) -> HashMap<QualifiedName, Vec<Node>> {
    let referenced: HashSet<QualifiedName> = (pending.values())
        .filter_map(|c| match &c.definition {
            Definition::ForeignKey(node) if node.pk_attrs.is_empty() => {
                node.pktable.as_ref().map(relation_name)
            }
            _ => None,
        })
        .collect();
    (pending.iter())
        .filter(|((table, _), c)| c.is_primary_key() && referenced.contains(table))
        .filter_map(|((table, _), c)| Some((table.clone(), c.tree()?.keys.clone())))
        .collect()
}

/// `REFERENCES t` without columns means the primary key of `t`, which the server prints.
fn complete_foreign_key(
    primary_keys: &HashMap<QualifiedName, Vec<Node>>,
    catalog: &Catalog,
    node: &mut protobuf::Constraint,
) {
    let Some(target) = &node.pktable else { return };
    if !node.pk_attrs.is_empty() {
        return;
    }
    let target = relation_name(target);
    if let Some(keys) = primary_keys.get(&target) {
        node.pk_attrs = keys.to_vec();
    } else if let Some(key) = catalog.tables.get(&target).and_then(|t| t.primary_key()) {
        node.pk_attrs = key
            .columns
            .iter()
            .map(|column| Node {
                node: Some(NodeEnum::String(protobuf::String {
                    sval: column.clone(),
                })),
            })
            .collect();
    }
}

/// Whether a constraint tree is a foreign key, kept as a tree until the end.
pub(super) fn is_foreign_key(node: &protobuf::Constraint) -> bool {
    node.contype == ConstrType::ConstrForeign as i32
}
