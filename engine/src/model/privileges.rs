//! Privileges (`GRANT`/`REVOKE`) and default privileges (`ALTER DEFAULT PRIVILEGES`).
//!
//! An ACL is modelled as the set of what it grants — (grantee, privilege, grant option) —
//! with the owner as a symbolic grantee ([`Grantee::Owner`]), never by name: offline the
//! owner is whoever runs the file, and live objects may belong to any role. Both sources
//! work out the effective ACL (a NULL `acl` column means `acldefault(kind, owner)`, which is
//! what [`AclObject::default_grants`] spells) and keep an entry in
//! [`Catalog::privileges`](super::Catalog) only when it differs from that default. So an
//! object never touched and one whose grants were revoked and granted back compare equal,
//! and `REVOKE EXECUTE … FROM PUBLIC` or a revoke from the owner is a difference like any
//! other. PostgreSQL 17's `MAINTAIN` table privilege is left out on both sides where it is
//! the owner's or comes with every other table privilege (what `ALL` grants there), so that
//! one model serves every server version.

use std::collections::BTreeSet;

use serde::Serialize;

use super::QualifiedName;

/// Who a privilege is granted to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grantee {
    /// The object's owner (for default privileges: the role they are defined for).
    Owner,
    Public,
    Role(String),
}

/// One privilege granted to one grantee. An ACL holds at most one per (grantee, privilege).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Grant {
    pub grantee: Grantee,
    /// `SELECT`, `EXECUTE`, `USAGE`…
    pub privilege: String,
    /// `WITH GRANT OPTION`.
    pub grantable: bool,
}

/// An ACL: what it grants.
pub type Acl = BTreeSet<Grant>;

/// An object that carries an ACL.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum AclObject {
    Schema(String),
    /// Tables and views: `GRANT … ON TABLE` covers both.
    Table(QualifiedName),
    Column(QualifiedName, String),
    Sequence(QualifiedName),
    /// By name and identity argument types, as [`Function`](super::Function) has them
    /// (procedures too).
    Function(QualifiedName, String),
    /// Enums (and domains): `GRANT … ON TYPE`.
    Type(QualifiedName),
    /// A publication has no ACL: only its owner is modelled here.
    Publication(String),
    /// An event trigger has no ACL either: only its owner.
    EventTrigger(String),
    /// Foreign data wrappers and servers: `GRANT USAGE ON FOREIGN DATA WRAPPER | SERVER`.
    ForeignDataWrapper(String),
    ForeignServer(String),
    /// Extended statistics have no ACL either: only an owner.
    Statistics(QualifiedName),
    /// Nor have text search dictionaries and configurations.
    TextSearchDictionary(QualifiedName),
    TextSearchConfiguration(QualifiedName),
    /// Nor have operators (by signature), operator families and classes (by name and
    /// index access method).
    Operator(String),
    OperatorFamily(QualifiedName, String),
    OperatorClass(QualifiedName, String),
    /// A subscription has no ACL: only its owner.
    Subscription(String),
}

/// The privileges of one object that differ from its default.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Privileges {
    pub object: AclObject,
    pub grants: Acl,
}

/// Who owns an object, kept only when it is not the role that runs the file or reads the
/// database (like the symbolic [`Grantee::Owner`]): a schema applied by its owner compares
/// equal to the file that never names one. Compared only with `--owners`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Owner {
    pub object: AclObject,
    pub role: String,
}

/// What `ALTER DEFAULT PRIVILEGES … ON <kind>` applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultObjects {
    Tables,
    Sequences,
    /// `FUNCTIONS` and `ROUTINES` are the same entry.
    Functions,
    Types,
    Schemas,
}

