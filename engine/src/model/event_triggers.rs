//! Event triggers (`CREATE EVENT TRIGGER`). An event trigger belongs to the database, not to
//! a schema: it is managed where its function is.

use serde::Serialize;

use super::{QualifiedName, TriggerEnabled};

/// An event trigger: a function run on DDL.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventTrigger {
    pub name: String,
    /// `ddl_command_start`, `ddl_command_end`, `sql_drop`, `table_rewrite` (lower case, as
    /// the server keeps it).
    pub event: String,
    /// `WHEN TAG IN (…)`: upper case and sorted, since the server upper-cases them and fires
    /// on any; empty for every command.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The function it executes (event trigger functions take no declared arguments).
    pub function: QualifiedName,
    /// `ALTER EVENT TRIGGER … ENABLE [REPLICA|ALWAYS]` and `DISABLE`.
    pub enabled: TriggerEnabled,
    pub comment: Option<String>,
}
