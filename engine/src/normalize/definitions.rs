//! Constraints and indexes from their parse trees, for both sources: the desired-state
//! parser hands over the nodes of the file, the live loader parses what
//! `pg_get_constraintdef` and `pg_get_indexdef` printed.

use pg_query::protobuf::{
    self, AlterTableCmd, AlterTableStmt, AlterTableType, ConstrType, DropBehavior, ObjectType,
    RangeVar,
};
use pg_query::{Node, NodeEnum};
use serde_json::json;

use super::expr::{normalize, referenced_columns, to_json};
use crate::model::{Constraint, ConstraintKind, Expr, ForeignKeyTarget, Index, QualifiedName};

/// The schema of a parsed relation: unqualified means `public` (the search path both sources
/// are read with).
pub fn relation_name(relation: &RangeVar) -> QualifiedName {
    let schema = if relation.schemaname.is_empty() {
        "public"
    } else {
        &relation.schemaname
    };
    QualifiedName::new(schema, &relation.relname)
}

/// The model of a constraint node whose keys are complete (column constraints already turned
/// into table constraints, foreign key target columns filled in). `sql` is the text to emit
/// after `ADD CONSTRAINT name`; `None` deparses the node.
pub fn constraint(node: &protobuf::Constraint, name: &str, sql: Option<String>) -> Constraint {
    let kind = match ConstrType::try_from(node.contype) {
        Ok(ConstrType::ConstrPrimary) => ConstraintKind::PrimaryKey,
        Ok(ConstrType::ConstrUnique) => ConstraintKind::Unique,
        Ok(ConstrType::ConstrForeign) => ConstraintKind::ForeignKey,
        Ok(ConstrType::ConstrExclusion) => ConstraintKind::Exclusion,
        _ => ConstraintKind::Check,
    };
    let mut comparable = node.clone();
    comparable.conname = String::new();
    comparable.skip_validation = false;
    comparable.initially_valid = false;
    let sql = sql.unwrap_or_else(|| {
        // emitted with the referenced table qualified, whatever the search path
        let mut emitted = comparable.clone();
        if let Some(target) = emitted.pktable.as_mut() {
            target.schemaname = relation_name(target).schema;
        }
        deparse_constraint(&emitted)
    });

    let mut columns = Vec::new();
    for list in [&node.keys, &node.including, &node.fk_attrs] {
        columns.extend(list.iter().filter_map(string_of));
    }
    // one tree serves both: the columns are read before it is normalised
    let mut tree = to_json(&comparable);
    referenced_columns(&tree["raw_expr"], &mut columns);
    referenced_columns(&tree["exclusions"], &mut columns);
    referenced_columns(&tree["where_clause"], &mut columns);
    columns.dedup();
    normalize(&mut tree);

    let foreign_key = node.pktable.as_ref().map(|target| ForeignKeyTarget {
        table: relation_name(target),
        columns: node.pk_attrs.iter().filter_map(string_of).collect(),
    });
    Constraint {
        name: name.to_string(),
        kind,
        definition: Expr {
            sql,
            canonical: tree.to_string().into(),
        },
        columns,
        foreign_key,
        not_valid: node.skip_validation,
        comment: None,
    }
}

/// The text of a `String` node.
pub fn string_of(node: &Node) -> Option<String> {
    match &node.node {
        Some(NodeEnum::String(s)) => Some(s.sval.clone()),
        _ => None,
    }
}

/// The name parts of an object a statement names: a list of strings (`DROP`, `COMMENT`), a
/// type name (a definition's argument: `TEMPLATE = pg_catalog.simple`), or a single string.
pub fn names_of(node: &Node) -> Vec<Node> {
    match &node.node {
        Some(NodeEnum::List(list)) => list.items.clone(),
        Some(NodeEnum::TypeName(t)) => t.names.clone(),
        Some(NodeEnum::String(_)) => vec![node.clone()],
        _ => Vec::new(),
    }
}

/// Deparses a constraint through a stub `ALTER TABLE` and keeps what follows `ADD`.
fn deparse_constraint(node: &protobuf::Constraint) -> String {
    let stmt = AlterTableStmt {
        relation: Some(RangeVar {
            relname: "t".into(),
            inh: true,
            relpersistence: "p".into(),
            ..Default::default()
        }),
        cmds: vec![Node {
            node: Some(NodeEnum::AlterTableCmd(Box::new(AlterTableCmd {
                subtype: AlterTableType::AtAddConstraint as i32,
                def: Some(Box::new(Node {
                    node: Some(NodeEnum::Constraint(Box::new(node.clone()))),
                })),
                behavior: DropBehavior::DropRestrict as i32,
                ..Default::default()
            }))),
        }],
        objtype: ObjectType::ObjectTable as i32,
        missing_ok: false,
    };
    let text = NodeEnum::AlterTableStmt(stmt)
        .deparse(Default::default())
        .unwrap_or_default();
    text.strip_prefix("ALTER TABLE t ADD ")
        .unwrap_or(&text)
        .to_string()
}

