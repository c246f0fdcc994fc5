//! Normalisation shared by both sources: canonical types, canonical expressions and the
//! names PostgreSQL generates for unnamed objects.
//!
//! Expressions are compared as normalised parse trees: the desired-state parser hands over
//! the tree pg_query built from the file, the live loader parses what the server printed,
//! and both go through [`expr::canonical`]. The tree is walked as pg_query's serde JSON so
//! that one generic walk covers every node kind.

pub mod aggregate;
pub mod body;
pub mod definitions;
pub mod event_trigger;
pub mod expr;
pub mod function;
pub mod interval;
pub mod names;
pub mod partitioning;
pub mod publication;
pub mod rule;
pub mod statistics;
pub mod storage;
pub mod subscription;
pub mod text_search;
pub mod trigger;
pub mod types;
pub mod user_types;
pub mod view;
