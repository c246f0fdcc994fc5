//! Schemas owned elsewhere: a hosted platform's (`--platform supabase`) and those passed to
//! `--exclude-schema`. They are never planned, yet the desired state may reference them
//! (`auth.users`, `auth.uid()`), so their definitions are the [`Context`] it is read in: copied
//! from the database side of the comparison, or the preset's stand-in when there is none.

use std::collections::BTreeSet;

use pg_query::NodeEnum;

use crate::error::Error;
use crate::model::{Catalog, Publication};
use crate::source::{sql, SqlFile};
use crate::Options;

/// A hosted platform whose schemas, roles and extensions a preset names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Supabase,
}

impl Platform {
    /// The schemas the platform creates and migrates itself: those the Supabase CLI treats as
    /// internal, without its wildcard patterns.
    pub fn schemas(self) -> &'static [&'static str] {
        match self {
            Platform::Supabase => &[
                "_analytics",
                "_realtime",
                "_supavisor",
                "auth",
                "cron",
                "dbdev",
                "etl",
                "extensions",
                "graphql",
                "graphql_public",
                "net",
                "pgbouncer",
                "pgmq",
                "pgsodium",
                "pgsodium_masks",
                "pgtle",
                "realtime",
                "repack",
                "storage",
                "supabase_functions",
                "supabase_migrations",
                "vault",
            ],
        }
    }

    /// The roles the platform creates. The desired state grants to them; their default
    /// privileges are the platform's.
    pub fn roles(self) -> &'static [&'static str] {
        match self {
            Platform::Supabase => &[
                "anon",
                "authenticated",
                "authenticator",
                "dashboard_user",
                "pgbouncer",
                "pgsodium_keyholder",
                "pgsodium_keyiduser",
                "pgsodium_keymaker",
                "service_role",
                "supabase_admin",
                "supabase_auth_admin",
                "supabase_functions_admin",
                "supabase_read_only_user",
                "supabase_realtime_admin",
                "supabase_replication_admin",
                "supabase_storage_admin",
            ],
        }
    }

    /// The extensions the platform installs in every database, wherever they live.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Platform::Supabase => &[
                "pg_graphql",
                "pg_stat_statements",
                "pgcrypto",
                "pgjwt",
                "pgsodium",
                "supabase_vault",
                "uuid-ossp",
            ],
        }
    }

    /// The publications the platform creates in every database: Supabase Realtime's, to
    /// which projects add their tables.
    pub fn publications(self) -> &'static [&'static str] {
        match self {
            Platform::Supabase => &["supabase_realtime"],
        }
    }

    /// A stand-in for the platform's schemas, with the shape that references need, for when
    /// there is no database to copy them from.
    fn stand_in(self) -> SqlFile {
        match self {
            Platform::Supabase => SqlFile {
                name: "<the supabase preset>".into(),
                text: include_str!("supabase.sql").into(),
            },
        }
    }
}

/// What the options say is owned elsewhere: the platform's schemas, extensions and roles'
/// default privileges, and every `--exclude-schema`.
pub struct OwnedElsewhere<'a> {
    platform: Option<Platform>,
    excluded: &'a [String],
}

impl<'a> OwnedElsewhere<'a> {
    pub fn new(options: &'a Options) -> Self {
        OwnedElsewhere {
            platform: options.platform,
            excluded: &options.exclude_schemas,
        }
    }

    /// Whether anything is owned elsewhere, which desired-state files are then read against.
    pub fn owns_anything(&self) -> bool {
        self.platform.is_some() || !self.excluded.is_empty()
    }

    fn owns_schema(&self, schema: &str) -> bool {
        self.excluded.iter().any(|s| s == schema)
            || self.platform.is_some_and(|p| p.schemas().contains(&schema))
    }

    fn owns_role(&self, role: &str) -> bool {
        self.platform.is_some_and(|p| p.roles().contains(&role))
    }

    /// Takes out of `catalog` what is owned elsewhere, so that it is never planned: the
    /// schemas with everything in them, the platform's extensions wherever they were
    /// installed, and the default privileges of the platform's roles.
    pub fn leave_out(&self, catalog: &mut Catalog) {
        if let Some(platform) = self.platform {
            catalog
                .publications
                .retain(|name, _| !platform.publications().contains(&name.as_str()));
        }
        catalog.retain_schemas(|schema| !self.owns_schema(schema));
        if let Some(platform) = self.platform {
            catalog
                .extensions
                .retain(|name, _| !platform.extensions().contains(&name.as_str()));
        }
        catalog
            .default_privileges
            .retain(|key, _| !key.role.as_deref().is_some_and(|r| self.owns_role(r)));
    }

