//! What a database holds, for `lint --db`: which tables exist, how large they are and their
//! columns' types, so that a lock on a large table ranks above one on an empty table.

use std::collections::HashMap;

use crate::hazard::{HazardKind, Severity};
use crate::model::QualifiedName;

/// The tables of a database, as lint needs them; empty without `--db`.
#[derive(Clone, Debug, Default)]
pub struct Context {
    pub tables: HashMap<QualifiedName, TableFacts>,
}

/// One table of the database.
#[derive(Clone, Debug, Default)]
pub struct TableFacts {
    /// The planner's row estimate (`reltuples`; never analysed counts as unknown).
    pub rows: Option<u64>,
    /// Columns and their types as `format_type` prints them.
    pub columns: HashMap<String, String>,
}

/// From this many rows a table is large: a lock held while it is scanned or rewritten
/// lasts long enough to stop the application.
const LARGE_TABLE_ROWS: u64 = 100_000;

/// Hazards whose cost is a lock held for as long as the table takes to scan or rewrite.
fn scales_with_size(kind: HazardKind) -> bool {
    matches!(
        kind,
        HazardKind::TableRewrite
            | HazardKind::BlockingIndexBuild
            | HazardKind::ValidationScan
            | HazardKind::AccessExclusiveLock
    )
}

/// Reads the tables of the database at `url`.
pub fn load(url: &str) -> Result<Context, crate::error::Error> {
    crate::source::live::lint_tables::load(url)
}

impl Context {
    /// The severity of a finding on `table`: a lock held over the scan of a large table is
    /// a danger, over an empty one only worth knowing.
    pub fn rank(
        &self,
        kind: HazardKind,
        severity: Severity,
        table: Option<&QualifiedName>,
    ) -> Severity {
        if !scales_with_size(kind) {
            return severity;
        }
        let rows = table.and_then(|t| self.tables.get(t)).and_then(|t| t.rows);
        match rows {
            Some(0) => Severity::Info,
            Some(rows) if rows >= LARGE_TABLE_ROWS => Severity::Danger,
            _ => severity,
        }
    }

    /// The type of a column as the database has it.
    pub fn column_type(&self, table: &QualifiedName, column: &str) -> Option<&str> {
        self.tables
            .get(table)?
            .columns
            .get(column)
            .map(String::as_str)
    }
}