impl DefaultObjects {
    /// The keyword `ALTER DEFAULT PRIVILEGES … ON` takes.
    pub fn keyword(self) -> &'static str {
        match self {
            DefaultObjects::Tables => "TABLES",
            DefaultObjects::Sequences => "SEQUENCES",
            DefaultObjects::Functions => "FUNCTIONS",
            DefaultObjects::Types => "TYPES",
            DefaultObjects::Schemas => "SCHEMAS",
        }
    }

    /// What `ALL` means for objects of this kind.
    pub fn all_privileges(self) -> &'static [&'static str] {
        match self {
            DefaultObjects::Tables => TABLE_PRIVILEGES,
            DefaultObjects::Sequences => SEQUENCE_PRIVILEGES,
            DefaultObjects::Functions => &["EXECUTE"],
            DefaultObjects::Types => &["USAGE"],
            DefaultObjects::Schemas => SCHEMA_PRIVILEGES,
        }
    }

    /// What the server grants objects of this kind when no default privilege says otherwise:
    /// the owner everything, and `PUBLIC` the use of functions and types.
    pub fn builtin(self) -> Acl {
        let owner = self.all_privileges();
        let public: &[&str] = match self {
            DefaultObjects::Functions | DefaultObjects::Types => owner,
            _ => &[],
        };
        let grant = |grantee: &Grantee, privilege: &&str| Grant {
            grantee: grantee.clone(),
            privilege: privilege.to_string(),
            grantable: false,
        };
        let owner = owner.iter().map(|p| grant(&Grantee::Owner, p));
        let public = public.iter().map(|p| grant(&Grantee::Public, p));
        owner.chain(public).collect()
    }
}

/// Which default privileges: for whom, where, on what.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DefaultAclKey {
    /// `FOR ROLE`; `None` is the role that runs the file, or that reads the database.
    pub role: Option<String>,
    /// `IN SCHEMA`.
    pub schema: Option<String>,
    pub objects: DefaultObjects,
}

impl DefaultAclKey {
    /// What the ACL is when no entry exists: the built-in defaults for the global entry
    /// (which stores a whole ACL), nothing for a schema's (which only adds grants).
    pub fn baseline(&self) -> Acl {
        match self.schema {
            None => self.objects.builtin(),
            Some(_) => Acl::new(),
        }
    }
}

/// The default privileges of one key, when they differ from its baseline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DefaultPrivileges {
    pub key: DefaultAclKey,
    pub grants: Acl,
}

const TABLE_PRIVILEGES: &[&str] = &[
    "SELECT",
    "INSERT",
    "UPDATE",
    "DELETE",
    "TRUNCATE",
    "REFERENCES",
    "TRIGGER",
];
/// What `ALL` means on a column, in the order `GRANT` lists them.
pub const COLUMN_PRIVILEGES: &[&str] = &["SELECT", "INSERT", "UPDATE", "REFERENCES"];
const SEQUENCE_PRIVILEGES: &[&str] = &["USAGE", "SELECT", "UPDATE"];
const SCHEMA_PRIVILEGES: &[&str] = &["USAGE", "CREATE"];

