//! What each change touches, and what each object depends on in a catalog: the two facts
//! the ordering graph is built from.

use std::cell::RefCell;
use std::collections::HashMap;

use std::hash::BuildHasherDefault;

use indexmap::IndexSet;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::rows::Rows;
use crate::diff::{index_operator_classes, inline_constraints, Change, CommentTarget};
use crate::model::{
    AclObject, Catalog, ConstraintKind, DefaultAclKey, MappedUser, QualifiedName, ReferencedKey,
    TypeOwner, UserMapping, UserTypes,
};
use crate::normalize::aggregate::{aggregate_support_functions, interface_types};
use crate::normalize::body::body_uses;
use crate::normalize::expr::{referenced_functions, referenced_operators, referenced_sequences};
use crate::normalize::function::relations_used;
use crate::normalize::names::make_object_name;
use crate::normalize::types::is_builtin_type;
use crate::normalize::user_types::range_support_functions;

/// An object of either catalog, by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ObjectId {
    Schema(String),
    Extension(String),
    /// An enum, domain, composite or range type.
    Type(QualifiedName),
    Collation(QualifiedName),
    Sequence(QualifiedName),
    /// The `OWNED BY` link of a sequence, which depends on the owning column.
    SequenceOwner(QualifiedName),
    Table(QualifiedName),
    Column(QualifiedName, String),
    /// The identity of a column, which depends on the column.
    Identity(QualifiedName, String),
    /// The replica identity of a table, which depends on the index it uses.
    ReplicaIdentity(QualifiedName),
    Constraint(QualifiedName, String),
    Index(QualifiedName),
    /// Extended statistics.
    Statistics(QualifiedName),
    View(QualifiedName),
    /// The name a table or view holds among its schema's relations: a table replaced by a
    /// view of the same name (or the reverse) is dropped before the other is created.
    RelationName(QualifiedName),
    /// By signature.
    Function(String),
    /// (table or view, name).
    Trigger(QualifiedName, String),
    /// (table, name).
    Policy(QualifiedName, String),
    /// (table or view, name).
    Rule(QualifiedName, String),
    /// Whether row-level security is enabled and forced on a table.
    RowSecurity(QualifiedName),
    Publication(String),
    EventTrigger(String),
    /// (source type, target type).
    Cast(String, String),
    TextSearchDictionary(QualifiedName),
    TextSearchConfiguration(QualifiedName),
    /// By signature.
    Operator(String),
    /// (name, index access method).
    OperatorFamily(QualifiedName, String),
    OperatorClass(QualifiedName, String),
    ForeignDataWrapper(String),
    ForeignServer(String),
    /// (server, user).
    UserMapping(String, MappedUser),
    Subscription(String),
    /// (publication, table): a table's membership, with its column list and row filter.
    PublishedTable(String, QualifiedName),
    /// The grants on an object.
    Privileges(AclObject),
    /// Who owns an object.
    Owner(AclObject),
    DefaultPrivileges(DefaultAclKey),
}

impl std::fmt::Display for ObjectId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ObjectId::Schema(name) => write!(f, "schema `{name}`"),
            ObjectId::Extension(name) => write!(f, "extension `{name}`"),
            ObjectId::Type(name) => write!(f, "type `{name}`"),
            ObjectId::Collation(name) => write!(f, "collation `{name}`"),
            ObjectId::Sequence(name) => write!(f, "sequence `{name}`"),
            ObjectId::SequenceOwner(name) => write!(f, "ownership of sequence `{name}`"),
            ObjectId::Table(name) => write!(f, "table `{name}`"),
            ObjectId::Column(table, column) => write!(f, "column `{table}.{column}`"),
            ObjectId::Identity(table, column) => write!(f, "identity of `{table}.{column}`"),
            ObjectId::ReplicaIdentity(table) => write!(f, "replica identity of `{table}`"),
            ObjectId::Constraint(table, name) => write!(f, "constraint `{name}` on `{table}`"),
            ObjectId::Index(name) => write!(f, "index `{name}`"),
            ObjectId::Statistics(name) => write!(f, "statistics `{name}`"),
            ObjectId::Function(signature) => write!(f, "function `{signature}`"),
            ObjectId::View(name) => write!(f, "view `{name}`"),
            ObjectId::RelationName(name) => write!(f, "relation name `{name}`"),
            ObjectId::Trigger(table, name) => write!(f, "trigger `{name}` on `{table}`"),
            ObjectId::Policy(table, name) => write!(f, "policy `{name}` on `{table}`"),
            ObjectId::Rule(table, name) => write!(f, "rule `{name}` on `{table}`"),
            ObjectId::RowSecurity(table) => write!(f, "row-level security of `{table}`"),
            ObjectId::Publication(name) => write!(f, "publication `{name}`"),
            ObjectId::EventTrigger(name) => write!(f, "event trigger `{name}`"),
            ObjectId::Cast(source, target) => write!(f, "cast `({source} AS {target})`"),
            ObjectId::TextSearchDictionary(name) => write!(f, "text search dictionary `{name}`"),
            ObjectId::TextSearchConfiguration(name) => {
                write!(f, "text search configuration `{name}`")
            }
            ObjectId::Operator(signature) => write!(f, "operator `{signature}`"),
            ObjectId::OperatorFamily(name, method) => {
                write!(f, "operator family `{name}` of {method}")
            }
            ObjectId::OperatorClass(name, method) => {
                write!(f, "operator class `{name}` of {method}")
            }
            ObjectId::ForeignDataWrapper(name) => write!(f, "foreign data wrapper `{name}`"),
            ObjectId::ForeignServer(name) => write!(f, "server `{name}`"),
            ObjectId::Subscription(name) => write!(f, "subscription `{name}`"),
            ObjectId::UserMapping(server, user) => {
                write!(f, "user mapping for `{user}` on server `{server}`")
            }
            ObjectId::PublishedTable(publication, table) => {
                write!(f, "`{table}` in publication `{publication}`")
            }
            ObjectId::Privileges(object) => write!(f, "privileges on {}", object.describe()),
            ObjectId::Owner(object) => write!(f, "owner of {}", object.describe()),
            ObjectId::DefaultPrivileges(key) => {
                write!(f, "default privileges on {}", key.objects.keyword())
            }
        }
    }
}

/// What a change does to an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Create,
    Alter,
    Drop,
    /// The object exists under this name from this change on: what the new state needs and
    /// what the old state's objects (read as if renamed already) say of it come after.
    Rename,
}

