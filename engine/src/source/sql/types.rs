//! `CREATE TYPE … AS ENUM`, `ALTER TYPE … ADD VALUE / RENAME VALUE`.

use pg_query::protobuf::{AlterEnumStmt, CreateEnumStmt};

use super::{qualified_name, Builder};
use crate::model::{AclObject, EnumType};
use crate::normalize::definitions::string_of;

impl Builder<'_> {
    pub(super) fn create_enum(&mut self, stmt: &CreateEnumStmt) {
        let name = qualified_name(&stmt.type_name);
        self.check_schema(&name.schema, 0);
        let labels = stmt.vals.iter().filter_map(string_of).collect();
        self.catalog.enums.insert(
            name.clone(),
            EnumType {
                name: name.clone(),
                labels,
                comment: None,
            },
        );
        self.created(AclObject::Type(name));
    }

    pub(super) fn alter_enum(&mut self, stmt: &AlterEnumStmt) {
        let name = qualified_name(&stmt.type_name);
        let Some(enum_type) = self.catalog.enums.get_mut(&name) else {
            return self.error(
                0,
                format!("type `{name}` is altered but not created"),
                "create the enum before altering it",
            );
        };
        let labels = &mut enum_type.labels;
        if !stmt.old_val.is_empty() {
            if let Some(label) = labels.iter_mut().find(|l| **l == stmt.old_val) {
                *label = stmt.new_val.clone();
            }
            return;
        }
        if labels.contains(&stmt.new_val) {
            return;
        }
        let position = labels
            .iter()
            .position(|l| *l == stmt.new_val_neighbor)
            .map(|i| if stmt.new_val_is_after { i + 1 } else { i })
            .unwrap_or(labels.len());
        labels.insert(position, stmt.new_val.clone());
    }
}
