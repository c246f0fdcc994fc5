//! Triggers and policies from their statements, for both sources: the file's `CREATE
//! TRIGGER`/`CREATE POLICY`, or the same statements built from what the server printed
//! (`pg_get_triggerdef`, `pg_get_expr` of a policy's expressions).

use pg_query::protobuf::{CreatePolicyStmt, CreateTrigStmt, RoleSpecType};
use pg_query::{Node, NodeEnum};

use super::definitions::{deparse_expr, relation_name, string_of};
use super::expr::{normalize, referenced_columns, to_json};
use super::function::function_name;
use super::view::{drop_implicit_names, relation_names, strip_qualifiers};
use crate::model::{Expr, Policy, QualifiedName, Trigger, TriggerEnabled};

/// The model of a trigger. `sql` is the statement the server printed (`None` deparses the
/// file's, with the table and function qualified).
pub fn trigger(stmt: &CreateTrigStmt, sql: Option<String>) -> Trigger {
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
    // a built-in trigger function (`pg_catalog.suppress_redundant_updates_trigger`) is
    // printed unqualified, as a function in `public` is: both compare unqualified
    let written: Vec<String> = stmt.funcname.iter().filter_map(string_of).collect();
    let builtin = written.len() == 2 && written[0] == "pg_catalog";
    let function = function_name(&stmt.funcname[usize::from(builtin)..]);
    let schema = if builtin {
        "pg_catalog"
    } else {
        &function.schema
    };
    emitted.funcname = [schema, &function.name]
        .iter()
        .map(|s| string_node(s))
        .collect();
    let sql = sql.unwrap_or_else(|| {
        NodeEnum::CreateTrigStmt(Box::new(emitted.clone()))
            .deparse(Default::default())
            .unwrap_or_default()
    });
    let mut tree = to_json(&emitted);
    if function.schema == "public" {
        tree["funcname"] = to_json(&[string_node(&function.name)]);
    }
    normalize(&mut tree);
    let mut columns: Vec<String> = stmt.columns.iter().filter_map(string_of).collect();
    referenced_columns(&tree["when_clause"], &mut columns);
    columns.dedup();
    Trigger {
        table,
        name: stmt.trigname.clone(),
        definition: Expr {
            sql: sql.trim().trim_end_matches(';').to_string(),
            canonical: tree.to_string().into(),
        },
        function,
        columns,
        enabled: TriggerEnabled::Origin,
        comment: None,
    }
}

/// The model of a policy. `printed` holds the `USING` and `WITH CHECK` texts the server
/// printed (`None` deparses the file's).
pub fn policy(
    stmt: &CreatePolicyStmt,
    printed: Option<(Option<String>, Option<String>)>,
) -> Policy {
    let table = stmt
        .table
        .as_ref()
        .map(relation_name)
        .unwrap_or_else(|| QualifiedName::new("public", ""));
    let (using_sql, check_sql) = printed.unwrap_or_default();
    let mut columns = Vec::new();
    let mut reads = Vec::new();
    let mut expression = |node: &Option<Box<Node>>, sql: Option<String>| {
        let node = node.as_deref()?;
        let mut tree = to_json(node);
        drop_implicit_names(&mut tree);
        normalize(&mut tree);
        let relations = relation_names(&tree);
        let mut aliases: Vec<String> = relations.iter().map(|(_, a)| a.clone()).collect();
        aliases.push(table.name.clone());
        strip_qualifiers(&mut tree, &aliases);
        referenced_columns(&tree, &mut columns);
        reads.extend(
            relations
                .into_iter()
                .map(|(r, _)| r)
                .filter(|r| *r != table),
        );
        Some(Expr {
            sql: sql.unwrap_or_else(|| deparse_expr(node)),
            canonical: tree.to_string().into(),
        })
    };
    let using = expression(&stmt.qual, using_sql);
    let with_check = expression(&stmt.with_check, check_sql);
    reads.sort();
    reads.dedup();
    let mut roles: Vec<String> = stmt.roles.iter().filter_map(role_name).collect();
    // with PUBLIC in the list the server keeps only PUBLIC (and warns)
    if roles.is_empty() || roles.iter().any(|r| r == "public") {
        roles = vec!["public".into()];
    }
    roles.sort();
    roles.dedup();
    Policy {
        table,
        name: stmt.policy_name.clone(),
        permissive: stmt.permissive,
        command: stmt.cmd_name.to_uppercase(),
        roles,
        using,
        with_check,
        columns,
        reads,
        comment: None,
    }
}

/// A role of `TO …`: its name, `public` for `PUBLIC`.
pub fn role_name(node: &Node) -> Option<String> {
    match &node.node {
        Some(NodeEnum::RoleSpec(r)) => Some(match RoleSpecType::try_from(r.roletype) {
            Ok(RoleSpecType::RolespecPublic) => "public".into(),
            Ok(RoleSpecType::RolespecCurrentUser) => "current_user".into(),
            Ok(RoleSpecType::RolespecCurrentRole) => "current_role".into(),
            Ok(RoleSpecType::RolespecSessionUser) => "session_user".into(),
            _ => r.rolename.clone(),
        }),
        _ => None,
    }
}

pub(super) fn string_node(s: &str) -> Node {
    Node {
        node: Some(NodeEnum::String(pg_query::protobuf::String {
            sval: s.to_string(),
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(sql: &str) -> NodeEnum {
        pg_query::parse(sql, 0).unwrap().protobuf.stmts[0]
            .stmt
            .as_ref()
            .unwrap()
            .node
            .clone()
            .unwrap()
    }

    fn trigger_of(sql: &str) -> Trigger {
        let NodeEnum::CreateTrigStmt(stmt) = parsed(sql) else {
            panic!("not a trigger")
        };
        trigger(&stmt, None)
    }

    fn policy_of(sql: &str) -> Policy {
        let NodeEnum::CreatePolicyStmt(stmt) = parsed(sql) else {
            panic!("not a policy")
        };
        policy(&stmt, None)
    }

    #[test]
    fn a_file_and_the_servers_print_compare_equal() {
        let written = trigger_of(
            "CREATE TRIGGER t BEFORE UPDATE OF salary OR INSERT ON emp FOR EACH ROW \
             WHEN (NEW.salary IS NOT NULL) EXECUTE PROCEDURE stamp(1, 'a')",
        );
        let printed = trigger_of(
            "CREATE TRIGGER t BEFORE INSERT OR UPDATE OF salary ON public.emp FOR EACH ROW \
             WHEN ((new.salary IS NOT NULL)) EXECUTE FUNCTION public.stamp('1', 'a')",
        );
        assert_eq!(written, printed);
        assert_eq!(written.columns, vec!["salary"]);
        let written = policy_of(
            "CREATE POLICY p ON t TO app_writer, app_reader \
             USING (owner IN (SELECT name FROM members m WHERE m.team = t.team))",
        );
        let printed = policy_of(
            "CREATE POLICY p ON public.t AS PERMISSIVE FOR ALL TO app_reader, app_writer \
             USING ((owner IN ( SELECT m.name FROM members m WHERE (m.team = t.team))))",
        );
        assert_eq!(written, printed);
        assert_eq!(written.reads, vec![QualifiedName::new("public", "members")]);
        assert_eq!(written.roles, vec!["app_reader", "app_writer"]);
        assert_eq!(written.command, "ALL");
    }
}
