//! `CREATE`/`ALTER FOREIGN DATA WRAPPER`, `CREATE`/`ALTER SERVER` and `CREATE`/`ALTER`/`DROP
//! USER MAPPING`. `DROP` and `RENAME` of wrappers and servers are in `drops.rs`, `COMMENT` in
//! `comments.rs`, `OWNER TO` in `privileges.rs`. `CREATE`/`ALTER FOREIGN TABLE`; its `DROP` is
//! in `drops.rs`.

use pg_query::protobuf::{
    AlterFdwStmt, AlterForeignServerStmt, AlterTableCmd, AlterTableStmt, AlterTableType,
    AlterUserMappingStmt, ColumnDef, ConstrType, CreateFdwStmt, CreateForeignServerStmt,
    CreateForeignTableStmt, CreateUserMappingStmt, DefElemAction, DropUserMappingStmt, RoleSpec,
    RoleSpecType,
};
use pg_query::{Node, NodeEnum};

use super::references::Target;
use super::Builder;
use crate::model::{
    AclObject, ForeignColumn, ForeignDataWrapper, ForeignOptions, ForeignServer, ForeignTable,
    MappedUser, QualifiedName, UserMapping,
};
use crate::normalize::definitions::{relation_name, string_of};
use crate::normalize::expr::to_json;
use crate::normalize::function::function_name;
use crate::normalize::types::canonical_type;

/// `OPTIONS (…)` applied to `options`: plain (as `CREATE` gives them), `ADD`, `SET` or `DROP`.
/// Returns the problem of an option added twice, set or dropped but missing.
fn apply_options(options: &mut ForeignOptions, list: &[Node]) -> Option<String> {
    for node in list {
        let Some(NodeEnum::DefElem(option)) = &node.node else {
            continue;
        };
        let name = option.defname.clone();
        let value = option
            .arg
            .as_deref()
            .and_then(string_of)
            .unwrap_or_default();
        let present = options.0.contains_key(&name);
        match DefElemAction::try_from(option.defaction) {
            Ok(DefElemAction::DefelemDrop) if present => {
                options.0.remove(&name);
            }
            Ok(DefElemAction::DefelemSet) if present => {
                options.0.insert(name, value);
            }
            Ok(DefElemAction::DefelemDrop | DefElemAction::DefelemSet) => {
                return Some(format!("option `{name}` is not set"));
            }
            _ if present => return Some(format!("option `{name}` is given twice")),
            _ => {
                options.0.insert(name, value);
            }
        }
    }
    None
}

/// `HANDLER f`, `NO HANDLER`, `VALIDATOR f`, `NO VALIDATOR` as (name, function).
fn function_options(list: &[Node]) -> Vec<(String, Option<QualifiedName>)> {
    (list.iter())
        .filter_map(|node| match &node.node {
            Some(NodeEnum::DefElem(option)) => Some(option),
            _ => None,
        })
        .map(|option| {
            let function = match option.arg.as_deref().and_then(|a| a.node.as_ref()) {
                Some(NodeEnum::List(names)) => Some(function_name(&names.items)),
                _ => None,
            };
            (option.defname.clone(), function)
        })
        .collect()
}

/// The user of a mapping: `CURRENT_USER`, `CURRENT_ROLE` and `SESSION_USER` are the role
/// that runs the file, `USER` too.
fn mapped_user(role: Option<&RoleSpec>) -> MappedUser {
    let Some(role) = role else {
        return MappedUser::Current;
    };
    match RoleSpecType::try_from(role.roletype) {
        Ok(RoleSpecType::RolespecPublic) => MappedUser::Public,
        Ok(RoleSpecType::RolespecCstring) => MappedUser::Role(role.rolename.clone()),
        _ => MappedUser::Current,
    }
}

