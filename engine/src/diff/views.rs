//! Views. A view is dropped and created again when its query changes, and also when
//! something it reads changes shape (a column dropped or retyped, a table or view dropped or
//! recreated), since the server refuses those changes while the view exists.

use std::collections::HashSet;

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, QualifiedName};

pub(super) fn diff_views(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    let recreated = recreated_views(catalogs);
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
        diff_comment(
            CommentTarget::View(view.name.clone()),
            Pair::new(&old.comment, &view.comment),
            out,
        );
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

/// Views on both sides that must be dropped and created: their own definition changes, or a
/// relation they read changes shape — transitively, as views read views.
pub(super) fn recreated_views(catalogs: &Pair<&Catalog>) -> HashSet<QualifiedName> {
    let mut affected: HashSet<QualifiedName> = HashSet::new();
    for table in catalogs.from.tables.values() {
        let Some(new) = catalogs.to.tables.get(&table.name) else {
            affected.insert(table.name.clone());
            continue;
        };
        let reshaped = table.columns.values().any(|c| {
            new.columns
                .get(&c.name)
                .is_none_or(|n| n.type_name != c.type_name || n.generated != c.generated)
        });
        if reshaped {
            affected.insert(table.name.clone());
        }
    }
    // a recreated enum converts its columns, which the server refuses under a view
    for (table, _) in super::objects::converted_columns(catalogs) {
        affected.insert(table);
    }
    let mut recreated = HashSet::new();
    for view in catalogs.from.views.values() {
        match catalogs.to.views.get(&view.name) {
            None => {
                affected.insert(view.name.clone());
            }
            Some(new) if new.query != view.query || new.options != view.options => {
                affected.insert(view.name.clone());
                recreated.insert(view.name.clone());
            }
            Some(_) => {}
        }
    }
    loop {
        let before = recreated.len();
        for view in catalogs.from.views.values() {
            if catalogs.to.views.contains_key(&view.name)
                && view.reads.iter().any(|r| affected.contains(r))
                && recreated.insert(view.name.clone())
            {
                affected.insert(view.name.clone());
            }
        }
        if recreated.len() == before {
            return recreated;
        }
    }
}