/// The objects a change creates, alters or drops; `to` is the desired state's catalog.
pub fn targets(change: &Change, to: &Catalog) -> Vec<(ObjectId, Action)> {
    use Action::*;
    let table_parts = |table: &crate::model::Table,
                       constraints: &mut dyn Iterator<Item = &crate::model::Constraint>,
                       action: Action| {
        let mut parts = vec![
            (ObjectId::Table(table.name.clone()), action),
            (ObjectId::RelationName(table.name.clone()), action),
        ];
        for column in table.columns.keys() {
            parts.push((ObjectId::Column(table.name.clone(), column.clone()), action));
        }
        for constraint in constraints {
            parts.push((
                ObjectId::Constraint(table.name.clone(), constraint.name.clone()),
                action,
            ));
        }
        parts
    };
    match change {
        Change::CreateSchema(s) => vec![(ObjectId::Schema(s.name.clone()), Create)],
        Change::DropSchema(s) => vec![(ObjectId::Schema(s.name.clone()), Drop)],
        Change::CreateExtension(e) => vec![(ObjectId::Extension(e.name.clone()), Create)],
        Change::DropExtension(e) => vec![(ObjectId::Extension(e.name.clone()), Drop)],
        Change::AlterExtension(e) => vec![(ObjectId::Extension(e.to.name.clone()), Alter)],
        Change::CreateEnum(e) => vec![(ObjectId::Type(e.name.clone()), Create)],
        Change::DropEnum(e) => vec![(ObjectId::Type(e.name.clone()), Drop)],
        Change::AddEnumValue { enum_type, .. } => {
            vec![(ObjectId::Type(enum_type.to.name.clone()), Alter)]
        }
        Change::RecreateEnum { enum_type, columns } => {
            let mut parts = vec![(ObjectId::Type(enum_type.to.name.clone()), Alter)];
            for (table, column) in columns {
                parts.push((
                    ObjectId::Column(table.clone(), column.to.name.clone()),
                    Alter,
                ));
            }
            parts
        }
        Change::CreateDomain(d) => vec![(ObjectId::Type(d.name.clone()), Create)],
        Change::DropDomain(d) => vec![(ObjectId::Type(d.name.clone()), Drop)],
        Change::AlterDomain(d) => vec![(ObjectId::Type(d.to.name.clone()), Alter)],
        Change::CreateCompositeType(t) => vec![(ObjectId::Type(t.name.clone()), Create)],
        Change::DropCompositeType(t) => vec![(ObjectId::Type(t.name.clone()), Drop)],
        Change::AlterCompositeType(t) => vec![(ObjectId::Type(t.to.name.clone()), Alter)],
        Change::CreateRangeType(r) => vec![(ObjectId::Type(r.name.clone()), Create)],
        Change::DropRangeType(r) => vec![(ObjectId::Type(r.name.clone()), Drop)],
        Change::CreateCollation(c) => vec![(ObjectId::Collation(c.name.clone()), Create)],
        Change::DropCollation(c) => vec![(ObjectId::Collation(c.name.clone()), Drop)],
        Change::CreateSequence(s) => vec![(ObjectId::Sequence(s.name.clone()), Create)],
        Change::DropSequence(s) => vec![(ObjectId::Sequence(s.name.clone()), Drop)],
        Change::AlterSequence(s) => vec![(ObjectId::Sequence(s.to.name.clone()), Alter)],
        Change::SetSequenceOwner { sequence, owner } => {
            let action = match (&owner.from, &owner.to) {
                (None, _) => Create,
                (_, None) => Drop,
                _ => Alter,
            };
            vec![(ObjectId::SequenceOwner(sequence.clone()), action)]
        }
        Change::CreateTable(name) => {
            let table = &to.tables[name];
            table_parts(table, &mut inline_constraints(table), Create)
        }
        Change::DropTable(table) => table_parts(table, &mut table.constraints.values(), Drop),
        Change::SetUnlogged { table, .. }
        | Change::SetStorageOptions { table, .. }
        | Change::AttachPartition { table, .. }
        | Change::DetachPartition { table, .. }
        | Change::Inherit { table, .. }
        | Change::NoInherit { table, .. } => vec![(ObjectId::Table(table.clone()), Alter)],
        Change::AddColumn { table, column } => {
            vec![(ObjectId::Column(table.clone(), column.name.clone()), Create)]
        }
        Change::DropColumn {
            table,
            column,
            reaches,
            ..
        } => std::iter::once(table)
            .chain(reaches)
            .map(|t| (ObjectId::Column(t.clone(), column.name.clone()), Drop))
            .collect(),
        Change::AlterColumn { table, column } => {
            vec![(
                ObjectId::Column(table.clone(), column.to.name.clone()),
                Alter,
            )]
        }
        // what reads the old table is dropped first (its rollback names it); what the table
        // has is under the new name, from the rename on
        Change::RenameTable { name, .. } => vec![
            (ObjectId::Table(name.from.clone()), Drop),
            (ObjectId::RelationName(name.from.clone()), Drop),
            (ObjectId::Table(name.to.clone()), Rename),
            (ObjectId::RelationName(name.to.clone()), Create),
        ],
        Change::RenameConstraint { table, constraint } => vec![
            (
                ObjectId::Constraint(table.clone(), constraint.from.name.clone()),
                Alter,
            ),
            (
                ObjectId::Constraint(table.clone(), constraint.to.name.clone()),
                Rename,
            ),
        ],
        // the old column is altered, not dropped: what is dropped because it reads it goes
        // first (its rollback needs the old name), what is altered may follow; the new name
        // is also altered, so that the column's other changes follow
        Change::RenameColumn { table, column, .. } => vec![
            (
                ObjectId::Column(table.clone(), column.from.name.clone()),
                Alter,
            ),
            (
                ObjectId::Column(table.clone(), column.to.name.clone()),
                Create,
            ),
            (
                ObjectId::Column(table.clone(), column.to.name.clone()),
                Alter,
            ),
        ],
        Change::AddIdentity { table, column } => {
            // the implicit sequence takes the name the server chooses for it
            let sequence = make_object_name(&table.name, Some(&column.name), "seq");
            vec![
                (
                    ObjectId::Identity(table.clone(), column.name.clone()),
                    Create,
                ),
                (
                    ObjectId::Sequence(QualifiedName::new(&table.schema, sequence)),
                    Create,
                ),
            ]
        }
        Change::AddConstraint { table, constraint } => vec![(
            ObjectId::Constraint(table.clone(), constraint.name.clone()),
            Create,
        )],
        Change::DropConstraint { table, constraint } => vec![(
            ObjectId::Constraint(table.clone(), constraint.name.clone()),
            Drop,
        )],
        Change::ValidateConstraint { table, constraint } => vec![(
            ObjectId::Constraint(table.clone(), constraint.name.clone()),
            Alter,
        )],
        Change::CreateView(view) => vec![
            (ObjectId::View(view.name.clone()), Create),
            (ObjectId::RelationName(view.name.clone()), Create),
        ],
        Change::DropView { view, .. } => vec![
            (ObjectId::View(view.name.clone()), Drop),
            (ObjectId::RelationName(view.name.clone()), Drop),
        ],
        Change::ReplaceView(view) | Change::AlterViewOptions(view) | Change::RefreshView(view) => {
            vec![(ObjectId::View(view.to.name.clone()), Alter)]
        }
        Change::CreateFunction(function) => {
            vec![(ObjectId::Function(function.signature()), Create)]
        }
        Change::DropFunction(function) => vec![(ObjectId::Function(function.signature()), Drop)],
        Change::ReplaceFunction(function) => {
            vec![(ObjectId::Function(function.to.signature()), Alter)]
        }
        Change::SetReplicaIdentity { table, .. } => {
            vec![(ObjectId::ReplicaIdentity(table.clone()), Alter)]
        }
        Change::CreateIndex(index) => vec![(ObjectId::Index(index.name.clone()), Create)],
        Change::DropIndex(index) => vec![(ObjectId::Index(index.name.clone()), Drop)],
        Change::CreateStatistics(s) => vec![(ObjectId::Statistics(s.name.clone()), Create)],
        Change::DropStatistics { statistics, .. } => {
            vec![(ObjectId::Statistics(statistics.name.clone()), Drop)]
        }
        // the old name goes, the new one comes
        Change::RenameStatistics(statistics) => vec![
            (ObjectId::Statistics(statistics.from.name.clone()), Drop),
            (ObjectId::Statistics(statistics.to.name.clone()), Create),
        ],
        Change::SetStatisticsTarget { name, .. } => {
            vec![(ObjectId::Statistics(name.clone()), Alter)]
        }
        Change::CreateTrigger(t) => {
            vec![(ObjectId::Trigger(t.table.clone(), t.name.clone()), Create)]
        }
        Change::DropTrigger { trigger: t, .. } => {
            vec![(ObjectId::Trigger(t.table.clone(), t.name.clone()), Drop)]
        }
        Change::SetTriggerEnabled { table, name, .. } => {
            vec![(ObjectId::Trigger(table.clone(), name.clone()), Alter)]
        }
        Change::CreateRule(r) => vec![(ObjectId::Rule(r.table.clone(), r.name.clone()), Create)],
        Change::DropRule { rule: r, .. } => {
            vec![(ObjectId::Rule(r.table.clone(), r.name.clone()), Drop)]
        }
        Change::ReplaceRule(r) => {
            vec![(ObjectId::Rule(r.to.table.clone(), r.to.name.clone()), Alter)]
        }
        Change::SetRuleEnabled { table, name, .. } => {
            vec![(ObjectId::Rule(table.clone(), name.clone()), Alter)]
        }
        Change::SetRowSecurity { table, .. } => {
            vec![(ObjectId::RowSecurity(table.clone()), Alter)]
        }
        Change::CreatePolicy(p) => {
            vec![(ObjectId::Policy(p.table.clone(), p.name.clone()), Create)]
        }
        Change::DropPolicy { policy: p, .. } => {
            vec![(ObjectId::Policy(p.table.clone(), p.name.clone()), Drop)]
        }
        Change::AlterPolicy(p) => {
            vec![(
                ObjectId::Policy(p.to.table.clone(), p.to.name.clone()),
                Alter,
            )]
        }
        Change::CreateCast(c) => vec![(ObjectId::Cast(c.source.clone(), c.target.clone()), Create)],
        Change::DropCast { cast, .. } => {
            vec![(
                ObjectId::Cast(cast.source.clone(), cast.target.clone()),
                Drop,
            )]
        }
        Change::CreateTextSearchDictionary(d) => {
            vec![(ObjectId::TextSearchDictionary(d.name.clone()), Create)]
        }
        Change::DropTextSearchDictionary { dictionary, .. } => {
            vec![(
                ObjectId::TextSearchDictionary(dictionary.name.clone()),
                Drop,
            )]
        }
        Change::AlterTextSearchDictionary(d) => {
            vec![(ObjectId::TextSearchDictionary(d.to.name.clone()), Alter)]
        }
        Change::CreateTextSearchConfiguration(c) => {
            vec![(ObjectId::TextSearchConfiguration(c.name.clone()), Create)]
        }
        Change::DropTextSearchConfiguration { configuration, .. } => {
            vec![(
                ObjectId::TextSearchConfiguration(configuration.name.clone()),
                Drop,
            )]
        }
        Change::AlterTextSearchMappings(c) => {
            vec![(ObjectId::TextSearchConfiguration(c.to.name.clone()), Alter)]
        }
        Change::CreateOperator(o) => vec![(ObjectId::Operator(o.signature()), Create)],
        Change::DropOperator { operator, .. } => {
            vec![(ObjectId::Operator(operator.signature()), Drop)]
        }
        Change::AlterOperator(o) => vec![(ObjectId::Operator(o.to.signature()), Alter)],
        Change::CreateOperatorFamily(f) => {
            vec![(
                ObjectId::OperatorFamily(f.name.clone(), f.method.clone()),
                Create,
            )]
        }
        Change::DropOperatorFamily { family, .. } => vec![(
            ObjectId::OperatorFamily(family.name.clone(), family.method.clone()),
            Drop,
        )],
        Change::AlterOperatorFamily(f) => vec![(
            ObjectId::OperatorFamily(f.to.name.clone(), f.to.method.clone()),
            Alter,
        )],
        Change::CreateOperatorClass(c) => {
            vec![(
                ObjectId::OperatorClass(c.name.clone(), c.method.clone()),
                Create,
            )]
        }
        Change::DropOperatorClass { class, .. } => vec![(
            ObjectId::OperatorClass(class.name.clone(), class.method.clone()),
            Drop,
        )],
        Change::CreateEventTrigger(e) => vec![(ObjectId::EventTrigger(e.name.clone()), Create)],
        Change::DropEventTrigger { trigger, .. } => {
            vec![(ObjectId::EventTrigger(trigger.name.clone()), Drop)]
        }
        Change::SetEventTriggerEnabled { name, .. } => {
            vec![(ObjectId::EventTrigger(name.clone()), Alter)]
        }
        Change::CreateForeignDataWrapper(w) => {
            vec![(ObjectId::ForeignDataWrapper(w.name.clone()), Create)]
        }
        Change::DropForeignDataWrapper(w) => {
            vec![(ObjectId::ForeignDataWrapper(w.name.clone()), Drop)]
        }
        Change::AlterForeignDataWrapper(w) => {
            vec![(ObjectId::ForeignDataWrapper(w.to.name.clone()), Alter)]
        }
        Change::CreateForeignServer(s) => vec![(ObjectId::ForeignServer(s.name.clone()), Create)],
        Change::DropForeignServer { server, .. } => {
            vec![(ObjectId::ForeignServer(server.name.clone()), Drop)]
        }
        Change::AlterForeignServer(s) => vec![(ObjectId::ForeignServer(s.to.name.clone()), Alter)],
        Change::CreateSubscription(s) => vec![(ObjectId::Subscription(s.name.clone()), Create)],
        Change::DropSubscription(s) => vec![(ObjectId::Subscription(s.name.clone()), Drop)],
        Change::AlterSubscription(s) => vec![(ObjectId::Subscription(s.to.name.clone()), Alter)],
        Change::CreateUserMapping(m) => vec![(mapping_id(m), Create)],
        Change::DropUserMapping { mapping, .. } => vec![(mapping_id(mapping), Drop)],
        Change::AlterUserMapping(m) => vec![(mapping_id(&m.to), Alter)],
        Change::CreateForeignTable(t) => vec![(ObjectId::Table(t.name.clone()), Create)],
        Change::DropForeignTable { table, .. } => {
            vec![(ObjectId::Table(table.name.clone()), Drop)]
        }
        // the columns a foreign table loses go in contract: as columns, so that what is
        // created around the table in expand does not wait for them
        Change::AlterForeignTable(t) if t.to.columns.len() < t.from.columns.len() => (t.from)
            .columns
            .iter()
            .filter(|c| t.to.column(&c.name).is_none())
            .map(|c| (ObjectId::Column(t.to.name.clone(), c.name.clone()), Drop))
            .collect(),
        Change::AlterForeignTable(t) => vec![(ObjectId::Table(t.to.name.clone()), Alter)],
        Change::CreatePublication(p) => publication_parts(p, Create),
        Change::DropPublication { publication, .. } => publication_parts(publication, Drop),
        Change::AlterPublication(p) => vec![(ObjectId::Publication(p.to.name.clone()), Alter)],
        Change::RenamePublication { name } => {
            vec![(ObjectId::Publication(name.to.clone()), Rename)]
        }
        Change::AddPublicationTable { publication, table } => vec![(
            ObjectId::PublishedTable(publication.clone(), table.table.clone()),
            Create,
        )],
        Change::DropPublicationTable {
            publication, table, ..
        } => vec![(
            ObjectId::PublishedTable(publication.clone(), table.table.clone()),
            Drop,
        )],
        Change::SetComment { target, .. } => vec![(comment_object(target), Alter)],
        Change::Privileges(change) => super::privileges::acl_targets(change),
        Change::SetOwner(change) => super::privileges::owner_targets(change),
        Change::DefaultPrivileges(change) => {
            vec![(ObjectId::DefaultPrivileges(change.key.clone()), Alter)]
        }
    }
}

