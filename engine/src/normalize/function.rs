//! Functions and procedures from their `CREATE FUNCTION` parse trees, for both sources: the
//! file's statement, or what `pg_get_functiondef` printed.

use pg_query::protobuf::{CreateFunctionStmt, FunctionParameterMode};
use pg_query::{Node, NodeEnum};
use serde_json::{json, Value};

use super::definitions::string_of;
use super::expr::{normalize, to_json};
use super::types::type_name_text;
use crate::model::{Expr, Function, QualifiedName};

/// Options whose value is the default: the server does not print them.
const DEFAULT_OPTIONS: [(&str, &str); 7] = [
    ("volatility", "volatile"),
    ("strict", "false"),
    ("security", "false"),
    ("leakproof", "false"),
    ("parallel", "unsafe"),
    ("cost", "100"),
    ("rows", "1000"),
];

/// The model of a function statement. `sql` is the statement to emit; `None` deparses it as
/// `CREATE OR REPLACE` with the name qualified.
pub fn function(stmt: &CreateFunctionStmt, sql: Option<String>) -> Function {
    let name = function_name(&stmt.funcname);
    let arguments: Vec<String> = stmt
        .parameters
        .iter()
        .filter_map(|p| match &p.node {
            Some(NodeEnum::FunctionParameter(p)) if is_input(p.mode) => {
                Some(p.arg_type.as_ref().map(type_name_text).unwrap_or_default())
            }
            _ => None,
        })
        .collect();
    let mut emitted = stmt.clone();
    emitted.replace = true;
    emitted.funcname = [&name.schema, &name.name]
        .iter()
        .map(|s| Node {
            node: Some(NodeEnum::String(pg_query::protobuf::String {
                sval: s.to_string(),
            })),
        })
        .collect();
    let sql = sql.unwrap_or_else(|| {
        NodeEnum::CreateFunctionStmt(Box::new(emitted.clone()))
            .deparse(Default::default())
            .unwrap_or_default()
    });

    let mut tree = to_json(&emitted);
    tree["replace"] = json!(false);
    for parameter in tree["parameters"].as_array_mut().into_iter().flatten() {
        // a parameter without a mode is an input one, however it is written
        let mode = &mut parameter["node"]["FunctionParameter"]["mode"];
        if mode.as_i64() == Some(FunctionParameterMode::FuncParamIn as i64) {
            *mode = json!(FunctionParameterMode::FuncParamDefault as i64);
        }
    }
    // a `BEGIN ATOMIC` body comes back printed like a view's query
    super::view::drop_implicit_names(&mut tree["sql_body"]);
    normalize(&mut tree);
    super::view::as_printed(&mut tree["sql_body"]);
    let mut options: Vec<Value> = tree["options"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|option| !is_default(option))
        .collect();
    options.sort_by_key(|o| o.to_string());
    tree["options"] = json!(options);
    let interface = json!({
        "parameters": tree["parameters"],
        "return_type": tree["return_type"],
    })
    .to_string();
    Function {
        name,
        arguments: arguments.join(", "),
        procedure: stmt.is_procedure,
        aggregate: false,
        definition: Expr {
            sql,
            canonical: tree.to_string().into(),
        },
        interface,
        comment: None,
    }
}

/// `[schema.]name`, unqualified meaning `public`.
pub fn function_name(names: &[Node]) -> QualifiedName {
    let parts: Vec<String> = names.iter().filter_map(string_of).collect();
    match parts.as_slice() {
        [.., schema, name] => QualifiedName::new(schema, name),
        [name] => QualifiedName::new("public", name),
        [] => QualifiedName::new("public", ""),
    }
}

/// Parameters that are part of the identity (everything but OUT and TABLE columns).
fn is_input(mode: i32) -> bool {
    !matches!(
        FunctionParameterMode::try_from(mode),
        Ok(FunctionParameterMode::FuncParamOut | FunctionParameterMode::FuncParamTable)
    )
}

fn is_default(option: &Value) -> bool {
    let body = &option["node"]["DefElem"];
    let name = body["defname"].as_str().unwrap_or("");
    // after normalisation an argument is `{"value": text}`; a false boolean has no value
    let value = body["arg"]["value"]
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| "false".to_string());
    DEFAULT_OPTIONS.contains(&(name, value.as_str()))
}

