//! Command-line arguments. Kept free of logic: `main` turns them into engine options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use schemadiff_engine::source::directives::parse_rename_option;
use schemadiff_engine::Rename;

/// Declarative schema diff for PostgreSQL.
///
/// A SOURCE is a database URL (postgres://…), a .sql file, a directory of .sql files, or -
/// for standard input.
#[derive(Parser)]
#[command(name = "schemadiff", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Plan the migration from one schema to another (never writes to a database).
    Plan(PlanArgs),
    /// Exit 0 when two schemas are equivalent, 1 when they differ, 2 on error.
    Check(Compare),
    /// Write a schema as canonical SQL, in dependency order (standard output by default).
    Dump(DumpArgs),
    /// Apply a plan to a database: made now (--to) or reviewed (--plan), phase by phase.
    Apply(ApplyArgs),
    /// The runs `apply` recorded in a database, oldest first.
    History {
        /// The database: postgres://…
        #[arg(long, value_name = "URL")]
        db: String,
    },
    /// What `plan --retain-dropped` kept in a database's `schemadiff_archive` schema.
    #[command(subcommand)]
    Archive(ArchiveCommand),
    /// Check hand-written migration files for hazards, statement by statement. Exit 0 when
    /// clean, 1 on a finding at or above --fail-on, 2 on a usage or parse error.
    Lint(LintArgs),
}

#[derive(Args)]
pub struct LintArgs {
    /// Migration files, directories of .sql files, or - for standard input.
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<String>,
    /// How findings are printed.
    #[arg(long, value_enum, default_value = "human")]
    pub format: LintFormat,
    /// Exit 1 on a finding of this severity or worse [default: warning].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<SeverityName>,
    /// The migration runner runs each file in one transaction (otherwise statements run one
    /// by one unless the file says BEGIN, as psql runs them).
    #[arg(long)]
    pub assume_in_transaction: bool,
    /// Report statements that fail when run twice (CREATE without IF NOT EXISTS, …).
    #[arg(long)]
    pub require_idempotent: bool,
    /// Silence a hazard id everywhere (repeatable); the report lists what it silenced.
    #[arg(long, value_name = "ID")]
    pub allow: Vec<String>,
    /// A JSON file: {"allow": [ids], "assume-in-transaction": bool,
    /// "require-idempotent": bool, "fail-on": "info"|"warning"|"danger"}.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The database the migrations are for: which tables exist, how large they are and
    /// their columns' types rank the findings.
    #[arg(long, value_name = "URL")]
    pub db: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Human,
    Gcc,
    Json,
    Github,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityName {
    Info,
    Warning,
    Danger,
}

#[derive(Args)]
pub struct ApplyArgs {
    /// The database to change: postgres://…
    #[arg(long, value_name = "URL")]
    pub db: String,
    /// Plan from the database to this desired state now: file, directory or -.
    #[arg(
        long,
        value_name = "SOURCE",
        required_unless_present = "plan",
        conflicts_with = "plan"
    )]
    pub to: Option<String>,
    /// Apply the plan that `plan --out DIR` wrote there (its plan.json).
    #[arg(long, value_name = "DIR")]
    pub plan: Option<PathBuf>,
    /// The phases to run (repeatable). Default: expand and backfill; contract only when
    /// asked, once the application that uses the new shape is deployed.
    #[arg(long, value_enum, value_name = "PHASE")]
    pub phase: Vec<PhaseName>,
    /// Run steps with this danger hazard (repeatable), e.g. data-loss.
    #[arg(long, value_name = "ID")]
    pub allow_hazard: Vec<String>,
    /// Do not ask before running, even on a terminal.
    #[arg(long)]
    pub yes: bool,
    /// Print what would run, and run nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Wait for another apply on the database to finish, instead of stopping.
    #[arg(long)]
    pub wait: bool,
    /// How long a statement waits for its lock before its batch is tried again.
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = parse_duration)]
    pub lock_timeout: std::time::Duration,
    /// The longest a statement may run (default: no limit; a backfill can take long).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub statement_timeout: Option<std::time::Duration>,
    /// How many times a batch is tried again when it could not get its lock.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub retries: u32,
    #[command(flatten)]
    pub reading: Reading,
    /// With --to: the shortest plan, without staged forms.
    #[arg(long)]
    pub direct: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PhaseName {
    Expand,
    Backfill,
    Contract,
    All,
}

/// `500ms`, `5s`, `2m`: a duration.
fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let unit_at = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(unit_at);
    let number: u64 = number
        .parse()
        .map_err(|_| "give a number and a unit: ms, s, m or h (e.g. 5s)".to_string())?;
    let millis = match unit {
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => return Err("give a number and a unit: ms, s, m or h (e.g. 5s)".into()),
    };
    Ok(std::time::Duration::from_millis(
        number.saturating_mul(millis),
    ))
}

#[derive(Subcommand)]
pub enum ArchiveCommand {
    /// List the archived tables, columns and sequences, oldest first.
    List {
        /// The database: postgres://…
        #[arg(long, value_name = "URL")]
        db: String,
    },
    /// Drop what was archived longer ago than a given age.
    Purge {
        /// The database: postgres://…
        #[arg(long, value_name = "URL")]
        db: String,
        /// Age, as a number and a unit: 30m, 12h, 7d, 2w.
        #[arg(long, value_name = "AGE", value_parser = parse_age)]
        older_than: String,
    },
}

