//! Two catalogs → the changes between them. The differ decides *what* changes; it never
//! orders changes (that is the planner's graph) and never renders SQL.

mod objects;
mod privileges;
mod tables;
mod views;

use serde::Serialize;

pub use privileges::{AclChange, AclTiming, DefaultAclChange};

use crate::model::{
    Catalog, Column, Constraint, EnumType, Extension, Function, Index, QualifiedName, Schema,
    Sequence, Table, View,
};

/// The same thing on both sides: every comparison in the differ has this shape.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Pair<T> {
    pub from: T,
    pub to: T,
}

impl<T> Pair<T> {
    pub fn new(from: T, to: T) -> Self {
        Pair { from, to }
    }

    pub fn as_ref(&self) -> Pair<&T> {
        Pair::new(&self.from, &self.to)
    }

    pub fn map<U>(self, f: impl Fn(T) -> U) -> Pair<U> {
        Pair::new(f(self.from), f(self.to))
    }
}

impl<T: PartialEq> Pair<T> {
    pub fn changed(&self) -> bool {
        self.from != self.to
    }
}

/// Where a new enum value goes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum EnumPosition {
    Before(String),
    After(String),
}

/// What a comment is on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum CommentTarget {
    Schema(String),
    Extension(String),
    Type(QualifiedName),
    Sequence(QualifiedName),
    Table(QualifiedName),
    Column(QualifiedName, String),
    Constraint(QualifiedName, String),
    Index(QualifiedName),
    View(QualifiedName),
    /// By signature; `procedure` picks the keyword.
    Function {
        signature: String,
        procedure: bool,
    },
}

/// One change. Variants carry names and the definitions they need (both sides where the
/// rollback needs the old one), never references into a catalog.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    CreateSchema(Schema),
    DropSchema(Schema),
    CreateExtension(Extension),
    DropExtension(Extension),
    AlterExtension(Pair<Extension>),
    CreateEnum(EnumType),
    DropEnum(EnumType),
    AddEnumValue {
        enum_type: Pair<EnumType>,
        value: String,
        position: EnumPosition,
        /// Columns that use the type, needed to undo the addition by recreating the type.
        columns: Vec<(QualifiedName, Column)>,
    },
    /// A removed or reordered value: the type is recreated and its columns converted.
    RecreateEnum {
        enum_type: Pair<EnumType>,
        columns: Vec<(QualifiedName, Pair<Column>)>,
    },
    CreateSequence(Sequence),
    DropSequence(Sequence),
    AlterSequence(Pair<Sequence>),
    SetSequenceOwner {
        sequence: QualifiedName,
        owner: Pair<Option<(QualifiedName, String)>>,
    },
    /// A table with its columns and the constraints that can be declared inline.
    CreateTable(Table),
    DropTable(Table),
    SetUnlogged {
        table: QualifiedName,
        unlogged: Pair<bool>,
    },
    AddColumn {
        table: QualifiedName,
        column: Column,
    },
    DropColumn {
        table: QualifiedName,
        column: Column,
    },
    AlterColumn {
        table: QualifiedName,
        column: Pair<Column>,
    },
    /// Apart from `AlterColumn` because the identity's sequence takes the name a `serial`
    /// sequence being dropped may still hold.
    AddIdentity {
        table: QualifiedName,
        column: Column,
    },
    AddConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    DropConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    ValidateConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    CreateIndex(Index),
    DropIndex(Index),
    CreateView(View),
    /// `recreated` when the view comes back in the same plan (its query, or something it
    /// reads, changes): then the drop is part of the change, not the removal of a view.
    DropView {
        view: View,
        recreated: bool,
    },
    CreateFunction(Function),
    DropFunction(Function),
    /// `CREATE OR REPLACE`: same arguments and result, new body or attributes.
    ReplaceFunction(Pair<Function>),
    SetComment {
        target: CommentTarget,
        comment: Pair<Option<String>>,
    },
    Privileges(AclChange),
    DefaultPrivileges(DefaultAclChange),
}

/// The changes that turn `from` into `to`, in a deterministic order (the planner decides the
/// order they run in).
pub fn diff(from: &Catalog, to: &Catalog) -> Vec<Change> {
    let catalogs = Pair::new(from, to);
    let mut changes = Vec::new();
    objects::diff_schemas(&catalogs, &mut changes);
    objects::diff_extensions(&catalogs, &mut changes);
    objects::diff_enums(&catalogs, &mut changes);
    objects::diff_sequences(&catalogs, &mut changes);
    objects::diff_functions(&catalogs, &mut changes);
    tables::diff_tables(&catalogs, &mut changes);
    tables::diff_indexes(&catalogs, &mut changes);
    views::diff_views(&catalogs, &mut changes);
    let privileges = privileges::diff_privileges(&catalogs, &changes);
    changes.extend(privileges);
    changes
}

/// Emits a comment change when the comments differ.
fn diff_comment(target: CommentTarget, comment: Pair<&Option<String>>, out: &mut Vec<Change>) {
    if comment.from != comment.to {
        out.push(Change::SetComment {
            target,
            comment: comment.map(Clone::clone),
        });
    }
}
