//! Subscriptions: one query, whose rows are turned into the `CREATE SUBSCRIPTION`
//! statements that would make them and parsed in one pg_query call, so that the file's
//! statements and the server's go through one normaliser. A role that may not read the
//! connection (only superusers may) reads it as `Conninfo::Unreadable`.

use pg_query::NodeEnum;
use postgres::Transaction;

use super::Reader;
use crate::error::Error;
use crate::model::{AclObject, Catalog, Conninfo, STORED_OPTIONS};
use crate::normalize::subscription::subscription;
use crate::render::quote::{quote_ident, quote_literal};

const QUERY: &str = include_str!("queries/subscriptions.sql");
const WHAT: &str = "subscriptions";

pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    let readable: bool = tx
        .query_one(
            "SELECT has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT')",
            &[],
        )
        .map_err(|e| reader.error(WHAT, super::error_message(&e)))?
        .get(0);
    // the server's version was read first, with the catalog's other facts about it
    let major = catalog.cluster.version_num.unwrap_or_default() as i32 / 10000;
    let options: Vec<&str> = (STORED_OPTIONS.iter())
        .filter(|(.., since)| major >= *since as i32)
        .map(|(name, ..)| *name)
        .collect();
    let query = QUERY
        .replace(
            "{conninfo}",
            if readable {
                "s.subconninfo"
            } else {
                "NULL::text"
            },
        )
        .replace("{options}", &option_columns(major, &options));
    let mut statements = String::new();
    let mut extras = Vec::new();
    for row in reader.query(tx, WHAT, &query)? {
        let name: String = reader.get(&row, WHAT, "name")?;
        let conninfo: Option<String> = reader.get(&row, WHAT, "conninfo")?;
        let publications: Vec<String> = reader.get(&row, WHAT, "publications")?;
        let enabled: bool = reader.get(&row, WHAT, "enabled")?;
        let slot: Option<String> = reader.get(&row, WHAT, "slot_name")?;
        let mut with = vec![
            format!("enabled = {enabled}"),
            "create_slot = false".to_string(),
            format!(
                "slot_name = {}",
                slot.as_deref().map_or("NONE".to_string(), quote_literal)
            ),
        ];
        for option in &options {
            let value: String = reader.get(&row, WHAT, option)?;
            // from PostgreSQL 18 a subscription streams in parallel unless told otherwise:
            // that is what a file that says nothing means there
            if *option == "streaming" && major >= 18 && value == "parallel" {
                continue;
            }
            with.push(format!("{option} = {}", quote_literal(&value)));
        }
        let publications: Vec<String> = publications.iter().map(|p| quote_ident(p)).collect();
        statements.push_str(&format!(
            "CREATE SUBSCRIPTION {} CONNECTION {} PUBLICATION {} WITH ({});\n",
            quote_ident(&name),
            quote_literal(conninfo.as_deref().unwrap_or_default()),
            publications.join(", "),
            with.join(", ")
        ));
        extras.push((
            conninfo.is_some(),
            reader.get::<Option<String>>(&row, WHAT, "comment")?,
            reader.get::<Option<String>>(&row, WHAT, "owner")?,
        ));
    }
    let parsed = pg_query::parse(&statements, 0)
        .map_err(|e| reader.error(WHAT, format!("a printed subscription does not parse: {e}")))?;
    for (raw, (readable, comment, owner)) in parsed.protobuf.stmts.iter().zip(extras) {
        let Some(NodeEnum::CreateSubscriptionStmt(stmt)) =
            raw.stmt.as_ref().and_then(|s| s.node.as_ref())
        else {
            continue;
        };
        let mut subscription = subscription(stmt).map_err(|reason| {
            reader.error(WHAT, format!("subscription `{}`: {reason}", stmt.subname))
        })?;
        if !readable {
            subscription.conninfo = Conninfo::Unreadable;
        }
        subscription.comment = comment;
        catalog.set_owner(AclObject::Subscription(subscription.name.clone()), owner);
        catalog
            .subscriptions
            .insert(subscription.name.clone(), subscription);
    }
    Ok(())
}

/// `expression AS "option",` for each stored option this server has, in the text the
/// server spells its value with.
fn option_columns(major: i32, options: &[&str]) -> String {
    (options.iter())
        .map(|option| {
            let expression = match *option {
                "synchronous_commit" => "s.subsynccommit".to_string(),
                "streaming" if major >= 16 => {
                    "CASE s.substream WHEN 't' THEN 'on' WHEN 'p' THEN 'parallel' ELSE 'off' END"
                        .to_string()
                }
                "streaming" => "CASE WHEN s.substream THEN 'on' ELSE 'off' END".to_string(),
                "two_phase" => "(s.subtwophasestate <> 'd')::text".to_string(),
                "disable_on_error" => "s.subdisableonerr::text".to_string(),
                "origin" => "s.suborigin".to_string(),
                "password_required" => "s.subpasswordrequired::text".to_string(),
                "run_as_owner" => "s.subrunasowner::text".to_string(),
                other => format!("s.sub{other}::text"),
            };
            format!("{expression} AS \"{option}\",\n       ")
        })
        .collect()
}
