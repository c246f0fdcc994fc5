//! `CREATE STATISTICS` and `ALTER STATISTICS … SET STATISTICS / RENAME / SET SCHEMA`.
//! `DROP` is in `drops.rs`, `COMMENT` in `comments.rs`, `OWNER TO` in `privileges.rs`.

use pg_query::protobuf::{AlterObjectSchemaStmt, AlterStatsStmt, CreateStatsStmt, ObjectType};
use pg_query::NodeEnum;

use super::comments::object_name;
use super::operators::{family_or_class_of, operator_of};
use super::references::Target;
use super::{qualified_name, Builder};
use crate::model::{AclObject, QualifiedName};
use crate::normalize::definitions::relation_name;
use crate::normalize::statistics::{statistics, target};

impl Builder<'_> {
    pub(super) fn create_statistics(&mut self, stmt: &CreateStatsStmt) {
        let Some(statistics) = statistics(stmt) else {
            return self.error(
                0,
                "statistics without a name".to_string(),
                "name the statistics object: `CREATE STATISTICS name ON …`",
            );
        };
        let what = format!("statistics `{}`", statistics.name);
        if self.catalog.statistics.contains_key(&statistics.name) {
            if stmt.if_not_exists {
                return;
            }
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        let table = statistics.table.clone();
        if self.on_unsupported_relation("statistics on a relation not managed", &table) {
            return;
        }
        if self.catalog.foreign_tables.contains_key(&table) {
            // as the live loader lists them
            let name = statistics.name;
            return self.unsupported(
                "statistics on a foreign table",
                Some(name.schema),
                &name.name,
            );
        }
        let on_matview = (self.catalog.views.get(&table)).is_some_and(|v| v.materialized);
        let location = match stmt.relations.first().and_then(|r| r.node.as_ref()) {
            Some(NodeEnum::RangeVar(relation)) => relation.location,
            _ => 0,
        };
        if !self.catalog.tables.contains_key(&table) && !on_matview {
            return self.error(
                location,
                format!("{what} is on `{table}`, which is not created"),
                "create the table or materialized view before its statistics",
            );
        }
        self.check_schema(&statistics.name.schema, 0);
        self.created_at(what.clone(), 0);
        if !on_matview {
            for column in statistics.uses() {
                let column = Target::Column(table.clone(), column.clone());
                self.require(column, location, || format!("{what} uses"));
            }
        }
        for expr in &statistics.expressions {
            self.require_functions_called(expr, location, || format!("{what} calls"));
        }
        let object = AclObject::Statistics(statistics.name.clone());
        (self.catalog.statistics).insert(statistics.name.clone(), statistics);
        self.catalog.set_owner(object, self.current_role.clone());
    }

    pub(super) fn alter_statistics(&mut self, stmt: &AlterStatsStmt) {
        let name = super::qualified_name(&stmt.defnames);
        match self.catalog.statistics.get_mut(&name) {
            Some(statistics) => statistics.target = target(stmt),
            None if stmt.missing_ok => {}
            None => self.not_created(&name, "altered"),
        }
    }

    /// `ALTER STATISTICS old RENAME TO new`, in its schema, with its owner.
    pub(super) fn rename_statistics(&mut self, old: &QualifiedName, new_name: &str) {
        self.move_statistics(old, QualifiedName::new(&old.schema, new_name), "renamed");
    }

    /// `ALTER … SET SCHEMA`: statistics only; other kinds are not modelled moving.
    pub(super) fn set_schema(&mut self, stmt: &AlterObjectSchemaStmt) {
        let name = (stmt.object.as_deref().map(object_name))
            .or_else(|| stmt.relation.as_ref().map(relation_name));
        match (ObjectType::try_from(stmt.object_type), name) {
            (Ok(ObjectType::ObjectStatisticExt), Some(old)) => {
                let new = QualifiedName::new(&stmt.newschema, &old.name);
                self.check_schema(&stmt.newschema, 0);
                self.move_statistics(&old, new, "moved");
            }
            (
                Ok(kind @ (ObjectType::ObjectTsdictionary | ObjectType::ObjectTsconfiguration)),
                Some(old),
            ) => {
                let new = QualifiedName::new(&stmt.newschema, &old.name);
                self.move_text_search_object(kind, &old, new);
            }
            (Ok(ObjectType::ObjectOperator), _) => {
                if let Some(NodeEnum::ObjectWithArgs(object)) =
                    stmt.object.as_deref().and_then(|o| o.node.as_ref())
                {
                    let signature = operator_of(object);
                    let name = qualified_name(&object.objname).name;
                    let object = AclObject::Operator(signature);
                    self.move_operator_object(&object, &stmt.newschema, &name);
                }
            }
            (Ok(kind @ (ObjectType::ObjectOpclass | ObjectType::ObjectOpfamily)), _) => {
                if let Some((old, method)) = stmt.object.as_deref().and_then(family_or_class_of) {
                    let object = if kind == ObjectType::ObjectOpclass {
                        AclObject::OperatorClass(old.clone(), method)
                    } else {
                        AclObject::OperatorFamily(old.clone(), method)
                    };
                    self.move_operator_object(&object, &stmt.newschema, &old.name);
                }
            }
            (kind, name) => {
                let label = kind.map(|k| k.as_str_name()).unwrap_or("object");
                self.unsupported(
                    &format!("SET SCHEMA {label}"),
                    name.as_ref().map(|n| n.schema.clone()),
                    &name.map(|n| n.name).unwrap_or_default(),
                );
            }
        }
    }

    fn move_statistics(&mut self, old: &QualifiedName, new: QualifiedName, done: &str) {
        let Some(mut statistics) = self.catalog.statistics.shift_remove(old) else {
            return self.not_created(old, done);
        };
        statistics.name = new.clone();
        self.catalog.statistics.insert(new.clone(), statistics);
        self.catalog.rename_acls(|object| match object {
            AclObject::Statistics(name) if name == old => Some(AclObject::Statistics(new.clone())),
            _ => None,
        });
    }

    fn not_created(&mut self, name: &QualifiedName, done: &str) {
        self.error(
            0,
            format!("statistics `{name}` is {done} but not created"),
            "check the statistics name",
        );
    }
}
