//! What both sources share for domains and range types: CHECK constraints from their parse
//! nodes (the file's `CREATE DOMAIN` / `ALTER DOMAIN`, or what `pg_get_constraintdef`
//! printed), and a range type's options in one form.

use pg_query::protobuf;

use super::aggregate::qualified;
use super::definitions::deparse_expr;
use super::expr::expr;
use crate::model::{DomainConstraint, Expr, QualifiedName, RangeType};

/// The model of a CHECK constraint node named `name`. The expression is emitted as deparsed
/// from the node on both sides, so the text does not depend on the source.
pub fn domain_constraint(node: &protobuf::Constraint, name: &str) -> DomainConstraint {
    let check = match node.raw_expr.as_deref() {
        Some(e) => expr(e, deparse_expr(e)),
        None => Expr {
            sql: String::new(),
            canonical: "".into(),
        },
    };
    DomainConstraint {
        name: name.to_string(),
        check,
        not_valid: node.skip_validation,
    }
}

/// A range type's options other than the subtype, in the model's order, without the
/// multirange name the server would choose anyway.
pub fn range_options(name: &QualifiedName, written: Vec<(String, String)>) -> Vec<String> {
    const ORDER: [&str; 5] = [
        "subtype_opclass",
        "collation",
        "canonical",
        "subtype_diff",
        "multirange_type_name",
    ];
    let default_multirange = match name.name.find("range") {
        Some(at) => format!(
            "{}multirange{}",
            &name.name[..at],
            &name.name[at + "range".len()..]
        ),
        None => format!("{}_multirange", name.name),
    };
    let default_multirange = QualifiedName::new(&name.schema, default_multirange).type_display();
    let mut options = Vec::new();
    for key in ORDER {
        for (written_key, value) in &written {
            let is_default = key == "multirange_type_name" && *value == default_multirange;
            if written_key == key && !is_default {
                options.push(format!("{key} = {value}"));
            }
        }
    }
    options
}

/// The functions a range type names (`canonical`, `subtype_diff`).
pub fn range_support_functions(range: &RangeType) -> Vec<QualifiedName> {
    range
        .options
        .iter()
        .filter_map(|option| {
            let (key, value) = option.split_once(" = ")?;
            matches!(key, "canonical" | "subtype_diff").then(|| qualified(value))
        })
        .collect()
}