/// A publication and the memberships of its tables.
fn publication_parts(
    publication: &crate::model::Publication,
    action: Action,
) -> Vec<(ObjectId, Action)> {
    let name = &publication.name;
    let tables = publication.tables.iter().map(|t| {
        (
            ObjectId::PublishedTable(name.clone(), t.table.clone()),
            action,
        )
    });
    std::iter::once((ObjectId::Publication(name.clone()), action))
        .chain(tables)
        .collect()
}

fn comment_object(target: &CommentTarget) -> ObjectId {
    match target {
        CommentTarget::Schema(name) => ObjectId::Schema(name.clone()),
        CommentTarget::Extension(name) => ObjectId::Extension(name.clone()),
        CommentTarget::Type(name) => ObjectId::Type(name.clone()),
        CommentTarget::Sequence(name) => ObjectId::Sequence(name.clone()),
        CommentTarget::Table(name) => ObjectId::Table(name.clone()),
        CommentTarget::Column(table, column) => ObjectId::Column(table.clone(), column.clone()),
        CommentTarget::Constraint(table, name) => ObjectId::Constraint(table.clone(), name.clone()),
        CommentTarget::Index(name) => ObjectId::Index(name.clone()),
        CommentTarget::Statistics(name) => ObjectId::Statistics(name.clone()),
        CommentTarget::Function { signature, .. } => ObjectId::Function(signature.clone()),
        CommentTarget::Domain(name) => ObjectId::Type(name.clone()),
        CommentTarget::Collation(name) => ObjectId::Collation(name.clone()),
        CommentTarget::View(name) | CommentTarget::MaterializedView(name) => {
            ObjectId::View(name.clone())
        }
        CommentTarget::Trigger(table, name) => ObjectId::Trigger(table.clone(), name.clone()),
        CommentTarget::Policy(table, name) => ObjectId::Policy(table.clone(), name.clone()),
        CommentTarget::Rule(table, name) => ObjectId::Rule(table.clone(), name.clone()),
        CommentTarget::Publication(name) => ObjectId::Publication(name.clone()),
        CommentTarget::EventTrigger(name) => ObjectId::EventTrigger(name.clone()),
        CommentTarget::Cast(source, target) => ObjectId::Cast(source.clone(), target.clone()),
        CommentTarget::TextSearchDictionary(name) => ObjectId::TextSearchDictionary(name.clone()),
        CommentTarget::TextSearchConfiguration(name) => {
            ObjectId::TextSearchConfiguration(name.clone())
        }
        CommentTarget::Operator(signature) => ObjectId::Operator(signature.clone()),
        CommentTarget::OperatorFamily(name, method) => {
            ObjectId::OperatorFamily(name.clone(), method.clone())
        }
        CommentTarget::OperatorClass(name, method) => {
            ObjectId::OperatorClass(name.clone(), method.clone())
        }
        CommentTarget::ForeignDataWrapper(name) => ObjectId::ForeignDataWrapper(name.clone()),
        CommentTarget::ForeignServer(name) => ObjectId::ForeignServer(name.clone()),
        CommentTarget::Subscription(name) => ObjectId::Subscription(name.clone()),
        CommentTarget::ForeignTable(name) => ObjectId::Table(name.clone()),
    }
}

