//! Live database → catalog.
//!
//! Everything is read in one `REPEATABLE READ READ ONLY` transaction (`START TRANSACTION
//! ISOLATION LEVEL REPEATABLE READ, READ ONLY`, the same as `BEGIN …`), so the catalog is one
//! consistent snapshot even while other sessions change the schema, and nothing is written.
//! There is one query per object kind, never one per object: the number of round trips does
//! not grow with the schema. Each kind has its loader module beside its query in `queries/`.
//!
//! The search path is `public` for the whole transaction, as the desired-state parser
//! assumes: `format_type`, `pg_get_expr`, `pg_get_constraintdef` and `pg_get_indexdef` then
//! print names in `public` and `pg_catalog` unqualified and everything else qualified, which
//! is exactly what the offline normalisation produces.
//!
//! Excluded everywhere: system schemas, the tool's own `schemadiff_archive` and `schemadiff`
//! (apply's history), and every object that belongs to an extension (the extension itself is
//! the object).

mod aggregates;
mod casts;
mod constraints;
mod enums;
mod event_triggers;
mod extensions;
mod foreign;
mod functions;
mod indexes;
pub mod lint_tables;
mod operators;
mod policies;
mod privileges;
mod publications;
mod rules;
mod schemas;
mod sequences;
mod statistics;
mod subscriptions;
mod tables;
mod text_search;
mod triggers;
mod unsupported;
mod user_types;
mod views;

use std::collections::HashMap;

use postgres::types::FromSql;
use postgres::{Client, IsolationLevel, Row, Transaction};

use crate::error::{redact_url, Error};
use crate::model::Catalog;

/// Connects to `url` and reads its catalog.
pub fn load(url: &str) -> Result<Catalog, Error> {
    let mut client = crate::connect::connect(url)?;
    load_with(&mut client, url)
}

/// Reads the catalog through a connection the caller already holds. `url_for_errors` names
/// the database in errors (it is redacted before use). The connection is left outside any
/// transaction, with its session settings untouched (`SET LOCAL` ends with the transaction).
pub fn load_with(client: &mut Client, url_for_errors: &str) -> Result<Catalog, Error> {
    let reader = Reader {
        url: redact_url(url_for_errors),
    };
    let fail = |what| {
        let url = reader.url.clone();
        move |e: postgres::Error| Error::Catalog {
            url,
            what,
            message: error_message(&e),
        }
    };
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(fail("begin transaction"))?;
    tx.batch_execute("SET LOCAL search_path = public")
        .map_err(fail("set search_path"))?;

    let mut catalog = Catalog::default();
    let server = tx
        .query_one(include_str!("queries/server.sql"), &[])
        .map_err(fail("server version"))?;
    let version: String = reader.get(&server, "server version", "version_num")?;
    catalog.cluster.version_num = version.parse().ok();
    catalog.cluster.compression_methods =
        reader.get(&server, "server version", "compression_methods")?;
    catalog.cluster.current_role = reader.get(&server, "server version", "current_role")?;
    schemas::load(&reader, &mut tx, &mut catalog)?;
    extensions::load(&reader, &mut tx, &mut catalog)?;
    enums::load(&reader, &mut tx, &mut catalog)?;
    user_types::load_collations(&reader, &mut tx, &mut catalog)?;
    user_types::load_domains(&reader, &mut tx, &mut catalog)?;
    user_types::load_composite_types(&reader, &mut tx, &mut catalog)?;
    user_types::load_range_types(&reader, &mut tx, &mut catalog)?;
    sequences::load(&reader, &mut tx, &mut catalog)?;
    let tables = tables::load(&reader, &mut tx, &mut catalog)?;
    constraints::load(&reader, &mut tx, &mut catalog, &tables)?;
    indexes::load(&reader, &mut tx, &mut catalog, &tables)?;
    statistics::load(&reader, &mut tx, &mut catalog, &tables)?;
    functions::load(&reader, &mut tx, &mut catalog)?;
    aggregates::load(&reader, &mut tx, &mut catalog)?;
    views::load(&reader, &mut tx, &mut catalog)?;
    triggers::load(&reader, &mut tx, &mut catalog)?;
    rules::load(&reader, &mut tx, &mut catalog)?;
    policies::load(&reader, &mut tx, &mut catalog)?;
    publications::load(&reader, &mut tx, &mut catalog)?;
    event_triggers::load(&reader, &mut tx, &mut catalog)?;
    casts::load(&reader, &mut tx, &mut catalog)?;
    operators::load(&reader, &mut tx, &mut catalog)?;
    text_search::load(&reader, &mut tx, &mut catalog)?;
    foreign::load(&reader, &mut tx, &mut catalog)?;
    subscriptions::load(&reader, &mut tx, &mut catalog)?;
    privileges::load(&reader, &mut tx, &mut catalog)?;
    privileges::load_defaults(&reader, &mut tx, &mut catalog)?;
    privileges::load_roles(&reader, &mut tx, &mut catalog)?;
    unsupported::load(&reader, &mut tx, &mut catalog)?;

    // read only: commit and rollback are the same, commit says we are done
    tx.commit().map_err(fail("commit"))?;
    catalog.sort();
    Ok(catalog)
}

