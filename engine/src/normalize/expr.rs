//! Canonical form of expressions and definitions, for comparison only.
//!
//! The walk removes what only reflects how a statement was printed: source locations, the
//! casts the server adds to literals, `pg_catalog.`/`public.` qualification, `IN (…)` versus
//! `= ANY (ARRAY[…])`, `BETWEEN` versus two comparisons, default sort orders.

use serde::Serialize;
use serde_json::{json, Value};

use super::types::{canonical_type, string_node};
use crate::model::Expr;

/// Schemas whose qualification is dropped: the server omits them when printing with
/// `search_path = public`, and a user may or may not write them.
const IMPLICIT_SCHEMAS: [&str; 2] = ["pg_catalog", "public"];

/// An [`Expr`] from a parse-tree node (or any pg_query message) and the text to emit.
pub fn expr<T: Serialize>(node: &T, sql: String) -> Expr {
    Expr {
        sql,
        canonical: canonical(node).into(),
    }
}

/// An [`Expr`] from expression text (a catalog's `pg_get_expr`, or one built by the engine).
pub fn parse_expression(sql: &str) -> Option<Expr> {
    parse_expressions(&[sql]).pop().flatten()
}

/// Many expression texts parsed in one call: the live loader has one per column default
/// and the parser's per-call cost dominates for small expressions.
pub fn parse_expressions(texts: &[&str]) -> Vec<Option<Expr>> {
    let batch: String = texts.iter().map(|t| format!("SELECT {t};\n")).collect();
    match pg_query::parse(&batch, 0) {
        Ok(parsed) if parsed.protobuf.stmts.len() == texts.len() => parsed
            .protobuf
            .stmts
            .iter()
            .zip(texts)
            .map(|(raw, text)| {
                let tree = to_json(&raw.stmt);
                let node =
                    &tree["node"]["SelectStmt"]["target_list"][0]["node"]["ResTarget"]["val"];
                let mut node = node.clone();
                normalize(&mut node);
                Some(Expr {
                    sql: text.to_string(),
                    canonical: node.to_string().into(),
                })
            })
            .collect(),
        // one bad text must not hide the others: fall back to one call each
        _ if texts.len() > 1 => texts.iter().map(|t| parse_expression(t)).collect(),
        _ => vec![None],
    }
}

/// The canonical text of a parse-tree node or message.
pub fn canonical<T: Serialize>(node: &T) -> String {
    let mut value = serde_json::to_value(node).unwrap_or(Value::Null);
    normalize(&mut value);
    value.to_string()
}

/// Normalises a tree in place, children first.
pub fn normalize(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(normalize),
        Value::Object(map) => {
            for key in [
                "location",
                "arg_location",
                "rexpr_list_start",
                "rexpr_list_end",
                "list_start",
                "list_end",
            ] {
                map.remove(key);
            }
            map.values_mut().for_each(normalize);
            if map.contains_key("names") && map.contains_key("array_bounds") {
                *value = json!({ "type": canonical_type(value) });
            } else if map.contains_key("node") {
                rewrite_node(value);
            } else if map.contains_key("relname") && map.contains_key("schemaname") {
                // a RangeVar: an unqualified relation is one in `public`
                if map["schemaname"].as_str() == Some("") {
                    map.insert("schemaname".into(), json!("public"));
                }
            }
        }
        _ => {}
    }
}