/// The objects a plan's changes touch, numbered in the order first touched: the ordering
/// keeps numbers, not names, for the millions of links of a large plan.
pub struct Wanted<'a> {
    objects: IndexSet<&'a ObjectId, BuildHasherDefault<FxHasher>>,
    /// The tables of the wanted objects (the table, its columns, constraints, …).
    tables: FxHashSet<&'a QualifiedName>,
}

impl<'a> Wanted<'a> {
    pub fn new(objects: impl IntoIterator<Item = &'a ObjectId>) -> Self {
        let objects: IndexSet<&ObjectId, BuildHasherDefault<FxHasher>> =
            objects.into_iter().collect();
        let tables = objects
            .iter()
            .filter_map(|object| match object {
                ObjectId::Table(table)
                | ObjectId::Column(table, _)
                | ObjectId::Identity(table, _)
                | ObjectId::ReplicaIdentity(table)
                | ObjectId::Constraint(table, _)
                | ObjectId::RowSecurity(table) => Some(table),
                _ => None,
            })
            .collect();
        Wanted { objects, tables }
    }

    pub fn len(&self) -> usize {
        self.objects.len()
    }

    /// The number of a wanted object.
    pub fn number(&self, object: &ObjectId) -> Option<usize> {
        self.objects.get_index_of(object)
    }

