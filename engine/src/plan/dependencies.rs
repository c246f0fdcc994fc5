//! What each change touches, and what each object depends on in a catalog: the two facts
//! the ordering graph is built from.

use std::collections::HashMap;

use crate::diff::{Change, CommentTarget};
use crate::model::{
    AclObject, Catalog, ConstraintKind, DefaultAclKey, QualifiedName, ReferencedKey,
};
use crate::normalize::expr::{referenced_functions, referenced_sequences};
use crate::normalize::names::make_object_name;
use crate::normalize::types::is_builtin_type;

/// An object of either catalog, by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ObjectId {
    Schema(String),
    Extension(String),
    Type(QualifiedName),
    Sequence(QualifiedName),
    /// The `OWNED BY` link of a sequence, which depends on the owning column.
    SequenceOwner(QualifiedName),
    Table(QualifiedName),
    Column(QualifiedName, String),
    /// The identity of a column, which depends on the column.
    Identity(QualifiedName, String),
    Constraint(QualifiedName, String),
    Index(QualifiedName),
    View(QualifiedName),
    /// By signature.
    Function(String),
    /// The grants on an object.
    Privileges(AclObject),
    DefaultPrivileges(DefaultAclKey),
}

impl std::fmt::Display for ObjectId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ObjectId::Schema(name) => write!(f, "schema `{name}`"),
            ObjectId::Extension(name) => write!(f, "extension `{name}`"),
            ObjectId::Type(name) => write!(f, "type `{name}`"),
            ObjectId::Sequence(name) => write!(f, "sequence `{name}`"),
            ObjectId::SequenceOwner(name) => write!(f, "ownership of sequence `{name}`"),
            ObjectId::Table(name) => write!(f, "table `{name}`"),
            ObjectId::Column(table, column) => write!(f, "column `{table}.{column}`"),
            ObjectId::Identity(table, column) => write!(f, "identity of `{table}.{column}`"),
            ObjectId::Constraint(table, name) => write!(f, "constraint `{name}` on `{table}`"),
            ObjectId::Index(name) => write!(f, "index `{name}`"),
            ObjectId::Function(signature) => write!(f, "function `{signature}`"),
            ObjectId::View(name) => write!(f, "view `{name}`"),
            ObjectId::Privileges(object) => write!(f, "privileges on {}", object.describe()),
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
}