/// Rules for `{"node": {"Kind": {...}}}` after its children are normalised.
fn rewrite_node(node: &mut Value) {
    let Some((kind, body)) = node["node"]
        .as_object_mut()
        .and_then(|o| o.iter_mut().next())
    else {
        return;
    };
    match kind.as_str() {
        "AConst" => *body = constant(body),
        "TypeCast" => {
            let mut arg = body["arg"].take();
            let target = body["type_name"]["type"].as_str().unwrap_or("");
            if target == "interval" {
                // the server prints an interval constant through the type's output
                canonicalize_interval(&mut arg);
            }
            if is_constant(&arg) || is_column(&arg) || is_promotion(target) {
                // literals carry the type of their context; casts of columns are what the
                // server adds to make operand types meet (`varchar = text`, `int * numeric`),
                // and so are numeric promotions of any expression, an explicit cast's
                // result included (`((w * 1000)::integer)::numeric = w * 1000`)
                *node = arg;
            } else {
                body["arg"] = arg;
            }
        }
        "FuncCall" => {
            // `x AT TIME ZONE z` and `timezone(z, x)` are one call; servers before 16 print
            // the plain call form
            if let Some(call) = body.as_object_mut() {
                call.remove("funcformat");
            }
            strip_qualification(&mut body["funcname"]);
            let name = body["funcname"]
                .as_array()
                .and_then(|n| n.last())
                .and_then(string_node);
            if matches!(name, Some("nextval" | "currval" | "setval")) {
                unqualify_regclass_literal(&mut body["args"][0]);
            }
        }
        "AExpr" => rewrite_operator(node),
        "BoolExpr" => flatten_bool(body),
        "CollateClause" => strip_qualification(&mut body["collname"]),
        "IndexElem" => {
            default_ordering(body, "ordering", "nulls_ordering");
            body["indexcolname"] = json!("");
            strip_qualification(&mut body["opclass"]);
            strip_qualification(&mut body["collation"]);
        }
        "SortBy" => default_ordering(body, "sortby_dir", "sortby_nulls"),
        "DefElem" => normalize_def_elem(body),
        _ => {}
    }
}

/// An option's value as text: the server stores reloptions as text and prints
/// `fillfactor='70'` for `fillfactor = 70`.
fn normalize_def_elem(body: &mut Value) {
    let arg = &body["arg"]["node"];
    // protobuf leaves out zero values
    let text = arg
        .get("Integer")
        .map(|i| i["ival"].as_i64().unwrap_or(0).to_string())
        .or_else(|| arg["Float"]["fval"].as_str().map(str::to_string))
        .or_else(|| arg["String"]["sval"].as_str().map(str::to_string))
        .or_else(|| arg["Boolean"]["boolval"].as_bool().map(|b| b.to_string()))
        .or_else(|| arg["TypeName"]["type"].as_str().map(str::to_string));
    if let Some(text) = text {
        body["arg"] = json!({ "value": text });
    }
}

/// Every constant becomes its text: `0`, `'0'::numeric` and `(0)::integer` are equal.
fn constant(body: &Value) -> Value {
    if body["isnull"].as_bool() == Some(true) {
        return json!({ "null": true });
    }
    let Some((kind, value)) = body["val"].as_object().and_then(|v| v.iter().next()) else {
        return json!({ "value": "" });
    };
    // protobuf leaves out zero values: `{"Ival": {}}` is 0, `{"Boolval": {}}` false
    let field = value.as_object().and_then(|v| v.values().next());
    let text = match (kind.as_str(), field) {
        ("Fval", Some(Value::String(s))) => plain_decimal(s),
        (_, Some(Value::String(s))) => s.clone(),
        (_, Some(other)) => other.to_string(),
        ("Ival" | "Fval", None) => "0".into(),
        ("Boolval", None) => "false".into(),
        (_, None) => String::new(),
    };
    json!({ "value": text })
}

