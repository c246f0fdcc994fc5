//! Changes → an ordered, phased plan of steps, each with its rollback, lock level and
//! hazards.

mod dependencies;
mod dump;
mod fingerprint;
mod order;
mod privileges;
pub mod renames;
pub mod retain;
mod rows;
pub mod staging;
mod steps;

pub use dump::{dump, DumpEntry};
pub use fingerprint::{fingerprint, object_digests};
pub(crate) use steps::{loses_values, type_change_rewrites};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diff::{self, Change, Pair};
use crate::error::Error;
use crate::hazard::Hazard;
use crate::model::{Catalog, QualifiedName, Unsupported};

/// When a step runs. Steps of a phase all run before the next phase starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Additive and backward compatible: the running application keeps working.
    Expand,
    /// Data movement.
    Backfill,
    /// Removes the old shape, once the application no longer uses it.
    Contract,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Expand => "expand",
            Phase::Backfill => "backfill",
            Phase::Contract => "contract",
        }
    }
}

/// The strongest table lock a step takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LockLevel {
    /// Only new objects, or none that queries use.
    None,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    AccessExclusive,
}

impl LockLevel {
    /// The lock's name as PostgreSQL's documentation writes it.
    pub fn name(self) -> &'static str {
        match self {
            LockLevel::None => "none",
            LockLevel::ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
            LockLevel::Share => "SHARE",
            LockLevel::ShareRowExclusive => "SHARE ROW EXCLUSIVE",
            LockLevel::AccessExclusive => "ACCESS EXCLUSIVE",
        }
    }
}

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The kind of change, e.g. `create_table`, for counts and reports.
    pub kind: String,
    /// What the step does, naming the object: "add column `public.orders.note`".
    pub description: String,
    pub sql: Vec<String>,
    /// Undoes `sql`; run in reverse step order.
    pub rollback: Vec<String>,
    pub phase: Phase,
    pub lock: LockLevel,
    /// Whether the step joins the transaction of the steps around it.
    pub transaction: Transaction,
    pub hazards: Vec<Hazard>,
    /// What the step does to stored data, and whether the rollback gives it back.
    pub data: DataEffect,
}

/// How a step runs with respect to transactions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transaction {
    /// In one transaction with the neighbouring steps of its phase.
    Shared,
    /// In a transaction of its own: what it does must be committed before the next step
    /// uses it, or it must not hold its lock while other steps run.
    Own,
    /// Outside any transaction block (`CREATE INDEX CONCURRENTLY`, batched backfills that
    /// commit as they go).
    None,
}

/// Steps that run together: one transaction, or one step outside any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    pub phase: Phase,
    /// Whether the batch runs inside `BEGIN` … `COMMIT`.
    pub transactional: bool,
    /// Indexes into `Plan::steps`, in order.
    pub steps: std::ops::Range<usize>,
}

/// Whether the rollback of a step brings back the data the step touches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "effect", rename_all = "snake_case")]
pub enum DataEffect {
    /// No stored data is destroyed, or the rollback restores it exactly.
    Reversible,
    /// The step destroys data that the rollback cannot bring back: it recreates the shape
    /// only.
    Lossy { of: DataObject },
    /// `--retain-dropped`: the data is kept in the archive schema, and the rollback restores
    /// it from there.
    Retained {
        of: DataObject,
        archive: QualifiedName,
    },
}

impl DataEffect {
    /// What the rollback does for the data, in a few words for reports.
    pub fn rollback_note(&self) -> String {
        match self {
            DataEffect::Reversible => "restores everything".to_string(),
            DataEffect::Lossy { of } => {
                format!("the old shape of {of}, without its lost data")
            }
            DataEffect::Retained { archive, .. } => {
                format!("restores the data kept in `{archive}`")
            }
        }
    }
}

/// The relation (table or sequence), or one column of it, whose data a step destroys or
/// archives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataObject {
    pub relation: QualifiedName,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

impl DataObject {
    pub fn new(relation: &QualifiedName, column: Option<&str>) -> Self {
        DataObject {
            relation: relation.clone(),
            column: column.map(str::to_string),
        }
    }
}

impl std::fmt::Display for DataObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(column) => write!(f, "`{}.{column}`", self.relation),
            None => write!(f, "`{}`", self.relation),
        }
    }
}

/// An ordered plan from one catalog to another.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Plan {
    pub format: u32,
    pub from_fingerprint: String,
    pub to_fingerprint: String,
    pub steps: Vec<Step>,
    /// What either side holds that the model does not cover yet.
    pub unsupported: Vec<Unsupported>,
    /// How desired-state SQL was normalised: offline, or in which shadow database.
    pub desired_state: Option<String>,
    /// A digest of each object of FROM, so that `apply` can name what changed since.
    #[serde(default)]
    pub from_objects: BTreeMap<String, String>,
    /// What of the databases the plan read, so that `apply` reads its database the same way
    /// to check that it is still FROM.
    #[serde(default, skip_serializing_if = "Scope::is_everything")]
    pub scope: Scope,
}

