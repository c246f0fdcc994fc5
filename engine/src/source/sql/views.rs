//! `CREATE VIEW`, `CREATE MATERIALIZED VIEW`, `ALTER [MATERIALIZED] VIEW … SET/RESET` and
//! `REFRESH MATERIALIZED VIEW`.

use pg_query::protobuf::{
    AlterTableCmd, AlterTableType, CreateTableAsStmt, RefreshMatViewStmt, ViewStmt,
};
use pg_query::NodeEnum;

use super::Builder;
use crate::model::{AclObject, QualifiedName};
use crate::normalize::definitions::relation_name;
use crate::normalize::view::{matview_stmt, option_text, view};

impl Builder<'_> {
    pub(super) fn create_view(&mut self, stmt: &ViewStmt) {
        self.add_view(stmt, false, false);
    }

    /// `CREATE MATERIALIZED VIEW`; `false` for `CREATE TABLE … AS`, which is not one.
    pub(super) fn create_matview(&mut self, stmt: &CreateTableAsStmt) -> bool {
        let Some(view_stmt) = matview_stmt(stmt) else {
            return false;
        };
        let name = view_stmt
            .view
            .as_ref()
            .map(crate::normalize::definitions::relation_name);
        if stmt.if_not_exists && name.is_some_and(|n| self.catalog.views.contains_key(&n)) {
            return true;
        }
        let no_data = stmt.into.as_ref().is_some_and(|into| into.skip_data);
        self.add_view(&view_stmt, true, no_data);
        true
    }

    fn add_view(&mut self, stmt: &ViewStmt, materialized: bool, no_data: bool) {
        let catalog = &self.catalog;
        let mut view = view(
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
        view.materialized = materialized;
        view.no_data = no_data;
        self.check_schema(&view.name.schema, 0);
        if self.catalog.views.contains_key(&view.name) && !stmt.replace {
            return self.repeated(
                format!("{} `{}`", view.kind(), view.name),
                "created",
                0,
                "remove one of the definitions, or write CREATE OR REPLACE",
            );
        }
        self.created_at(format!("{} `{}`", view.kind(), view.name), 0);
        let by = || format!("{} `{}`", view.kind(), view.name);
        // a recursive view reads itself
        let reads: Vec<QualifiedName> = view
            .reads
            .iter()
            .filter(|r| **r != view.name)
            .cloned()
            .collect();
        self.require_relations(&reads, &view.query, || format!("{} reads", by()));
        self.require_functions_called(&view.query, 0, || format!("{} calls", by()));
        self.names.take(&view.name.schema, &view.name.name);
        // CREATE OR REPLACE keeps the privileges of the view it replaces
        if !self.catalog.views.contains_key(&view.name) {
            self.created(AclObject::Table(view.name.clone()));
        }
        self.catalog.views.insert(view.name.clone(), view);
    }

    /// `ALTER [MATERIALIZED] VIEW … SET (…)` and `RESET (…)`; true when `cmd` was one of them.
    pub(super) fn alter_view_options(&mut self, name: &QualifiedName, cmd: &AlterTableCmd) -> bool {
        let subtype = AlterTableType::try_from(cmd.subtype);
        let set = match subtype {
            Ok(AlterTableType::AtSetRelOptions) => true,
            Ok(AlterTableType::AtResetRelOptions) => false,
            _ => return false,
        };
        let Some(view) = self.catalog.views.get_mut(name) else {
            return false;
        };
        let Some(NodeEnum::List(list)) = cmd.def.as_deref().and_then(|d| d.node.as_ref()) else {
            return true;
        };
        for item in &list.items {
            let Some(NodeEnum::DefElem(option)) = &item.node else {
                continue;
            };
            let prefix = format!("{}=", option.defname);
            view.options.retain(|o| !o.starts_with(&prefix));
            if set {
                view.options.push(option_text(option));
            }
        }
        view.options.sort();
        true
    }

    /// `REFRESH MATERIALIZED VIEW [WITH NO DATA]`: populates or empties it.
    pub(super) fn refresh_matview(&mut self, stmt: &RefreshMatViewStmt) {
        let Some(relation) = &stmt.relation else {
            return;
        };
        let name = relation_name(relation);
        if let Some(view) = self.catalog.views.get_mut(&name).filter(|v| v.materialized) {
            view.no_data = stmt.skip_data;
        } else if !self.on_unsupported_relation("refresh of a relation not managed", &name) {
            self.error(
                relation.location,
                format!("materialized view `{name}` is refreshed but not created"),
                "create the materialized view before refreshing it",
            );
        }
    }
}
