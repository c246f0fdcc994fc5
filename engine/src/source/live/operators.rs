//! Operators, operator families and operator classes, with their members as JSON.

use postgres::{Row, Transaction};

use super::user_types::{json, name_of};
use super::Reader;
use crate::error::Error;
use crate::model::{
    AclObject, Catalog, FunctionMember, Operator, OperatorClass, OperatorFamily, OperatorMember,
    QualifiedName,
};

const OPERATORS: &str = include_str!("queries/operators.sql");
const FAMILIES: &str = include_str!("queries/operator_families.sql");
const CLASSES: &str = include_str!("queries/operator_classes.sql");

/// An operator member as the queries spell it: strategy, schema, name, left and right
/// types, the sort family's schema and name.
type OperatorRow = (
    i32,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// A function member: support number, left and right types, schema, name, argument types.
type FunctionRow = (i32, String, String, String, String, String);

/// Adds the operators, families and classes (not those of extensions, nor shell operators).
pub(super) fn load(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "operators";
    for row in reader.query(tx, WHAT, OPERATORS)? {
        let name_in = |prefix: &str| -> Result<Option<QualifiedName>, Error> {
            let schema: Option<String> = reader.get(&row, WHAT, &format!("{prefix}_schema"))?;
            let name: Option<String> = reader.get(&row, WHAT, &format!("{prefix}_name"))?;
            Ok(schema.zip(name).map(|(s, n)| QualifiedName::new(s, n)))
        };
        let operator = Operator {
            name: name_of(reader, &row, WHAT)?,
            left: reader.get(&row, WHAT, "left_type")?,
            right: reader.get(&row, WHAT, "right_type")?,
            function: name_in("function")?.unwrap_or_else(|| QualifiedName::new("public", "")),
            commutator: name_in("commutator")?,
            negator: name_in("negator")?,
            restrict: name_in("restrict")?,
            join: name_in("join")?,
            hashes: reader.get(&row, WHAT, "hashes")?,
            merges: reader.get(&row, WHAT, "merges")?,
            comment: reader.get(&row, WHAT, "comment")?,
        };
        let signature = operator.signature();
        let owner = reader.get(&row, WHAT, "owner")?;
        catalog.set_owner(AclObject::Operator(signature.clone()), owner);
        catalog.operators.insert(signature, operator);
    }

    const FAMILY: &str = "operator families";
    for row in reader.query(tx, FAMILY, FAMILIES)? {
        let (operators, functions) = members(reader, &row, FAMILY, true)?;
        let family = OperatorFamily {
            name: name_of(reader, &row, FAMILY)?,
            method: reader.get(&row, FAMILY, "method")?,
            operators,
            functions,
            comment: reader.get(&row, FAMILY, "comment")?,
        };
        let owner = reader.get(&row, FAMILY, "owner")?;
        let object = AclObject::OperatorFamily(family.name.clone(), family.method.clone());
        catalog.set_owner(object, owner);
        catalog.operator_families.insert(family.key(), family);
    }

    const CLASS: &str = "operator classes";
    for row in reader.query(tx, CLASS, CLASSES)? {
        let (operators, functions) = members(reader, &row, CLASS, false)?;
        let class = OperatorClass {
            name: name_of(reader, &row, CLASS)?,
            method: reader.get(&row, CLASS, "method")?,
            data_type: reader.get(&row, CLASS, "data_type")?,
            default: reader.get(&row, CLASS, "is_default")?,
            family: QualifiedName::new(
                reader.get::<String>(&row, CLASS, "family_schema")?,
                reader.get::<String>(&row, CLASS, "family_name")?,
            ),
            storage: reader.get(&row, CLASS, "storage")?,
            operators,
            functions,
            comment: reader.get(&row, CLASS, "comment")?,
        };
        let owner = reader.get(&row, CLASS, "owner")?;
        let object = AclObject::OperatorClass(class.name.clone(), class.method.clone());
        catalog.set_owner(object, owner);
        catalog.operator_classes.insert(class.key(), class);
    }
    Ok(())
}

/// The member operators and functions of a row; a function's operand types only for a
/// family (a class's are its type's).
fn members(
    reader: &Reader,
    row: &Row,
    what: &'static str,
    typed: bool,
) -> Result<(Vec<OperatorMember>, Vec<FunctionMember>), Error> {
    let operators: Vec<OperatorRow> = json(reader, row, what, "operators")?;
    let functions: Vec<FunctionRow> = json(reader, row, what, "functions")?;
    let operators = (operators.into_iter())
        .map(
            |(strategy, schema, name, left, right, sort_schema, sort_name)| OperatorMember {
                strategy,
                operator: QualifiedName::new(schema, name),
                left,
                right,
                order_by: (sort_schema.zip(sort_name)).map(|(s, n)| QualifiedName::new(s, n)),
            },
        )
        .collect();
    let functions = (functions.into_iter())
        .map(
            |(support, left, right, schema, name, arguments)| FunctionMember {
                support,
                types: typed.then_some((left, right)),
                function: format!("{}({arguments})", QualifiedName::new(schema, name)),
            },
        )
        .collect();
    Ok((operators, functions))
}
