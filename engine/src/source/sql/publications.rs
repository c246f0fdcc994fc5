//! `CREATE PUBLICATION` and `ALTER PUBLICATION` (tables, schemas, options).

use pg_query::protobuf::{AlterPublicationAction, AlterPublicationStmt, CreatePublicationStmt};

use super::Builder;
use crate::model::{AclObject, PublishedTable};
use crate::normalize::publication::{add_objects, publication, published_objects, set_options};

impl Builder<'_> {
    pub(super) fn create_publication(&mut self, stmt: &CreatePublicationStmt) {
        let publication = publication(stmt);
        let what = format!("publication `{}`", publication.name);
        if self.catalog.publications.contains_key(&publication.name) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        if !self.published_objects_exist(&publication.tables, &publication.schemas) {
            return;
        }
        self.created_at(what, 0);
        let object = AclObject::Publication(publication.name.clone());
        self.catalog
            .publications
            .insert(publication.name.clone(), publication);
        self.catalog.set_owner(object, self.current_role.clone());
    }

    /// `ADD`, `DROP` or `SET` of tables and schemas, or `SET (…)` of options.
    pub(super) fn alter_publication(&mut self, stmt: &AlterPublicationStmt) {
        let (tables, schemas) = published_objects(&stmt.pubobjects);
        if !self.published_objects_exist(&tables, &schemas) {
            return;
        }
        let Some(publication) = self.catalog.publications.get_mut(&stmt.pubname) else {
            return self.error(
                0,
                format!("publication `{}` is altered but not created", stmt.pubname),
                "create the publication before altering it",
            );
        };
        set_options(publication, &stmt.options);
        match AlterPublicationAction::try_from(stmt.action) {
            Ok(AlterPublicationAction::ApAddObjects) => add_objects(publication, tables, schemas),
            Ok(AlterPublicationAction::ApDropObjects) => {
                publication
                    .tables
                    .retain(|t| !tables.iter().any(|d| d.table == t.table));
                publication.schemas.retain(|s| !schemas.contains(s));
            }
            Ok(AlterPublicationAction::ApSetObjects) => {
                publication.tables.clear();
                publication.schemas.clear();
                add_objects(publication, tables, schemas);
            }
            // `SET (…)` alone
            _ => {}
        }
    }

    /// Whether what a publication lists exists, reporting what does not.
    fn published_objects_exist(&mut self, tables: &[PublishedTable], schemas: &[String]) -> bool {
        let mut exist = true;
        for table in tables {
            if !self.relation_exists("publication", &table.table) {
                exist = false;
                continue;
            }
            let Some(columns) = self.catalog.tables.get(&table.table).map(|t| &t.columns) else {
                continue;
            };
            let named = table.columns.iter().flatten().chain(&table.filter_columns);
            let missing: Vec<String> = named
                .filter(|c| !columns.contains_key(*c))
                .cloned()
                .collect();
            for column in missing {
                self.error(
                    0,
                    format!(
                        "publication of column `{column}` of `{}`, which does not exist",
                        table.table
                    ),
                    "check the column list and the row filter",
                );
                exist = false;
            }
        }
        for schema in schemas {
            if !self.catalog.schemas.contains_key(schema) {
                self.error(
                    0,
                    format!("publication of the tables in schema `{schema}`, which is not created"),
                    "create the schema before it",
                );
                exist = false;
            }
        }
        exist
    }
}
