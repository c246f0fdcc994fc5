//! `GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`, `ALTER … OWNER TO` and `SET ROLE`,
//! folded into the ACLs and owners of the catalog being built. Objects created after
//! `ALTER DEFAULT PRIVILEGES` get the default privileges in effect for the role creating
//! them, as on the server, and that role owns them: the one running the file (`None`) unless
//! `SET ROLE` (or `CREATE SCHEMA … AUTHORIZATION` around its elements) says otherwise.

use pg_query::protobuf::{
    AlterDefaultPrivilegesStmt, AlterOwnerStmt, GrantStmt, GrantTargetType, ObjectType,
    ObjectWithArgs, RoleSpec, RoleSpecType, VariableSetKind, VariableSetStmt,
};
use pg_query::{Node, NodeEnum};

use super::functions::signature_of;
use super::{qualified_name, Builder};
use crate::model::privileges::{grant, revoke};
use crate::model::{AclObject, DefaultAclKey, DefaultObjects, Grantee, QualifiedName};
use crate::normalize::definitions::{relation_name, string_of};

/// One `GRANT`/`REVOKE` action: which privileges (`None`: all), to whom, how.
struct Action {
    is_grant: bool,
    /// Per privilege, the columns it is limited to (empty: the whole object).
    privileges: Option<Vec<(String, Vec<String>)>>,
    grantees: Vec<Grantee>,
    /// `WITH GRANT OPTION` on a grant, `GRANT OPTION FOR` on a revoke.
    grant_option: bool,
}

impl Action {
    fn new(stmt: &GrantStmt) -> Self {
        let privileges = (!stmt.privileges.is_empty()).then(|| {
            stmt.privileges
                .iter()
                .filter_map(|p| match &p.node {
                    Some(NodeEnum::AccessPriv(p)) => Some((
                        p.priv_name.to_uppercase(),
                        p.cols.iter().filter_map(string_of).collect(),
                    )),
                    _ => None,
                })
                .collect()
        });
        Action {
            is_grant: stmt.is_grant,
            privileges,
            grantees: stmt.grantees.iter().filter_map(grantee).collect(),
            grant_option: stmt.grant_option,
        }
    }

    /// Applies the action to an ACL whose `ALL` is `all`.
    fn apply(&self, acl: &mut crate::model::Acl, privileges: &[String], all: &[&str]) {
        let names: Vec<String> = if privileges.is_empty() {
            all.iter().map(|p| p.to_string()).collect()
        } else {
            privileges.to_vec()
        };
        for grantee in &self.grantees {
            for privilege in &names {
                if self.is_grant {
                    grant(acl, grantee.clone(), privilege, self.grant_option);
                } else {
                    revoke(acl, grantee, privilege, self.grant_option);
                }
            }
        }
    }
}

/// A named role; `None` for `CURRENT_USER`, `CURRENT_ROLE` and `SESSION_USER`, the role
/// that runs the file.
pub(super) fn role_name(role: &RoleSpec) -> Option<String> {
    (role.roletype == RoleSpecType::RolespecCstring as i32).then(|| role.rolename.clone())
}

/// `PUBLIC`, a role name, or the current user (the owner of what the file creates).
fn grantee(node: &Node) -> Option<Grantee> {
    let Some(NodeEnum::RoleSpec(role)) = &node.node else {
        return None;
    };
    Some(match RoleSpecType::try_from(role.roletype) {
        Ok(RoleSpecType::RolespecPublic) => Grantee::Public,
        Ok(RoleSpecType::RolespecCstring) => Grantee::Role(role.rolename.clone()),
        _ => Grantee::Owner,
    })
}

