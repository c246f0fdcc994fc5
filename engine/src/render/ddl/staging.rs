//! Statements of staged plans: the helpers that keep the old and the new application
//! working between phases (fill triggers, NOT NULL checks), batched backfills, and the
//! lock-safe forms of index and key DDL.

use super::{add_column, add_constraint, alter_column, drop_constraint, validate_constraint};
use std::collections::BTreeSet;

use crate::model::{
    Acl, AclObject, Column, Constraint, ConstraintKind, Expr, Grantee, QualifiedName,
};
use crate::normalize::names::{clip, MAX_IDENTIFIER_BYTES};
use crate::render::quote::{quote_ident, quote_literal};

/// Rows per backfill batch: each batch is one short transaction.
pub const BACKFILL_BATCH_ROWS: usize = 5000;

/// Dollar quote of the bodies this module writes, unlikely in a user's expression.
pub(super) const BODY_QUOTE: &str = "$schemadiff$";

/// A name the staging helpers give an object: `prefix` and `name`, within 63 bytes.
pub(super) fn helper_name(prefix: &str, name: &str) -> String {
    format!(
        "{prefix}{}",
        clip(name, MAX_IDENTIFIER_BYTES - prefix.len())
    )
}

/// The trigger and function a staged plan keeps on a table between its phases.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HelperTrigger {
    pub table: QualifiedName,
    pub trigger: String,
    pub function: QualifiedName,
}

impl HelperTrigger {
    fn new(prefix: &str, table: &QualifiedName, column: &str) -> Self {
        let name = format!("{}_{column}", table.name);
        HelperTrigger {
            table: table.clone(),
            trigger: helper_name(prefix, column),
            function: QualifiedName::new(&table.schema, helper_name(prefix, &name)),
        }
    }

    /// The trigger that fills `column` with its backfill value.
    pub fn fill(table: &QualifiedName, column: &str) -> Self {
        Self::new("schemadiff_fill_", table, column)
    }

    /// The trigger that keeps a retyped column's shadow converted from it.
    pub fn retype(table: &QualifiedName, column: &str) -> Self {
        Self::new("schemadiff_retype_", table, column)
    }

    /// The trigger that keeps a renamed column's old and new copies (`column`) equal.
    pub fn sync(table: &QualifiedName, column: &str) -> Self {
        Self::new("schemadiff_sync_", table, column)
    }

    pub(super) fn create(&self, body: &str) -> Vec<String> {
        vec![
            format!(
                "CREATE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS {BODY_QUOTE}\n{body}\n{BODY_QUOTE}",
                self.function
            ),
            format!(
                "CREATE TRIGGER {} BEFORE INSERT OR UPDATE ON {} FOR EACH ROW EXECUTE FUNCTION {}()",
                quote_ident(&self.trigger),
                self.table,
                self.function
            ),
        ]
    }

    pub(super) fn drop(&self) -> Vec<String> {
        vec![
            format!(
                "DROP TRIGGER {} ON {}",
                quote_ident(&self.trigger),
                self.table
            ),
            format!("DROP FUNCTION {}()", self.function),
        ]
    }
}

/// The name of the `CHECK (column IS NOT NULL)` a staged NOT NULL adds.
pub fn not_null_check_name(column: &str) -> String {
    helper_name("schemadiff_not_null_", column)
}

/// `CHECK (column IS NOT NULL)` on the way to `SET NOT NULL`.
pub struct NotNullCheck {
    table: QualifiedName,
    column: String,
    constraint: Constraint,
}

pub fn not_null_check(table: &QualifiedName, column: &str) -> NotNullCheck {
    let name = not_null_check_name(column);
    let sql = format!("CHECK ({} IS NOT NULL)", quote_ident(column));
    NotNullCheck {
        table: table.clone(),
        column: column.to_string(),
        constraint: Constraint {
            name,
            kind: ConstraintKind::Check,
            definition: Expr {
                canonical: sql.as_str().into(),
                sql,
            },
            columns: vec![column.to_string()],
            foreign_key: None,
            not_valid: true,
            comment: None,
        },
    }
}

