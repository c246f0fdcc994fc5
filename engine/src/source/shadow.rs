//! The shadow path: desired-state SQL is run in a scratch database and read back by the live
//! loader, so that both sides of a comparison come from the server's own catalog and
//! deparser. The schemas owned elsewhere that it may reference are created there first (the
//! [`Context`]). The scratch database, and every role created on the server while it
//! existed, are always dropped: on success, on error (a guard), and on Ctrl-C (the CLI calls
//! [`drop_scratch_databases`]). Subscription statements never run there (a scratch database
//! would connect to the publisher, create a slot on it, and could not be dropped while it
//! has a subscription): they are read offline and their subscriptions put in the catalog.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use pg_query::protobuf::ObjectType;
use pg_query::NodeEnum;
use postgres::Client;

use super::sql::location::{problem_at, syntax_errors};
use super::{live, sql, SqlFile};
use crate::cluster::TempCluster;
use crate::connect::{self, Environment, Target};
use crate::error::{redact_url, Error};
use crate::model::{AclObject, Catalog};
use crate::platform::Context;
use crate::render::quote::quote_ident;

/// Where scratch databases are created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DevServer {
    /// `--dev-url URL`: a server where the tool may create and drop a database.
    Url(String),
    /// `--dev-url local`: a private throwaway server started from the local binaries.
    Local,
}

/// A dev server in use: the local cluster is started once and shared by both sides.
pub struct Shadow {
    server: DevServer,
    local: Option<TempCluster>,
    /// Of the last load's context statements: how many ran, and how many there were.
    context_copied: (usize, usize),
}

/// Scratch databases that exist right now, for Ctrl-C.
static SCRATCH: Mutex<Vec<Scratch>> = Mutex::new(Vec::new());

/// Set under `SCRATCH`'s lock on Ctrl-C: no scratch database is created after the ones that
/// exist are listed for dropping.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

impl Shadow {
    pub fn new(server: DevServer) -> Self {
        Shadow {
            server,
            local: None,
            context_copied: (0, 0),
        }
    }

    /// How the desired state was read, for the summary.
    pub fn description(&self) -> String {
        let server = self.server_description();
        match self.context_copied {
            (copied, all) if copied < all => format!(
                "{server}; {} of the {all} statements copying the schemas owned elsewhere failed there and were skipped",
                all - copied
            ),
            _ => server,
        }
    }

    fn server_description(&self) -> String {
        match (&self.server, &self.local) {
            (DevServer::Local, Some(cluster)) => format!(
                "shadow database on a local PostgreSQL {}",
                version_text(cluster.server_version_num())
            ),
            (DevServer::Local, None) => "shadow database on a local PostgreSQL".into(),
            (DevServer::Url(url), _) => format!("shadow database on {}", redact_url(url)),
        }
    }

    /// Runs `files` in a new scratch database, after what they may reference (`context`), and
    /// reads its catalog back.
    pub fn load(&mut self, files: &[SqlFile], context: &Context) -> Result<Catalog, Error> {
        let admin_url = self.admin_url()?;
        let server = Target::parse(&admin_url, &Environment::of_process())?;
        let mut admin = server.connect()?;
        let name = format!(
            "schemadiff_shadow_{}_{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        let roles_before = role_names(&mut admin).map_err(|e| Error::Connect {
            url: redact_url(&admin_url),
            message: format!("cannot list the roles: {}", db_message(&e)),
        })?;
        let _guard = ScratchGuard::create(
            &mut admin,
            Scratch {
                admin_url: admin_url.clone(),
                name: name.clone(),
                roles_before,
            },
        )?;
        let mut client = server.with_dbname(&name).connect()?;
        self.context_copied = copy_context(&mut admin, &mut client, context)?;
        // roles live in the cluster, not the database: a private local server lacks the
        // ones the live side has, so the roles the file refers to are made there as needed
        let create_missing_roles = self.local.is_some();
        let mut subscription_files = Vec::new();
        for file in files {
            subscription_files.extend(run_file(&mut client, file, create_missing_roles)?);
        }
        let mut catalog = live::load_with(
            &mut client,
            &format!("{} (scratch database {name})", redact_url(&admin_url)),
        )?;
        if !subscription_files.is_empty() {
            let offline = sql::load(&subscription_files)?;
            catalog.subscriptions = offline.subscriptions;
            for (object, owner) in offline.owners {
                if let AclObject::Subscription(_) = object {
                    catalog.set_owner(object, Some(owner.role));
                }
            }
            catalog.sort();
        }
        Ok(catalog)
    }

    fn admin_url(&mut self) -> Result<String, Error> {
        match &self.server {
            DevServer::Url(url) => Ok(url.clone()),
            DevServer::Local => {
                if self.local.is_none() {
                    let cluster = TempCluster::start().map_err(|e| {
                        Error::Invalid(format!(
                            "cannot start a local PostgreSQL for the shadow path: {e}"
                        ))
                    })?;
                    self.local = Some(cluster);
                }
                Ok(self.local.as_ref().expect("started above").url("postgres"))
            }
        }
    }
}

