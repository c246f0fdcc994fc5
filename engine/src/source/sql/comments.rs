//! `COMMENT ON`.

use pg_query::protobuf::{CommentStmt, ObjectType};
use pg_query::{Node, NodeEnum};

use super::{qualified_name, Builder};
use crate::model::QualifiedName;
pub(super) use crate::normalize::definitions::names_of;
use crate::normalize::definitions::string_of;

impl Builder<'_> {
    pub(super) fn comment(&mut self, stmt: &CommentStmt) {
        let comment = (!stmt.comment.is_empty()).then(|| stmt.comment.clone());
        let object = stmt.object.as_deref();
        let names = object.map(names_of).unwrap_or_default();
        let found = match ObjectType::try_from(stmt.objtype) {
            Ok(ObjectType::ObjectSchema) => {
                let name = object.and_then(string_of).unwrap_or_default();
                self.catalog
                    .schemas
                    .get_mut(&name)
                    .map(|s| s.comment = comment)
            }
            Ok(ObjectType::ObjectExtension) => {
                let name = object.and_then(string_of).unwrap_or_default();
                self.catalog
                    .extensions
                    .get_mut(&name)
                    .map(|e| e.comment = comment)
            }
            Ok(ObjectType::ObjectType | ObjectType::ObjectDomain) => {
                self.type_comment(&qualified_name(&names), comment)
            }
            Ok(ObjectType::ObjectPublication) => {
                let name = object.and_then(string_of).unwrap_or_default();
                self.catalog
                    .publications
                    .get_mut(&name)
                    .map(|p| p.comment = comment)
            }
            Ok(ObjectType::ObjectEventTrigger) => {
                let name = object.and_then(string_of).unwrap_or_default();
                self.catalog
                    .event_triggers
                    .get_mut(&name)
                    .map(|e| e.comment = comment)
            }
            Ok(ObjectType::ObjectForeignTable) => (self.catalog.foreign_tables)
                .get_mut(&qualified_name(&names))
                .map(|t| t.comment = comment),
            Ok(ObjectType::ObjectTsdictionary) => (self.catalog.text_search_dictionaries)
                .get_mut(&qualified_name(&names))
                .map(|d| d.comment = comment),
            Ok(ObjectType::ObjectTsconfiguration) => (self.catalog.text_search_configurations)
                .get_mut(&qualified_name(&names))
                .map(|c| c.comment = comment),
            Ok(ObjectType::ObjectFdw) => {
                let name = object.and_then(string_of).unwrap_or_default();
                (self.catalog.foreign_data_wrappers)
                    .get_mut(&name)
                    .map(|w| w.comment = comment)
            }
            Ok(ObjectType::ObjectSubscription) => {
                let name = object.and_then(string_of).unwrap_or_default();
                (self.catalog.subscriptions)
                    .get_mut(&name)
                    .map(|s| s.comment = comment)
            }
            Ok(ObjectType::ObjectForeignServer) => {
                let name = object.and_then(string_of).unwrap_or_default();
                (self.catalog.foreign_servers)
                    .get_mut(&name)
                    .map(|s| s.comment = comment)
            }
            Ok(ObjectType::ObjectOperator) => match object.and_then(|o| o.node.as_ref()) {
                Some(NodeEnum::ObjectWithArgs(o)) => (self.catalog.operators)
                    .get_mut(&super::operators::operator_of(o))
                    .map(|o| o.comment = comment),
                _ => None,
            },
            Ok(ObjectType::ObjectOpfamily) => object
                .and_then(super::operators::family_or_class_of)
                .and_then(|key| self.catalog.operator_families.get_mut(&key))
                .map(|f| f.comment = comment),
            Ok(ObjectType::ObjectOpclass) => object
                .and_then(super::operators::family_or_class_of)
                .and_then(|key| self.catalog.operator_classes.get_mut(&key))
                .map(|c| c.comment = comment),
            Ok(ObjectType::ObjectCast) => {
                let key = object.map(super::casts::cast_key).unwrap_or_default();
                self.catalog
                    .casts
                    .get_mut(&key)
                    .map(|c| c.comment = comment)
            }
            Ok(ObjectType::ObjectStatisticExt) => (self.catalog.statistics)
                .get_mut(&qualified_name(&names))
                .map(|s| s.comment = comment),
            Ok(ObjectType::ObjectCollation) => self
                .catalog
                .collations
                .get_mut(&qualified_name(&names))
                .map(|c| c.comment = comment),
            Ok(ObjectType::ObjectSequence) => self
                .catalog
                .sequences
                .get_mut(&qualified_name(&names))
                .map(|s| s.comment = comment),
            Ok(ObjectType::ObjectView | ObjectType::ObjectMatview) => self
                .catalog
                .views
                .get_mut(&qualified_name(&names))
                .map(|v| v.comment = comment),
            Ok(ObjectType::ObjectTable) => self
                .catalog
                .tables
                .get_mut(&qualified_name(&names))
                .map(|t| t.comment = comment),
            Ok(ObjectType::ObjectIndex) => {
                let name = qualified_name(&names);
                let backs_constraint = self.constraints.keys().any(|(table, constraint)| {
                    table.schema == name.schema && *constraint == name.name
                });
                if backs_constraint && !self.catalog.indexes.contains_key(&name) {
                    // the index of a primary key or unique constraint is not modelled apart
                    self.unsupported("comment on constraint index", Some(name.schema), &name.name);
                    return;
                }
                self.catalog
                    .indexes
                    .get_mut(&name)
                    .map(|i| i.comment = comment)
            }
            Ok(
                ObjectType::ObjectFunction
                | ObjectType::ObjectProcedure
                | ObjectType::ObjectAggregate,
            ) => {
                let aggregate = stmt.objtype == ObjectType::ObjectAggregate as i32;
                match object.and_then(|o| o.node.as_ref()) {
                    Some(NodeEnum::ObjectWithArgs(o)) => self
                        .catalog
                        .functions
                        .get_mut(&super::functions::signature_of(o, aggregate))
                        .map(|f| f.comment = comment),
                    _ => None,
                }
            }
            Ok(ObjectType::ObjectColumn) => {
                let (table, column) = split_last(&names);
                let relation = qualified_name(&table);
                match self.catalog.views.get_mut(&relation) {
                    Some(view) if view.columns.contains(&column) => {
                        match comment {
                            Some(comment) => view.column_comments.insert(column, comment),
                            None => view.column_comments.remove(&column),
                        };
                        Some(())
                    }
                    _ => self
                        .catalog
                        .tables
                        .get_mut(&relation)
                        .and_then(|t| t.columns.get_mut(&column))
                        .map(|c| c.comment = comment),
                }
            }
            Ok(ObjectType::ObjectTabconstraint) => {
                let (table, constraint) = split_last(&names);
                self.constraints
                    .get_mut(&(qualified_name(&table), constraint))
                    .map(|c| c.comment = comment)
            }
            Ok(ObjectType::ObjectTrigger) => {
                let (table, trigger) = split_last(&names);
                self.catalog
                    .triggers
                    .get_mut(&(qualified_name(&table), trigger))
                    .map(|t| t.comment = comment)
            }
            Ok(ObjectType::ObjectRule) => {
                let (table, rule) = split_last(&names);
                self.catalog
                    .rules
                    .get_mut(&(qualified_name(&table), rule))
                    .map(|r| r.comment = comment)
            }
            Ok(ObjectType::ObjectPolicy) => {
                let (table, policy) = split_last(&names);
                self.catalog
                    .policies
                    .get_mut(&(qualified_name(&table), policy))
                    .map(|p| p.comment = comment)
            }
            _ => {
                let kind = ObjectType::try_from(stmt.objtype)
                    .map(|t| t.as_str_name().trim_start_matches("Object").to_lowercase())
                    .unwrap_or_default();
                self.unsupported(&format!("comment on {kind}"), None, &join(&names));
                return;
            }
        };
        let relation = match names.len() {
            0 => None,
            _ if matches!(
                ObjectType::try_from(stmt.objtype),
                Ok(ObjectType::ObjectColumn
                    | ObjectType::ObjectTabconstraint
                    | ObjectType::ObjectTrigger
                    | ObjectType::ObjectRule
                    | ObjectType::ObjectPolicy)
            ) =>
            {
                Some(qualified_name(&names[..names.len() - 1]))
            }
            _ => Some(qualified_name(&names)),
        };
        if found.is_none()
            && relation.is_some_and(|r| {
                self.on_unsupported_relation("comment on a relation not managed", &r)
            })
        {
            return;
        }
        if found.is_none() {
            self.error(
                0,
                format!(
                    "COMMENT ON an object that is not created: `{}`",
                    join(&names)
                ),
                "create the object before commenting on it, or check its name",
            );
        }
    }
}

impl Builder<'_> {
    /// The comment of an enum, domain, composite or range type.
    fn type_comment(&mut self, name: &QualifiedName, comment: Option<String>) -> Option<()> {
        let catalog = &mut self.catalog;
        let slot = if let Some(t) = catalog.enums.get_mut(name) {
            &mut t.comment
        } else if let Some(t) = catalog.domains.get_mut(name) {
            &mut t.comment
        } else if let Some(t) = catalog.composite_types.get_mut(name) {
            &mut t.comment
        } else {
            &mut catalog.range_types.get_mut(name)?.comment
        };
        *slot = comment;
        Some(())
    }
}

/// `[schema, table, column]` → (`[schema, table]`, `column`).
fn split_last(names: &[Node]) -> (Vec<Node>, String) {
    let last = names.last().and_then(string_of).unwrap_or_default();
    (names[..names.len().saturating_sub(1)].to_vec(), last)
}

fn join(names: &[Node]) -> String {
    names
        .iter()
        .filter_map(string_of)
        .collect::<Vec<_>>()
        .join(".")
}

/// Unused names resolve to `public`, as everywhere in the offline path.
pub(super) fn object_name(node: &Node) -> QualifiedName {
    qualified_name(&names_of(node))
}
