//! `CREATE CAST`. `DROP CAST` is in `drops.rs`, `COMMENT ON CAST` in `comments.rs`.

use pg_query::protobuf::{CoercionContext, CreateCastStmt, TypeName};
use pg_query::{Node, NodeEnum};

use super::functions::arguments_of;
use super::references::Target;
use super::Builder;
use crate::model::{Cast, CastContext, CastMethod};
use crate::normalize::function::function_name;
use crate::normalize::types::type_name_text;

impl Builder<'_> {
    pub(super) fn create_cast(&mut self, stmt: &CreateCastStmt) {
        let (source, target) = (type_text(&stmt.sourcetype), type_text(&stmt.targettype));
        let what = format!("cast `({source} AS {target})`");
        let key = (source.clone(), target.clone());
        if self.catalog.casts.contains_key(&key) {
            return self.repeated(what, "created", 0, "remove one of the definitions");
        }
        self.created_at(what.clone(), 0);
        for type_name in [&source, &target] {
            self.require(Target::Type(type_name.clone()), 0, || {
                format!("{what} converts")
            });
        }
        let method = match &stmt.func {
            Some(function) => {
                let mut name = function_name(&function.objname);
                // an unqualified name the file does not define is a built-in function's
                let defined = (self.catalog.functions.values()).any(|f| f.name == name);
                if function.objname.len() == 1 && !defined {
                    name.schema = "pg_catalog".into();
                }
                self.require(Target::Function(name.clone()), 0, || {
                    format!("{what} calls")
                });
                // `WITH FUNCTION f` without arguments names the only function of that name
                let arguments = if function.args_unspecified {
                    (self.catalog.functions.values())
                        .find(|f| f.name == name)
                        .map(|f| f.arguments.clone())
                        .unwrap_or_default()
                } else {
                    arguments_of(function)
                };
                CastMethod::Function { name, arguments }
            }
            None if stmt.inout => CastMethod::InOut,
            None => CastMethod::Binary,
        };
        let context = match CoercionContext::try_from(stmt.context) {
            Ok(CoercionContext::CoercionImplicit) => CastContext::Implicit,
            Ok(CoercionContext::CoercionAssignment) => CastContext::Assignment,
            _ => CastContext::Explicit,
        };
        let cast = Cast {
            source,
            target,
            method,
            context,
            comment: None,
        };
        self.catalog.casts.insert(key, cast);
    }
}

fn type_text(type_name: &Option<TypeName>) -> String {
    type_name.as_ref().map(type_name_text).unwrap_or_default()
}

/// The (source, target) that `DROP CAST` and `COMMENT ON CAST` name: a list of two types.
pub(super) fn cast_key(object: &Node) -> (String, String) {
    let Some(NodeEnum::List(list)) = &object.node else {
        return Default::default();
    };
    let mut types = list.items.iter().map(|item| match &item.node {
        Some(NodeEnum::TypeName(t)) => type_name_text(t),
        _ => String::new(),
    });
    (
        types.next().unwrap_or_default(),
        types.next().unwrap_or_default(),
    )
}
