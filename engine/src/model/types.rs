//! User-defined types other than enums (domains, composite and range types) and collations.

use indexmap::IndexMap;
use serde::Serialize;

use super::{Expr, QualifiedName};

/// `CREATE DOMAIN`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Domain {
    pub name: QualifiedName,
    /// The underlying type as `format_type` prints it.
    pub base_type: String,
    /// Only when it differs from the base type's own collation.
    pub collation: Option<String>,
    pub default: Option<Expr>,
    pub not_null: bool,
    /// CHECK constraints by name (unnamed ones get `<domain>_check`, as the server names them).
    pub constraints: IndexMap<String, DomainConstraint>,
    pub comment: Option<String>,
}

/// A domain's CHECK constraint.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DomainConstraint {
    pub name: String,
    /// The expression inside `CHECK (…)`.
    pub check: Expr,
    pub not_valid: bool,
}

/// `CREATE TYPE … AS (…)`. Attribute order is not compared, as column order is not:
/// PostgreSQL cannot reorder attributes, and an attribute added back goes last.
#[derive(Clone, Debug, Serialize)]
pub struct CompositeType {
    pub name: QualifiedName,
    pub attributes: Vec<Attribute>,
    pub comment: Option<String>,
}

impl PartialEq for CompositeType {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && self.comment == other.comment
            && by_name(&self.attributes) == by_name(&other.attributes)
    }
}

fn by_name(attributes: &[Attribute]) -> Vec<&Attribute> {
    let mut sorted: Vec<&Attribute> = attributes.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    sorted
}

/// An attribute of a composite type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribute {
    pub name: String,
    pub type_name: String,
    /// Only when it differs from the type's own collation.
    pub collation: Option<String>,
}

/// `CREATE TYPE … AS RANGE (…)`. Any change drops and creates it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RangeType {
    pub name: QualifiedName,
    pub subtype: String,
    /// The options other than the subtype that differ from what the server chooses, as
    /// `name = value` in a fixed order (`subtype_opclass`, `collation`, `canonical`,
    /// `subtype_diff`, `multirange_type_name`).
    pub options: Vec<String>,
    pub comment: Option<String>,
}

/// `CREATE COLLATION`. Any change drops and creates it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Collation {
    pub name: QualifiedName,
    /// `libc`, `icu` or `builtin`.
    pub provider: String,
    /// The ICU or builtin locale; `None` for libc.
    pub locale: Option<String>,
    /// `lc_collate` and `lc_ctype` for libc; `None` otherwise.
    pub lc_collate: Option<String>,
    pub lc_ctype: Option<String>,
    pub deterministic: bool,
    /// A libc collation usable with any database encoding, as `C` and `POSIX` are and copies of
    /// them (`FROM "C"`) stay.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub any_encoding: bool,
    pub comment: Option<String>,
}
