//! What a function's body uses, as far as its text tells: the relations it reads or writes,
//! the functions it calls and the types it names. `LANGUAGE sql` bodies are parsed as SQL;
//! PL/pgSQL bodies with pg_query's PL/pgSQL parser, then each statement and expression in
//! them as SQL (the types its variables are declared with are not read). Dynamic SQL (`EXECUTE`) and other procedural languages cannot be read: the
//! result says why, and the planner orders such a function after everything it may use.
//!
//! The server does not check bodies when it creates a function (plans run with
//! `check_function_bodies = false`), so what is found here orders the plan where it can but
//! never makes an order impossible.

use pg_query::protobuf::CreateFunctionStmt;
use pg_query::NodeEnum;
use serde_json::Value;

use super::expr::{to_json, walk};
use super::types::string_node;
use crate::model::{Function, QualifiedName};

/// What a function body uses. Unqualified names are taken to be in `public`, as the rest of
/// the model resolves them.
#[derive(Debug, Default, PartialEq)]
pub struct BodyUses {
    pub relations: Vec<QualifiedName>,
    pub functions: Vec<QualifiedName>,
    pub types: Vec<QualifiedName>,
    /// Why the body may use more than listed: dynamic SQL, a language that cannot be read.
    pub unknown: Option<String>,
}

/// What the body of `function` uses (nothing for an aggregate: its support functions are
/// part of its definition).
pub fn body_uses(function: &Function) -> BodyUses {
    let mut uses = BodyUses::default();
    if function.aggregate {
        return uses;
    }
    let Ok(parsed) = pg_query::parse(&function.definition.sql, 0) else {
        uses.unknown = Some("has a definition that cannot be parsed".into());
        return uses;
    };
    let Some(NodeEnum::CreateFunctionStmt(stmt)) = parsed
        .protobuf
        .stmts
        .first()
        .and_then(|s| s.stmt.as_ref())
        .and_then(|s| s.node.as_ref())
    else {
        return uses;
    };
    if let Some(body) = &stmt.sql_body {
        uses.collect(&to_json(body));
        return uses;
    }
    match language(stmt).as_str() {
        "sql" => match body_text(stmt).map(|body| pg_query::parse(&body, 0)) {
            Some(Ok(body)) => uses.collect(&to_json(&body.protobuf)),
            _ => uses.unknown = Some("has a SQL body that cannot be parsed".into()),
        },
        "plpgsql" => match (is_trigger_function(stmt), body_text(stmt)) {
            (true, Some(body)) => uses.collect_plpgsql(&as_plain_function(&body)),
            _ => uses.collect_plpgsql(&function.definition.sql),
        },
        // compiled code: nothing in the catalog
        "c" | "internal" => {}
        other => {
            uses.unknown = Some(format!(
                "is written in {other}, whose bodies schemadiff cannot read"
            ))
        }
    }
    uses.relations.sort();
    uses.relations.dedup();
    uses.functions.sort();
    uses.functions.dedup();
    uses.types.sort();
    uses.types.dedup();
    uses
}

impl BodyUses {
    /// Adds the relations, functions and types a parse tree names.
    fn collect(&mut self, tree: &Value) {
        // range vars and type names are also fields of other nodes, not only nodes: they are
        // told by their fields
        walk(tree, &mut |map| {
            if let Some(name) = map.get("relname").and_then(Value::as_str) {
                let schema = map["schemaname"].as_str().unwrap_or("");
                let schema = if schema.is_empty() { "public" } else { schema };
                self.relations.push(unfolded(schema, name));
            }
            if let Some(call) = map.get("FuncCall") {
                self.functions.extend(name_of(&call["funcname"]));
            }
            if map.contains_key("typemod") {
                self.types.extend(name_of(&map["names"]));
            }
        });
    }

