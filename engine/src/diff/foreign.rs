//! Foreign data wrappers, servers and user mappings. Everything about a wrapper changes in
//! place; a server whose wrapper or type changes is dropped and created (`ALTER SERVER`
//! changes only its version, options, owner and name), and its user mappings and foreign
//! tables with it.

use std::collections::HashSet;

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, QualifiedName};

/// Servers dropped and created: their wrapper or type changes.
fn recreated_servers(catalogs: &Pair<&Catalog>) -> HashSet<String> {
    (catalogs.to.foreign_servers.iter())
        .filter(|(name, server)| {
            catalogs.from.foreign_servers.get(*name).is_some_and(|old| {
                (&old.wrapper, &old.server_type) != (&server.wrapper, &server.server_type)
            })
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// The foreign tables dropped (or dropped and created), and the columns of the others dropped
/// or retyped: the views that read them are rebuilt around the change.
pub(super) fn reshaped_foreign_tables(
    catalogs: &Pair<&Catalog>,
) -> (Vec<QualifiedName>, Vec<(QualifiedName, String)>) {
    let (mut relations, mut columns) = (Vec::new(), Vec::new());
    if catalogs.from.foreign_tables.is_empty() {
        return (relations, columns);
    }
    let recreated = recreated_servers(catalogs);
    for (name, old) in &catalogs.from.foreign_tables {
        match catalogs.to.foreign_tables.get(name) {
            Some(new) if new.server == old.server && !recreated.contains(&new.server) => {
                for column in &old.columns {
                    let kept = new.column(&column.name);
                    if kept.is_none_or(|c| c.type_name != column.type_name) {
                        columns.push((name.clone(), column.name.clone()));
                    }
                }
            }
            _ => relations.push(name.clone()),
        }
    }
    (relations, columns)
}

pub(super) fn diff_foreign(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    let (from, to) = (catalogs.from, catalogs.to);
    for (name, wrapper) in &to.foreign_data_wrappers {
        let Some(old) = from.foreign_data_wrappers.get(name) else {
            out.push(Change::CreateForeignDataWrapper(wrapper.clone()));
            continue;
        };
        let changed = (&old.handler, &old.validator, &old.options)
            != (&wrapper.handler, &wrapper.validator, &wrapper.options);
        if changed {
            out.push(Change::AlterForeignDataWrapper(Pair::boxed(
                old.clone(),
                wrapper.clone(),
            )));
        }
        diff_comment(
            CommentTarget::ForeignDataWrapper(name.clone()),
            Pair::new(&old.comment, &wrapper.comment),
            out,
        );
    }
    let recreated_servers = recreated_servers(catalogs);
    for (name, server) in &to.foreign_servers {
        let Some(old) = from.foreign_servers.get(name) else {
            out.push(Change::CreateForeignServer(server.clone()));
            continue;
        };
        if recreated_servers.contains(name) {
            out.push(Change::DropForeignServer {
                server: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateForeignServer(server.clone()));
            continue;
        }
        if (&old.version, &old.options) != (&server.version, &server.options) {
            out.push(Change::AlterForeignServer(Pair::new(
                old.clone(),
                server.clone(),
            )));
        }
        diff_comment(
            CommentTarget::ForeignServer(name.clone()),
            Pair::new(&old.comment, &server.comment),
            out,
        );
    }
    for (key, mapping) in &to.user_mappings {
        let old = from.user_mappings.get(key);
        match old {
            Some(old) if recreated_servers.contains(&mapping.server) => {
                out.push(Change::DropUserMapping {
                    mapping: old.clone(),
                    recreated: true,
                });
                out.push(Change::CreateUserMapping(mapping.clone()));
            }
            Some(old) if old.options != mapping.options => {
                out.push(Change::AlterUserMapping(Pair::new(
                    old.clone(),
                    mapping.clone(),
                )));
            }
            Some(_) => {}
            None => out.push(Change::CreateUserMapping(mapping.clone())),
        }
    }
    for (key, mapping) in &from.user_mappings {
        if !to.user_mappings.contains_key(key) {
            out.push(Change::DropUserMapping {
                mapping: mapping.clone(),
                recreated: false,
            });
        }
    }
    diff_foreign_tables(catalogs, &recreated_servers, out);
    for (name, server) in &from.foreign_servers {
        if !to.foreign_servers.contains_key(name) {
            out.push(Change::DropForeignServer {
                server: server.clone(),
                recreated: false,
            });
        }
    }
    for (name, wrapper) in &from.foreign_data_wrappers {
        if !to.foreign_data_wrappers.contains_key(name) {
            out.push(Change::DropForeignDataWrapper(wrapper.clone()));
        }
    }
}

/// Foreign tables: columns, their options and `NOT NULL`, and the table's options change in
/// place (`ALTER FOREIGN TABLE`); a new server, or its server dropped and created, drops and
/// creates one.
fn diff_foreign_tables(
    catalogs: &Pair<&Catalog>,
    recreated_servers: &HashSet<String>,
    out: &mut Vec<Change>,
) {
    let (from, to) = (catalogs.from, catalogs.to);
    for (name, table) in &to.foreign_tables {
        let Some(old) = from.foreign_tables.get(name) else {
            out.push(Change::CreateForeignTable(table.clone()));
            continue;
        };
        if old.server != table.server || recreated_servers.contains(&table.server) {
            out.push(Change::DropForeignTable {
                table: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateForeignTable(table.clone()));
            continue;
        }
        // columns dropped go apart, in contract as a table's do: the application may still
        // read them until it is deployed
        let mut kept = table.clone();
        (kept.columns).extend(
            (old.columns.iter())
                .filter(|c| table.column(&c.name).is_none())
                .cloned(),
        );
        if kept != *old {
            out.push(Change::AlterForeignTable(Pair::new(
                old.clone(),
                kept.clone(),
            )));
        }
        if kept != *table {
            out.push(Change::AlterForeignTable(Pair::new(kept, table.clone())));
        }
        diff_comment(
            CommentTarget::ForeignTable(name.clone()),
            Pair::new(&old.comment, &table.comment),
            out,
        );
    }
    for (name, table) in &from.foreign_tables {
        if !to.foreign_tables.contains_key(name) {
            out.push(Change::DropForeignTable {
                table: table.clone(),
                recreated: false,
            });
        }
    }
}