/// The model of a `CREATE INDEX` statement. `sql` is the statement to emit; `None`
/// deparses the node with its name and schema filled in.
pub fn index(stmt: &protobuf::IndexStmt, name: &str, sql: Option<String>) -> Index {
    let relation = stmt.relation.clone().unwrap_or_default();
    let table = relation_name(&relation);
    let mut emitted = stmt.clone();
    emitted.idxname = name.to_string();
    // the server prints an index of a partitioned table `ON ONLY` (it is attached to its
    // partitions' indexes one by one); created without ONLY, it builds them too
    if let Some(relation) = emitted.relation.as_mut() {
        relation.inh = true;
    }
    let sql = sql.map(|s| s.replacen(" ON ONLY ", " ON ", 1));
    emitted.concurrent = false;
    emitted.if_not_exists = false;
    if emitted.access_method.is_empty() {
        emitted.access_method = "btree".into();
    }
    if let Some(relation) = emitted.relation.as_mut() {
        relation.schemaname = table.schema.clone();
    }
    let sql = sql.unwrap_or_else(|| {
        NodeEnum::IndexStmt(Box::new(emitted.clone()))
            .deparse(Default::default())
            .unwrap_or_default()
    });
    let mut comparable = to_json(&emitted);
    let mut columns = Vec::new();
    for param in stmt.index_params.iter().chain(&stmt.index_including_params) {
        if let Some(NodeEnum::IndexElem(elem)) = &param.node {
            if !elem.name.is_empty() {
                columns.push(elem.name.clone());
            }
        }
    }
    // read before the tree is normalised
    referenced_columns(&comparable["index_params"], &mut columns);
    referenced_columns(&comparable["where_clause"], &mut columns);
    columns.dedup();
    comparable["idxname"] = json!("");
    normalize(&mut comparable);
    Index {
        name: QualifiedName::new(&table.schema, name),
        table,
        unique: stmt.unique,
        definition: Expr {
            sql,
            canonical: comparable.to_string().into(),
        },
        columns,
        comment: None,
    }
}

/// `index` under `name`, reading column `to` wherever it read `from`: the copy of an index
/// that a retyped column's shadow gets. `None` when its statement does not parse back.
pub fn index_on_renamed_column(index: &Index, from: &str, to: &str, name: &str) -> Option<Index> {
    let parsed = pg_query::parse(&index.definition.sql, 0).ok()?;
    let Some(NodeEnum::IndexStmt(mut stmt)) = parsed.protobuf.stmts.first()?.stmt.clone()?.node
    else {
        return None;
    };
    for param in stmt
        .index_params
        .iter_mut()
        .chain(stmt.index_including_params.iter_mut())
    {
        if let Some(NodeEnum::IndexElem(elem)) = param.node.as_mut() {
            if elem.name == from {
                elem.name = to.to_string();
            }
            if let Some(expr) = elem.expr.as_mut() {
                **expr = renamed_in_expression(expr, from, to)?;
            }
        }
    }
    if let Some(predicate) = stmt.where_clause.as_mut() {
        **predicate = renamed_in_expression(predicate, from, to)?;
    }
    Some(self::index(&stmt, name, None))
}

/// The tree of a built constraint, parsed back from its text, with its name and validity.
pub fn constraint_tree(constraint: &Constraint) -> Option<protobuf::Constraint> {
    let sql = format!("ALTER TABLE t ADD {}", constraint.definition.sql);
    let parsed = pg_query::parse(&sql, 0).ok()?;
    let Some(NodeEnum::AlterTableStmt(stmt)) = parsed.protobuf.stmts.first()?.stmt.clone()?.node
    else {
        return None;
    };
    let Some(NodeEnum::AlterTableCmd(cmd)) = stmt.cmds.first()?.node.clone() else {
        return None;
    };
    let Some(NodeEnum::Constraint(mut node)) = cmd.def?.node else {
        return None;
    };
    node.conname.clone_from(&constraint.name);
    node.skip_validation = constraint.not_valid;
    node.initially_valid = !constraint.not_valid;
    Some(*node)
}

/// `constraint` under `name`, on column `to` wherever it was on `from` (a foreign key's
/// referenced columns are another table's and stay).
pub fn constraint_on_renamed_column(
    constraint: &Constraint,
    from: &str,
    to: &str,
    name: &str,
) -> Option<Constraint> {
    let mut node = constraint_tree(constraint)?;
    for keys in [&mut node.keys, &mut node.including, &mut node.fk_attrs] {
        rename_keys(keys, from, to);
    }
    if let Some(expr) = node.raw_expr.as_mut() {
        **expr = renamed_in_expression(expr, from, to)?;
    }
    Some(self::constraint(&node, name, None))
}

