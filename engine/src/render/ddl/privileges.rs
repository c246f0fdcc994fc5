//! `GRANT`, `REVOKE` and `ALTER DEFAULT PRIVILEGES`.

use std::collections::BTreeMap;

use crate::model::privileges::COLUMN_PRIVILEGES;
use crate::model::{Acl, AclObject, DefaultAclKey, DefaultObjects, Grantee};
use crate::render::quote::quote_ident;

/// The statements that turn one grantee's grants `from` into `to` on `object`, and on the
/// columns of `columns` (name, from, to) when `object` is their table: revokes of what goes,
/// of grant options that go, then grants of what comes (a grant option that comes is granted
/// with the privilege). Column privileges of one verb are one statement:
/// `GRANT SELECT (a, b), UPDATE (b) ON TABLE t TO r`.
pub fn object_statements(
    object: &AclObject,
    procedure: bool,
    grantee: &Grantee,
    (from, to): (&Acl, &Acl),
    columns: &[(String, Acl, Acl)],
) -> Vec<String> {
    let on = on_object(object, procedure);
    let table = matches!(object, AclObject::Table(_)) && *grantee != Grantee::Owner;
    let grantee = object_grantee(grantee);
    let mut out: Vec<String> = changes(from, to, object.all_privileges(), table)
        .into_iter()
        .map(|(verb, privileges)| verb.render(&privileges.join(", "), &on, &grantee))
        .collect();
    let mut by_verb: BTreeMap<Verb, ColumnGroups> = BTreeMap::new();
    for (column, from, to) in columns {
        for (verb, privileges) in statements(from, to, COLUMN_PRIVILEGES) {
            let groups = by_verb.entry(verb).or_default();
            for privilege in privileges {
                match groups.iter_mut().find(|(p, _)| *p == privilege) {
                    Some((_, names)) => names.push(quote_ident(column)),
                    None => groups.push((privilege, vec![quote_ident(column)])),
                }
            }
        }
    }
    for (verb, mut groups) in by_verb {
        groups.sort_by_key(|(p, _)| COLUMN_PRIVILEGES.iter().position(|o| o == p));
        let items: Vec<String> = groups
            .iter()
            .map(|(p, names)| format!("{p} ({})", names.join(", ")))
            .collect();
        out.push(verb.render(&items.join(", "), &on, &grantee));
    }
    out
}

/// Per privilege, the quoted columns it applies to.
type ColumnGroups<'a> = Vec<(&'a str, Vec<String>)>;

/// The `ALTER DEFAULT PRIVILEGES` statements that turn one grantee's default grants `from`
/// into `to` under `key`.
pub fn default_statements(
    key: &DefaultAclKey,
    grantee: &Grantee,
    from: &Acl,
    to: &Acl,
) -> Vec<String> {
    let mut prefix = "ALTER DEFAULT PRIVILEGES".to_string();
    if let Some(role) = &key.role {
        prefix.push_str(&format!(" FOR ROLE {}", quote_ident(role)));
    }
    if let Some(schema) = &key.schema {
        prefix.push_str(&format!(" IN SCHEMA {}", quote_ident(schema)));
    }
    let on = key.objects.keyword().to_string();
    let is_owner = *grantee == Grantee::Owner;
    let grantee = match grantee {
        Grantee::Owner => key
            .role
            .as_deref()
            .map_or("CURRENT_USER".to_string(), quote_ident),
        other => object_grantee(other),
    };
    let table = key.objects == DefaultObjects::Tables && !is_owner;
    changes(from, to, key.objects.all_privileges(), table)
        .into_iter()
        .map(|(verb, privileges)| {
            format!(
                "{prefix} {}",
                verb.render(&privileges.join(", "), &on, &grantee)
            )
        })
        .collect()
}

/// What `ON` names in `GRANT`: `TABLE public.orders`, `FUNCTION public.f(integer)`.
fn on_object(object: &AclObject, procedure: bool) -> String {
    let keyword = match object {
        AclObject::Schema(_) => "SCHEMA",
        AclObject::Table(_) | AclObject::Column(..) => "TABLE",
        AclObject::Sequence(_) => "SEQUENCE",
        AclObject::Function(..) if procedure => "PROCEDURE",
        AclObject::Function(..) => "FUNCTION",
        AclObject::Type(_) => "TYPE",
        AclObject::Publication(_) => "PUBLICATION",
        AclObject::EventTrigger(_) => "EVENT TRIGGER",
        AclObject::ForeignDataWrapper(_) => "FOREIGN DATA WRAPPER",
        AclObject::ForeignServer(_) => "FOREIGN SERVER",
        AclObject::Statistics(_) => "STATISTICS",
        AclObject::TextSearchDictionary(_) => "TEXT SEARCH DICTIONARY",
        AclObject::TextSearchConfiguration(_) => "TEXT SEARCH CONFIGURATION",
        AclObject::Operator(_) => "OPERATOR",
        AclObject::OperatorFamily(..) => "OPERATOR FAMILY",
        AclObject::OperatorClass(..) => "OPERATOR CLASS",
        AclObject::Subscription(_) => "SUBSCRIPTION",
    };
    format!("{keyword} {}", object_name(object))
}

