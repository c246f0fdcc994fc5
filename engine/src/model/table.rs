use indexmap::IndexMap;
use serde::Serialize;

use super::{Expr, QualifiedName, SequenceOptions};

/// A table with its columns and constraints. Indexes that do not implement a constraint are
/// [`Index`]es of the catalog.
#[derive(Debug, PartialEq, Serialize)]
pub struct Table {
    pub name: QualifiedName,
    pub columns: IndexMap<String, Column>,
    pub constraints: IndexMap<String, Constraint>,
    /// `CREATE UNLOGGED TABLE`.
    pub unlogged: bool,
    /// `ENABLE ROW LEVEL SECURITY`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub row_security: bool,
    /// `FORCE ROW LEVEL SECURITY`: policies apply to the table's owner too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub force_row_security: bool,
    pub comment: Option<String>,
    /// `PARTITION BY …` of a partitioned table (`RANGE (logdate)`), compared canonically.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partition_by: Option<Expr>,
    /// The partitioned table this one is a partition of, and its bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partition_of: Option<PartitionOf>,
    /// `INHERITS (…)`, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inherits: Vec<QualifiedName>,
    /// Storage parameters as the server stores them (`fillfactor=70`), sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// `REPLICA IDENTITY` unless it is `DEFAULT`: `FULL`, `NOTHING` or `USING INDEX name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_identity: Option<String>,
}

/// `PARTITION OF parent FOR VALUES …`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartitionOf {
    pub parent: QualifiedName,
    /// `FOR VALUES IN ('eu')`, `FOR VALUES FROM (…) TO (…)`, `DEFAULT`…, compared canonically.
    pub bound: Expr,
}

/// Field by field, so that the maps are collected: a cloned `IndexMap` reserves as many
/// entries as its hash table has room for (seven for four columns), and a plan creating
/// many tables holds a copy of each.
impl Clone for Table {
    fn clone(&self) -> Self {
        Table {
            name: self.name.clone(),
            columns: (self.columns.iter())
                .map(|(name, column)| (name.clone(), column.clone()))
                .collect(),
            constraints: (self.constraints.iter())
                .map(|(name, constraint)| (name.clone(), constraint.clone()))
                .collect(),
            unlogged: self.unlogged,
            row_security: self.row_security,
            force_row_security: self.force_row_security,
            comment: self.comment.clone(),
            partition_by: self.partition_by.clone(),
            partition_of: self.partition_of.clone(),
            inherits: self.inherits.clone(),
            options: self.options.clone(),
            replica_identity: self.replica_identity.clone(),
        }
    }
}

impl Table {
    pub fn new(name: QualifiedName) -> Self {
        Table {
            name,
            columns: IndexMap::new(),
            constraints: IndexMap::new(),
            unlogged: false,
            row_security: false,
            force_row_security: false,
            comment: None,
            partition_by: None,
            partition_of: None,
            inherits: Vec::new(),
            options: Vec::new(),
            replica_identity: None,
        }
    }

    /// The tables whose columns this one takes: its partitioned table, or the tables it
    /// inherits from.
    pub fn parents(&self) -> impl Iterator<Item = &QualifiedName> {
        self.partition_of
            .as_ref()
            .map(|p| &p.parent)
            .into_iter()
            .chain(&self.inherits)
    }

    pub fn primary_key(&self) -> Option<&Constraint> {
        self.constraints
            .values()
            .find(|c| c.kind == ConstraintKind::PrimaryKey)
    }
}

/// A column. Column order is not compared: PostgreSQL cannot reorder columns, and a plan
/// that recreated tables for it would lose data.
#[derive(Clone, Debug, Serialize)]
pub struct Column {
    pub name: String,
    /// The type as `format_type` prints it: `integer`, `character varying(20)`, `mood[]`.
    pub type_name: String,
    /// Only when it differs from the type's default collation.
    pub collation: Option<String>,
    pub default: Option<Expr>,
    pub not_null: bool,
    pub identity: Option<Box<Identity>>,
    /// `GENERATED ALWAYS AS (expr) STORED`.
    pub generated: Option<Expr>,
    /// `SET STORAGE`: only when it differs from the type's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage: Option<Storage>,
    /// `SET COMPRESSION`: the method, only when one is set (`pglz`, `lz4`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compression: Option<String>,
    pub comment: Option<String>,
    /// Comes from a parent table and is not declared by this one (every column of a
    /// partition; an inheritance child's columns it does not redeclare): the parent's column
    /// changes reach it, and it goes when the parent drops it. Not compared: no statement
    /// makes a child's own column inherited again (`INHERIT` leaves it the child's).
    #[serde(skip)]
    pub inherited: bool,
    /// Position in the table, kept to render `CREATE TABLE` in the source's order.
    #[serde(skip)]
    pub position: usize,
}

impl PartialEq for Column {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.type_name == other.type_name
            && self.collation == other.collation
            && self.default == other.default
            && self.not_null == other.not_null
            && self.identity == other.identity
            && self.generated == other.generated
            && self.storage == other.storage
            && self.compression == other.compression
            && self.comment == other.comment
    }
}

impl Column {
    /// Whether adding the column to a table with rows needs a value for them from
    /// elsewhere: NOT NULL, with no default, identity or generation to give one.
    pub fn needs_value_when_added(&self) -> bool {
        self.not_null
            && self.default.is_none()
            && self.identity.is_none()
            && self.generated.is_none()
    }
}

/// How a column's values are stored (`attstorage`): inline or out of line, compressed or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Storage {
    Plain,
    External,
    Extended,
    Main,
}

impl Storage {
    /// From the keyword (`external`) or the catalog's letter (`e`).
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "plain" | "p" => Some(Self::Plain),
            "external" | "e" => Some(Self::External),
            "extended" | "x" => Some(Self::Extended),
            "main" | "m" => Some(Self::Main),
            _ => None,
        }
    }
}

/// `GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY (options)`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Identity {
    pub always: bool,
    pub options: SequenceOptions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConstraintKind {
    PrimaryKey,
    Unique,
    ForeignKey,
    Check,
    Exclusion,
}

/// A table constraint. `definition` is everything after `ADD CONSTRAINT name`, without
/// `NOT VALID`, so one comparison covers every kind and option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Constraint {
    pub name: String,
    pub kind: ConstraintKind,
    pub definition: Expr,
    /// Columns of this table the constraint uses (keys, or those its expression reads).
    pub columns: Vec<String>,
    pub foreign_key: Option<ForeignKeyTarget>,
    pub not_valid: bool,
    pub comment: Option<String>,
}

/// What a foreign key references.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForeignKeyTarget {
    pub table: QualifiedName,
    pub columns: Vec<String>,
}

/// An index that does not implement a constraint.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Index {
    /// The index's own name, in its table's schema.
    pub name: QualifiedName,
    pub table: QualifiedName,
    pub unique: bool,
    /// The whole `CREATE INDEX` statement (without `CONCURRENTLY`).
    pub definition: Expr,
    /// Columns of the table the index uses (keys, INCLUDE, expressions, predicate).
    pub columns: Vec<String>,
    pub comment: Option<String>,
}