/// Whether `--dev-url local` can work here: server binaries are installed.
pub fn local_server_available() -> bool {
    crate::cluster::find_bindir().is_ok()
}

/// Drops every scratch database that still exists, and the roles created while it did (used
/// on Ctrl-C).
pub fn drop_scratch_databases() {
    let pending: Vec<Scratch> = {
        let mut pending = SCRATCH
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        INTERRUPTED.store(true, Ordering::SeqCst);
        std::mem::take(&mut *pending)
    };
    for scratch in pending {
        scratch.drop_all();
    }
}

/// A scratch database, and the roles of its server before it was created.
#[derive(Clone)]
struct Scratch {
    admin_url: String,
    name: String,
    roles_before: BTreeSet<String>,
}

impl Scratch {
    /// Drops the database, then the roles that did not exist before it (the desired state's
    /// `CREATE ROLE`s, the platform's roles made for it): a shared server keeps none of them.
    /// A role's privileges in the scratch database go with it, so the database goes first.
    fn drop_all(&self) {
        let Ok(mut admin) = connect::connect(&self.admin_url) else {
            return;
        };
        let _ = admin.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
        let Ok(roles) = role_names(&mut admin) else {
            return;
        };
        for role in roles.difference(&self.roles_before) {
            let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {}", quote_ident(role)));
        }
    }
}

/// Drops its scratch database and roles when the load ends, whichever way.
struct ScratchGuard {
    name: String,
}

impl ScratchGuard {
    /// Creates the database, registered for Ctrl-C under the registry's lock: an
    /// interruption waits for the creation and then finds the database to drop.
    fn create(admin: &mut Client, scratch: Scratch) -> Result<Self, Error> {
        let mut pending = SCRATCH
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(Error::Invalid("interrupted".into()));
        }
        let (name, admin_url) = (scratch.name.clone(), scratch.admin_url.clone());
        pending.push(scratch);
        let guard = ScratchGuard { name: name.clone() };
        let created = admin.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0"));
        drop(pending);
        created.map_err(|e| Error::Connect {
            url: redact_url(&admin_url),
            message: format!("cannot create the scratch database: {}", db_message(&e)),
        })?;
        Ok(guard)
    }
}

impl Drop for ScratchGuard {
    fn drop(&mut self) {
        let scratch = SCRATCH.lock().ok().and_then(|mut pending| {
            let at = pending.iter().position(|s| s.name == self.name)?;
            Some(pending.remove(at))
        });
        if let Some(scratch) = scratch {
            scratch.drop_all();
        }
    }
}

fn role_names(client: &mut Client) -> Result<BTreeSet<String>, postgres::Error> {
    Ok(client
        .query("SELECT rolname FROM pg_roles", &[])?
        .into_iter()
        .map(|row| row.get(0))
        .collect())
}

/// Creates the context in the scratch database: the roles it names that the server lacks,
/// then the definitions of the schemas owned elsewhere. Only what the desired state may
/// reference is needed, and a definition can name what this server does not have (an
/// extension that is not installed, a role of the platform), so a statement that fails is
/// skipped. Returns how many statements ran, and how many there were.
fn copy_context(
    admin: &mut Client,
    client: &mut Client,
    context: &Context,
) -> Result<(usize, usize), Error> {
    if let Ok(existing) = role_names(admin) {
        for role in context.roles.iter().filter(|r| !existing.contains(*r)) {
            let _ = admin.batch_execute(&format!("CREATE ROLE {}", quote_ident(role)));
        }
    }
    let statements = context.statements()?;
    let copied = statements
        .iter()
        .filter(|statement| client.batch_execute(statement).is_ok())
        .count();
    Ok((copied, statements.len()))
}