impl NotNullCheck {
    pub fn add_not_valid(&self) -> String {
        add_constraint(&self.table, &self.constraint).swap_remove(0)
    }

    pub fn validate(&self) -> String {
        validate_constraint(&self.table, &self.constraint.name)
    }

    pub fn drop(&self) -> String {
        drop_constraint(&self.table, &self.constraint.name)
    }

    /// Stops with a message saying what to do when NULLs remain, rather than the server's
    /// "check constraint … is violated by some row".
    pub fn require_no_nulls(&self) -> String {
        let column = quote_ident(&self.column);
        let message = format!(
            "column {}.{column} still holds NULL values, so it cannot become NOT NULL",
            self.table
        );
        let hint = "fill them, or add -- schemadiff:backfill <expression> to the column and plan again; then run contract again";
        format!(
            "DO {BODY_QUOTE}\nBEGIN\n  IF EXISTS (SELECT FROM {} WHERE {column} IS NULL) THEN\n    RAISE EXCEPTION {} USING HINT = {};\n  END IF;\nEND\n{BODY_QUOTE}",
            self.table,
            quote_literal(&message),
            quote_literal(hint)
        )
    }
}

/// A trigger that gives a column the backfill value when a row is written without one.
pub struct FillTrigger<'a> {
    pub table: &'a QualifiedName,
    pub column: &'a str,
    /// SQL expression over the row's columns.
    pub expression: &'a str,
}

impl FillTrigger<'_> {
    fn helper(&self) -> HelperTrigger {
        HelperTrigger::fill(self.table, self.column)
    }

    /// The function and the trigger.
    pub fn create(&self) -> Vec<String> {
        let column = quote_ident(self.column);
        // the expression reads the row's columns by name: evaluate it over the new row
        let body = format!(
            "BEGIN\n  IF NEW.{column} IS NULL THEN\n    SELECT ({}) INTO NEW.{column} FROM (SELECT NEW.*) AS row;\n  END IF;\n  RETURN NEW;\nEND",
            self.expression
        );
        self.helper().create(&body)
    }

    pub fn drop(&self) -> Vec<String> {
        self.helper().drop()
    }

    /// Fills the NULLs batch by batch, committing each (see [`batched_update`]).
    pub fn backfill(&self, key: &[(String, String)]) -> String {
        let column = quote_ident(self.column);
        batched_update(
            self.table,
            self.column,
            &format!("{column} = ({})", self.expression),
            &format!("{column} IS NULL AND ({}) IS NOT NULL", self.expression),
            key,
        )
    }
}

