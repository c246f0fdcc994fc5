//! Row-level security policies.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::constraints::parse_batch;
use super::Reader;
use crate::error::Error;
use crate::model::{Catalog, Expr, Policy, QualifiedName};
use crate::normalize::trigger::policy;
use crate::render::ddl::create_policy;

const QUERY: &str = include_str!("queries/policies.sql");
const WHAT: &str = "policies";

/// Adds the policies of the modelled tables. Each is rendered as the `CREATE POLICY` that
/// would make it, and all are parsed a run per pg_query call, so that the file's statements and
/// the server's go through one normaliser.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let mut statements = Vec::new();
    let mut extras = Vec::new();
    for row in reader.query(tx, WHAT, QUERY)? {
        let table = QualifiedName::new(
            reader.get::<String>(&row, WHAT, "schema")?,
            reader.get::<String>(&row, WHAT, "relation")?,
        );
        if !catalog.tables.contains_key(&table) {
            continue;
        }
        let name: String = reader.get(&row, WHAT, "name")?;
        let permissive: bool = reader.get(&row, WHAT, "permissive")?;
        let command: String = reader.get(&row, WHAT, "command")?;
        let roles: Vec<String> = reader.get(&row, WHAT, "roles")?;
        let using: Option<String> = reader.get(&row, WHAT, "using_expr")?;
        let check: Option<String> = reader.get(&row, WHAT, "check_expr")?;
        // the statement that would create it, rendered as the plan would: one grammar for
        // both sources
        let printed = |text: &Option<String>| {
            text.as_ref().map(|t| Expr {
                sql: t.clone(),
                canonical: "".into(),
            })
        };
        let statement = Policy {
            table: table.clone(),
            name,
            permissive,
            command,
            roles,
            using: printed(&using),
            with_check: printed(&check),
            columns: Vec::new(),
            reads: Vec::new(),
            comment: None,
        };
        statements.push(create_policy(&statement).swap_remove(0));
        extras.push((
            using,
            check,
            reader.get::<Option<String>>(&row, WHAT, "comment")?,
        ));
    }
    let statements = parse_batch(&statements, |node| match node {
        NodeEnum::CreatePolicyStmt(stmt) => Some(stmt.clone()),
        _ => None,
    })
    .map_err(|index| {
        let printed = &statements[index];
        reader.error(WHAT, format!("a printed policy does not parse: {printed}"))
    })?;
    for (stmt, (using, check, comment)) in statements.iter().zip(extras) {
        let mut policy = policy(stmt, Some((using, check)));
        policy.comment = comment;
        catalog
            .policies
            .insert((policy.table.clone(), policy.name.clone()), policy);
    }
    Ok(())
}