impl AclObject {
    /// What `ALL [PRIVILEGES]` means on this object, in the order `GRANT` lists them.
    pub fn all_privileges(&self) -> &'static [&'static str] {
        if self.is_foreign() {
            return &["USAGE"];
        }
        self.default_objects()
            .map_or(COLUMN_PRIVILEGES, DefaultObjects::all_privileges)
    }

    /// The kind of default privileges that apply when the object is created (none for a
    /// column).
    pub fn default_objects(&self) -> Option<DefaultObjects> {
        match self {
            AclObject::Schema(_) => Some(DefaultObjects::Schemas),
            AclObject::Table(_) => Some(DefaultObjects::Tables),
            AclObject::Column(..)
            | AclObject::Publication(_)
            | AclObject::EventTrigger(_)
            | AclObject::ForeignDataWrapper(_)
            | AclObject::ForeignServer(_)
            | AclObject::Statistics(_)
            | AclObject::TextSearchDictionary(_)
            | AclObject::TextSearchConfiguration(_)
            | AclObject::Operator(_)
            | AclObject::OperatorFamily(..)
            | AclObject::OperatorClass(..)
            | AclObject::Subscription(_) => None,
            AclObject::Sequence(_) => Some(DefaultObjects::Sequences),
            AclObject::Function(..) => Some(DefaultObjects::Functions),
            AclObject::Type(_) => Some(DefaultObjects::Types),
        }
    }

    /// The schema whose `IN SCHEMA` default privileges apply to the object.
    pub fn schema(&self) -> Option<&str> {
        match self {
            AclObject::Schema(_)
            | AclObject::Publication(_)
            | AclObject::EventTrigger(_)
            | AclObject::ForeignDataWrapper(_)
            | AclObject::ForeignServer(_)
            | AclObject::Statistics(_)
            | AclObject::TextSearchDictionary(_)
            | AclObject::TextSearchConfiguration(_)
            | AclObject::Operator(_)
            | AclObject::OperatorFamily(..)
            | AclObject::OperatorClass(..)
            | AclObject::Subscription(_) => None,
            AclObject::Table(name)
            | AclObject::Function(name, _)
            | AclObject::Column(name, _)
            | AclObject::Sequence(name)
            | AclObject::Type(name) => Some(&name.schema),
        }
    }

    /// `acldefault` of the object: what a NULL ACL means. The `public` schema is what initdb
    /// gives it since PostgreSQL 15 (the live loader also takes a schema whose ACL is still
    /// its initial one as default, which covers older servers).
    pub fn default_grants(&self) -> Acl {
        let mut acl = self
            .default_objects()
            .map_or_else(Acl::new, |k| k.builtin());
        if *self == AclObject::Schema("public".into()) {
            grant(&mut acl, Grantee::Public, "USAGE", false);
        }
        if self.is_foreign() {
            grant(&mut acl, Grantee::Owner, "USAGE", false);
        }
        acl
    }

    /// A foreign data wrapper or server: `USAGE` is their one privilege, the owner's alone
    /// by default.
    fn is_foreign(&self) -> bool {
        matches!(
            self,
            AclObject::ForeignDataWrapper(_) | AclObject::ForeignServer(_)
        )
    }

    /// The object as descriptions name it.
    pub fn describe(&self) -> String {
        match self {
            AclObject::Schema(name) => format!("schema `{name}`"),
            AclObject::Table(name) => format!("`{name}`"),
            AclObject::Column(table, column) => format!("column `{table}.{column}`"),
            AclObject::Sequence(name) => format!("sequence `{name}`"),
            AclObject::Function(name, arguments) => format!("`{name}({arguments})`"),
            AclObject::Type(name) => format!("type `{name}`"),
            AclObject::Publication(name) => format!("publication `{name}`"),
            AclObject::EventTrigger(name) => format!("event trigger `{name}`"),
            AclObject::ForeignDataWrapper(name) => format!("foreign data wrapper `{name}`"),
            AclObject::ForeignServer(name) => format!("server `{name}`"),
            AclObject::Statistics(name) => format!("statistics `{name}`"),
            AclObject::TextSearchDictionary(name) => format!("text search dictionary `{name}`"),
            AclObject::TextSearchConfiguration(name) => {
                format!("text search configuration `{name}`")
            }
            AclObject::Operator(signature) => format!("operator `{signature}`"),
            AclObject::OperatorFamily(name, method) => {
                format!("operator family `{name}` of {method}")
            }
            AclObject::OperatorClass(name, method) => {
                format!("operator class `{name}` of {method}")
            }
            AclObject::Subscription(name) => format!("subscription `{name}`"),
        }
    }
}

/// Adds a privilege: a grant option is kept once given.
pub fn grant(acl: &mut Acl, grantee: Grantee, privilege: &str, grantable: bool) {
    let plain = Grant {
        grantee,
        privilege: privilege.to_string(),
        grantable: false,
    };
    let with_option = Grant {
        grantable: true,
        ..plain.clone()
    };
    if acl.contains(&with_option) {
        return;
    }
    if grantable {
        acl.remove(&plain);
        acl.insert(with_option);
    } else {
        acl.insert(plain);
    }
}

