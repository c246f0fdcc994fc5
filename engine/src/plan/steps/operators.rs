//! Steps for operators, operator families and classes. They lock no table (an index over a
//! recreated class is its own change); one dropped for good is breaks-application, since
//! queries that use the operator, or indexes that need the class, fail.

use super::Step;
use crate::diff::{Change, Pair};
use crate::hazard::HazardKind;
use crate::render::ddl::operators as ddl;

/// The steps of an operator, family or class change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreateOperator(operator) => vec![Step::new(
            format!("create operator `{}`", operator.signature()),
            ddl::create_operator(operator),
            vec![ddl::drop_operator(operator)],
        )],
        Change::DropOperator {
            operator,
            recreated,
        } => {
            let what = format!("operator `{}`", operator.signature());
            let step = Step::new(
                format!("drop {what}"),
                vec![ddl::drop_operator(operator)],
                ddl::create_operator(operator),
            );
            dropped_for_good(
                step,
                *recreated,
                format!("queries that use {what} fail once it is dropped"),
            )
        }
        Change::AlterOperator(operator) => {
            let back = Pair::new(&operator.to, &operator.from);
            // what ALTER cannot unset, the rollback drops and creates as it was (`settable`
            // keeps such an operator out of classes and families)
            let rollback = if ddl::reversible(Pair::as_ref(operator)) {
                vec![ddl::alter_operator(back)]
            } else {
                let mut rollback = vec![ddl::drop_operator(&operator.to)];
                rollback.extend(ddl::create_operator(&operator.from));
                rollback
            };
            vec![Step::new(
                format!("alter operator `{}`", operator.to.signature()),
                vec![ddl::alter_operator(Pair::as_ref(operator))],
                rollback,
            )]
        }
        Change::CreateOperatorFamily(family) => vec![Step::new(
            format!(
                "create operator family `{}` using {}",
                family.name, family.method
            ),
            ddl::create_family(family),
            vec![ddl::drop_family(family)],
        )],
        Change::DropOperatorFamily { family, recreated } => {
            let what = format!("operator family `{}` using {}", family.name, family.method);
            let step = Step::new(
                format!("drop {what}"),
                vec![ddl::drop_family(family)],
                ddl::create_family(family),
            );
            dropped_for_good(
                step,
                *recreated,
                format!("queries and indexes that rely on {what} fail or plan differently once it is dropped"),
            )
        }
        Change::AlterOperatorFamily(family) => vec![Step::new(
            format!(
                "alter the members of operator family `{}` using {}",
                family.to.name, family.to.method
            ),
            ddl::alter_family_members(family.as_ref()),
            ddl::alter_family_members(Pair::new(&family.to, &family.from)),
        )],
        Change::CreateOperatorClass(class) => vec![Step::new(
            format!(
                "create operator class `{}` using {}",
                class.name, class.method
            ),
            ddl::create_class(class),
            vec![ddl::drop_class(class)],
        )],
        Change::DropOperatorClass { class, recreated } => {
            let what = format!("operator class `{}` using {}", class.name, class.method);
            let step = Step::new(
                format!("drop {what}"),
                vec![ddl::drop_class(class)],
                ddl::create_class(class),
            );
            dropped_for_good(
                step,
                *recreated,
                format!("creating an index with {what} fails once it is dropped"),
            )
        }
        _ => Vec::new(),
    }
}

/// A drop that is not followed by the object's creation breaks what uses it (`message`).
fn dropped_for_good(step: Step, recreated: bool, message: String) -> Vec<Step> {
    if recreated {
        return vec![step];
    }
    vec![step.hazard(HazardKind::BreaksApplication, message)]
}