/// A `DO` block running `UPDATE table SET assignments` over the rows where `pending` holds,
/// one batch per transaction. With a key (`(column, type)`s) it walks the key in order, so
/// each batch is an index range and a run touches each row once; without one it looks for
/// pending rows, which must stop being pending once updated. Run again, it only writes rows
/// still pending. It reports how far it is in notices (see [`backfill_progress`]): when it
/// starts, at most once a second, and when it ends; `column` names what it fills.
pub fn batched_update(
    table: &QualifiedName,
    column: &str,
    assignments: &str,
    pending: &str,
    key: &[(String, String)],
) -> String {
    let update = format!("UPDATE {table} SET {assignments}");
    let notice = format!(
        "RAISE NOTICE '{BACKFILL_NOTICE}%: % of % rows', {}, schemadiff_done, schemadiff_total;",
        quote_literal(&format!("{table}.{}", quote_ident(column)))
    );
    let counters = format!(
        "  schemadiff_total bigint := (SELECT count(*) FROM {table} WHERE {pending});\n  schemadiff_done bigint := 0;\n  schemadiff_rows bigint;\n  schemadiff_noticed timestamptz := clock_timestamp();\n"
    );
    let count = "GET DIAGNOSTICS schemadiff_rows = ROW_COUNT;";
    let commit = format!(
        "{BATCH_COMMIT}\n    schemadiff_done := schemadiff_done + schemadiff_rows;\n    IF clock_timestamp() >= schemadiff_noticed + interval '1 second' THEN\n      {notice}\n      schemadiff_noticed := clock_timestamp();\n    END IF;"
    );
    if key.is_empty() {
        return format!(
            "DO {BODY_QUOTE}\nDECLARE\n{counters}BEGIN\n  {notice}\n  LOOP\n    {update}\n    WHERE {pending} AND ctid = ANY (ARRAY(SELECT ctid FROM {table} WHERE {pending} LIMIT {BACKFILL_BATCH_ROWS}));\n    {count}\n    EXIT WHEN schemadiff_rows = 0;{commit}\n  END LOOP;\n  {notice}\nEND\n{BODY_QUOTE}"
        );
    }
    let columns: Vec<String> = key.iter().map(|(c, _)| quote_ident(c)).collect();
    let variables = |role: &str| -> Vec<String> {
        (1..=key.len())
            .map(|i| format!("schemadiff_{role}_{i}"))
            .collect()
    };
    let (after, upto) = (variables("after"), variables("upto"));
    let row = |names: &[String]| format!("({})", names.join(", "));
    let declare: String = key
        .iter()
        .zip(after.iter().zip(&upto))
        .map(|((_, type_name), (a, u))| format!("  {a} {type_name};\n  {u} {type_name};\n"))
        .collect();
    let descending: Vec<String> = columns.iter().map(|c| format!("{c} DESC")).collect();
    let past = format!(
        "({} IS NULL OR {} > {})",
        after[0],
        row(&columns),
        row(&after)
    );
    let advance: Vec<String> = after
        .iter()
        .zip(&upto)
        .map(|(a, u)| format!("{a} := {u};"))
        .collect();
    format!(
        "DO {BODY_QUOTE}\nDECLARE\n{declare}{counters}BEGIN\n  {notice}\n  LOOP\n    SELECT {cols} INTO {into} FROM (SELECT {cols} FROM {table} WHERE {past} ORDER BY {cols} LIMIT {BACKFILL_BATCH_ROWS}) AS batch ORDER BY {desc} LIMIT 1;\n    EXIT WHEN NOT FOUND;\n    {update}\n    WHERE {pending} AND {past} AND {} <= {};\n    {count}{commit}\n    {advance}\n  END LOOP;\n  {notice}\nEND\n{BODY_QUOTE}",
        row(&columns),
        row(&upto),
        cols = columns.join(", "),
        into = upto.join(", "),
        desc = descending.join(", "),
        advance = advance.join(" "),
    )
}

/// How a batched update's notices start.
const BACKFILL_NOTICE: &str = "schemadiff backfill ";

/// How far a batched update is, read from one of its notices: what it fills, the rows done
/// and the rows pending when it started.
pub fn backfill_progress(notice: &str) -> Option<(&str, u64, u64)> {
    let (column, counts) = notice.strip_prefix(BACKFILL_NOTICE)?.rsplit_once(": ")?;
    let (done, total) = counts.strip_suffix(" rows")?.split_once(" of ")?;
    Some((column, done.parse().ok()?, total.parse().ok()?))
}

/// Where a batched update commits each batch.
const BATCH_COMMIT: &str = "\n    COMMIT;";

/// A [`batched_update`] that runs in the transaction around it, for a deploy tool that runs
/// every file in one: the batches no longer commit one by one. Other statements are kept.
pub fn without_batch_commits(sql: &str) -> String {
    sql.replace(BATCH_COMMIT, "")
}

/// `CREATE INDEX CONCURRENTLY`, as the index's own statement says it otherwise.
pub fn create_index_concurrently(definition: &str) -> String {
    // the first word INDEX is the keyword: the names come after it
    let upper = definition.to_ascii_uppercase();
    let is_word_end = |i: usize| upper[i..].chars().next().is_none_or(|c| c.is_whitespace());
    let keyword_end = upper
        .match_indices("INDEX")
        .map(|(i, _)| i + "INDEX".len())
        .find(|&end| is_word_end(end))
        .unwrap_or(definition.len());
    format!(
        "{} CONCURRENTLY{}",
        &definition[..keyword_end],
        &definition[keyword_end..]
    )
}

