//! The hazard catalogue: what can go wrong when a step runs, with stable ids that plans,
//! `--allow-hazard` and the documentation (`docs/hazards/<id>.md`) refer to.

use serde::{Deserialize, Serialize};

/// How bad a hazard is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing breaks.
    Info,
    /// Can block traffic or fail on existing data.
    Warning,
    /// Destroys data or breaks the running application.
    Danger,
}

/// A kind of hazard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HazardKind {
    DataLoss,
    EnumValueRemoval,
    TableRewrite,
    AccessExclusiveLock,
    BlockingIndexBuild,
    ValidationScan,
    BreaksApplication,
    DependentsRecreated,
    NonTransactional,
    UnknownDependencies,
    /// A drop and an add that look like a rename the desired state does not declare.
    ProbableRename,
    /// `BEGIN` inside a transaction, or one never committed (hand-written migrations).
    NestedTransaction,
    /// A statement that locks an existing table while no `lock_timeout` is set.
    MissingLockTimeout,
    /// Row level security disabled, a policy dropped, a privilege granted to `PUBLIC`.
    WeakensSecurity,
    /// A column type that is known to age badly: `char(n)`, `varchar(n)`, `timestamp`
    /// without time zone, `integer`/`serial` keys.
    DiscouragedType,
    /// A statement that fails when run a second time (lint, when the team asks for it).
    NotIdempotent,
    /// A step sets a secret option (a user mapping's password) whose value the plan does
    /// not print: a placeholder stands in for it until someone supplies it.
    SecretRequired,
}

impl HazardKind {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            HazardKind::DataLoss => "data-loss",
            HazardKind::EnumValueRemoval => "enum-value-removal",
            HazardKind::TableRewrite => "table-rewrite",
            HazardKind::AccessExclusiveLock => "access-exclusive-lock",
            HazardKind::BlockingIndexBuild => "blocking-index-build",
            HazardKind::ValidationScan => "validation-scan",
            HazardKind::BreaksApplication => "breaks-application",
            HazardKind::DependentsRecreated => "dependents-recreated",
            HazardKind::NonTransactional => "non-transactional",
            HazardKind::UnknownDependencies => "unknown-dependencies",
            HazardKind::ProbableRename => "probable-rename",
            HazardKind::NestedTransaction => "nested-transaction",
            HazardKind::MissingLockTimeout => "missing-lock-timeout",
            HazardKind::WeakensSecurity => "weakens-security",
            HazardKind::DiscouragedType => "discouraged-type",
            HazardKind::NotIdempotent => "not-idempotent",
            HazardKind::SecretRequired => "secret-required",
        }
    }

    /// The kind of a stable id, as `--allow-hazard` names it.
    pub fn from_id(id: &str) -> Option<Self> {
        serde_json::from_value(serde_json::Value::String(id.to_string())).ok()
    }

    pub fn severity(self) -> Severity {
        match self {
            HazardKind::DataLoss
            | HazardKind::EnumValueRemoval
            | HazardKind::BreaksApplication
            | HazardKind::WeakensSecurity
            | HazardKind::SecretRequired => Severity::Danger,
            HazardKind::TableRewrite
            | HazardKind::AccessExclusiveLock
            | HazardKind::BlockingIndexBuild
            | HazardKind::ValidationScan
            | HazardKind::ProbableRename
            | HazardKind::NestedTransaction
            | HazardKind::MissingLockTimeout => Severity::Warning,
            HazardKind::DependentsRecreated
            | HazardKind::NonTransactional
            | HazardKind::UnknownDependencies
            | HazardKind::DiscouragedType
            | HazardKind::NotIdempotent => Severity::Info,
        }
    }
}

/// A hazard of one step: the kind and one sentence naming the object and the safer way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hazard {
    pub kind: HazardKind,
    pub message: String,
}

impl Hazard {
    pub fn new(kind: HazardKind, message: impl Into<String>) -> Self {
        Hazard {
            kind,
            message: message.into(),
        }
    }
}
