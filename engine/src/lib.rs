//! schemadiff's engine: load two sources into one catalog model, diff them, order the
//! changes with a dependency graph, and render the plan.
//!
//! ```text
//! source::{sql, live} ──► model::Catalog ──► diff::Change ──► plan::Plan ──► render
//! ```

pub mod apply;
pub mod archive;
pub mod cluster;
pub mod connect;
pub mod diff;
pub mod error;
mod features;
mod guard;
pub mod hazard;
pub mod lint;
pub mod model;
pub mod normalize;
pub mod plan;
pub mod platform;
pub mod render;
pub mod source;

use diff::Pair;
pub use error::Error;
pub use model::Catalog;
pub use plan::Plan;
pub use platform::Platform;
pub use source::directives::{Intent, Rename};
pub use source::shadow::DevServer;
pub use source::Source;

/// How desired-state SQL is turned into a catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DesiredStatePath {
    /// The shadow path with a local server when the other side is a live database and
    /// PostgreSQL is installed; offline otherwise.
    #[default]
    Auto,
    /// Parsed with pg_query, no server.
    Offline,
    /// Run in a scratch database on this server and read back.
    Shadow(DevServer),
}

/// What to compare and how strictly.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Only these schemas (all non-system schemas when empty).
    pub schemas: Vec<String>,
    /// Schemas to leave out, such as those a platform manages: owned elsewhere, like the
    /// platform's.
    pub exclude_schemas: Vec<String>,
    /// `--platform`: a hosted platform whose schemas, extensions and roles are owned by it.
    pub platform: Option<Platform>,
    /// Objects the model does not cover are an error instead of a note.
    pub strict: bool,
    /// Compare and set who owns each object (`--owners`); otherwise owners are ignored.
    pub owners: bool,
    /// `--retain-dropped`: dropped tables and columns, and values a type change narrows,
    /// are kept in the archive schema instead of deleted, and the rollback restores them.
    pub retain_dropped: bool,
    /// Offline, shadow, or chosen from the sources.
    pub desired_state: DesiredStatePath,
    /// `--direct`: the shortest plan, without the staged forms that keep the running
    /// application working.
    pub direct: bool,
    /// `--rename`: renames declared on the command line, beside the desired state's
    /// `-- schemadiff:renamed-from` directives.
    pub renames: Vec<Rename>,
    /// `--allow-empty`: plan even when the desired state holds nothing in the schemas
    /// compared while the current side holds objects, or a `--schema` names a schema no
    /// source has (see `guard`).
    pub allow_empty: bool,
}

impl Options {
    /// What of a database these options read.
    pub fn scope(&self) -> plan::Scope {
        plan::Scope {
            schemas: self.schemas.clone(),
            exclude_schemas: self.exclude_schemas.clone(),
            platform: self.platform,
            owners: self.owners,
        }
    }

    /// These options, reading what `scope` says.
    pub fn with_scope(self, scope: &plan::Scope) -> Options {
        Options {
            schemas: scope.schemas.clone(),
            exclude_schemas: scope.exclude_schemas.clone(),
            platform: scope.platform,
            owners: scope.owners,
            ..self
        }
    }
}

/// Loads a source offline (desired-state SQL is parsed without a server) and keeps the
/// schemas the options select.
pub fn load(source: &Source, options: &Options) -> Result<Catalog, Error> {
    let files = desired_state_files(source)?;
    let context = platform::OwnedElsewhere::new(options).context(None, files.as_deref())?;
    let catalog = read(Side::load(source, files.as_deref())?, &context, None)?;
    scope(catalog, options)
}

