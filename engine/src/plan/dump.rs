//! `schemadiff dump`: a catalog as the SQL that creates it. The statements are those of the
//! plan from an empty database, in the planner's dependency order, so a dump loads as it
//! reads and the same catalog always gives the same text.

use super::dependencies::{targets, ObjectId};
use super::{order, rank, steps};
use crate::diff::{self, Pair};
use crate::error::Error;
use crate::model::{AclObject, Catalog};

/// The statements that create one object, and the file of a split dump they belong to.
#[derive(Clone, Debug, PartialEq)]
pub struct DumpEntry {
    /// `tables/public.orders.sql`: a table's file also holds its constraints, indexes and
    /// comments, so that one file reads as the whole definition.
    pub file: String,
    pub statements: Vec<String>,
}

/// The creation of `catalog`, starting from what an empty database already has (`empty`:
/// the catalog of an empty desired state, with its `public` schema).
pub fn dump(empty: &Catalog, catalog: &Catalog) -> Result<Vec<DumpEntry>, Error> {
    let changes = diff::diff(empty, catalog);
    let catalogs = Pair::new(empty, catalog);
    let context = steps::Context::new(&changes, catalogs, None, false, Default::default());
    let order = order::order(&changes, catalogs, |change| (0, rank(change)))?.order;
    Ok(order
        .into_iter()
        .map(|i| {
            let change = &changes[i];
            let owner = targets(change, catalog)
                .first()
                .map(|(object, _)| object.clone());
            DumpEntry {
                file: owner.map_or_else(|| "other.sql".into(), |o| file_of(&o, catalog)),
                statements: steps::steps(change, &context)
                    .into_iter()
                    .flat_map(|step| step.sql)
                    .collect(),
            }
        })
        .collect())
}

/// The object whose file holds the grants on `object`.
fn acl_owner(object: &AclObject) -> ObjectId {
    match object {
        AclObject::Schema(name) => ObjectId::Schema(name.clone()),
        AclObject::Table(name) | AclObject::Column(name, _) => ObjectId::View(name.clone()),
        AclObject::Sequence(name) => ObjectId::Sequence(name.clone()),
        AclObject::Function(name, arguments) => ObjectId::Function(format!("{name}({arguments})")),
        AclObject::Type(name) => ObjectId::Type(name.clone()),
        AclObject::Publication(name) => ObjectId::Publication(name.clone()),
        AclObject::EventTrigger(name) => ObjectId::EventTrigger(name.clone()),
        AclObject::ForeignDataWrapper(name) => ObjectId::ForeignDataWrapper(name.clone()),
        AclObject::ForeignServer(name) => ObjectId::ForeignServer(name.clone()),
        AclObject::Statistics(name) => ObjectId::Statistics(name.clone()),
        AclObject::TextSearchDictionary(name) => ObjectId::TextSearchDictionary(name.clone()),
        AclObject::TextSearchConfiguration(name) => ObjectId::TextSearchConfiguration(name.clone()),
        AclObject::Operator(signature) => ObjectId::Operator(signature.clone()),
        AclObject::OperatorFamily(name, method) => {
            ObjectId::OperatorFamily(name.clone(), method.clone())
        }
        AclObject::OperatorClass(name, method) => {
            ObjectId::OperatorClass(name.clone(), method.clone())
        }
        AclObject::Subscription(name) => ObjectId::Subscription(name.clone()),
    }
}

/// The file an object's statements go to in a split dump.
fn file_of(object: &ObjectId, catalog: &Catalog) -> String {
    let (dir, name) = match object {
        ObjectId::Schema(name) => ("schemas", name.clone()),
        ObjectId::Extension(name) => ("extensions", name.clone()),
        ObjectId::Type(name) => ("types", name.to_string()),
        ObjectId::Collation(name) => ("collations", name.to_string()),
        ObjectId::Publication(name) | ObjectId::PublishedTable(name, _) => {
            ("publications", name.clone())
        }
        ObjectId::EventTrigger(name) => ("event_triggers", name.clone()),
        ObjectId::Cast(source, target) => ("casts", format!("{source}_as_{target}")),
        ObjectId::TextSearchDictionary(name) => ("text_search_dictionaries", name.to_string()),
        ObjectId::TextSearchConfiguration(name) => ("text_search_configurations", name.to_string()),
        ObjectId::Operator(signature) => ("operators", signature.clone()),
        ObjectId::OperatorFamily(name, method) => ("operator_families", format!("{name}_{method}")),
        ObjectId::OperatorClass(name, method) => ("operator_classes", format!("{name}_{method}")),
        ObjectId::ForeignDataWrapper(name) => ("foreign_data_wrappers", name.clone()),
        // a server's file holds its user mappings
        ObjectId::ForeignServer(name) | ObjectId::UserMapping(name, _) => ("servers", name.clone()),
        ObjectId::Subscription(name) => ("subscriptions", name.clone()),
        ObjectId::Sequence(name) | ObjectId::SequenceOwner(name) => ("sequences", name.to_string()),
        ObjectId::Table(table)
        | ObjectId::Column(table, _)
        | ObjectId::Identity(table, _)
        | ObjectId::ReplicaIdentity(table)
        | ObjectId::Constraint(table, _) => ("tables", table.to_string()),
        ObjectId::Index(index) => match catalog.indexes.get(index) {
            Some(index) => ("tables", index.table.to_string()),
            None => ("indexes", index.to_string()),
        },
        // with their table or materialized view
        ObjectId::Statistics(name) => match catalog.statistics.get(name) {
            Some(statistics) => return file_of(&ObjectId::View(statistics.table.clone()), catalog),
            None => ("statistics", name.to_string()),
        },
        // triggers, rules and policies go with their table or view
        ObjectId::View(name)
        | ObjectId::RelationName(name)
        | ObjectId::Trigger(name, _)
        | ObjectId::Rule(name, _)
        | ObjectId::Policy(name, _)
        | ObjectId::RowSecurity(name) => match catalog.tables.get(name) {
            Some(_) => ("tables", name.to_string()),
            None => ("views", name.to_string()),
        },
        // overloads share a file
        ObjectId::Function(signature) => match catalog.functions.get(signature) {
            Some(function) => ("functions", function.name.to_string()),
            None => ("functions", signature.clone()),
        },
        ObjectId::Privileges(object) | ObjectId::Owner(object) => {
            return file_of(&acl_owner(object), catalog)
        }
        // in the schema's file, or beside the schemas when they apply everywhere
        ObjectId::DefaultPrivileges(key) => match &key.schema {
            Some(schema) => ("schemas", schema.clone()),
            None => ("schemas", "default_privileges".into()),
        },
    };
    let safe: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | '\0' => '_',
            '"' => '\0',
            c => c,
        })
        .filter(|c| *c != '\0')
        .collect();
    format!("{dir}/{safe}.sql")
}
