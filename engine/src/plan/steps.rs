//! Each change as steps: forward SQL, its inverse, lock level and hazards. SQL text comes
//! from `render::ddl`; this module decides which statements and what they risk.

mod casts;
mod event_triggers;
mod foreign;
mod operators;
mod publications;
mod rules;
mod statistics;
mod subscriptions;
mod text_search;
mod types;

use std::collections::{HashMap, HashSet};

use super::retain::{Archive, Retention};
use super::{DataEffect, DataObject, LockLevel, Phase, Step, Transaction};
use crate::diff::{created_table, Change, EnumPosition, Pair};
use crate::hazard::{Hazard, HazardKind};
use crate::model::{
    AclObject, Catalog, Column, ConstraintKind, EnumType, QualifiedName, Storage, Table,
    TriggerEnabled,
};
use crate::normalize::body::body_uses;
use crate::normalize::expr::referenced_sequences;
use crate::normalize::storage::type_storage;
use crate::render::ddl;
use crate::render::quote::quote_literal;

/// Facts about the whole change set that single changes need.
pub struct Context<'a> {
    catalogs: Pair<&'a Catalog>,
    /// Tables and materialized views created by this plan: work on them blocks nobody.
    new_tables: HashSet<QualifiedName>,
    /// Tables dropped by this plan (and maybe created again).
    dropped_tables: HashSet<QualifiedName>,
    /// Rules the plan creates, drops, replaces, enables or disables: (table, name).
    changed_rules: HashSet<(QualifiedName, String)>,
    /// Tables with partitions or inheritance children, on either side.
    parents: HashSet<QualifiedName>,
    /// `--retain-dropped`: where destroyed data is kept instead.
    archive: Option<Archive>,
    /// The plan drops types, functions, extensions or collations that an archived table's
    /// columns may still name.
    drops_definitions: bool,
    /// Columns the plan drops or converts, which cannot identify rows for an archive.
    changed_columns: HashSet<(QualifiedName, String)>,
    /// Changes to tables in use take their staged forms (not `--direct`).
    staged: bool,
    /// `-- schemadiff:backfill` expressions, by table and column.
    backfills: HashMap<(QualifiedName, String), String>,
    /// Declared column renames (`Change::RenameColumn`), by table and new name.
    renames: HashMap<(QualifiedName, String), Change>,
    /// Added columns that may be dropped ones renamed without a directive: (table, added) →
    /// dropped.
    probable_renames: HashMap<(QualifiedName, String), String>,
}

impl<'a> Context<'a> {
    pub fn new(
        changes: &[Change],
        catalogs: Pair<&'a Catalog>,
        archive: Option<Archive>,
        staged: bool,
        backfills: HashMap<(QualifiedName, String), String>,
    ) -> Self {
        let new_tables = changes
            .iter()
            .filter_map(|c| match c {
                Change::CreateTable(table) => Some(table.clone()),
                Change::CreateView(v) if v.materialized => Some(v.name.clone()),
                _ => None,
            })
            .collect();
        let dropped_tables = changes
            .iter()
            .filter_map(|c| match c {
                Change::DropTable(t) => Some(t.name.clone()),
                _ => None,
            })
            .collect();
        let changed_rules = changes
            .iter()
            .filter_map(|c| match c {
                Change::CreateRule(r) | Change::DropRule { rule: r, .. } => {
                    Some((r.table.clone(), r.name.clone()))
                }
                Change::ReplaceRule(r) => Some((r.to.table.clone(), r.to.name.clone())),
                Change::SetRuleEnabled { table, name, .. } => Some((table.clone(), name.clone())),
                _ => None,
            })
            .collect();
        let parents = [catalogs.from, catalogs.to]
            .iter()
            .flat_map(|c| c.tables.values())
            .flat_map(|t| t.parents().cloned())
            .collect();
        let drops_definitions = changes.iter().any(|c| {
            matches!(
                c,
                Change::DropEnum(_)
                    | Change::RecreateEnum { .. }
                    | Change::DropDomain(_)
                    | Change::DropCompositeType(_)
                    | Change::DropRangeType(_)
                    | Change::DropCollation(_)
                    | Change::DropExtension(_)
                    | Change::DropFunction(_)
            )
        });
        let changed_columns = changes
            .iter()
            .filter_map(|c| match c {
                Change::DropColumn { table, column, .. } => {
                    Some((table.clone(), column.name.clone()))
                }
                Change::AlterColumn { table, column }
                    if column.from.type_name != column.to.type_name =>
                {
                    Some((table.clone(), column.to.name.clone()))
                }
                _ => None,
            })
            .collect();
        let renames = changes
            .iter()
            .filter_map(|c| match c {
                Change::RenameColumn { table, column, .. } => {
                    Some(((table.clone(), column.to.name.clone()), c.clone()))
                }
                _ => None,
            })
            .collect();
        Context {
            catalogs,
            renames,
            probable_renames: probable_renames(changes),
            new_tables,
            dropped_tables,
            changed_rules,
            parents,
            archive,
            drops_definitions,
            changed_columns,
            staged,
            backfills,
        }
    }

    /// Whether changes to `table` must keep the running application going: the plan is
    /// staged and the table exists before and after it. Inheritance parents are left out:
    /// their triggers do not fire for their children's rows.
    pub fn in_use(&self, table: &QualifiedName) -> bool {
        let partitioned =
            |catalog: &Catalog| catalog.tables.get(table).map(|t| t.partition_by.is_some());
        let (before, after) = (
            partitioned(self.catalogs.from),
            partitioned(self.catalogs.to),
        );
        self.staged
            && !self.new_tables.contains(table)
            && before.is_some()
            && before == after
            && (!self.parents.contains(table) || before == Some(true))
    }

    /// The rules that rewrite the `UPDATE`s of `table` in a session of the plan (enabled, or
    /// always enabled), with their state, among those the plan leaves as they are: they are
    /// there when any of its steps runs or is rolled back.
    fn rules_on_updates(&self, table: &QualifiedName) -> Vec<(String, TriggerEnabled)> {
        let catalogs = self.catalogs;
        (catalogs.from.rules.iter())
            .filter(|((on, _), rule)| {
                on == table
                    && rule.event == "UPDATE"
                    && matches!(
                        rule.enabled,
                        TriggerEnabled::Origin | TriggerEnabled::Always
                    )
            })
            .filter(|(key, _)| {
                catalogs.to.rules.contains_key(*key) && !self.changed_rules.contains(*key)
            })
            .map(|((_, name), rule)| (name.clone(), rule.enabled))
            .collect()
    }

    /// Whether the plan drops `table` (and maybe creates it again).
    pub fn drops_table(&self, table: &QualifiedName) -> bool {
        self.dropped_tables.contains(table)
    }

    /// Whether DDL on `table` is to be done without blocking writes (`CONCURRENTLY`,
    /// `NOT VALID`): a table in use that is not partitioned, since PostgreSQL cannot build a
    /// partitioned table's indexes concurrently.
    pub fn online(&self, table: &QualifiedName) -> bool {
        self.in_use(table)
            && !self.parents.contains(table)
            && self
                .catalogs
                .from
                .tables
                .get(table)
                .is_some_and(|t| t.partition_by.is_none())
    }

    /// The expression that fills `table.column` where it is NULL, when the desired state
    /// gives one.
    pub fn backfill(&self, table: &QualifiedName, column: &str) -> Option<&str> {
        self.backfills
            .get(&(table.clone(), column.to_string()))
            .map(String::as_str)
    }

    /// Whether `table.column` is a declared rename that takes its staged form.
    pub fn renames_in_stages(&self, table: &QualifiedName, column: &str) -> bool {
        self.renames
            .get(&(table.clone(), column.to_string()))
            .is_some_and(|rename| super::staging::stages_rename(rename, self))
    }