/// Leaves out of a table's ACL the `MAINTAIN` (PostgreSQL 17) that says nothing another
/// server would not: the owner's, its default there, and that of a grantee holding every
/// other table privilege, since `ALL` grants it there and not before. Both sources fold their
/// ACLs so, and one model serves every version; any other `MAINTAIN` is a grant like the rest.
fn fold_maintain(acl: &mut Acl) {
    let everything: BTreeSet<Grantee> = (acl.iter())
        .map(|g| g.grantee.clone())
        .filter(|grantee| {
            TABLE_PRIVILEGES
                .iter()
                .all(|p| grants_of(acl, grantee).any(|g| g.privilege == *p))
        })
        .collect();
    acl.retain(|g| {
        g.privilege != "MAINTAIN"
            || !(g.grantee == Grantee::Owner || everything.contains(&g.grantee))
    });
}

/// Removes a privilege, or only its grant option.
pub fn revoke(acl: &mut Acl, grantee: &Grantee, privilege: &str, grant_option_only: bool) {
    let plain = Grant {
        grantee: grantee.clone(),
        privilege: privilege.to_string(),
        grantable: false,
    };
    let with_option = Grant {
        grantable: true,
        ..plain.clone()
    };
    let had_option = acl.remove(&with_option);
    if grant_option_only {
        if had_option {
            acl.insert(plain);
        }
    } else {
        acl.remove(&plain);
    }
}

/// The grants of one grantee.
pub fn grants_of<'a>(acl: &'a Acl, grantee: &'a Grantee) -> impl Iterator<Item = &'a Grant> {
    acl.iter().filter(move |g| g.grantee == *grantee)
}

/// The ACL an object gets when `role` creates it, under `default_privileges`: the global
/// entry (or the built-in default) merged with the `IN SCHEMA` entry, as the server does.
pub fn initial_acl<'a>(
    object: &AclObject,
    role: Option<&str>,
    default_privileges: impl Iterator<Item = &'a DefaultPrivileges> + Clone,
) -> Acl {
    let Some(objects) = object.default_objects() else {
        return object.default_grants();
    };
    let entry = |schema: Option<&str>| {
        default_privileges.clone().find(|d| {
            d.key.objects == objects
                && d.key.role.as_deref() == role
                && d.key.schema.as_deref() == schema
        })
    };
    let mut acl = entry(None).map_or_else(|| objects.builtin(), |d| d.grants.clone());
    if let Some(schema) = object.schema().and_then(|s| entry(Some(s))) {
        for g in &schema.grants {
            grant(&mut acl, g.grantee.clone(), &g.privilege, g.grantable);
        }
    }
    // the server's merge gives NULL, the default, for an empty result (`aclmerge`)
    if acl.is_empty() {
        return object.default_grants();
    }
    acl
}

/// What a live database's cluster is, read with its catalog: the names of its roles, its
/// server's version and the extensions it can install. They belong to the cluster, not to the schema: two catalogs compare
/// equal whatever clusters they were read from. Desired-state SQL has neither.
#[derive(Clone, Debug, Default)]
pub struct Cluster {
    pub roles: Option<Vec<String>>,
    /// `server_version_num`: 150004 for PostgreSQL 15.4.
    pub version_num: Option<u32>,
    /// The compression methods its server was built with (`pglz`, `lz4`…; `None` before
    /// PostgreSQL 14).
    pub compression_methods: Option<Vec<String>>,
    /// The extensions its server can install, (name, version), sorted.
    pub extension_versions: Option<Vec<(String, String)>>,
    /// The role the catalog was read as: the owner of what it owns without an [`Owner`]
    /// entry.
    pub current_role: Option<String>,
}

impl PartialEq for Cluster {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl super::Catalog {
    /// The effective ACL of an object: its entry, or its default.
    pub fn acl(&self, object: &AclObject) -> Acl {
        self.privileges
            .get(object)
            .map_or_else(|| object.default_grants(), |p| p.grants.clone())
    }

