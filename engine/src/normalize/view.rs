//! Views from their queries, for both sources: the file's `CREATE VIEW`, or the query
//! `pg_get_viewdef` printed. The server qualifies column references with their relation and
//! names every output column; the canonical form takes both away again.

use pg_query::protobuf::{
    AExprKind, CreateTableAsStmt, DefElem, MinMaxOp, ObjectType, SqlValueFunctionOp, SubLinkType,
    ViewCheckOption, ViewStmt,
};
use pg_query::{Node, NodeEnum};
use std::collections::HashSet;

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
    resolve_sort_references(&mut tree);
    drop_implicit_names(&mut tree);
    normalize(&mut tree);
    let relations = as_printed(&mut tree);
    let mut options: Vec<String> = stmt
        .options
        .iter()
        .filter_map(|o| match &o.node {
            Some(NodeEnum::DefElem(d)) => Some(option_text(d)),
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
            canonical: tree.to_string().into(),
        },
        columns: output_columns(&query),
        options,
        reads,
        comment: None,
        column_comments: Default::default(),
        materialized: false,
        no_data: false,
    }
}

/// `CREATE MATERIALIZED VIEW` as the `CREATE VIEW` it reads like (name, column names,
/// storage options, query), so that one normalisation serves both kinds. `None` for
/// `CREATE TABLE … AS` and `SELECT … INTO`.
pub fn matview_stmt(stmt: &CreateTableAsStmt) -> Option<ViewStmt> {
    let into = stmt.into.as_deref()?;
    if stmt.objtype != ObjectType::ObjectMatview as i32 {
        return None;
    }
    Some(ViewStmt {
        view: into.rel.clone(),
        aliases: into.col_names.clone(),
        query: stmt.query.clone(),
        options: into.options.clone(),
        ..Default::default()
    })
}

/// `name=value` as the server keeps a relation option; a bare name means `true`.
pub fn option_text(option: &DefElem) -> String {
    format!(
        "{}={}",
        option.defname,
        option
            .arg
            .as_deref()
            .map(option_value)
            .unwrap_or_else(|| "true".into())
    )
}

/// Whether `CREATE OR REPLACE VIEW` can turn `from` into `to` with the columns keeping their
/// types: both are plain `SELECT`s, and every column of `from` is still there, in its place,
/// computed by the same expression over the same relations; new columns come last. The
/// model has no column types, so an expression that changes is left to drop and create.
pub fn replaceable(from: &View, to: &View) -> bool {
    let targets = |view: &View| -> Option<Vec<Value>> {
        let tree: Value = serde_json::from_str(&view.query.canonical).ok()?;
        let select = &tree["node"]["SelectStmt"];
        if select["larg"].is_object() || select["rarg"].is_object() {
            return None;
        }
        select["target_list"].as_array().cloned()
    };
    let (Some(old), Some(new)) = (targets(from), targets(to)) else {
        return false;
    };
    !from.materialized
        && !to.materialized
        && from.reads == to.reads
        && to.columns.starts_with(&from.columns)
        && new.starts_with(&old)
}

/// Takes away the relation qualifiers the server adds on columns when it prints a normalised
/// query. Returns the relations the query names.
pub fn as_printed(tree: &mut Value) -> Vec<(QualifiedName, String)> {
    let relations = relation_names(tree);
    let mut names: Vec<String> = relations.iter().map(|(_, n)| n.clone()).collect();
    names.extend(derived_aliases(tree));
    strip_qualifiers(tree, &names);
    relations
}

/// The aliases of functions and subqueries in `FROM`, which qualify columns as a relation's
/// do. The server names the column of a function returning a scalar after its alias
/// (`generate_series(1, 3) n` is printed `n(n)`): that column list goes.
fn derived_aliases(tree: &mut Value) -> Vec<String> {
    let mut aliases = Vec::new();
    walk_mut(tree, &mut |map| {
        let kind = ["RangeFunction", "RangeSubselect"]
            .into_iter()
            .find(|kind| map.contains_key(*kind));
        let Some(alias) = kind
            .and_then(|kind| map.get_mut(kind))
            .map(|from| &mut from["alias"])
        else {
            return;
        };
        let Some(name) = alias["aliasname"].as_str().map(str::to_string) else {
            return;
        };
        let columns = alias["colnames"].as_array().map(|c| c.as_slice());
        if let Some([column]) = columns {
            if string_node(column) == Some(name.as_str()) {
                alias["colnames"] = json!([]);
            }
        }
        aliases.push(name);
    });
    aliases
}