/// Loads both sources and plans the migration from one to the other.
pub fn plan(from: &Source, to: &Source, options: &Options) -> Result<Plan, Error> {
    let sources = Pair::new(from, to);
    guard::stdin_read_once(sources)?;
    let shadow_server = match &options.desired_state {
        DesiredStatePath::Offline => None,
        DesiredStatePath::Shadow(server) => Some(server.clone()),
        DesiredStatePath::Auto => (from.is_database() != to.is_database()
            && source::shadow::local_server_available())
        .then_some(DevServer::Local),
    };
    let mut shadow = shadow_server.map(source::shadow::Shadow::new);
    let from_files = desired_state_files(from)?;
    let to_files = desired_state_files(to)?;
    let mut catalogs = read_sides(
        sources,
        Pair::new(from_files.as_deref(), to_files.as_deref()),
        &platform::OwnedElsewhere::new(options),
        shadow.as_mut(),
    )?;
    run_files_as_database_role(&mut catalogs, from_files.is_some(), to_files.is_some());
    let Pair {
        from: from_catalog,
        to: to_catalog,
    } = select(catalogs, sources, options)?;
    check_roles(&from_catalog, &to_catalog)?;
    check_server(from, &from_catalog, &to_catalog)?;
    // comments never reach a catalog: directives are read from the files on both paths
    let mut intent = match &to_files {
        Some(files) => source::directives::read(files)?,
        None => Intent::default(),
    };
    for rename in &options.renames {
        intent.add(rename.clone());
    }
    let declared = plan::renames::declare(&intent, &from_catalog, &to_catalog)
        .map_err(|misfits| misfits_error(misfits, to_files.as_deref().unwrap_or_default()))?;
    let settings = plan::Settings {
        dropped: if options.retain_dropped {
            plan::DroppedData::Retain
        } else {
            plan::DroppedData::Delete
        },
        direct: options.direct,
        declared,
    };
    let mut plan = plan::plan(&from_catalog, &to_catalog, settings)?;
    plan.scope = options.scope();
    let has_sql = !from.is_database() || !to.is_database();
    plan.desired_state = has_sql.then(|| match &shadow {
        Some(shadow) => shadow.description(),
        None => "offline (parsed with pg_query, no server)".to_string(),
    });
    Ok(plan)
}

/// Applies `plan` to the database at `db` (see [`apply::apply`]); `options` say how the
/// plan read the database, so that it is read the same way to check it is still FROM.
/// `progress` hears how far each batched backfill is, while it runs.
pub fn apply(
    db: &str,
    plan: &Plan,
    options: &Options,
    settings: &apply::Settings,
    report: &mut dyn FnMut(&str),
    progress: impl Fn(apply::BackfillProgress) + Send + Sync + 'static,
) -> Result<apply::Outcome, Error> {
    let mut client = connect::Target::parse(db, &connect::Environment::of_process())?
        .on_notice(move |message| {
            if let Some((column, done, total)) = render::ddl::staging::backfill_progress(message) {
                progress(apply::BackfillProgress {
                    column: column.to_string(),
                    done,
                    total,
                });
            }
        })
        .connect()?;
    let mut live = |client: &mut postgres::Client| {
        let catalog = scope(source::live::load_with(client, db)?, options)?;
        Ok((plan::fingerprint(&catalog), plan::object_digests(&catalog)))
    };
    apply::apply(&mut client, plan, settings, &mut live, report)
}

/// The runs `apply` recorded in the database at `db`, oldest first.
pub fn history(db: &str) -> Result<Vec<apply::history::Run>, Error> {
    let mut client = connect::connect(db)?;
    apply::history::list(&mut client).map_err(|e| Error::Catalog {
        url: error::redact_url(db),
        what: "the apply history",
        message: source::live::error_message(&e),
    })
}

/// The files of a desired-state source, read once (standard input cannot be read twice);
/// `None` for a database.
fn desired_state_files(source: &Source) -> Result<Option<Vec<source::SqlFile>>, Error> {
    match source {
        Source::Database(_) => Ok(None),
        _ => source::read_desired_state(source).map(Some),
    }
}

/// Declarations that do not fit the schemas, as problems at their lines (a `--rename` has
/// no line: it names the option).
fn misfits_error(misfits: Vec<plan::renames::Misfit>, files: &[source::SqlFile]) -> Error {
    let problems = misfits
        .into_iter()
        .map(|misfit| {
            let span = misfit.span.unwrap_or_else(|| error::Span {
                file: "--rename".into(),
                line: 1,
                column: 1,
            });
            let line_text = files
                .iter()
                .find(|f| f.name == span.file)
                .and_then(|f| f.text.lines().nth(span.line.saturating_sub(1)))
                .unwrap_or_default()
                .to_string();
            error::SourceProblem {
                span,
                message: misfit.message,
                line_text,
                help: Some(misfit.help),
            }
        })
        .collect();
    Error::Source(problems)
}

