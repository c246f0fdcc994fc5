//! Steps for publications: created and dropped whole, altered one table, schema or option
//! set at a time so that each step's rollback is exact (a table whose column list or row
//! filter changes leaves and joins again).

use super::Step;
use crate::diff::{Change, Pair};
use crate::hazard::HazardKind;
use crate::model::Publication;
use crate::plan::LockLevel;
use crate::render::ddl::publications as ddl;

/// The steps of a publication change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreatePublication(publication) => vec![Step::new(
            format!("create publication `{}`", publication.name),
            ddl::create_publication(publication),
            vec![ddl::drop_publication(&publication.name)],
        )
        .lock(table_lock(publication))],
        Change::DropPublication {
            publication,
            recreated,
        } => {
            let step = Step::new(
                format!("drop publication `{}`", publication.name),
                vec![ddl::drop_publication(&publication.name)],
                ddl::create_publication(publication),
            )
            .lock(table_lock(publication));
            let (kind, consequence) = if *recreated {
                (HazardKind::DependentsRecreated, "until it is created again")
            } else {
                (HazardKind::BreaksApplication, "once it is dropped")
            };
            vec![step.hazard(
                kind,
                format!(
                    "subscriptions to publication `{}` fail {consequence}",
                    publication.name
                ),
            )]
        }
        Change::AlterPublication(publication) => alter(publication.as_ref()),
        Change::RenamePublication { name } => vec![Step::new(
            format!("rename publication `{}` to `{}`", name.from, name.to),
            vec![ddl::rename_publication(&name.from, &name.to)],
            vec![ddl::rename_publication(&name.to, &name.from)],
        )
        .hazard(
            HazardKind::BreaksApplication,
            format!(
                "subscriptions to publication `{}` fail until they are altered to `{}`",
                name.from, name.to
            ),
        )],
        Change::AddPublicationTable { publication, table } => vec![Step::new(
            format!("add `{}` to publication `{publication}`", table.table),
            vec![ddl::add_publication_table(publication, table)],
            vec![ddl::drop_publication_table(publication, table)],
        )
        .lock(LockLevel::ShareUpdateExclusive)],
        Change::DropPublicationTable {
            publication,
            table,
            rejoins,
        } => {
            let step = Step::new(
                format!("remove `{}` from publication `{publication}`", table.table),
                vec![ddl::drop_publication_table(publication, table)],
                vec![ddl::add_publication_table(publication, table)],
            )
            .lock(LockLevel::ShareUpdateExclusive);
            let (kind, until) = if *rejoins {
                (
                    HazardKind::DependentsRecreated,
                    "until it joins again later in the plan",
                )
            } else {
                (HazardKind::BreaksApplication, "from now on")
            };
            vec![step.hazard(
                kind,
                format!(
                    "subscriptions to publication `{publication}` receive no changes of `{}` {until}",
                    table.table
                ),
            )]
        }
        _ => unreachable!("not a publication change"),
    }
}

/// Adding or removing tables takes `SHARE UPDATE EXCLUSIVE` on them.
fn table_lock(publication: &Publication) -> LockLevel {
    if publication.tables.is_empty() {
        LockLevel::None
    } else {
        LockLevel::ShareUpdateExclusive
    }
}

/// Options, then schemas leaving before others join. The graph runs the tables that leave
/// before and those that join after, since PostgreSQL 15 refuses column lists beside
/// schemas.
fn alter(publication: Pair<&Publication>) -> Vec<Step> {
    let name = &publication.to.name;
    let (from, to) = (publication.from, publication.to);
    let mut steps = Vec::new();
    if from.publish != to.publish || from.via_partition_root != to.via_partition_root {
        steps.push(Step::new(
            format!("set the options of publication `{name}`"),
            vec![ddl::set_publication_options(from, to)],
            vec![ddl::set_publication_options(to, from)],
        ));
    }
    for schema in from.schemas.iter().filter(|s| !to.schemas.contains(s)) {
        steps.push(Step::new(
            format!("remove the tables in schema `{schema}` from publication `{name}`"),
            vec![ddl::drop_publication_schema(name, schema)],
            vec![ddl::add_publication_schema(name, schema)],
        ));
    }
    for schema in to.schemas.iter().filter(|s| !from.schemas.contains(s)) {
        steps.push(Step::new(
            format!("add the tables in schema `{schema}` to publication `{name}`"),
            vec![ddl::add_publication_schema(name, schema)],
            vec![ddl::drop_publication_schema(name, schema)],
        ));
    }
    steps
}