    /// Reads a PL/pgSQL function: every embedded statement and expression. (The types of
    /// its variables are not in pg_query's tree, which has no catalog to look them up in.)
    fn collect_plpgsql(&mut self, definition: &str) {
        // pg_query's PL/pgSQL parser looks up the schema of a qualified type name and knows
        // only `public` and `pg_catalog`: other schemas are folded into the name and back
        let tree = match pg_query::parse_plpgsql(definition)
            .or_else(|_| pg_query::parse_plpgsql(&fold_schemas(definition)))
        {
            Ok(tree) => tree,
            Err(_) => {
                self.unknown = Some("has a PL/pgSQL body that cannot be parsed".into());
                return;
            }
        };
        let mut pieces = Vec::new();
        let mut dynamic = false;
        walk(&tree, &mut |map| {
            if map.contains_key("PLpgSQL_stmt_dynexecute")
                || map.contains_key("PLpgSQL_stmt_dynfors")
                || map
                    .get("PLpgSQL_stmt_open")
                    .is_some_and(|open| open.get("dynquery").is_some())
            {
                dynamic = true;
            }
            if let Some(expr) = map.get("PLpgSQL_expr") {
                let query = expr["query"].as_str().unwrap_or("");
                pieces.push(as_statement(query, expr["parseMode"].as_i64().unwrap_or(0)));
            }
        });
        if dynamic {
            self.unknown = Some("runs dynamic SQL (EXECUTE)".into());
        }
        for piece in pieces {
            match piece.map(|sql| pg_query::parse(&sql, 0)) {
                Some(Ok(parsed)) => self.collect(&to_json(&parsed.protobuf)),
                _ => {
                    self.unknown
                        .get_or_insert_with(|| "has a statement schemadiff cannot parse".into());
                }
            }
        }
    }
}

/// The SQL an embedded PL/pgSQL expression stands for, by its parse mode: a whole statement
/// (0), a type name (1), an expression (2) or an assignment `target := expression` (3–5).
fn as_statement(query: &str, parse_mode: i64) -> Option<String> {
    match parse_mode {
        0 => Some(query.to_string()),
        1 => Some(format!("SELECT NULL::{query}")),
        2 => Some(format!("SELECT {query}")),
        _ => {
            let (_, value) = query.split_once(":=").or_else(|| query.split_once('='))?;
            Some(format!("SELECT {value}"))
        }
    }
}

/// A dotted name as a qualified name (`[schema, name]` or `[name]` in `public`).
fn name_of(parts: &Value) -> Option<QualifiedName> {
    let parts: Vec<&str> = parts.as_array()?.iter().filter_map(string_node).collect();
    match parts.as_slice() {
        [.., schema, name] => Some(unfolded(schema, name)),
        [name] => Some(unfolded("public", name)),
        [] => None,
    }
}

/// Joins a schema to the name it qualifies, where [`fold_schemas`] did not leave it alone.
const FOLD: &str = "__schemadiff_schema__";