/// The names of the columns a view's query reads from its relations (`JOIN … USING`
/// included), or `None` when it reads whole rows (`*` left unexpanded, a relation used as a
/// value, `NATURAL JOIN`): then any column may be read.
pub fn referenced_columns(view: &View) -> Option<HashSet<String>> {
    let tree: Value = serde_json::from_str(&view.query.canonical).ok()?;
    let relations: HashSet<String> = relation_names(&tree).into_iter().map(|(_, a)| a).collect();
    let mut columns = HashSet::new();
    let mut whole_rows = false;
    walk(&tree, &mut |map| {
        if let Some(fields) = map.get("ColumnRef").and_then(|c| c["fields"].as_array()) {
            match fields.last().and_then(string_node) {
                Some(name) if fields.len() == 1 && relations.contains(name) => whole_rows = true,
                Some(name) => {
                    columns.insert(name.to_string());
                }
                None => whole_rows = true,
            }
        }
        if let Some(join) = map.get("JoinExpr") {
            whole_rows |= join["is_natural"].as_bool() == Some(true);
            for name in join["using_clause"].as_array().into_iter().flatten() {
                columns.extend(string_node(name).map(str::to_string));
            }
        }
    });
    (!whole_rows).then_some(columns)
}

/// An option's value as the server stores it in `reloptions`.
pub fn option_value(node: &Node) -> String {
    match &node.node {
        Some(NodeEnum::String(s)) => s.sval.to_lowercase(),
        Some(NodeEnum::Boolean(b)) => b.boolval.to_string(),
        Some(NodeEnum::Integer(i)) => i.ival.to_string(),
        Some(NodeEnum::Float(f)) => f.fval.clone(),
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

/// `SELECT *` over one relation the file defined, and `t.*` over any relation `t` of the
/// `FROM` clause the file defined, become their columns, as the server expands them when it
/// creates the view. A bare `*` over a join is left alone (`USING` merges columns).
fn expand_star(query: &mut Node, columns_of: &impl Fn(&QualifiedName) -> Option<Vec<String>>) {
    let Some(NodeEnum::SelectStmt(select)) = query.node.as_mut() else {
        return;
    };
    let mut relations = Vec::new();
    for item in &select.from_clause {
        from_relations(item, &mut relations);
    }
    let single = match select.from_clause.as_slice() {
        [from] => match &from.node {
            Some(NodeEnum::RangeVar(r)) => Some(relation_name(r)),
            _ => None,
        },
        _ => None,
    };
    let mut targets = Vec::new();
    for target in &select.target_list {
        let star = star_qualifier(target);
        let expansion = match &star {
            Some(None) => single.as_ref().and_then(columns_of).map(|c| (None, c)),
            Some(Some(qualifier)) => relations
                .iter()
                .find(|(_, alias)| alias == qualifier)
                .and_then(|(name, _)| columns_of(name))
                .map(|c| (Some(qualifier.clone()), c)),
            None => None,
        };
        let Some((qualifier, columns)) = expansion else {
            targets.push(target.clone());
            continue;
        };
        for column in columns {
            let fields = qualifier.iter().chain([&column]).map(|f| string_value(f));
            targets.push(Node {
                node: Some(NodeEnum::ResTarget(Box::new(
                    pg_query::protobuf::ResTarget {
                        val: Some(Box::new(Node {
                            node: Some(NodeEnum::ColumnRef(pg_query::protobuf::ColumnRef {
                                fields: fields.collect(),
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

fn string_value(value: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(pg_query::protobuf::String {
            sval: value.to_string(),
        })),
    }
}

/// `Some(None)` for a target `*`, `Some(Some(t))` for `t.*`.
fn star_qualifier(target: &Node) -> Option<Option<String>> {
    let Some(NodeEnum::ResTarget(t)) = &target.node else {
        return None;
    };
    let Some(NodeEnum::ColumnRef(c)) = t.val.as_deref().and_then(|v| v.node.as_ref()) else {
        return None;
    };
    match c.fields.as_slice() {
        [last] if matches!(last.node, Some(NodeEnum::AStar(_))) => Some(None),
        [qualifier, last] if matches!(last.node, Some(NodeEnum::AStar(_))) => {
            string_of(qualifier).map(Some)
        }
        _ => None,
    }
}

/// The relations of a `FROM` item, through joins, with the name columns refer to them by.
fn from_relations(item: &Node, out: &mut Vec<(QualifiedName, String)>) {
    match &item.node {
        Some(NodeEnum::RangeVar(r)) => {
            let alias = r
                .alias
                .as_ref()
                .map(|a| a.aliasname.clone())
                .unwrap_or_else(|| r.relname.clone());
            out.push((relation_name(r), alias));
        }
        Some(NodeEnum::JoinExpr(j)) => {
            for side in [&j.larg, &j.rarg].into_iter().flatten() {
                from_relations(side, out);
            }
        }
        _ => {}
    }
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
    figure_name(value).map_or_else(|| "?column?".into(), |(name, _)| name)
}

/// A cast's type names its column only when what it casts has no stronger name.
const WEAK: u8 = 1;
const STRONG: u8 = 2;

/// `FigureColnameInternal`: the name a node suggests, and how strongly.
fn figure_name(value: &Value) -> Option<(String, u8)> {
    let node = &value["node"];
    let last = |names: &Value| {
        (names.as_array()?.last())
            .and_then(string_node)
            .map(str::to_string)
    };
    let strong = |name: &str| Some((name.to_string(), STRONG));
    let (kind, body) = node.as_object()?.iter().next()?;
    match kind.as_str() {
        "ColumnRef" => last(&body["fields"]).map(|name| (name, STRONG)),
        "AIndirection" => last(&body["indirection"]).map(|name| (name, STRONG)),
        "FuncCall" => last(&body["funcname"]).map(|name| (name, STRONG)),
        "TypeCast" => match figure_name(&body["arg"]) {
            Some((name, STRONG)) => Some((name, STRONG)),
            inner => (last(&body["type_name"]["names"]).map(|name| (name, WEAK))).or(inner),
        },
        "CollateClause" => figure_name(&body["arg"]),
        "CaseExpr" => Some(("case".into(), WEAK)),
        "CoalesceExpr" => strong("coalesce"),
        "AArrayExpr" => strong("array"),
        "RowExpr" => strong("row"),
        "GroupingFunc" => strong("grouping"),
        "MinMaxExpr" => match MinMaxOp::try_from(body["op"].as_i64()? as i32).ok()? {
            MinMaxOp::IsGreatest => strong("greatest"),
            MinMaxOp::IsLeast => strong("least"),
            MinMaxOp::Undefined => None,
        },
        "AExpr" if body["kind"].as_i64() == Some(AExprKind::AexprNullif as i64) => strong("nullif"),
        "SqlvalueFunction" => {
            let op = SqlValueFunctionOp::try_from(body["op"].as_i64()? as i32).ok()?;
            let name = op.as_str_name().strip_prefix("SVFOP_")?;
            strong(&name.trim_end_matches("_N").to_ascii_lowercase())
        }
        "SubLink" => match SubLinkType::try_from(body["sub_link_type"].as_i64()? as i32).ok()? {
            SubLinkType::ExistsSublink => strong("exists"),
            SubLinkType::ArraySublink => strong("array"),
            SubLinkType::ExprSublink | SubLinkType::MultiexprSublink => {
                let first = &body["subselect"]["node"]["SelectStmt"]["target_list"][0];
                let target = &first["node"]["ResTarget"];
                match target["name"].as_str() {
                    Some(name) if !name.is_empty() => strong(name),
                    _ => figure_name(&target["val"]).map(|(name, _)| (name, STRONG)),
                }
            }
            _ => None,
        },
        _ => None,
    }
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

/// `ORDER BY total` (an output column's name) and `ORDER BY 2`, `GROUP BY 2` (its position)
/// as the server prints them: the output column's expression, unless it is a constant.
fn resolve_sort_references(tree: &mut Value) {
    walk_mut(tree, &mut |map| {
        let Some(select) = map.get_mut("SelectStmt") else {
            return;
        };
        let targets: Vec<(String, Value)> = (select["target_list"].as_array().into_iter())
            .flatten()
            .map(|target| &target["node"]["ResTarget"])
            .map(|target| match target["name"].as_str() {
                Some(name) if !name.is_empty() => (name.to_string(), target["val"].clone()),
                _ => (implicit_name(&target["val"]), target["val"].clone()),
            })
            .collect();
        let expression_at = |reference: &Value, by_name: bool| {
            let node = &reference["node"];
            let position = node["AConst"]["val"]["Ival"]["ival"].as_u64();
            let found = match position {
                Some(position) => targets.get((position as usize).checked_sub(1)?),
                None if by_name => {
                    let fields = node["ColumnRef"]["fields"].as_array()?;
                    let name = fields
                        .first()
                        .and_then(string_node)
                        .filter(|_| fields.len() == 1)?;
                    let mut named = targets.iter().filter(|(n, _)| n == name);
                    named.next().filter(|_| named.next().is_none())
                }
                None => None,
            };
            found
                .map(|(_, val)| val.clone())
                .filter(|val| val["node"].get("AConst").is_none())
        };
        for sort in (select["sort_clause"].as_array_mut().into_iter()).flatten() {
            let reference = &mut sort["node"]["SortBy"]["node"];
            if let Some(expression) = expression_at(reference, true) {
                *reference = expression;
            }
        }
        for group in (select["group_clause"].as_array_mut().into_iter()).flatten() {
            if let Some(expression) = expression_at(group, false) {
                *group = expression;
            }
        }
    });
}

/// `AS id` on a column already called `id` is what the server adds. Run on the tree as parsed,
/// before `normalize` takes away the casts that name columns.
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
        let appended = of("CREATE VIEW v AS SELECT id, upper(name), 1 AS one FROM t WHERE true");
        assert!(replaceable(&written, &appended));
        assert!(!replaceable(&appended, &written));
        let retyped = of("CREATE VIEW v AS SELECT id, length(name) AS upper FROM t");
        assert!(!replaceable(&written, &retyped));
        let read = |sql: &str| {
            referenced_columns(&of(sql)).map(|c| {
                let mut c: Vec<_> = c.into_iter().collect();
                c.sort();
                c
            })
        };
        assert_eq!(
            read("CREATE VIEW v AS SELECT a.x FROM a JOIN b USING (id) WHERE y > 0"),
            Some(vec!["id".into(), "x".into(), "y".into()])
        );
        assert_eq!(read("CREATE VIEW v AS SELECT row_to_json(a) FROM a"), None);
        assert_eq!(
            read("CREATE VIEW v AS SELECT * FROM a JOIN b ON true"),
            None
        );
        let named = |expression: &str| {
            let sql = format!("CREATE VIEW v AS SELECT {expression} FROM t");
            of(&sql).columns.join(",")
        };
        for (expression, name) in [
            ("'b'::e", "e"),
            ("id::text", "id"),
            ("1::integer", "int4"),
            ("CASE WHEN id > 0 THEN 1 END", "case"),
            ("CASE WHEN id > 0 THEN 1 END::text", "text"),
            ("current_date", "current_date"),
            ("current_timestamp(2)", "current_timestamp"),
            ("greatest(id, 1)", "greatest"),
            ("nullif(id, 1)", "nullif"),
            ("(SELECT max(id) FROM t)", "max"),
            ("EXISTS (SELECT 1)", "exists"),
            ("ARRAY[1]", "array"),
            ("ROW(1, 2)", "row"),
            ("id + 1", "?column?"),
        ] {
            assert_eq!(named(expression), name, "{expression}");
        }
        let sorted = of("CREATE VIEW v AS SELECT id, count(*) AS n FROM t GROUP BY 1 ORDER BY n DESC, 1 ASC NULLS LAST");
        let printed = of("CREATE VIEW v AS SELECT id, count(*) AS n FROM t GROUP BY id ORDER BY (count(*)) DESC, id");
        assert_eq!(sorted.query, printed.query);
        let series = of("CREATE VIEW v AS SELECT n FROM generate_series(1, 3) n");
        let printed = of("CREATE VIEW v AS SELECT n.n FROM generate_series(1, 3) n(n)");
        assert_eq!(series.query, printed.query);
        let derived = of("CREATE VIEW v AS SELECT id FROM (SELECT id FROM t) d");
        let printed = of("CREATE VIEW v AS SELECT d.id FROM (SELECT t.id FROM t) d");
        assert_eq!(derived.query, printed.query);
        let star = of("CREATE VIEW v AS SELECT * FROM t");
        let expanded = of("CREATE VIEW v AS SELECT t.id, t.name FROM t");
        assert_eq!(star.query, expanded.query);
    }
}
