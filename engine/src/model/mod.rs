//! The catalog model: the one shape that every source is normalised into.
//!
//! Both the desired-state parser (`source::sql`) and the live loader (`source::live`) produce a
//! [`Catalog`]; the differ compares two of them. Maps are keyed by qualified name and sorted
//! after loading so that everything derived from a catalog is deterministic.

mod casts;
mod event_triggers;
mod expr;
mod foreign;
mod name;
mod objects;
mod operators;
pub mod privileges;
mod publications;
mod rules;
mod statistics;
mod subscriptions;
mod table;
mod text_search;
mod triggers;
mod types;

pub use casts::{Cast, CastContext, CastMethod};
pub use event_triggers::EventTrigger;
pub use expr::Expr;
pub use foreign::{
    is_secret, ForeignColumn, ForeignDataWrapper, ForeignOptions, ForeignServer, ForeignTable,
    MappedUser, OptionChange, UserMapping,
};
pub use name::QualifiedName;
pub use objects::{
    EnumType, Extension, Function, Schema, Sequence, SequenceOptions, Unsupported, View,
};
pub use operators::{
    operator_name, operator_signature, FunctionMember, Operator, OperatorClass, OperatorFamily,
    OperatorMember,
};
pub use privileges::{
    Acl, AclObject, Cluster, DefaultAclKey, DefaultObjects, DefaultPrivileges, Grant, Grantee,
    Owner, Privileges,
};
pub use publications::{Publication, PublishedTable, ALL_OPERATIONS};
pub use rules::Rule;
pub use statistics::{Statistics, STATISTICS_KINDS};
pub use subscriptions::{Conninfo, Subscription, STORED_OPTIONS};
pub use table::{
    Column, Constraint, ConstraintKind, ForeignKeyTarget, Identity, Index, PartitionOf, Storage,
    Table,
};
pub use text_search::{TextSearchConfiguration, TextSearchDictionary};
pub use triggers::{Policy, Trigger, TriggerEnabled};
pub use types::{Attribute, Collation, CompositeType, Domain, DomainConstraint, RangeType};

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::Serialize;

/// What a foreign key relies on in the referenced table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReferencedKey<'a> {
    Constraint(&'a Constraint),
    Index(&'a Index),
}

/// A normalised database schema.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Catalog {
    pub schemas: IndexMap<String, Schema>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub extensions: IndexMap<String, Extension>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub enums: IndexMap<QualifiedName, EnumType>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub domains: IndexMap<QualifiedName, Domain>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub composite_types: IndexMap<QualifiedName, CompositeType>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub range_types: IndexMap<QualifiedName, RangeType>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub collations: IndexMap<QualifiedName, Collation>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub sequences: IndexMap<QualifiedName, Sequence>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub tables: IndexMap<QualifiedName, Table>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub indexes: IndexMap<QualifiedName, Index>,
    /// Extended statistics, by their own name.
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub statistics: IndexMap<QualifiedName, Statistics>,
    /// Keyed by [`Function::signature`].
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub functions: IndexMap<String, Function>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub views: IndexMap<QualifiedName, View>,
    /// Keyed by (table or view, trigger name).
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub triggers: IndexMap<(QualifiedName, String), Trigger>,
    /// Keyed by (table, policy name).
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub policies: IndexMap<(QualifiedName, String), Policy>,
    /// Keyed by (table or view, rule name).
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub rules: IndexMap<(QualifiedName, String), Rule>,
    /// Keyed by (source type, target type): casts have no name.
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub casts: IndexMap<(String, String), Cast>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub text_search_dictionaries: IndexMap<QualifiedName, TextSearchDictionary>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub text_search_configurations: IndexMap<QualifiedName, TextSearchConfiguration>,
    /// Keyed by signature (`public.===(text, text)`).
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub operators: IndexMap<String, Operator>,
    /// Keyed by (name, index access method).
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub operator_families: IndexMap<(QualifiedName, String), OperatorFamily>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub operator_classes: IndexMap<(QualifiedName, String), OperatorClass>,
    /// Keyed by name: event triggers are not schema-qualified.
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub event_triggers: IndexMap<String, EventTrigger>,
    /// Keyed by name: publications are not schema-qualified.
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub publications: IndexMap<String, Publication>,
    /// Keyed by name: wrappers, servers and user mappings are not schema-qualified.
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub foreign_data_wrappers: IndexMap<String, ForeignDataWrapper>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub foreign_servers: IndexMap<String, ForeignServer>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub foreign_tables: IndexMap<QualifiedName, ForeignTable>,
    /// Keyed by (server, user).
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub user_mappings: IndexMap<(String, MappedUser), UserMapping>,
    /// Keyed by name: subscriptions are not schema-qualified.
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub subscriptions: IndexMap<String, Subscription>,
    /// ACLs that differ from the object's default (see `privileges`).
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub privileges: IndexMap<AclObject, Privileges>,
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub default_privileges: IndexMap<DefaultAclKey, DefaultPrivileges>,
    /// Owners other than the role running the plan (see [`Owner`]).
    #[serde(serialize_with = "values", skip_serializing_if = "IndexMap::is_empty")]
    pub owners: IndexMap<AclObject, Owner>,
    /// The cluster of a live database: its roles (not managed: they validate the grants a
    /// plan would make) and its version (which features a plan for it may use).
    #[serde(skip)]
    pub cluster: Cluster,
    /// Objects found in the source that the model does not cover yet. Never silently dropped:
    /// the summary lists them and `--strict` turns them into an error.
    #[serde(skip)]
    pub unsupported: Vec<Unsupported>,
}