pub fn drop_index_concurrently(name: &QualifiedName, if_exists: bool) -> String {
    let if_exists = if if_exists { "IF EXISTS " } else { "" };
    format!("DROP INDEX CONCURRENTLY {if_exists}{name}")
}

/// A primary key or unique constraint as a unique index built concurrently and the
/// constraint added `USING INDEX`; `None` when the constraint says more than its columns and
/// deferrability (`INCLUDE`, `WITH`, `NULLS NOT DISTINCT`, a tablespace), which `USING INDEX`
/// cannot say.
pub fn key_through_index(
    table: &QualifiedName,
    constraint: &Constraint,
    index: &str,
    concurrently: bool,
) -> Option<(String, String)> {
    let sql = constraint.definition.sql.trim();
    let open = sql.find('(')?;
    let head = sql[..open].trim().to_ascii_uppercase();
    let keyword = match head.as_str() {
        "PRIMARY KEY" => "PRIMARY KEY",
        "UNIQUE" => "UNIQUE",
        _ => return None,
    };
    let close = open + sql[open..].find(')')?;
    let columns = &sql[open + 1..close];
    let tail = sql[close + 1..].trim();
    let upper = tail.to_ascii_uppercase();
    let deferrability = ["DEFERRABLE", "NOT DEFERRABLE", "INITIALLY"];
    if !tail.is_empty() && !deferrability.iter().any(|d| upper.starts_with(d)) {
        return None;
    }
    let (name, index) = (quote_ident(&constraint.name), quote_ident(index));
    let concurrently = if concurrently { " CONCURRENTLY" } else { "" };
    let build = format!("CREATE UNIQUE INDEX{concurrently} {index} ON {table} ({columns})");
    let mut attach =
        format!("ALTER TABLE {table} ADD CONSTRAINT {name} {keyword} USING INDEX {index}");
    if !tail.is_empty() {
        attach.push(' ');
        attach.push_str(tail);
    }
    Some((build, attach))
}

/// A trigger that keeps a renamed column's old and new copies equal while both exist: a
/// write to either reaches the other, and a row inserted with neither gets the new
/// column's default in both.
pub struct SyncTrigger<'a> {
    pub table: &'a QualifiedName,
    pub old: &'a Column,
    pub new: &'a Column,
}

impl SyncTrigger<'_> {
    fn helper(&self) -> HelperTrigger {
        HelperTrigger::sync(self.table, &self.new.name)
    }

    pub fn create(&self) -> Vec<String> {
        let (old, new) = (quote_ident(&self.old.name), quote_ident(&self.new.name));
        let default = self
            .new
            .default
            .as_ref()
            .map(|d| {
                format!(
                    "    IF NEW.{new} IS NULL AND NEW.{old} IS NULL THEN\n      NEW.{new} := {};\n    END IF;\n",
                    d.sql
                )
            })
            .unwrap_or_default();
        let body = format!(
            "BEGIN\n  IF TG_OP = 'INSERT' THEN\n{default}    IF NEW.{new} IS NULL THEN\n      NEW.{new} := NEW.{old};\n    ELSIF NEW.{old} IS NULL THEN\n      NEW.{old} := NEW.{new};\n    END IF;\n  ELSIF NEW.{old} IS DISTINCT FROM OLD.{old} THEN\n    NEW.{new} := NEW.{old};\n  ELSIF NEW.{new} IS DISTINCT FROM OLD.{new} THEN\n    NEW.{old} := NEW.{new};\n  ELSIF NEW.{new} IS NULL THEN\n    NEW.{new} := NEW.{old};\n  END IF;\n  RETURN NEW;\nEND"
        );
        self.helper().create(&body)
    }

    pub fn drop(&self) -> Vec<String> {
        self.helper().drop()
    }

    /// Copies the old column into the new one where the new one is still empty.
    pub fn backfill(&self, key: &[(String, String)]) -> String {
        let (old, new) = (quote_ident(&self.old.name), quote_ident(&self.new.name));
        batched_update(
            self.table,
            &self.new.name,
            &format!("{new} = {old}"),
            &format!("{new} IS NULL AND {old} IS NOT NULL"),
            key,
        )
    }

    /// The rollback of contract: the old column again, filled from the new one.
    pub fn restore_old(&self) -> Vec<String> {
        let (old, new) = (quote_ident(&self.old.name), quote_ident(&self.new.name));
        let mut bare = self.old.clone();
        bare.not_null = false;
        bare.default = None;
        let mut statements = add_column(self.table, &bare);
        statements.push(format!("UPDATE {} SET {old} = {new}", self.table));
        if self.old.not_null {
            statements.push(alter_column(self.table, &self.old.name, "SET NOT NULL"));
        }
        statements
    }
}

