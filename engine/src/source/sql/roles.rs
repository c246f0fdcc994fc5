//! Role set-up. Roles belong to the cluster, not to a database's schema: `CREATE ROLE` and
//! its kin, and the idempotent `DO` blocks that wrap them, are reported as not managed. Any
//! other `DO` block needs a server to run it.

use pg_query::protobuf::DoStmt;
use pg_query::NodeEnum;
use serde_json::Value;

use super::Builder;
use crate::normalize::expr::{to_json, walk};
use crate::normalize::types::string_node;

/// The catalogs a role set-up block may read to see whether a role exists.
const ROLE_CATALOGS: [&str; 5] = ["pg_roles", "pg_user", "pg_authid", "pg_shadow", "pg_group"];

impl Builder<'_> {
    /// `CREATE ROLE`, `ALTER ROLE`, `GRANT role TO role`, `DROP ROLE`: not managed.
    pub(super) fn role(&mut self, node: &NodeEnum) {
        self.unsupported("role", None, &role_name(node));
    }

    /// A `DO` block: role set-up is reported as not managed, role by role; any other block is
    /// an error, since only a server can run it.
    pub(super) fn do_block(&mut self, block: &DoStmt) {
        match role_setup(block) {
            Some(statements) => statements.iter().for_each(|s| self.role(s)),
            None => self.needs_server(
                "a DO block",
                "offline, only DO blocks that set up roles are read (and reported as not managed); run the files on the shadow path instead (--dev-url URL, or --dev-url local), where they simply run in a scratch database",
            ),
        }
    }
}

/// The role statements of a `DO` block that does nothing but set up roles, or `None`.
///
/// The block must be PL/pgSQL whose every statement is a role statement (`CREATE ROLE` or
/// `USER`, `ALTER ROLE`, `GRANT role TO role`), an `IF` whose conditions only read the role
/// catalogs, a `RAISE` of constants and variables, or a nested block of the same, with
/// exception handlers of the same (`EXCEPTION WHEN duplicate_object THEN …`). At least one
/// role statement is required.
pub(super) fn role_setup(block: &DoStmt) -> Option<Vec<NodeEnum>> {
    let mut body = None;
    for arg in &block.args {
        let Some(NodeEnum::DefElem(option)) = &arg.node else {
            return None;
        };
        let value = match option.arg.as_ref().and_then(|a| a.node.as_ref()) {
            Some(NodeEnum::String(s)) => s.sval.as_str(),
            _ => return None,
        };
        match option.defname.as_str() {
            "as" => body = Some(value),
            "language" if value.eq_ignore_ascii_case("plpgsql") => {}
            _ => return None,
        }
    }
    let function = as_function(body?);
    let tree = pg_query::parse_plpgsql(&function).ok()?;
    let action = &tree[0]["PLpgSQL_function"]["action"];
    let mut statements = Vec::new();
    (sets_up_roles(action, &mut statements) && !statements.is_empty()).then_some(statements)
}

/// A `DO` body as a function, which is what pg_query's PL/pgSQL parser reads.
fn as_function(body: &str) -> String {
    let mut tag = String::from("$do$");
    while body.contains(&tag) {
        tag.insert(1, '_');
    }
    format!("CREATE FUNCTION do_block() RETURNS void LANGUAGE plpgsql AS {tag}{body}{tag}")
}

/// Whether every PL/pgSQL statement of `list` (absent: none) sets up roles.
fn all_set_up_roles(list: &Value, statements: &mut Vec<NodeEnum>) -> bool {
    match list {
        Value::Null => true,
        Value::Array(items) => items.iter().all(|s| sets_up_roles(s, statements)),
        _ => false,
    }
}

/// Whether one PL/pgSQL statement sets up roles; its role statements go to `statements`.
fn sets_up_roles(statement: &Value, statements: &mut Vec<NodeEnum>) -> bool {
    let Some((kind, fields)) = statement.as_object().and_then(|o| o.iter().next()) else {
        return false;
    };
    let mut role = |statement: Option<&str>| {
        statement
            .and_then(role_statement)
            .map(|node| statements.push(node))
            .is_some()
    };
    match kind.as_str() {
        "PLpgSQL_stmt_execsql" => role(fields["sqlstmt"]["PLpgSQL_expr"]["query"].as_str()),
        // `EXECUTE format('GRANT admin TO %I', current_user)`: a constant statement
        "PLpgSQL_stmt_dynexecute" if fields.get("params").is_none() => {
            role(constant_statement(&fields["query"]).as_deref())
        }
        "PLpgSQL_stmt_block" => {
            let handlers = fields["exceptions"]["PLpgSQL_exception_block"]["exc_list"].as_array();
            all_set_up_roles(&fields["body"], statements)
                && (handlers.into_iter().flatten())
                    .all(|h| all_set_up_roles(&h["PLpgSQL_exception"]["action"], statements))
        }
        "PLpgSQL_stmt_if" => {
            let branches = fields["elsif_list"].as_array().into_iter().flatten();
            reads_role_catalogs_only(&fields["cond"])
                && all_set_up_roles(&fields["then_body"], statements)
                && all_set_up_roles(&fields["else_body"], statements)
                && branches.map(|b| &b["PLpgSQL_if_elsif"]).all(|branch| {
                    reads_role_catalogs_only(&branch["cond"])
                        && all_set_up_roles(&branch["stmts"], statements)
                })
        }
        "PLpgSQL_stmt_raise" => {
            let options = fields["options"].as_array().into_iter().flatten();
            let option_values = options.map(|o| &o["PLpgSQL_raise_option"]["expr"]);
            (fields["params"].as_array().into_iter().flatten())
                .chain(option_values)
                .all(is_constant_or_variable)
        }
        // the `RETURN` the parser adds at the end of every function
        "PLpgSQL_stmt_return" => fields.get("expr").is_none(),
        _ => false,
    }
}