    /// Whether the desired state has an index of this name (one the plan drops is then
    /// replaced).
    pub fn keeps_index(&self, name: &QualifiedName) -> bool {
        self.catalogs.to.indexes.contains_key(name)
    }

    /// The grants on `object` before the plan, where they differ from the default.
    pub fn privileges_before(&self, object: &AclObject) -> Option<&crate::model::Acl> {
        self.catalogs.from.privileges.get(object).map(|p| &p.grants)
    }

    /// Whether `table` has a constraint of this name before the plan.
    pub fn has_constraint_before(&self, table: &QualifiedName, name: &str) -> bool {
        self.catalogs
            .from
            .tables
            .get(table)
            .is_some_and(|t| t.constraints.contains_key(name))
    }

    /// Whether `table` has a trigger of this name before the plan.
    pub fn has_trigger_before(&self, table: &QualifiedName, name: &str) -> bool {
        self.catalogs
            .from
            .triggers
            .contains_key(&(table.clone(), name.to_string()))
    }

    /// The policies of `table` that read `column`, as they are before the plan (read as if
    /// renamed already: their text names the old column) and as they are wanted.
    pub fn policies_reading(
        &self,
        table: &QualifiedName,
        column: &str,
    ) -> Vec<Pair<&'a crate::model::Policy>> {
        self.catalogs
            .from
            .policies
            .iter()
            .filter(|(_, p)| p.table == *table && p.columns.iter().any(|c| c == column))
            .filter_map(|(key, before)| {
                Some(Pair::new(before, self.catalogs.to.policies.get(key)?))
            })
            .collect()
    }

    /// The key (column, type) a backfill of `table` walks in batches: its primary key or a
    /// unique key over NOT NULL columns other than `column`; empty when it has none.
    pub fn batch_key(&self, table: &QualifiedName, column: &str) -> Vec<(String, String)> {
        let Some(table) = self.table_before(table) else {
            return Vec::new();
        };
        super::retain::row_key(table, column, &|_| false)
            .into_iter()
            .flatten()
            .filter_map(|c| Some((c.clone(), table.columns.get(&c)?.type_name.clone())))
            .collect()
    }

    /// Both catalogs, for strategies that weigh what surrounds a change.
    pub fn catalogs(&self) -> Pair<&'a Catalog> {
        self.catalogs
    }

    /// The sequences owned by `table.column` before the plan.
    pub fn sequences_owned_by(&self, table: &QualifiedName, column: &str) -> Vec<QualifiedName> {
        self.catalogs
            .from
            .sequences
            .values()
            .filter(|s| {
                s.owned_by
                    .as_ref()
                    .is_some_and(|(t, c)| t == table && c == column)
            })
            .map(|s| s.name.clone())
            .collect()
    }

    /// `table` as it is before the plan.
    pub fn table_before(&self, table: &QualifiedName) -> Option<&'a Table> {
        self.catalogs.from.tables.get(table)
    }

    /// Archives a column's values before `step` (which drops or converts them) when the
    /// plan retains dropped data and the table's rows can be matched again: the rollback
    /// then runs `reshape` (the column back in its old shape), writes the values back, and
    /// runs `finish`. Otherwise the step keeps its rollback and is marked lossy with `loss`.
    pub(super) fn retain_column(
        &self,
        table: &QualifiedName,
        column: &Column,
        step: Step,
        (reshape, finish): (Vec<String>, Vec<String>),
        loss: String,
    ) -> Step {
        let lossy = |step: Step, loss: String| {
            step.loses(table, Some(&column.name))
                .hazard(HazardKind::DataLoss, loss)
        };
        let (Some(archive), Some(old_table)) =
            (&self.archive, self.catalogs.from.tables.get(table))
        else {
            return lossy(step, loss);
        };
        let retention = if self.parents.contains(table) && old_table.partition_by.is_none() {
            Err(format!(
                "`{table}` has inheritance children, whose rows its key does not tell apart"
            ))
        } else {
            let unusable = |c: &str| {
                self.changed_columns
                    .contains(&(table.clone(), c.to_string()))
            };
            archive.column(old_table, column, &unusable)
        };
        match retention {
            Ok(retention) => {
                let mut step = step.retains(table, Some(&column.name), &retention.archive);
                step.sql.splice(0..0, retention.before);
                // the values go back with an UPDATE, which the table's rules must not rewrite
                let rules = self.rules_on_updates(table);
                let disable = rules.iter().map(|(name, _)| {
                    ddl::rules::set_rule_enabled(table, name, TriggerEnabled::Disabled)
                });
                let enable = rules
                    .iter()
                    .map(|(name, enabled)| ddl::rules::set_rule_enabled(table, name, *enabled));
                step.rollback = reshape
                    .into_iter()
                    .chain(disable)
                    .chain(retention.restore)
                    .chain(enable)
                    .chain(finish)
                    .collect();
                step
            }
            Err(reason) => lossy(step, format!("{loss} (not archived: {reason})")),
        }
    }
}

impl Step {
    pub(super) fn new(description: String, sql: Vec<String>, rollback: Vec<String>) -> Self {
        Step {
            kind: String::new(),
            description,
            sql,
            rollback,
            phase: Phase::Expand,
            lock: LockLevel::None,
            transaction: Transaction::Shared,
            hazards: Vec::new(),
            data: DataEffect::Reversible,
        }
    }

    pub(super) fn lock(mut self, lock: LockLevel) -> Self {
        self.lock = lock;
        self
    }

    pub(super) fn hazard(mut self, kind: HazardKind, message: String) -> Self {
        self.hazards.push(Hazard::new(kind, message));
        self
    }

    /// With `--retain-dropped`: the step keeps the data of `relation` (or of one column of
    /// it) in `archive`, and its rollback restores it.
    fn retains(
        mut self,
        relation: &QualifiedName,
        column: Option<&str>,
        archive: &QualifiedName,
    ) -> Self {
        self.data = DataEffect::Retained {
            of: DataObject::new(relation, column),
            archive: archive.clone(),
        };
        self
    }

    /// With `--retain-dropped`: instead of dropping `relation`, the step moves it into the
    /// archive, and its rollback moves it back.
    fn moves_to_archive(mut self, relation: &QualifiedName, retention: Retention) -> Self {
        self.description = format!(
            "{}, keeping it as `{}`",
            self.description, retention.archive
        );
        self.sql = retention.before;
        self.rollback = retention.restore;
        self.retains(relation, None, &retention.archive)
    }

    /// The step destroys the data of `relation` (or of one column of it) for good.
    pub(super) fn loses(mut self, relation: &QualifiedName, column: Option<&str>) -> Self {
        self.data = DataEffect::Lossy {
            of: DataObject::new(relation, column),
        };
        self
    }

    pub(super) fn own_transaction(mut self) -> Self {
        self.transaction = Transaction::Own;
        self
    }

    /// `CREATE INDEX CONCURRENTLY` and batched work that commits as it goes.
    pub(super) fn outside_transaction(mut self) -> Self {
        self.transaction = Transaction::None;
        self
    }

    /// The earliest phase the step may run in; the planner may still move it later.
    pub(super) fn in_phase(mut self, phase: Phase) -> Self {
        self.phase = phase;
        self
    }
}

/// The steps of one change, in the order they run.
pub fn steps(change: &Change, context: &Context) -> Vec<Step> {
    let mut steps =
        super::staging::steps(change, context).unwrap_or_else(|| direct_steps(change, context));
    if let (Change::AddColumn { table, column }, Some(first)) = (change, steps.first_mut()) {
        if let Some(old) = context
            .probable_renames
            .get(&(table.clone(), column.name.clone()))
        {
            first.hazards.push(Hazard::new(
                HazardKind::ProbableRename,
                format!(
                    "`{table}.{}` may be `{old}` renamed: this plan drops `{old}` with its data and adds `{}` empty; if it is a rename, add `-- schemadiff:renamed-from {old}` at the end of the column's line",
                    column.name, column.name
                ),
            ));
        }
    }
    steps
}