/// `7d` → `7 days`, an interval PostgreSQL reads.
fn parse_age(text: &str) -> Result<String, String> {
    let unit_at = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(unit_at);
    let unit = match unit {
        "m" => "minutes",
        "h" => "hours",
        "d" => "days",
        "w" => "weeks",
        _ => return Err("give a number and a unit: m, h, d or w (e.g. 7d)".into()),
    };
    match number.parse::<u32>() {
        Ok(n) => Ok(format!("{n} {unit}")),
        Err(_) => Err("give a number and a unit: m, h, d or w (e.g. 7d)".into()),
    }
}

/// The two sides and what to compare.
#[derive(Args)]
pub struct Compare {
    /// The schema now: URL, file, directory or -.
    #[arg(long, value_name = "SOURCE")]
    pub from: String,
    /// The schema wanted: URL, file, directory or -.
    #[arg(long, value_name = "SOURCE")]
    pub to: String,
    #[command(flatten)]
    pub reading: Reading,
}

/// Which schemas to read, and how desired-state SQL is normalised.
#[derive(Args)]
pub struct Reading {
    /// Only this schema (repeatable; default: every non-system schema).
    #[arg(long, value_name = "NAME")]
    pub schema: Vec<String>,
    /// Leave this schema out (repeatable): owned elsewhere, never planned, but the desired
    /// state may reference it.
    #[arg(long, value_name = "NAME")]
    pub exclude_schema: Vec<String>,
    /// A hosted platform whose schemas (auth, storage, …), extensions and roles are its own:
    /// never planned, but the desired state may reference them.
    #[arg(long, value_enum, value_name = "NAME")]
    pub platform: Option<PlatformName>,
    /// Fail when either side holds objects schemadiff does not manage yet.
    #[arg(long)]
    pub strict: bool,
    /// Compare who owns each object and plan `ALTER … OWNER TO`; without it owners are
    /// ignored.
    #[arg(long)]
    pub owners: bool,
    /// Normalise desired-state SQL by running it in a scratch database on this server
    /// (created and dropped), or `local` for a private throwaway PostgreSQL. Default: `local`
    /// when the other side is a database and PostgreSQL is installed.
    #[arg(long, value_name = "URL|local", conflicts_with = "offline")]
    pub dev_url: Option<String>,
    /// Parse desired-state SQL without any server.
    #[arg(long)]
    pub offline: bool,
    /// Go on when the desired state holds nothing in the schemas compared while the other
    /// side holds objects (the plan drops them all), or when a --schema names a schema no
    /// source has. Without it, both stop with exit 2.
    #[arg(long)]
    pub allow_empty: bool,
}

#[derive(Args)]
pub struct DumpArgs {
    /// The schema to dump: URL, file, directory or -.
    #[arg(long, value_name = "SOURCE")]
    pub from: String,
    #[command(flatten)]
    pub reading: Reading,
    /// Write the dump to this file.
    #[arg(long, value_name = "FILE", conflicts_with = "split")]
    pub out: Option<PathBuf>,
    /// Write one file per object into this directory (`tables/public.orders.sql`, …). The
    /// directory must be empty or one an earlier dump wrote (listed in its `.schemadiff-dump`);
    /// the files of objects that no longer exist are removed, no other file is touched.
    #[arg(long, value_name = "DIR")]
    pub split: Option<PathBuf>,
}

#[derive(Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub compare: Compare,
    /// Write up.sql, down.sql, plan.json and summary.md into this directory, and
    /// `<phase>.up.sql` / `<phase>.down.sql` for each phase that has steps.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write the phases into --out DIR as the migrations this deploy tool applies
    /// (supabase/migrations/, prisma/migrations/), with their rollbacks beside them, instead
    /// of the plan files. Contract is written by a later plan, once expand has run.
    #[arg(long, value_enum, value_name = "TOOL", requires = "out")]
    pub layout: Option<LayoutName>,
    /// The migrations' name with --layout: lowercase letters, digits and _.
    #[arg(long, value_name = "NAME", requires = "layout", default_value = "schemadiff", value_parser = parse_migration_name)]
    pub name: String,
    /// The shortest plan, each change in one step: no staged forms keeping the running
    /// application working (no concurrent index builds, NOT VALID checks or backfills).
    #[arg(long)]
    pub direct: bool,
    /// Declare a rename the desired state does not say with `-- schemadiff:renamed-from`:
    /// `schema.table.old=new` for a column, `schema.old=new` for a table (repeatable).
    #[arg(long, value_name = "FROM=TO", value_parser = parse_rename_option)]
    pub rename: Vec<Rename>,
    /// What to print on standard output.
    #[arg(long, value_enum, default_value_t = Format::Sql)]
    pub format: Format,
    /// Keep the data the plan would destroy (dropped tables, columns and sequences, values a
    /// type change may lose) in the `schemadiff_archive` schema; the rollback restores it.
    #[arg(long)]
    pub retain_dropped: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutName {
    Supabase,
    Prisma,
}

/// A migration name both tools take as it is.
fn parse_migration_name(text: &str) -> Result<String, String> {
    let valid = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(text.to_string())
    } else {
        Err("use lowercase letters, digits and _ (e.g. add_order_status)".into())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlatformName {
    Supabase,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Sql,
    Human,
    Json,
    Markdown,
}