/// The statement of an embedded SQL statement, when it is one role statement.
fn role_statement(query: &str) -> Option<NodeEnum> {
    let parsed = pg_query::parse(query, 0).ok()?;
    let [raw] = parsed.protobuf.stmts.as_slice() else {
        return None;
    };
    let node = raw.stmt.as_ref()?.node.clone()?;
    matches!(
        node,
        NodeEnum::CreateRoleStmt(_)
            | NodeEnum::AlterRoleStmt(_)
            | NodeEnum::AlterRoleSetStmt(_)
            | NodeEnum::GrantRoleStmt(_)
    )
    .then_some(node)
}

/// Whether a condition reads the role catalogs and nothing else, calling no function but
/// `count`: a test of whether roles exist, with no effect.
fn reads_role_catalogs_only(condition: &Value) -> bool {
    let Some(tree) = parsed_expression(condition) else {
        return false;
    };
    let mut reads_roles = false;
    let mut other = false;
    walk(&tree, &mut |map| {
        if let Some(relation) = map.get("RangeVar") {
            let schema = relation["schemaname"].as_str().unwrap_or("");
            let name = relation["relname"].as_str().unwrap_or("");
            let role_catalog = matches!(schema, "" | "pg_catalog") && ROLE_CATALOGS.contains(&name);
            reads_roles |= role_catalog;
            other |= !role_catalog;
        }
        if let Some(call) = map.get("FuncCall") {
            let name = call["funcname"].as_array().and_then(|n| n.last());
            other |= name.and_then(string_node) != Some("count");
        }
    });
    reads_roles && !other
}

/// The statement a dynamic `EXECUTE` runs when it is a string literal, or `format` of one
/// with constants and the session's role names as arguments (which stand in as a
/// placeholder role), or `None`.
fn constant_statement(expr: &Value) -> Option<String> {
    let tree = parsed_expression(expr)?;
    let value = selected(&tree);
    if let Some(text) = value["AConst"]["val"]["Sval"]["sval"].as_str() {
        return Some(text.to_string());
    }
    let call = &value["FuncCall"];
    let name = call["funcname"].as_array().and_then(|n| n.last());
    let [format, arguments @ ..] = call["args"].as_array()?.as_slice() else {
        return None;
    };
    let constant = |a: &Value| {
        a["node"].get("AConst").is_some() || a["node"].get("SqlvalueFunction").is_some()
    };
    if name.and_then(string_node) != Some("format") || !arguments.iter().all(constant) {
        return None;
    }
    let format = format["node"]["AConst"]["val"]["Sval"]["sval"].as_str()?;
    Some(
        format
            .replace("%I", "placeholder_role")
            .replace("%s", "placeholder_role")
            .replace("%L", "'placeholder'"),
    )
}

/// What `SELECT value` selects, in a parse tree's JSON.
fn selected(tree: &Value) -> &Value {
    &tree["stmts"][0]["stmt"]["node"]["SelectStmt"]["target_list"][0]["node"]["ResTarget"]["val"]
        ["node"]
}

/// Whether a `RAISE` parameter is a literal or a variable (such as `SQLERRM`).
fn is_constant_or_variable(param: &Value) -> bool {
    parsed_expression(param).is_some_and(|tree| {
        let value = selected(&tree);
        value.get("ColumnRef").is_some() || value.get("AConst").is_some()
    })
}

/// An embedded PL/pgSQL expression parsed as `SELECT expression`, as JSON.
fn parsed_expression(expr: &Value) -> Option<Value> {
    let query = expr["PLpgSQL_expr"]["query"].as_str()?;
    let parsed = pg_query::parse(&format!("SELECT {query}"), 0).ok()?;
    Some(to_json(&parsed.protobuf))
}

/// The role a role statement is about, for the summary.
fn role_name(node: &NodeEnum) -> String {
    let granted = |roles: &[pg_query::Node]| {
        roles
            .iter()
            .filter_map(|r| match &r.node {
                Some(NodeEnum::AccessPriv(p)) => Some(p.priv_name.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let role = |r: &Option<pg_query::protobuf::RoleSpec>| {
        r.as_ref().map(|r| r.rolename.clone()).unwrap_or_default()
    };
    match node {
        NodeEnum::CreateRoleStmt(s) => s.role.clone(),
        NodeEnum::AlterRoleStmt(s) => role(&s.role),
        NodeEnum::AlterRoleSetStmt(s) => role(&s.role),
        NodeEnum::GrantRoleStmt(s) => granted(&s.granted_roles),
        _ => String::new(),
    }
}
