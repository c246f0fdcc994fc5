//! Domains, composite types, range types and collations: one query each.

use pg_query::NodeEnum;
use postgres::{Row, Transaction};
use serde::Deserialize;

use super::constraints::parse_batch;
use super::tables::collation;
use super::Reader;
use crate::error::Error;
use crate::model::{
    Attribute, Catalog, Collation, CompositeType, Domain, QualifiedName, RangeType,
};
use crate::normalize::expr::parse_expression;
use crate::normalize::user_types::{domain_constraint, range_options};

const DOMAINS: &str = include_str!("queries/domains.sql");
const COMPOSITE_TYPES: &str = include_str!("queries/composite_types.sql");
const RANGE_TYPES: &str = include_str!("queries/range_types.sql");
const COLLATIONS: &str = include_str!("queries/collations.sql");

/// A constraint as the domains query lists it.
#[derive(Deserialize)]
struct PrintedConstraint {
    name: String,
    definition: String,
}

/// An attribute as the composite types query lists it.
#[derive(Deserialize)]
struct PrintedAttribute {
    name: String,
    type_name: String,
    collation_schema: Option<String>,
    collation_name: Option<String>,
}

pub(super) fn name_of(
    reader: &Reader,
    row: &Row,
    what: &'static str,
) -> Result<QualifiedName, Error> {
    Ok(QualifiedName::new(
        reader.get::<String>(row, what, "schema")?,
        reader.get::<String>(row, what, "name")?,
    ))
}

fn collation_of(reader: &Reader, row: &Row, what: &'static str) -> Result<Option<String>, Error> {
    let schema: Option<String> = reader.get(row, what, "collation_schema")?;
    let name: Option<String> = reader.get(row, what, "collation_name")?;
    Ok(name.map(|n| collation(schema.as_deref(), &n)))
}

pub(super) fn json<T: for<'de> Deserialize<'de>>(
    reader: &Reader,
    row: &Row,
    what: &'static str,
    column: &str,
) -> Result<T, Error> {
    let text: String = reader.get(row, what, column)?;
    serde_json::from_str(&text).map_err(|e| reader.error(what, format!("column `{column}`: {e}")))
}

/// Adds the domains; their CHECK constraints are parsed in runs.
pub(super) fn load_domains(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "domains";
    let mut printed = Vec::new();
    for row in reader.query(tx, WHAT, DOMAINS)? {
        let name = name_of(reader, &row, WHAT)?;
        let default = match reader.get::<Option<String>>(&row, WHAT, "default_expression")? {
            Some(text) => Some(parse_expression(&text).ok_or_else(|| {
                reader.error(
                    WHAT,
                    format!("cannot parse the default of `{name}`: {text}"),
                )
            })?),
            None => None,
        };
        let constraints: Vec<PrintedConstraint> = json(reader, &row, WHAT, "constraints")?;
        printed.extend(constraints.into_iter().map(|c| (name.clone(), c)));
        let domain = Domain {
            name: name.clone(),
            base_type: reader.get(&row, WHAT, "base_type")?,
            collation: collation_of(reader, &row, WHAT)?,
            default,
            not_null: reader.get(&row, WHAT, "not_null")?,
            constraints: Default::default(),
            comment: reader.get(&row, WHAT, "comment")?,
        };
        catalog.domains.insert(name, domain);
    }
    let texts: Vec<String> = printed
        .iter()
        .map(|(_, c)| format!("ALTER DOMAIN d ADD CONSTRAINT n {}", c.definition))
        .collect();
    let nodes = parse_batch(&texts, |stmt| match stmt {
        NodeEnum::AlterDomainStmt(alter) => match alter.def.as_deref()?.node.as_ref()? {
            NodeEnum::Constraint(c) => Some((**c).clone()),
            _ => None,
        },
        _ => None,
    })
    .map_err(|index| {
        let (domain, c) = &printed[index];
        reader.error(
            WHAT,
            format!(
                "cannot parse constraint `{}` of domain `{domain}`: {}",
                c.name, c.definition
            ),
        )
    })?;
    for ((domain, printed), node) in printed.into_iter().zip(nodes) {
        if let Some(domain) = catalog.domains.get_mut(&domain) {
            let constraint = domain_constraint(&node, &printed.name);
            domain.constraints.insert(printed.name, constraint);
        }
    }
    Ok(())
}

/// Adds the standalone composite types.
pub(super) fn load_composite_types(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "composite types";
    for row in reader.query(tx, WHAT, COMPOSITE_TYPES)? {
        let name = name_of(reader, &row, WHAT)?;
        let attributes: Vec<PrintedAttribute> = json(reader, &row, WHAT, "attributes")?;
        let attributes = attributes
            .into_iter()
            .map(|a| Attribute {
                collation: a
                    .collation_name
                    .map(|c| collation(a.collation_schema.as_deref(), &c)),
                name: a.name,
                type_name: a.type_name,
            })
            .collect();
        let composite = CompositeType {
            name: name.clone(),
            attributes,
            comment: reader.get(&row, WHAT, "comment")?,
        };
        catalog.composite_types.insert(name, composite);
    }
    Ok(())
}

/// Adds the range types.
pub(super) fn load_range_types(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "range types";
    for row in reader.query(tx, WHAT, RANGE_TYPES)? {
        let name = name_of(reader, &row, WHAT)?;
        let mut written = Vec::new();
        if let Some(collation) = collation_of(reader, &row, WHAT)? {
            written.push(("collation".to_string(), collation));
        }
        for key in [
            "subtype_opclass",
            "canonical",
            "subtype_diff",
            "multirange_type_name",
        ] {
            if let Some(value) = reader.get::<Option<String>>(&row, WHAT, key)? {
                written.push((key.to_string(), value));
            }
        }
        let range = RangeType {
            name: name.clone(),
            subtype: reader.get(&row, WHAT, "subtype")?,
            options: range_options(&name, written),
            comment: reader.get(&row, WHAT, "comment")?,
        };
        catalog.range_types.insert(name, range);
    }
    Ok(())
}

/// Adds the collations.
pub(super) fn load_collations(
    reader: &Reader,
    tx: &mut Transaction<'_>,
    catalog: &mut Catalog,
) -> Result<(), Error> {
    const WHAT: &str = "collations";
    for row in reader.query(tx, WHAT, COLLATIONS)? {
        let name = name_of(reader, &row, WHAT)?;
        let collation = Collation {
            name: name.clone(),
            provider: reader.get(&row, WHAT, "provider")?,
            locale: reader.get(&row, WHAT, "locale")?,
            lc_collate: reader.get(&row, WHAT, "lc_collate")?,
            lc_ctype: reader.get(&row, WHAT, "lc_ctype")?,
            deterministic: reader.get(&row, WHAT, "deterministic")?,
            any_encoding: reader.get(&row, WHAT, "any_encoding")?,
            comment: reader.get(&row, WHAT, "comment")?,
        };
        catalog.collations.insert(name, collation);
    }
    Ok(())
}
