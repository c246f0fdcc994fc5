//! Steps for domains, composite types, range types and collations.

use super::Step;
use crate::diff::{Change, Pair};
use crate::hazard::HazardKind;
use crate::model::{CompositeType, Domain, DomainConstraint};
use crate::render::ddl;
use crate::render::quote::quote_ident;

/// The steps of a type or collation change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreateDomain(domain) => vec![Step::new(
            format!("create domain `{}`", domain.name),
            ddl::create_domain(domain),
            vec![ddl::drop_domain(&domain.name)],
        )],
        Change::DropDomain(domain) => vec![Step::new(
            format!("drop domain `{}`", domain.name),
            vec![ddl::drop_domain(&domain.name)],
            ddl::create_domain(domain),
        )],
        Change::AlterDomain(domain) => alter_domain(Pair::as_ref(domain)),
        Change::CreateCompositeType(composite) => vec![Step::new(
            format!("create type `{}`", composite.name),
            ddl::create_composite_type(composite),
            vec![ddl::drop_type(&composite.name)],
        )],
        Change::DropCompositeType(composite) => vec![Step::new(
            format!("drop type `{}`", composite.name),
            vec![ddl::drop_type(&composite.name)],
            ddl::create_composite_type(composite),
        )],
        Change::AlterCompositeType(composite) => alter_composite(composite.as_ref()),
        Change::CreateRangeType(range) => vec![Step::new(
            format!("create type `{}`", range.name),
            ddl::create_range_type(range),
            vec![ddl::drop_type(&range.name)],
        )],
        Change::DropRangeType(range) => vec![Step::new(
            format!("drop type `{}`", range.name),
            vec![ddl::drop_type(&range.name)],
            ddl::create_range_type(range),
        )],
        Change::CreateCollation(collation) => vec![Step::new(
            format!("create collation `{}`", collation.name),
            ddl::create_collation(collation),
            vec![ddl::drop_collation(&collation.name)],
        )],
        Change::DropCollation(collation) => vec![Step::new(
            format!("drop collation `{}`", collation.name),
            vec![ddl::drop_collation(&collation.name)],
            ddl::create_collation(collation),
        )],
        _ => unreachable!("not a type or collation change"),
    }
}

/// One step per attribute: constraints dropped first, then default and NOT NULL, then
/// constraints added or validated.
fn alter_domain(domain: Pair<&Domain>) -> Vec<Step> {
    let name = &domain.to.name;
    let at = |action: &str| ddl::alter_domain(name, action);
    let mut steps = Vec::new();
    // a changed check, or a valid constraint wanted NOT VALID (which it cannot become
    // again), is dropped and added
    let recreated = |old: &DomainConstraint, new: &DomainConstraint| {
        new.check != old.check || (!old.not_valid && new.not_valid)
    };
    for old in domain.from.constraints.values() {
        let new = domain.to.constraints.get(&old.name);
        if new.is_none_or(|new| recreated(old, new)) {
            steps.push(Step::new(
                format!("drop constraint `{}` of domain `{name}`", old.name),
                vec![ddl::drop_domain_constraint(name, &old.name)],
                vec![ddl::add_domain_constraint(name, old)],
            ));
        }
    }
    if domain.from.default != domain.to.default {
        let set = |default: &Option<crate::model::Expr>| match default {
            Some(default) => at(&ddl::set_default(default)),
            None => at("DROP DEFAULT"),
        };
        steps.push(Step::new(
            format!("change default of domain `{name}`"),
            vec![set(&domain.to.default)],
            vec![set(&domain.from.default)],
        ));
    }
    if domain.from.not_null != domain.to.not_null {
        let (verb, forward, backward) = if domain.to.not_null {
            ("set", "SET NOT NULL", "DROP NOT NULL")
        } else {
            ("drop", "DROP NOT NULL", "SET NOT NULL")
        };
        let mut step = Step::new(
            format!("{verb} NOT NULL on domain `{name}`"),
            vec![at(forward)],
            vec![at(backward)],
        );
        if domain.to.not_null {
            step = step.hazard(
                HazardKind::ValidationScan,
                format!("SET NOT NULL checks every column of domain `{name}` and fails if one holds NULL"),
            );
        }
        steps.push(step);
    }
    for new in domain.to.constraints.values() {
        match domain.from.constraints.get(&new.name) {
            Some(old) if !recreated(old, new) => {
                if old.not_valid && !new.not_valid {
                    // a validated constraint cannot be made NOT VALID again: re-added
                    steps.push(Step::new(
                        format!("validate constraint `{}` of domain `{name}`", new.name),
                        vec![ddl::validate_domain_constraint(name, &new.name)],
                        vec![
                            ddl::drop_domain_constraint(name, &new.name),
                            ddl::add_domain_constraint(name, old),
                        ],
                    ));
                }
            }
            _ => {
                let mut step = Step::new(
                    format!("add constraint `{}` to domain `{name}`", new.name),
                    vec![ddl::add_domain_constraint(name, new)],
                    vec![ddl::drop_domain_constraint(name, &new.name)],
                );
                if !new.not_valid {
                    step = step.hazard(
                        HazardKind::ValidationScan,
                        format!(
                            "`{}` is checked against every column of domain `{name}`; add it NOT VALID and VALIDATE it separately",
                            new.name
                        ),
                    );
                }
                steps.push(step);
            }
        }
    }
    steps
}

/// Attributes dropped, added and retyped, each its own step.
fn alter_composite(composite: Pair<&CompositeType>) -> Vec<Step> {
    let name = &composite.to.name;
    let find = |t: &CompositeType, attribute: &str| {
        t.attributes.iter().find(|a| a.name == attribute).cloned()
    };
    let mut steps = Vec::new();
    for old in &composite.from.attributes {
        if find(composite.to, &old.name).is_none() {
            steps.push(
                Step::new(
                    format!("drop attribute `{}` of type `{name}`", old.name),
                    vec![ddl::alter_type(
                        name,
                        &format!("DROP ATTRIBUTE {}", quote_ident(&old.name)),
                    )],
                    vec![ddl::alter_type(
                        name,
                        &format!("ADD ATTRIBUTE {}", ddl::attribute_definition(old)),
                    )],
                )
                .hazard(
                    HazardKind::BreaksApplication,
                    format!(
                        "code reading `{}` of type `{name}` fails once it is dropped",
                        old.name
                    ),
                ),
            );
        }
    }
    for new in &composite.to.attributes {
        let retype = |a: &crate::model::Attribute| {
            let mut action = format!(
                "ALTER ATTRIBUTE {} TYPE {}",
                quote_ident(&a.name),
                a.type_name
            );
            if let Some(collation) = &a.collation {
                action.push_str(&format!(" COLLATE {collation}"));
            }
            ddl::alter_type(name, &action)
        };
        match find(composite.from, &new.name) {
            None => steps.push(Step::new(
                format!("add attribute `{}` to type `{name}`", new.name),
                vec![ddl::alter_type(
                    name,
                    &format!("ADD ATTRIBUTE {}", ddl::attribute_definition(new)),
                )],
                vec![ddl::alter_type(
                    name,
                    &format!("DROP ATTRIBUTE {}", quote_ident(&new.name)),
                )],
            )),
            Some(old) if old != *new => steps.push(Step::new(
                format!("change type of attribute `{}` of type `{name}`", new.name),
                vec![retype(new)],
                vec![retype(&old)],
            )),
            Some(_) => {}
        }
    }
    steps
}