/// Renames `from` to `to` in a list of column names (a constraint's keys).
pub fn rename_keys(keys: &mut [Node], from: &str, to: &str) {
    for key in keys {
        if let Some(NodeEnum::String(s)) = key.node.as_mut() {
            if s.sval == from {
                s.sval = to.to_string();
            }
        }
    }
}

/// An expression node reading column `to` wherever it read `from` unqualified: the
/// expression is printed, the references respelled at the positions the parser gives them,
/// and the text parsed again, so that every kind of node is covered.
fn renamed_in_expression(node: &Node, from: &str, to: &str) -> Option<Node> {
    let text = format!("SELECT {}", deparse_expr(node));
    let parsed = pg_query::parse(&text, 0).ok()?;
    let mut starts = Vec::new();
    super::expr::walk(&to_json(&parsed.protobuf), &mut |map| {
        let Some(reference) = map.get("ColumnRef") else {
            return;
        };
        let fields = reference["fields"].as_array();
        let unqualified = fields.is_some_and(|f| f.len() == 1)
            && fields.and_then(|f| f[0]["node"]["String"]["sval"].as_str()) == Some(from);
        if let (true, Some(start)) = (unqualified, reference["location"].as_u64()) {
            starts.push(start as usize);
        }
    });
    starts.sort_unstable();
    let mut respelled = String::with_capacity(text.len());
    let mut copied = 0;
    for start in starts {
        let end = start + identifier_length(&text[start..]);
        respelled.push_str(&text[copied..start]);
        respelled.push_str(&crate::render::quote::quote_ident(to));
        copied = end;
    }
    respelled.push_str(&text[copied..]);
    let reparsed = pg_query::parse(&respelled, 0).ok()?;
    let Some(NodeEnum::SelectStmt(select)) = reparsed.protobuf.stmts.first()?.stmt.clone()?.node
    else {
        return None;
    };
    let Some(NodeEnum::ResTarget(target)) = select.target_list.first()?.node.clone() else {
        return None;
    };
    target.val.map(|v| *v)
}

/// The length in bytes of the identifier `text` starts with, quoted or not.
fn identifier_length(text: &str) -> usize {
    let Some(quoted) = text.strip_prefix('"') else {
        return text
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(text.len());
    };
    let mut rest = quoted;
    let mut length = 1;
    while let Some(close) = rest.find('"') {
        length += close + 1;
        rest = &rest[close + 1..];
        // a doubled quote is a quote inside the name
        match rest.strip_prefix('"') {
            Some(after) => {
                length += 1;
                rest = after;
            }
            None => break,
        }
    }
    length
}

/// A relation's storage parameters (`WITH (fillfactor = 70)`) as `reloptions` lists them,
/// sorted; those of its TOAST table (`toast.…`) are left out.
pub fn storage_options(options: &[Node]) -> Vec<String> {
    let mut out: Vec<String> = options
        .iter()
        .filter_map(|o| match &o.node {
            Some(NodeEnum::DefElem(d)) if d.defnamespace.is_empty() => Some(format!(
                "{}={}",
                d.defname,
                d.arg
                    .as_deref()
                    .map_or("true".into(), super::view::option_value)
            )),
            _ => None,
        })
        .collect();
    out.sort();
    out
}

/// The `REPLICA IDENTITY` of a statement, in the model's terms (`None` for `DEFAULT`).
pub fn replica_identity(stmt: &protobuf::ReplicaIdentityStmt) -> Option<String> {
    match stmt.identity_type.as_str() {
        "f" => Some("FULL".into()),
        "n" => Some("NOTHING".into()),
        "i" => Some(format!(
            "USING INDEX {}",
            crate::render::quote::quote_ident(&stmt.name)
        )),
        _ => None,
    }
}

