use serde::Serialize;

use super::{Expr, QualifiedName};

/// Whether a trigger (or a rule) fires, as `ALTER TABLE … ENABLE/DISABLE TRIGGER` (`RULE`)
/// sets it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerEnabled {
    /// The default: fires unless the session replication role is `replica`.
    #[default]
    Origin,
    Disabled,
    /// Fires only when the session replication role is `replica`.
    Replica,
    Always,
}

/// A trigger on a table or a view. Constraint triggers are triggers too (not table
/// constraints), although the server also keeps a `pg_constraint` row for them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trigger {
    /// The table or view it is on.
    pub table: QualifiedName,
    pub name: String,
    /// The whole `CREATE [CONSTRAINT] TRIGGER` statement, compared by its canonical form.
    pub definition: Expr,
    /// The function it executes (trigger functions take no declared arguments).
    pub function: QualifiedName,
    /// Columns of the table it names: `UPDATE OF` and the `WHEN` condition.
    pub columns: Vec<String>,
    pub enabled: TriggerEnabled,
    pub comment: Option<String>,
}

/// A row-level security policy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Policy {
    pub table: QualifiedName,
    pub name: String,
    /// `AS PERMISSIVE` (the default) or `AS RESTRICTIVE`.
    pub permissive: bool,
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
    pub command: String,
    /// Sorted; `public` for `PUBLIC`.
    pub roles: Vec<String>,
    pub using: Option<Expr>,
    pub with_check: Option<Expr>,
    /// Columns of its own table the expressions read.
    pub columns: Vec<String>,
    /// Other tables and views its subqueries read.
    pub reads: Vec<QualifiedName>,
    pub comment: Option<String>,
}