/// Maps keyed by qualified name serialise as the list of their values (each carries its name).
fn values<S: serde::Serializer, K, V: Serialize>(
    map: &IndexMap<K, V>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(map.values())
}

impl Catalog {
    /// Sorts every map by key so that iteration order does not depend on load order.
    pub fn sort(&mut self) {
        self.schemas.sort_keys();
        self.extensions.sort_keys();
        self.enums.sort_keys();
        self.domains.sort_keys();
        self.composite_types.sort_keys();
        self.range_types.sort_keys();
        self.collations.sort_keys();
        for domain in self.domains.values_mut() {
            domain.constraints.sort_keys();
        }
        self.sequences.sort_keys();
        self.tables.sort_keys();
        self.indexes.sort_keys();
        self.statistics.sort_keys();
        self.functions.sort_keys();
        self.views.sort_keys();
        self.triggers.sort_keys();
        self.policies.sort_keys();
        self.rules.sort_keys();
        self.casts.sort_keys();
        self.text_search_dictionaries.sort_keys();
        self.text_search_configurations.sort_keys();
        self.operators.sort_keys();
        self.operator_families.sort_keys();
        self.operator_classes.sort_keys();
        for family in self.operator_families.values_mut() {
            family.operators.sort();
            family.functions.sort();
        }
        for class in self.operator_classes.values_mut() {
            class.operators.sort();
            class.functions.sort();
        }
        self.event_triggers.sort_keys();
        self.publications.sort_keys();
        self.foreign_data_wrappers.sort_keys();
        self.foreign_servers.sort_keys();
        self.user_mappings.sort_keys();
        self.subscriptions.sort_keys();
        self.foreign_tables.sort_keys();
        self.privileges.sort_keys();
        self.default_privileges.sort_keys();
        self.owners.sort_keys();
        for table in self.tables.values_mut() {
            table.constraints.sort_keys();
            // a large schema holds hundreds of thousands of these: no spare capacity
            table.columns.shrink_to_fit();
            table.constraints.shrink_to_fit();
        }
        self.unsupported.sort();
        self.unsupported.dedup();
    }

    /// Keeps only the objects whose schema passes `keep`.
    pub fn retain_schemas(&mut self, keep: impl Fn(&str) -> bool) {
        self.retain_foreign(&keep);
        self.retain_casts(&keep);
        self.schemas.retain(|name, _| keep(name));
        self.extensions.retain(|_, e| keep(&e.schema));
        self.enums.retain(|name, _| keep(&name.schema));
        self.domains.retain(|name, _| keep(&name.schema));
        self.composite_types.retain(|name, _| keep(&name.schema));
        self.range_types.retain(|name, _| keep(&name.schema));
        self.collations.retain(|name, _| keep(&name.schema));
        self.sequences.retain(|name, _| keep(&name.schema));
        self.tables.retain(|name, _| keep(&name.schema));
        self.indexes.retain(|name, _| keep(&name.schema));
        // planned only where both it and its table are
        (self.statistics).retain(|name, s| keep(&name.schema) && keep(&s.table.schema));
        self.functions.retain(|_, f| keep(&f.name.schema));
        self.views.retain(|name, _| keep(&name.schema));
        self.triggers.retain(|(table, _), _| keep(&table.schema));
        self.policies.retain(|(table, _), _| keep(&table.schema));
        self.rules.retain(|(table, _), _| keep(&table.schema));
        (self.text_search_dictionaries).retain(|name, _| keep(&name.schema));
        (self.text_search_configurations).retain(|name, _| keep(&name.schema));
        self.operators.retain(|_, o| keep(&o.name.schema));
        (self.operator_families).retain(|(name, _), _| keep(&name.schema));
        (self.operator_classes).retain(|(name, _), _| keep(&name.schema));
        // an event trigger belongs to no schema: it goes where its function goes
        self.event_triggers.retain(|_, e| keep(&e.function.schema));
        // a publication that lists anything outside the kept schemas is left out whole:
        // planning it would drop or have to read what it lists there
        self.publications.retain(|_, p| {
            p.schemas.iter().all(|s| keep(s)) && p.tables.iter().all(|t| keep(&t.table.schema))
        });
        self.retain_privileges(&keep);
        self.unsupported
            .retain(|u| u.schema.as_deref().is_none_or(&keep));
    }

