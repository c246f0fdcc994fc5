//! Casts (`CREATE CAST`). A cast has no name and belongs to no schema: it is keyed by its
//! source and target types and managed where what it names is (its types and function).

use serde::Serialize;

use super::QualifiedName;

/// A user cast between two types.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cast {
    /// The source type as `format_type` prints it (`integer`, `app.money_amount`).
    pub source: String,
    /// The target type, printed the same way.
    pub target: String,
    pub method: CastMethod,
    pub context: CastContext,
    pub comment: Option<String>,
}

impl Cast {
    /// `(source AS target)`, its key and how SQL names it.
    pub fn key(&self) -> (String, String) {
        (self.source.clone(), self.target.clone())
    }

    /// The signature of the function it calls, as [`super::Function::signature`] spells it.
    pub fn function(&self) -> Option<String> {
        match &self.method {
            CastMethod::Function { name, arguments } => Some(format!("{name}({arguments})")),
            CastMethod::Binary | CastMethod::InOut => None,
        }
    }
}

/// How a cast converts (`pg_cast.castmethod`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CastMethod {
    /// `WITH FUNCTION name(argument types)`, the types as `format_type` prints them.
    Function {
        name: QualifiedName,
        arguments: String,
    },
    /// `WITHOUT FUNCTION`: the types are binary coercible.
    Binary,
    /// `WITH INOUT`: through the types' text output and input.
    InOut,
}

/// When a cast applies without being written (`pg_cast.castcontext`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CastContext {
    /// Only `CAST(…)` or `::`: the default.
    Explicit,
    /// `AS ASSIGNMENT`: also in assignments to a column.
    Assignment,
    /// `AS IMPLICIT`: also in expressions.
    Implicit,
}

impl CastContext {
    /// From `pg_cast.castcontext` (`e`, `a`, `i`).
    pub fn from_code(code: &str) -> CastContext {
        match code {
            "a" => CastContext::Assignment,
            "i" => CastContext::Implicit,
            _ => CastContext::Explicit,
        }
    }
}