/// Deparses an expression node by itself.
pub fn deparse_expr(node: &Node) -> String {
    let select = protobuf::SelectStmt {
        target_list: vec![Node {
            node: Some(NodeEnum::ResTarget(Box::new(protobuf::ResTarget {
                val: Some(Box::new(node.clone())),
                ..Default::default()
            }))),
        }],
        op: protobuf::SetOperation::SetopNone as i32,
        limit_option: protobuf::LimitOption::Default as i32,
        ..Default::default()
    };
    let text = NodeEnum::SelectStmt(Box::new(select))
        .deparse(Default::default())
        .unwrap_or_default();
    text.strip_prefix("SELECT ").unwrap_or(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_stmt(sql: &str) -> NodeEnum {
        let parsed = pg_query::parse(sql, 0).unwrap();
        parsed.protobuf.stmts[0]
            .stmt
            .as_ref()
            .unwrap()
            .node
            .clone()
            .unwrap()
    }

    fn constraint_of(sql: &str) -> Constraint {
        let NodeEnum::AlterTableStmt(stmt) = first_stmt(sql) else {
            panic!("not an ALTER TABLE")
        };
        let Some(NodeEnum::AlterTableCmd(cmd)) = &stmt.cmds[0].node else {
            panic!()
        };
        let Some(NodeEnum::Constraint(c)) = cmd.def.as_ref().unwrap().node.as_ref() else {
            panic!()
        };
        constraint(c, &c.conname, None)
    }

    #[test]
    fn constraint_definitions_compare_as_trees() {
        let written = constraint_of(
            "ALTER TABLE t ADD CONSTRAINT c CHECK (price > 0 AND status IN ('a','b'))",
        );
        let printed = constraint_of(
            "ALTER TABLE t ADD CONSTRAINT c CHECK (((price > (0)::numeric) AND ((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))))",
        );
        assert_eq!(written.definition, printed.definition);
        assert_eq!(
            written.definition.sql,
            "CHECK (price > 0 AND status IN ('a', 'b'))"
        );
        assert_eq!(written.columns, vec!["price", "status"]);
    }

    #[test]
    fn foreign_keys_resolve_the_schema() {
        let written = constraint_of("ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES public.p (id) ON DELETE CASCADE NOT VALID");
        let printed = constraint_of(
            "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES p(id) ON DELETE CASCADE",
        );
        assert_eq!(written.definition, printed.definition);
        assert!(written.not_valid);
        assert_eq!(
            written.foreign_key.unwrap().table,
            QualifiedName::new("public", "p")
        );
    }

    #[test]
    fn index_defaults_are_not_differences() {
        let index_of = |sql: &str| {
            let NodeEnum::IndexStmt(stmt) = first_stmt(sql) else {
                panic!()
            };
            index(&stmt, "i", None)
        };
        let written =
            index_of("CREATE INDEX i ON t (a ASC NULLS LAST, lower(b)) WHERE c IS NOT NULL");
        let printed = index_of(
            "CREATE INDEX i ON public.t USING btree (a, lower((b)::text)) WHERE (c IS NOT NULL)",
        );
        assert_eq!(written.definition, printed.definition);
        assert_eq!(written.columns, vec!["a", "b", "c"]);
    }

    fn index_of(sql: &str) -> Index {
        let NodeEnum::IndexStmt(stmt) = first_stmt(sql) else {
            panic!("not a CREATE INDEX")
        };
        index(&stmt, &stmt.idxname, Some(sql.to_string()))
    }

    #[test]
    fn an_index_moves_to_another_column_wherever_it_reads_it() {
        let original = index_of(
            "CREATE INDEX i ON public.t USING btree (a, lower(a::text), \"a\" DESC) INCLUDE (a) WHERE a > 0 AND t.a IS NOT NULL AND b = 'a'",
        );
        let moved = index_on_renamed_column(&original, "a", "new a", "j").expect("it parses");
        assert_eq!(
            moved.definition.sql,
            "CREATE INDEX j ON public.t USING btree (\"new a\", lower(\"new a\"::text), \"new a\" DESC) INCLUDE (\"new a\") WHERE \"new a\" > 0 AND t.a IS NOT NULL AND b = 'a'"
        );
        assert_eq!(moved.name.name, "j");
    }

    #[test]
    fn a_constraint_moves_to_another_column_but_not_its_referenced_ones() {
        let original =
            constraint_of("ALTER TABLE t ADD CONSTRAINT c FOREIGN KEY (a, b) REFERENCES u (a, b)");
        let moved = constraint_on_renamed_column(&original, "a", "z", "d").expect("it parses");
        assert_eq!(
            moved.definition.sql,
            "FOREIGN KEY (z, b) REFERENCES public.u (a, b)"
        );
        assert_eq!(moved.name, "d");
        let check = constraint_of("ALTER TABLE t ADD CONSTRAINT c CHECK (\"a\" > 0 OR a IS NULL)");
        let moved = constraint_on_renamed_column(&check, "a", "z", "d").expect("it parses");
        assert_eq!(moved.definition.sql, "CHECK (z > 0 OR z IS NULL)");
        assert_eq!(moved.columns, vec!["z"]);
    }

    #[test]
    fn identifiers_end_where_the_name_ends() {
        assert_eq!(identifier_length("abc_1 > 0"), 5);
        assert_eq!(identifier_length("\"a \"\"b\"\"\" + 1"), 9);
        assert_eq!(identifier_length("\"x\""), 3);
    }
}
