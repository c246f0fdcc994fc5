//! Privileges, default privileges, and the names of the cluster's roles. Runs after the
//! loaders of the objects that carry ACLs: privileges of objects the model does not hold are
//! left out.

use indexmap::IndexMap;
use postgres::{Row, Transaction};

use super::Reader;
use crate::error::Error;
use crate::model::privileges::grant;
use crate::model::{
    Acl, AclObject, Catalog, DefaultAclKey, DefaultObjects, Grant, Grantee, QualifiedName,
};

const PRIVILEGES: &str = include_str!("queries/privileges.sql");
const DEFAULT_PRIVILEGES: &str = include_str!("queries/default_privileges.sql");
const ROLES: &str = include_str!("queries/roles.sql");

/// Adds the ACLs that differ from their object's default, and the owners other than the
/// role reading.
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "privileges";
    let mut acls: IndexMap<AclObject, Acl> = IndexMap::new();
    let mut initial_acls: IndexMap<AclObject, Acl> = IndexMap::new();
    let mut owners: IndexMap<AclObject, String> = IndexMap::new();
    for row in reader.query(tx, WHAT, PRIVILEGES)? {
        let kind: String = reader.get(&row, WHAT, "kind")?;
        let schema: String = reader.get(&row, WHAT, "schema")?;
        let name: String = reader.get(&row, WHAT, "name")?;
        let qualified = QualifiedName::new(&schema, &name);
        let object = match kind.as_str() {
            "schema" => AclObject::Schema(name),
            "sequence" => AclObject::Sequence(qualified),
            "column" => AclObject::Column(qualified, reader.get(&row, WHAT, "column_name")?),
            "function" => {
                let arguments: String = reader.get(&row, WHAT, "arguments")?;
                AclObject::Function(qualified, arguments)
            }
            "type" => AclObject::Type(qualified),
            "foreign data wrapper" => AclObject::ForeignDataWrapper(name),
            "server" => AclObject::ForeignServer(name),
            _ => AclObject::Table(qualified),
        };
        if let Some(role) = reader.get::<Option<String>>(&row, WHAT, "owner")? {
            owners.insert(object.clone(), role);
        }
        if !reader.get::<bool>(&row, WHAT, "has_acl")? {
            continue;
        }
        let initial = reader.get::<Option<bool>>(&row, WHAT, "initial")? == Some(true);
        let acl = match initial {
            true => initial_acls.entry(object).or_default(),
            false => acls.entry(object).or_default(),
        };
        // grants by several grantors are one grant here
        if let Some(g) = exploded(reader, &row, WHAT)? {
            grant(acl, g.grantee, &g.privilege, g.grantable);
        }
    }
    for (object, acl) in acls {
        if !catalog.has_acl_object(&object) {
            continue;
        }
        // what changed since initdb, on the model's baseline
        let acl = match initial_acls.get(&object) {
            Some(initial) => {
                let baseline = object.default_grants();
                let added = acl.difference(initial);
                let kept = baseline
                    .iter()
                    .filter(|g| !initial.contains(g) || acl.contains(g));
                kept.chain(added).cloned().collect()
            }
            None => acl,
        };
        catalog.set_acl(object, acl);
    }
    for (object, role) in owners {
        if catalog.has_acl_object(&object) && catalog.owner_keyword(&object).is_some() {
            catalog.set_owner(object, Some(role));
        }
    }
    Ok(())
}

/// Adds the default privileges (`pg_default_acl`).
pub(super) fn load_defaults(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "default privileges";
    let mut acls: IndexMap<DefaultAclKey, Acl> = IndexMap::new();
    for row in reader.query(tx, WHAT, DEFAULT_PRIVILEGES)? {
        let objects = match reader.get::<String>(&row, WHAT, "objects")?.as_str() {
            "r" => DefaultObjects::Tables,
            "S" => DefaultObjects::Sequences,
            "f" => DefaultObjects::Functions,
            "T" => DefaultObjects::Types,
            "n" => DefaultObjects::Schemas,
            // large objects (PostgreSQL 18) are not modelled
            _ => continue,
        };
        let key = DefaultAclKey {
            role: reader.get(&row, WHAT, "role")?,
            schema: reader.get(&row, WHAT, "schema")?,
            objects,
        };
        let acl = acls.entry(key).or_default();
        // grants by several grantors are one grant here
        if let Some(g) = exploded(reader, &row, WHAT)? {
            grant(acl, g.grantee, &g.privilege, g.grantable);
        }
    }
    for (key, acl) in acls {
        catalog.set_default_acl(key, acl);
    }
    Ok(())
}

/// Records the names of the cluster's roles.
pub(super) fn load_roles(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "roles";
    let mut roles = Vec::new();
    for row in reader.query(tx, WHAT, ROLES)? {
        roles.push(reader.get(&row, WHAT, "name")?);
    }
    catalog.cluster.roles = Some(roles);
    Ok(())
}

/// One exploded ACL item; `None` for an empty ACL's row.
fn exploded(reader: &Reader, row: &Row, what: &'static str) -> Result<Option<Grant>, Error> {
    let Some(privilege) = reader.get::<Option<String>>(row, what, "privilege")? else {
        return Ok(None);
    };
    let grantee = if reader.get(row, what, "is_owner")? {
        Grantee::Owner
    } else {
        match reader.get::<Option<String>>(row, what, "grantee")? {
            Some(name) => Grantee::Role(name),
            None => Grantee::Public,
        }
    };
    Ok(Some(Grant {
        grantee,
        privilege,
        grantable: reader.get(row, what, "grantable")?,
    }))
}