impl Builder<'_> {
    pub(super) fn create_wrapper(&mut self, stmt: &CreateFdwStmt) {
        let what = format!("foreign data wrapper `{}`", stmt.fdwname);
        if self
            .catalog
            .foreign_data_wrappers
            .contains_key(&stmt.fdwname)
        {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        let mut wrapper = ForeignDataWrapper {
            name: stmt.fdwname.clone(),
            handler: None,
            validator: None,
            options: ForeignOptions::default(),
            comment: None,
        };
        for (option, function) in function_options(&stmt.func_options) {
            if let Some(function) = &function {
                self.require(Target::Function(function.clone()), 0, || {
                    format!("{what} calls")
                });
            }
            match option.as_str() {
                "handler" => wrapper.handler = function,
                _ => wrapper.validator = function,
            }
        }
        if let Some(problem) = apply_options(&mut wrapper.options, &stmt.options) {
            return self.error(0, format!("{what}: {problem}"), "give each option once");
        }
        self.created_at(what, 0);
        let object = AclObject::ForeignDataWrapper(wrapper.name.clone());
        self.catalog
            .foreign_data_wrappers
            .insert(wrapper.name.clone(), wrapper);
        self.catalog.set_owner(object, self.current_role.clone());
    }

    pub(super) fn alter_wrapper(&mut self, stmt: &AlterFdwStmt) {
        let what = format!("foreign data wrapper `{}`", stmt.fdwname);
        let Some(wrapper) = self.catalog.foreign_data_wrappers.get_mut(&stmt.fdwname) else {
            return self.error(
                0,
                format!("{what} is altered but not created"),
                "create the foreign data wrapper before altering it",
            );
        };
        for (option, function) in function_options(&stmt.func_options) {
            match option.as_str() {
                "handler" => wrapper.handler = function,
                _ => wrapper.validator = function,
            }
        }
        if let Some(problem) = apply_options(&mut wrapper.options, &stmt.options) {
            self.error(
                0,
                format!("{what}: {problem}"),
                "ADD an option that is not set, SET or DROP one that is",
            );
        }
    }

    pub(super) fn create_server(&mut self, stmt: &CreateForeignServerStmt) {
        let what = format!("server `{}`", stmt.servername);
        if self.catalog.foreign_servers.contains_key(&stmt.servername) {
            if stmt.if_not_exists {
                return;
            }
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        self.require(Target::ForeignDataWrapper(stmt.fdwname.clone()), 0, || {
            format!("{what} uses")
        });
        let mut server = ForeignServer {
            name: stmt.servername.clone(),
            wrapper: stmt.fdwname.clone(),
            server_type: (!stmt.servertype.is_empty()).then(|| stmt.servertype.clone()),
            version: (!stmt.version.is_empty()).then(|| stmt.version.clone()),
            options: ForeignOptions::default(),
            comment: None,
        };
        if let Some(problem) = apply_options(&mut server.options, &stmt.options) {
            return self.error(0, format!("{what}: {problem}"), "give each option once");
        }
        self.created_at(what, 0);
        let object = AclObject::ForeignServer(server.name.clone());
        self.catalog
            .foreign_servers
            .insert(server.name.clone(), server);
        self.catalog.set_owner(object, self.current_role.clone());
    }

    pub(super) fn alter_server(&mut self, stmt: &AlterForeignServerStmt) {
        let what = format!("server `{}`", stmt.servername);
        let Some(server) = self.catalog.foreign_servers.get_mut(&stmt.servername) else {
            return self.error(
                0,
                format!("{what} is altered but not created"),
                "create the server before altering it",
            );
        };
        if stmt.has_version {
            server.version = (!stmt.version.is_empty()).then(|| stmt.version.clone());
        }
        if let Some(problem) = apply_options(&mut server.options, &stmt.options) {
            self.error(
                0,
                format!("{what}: {problem}"),
                "ADD an option that is not set, SET or DROP one that is",
            );
        }
    }

    pub(super) fn create_user_mapping(&mut self, stmt: &CreateUserMappingStmt) {
        let mut mapping = UserMapping {
            user: mapped_user(stmt.user.as_ref()),
            server: stmt.servername.clone(),
            options: ForeignOptions::default(),
        };
        let what = mapping.describe();
        let key = (mapping.server.clone(), mapping.user.clone());
        if self.catalog.user_mappings.contains_key(&key) {
            if stmt.if_not_exists {
                return;
            }
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        if !self.catalog.foreign_servers.contains_key(&mapping.server) {
            return self.error(
                0,
                format!(
                    "{what} names server `{}`, which does not exist",
                    mapping.server
                ),
                "create the server before its user mappings",
            );
        }
        if let Some(problem) = apply_options(&mut mapping.options, &stmt.options) {
            return self.error(0, format!("{what}: {problem}"), "give each option once");
        }
        self.created_at(what, 0);
        self.catalog.user_mappings.insert(key, mapping);
    }

    pub(super) fn alter_user_mapping(&mut self, stmt: &AlterUserMappingStmt) {
        let key = (stmt.servername.clone(), mapped_user(stmt.user.as_ref()));
        let Some(mapping) = self.catalog.user_mappings.get_mut(&key) else {
            return self.error(
                0,
                format!(
                    "user mapping for `{}` on server `{}` is altered but not created",
                    key.1, key.0
                ),
                "create the user mapping before altering it",
            );
        };
        let what = mapping.describe();
        if let Some(problem) = apply_options(&mut mapping.options, &stmt.options) {
            self.error(
                0,
                format!("{what}: {problem}"),
                "ADD an option that is not set, SET or DROP one that is",
            );
        }
    }

    pub(super) fn drop_user_mapping(&mut self, stmt: &DropUserMappingStmt) {
        let key = (stmt.servername.clone(), mapped_user(stmt.user.as_ref()));
        if self.catalog.user_mappings.shift_remove(&key).is_none() && !stmt.missing_ok {
            self.error(
                0,
                format!(
                    "DROP of user mapping for `{}` on server `{}`, which is not created",
                    key.1, key.0
                ),
                "remove the DROP, or add IF EXISTS",
            );
        }
    }

    /// `DROP SERVER`: with its user mappings only under `CASCADE`, as the server refuses
    /// otherwise.
    pub(super) fn drop_server(&mut self, name: &str, cascade: bool) -> bool {
        if self.catalog.foreign_servers.shift_remove(name).is_none() {
            return false;
        }
        let mapped = self.catalog.user_mappings.keys().any(|(s, _)| s == name);
        let tables = self
            .catalog
            .foreign_tables
            .values()
            .any(|t| t.server == name);
        if (mapped || tables) && !cascade {
            self.error(
                0,
                format!("server `{name}` is dropped while user mappings or foreign tables use it"),
                "drop them first, or add CASCADE",
            );
        }
        self.catalog.user_mappings.retain(|(s, _), _| s != name);
        self.catalog.foreign_tables.retain(|_, t| t.server != name);
        true
    }

    /// `DROP FOREIGN DATA WRAPPER`: refused while servers use it, unless `CASCADE`.
    pub(super) fn drop_wrapper(&mut self, name: &str, cascade: bool) -> bool {
        if self
            .catalog
            .foreign_data_wrappers
            .shift_remove(name)
            .is_none()
        {
            return false;
        }
        let servers: Vec<String> = (self.catalog.foreign_servers.values())
            .filter(|s| s.wrapper == name)
            .map(|s| s.name.clone())
            .collect();
        if !servers.is_empty() && !cascade {
            self.error(
                0,
                format!("foreign data wrapper `{name}` is dropped while servers use it"),
                "drop its servers first, or add CASCADE",
            );
        }
        for server in servers {
            self.drop_server(&server, true);
        }
        true
    }

    /// `ALTER FOREIGN DATA WRAPPER | SERVER old RENAME TO new`, with what names it.
    pub(super) fn rename_foreign(&mut self, server: bool, old: &str, new: &str) {
        let renamed = if server {
            self.catalog.foreign_servers.shift_remove(old).map(|mut s| {
                s.name = new.to_string();
                self.catalog.foreign_servers.insert(new.to_string(), s);
                let mappings = std::mem::take(&mut self.catalog.user_mappings);
                self.catalog.user_mappings = (mappings.into_iter())
                    .map(|((s, user), mut m)| {
                        if s == old {
                            m.server = new.to_string();
                        }
                        ((m.server.clone(), user), m)
                    })
                    .collect();
                for table in self.catalog.foreign_tables.values_mut() {
                    if table.server == old {
                        table.server = new.to_string();
                    }
                }
            })
        } else {
            self.catalog
                .foreign_data_wrappers
                .shift_remove(old)
                .map(|mut w| {
                    w.name = new.to_string();
                    self.catalog
                        .foreign_data_wrappers
                        .insert(new.to_string(), w);
                    for s in self.catalog.foreign_servers.values_mut() {
                        if s.wrapper == old {
                            s.wrapper = new.to_string();
                        }
                    }
                })
        };
        let kind = if server {
            "server"
        } else {
            "foreign data wrapper"
        };
        if renamed.is_none() {
            return self.error(
                0,
                format!("{kind} `{old}` is renamed but not created"),
                "check the name",
            );
        }
        self.catalog.rename_acls(|object| match object {
            AclObject::ForeignServer(name) if server && name == old => {
                Some(AclObject::ForeignServer(new.to_string()))
            }
            AclObject::ForeignDataWrapper(name) if !server && name == old => {
                Some(AclObject::ForeignDataWrapper(new.to_string()))
            }
            _ => None,
        });
    }
}

/// A foreign table's column: its type as `format_type` prints it, `NOT NULL` and options.
fn foreign_column(def: &ColumnDef) -> (ForeignColumn, Option<String>) {
    let mut column = ForeignColumn {
        name: def.colname.clone(),
        type_name: canonical_type(&to_json(&def.type_name)),
        not_null: def.is_not_null,
        options: ForeignOptions::default(),
    };
    for constraint in &def.constraints {
        if let Some(NodeEnum::Constraint(c)) = &constraint.node {
            match ConstrType::try_from(c.contype) {
                Ok(ConstrType::ConstrNotnull) => column.not_null = true,
                Ok(ConstrType::ConstrNull) => column.not_null = false,
                _ => {
                    let problem = format!(
                        "column `{}` has a default or constraint, which foreign tables do not model yet",
                        column.name
                    );
                    return (column, Some(problem));
                }
            }
        }
    }
    let problem = apply_options(&mut column.options, &def.fdwoptions);
    (column, problem)
}

impl Builder<'_> {
    pub(super) fn create_foreign_table(&mut self, stmt: &CreateForeignTableStmt) {
        let Some(relation) = stmt.base_stmt.as_ref().and_then(|b| b.relation.as_ref()) else {
            return;
        };
        let name = relation_name(relation);
        let what = format!("foreign table `{name}`");
        if self.catalog.foreign_tables.contains_key(&name) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        if !self.catalog.foreign_servers.contains_key(&stmt.servername) {
            return self.error(
                relation.location,
                format!(
                    "{what} names server `{}`, which does not exist",
                    stmt.servername
                ),
                "create the server before its foreign tables",
            );
        }
        let mut table = ForeignTable {
            name: name.clone(),
            columns: Vec::new(),
            server: stmt.servername.clone(),
            options: ForeignOptions::default(),
            comment: None,
        };
        let elements = stmt.base_stmt.iter().flat_map(|b| &b.table_elts);
        for element in elements {
            let Some(NodeEnum::ColumnDef(def)) = &element.node else {
                return self.error(
                    relation.location,
                    format!("{what} has a table constraint, which foreign tables do not model yet"),
                    "leave the constraint out",
                );
            };
            let (column, problem) = foreign_column(def);
            if let Some(problem) = problem {
                return self.error(def.location, format!("{what}: {problem}"), "leave it out");
            }
            table.columns.push(column);
        }
        if let Some(problem) = apply_options(&mut table.options, &stmt.options) {
            return self.error(0, format!("{what}: {problem}"), "give each option once");
        }
        self.created_at(what, 0);
        self.catalog.foreign_tables.insert(name.clone(), table);
        self.catalog
            .set_owner(AclObject::Table(name), self.current_role.clone());
    }

    /// `ALTER FOREIGN TABLE`: columns added, dropped, retyped, `SET`/`DROP NOT NULL`, column
    /// and table options, `OWNER TO`.
    pub(super) fn alter_foreign_table(&mut self, stmt: &AlterTableStmt) {
        let Some(relation) = &stmt.relation else {
            return;
        };
        let name = relation_name(relation);
        let what = format!("foreign table `{name}`");
        if !self.catalog.foreign_tables.contains_key(&name) {
            if !stmt.missing_ok {
                self.error(
                    relation.location,
                    format!("{what} is altered but not created"),
                    "create the foreign table before altering it",
                );
            }
            return;
        }
        for cmd in &stmt.cmds {
            let Some(NodeEnum::AlterTableCmd(cmd)) = &cmd.node else {
                continue;
            };
            if let Err(problem) = self.alter_foreign_table_cmd(&name, cmd) {
                self.error(
                    relation.location,
                    format!("{what}: {problem}"),
                    "check the column names",
                );
            }
        }
    }

    fn alter_foreign_table_cmd(
        &mut self,
        name: &QualifiedName,
        cmd: &AlterTableCmd,
    ) -> Result<(), String> {
        use AlterTableType::*;
        if cmd.subtype == AtChangeOwner as i32 {
            self.change_owner(AclObject::Table(name.clone()), cmd.newowner.as_ref());
            return Ok(());
        }
        let table = (self.catalog.foreign_tables.get_mut(name)).expect("checked by the caller");
        let def = cmd.def.as_deref().and_then(|d| d.node.as_ref());
        let column = table.columns.iter().position(|c| c.name == cmd.name);
        let missing = || format!("column `{}` does not exist", cmd.name);
        match (AlterTableType::try_from(cmd.subtype), def) {
            (Ok(AtAddColumn), Some(NodeEnum::ColumnDef(def))) => {
                let (column, problem) = foreign_column(def);
                if let Some(problem) = problem {
                    return Err(problem);
                }
                table.columns.push(column);
            }
            (Ok(AtDropColumn), _) => match column {
                Some(i) => {
                    table.columns.remove(i);
                }
                None if cmd.missing_ok => {}
                None => return Err(missing()),
            },
            (Ok(AtAlterColumnType), Some(NodeEnum::ColumnDef(def))) => {
                let i = column.ok_or_else(missing)?;
                table.columns[i].type_name = canonical_type(&to_json(&def.type_name));
            }
            (Ok(AtSetNotNull | AtDropNotNull), _) => {
                let i = column.ok_or_else(missing)?;
                table.columns[i].not_null = cmd.subtype == AtSetNotNull as i32;
            }
            (Ok(AtAlterColumnGenericOptions), Some(NodeEnum::List(list))) => {
                let i = column.ok_or_else(missing)?;
                if let Some(problem) = apply_options(&mut table.columns[i].options, &list.items) {
                    return Err(problem);
                }
            }
            (Ok(AtGenericOptions), Some(NodeEnum::List(list))) => {
                if let Some(problem) = apply_options(&mut table.options, &list.items) {
                    return Err(problem);
                }
            }
            _ => self.unsupported(
                "ALTER FOREIGN TABLE of",
                Some(name.schema.clone()),
                &name.name,
            ),
        }
        Ok(())
    }
}
