//! `CREATE FUNCTION` and `CREATE PROCEDURE`.

use pg_query::protobuf::{CreateFunctionStmt, ObjectWithArgs};

use super::Builder;
use crate::model::AclObject;
use crate::normalize::function::{function, function_name};
use crate::normalize::types::type_name_text;

impl Builder<'_> {
    pub(super) fn create_function(&mut self, stmt: &CreateFunctionStmt) {
        let function = function(stmt, None);
        self.check_schema(&function.name.schema, 0);
        let signature = function.signature();
        if self.catalog.functions.contains_key(&signature) && !stmt.replace {
            return self.repeated(
                format!("function `{signature}`"),
                "created",
                0,
                "remove one of the definitions, or write CREATE OR REPLACE",
            );
        }
        self.created_at(format!("function `{signature}`"), 0);
        let comment = self
            .catalog
            .functions
            .get(&signature)
            .and_then(|f| f.comment.clone());
        // CREATE OR REPLACE keeps the privileges of the function it replaces
        if !self.catalog.functions.contains_key(&signature) {
            self.created(AclObject::Function(
                function.name.clone(),
                function.arguments.clone(),
            ));
        }
        self.catalog.functions.insert(
            signature,
            crate::model::Function {
                comment,
                ..function
            },
        );
    }
}

/// The signature `DROP FUNCTION f(int)` or `COMMENT ON FUNCTION f(int)` names; an aggregate
/// without arguments is `f(*)`.
pub(super) fn signature_of(object: &ObjectWithArgs, aggregate: bool) -> String {
    let name = function_name(&object.objname);
    let arguments = arguments_of(object);
    if aggregate && arguments.is_empty() {
        return format!("{name}(*)");
    }
    format!("{name}({arguments})")
}

/// The argument types an `ObjectWithArgs` names, as [`Function::arguments`] spells them.
///
/// [`Function::arguments`]: crate::model::Function::arguments
pub(super) fn arguments_of(object: &ObjectWithArgs) -> String {
    let arguments: Vec<String> = object
        .objargs
        .iter()
        .map(|arg| match &arg.node {
            Some(pg_query::NodeEnum::TypeName(t)) => type_name_text(t),
            _ => String::new(),
        })
        .collect();
    arguments.join(", ")
}
