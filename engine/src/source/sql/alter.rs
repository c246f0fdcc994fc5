//! `ALTER TABLE`, folded into the table it changes.

use pg_query::protobuf::{self, AlterTableCmd, AlterTableStmt, AlterTableType};
use pg_query::NodeEnum;

use super::sequences::apply_options;
use super::tables::{collation_name, compression_method, default_expression};
use super::Builder;
use crate::model::{AclObject, Identity, PartitionOf, QualifiedName, SequenceOptions, Table};
use crate::normalize::definitions::{relation_name, replica_identity, storage_options};
use crate::normalize::types::type_name_text;

impl Builder<'_> {
    pub(super) fn alter_table(&mut self, stmt: &AlterTableStmt) {
        let Some(relation) = &stmt.relation else {
            return;
        };
        let name = relation_name(relation);
        if stmt.objtype == protobuf::ObjectType::ObjectType as i32
            && self.catalog.composite_types.contains_key(&name)
        {
            return self.alter_composite_type(stmt, &name);
        }
        if stmt.objtype != protobuf::ObjectType::ObjectTable as i32 {
            return self.alter_other_relation(stmt, &name);
        }
        if !self.catalog.tables.contains_key(&name) {
            if self.on_unsupported_relation("ALTER of a relation not managed", &name) {
                return;
            }
            if !stmt.missing_ok {
                self.error(
                    relation.location,
                    format!("table `{name}` is altered but not created"),
                    "create the table before altering it",
                );
            }
            return;
        }
        for cmd in &stmt.cmds {
            if let Some(NodeEnum::AlterTableCmd(cmd)) = &cmd.node {
                self.alter_table_cmd(&name, cmd);
                if relation.inh {
                    self.recurse_to_children(&name, cmd);
                }
            }
        }
    }

    /// Column changes without `ONLY` reach partitions and inheritance children, as the
    /// server's recursion does: an added column is inherited (or merged into a child's own
    /// column of that name), a dropped one goes where the child does not declare it.
    fn recurse_to_children(&mut self, parent: &QualifiedName, cmd: &AlterTableCmd) {
        use AlterTableType::*;
        let Ok(subtype) = AlterTableType::try_from(cmd.subtype) else {
            return;
        };
        // the search for children scans every table: only for what reaches them, of a parent
        let recursing = [
            AtAddColumn,
            AtDropColumn,
            AtColumnDefault,
            AtSetNotNull,
            AtDropNotNull,
            AtSetStorage,
            AtAlterColumnType,
        ];
        if !recursing.contains(&subtype) || !self.named_parents.contains(parent) {
            return;
        }
        let children: Vec<QualifiedName> = self
            .catalog
            .tables
            .values()
            .filter(|t| t.parents().any(|p| p == parent))
            .map(|t| t.name.clone())
            .collect();
        for child in children {
            match subtype {
                AtAddColumn => {
                    let Some(NodeEnum::ColumnDef(def)) =
                        cmd.def.as_deref().and_then(|d| d.node.as_ref())
                    else {
                        return;
                    };
                    let Some(column) = self.catalog.tables[parent].columns.get(&def.colname) else {
                        return;
                    };
                    let column = crate::model::Column {
                        inherited: true,
                        identity: None,
                        comment: None,
                        ..column.clone()
                    };
                    let table = self.catalog.tables.get_mut(&child).expect("listed above");
                    if !table.columns.contains_key(&column.name) {
                        let position = table.columns.len();
                        table.columns.insert(
                            column.name.clone(),
                            crate::model::Column { position, ..column },
                        );
                    }
                }
                AtDropColumn => {
                    let inherited = self.catalog.tables[&child]
                        .columns
                        .get(&cmd.name)
                        .is_some_and(|c| c.inherited);
                    if inherited {
                        self.drop_column(&child, &cmd.name);
                    }
                }
                AtColumnDefault | AtSetNotNull | AtDropNotNull | AtSetStorage
                | AtAlterColumnType => self.alter_column(&child, subtype, cmd),
                _ => continue,
            }
            self.recurse_to_children(&child, cmd);
        }
    }

    /// `ALTER SEQUENCE`/`ALTER INDEX`/`ALTER VIEW` spelt as `ALTER TABLE`-like statements.
    fn alter_other_relation(&mut self, stmt: &AlterTableStmt, name: &QualifiedName) {
        for cmd in &stmt.cmds {
            let Some(NodeEnum::AlterTableCmd(cmd)) = &cmd.node else {
                continue;
            };
            if self.alter_view_options(name, cmd) {
                continue;
            }
            if cmd.subtype != AlterTableType::AtChangeOwner as i32 {
                self.unsupported("ALTER of", Some(name.schema.clone()), &name.name);
            } else if self.catalog.sequences.contains_key(name) {
                self.change_owner(AclObject::Sequence(name.clone()), cmd.newowner.as_ref());
            } else if self.catalog.views.contains_key(name) {
                self.change_owner(AclObject::Table(name.clone()), cmd.newowner.as_ref());
            }
            // an index belongs to its table's owner: `ALTER INDEX … OWNER TO` does nothing
        }
    }

    fn alter_table_cmd(&mut self, table_name: &QualifiedName, cmd: &AlterTableCmd) {
        let Ok(subtype) = AlterTableType::try_from(cmd.subtype) else {
            return;
        };
        let def = cmd.def.as_deref().and_then(|d| d.node.as_ref());
        match subtype {
            AlterTableType::AtAddColumn => {
                let Some(NodeEnum::ColumnDef(def)) = def else {
                    return;
                };
                let exists = self.catalog.tables[table_name]
                    .columns
                    .contains_key(&def.colname);
                if exists {
                    if !cmd.missing_ok {
                        self.repeated(
                            format!("column `{}` of `{table_name}`", def.colname),
                            "added",
                            def.location,
                            "remove one of the definitions",
                        );
                    }
                    return;
                }
                let column_name = format!("column `{}` of `{table_name}`", def.colname);
                self.created_at(column_name, def.location);
                let (mut column, constraints) = self.column(table_name, def);
                let table = self
                    .catalog
                    .tables
                    .get_mut(table_name)
                    .expect("checked above");
                column.position = table.columns.len();
                table.columns.insert(column.name.clone(), column);
                self.add_constraints(table_name, constraints);
            }
            AlterTableType::AtDropColumn => self.drop_column(table_name, &cmd.name),
            AlterTableType::AtAddConstraint => {
                if let Some(NodeEnum::Constraint(c)) = def {
                    let mut constraint = (**c).clone();
                    if !constraint.indexname.is_empty() {
                        self.adopt_index(table_name, &mut constraint);
                    }
                    self.add_constraints(table_name, vec![constraint]);
                }
            }
            AlterTableType::AtDropConstraint => {
                let key = (table_name.clone(), cmd.name.clone());
                if self.constraints.shift_remove(&key).is_some() {
                    self.names.release(&table_name.schema, &cmd.name);
                } else if !cmd.missing_ok {
                    self.error(
                        0,
                        format!("constraint `{}` of `{table_name}` does not exist", cmd.name),
                        "check the constraint name",
                    );
                }
            }
            AlterTableType::AtValidateConstraint => {
                if let Some(c) = self
                    .constraints
                    .get_mut(&(table_name.clone(), cmd.name.clone()))
                {
                    c.validate();
                }
            }
            AlterTableType::AtSetLogged | AlterTableType::AtSetUnLogged => {
                let table = self
                    .catalog
                    .tables
                    .get_mut(table_name)
                    .expect("checked above");
                table.unlogged = subtype == AlterTableType::AtSetUnLogged;
            }
            AlterTableType::AtChangeOwner => {
                self.change_owner(AclObject::Table(table_name.clone()), cmd.newowner.as_ref());
            }
            AlterTableType::AtSetRelOptions | AlterTableType::AtResetRelOptions => {
                let Some(NodeEnum::List(list)) = def else {
                    return;
                };
                let given = storage_options(&list.items);
                let table = self
                    .catalog
                    .tables
                    .get_mut(table_name)
                    .expect("checked above");
                let key = |option: &String| option.split('=').next().unwrap_or("").to_string();
                let names: Vec<String> = if subtype == AlterTableType::AtResetRelOptions {
                    list.items
                        .iter()
                        .filter_map(|o| match &o.node {
                            Some(NodeEnum::DefElem(d)) => Some(d.defname.clone()),
                            _ => None,
                        })
                        .collect()
                } else {
                    given.iter().map(key).collect()
                };
                table.options.retain(|o| !names.contains(&key(o)));
                if subtype == AlterTableType::AtSetRelOptions {
                    table.options.extend(given);
                }
                table.options.sort();
            }
            AlterTableType::AtReplicaIdentity => {
                if let Some(NodeEnum::ReplicaIdentityStmt(stmt)) = def {
                    let table = self
                        .catalog
                        .tables
                        .get_mut(table_name)
                        .expect("checked above");
                    table.replica_identity = replica_identity(stmt);
                }
            }
            AlterTableType::AtAttachPartition | AlterTableType::AtDetachPartition => {
                let Some(NodeEnum::PartitionCmd(partition)) = def else {
                    return;
                };
                let Some(child) = partition.name.as_ref().map(relation_name) else {
                    return;
                };
                let bound = partition.bound.as_ref().map(|bound| PartitionOf {
                    parent: table_name.clone(),
                    bound: crate::normalize::partitioning::bound_of(bound),
                });
                let attach = subtype == AlterTableType::AtAttachPartition;
                self.set_parent(&child, attach, |table| table.partition_of = bound);
            }
            AlterTableType::AtAddInherit | AlterTableType::AtDropInherit => {
                let Some(NodeEnum::RangeVar(parent)) = def else {
                    return;
                };
                let parent = relation_name(parent);
                let inherit = subtype == AlterTableType::AtAddInherit;
                self.set_parent(table_name, inherit, |table| {
                    table.inherits.retain(|p| *p != parent);
                    if inherit {
                        table.inherits.push(parent);
                    }
                });
            }
            _ if self.alter_table_security(table_name, subtype, &cmd.name) => {}
            _ if self.alter_table_rule(table_name, subtype, &cmd.name) => {}
            AlterTableType::AtColumnDefault
            | AlterTableType::AtSetNotNull
            | AlterTableType::AtDropNotNull
            | AlterTableType::AtAlterColumnType
            | AlterTableType::AtAddIdentity
            | AlterTableType::AtSetIdentity
            | AlterTableType::AtDropIdentity
            | AlterTableType::AtDropExpression
            | AlterTableType::AtSetStorage
            | AlterTableType::AtSetCompression => self.alter_column(table_name, subtype, cmd),
            _ => {
                let what = subtype.as_str_name().trim_start_matches("At");
                self.unsupported(
                    &format!("ALTER TABLE {what}"),
                    Some(table_name.schema.clone()),
                    &table_name.name,
                );
            }
        }
    }

    /// Attaches a table to a parent or detaches it, and marks its columns as the server
    /// does: attaching a partition makes its columns inherited, detaching (or `NO INHERIT`)
    /// makes them its own, `INHERIT` leaves a child's columns its own.
    fn set_parent(&mut self, child: &QualifiedName, attach: bool, link: impl FnOnce(&mut Table)) {
        let Some(table) = self.catalog.tables.get_mut(child) else {
            return self.error(
                0,
                format!("table `{child}` is attached or detached but not created"),
                "create the table first",
            );
        };
        link(table);
        self.named_parents.extend(table.parents().cloned());
        let parent = table.partition_of.as_ref().map(|p| p.parent.clone());
        let parent_columns: Vec<String> = parent
            .and_then(|p| self.catalog.tables.get(&p))
            .map(|p| p.columns.keys().cloned().collect())
            .unwrap_or_default();
        let table = self.catalog.tables.get_mut(child).expect("checked above");
        for column in table.columns.values_mut() {
            if !attach {
                column.inherited = false;
            } else if parent_columns.contains(&column.name) {
                column.inherited = true;
            }
        }
    }

    fn alter_column(
        &mut self,
        table_name: &QualifiedName,
        subtype: AlterTableType,
        cmd: &AlterTableCmd,
    ) {
        let def = cmd.def.as_deref().and_then(|d| d.node.as_ref()).cloned();
        let keyword = match &def {
            Some(NodeEnum::String(s)) => s.sval.clone(),
            _ => String::new(),
        };
        let type_name = (self.catalog.tables[table_name].columns.get(&cmd.name))
            .map(|c| c.type_name.clone())
            .unwrap_or_default();
        let storage = self.storage(&keyword, &type_name);
        let table = self
            .catalog
            .tables
            .get_mut(table_name)
            .expect("checked by caller");
        let Some(column) = table.columns.get_mut(&cmd.name) else {
            return self.error(
                0,
                format!("column `{}` of `{table_name}` does not exist", cmd.name),
                "check the column name",
            );
        };
        match (subtype, def) {
            (AlterTableType::AtColumnDefault, def) => {
                column.default = def.and_then(|node| {
                    default_expression(&pg_query::Node { node: Some(node) }, &column.type_name)
                });
            }
            (AlterTableType::AtSetNotNull, _) => column.not_null = true,
            (AlterTableType::AtDropNotNull, _) => column.not_null = false,
            (AlterTableType::AtSetStorage, _) => column.storage = storage,
            (AlterTableType::AtSetCompression, _) => {
                column.compression = compression_method(&keyword)
            }
            (AlterTableType::AtAlterColumnType, Some(NodeEnum::ColumnDef(def))) => {
                // the new type brings its own storage and the default compression
                column.storage = None;
                column.compression = None;
                column.type_name = def
                    .type_name
                    .as_ref()
                    .map(type_name_text)
                    .unwrap_or_default();
                column.collation = def
                    .coll_clause
                    .as_ref()
                    .and_then(|c| collation_name(&c.collname));
            }
            (AlterTableType::AtAddIdentity, Some(NodeEnum::Constraint(c))) => {
                let base = SequenceOptions::defaults(&column.type_name, 1);
                column.identity = Some(Box::new(Identity {
                    always: c.generated_when == "a",
                    options: apply_options(&base, &c.options),
                }));
                column.not_null = true;
            }
            (AlterTableType::AtSetIdentity, Some(NodeEnum::List(list))) => {
                if let Some(identity) = column.identity.as_mut() {
                    for item in &list.items {
                        if let Some(NodeEnum::DefElem(option)) = &item.node {
                            if option.defname == "generated" {
                                if let Some(NodeEnum::Integer(i)) =
                                    option.arg.as_ref().and_then(|a| a.node.as_ref())
                                {
                                    identity.always = i.ival == 'a' as i32;
                                }
                            }
                        }
                    }
                    identity.options = apply_options(&identity.options, &list.items);
                }
            }
            (AlterTableType::AtDropIdentity, _) => column.identity = None,
            (AlterTableType::AtDropExpression, _) => column.generated = None,
            _ => {}
        }
    }

    /// `ADD CONSTRAINT … USING INDEX i`: the index becomes the constraint's, under the
    /// constraint's name (or the index's, when the constraint has none).
    fn adopt_index(&mut self, table: &QualifiedName, constraint: &mut protobuf::Constraint) {
        let index_name = QualifiedName::new(&table.schema, &constraint.indexname);
        let Some(stmt) = self.index_statements.shift_remove(&index_name) else {
            return self.error(
                constraint.location,
                format!("index `{index_name}` used by a constraint is not created"),
                "create the index before the constraint that uses it",
            );
        };
        self.catalog.indexes.shift_remove(&index_name);
        self.names.release(&index_name.schema, &index_name.name);
        if constraint.conname.is_empty() {
            constraint.conname = index_name.name.clone();
        }
        constraint.keys = column_nodes(&stmt.index_params);
        constraint.including = column_nodes(&stmt.index_including_params);
        constraint.indexname = String::new();
        if constraint.contype == protobuf::ConstrType::ConstrPrimary as i32 {
            let columns: Vec<String> = constraint
                .keys
                .iter()
                .filter_map(crate::normalize::definitions::string_of)
                .collect();
            if let Some(table) = self.catalog.tables.get_mut(table) {
                for column in columns {
                    if let Some(column) = table.columns.get_mut(&column) {
                        column.not_null = true;
                    }
                }
            }
        }
    }

    /// Dropping a column drops the constraints, indexes and statistics that use it, as the
    /// server does.
    pub(super) fn drop_column(&mut self, table_name: &QualifiedName, column: &str) {
        // the server refuses to drop a column a publication's column list or row filter uses
        let publisher = self.catalog.publications.values().find(|p| {
            p.table(table_name).is_some_and(|t| {
                let mut named = t.columns.iter().flatten().chain(&t.filter_columns);
                named.any(|c| c == column)
            })
        });
        if let Some(publication) = publisher {
            let message = format!(
                "column `{column}` of `{table_name}` is dropped while publication `{}` uses it",
                publication.name
            );
            return self.error(
                0,
                message,
                "take the table out of the publication, or the column out of its column list and row filter, first",
            );
        }
        let Some(table) = self.catalog.tables.get_mut(table_name) else {
            return;
        };
        if table.columns.shift_remove(column).is_none() {
            return self.error(
                0,
                format!("column `{column}` of `{table_name}` does not exist"),
                "check the column name",
            );
        }
        // positions count the columns that remain, as attnum order without dropped ones
        for (position, column) in table.columns.values_mut().enumerate() {
            column.position = position;
        }
        (self.constraints).retain(|(owner, _), c| owner != table_name || !c.uses(column));
        self.catalog.indexes.retain(|_, index| {
            index.table != *table_name || !index.columns.iter().any(|c| c == column)
        });
        (self.catalog.statistics)
            .retain(|_, s| s.table != *table_name || !s.uses().any(|c| c == column));
        // a sequence owned by the column goes with it
        let owner = Some((table_name.clone(), column.to_string()));
        self.catalog.sequences.retain(|_, s| s.owned_by != owner);
    }
}

/// The plain column elements of an index, as the `String` nodes a constraint's keys are.
fn column_nodes(params: &[pg_query::Node]) -> Vec<pg_query::Node> {
    params
        .iter()
        .filter_map(|p| match &p.node {
            Some(NodeEnum::IndexElem(e)) => Some(pg_query::Node {
                node: Some(NodeEnum::String(protobuf::String {
                    sval: e.name.clone(),
                })),
            }),
            _ => None,
        })
        .collect()
}