/// The object as statements name it: a function with its argument types, a column's table.
fn object_name(object: &AclObject) -> String {
    match object {
        AclObject::Schema(name)
        | AclObject::Publication(name)
        | AclObject::EventTrigger(name)
        | AclObject::ForeignDataWrapper(name)
        | AclObject::ForeignServer(name)
        | AclObject::Subscription(name) => quote_ident(name),
        AclObject::Table(name)
        | AclObject::Column(name, _)
        | AclObject::Sequence(name)
        | AclObject::Type(name)
        | AclObject::Statistics(name)
        | AclObject::TextSearchDictionary(name)
        | AclObject::TextSearchConfiguration(name) => name.to_string(),
        AclObject::Function(name, arguments) => format!("{name}({arguments})"),
        AclObject::Operator(signature) => signature.clone(),
        AclObject::OperatorFamily(name, method) | AclObject::OperatorClass(name, method) => {
            format!("{name} USING {}", quote_ident(method))
        }
    }
}

/// `ALTER <keyword> object OWNER TO role`; `None` is the role running the plan.
pub fn alter_owner(keyword: &str, object: &AclObject, role: Option<&str>) -> String {
    let role = role.map_or("CURRENT_USER".to_string(), quote_ident);
    format!("ALTER {keyword} {} OWNER TO {role}", object_name(object))
}

/// The owner is not known by name offline: it is whoever runs the plan.
fn object_grantee(grantee: &Grantee) -> String {
    match grantee {
        Grantee::Owner => "CURRENT_USER".into(),
        Grantee::Public => "PUBLIC".into(),
        Grantee::Role(name) => quote_ident(name),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verb {
    Revoke,
    RevokeGrantOption,
    Grant,
    GrantWithOption,
}

impl Verb {
    fn render(self, privileges: &str, on: &str, grantee: &str) -> String {
        match self {
            Verb::Revoke => format!("REVOKE {privileges} ON {on} FROM {grantee}"),
            Verb::RevokeGrantOption => {
                format!("REVOKE GRANT OPTION FOR {privileges} ON {on} FROM {grantee}")
            }
            Verb::Grant => format!("GRANT {privileges} ON {on} TO {grantee}"),
            Verb::GrantWithOption => {
                format!("GRANT {privileges} ON {on} TO {grantee} WITH GRANT OPTION")
            }
        }
    }
}

static NO_GRANTS: Acl = Acl::new();

/// [`statements`], except for a grantee of a table (other than its owner) holding every
/// table privilege, which may hold the `MAINTAIN` that PostgreSQL 17's `ALL` grants and the
/// model leaves out: any change starts with `REVOKE ALL`, which takes that too (on every
/// version), and grants back what stays.
fn changes<'a>(
    from: &'a Acl,
    to: &'a Acl,
    order: &'static [&'static str],
    table: bool,
) -> Vec<(Verb, Vec<&'a str>)> {
    if table && from != to && order.iter().all(|p| from.iter().any(|g| g.privilege == *p)) {
        let mut out = vec![(Verb::Revoke, vec!["ALL"])];
        out.extend(statements(&NO_GRANTS, to, order));
        return out;
    }
    statements(from, to, order)
}

/// The non-empty groups of privileges each verb applies to, privileges in `order`.
fn statements<'a>(from: &'a Acl, to: &'a Acl, order: &[&str]) -> Vec<(Verb, Vec<&'a str>)> {
    let option = |acl: &Acl, privilege: &str| {
        acl.iter()
            .find(|g| g.privilege == privilege)
            .map(|g| g.grantable)
    };
    let mut privileges: Vec<&str> = from
        .iter()
        .chain(to)
        .map(|g| g.privilege.as_str())
        .collect();
    privileges.sort_by_key(|p| (order.iter().position(|o| o == p).unwrap_or(order.len()), *p));
    privileges.dedup();
    let mut groups: Vec<(Verb, Vec<&str>)> = [
        Verb::Revoke,
        Verb::RevokeGrantOption,
        Verb::Grant,
        Verb::GrantWithOption,
    ]
    .into_iter()
    .map(|v| (v, Vec::new()))
    .collect();
    for privilege in privileges {
        let verb = match (option(from, privilege), option(to, privilege)) {
            (Some(_), None) => Verb::Revoke,
            (Some(true), Some(false)) => Verb::RevokeGrantOption,
            (None, Some(false)) => Verb::Grant,
            (None | Some(false), Some(true)) => Verb::GrantWithOption,
            _ => continue,
        };
        if let Some(group) = groups.iter_mut().find(|(v, _)| *v == verb) {
            group.1.push(privilege);
        }
    }
    groups.retain(|(_, p)| !p.is_empty());
    groups
}
