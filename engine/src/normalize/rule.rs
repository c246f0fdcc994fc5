//! Rewrite rules from their statements, for both sources: the file's `CREATE RULE`, or the
//! one `pg_get_ruledef` printed. The server qualifies the columns of the actions' relations,
//! lists the columns an `INSERT` fills and expands `RETURNING *`; the canonical form takes
//! the qualifiers away and completes the file's statement the same way, so both compare as
//! one tree.

use pg_query::protobuf::{CmdType, ColumnRef, ResTarget, RuleStmt};
use pg_query::{Node, NodeEnum};

use super::definitions::relation_name;
use super::expr::{normalize, to_json};
use super::trigger::string_node;
use super::view::{drop_implicit_names, relation_names, strip_qualifiers};
use crate::model::{Expr, QualifiedName, Rule, TriggerEnabled};

/// The model of a rule. `columns_of` gives the columns of the tables and views the file
/// defined, in order, to complete `INSERT` column lists and `RETURNING *` as the server
/// does; `sql` is the statement the server printed (`None` deparses the file's, with the
/// table qualified).
pub fn rule(
    stmt: &RuleStmt,
    columns_of: impl Fn(&QualifiedName) -> Option<Vec<String>>,
    sql: Option<String>,
) -> Rule {
    let mut emitted = stmt.clone();
    emitted.replace = false;
    let table = emitted
        .relation
        .as_ref()
        .map(relation_name)
        .unwrap_or_else(|| QualifiedName::new("public", ""));
    if let Some(relation) = emitted.relation.as_mut() {
        relation.schemaname = table.schema.clone();
    }
    let sql = sql.unwrap_or_else(|| {
        NodeEnum::RuleStmt(Box::new(emitted.clone()))
            .deparse(Default::default())
            .unwrap_or_default()
    });
    for action in &mut emitted.actions {
        complete(action, &columns_of);
    }
    // the table and the name are the rule's key: the server keeps a rule by its table's
    // OID, so a rule renamed, or on a table renamed, is the same rule
    emitted.relation = None;
    emitted.rulename = String::new();
    let mut tree = to_json(&emitted);
    drop_implicit_names(&mut tree);
    normalize(&mut tree);
    let relations = relation_names(&tree);
    let aliases: Vec<String> = relations.iter().map(|(_, a)| a.clone()).collect();
    strip_qualifiers(&mut tree, &aliases);
    let mut reads: Vec<QualifiedName> = relations
        .into_iter()
        .map(|(r, _)| r)
        .filter(|r| *r != table)
        .collect();
    reads.sort();
    reads.dedup();
    Rule {
        table,
        name: stmt.rulename.clone(),
        event: event_name(stmt.event).to_string(),
        instead: stmt.instead,
        definition: Expr {
            sql: sql.trim().trim_end_matches(';').to_string(),
            canonical: tree.to_string().into(),
        },
        reads,
        enabled: TriggerEnabled::Origin,
        comment: None,
    }
}

/// The rule renamed to `name` on `table` (its table renamed, or it), as the server keeps it:
/// the same definition, printed with the new names. The canonical form holds neither.
pub fn renamed(rule: &Rule, table: &QualifiedName, name: &str) -> Rule {
    let mut moved = rule.clone();
    moved.table = table.clone();
    moved.name = name.to_string();
    let parsed = pg_query::parse(&rule.definition.sql, 0).ok();
    let statement = parsed
        .and_then(|p| p.protobuf.stmts.into_iter().next())
        .and_then(|s| s.stmt)
        .and_then(|s| s.node);
    if let Some(NodeEnum::RuleStmt(mut stmt)) = statement {
        if let Some(relation) = stmt.relation.as_mut() {
            relation.schemaname = table.schema.clone();
            relation.relname = table.name.clone();
        }
        stmt.rulename = name.to_string();
        if let Ok(sql) = NodeEnum::RuleStmt(stmt).deparse(Default::default()) {
            moved.definition.sql = sql;
        }
    }
    moved
}

/// The names of the columns a rule reads or writes, of any of its relations (its condition's
/// and actions' column references, and the columns its `INSERT`s and `UPDATE`s set), or
/// `None` when it may use whole rows (`*`, `NEW` or `OLD` as a value).
pub fn columns_used(rule: &Rule) -> Option<Vec<String>> {
    let tree: serde_json::Value = serde_json::from_str(&rule.definition.canonical).ok()?;
    let mut names = Vec::new();
    let mut whole = false;
    super::expr::walk(&tree, &mut |map| {
        if let Some(fields) = map.get("ColumnRef").and_then(|c| c["fields"].as_array()) {
            let last = fields.last();
            match last.and_then(super::types::string_node) {
                Some("new" | "old") if fields.len() == 1 => whole = true,
                Some(name) => names.push(name.to_string()),
                None => whole = true,
            }
        }
        if let Some(name) = map.get("ResTarget").and_then(|t| t["name"].as_str()) {
            if !name.is_empty() {
                names.push(name.to_string());
            }
        }
    });
    names.sort();
    names.dedup();
    (!whole).then_some(names)
}

/// `SELECT`, `INSERT`, `UPDATE` or `DELETE`, as `ON …` spells the event.
pub fn event_name(event: i32) -> &'static str {
    match CmdType::try_from(event) {
        Ok(CmdType::CmdSelect) => "SELECT",
        Ok(CmdType::CmdInsert) => "INSERT",
        Ok(CmdType::CmdUpdate) => "UPDATE",
        _ => "DELETE",
    }
}