/// The steps of a change that keep no application running through it: one statement
/// after another.
fn direct_steps(change: &Change, context: &Context) -> Vec<Step> {
    match change {
        Change::CreateSchema(schema) => {
            let mut sql = vec![ddl::create_schema(&schema.name)];
            sql.extend(ddl::comment_sql(
                crate::diff::CommentTarget::Schema(schema.name.clone()),
                &schema.comment,
            ));
            vec![Step::new(
                format!("create schema `{}`", schema.name),
                sql,
                vec![ddl::drop_schema(&schema.name)],
            )]
        }
        Change::DropSchema(schema) => {
            let mut rollback = vec![ddl::create_schema(&schema.name)];
            rollback.extend(ddl::comment_sql(
                crate::diff::CommentTarget::Schema(schema.name.clone()),
                &schema.comment,
            ));
            vec![Step::new(
                format!("drop schema `{}`", schema.name),
                vec![ddl::drop_schema(&schema.name)],
                rollback,
            )]
        }
        Change::CreateExtension(extension) => {
            let mut sql = vec![ddl::create_extension(extension)];
            sql.extend(ddl::comment_sql(
                crate::diff::CommentTarget::Extension(extension.name.clone()),
                &extension.comment,
            ));
            vec![Step::new(
                format!("create extension `{}`", extension.name),
                sql,
                vec![ddl::drop_extension(extension)],
            )]
        }
        Change::DropExtension(extension) => vec![Step::new(
            format!("drop extension `{}`", extension.name),
            vec![ddl::drop_extension(extension)],
            vec![ddl::create_extension(extension)],
        )],
        Change::AlterExtension(extension) => {
            // extensions ship upgrade scripts only: going back to the old version means
            // reinstalling it
            let rollback = if extension.from.version != extension.to.version {
                vec![
                    ddl::drop_extension(&extension.to),
                    ddl::create_extension(&extension.from),
                ]
            } else {
                ddl::alter_extension(&extension.to, &extension.from)
            };
            vec![Step::new(
                format!("alter extension `{}`", extension.to.name),
                ddl::alter_extension(&extension.from, &extension.to),
                rollback,
            )]
        }
        Change::CreateEnum(enum_type) => vec![Step::new(
            format!("create type `{}`", enum_type.name),
            with_comment(ddl::create_enum(enum_type), type_comment(enum_type)),
            vec![ddl::drop_type(&enum_type.name)],
        )],
        Change::DropEnum(enum_type) => vec![Step::new(
            format!("drop type `{}`", enum_type.name),
            vec![ddl::drop_type(&enum_type.name)],
            with_comment(ddl::create_enum(enum_type), type_comment(enum_type)),
        )],
        Change::AddEnumValue {
            enum_type,
            value,
            position,
            columns,
            views,
        } => {
            let neighbour = match position {
                EnumPosition::Before(label) => format!(" BEFORE {}", quote_literal(label)),
                EnumPosition::After(label) => format!(" AFTER {}", quote_literal(label)),
            };
            let sql = ddl::add_enum_value(&enum_type.to.name, value, &neighbour);
            // a value cannot be removed: undoing the addition recreates the type
            let kept: Vec<(QualifiedName, Pair<Column>)> = columns
                .iter()
                .map(|(t, c)| (t.clone(), Pair::new(c.clone(), c.clone())))
                .collect();
            let mut rollback: Vec<String> = views.iter().rev().map(ddl::drop_view).collect();
            rollback.extend(
                recreate_enum(&Pair::new(&enum_type.to, &enum_type.from), &kept, false)
                    .into_iter()
                    .flat_map(|s| s.sql),
            );
            rollback.extend(views.iter().flat_map(ddl::create_view));
            vec![Step::new(
                format!("add value {} to type `{}`", quote_literal(value), enum_type.to.name),
                vec![sql],
                rollback,
            )
            .own_transaction()
            .hazard(
                HazardKind::NonTransactional,
                format!(
                    "the new value of `{}` cannot be used until this step commits: it runs in its own transaction",
                    enum_type.to.name
                ),
            )]
        }
        Change::RecreateEnum { enum_type, columns } => {
            recreate_enum(&enum_type.as_ref(), columns, true)
        }
        Change::CreateSequence(sequence) => vec![Step::new(
            format!("create sequence `{}`", sequence.name),
            with_comment(
                ddl::create_sequence(sequence),
                ddl::comment_sql(
                    crate::diff::CommentTarget::Sequence(sequence.name.clone()),
                    &sequence.comment,
                ),
            ),
            vec![ddl::drop_sequence(&sequence.name)],
        )],
        Change::DropSequence(sequence) => vec![drop_sequence(sequence, context)],
        Change::AlterSequence(sequence) => vec![Step::new(
            format!("alter sequence `{}`", sequence.to.name),
            vec![ddl::alter_sequence(
                &sequence.to.name,
                &sequence.from.options,
                &sequence.to.options,
            )],
            vec![ddl::alter_sequence(
                &sequence.to.name,
                &sequence.to.options,
                &sequence.from.options,
            )],
        )],
        Change::SetSequenceOwner { sequence, owner } => vec![Step::new(
            format!("set OWNED BY of sequence `{sequence}`"),
            vec![ddl::sequence_owner(sequence, &owner.to)],
            vec![ddl::sequence_owner(sequence, &owner.from)],
        )],
        Change::CreateTable(name) => vec![Step::new(
            format!("create table `{name}`"),
            ddl::create_table(&created_table(&context.catalogs.to.tables[name])),
            vec![ddl::drop_table(name)],
        )],
        Change::DropTable(table) => vec![drop_table(table, context)],
        Change::SetUnlogged { table, unlogged } => vec![Step::new(
            format!("set `{table}` {}", if unlogged.to { "unlogged" } else { "logged" }),
            vec![ddl::set_unlogged(table, unlogged.to)],
            vec![ddl::set_unlogged(table, unlogged.from)],
        )
        .lock(LockLevel::AccessExclusive)
        .hazard(
            HazardKind::TableRewrite,
            format!("changing the persistence of `{table}` rewrites the table under an ACCESS EXCLUSIVE lock"),
        )],
        Change::SetStorageOptions { table, options } => vec![Step::new(
            format!("set storage parameters of `{table}`"),
            ddl::set_storage_options(table, &options.from, &options.to),
            ddl::set_storage_options(table, &options.to, &options.from),
        )
        .lock(LockLevel::AccessExclusive)],
        Change::SetReplicaIdentity { table, identity } => vec![Step::new(
            format!("set replica identity of `{table}`"),
            vec![ddl::replica_identity(table, &identity.to)],
            vec![ddl::replica_identity(table, &identity.from)],
        )
        .lock(LockLevel::AccessExclusive)],
        Change::AttachPartition { table, partition } => vec![Step::new(
            format!("attach `{table}` to `{}`", partition.parent),
            vec![ddl::attach_partition(table, partition)],
            vec![ddl::detach_partition(table, &partition.parent)],
        )
        .lock(LockLevel::AccessExclusive)
        .hazard(
            HazardKind::ValidationScan,
            format!(
                "attaching `{table}` scans it to check the bound under an ACCESS EXCLUSIVE lock on it; a CHECK constraint matching the bound, added first, lets the server skip the scan"
            ),
        )],
        Change::DetachPartition { table, partition } => vec![Step::new(
            format!("detach `{table}` from `{}`", partition.parent),
            vec![ddl::detach_partition(table, &partition.parent)],
            vec![ddl::attach_partition(table, partition)],
        )
        .lock(LockLevel::AccessExclusive)
        .hazard(
            HazardKind::BreaksApplication,
            format!(
                "rows of `{table}` are no longer visible through `{}`",
                partition.parent
            ),
        )],
        Change::Inherit { table, parent } => vec![Step::new(
            format!("make `{table}` inherit from `{parent}`"),
            vec![ddl::inherit(table, parent, true)],
            vec![ddl::inherit(table, parent, false)],
        )
        .lock(LockLevel::AccessExclusive)],
        Change::NoInherit { table, parent } => vec![Step::new(
            format!("make `{table}` stop inheriting from `{parent}`"),
            vec![ddl::inherit(table, parent, false)],
            vec![ddl::inherit(table, parent, true)],
        )
        .lock(LockLevel::AccessExclusive)
        .hazard(
            HazardKind::BreaksApplication,
            format!("rows of `{table}` are no longer visible through `{parent}`"),
        )],
        Change::AddColumn { table, column } => vec![add_column(table, column, context)],
        Change::DropColumn {
            table,
            column,
            only,
            ..
        } => vec![drop_column(table, column, *only, context)],
        Change::AlterColumn { table, column } => alter_column(table, Pair::as_ref(column), context),
        Change::RenameTable { name, .. } => vec![Step::new(
            format!("rename table `{}` to `{}`", name.from, name.to),
            vec![ddl::rename_table(&name.from, &name.to)],
            vec![ddl::rename_table(&name.to, &name.from)],
        )
        .lock(LockLevel::AccessExclusive)
        .hazard(
            HazardKind::BreaksApplication,
            format!(
                "the running application still uses `{}`: it fails from this step until it is replaced by one that uses `{}`",
                name.from, name.to
            ),
        )],
        Change::RenameColumn { table, column, .. } => vec![Step::new(
            format!(
                "rename column `{table}.{}` to `{}`",
                column.from.name, column.to.name
            ),
            vec![ddl::rename_column(table, &column.from.name, &column.to.name)],
            vec![ddl::rename_column(table, &column.to.name, &column.from.name)],
        )
        .lock(LockLevel::AccessExclusive)
        .hazard(
            HazardKind::BreaksApplication,
            format!(
                "the running application still uses `{table}.{}`: it fails from this step until it is replaced by one that uses `{}`",
                column.from.name, column.to.name
            ),
        )],
        Change::AddIdentity { table, column } => {
            let identity = column.identity.as_ref().expect("an added identity");
            let at = |action: &str| ddl::alter_column(table, &column.name, action);
            // the new sequence continues after the values the column holds already
            vec![Step::new(
                format!("make `{table}.{}` an identity column", column.name),
                vec![
                    ddl::add_identity(table, &column.name, identity, &column.type_name),
                    ddl::continue_identity(table, &column.name, identity.options.increment),
                ],
                vec![at("DROP IDENTITY")],
            )
            .lock(LockLevel::AccessExclusive)]
        }
        Change::AddConstraint { table, constraint } => {
            let mut step = Step::new(
                format!("add constraint `{}` on `{table}`", constraint.name),
                ddl::add_constraint(table, constraint),
                vec![ddl::drop_constraint(table, &constraint.name)],
            );
            let existing = !context.new_tables.contains(table);
            step = match constraint.kind {
                ConstraintKind::ForeignKey => step.lock(LockLevel::ShareRowExclusive),
                _ => step.lock(LockLevel::AccessExclusive),
            };
            if existing && !constraint.not_valid {
                step = match constraint.kind {
                    ConstraintKind::PrimaryKey | ConstraintKind::Unique | ConstraintKind::Exclusion => step.hazard(
                        HazardKind::BlockingIndexBuild,
                        format!(
                            "`{}` builds its index while `{table}` is locked against writes; build a unique index CONCURRENTLY and add the constraint USING INDEX",
                            constraint.name
                        ),
                    ),
                    _ => step.hazard(
                        HazardKind::ValidationScan,
                        format!(
                            "`{}` is checked against every row of `{table}` under lock; add it NOT VALID and VALIDATE it separately",
                            constraint.name
                        ),
                    ),
                };
            }
            vec![step]
        }
        Change::DropConstraint { table, constraint } => vec![Step::new(
            format!("drop constraint `{}` on `{table}`", constraint.name),
            vec![ddl::drop_constraint(table, &constraint.name)],
            ddl::add_constraint(table, constraint),
        )
        .lock(LockLevel::AccessExclusive)],
        Change::RenameConstraint { table, constraint } => vec![Step::new(
            format!(
                "rename constraint `{}` on `{table}` to `{}`",
                constraint.from.name, constraint.to.name
            ),
            vec![ddl::rename_constraint(table, &constraint.from.name, &constraint.to.name)],
            vec![ddl::rename_constraint(table, &constraint.to.name, &constraint.from.name)],
        )
        .lock(LockLevel::AccessExclusive)],
        Change::ValidateConstraint { table, constraint } => {
            // a validated constraint cannot be made NOT VALID again: the rollback re-adds it
            let mut rollback = vec![ddl::drop_constraint(table, &constraint.name)];
            let mut not_valid = constraint.clone();
            not_valid.not_valid = true;
            rollback.extend(ddl::add_constraint(table, &not_valid));
            vec![Step::new(
                format!("validate constraint `{}` on `{table}`", constraint.name),
                vec![ddl::validate_constraint(table, &constraint.name)],
                rollback,
            )
            .lock(LockLevel::ShareUpdateExclusive)]
        }
        Change::CreateView(view) => vec![Step::new(
            format!("create {} `{}`", view.kind(), view.name),
            ddl::create_view(view),
            vec![ddl::drop_view(view)],
        )],
        Change::DropView { view, recreated } => {
            let step = Step::new(
                format!("drop {} `{}`", view.kind(), view.name),
                vec![ddl::drop_view(view)],
                ddl::create_view(view),
            )
            .lock(LockLevel::AccessExclusive);
            vec![if *recreated {
                step.hazard(
                    HazardKind::DependentsRecreated,
                    format!(
                        "{} `{}` is dropped and created again around the change; queries on it fail in between unless the plan runs in one transaction",
                        view.kind(),
                        view.name
                    ),
                )
            } else {
                step.hazard(
                    HazardKind::BreaksApplication,
                    format!(
                        "queries on {} `{}` fail once it is dropped",
                        view.kind(),
                        view.name
                    ),
                )
            }]
        }
        Change::ReplaceView(view) => {
            // CREATE OR REPLACE cannot take columns away: the rollback of added columns
            // drops the view and creates the old one (the differ ensures nothing uses it)
            let rollback = if view.from.columns == view.to.columns {
                ddl::replace_view(&Pair::new(view.to.clone(), view.from.clone()))
            } else {
                let mut statements = vec![ddl::drop_view(&view.to)];
                statements.extend(ddl::create_view(&view.from));
                statements
            };
            vec![Step::new(
                format!("replace view `{}`", view.to.name),
                ddl::replace_view(view),
                rollback,
            )
            .lock(LockLevel::AccessExclusive)]
        }
        Change::AlterViewOptions(view) => {
            let options = Pair::new(view.from.options.clone(), view.to.options.clone());
            let back = Pair::new(options.to.clone(), options.from.clone());
            vec![Step::new(
                format!("set options of {} `{}`", view.to.kind(), view.to.name),
                ddl::alter_view_options(&view.to, &options),
                ddl::alter_view_options(&view.from, &back),
            )
            .lock(LockLevel::AccessExclusive)]
        }
        Change::RefreshView(view) => vec![Step::new(
            format!(
                "{} materialized view `{}`",
                if view.to.no_data { "empty" } else { "populate" },
                view.to.name
            ),
            vec![ddl::refresh_view(&view.to)],
            vec![ddl::refresh_view(&view.from)],
        )
        .lock(LockLevel::AccessExclusive)],
        Change::CreateFunction(function) => vec![unknown_body(
            function,
            Step::new(
                format!("create {}", function_label(function)),
                ddl::create_function(function),
                vec![ddl::drop_function(function)],
            ),
        )],
        Change::DropFunction(function) => vec![Step::new(
            format!("drop {}", function_label(function)),
            vec![ddl::drop_function(function)],
            ddl::create_function(function),
        )
        .hazard(
            HazardKind::BreaksApplication,
            format!(
                "callers of `{}` fail once it is dropped; drop it after the application stops calling it",
                function.signature()
            ),
        )],
        Change::ReplaceFunction(function) => vec![unknown_body(
            &function.to,
            Step::new(
                format!("replace {}", function_label(&function.to)),
                vec![ddl::create_function(&function.to).swap_remove(0)],
                vec![ddl::create_function(&function.from).swap_remove(0)],
            ),
        )],
        Change::CreateIndex(index) => {
            let mut step = Step::new(
                format!("create index `{}`", index.name),
                ddl::create_index(index),
                vec![ddl::drop_index(&index.name)],
            )
            .lock(LockLevel::Share);
            if !context.new_tables.contains(&index.table) {
                step = step.hazard(
                    HazardKind::BlockingIndexBuild,
                    format!(
                        "building `{}` blocks writes to `{}`; CREATE INDEX CONCURRENTLY avoids that",
                        index.name, index.table
                    ),
                );
            }
            vec![step]
        }
        Change::DropIndex(index) => vec![Step::new(
            format!("drop index `{}`", index.name),
            vec![ddl::drop_index(&index.name)],
            ddl::create_index(index),
        )
        .lock(LockLevel::AccessExclusive)],
        // domains, composite and range types, collations
        Change::CreateDomain(_)
        | Change::DropDomain(_)
        | Change::AlterDomain(_)
        | Change::CreateCompositeType(_)
        | Change::DropCompositeType(_)
        | Change::AlterCompositeType(_)
        | Change::CreateRangeType(_)
        | Change::DropRangeType(_)
        | Change::CreateCollation(_)
        | Change::DropCollation(_) => types::steps(change),
        Change::CreateTrigger(trigger) => vec![Step::new(
            format!("create trigger `{}` on `{}`", trigger.name, trigger.table),
            ddl::create_trigger(trigger),
            vec![ddl::drop_trigger(&trigger.table, &trigger.name)],
        )
        .lock(LockLevel::ShareRowExclusive)],
        Change::DropTrigger { trigger, recreated } => {
            let step = Step::new(
                format!("drop trigger `{}` on `{}`", trigger.name, trigger.table),
                vec![ddl::drop_trigger(&trigger.table, &trigger.name)],
                ddl::create_trigger(trigger),
            )
            .lock(LockLevel::AccessExclusive);
            vec![if *recreated {
                step.hazard(
                    HazardKind::DependentsRecreated,
                    format!(
                        "trigger `{}` on `{}` is dropped and created again; writes in between do not fire it unless the plan runs in one transaction",
                        trigger.name, trigger.table
                    ),
                )
            } else {
                step.hazard(
                    HazardKind::BreaksApplication,
                    format!(
                        "what trigger `{}` on `{}` does stops once it is dropped",
                        trigger.name, trigger.table
                    ),
                )
            }]
        }
        Change::SetTriggerEnabled {
            table,
            name,
            enabled,
        } => vec![Step::new(
            format!(
                "{} trigger `{name}` on `{table}`",
                match enabled.to {
                    TriggerEnabled::Origin => "enable",
                    TriggerEnabled::Disabled => "disable",
                    TriggerEnabled::Replica => "enable for replicas only",
                    TriggerEnabled::Always => "always enable",
                }
            ),
            vec![ddl::set_trigger_enabled(table, name, enabled.to)],
            vec![ddl::set_trigger_enabled(table, name, enabled.from)],
        )
        .lock(LockLevel::ShareRowExclusive)],
        Change::CreateStatistics(_)
        | Change::DropStatistics { .. }
        | Change::RenameStatistics(_)
        | Change::SetStatisticsTarget { .. } => statistics::steps(change),
        Change::CreateCast(_) | Change::DropCast { .. } => casts::steps(change),
        Change::CreateTextSearchDictionary(_)
        | Change::DropTextSearchDictionary { .. }
        | Change::AlterTextSearchDictionary(_)
        | Change::CreateTextSearchConfiguration(_)
        | Change::DropTextSearchConfiguration { .. }
        | Change::AlterTextSearchMappings(_) => text_search::steps(change),
        Change::CreateOperator(_)
        | Change::DropOperator { .. }
        | Change::AlterOperator(_)
        | Change::CreateOperatorFamily(_)
        | Change::DropOperatorFamily { .. }
        | Change::AlterOperatorFamily(_)
        | Change::CreateOperatorClass(_)
        | Change::DropOperatorClass { .. } => operators::steps(change),
        Change::CreateEventTrigger(_)
        | Change::DropEventTrigger { .. }
        | Change::SetEventTriggerEnabled { .. } => event_triggers::steps(change),
        Change::CreateForeignDataWrapper(_)
        | Change::DropForeignDataWrapper(_)
        | Change::AlterForeignDataWrapper(_)
        | Change::CreateForeignServer(_)
        | Change::DropForeignServer { .. }
        | Change::AlterForeignServer(_)
        | Change::CreateUserMapping(_)
        | Change::DropUserMapping { .. }
        | Change::AlterUserMapping(_)
        | Change::CreateForeignTable(_)
        | Change::DropForeignTable { .. }
        | Change::AlterForeignTable(_) => foreign::steps(change),
        Change::CreateSubscription(_)
        | Change::DropSubscription(_)
        | Change::AlterSubscription(_) => subscriptions::steps(change),
        Change::CreateRule(_)
        | Change::DropRule { .. }
        | Change::ReplaceRule(_)
        | Change::SetRuleEnabled { .. } => rules::steps(change, context),
        Change::SetRowSecurity {
            table,
            enabled,
            forced,
        } => {
            let (mut sql, mut rollback) = (Vec::new(), Vec::new());
            if enabled.changed() {
                sql.push(ddl::set_row_security(table, enabled.to));
                rollback.push(ddl::set_row_security(table, enabled.from));
            }
            if forced.changed() {
                sql.push(ddl::set_force_row_security(table, forced.to));
                rollback.push(ddl::set_force_row_security(table, forced.from));
            }
            rollback.reverse();
            let mut step = Step::new(
                format!("set row-level security of `{table}`"),
                sql,
                rollback,
            )
            .lock(LockLevel::AccessExclusive);
            if enabled.to && !enabled.from && !context.new_tables.contains(table) {
                step = step.hazard(
                    HazardKind::BreaksApplication,
                    format!(
                        "once row-level security is enabled on `{table}`, roles other than its owner see only the rows a policy grants them"
                    ),
                );
            }
            if (enabled.from && !enabled.to) || (forced.from && !forced.to) {
                step = step.hazard(
                    HazardKind::BreaksApplication,
                    format!(
                        "policies on `{table}` stop restricting {} once row-level security is {}",
                        if enabled.to { "its owner" } else { "every role" },
                        if enabled.to { "no longer forced" } else { "disabled" }
                    ),
                );
            }
            vec![step]
        }
        Change::CreatePolicy(policy) => vec![Step::new(
            format!("create policy `{}` on `{}`", policy.name, policy.table),
            ddl::create_policy(policy),
            vec![ddl::drop_policy(&policy.table, &policy.name)],
        )
        .lock(LockLevel::AccessExclusive)],
        Change::DropPolicy { policy, recreated } => {
            let step = Step::new(
                format!("drop policy `{}` on `{}`", policy.name, policy.table),
                vec![ddl::drop_policy(&policy.table, &policy.name)],
                ddl::create_policy(policy),
            )
            .lock(LockLevel::AccessExclusive);
            vec![if *recreated {
                step.hazard(
                    HazardKind::DependentsRecreated,
                    format!(
                        "policy `{}` on `{}` is dropped and created again; queries in between see the rows the other policies allow unless the plan runs in one transaction",
                        policy.name, policy.table
                    ),
                )
            } else {
                step.hazard(
                    HazardKind::BreaksApplication,
                    format!(
                        "queries on `{}` see other rows once policy `{}` is dropped",
                        policy.table, policy.name
                    ),
                )
            }]
        }
        Change::AlterPolicy(policy) => vec![Step::new(
            format!("alter policy `{}` on `{}`", policy.to.name, policy.to.table),
            vec![ddl::alter_policy(&policy.from, &policy.to)],
            vec![ddl::alter_policy(&policy.to, &policy.from)],
        )
        .lock(LockLevel::AccessExclusive)],
        Change::CreatePublication(_)
        | Change::DropPublication { .. }
        | Change::AlterPublication(_)
        | Change::RenamePublication { .. }
        | Change::AddPublicationTable { .. }
        | Change::DropPublicationTable { .. } => publications::steps(change),
        Change::Privileges(change) => super::privileges::acl_steps(change),
        Change::SetOwner(change) => super::privileges::owner_steps(change),
        Change::DefaultPrivileges(change) => super::privileges::default_acl_steps(change),
        Change::SetComment { target, comment } => vec![Step::new(
            format!("set comment on {}", crate::render::ddl::comment_object(target)),
            vec![ddl::set_comment(target, &comment.to)],
            vec![ddl::set_comment(target, &comment.from)],
        )],
    }
}

