//! schemadiff's engine: load two sources into one catalog model, diff them, order the
//! changes with a dependency graph, and render the plan.
//!
//! ```text
//! source::{sql, live} ──► model::Catalog ──► diff::Change ──► plan::Plan ──► render
//! ```

pub mod cluster;
pub mod diff;
pub mod error;
pub mod hazard;
pub mod model;
pub mod normalize;
pub mod plan;
pub mod render;
pub mod source;

pub use error::Error;
pub use model::Catalog;
pub use plan::Plan;
pub use source::Source;

/// What to compare and how strictly.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Only these schemas (all non-system schemas when empty).
    pub schemas: Vec<String>,
    /// Schemas to leave out, such as those a platform manages.
    pub exclude_schemas: Vec<String>,
    /// Objects the model does not cover are an error instead of a note.
    pub strict: bool,
}

/// Loads a source and keeps the schemas the options select.
pub fn load(source: &Source, options: &Options) -> Result<Catalog, Error> {
    let mut catalog = source::load(source)?;
    catalog.retain_schemas(|schema| {
        (options.schemas.is_empty() || options.schemas.iter().any(|s| s == schema))
            && !options.exclude_schemas.iter().any(|s| s == schema)
    });
    if options.strict && !catalog.unsupported.is_empty() {
        let list: Vec<String> = catalog
            .unsupported
            .iter()
            .map(|u| match &u.schema {
                Some(schema) => format!("{} {schema}.{}", u.kind, u.name),
                None => format!("{} {}", u.kind, u.name),
            })
            .collect();
        return Err(Error::Strict {
            count: list.len(),
            list: list.join(", "),
        });
    }
    Ok(catalog)
}

/// Loads both sources and plans the migration from one to the other.
pub fn plan(from: &Source, to: &Source, options: &Options) -> Result<Plan, Error> {
    let from = load(from, options)?;
    let to = load(to, options)?;
    plan::plan(&from, &to)
}