/// The options that decide what a catalog holds, and so its fingerprint.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    /// Only these schemas (every one when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemas: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_schemas: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<crate::Platform>,
    /// Owners compared.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub owners: bool,
}

impl Scope {
    /// The default: every schema, owners ignored.
    pub fn is_everything(&self) -> bool {
        *self == Scope::default()
    }
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The phases that have steps, in the order they run.
    pub fn phases(&self) -> Vec<Phase> {
        let mut phases: Vec<Phase> = self.steps.iter().map(|s| s.phase).collect();
        phases.dedup();
        phases
    }

    /// How the steps run: consecutive `Shared` steps of a phase in one transaction, an `Own`
    /// step in a transaction alone, a `None` step outside any. The renderer and `apply`
    /// share this one account; the rollback runs the same batches in reverse order.
    pub fn batches(&self) -> Vec<Batch> {
        let mut batches: Vec<Batch> = Vec::new();
        for (i, step) in self.steps.iter().enumerate() {
            if let Some(last) = batches.last_mut() {
                let joins = step.transaction == Transaction::Shared
                    && last.phase == step.phase
                    && last.transactional
                    && self.steps[last.steps.start].transaction == Transaction::Shared;
                if joins {
                    last.steps.end = i + 1;
                    continue;
                }
            }
            batches.push(Batch {
                phase: step.phase,
                transactional: step.transaction != Transaction::None,
                steps: i..i + 1,
            });
        }
        batches
    }
}

/// What a plan does with the data of what it drops.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DroppedData {
    /// Deleted with the object; the rollback recreates the shape only.
    #[default]
    Delete,
    /// `--retain-dropped`: kept in the archive schema, and restored by the rollback.
    Retain,
}

/// How a plan is made, beyond the two catalogs it goes between.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub dropped: DroppedData,
    /// `--direct`: the shortest plan, each change in one step, without the staged forms
    /// that keep the running application working.
    pub direct: bool,
    /// Declared renames and backfill expressions, checked against both catalogs.
    pub declared: renames::Declared,
}

/// Plans the migration from `from` to `to`.
pub fn plan(from: &Catalog, to: &Catalog, settings: Settings) -> Result<Plan, Error> {
    let (from_fingerprint, to_fingerprint) = (fingerprint(from), fingerprint(to));
    let declared = &settings.declared;
    let mut changes = declared.changes(from, to);
    let renamed;
    let from = if !declared.renames() {
        from
    } else {
        renamed = declared.renamed(from);
        &renamed
    };
    changes.extend(diff::diff(from, to));
    let changes = declared.rules_around_renamed_columns(changes);
    let changes = staging::without_continued_helpers(changes, &declared.backfills);
    let catalogs = Pair::new(from, to);
    // the same two schemas give the same id, so that plans stay byte-identical
    let archive = (settings.dropped == DroppedData::Retain).then(|| {
        let id = Sha256::digest(format!("{from_fingerprint}{to_fingerprint}").as_bytes());
        retain::Archive::new(id.iter().take(4).map(|b| format!("{b:02x}")).collect())
    });
    let context = steps::Context::new(
        &changes,
        catalogs,
        archive,
        !settings.direct,
        declared.backfills.clone(),
    );
    let ordered = order::order(&changes, catalogs, |change| {
        (default_phase(change, &context) as u8, rank(change))
    })?;
    let steps = phased_steps(&changes, &ordered, &context);
    let mut unsupported = from.unsupported.clone();
    unsupported.extend(to.unsupported.iter().cloned());
    unsupported.sort();
    unsupported.dedup();
    Ok(Plan {
        format: 1,
        from_fingerprint,
        to_fingerprint,
        steps,
        unsupported,
        desired_state: None,
        from_objects: object_digests(from),
        scope: Scope::default(),
    })
}

/// The steps of every change in dependency order, each in its phase, sorted by phase. A
/// step runs no earlier than the changes it depends on are ready for it (and than its own
/// strategy says); the backfill phase holds only batched data steps, so that it can run
/// again.
fn phased_steps(
    changes: &[Change],
    ordered: &order::Ordered,
    context: &steps::Context,
) -> Vec<Step> {
    let mut phases: Vec<Vec<Phase>> = vec![Vec::new(); changes.len()];
    let in_contract = staging::dropped_in_contract(changes, &ordered.predecessors, context);
    let mut steps: Vec<Step> = Vec::new();
    for &i in &ordered.order {
        let change = &changes[i];
        let waits = staging::waits_for_predecessors(change, context);
        let floor = ordered.predecessors[i]
            .iter()
            .filter(|_| waits)
            .map(|&j| staging::ready_for(&changes[j], &phases[j], change, context))
            .fold(default_phase(change, context), Phase::max)
            .max(if in_contract[i] {
                Phase::Contract
            } else {
                Phase::Expand
            });
        let kind = change.kind();
        for mut step in steps::steps(change, context) {
            step.phase = match step.phase.max(floor) {
                Phase::Backfill if step.phase < Phase::Backfill => Phase::Contract,
                phase => phase,
            };
            step.kind = kind.clone();
            phases[i].push(step.phase);
            steps.push(step);
        }
        if phases[i].is_empty() {
            phases[i].push(floor);
        }
    }
    // a stable sort keeps dependency order within each phase: a step's predecessors are
    // never in a later phase than the step
    steps.sort_by_key(|step| step.phase);
    steps
}