fn drop_table(table: &crate::model::Table, context: &Context) -> Step {
    let name = &table.name;
    let step = Step::new(
        format!("drop table `{name}`"),
        vec![ddl::drop_table(name)],
        ddl::create_table(table),
    )
    .lock(LockLevel::AccessExclusive);
    let Some(archive) = &context.archive else {
        return step.loses(name, None).hazard(
            HazardKind::DataLoss,
            format!(
                "dropping table `{name}` deletes all its rows; the rollback recreates it empty (--retain-dropped keeps them)"
            ),
        );
    };
    // a partition's or child's columns follow its parent's
    let standalone = table.partition_of.is_none() && table.inherits.is_empty();
    step.moves_to_archive(
        name,
        archive.table(table, context.drops_definitions && standalone),
    )
}

fn drop_sequence(sequence: &crate::model::Sequence, context: &Context) -> Step {
    let name = &sequence.name;
    let comment = ddl::comment_sql(
        crate::diff::CommentTarget::Sequence(name.clone()),
        &sequence.comment,
    );
    let mut step = Step::new(
        format!("drop sequence `{name}`"),
        vec![ddl::drop_sequence(name)],
        with_comment(ddl::create_sequence(sequence), comment),
    );
    if let Some(archive) = &context.archive {
        return step.moves_to_archive(name, archive.sequence(sequence));
    }
    // the columns that draw from it and stay: the recreated sequence continues after their
    // highest value, so that it hands out no value already in use
    let catalogs = &context.catalogs;
    let users: Vec<(QualifiedName, String)> = catalogs
        .from
        .tables
        .values()
        .flat_map(|t| t.columns.values().map(move |c| (t, c)))
        .filter(|(_, c)| {
            c.default
                .as_ref()
                .is_some_and(|d| referenced_sequences(d).contains(name))
        })
        .filter(|(t, c)| {
            catalogs
                .to
                .tables
                .get(&t.name)
                .is_some_and(|kept| kept.columns.contains_key(&c.name))
        })
        .map(|(t, c)| (t.name.clone(), c.name.clone()))
        .collect();
    if users.is_empty() {
        return step.loses(name, None).hazard(
            HazardKind::DataLoss,
            format!(
                "dropping sequence `{name}` loses its current value; the rollback starts it again from its START value (--retain-dropped keeps it)"
            ),
        );
    }
    step.rollback.push(ddl::continue_sequence(
        name,
        sequence.options.increment,
        &users,
    ));
    step
}