    pub fn object(&self, number: usize) -> &'a ObjectId {
        self.objects[number]
    }

    pub(super) fn has(&self, object: &ObjectId) -> bool {
        self.objects.contains(object)
    }

    fn table(&self, table: &QualifiedName) -> bool {
        self.tables.contains(table)
    }
}

/// For every wanted object (by number), the wanted objects it needs to exist. What no
/// change touches is left out: it orders nothing.
pub struct Dependencies(Rows<u32>);

impl Dependencies {
    /// What the object numbered `object` needs, by number.
    pub fn of(&self, object: usize) -> impl Iterator<Item = usize> + '_ {
        self.0.row(object).iter().map(|&n| n as usize)
    }
}

/// Dependencies as they are found: (object, what it needs), by number.
#[derive(Default)]
pub(super) struct Found(Vec<(u32, u32)>);

impl Found {
    pub(super) fn add(&mut self, wanted: &Wanted, object: &ObjectId, needs: &ObjectId) {
        if let (Some(object), Some(needs)) = (wanted.number(object), wanted.number(needs)) {
            self.0.push((object as u32, needs as u32));
        }
    }

    fn finish(self, wanted: &Wanted) -> Dependencies {
        Dependencies(Rows::new(wanted.len(), self.0))
    }
}

/// Every operator's signatures by name: expressions name operators without their operand
/// types, so they need every overload.
fn operators_by_name(catalog: &Catalog) -> HashMap<&QualifiedName, Vec<String>> {
    let mut operators: HashMap<&QualifiedName, Vec<String>> = HashMap::new();
    for operator in catalog.operators.values() {
        operators
            .entry(&operator.name)
            .or_default()
            .push(operator.signature());
    }
    operators
}

/// Every function's signatures by name: expressions name functions without their argument
/// types, so they need every overload.
fn overloads(catalog: &Catalog) -> HashMap<&QualifiedName, Vec<String>> {
    let mut overloads: HashMap<&QualifiedName, Vec<String>> = HashMap::new();
    for function in catalog.functions.values() {
        overloads
            .entry(&function.name)
            .or_default()
            .push(function.signature());
    }
    overloads
}

/// What the bodies of the functions `signatures` use, as far as their text tells
/// ([`body_uses`]): only the functions a plan creates or replaces need reading. These order a
/// function after what it uses where the graph allows, but are never a requirement: the
/// server does not check bodies when it creates a function. A body whose uses cannot be
/// known is ordered after every table, view, type and other function of the catalog.
pub fn body_dependencies<'a>(
    catalog: &Catalog,
    signatures: impl IntoIterator<Item = &'a String>,
    wanted: &Wanted,
) -> Dependencies {
    let overloads = overloads(catalog);
    let types = catalog.user_types();
    let mut deps = Found::default();
    for function in signatures
        .into_iter()
        .filter_map(|s| catalog.functions.get(s))
    {
        let signature = function.signature();
        let uses = body_uses(function);
        let mut needs: Vec<ObjectId> = Vec::new();
        let mut relation = |name: &QualifiedName| {
            if catalog.views.contains_key(name) {
                needs.push(ObjectId::View(name.clone()));
            } else if catalog.tables.contains_key(name) {
                needs.push(ObjectId::Table(name.clone()));
            }
        };
        let (relations, functions, type_names): (Vec<_>, Vec<_>, Vec<_>) = match uses.unknown {
            None => (
                uses.relations,
                uses.functions,
                uses.types.iter().map(QualifiedName::type_display).collect(),
            ),
            Some(_) => (
                catalog
                    .tables
                    .keys()
                    .chain(catalog.views.keys())
                    .cloned()
                    .collect(),
                catalog.functions.values().map(|f| f.name.clone()).collect(),
                catalog
                    .enums
                    .keys()
                    .chain(catalog.domains.keys())
                    .chain(catalog.composite_types.keys())
                    .chain(catalog.range_types.keys())
                    .map(QualifiedName::type_display)
                    .collect(),
            ),
        };
        relations.iter().for_each(&mut relation);
        for name in &functions {
            let called = overloads.get(name).into_iter().flatten();
            needs.extend(
                called
                    .filter(|s| **s != signature)
                    .map(|s| ObjectId::Function(s.clone())),
            );
        }
        for type_name in &type_names {
            needs.extend(type_id(&types, type_name));
        }
        needs.sort();
        needs.dedup();
        let id = ObjectId::Function(signature);
        for needed in &needs {
            deps.add(wanted, &id, needed);
        }
    }
    deps.finish(wanted)
}

