//! `CREATE SCHEMA`, `CREATE EXTENSION`.

use pg_query::protobuf::{CreateExtensionStmt, CreateSchemaStmt};
use pg_query::NodeEnum;

use super::privileges::role_name;
use super::Builder;
use crate::model::{AclObject, Extension, Schema};
use crate::normalize::definitions::string_of;

impl Builder<'_> {
    pub(super) fn create_schema(&mut self, stmt: &CreateSchemaStmt) {
        let owner = stmt.authrole.as_ref().and_then(role_name);
        // `CREATE SCHEMA AUTHORIZATION r` names the schema after its owner
        let name = match (&owner, stmt.schemaname.is_empty()) {
            (Some(role), true) => role.clone(),
            _ => stmt.schemaname.clone(),
        };
        if self.catalog.schemas.contains_key(&name) {
            if !stmt.if_not_exists && name != "public" {
                self.repeated(
                    format!("schema `{name}`"),
                    "created",
                    0,
                    "remove one of the CREATE SCHEMA statements",
                );
            }
            return;
        }
        self.created_at(format!("schema `{name}`"), 0);
        self.catalog.schemas.insert(
            name.clone(),
            Schema {
                name: name.clone(),
                comment: None,
            },
        );
        self.created(AclObject::Schema(name.clone()));
        if stmt.authrole.is_some() {
            self.catalog
                .set_owner(AclObject::Schema(name.clone()), owner.clone());
        }
        // the schema's elements are created by its owner
        let creator = self.current_role.clone();
        if owner.is_some() {
            self.current_role = owner;
        }
        self.in_schema_elements = true;
        for element in &stmt.schema_elts {
            if let Some(node) = &element.node {
                self.statement(&in_schema(node.clone(), &name));
            }
        }
        self.in_schema_elements = false;
        self.current_role = creator;
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

/// A `CREATE SCHEMA` element, its unqualified relation put in the new schema as the server
/// does. (Names the element's body reads are still resolved as from `public`: qualify them.)
fn in_schema(mut node: NodeEnum, schema: &str) -> NodeEnum {
    let relation = match &mut node {
        NodeEnum::CreateStmt(s) => s.relation.as_mut(),
        NodeEnum::ViewStmt(s) => s.view.as_mut(),
        NodeEnum::CreateSeqStmt(s) => s.sequence.as_mut(),
        NodeEnum::IndexStmt(s) => s.relation.as_mut(),
        NodeEnum::CreateTrigStmt(s) => s.relation.as_mut(),
        _ => None,
    };
    if let Some(relation) = relation.filter(|r| r.schemaname.is_empty()) {
        relation.schemaname = schema.to_string();
    }
    node
}
