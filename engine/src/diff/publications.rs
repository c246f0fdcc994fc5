//! Publications: created, dropped, or altered in place (tables, schemas and options). Only
//! `FOR ALL TABLES` coming or going drops and creates one, since `ALTER PUBLICATION` cannot
//! change it.

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::Catalog;

pub(super) fn diff_publications(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for (name, publication) in &catalogs.to.publications {
        let Some(old) = catalogs.from.publications.get(name) else {
            out.push(Change::CreatePublication(publication.clone()));
            continue;
        };
        if old.all_tables != publication.all_tables {
            out.push(Change::DropPublication {
                publication: old.clone(),
                recreated: true,
            });
            out.push(Change::CreatePublication(publication.clone()));
            continue;
        }
        let mut same_comment = old.clone();
        same_comment.comment.clone_from(&publication.comment);
        if same_comment != *publication {
            out.push(Change::AlterPublication(Pair::new(
                old.clone(),
                publication.clone(),
            )));
        }
        diff_comment(
            CommentTarget::Publication(name.clone()),
            Pair::new(&old.comment, &publication.comment),
            out,
        );
    }
    for (name, publication) in &catalogs.from.publications {
        if !catalogs.to.publications.contains_key(name) {
            out.push(Change::DropPublication {
                publication: publication.clone(),
                recreated: false,
            });
        }
    }
}