impl Builder<'_> {
    pub(super) fn grant(&mut self, stmt: &GrantStmt) {
        let objects = match GrantTargetType::try_from(stmt.targtype) {
            Ok(GrantTargetType::AclTargetAllInSchema) => self.all_in_schemas(stmt),
            _ => self.grant_objects(stmt),
        };
        let action = Action::new(stmt);
        for object in objects {
            // column privileges go to the columns, the others to the object
            let mut whole = Vec::new();
            for (privilege, columns) in action.privileges.iter().flatten() {
                if columns.is_empty() {
                    whole.push(privilege.clone());
                    continue;
                }
                let AclObject::Table(table) = &object else {
                    continue;
                };
                for column in columns {
                    let target = AclObject::Column(table.clone(), column.clone());
                    if !self.catalog.has_acl_object(&target) {
                        self.error(
                            0,
                            format!("column `{column}` of `{table}` does not exist"),
                            "grant on columns the table has",
                        );
                        continue;
                    }
                    // `ALL (columns)` has no privilege name
                    let privileges: Vec<String> = std::iter::once(privilege.clone())
                        .filter(|p| !p.is_empty())
                        .collect();
                    self.apply_grant(&action, target, &privileges);
                }
            }
            if action.privileges.is_none() || !whole.is_empty() {
                self.apply_grant(&action, object, &whole);
            }
        }
    }

    fn apply_grant(&mut self, action: &Action, object: AclObject, privileges: &[String]) {
        let mut acl = self.catalog.acl(&object);
        action.apply(&mut acl, privileges, object.all_privileges());
        self.catalog.set_acl(object, acl);
    }

    /// The objects a `GRANT … ON` names; each must exist.
    fn grant_objects(&mut self, stmt: &GrantStmt) -> Vec<AclObject> {
        let kind = ObjectType::try_from(stmt.objtype).unwrap_or(ObjectType::Undefined);
        let mut objects = Vec::new();
        for node in &stmt.objects {
            let object = match (&node.node, kind) {
                (Some(NodeEnum::RangeVar(relation)), _) => {
                    let name = relation_name(relation);
                    if self.catalog.sequences.contains_key(&name) {
                        AclObject::Sequence(name)
                    } else if kind == ObjectType::ObjectSequence {
                        self.missing(&AclObject::Sequence(name), "GRANT or REVOKE");
                        continue;
                    } else if self.on_unsupported_relation("privilege", &name) {
                        continue;
                    } else {
                        AclObject::Table(name)
                    }
                }
                (Some(NodeEnum::ObjectWithArgs(function)), _) => {
                    match self.function_object(function, "GRANT or REVOKE") {
                        Some(object) => object,
                        None => continue,
                    }
                }
                (Some(NodeEnum::String(schema)), ObjectType::ObjectSchema) => {
                    AclObject::Schema(schema.sval.clone())
                }
                (
                    Some(NodeEnum::List(names)),
                    ObjectType::ObjectType | ObjectType::ObjectDomain,
                ) => AclObject::Type(qualified_name(&names.items)),
                (Some(NodeEnum::String(name)), ObjectType::ObjectFdw) => {
                    AclObject::ForeignDataWrapper(name.sval.clone())
                }
                (Some(NodeEnum::String(name)), ObjectType::ObjectForeignServer) => {
                    AclObject::ForeignServer(name.sval.clone())
                }
                _ => {
                    let label = format!("{kind:?}");
                    let what = label.trim_start_matches("Object").to_lowercase();
                    self.unsupported("privilege", None, &format!("on {what}"));
                    continue;
                }
            };
            if self.catalog.has_acl_object(&object) {
                objects.push(object);
            } else {
                self.missing(&object, "GRANT or REVOKE");
            }
        }
        objects
    }

    /// `ON ALL TABLES | SEQUENCES | FUNCTIONS | PROCEDURES | ROUTINES IN SCHEMA …`.
    fn all_in_schemas(&mut self, stmt: &GrantStmt) -> Vec<AclObject> {
        let kind = ObjectType::try_from(stmt.objtype).unwrap_or(ObjectType::Undefined);
        let schemas: Vec<String> = stmt.objects.iter().filter_map(string_of).collect();
        let catalog = &self.catalog;
        let in_schema = |name: &QualifiedName| schemas.contains(&name.schema);
        match kind {
            ObjectType::ObjectTable => catalog
                .tables
                .keys()
                .chain(catalog.views.keys())
                .filter(|n| in_schema(n))
                .map(|n| AclObject::Table(n.clone()))
                .collect(),
            ObjectType::ObjectSequence => catalog
                .sequences
                .keys()
                .filter(|n| in_schema(n))
                .map(|n| AclObject::Sequence(n.clone()))
                .collect(),
            _ => catalog
                .functions
                .iter()
                .filter(|(_, f)| in_schema(&f.name))
                .filter(|(_, f)| match kind {
                    ObjectType::ObjectFunction => !f.procedure,
                    ObjectType::ObjectProcedure => f.procedure,
                    _ => true,
                })
                .map(|(_, f)| AclObject::Function(f.name.clone(), f.arguments.clone()))
                .collect(),
        }
    }

    /// The function a `GRANT … ON FUNCTION` (or `statement`) names; without an argument
    /// list, the one function of that name.
    fn function_object(&mut self, function: &ObjectWithArgs, statement: &str) -> Option<AclObject> {
        let found = if function.args_unspecified {
            let name = qualified_name(&function.objname);
            let mut matching = self.catalog.functions.values().filter(|f| f.name == name);
            match (matching.next(), matching.next()) {
                (Some(f), None) => Some(f),
                _ => None,
            }
        } else {
            self.catalog.functions.get(&signature_of(function, false))
        };
        if let Some(f) = found {
            return Some(AclObject::Function(f.name.clone(), f.arguments.clone()));
        }
        let named = if function.args_unspecified {
            qualified_name(&function.objname).to_string()
        } else {
            signature_of(function, false)
        };
        self.error(
            0,
            format!("{statement} on function `{named}`, which is not created or not one function"),
            "create the function first, and name it with its argument types",
        );
        None
    }

    pub(super) fn missing(&mut self, object: &AclObject, statement: &str) {
        self.error(
            0,
            format!("{statement} on {}, which is not created", object.describe()),
            "create the object before this statement",
        );
    }

    /// `ALTER SCHEMA | FUNCTION | PROCEDURE | ROUTINE | AGGREGATE | TYPE | DOMAIN … OWNER TO`.
    pub(super) fn alter_owner(&mut self, stmt: &AlterOwnerStmt) {
        let kind = ObjectType::try_from(stmt.object_type).unwrap_or(ObjectType::Undefined);
        let named = stmt.object.as_deref().and_then(|o| o.node.as_ref());
        let object = match (kind, named) {
            (ObjectType::ObjectSchema, Some(NodeEnum::String(schema))) => {
                AclObject::Schema(schema.sval.clone())
            }
            (ObjectType::ObjectOperator, Some(NodeEnum::ObjectWithArgs(o))) => {
                AclObject::Operator(super::operators::operator_of(o))
            }
            (_, Some(NodeEnum::ObjectWithArgs(function))) => {
                match self.function_object(function, "ALTER … OWNER TO") {
                    Some(object) => object,
                    None => return,
                }
            }
            (ObjectType::ObjectType | ObjectType::ObjectDomain, Some(NodeEnum::List(names))) => {
                AclObject::Type(qualified_name(&names.items))
            }
            (ObjectType::ObjectPublication, Some(NodeEnum::String(name))) => {
                AclObject::Publication(name.sval.clone())
            }
            (ObjectType::ObjectEventTrigger, Some(NodeEnum::String(name))) => {
                AclObject::EventTrigger(name.sval.clone())
            }
            (ObjectType::ObjectFdw, Some(NodeEnum::String(name))) => {
                AclObject::ForeignDataWrapper(name.sval.clone())
            }
            (ObjectType::ObjectForeignServer, Some(NodeEnum::String(name))) => {
                AclObject::ForeignServer(name.sval.clone())
            }
            (ObjectType::ObjectStatisticExt, Some(NodeEnum::List(names))) => {
                AclObject::Statistics(qualified_name(&names.items))
            }
            (ObjectType::ObjectSubscription, Some(NodeEnum::String(name))) => {
                AclObject::Subscription(name.sval.clone())
            }
            (ObjectType::ObjectTsdictionary, Some(NodeEnum::List(names))) => {
                AclObject::TextSearchDictionary(qualified_name(&names.items))
            }
            (ObjectType::ObjectTsconfiguration, Some(NodeEnum::List(names))) => {
                AclObject::TextSearchConfiguration(qualified_name(&names.items))
            }
            (ObjectType::ObjectOpclass | ObjectType::ObjectOpfamily, _) => {
                let Some((name, method)) = stmt
                    .object
                    .as_deref()
                    .and_then(super::operators::family_or_class_of)
                else {
                    return;
                };
                if kind == ObjectType::ObjectOpclass {
                    AclObject::OperatorClass(name, method)
                } else {
                    AclObject::OperatorFamily(name, method)
                }
            }
            // collations, text search parsers and templates…: their owners are not modelled
            _ => return,
        };
        self.change_owner(object, stmt.newowner.as_ref());
    }

    /// `ALTER … OWNER TO role` on an object the file created.
    pub(super) fn change_owner(&mut self, object: AclObject, role: Option<&RoleSpec>) {
        if !self.catalog.has_acl_object(&object) {
            return self.missing(&object, "ALTER … OWNER TO");
        }
        self.catalog.set_owner(object, role.and_then(role_name));
    }

    pub(super) fn alter_default_privileges(&mut self, stmt: &AlterDefaultPrivilegesStmt) {
        let Some(action_stmt) = &stmt.action else {
            return;
        };
        let objects = match ObjectType::try_from(action_stmt.objtype) {
            Ok(ObjectType::ObjectTable) => DefaultObjects::Tables,
            Ok(ObjectType::ObjectSequence) => DefaultObjects::Sequences,
            Ok(ObjectType::ObjectFunction | ObjectType::ObjectProcedure) => {
                DefaultObjects::Functions
            }
            Ok(ObjectType::ObjectRoutine) => DefaultObjects::Functions,
            Ok(ObjectType::ObjectType) => DefaultObjects::Types,
            Ok(ObjectType::ObjectSchema) => DefaultObjects::Schemas,
            _ => return self.unsupported("default privilege", None, "ALTER DEFAULT PRIVILEGES"),
        };
        let mut roles = Vec::new();
        let mut schemas = Vec::new();
        for option in &stmt.options {
            let Some(NodeEnum::DefElem(option)) = &option.node else {
                continue;
            };
            let Some(NodeEnum::List(list)) = option.arg.as_ref().and_then(|a| a.node.as_ref())
            else {
                continue;
            };
            match option.defname.as_str() {
                "roles" => roles.extend(list.items.iter().filter_map(grantee)),
                "schemas" => schemas.extend(list.items.iter().filter_map(string_of).map(Some)),
                _ => {}
            }
        }
        let roles: Vec<Option<String>> = if roles.is_empty() {
            vec![self.current_role.clone()]
        } else {
            roles
                .into_iter()
                .map(|r| match r {
                    Grantee::Role(name) => Some(name),
                    _ => self.current_role.clone(),
                })
                .collect()
        };
        if schemas.is_empty() {
            schemas.push(None);
        }
        for schema in schemas.iter().flatten() {
            self.check_schema(schema, 0);
        }
        let mut action = Action::new(action_stmt);
        let all = objects.all_privileges();
        for role in roles {
            // a grant to the role the defaults are for is a grant to the owner-to-be
            let grantees = action.grantees.clone();
            action.grantees = grantees
                .iter()
                .map(|g| match g {
                    Grantee::Role(name) if Some(name) == role.as_ref() => Grantee::Owner,
                    other => other.clone(),
                })
                .collect();
            for schema in &schemas {
                let key = DefaultAclKey {
                    role: role.clone(),
                    schema: schema.clone(),
                    objects,
                };
                let mut acl = self.catalog.default_acl(&key);
                let privileges: Vec<String> = action
                    .privileges
                    .iter()
                    .flatten()
                    .map(|(p, _)| p.clone())
                    .collect();
                action.apply(&mut acl, &privileges, all);
                self.catalog.set_default_acl(key, acl);
            }
            action.grantees = grantees;
        }
    }

    /// `SET ROLE r` / `RESET ROLE`: who creates what follows, for default privileges.
    pub(super) fn set_variable(&mut self, stmt: &VariableSetStmt) {
        let kind = VariableSetKind::try_from(stmt.kind).unwrap_or(VariableSetKind::Undefined);
        if kind == VariableSetKind::VarResetAll {
            self.current_role = None;
        }
        if stmt.name != "role" {
            return;
        }
        let value = stmt.args.first().and_then(|a| match &a.node {
            Some(NodeEnum::AConst(c)) => match &c.val {
                Some(pg_query::protobuf::a_const::Val::Sval(s)) => Some(s.sval.clone()),
                _ => None,
            },
            _ => None,
        });
        self.current_role = match (kind, value) {
            (VariableSetKind::VarSetValue, Some(role)) if role != "none" => Some(role),
            _ => None,
        };
    }

    /// A new object gets the default privileges in effect for the role creating it, and
    /// that role owns it.
    pub(super) fn created(&mut self, object: AclObject) {
        let acl = self
            .catalog
            .initial_acl(&object, self.current_role.as_deref());
        self.catalog
            .set_owner(object.clone(), self.current_role.clone());
        self.catalog.set_acl(object, acl);
    }
}