/// The objects a change creates, alters or drops.
pub fn targets(change: &Change) -> Vec<(ObjectId, Action)> {
    use Action::*;
    let table_parts = |table: &crate::model::Table, action: Action| {
        let mut parts = vec![(ObjectId::Table(table.name.clone()), action)];
        for column in table.columns.keys() {
            parts.push((ObjectId::Column(table.name.clone(), column.clone()), action));
        }
        for constraint in table.constraints.keys() {
            parts.push((
                ObjectId::Constraint(table.name.clone(), constraint.clone()),
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
        Change::CreateTable(table) => table_parts(table, Create),
        Change::DropTable(table) => table_parts(table, Drop),
        Change::SetUnlogged { table, .. } => vec![(ObjectId::Table(table.clone()), Alter)],
        Change::AddColumn { table, column } => {
            vec![(ObjectId::Column(table.clone(), column.name.clone()), Create)]
        }
        Change::DropColumn { table, column } => {
            vec![(ObjectId::Column(table.clone(), column.name.clone()), Drop)]
        }
        Change::AlterColumn { table, column } => {
            vec![(
                ObjectId::Column(table.clone(), column.to.name.clone()),
                Alter,
            )]
        }
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
        Change::CreateView(view) => vec![(ObjectId::View(view.name.clone()), Create)],
        Change::DropView { view, .. } => vec![(ObjectId::View(view.name.clone()), Drop)],
        Change::CreateFunction(function) => {
            vec![(ObjectId::Function(function.signature()), Create)]
        }
        Change::DropFunction(function) => vec![(ObjectId::Function(function.signature()), Drop)],
        Change::ReplaceFunction(function) => {
            vec![(ObjectId::Function(function.to.signature()), Alter)]
        }
        Change::CreateIndex(index) => vec![(ObjectId::Index(index.name.clone()), Create)],
        Change::DropIndex(index) => vec![(ObjectId::Index(index.name.clone()), Drop)],
        Change::SetComment { target, .. } => vec![(comment_object(target), Alter)],
        Change::Privileges(change) => super::privileges::acl_targets(change),
        Change::DefaultPrivileges(change) => {
            vec![(ObjectId::DefaultPrivileges(change.key.clone()), Alter)]
        }
    }
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
        CommentTarget::Function { signature, .. } => ObjectId::Function(signature.clone()),
        CommentTarget::View(name) => ObjectId::View(name.clone()),
    }
}

/// For every object of a catalog, the objects it needs to exist.
pub type Dependencies = HashMap<ObjectId, Vec<ObjectId>>;

/// The dependencies between the objects of `catalog`.
pub fn dependencies(catalog: &Catalog) -> Dependencies {
    let mut deps: Dependencies = HashMap::new();
    // expressions name functions without their argument types: they need every overload
    let mut overloads: HashMap<&QualifiedName, Vec<String>> = HashMap::new();
    for function in catalog.functions.values() {
        overloads
            .entry(&function.name)
            .or_default()
            .push(function.signature());
    }
    let calls = |expr: &crate::model::Expr| -> Vec<ObjectId> {
        referenced_functions(expr)
            .iter()
            .flat_map(|name| overloads.get(name).into_iter().flatten())
            .map(|signature| ObjectId::Function(signature.clone()))
            .collect()
    };
    let mut add = |object: ObjectId, needs: ObjectId| deps.entry(object).or_default().push(needs);
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
        add(id.clone(), ObjectId::Schema(function.name.schema.clone()));
        for argument in function.arguments.split(", ") {
            if let Some(enum_type) = catalog.enum_of_type(argument) {
                add(id.clone(), ObjectId::Type(enum_type.name.clone()));
            }
        }
    }
    for view in catalog.views.values() {
        let id = ObjectId::View(view.name.clone());
        add(id.clone(), ObjectId::Schema(view.name.schema.clone()));
        for relation in &view.reads {
            if let Some(table) = catalog.tables.get(relation) {
                // any column may be read (`*`, expressions): the view waits for all of them
                add(id.clone(), ObjectId::Table(relation.clone()));
                for column in table.columns.keys() {
                    add(
                        id.clone(),
                        ObjectId::Column(relation.clone(), column.clone()),
                    );
                }
            } else if catalog.views.contains_key(relation) {
                add(id.clone(), ObjectId::View(relation.clone()));
            }
        }
        for function in calls(&view.query) {
            add(id.clone(), function);
        }
    }
    for table in catalog.tables.values() {
        let table_id = ObjectId::Table(table.name.clone());
        add(
            table_id.clone(),
            ObjectId::Schema(table.name.schema.clone()),
        );
        for column in table.columns.values() {
            let id = ObjectId::Column(table.name.clone(), column.name.clone());
            add(id.clone(), table_id.clone());
            if column.identity.is_some() {
                let identity = ObjectId::Identity(table.name.clone(), column.name.clone());
                add(identity, id.clone());
            }
            if let Some(enum_type) = catalog.enum_of_type(&column.type_name) {
                add(id.clone(), ObjectId::Type(enum_type.name.clone()));
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
            if catalog.enum_of_type(&column.type_name).is_none()
                && !is_builtin_type(&column.type_name)
            {
                for extension in catalog.extensions.keys() {
                    add(id.clone(), ObjectId::Extension(extension.clone()));
                }
            }
        }
        for constraint in table.constraints.values() {
            let id = ObjectId::Constraint(table.name.clone(), constraint.name.clone());
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
        add(id.clone(), ObjectId::Table(index.table.clone()));
        for function in calls(&index.definition) {
            add(id.clone(), function);
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
    super::privileges::dependencies(catalog, &mut deps);
    deps
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