    /// A cast belongs to no schema: it goes where its function and the types of this catalog
    /// it converts go (one between built-in types without a function or with a built-in one
    /// goes everywhere).
    fn retain_casts(&mut self, keep: &impl Fn(&str) -> bool) {
        if self.casts.is_empty() {
            return;
        }
        let types = self.user_types();
        let type_kept = |type_name: &str| {
            types.get(type_name).is_none_or(|owner| {
                let (TypeOwner::Type(name) | TypeOwner::Table(name) | TypeOwner::View(name)) =
                    owner;
                keep(&name.schema)
            })
        };
        self.casts.retain(|_, cast| {
            let function_kept = match &cast.method {
                // a built-in function is everywhere
                CastMethod::Function { name, .. } => {
                    name.schema == "pg_catalog" || keep(&name.schema)
                }
                CastMethod::Binary | CastMethod::InOut => true,
            };
            function_kept && type_kept(&cast.source) && type_kept(&cast.target)
        });
    }

    /// Wrappers go where their handler and validator are; a server goes with its wrapper
    /// (an extension's wrapper with the extension of its name), a user mapping with its
    /// server.
    fn retain_foreign(&mut self, keep: &impl Fn(&str) -> bool) {
        if self.foreign_data_wrappers.is_empty()
            && self.foreign_servers.is_empty()
            && self.foreign_tables.is_empty()
        {
            return;
        }
        self.foreign_data_wrappers
            .retain(|_, w| (w.handler.iter().chain(&w.validator)).all(|f| keep(&f.schema)));
        self.foreign_servers.retain(|_, s| {
            self.foreign_data_wrappers.contains_key(&s.wrapper)
                || self
                    .extensions
                    .get(&s.wrapper)
                    .is_some_and(|e| keep(&e.schema))
        });
        let servers = &self.foreign_servers;
        self.user_mappings
            .retain(|(server, _), _| servers.contains_key(server));
        // a foreign table is in its schema, but is planned only with its server
        self.foreign_tables
            .retain(|name, t| keep(&name.schema) && servers.contains_key(&t.server));
    }

    /// The primary key, unique constraint or unique index a foreign key to `columns` of
    /// `table` relies on.
    pub fn referenced_key(
        &self,
        table: &QualifiedName,
        columns: &[String],
    ) -> Option<ReferencedKey<'_>> {
        let same_columns = |keys: &[String]| {
            keys.len() == columns.len() && keys.iter().all(|k| columns.contains(k))
        };
        let constraint = self.tables.get(table).and_then(|t| {
            t.constraints.values().find(|c| {
                matches!(c.kind, ConstraintKind::PrimaryKey | ConstraintKind::Unique)
                    && same_columns(&c.columns)
            })
        });
        if let Some(constraint) = constraint {
            return Some(ReferencedKey::Constraint(constraint));
        }
        self.indexes
            .values()
            .find(|i| i.unique && i.table == *table && same_columns(&i.columns))
            .map(ReferencedKey::Index)
    }

    /// The enum named by a column type such as `mood`, `app.mood` or `mood[]`, if it is one of
    /// this catalog's enums.
    pub fn enum_of_type(&self, type_name: &str) -> Option<&EnumType> {
        let base = type_name.strip_suffix("[]").unwrap_or(type_name);
        self.enums.values().find(|e| e.name.type_display() == base)
    }

    /// Every type this catalog defines, by the name `format_type` prints for it: enums,
    /// domains, composite and range types, and the row types of tables and views. Built once
    /// and looked up per column or argument.
    pub fn user_types(&self) -> UserTypes {
        let mut types = HashMap::new();
        let names = self
            .enums
            .keys()
            .chain(self.domains.keys())
            .chain(self.composite_types.keys())
            .chain(self.range_types.keys());
        for name in names {
            types.insert(name.type_display(), TypeOwner::Type(name.clone()));
        }
        for name in self.tables.keys() {
            types.insert(name.type_display(), TypeOwner::Table(name.clone()));
        }
        for name in self.views.keys() {
            types.insert(name.type_display(), TypeOwner::View(name.clone()));
        }
        let collations = self
            .collations
            .keys()
            .map(|name| (name.type_display(), name.clone()))
            .collect();
        UserTypes { types, collations }
    }
}

/// The object that defines a type.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeOwner {
    /// An enum, domain, composite or range type.
    Type(QualifiedName),
    /// A table's row type.
    Table(QualifiedName),
    /// A view's row type.
    View(QualifiedName),
}

/// The types and collations of a catalog by their printed names ([`Catalog::user_types`]).
pub struct UserTypes {
    types: HashMap<String, TypeOwner>,
    collations: HashMap<String, QualifiedName>,
}

impl UserTypes {
    /// What defines `type_name` (`mood`, `app.mood`, `mood[]`), if this catalog does.
    pub fn get(&self, type_name: &str) -> Option<&TypeOwner> {
        let base = type_name.trim_end_matches("[]");
        self.types.get(base)
    }

    /// The collation a column or type names (`"numeric"`, `app.c`), if this catalog defines it.
    pub fn collation(&self, name: &str) -> Option<&QualifiedName> {
        self.collations.get(name)
    }
}