/// Operators need their schema, types and function (their commutator and negator not: a
/// missing one is created as a shell and filled in by its own creation); families their
/// schema and member operators and functions; classes these, their family and their type.
fn operator_dependencies(
    catalog: &Catalog,
    overloads: &HashMap<&QualifiedName, Vec<String>>,
    type_of: &impl Fn(&str) -> Option<ObjectId>,
    add: &mut impl FnMut(ObjectId, ObjectId),
) {
    let function = |signature: &str| {
        (catalog.functions.contains_key(signature))
            .then(|| ObjectId::Function(signature.to_string()))
    };
    let operator = |signature: String| {
        (catalog.operators.contains_key(&signature)).then_some(ObjectId::Operator(signature))
    };
    for op in catalog.operators.values() {
        let id = ObjectId::Operator(op.signature());
        add(id.clone(), ObjectId::Schema(op.name.schema.clone()));
        let called = overloads.get(&op.function).into_iter().flatten();
        let estimators = [&op.restrict, &op.join].into_iter().flatten();
        let estimators = estimators.flat_map(|f| overloads.get(f).into_iter().flatten());
        for signature in called.chain(estimators) {
            add(id.clone(), ObjectId::Function(signature.clone()));
        }
        for type_name in op.left.iter().chain([&op.right]) {
            if let Some(needed) = type_of(type_name) {
                add(id.clone(), needed);
            }
        }
    }
    for family in catalog.operator_families.values() {
        let id = ObjectId::OperatorFamily(family.name.clone(), family.method.clone());
        add(id.clone(), ObjectId::Schema(family.name.schema.clone()));
        let operators = family.operators.iter().map(|m| operator(m.signature()));
        let functions = family.functions.iter().map(|m| function(&m.function));
        for needed in operators.chain(functions).flatten() {
            add(id.clone(), needed);
        }
    }
    for class in catalog.operator_classes.values() {
        let id = ObjectId::OperatorClass(class.name.clone(), class.method.clone());
        add(id.clone(), ObjectId::Schema(class.name.schema.clone()));
        add(
            id.clone(),
            ObjectId::OperatorFamily(class.family.clone(), class.method.clone()),
        );
        let operators = class.operators.iter().map(|m| operator(m.signature()));
        let functions = class.functions.iter().map(|m| function(&m.function));
        let types = [Some(&class.data_type), class.storage.as_ref()].into_iter();
        let types = types.flatten().map(|t| type_of(t));
        for needed in operators.chain(functions).chain(types).flatten() {
            add(id.clone(), needed);
        }
    }
}

/// The object behind a type name (or an array of it), when the catalog defines it.
fn type_id(types: &UserTypes, type_name: &str) -> Option<ObjectId> {
    Some(match types.get(type_name)? {
        TypeOwner::Type(name) => ObjectId::Type(name.clone()),
        TypeOwner::Table(name) => ObjectId::Table(name.clone()),
        TypeOwner::View(name) => ObjectId::View(name.clone()),
    })
}

