//! The archive that `--retain-dropped` fills: what plans kept in `schemadiff_archive`, and
//! removing what is old enough (`schemadiff archive list` and `purge`).

use crate::connect::connect;
use crate::error::{redact_url, Error};
use crate::render::ddl::archive::{ARCHIVE_SCHEMA, REGISTER};
use crate::render::quote::{quote_ident, quote_literal};
use crate::source::live::error_message;

/// One archived table, column or sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Archived {
    /// Its name in the archive schema.
    pub name: String,
    /// `table`, `column` or `sequence`.
    pub kind: String,
    /// What it held: `public.orders`, `public.orders.note`.
    pub original: String,
    /// The id of the plan that archived it.
    pub plan: String,
    /// When the plan ran, as the server prints it.
    pub archived_at: String,
}

/// Everything archived in the database at `url`, oldest first.
pub fn list(url: &str) -> Result<Vec<Archived>, Error> {
    let mut client = connect(url)?;
    select(&mut client, url, "true")
}

/// Removes what was archived more than `older_than` ago (an interval such as `7 days`) and
/// returns it; in one transaction, so a failure removes nothing.
pub fn purge(url: &str, older_than: &str) -> Result<Vec<Archived>, Error> {
    let mut client = connect(url)?;
    let fail = |e: postgres::Error| catalog_error(url, e);
    let mut transaction = client.transaction().map_err(fail)?;
    let condition = format!(
        "archived_at < now() - {}::interval",
        quote_literal(older_than)
    );
    let old = select(&mut transaction, url, &condition)?;
    // tables first: an archived table's default may still draw from an archived sequence
    let (sequences, tables): (Vec<&Archived>, Vec<&Archived>) =
        old.iter().partition(|a| a.kind == "sequence");
    for archived in tables.into_iter().chain(sequences) {
        let keyword = if archived.kind == "sequence" {
            "SEQUENCE"
        } else {
            "TABLE"
        };
        transaction
            .batch_execute(&format!(
                "DROP {keyword} IF EXISTS {ARCHIVE_SCHEMA}.{}; DELETE FROM {REGISTER} WHERE name = {}",
                quote_ident(&archived.name),
                quote_literal(&archived.name)
            ))
            .map_err(fail)?;
    }
    transaction.commit().map_err(fail)?;
    Ok(old)
}

fn select(
    client: &mut impl postgres::GenericClient,
    url: &str,
    condition: &str,
) -> Result<Vec<Archived>, Error> {
    let fail = |e: postgres::Error| catalog_error(url, e);
    let registered = client
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&REGISTER])
        .map_err(fail)?;
    if !registered.get::<_, bool>(0) {
        return Ok(Vec::new());
    }
    let rows = client
        .query(
            &format!(
                "SELECT name, kind, original, plan, archived_at::text FROM {REGISTER} WHERE {condition} ORDER BY archived_at, name"
            ),
            &[],
        )
        .map_err(fail)?;
    Ok(rows
        .iter()
        .map(|row| Archived {
            name: row.get(0),
            kind: row.get(1),
            original: row.get(2),
            plan: row.get(3),
            archived_at: row.get(4),
        })
        .collect())
}

fn catalog_error(url: &str, error: postgres::Error) -> Error {
    Error::Catalog {
        url: redact_url(url),
        what: "the archive",
        message: error_message(&error),
    }
}
