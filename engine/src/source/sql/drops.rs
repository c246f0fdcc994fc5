//! `DROP` and `ALTER … RENAME`, folded into the state.

use pg_query::protobuf::{DropBehavior, DropStmt, ObjectType, RenameStmt};
use pg_query::{Node, NodeEnum};

use super::comments::{names_of, object_name};
use super::operators::family_or_class_of;
use super::Builder;
use crate::model::{AclObject, QualifiedName};
use crate::normalize::definitions::{relation_name, rename_keys, string_of};
use crate::normalize::rule::renamed as renamed_rule;

impl Builder<'_> {
    pub(super) fn drop(&mut self, stmt: &DropStmt) {
        let kind = ObjectType::try_from(stmt.remove_type).ok();
        let cascade = stmt.behavior == DropBehavior::DropCascade as i32;
        for object in &stmt.objects {
            let found = match kind {
                Some(ObjectType::ObjectTable) => self.drop_table(&object_name(object)),
                Some(ObjectType::ObjectView | ObjectType::ObjectMatview) => {
                    let name = object_name(object);
                    // a materialized view's indexes and a view's triggers and rules go with it
                    self.catalog.indexes.retain(|_, i| i.table != name);
                    self.catalog.statistics.retain(|_, s| s.table != name);
                    self.catalog.triggers.retain(|(table, _), _| *table != name);
                    self.catalog.rules.retain(|(table, _), _| *table != name);
                    self.catalog.views.shift_remove(&name).is_some()
                }
                Some(ObjectType::ObjectTrigger) => {
                    let key = table_member(object);
                    self.catalog.triggers.shift_remove(&key).is_some()
                }
                Some(ObjectType::ObjectRule) => {
                    let key = table_member(object);
                    self.catalog.rules.shift_remove(&key).is_some()
                }
                Some(ObjectType::ObjectPolicy) => {
                    let key = table_member(object);
                    self.policy_statements.shift_remove(&key);
                    self.catalog.policies.shift_remove(&key).is_some()
                }
                Some(ObjectType::ObjectIndex) => self
                    .catalog
                    .indexes
                    .shift_remove(&object_name(object))
                    .is_some(),
                Some(ObjectType::ObjectStatisticExt) => self
                    .catalog
                    .statistics
                    .shift_remove(&object_name(object))
                    .is_some(),
                Some(ObjectType::ObjectSequence) => self
                    .catalog
                    .sequences
                    .shift_remove(&object_name(object))
                    .is_some(),
                Some(ObjectType::ObjectType | ObjectType::ObjectDomain) => {
                    let name = object_name(object);
                    let catalog = &mut self.catalog;
                    catalog.enums.shift_remove(&name).is_some()
                        || catalog.domains.shift_remove(&name).is_some()
                        || catalog.composite_types.shift_remove(&name).is_some()
                        || catalog.range_types.shift_remove(&name).is_some()
                }
                Some(ObjectType::ObjectCollation) => self
                    .catalog
                    .collations
                    .shift_remove(&object_name(object))
                    .is_some(),
                Some(ObjectType::ObjectSchema) => {
                    let name = string_of(object).unwrap_or_default();
                    self.drop_schema(&name)
                }
                Some(
                    ObjectType::ObjectFunction
                    | ObjectType::ObjectProcedure
                    | ObjectType::ObjectAggregate,
                ) => {
                    let aggregate = kind == Some(ObjectType::ObjectAggregate);
                    match &object.node {
                        Some(NodeEnum::ObjectWithArgs(o)) => self
                            .catalog
                            .functions
                            .shift_remove(&super::functions::signature_of(o, aggregate))
                            .is_some(),
                        _ => false,
                    }
                }
                Some(ObjectType::ObjectExtension) => {
                    let name = string_of(object).unwrap_or_default();
                    self.catalog.extensions.shift_remove(&name).is_some()
                }
                Some(ObjectType::ObjectPublication) => {
                    let name = string_of(object).unwrap_or_default();
                    self.catalog.publications.shift_remove(&name).is_some()
                }
                Some(ObjectType::ObjectEventTrigger) => {
                    let name = string_of(object).unwrap_or_default();
                    self.catalog.event_triggers.shift_remove(&name).is_some()
                }
                Some(ObjectType::ObjectCast) => {
                    let (source, target) = super::casts::cast_key(object);
                    let key = (source.clone(), target.clone());
                    if self.catalog.casts.shift_remove(&key).is_none() && !stmt.missing_ok {
                        self.error(
                            0,
                            format!("DROP of cast `({source} AS {target})`, which is not created"),
                            "remove the DROP, or add IF EXISTS",
                        );
                    }
                    true
                }
                Some(ObjectType::ObjectTsdictionary) => {
                    self.drop_text_search_dictionary(&object_name(object), cascade)
                }
                Some(ObjectType::ObjectTsconfiguration) => {
                    (self.catalog.text_search_configurations)
                        .shift_remove(&object_name(object))
                        .is_some()
                }
                Some(ObjectType::ObjectOperator) => self.drop_operator(object),
                Some(ObjectType::ObjectOpclass) => family_or_class_of(object)
                    .and_then(|key| self.catalog.operator_classes.shift_remove(&key))
                    .is_some(),
                Some(ObjectType::ObjectOpfamily) => {
                    let key = family_or_class_of(object);
                    // its classes go with it
                    (self.catalog.operator_classes).retain(|_, c| {
                        Some((&c.family, &c.method)) != key.as_ref().map(|(n, m)| (n, m))
                    });
                    key.and_then(|key| self.catalog.operator_families.shift_remove(&key))
                        .is_some()
                }
                Some(ObjectType::ObjectForeignTable) => (self.catalog.foreign_tables)
                    .shift_remove(&object_name(object))
                    .is_some(),
                Some(ObjectType::ObjectFdw) => {
                    let name = string_of(object).unwrap_or_default();
                    self.drop_wrapper(&name, cascade)
                }
                Some(ObjectType::ObjectForeignServer) => {
                    let name = string_of(object).unwrap_or_default();
                    self.drop_server(&name, cascade)
                }
                _ => {
                    let label = kind.map(|k| k.as_str_name()).unwrap_or("object");
                    self.unsupported(&format!("DROP {label}"), None, "");
                    true
                }
            };
            if !found && !stmt.missing_ok {
                let names: Vec<String> = names_of(object).iter().filter_map(string_of).collect();
                self.error(
                    0,
                    format!("DROP of `{}`, which is not created", names.join(".")),
                    "remove the DROP, or add IF EXISTS",
                );
            }
        }
    }

    fn drop_table(&mut self, name: &QualifiedName) -> bool {
        if self.catalog.tables.shift_remove(name).is_none() {
            return false;
        }
        self.names.release(&name.schema, &name.name);
        self.constraints.retain(|(table, _), _| table != name);
        self.catalog.indexes.retain(|_, index| index.table != *name);
        self.catalog.statistics.retain(|_, s| s.table != *name);
        self.catalog.triggers.retain(|(table, _), _| table != name);
        self.catalog.rules.retain(|(table, _), _| table != name);
        self.catalog.policies.retain(|(table, _), _| table != name);
        self.policy_statements.retain(|(table, _), _| table != name);
        // the server takes a dropped table out of its publications
        for publication in self.catalog.publications.values_mut() {
            publication.tables.retain(|t| t.table != *name);
        }
        self.catalog
            .sequences
            .retain(|_, s| s.owned_by.as_ref().is_none_or(|(table, _)| table != name));
        true
    }

    fn drop_schema(&mut self, schema: &str) -> bool {
        if self.catalog.schemas.shift_remove(schema).is_none() {
            return false;
        }
        // the server takes a dropped schema out of its publications
        for publication in self.catalog.publications.values_mut() {
            publication.schemas.retain(|s| s != schema);
        }
        self.catalog.retain_schemas(|s| s != schema);
        self.constraints
            .retain(|(table, _), _| table.schema != schema);
        true
    }

    pub(super) fn rename(&mut self, stmt: &RenameStmt) {
        let relation = stmt.relation.as_ref().map(relation_name);
        match (ObjectType::try_from(stmt.rename_type).ok(), relation) {
            (Some(ObjectType::ObjectTable), Some(from)) => self.rename_table(&from, &stmt.newname),
            (Some(ObjectType::ObjectColumn), Some(table)) => {
                self.rename_column(&table, &stmt.subname, &stmt.newname)
            }
            (Some(ObjectType::ObjectTabconstraint), Some(table)) => {
                let key = (table.clone(), stmt.subname.clone());
                if let Some(mut constraint) = self.constraints.shift_remove(&key) {
                    constraint.rename(&stmt.newname);
                    self.constraints
                        .insert((table, stmt.newname.clone()), constraint);
                }
            }
            (Some(ObjectType::ObjectIndex), Some(from)) => {
                if let Some(mut index) = self.catalog.indexes.shift_remove(&from) {
                    index.name.name = stmt.newname.clone();
                    index.definition.sql = index.definition.sql.replacen(
                        &crate::render::quote::quote_ident(&from.name),
                        &crate::render::quote::quote_ident(&stmt.newname),
                        1,
                    );
                    self.catalog.indexes.insert(index.name.clone(), index);
                }
            }
            (Some(ObjectType::ObjectRule), Some(table)) => {
                self.rename_rule(table, &stmt.subname, &stmt.newname)
            }
            (Some(ObjectType::ObjectStatisticExt), _) => {
                if let Some(name) = stmt.object.as_deref().map(object_name) {
                    self.rename_statistics(&name, &stmt.newname)
                }
            }
            (
                Some(kind @ (ObjectType::ObjectTsdictionary | ObjectType::ObjectTsconfiguration)),
                _,
            ) => {
                if let Some(old) = stmt.object.as_deref().map(object_name) {
                    let new = QualifiedName::new(&old.schema, &stmt.newname);
                    self.move_text_search_object(kind, &old, new);
                }
            }
            (Some(kind @ (ObjectType::ObjectOpclass | ObjectType::ObjectOpfamily)), _) => {
                let Some((old, method)) = stmt.object.as_deref().and_then(family_or_class_of)
                else {
                    return;
                };
                let object = if kind == ObjectType::ObjectOpclass {
                    AclObject::OperatorClass(old.clone(), method)
                } else {
                    AclObject::OperatorFamily(old.clone(), method)
                };
                self.move_operator_object(&object, &old.schema, &stmt.newname);
            }
            (Some(ObjectType::ObjectEventTrigger), _) => {
                let name = stmt.object.as_deref().and_then(string_of);
                self.rename_event_trigger(&name.unwrap_or_default(), &stmt.newname)
            }
            (Some(kind @ (ObjectType::ObjectFdw | ObjectType::ObjectForeignServer)), _) => {
                let name = stmt.object.as_deref().and_then(string_of);
                let server = kind == ObjectType::ObjectForeignServer;
                self.rename_foreign(server, &name.unwrap_or_default(), &stmt.newname)
            }
            (Some(ObjectType::ObjectSubscription), _) => {
                let name = stmt.object.as_deref().and_then(string_of);
                self.rename_subscription(&name.unwrap_or_default(), &stmt.newname)
            }
            (Some(ObjectType::ObjectPublication), _) => {
                let name = stmt
                    .object
                    .as_deref()
                    .and_then(string_of)
                    .unwrap_or_default();
                let Some(mut publication) = self.catalog.publications.shift_remove(&name) else {
                    return self.error(
                        0,
                        format!("publication `{name}` is renamed but not created"),
                        "check the publication name",
                    );
                };
                publication.name = stmt.newname.clone();
                self.catalog
                    .publications
                    .insert(stmt.newname.clone(), publication);
                self.catalog.rename_acls(|object| match object {
                    AclObject::Publication(p) if *p == name => {
                        Some(AclObject::Publication(stmt.newname.clone()))
                    }
                    _ => None,
                });
            }
            (kind, _) => {
                let label = kind.map(|k| k.as_str_name()).unwrap_or("object");
                let name = stmt.object.as_deref().map(object_name);
                self.unsupported(
                    &format!("RENAME {label}"),
                    name.as_ref().map(|n| n.schema.clone()),
                    &name.map(|n| n.name).unwrap_or_default(),
                );
            }
        }
    }

    fn rename_table(&mut self, from: &QualifiedName, new_name: &str) {
        let Some(mut table) = self.catalog.tables.shift_remove(from) else {
            return self.error(
                0,
                format!("table `{from}` is renamed but not created"),
                "check the table name",
            );
        };
        let to = QualifiedName::new(&from.schema, new_name);
        table.name = to.clone();
        self.catalog.tables.insert(to.clone(), table);
        let pending = std::mem::take(&mut self.constraints);
        for ((table, name), mut constraint) in pending {
            let foreign_key = constraint.foreign_key_mut();
            if let Some(target) = foreign_key.and_then(|key| key.pktable.as_mut()) {
                if relation_name(target) == *from {
                    target.relname = new_name.to_string();
                }
            }
            let table = if table == *from { to.clone() } else { table };
            self.constraints.insert((table, name), constraint);
        }
        for index in self.catalog.indexes.values_mut() {
            if index.table == *from {
                index.table = to.clone();
            }
        }
        for statistics in self.catalog.statistics.values_mut() {
            if statistics.table == *from {
                statistics.table = to.clone();
            }
        }
        // a rule stays on its table, as the server keeps it by the table's OID
        self.catalog.rules = std::mem::take(&mut self.catalog.rules)
            .into_iter()
            .map(|((table, name), rule)| {
                if table == *from {
                    let moved = renamed_rule(&rule, &to, &name);
                    ((to.clone(), name), moved)
                } else {
                    ((table, name), rule)
                }
            })
            .collect();
        for publication in self.catalog.publications.values_mut() {
            for published in &mut publication.tables {
                if published.table == *from {
                    published.table = to.clone();
                }
            }
            publication.tables.sort_by(|a, b| a.table.cmp(&b.table));
        }
        for sequence in self.catalog.sequences.values_mut() {
            if let Some((table, _)) = sequence.owned_by.as_mut() {
                if table == from {
                    *table = to.clone();
                }
            }
        }
        self.catalog.rename_acls(|object| match object {
            AclObject::Table(t) if t == from => Some(AclObject::Table(to.clone())),
            AclObject::Column(t, c) if t == from => Some(AclObject::Column(to.clone(), c.clone())),
            _ => None,
        });
    }

    fn rename_column(&mut self, table_name: &QualifiedName, from: &str, to: &str) {
        let Some(table) = self.catalog.tables.get_mut(table_name) else {
            return;
        };
        let Some(index) = table.columns.get_index_of(from) else {
            return self.error(
                0,
                format!("column `{from}` of `{table_name}` does not exist"),
                "check the column name",
            );
        };
        let (_, mut column) = table
            .columns
            .shift_remove_index(index)
            .expect("index exists");
        column.name = to.to_string();
        table.columns.shift_insert(index, to.to_string(), column);
        // statistics keep their columns by number; expressions are not followed
        for statistics in (self.catalog.statistics.values_mut()).filter(|s| s.table == *table_name)
        {
            (statistics.columns.iter_mut())
                .filter(|c| *c == from)
                .for_each(|c| *c = to.to_string());
            statistics.columns.sort();
        }
        for ((owner, _), constraint) in self.constraints.iter_mut() {
            if owner == table_name {
                constraint.rename_column(from, to);
            }
            let foreign_key = constraint.foreign_key_mut();
            if let Some(key) = foreign_key
                .filter(|key| key.pktable.as_ref().map(relation_name).as_ref() == Some(table_name))
            {
                rename_keys(&mut key.pk_attrs, from, to);
            }
        }
        self.catalog.rename_acls(|object| match object {
            AclObject::Column(t, c) if t == table_name && c == from => {
                Some(AclObject::Column(t.clone(), to.to_string()))
            }
            _ => None,
        });
        let owner = Some((table_name.clone(), from.to_string()));
        for sequence in self.catalog.sequences.values_mut() {
            if sequence.owned_by == owner {
                sequence.owned_by = Some((table_name.clone(), to.to_string()));
            }
        }
    }
}

/// `[schema.]table.name` of a trigger, rule or policy in a DROP: (table, name).
fn table_member(object: &Node) -> (QualifiedName, String) {
    let mut names = names_of(object);
    let name = names.pop().as_ref().and_then(string_of).unwrap_or_default();
    (super::qualified_name(&names), name)
}