/// A numeric literal as `numeric_out` prints it: `1e10` → `10000000000`, `1.5e-7` →
/// `0.00000015`; the scale is the digits after the point minus the exponent.
pub fn plain_decimal(text: &str) -> String {
    let Some(e) = text.find(['e', 'E']) else {
        return text.to_string();
    };
    let (mantissa, exponent) = (&text[..e], &text[e + 1..]);
    let Ok(exponent) = exponent.parse::<i64>() else {
        return text.to_string();
    };
    let (negative, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !(whole.chars().chain(fraction.chars())).all(|c| c.is_ascii_digit()) || exponent.abs() > 1000
    {
        return text.to_string();
    }
    let digits = format!("{whole}{fraction}");
    // position of the decimal point within `digits`, and the printed scale
    let point = whole.len() as i64 + exponent;
    let scale = (fraction.len() as i64 - exponent).max(0);
    let padded_left = if point < 0 {
        format!("{}{digits}", "0".repeat((-point) as usize))
    } else {
        digits
    };
    let point = point.max(0) as usize;
    let needed = point + scale as usize;
    let padded = if padded_left.len() < needed {
        format!("{padded_left}{}", "0".repeat(needed - padded_left.len()))
    } else {
        padded_left
    };
    let integer = padded[..point].trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    let fraction = &padded[point..point + scale as usize];
    let sign = if negative { "-" } else { "" };
    if scale == 0 {
        format!("{sign}{integer}")
    } else {
        format!("{sign}{integer}.{fraction}")
    }
}

/// A constant interval's text in the form the server prints (`'1 hour'` → `'01:00:00'`).
pub fn canonicalize_interval(constant: &mut Value) {
    // `get_mut`, not indexing: indexing would add the keys to a node that is no constant
    let value = constant
        .get_mut("node")
        .and_then(|n| n.get_mut("AConst"))
        .and_then(|c| c.get_mut("value"));
    if let Some(value) = value {
        if let Some(text) = value.as_str().and_then(super::interval::canonical_interval) {
            *value = json!(text);
        }
    }
}

fn is_constant(node: &Value) -> bool {
    let node = &node["node"];
    node.get("AConst").is_some()
        || node["AArrayExpr"]["elements"]
            .as_array()
            .is_some_and(|items| items.iter().all(is_constant))
}

fn is_column(node: &Value) -> bool {
    node["node"].get("ColumnRef").is_some()
}

/// The types the server implicitly promotes numbers to when operand types differ, and `text`,
/// which it casts `varchar` expressions to for `||` and comparisons. Dropping such a cast
/// also hides one written by hand; the rare casts that change the result (`a::numeric / b`
/// with integer `a` and `b`) compare equal to the uncast form.
fn is_promotion(canonical: &str) -> bool {
    matches!(
        canonical,
        "bigint" | "numeric" | "real" | "double precision" | "text"
    )
}

/// `pg_catalog.lower` → `lower`, `public.f` → `f`.
fn strip_qualification(names: &mut Value) {
    if let Some(list) = names.as_array_mut() {
        if list.len() == 2 && string_node(&list[0]).is_some_and(|s| IMPLICIT_SCHEMAS.contains(&s)) {
            list.remove(0);
        }
    }
}

/// `nextval('public.s')` → `nextval('s')`, as the server prints it.
fn unqualify_regclass_literal(arg: &mut Value) {
    if let Some(text) = arg["node"]["AConst"]["value"].as_str() {
        if let Some(rest) = text.strip_prefix("public.") {
            arg["node"]["AConst"]["value"] = json!(rest);
        }
    }
}

const OP: i64 = 1;
const OP_ANY: i64 = 2;
const OP_ALL: i64 = 3;
const DISTINCT: i64 = 4;
const NOT_DISTINCT: i64 = 5;
const IN: i64 = 7;
const LIKE: i64 = 8;
const ILIKE: i64 = 9;
const SIMILAR: i64 = 10;
const BETWEEN: i64 = 11;
/// `BoolExprType::NotExpr`.
const NOT: i64 = 3;
const NOT_BETWEEN: i64 = 12;

/// Rewrites operator forms into the one the server prints.
fn rewrite_operator(node: &mut Value) {
    let body = &mut node["node"]["AExpr"];
    strip_qualification(&mut body["name"]);
    let operator = body["name"]
        .as_array()
        .and_then(|n| n.last())
        .and_then(string_node)
        .unwrap_or("")
        .to_string();
    match body["kind"].as_i64().unwrap_or(0) {
        IN => {
            let list = body["rexpr"].take();
            let items = match list["node"]["List"]["items"].clone() {
                Value::Array(items) => items,
                Value::Null => vec![list],
                other => vec![other],
            };
            *node = rewrite_in(body["lexpr"].take(), body["name"].take(), &operator, items);
        }
        // the server stores `x IS NOT DISTINCT FROM y` as `NOT (x IS DISTINCT FROM y)`
        NOT_DISTINCT => {
            body["kind"] = json!(DISTINCT);
            let distinct = node.take();
            *node = json!({ "node": { "BoolExpr": {
                "xpr": null,
                "boolop": NOT,
                "args": [distinct],
            } } });
        }
        // `x LIKE y` is printed as `x ~~ y`, `x SIMILAR TO y` as `x ~ similar_to_escape(y)`
        LIKE | ILIKE | SIMILAR => body["kind"] = json!(OP),
        BETWEEN | NOT_BETWEEN => {
            let negated = body["kind"].as_i64() == Some(NOT_BETWEEN);
            let subject = body["lexpr"].take();
            // the bounds are a List node
            let bounds = body["rexpr"]["node"]["List"]["items"].take();
            let (low_op, high_op, join) = if negated {
                ("<", ">", 2)
            } else {
                (">=", "<=", 1)
            };
            let compare = |op: &str, bound: &Value| {
                json!({ "node": { "AExpr": {
                    "kind": OP,
                    "name": [{ "node": { "String": { "sval": op } } }],
                    "lexpr": subject.clone(),
                    "rexpr": bound.clone(),
                } } })
            };
            // the fields of a parsed BoolExpr, in its order
            *node = json!({ "node": { "BoolExpr": {
                "xpr": null,
                "boolop": join,
                "args": [compare(low_op, &bounds[0]), compare(high_op, &bounds[1])],
            } } });
        }
        _ => {}
    }
}

/// `x IN (…)` as the server's `transformAExprIn` turns it: the items that read no column, if
/// there are several, become `x = ANY (ARRAY[…])`; every other item its own `x = item`; the
/// parts joined with OR (`NOT IN`: `<> ALL`, `<>`, AND).
fn rewrite_in(subject: Value, name: Value, operator: &str, items: Vec<Value>) -> Value {
    let negated = operator != "=";
    let (constants, columns): (Vec<Value>, Vec<Value>) = items.iter().cloned().partition(|item| {
        let mut read = Vec::new();
        referenced_columns(item, &mut read);
        read.is_empty()
    });
    let a_expr = |kind: i64, rexpr: Value| {
        json!({ "node": { "AExpr": {
            "kind": kind,
            "name": name.clone(),
            "lexpr": subject.clone(),
            "rexpr": rexpr,
        } } })
    };
    let mut clauses = Vec::new();
    let singles = if constants.len() > 1 {
        let array = json!({ "node": { "AArrayExpr": { "elements": constants } } });
        clauses.push(a_expr(if negated { OP_ALL } else { OP_ANY }, array));
        columns
    } else {
        items
    };
    clauses.extend(singles.into_iter().map(|item| a_expr(OP, item)));
    if clauses.len() == 1 {
        return clauses.remove(0);
    }
    json!({ "node": { "BoolExpr": {
        "xpr": null,
        "boolop": if negated { 1 } else { 2 },
        "args": clauses,
    } } })
}

/// `a AND (b AND c)` → `a AND b AND c`.
fn flatten_bool(body: &mut Value) {
    let op = body["boolop"].clone();
    let Some(args) = body["args"].as_array_mut() else {
        return;
    };
    let mut flat = Vec::with_capacity(args.len());
    for arg in args.drain(..) {
        let inner = &arg["node"]["BoolExpr"];
        if inner.is_object() && inner["boolop"] == op && op != json!(3) {
            flat.extend(inner["args"].as_array().cloned().unwrap_or_default());
        } else {
            flat.push(arg);
        }
    }
    *args = flat;
}

const SORT_DEFAULT: i64 = 1;
const SORT_ASC: i64 = 2;
const SORT_DESC: i64 = 3;
const NULLS_DEFAULT: i64 = 1;
const NULLS_FIRST: i64 = 2;
const NULLS_LAST: i64 = 3;

/// `ASC` and `NULLS LAST` with ascending order (`NULLS FIRST` with descending) are defaults
/// the server does not print, in an index column or an `ORDER BY`.
fn default_ordering(body: &mut Value, direction: &str, nulls_ordering: &str) {
    let ordering = body[direction].as_i64().unwrap_or(SORT_DEFAULT);
    let ordering = if ordering == SORT_ASC {
        SORT_DEFAULT
    } else {
        ordering
    };
    let nulls = body[nulls_ordering].as_i64().unwrap_or(NULLS_DEFAULT);
    let nulls = match (ordering, nulls) {
        (SORT_DESC, NULLS_FIRST) => NULLS_DEFAULT,
        (SORT_DEFAULT, NULLS_LAST) => NULLS_DEFAULT,
        (_, n) => n,
    };
    body[direction] = json!(ordering);
    body[nulls_ordering] = json!(nulls);
}

/// The names of the columns an expression reads, in order of first use.
pub fn referenced_columns(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| referenced_columns(v, out)),
        Value::Object(map) => {
            if let Some(fields) = map.get("ColumnRef").and_then(|c| c["fields"].as_array()) {
                if let Some(name) = fields.last().and_then(string_node) {
                    if !out.iter().any(|c| c == name) {
                        out.push(name.to_string());
                    }
                }
            }
            map.values().for_each(|v| referenced_columns(v, out));
        }
        _ => {}
    }
}

