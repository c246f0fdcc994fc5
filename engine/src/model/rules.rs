//! Rewrite rules (`CREATE RULE`). A rule belongs to its table or view, like a trigger, and has
//! no owner or grants of its own. The `_RETURN` rules that make views are not rules here: they
//! are the views.

use serde::Serialize;

use super::{Expr, QualifiedName, TriggerEnabled};

/// A rewrite rule on a table or a view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    /// The table or view it is on.
    pub table: QualifiedName,
    pub name: String,
    /// `INSERT`, `UPDATE` or `DELETE` (`SELECT` rules are views).
    pub event: String,
    /// `DO INSTEAD` rather than `DO ALSO`.
    pub instead: bool,
    /// The whole `CREATE RULE` statement: the `WHERE` condition and the actions are compared
    /// by its canonical form.
    pub definition: Expr,
    /// Other tables and views its condition and actions name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reads: Vec<QualifiedName>,
    /// `ALTER TABLE … ENABLE/DISABLE [REPLICA|ALWAYS] RULE`: the same four states as a
    /// trigger's.
    pub enabled: TriggerEnabled,
    pub comment: Option<String>,
}
