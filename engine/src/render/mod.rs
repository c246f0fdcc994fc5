//! Plans → text: forward SQL, rollback SQL, JSON, summary. Quoting lives in [`quote`].

pub mod quote;