/// A source's schema as the SQL that creates it, in dependency order: the statements and
/// the catalog's fingerprint. Desired-state SQL is read offline unless a shadow server is
/// asked for.
pub fn dump(source: &Source, options: &Options) -> Result<(Vec<plan::DumpEntry>, String), Error> {
    let mut shadow = match &options.desired_state {
        DesiredStatePath::Shadow(server) => Some(source::shadow::Shadow::new(server.clone())),
        DesiredStatePath::Offline | DesiredStatePath::Auto => None,
    };
    let files = desired_state_files(source)?;
    let context = platform::OwnedElsewhere::new(options).context(None, files.as_deref())?;
    let side = Side::load(source, files.as_deref())?;
    let catalog = read(side, &context, shadow.as_mut())?;
    if !options.allow_empty {
        guard::schemas_exist(&options.schemas, &[&catalog], &[source])?;
    }
    let catalog = scope(catalog, options)?;
    // an empty database as far as the options see it: a dump of `--schema app` starts
    // from no schema at all, so it drops nothing (no `public`)
    let empty = scope(source::sql::load(&[])?, options)?;
    Ok((plan::dump(&empty, &catalog)?, plan::fingerprint(&catalog)))
}

/// Keeps what the options select on both sides. Unless `--allow-empty`, refuses first a
/// `--schema` no side has, then a desired state that would drop everything.
fn select(
    catalogs: Pair<Catalog>,
    sources: Pair<&Source>,
    options: &Options,
) -> Result<Pair<Catalog>, Error> {
    if !options.allow_empty {
        guard::schemas_exist(
            &options.schemas,
            &[&catalogs.from, &catalogs.to],
            &[sources.from, sources.to],
        )?;
    }
    let catalogs = Pair::new(scope(catalogs.from, options)?, scope(catalogs.to, options)?);
    if !options.allow_empty {
        guard::desired_state_not_empty(catalogs.as_ref(), sources)?;
    }
    Ok(catalogs)
}

/// One side of a comparison, loaded once: a database's whole catalog, or desired-state files.
enum Side<'a> {
    Database(Box<Catalog>),
    Files(&'a [source::SqlFile]),
}

impl<'a> Side<'a> {
    /// `files` are the source's, read already (`None` for a database).
    fn load(source: &Source, files: Option<&'a [source::SqlFile]>) -> Result<Self, Error> {
        match files {
            Some(files) => Ok(Side::Files(files)),
            None => source::load(source).map(|c| Side::Database(Box::new(c))),
        }
    }

    fn database(&self) -> Option<&Catalog> {
        match self {
            Side::Database(catalog) => Some(catalog),
            Side::Files(_) => None,
        }
    }
}

/// Reads one side, every schema of it: a database as loaded, desired-state SQL in its
/// `context` through the shadow database when there is one, offline otherwise.
fn read(
    side: Side,
    context: &platform::Context,
    shadow: Option<&mut source::shadow::Shadow>,
) -> Result<Catalog, Error> {
    let mut catalog = match (side, shadow) {
        (Side::Database(catalog), _) => *catalog,
        (Side::Files(files), None) => source::sql::load_in(context, files)?,
        (Side::Files(files), Some(shadow)) => {
            let mut catalog = shadow.load(files, context)?;
            // where the offline reading agrees, plans say it as the file does
            if let Ok(written) = source::sql::load_in(context, files) {
                catalog.adopt_spelling(&written);
            }
            catalog
        }
    };
    catalog.share_canonical_forms();
    Ok(catalog)
}

