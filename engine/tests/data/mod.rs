//! Data survival for the case test: a migration must keep the rows it does not say it loses.
//!
//! Before `up.sql` runs, every table of the FROM schema gets a few rows ([`seed`]): the case's
//! `seed.sql` when it has one, otherwise rows generated from each column's type and the row
//! number, so that a foreign key's columns get the same values as the key they reference
//! (row `i` points at row `i`). The rows are then read back as text ([`snapshot`]).
//!
//! - After `up.sql`, every table on both sides must hold the same rows on the columns both
//!   sides have ([`check_migrated`]), an old value of a column whose type changed first
//!   converted as the server converts it.
//! - After `down.sql` (or the rollback of a partial apply), every table must hold exactly the
//!   snapshot again ([`check_restored`]).
//!
//! A step whose [`DataEffect`] says it destroys (`Lossy`) or archives (`Retained`) a table's
//! or column's data exempts that table or column (and what goes with it: a table's
//! partitions, a column's copies in the children that lose it with the parent) from the
//! first check; only `Lossy` exempts it from the second, since the rollback must restore
//! retained data.
//!
//! A plan that loses data without archiving it is run without rows (the case test decides):
//! its rollback cannot bring back rows that others need, such as those a foreign key
//! references. The `--retain-dropped` path runs every case with rows.
//!
//! A case whose from.sql cannot take generated rows (a CHECK they break, a partitioned table
//! without a partition for them), or whose to.sql needs rows the generator does not make (a
//! new CHECK, an enum value removed, a NOT NULL column added without a default, which only
//! an empty table takes), has a `seed.sql`.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::rc::Rc;

use postgres::{Client, NoTls};
use schemadiff_engine::model::{Catalog, QualifiedName, Table};
use schemadiff_engine::plan::{DataEffect, Step};
use schemadiff_engine::render::quote::{quote_ident, quote_literal};

/// Rows generated per table.
const ROWS: u32 = 3;

/// How many differing rows a failure shows, each way.
const SHOWN: usize = 3;

type Row = Vec<Option<String>>;

/// A table's column.
type ColumnOf = (QualifiedName, String);

/// The INSERTs of one generated row, to try in turn.
type Attempts = Vec<String>;

/// A session for seeding and checking one database.
pub fn connect(url: &str) -> Result<Client, String> {
    let mut client = Client::connect(url, NoTls).map_err(|e| format!("connect: {e}"))?;
    // type names are spelled as `format_type` prints them with this search path
    client
        .batch_execute("SET search_path = public")
        .map_err(|e| server_error(&e))?;
    Ok(client)
}

/// The server's message, without the driver's wrapping.
fn server_error(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => error.to_string(),
    }
}

/// Fills every table of `catalog` (the database's own schema): the case's `seed.sql` if it
/// has one, generated rows otherwise. Foreign keys and user triggers are off while seeding
/// (`session_replication_role = replica`); CHECK constraints still hold.
pub fn seed(client: &mut Client, catalog: &Catalog, case: &Path) -> Result<(), String> {
    let file = case.join("seed.sql");
    if file.exists() {
        let sql = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        let mut tx = client.transaction().map_err(|e| server_error(&e))?;
        tx.batch_execute("SET LOCAL session_replication_role = replica")
            .and_then(|()| tx.batch_execute(&sql))
            .map_err(|e| format!("{}: {}", file.display(), server_error(&e)))?;
        return tx.commit().map_err(|e| server_error(&e));
    }
    let inserts = generate(client, catalog)?;
    let mut tx = client.transaction().map_err(|e| server_error(&e))?;
    tx.batch_execute("SET LOCAL session_replication_role = replica")
        .map_err(|e| server_error(&e))?;
    let mut failures = Vec::new();
    for (table, rows) in inserts {
        let mut inserted = 0;
        let mut last_error = String::new();
        // a row that breaks a CHECK with every column filled may pass with only the columns
        // that must be filled, the others left to their defaults
        for attempts in rows {
            for insert in attempts {
                let mut savepoint = tx.transaction().map_err(|e| server_error(&e))?;
                match savepoint.batch_execute(&insert) {
                    Ok(()) => {
                        savepoint.commit().map_err(|e| server_error(&e))?;
                        inserted += 1;
                        break;
                    }
                    Err(e) => last_error = format!("{}\n  {insert}", server_error(&e)),
                }
            }
        }
        if inserted == 0 {
            failures.push(format!("no row goes into {table}: {last_error}"));
        }
    }
    tx.commit().map_err(|e| server_error(&e))?;
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n(write a seed.sql for this case: INSERTs that from.sql accepts)",
            failures.join("\n")
        ))
    }
}

