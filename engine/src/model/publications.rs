//! Publications for logical replication. A publication is not schema-qualified: it belongs
//! to the database, and lists tables and schemas of any schema.

use serde::Serialize;

use super::{Expr, QualifiedName};

/// The operations a publication publishes when `publish` is not set, in the order the
/// server prints them.
pub const ALL_OPERATIONS: [&str; 4] = ["insert", "update", "delete", "truncate"];

/// `CREATE PUBLICATION`, with what later `ALTER PUBLICATION`s did to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Publication {
    pub name: String,
    /// `FOR ALL TABLES`: then `tables` and `schemas` are empty.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub all_tables: bool,
    /// `FOR TABLE …`, sorted by table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<PublishedTable>,
    /// `FOR TABLES IN SCHEMA …`, sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub schemas: Vec<String>,
    /// The operations published, a subset of [`ALL_OPERATIONS`] in its order.
    pub publish: Vec<String>,
    /// `publish_via_partition_root`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub via_partition_root: bool,
    pub comment: Option<String>,
}

impl Publication {
    /// `CREATE PUBLICATION name`: no tables, every operation.
    pub fn empty(name: &str) -> Self {
        Publication {
            name: name.to_string(),
            all_tables: false,
            tables: Vec::new(),
            schemas: Vec::new(),
            publish: ALL_OPERATIONS.iter().map(|o| o.to_string()).collect(),
            via_partition_root: false,
            comment: None,
        }
    }

    /// Whether `publish` is the server's default (every operation), which is then left
    /// unsaid.
    pub fn publishes_everything(&self) -> bool {
        self.publish.iter().eq(ALL_OPERATIONS.iter())
    }

    /// Whether it lists tables or schemas (`FOR ALL TABLES` aside).
    pub fn lists_anything(&self) -> bool {
        !self.tables.is_empty() || !self.schemas.is_empty()
    }

    /// The entry of `table`, if the publication lists it.
    pub fn table(&self, table: &QualifiedName) -> Option<&PublishedTable> {
        self.tables.iter().find(|t| t.table == *table)
    }
}

/// One table of `FOR TABLE`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublishedTable {
    pub table: QualifiedName,
    /// The column list, sorted: the server keeps the columns as a set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    /// The row filter (`WHERE (…)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_filter: Option<Expr>,
    /// The columns the row filter reads.
    #[serde(skip)]
    pub filter_columns: Vec<String>,
}