    /// The definitions that desired-state `files` are read against: the schemas owned
    /// elsewhere as `database` has them, or the platform's stand-in when there is no database
    /// side; without the schemas and extensions the files create themselves (a full dump may).
    pub fn context(
        &self,
        database: Option<&Catalog>,
        files: Option<&[SqlFile]>,
    ) -> Result<Context, Error> {
        let owns_anything = self.owns_anything();
        let mut owned_schemas: BTreeSet<String> = self.excluded.iter().cloned().collect();
        if let Some(platform) = self.platform {
            owned_schemas.extend(platform.schemas().iter().map(|s| s.to_string()));
        }
        let mut catalog = match (files, database, self.platform) {
            (Some(_), Some(database), _) if owns_anything => database.clone(),
            (Some(_), None, Some(platform)) => sql::load(&[platform.stand_in()])?,
            _ => {
                return Ok(Context {
                    owned_schemas,
                    ..Context::none()?
                })
            }
        };
        let created = CreatedByFiles::read(files.unwrap_or_default());
        catalog.retain_schemas(|s| self.owns_schema(s) && !created.schemas.contains(s));
        catalog
            .extensions
            .retain(|name, _| !created.extensions.contains(name));
        // the context must not change how the desired state itself is read
        catalog.default_privileges.clear();
        catalog.owners.clear();
        // publications belong to the database, not to the owned schemas; the platform's own
        // are there, empty, for the desired state to add its tables to (never planned)
        catalog.publications = self
            .platform
            .map_or(&[][..], Platform::publications)
            .iter()
            .map(|name| (name.to_string(), Publication::empty(name)))
            .collect();
        // the platform's event triggers are not what the desired state references, and on a
        // shadow server they would fire on its DDL
        catalog.event_triggers.clear();
        // wrappers, servers and user mappings are the database's, not the owned schemas':
        // a shadow server never creates the platform's
        catalog.foreign_data_wrappers.clear();
        catalog.foreign_servers.clear();
        catalog.user_mappings.clear();
        // nor the platform's subscriptions, which no desired state references
        catalog.subscriptions.clear();
        // casts belong to the database: one between built-in types passes any scope and would
        // be created twice, and the desired state names none
        catalog.casts.clear();
        catalog.unsupported.clear();
        catalog.schemas.extend(sql::load(&[])?.schemas);
        catalog.sort();
        // the roles its grants name, which a shadow server may lack
        let mut roles = catalog.named_roles();
        if let Some(platform) = self.platform {
            roles.extend(platform.roles().iter().map(|r| r.to_string()));
        }
        Ok(Context {
            catalog,
            roles,
            owned_schemas,
        })
    }
}

/// The schemas owned elsewhere as the desired state sees them: the offline parser starts
/// from `catalog`, and the shadow path creates it in the scratch database first.
#[derive(Clone, Debug)]
pub struct Context {
    /// Those schemas and their objects, with the `public` schema an empty database has.
    pub catalog: Catalog,
    /// The platform's roles and those the definitions grant to, created on a shadow server
    /// that lacks them (and dropped again with the scratch database).
    pub roles: BTreeSet<String>,
    /// Every schema owned elsewhere, whether `catalog` holds its definitions or not: what
    /// the desired state names in them counts as existing.
    pub owned_schemas: BTreeSet<String>,
}

impl Context {
    /// No context: the desired state is read on its own.
    pub fn none() -> Result<Self, Error> {
        Ok(Context {
            catalog: sql::load(&[])?,
            roles: BTreeSet::new(),
            owned_schemas: BTreeSet::new(),
        })
    }

    /// The statements that create the context in an empty database, in dependency order.
    pub fn statements(&self) -> Result<Vec<String>, Error> {
        let entries = crate::plan::dump(&sql::load(&[])?, &self.catalog)?;
        Ok(entries.into_iter().flat_map(|e| e.statements).collect())
    }
}

/// The schemas and extensions desired-state files create.
struct CreatedByFiles {
    schemas: BTreeSet<String>,
    extensions: BTreeSet<String>,
}

impl CreatedByFiles {
    /// A file that does not parse creates nothing here: loading it reports why.
    fn read(files: &[SqlFile]) -> Self {
        let mut created = CreatedByFiles {
            schemas: BTreeSet::new(),
            extensions: BTreeSet::new(),
        };
        let statements = files
            .iter()
            .filter_map(|f| pg_query::parse(&f.text, 0).ok())
            .flat_map(|parsed| parsed.protobuf.stmts);
        for statement in statements {
            match statement.stmt.and_then(|s| s.node) {
                Some(NodeEnum::CreateSchemaStmt(s)) => {
                    created.schemas.insert(s.schemaname);
                }
                Some(NodeEnum::CreateExtensionStmt(s)) => {
                    created.extensions.insert(s.extname);
                }
                _ => {}
            }
        }
        created
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_platform_s_schemas_extensions_and_roles_defaults_are_left_out() {
        let text = "CREATE EXTENSION pgcrypto;\nCREATE EXTENSION citext;\nCREATE SCHEMA auth;\nCREATE TABLE auth.users (id uuid PRIMARY KEY);\nCREATE SCHEMA app;\nCREATE TABLE app.t (id int);\nALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public GRANT SELECT ON TABLES TO anon;\nALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO anon;\n";
        let file = SqlFile {
            name: "schema.sql".into(),
            text: text.into(),
        };
        let mut catalog = sql::load(&[file]).unwrap();
        let options = Options {
            platform: Some(Platform::Supabase),
            exclude_schemas: vec!["app".into()],
            ..Options::default()
        };
        OwnedElsewhere::new(&options).leave_out(&mut catalog);
        assert_eq!(catalog.schemas.keys().collect::<Vec<_>>(), ["public"]);
        assert_eq!(catalog.extensions.keys().collect::<Vec<_>>(), ["citext"]);
        assert!(catalog.tables.is_empty());
        // the project's own default privileges stay: only the platform role's go
        assert_eq!(catalog.default_privileges.len(), 1);
        assert_eq!(catalog.default_privileges[0].key.role, None);
    }
}
