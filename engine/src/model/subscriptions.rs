//! Subscriptions for logical replication. A subscription belongs to the database, not to a
//! schema, and names nothing local: its publications are on the publisher.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{is_secret, ForeignOptions};

/// The options `CREATE SUBSCRIPTION … WITH (…)` stores, with the server's default, and the
/// major version that added each: the live loader reads those its server has.
pub const STORED_OPTIONS: [(&str, &str, u32); 9] = [
    ("synchronous_commit", "off", 10),
    ("binary", "false", 14),
    ("streaming", "off", 14),
    ("two_phase", "false", 15),
    ("disable_on_error", "false", 15),
    ("origin", "any", 16),
    ("password_required", "true", 16),
    ("run_as_owner", "false", 16),
    ("failover", "false", 17),
];

/// The connection to the publisher (`CONNECTION '…'`).
#[derive(Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Conninfo {
    /// `keyword=value` pairs by keyword (their order means nothing); a password is a secret
    /// option, never serialised or printed.
    Keywords(ForeignOptions),
    /// A `postgresql://` URI, as written; its password is never printed either.
    #[serde(serialize_with = "redacted_uri")]
    Uri(String),
    /// Only superusers may read `pg_subscription.subconninfo`: a connection read by anyone
    /// else is not known, and not compared.
    Unreadable,
}

/// Passwords stay out of debug output (test failures, logs) too.
impl std::fmt::Debug for Conninfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Conninfo::Keywords(keywords) => f.debug_tuple("Keywords").field(keywords).finish(),
            Conninfo::Uri(uri) => (f.debug_tuple("Uri"))
                .field(&crate::error::redact_url(uri))
                .finish(),
            Conninfo::Unreadable => f.write_str("Unreadable"),
        }
    }
}

impl Conninfo {
    /// Whether it holds a value the plan never prints: a password, or the whole connection
    /// when it could not be read.
    pub fn holds_secret(&self) -> bool {
        match self {
            Conninfo::Keywords(keywords) => keywords.0.keys().any(|k| is_secret(k)),
            Conninfo::Uri(uri) => crate::error::redact_url(uri) != *uri,
            Conninfo::Unreadable => true,
        }
    }
}

fn redacted_uri<S: serde::Serializer>(uri: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&crate::error::redact_url(uri))
}

/// `CREATE SUBSCRIPTION`, with what later `ALTER SUBSCRIPTION`s did to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Subscription {
    pub name: String,
    pub conninfo: Conninfo,
    /// The publications it subscribes to, sorted: the server applies them as a set.
    pub publications: Vec<String>,
    /// `enabled`: a subscription created with `connect = false` is disabled.
    pub enabled: bool,
    /// The replication slot on the publisher; `None` for `slot_name = NONE`.
    pub slot_name: Option<String>,
    /// The stored options of [`STORED_OPTIONS`] that are not the default, values as the
    /// server spells them (`true`, `on`, `parallel`…).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
    pub comment: Option<String>,
}

impl Subscription {
    /// Whether the two connections are known to differ (an unreadable one differs from
    /// nothing).
    pub fn connection_changes(&self, to: &Subscription) -> bool {
        !matches!(
            (&self.conninfo, &to.conninfo),
            (Conninfo::Unreadable, _) | (_, Conninfo::Unreadable)
        ) && self.conninfo != to.conninfo
    }

    /// The value of a stored option, its default when not set.
    pub fn option(&self, name: &str) -> &str {
        let default = STORED_OPTIONS.iter().find(|(n, ..)| *n == name);
        (self.options.get(name).map(String::as_str))
            .or(default.map(|(_, value, _)| *value))
            .unwrap_or_default()
    }
}