/// `expr` with its references to column `from` made references to `to`, as the server
/// rewrites what reads a column it renames. Only the canonical form changes: the text keeps
/// the old name.
pub fn rename_column_references(expr: &Expr, from: &str, to: &str) -> Expr {
    let Ok(mut tree) = serde_json::from_str::<Value>(&expr.canonical) else {
        return expr.clone();
    };
    rename_in(&mut tree, from, to);
    Expr {
        sql: expr.sql.clone(),
        canonical: tree.to_string().into(),
    }
}

fn rename_in(value: &mut Value, from: &str, to: &str) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| rename_in(v, from, to)),
        Value::Object(map) => {
            if let Some(last) = map
                .get_mut("ColumnRef")
                .and_then(|c| c["fields"].as_array_mut())
                .and_then(|fields| fields.last_mut())
            {
                let name = &mut last["node"]["String"]["sval"];
                if name.as_str() == Some(from) {
                    *name = Value::String(to.to_string());
                }
            }
            map.values_mut().for_each(|v| rename_in(v, from, to));
        }
        _ => {}
    }
}

/// The sequences an expression draws from with `nextval('…')`, read from its canonical form
/// (where the literal has lost its `::regclass` cast).
pub fn referenced_sequences(expr: &Expr) -> Vec<crate::model::QualifiedName> {
    let mut literals = Vec::new();
    // most expressions call no nextval: no need to parse them back
    if !expr.canonical.contains("nextval") {
        return literals;
    }
    if let Ok(tree) = serde_json::from_str::<Value>(&expr.canonical) {
        walk(&tree, &mut |map| {
            let Some(call) = map.get("FuncCall") else {
                return;
            };
            let name = call["funcname"]
                .as_array()
                .and_then(|n| n.last())
                .and_then(string_node);
            if name == Some("nextval") {
                if let Some(literal) = call["args"][0]["node"]["AConst"]["value"].as_str() {
                    literals.push(regclass_name(literal));
                }
            }
        });
    }
    literals
}

