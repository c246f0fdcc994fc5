//! Aggregates from their `CREATE AGGREGATE` parse trees, for both sources: the file's
//! statement, or the one the live loader builds from `pg_aggregate`. Also the types and
//! functions a routine's interface names, for the planner's dependencies.

use std::collections::BTreeMap;

use pg_query::protobuf::DefineStmt;
use pg_query::{Node, NodeEnum};
use serde_json::{json, Value};

use super::expr::{normalize, to_json, walk};
use super::function::function_name;
use crate::model::{Expr, Function, QualifiedName};

/// Options whose value names a support function.
const FUNCTION_OPTIONS: [&str; 8] = [
    "sfunc",
    "finalfunc",
    "combinefunc",
    "serialfunc",
    "deserialfunc",
    "msfunc",
    "minvfunc",
    "mfinalfunc",
];

/// Options whose value is what the server assumes when it is not written.
const DEFAULT_OPTIONS: [(&str, &str); 4] = [
    ("parallel", "unsafe"),
    ("finalfunc_modify", "read_only"),
    ("mfinalfunc_modify", "read_only"),
    ("sspace", "0"),
];

/// The model of a `CREATE AGGREGATE` statement. `sql` is the statement to emit; `None`
/// deparses it with the name qualified.
pub fn aggregate(stmt: &DefineStmt, sql: Option<String>) -> Function {
    let name = function_name(&stmt.defnames);
    let mut tree = to_json(stmt);
    normalize(&mut tree);
    let argument_types: Vec<Value> = tree["args"][0]["node"]["List"]["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| p["node"]["FunctionParameter"]["arg_type"].clone())
        .collect();
    let arguments: Vec<&str> = argument_types
        .iter()
        .filter_map(|t| t["type"].as_str())
        .collect();
    let mut options = BTreeMap::new();
    for option in tree["definition"].as_array().into_iter().flatten() {
        let body = &option["node"]["DefElem"];
        let key = body["defname"].as_str().unwrap_or_default().to_lowercase();
        let value = option_value(&key, &body["arg"]);
        let text = value.as_str().unwrap_or_default();
        if !DEFAULT_OPTIONS.contains(&(key.as_str(), text)) {
            options.insert(key, value);
        }
    }
    let canonical = json!({ "arguments": argument_types, "options": options }).to_string();
    let sql = sql.unwrap_or_else(|| {
        let mut emitted = stmt.clone();
        emitted.defnames = [&name.schema, &name.name]
            .iter()
            .map(|s| Node {
                node: Some(NodeEnum::String(pg_query::protobuf::String {
                    sval: s.to_string(),
                })),
            })
            .collect();
        NodeEnum::DefineStmt(emitted)
            .deparse(Default::default())
            .unwrap_or_default()
    });
    Function {
        name,
        arguments: if arguments.is_empty() {
            "*".into()
        } else {
            arguments.join(", ")
        },
        procedure: false,
        aggregate: true,
        definition: Expr {
            sql,
            canonical: canonical.as_str().into(),
        },
        // any change to an aggregate drops and creates it
        interface: canonical,
        comment: None,
    }
}

/// An option's value (which normalisation made `{"value": text}`): a state type as
/// `{"type": …}` (so that the planner finds it), a function name qualified, a condition as
/// written, keywords lower-cased.
fn option_value(key: &str, arg: &Value) -> Value {
    let text = arg["value"].as_str().unwrap_or_default().to_string();
    match key {
        "stype" | "mstype" => json!({ "type": text }),
        k if FUNCTION_OPTIONS.contains(&k) => {
            let name = qualified(&text);
            json!([name.schema, name.name])
        }
        "initcond" | "minitcond" => json!(text),
        _ => json!(text.to_lowercase()),
    }
}

/// A function name as `canonical_type` or `regproc` prints it (`f`, `app.f`, `"F"`) as a
/// qualified name.
pub fn qualified(text: &str) -> QualifiedName {
    let parsed = pg_query::parse(&format!("SELECT {text}()"), 0).ok();
    let names: Vec<String> = parsed
        .and_then(|p| {
            let tree = to_json(&p.protobuf);
            let call = &tree["stmts"][0]["stmt"]["node"]["SelectStmt"]["target_list"][0]["node"]
                ["ResTarget"]["val"]["node"]["FuncCall"]["funcname"];
            call.as_array().map(|names| {
                names
                    .iter()
                    .filter_map(|n| n["node"]["String"]["sval"].as_str().map(str::to_string))
                    .collect()
            })
        })
        .unwrap_or_default();
    match names.as_slice() {
        [schema, name] => QualifiedName::new(schema, name),
        [name] => QualifiedName::new("public", name),
        _ => QualifiedName::new("public", text),
    }
}

/// The support functions an aggregate calls (state, final, combine… functions), by name.
pub fn aggregate_support_functions(function: &Function) -> Vec<QualifiedName> {
    if !function.aggregate {
        return Vec::new();
    }
    let tree: Value = serde_json::from_str(&function.definition.canonical).unwrap_or_default();
    FUNCTION_OPTIONS
        .iter()
        .filter_map(|key| match &tree["options"][key] {
            Value::Array(parts) => Some(QualifiedName::new(
                parts[0].as_str().unwrap_or_default(),
                parts[1].as_str().unwrap_or_default(),
            )),
            _ => None,
        })
        .collect()
}

/// Every type a routine's interface names: argument and result types (`SETOF`, `TABLE (…)`
/// columns included), an aggregate's state types.
pub fn interface_types(function: &Function) -> Vec<String> {
    let tree: Value = serde_json::from_str(&function.interface).unwrap_or_default();
    let mut types = Vec::new();
    walk(&tree, &mut |map| {
        if let Some(Value::String(type_name)) = map.get("type") {
            if !types.contains(type_name) {
                types.push(type_name.clone());
            }
        }
    });
    types
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(sql: &str) -> Function {
        let parsed = pg_query::parse(sql, 0).unwrap();
        let Some(NodeEnum::DefineStmt(stmt)) =
            parsed.protobuf.stmts[0].stmt.as_ref().unwrap().node.clone()
        else {
            panic!("not a definition")
        };
        aggregate(&stmt, None)
    }

    #[test]
    fn a_file_and_the_built_statement_compare_equal() {
        let written = of("CREATE AGGREGATE my_agg(numeric) (SFUNC = numeric_accum, STYPE = numeric[], FINALFUNC = public.numeric_first, INITCOND = '{}', PARALLEL = unsafe)");
        let built = of("CREATE AGGREGATE public.my_agg(numeric) (SFUNC = numeric_accum, STYPE = numeric[], FINALFUNC = numeric_first, INITCOND = '{}')");
        assert_eq!(written.definition, built.definition);
        assert_eq!(written.signature(), "public.my_agg(numeric)");
        assert_eq!(
            aggregate_support_functions(&written),
            vec![
                QualifiedName::new("public", "numeric_accum"),
                QualifiedName::new("public", "numeric_first")
            ]
        );
        assert_eq!(interface_types(&written), vec!["numeric", "numeric[]"]);
    }

    #[test]
    fn an_empty_initial_condition_is_not_a_missing_one() {
        let empty = of("CREATE AGGREGATE a(text) (SFUNC = f, STYPE = text, INITCOND = '')");
        let none = of("CREATE AGGREGATE a(text) (SFUNC = f, STYPE = text)");
        assert_ne!(empty.definition, none.definition);
        assert_eq!(
            of("CREATE AGGREGATE c(*) (SFUNC = f, STYPE = int8)").arguments,
            "*"
        );
    }
}
