//! Views and materialized views. A view is dropped and created again when its query changes
//! in a way `CREATE OR REPLACE VIEW` cannot follow, and also when something it reads changes
//! shape (a column dropped or retyped, a table or view dropped or recreated), since the
//! server refuses those changes while the view exists. Options change in place.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{AclObject, Catalog, QualifiedName, View};
use crate::normalize::function::relations_used;
use crate::normalize::view::{referenced_columns, replaceable};
use crate::render::ddl::view_comment_target;

/// `recreated`: the [`recreated_views`].
pub(super) fn diff_views(
    catalogs: &Pair<&Catalog>,
    recreated: &HashSet<QualifiedName>,
    out: &mut Vec<Change>,
) {
    for view in catalogs.to.views.values() {
        let Some(old) = catalogs.from.views.get(&view.name) else {
            out.push(Change::CreateView(view.clone()));
            continue;
        };
        if recreated.contains(&view.name) {
            out.push(Change::DropView {
                view: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateView(view.clone()));
            continue;
        }
        let pair = Pair::new(old.clone(), view.clone());
        if old.query != view.query {
            // also sets the options
            out.push(Change::ReplaceView(Box::new(pair.clone())));
        } else if old.options != view.options {
            out.push(Change::AlterViewOptions(Box::new(pair.clone())));
        }
        if old.no_data != view.no_data {
            out.push(Change::RefreshView(Box::new(pair)));
        }
        diff_comment(
            view_comment_target(view),
            Pair::new(&old.comment, &view.comment),
            out,
        );
        // the comments on added columns come with CREATE OR REPLACE
        for column in old.columns.iter().filter(|c| view.columns.contains(c)) {
            diff_comment(
                CommentTarget::Column(view.name.clone(), column.clone()),
                Pair::new(
                    &old.column_comments.get(column).cloned(),
                    &view.column_comments.get(column).cloned(),
                ),
                out,
            );
        }
    }
    for view in catalogs.from.views.values() {
        if !catalogs.to.views.contains_key(&view.name) {
            out.push(Change::DropView {
                view: view.clone(),
                recreated: false,
            });
        }
    }
}

/// Views on both sides that must be dropped and created: their own definition changes
/// beyond what `CREATE OR REPLACE` does, or a relation they read changes shape under them —
/// transitively, as views and materialized views read each other.
pub(super) fn recreated_views(catalogs: &Pair<&Catalog>) -> HashSet<QualifiedName> {
    let mut reshaped = Reshaped::default();
    for table in catalogs.from.tables.values() {
        let Some(new) = catalogs.to.tables.get(&table.name) else {
            reshaped.relations.insert(table.name.clone());
            continue;
        };
        for column in table.columns.values() {
            let changed = new
                .columns
                .get(&column.name)
                .is_none_or(|n| n.type_name != column.type_name || n.generated != column.generated);
            if changed {
                reshaped.column(&table.name, &column.name);
            }
        }
    }
    reshaped
        .relations
        .extend(super::tables::recreated_tables(catalogs));
    // a foreign table dropped or created again, or a column of one dropped or retyped
    let (relations, columns) = super::foreign::reshaped_foreign_tables(catalogs);
    reshaped.relations.extend(relations);
    for (table, column) in columns {
        reshaped.column(&table, &column);
    }
    // a recreated enum converts its columns, which the server refuses under a view
    for (table, column) in super::objects::converted_columns(catalogs) {
        reshaped.column(&table, &column);
    }
    let mut recreated = HashSet::new();
    let used = OnceCell::new();
    let functions = super::objects::recreated_function_names(catalogs);
    for view in catalogs.from.views.values() {
        match catalogs.to.views.get(&view.name) {
            None => {
                reshaped.relations.insert(view.name.clone());
            }
            Some(new)
                if new.materialized != view.materialized
                    || super::objects::calls_any(&view.query, &functions)
                    || (new.query != view.query
                        && !replaced(catalogs, view, new, || {
                            used.get_or_init(|| used_relations(catalogs))
                        })) =>
            {
                reshaped.relations.insert(view.name.clone());
                recreated.insert(view.name.clone());
            }
            Some(_) => {}
        }
    }
    let mut columns_read = HashMap::new();
    loop {
        let before = recreated.len();
        for view in catalogs.from.views.values() {
            if catalogs.to.views.contains_key(&view.name)
                && !recreated.contains(&view.name)
                && reshaped.under(view, &mut columns_read)
                && recreated.insert(view.name.clone())
            {
                reshaped.relations.insert(view.name.clone());
            }
        }
        if recreated.len() == before {
            return recreated;
        }
    }
}

/// What changes shape under the views: whole relations (dropped or recreated), or some
/// columns of a table (dropped, retyped, converted).
#[derive(Default)]
struct Reshaped {
    relations: HashSet<QualifiedName>,
    columns: HashMap<QualifiedName, HashSet<String>>,
}

impl Reshaped {
    fn column(&mut self, table: &QualifiedName, column: &str) {
        self.columns
            .entry(table.clone())
            .or_default()
            .insert(column.to_string());
    }

    /// Whether `view` reads something that changes shape. A column is matched by name over
    /// all the relations the view reads, which may recreate a view that reads a namesake.
    /// `columns_read` keeps each view's columns once worked out.
    fn under<'a>(
        &self,
        view: &'a View,
        columns_read: &mut HashMap<&'a QualifiedName, Option<HashSet<String>>>,
    ) -> bool {
        view.reads.iter().any(|relation| {
            self.relations.contains(relation)
                || self.columns.get(relation).is_some_and(|changed| {
                    columns_read
                        .entry(&view.name)
                        .or_insert_with(|| referenced_columns(view))
                        .as_ref()
                        .is_none_or(|read| changed.iter().any(|c| read.contains(c)))
                })
        })
    }
}

/// `CREATE OR REPLACE VIEW` applies. When it adds columns, its rollback has to drop the view
/// and create the old one, which only works while nothing else uses the view.
fn replaced<'a>(
    catalogs: &Pair<&Catalog>,
    from: &View,
    to: &View,
    used: impl FnOnce() -> &'a HashSet<QualifiedName>,
) -> bool {
    replaceable(from, to)
        && (from.columns == to.columns
            || !(used().contains(&to.name) || carries(catalogs.from, &from.name)))
}

/// Whether grants or triggers hang on the view: a rollback that recreates it would lose them.
fn carries(catalog: &Catalog, name: &QualifiedName) -> bool {
    catalog.privileges.keys().any(|object| match object {
        AclObject::Table(table) | AclObject::Column(table, _) => table == name,
        _ => false,
    }) || catalog.triggers.keys().any(|(table, _)| table == name)
}

/// The relations a view or a function of either catalog uses.
fn used_relations(catalogs: &Pair<&Catalog>) -> HashSet<QualifiedName> {
    let mut used = HashSet::new();
    for catalog in [catalogs.from, catalogs.to] {
        used.extend(catalog.views.values().flat_map(|v| v.reads.iter().cloned()));
        used.extend(catalog.functions.values().flat_map(relations_used));
    }
    used
}

/// Functions on both sides that use the row type of, or read, a recreated view: the server
/// refuses to drop the view under them, so they are dropped first and created after, by
/// signature.
pub(super) fn recreated_functions(
    catalogs: &Pair<&Catalog>,
    views: &HashSet<QualifiedName>,
) -> HashSet<String> {
    catalogs
        .from
        .functions
        .values()
        .filter(|f| catalogs.to.functions.contains_key(&f.signature()))
        .filter(|f| relations_used(f).iter().any(|r| views.contains(r)))
        .map(|f| f.signature())
        .collect()
}