/// `only`: the inheritance children keep their copies; adding the column back to the parent
/// merges them into it again.
fn drop_column(table: &QualifiedName, column: &Column, only: bool, context: &Context) -> Step {
    let step = Step::new(
        format!("drop column `{table}.{}`", column.name),
        vec![ddl::drop_column_of(table, !only, &column.name)],
        ddl::add_column(table, column),
    )
    .lock(LockLevel::AccessExclusive);
    if column.generated.is_some() {
        // computed from the other columns: adding it back computes it again
        return step;
    }
    // added back without NOT NULL and identity, which hold again once the values are back
    let relaxed = Column {
        not_null: false,
        identity: None,
        ..column.clone()
    };
    let reshape = ddl::add_column(table, &relaxed);
    let mut finish = Vec::new();
    if column.not_null {
        finish.push(ddl::alter_column(table, &column.name, "SET NOT NULL"));
    }
    if let Some(identity) = &column.identity {
        finish.push(ddl::add_identity(
            table,
            &column.name,
            identity,
            &column.type_name,
        ));
        finish.push(ddl::continue_identity(
            table,
            &column.name,
            identity.options.increment,
        ));
    }
    context.retain_column(
        table,
        column,
        step,
        (reshape, finish),
        format!(
            "dropping column `{table}.{}` deletes its values; the rollback adds it back empty (--retain-dropped keeps them)",
            column.name
        ),
    )
}