/// Relations a function uses: those whose row type its parameters or result name (a view's or
/// table's name as a type), and those a `BEGIN ATOMIC` body reads. The server records both as
/// dependencies and refuses to drop the relation under the function.
pub fn relations_used(function: &Function) -> Vec<QualifiedName> {
    let mut out = Vec::new();
    if let Ok(interface) = serde_json::from_str::<Value>(&function.interface) {
        // types are normalised to `{"type": "schema.name[]"}` as format_type prints them
        super::expr::walk(&interface, &mut |map| {
            if let (Some(Value::String(type_name)), 1) = (map.get("type"), map.len()) {
                out.extend(type_relation(type_name));
            }
        });
    }
    if let Ok(definition) = serde_json::from_str::<Value>(&function.definition.canonical) {
        super::expr::walk(&definition["sql_body"], &mut |map| {
            if let (Some(Value::String(relname)), Some(schema)) =
                (map.get("relname"), map.get("schemaname"))
            {
                let schema = schema
                    .as_str()
                    .filter(|s| !s.is_empty())
                    .unwrap_or("public");
                out.push(QualifiedName::new(schema, relname));
            }
        });
    }
    out.sort();
    out.dedup();
    out
}

/// The relation a type name as format_type prints it could be the row type of: `app."T"[]`
/// → `app.T`, `v` → `public.v`.
fn type_relation(type_name: &str) -> Option<QualifiedName> {
    let base = type_name.trim_end_matches("[]");
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut quoted = false;
    let mut chars = base.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                part.push('"');
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut part)),
            // `character varying(20)` and the like are no relation
            '(' | ' ' if !quoted => return None,
            c => part.push(c),
        }
    }
    parts.push(part);
    match parts.as_slice() {
        [schema, name] => Some(QualifiedName::new(schema, name)),
        [name] => Some(QualifiedName::new("public", name)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(sql: &str) -> Function {
        let parsed = pg_query::parse(sql, 0).unwrap();
        let Some(NodeEnum::CreateFunctionStmt(stmt)) =
            parsed.protobuf.stmts[0].stmt.as_ref().unwrap().node.clone()
        else {
            panic!("not a function")
        };
        function(&stmt, None)
    }

    #[test]
    fn a_file_and_the_servers_print_compare_equal() {
        let written = of("CREATE FUNCTION add(a int, IN b int DEFAULT 1) RETURNS int AS $$ select a + b $$ LANGUAGE sql IMMUTABLE STRICT SECURITY INVOKER COST 100");
        let printed = of("CREATE OR REPLACE FUNCTION public.add(a integer, b integer DEFAULT 1)\n RETURNS integer\n LANGUAGE sql\n IMMUTABLE STRICT\nAS $function$ select a + b $function$");
        assert_eq!(written.definition, printed.definition);
        assert_eq!(written.interface, printed.interface);
        assert_eq!(written.signature(), "public.add(integer, integer)");
        assert!(written
            .definition
            .sql
            .starts_with("CREATE OR REPLACE FUNCTION public.add"));
    }

    #[test]
    fn bodies_and_attributes_are_differences() {
        let one = of("CREATE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql");
        let two = of("CREATE FUNCTION f() RETURNS int AS $$ select 2 $$ LANGUAGE sql");
        let stable = of("CREATE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql STABLE");
        assert_ne!(one.definition, two.definition);
        assert_ne!(one.definition, stable.definition);
        assert_eq!(one.interface, two.interface);
        let other_result = of("CREATE FUNCTION f() RETURNS bigint AS $$ select 1 $$ LANGUAGE sql");
        assert_ne!(one.interface, other_result.interface);
    }

    #[test]
    fn row_types_and_atomic_bodies_are_relations_used() {
        let returns = of(
            "CREATE FUNCTION f(a app.t, b text, c varchar(3)) RETURNS SETOF v LANGUAGE sql AS 'select 1'",
        );
        assert_eq!(
            relations_used(&returns),
            vec![
                QualifiedName::new("app", "t"),
                QualifiedName::new("public", "text"),
                QualifiedName::new("public", "v")
            ]
        );
        let atomic = of("CREATE FUNCTION g() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM w; END");
        assert!(relations_used(&atomic).contains(&QualifiedName::new("public", "w")));
    }
}
