//! The `schemadiff` command. Exit codes: 0 success (for `check`: equivalent), 1 differences,
//! 2 usage, input or connection error.

mod apply;
mod args;
mod layout;
mod lint;
mod progress;
mod split_dump;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use args::{ArchiveCommand, Cli, Command, Format, LayoutName, PlatformName};
use schemadiff_engine::error::redact_url;
use schemadiff_engine::source::shadow::drop_scratch_databases;
use schemadiff_engine::{
    archive, dump, plan, render, DesiredStatePath, DevServer, Options, Platform, Source,
};

// Planning allocates many small, short-lived values (names, parse-tree nodes); mimalloc
// serves them several times faster than the system allocator and returns memory sooner.
// It is built without transparent huge pages (`no_thp`): the kernel zeroed a whole 2 MiB
// page at each first touch, a third of the CPU time of a 5,000-table plan.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return argument_error(error),
    };
    // a scratch database of the shadow path never outlives an interrupted run (Ctrl-C,
    // SIGTERM, SIGHUP); a local server and its directory have their own watchdog
    let _ = ctrlc::set_handler(|| {
        // an apply stops its statement: the batches committed stay, the next run resumes
        schemadiff_engine::apply::interrupt();
        drop_scratch_databases();
        std::process::exit(130);
    });
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            // a refusal by a hazard rule or a failed step is 1; usage, input, connection 2
            match error.downcast_ref::<schemadiff_engine::Error>() {
                Some(schemadiff_engine::Error::Refused(_))
                | Some(schemadiff_engine::Error::StepFailed { .. }) => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}

