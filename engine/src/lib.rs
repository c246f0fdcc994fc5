//! schemadiff's engine: load two sources into one catalog model, diff them, order the
//! changes with a dependency graph, and render the plan.
//!
//! ```text
//! source::{sql, live} ──► model::Catalog ──► diff::Change ──► plan::Plan ──► render
//! ```

pub mod cluster;
pub mod error;
pub mod model;
pub mod normalize;
pub mod render;
pub mod source;
