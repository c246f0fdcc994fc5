//! Publications: created, dropped, or altered in place (options and schemas as one change,
//! each table joining or leaving as one). Only `FOR ALL TABLES` coming or going drops and
//! creates one, since `ALTER PUBLICATION` cannot change it.

use super::triggers::Rebuilt;
use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, Publication, PublishedTable};

pub(super) fn diff_publications(
    catalogs: &Pair<&Catalog>,
    rebuilt: &Rebuilt,
    out: &mut Vec<Change>,
) {
    if catalogs.from.publications.is_empty() && catalogs.to.publications.is_empty() {
        return;
    }
    // a table dropped and created leaves its publications with the drop, and a column the
    // publication uses cannot change type under it: such a table leaves and joins again
    let recreated = super::tables::recreated_tables(catalogs);
    let rejoins = |table: &PublishedTable| {
        recreated.contains(&table.table) || rebuilt.published_column(table)
    };
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
        if options_or_schemas(old) != options_or_schemas(publication) {
            out.push(Change::AlterPublication(Pair::new(
                old.clone(),
                publication.clone(),
            )));
        }
        for table in &old.tables {
            let kept = publication.table(&table.table);
            if kept != Some(table) || rejoins(table) {
                out.push(Change::DropPublicationTable {
                    publication: name.clone(),
                    table: table.clone(),
                    rejoins: kept.is_some(),
                });
            }
        }
        for table in &publication.tables {
            let before = old.table(&table.table);
            if before != Some(table) || before.is_some_and(rejoins) {
                out.push(Change::AddPublicationTable {
                    publication: name.clone(),
                    table: table.clone(),
                });
            }
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

/// What `AlterPublication` changes.
fn options_or_schemas(publication: &Publication) -> (&[String], bool, &[String]) {
    (
        &publication.publish,
        publication.via_partition_root,
        &publication.schemas,
    )
}