/// In the `DECLARE` sections of a PL/pgSQL definition, `app.mood` →
/// `public.app__schemadiff_schema__mood` for every unquoted two-part name whose schema is not
/// `public` or `pg_catalog` (outside string literals and comments).
fn fold_schemas(sql: &str) -> String {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(sql.len());
    let mut declaring = false;
    let mut rest = sql;
    while let Some(c) = rest.chars().next() {
        if c == '\'' || rest.starts_with("--") {
            let end = if c == '\'' {
                rest[1..].find('\'').map_or(rest.len(), |i| i + 2)
            } else {
                rest.find('\n').unwrap_or(rest.len())
            };
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if !(c.is_ascii_alphabetic() || c == '_') {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let length = rest.find(|c: char| !word(c)).unwrap_or(rest.len());
        let (first, after) = rest.split_at(length);
        match first.to_lowercase().as_str() {
            "declare" => declaring = true,
            "begin" => declaring = false,
            _ => {}
        }
        let second = after
            .strip_prefix('.')
            .filter(|s| s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
            .map(|s| s.find(|c: char| !word(c)).unwrap_or(s.len()));
        let builtin = ["public", "pg_catalog"].contains(&first.to_lowercase().as_str());
        match second {
            Some(length) if declaring && !builtin => {
                out.push_str(&format!("public.{first}{FOLD}{}", &after[1..=length]));
                rest = &after[1 + length..];
            }
            _ => {
                out.push_str(first);
                rest = after;
            }
        }
    }
    out
}

/// The qualified name [`fold_schemas`] folded, or the name as it is.
fn unfolded(schema: &str, name: &str) -> QualifiedName {
    match name.split_once(FOLD) {
        Some((folded, name)) if schema == "public" => QualifiedName::new(folded, name),
        _ => QualifiedName::new(schema, name),
    }
}

fn is_trigger_function(stmt: &CreateFunctionStmt) -> bool {
    let result = stmt.return_type.as_ref().map(|t| to_json(&t.names));
    result
        .as_ref()
        .and_then(|names| names.as_array()?.last().and_then(string_node))
        .is_some_and(|name| name == "trigger" || name == "event_trigger")
}

/// A trigger function's body as a plain function's, with `NEW` and `OLD` declared: pg_query
/// does not turn trigger functions into valid JSON. (`TG_OP` and the like need no
/// declaration to be read.)
fn as_plain_function(body: &str) -> String {
    let body = body.trim_end().trim_end_matches(';');
    format!(
        "CREATE FUNCTION schemadiff_body() RETURNS record LANGUAGE plpgsql AS $schemadiff_body$\
         DECLARE new record; old record; BEGIN {body}; END$schemadiff_body$"
    )
}

fn language(stmt: &CreateFunctionStmt) -> String {
    option(stmt, "language")
        .and_then(|arg| arg.as_str().map(str::to_lowercase))
        .unwrap_or_else(|| "sql".into())
}

/// The text of `AS '…'` (the first string: the second is a C function's link symbol).
fn body_text(stmt: &CreateFunctionStmt) -> Option<String> {
    let arg = option(stmt, "as")?;
    arg[0].as_str().map(str::to_string)
}

/// A `CREATE FUNCTION` option's argument: a string, or the strings of a list.
fn option(stmt: &CreateFunctionStmt, name: &str) -> Option<Value> {
    stmt.options.iter().find_map(|option| {
        let Some(NodeEnum::DefElem(def)) = &option.node else {
            return None;
        };
        if def.defname != name {
            return None;
        }
        match def.arg.as_deref().and_then(|a| a.node.as_ref())? {
            NodeEnum::String(s) => Some(Value::String(s.sval.clone())),
            NodeEnum::List(list) => Some(Value::Array(
                list.items
                    .iter()
                    .filter_map(|item| match &item.node {
                        Some(NodeEnum::String(s)) => Some(Value::String(s.sval.clone())),
                        _ => None,
                    })
                    .collect(),
            )),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::function::function;

    fn uses(sql: &str) -> BodyUses {
        let parsed = pg_query::parse(sql, 0).unwrap();
        let Some(NodeEnum::CreateFunctionStmt(stmt)) =
            parsed.protobuf.stmts[0].stmt.as_ref().unwrap().node.clone()
        else {
            panic!("not a function")
        };
        body_uses(&function(&stmt, None))
    }

    fn names(list: &[QualifiedName]) -> Vec<String> {
        list.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn plpgsql_statements_expressions_and_declarations_are_read() {
        let found = uses(
            "CREATE FUNCTION f(p int) RETURNS int LANGUAGE plpgsql AS $$
             DECLARE n int; m app.mood; r record;
             BEGIN
               n := (SELECT count(*) FROM app.items WHERE id = p) + g(1);
               IF n > 0 THEN INSERT INTO logs (x) VALUES (n::app.level); END IF;
               FOR r IN SELECT * FROM other LOOP PERFORM app.h(r.id); END LOOP;
               RETURN n;
             END $$",
        );
        assert_eq!(found.unknown, None);
        assert_eq!(
            names(&found.relations),
            ["app.items", "public.logs", "public.other"]
        );
        assert!(names(&found.functions).contains(&"app.h".to_string()));
        assert!(names(&found.functions).contains(&"public.g".to_string()));
        assert!(names(&found.types).contains(&"app.level".to_string()));
        assert_eq!(found.unknown, None);
    }

    #[test]
    fn dynamic_sql_and_other_languages_are_unknown() {
        let dynamic = uses(
            "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'TRUNCATE t'; END $$",
        );
        assert_eq!(
            dynamic.unknown.as_deref(),
            Some("runs dynamic SQL (EXECUTE)")
        );
        let python = uses("CREATE FUNCTION f() RETURNS int LANGUAGE plpython3u AS 'return 1'");
        assert!(python.unknown.is_some_and(|u| u.contains("plpython3u")));
    }

    #[test]
    fn trigger_functions_are_read() {
        let found = uses(
            "CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql AS $$
             DECLARE n int;
             BEGIN
               NEW.updated_at := now();
               INSERT INTO audit.events (note) VALUES (TG_OP);
               RETURN NEW;
             END $$",
        );
        assert_eq!(found.unknown, None);
        assert_eq!(names(&found.relations), ["audit.events"]);
    }

    #[test]
    fn sql_bodies_are_read() {
        let found = uses(
            "CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM app.items; SELECT app.g() $$",
        );
        assert_eq!(names(&found.relations), ["app.items"]);
        assert!(names(&found.functions).contains(&"app.g".to_string()));
        assert_eq!(found.unknown, None);
    }
}