/// Reads both sides of a plan: at the same time where neither is read against the other.
fn read_sides(
    sources: Pair<&Source>,
    files: Pair<Option<&[source::SqlFile]>>,
    owned: &platform::OwnedElsewhere,
    shadow: Option<&mut source::shadow::Shadow>,
) -> Result<Pair<Catalog>, Error> {
    let one_database = files.from.is_some() != files.to.is_some();
    let both_files = files.from.is_some() && files.to.is_some();
    if (owned.owns_anything() && one_database) || (shadow.is_some() && both_files) {
        // the desired state is read against what the database side holds of the schemas
        // owned elsewhere, so that side is read first; and one shadow loads one side at once
        let from_side = Side::load(sources.from, files.from)?;
        let to_side = Side::load(sources.to, files.to)?;
        let database = from_side.database().or(to_side.database());
        let from_context = owned.context(database, files.from)?;
        let to_context = owned.context(database, files.to)?;
        let mut shadow = shadow;
        return Ok(Pair::new(
            read(from_side, &from_context, shadow.as_deref_mut())?,
            read(to_side, &to_context, shadow)?,
        ));
    }
    let (from_shadow, to_shadow) = match files.from {
        Some(_) => (shadow, None),
        None => (None, shadow),
    };
    let read_alone = |source, files, shadow| -> Result<Catalog, Error> {
        let context = owned.context(None, files)?;
        read(Side::load(source, files)?, &context, shadow)
    };
    std::thread::scope(|scope| {
        let from = scope.spawn(|| read_alone(sources.from, files.from, from_shadow));
        let to = read_alone(sources.to, files.to, to_shadow);
        let from = from
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        // FROM's problem first, as when the sides are read one after the other
        Ok(Pair::new(from?, to?))
    })
}

/// Desired-state files run as the role that reads the database they are planned against:
/// their grants that name it are its own as owner.
fn run_files_as_database_role(catalogs: &mut Pair<Catalog>, from_files: bool, to_files: bool) {
    let (files, database) = match (from_files, to_files) {
        (true, false) => (&mut catalogs.from, &catalogs.to),
        (false, true) => (&mut catalogs.to, &catalogs.from),
        _ => return,
    };
    if let Some(role) = database.cluster.current_role.clone() {
        files.grants_to_runner_are_the_owners(&role);
    }
}

/// Roles are not managed: when the plan is for a live database, every role the desired state
/// grants to must exist in its cluster already.
fn check_roles(from: &Catalog, to: &Catalog) -> Result<(), Error> {
    let Some(existing) = &from.cluster.roles else {
        return Ok(());
    };
    let missing: Vec<String> = to
        .named_roles()
        .into_iter()
        .filter(|role| !existing.contains(role))
        .map(|role| format!("`{role}`"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::Invalid(format!(
        "the desired state grants privileges to, or makes owners of, role(s) {} that do not exist in the database the plan is for; create them first (schemadiff does not manage roles)",
        missing.join(", ")
    )))
}

/// Refuses a desired state that uses what the server of FROM, the database the plan is
/// for, lacks; a plan from files has no server to check against.
fn check_server(from_source: &Source, from: &Catalog, to: &Catalog) -> Result<(), Error> {
    match from_source {
        Source::Database(url) => features::check(to, from, &error::redact_url(url)),
        _ => Ok(()),
    }
}

/// Keeps the schemas the options select and not owned elsewhere, and owners with
/// `--owners`; with `--strict`, refuses unsupported objects.
fn scope(mut catalog: Catalog, options: &Options) -> Result<Catalog, Error> {
    if !options.owners {
        catalog.owners.clear();
    }
    let owned_elsewhere = platform::OwnedElsewhere::new(options);
    if !options.schemas.is_empty() {
        // a subscription belongs to no schema and names nothing in one: a plan over some
        // schemas leaves the database's subscriptions alone
        catalog.subscriptions.clear();
    }
    if !options.schemas.is_empty() || owned_elsewhere.owns_anything() {
        // `FOR ALL TABLES` reaches the schemas left out too, and a publication that lists
        // nothing belongs to no schema (before `retain_schemas`, which drops their owners)
        catalog
            .publications
            .retain(|_, p| !p.all_tables && p.lists_anything());
        // a wrapper without a handler or validator belongs to no schema either (its
        // servers and their user mappings follow it in `retain_schemas`)
        catalog
            .foreign_data_wrappers
            .retain(|_, w| w.handler.is_some() || w.validator.is_some());
    }
    catalog.retain_schemas(|schema| {
        options.schemas.is_empty() || options.schemas.iter().any(|s| s == schema)
    });
    owned_elsewhere.leave_out(&mut catalog);
    if options.strict && !catalog.unsupported.is_empty() {
        let list: Vec<String> = catalog
            .unsupported
            .iter()
            .map(|u| match &u.schema {
                Some(schema) => format!("{} {schema}.{}", u.kind, u.name),
                None => format!("{} {}", u.kind, u.name),
            })
            .collect();
        return Err(Error::Strict {
            count: list.len(),
            list: list.join(", "),
        });
    }
    Ok(catalog)
}