/// The rows of every table that takes rows.
fn generate(
    client: &mut Client,
    catalog: &Catalog,
) -> Result<Vec<(QualifiedName, Vec<Attempts>)>, String> {
    let attributes = column_types(client)?;
    let mut types = Types {
        client,
        known: HashMap::new(),
    };
    let mut out = Vec::new();
    // a partition's rows go in through its partitioned table
    for table in catalog.tables.values().filter(|t| t.partition_of.is_none()) {
        let mut rows = Vec::new();
        for i in 1..=ROWS {
            let mut full = Vec::new();
            let mut required = Vec::new();
            for column in table.columns.values() {
                if column.generated.is_some() {
                    continue;
                }
                let key = (table.name.clone(), column.name.clone());
                let &(oid, typmod) = attributes.get(&key).ok_or_else(|| {
                    format!("{}.{} is not in pg_attribute", table.name, column.name)
                })?;
                // a value the generator has no form for is left to the column's default
                let Some(value) = types.value(oid, typmod, i, 0)? else {
                    continue;
                };
                let value = (column.name.as_str(), value);
                if column.not_null && column.default.is_none() && column.identity.is_none() {
                    required.push(value.clone());
                }
                full.push(value);
            }
            let mut attempts = vec![insert(table, &full)];
            if required.len() < full.len() {
                attempts.push(insert(table, &required));
            }
            rows.push(attempts);
        }
        out.push((table.name.clone(), rows));
    }
    Ok(out)
}

fn insert(table: &Table, values: &[(&str, String)]) -> String {
    if values.is_empty() {
        return format!("INSERT INTO {} DEFAULT VALUES", table.name);
    }
    let columns: Vec<String> = values.iter().map(|(c, _)| quote_ident(c)).collect();
    let literals: Vec<String> = values.iter().map(|(_, v)| quote_literal(v)).collect();
    // explicit values for GENERATED ALWAYS identities keep row i's key equal to i
    let overriding = if table
        .columns
        .values()
        .any(|c| c.identity.as_ref().is_some_and(|i| i.always))
    {
        " OVERRIDING SYSTEM VALUE"
    } else {
        ""
    };
    format!(
        "INSERT INTO {} ({}){overriding} VALUES ({})",
        table.name,
        columns.join(", "),
        literals.join(", ")
    )
}

/// Every table column's type and type modifier, by table and column.
fn column_types(client: &mut Client) -> Result<HashMap<ColumnOf, (u32, i32)>, String> {
    let rows = client
        .query(
            "SELECT n.nspname::text, c.relname::text, a.attname::text, a.atttypid, a.atttypmod
             FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped",
            &[],
        )
        .map_err(|e| server_error(&e))?;
    Ok(rows
        .iter()
        .map(|r| {
            let name = QualifiedName::new(r.get::<_, String>(0), r.get::<_, String>(1));
            ((name, r.get(2)), (r.get(3), r.get(4)))
        })
        .collect())
}

/// What the generator needs to know of a type.
enum Kind {
    /// A built-in scalar type, by its `format_type` name without modifiers.
    Base(String),
    Enum(Vec<String>),
    Domain {
        base: u32,
        typmod: i32,
    },
    Range {
        subtype: u32,
    },
    Composite(Vec<(u32, i32)>),
    Array {
        element: u32,
    },
    Unknown,
}

