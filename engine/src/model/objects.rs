use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Expr, QualifiedName};

/// A schema (namespace).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Schema {
    pub name: String,
    pub comment: Option<String>,
}

/// An installed extension. The objects it creates belong to it and are not modelled.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extension {
    pub name: String,
    pub schema: String,
    /// Compared only when the desired state pins a version.
    pub version: Option<String>,
    pub comment: Option<String>,
}

/// `CREATE TYPE … AS ENUM`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EnumType {
    pub name: QualifiedName,
    pub labels: Vec<String>,
    pub comment: Option<String>,
}

/// The options shared by sequences and identity columns, always fully resolved (the
/// defaults PostgreSQL would choose are filled in) so that equal sequences compare equal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SequenceOptions {
    /// `smallint`, `integer` or `bigint`.
    pub data_type: String,
    pub start: i64,
    pub increment: i64,
    pub min_value: i64,
    pub max_value: i64,
    pub cache: i64,
    pub cycle: bool,
}

impl SequenceOptions {
    /// What `CREATE SEQUENCE` assumes for each option not written: the bounds and start follow
    /// the direction of `increment`, the increment itself defaults to 1.
    pub fn creation_defaults(data_type: &str, increment: i64) -> Self {
        SequenceOptions {
            increment: 1,
            ..SequenceOptions::defaults(data_type, increment.signum())
        }
    }

    /// The options PostgreSQL chooses for a sequence of `data_type` with `increment`.
    pub fn defaults(data_type: &str, increment: i64) -> Self {
        let type_max = match data_type {
            "smallint" => i16::MAX as i64,
            "integer" => i32::MAX as i64,
            _ => i64::MAX,
        };
        let type_min = match data_type {
            "smallint" => i16::MIN as i64,
            "integer" => i32::MIN as i64,
            _ => i64::MIN,
        };
        let (min_value, max_value) = if increment > 0 {
            (1, type_max)
        } else {
            (type_min, -1)
        };
        SequenceOptions {
            data_type: data_type.to_string(),
            start: if increment > 0 { min_value } else { max_value },
            increment,
            min_value,
            max_value,
            cache: 1,
            cycle: false,
        }
    }
}

/// `CREATE SEQUENCE`, except the sequences behind identity columns (part of the column).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sequence {
    pub name: QualifiedName,
    pub options: SequenceOptions,
    /// `OWNED BY table.column`.
    pub owned_by: Option<(QualifiedName, String)>,
    pub comment: Option<String>,
}

/// A function, procedure or aggregate. Overloads are told apart by their argument types.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Function {
    pub name: QualifiedName,
    /// The identity argument types as `format_type` prints them: `integer, text`.
    pub arguments: String,
    pub procedure: bool,
    /// `CREATE AGGREGATE`: its definition is built from the aggregate's options, and any
    /// change drops and creates it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub aggregate: bool,
    /// The whole `CREATE OR REPLACE FUNCTION` (or `CREATE AGGREGATE`) statement; compared by
    /// its canonical form (options in one order, defaults left out).
    pub definition: Expr,
    /// The canonical parameters and result: `CREATE OR REPLACE` can change a function only
    /// while these stay the same.
    pub interface: String,
    pub comment: Option<String>,
}

impl Function {
    /// `schema.name(argument types)`, the key of a function and how SQL names it.
    pub fn signature(&self) -> String {
        format!("{}({})", self.name, self.arguments)
    }

    /// The keyword SQL names it with: `FUNCTION`, `PROCEDURE` or `AGGREGATE`.
    pub fn keyword(&self) -> &'static str {
        if self.aggregate {
            "AGGREGATE"
        } else if self.procedure {
            "PROCEDURE"
        } else {
            "FUNCTION"
        }
    }
}

/// A view or a materialized view (they share one namespace, and views and materialized views
/// read each other, so one map keeps their dependency chains in one place).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct View {
    pub name: QualifiedName,
    /// `CREATE MATERIALIZED VIEW`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub materialized: bool,
    /// A materialized view created `WITH NO DATA` or emptied by `REFRESH … WITH NO DATA`:
    /// not populated, so not readable until refreshed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_data: bool,
    /// The query, compared by its canonical form.
    pub query: Expr,
    /// Output column names, in order: `CREATE OR REPLACE VIEW` may only add columns at the end.
    pub columns: Vec<String>,
    /// `security_barrier=true`, `check_option=local`, a materialized view's
    /// `fillfactor=80`…, sorted.
    pub options: Vec<String>,
    /// Tables and views the query reads.
    pub reads: Vec<QualifiedName>,
    pub comment: Option<String>,
    /// Comments on output columns, by column name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub column_comments: BTreeMap<String, String>,
}

impl View {
    /// `VIEW` or `MATERIALIZED VIEW`, as statements name the kind.
    pub fn keyword(&self) -> &'static str {
        if self.materialized {
            "MATERIALIZED VIEW"
        } else {
            "VIEW"
        }
    }

    /// `view` or `materialized view`, as messages name the kind.
    pub fn kind(&self) -> &'static str {
        if self.materialized {
            "materialized view"
        } else {
            "view"
        }
    }
}

/// Something a source holds that the model does not cover yet.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Unsupported {
    /// The kind, as a user says it: `view`, `function`, `trigger`, `policy`…
    pub kind: String,
    pub schema: Option<String>,
    pub name: String,
}
