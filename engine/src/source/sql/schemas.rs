//! `CREATE SCHEMA`, `CREATE EXTENSION`.

use pg_query::protobuf::{CreateExtensionStmt, CreateSchemaStmt};
use pg_query::NodeEnum;

use super::Builder;
use crate::model::{AclObject, Extension, Schema};
use crate::normalize::definitions::string_of;

impl Builder {
    pub(super) fn create_schema(&mut self, stmt: &CreateSchemaStmt) {
        if self.catalog.schemas.contains_key(&stmt.schemaname) {
            if !stmt.if_not_exists && stmt.schemaname != "public" {
                self.error(
                    0,
                    format!("schema `{}` is created twice", stmt.schemaname),
                    "remove one of the CREATE SCHEMA statements",
                );
            }
            return;
        }
        self.catalog.schemas.insert(
            stmt.schemaname.clone(),
            Schema {
                name: stmt.schemaname.clone(),
                comment: None,
            },
        );
        self.created(AclObject::Schema(stmt.schemaname.clone()));
        for element in &stmt.schema_elts {
            if let Some(node) = &element.node {
                self.statement(node);
            }
        }
    }

    pub(super) fn create_extension(&mut self, stmt: &CreateExtensionStmt) {
        let mut schema = "public".to_string();
        let mut version = None;
        for option in &stmt.options {
            let Some(NodeEnum::DefElem(option)) = &option.node else {
                continue;
            };
            let value = option.arg.as_ref().and_then(|a| string_of(a));
            match option.defname.as_str() {
                "schema" => schema = value.unwrap_or(schema),
                "new_version" => version = value,
                _ => {}
            }
        }
        self.check_schema(&schema, 0);
        self.catalog.extensions.insert(
            stmt.extname.clone(),
            Extension {
                name: stmt.extname.clone(),
                schema,
                version,
                comment: None,
            },
        );
    }
}