/// Type lookups, each type read once.
struct Types<'a> {
    client: &'a mut Client,
    known: HashMap<u32, Rc<Kind>>,
}

impl Types<'_> {
    fn kind(&mut self, oid: u32) -> Result<Rc<Kind>, String> {
        if let Some(kind) = self.known.get(&oid) {
            return Ok(kind.clone());
        }
        let row = self
            .client
            .query_one(
                "SELECT t.typtype::text, t.typcategory::text, t.typelem, t.typbasetype,
                        t.typtypmod, format_type(t.oid, NULL),
                        coalesce((SELECT r.rngsubtype FROM pg_range r WHERE r.rngtypid = t.oid), 0::oid),
                        ARRAY(SELECT e.enumlabel::text FROM pg_enum e
                              WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
                        ARRAY(SELECT a.atttypid FROM pg_attribute a
                              WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                              ORDER BY a.attnum),
                        ARRAY(SELECT a.atttypmod FROM pg_attribute a
                              WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                              ORDER BY a.attnum)
                 FROM pg_type t WHERE t.oid = $1",
                &[&oid],
            )
            .map_err(|e| format!("type {oid}: {}", server_error(&e)))?;
        let typtype: String = row.get(0);
        let category: String = row.get(1);
        let kind = match typtype.as_str() {
            "e" => Kind::Enum(row.get(7)),
            "d" => Kind::Domain {
                base: row.get(3),
                typmod: row.get(4),
            },
            "r" => Kind::Range {
                subtype: row.get(6),
            },
            "c" => {
                let types: Vec<u32> = row.get(8);
                let typmods: Vec<i32> = row.get(9);
                Kind::Composite(types.into_iter().zip(typmods).collect())
            }
            "b" if category == "A" && row.get::<_, u32>(2) != 0 => Kind::Array {
                element: row.get(2),
            },
            "b" => Kind::Base(row.get(5)),
            _ => Kind::Unknown,
        };
        let kind = Rc::new(kind);
        self.known.insert(oid, kind.clone());
        Ok(kind)
    }

    /// Row `i`'s value of a type, as its text input; the same for the same type and `i`
    /// (so keys and the foreign keys that reference them match), and increasing in `i`
    /// (so ranges do not overlap).
    fn value(
        &mut self,
        oid: u32,
        typmod: i32,
        i: u32,
        depth: u32,
    ) -> Result<Option<String>, String> {
        if depth > 4 {
            return Ok(None);
        }
        let kind = self.kind(oid)?;
        Ok(match &*kind {
            Kind::Base(name) => base_value(name, typmod, i),
            Kind::Enum(labels) if labels.is_empty() => None,
            Kind::Enum(labels) => Some(labels[(i as usize - 1) % labels.len()].clone()),
            Kind::Domain { base, typmod } => self.value(*base, *typmod, i, depth + 1)?,
            Kind::Range { subtype } => {
                let lower = self.value(*subtype, -1, i, depth + 1)?;
                let upper = self.value(*subtype, -1, i + 1, depth + 1)?;
                lower
                    .zip(upper)
                    .map(|(l, u)| format!("[{},{})", element(&l), element(&u)))
            }
            Kind::Composite(fields) => {
                let mut parts = Vec::new();
                for &(field, typmod) in fields {
                    // an empty field is NULL
                    let value = self.value(field, typmod, i, depth + 1)?;
                    parts.push(value.map(|v| element(&v)).unwrap_or_default());
                }
                Some(format!("({})", parts.join(",")))
            }
            Kind::Array { element: of } => self
                .value(*of, typmod, i, depth + 1)?
                .map(|v| format!("{{{}}}", element(&v))),
            Kind::Unknown => None,
        })
    }
}

