//! Operators (`CREATE OPERATOR`), operator families (`CREATE OPERATOR FAMILY`, with the
//! members `ALTER OPERATOR FAMILY … ADD` gives them) and operator classes (`CREATE OPERATOR
//! CLASS`). An operator is keyed by its signature as `regoperator` prints it, schema
//! qualified (`public.===(text, text)`); families and classes by qualified name and index
//! access method, since two of one name may exist for different methods.

use serde::Serialize;

use super::QualifiedName;
use crate::render::quote::quote_ident;

/// A user operator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Operator {
    pub name: QualifiedName,
    /// The left operand's type as `format_type` prints it; `None` for a prefix operator.
    pub left: Option<String>,
    pub right: String,
    /// The function it calls (`FUNCTION` or `PROCEDURE`), named without arguments: the
    /// server resolves it by the operand types.
    pub function: QualifiedName,
    /// Operators named without their operand types, implied by this one's (a commutator's
    /// are swapped).
    pub commutator: Option<QualifiedName>,
    pub negator: Option<QualifiedName>,
    /// Selectivity estimators, `pg_catalog`'s where the files do not define one.
    pub restrict: Option<QualifiedName>,
    pub join: Option<QualifiedName>,
    pub hashes: bool,
    pub merges: bool,
    pub comment: Option<String>,
}

impl Operator {
    /// `schema.op(left, right)`: its key, and how `DROP`, `COMMENT` and `ALTER` name it.
    pub fn signature(&self) -> String {
        operator_signature(&self.name, self.left.as_deref(), &self.right)
    }

    /// The function's name as a signature prefix, to find it among overloads.
    pub fn calls(&self, signature: &str) -> bool {
        signature
            .strip_prefix(&self.function.to_string())
            .is_some_and(|rest| rest.starts_with('('))
    }
}

/// `schema.op`, the schema quoted where needed and the operator as written.
pub fn operator_name(name: &QualifiedName) -> String {
    format!("{}.{}", quote_ident(&name.schema), name.name)
}

/// `schema.op(left, right)`; `NONE` for the left operand of a prefix operator.
pub fn operator_signature(name: &QualifiedName, left: Option<&str>, right: &str) -> String {
    format!(
        "{}({}, {right})",
        operator_name(name),
        left.unwrap_or("NONE")
    )
}

/// An operator family: the members added to it outside any class (`ALTER OPERATOR FAMILY
/// … ADD`). A class's members are the class's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OperatorFamily {
    pub name: QualifiedName,
    /// The index access method (`btree`, `hash`, `gist`…).
    pub method: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub operators: Vec<OperatorMember>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<FunctionMember>,
    pub comment: Option<String>,
}

impl OperatorFamily {
    pub fn key(&self) -> (QualifiedName, String) {
        (self.name.clone(), self.method.clone())
    }
}

/// An operator class: an index access method's way of indexing one type, in a family (one
/// of its own name unless `FAMILY` says otherwise; the server creates it with the class).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OperatorClass {
    pub name: QualifiedName,
    pub method: String,
    /// The type it indexes, as `format_type` prints it.
    pub data_type: String,
    pub default: bool,
    pub family: QualifiedName,
    /// `STORAGE`, where it is not the indexed type.
    pub storage: Option<String>,
    pub operators: Vec<OperatorMember>,
    pub functions: Vec<FunctionMember>,
    pub comment: Option<String>,
}

impl OperatorClass {
    pub fn key(&self) -> (QualifiedName, String) {
        (self.name.clone(), self.method.clone())
    }

    /// Whether a member operator or function passes `recreated` (given its signature).
    pub fn uses(&self, recreated: impl Fn(&str) -> bool) -> bool {
        uses(&self.operators, &self.functions, recreated)
    }
}

impl OperatorFamily {
    /// Whether a member operator or function passes `recreated` (given its signature).
    pub fn uses(&self, recreated: impl Fn(&str) -> bool) -> bool {
        uses(&self.operators, &self.functions, recreated)
    }
}

fn uses(
    operators: &[OperatorMember],
    functions: &[FunctionMember],
    recreated: impl Fn(&str) -> bool,
) -> bool {
    operators.iter().any(|o| recreated(&o.signature()))
        || functions.iter().any(|f| recreated(&f.function))
}

/// `OPERATOR strategy op(left, right) [FOR ORDER BY family]`, sorted by strategy and types.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct OperatorMember {
    pub strategy: i32,
    pub operator: QualifiedName,
    /// The operand types, as `format_type` prints them.
    pub left: String,
    pub right: String,
    /// `FOR ORDER BY`: the btree family that sorts its results (an ordering operator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<QualifiedName>,
}

impl OperatorMember {
    /// The operator's signature, as [`Operator::signature`] spells it.
    pub fn signature(&self) -> String {
        operator_signature(&self.operator, Some(&self.left), &self.right)
    }
}

/// `FUNCTION support [(left, right)] function(arguments)`, sorted by support number and
/// types.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FunctionMember {
    pub support: i32,
    /// The operand types it serves, as the server records them (a family's members; a
    /// class's are its type's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub types: Option<(String, String)>,
    /// The function's signature, as [`super::Function::signature`] spells it.
    pub function: String,
}