/// Marks the step of a function whose body's uses cannot be known (the planner orders it
/// after everything it may use).
fn unknown_body(function: &crate::model::Function, step: Step) -> Step {
    match body_uses(function).unknown {
        Some(reason) => step.hazard(
            HazardKind::UnknownDependencies,
            format!(
                "`{}` {reason}, so what it uses cannot be known: it is created after the plan's tables, views, types and functions; check that what it needs exists before it runs",
                function.signature()
            ),
        ),
        None => step,
    }
}

fn function_label(function: &crate::model::Function) -> String {
    format!(
        "{} `{}`",
        function.keyword().to_lowercase(),
        function.signature()
    )
}

fn with_comment(statement: String, comment: Option<String>) -> Vec<String> {
    std::iter::once(statement).chain(comment).collect()
}

fn type_comment(enum_type: &EnumType) -> Option<String> {
    ddl::comment_sql(
        crate::diff::CommentTarget::Type(enum_type.name.clone()),
        &enum_type.comment,
    )
}

/// Recreates an enum with new values: rename the old type away, create the new one, convert
/// every column through text, drop the old type. Each statement is its own step with its own
/// inverse, so a partly applied plan can be rolled back.
fn recreate_enum(
    enum_type: &Pair<&EnumType>,
    columns: &[(QualifiedName, Pair<Column>)],
    hazardous: bool,
) -> Vec<Step> {
    let name = &enum_type.to.name;
    let old_name = format!("{}__schemadiff_old", name.name);
    let old = QualifiedName::new(&name.schema, &old_name);
    let old_type = enum_type.from.clone();
    // defaults name the type, so they stay off until the new type has the old one's name
    let mut steps: Vec<Step> = (columns.iter().rev())
        .filter_map(|(table, column)| {
            let default = column.from.default.as_ref()?;
            let column_name = &column.to.name;
            Some(Step::new(
                format!("drop default of `{table}.{column_name}` while its type changes"),
                vec![ddl::alter_column(table, column_name, "DROP DEFAULT")],
                vec![ddl::alter_column(
                    table,
                    column_name,
                    &ddl::set_default(default),
                )],
            ))
        })
        .collect();
    steps.extend([
        Step::new(
            format!("rename type `{name}` out of the way"),
            vec![ddl::rename_type(name, &old_name)],
            vec![ddl::rename_type(&old, &name.name)],
        ),
        Step::new(
            format!("create type `{name}` with the new values"),
            vec![ddl::create_enum(enum_type.to)],
            vec![ddl::drop_type(name)],
        ),
    ]);
    for (table, column) in columns {
        let column_name = &column.to.name;
        let array = column.to.type_name.ends_with("[]");
        let convert =
            |type_name: String| ddl::convert_enum_column(table, column_name, &type_name, array);
        steps.push(
            Step::new(
                format!("convert `{table}.{column_name}` to the new `{name}`"),
                vec![convert(name.type_display())],
                vec![convert(old.type_display())],
            )
            .lock(LockLevel::AccessExclusive)
            .hazard(
                HazardKind::TableRewrite,
                format!("converting `{table}.{column_name}` rewrites `{table}` under an ACCESS EXCLUSIVE lock"),
            ),
        );
    }
    let mut drop_old = Step::new(
        format!("drop the old `{name}`"),
        vec![ddl::drop_type(&old)],
        vec![ddl::create_enum(&EnumType {
            name: old.clone(),
            ..old_type
        })],
    );
    let removed: Vec<&String> = enum_type
        .from
        .labels
        .iter()
        .filter(|l| !enum_type.to.labels.contains(l))
        .collect();
    if hazardous && !removed.is_empty() {
        let labels: Vec<String> = removed.iter().map(|l| quote_literal(l)).collect();
        drop_old = drop_old.hazard(
            HazardKind::EnumValueRemoval,
            format!(
                "values {} are removed from `{name}`: converting a row that holds one fails; update those rows first",
                labels.join(", ")
            ),
        );
    }
    steps.push(drop_old);
    for (table, column) in columns {
        if let Some(default) = &column.to.default {
            let column_name = &column.to.name;
            steps.push(Step::new(
                format!("restore default of `{table}.{column_name}`"),
                vec![ddl::alter_column(
                    table,
                    column_name,
                    &ddl::set_default(default),
                )],
                vec![ddl::alter_column(table, column_name, "DROP DEFAULT")],
            ));
        }
    }
    steps
}