/// A value quoted as an element of an array, range or composite literal.
fn element(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Row `i`'s value of a built-in type. Strings are digits, so that they fit any length and
/// still convert where a case changes a text column to a number.
fn base_value(name: &str, typmod: i32, i: u32) -> Option<String> {
    let day = i.min(28);
    Some(match name {
        "smallint" | "integer" | "bigint" | "numeric" | "real" | "double precision" | "money"
        | "oid" => i.to_string(),
        "text" | "character varying" | "character" | "bpchar" | "name" | "citext" => i.to_string(),
        "boolean" => (i % 2 == 1).to_string(),
        "date" => format!("2024-01-{day:02}"),
        "timestamp without time zone" => format!("2024-01-{day:02} 12:00:00"),
        "timestamp with time zone" => format!("2024-01-{day:02} 12:00:00+00"),
        "time without time zone" => format!("{:02}:00:00", i % 24),
        "time with time zone" => format!("{:02}:00:00+00", i % 24),
        "interval" => format!("{i} days"),
        "uuid" => format!("00000000-0000-4000-8000-{i:012}"),
        // jsonb's own spelling, so that json and jsonb print it alike
        "json" | "jsonb" => format!("{{\"n\": {i}}}"),
        "bytea" => format!("\\x{:02x}", i % 256),
        "inet" => format!("10.0.0.{}", i % 256),
        "cidr" => format!("10.0.{}.0/24", i % 256),
        "macaddr" => format!("08:00:2b:00:00:{:02x}", i % 256),
        "bit" => {
            let width = usize::try_from(typmod).ok().filter(|&w| w > 0).unwrap_or(1);
            format!("{:0width$b}", i % (1 << width.min(16)))
        }
        "bit varying" => format!("{i:b}"),
        "xml" => format!("<v>{i}</v>"),
        "tsvector" | "tsquery" => format!("w{i}"),
        "point" => format!("({i},{i})"),
        _ => return None,
    })
}

/// Every table's rows, as text, each table's sorted.
pub struct Snapshot {
    tables: Vec<(QualifiedName, Vec<String>, Vec<Row>)>,
}

/// The rows of every table of `catalog` (`ONLY`: a parent's rows without its children's).
pub fn snapshot(client: &mut Client, catalog: &Catalog) -> Result<Snapshot, String> {
    let mut tables = Vec::new();
    for table in catalog.tables.values() {
        let columns: Vec<String> = table.columns.keys().cloned().collect();
        let rows = read_rows(client, &table.name, &columns)?;
        tables.push((table.name.clone(), columns, rows));
    }
    Ok(Snapshot { tables })
}

/// `columns` of every row of `table`, as text, sorted.
fn read_rows(
    client: &mut Client,
    table: &QualifiedName,
    columns: &[String],
) -> Result<Vec<Row>, String> {
    let values: Vec<String> = columns
        .iter()
        .map(|c| format!("{}::text", quote_ident(c)))
        .collect();
    let sql = format!(
        "SELECT ARRAY[{}]::text[] FROM ONLY {table}",
        values.join(", ")
    );
    let mut rows: Vec<Row> = client
        .query(&sql, &[])
        .map_err(|e| format!("reading {table}: {}", server_error(&e)))?
        .iter()
        .map(|r| r.get(0))
        .collect();
    rows.sort();
    Ok(rows)
}

/// The tables and columns whose data the steps say they destroy (or archive).
pub struct Exempt {
    tables: BTreeSet<QualifiedName>,
    columns: BTreeSet<ColumnOf>,
}

impl Exempt {
    /// What the steps destroy for good: the rollback does not bring it back.
    pub fn lost(steps: &[Step], from: &Catalog, to: &Catalog) -> Exempt {
        Exempt::of(steps, false, from, to)
    }

    /// What the steps take out of the table, destroyed or archived.
    pub fn removed(steps: &[Step], from: &Catalog, to: &Catalog) -> Exempt {
        Exempt::of(steps, true, from, to)
    }

    /// A step names the table or column it drops; what goes with it is the table's
    /// partitions, and the column as its partitions and inheritance children hold it, where
    /// they do not keep it in TO.
    fn of(steps: &[Step], retained: bool, from: &Catalog, to: &Catalog) -> Exempt {
        let mut exempt = Exempt {
            tables: BTreeSet::new(),
            columns: BTreeSet::new(),
        };
        for step in steps {
            let of = match &step.data {
                DataEffect::Lossy { of } => of,
                DataEffect::Retained { of, .. } if retained => of,
                _ => continue,
            };
            let mut names = vec![of.relation.clone()];
            let mut i = 0;
            while let Some(name) = names.get(i).cloned() {
                i += 1;
                match &of.column {
                    None => exempt.tables.insert(name.clone()),
                    Some(column) => exempt.columns.insert((name.clone(), column.clone())),
                };
                let children = from.tables.values().filter(|t| match &of.column {
                    None => t.partition_of.as_ref().is_some_and(|p| p.parent == name),
                    Some(column) => {
                        t.parents().any(|p| *p == name)
                            && t.columns.get(column).is_some_and(|c| c.inherited)
                            && !to
                                .tables
                                .get(&t.name)
                                .is_some_and(|t| t.columns.contains_key(column))
                    }
                });
                names.extend(children.map(|t| t.name.clone()));
            }
        }
        exempt
    }

    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.columns.is_empty()
    }

    fn column(&self, table: &QualifiedName, column: &str) -> bool {
        self.tables.contains(table) || self.columns.contains(&(table.clone(), column.to_string()))
    }
}

