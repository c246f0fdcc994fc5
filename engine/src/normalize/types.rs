//! Type names in the form `format_type` prints them (with `search_path = public`).

use pg_query::protobuf::{self, a_const};
use pg_query::NodeEnum;
use serde_json::Value;

use crate::render::quote::quote_ident;

/// The canonical spelling of a parsed `TypeName` (as pg_query's serde JSON).
pub fn canonical_type(type_name: &Value) -> String {
    let names: Vec<&str> = type_name["names"]
        .as_array()
        .map(|names| names.iter().filter_map(string_node).collect())
        .unwrap_or_default();
    let typmods: Vec<String> = type_name["typmods"]
        .as_array()
        .map(|mods| mods.iter().filter_map(typmod_text).collect())
        .unwrap_or_default();
    let is_array = type_name["array_bounds"]
        .as_array()
        .is_some_and(|bounds| !bounds.is_empty());
    format_type(&names, &typmods, is_array)
}

/// [`canonical_type`] of a parse-tree `TypeName`, read directly: a file declares one per
/// column, and its JSON costs more than the rest of the column.
pub fn type_name_text(type_name: &protobuf::TypeName) -> String {
    let names: Vec<&str> = (type_name.names.iter())
        .filter_map(|n| match &n.node {
            Some(NodeEnum::String(s)) => Some(s.sval.as_str()),
            _ => None,
        })
        .collect();
    let typmods: Vec<String> = (type_name.typmods.iter())
        .filter_map(|m| match m.node.as_ref()? {
            NodeEnum::AConst(constant) => Some(match constant.val.as_ref()? {
                a_const::Val::Ival(i) => i.ival.to_string(),
                a_const::Val::Fval(f) => f.fval.clone(),
                a_const::Val::Boolval(b) => b.boolval.to_string(),
                a_const::Val::Sval(s) => s.sval.clone(),
                a_const::Val::Bsval(b) => b.bsval.clone(),
            }),
            NodeEnum::ColumnRef(column) => match column.fields.first()?.node.as_ref()? {
                NodeEnum::String(s) => Some(s.sval.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    format_type(&names, &typmods, !type_name.array_bounds.is_empty())
}

fn format_type(names: &[&str], typmods: &[String], is_array: bool) -> String {
    let base = format_base(names, typmods);
    if is_array {
        format!("{base}[]")
    } else {
        base
    }
}

/// The canonical spelling of a type written as text (`varchar(20)`, `public.mood[]`).
pub fn canonical_type_text(text: &str) -> Option<String> {
    let parsed = pg_query::parse(&format!("SELECT NULL::{text}"), 0).ok()?;
    let json = serde_json::to_value(&parsed.protobuf).ok()?;
    let target = &json["stmts"][0]["stmt"]["node"]["SelectStmt"]["target_list"][0]["node"]
        ["ResTarget"]["val"]["node"]["TypeCast"]["type_name"];
    (!target.is_null()).then(|| canonical_type(target))
}

/// The text of a `String` node.
pub fn string_node(node: &Value) -> Option<&str> {
    node["node"]["String"]["sval"].as_str()
}

fn typmod_text(node: &Value) -> Option<String> {
    let node = &node["node"];
    if let Some(value) = node["AConst"]["val"].as_object() {
        return value.values().next().and_then(|v| {
            v.as_object()
                .and_then(|o| o.values().next())
                .map(|x| match x {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
        });
    }
    node["ColumnRef"]["fields"][0]["node"]["String"]["sval"]
        .as_str()
        .map(str::to_string)
}

fn format_base(names: &[&str], typmods: &[String]) -> String {
    let (schema, name) = match names {
        [name] => (None, *name),
        [schema, name] => (Some(*schema), *name),
        [.., schema, name] => (Some(*schema), *name),
        [] => return String::new(),
    };
    if matches!(schema, None | Some("pg_catalog")) {
        if let Some(builtin) = format_builtin(name, typmods) {
            return builtin;
        }
    }
    let mut out = match schema {
        None | Some("public") | Some("pg_catalog") => quote_ident(name),
        Some(schema) => format!("{}.{}", quote_ident(schema), quote_ident(name)),
    };
    if !typmods.is_empty() {
        out.push_str(&format!("({})", typmods.join(",")));
    }
    out
}

fn with_typmod(name: &str, typmods: &[String]) -> String {
    match typmods.first() {
        Some(m) => format!("{name}({m})"),
        None => name.to_string(),
    }
}

/// Time types print their precision before the zone clause.
fn time_type(name: &str, typmods: &[String], zone: &str) -> String {
    format!("{} {zone}", with_typmod(name, typmods))
}

fn format_builtin(name: &str, typmods: &[String]) -> Option<String> {
    let text = match name {
        "int2" | "smallint" => "smallint".into(),
        "int4" | "integer" | "int" => "integer".into(),
        "int8" | "bigint" => "bigint".into(),
        "float4" | "real" => "real".into(),
        "float8" => "double precision".into(),
        "bool" | "boolean" => "boolean".into(),
        "numeric" | "decimal" => match typmods {
            [p] => format!("numeric({p},0)"),
            [p, s] => format!("numeric({p},{s})"),
            _ => "numeric".into(),
        },
        "varchar" => with_typmod("character varying", typmods),
        "bpchar" if typmods.is_empty() => "bpchar".into(),
        "bpchar" | "character" => with_typmod("character", typmods),
        // `char` is the grammar's `bpchar`; a bare (quoted) "char" is the one-byte type
        "char" => "\"char\"".into(),
        "varbit" => with_typmod("bit varying", typmods),
        "bit" => with_typmod("bit", typmods),
        "timestamp" => time_type("timestamp", typmods, "without time zone"),
        "timestamptz" => time_type("timestamp", typmods, "with time zone"),
        "time" => time_type("time", typmods, "without time zone"),
        "timetz" => time_type("time", typmods, "with time zone"),
        "interval" => format_interval(typmods),
        _ => return None,
    };
    Some(text)
}

/// `interval` typmods are a field mask and an optional precision (see `intervaltypmodout`).
fn format_interval(typmods: &[String]) -> String {
    const FULL_RANGE: i64 = 0x7FFF;
    let mask: i64 = typmods
        .first()
        .and_then(|m| m.parse().ok())
        .unwrap_or(FULL_RANGE);
    let (year, month, day, hour, minute, second) =
        (1 << 2, 1 << 1, 1 << 3, 1 << 10, 1 << 11, 1 << 12);
    let fields = match mask {
        m if m == year => " year",
        m if m == month => " month",
        m if m == day => " day",
        m if m == hour => " hour",
        m if m == minute => " minute",
        m if m == second => " second",
        m if m == year | month => " year to month",
        m if m == day | hour => " day to hour",
        m if m == day | hour | minute => " day to minute",
        m if m == day | hour | minute | second => " day to second",
        m if m == hour | minute => " hour to minute",
        m if m == hour | minute | second => " hour to second",
        m if m == minute | second => " minute to second",
        _ => "",
    };
    match typmods.get(1) {
        Some(precision) => format!("interval{fields}({precision})"),
        None => format!("interval{fields}"),
    }
}

/// Types every database has (not an enum, domain or extension type), in canonical spelling.
pub fn is_builtin_type(type_name: &str) -> bool {
    let base = type_name.trim_end_matches("[]");
    let base = base.split('(').next().unwrap_or(base);
    matches!(
        base,
        "smallint"
            | "integer"
            | "bigint"
            | "numeric"
            | "real"
            | "double precision"
            | "boolean"
            | "text"
            | "character varying"
            | "character"
            | "bpchar"
            | "bytea"
            | "date"
            | "interval"
            | "uuid"
            | "json"
            | "jsonb"
            | "xml"
            | "inet"
            | "cidr"
            | "macaddr"
            | "macaddr8"
            | "money"
            | "tsvector"
            | "tsquery"
            | "point"
            | "line"
            | "lseg"
            | "box"
            | "path"
            | "polygon"
            | "circle"
            | "oid"
            | "bit"
            | "bit varying"
            | "int4range"
            | "int8range"
            | "numrange"
            | "tsrange"
            | "tstzrange"
            | "daterange"
            | "name"
            | "\"char\""
    ) || base.starts_with("timestamp")
        || base.starts_with("time ")
        || base.starts_with("time(")
        || base.starts_with("interval")
}

#[cfg(test)]
mod tests {
    use super::canonical_type_text as t;
    use pg_query::NodeEnum;

    /// [`super::type_name_text`] of the type in `SELECT NULL::written`.
    fn direct(written: &str) -> String {
        let parsed = pg_query::parse(&format!("SELECT NULL::{written}"), 0).unwrap();
        let stmt = parsed.protobuf.stmts[0].stmt.as_ref().unwrap();
        let Some(NodeEnum::SelectStmt(select)) = &stmt.node else {
            panic!("{written}")
        };
        let Some(NodeEnum::ResTarget(target)) = &select.target_list[0].node else {
            panic!("{written}")
        };
        let Some(NodeEnum::TypeCast(cast)) = &target.val.as_ref().unwrap().node else {
            panic!("{written}")
        };
        super::type_name_text(cast.type_name.as_ref().unwrap())
    }

    #[test]
    fn aliases_print_as_format_type_does() {
        for (written, canonical) in [
            ("int", "integer"),
            ("int4", "integer"),
            ("integer", "integer"),
            ("int8", "bigint"),
            ("smallint", "smallint"),
            ("float8", "double precision"),
            ("double precision", "double precision"),
            ("float", "double precision"),
            ("real", "real"),
            ("bool", "boolean"),
            ("varchar", "character varying"),
            ("varchar(20)", "character varying(20)"),
            ("character varying(20)", "character varying(20)"),
            ("char", "character(1)"),
            ("char(3)", "character(3)"),
            ("\"char\"", "\"char\""),
            ("pg_catalog.\"char\"", "\"char\""),
            ("numeric", "numeric"),
            ("numeric(10)", "numeric(10,0)"),
            ("decimal(10,2)", "numeric(10,2)"),
            ("timestamptz", "timestamp with time zone"),
            ("timestamp with time zone", "timestamp with time zone"),
            ("timestamp", "timestamp without time zone"),
            ("timestamp(3)", "timestamp(3) without time zone"),
            ("timestamp(0)", "timestamp(0) without time zone"),
            ("interval second(0)", "interval second(0)"),
            ("interval day to second(3)", "interval day to second(3)"),
            ("numeric(10,2)[]", "numeric(10,2)[]"),
            ("bit(1)", "bit(1)"),
            ("time with time zone", "time with time zone"),
            ("interval", "interval"),
            ("interval day to second", "interval day to second"),
            ("text[]", "text[]"),
            ("int[][]", "integer[]"),
            ("public.mood", "mood"),
            ("app.mood", "app.mood"),
            ("\"Mood\"", "\"Mood\""),
            ("vector(3)", "vector(3)"),
            ("jsonb", "jsonb"),
            ("bit varying(8)", "bit varying(8)"),
        ] {
            assert_eq!(t(written).as_deref(), Some(canonical), "{written}");
            assert_eq!(direct(written), canonical, "{written}");
        }
    }
}