/// Removing the old shape is contract work; everything else expands. A function dropped to
/// be created again (`CREATE OR REPLACE` cannot change its interface) is not removed: what
/// calls it is dropped and created around it, all in one phase.
fn default_phase(change: &Change, context: &steps::Context) -> Phase {
    match change {
        Change::DropFunction(function)
            if (context.catalogs().to.functions).contains_key(&function.signature()) =>
        {
            Phase::Expand
        }
        // the columns a foreign table loses (`diff::foreign` keeps them apart)
        Change::AlterForeignTable(table) if table.to.columns.len() < table.from.columns.len() => {
            Phase::Contract
        }
        // a rule dropped with its table (created again or not) goes when the table does
        Change::DropRule { rule, .. } if context.drops_table(&rule.table) => Phase::Contract,
        Change::DropSchema(_)
        | Change::DropExtension(_)
        | Change::DropEnum(_)
        | Change::DropDomain(_)
        | Change::DropCompositeType(_)
        | Change::DropRangeType(_)
        | Change::DropCollation(_)
        | Change::DropSequence(_)
        | Change::DropTable(_)
        | Change::DropColumn { .. }
        | Change::DropFunction(_)
        | Change::DropView {
            recreated: false, ..
        }
        | Change::DropTrigger {
            recreated: false, ..
        }
        | Change::DropPolicy {
            recreated: false, ..
        }
        | Change::DropRule {
            recreated: false, ..
        }
        | Change::DropEventTrigger {
            recreated: false, ..
        }
        | Change::DropCast {
            recreated: false, ..
        }
        | Change::DropTextSearchConfiguration {
            recreated: false, ..
        }
        | Change::DropTextSearchDictionary {
            recreated: false, ..
        }
        | Change::DropOperator {
            recreated: false, ..
        }
        | Change::DropOperatorFamily {
            recreated: false, ..
        }
        | Change::DropOperatorClass {
            recreated: false, ..
        }
        | Change::DropForeignDataWrapper(_)
        | Change::DropForeignServer {
            recreated: false, ..
        }
        | Change::DropUserMapping {
            recreated: false, ..
        }
        | Change::DropForeignTable {
            recreated: false, ..
        }
        | Change::DropSubscription(_)
        | Change::DropPublication {
            recreated: false, ..
        }
        | Change::Privileges(diff::AclChange {
            timing: diff::AclTiming::Dropped { recreated: false },
            ..
        })
        | Change::SetOwner(diff::OwnerChange {
            timing: diff::AclTiming::Dropped { recreated: false },
            ..
        }) => Phase::Contract,
        _ => Phase::Expand,
    }
}