/// The functions an expression calls, by name (an unqualified name is looked up in
/// `public`, the search path both sources use).
pub fn referenced_functions(expr: &Expr) -> Vec<crate::model::QualifiedName> {
    names_in(expr, "FuncCall", "funcname")
}

/// The server's printed text with `::E[]` put after each `ARRAY[…]` whose elements are all
/// cast to `E` and which is cast as a whole (`(ARRAY['a'::character varying])::text[]`, as
/// `x IN ('a')` on a `varchar` column is stored): parsed again as printed, the outer cast
/// would reach each element instead (`ARRAY[('a'::character varying)::text]`), another tree
/// for the server, while the array cast first keeps the printed one.
pub fn keep_array_casts(printed: &str) -> String {
    const START: &str = "(ARRAY[";
    if !printed.contains(START) {
        return printed.to_string();
    }
    let bytes = printed.as_bytes();
    let mut out = String::with_capacity(printed.len() + 32);
    let mut quote = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'\'' || b == b'"' => quote = Some(b),
            None if printed[i..].starts_with(START) => {
                let open = i + START.len() - 1;
                if let Some(close) = matching_bracket(bytes, open) {
                    if printed[close + 1..].starts_with(")::") {
                        if let Some(element) = common_cast(&printed[open + 1..close]) {
                            out.push_str(&printed[copied..=close]);
                            out.push_str("::");
                            out.push_str(element);
                            out.push_str("[]");
                            copied = close + 1;
                        }
                    }
                }
            }
            None => {}
        }
        i += 1;
    }
    out.push_str(&printed[copied..]);
    out
}

/// The position of the `]` that closes the `[` at `open`, outside quotes.
fn matching_bracket(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'[' | b'(' => depth += 1,
                b']' | b')' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return (b == b']').then_some(i);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

/// The type every element of a printed array's list is cast to (`'a'::character varying`),
/// when it is the same for all.
fn common_cast(elements: &str) -> Option<&str> {
    let mut common = None;
    for element in split_top_level(elements) {
        let (_, cast) = element.rsplit_once("::")?;
        let balanced = cast.matches('(').count() == cast.matches(')').count();
        if cast.contains(['\'', ',', '[']) || !balanced {
            return None;
        }
        match common {
            None => common = Some(cast),
            Some(seen) if seen == cast => {}
            Some(_) => return None,
        }
    }
    common
}

/// A printed list split at its top-level `, `, outside quotes and brackets.
fn split_top_level(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0usize, None, 0);
    for (i, b) in list.bytes().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'[' | b'(' => depth += 1,
                b']' | b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    parts.push(list[start..i].trim());
                    start = i + 1;
                }
                _ => {}
            },
        }
    }
    parts.push(list[start..].trim());
    parts
}

