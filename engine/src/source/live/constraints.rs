//! Table constraints: what `pg_get_constraintdef` prints, parsed in runs and built by
//! the same code as the desired-state parser's.

use pg_query::protobuf::{self, DefElemAction};
use pg_query::{Node, NodeEnum};
use postgres::Transaction;

use super::tables::TableOids;
use super::{Distinct, Reader};
use crate::error::Error;
use crate::model::{Catalog, Constraint};
use crate::normalize::definitions;

const QUERY: &str = include_str!("queries/constraints.sql");
const WHAT: &str = "constraints";

/// `NOT VALID` is state, not definition: the model keeps it in `not_valid`.
const NOT_VALID: &str = " NOT VALID";

/// One row of the query, for a table that was read.
struct Row {
    table_oid: u32,
    name: String,
    definition: String,
    validated: bool,
    /// `name=value` storage parameters of the index of a primary key or unique constraint.
    index_options: Vec<String>,
    comment: Option<String>,
}

/// Adds the constraints to their tables.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
    tables: &TableOids,
) -> Result<(), Error> {
    let mut rows = Vec::new();
    for row in reader.query(tx, WHAT, QUERY)? {
        let table_oid = reader.get(&row, WHAT, "table_oid")?;
        if !tables.contains_key(&table_oid) {
            continue;
        }
        let definition: String = reader.get(&row, WHAT, "definition")?;
        rows.push(Row {
            table_oid,
            name: reader.get(&row, WHAT, "name")?,
            definition: definition
                .strip_suffix(NOT_VALID)
                .unwrap_or(&definition)
                .to_string(),
            validated: reader.get(&row, WHAT, "validated")?,
            index_options: reader
                .get::<Option<Vec<String>>>(&row, WHAT, "index_options")?
                .unwrap_or_default(),
            comment: reader.get(&row, WHAT, "comment")?,
        });
    }

    let distinct = Distinct::new(rows.iter().map(|r| r.definition.as_str()));
    let texts: Vec<String> = (distinct.texts.iter())
        .map(|definition| format!("ALTER TABLE t ADD CONSTRAINT n {definition}"))
        .collect();
    let nodes = parse_batch(&texts, |stmt| {
        let NodeEnum::AlterTableStmt(alter) = stmt else {
            return None;
        };
        let Some(NodeEnum::AlterTableCmd(cmd)) = alter.cmds.first()?.node.as_ref() else {
            return None;
        };
        match cmd.def.as_deref()?.node.as_ref()? {
            NodeEnum::Constraint(c) => Some((**c).clone()),
            _ => None,
        }
    })
    .map_err(|index| unparsable(reader, &rows[distinct.first_row(index)], tables))?;
    let printed: Vec<Constraint> = (nodes.iter().zip(&distinct.texts))
        .map(|(node, definition)| {
            let sql = crate::normalize::expr::keep_array_casts(definition);
            definitions::constraint(node, "", Some(sql))
        })
        .collect();

    for (row, &index) in rows.iter().zip(&distinct.index_of_row) {
        let Some(table) = tables
            .get(&row.table_oid)
            .and_then(|name| catalog.tables.get_mut(name))
        else {
            continue;
        };
        let mut constraint = if nodes[index].options.is_empty() && !row.index_options.is_empty() {
            // with storage parameters added, the node is the definition and is printed from it
            let mut node = nodes[index].clone();
            node.options = (row.index_options.iter())
                .map(|o| storage_parameter(o))
                .collect();
            definitions::constraint(&node, &row.name, None)
        } else {
            Constraint {
                name: row.name.clone(),
                ..printed[index].clone()
            }
        };
        // PostgreSQL 18 leaves a NOT ENFORCED constraint unvalidated too; that is part of
        // its definition, not a pending validation
        constraint.not_valid = !row.validated && nodes[index].is_enforced;
        constraint.comment = row.comment.clone();
        table.constraints.insert(row.name.clone(), constraint);
    }
    Ok(())
}

/// `fillfactor=80` as the option node `WITH (fillfactor = '80')` parses into.
fn storage_parameter(option: &str) -> Node {
    let (name, value) = option.split_once('=').unwrap_or((option, ""));
    Node {
        node: Some(NodeEnum::DefElem(Box::new(protobuf::DefElem {
            defname: name.to_string(),
            arg: Some(Box::new(Node {
                node: Some(NodeEnum::String(protobuf::String {
                    sval: value.to_string(),
                })),
            })),
            defaction: DefElemAction::DefelemUnspec as i32,
            location: -1,
            arg_location: -1,
            ..Default::default()
        }))),
    }
}

fn unparsable(reader: &Reader, row: &Row, tables: &TableOids) -> Error {
    let table = tables
        .get(&row.table_oid)
        .map(ToString::to_string)
        .unwrap_or_default();
    reader.error(
        WHAT,
        format!(
            "cannot parse the definition of constraint `{}` of `{table}`: {}",
            row.name, row.definition
        ),
    )
}

/// Parses every statement text, a run of them per pg_query call (its per-call cost dominates
/// for small statements), and extracts a node from each. On failure, the index of the first
/// text that does not parse or does not have the expected shape.
pub(super) fn parse_batch<T>(
    texts: &[String],
    extract: impl Fn(&NodeEnum) -> Option<T>,
) -> Result<Vec<T>, usize> {
    let mut nodes = Vec::with_capacity(texts.len());
    for run in crate::source::parse_runs(texts) {
        let parsed = parse_run(&texts[run.clone()], &extract);
        nodes.extend(parsed.map_err(|index| run.start + index)?);
    }
    Ok(nodes)
}

fn parse_run<T>(
    texts: &[String],
    extract: impl Fn(&NodeEnum) -> Option<T>,
) -> Result<Vec<T>, usize> {
    let parse_one = |text: &str| -> Option<Vec<T>> {
        let parsed = pg_query::parse(text, 0).ok()?;
        parsed
            .protobuf
            .stmts
            .iter()
            .map(|raw| raw.stmt.as_ref()?.node.as_ref().and_then(&extract))
            .collect()
    };
    let batch: String = texts.iter().map(|t| format!("{t};\n")).collect();
    if let Some(nodes) = parse_one(&batch) {
        if nodes.len() == texts.len() {
            return Ok(nodes);
        }
    }
    // find the culprit: the batch either failed or split differently than expected
    for (index, text) in texts.iter().enumerate() {
        match parse_one(text) {
            Some(nodes) if nodes.len() == 1 => {}
            _ => return Err(index),
        }
    }
    Err(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(count: usize) -> Vec<String> {
        (0..count)
            .map(|i| format!("CREATE INDEX i{i} ON t (c{i}, {})", "x".repeat(100)))
            .collect()
    }

    #[test]
    fn many_texts_parse_in_runs_and_keep_their_order() {
        let texts = texts(2_000);
        assert!(crate::source::parse_runs(&texts).len() > 1);
        let names = parse_batch(&texts, |node| match node {
            NodeEnum::IndexStmt(stmt) => Some(stmt.idxname.clone()),
            _ => None,
        });
        let expected: Vec<String> = (0..2_000).map(|i| format!("i{i}")).collect();
        assert_eq!(names, Ok(expected));
    }

    #[test]
    fn a_text_that_does_not_parse_is_named_in_any_run() {
        let mut texts = texts(2_000);
        texts[1_500] = "CREATE INDEX ON".into();
        let parsed = parse_batch(&texts, |node| {
            matches!(node, NodeEnum::IndexStmt(_)).then_some(())
        });
        assert_eq!(parsed, Err(1_500));
    }
}
