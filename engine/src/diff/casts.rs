//! Casts: created or dropped. There is no `ALTER CAST`: a new method, function or context
//! drops and creates one, and so does its function or one of its types being dropped and
//! created (the server refuses to drop them under it).

use std::collections::HashSet;

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Cast, Catalog};

/// `changes` are those of the other kinds, which say what is dropped and created.
pub(super) fn diff_casts(catalogs: &Pair<&Catalog>, changes: &[Change], out: &mut Vec<Change>) {
    if catalogs.from.casts.is_empty() && catalogs.to.casts.is_empty() {
        return;
    }
    let recreated = Recreated::find(catalogs.to, changes);
    for (key, cast) in &catalogs.to.casts {
        let Some(old) = catalogs.from.casts.get(key) else {
            out.push(Change::CreateCast(cast.clone()));
            continue;
        };
        let redefined = (&old.method, old.context) != (&cast.method, cast.context);
        if redefined || recreated.reaches(old) {
            out.push(Change::DropCast {
                cast: old.clone(),
                recreated: true,
            });
            out.push(Change::CreateCast(cast.clone()));
            continue;
        }
        diff_comment(
            CommentTarget::Cast(key.0.clone(), key.1.clone()),
            Pair::new(&old.comment, &cast.comment),
            out,
        );
    }
    for (key, cast) in &catalogs.from.casts {
        if !catalogs.to.casts.contains_key(key) {
            out.push(Change::DropCast {
                cast: cast.clone(),
                recreated: false,
            });
        }
    }
}

/// The functions (by signature) and types (as `format_type` prints them) that the plan
/// drops and creates again, or converts to a new type of the same name.
pub(super) struct Recreated {
    pub(super) functions: HashSet<String>,
    pub(super) types: HashSet<String>,
}

impl Recreated {
    pub(super) fn find(to: &Catalog, changes: &[Change]) -> Recreated {
        let mut functions = HashSet::new();
        let mut types = HashSet::new();
        for change in changes {
            match change {
                Change::DropFunction(f) if to.functions.contains_key(&f.signature()) => {
                    functions.insert(f.signature());
                }
                Change::RecreateEnum { enum_type, .. } => {
                    types.insert(enum_type.from.name.type_display());
                }
                Change::DropEnum(t) if to.enums.contains_key(&t.name) => {
                    types.insert(t.name.type_display());
                }
                Change::DropDomain(t) if to.domains.contains_key(&t.name) => {
                    types.insert(t.name.type_display());
                }
                Change::DropCompositeType(t) if to.composite_types.contains_key(&t.name) => {
                    types.insert(t.name.type_display());
                }
                Change::DropRangeType(t) if to.range_types.contains_key(&t.name) => {
                    types.insert(t.name.type_display());
                }
                _ => {}
            }
        }
        Recreated { functions, types }
    }

    fn reaches(&self, cast: &Cast) -> bool {
        cast.function().is_some_and(|f| self.functions.contains(&f))
            || [&cast.source, &cast.target]
                .iter()
                .any(|t| self.types.contains(t.trim_end_matches("[]")))
    }
}