/// Columns added to a table that drops a column of the same type: perhaps a rename the
/// desired state does not declare. Never planned as one (a guess could merge unrelated
/// data), only reported with the directive that would make it one.
fn probable_renames(changes: &[Change]) -> HashMap<(QualifiedName, String), String> {
    let dropped: Vec<(&QualifiedName, &Column)> = changes
        .iter()
        .filter_map(|c| match c {
            Change::DropColumn { table, column, .. } => Some((table, column)),
            _ => None,
        })
        .collect();
    let mut taken = HashSet::new();
    changes
        .iter()
        .filter_map(|c| match c {
            Change::AddColumn { table, column } => {
                let (_, old) = dropped.iter().find(|(t, old)| {
                    *t == table
                        && old.type_name == column.type_name
                        && !taken.contains(&(*t, old.name.as_str()))
                })?;
                taken.insert((table, old.name.as_str()));
                Some(((table.clone(), column.name.clone()), old.name.clone()))
            }
            _ => None,
        })
        .collect()
}

/// `ADD COLUMN`; a NOT NULL column without a default that the desired state gives a
/// backfill expression for is added nullable, filled, then constrained, in one step.
fn add_column(table: &QualifiedName, column: &Column, context: &Context) -> Step {
    let needs_value = column.needs_value_when_added();
    let backfill = context
        .backfill(table, &column.name)
        .filter(|_| needs_value);
    let sql = match backfill {
        Some(expression) => {
            let mut nullable = column.clone();
            nullable.not_null = false;
            let mut sql = ddl::add_column(table, &nullable);
            sql.push(ddl::fill_nulls(table, &column.name, expression));
            sql.push(ddl::alter_column(table, &column.name, "SET NOT NULL"));
            sql
        }
        None => ddl::add_column(table, column),
    };
    let mut step = Step::new(
        format!("add column `{table}.{}`", column.name),
        sql,
        vec![ddl::drop_column(table, &column.name)],
    )
    .lock(LockLevel::AccessExclusive);
    if column.generated.is_some() && !context.new_tables.contains(table) {
        step = step.hazard(
            HazardKind::TableRewrite,
            format!(
                "adding the generated column `{table}.{}` computes it for every row under an ACCESS EXCLUSIVE lock",
                column.name
            ),
        );
    }
    if needs_value && backfill.is_none() {
        step = step.hazard(
            HazardKind::BreaksApplication,
            format!(
                "column `{table}.{}` is NOT NULL without a default: the step fails on a table with rows, and inserts that omit it fail",
                column.name
            ),
        );
    }
    step
}

/// A column change as one step per attribute, ordered so that each statement is valid when it
/// runs (defaults off before a type change, NOT NULL before identity, identity off before
/// NOT NULL is dropped).
fn alter_column(table: &QualifiedName, column: Pair<&Column>, context: &Context) -> Vec<Step> {
    let name = &column.to.name;
    let at = |action: &str| ddl::alter_column(table, name, action);
    // a default set on a parent would reach its partitions and children too, overwriting
    // their own; theirs change in steps of their own
    let has_children = context.parents.contains(table);
    let at_default = |action: &str| ddl::alter_column_of(table, !has_children, name, action);
    let label = format!("`{table}.{name}`");
    let type_changed = column.from.type_name != column.to.type_name
        || column.from.collation != column.to.collation;
    let default_changed = column.from.default != column.to.default;
    let mut steps = Vec::new();

    if let (Some(identity), None) = (&column.from.identity, &column.to.identity) {
        steps.push(Step::new(
            format!("drop identity of {label}"),
            vec![at("DROP IDENTITY")],
            vec![
                ddl::add_identity(table, name, identity, &column.from.type_name),
                ddl::continue_identity(table, name, identity.options.increment),
            ],
        ));
    }
    if let (Some(generated), None) = (&column.from.generated, &column.to.generated) {
        // the expression cannot be added back to an existing column: the rollback replaces it
        let mut old = column.from.clone();
        old.generated = Some(generated.clone());
        let mut rollback = vec![ddl::drop_column(table, name)];
        rollback.extend(ddl::add_column(table, &old));
        steps.push(Step::new(
            format!("stop generating {label}"),
            vec![at("DROP EXPRESSION")],
            rollback,
        ));
    }
    if let Some(default) = column
        .from
        .default
        .as_ref()
        .filter(|_| type_changed || default_changed)
    {
        steps.push(Step::new(
            format!("drop default of {label}"),
            vec![at_default("DROP DEFAULT")],
            vec![at_default(&ddl::set_default(default))],
        ));
    }
    // a new type brings its own storage and the default compression: converting back
    // restores the old column's
    let (from_storage, from_compression) = match type_changed {
        true => (None, None),
        false => (column.from.storage, column.from.compression.as_deref()),
    };
    if type_changed {
        let mut back = vec![at(&ddl::column_type_action(
            name,
            &column.to.type_name,
            column.from,
        ))];
        back.extend(
            column
                .from
                .storage
                .map(|s| at_default(&ddl::set_storage(s))),
        );
        back.extend(
            (column.from.compression.as_deref()).map(|m| at(&ddl::set_compression(Some(m)))),
        );
        let mut step = Step::new(
            format!("change type of {label} to {}", column.to.type_name),
            vec![at(&ddl::column_type_action(
                name,
                &column.from.type_name,
                column.to,
            ))],
            back.clone(),
        )
        .lock(LockLevel::AccessExclusive);
        if !context.new_tables.contains(table) && rewrites(column.from, column.to) {
            step = step.hazard(
                HazardKind::TableRewrite,
                format!(
                    "changing {label} from {} to {} rewrites `{table}` under an ACCESS EXCLUSIVE lock, and the running application may not read the new type",
                    column.from.type_name, column.to.type_name
                ),
            );
        }
        if loses_values(&column.from.type_name, &column.to.type_name) {
            step = context.retain_column(
                table,
                column.from,
                step,
                (back, Vec::new()),
                format!(
                    "converting {label} from {} to {} may change values (rounding, reformatting) in ways the rollback's conversion back cannot undo (--retain-dropped keeps the old values)",
                    column.from.type_name, column.to.type_name
                ),
            );
        }
        steps.push(step);
    }
    if column.to.not_null && !column.from.not_null && context.in_use(table) {
        let not_null = super::staging::NotNull {
            table,
            column: column.to,
        };
        steps.extend(not_null.steps(context));
    } else if column.to.not_null && !column.from.not_null {
        let mut sql: Vec<String> = context
            .backfill(table, name)
            .map(|expression| ddl::fill_nulls(table, name, expression))
            .into_iter()
            .collect();
        sql.push(at("SET NOT NULL"));
        steps.push(
            Step::new(format!("set {label} NOT NULL"), sql, vec![at("DROP NOT NULL")])
            .lock(LockLevel::AccessExclusive)
            .hazard(
                HazardKind::ValidationScan,
                format!("SET NOT NULL scans all of `{table}` under an ACCESS EXCLUSIVE lock and fails if a row holds NULL"),
            ),
        );
    }
    match (&column.from.identity, &column.to.identity) {
        // (None, Some(_)) is its own change, `AddIdentity`
        (Some(old), Some(new)) if old != new => {
            let forward = ddl::identity_changes(old, new);
            let backward = ddl::identity_changes(new, old);
            steps.push(Step::new(
                format!("change identity of {label}"),
                vec![at(&forward)],
                vec![at(&backward)],
            ));
        }
        _ => {}
    }
    if let Some(default) = column
        .to
        .default
        .as_ref()
        .filter(|_| type_changed || default_changed)
    {
        steps.push(Step::new(
            format!("set default of {label}"),
            vec![at_default(&ddl::set_default(default))],
            vec![at_default("DROP DEFAULT")],
        ));
    }
    if from_storage != column.to.storage {
        // what no `SET STORAGE` says is the type's own
        let storage = |storage: Option<Storage>| {
            let type_storage = || type_storage(&column.to.type_name, context.catalogs.to);
            at_default(&ddl::set_storage(storage.unwrap_or_else(type_storage)))
        };
        steps.push(
            Step::new(
                format!("change storage of {label}"),
                vec![storage(column.to.storage)],
                vec![storage(from_storage)],
            )
            .lock(LockLevel::ShareUpdateExclusive),
        );
    }
    if from_compression != column.to.compression.as_deref() {
        steps.push(Step::new(
            format!("change compression of {label}"),
            vec![at(&ddl::set_compression(column.to.compression.as_deref()))],
            vec![at(&ddl::set_compression(from_compression))],
        ));
    }
    if column.from.not_null && !column.to.not_null {
        steps.push(Step::new(
            format!("drop NOT NULL of {label}"),
            vec![at("DROP NOT NULL")],
            vec![at("SET NOT NULL")],
        ));
    }
    for step in &mut steps {
        if step.lock == LockLevel::None {
            step.lock = LockLevel::AccessExclusive;
        }
    }
    steps
}