    /// Records an object's effective ACL, keeping an entry only when it is not the default.
    pub fn set_acl(&mut self, object: AclObject, mut grants: Acl) {
        if let AclObject::Table(_) = object {
            fold_maintain(&mut grants);
        }
        if grants == object.default_grants() {
            self.privileges.shift_remove(&object);
        } else {
            self.privileges
                .insert(object.clone(), Privileges { object, grants });
        }
    }

    /// Grants that name `role`, the one the files run as, on what the files' runner owns:
    /// they are grants to the owner, which a database read as that role shows as its
    /// default ACL (`GRANT SELECT ON t TO postgres`, run by `postgres`, changes nothing).
    pub fn grants_to_runner_are_the_owners(&mut self, role: &str) {
        let named = Grantee::Role(role.to_string());
        let objects: Vec<AclObject> = (self.privileges.values())
            .filter(|p| p.grants.iter().any(|g| g.grantee == named))
            .map(|p| p.object.clone())
            .collect();
        for object in objects {
            let owned_by = match &object {
                AclObject::Column(table, _) => AclObject::Table(table.clone()),
                other => other.clone(),
            };
            if self.owners.contains_key(&owned_by) {
                continue;
            }
            let grants = (self.acl(&object).into_iter())
                .map(|grant| match grant.grantee == named {
                    true => Grant {
                        grantee: Grantee::Owner,
                        ..grant
                    },
                    false => grant,
                })
                .collect();
            self.set_acl(object, grants);
        }
    }

    /// The effective default privileges of a key: its entry, or its baseline.
    pub fn default_acl(&self, key: &DefaultAclKey) -> Acl {
        self.default_privileges
            .get(key)
            .map_or_else(|| key.baseline(), |d| d.grants.clone())
    }

    /// Records default privileges, keeping an entry only when they are not the baseline (the
    /// server deletes such an entry too).
    pub fn set_default_acl(&mut self, key: DefaultAclKey, mut grants: Acl) {
        if key.objects == DefaultObjects::Tables {
            fold_maintain(&mut grants);
        }
        if grants == key.baseline() {
            self.default_privileges.shift_remove(&key);
        } else {
            self.default_privileges
                .insert(key.clone(), DefaultPrivileges { key, grants });
        }
    }

    /// The ACL `object` gets when `role` (`None`: the role running the plan or file)
    /// creates it under this catalog's default privileges.
    pub fn initial_acl(&self, object: &AclObject, role: Option<&str>) -> Acl {
        initial_acl(object, role, self.default_privileges.values())
    }

    /// The role that owns `object` (`None`: the role running the plan or file).
    pub fn owner(&self, object: &AclObject) -> Option<&str> {
        self.owners.get(object).map(|o| o.role.as_str())
    }

    /// Records who owns `object` (`None`: the role running the plan or file).
    pub fn set_owner(&mut self, object: AclObject, role: Option<String>) {
        match role {
            Some(role) => {
                self.owners.insert(object.clone(), Owner { object, role });
            }
            None => {
                self.owners.shift_remove(&object);
            }
        }
    }