/// The operators an expression uses, by name (`OPERATOR(app.===)` is `app.===`; an
/// unqualified name is looked up in `public`, as for functions, though the server may find
/// a built-in one of that name for other operand types).
pub fn referenced_operators(expr: &Expr) -> Vec<crate::model::QualifiedName> {
    names_in(expr, "AExpr", "name")
}

/// The distinct names in the `field` name lists of an expression's `node` nodes, in order.
fn names_in(expr: &Expr, node: &str, field: &str) -> Vec<crate::model::QualifiedName> {
    let mut names = Vec::new();
    if !expr.canonical.contains(node) {
        return names;
    }
    if let Ok(tree) = serde_json::from_str::<Value>(&expr.canonical) {
        walk(&tree, &mut |map| {
            if let Some(parts) = map.get(node).and_then(|n| n[field].as_array()) {
                let parts: Vec<&str> = parts.iter().filter_map(string_node).collect();
                let name = match parts.as_slice() {
                    [.., schema, name] => crate::model::QualifiedName::new(*schema, *name),
                    [name] => crate::model::QualifiedName::new("public", *name),
                    [] => return,
                };
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        });
    }
    names
}

/// `s`, `app.s` or `"My Seq"` as a qualified name (unqualified means `public`).
fn regclass_name(literal: &str) -> crate::model::QualifiedName {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut current)),
            c if quoted => current.push(c),
            c => current.push(c.to_ascii_lowercase()),
        }
    }
    parts.push(current);
    match parts.as_slice() {
        [.., schema, name] => crate::model::QualifiedName::new(schema, name),
        _ => crate::model::QualifiedName::new("public", &parts[0]),
    }
}

/// Serialises a value to JSON for the walkers above.
pub fn to_json<T: Serialize>(node: &T) -> Value {
    serde_json::to_value(node).unwrap_or(Value::Null)
}

/// Calls `visit` on every JSON object of a tree, parents first.
pub fn walk(value: &Value, visit: &mut impl FnMut(&serde_json::Map<String, Value>)) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| walk(v, visit)),
        Value::Object(map) => {
            visit(map);
            map.values().for_each(|v| walk(v, visit));
        }
        _ => {}
    }
}

/// Like [`walk`], with mutable access.
pub fn walk_mut(value: &mut Value, visit: &mut impl FnMut(&mut serde_json::Map<String, Value>)) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| walk_mut(v, visit)),
        Value::Object(map) => {
            visit(map);
            map.values_mut().for_each(|v| walk_mut(v, visit));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_array_cast_as_a_whole_keeps_its_element_cast() {
        let printed = "CHECK (((status)::text = ANY ((ARRAY['a'::character varying, 'b, c'::character varying])::text[])))";
        assert_eq!(
            super::keep_array_casts(printed),
            "CHECK (((status)::text = ANY ((ARRAY['a'::character varying, 'b, c'::character varying]::character varying[])::text[])))"
        );
        for unchanged in [
            "CHECK ((status)::text = ANY (ARRAY[('a'::character varying)::text]))",
            "CHECK (x = ANY ((ARRAY[1, 'b'::text])::text[]))",
            "CHECK (note = '(ARRAY[''a''::text])::x')",
        ] {
            assert_eq!(super::keep_array_casts(unchanged), unchanged);
        }
    }

    #[test]
    fn operators_are_read_by_name() {
        let expr = super::parse_expression("a ~= b AND c OPERATOR(app.===) d").unwrap();
        let names = super::referenced_operators(&expr);
        for (schema, name) in [("public", "~="), ("app", "===")] {
            let name = crate::model::QualifiedName::new(schema, name);
            assert!(names.contains(&name), "{names:?}");
        }
    }

    use super::plain_decimal;

    #[test]
    fn numeric_literals_print_as_numeric_out_does() {
        for (written, printed) in [
            ("1e10", "10000000000"),
            ("1e3", "1000"),
            ("1.5e-7", "0.00000015"),
            ("1.23e1", "12.3"),
            ("1.2300e2", "123.00"),
            ("-2.5E2", "-250"),
            ("12e-1", "1.2"),
            ("0.5", "0.5"),
            ("1.50", "1.50"),
        ] {
            assert_eq!(plain_decimal(written), printed, "{written}");
        }
    }
}
