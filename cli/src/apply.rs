//! `schemadiff apply` and `schemadiff history`: the plan to run (made now, or read back from
//! a reviewed `plan --out` directory), the question on a terminal, and the report.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use schemadiff_engine::apply::{BackfillProgress, Outcome, Settings};
use schemadiff_engine::hazard::HazardKind;
use schemadiff_engine::plan::{Phase, Scope};
use schemadiff_engine::{render, Plan, Platform, Source};

use crate::args::{ApplyArgs, PhaseName};
use crate::progress::BackfillDisplay;

pub fn apply(args: ApplyArgs) -> anyhow::Result<ExitCode> {
    let options = schemadiff_engine::Options {
        direct: args.direct,
        ..args.reading.options()
    };
    let (plan, options) = match (&args.plan, &args.to) {
        (Some(dir), _) => {
            let plan = read_plan(dir)?;
            let given = options.scope();
            if !given.is_everything() && given != plan.scope {
                anyhow::bail!(
                    "the plan in {} was made with {}, not with the options given: leave out --schema, --exclude-schema, --platform and --owners, and apply reads the database as the plan did",
                    dir.display(),
                    scope_flags(&plan.scope)
                );
            }
            let options = options.with_scope(&plan.scope);
            (plan, options)
        }
        (None, Some(to)) => {
            let plan = schemadiff_engine::plan(
                &Source::Database(args.db.clone()),
                &Source::parse(to)?,
                &options,
            )?;
            (plan, options)
        }
        (None, None) => anyhow::bail!("give --to SOURCE or --plan DIR"),
    };
    let settings = Settings {
        phases: phases(&args.phase),
        allowed_hazards: args
            .allow_hazard
            .iter()
            .map(|id| {
                HazardKind::from_id(id).with_context(|| format!("no hazard has the id `{id}`"))
            })
            .collect::<anyhow::Result<_>>()?,
        dry_run: args.dry_run,
        wait: args.wait,
        lock_timeout: args.lock_timeout,
        statement_timeout: args.statement_timeout,
        retries: args.retries,
    };
    if plan.is_empty() {
        eprintln!("schemadiff: nothing to apply: the database is the desired state");
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes && !args.dry_run && std::io::stdin().is_terminal() && !confirmed(&plan, &settings)?
    {
        eprintln!("schemadiff: nothing applied");
        return Ok(ExitCode::from(1));
    }
    let mut report = |line: &str| eprintln!("schemadiff: {line}");
    let display = BackfillDisplay::new(std::io::stderr().is_terminal());
    let progress = move |progress: BackfillProgress| display.show(&progress);
    match schemadiff_engine::apply(&args.db, &plan, &options, &settings, &mut report, progress)? {
        Outcome::DryRun(text) => print!("{text}"),
        Outcome::AlreadyApplied { next } => {
            eprintln!("schemadiff: already applied; {}", next_line(next));
        }
        Outcome::Applied { phases, next } => {
            let names: Vec<&str> = phases.iter().map(|p| p.name()).collect();
            eprintln!(
                "schemadiff: applied {}; {}",
                names.join(", "),
                next_line(next)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn history(db: &str) -> anyhow::Result<ExitCode> {
    let runs = schemadiff_engine::history(db)?;
    if runs.is_empty() {
        eprintln!("schemadiff: nothing was applied to this database");
    }
    for run in runs {
        println!(
            "{}  plan {}  {}  {}  by {}  ({} → {}){}",
            run.started_at,
            run.plan,
            run.phase,
            run.outcome,
            run.applied_by,
            run.from_fingerprint,
            run.to_fingerprint,
            run.message.map(|m| format!(": {m}")).unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The plan `plan --out DIR` wrote.
fn read_plan(dir: &Path) -> anyhow::Result<Plan> {
    let path = dir.join("plan.json");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "{} is not a plan that schemadiff wrote (plan --out DIR writes it)",
            path.display()
        )
    })
}

/// The options that read `scope`, as they were given to `plan`.
fn scope_flags(scope: &Scope) -> String {
    let mut flags: Vec<String> = Vec::new();
    flags.extend(scope.schemas.iter().map(|s| format!("--schema {s}")));
    flags.extend(
        scope
            .exclude_schemas
            .iter()
            .map(|s| format!("--exclude-schema {s}")),
    );
    if let Some(Platform::Supabase) = scope.platform {
        flags.push("--platform supabase".into());
    }
    if scope.owners {
        flags.push("--owners".into());
    }
    if flags.is_empty() {
        return "none of them (every schema, owners ignored)".into();
    }
    flags.join(" ")
}

/// The phases asked for; by default expand and backfill, since contract waits for the
/// application that uses the new shape.
fn phases(asked: &[PhaseName]) -> Vec<Phase> {
    let all = [Phase::Expand, Phase::Backfill, Phase::Contract];
    if asked.is_empty() {
        return vec![Phase::Expand, Phase::Backfill];
    }
    all.into_iter()
        .filter(|phase| {
            asked.iter().any(|a| match a {
                PhaseName::All => true,
                PhaseName::Expand => *phase == Phase::Expand,
                PhaseName::Backfill => *phase == Phase::Backfill,
                PhaseName::Contract => *phase == Phase::Contract,
            })
        })
        .collect()
}

fn next_line(next: Option<Phase>) -> String {
    match next {
        Some(Phase::Contract) => {
            "next: deploy the application that uses the new shape, then apply --phase contract"
                .into()
        }
        Some(phase) => format!("next: apply --phase {}", phase.name()),
        None => "the plan is complete".into(),
    }
}

/// Shows the plan on the terminal and asks before running it.
fn confirmed(plan: &Plan, settings: &Settings) -> anyhow::Result<bool> {
    eprint!("{}", render::summary(plan));
    let names: Vec<&str> = settings.phases.iter().map(|p| p.name()).collect();
    eprint!("apply the {} phase(s)? [y/N] ", names.join(" and "));
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}
