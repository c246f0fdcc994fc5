//! Extended statistics (`CREATE STATISTICS`): planner statistics over several columns or
//! expressions of one table or materialized view. A statistics object is in a schema of its
//! own, which need not be its table's.

use serde::Serialize;

use super::{Expr, QualifiedName};

/// The kinds a statistics object can build, in the order the server prints them.
pub const STATISTICS_KINDS: [&str; 3] = ["ndistinct", "dependencies", "mcv"];

/// An extended statistics object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statistics {
    pub name: QualifiedName,
    /// The table or materialized view it is on.
    pub table: QualifiedName,
    /// Of [`STATISTICS_KINDS`], in that order; empty when all are built, as the server does
    /// when none are given and prints when all are.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    /// Plain columns, sorted: the server keeps them as a set, in column order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    /// `(expression)` elements, in order (PostgreSQL 14+).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expressions: Vec<Expr>,
    /// The columns its expressions read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expression_columns: Vec<String>,
    /// `ALTER STATISTICS … SET STATISTICS n`; `None` is the default (`-1`, NULL from
    /// PostgreSQL 17).
    pub target: Option<i32>,
    pub comment: Option<String>,
}

impl Statistics {
    /// Every column of its table it uses, listed or read by an expression.
    pub fn uses(&self) -> impl Iterator<Item = &String> {
        self.columns.iter().chain(&self.expression_columns)
    }

    /// Whether `other` builds the same statistics (name, target and comment aside).
    pub fn same_definition(&self, other: &Statistics) -> bool {
        (&self.table, &self.kinds, &self.columns, &self.expressions)
            == (
                &other.table,
                &other.kinds,
                &other.columns,
                &other.expressions,
            )
    }
}