/// Reading order among changes the graph leaves free: drops of dependent objects first,
/// then creation from the outside in.
fn rank(change: &Change) -> u8 {
    match change {
        Change::DropConstraint { .. }
        | Change::DropView { .. }
        | Change::DropTrigger { .. }
        | Change::DropPolicy { .. }
        | Change::DropRule { .. }
        | Change::DropEventTrigger { .. }
        | Change::DropCast { .. }
        | Change::DropTextSearchConfiguration { .. }
        | Change::DropUserMapping { .. }
        | Change::DropSubscription(_)
        | Change::DropPublication { .. }
        | Change::DropPublicationTable { .. } => 0,
        // after what reads them (foreign tables), before the functions of their wrapper
        Change::DropForeignTable { .. } => 4,
        Change::DropForeignServer { .. } => 5,
        Change::DropForeignDataWrapper(_) => 6,
        // after the functions of their wrapper, before what reads them
        Change::CreateForeignDataWrapper(_) | Change::AlterForeignDataWrapper(_) => 13,
        Change::CreateForeignServer(_) | Change::AlterForeignServer(_) => 14,
        Change::CreateUserMapping(_) | Change::AlterUserMapping(_) => 15,
        Change::CreateForeignTable(_) | Change::AlterForeignTable(_) => 15,
        // a partition leaves before its parent's columns change, and joins after
        Change::DetachPartition { .. } | Change::NoInherit { .. } => 1,
        Change::DropIndex(_)
        | Change::DropStatistics { .. }
        | Change::DropTextSearchDictionary { .. }
        | Change::DropOperatorClass { .. } => 1,
        // after the classes in them, before the operators and functions they hold
        Change::DropOperatorFamily { .. } => 2,
        Change::DropOperator { .. } => 4,
        Change::SetSequenceOwner { owner, .. } if owner.to.is_none() => 2,
        Change::DropColumn { .. } => 3,
        Change::DropTable(_) => 4,
        Change::DropSequence(_) | Change::DropFunction(_) => 5,
        Change::DropEnum(_)
        | Change::DropDomain(_)
        | Change::DropCompositeType(_)
        | Change::DropRangeType(_) => 6,
        Change::DropExtension(_) | Change::DropCollation(_) => 7,
        Change::DropSchema(_) => 8,
        Change::CreateSchema(_) => 10,
        Change::CreateExtension(_) | Change::AlterExtension(_) | Change::CreateCollation(_) => 11,
        Change::CreateEnum(_)
        | Change::AddEnumValue { .. }
        | Change::RecreateEnum { .. }
        | Change::CreateDomain(_)
        | Change::AlterDomain(_)
        | Change::CreateCompositeType(_)
        | Change::AlterCompositeType(_)
        | Change::CreateRangeType(_) => 12,
        Change::CreateSequence(_)
        | Change::AlterSequence(_)
        | Change::CreateFunction(_)
        | Change::ReplaceFunction(_)
        | Change::CreateTextSearchDictionary(_)
        | Change::AlterTextSearchDictionary(_) => 13,
        // after the dictionaries their mappings use
        Change::CreateTextSearchConfiguration(_) | Change::AlterTextSearchMappings(_) => 14,
        // after their functions; families after their operators, classes after their
        // families and before the indexes that use them
        Change::CreateOperator(_) => 14,
        // after the creation of the commutator or negator it may set
        Change::AlterOperator(_) => 15,
        Change::CreateOperatorFamily(_) | Change::AlterOperatorFamily(_) => 15,
        Change::CreateOperatorClass(_) => 16,
        Change::CreateTable(_) => 14,
        Change::AddColumn { .. } => 15,
        Change::RenameTable { .. } | Change::RenameColumn { .. } => 14,
        // before the publication's other changes, which name it by its new name
        Change::RenamePublication { .. } => 14,
        Change::RenameConstraint { .. } => 17,
        Change::AlterColumn { .. }
        | Change::AddIdentity { .. }
        | Change::SetUnlogged { .. }
        | Change::SetStorageOptions { .. } => 16,
        // the index it may use is created first, and released before it is dropped
        Change::SetReplicaIdentity { identity, .. } if identity.to.is_none() => 0,
        Change::SetReplicaIdentity { .. } => 22,
        Change::SetSequenceOwner { .. }
        | Change::AttachPartition { .. }
        | Change::Inherit { .. } => 17,
        Change::AddConstraint { constraint, .. }
            if constraint.kind != crate::model::ConstraintKind::ForeignKey =>
        {
            18
        }
        Change::AddConstraint { .. } => 19,
        Change::ValidateConstraint { .. } => 20,
        Change::CreateIndex(_)
        | Change::CreateStatistics(_)
        | Change::RenameStatistics(_)
        | Change::SetStatisticsTarget { .. }
        | Change::CreateView(_)
        | Change::ReplaceView(_)
        | Change::AlterViewOptions(_)
        | Change::RefreshView(_)
        | Change::CreateTrigger(_)
        | Change::SetTriggerEnabled { .. }
        | Change::CreatePolicy(_)
        | Change::AlterPolicy(_)
        | Change::CreateRule(_)
        | Change::ReplaceRule(_)
        | Change::SetRuleEnabled { .. }
        | Change::CreateEventTrigger(_)
        | Change::CreateCast(_)
        | Change::SetEventTriggerEnabled { .. }
        | Change::CreatePublication(_)
        | Change::AlterPublication(_)
        | Change::AddPublicationTable { .. } => 21,
        // after the policies, so that enabling it never leaves a table without them
        Change::SetRowSecurity { .. } => 22,
        // after the publications, which a subscription to its own server may name
        Change::CreateSubscription(_) | Change::AlterSubscription(_) => 22,
        Change::SetComment { .. } => 23,
        // before anything is created: new objects get the new default privileges
        Change::DefaultPrivileges(_) => 9,
        // with the drops, before the object goes
        Change::Privileges(diff::AclChange {
            timing: diff::AclTiming::Dropped { .. },
            ..
        })
        | Change::SetOwner(diff::OwnerChange {
            timing: diff::AclTiming::Dropped { .. },
            ..
        }) => 0,
        Change::Privileges(_) | Change::SetOwner(_) => 24,
    }
}
