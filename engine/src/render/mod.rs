//! Plans → text: forward SQL, rollback SQL, JSON, a human summary and markdown. Quoting and
//! statement text live in [`quote`] and [`ddl`].

pub mod ddl;
mod dump;
pub mod layout;
pub mod quote;
mod report;
mod script;

pub use dump::{dump_files, dump_sql};
pub use report::{json, markdown, summary};
pub use script::{between_phases, down_sql, phase_files, up_sql};
