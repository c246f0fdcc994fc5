//! `schemadiff lint`: migration files checked statement by statement. Exit 0 when clean,
//! 1 on a finding at or above `--fail-on` that nothing allowed, 2 on a usage, read or parse
//! error (the other files are still checked and reported).

mod report;

use std::process::ExitCode;

use anyhow::Context as _;
use schemadiff_engine::hazard::{HazardKind, Severity};
use schemadiff_engine::lint::{self, Context, Finding, Settings};
use schemadiff_engine::Source;
use serde::Deserialize;

use crate::args::{LintArgs, LintFormat, SeverityName};

/// What a configuration file (`--config`, JSON) may say; the command line adds to it.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Config {
    #[serde(default)]
    allow: Vec<HazardKind>,
    #[serde(default)]
    assume_in_transaction: bool,
    #[serde(default)]
    require_idempotent: bool,
    fail_on: Option<Severity>,
}

/// The findings of each file linted.
pub type Linted = Vec<Finding>;

pub fn run(args: &LintArgs) -> anyhow::Result<ExitCode> {
    let config = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            serde_json::from_str::<Config>(&text).map_err(|e| {
                anyhow::anyhow!(
                    "{}:{}:{}: {e}; see `schemadiff lint --help` for the keys",
                    path.display(),
                    e.line(),
                    e.column()
                )
            })?
        }
        None => Config::default(),
    };
    let mut allow = config.allow;
    for id in &args.allow {
        allow.push(HazardKind::from_id(id).with_context(|| {
            format!("--allow {id}: no such hazard id; the ids are listed in docs/hazards.md")
        })?);
    }
    let settings = Settings {
        assume_in_transaction: args.assume_in_transaction || config.assume_in_transaction,
        require_idempotent: args.require_idempotent || config.require_idempotent,
        allow,
    };
    let fail_on = match args.fail_on {
        Some(name) => severity(name),
        None => config.fail_on.unwrap_or(Severity::Warning),
    };
    let context = match &args.db {
        Some(url) => lint::context::load(url)?,
        None => Context::default(),
    };
    let mut linted = Vec::new();
    let mut failed = false;
    for path in &args.paths {
        let files = match Source::parse(path).and_then(|source| match source {
            Source::Database(_) => Err(schemadiff_engine::Error::Invalid(format!(
                "{source} is a database: lint reads migration files (give the database with --db)"
            ))),
            source => schemadiff_engine::source::read_desired_state(&source),
        }) {
            Ok(files) => files,
            Err(error) => {
                eprintln!("error: {:#}", anyhow::Error::from(error));
                failed = true;
                continue;
            }
        };
        for file in files {
            match lint::lint(&file, &settings, &context) {
                Ok(findings) => linted.push(findings),
                Err(schemadiff_engine::Error::Source(problems)) => {
                    for problem in problems {
                        eprintln!("error: {problem}\n");
                    }
                    failed = true;
                }
                Err(error) => {
                    eprintln!("error: {:#}", anyhow::Error::from(error));
                    failed = true;
                }
            }
        }
    }
    let colour = args.format == LintFormat::Human && report::colour_on_stdout();
    print!("{}", report::render(args.format, &linted, colour));
    let blocking = linted
        .iter()
        .flatten()
        .any(|f| f.allowed.is_none() && f.severity >= fail_on);
    Ok(if failed {
        ExitCode::from(2)
    } else if blocking {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn severity(name: SeverityName) -> Severity {
    match name {
        SeverityName::Info => Severity::Info,
        SeverityName::Warning => Severity::Warning,
        SeverityName::Danger => Severity::Danger,
    }
}