/// What the loaders share: the redacted URL every error names.
struct Reader {
    url: String,
}

impl Reader {
    /// Runs one catalog query; `what` names the object kind in errors.
    fn query(
        &self,
        tx: &mut Transaction<'_>,
        what: &'static str,
        sql: &str,
    ) -> Result<Vec<Row>, Error> {
        self.query_with(tx, what, sql, &[])
    }

    /// Runs one catalog query with parameters.
    fn query_with(
        &self,
        tx: &mut Transaction<'_>,
        what: &'static str,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<Row>, Error> {
        tx.query(sql, params)
            .map_err(|e| self.error(what, error_message(&e)))
    }

    /// A savepoint in the catalog transaction, for reading `what`.
    fn savepoint<'t>(
        &self,
        tx: &'t mut Transaction<'_>,
        what: &'static str,
    ) -> Result<Transaction<'t>, Error> {
        tx.savepoint("schemadiff_reading")
            .map_err(|e| self.error(what, error_message(&e)))
    }

    /// A column of a row, by name.
    fn get<'a, T: FromSql<'a>>(
        &self,
        row: &'a Row,
        what: &'static str,
        column: &str,
    ) -> Result<T, Error> {
        row.try_get(column)
            .map_err(|e| self.error(what, format!("column `{column}`: {}", error_message(&e))))
    }

    /// An error while reading `what`.
    fn error(&self, what: &'static str, message: String) -> Error {
        Error::Catalog {
            url: self.url.clone(),
            what,
            message,
        }
    }
}

/// The distinct texts of a column of rows, in first-seen order, and for each row the index
/// of its text: a large schema repeats a few definitions (`PRIMARY KEY (id)`, `DEFAULT
/// now()`) thousands of times, and each is parsed and normalised once.
struct Distinct<'a> {
    texts: Vec<&'a str>,
    index_of_row: Vec<usize>,
}

impl<'a> Distinct<'a> {
    fn new(rows: impl IntoIterator<Item = &'a str>) -> Self {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut texts = Vec::new();
        let index_of_row = (rows.into_iter())
            .map(|text| {
                *seen.entry(text).or_insert_with(|| {
                    texts.push(text);
                    texts.len() - 1
                })
            })
            .collect();
        Distinct {
            texts,
            index_of_row,
        }
    }

    /// The first row whose text is the `index`th distinct one.
    fn first_row(&self, index: usize) -> usize {
        (self.index_of_row.iter())
            .position(|&i| i == index)
            .unwrap_or_default()
    }
}

/// The client error with its causes: `postgres::Error` alone prints only its kind (`db
/// error`), the server's message is in the source chain.
pub(crate) fn error_message(error: &postgres::Error) -> String {
    if let Some(db) = error.as_db_error() {
        return db.to_string();
    }
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