/// clap quotes the arguments it cannot place, and one may be a URL with a password
/// (`schemadiff plan postgres://u:pw@h/db`, `--from` forgotten): its message is printed with
/// every password hidden, in clap's own colours when there is none to hide. Arguments are
/// read as clap shows them, invalid UTF-8 replaced (`env::args` would panic on it).
fn argument_error(error: clap::Error) -> ExitCode {
    let secrets: Vec<(String, String)> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .flat_map(|arg| {
            let value = arg.split_once('=').map(|(_, value)| value.to_string());
            [Some(arg), value]
        })
        .flatten()
        .filter_map(|arg| {
            let shown = redact_url(&arg);
            (shown != arg).then_some((arg, shown))
        })
        .collect();
    if secrets.is_empty() {
        error.exit()
    }
    let mut message = error.render().to_string();
    for (secret, shown) in &secrets {
        message = message.replace(secret, shown);
    }
    if error.use_stderr() {
        eprint!("{message}");
    } else {
        print!("{message}");
    }
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Plan(args) => {
            let options = Options {
                retain_dropped: args.retain_dropped,
                direct: args.direct,
                renames: args.rename.clone(),
                ..args.compare.reading.options()
            };
            let (from, to) = args.compare.sources()?;
            let plan = plan(&from, &to, &options)?;
            match (&args.out, args.layout) {
                (Some(dir), Some(tool)) => {
                    let tool = match tool {
                        LayoutName::Supabase => render::layout::Layout::Supabase,
                        LayoutName::Prisma => render::layout::Layout::Prisma,
                    };
                    layout::write(dir, &plan, tool, &args.name, layout::version_time()?)?
                }
                (Some(dir), None) => write_plan_dir(dir, &plan)?,
                (None, _) => {}
            }
            let stdout = match args.format {
                Format::Sql if args.out.is_some() => String::new(),
                Format::Sql => render::up_sql(&plan),
                Format::Human => render::summary(&plan),
                Format::Json => render::json(&plan),
                Format::Markdown => render::markdown(&plan),
            };
            print!("{stdout}");
            if args.format != Format::Human {
                eprint!("{}", render::summary(&plan));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Dump(args) => {
            let options = args.reading.options();
            let (entries, fingerprint) = dump(&Source::parse(&args.from)?, &options)?;
            match (&args.out, &args.split) {
                (_, Some(dir)) => split_dump::write(dir, &render::dump_files(&entries))?,
                (Some(file), None) => {
                    let text = render::dump_sql(&entries, &fingerprint);
                    std::fs::write(file, text)
                        .with_context(|| format!("cannot write {}", file.display()))?
                }
                (None, None) => print!("{}", render::dump_sql(&entries, &fingerprint)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Apply(args) => apply::apply(args),
        Command::Lint(args) => lint::run(&args),
        Command::History { db } => apply::history(&db),
        Command::Archive(ArchiveCommand::List { db }) => {
            let archived = archive::list(&db)?;
            if archived.is_empty() {
                eprintln!("schemadiff: nothing archived");
            }
            print!("{}", archive_lines(&archived));
            Ok(ExitCode::SUCCESS)
        }
        Command::Archive(ArchiveCommand::Purge { db, older_than }) => {
            let purged = archive::purge(&db, &older_than)?;
            print!("{}", archive_lines(&purged));
            eprintln!(
                "schemadiff: purged {} archive(s) older than {older_than}",
                purged.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => {
            let options = args.reading.options();
            let (from, to) = args.sources()?;
            let plan = plan(&from, &to, &options)?;
            if plan.is_empty() {
                eprintln!("schemadiff: the schemas are equivalent");
                Ok(ExitCode::SUCCESS)
            } else {
                eprint!("{}", render::summary(&plan));
                print!("{}", render::up_sql(&plan));
                Ok(ExitCode::from(1))
            }
        }
    }
}

/// One line per archive: when, what it held, where it is, which plan.
fn archive_lines(archived: &[archive::Archived]) -> String {
    archived
        .iter()
        .map(|a| {
            format!(
                "{}  {} {}  in schemadiff_archive.{}  (plan {})\n",
                a.archived_at, a.kind, a.original, a.name, a.plan
            )
        })
        .collect()
}

fn write_plan_dir(dir: &std::path::Path, plan: &schemadiff_engine::Plan) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
    };
    // one text at a time: a large plan's files together take many times the plan
    type Rendering = fn(&schemadiff_engine::Plan) -> String;
    let renderings: [(&str, Rendering); 4] = [
        ("up.sql", render::up_sql),
        ("down.sql", render::down_sql),
        ("plan.json", render::json),
        ("summary.md", render::markdown),
    ];
    for (name, rendering) in renderings {
        write(name, rendering(plan))?;
    }
    let mut phase_files = Vec::new();
    for (name, text) in render::phase_files(plan) {
        write(&name, text)?;
        phase_files.push(name);
    }
    remove_stale_phase_files(dir, &phase_files)
}

/// A phase file an earlier plan wrote into the directory, for a phase this plan does not
/// have, would run stale steps: it goes, but only when its first line shows schemadiff
/// wrote it.
fn remove_stale_phase_files(dir: &Path, written: &[String]) -> anyhow::Result<()> {
    for phase in ["expand", "backfill", "contract"] {
        for direction in ["up", "down"] {
            let name = format!("{phase}.{direction}.sql");
            let path = dir.join(&name);
            if written.contains(&name) {
                continue;
            }
            let ours =
                std::fs::read_to_string(&path).is_ok_and(|text| text.starts_with("-- schemadiff "));
            if ours {
                std::fs::remove_file(&path)
                    .with_context(|| format!("cannot remove {}", path.display()))?;
            }
        }
    }
    Ok(())
}

impl args::Compare {
    fn sources(&self) -> Result<(Source, Source), schemadiff_engine::Error> {
        Ok((Source::parse(&self.from)?, Source::parse(&self.to)?))
    }
}

impl args::Reading {
    fn options(&self) -> Options {
        Options {
            schemas: self.schema.clone(),
            exclude_schemas: self.exclude_schema.clone(),
            platform: self.platform.map(|name| match name {
                PlatformName::Supabase => Platform::Supabase,
            }),
            strict: self.strict,
            owners: self.owners,
            retain_dropped: false,
            direct: false,
            renames: Vec::new(),
            allow_empty: self.allow_empty,
            desired_state: match (&self.dev_url, self.offline) {
                (_, true) => DesiredStatePath::Offline,
                (Some(url), _) if url == "local" => DesiredStatePath::Shadow(DevServer::Local),
                (Some(url), _) => DesiredStatePath::Shadow(DevServer::Url(url.clone())),
                (None, false) => DesiredStatePath::Auto,
            },
        }
    }
}