/// What the `wanted` objects of `catalog` depend on.
pub fn dependencies(catalog: &Catalog, wanted: &Wanted) -> Dependencies {
    let mut deps = Found::default();
    let overloads = overloads(catalog);
    let operators = operators_by_name(catalog);
    // the functions an expression calls and the operators it uses, every overload of a name;
    // equal expressions share one canonical text (`share_canonical_forms`), read once
    let read: RefCell<FxHashMap<*const u8, Vec<ObjectId>>> = RefCell::default();
    let calls = |expr: &crate::model::Expr| -> Vec<ObjectId> {
        let text = expr.canonical.as_ptr();
        if let Some(found) = read.borrow().get(&text) {
            return found.clone();
        }
        let called = referenced_functions(expr);
        let used = match operators.is_empty() {
            true => Vec::new(),
            false => referenced_operators(expr),
        };
        let functions = (called.iter())
            .flat_map(|name| overloads.get(name).into_iter().flatten())
            .map(|signature| ObjectId::Function(signature.clone()));
        let operators = (used.iter())
            .flat_map(|name| operators.get(name).into_iter().flatten())
            .map(|signature| ObjectId::Operator(signature.clone()));
        let found: Vec<ObjectId> = functions.chain(operators).collect();
        read.borrow_mut().insert(text, found.clone());
        found
    };
    let types = catalog.user_types();
    // the object behind a type name (or an array of it), when this catalog defines it
    let type_of = |type_name: &str| type_id(&types, type_name);
    let collation_of = |collation: &Option<String>| -> Option<ObjectId> {
        let name = types.collation(collation.as_deref()?)?;
        Some(ObjectId::Collation(name.clone()))
    };
    let mut add = |object: ObjectId, needs: ObjectId| deps.add(wanted, &object, &needs);
    for extension in catalog.extensions.values() {
        add(
            ObjectId::Extension(extension.name.clone()),
            ObjectId::Schema(extension.schema.clone()),
        );
    }
    for enum_type in catalog.enums.values() {
        add(
            ObjectId::Type(enum_type.name.clone()),
            ObjectId::Schema(enum_type.name.schema.clone()),
        );
    }
    for collation in catalog.collations.values() {
        add(
            ObjectId::Collation(collation.name.clone()),
            ObjectId::Schema(collation.name.schema.clone()),
        );
    }
    for domain in catalog.domains.values() {
        let id = ObjectId::Type(domain.name.clone());
        add(id.clone(), ObjectId::Schema(domain.name.schema.clone()));
        for needed in type_of(&domain.base_type)
            .into_iter()
            .chain(collation_of(&domain.collation))
        {
            add(id.clone(), needed);
        }
        let checks = domain.constraints.values().map(|c| &c.check);
        for expr in domain.default.iter().chain(checks) {
            for function in calls(expr) {
                add(id.clone(), function);
            }
        }
    }
    for composite in catalog.composite_types.values() {
        let id = ObjectId::Type(composite.name.clone());
        add(id.clone(), ObjectId::Schema(composite.name.schema.clone()));
        for attribute in &composite.attributes {
            let collation = collation_of(&attribute.collation);
            for needed in type_of(&attribute.type_name).into_iter().chain(collation) {
                add(id.clone(), needed);
            }
        }
    }
    for range in catalog.range_types.values() {
        let id = ObjectId::Type(range.name.clone());
        add(id.clone(), ObjectId::Schema(range.name.schema.clone()));
        if let Some(subtype) = type_of(&range.subtype) {
            add(id.clone(), subtype);
        }
        for name in range_support_functions(range) {
            for signature in overloads.get(&name).into_iter().flatten() {
                add(id.clone(), ObjectId::Function(signature.clone()));
            }
        }
    }
    for sequence in catalog.sequences.values() {
        let id = ObjectId::Sequence(sequence.name.clone());
        add(id.clone(), ObjectId::Schema(sequence.name.schema.clone()));
        if let Some((table, column)) = &sequence.owned_by {
            let owner = ObjectId::SequenceOwner(sequence.name.clone());
            add(owner.clone(), id);
            add(owner, ObjectId::Column(table.clone(), column.clone()));
        }
    }
    for function in catalog.functions.values() {
        let id = ObjectId::Function(function.signature());
        if !wanted.has(&id) {
            continue;
        }
        add(id.clone(), ObjectId::Schema(function.name.schema.clone()));
        // argument, result and aggregate state types
        for type_name in interface_types(function) {
            if let Some(needed) = type_of(&type_name) {
                add(id.clone(), needed);
            }
        }
        for name in aggregate_support_functions(function) {
            for signature in overloads.get(&name).into_iter().flatten() {
                add(id.clone(), ObjectId::Function(signature.clone()));
            }
        }
        // row types in the signature, relations an atomic body reads
        for relation in relations_used(function) {
            if catalog.views.contains_key(&relation) {
                add(id.clone(), ObjectId::View(relation));
            } else if catalog.tables.contains_key(&relation) {
                add(id.clone(), ObjectId::Table(relation));
            }
        }
    }
    for view in catalog.views.values() {
        let id = ObjectId::View(view.name.clone());
        if !wanted.has(&id) {
            continue;
        }
        add(id.clone(), ObjectId::Schema(view.name.schema.clone()));
        for needed in view.reads.iter().flat_map(|r| relation_read(catalog, r)) {
            add(id.clone(), needed);
        }
        for function in calls(&view.query) {
            add(id.clone(), function);
        }
    }
    for trigger in catalog.triggers.values() {
        let id = ObjectId::Trigger(trigger.table.clone(), trigger.name.clone());
        if !wanted.has(&id) {
            continue;
        }
        if catalog.views.contains_key(&trigger.table) {
            add(id.clone(), ObjectId::View(trigger.table.clone()));
        } else {
            add(id.clone(), ObjectId::Table(trigger.table.clone()));
        }
        // trigger functions take no declared arguments
        if let Some(function) = catalog
            .functions
            .values()
            .find(|f| f.name == trigger.function && f.arguments.is_empty())
        {
            add(id.clone(), ObjectId::Function(function.signature()));
        }
        for column in &trigger.columns {
            add(
                id.clone(),
                ObjectId::Column(trigger.table.clone(), column.clone()),
            );
        }
    }
    for policy in catalog.policies.values() {
        let id = ObjectId::Policy(policy.table.clone(), policy.name.clone());
        if !wanted.has(&id) {
            continue;
        }
        add(id.clone(), ObjectId::Table(policy.table.clone()));
        for column in &policy.columns {
            add(
                id.clone(),
                ObjectId::Column(policy.table.clone(), column.clone()),
            );
        }
        for needed in policy.reads.iter().flat_map(|r| relation_read(catalog, r)) {
            add(id.clone(), needed);
        }
        for expr in policy.using.iter().chain(&policy.with_check) {
            for function in calls(expr) {
                add(id.clone(), function);
            }
        }
    }
    for rule in catalog.rules.values() {
        let id = ObjectId::Rule(rule.table.clone(), rule.name.clone());
        if !wanted.has(&id) {
            continue;
        }
        // its own relation's columns through NEW and OLD, what its actions name, and
        // every column of those: actions may read or write any
        for relation in std::iter::once(&rule.table).chain(&rule.reads) {
            for needed in relation_read(catalog, relation) {
                add(id.clone(), needed);
            }
        }
        for function in calls(&rule.definition) {
            add(id.clone(), function);
        }
    }
    for trigger in catalog.event_triggers.values() {
        // event trigger functions take no declared arguments
        let function = (catalog.functions.values())
            .find(|f| f.name == trigger.function && f.arguments.is_empty());
        if let Some(function) = function {
            add(
                ObjectId::EventTrigger(trigger.name.clone()),
                ObjectId::Function(function.signature()),
            );
        }
    }
    for cast in catalog.casts.values() {
        let id = ObjectId::Cast(cast.source.clone(), cast.target.clone());
        let function = cast
            .function()
            .filter(|f| catalog.functions.contains_key(f));
        let needs = (type_of(&cast.source).into_iter())
            .chain(type_of(&cast.target))
            .chain(function.map(ObjectId::Function));
        for needed in needs {
            add(id.clone(), needed);
        }
    }
    for dictionary in catalog.text_search_dictionaries.values() {
        add(
            ObjectId::TextSearchDictionary(dictionary.name.clone()),
            ObjectId::Schema(dictionary.name.schema.clone()),
        );
    }
    for configuration in catalog.text_search_configurations.values() {
        let id = ObjectId::TextSearchConfiguration(configuration.name.clone());
        add(
            id.clone(),
            ObjectId::Schema(configuration.name.schema.clone()),
        );
        let dictionaries = (configuration.mappings.values().flatten())
            .filter(|d| catalog.text_search_dictionaries.contains_key(*d));
        for dictionary in dictionaries {
            add(
                id.clone(),
                ObjectId::TextSearchDictionary(dictionary.clone()),
            );
        }
    }
    operator_dependencies(catalog, &overloads, &type_of, &mut add);
    foreign_dependencies(catalog, &mut add);
    for publication in catalog.publications.values() {
        let publication_id = ObjectId::Publication(publication.name.clone());
        for schema in &publication.schemas {
            add(publication_id.clone(), ObjectId::Schema(schema.clone()));
        }
        // a column it lists or its row filter reads cannot be dropped under it
        for published in &publication.tables {
            let table = &published.table;
            let id = ObjectId::PublishedTable(publication.name.clone(), table.clone());
            if !wanted.has(&id) {
                continue;
            }
            add(id.clone(), publication_id.clone());
            add(id.clone(), ObjectId::Table(table.clone()));
            let columns = published.columns.iter().flatten();
            for column in columns.chain(&published.filter_columns) {
                add(id.clone(), ObjectId::Column(table.clone(), column.clone()));
            }
            if let Some(filter) = &published.row_filter {
                for function in calls(filter) {
                    add(id.clone(), function);
                }
            }
        }
    }
    for table in catalog.tables.values().filter(|t| wanted.table(&t.name)) {
        let table_id = ObjectId::Table(table.name.clone());
        add(ObjectId::RowSecurity(table.name.clone()), table_id.clone());
        add(
            table_id.clone(),
            ObjectId::Schema(table.name.schema.clone()),
        );
        for parent in table.parents() {
            add(table_id.clone(), ObjectId::Table(parent.clone()));
        }
        if let Some(identity) = &table.replica_identity {
            let id = ObjectId::ReplicaIdentity(table.name.clone());
            add(id.clone(), table_id.clone());
            if let Some(index) = identity.strip_prefix("USING INDEX ") {
                let index = QualifiedName::new(&table.name.schema, index.trim_matches('"'));
                add(id, ObjectId::Index(index));
            }
        }
        for column in table.columns.values() {
            let id = ObjectId::Column(table.name.clone(), column.name.clone());
            if column.identity.is_some() {
                let identity = ObjectId::Identity(table.name.clone(), column.name.clone());
                add(identity, id.clone());
            }
            if !wanted.has(&id) {
                continue;
            }
            add(id.clone(), table_id.clone());
            if column.inherited {
                for parent in table.parents() {
                    add(
                        id.clone(),
                        ObjectId::Column(parent.clone(), column.name.clone()),
                    );
                }
            }
            let user_type = type_of(&column.type_name);
            let is_user_type = user_type.is_some();
            for needed in user_type.into_iter().chain(collation_of(&column.collation)) {
                add(id.clone(), needed);
            }
            for expr in column.default.iter().chain(&column.generated) {
                for sequence in referenced_sequences(expr) {
                    add(id.clone(), ObjectId::Sequence(sequence));
                }
                for function in calls(expr) {
                    add(id.clone(), function);
                }
            }
            if let Some(generated) = &column.generated {
                let mut read = Vec::new();
                if let Ok(tree) = serde_json::from_str(&generated.canonical) {
                    crate::normalize::expr::referenced_columns(&tree, &mut read);
                }
                for other in read.into_iter().filter(|c| *c != column.name) {
                    add(id.clone(), ObjectId::Column(table.name.clone(), other));
                }
            }
            // a column of an extension's type needs the extension
            if !is_user_type && !is_builtin_type(&column.type_name) {
                for extension in catalog.extensions.keys() {
                    add(id.clone(), ObjectId::Extension(extension.clone()));
                }
            }
        }
        for constraint in table.constraints.values() {
            let id = ObjectId::Constraint(table.name.clone(), constraint.name.clone());
            if !wanted.has(&id) {
                continue;
            }
            add(id.clone(), table_id.clone());
            for function in calls(&constraint.definition) {
                add(id.clone(), function);
            }
            for column in &constraint.columns {
                add(
                    id.clone(),
                    ObjectId::Column(table.name.clone(), column.clone()),
                );
            }
            if constraint.kind == ConstraintKind::Exclusion {
                for extension in catalog.extensions.keys() {
                    add(id.clone(), ObjectId::Extension(extension.clone()));
                }
            }
            if let Some(target) = &constraint.foreign_key {
                add(id.clone(), ObjectId::Table(target.table.clone()));
                for column in &target.columns {
                    add(
                        id.clone(),
                        ObjectId::Column(target.table.clone(), column.clone()),
                    );
                }
                if let Some(key) = referenced_key(catalog, &target.table, &target.columns) {
                    add(id.clone(), key);
                }
            }
        }
    }
    for index in catalog.indexes.values() {
        let id = ObjectId::Index(index.name.clone());
        if !wanted.has(&id) {
            continue;
        }
        if catalog.views.contains_key(&index.table) {
            // on a materialized view, whose columns are not objects of their own
            add(id, ObjectId::View(index.table.clone()));
            continue;
        }
        add(id.clone(), ObjectId::Table(index.table.clone()));
        for function in calls(&index.definition) {
            add(id.clone(), function);
        }
        if !catalog.operator_classes.is_empty() {
            for (name, method) in index_operator_classes(index) {
                add(id.clone(), ObjectId::OperatorClass(name, method));
            }
        }
        for column in &index.columns {
            add(
                id.clone(),
                ObjectId::Column(index.table.clone(), column.clone()),
            );
        }
        if !index.definition.sql.contains("USING btree") {
            for extension in catalog.extensions.keys() {
                add(id.clone(), ObjectId::Extension(extension.clone()));
            }
        }
    }
    for statistics in catalog.statistics.values() {
        let id = ObjectId::Statistics(statistics.name.clone());
        if !wanted.has(&id) {
            continue;
        }
        add(id.clone(), ObjectId::Schema(statistics.name.schema.clone()));
        let table = &statistics.table;
        if catalog.views.contains_key(table) {
            // on a materialized view, whose columns are not objects of their own
            add(id.clone(), ObjectId::View(table.clone()));
        } else {
            add(id.clone(), ObjectId::Table(table.clone()));
        }
        for column in statistics.uses() {
            add(id.clone(), ObjectId::Column(table.clone(), column.clone()));
        }
        for function in statistics.expressions.iter().flat_map(&calls) {
            add(id.clone(), function);
        }
    }
    super::privileges::dependencies(catalog, wanted, &mut deps);
    deps.finish(wanted)
}

