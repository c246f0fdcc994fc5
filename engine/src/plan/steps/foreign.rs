//! Steps for foreign data wrappers, servers and user mappings. They lock no table. A step
//! that sets a secret option prints a placeholder for its value and carries the
//! `secret-required` hazard: `apply` refuses it, and whoever runs it by hand supplies the
//! secret.

use super::Step;
use crate::diff::Change;
use crate::hazard::HazardKind;
use crate::model::{ForeignOptions, OptionChange};
use crate::plan::LockLevel;
use crate::render::ddl::foreign as ddl;

/// The steps of a wrapper, server or user mapping change.
pub(super) fn steps(change: &Change) -> Vec<Step> {
    match change {
        Change::CreateForeignDataWrapper(w) => {
            let what = format!("foreign data wrapper `{}`", w.name);
            let step = Step::new(
                format!("create {what}"),
                ddl::create_wrapper(w),
                vec![ddl::drop_wrapper(&w.name)],
            );
            vec![secrets(step, &what, &all_set(&w.options))]
        }
        Change::DropForeignDataWrapper(w) => vec![Step::new(
            format!("drop foreign data wrapper `{}`", w.name),
            vec![ddl::drop_wrapper(&w.name)],
            ddl::create_wrapper(w),
        )],
        Change::AlterForeignDataWrapper(w) => {
            let what = format!("foreign data wrapper `{}`", w.to.name);
            let step = Step::new(
                format!("alter {what}"),
                vec![ddl::alter_wrapper(&w.from, &w.to)],
                vec![ddl::alter_wrapper(&w.to, &w.from)],
            );
            vec![secrets(step, &what, &w.from.options.changes(&w.to.options))]
        }
        Change::CreateForeignServer(s) => {
            let what = format!("server `{}`", s.name);
            let step = Step::new(
                format!("create {what}"),
                ddl::create_server(s),
                vec![ddl::drop_server(&s.name)],
            );
            vec![secrets(step, &what, &all_set(&s.options))]
        }
        Change::DropForeignServer { server, .. } => vec![Step::new(
            format!("drop server `{}`", server.name),
            vec![ddl::drop_server(&server.name)],
            ddl::create_server(server),
        )],
        Change::AlterForeignServer(s) => {
            let what = format!("server `{}`", s.to.name);
            let step = Step::new(
                format!("alter {what}"),
                vec![ddl::alter_server(&s.from, &s.to)],
                vec![ddl::alter_server(&s.to, &s.from)],
            );
            vec![secrets(step, &what, &s.from.options.changes(&s.to.options))]
        }
        Change::CreateUserMapping(m) => {
            let step = Step::new(
                format!("create {}", m.describe()),
                vec![ddl::create_mapping(m)],
                vec![ddl::drop_mapping(m)],
            );
            vec![secrets(step, &m.describe(), &all_set(&m.options))]
        }
        Change::DropUserMapping { mapping, .. } => vec![Step::new(
            format!("drop {}", mapping.describe()),
            vec![ddl::drop_mapping(mapping)],
            vec![ddl::create_mapping(mapping)],
        )],
        Change::AlterUserMapping(m) => {
            let step = Step::new(
                format!("alter {}", m.to.describe()),
                vec![ddl::alter_mapping(&m.from, &m.to)],
                vec![ddl::alter_mapping(&m.to, &m.from)],
            );
            let changes = m.from.options.changes(&m.to.options);
            vec![secrets(step, &m.to.describe(), &changes)]
        }
        Change::CreateForeignTable(t) => {
            let what = format!("foreign table `{}`", t.name);
            vec![Step::new(
                format!("create {what}"),
                ddl::create_foreign_table(t),
                vec![ddl::drop_foreign_table(&t.name)],
            )]
        }
        // its rows are the remote server's: dropping one loses no data, but what reads it fails
        Change::DropForeignTable { table, recreated } => {
            let step = Step::new(
                format!("drop foreign table `{}`", table.name),
                vec![ddl::drop_foreign_table(&table.name)],
                ddl::create_foreign_table(table),
            )
            .lock(LockLevel::AccessExclusive);
            if *recreated {
                return vec![step];
            }
            vec![step.hazard(
                HazardKind::BreaksApplication,
                format!(
                    "queries on foreign table `{}` fail once it is dropped",
                    table.name
                ),
            )]
        }
        // the columns it loses, apart and in contract (`diff::foreign`)
        Change::AlterForeignTable(t) if t.to.columns.len() < t.from.columns.len() => {
            let dropped: Vec<String> = (t.from.columns.iter())
                .filter(|c| t.to.column(&c.name).is_none())
                .map(|c| format!("`{}`", c.name))
                .collect();
            let dropped = dropped.join(", ");
            vec![Step::new(
                format!("drop column(s) {dropped} of foreign table `{}`", t.to.name),
                vec![ddl::alter_foreign_table(&t.from, &t.to)],
                vec![ddl::alter_foreign_table(&t.to, &t.from)],
            )
            .lock(LockLevel::AccessExclusive)
            .hazard(
                HazardKind::BreaksApplication,
                format!(
                    "queries reading {dropped} of foreign table `{}` fail once they are dropped",
                    t.to.name
                ),
            )]
        }
        Change::AlterForeignTable(t) => vec![Step::new(
            format!("alter foreign table `{}`", t.to.name),
            vec![ddl::alter_foreign_table(&t.from, &t.to)],
            vec![ddl::alter_foreign_table(&t.to, &t.from)],
        )
        .lock(LockLevel::AccessExclusive)],
        _ => Vec::new(),
    }
}

/// Every option set, as a creation sets them.
fn all_set(options: &ForeignOptions) -> Vec<OptionChange<'_>> {
    (options.0.iter())
        .map(|(name, value)| OptionChange::Add(name, value))
        .collect()
}

/// The step with the `secret-required` hazard when it sets a secret option.
fn secrets(step: Step, what: &str, changes: &[OptionChange<'_>]) -> Step {
    let names: Vec<String> = ForeignOptions::secrets_set(changes)
        .into_iter()
        .map(|name| format!("`{name}`"))
        .collect();
    if names.is_empty() {
        return step;
    }
    step.hazard(
        HazardKind::SecretRequired,
        format!(
            "{what} sets {}, whose value is never printed: replace the placeholder with the secret and run the step by hand (apply refuses it)",
            names.join(", ")
        ),
    )
}
