//! NOT NULL on a column that holds rows: a new NOT NULL column is added nullable first, then
//!
//! - expand: a trigger gives the NULLs the old application still writes the backfill value
//!   (`-- schemadiff:backfill EXPR`), and `CHECK (col IS NOT NULL) NOT VALID` keeps new rows
//!   honest without scanning the old ones;
//! - backfill: the existing NULLs are filled in batches by key, each batch committed;
//! - contract: the check is validated (no write lock), `SET NOT NULL` uses it instead of a
//!   scan under ACCESS EXCLUSIVE, and the helpers go.
//!
//! Without a backfill expression nothing can fill the NULLs: the column gets a hazard, and
//! contract stops with a clear message while NULLs remain.

use super::batches;
use crate::hazard::HazardKind;
use crate::model::{Column, QualifiedName};
use crate::plan::steps::Context;
use crate::plan::{LockLevel, Phase, Step};
use crate::render::ddl;
use crate::render::ddl::staging::{not_null_check_name, FillTrigger, HelperTrigger};

/// One column on its way to NOT NULL.
pub struct NotNull<'a> {
    pub table: &'a QualifiedName,
    pub column: &'a Column,
}

/// A new `NOT NULL` column without a default, on a table with rows: added nullable, then
/// constrained in stages. `None` when one `ADD COLUMN` is already safe.
pub fn add_column(table: &QualifiedName, column: &Column, context: &Context) -> Option<Vec<Step>> {
    if !column.needs_value_when_added() {
        return None;
    }
    let mut nullable = column.clone();
    nullable.not_null = false;
    let add = Step::new(
        format!(
            "add column `{table}.{}`, nullable until contract",
            column.name
        ),
        ddl::add_column(table, &nullable),
        vec![ddl::drop_column(table, &column.name)],
    )
    .lock(LockLevel::AccessExclusive);
    let mut steps = vec![add];
    steps.extend(NotNull { table, column }.steps(context));
    Some(steps)
}

impl NotNull<'_> {
    fn label(&self) -> String {
        format!("`{}.{}`", self.table, self.column.name)
    }

    /// The staged steps of `SET NOT NULL`, phases set.
    pub fn steps(&self, context: &Context) -> Vec<Step> {
        let fill = context
            .backfill(self.table, &self.column.name)
            .map(|expression| FillTrigger {
                table: self.table,
                column: &self.column.name,
                expression,
            });
        // what a plan made part-way finds in place already
        let (table, name) = (self.table, &self.column.name);
        let check_added = context.has_constraint_before(table, &not_null_check_name(name));
        let filling = context.has_trigger_before(table, &HelperTrigger::fill(table, name).trigger);
        let mut steps = Vec::new();
        match &fill {
            Some(fill) => {
                if !filling {
                    steps.push(Step::new(
                        format!(
                            "give the NULLs written to {} the backfill value",
                            self.label()
                        ),
                        fill.create(),
                        fill.drop(),
                    ));
                }
                if !check_added {
                    steps.push(self.add_check());
                }
                steps.push(self.backfill(fill, context).in_phase(Phase::Backfill));
            }
            // the old application may still write NULLs until it is replaced
            None if !check_added => steps.push(self.add_check().in_phase(Phase::Contract)),
            None => {}
        }
        steps.push(self.validate(fill.is_some()));
        steps.push(self.set());
        if let Some(fill) = &fill {
            steps.push(
                Step::new(
                    format!("stop filling {}", self.label()),
                    fill.drop(),
                    fill.create(),
                )
                .in_phase(Phase::Contract),
            );
        }
        steps
    }

    /// Expand: `CHECK (column IS NOT NULL) NOT VALID`, which new rows must pass.
    pub fn add_check(&self) -> Step {
        let check = ddl::staging::not_null_check(self.table, &self.column.name);
        Step::new(
            format!(
                "check that new rows of {} are not NULL, without scanning the old ones",
                self.label()
            ),
            vec![check.add_not_valid()],
            vec![check.drop()],
        )
        .lock(LockLevel::AccessExclusive)
    }

    /// Contract: validates the check in a transaction of its own (no write lock), stopping
    /// with a clear message while NULLs remain. `filled`: a backfill gave them values.
    pub fn validate(&self, filled: bool) -> Step {
        let check = ddl::staging::not_null_check(self.table, &self.column.name);
        let step = Step::new(
            format!("validate that {} holds no NULL", self.label()),
            vec![check.require_no_nulls(), check.validate()],
            Vec::new(),
        )
        .lock(LockLevel::ShareUpdateExclusive)
        .own_transaction()
        .in_phase(Phase::Contract);
        if filled {
            return step;
        }
        step.hazard(
            HazardKind::BreaksApplication,
            format!(
                "{} becomes NOT NULL and nothing says what its NULLs become: contract stops while any remain; add `-- schemadiff:backfill <expression>` to the column, or fill them before contract",
                self.label()
            ),
        )
    }

    /// Contract: `SET NOT NULL`, which the validated check spares a scan, then the check goes.
    pub fn set(&self) -> Step {
        let (table, name) = (self.table, &self.column.name);
        let check = ddl::staging::not_null_check(table, name);
        Step::new(
            format!("set {} NOT NULL using the validated check", self.label()),
            vec![ddl::alter_column(table, name, "SET NOT NULL"), check.drop()],
            vec![
                check.add_not_valid(),
                ddl::alter_column(table, name, "DROP NOT NULL"),
            ],
        )
        .lock(LockLevel::AccessExclusive)
        .in_phase(Phase::Contract)
    }

    /// Fills the existing NULLs in batches by key, committing each; running it again does
    /// only what is left. A table without a key is filled in batches of physical rows.
    fn backfill(&self, fill: &FillTrigger, context: &Context) -> Step {
        let key = context.batch_key(self.table, &self.column.name);
        batches(
            format!("fill the NULLs of {} in batches", self.label()),
            fill.backfill(&key),
            self.table,
            &key,
        )
    }
}
