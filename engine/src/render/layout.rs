//! `plan --out DIR --layout supabase|prisma`: a plan's phases as the migration files a deploy
//! tool applies (`supabase db push`, `prisma migrate deploy`), each with its rollback beside
//! it, to run with psql.
//!
//! Both tools run a file's statements in one transaction (Supabase always, Prisma when it
//! sends the file as one query), so each batch of the plan is a migration of its own: a
//! transactional batch as one, and each statement that cannot run in a transaction block (a
//! concurrent index build, a batched backfill) alone, which both run outside one. Supabase
//! cannot run a backfill that commits batch by batch: there it fills in one transaction, and
//! its file says so.

use super::ddl::staging::without_batch_commits;
use super::script::{between_phases, write_step, Direction};
use crate::plan::{Phase, Plan, Step};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Supabase,
    Prisma,
}

impl Layout {
    /// Where the tool looks for migrations, relative to the project directory.
    pub fn migrations_dir(self) -> &'static str {
        match self {
            Layout::Supabase => "supabase/migrations",
            Layout::Prisma => "prisma/migrations",
        }
    }

    /// A migration's file and its rollback's, relative to the project directory. Supabase
    /// applies every `<digits>_<name>.sql` in its directory, so rollbacks live in a sibling
    /// one; Prisma applies only `migration.sql` in a migration's folder, and `down.sql` beside
    /// it is its own convention for a rollback.
    pub fn files(self, version: &str, name: &str) -> [String; 2] {
        match self {
            Layout::Supabase => [
                format!("supabase/migrations/{version}_{name}.sql"),
                format!("supabase/rollbacks/{version}_{name}.sql"),
            ],
            Layout::Prisma => [
                format!("prisma/migrations/{version}_{name}/migration.sql"),
                format!("prisma/migrations/{version}_{name}/down.sql"),
            ],
        }
    }

    /// The command that applies the migrations.
    pub fn deploy_command(self) -> &'static str {
        match self {
            Layout::Supabase => "supabase db push",
            Layout::Prisma => "prisma migrate deploy",
        }
    }
}

/// One migration of the tool's: what it applies, and its rollback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolMigration {
    pub phase: Phase,
    /// What follows the migration's name: `expand`, or `expand_2` for the phase's second.
    pub suffix: String,
    pub up: String,
    pub down: String,
}

/// The migrations of `phases`, in the order they run.
pub fn tool_migrations(plan: &Plan, layout: Layout, phases: &[Phase]) -> Vec<ToolMigration> {
    let units = units(plan, layout, phases);
    let mut migrations = Vec::new();
    for (index, unit) in units.iter().enumerate() {
        let part = units[..=index]
            .iter()
            .filter(|u| u.phase == unit.phase)
            .count();
        let parts = units.iter().filter(|u| u.phase == unit.phase).count();
        let header = |what: &str| {
            format!(
                "-- schemadiff {what}{} phase to {}, part {part} of {parts}\n-- from {}\n",
                unit.phase.name(),
                plan.to_fingerprint,
                plan.from_fingerprint
            )
        };
        let mut up = header("");
        if let (1, Some(note)) = (part, between_phases(plan, unit.phase)) {
            up.push_str(&format!("-- {note}\n"));
        }
        let mut down = header("rollback of the ");
        down.push_str(
            "-- run with psql, after the rollbacks of the migrations that came after it\n",
        );
        unit.write(&mut up, layout, Direction::Up);
        unit.write(&mut down, layout, Direction::Down);
        migrations.push(ToolMigration {
            phase: unit.phase,
            suffix: match part {
                1 => unit.phase.name().to_string(),
                n => format!("{}_{n}", unit.phase.name()),
            },
            up,
            down,
        });
    }
    migrations
}

/// The phase a migration file written by [`tool_migrations`] for a plan to the same desired
/// state holds (`None` for any other file).
pub fn written_phase(text: &str, plan: &Plan) -> Option<Phase> {
    let first = text.lines().next()?.strip_prefix("-- schemadiff ")?;
    let (phase, rest) = first.split_once(" phase to ")?;
    let (to, _) = rest.split_once(", part ")?;
    if to != plan.to_fingerprint {
        return None;
    }
    [Phase::Expand, Phase::Backfill, Phase::Contract]
        .into_iter()
        .find(|p| p.name() == phase)
}

/// What one migration runs: a transactional batch, or one statement that runs alone.
struct Unit {
    phase: Phase,
    transactional: bool,
    /// Step numbers in the plan, with the steps (a statement that runs alone as a step of
    /// its own).
    steps: Vec<(usize, Step)>,
    /// A backfill that commits batch by batch, turned into one transaction for a tool that
    /// runs the file in one.
    filled_at_once: bool,
}

fn units(plan: &Plan, layout: Layout, phases: &[Phase]) -> Vec<Unit> {
    let mut units = Vec::new();
    for batch in plan.batches() {
        if !phases.contains(&batch.phase) {
            continue;
        }
        if batch.transactional {
            units.push(Unit {
                phase: batch.phase,
                transactional: true,
                steps: batch
                    .steps
                    .map(|i| (i + 1, plan.steps[i].clone()))
                    .collect(),
                filled_at_once: false,
            });
            continue;
        }
        for i in batch.steps {
            let step = &plan.steps[i];
            for (part, statement) in step.sql.iter().enumerate() {
                let runs = match layout {
                    Layout::Supabase => without_batch_commits(statement),
                    Layout::Prisma => statement.clone(),
                };
                units.push(Unit {
                    phase: batch.phase,
                    transactional: false,
                    filled_at_once: runs != *statement,
                    steps: vec![(
                        i + 1,
                        Step {
                            sql: vec![runs],
                            // the first statement's rollback undoes the whole step
                            rollback: if part == 0 {
                                step.rollback.clone()
                            } else {
                                Vec::new()
                            },
                            ..step.clone()
                        },
                    )],
                });
            }
        }
    }
    units
}

impl Unit {
    fn write(&self, out: &mut String, layout: Layout, direction: Direction) {
        let statements = |step: &Step| match direction {
            Direction::Up => step.sql.len(),
            Direction::Down => step.rollback.len(),
        };
        // the tool's own transaction holds a transactional batch; a rollback, run with
        // psql, and a Prisma migration, which Prisma may run statement by statement, say
        // theirs
        let wrapped = self.transactional
            && self.steps.iter().any(|(_, step)| statements(step) > 0)
            && (layout == Layout::Prisma || direction == Direction::Down);
        if self.filled_at_once && direction == Direction::Up {
            out.push_str("-- supabase db push runs a file in one transaction, so this fills every row in one, and the\n-- rows it updates stay locked until it ends. On a large table, move the backfill migrations\n-- aside and push, run `schemadiff apply --phase backfill` (it commits batch by batch), then put\n-- them back and push again: this one finds nothing left to fill.\n");
        }
        if wrapped {
            out.push_str("\nBEGIN;\n");
        }
        if self.transactional
            && self
                .steps
                .iter()
                .any(|(_, step)| step.kind.ends_with("_function"))
        {
            out.push_str(&format!("\n{};\n", super::ddl::DEFER_FUNCTION_BODY_CHECKS));
        }
        let mut steps: Vec<&(usize, Step)> = self.steps.iter().collect();
        if direction == Direction::Down {
            steps.reverse();
        }
        for (number, step) in steps {
            write_step(
                out,
                *number,
                step,
                direction,
                self.transactional || self.filled_at_once,
            );
        }
        if wrapped {
            out.push_str("\nCOMMIT;\n");
        }
    }
}