    /// The keyword `ALTER … OWNER TO` takes for `object`, or `None` where an owner cannot be
    /// set on its own: a column, or a sequence owned by a column (it follows its table).
    pub fn owner_keyword(&self, object: &AclObject) -> Option<&'static str> {
        Some(match object {
            AclObject::Schema(_) => "SCHEMA",
            AclObject::Table(name) => match self.views.get(name) {
                Some(view) if view.materialized => "MATERIALIZED VIEW",
                Some(_) => "VIEW",
                None if self.foreign_tables.contains_key(name) => "FOREIGN TABLE",
                None => "TABLE",
            },
            AclObject::Sequence(name) => {
                if self.sequences.get(name)?.owned_by.is_some() {
                    return None;
                }
                "SEQUENCE"
            }
            AclObject::Function(name, arguments) => {
                let function = self.functions.get(&format!("{name}({arguments})"))?;
                if function.procedure {
                    "PROCEDURE"
                } else if function.aggregate {
                    "AGGREGATE"
                } else {
                    "FUNCTION"
                }
            }
            AclObject::Type(name) if self.domains.contains_key(name) => "DOMAIN",
            AclObject::Type(_) => "TYPE",
            AclObject::Publication(_) => "PUBLICATION",
            AclObject::EventTrigger(_) => "EVENT TRIGGER",
            AclObject::ForeignDataWrapper(_) => "FOREIGN DATA WRAPPER",
            AclObject::ForeignServer(_) => "SERVER",
            AclObject::Statistics(_) => "STATISTICS",
            AclObject::TextSearchDictionary(_) => "TEXT SEARCH DICTIONARY",
            AclObject::TextSearchConfiguration(_) => "TEXT SEARCH CONFIGURATION",
            AclObject::Operator(_) => "OPERATOR",
            AclObject::OperatorFamily(..) => "OPERATOR FAMILY",
            AclObject::OperatorClass(..) => "OPERATOR CLASS",
            AclObject::Subscription(_) => "SUBSCRIPTION",
            AclObject::Column(..) => return None,
        })
    }

    /// Moves ACLs and owners to the objects' new names (`rename` returns the new name of a
    /// renamed object), as `ALTER … RENAME` keeps them.
    pub fn rename_acls(&mut self, rename: impl Fn(&AclObject) -> Option<AclObject>) {
        let moved: Vec<(AclObject, AclObject)> = self
            .owners
            .keys()
            .filter_map(|o| rename(o).map(|new| (o.clone(), new)))
            .collect();
        for (old, new) in moved {
            if let Some(owner) = self.owners.shift_remove(&old) {
                self.set_owner(new, Some(owner.role));
            }
        }
        let moved: Vec<(AclObject, AclObject)> = self
            .privileges
            .keys()
            .filter_map(|o| rename(o).map(|new| (o.clone(), new)))
            .collect();
        for (old, new) in moved {
            if let Some(privileges) = self.privileges.shift_remove(&old) {
                self.set_acl(new, privileges.grants);
            }
        }
    }

    /// Whether the object an ACL is on exists in this catalog.
    pub fn has_acl_object(&self, object: &AclObject) -> bool {
        match object {
            AclObject::Schema(name) => self.schemas.contains_key(name),
            AclObject::Table(name) => {
                self.tables.contains_key(name)
                    || self.views.contains_key(name)
                    || self.foreign_tables.contains_key(name)
            }
            AclObject::Column(table, column) => self
                .tables
                .get(table)
                .is_some_and(|t| t.columns.contains_key(column)),
            AclObject::Sequence(name) => self.sequences.contains_key(name),
            AclObject::Function(name, arguments) => {
                self.functions.contains_key(&format!("{name}({arguments})"))
            }
            AclObject::Type(name) => {
                self.enums.contains_key(name)
                    || self.domains.contains_key(name)
                    || self.composite_types.contains_key(name)
                    || self.range_types.contains_key(name)
            }
            AclObject::Publication(name) => self.publications.contains_key(name),
            AclObject::EventTrigger(name) => self.event_triggers.contains_key(name),
            AclObject::ForeignDataWrapper(name) => self.foreign_data_wrappers.contains_key(name),
            AclObject::ForeignServer(name) => self.foreign_servers.contains_key(name),
            AclObject::Statistics(name) => self.statistics.contains_key(name),
            AclObject::TextSearchDictionary(name) => {
                self.text_search_dictionaries.contains_key(name)
            }
            AclObject::TextSearchConfiguration(name) => {
                self.text_search_configurations.contains_key(name)
            }
            AclObject::Operator(signature) => self.operators.contains_key(signature),
            AclObject::OperatorFamily(name, method) => {
                (self.operator_families).contains_key(&(name.clone(), method.clone()))
            }
            AclObject::OperatorClass(name, method) => {
                (self.operator_classes).contains_key(&(name.clone(), method.clone()))
            }
            AclObject::Subscription(name) => self.subscriptions.contains_key(name),
        }
    }