/// After `up.sql`: every table on both sides holds the snapshot's rows on the columns both
/// sides have (generated ones aside, and those `exempt` names), old values of a column whose
/// type changed converted as the server converts them.
pub fn check_migrated(
    client: &mut Client,
    snapshot: &Snapshot,
    from: &Catalog,
    to: &Catalog,
    exempt: &Exempt,
) -> Result<(), String> {
    let mut failures = Vec::new();
    for (name, columns, rows) in &snapshot.tables {
        let (Some(old), Some(new)) = (from.tables.get(name), to.tables.get(name)) else {
            continue;
        };
        let mut kept = Vec::new();
        let mut expected: Vec<Row> = vec![Vec::new(); rows.len()];
        for (index, column) in columns.iter().enumerate() {
            let (Some(before), Some(after)) = (old.columns.get(column), new.columns.get(column))
            else {
                continue;
            };
            if before.generated.is_some()
                || after.generated.is_some()
                || exempt.column(name, column)
            {
                continue;
            }
            let mut values: Vec<Option<String>> = rows.iter().map(|r| r[index].clone()).collect();
            if before.type_name != after.type_name {
                let converted = convert(client, &values, &before.type_name, &after.type_name)
                    .map_err(|e| format!("{name}.{column}: {e}"))?;
                for value in values.iter_mut().filter(|v| v.is_some()) {
                    *value = converted[value.as_deref().unwrap_or_default()].clone();
                }
            }
            for (row, value) in expected.iter_mut().zip(values) {
                row.push(value);
            }
            kept.push(column.clone());
        }
        if kept.is_empty() {
            continue;
        }
        expected.sort();
        if let Err(e) = compare(client, name, &kept, &expected) {
            failures.push(e);
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

/// Old values of a column as text → the new type's text of each, converted in the migrated
/// database as plans declare it: a value into a one-element array, an array to its first
/// element, otherwise through the old type where a cast from it exists, from text otherwise
/// (as between enums).
fn convert(
    client: &mut Client,
    values: &[Option<String>],
    old: &str,
    new: &str,
) -> Result<HashMap<String, Option<String>>, String> {
    let distinct: Vec<&str> = values
        .iter()
        .flatten()
        .map(String::as_str)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut error = String::new();
    let conversions = match (old.strip_suffix("[]"), new.strip_suffix("[]")) {
        (None, Some(_)) => vec![format!("ARRAY[x::{old}]::{new}")],
        (Some(_), None) => vec![format!("(x::{old})[1]::{new}")],
        _ => vec![format!("x::{old}::{new}"), format!("x::{new}")],
    };
    for conversion in conversions {
        let sql = format!("SELECT x, ({conversion})::text FROM unnest($1::text[]) AS x");
        match client.query(&sql, &[&distinct]) {
            Ok(rows) => return Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect()),
            Err(e) => error = server_error(&e),
        }
    }
    Err(format!(
        "the old values do not convert from {old} to {new}: {error}"
    ))
}

/// After a rollback: every table of the snapshot holds exactly its rows again, but for what
/// `exempt` names.
pub fn check_restored(
    client: &mut Client,
    snapshot: &Snapshot,
    exempt: &Exempt,
) -> Result<(), String> {
    let mut failures = Vec::new();
    for (name, columns, rows) in &snapshot.tables {
        let kept: Vec<usize> = (0..columns.len())
            .filter(|&i| !exempt.column(name, &columns[i]))
            .collect();
        if kept.is_empty() {
            continue;
        }
        let mut expected: Vec<Row> = rows
            .iter()
            .map(|r| kept.iter().map(|&i| r[i].clone()).collect())
            .collect();
        expected.sort();
        let names: Vec<String> = kept.iter().map(|&i| columns[i].clone()).collect();
        if let Err(e) = compare(client, name, &names, &expected) {
            failures.push(e);
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

/// The table's rows on `columns` equal `expected` (sorted), or what differs.
fn compare(
    client: &mut Client,
    table: &QualifiedName,
    columns: &[String],
    expected: &[Row],
) -> Result<(), String> {
    let actual = read_rows(client, table, columns)?;
    if actual == expected {
        return Ok(());
    }
    // the columns whose values differ, compared as multisets one column at a time
    let differing: Vec<&str> = (0..columns.len())
        .filter(|&i| {
            let mut a: Vec<&Option<String>> = actual.iter().map(|r| &r[i]).collect();
            let mut e: Vec<&Option<String>> = expected.iter().map(|r| &r[i]).collect();
            a.sort();
            e.sort();
            a != e
        })
        .map(|i| columns[i].as_str())
        .collect();
    let (missing, extra) = difference(expected, &actual);
    let show = |rows: &[&Row]| -> String {
        rows.iter()
            .take(SHOWN)
            .map(|r| format!("\n      {}", show_row(columns, r)))
            .collect()
    };
    Err(format!(
        "{table}: rows differ ({} expected, {} found) in column(s) {}\n    \
         missing ({}):{}\n    unexpected ({}):{}",
        expected.len(),
        actual.len(),
        differing.join(", "),
        missing.len(),
        show(&missing),
        extra.len(),
        show(&extra),
    ))
}

/// The rows only in `a`, and those only in `b`, of two sorted multisets.
fn difference<'a>(a: &'a [Row], b: &'a [Row]) -> (Vec<&'a Row>, Vec<&'a Row>) {
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x == y => {
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x < y => only_a.extend(a.next()),
            (Some(_), Some(_)) | (None, Some(_)) => only_b.extend(b.next()),
            (Some(_), None) => only_a.extend(a.next()),
            (None, None) => return (only_a, only_b),
        }
    }
}

fn show_row(columns: &[String], row: &Row) -> String {
    let fields: Vec<String> = columns
        .iter()
        .zip(row)
        .map(|(c, v)| match v {
            Some(v) => format!("{c}={v:?}"),
            None => format!("{c}=NULL"),
        })
        .collect();
    format!("({})", fields.join(", "))
}

/// Empties every table of `catalog` and seeds it again, for a check that follows one whose
/// steps lost data.
pub fn reseed(client: &mut Client, catalog: &Catalog, case: &Path) -> Result<(), String> {
    let names: Vec<String> = catalog.tables.keys().map(|n| n.to_string()).collect();
    if !names.is_empty() {
        client
            .batch_execute(&format!(
                "TRUNCATE {} RESTART IDENTITY CASCADE",
                names.join(", ")
            ))
            .map_err(|e| format!("truncating: {}", server_error(&e)))?;
    }
    seed(client, catalog, case)
}
