//! Adding a column whose value is computed per row (a volatile default, `serial`, identity,
//! a stored generated column) to an existing table: PostgreSQL rewrites the table to fill it.

use pg_query::protobuf::{AlterTableType, ColumnDef, ConstrType};
use pg_query::Node;

use super::{column_constraints, column_def, type_base, Check, Findings};
use crate::hazard::HazardKind;
use crate::normalize::definitions::deparse_expr;
use crate::normalize::expr::{to_json, walk};

/// Functions that return a new value on every call.
const VOLATILE: &[&str] = &[
    "random",
    "clock_timestamp",
    "timeofday",
    "gen_random_uuid",
    "uuid_generate_v1",
    "uuid_generate_v1mc",
    "uuid_generate_v4",
    "uuidv4",
    "uuidv7",
    "nextval",
    "txid_current",
];

pub fn check(check: &Check, out: &mut Findings) {
    let Some((table, cmds)) = check.alter_stored_table() else {
        return;
    };
    for cmd in cmds {
        if cmd.subtype != AlterTableType::AtAddColumn as i32 {
            continue;
        }
        let Some(column) = column_def(cmd) else {
            continue;
        };
        let Some(why) = computed_per_row(column) else {
            continue;
        };
        out.add(
            HazardKind::TableRewrite,
            check.statement.at(column.location),
            format!(
                "adding column `{}` to `{table}` with {why} rewrites `{table}` under an ACCESS EXCLUSIVE lock",
                column.colname
            ),
            "add the column without a default (or with a constant one), set the default in a later statement, and backfill existing rows in batches",
        )
        .on(&table);
    }
}

/// Why each row gets its own value, if it does.
fn computed_per_row(column: &ColumnDef) -> Option<String> {
    let base = type_base(column);
    if base.ends_with("serial") {
        return Some(format!("type `{base}` (a `nextval` default)"));
    }
    let defaults = column.raw_default.iter().map(|d| d.as_ref());
    let mut constraint_defaults = Vec::new();
    for (kind, constraint) in column_constraints(column) {
        match kind {
            ConstrType::ConstrDefault => constraint_defaults.extend(constraint.raw_expr.as_deref()),
            ConstrType::ConstrIdentity => return Some("an identity".into()),
            ConstrType::ConstrGenerated if constraint.generated_kind != "v" => {
                return Some("a stored generated expression".into())
            }
            _ => {}
        }
    }
    defaults
        .chain(constraint_defaults)
        .find(|expr| calls_volatile(expr))
        .map(|expr| format!("the volatile default `{}`", deparse_expr(expr)))
}

fn calls_volatile(expr: &Node) -> bool {
    let mut found = false;
    walk(&to_json(expr), &mut |object| {
        let name = object
            .get("FuncCall")
            .and_then(|call| call["funcname"].as_array())
            .and_then(|names| names.last())
            .and_then(|name| name["node"]["String"]["sval"].as_str());
        found |= name.is_some_and(|name| VOLATILE.contains(&name));
    });
    found
}

#[cfg(test)]
mod tests {
    use super::super::lines;

    #[test]
    fn a_volatile_default_rewrites() {
        let sql = "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();\nALTER TABLE orders\n  ADD COLUMN n bigserial;\n";
        assert_eq!(lines(sql, "table-rewrite"), [1, 3]);
    }

    #[test]
    fn a_constant_or_stable_default_does_not() {
        let sql = "ALTER TABLE orders ADD COLUMN state text DEFAULT 'new';\nALTER TABLE orders ADD COLUMN at timestamptz DEFAULT now();\n";
        assert!(lines(sql, "table-rewrite").is_empty());
    }

    #[test]
    fn a_table_the_file_created_is_not_rewritten_for_anyone() {
        let sql = "CREATE TABLE fresh (id bigint);\nALTER TABLE fresh ADD COLUMN token uuid DEFAULT gen_random_uuid();\n";
        assert!(lines(sql, "table-rewrite").is_empty());
    }
}
