//! Views from their queries, for both sources: the file's `CREATE VIEW`, or the query
//! `pg_get_viewdef` printed. The server qualifies column references with their relation and
//! names every output column; the canonical form takes both away again.

use pg_query::protobuf::{ViewCheckOption, ViewStmt};
use pg_query::{Node, NodeEnum};
use serde_json::{json, Value};

use super::definitions::{deparse_expr, relation_name, string_of};
use super::expr::{normalize, to_json, walk, walk_mut};
use super::types::string_node;
use crate::model::{Expr, QualifiedName, View};

/// The model of a view. `columns_of` gives the columns of a table or view the file defined,
/// to expand `SELECT *` as the server does; `sql` is the query text the server printed
/// (`None` deparses the file's).
pub fn view(
    stmt: &ViewStmt,
    columns_of: impl Fn(&QualifiedName) -> Option<Vec<String>>,
    sql: Option<String>,
) -> View {
    let name = stmt
        .view
        .as_ref()
        .map(relation_name)
        .unwrap_or_else(|| QualifiedName::new("public", ""));
    let mut query = stmt.query.as_deref().cloned().unwrap_or_default();
    expand_star(&mut query, &columns_of);
    let aliases: Vec<String> = stmt.aliases.iter().filter_map(string_of).collect();
    name_targets(&mut query, &aliases);
    let sql = sql.unwrap_or_else(|| deparse_query(&query));

    let mut tree = to_json(&query);
    normalize(&mut tree);
    let relations = relation_names(&tree);
    strip_qualifiers(
        &mut tree,
        &relations.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>(),
    );
    drop_implicit_names(&mut tree);
    let mut options: Vec<String> = stmt
        .options
        .iter()
        .filter_map(|o| match &o.node {
            Some(NodeEnum::DefElem(d)) => Some(format!(
                "{}={}",
                d.defname,
                d.arg
                    .as_deref()
                    .map(option_value)
                    .unwrap_or_else(|| "true".into())
            )),
            _ => None,
        })
        .collect();
    match ViewCheckOption::try_from(stmt.with_check_option) {
        Ok(ViewCheckOption::LocalCheckOption) => options.push("check_option=local".into()),
        Ok(ViewCheckOption::CascadedCheckOption) => options.push("check_option=cascaded".into()),
        _ => {}
    }
    options.sort();
    let mut reads: Vec<QualifiedName> = relations.into_iter().map(|(q, _)| q).collect();
    reads.sort();
    reads.dedup();
    View {
        name,
        query: Expr {
            sql: sql.trim().trim_end_matches(';').trim().to_string(),
            canonical: tree.to_string(),
        },
        columns: output_columns(&query),
        options,
        reads,
        comment: None,
    }
}

fn option_value(node: &Node) -> String {
    match &node.node {
        Some(NodeEnum::String(s)) => s.sval.to_lowercase(),
        Some(NodeEnum::Boolean(b)) => b.boolval.to_string(),
        Some(NodeEnum::Integer(i)) => i.ival.to_string(),
        // a bare word such as `local` parses as a type name
        Some(NodeEnum::TypeName(t)) => t
            .names
            .last()
            .and_then(string_of)
            .unwrap_or_default()
            .to_lowercase(),
        _ => deparse_expr(node),
    }
}

fn deparse_query(query: &Node) -> String {
    match &query.node {
        Some(node) => node.deparse(Default::default()).unwrap_or_default(),
        None => String::new(),
    }
}

/// `SELECT *` (or `t.*`) over one relation the file defined becomes its columns.
fn expand_star(query: &mut Node, columns_of: &impl Fn(&QualifiedName) -> Option<Vec<String>>) {
    let Some(NodeEnum::SelectStmt(select)) = query.node.as_mut() else {
        return;
    };
    let [from] = select.from_clause.as_slice() else {
        return;
    };
    let Some(NodeEnum::RangeVar(relation)) = &from.node else {
        return;
    };
    let Some(columns) = columns_of(&relation_name(relation)) else {
        return;
    };
    let mut targets = Vec::new();
    for target in &select.target_list {
        let is_star = matches!(&target.node, Some(NodeEnum::ResTarget(t))
            if matches!(t.val.as_deref().and_then(|v| v.node.as_ref()),
                Some(NodeEnum::ColumnRef(c)) if matches!(c.fields.last().and_then(|f| f.node.as_ref()), Some(NodeEnum::AStar(_)))));
        if !is_star {
            targets.push(target.clone());
            continue;
        }
        for column in &columns {
            targets.push(Node {
                node: Some(NodeEnum::ResTarget(Box::new(
                    pg_query::protobuf::ResTarget {
                        val: Some(Box::new(Node {
                            node: Some(NodeEnum::ColumnRef(pg_query::protobuf::ColumnRef {
                                fields: vec![Node {
                                    node: Some(NodeEnum::String(pg_query::protobuf::String {
                                        sval: column.clone(),
                                    })),
                                }],
                                location: 0,
                            })),
                        })),
                        ..Default::default()
                    },
                ))),
            });
        }
    }
    select.target_list = targets;
}