    /// Keeps the privileges and owners of objects still in the catalog, and the default privileges of
    /// schemas that `keep` selects.
    pub(crate) fn retain_privileges(&mut self, keep: impl Fn(&str) -> bool) {
        let gone: Vec<AclObject> = self
            .privileges
            .keys()
            .filter(|o| !self.has_acl_object(o))
            .cloned()
            .collect();
        for object in gone {
            self.privileges.shift_remove(&object);
        }
        let unowned: Vec<AclObject> = self
            .owners
            .keys()
            .filter(|o| !self.has_acl_object(o) || self.owner_keyword(o).is_none())
            .cloned()
            .collect();
        for object in unowned {
            self.owners.shift_remove(&object);
        }
        self.default_privileges
            .retain(|key, _| key.schema.as_deref().is_none_or(&keep));
    }

    /// Every role the catalog grants to, defines default privileges for or makes an owner,
    /// sorted.
    pub fn named_roles(&self) -> BTreeSet<String> {
        let grants = self.privileges.values().flat_map(|p| &p.grants);
        let defaults = self.default_privileges.values();
        let mut roles: BTreeSet<String> = grants
            .chain(defaults.clone().flat_map(|d| &d.grants))
            .filter_map(|g| match &g.grantee {
                Grantee::Role(name) => Some(name.clone()),
                _ => None,
            })
            .collect();
        roles.extend(defaults.filter_map(|d| d.key.role.clone()));
        roles.extend(self.owners.values().map(|o| o.role.clone()));
        roles
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalog;

    #[test]
    fn a_grant_to_the_runner_on_what_it_owns_is_the_owners() {
        let mut catalog = Catalog::default();
        let table = |name: &str| AclObject::Table(QualifiedName::new("public", name));
        for name in ["mine", "theirs", "only_runner"] {
            let mut acl = table(name).default_grants();
            grant(&mut acl, Grantee::Role("runner".into()), "SELECT", false);
            if name != "only_runner" {
                grant(&mut acl, Grantee::Role("reader".into()), "SELECT", false);
            }
            catalog.set_acl(table(name), acl);
        }
        catalog.owners.insert(
            table("theirs"),
            Owner {
                object: table("theirs"),
                role: "someone".into(),
            },
        );
        catalog.grants_to_runner_are_the_owners("runner");

        let named = |name: &str, role: &str| {
            let grantee = Grantee::Role(role.into());
            catalog
                .acl(&table(name))
                .iter()
                .any(|g| g.grantee == grantee)
        };
        assert!(!named("mine", "runner"), "the owner's grant is its default");
        assert!(named("mine", "reader"));
        assert!(named("theirs", "runner"), "another role owns it");
        assert!(
            !catalog.privileges.contains_key(&table("only_runner")),
            "what is left is the default ACL, which the catalog does not hold"
        );
    }

    fn acl(grants: &[(Grantee, &str)]) -> Acl {
        let mut acl = Acl::new();
        for (grantee, privilege) in grants {
            grant(&mut acl, grantee.clone(), privilege, false);
        }
        acl
    }

    #[test]
    fn maintain_is_folded_where_postgresql_17_adds_it() {
        let bob = || Grantee::Role("bob".into());
        let all = |grantee: Grantee| TABLE_PRIVILEGES.iter().map(move |p| (grantee.clone(), *p));
        let mut grants: Vec<(Grantee, &str)> = all(Grantee::Owner).chain(all(bob())).collect();
        grants.extend([
            (Grantee::Owner, "MAINTAIN"),
            (bob(), "MAINTAIN"),
            (Grantee::Public, "SELECT"),
            (Grantee::Public, "MAINTAIN"),
        ]);
        let mut folded = acl(&grants);
        fold_maintain(&mut folded);
        grants.retain(|(grantee, p)| *p != "MAINTAIN" || *grantee == Grantee::Public);
        assert_eq!(folded, acl(&grants));
    }
}
