//! `CREATE VIEW`.

use pg_query::protobuf::ViewStmt;

use super::Builder;
use crate::model::AclObject;
use crate::normalize::view::view;

impl Builder {
    pub(super) fn create_view(&mut self, stmt: &ViewStmt) {
        let catalog = &self.catalog;
        let view = view(
            stmt,
            |name| {
                catalog
                    .tables
                    .get(name)
                    .map(|t| {
                        let mut columns: Vec<_> = t.columns.values().collect();
                        columns.sort_by_key(|c| c.position);
                        columns.into_iter().map(|c| c.name.clone()).collect()
                    })
                    .or_else(|| catalog.views.get(name).map(|v| v.columns.clone()))
            },
            None,
        );
        self.check_schema(&view.name.schema, 0);
        if self.catalog.views.contains_key(&view.name) && !stmt.replace {
            return self.error(
                0,
                format!("view `{}` is created twice", view.name),
                "remove one of the definitions, or write CREATE OR REPLACE",
            );
        }
        self.names.take(&view.name.schema, &view.name.name);
        // CREATE OR REPLACE keeps the privileges of the view it replaces
        if !self.catalog.views.contains_key(&view.name) {
            self.created(AclObject::Table(view.name.clone()));
        }
        self.catalog.views.insert(view.name.clone(), view);
    }
}