/// What a query reading `relation` needs: a table and every one of its columns (`*` and
/// expressions may read any), or a view.
fn relation_read(catalog: &Catalog, relation: &QualifiedName) -> Vec<ObjectId> {
    if let Some(table) = catalog.tables.get(relation) {
        std::iter::once(ObjectId::Table(relation.clone()))
            .chain(
                table
                    .columns
                    .keys()
                    .map(|c| ObjectId::Column(relation.clone(), c.clone())),
            )
            .collect()
    } else if catalog.views.contains_key(relation) {
        vec![ObjectId::View(relation.clone())]
    } else if catalog.foreign_tables.contains_key(relation) {
        vec![ObjectId::Table(relation.clone())]
    } else {
        Vec::new()
    }
}

/// The key a foreign key relies on, as an object.
fn referenced_key(
    catalog: &Catalog,
    table: &QualifiedName,
    columns: &[String],
) -> Option<ObjectId> {
    Some(match catalog.referenced_key(table, columns)? {
        ReferencedKey::Constraint(c) => ObjectId::Constraint(table.clone(), c.name.clone()),
        ReferencedKey::Index(i) => ObjectId::Index(i.name.clone()),
    })
}

fn mapping_id(mapping: &UserMapping) -> ObjectId {
    ObjectId::UserMapping(mapping.server.clone(), mapping.user.clone())
}

/// A wrapper needs its handler and validator, a server its wrapper, a user mapping its
/// server. A wrapper of an extension is not in the catalog: the extension is.
fn foreign_dependencies(catalog: &Catalog, add: &mut impl FnMut(ObjectId, ObjectId)) {
    for wrapper in catalog.foreign_data_wrappers.values() {
        for function in wrapper.handler.iter().chain(&wrapper.validator) {
            let found = catalog.functions.values().find(|f| f.name == *function);
            if let Some(found) = found {
                add(
                    ObjectId::ForeignDataWrapper(wrapper.name.clone()),
                    ObjectId::Function(found.signature()),
                );
            }
        }
    }
    for server in catalog.foreign_servers.values() {
        let needed = if catalog.foreign_data_wrappers.contains_key(&server.wrapper) {
            ObjectId::ForeignDataWrapper(server.wrapper.clone())
        } else {
            ObjectId::Extension(server.wrapper.clone())
        };
        add(ObjectId::ForeignServer(server.name.clone()), needed);
    }
    for table in catalog.foreign_tables.values() {
        add(
            ObjectId::Table(table.name.clone()),
            ObjectId::ForeignServer(table.server.clone()),
        );
        add(
            ObjectId::Table(table.name.clone()),
            ObjectId::Schema(table.name.schema.clone()),
        );
    }
    for mapping in catalog.user_mappings.values() {
        add(
            mapping_id(mapping),
            ObjectId::ForeignServer(mapping.server.clone()),
        );
    }
}