/// The view that keeps a renamed table reachable under its old name: simple enough to be
/// updatable, so the old application's inserts, updates and deletes reach the table, with
/// the table's grants (`acl`: the grants of other roles than the owner). Over a table with
/// row-level security it checks the policies as the querying role (`security_invoker`,
/// PostgreSQL 15), since a view otherwise reads as its owner and would bypass them.
pub fn compatibility_view(
    old: &QualifiedName,
    new: &QualifiedName,
    acl: &Acl,
    row_security: bool,
) -> Vec<String> {
    let options = if row_security {
        " WITH (security_invoker = true)"
    } else {
        ""
    };
    let mut statements = vec![format!("CREATE VIEW {old}{options} AS SELECT * FROM {new}")];
    let object = AclObject::Table(old.clone());
    let grantees: BTreeSet<&Grantee> = acl
        .iter()
        .map(|g| &g.grantee)
        .filter(|g| **g != Grantee::Owner)
        .collect();
    for grantee in grantees {
        let granted: Acl = acl
            .iter()
            .filter(|g| g.grantee == *grantee)
            .cloned()
            .collect();
        statements.extend(super::privileges::object_statements(
            &object,
            false,
            grantee,
            (&Acl::new(), &granted),
            &[],
        ));
    }
    statements
}

pub fn drop_compatibility_view(old: &QualifiedName) -> String {
    format!("DROP VIEW {old}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concurrently_goes_after_the_index_keyword_whatever_the_spelling() {
        assert_eq!(
            create_index_concurrently("CREATE UNIQUE INDEX i ON t (a)"),
            "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)"
        );
        assert_eq!(
            create_index_concurrently("create index\n  index_x on t (indexed)"),
            "create index CONCURRENTLY\n  index_x on t (indexed)"
        );
    }

    fn key(definition: &str) -> Constraint {
        Constraint {
            name: "t_key".into(),
            kind: ConstraintKind::Unique,
            definition: Expr {
                sql: definition.into(),
                canonical: definition.into(),
            },
            columns: vec!["a".into()],
            foreign_key: None,
            not_valid: false,
            comment: None,
        }
    }

    #[test]
    fn keys_go_through_an_index_only_when_using_index_can_say_all_of_them() {
        let table = QualifiedName::new("public", "t");
        let (build, attach) =
            key_through_index(&table, &key("UNIQUE (a, b) DEFERRABLE"), "t_key", true)
                .expect("a plain key");
        assert_eq!(
            build,
            "CREATE UNIQUE INDEX CONCURRENTLY t_key ON public.t (a, b)"
        );
        assert_eq!(
            attach,
            "ALTER TABLE public.t ADD CONSTRAINT t_key UNIQUE USING INDEX t_key DEFERRABLE"
        );
        for definition in [
            "UNIQUE (a) INCLUDE (b)",
            "UNIQUE NULLS NOT DISTINCT (a)",
            "UNIQUE (a) WITH (fillfactor=70)",
        ] {
            assert_eq!(
                key_through_index(&table, &key(definition), "t_key", true),
                None,
                "{definition}"
            );
        }
    }

    #[test]
    fn helper_names_fit_63_bytes() {
        let table = QualifiedName::new("public", "t".repeat(60));
        let helper = HelperTrigger::sync(&table, &"c".repeat(60));
        assert!(helper.trigger.len() <= 63 && helper.function.name.len() <= 63);
        assert!(not_null_check_name(&"c".repeat(80)).len() <= 63);
    }
}