/// Whether converting a column from one type to another may silently change values that
/// converting back cannot restore: fewer decimals or fractional seconds round, `real` and
/// other types reformat. A conversion that can only fail on a value that does not fit (a
/// smaller integer, a shorter `varchar`, fewer integer digits) loses nothing: it stops the
/// step. Pairs not known to be safe count as lossy.
pub(crate) fn loses_values(from: &str, to: &str) -> bool {
    match (from.strip_suffix("[]"), to.strip_suffix("[]")) {
        (Some(from), Some(to)) => return loses_values(from, to),
        // only the first element is kept
        (Some(_), None) => return true,
        // a value becomes a one-element array
        (None, Some(element)) => return loses_values(from, element),
        (None, None) => {}
    }
    let base = |t: &str| t.split('(').next().unwrap_or(t).trim().to_string();
    let modifiers = |t: &str| -> Vec<u32> {
        t.split_once('(')
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(inside, _)| {
                inside
                    .split(',')
                    .filter_map(|n| n.trim().parse().ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    // what a type keeps after the point: numeric(p) and integers none, numeric any
    let decimals = |t: &str| match (base(t).as_str(), modifiers(t).as_slice()) {
        ("numeric", []) => u32::MAX,
        ("numeric", [_, s]) => *s,
        _ => 0,
    };
    let exact_number = |t: &str| matches!(t, "smallint" | "integer" | "bigint" | "numeric");
    let (from_base, to_base) = (base(from), base(to));
    match (from_base.as_str(), to_base.as_str()) {
        (_, "text" | "citext") => false,
        (_, "character varying") => false,
        (a, b) if exact_number(a) && exact_number(b) => decimals(from) > decimals(to),
        ("real", "double precision") => false,
        (a, b)
            if a.starts_with("time") && b.starts_with("time")
                || a == "interval" && b == "interval" =>
        {
            let precision = |t: &str| modifiers(t).first().copied().unwrap_or(6);
            let dated = |t: &str| t.starts_with("timestamp");
            dated(a) != dated(b) || precision(from) > precision(to)
        }
        _ => from != to,
    }
}

pub(super) fn rewrites(from: &Column, to: &Column) -> bool {
    type_change_rewrites(&from.type_name, &to.type_name)
}

/// Whether changing a column from type `from` to type `to` (both as `format_type` prints
/// them) rewrites the table: widening a `varchar` (or making it `text`) and raising a
/// `numeric` precision at the same scale are known to be free.
pub(crate) fn type_change_rewrites(from: &str, to: &str) -> bool {
    let numeric = |t: &str| -> Option<(u32, u32)> {
        let inner = t.strip_prefix("numeric(")?.strip_suffix(')')?;
        let (p, s) = inner.split_once(',')?;
        Some((p.parse().ok()?, s.parse().ok()?))
    };
    if let Some((p1, s1)) = numeric(from) {
        match numeric(to) {
            Some((p2, s2)) if s1 == s2 && p2 >= p1 => return false,
            None if to == "numeric" => return false,
            _ => {}
        }
    }
    let length = |t: &str| {
        t.strip_prefix("character varying(")
            .and_then(|r| r.strip_suffix(')'))
            .and_then(|n| n.parse::<u32>().ok())
    };
    let from_varchar = from.starts_with("character varying");
    let widening = match (length(from), length(to)) {
        (Some(a), Some(b)) => b >= a,
        (_, None) => to == "character varying" || to == "text",
        _ => false,
    };
    !(from_varchar && widening) && from != to
}

#[cfg(test)]
mod tests {
    use super::loses_values;

    #[test]
    fn conversions_that_round_or_reformat_lose_values() {
        for (from, to) in [
            ("numeric(12,4)", "numeric(12,2)"),
            ("numeric", "numeric(10,2)"),
            ("numeric(10,2)", "integer"),
            ("timestamp(6) with time zone", "timestamp(0) with time zone"),
            ("timestamp without time zone", "date"),
            ("double precision", "real"),
            ("text", "integer"),
            ("text", "jsonb"),
            ("mood", "other_mood"),
            ("text[]", "text"),
        ] {
            assert!(loses_values(from, to), "{from} -> {to}");
        }
    }

    #[test]
    fn conversions_that_keep_or_refuse_values_are_safe() {
        for (from, to) in [
            ("integer", "bigint"),
            ("bigint", "integer"),
            ("integer", "numeric(12,2)"),
            ("numeric(10,2)", "numeric(12,4)"),
            ("character varying(20)", "character varying(10)"),
            ("integer", "text"),
            ("text", "citext"),
            ("integer[]", "bigint[]"),
            ("timestamp without time zone", "timestamp with time zone"),
            (
                "timestamp(3) without time zone",
                "timestamp without time zone",
            ),
            ("real", "double precision"),
            ("text", "text[]"),
        ] {
            assert!(!loses_values(from, to), "{from} -> {to}");
        }
    }
}
