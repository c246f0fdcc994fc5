//! Extended statistics from `CREATE STATISTICS` trees: the file's, or what
//! `pg_get_statisticsobjdef` printed.

use pg_query::protobuf::{AlterStatsStmt, CreateStatsStmt};
use pg_query::{Node, NodeEnum};

use super::definitions::{deparse_expr, relation_name, string_of};
use super::expr::{normalize, referenced_columns, to_json};
use super::function::function_name;
use crate::model::{Expr, Statistics, STATISTICS_KINDS};

/// The model of a `CREATE STATISTICS` statement, or `None` when it names no object (the
/// server generates a name from PostgreSQL 16 on, which is not modelled).
pub fn statistics(stmt: &CreateStatsStmt) -> Option<Statistics> {
    if stmt.defnames.is_empty() {
        return None;
    }
    let table = match stmt.relations.first().and_then(|r| r.node.as_ref()) {
        Some(NodeEnum::RangeVar(relation)) => relation_name(relation),
        _ => return None,
    };
    let mut columns = Vec::new();
    let mut expressions = Vec::new();
    let mut expression_columns = Vec::new();
    for element in &stmt.exprs {
        let Some(NodeEnum::StatsElem(element)) = &element.node else {
            continue;
        };
        let Some(expr) = element.expr.as_deref() else {
            columns.push(element.name.clone());
            continue;
        };
        // `(a)` is column `a`, as the server takes it
        if let Some(column) = plain_column(expr) {
            columns.push(column);
            continue;
        }
        let mut tree = to_json(expr);
        // read before the tree is normalised
        referenced_columns(&tree, &mut expression_columns);
        normalize(&mut tree);
        expressions.push(Expr {
            sql: deparse_expr(expr),
            canonical: tree.to_string().into(),
        });
    }
    columns.sort();
    columns.dedup();
    let given: Vec<String> = stmt.stat_types.iter().filter_map(string_of).collect();
    let mut kinds: Vec<String> = (STATISTICS_KINDS.iter())
        .filter(|k| given.iter().any(|g| g == *k))
        .map(|k| k.to_string())
        .collect();
    if kinds.len() == STATISTICS_KINDS.len() {
        kinds.clear();
    }
    Some(Statistics {
        name: function_name(&stmt.defnames),
        table,
        kinds,
        columns,
        expressions,
        expression_columns,
        target: None,
        comment: None,
    })
}

/// `SET STATISTICS n` of `ALTER STATISTICS`: `None` for `-1` and `DEFAULT`.
pub fn target(stmt: &AlterStatsStmt) -> Option<i32> {
    match stmt.stxstattarget.as_deref().and_then(|t| t.node.as_ref()) {
        Some(NodeEnum::Integer(value)) if value.ival >= 0 => Some(value.ival),
        _ => None,
    }
}

fn plain_column(expr: &Node) -> Option<String> {
    let Some(NodeEnum::ColumnRef(reference)) = &expr.node else {
        return None;
    };
    match reference.fields.as_slice() {
        [field] => string_of(field),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statistics_of(sql: &str) -> Statistics {
        let parsed = pg_query::parse(sql, 0).expect("parses");
        let node = parsed.protobuf.stmts[0].stmt.clone().and_then(|s| s.node);
        let Some(NodeEnum::CreateStatsStmt(stmt)) = node else {
            panic!("not CREATE STATISTICS");
        };
        statistics(&stmt).expect("named")
    }

    #[test]
    fn written_and_printed_forms_agree() {
        // the server sorts the columns, keeps expressions in order and prints no kinds
        // when all are built
        let written = statistics_of(
            "CREATE STATISTICS s (mcv, dependencies, ndistinct) ON b, (lower(c)), (a) FROM t",
        );
        let printed = statistics_of("CREATE STATISTICS public.s ON a, b, (lower(c)) FROM public.t");
        assert_eq!(written, printed);
        assert_eq!(written.columns, ["a", "b"]);
        assert_eq!(written.expression_columns, ["c"]);
        let some = statistics_of("CREATE STATISTICS s (mcv, ndistinct) ON a, b FROM t");
        assert_eq!(some.kinds, ["ndistinct", "mcv"]);
    }
}