/// What the server adds to an action when it stores it: the columns an `INSERT` without a
/// column list fills (the first ones of its table, as many as it gives values), and the
/// columns of `RETURNING *`.
fn complete(action: &mut Node, columns_of: &impl Fn(&QualifiedName) -> Option<Vec<String>>) {
    let (relation, returning) = match action.node.as_mut() {
        Some(NodeEnum::InsertStmt(insert)) => {
            let Some(relation) = insert.relation.as_ref().map(relation_name) else {
                return;
            };
            let given = insert.select_stmt.as_deref().and_then(|s| match &s.node {
                Some(NodeEnum::SelectStmt(select)) => match select.values_lists.first() {
                    Some(Node {
                        node: Some(NodeEnum::List(row)),
                    }) => Some(row.items.len()),
                    _ if !select.target_list.iter().any(is_star) => Some(select.target_list.len()),
                    _ => None,
                },
                _ => None,
            });
            if let (true, Some(given), Some(columns)) =
                (insert.cols.is_empty(), given, columns_of(&relation))
            {
                insert.cols = columns
                    .into_iter()
                    .take(given)
                    .map(|name| target(name, None))
                    .collect();
            }
            (relation, insert.returning_clause.as_mut())
        }
        Some(NodeEnum::UpdateStmt(update)) => match update.relation.as_ref() {
            Some(r) => (relation_name(r), update.returning_clause.as_mut()),
            None => return,
        },
        Some(NodeEnum::DeleteStmt(delete)) => match delete.relation.as_ref() {
            Some(r) => (relation_name(r), delete.returning_clause.as_mut()),
            None => return,
        },
        _ => return,
    };
    let Some(returning) = returning else {
        return;
    };
    if returning.exprs.len() == 1 && is_star(&returning.exprs[0]) {
        if let Some(columns) = columns_of(&relation) {
            returning.exprs = columns
                .into_iter()
                .map(|name| {
                    let column = NodeEnum::ColumnRef(ColumnRef {
                        fields: vec![string_node(&name)],
                        location: 0,
                    });
                    target(String::new(), Some(column))
                })
                .collect();
        }
    }
}

/// A `ResTarget`: a named column of an `INSERT`, or an output expression.
fn target(name: String, value: Option<NodeEnum>) -> Node {
    Node {
        node: Some(NodeEnum::ResTarget(Box::new(ResTarget {
            name,
            indirection: Vec::new(),
            val: value.map(|node| Box::new(Node { node: Some(node) })),
            location: 0,
        }))),
    }
}

/// `*` as an output expression.
fn is_star(node: &Node) -> bool {
    let Some(NodeEnum::ResTarget(target)) = &node.node else {
        return false;
    };
    matches!(
        target.val.as_deref().and_then(|v| v.node.as_ref()),
        Some(NodeEnum::ColumnRef(c)) if matches!(c.fields.last().and_then(|f| f.node.as_ref()), Some(NodeEnum::AStar(_)))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_of(sql: &str) -> Rule {
        let parsed = pg_query::parse(sql, 0).unwrap();
        let Some(NodeEnum::RuleStmt(stmt)) =
            parsed.protobuf.stmts[0].stmt.as_ref().unwrap().node.clone()
        else {
            panic!("not a rule")
        };
        rule(
            &stmt,
            |name| match name.name.as_str() {
                "log" => Some(vec!["id".into(), "v".into(), "at".into()]),
                _ => Some(vec!["id".into(), "v".into()]),
            },
            None,
        )
    }

    #[test]
    fn a_file_and_the_servers_print_compare_equal() {
        let written = rule_of(
            "CREATE RULE r2 AS ON UPDATE TO t WHERE old.v IS DISTINCT FROM new.v DO INSTEAD \
             (UPDATE log SET v = new.v WHERE id = old.id; INSERT INTO log VALUES (new.id, new.v))",
        );
        let printed = rule_of(
            "CREATE RULE r2 AS\n    ON UPDATE TO public.t\n   WHERE (old.v IS DISTINCT FROM new.v) \
             DO INSTEAD ( UPDATE log SET v = new.v\n  WHERE (log.id = old.id);\n INSERT INTO log (id, v)\n  \
             VALUES (new.id, new.v);\n);",
        );
        assert_eq!(written.definition, printed.definition);
        assert_eq!(written.reads, vec![QualifiedName::new("public", "log")]);
        assert_eq!((written.event.as_str(), written.instead), ("UPDATE", true));
        let written =
            rule_of("CREATE RULE vi AS ON INSERT TO vw DO INSTEAD INSERT INTO t VALUES (new.id, new.v) RETURNING *");
        let printed = rule_of(
            "CREATE RULE vi AS\n    ON INSERT TO public.vw DO INSTEAD  INSERT INTO t (id, v)\n  \
             VALUES (new.id, new.v)\n  RETURNING t.id,\n    t.v;",
        );
        assert_eq!(written.definition, printed.definition);
        assert_eq!(columns_used(&written), Some(vec!["id".into(), "v".into()]));
        let whole = rule_of("CREATE RULE w AS ON INSERT TO t DO ALSO NOTIFY t_changed");
        assert_eq!(columns_used(&whole), Some(vec![]));
        let whole = rule_of("CREATE RULE w AS ON INSERT TO t DO ALSO SELECT row_to_json(NEW)");
        assert_eq!(columns_used(&whole), None);
        let nothing = rule_of("CREATE RULE r3 AS ON DELETE TO t DO INSTEAD NOTHING");
        let printed = rule_of("CREATE RULE r3 AS\n    ON DELETE TO public.t DO INSTEAD NOTHING;");
        assert_eq!(nothing.definition, printed.definition);
        let also = rule_of("CREATE RULE r3 AS ON DELETE TO t DO ALSO NOTHING");
        assert_ne!(nothing.definition, also.definition);
    }
}
