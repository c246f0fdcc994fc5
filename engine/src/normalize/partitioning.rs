//! Partition keys and bounds: both sources build them from the same parse nodes (the
//! server's `pg_get_partkeydef` and `pg_get_expr(relpartbound)` text is parsed back into a
//! `CREATE TABLE`), so they compare by tree.

use pg_query::protobuf::{self, PartitionBoundSpec, PartitionSpec};
use pg_query::{Node, NodeEnum};

use super::expr::{expr, walk_mut};
use crate::model::Expr;

/// A key as `pg_get_partkeydef` prints it: `RANGE (logdate)`.
pub fn key(text: &str) -> Option<Expr> {
    let stmt = parse_create(&format!("CREATE TABLE x () PARTITION BY {text}"))?;
    stmt.partspec.as_ref().map(key_of)
}

/// A bound as `pg_get_expr(relpartbound, …)` prints it: `FOR VALUES IN ('eu')`.
pub fn bound(text: &str) -> Option<Expr> {
    let stmt = parse_create(&format!("CREATE TABLE x PARTITION OF x {text}"))?;
    stmt.partbound.as_ref().map(bound_of)
}

fn parse_create(sql: &str) -> Option<protobuf::CreateStmt> {
    let parsed = pg_query::parse(sql, 0).ok()?;
    match parsed
        .protobuf
        .stmts
        .first()?
        .stmt
        .as_ref()?
        .node
        .as_ref()?
    {
        NodeEnum::CreateStmt(stmt) => Some(stmt.clone()),
        _ => None,
    }
}

/// `PARTITION BY …` as an expression: the text after the keywords, compared by its tree.
pub fn key_of(spec: &PartitionSpec) -> Expr {
    let stmt = protobuf::CreateStmt {
        relation: Some(placeholder_relation()),
        partspec: Some(spec.clone()),
        oncommit: protobuf::OnCommitAction::OncommitNoop as i32,
        ..Default::default()
    };
    let text = deparse_create(stmt);
    let sql = text
        .split_once(" PARTITION BY ")
        .map_or(text.as_str(), |(_, key)| key)
        .to_string();
    expr(spec, sql)
}

/// A partition's bound (`FOR VALUES IN ('eu')`, `DEFAULT`…) as an expression.
pub fn bound_of(bound: &PartitionBoundSpec) -> Expr {
    let stmt = protobuf::CreateStmt {
        relation: Some(placeholder_relation()),
        inh_relations: vec![Node {
            node: Some(NodeEnum::RangeVar(placeholder_relation())),
        }],
        partbound: Some(bound.clone()),
        oncommit: protobuf::OnCommitAction::OncommitNoop as i32,
        ..Default::default()
    };
    let text = deparse_create(stmt);
    let sql = text
        .split_once(" PARTITION OF x ")
        .map_or(text.as_str(), |(_, bound)| bound)
        .to_string();
    let mut bound = expr(bound, sql);
    if let Ok(mut tree) = serde_json::from_str::<serde_json::Value>(&bound.canonical) {
        walk_mut(&mut tree, &mut |node| {
            if let Some(serde_json::Value::String(text)) = node.get_mut("value") {
                *text = datetime_key(text);
            }
        });
        bound.canonical = tree.to_string().into();
    }
    bound
}

/// A bound on a date or time key is printed by the server with the key type's full
/// precision and the session's time zone (`'2026-01-01 00:00:00+00'` for a file's
/// `'2026-01-01'`): both compare as the date with the time of day only when it is not
/// midnight, and without the zone.
fn datetime_key(text: &str) -> String {
    let bytes = text.as_bytes();
    let is_date = bytes.len() >= 10
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !is_date {
        return text.to_string();
    }
    let (date, rest) = text.split_at(10);
    let time = rest.trim_start_matches([' ', 'T']);
    let time = time
        .find(['+', '-', 'Z'])
        .map_or(time, |zone| &time[..zone])
        .trim();
    let mut parts: Vec<&str> = time.split(':').filter(|p| !p.is_empty()).collect();
    while parts.len() < 3 {
        parts.push("00");
    }
    let seconds = match parts[2].split_once('.') {
        Some((whole, fraction)) => match fraction.trim_end_matches('0') {
            "" => whole.to_string(),
            fraction => format!("{whole}.{fraction}"),
        },
        None => parts[2].to_string(),
    };
    let time = format!("{}:{}:{seconds:0>2}", parts[0], parts[1]);
    if time == "00:00:00" {
        date.to_string()
    } else {
        format!("{date} {time}")
    }
}

fn placeholder_relation() -> protobuf::RangeVar {
    protobuf::RangeVar {
        relname: "x".into(),
        inh: true,
        relpersistence: "p".into(),
        ..Default::default()
    }
}

fn deparse_create(stmt: protobuf::CreateStmt) -> String {
    NodeEnum::CreateStmt(stmt)
        .deparse(Default::default())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_time_bounds_compare_as_the_server_prints_them() {
        assert_eq!(datetime_key("2026-01-01"), "2026-01-01");
        assert_eq!(datetime_key("2026-01-01 00:00:00+00"), "2026-01-01");
        assert_eq!(datetime_key("2026-01-01 00:00:00-05:30"), "2026-01-01");
        assert_eq!(datetime_key("2026-01-01 12:30"), "2026-01-01 12:30:00");
        assert_eq!(
            datetime_key("2026-01-01 12:30:00.500+01"),
            "2026-01-01 12:30:00.5"
        );
        assert_eq!(datetime_key("2026-01-01 12:30:30"), "2026-01-01 12:30:30");
        assert_eq!(datetime_key("eu"), "eu");
        assert_eq!(
            bound("FOR VALUES FROM ('2026-01-01') TO (MAXVALUE)"),
            bound("FOR VALUES FROM ('2026-01-01 00:00:00+00') TO (MAXVALUE)")
        );
    }
}