/// Column aliases of `CREATE VIEW v (a, b)` become the names of the output columns.
fn name_targets(query: &mut Node, aliases: &[String]) {
    let Some(NodeEnum::SelectStmt(select)) = query.node.as_mut() else {
        return;
    };
    for (target, alias) in select.target_list.iter_mut().zip(aliases) {
        if let Some(NodeEnum::ResTarget(t)) = target.node.as_mut() {
            t.name = alias.clone();
        }
    }
}

/// The names of the output columns, as the server would choose them.
fn output_columns(query: &Node) -> Vec<String> {
    let Some(NodeEnum::SelectStmt(select)) = &query.node else {
        return Vec::new();
    };
    select
        .target_list
        .iter()
        .filter_map(|t| match &t.node {
            Some(NodeEnum::ResTarget(t)) if !t.name.is_empty() => Some(t.name.clone()),
            Some(NodeEnum::ResTarget(t)) => Some(implicit_name(&to_json(&t.val))),
            _ => None,
        })
        .collect()
}

/// The name the server gives an output column without `AS` (`FigureColname`).
fn implicit_name(value: &Value) -> String {
    let node = &value["node"];
    if let Some(fields) = node["ColumnRef"]["fields"].as_array() {
        return fields
            .last()
            .and_then(string_node)
            .unwrap_or("?column?")
            .to_string();
    }
    if let Some(names) = node["FuncCall"]["funcname"].as_array() {
        return names
            .last()
            .and_then(string_node)
            .unwrap_or("?column?")
            .to_string();
    }
    if node.get("TypeCast").is_some() {
        let inner = implicit_name(&node["TypeCast"]["arg"]);
        if inner != "?column?" {
            return inner;
        }
    }
    if node.get("CaseExpr").is_some() {
        return "case".into();
    }
    if node.get("CoalesceExpr").is_some() {
        return "coalesce".into();
    }
    "?column?".into()
}

/// Every relation the query names (qualified), with the name columns use to refer to it.
pub(super) fn relation_names(tree: &Value) -> Vec<(QualifiedName, String)> {
    let mut out = Vec::new();
    walk(tree, &mut |map| {
        if let (Some(relname), Some(schema)) = (map.get("relname"), map.get("schemaname")) {
            let relname = relname.as_str().unwrap_or("").to_string();
            let alias = map
                .get("alias")
                .and_then(|a| a["aliasname"].as_str())
                .unwrap_or(&relname)
                .to_string();
            let schema = schema
                .as_str()
                .filter(|s| !s.is_empty())
                .unwrap_or("public");
            out.push((QualifiedName::new(schema, &relname), alias));
        }
    });
    out
}

/// `t.id` → `id` when `t` is a relation of the query.
pub(super) fn strip_qualifiers(tree: &mut Value, relations: &[String]) {
    walk_mut(tree, &mut |map| {
        if let Some(fields) = map
            .get_mut("ColumnRef")
            .and_then(|c| c["fields"].as_array_mut())
        {
            if fields.len() == 2
                && string_node(&fields[0]).is_some_and(|q| relations.iter().any(|r| r == q))
            {
                fields.remove(0);
            }
        }
    });
}

/// `AS id` on a column already called `id` is what the server adds.
pub(super) fn drop_implicit_names(tree: &mut Value) {
    walk_mut(tree, &mut |map| {
        if let Some(target) = map.get_mut("ResTarget") {
            let implicit = implicit_name(&target["val"]);
            if target["name"].as_str() == Some(implicit.as_str()) {
                target["name"] = json!("");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(sql: &str) -> View {
        let parsed = pg_query::parse(sql, 0).unwrap();
        let Some(NodeEnum::ViewStmt(stmt)) =
            parsed.protobuf.stmts[0].stmt.as_ref().unwrap().node.clone()
        else {
            panic!("not a view")
        };
        view(&stmt, |_| Some(vec!["id".into(), "name".into()]), None)
    }

    #[test]
    fn a_file_and_the_servers_print_compare_equal() {
        let written = of("CREATE VIEW v AS SELECT id, upper(name) FROM t WHERE id > 0");
        let printed =
            of("CREATE VIEW v AS SELECT t.id, upper(t.name) AS upper FROM t WHERE (t.id > 0)");
        assert_eq!(written.query, printed.query);
        assert_eq!(written.columns, vec!["id", "upper"]);
        assert_eq!(written.reads, vec![QualifiedName::new("public", "t")]);
        let star = of("CREATE VIEW v AS SELECT * FROM t");
        let expanded = of("CREATE VIEW v AS SELECT t.id, t.name FROM t");
        assert_eq!(star.query, expanded.query);
    }
}