/// Runs a file statement by statement, as psql would (each in its own transaction), and
/// reports the first failure at its position in the file. Returns the file's subscription
/// statements, which it does not run, at their places in an otherwise blank copy of it.
fn run_file(
    client: &mut Client,
    file: &SqlFile,
    create_missing_roles: bool,
) -> Result<Option<SqlFile>, Error> {
    let statements =
        pg_query::split_with_parser(&file.text).map_err(|_| Error::Source(syntax_errors(file)))?;
    let base = file.text.as_ptr() as usize;
    let mut subscriptions: Option<Vec<u8>> = None;
    for statement in statements {
        if is_about_subscriptions(statement) {
            // blank (newlines kept) but for these statements, so that positions hold
            let blank = subscriptions.get_or_insert_with(|| {
                (file.text.bytes())
                    .map(|b| if b == b'\n' { b'\n' } else { b' ' })
                    .collect()
            });
            let (start, len) = (statement.as_ptr() as usize - base, statement.len());
            blank[start..start + len].copy_from_slice(statement.as_bytes());
            // the split leaves the semicolon out
            if let Some(after) = blank.get_mut(start + len) {
                *after = b';';
            }
            continue;
        }
        if let Err(error) = execute(client, statement, create_missing_roles) {
            let start = statement.as_ptr() as usize - base;
            let leading = statement.len() - statement.trim_start().len();
            let within = error
                .as_db_error()
                .and_then(|e| match e.position() {
                    Some(postgres::error::ErrorPosition::Original(p)) => Some(*p as usize),
                    _ => None,
                })
                .and_then(|p| {
                    statement
                        .char_indices()
                        .nth(p.saturating_sub(1))
                        .map(|(i, _)| i)
                })
                .unwrap_or(leading);
            return Err(Error::Source(vec![problem_at(
                file,
                start + within,
                format!(
                    "the shadow database rejected this statement: {}",
                    db_message(&error)
                ),
                Some("fix the statement; nothing was planned".into()),
            )]));
        }
    }
    Ok(subscriptions.map(|text| SqlFile {
        name: file.name.clone(),
        // whole statements of valid UTF-8 among ASCII blanks
        text: String::from_utf8_lossy(&text).into_owned(),
    }))
}

/// Whether a statement creates, alters, drops, renames, comments on or gives away a
/// subscription.
fn is_about_subscriptions(statement: &str) -> bool {
    if !statement.to_ascii_uppercase().contains("SUBSCRIPTION") {
        return false;
    }
    let Ok(parsed) = pg_query::parse(statement, 0) else {
        return false;
    };
    let subscription = ObjectType::ObjectSubscription as i32;
    (parsed.protobuf.stmts.iter())
        .filter_map(|raw| raw.stmt.as_ref()?.node.as_ref())
        .any(|node| match node {
            NodeEnum::CreateSubscriptionStmt(_)
            | NodeEnum::AlterSubscriptionStmt(_)
            | NodeEnum::DropSubscriptionStmt(_) => true,
            NodeEnum::CommentStmt(s) => s.objtype == subscription,
            NodeEnum::AlterOwnerStmt(s) => s.object_type == subscription,
            NodeEnum::RenameStmt(s) => s.rename_type == subscription,
            _ => false,
        })
}

/// Runs one statement; with `create_missing_roles`, a role it names that does not exist is
/// created (without login) and the statement tried again.
fn execute(
    client: &mut Client,
    statement: &str,
    create_missing_roles: bool,
) -> Result<(), postgres::Error> {
    let mut created = 0;
    loop {
        let Err(error) = client.batch_execute(statement) else {
            return Ok(());
        };
        let missing = error.as_db_error().and_then(|e| {
            e.message()
                .strip_prefix("role \"")
                .and_then(|rest| rest.strip_suffix("\" does not exist"))
                .map(str::to_string)
        });
        match missing {
            Some(role) if create_missing_roles && created < 100 => {
                client.batch_execute(&format!("CREATE ROLE {}", quote_ident(&role)))?;
                created += 1;
            }
            _ => return Err(error),
        }
    }
}

fn db_message(error: &postgres::Error) -> String {
    error
        .as_db_error()
        .map(|e| e.message().to_string())
        .unwrap_or_else(|| error.to_string())
}

fn version_text(version_num: u32) -> String {
    format!("{}.{}", version_num / 10000, version_num % 100)
}
