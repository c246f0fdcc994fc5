//! Renames the desired state declares (`-- schemadiff:renamed-from`, `--rename`), checked
//! against both catalogs, and the backfill expressions it gives.
//!
//! A declared column rename is planned by pairing the old column with the new one: the
//! catalog before the plan is read as if the column already had its new name, so the differ
//! compares like with like (type, default, NOT NULL, grants, comment), and a `RenameColumn`
//! change comes first. Objects whose definitions name the old column still name it, so the
//! differ drops them before the rename and creates the desired ones after it.

use std::collections::HashMap;

use crate::diff::{Change, Pair};
use crate::error::Span;
use crate::model::{AclObject, Catalog, Policy, QualifiedName};
use crate::normalize::expr::rename_column_references;
use crate::normalize::rule::renamed as renamed_rule;
use crate::render::ddl::staging::HelperTrigger;
use crate::source::directives::Intent;

/// What a plan takes from the declared intent.
#[derive(Clone, Debug, Default)]
pub struct Declared {
    /// Tables to rename: (old name, new name), in one schema.
    pub tables: Vec<(QualifiedName, QualifiedName)>,
    /// Columns to rename.
    pub columns: Vec<ColumnRenamed>,
    /// Publications to rename: (old name, new name).
    pub publications: Vec<(String, String)>,
    /// `-- schemadiff:backfill` expressions, by table and column.
    pub backfills: HashMap<(QualifiedName, String), String>,
}

/// A column to rename.
#[derive(Clone, Debug)]
pub struct ColumnRenamed {
    /// The table as the desired state names it.
    pub table: QualifiedName,
    pub old: String,
    pub new: String,
    /// A staged plan's expand has run already: both columns are there, kept in sync by its
    /// trigger, and only the rest of the plan is left.
    pub in_flight: bool,
}

/// A declaration that does not fit the schemas: where it is, and why.
#[derive(Clone, Debug)]
pub struct Misfit {
    pub span: Option<Span>,
    pub message: String,
    pub help: String,
}

/// Checks `intent` against both catalogs: a rename already done (the old name gone, the new
/// one there) is dropped quietly; one whose source exists nowhere is a misfit.
pub fn declare(intent: &Intent, from: &Catalog, to: &Catalog) -> Result<Declared, Vec<Misfit>> {
    let mut declared = Declared::default();
    let mut misfits = Vec::new();
    for rename in &intent.table_renames {
        let misfit = |message: String, help: &str| Misfit {
            span: rename.span.clone(),
            message,
            help: help.to_string(),
        };
        let (old, new) = (&rename.from, &rename.to);
        if !to.tables.contains_key(new) {
            misfits.push(misfit(
                format!("table `{new}` is not in the desired state"),
                "a rename names the table as the desired state has it",
            ));
        } else if old.schema != new.schema {
            misfits.push(misfit(
                format!("`{new}` is declared renamed from `{old}`, in another schema"),
                "a rename keeps the table's schema; move it with ALTER TABLE … SET SCHEMA first",
            ));
        } else {
            match (from.tables.contains_key(old), from.tables.contains_key(new)) {
                (true, false) => declared.tables.push((old.clone(), new.clone())),
                (false, true) => {}
                (true, true) => misfits.push(misfit(
                    format!(
                        "`{new}` is declared renamed from `{old}`, but both tables exist already"
                    ),
                    "remove the directive, or drop one of the tables first",
                )),
                (false, false) => misfits.push(misfit(
                    format!(
                        "`{new}` is declared renamed from `{old}`, but there is no table `{old}`"
                    ),
                    "check the old name's spelling, or remove the directive",
                )),
            }
        }
    }
    for rename in &intent.column_renames {
        let label = format!("`{}.{}`", rename.table, rename.to);
        if !to
            .tables
            .get(&rename.table)
            .is_some_and(|t| t.columns.contains_key(&rename.to))
        {
            misfits.push(Misfit {
                span: rename.span.clone(),
                message: format!("column {label} is not in the desired state"),
                help: "a rename names the column as the desired state has it".into(),
            });
            continue;
        }
        // a table the plan creates has nothing to rename
        let Some(before) = from.tables.get(declared.name_before(&rename.table)) else {
            continue;
        };
        let (old, new) = (
            before.columns.contains_key(&rename.from),
            before.columns.contains_key(&rename.to),
        );
        let in_flight = from.triggers.contains_key(&(
            before.name.clone(),
            HelperTrigger::sync(&before.name, &rename.to).trigger,
        ));
        let renamed = |in_flight| ColumnRenamed {
            table: rename.table.clone(),
            old: rename.from.clone(),
            new: rename.to.clone(),
            in_flight,
        };
        match (old, new) {
            (true, false) => declared.columns.push(renamed(false)),
            (false, true) => {}
            (true, true) if in_flight => declared.columns.push(renamed(true)),
            (true, true) => misfits.push(Misfit {
                span: rename.span.clone(),
                message: format!(
                    "{label} is declared renamed from `{}`, but `{}` has both columns already",
                    rename.from, rename.table
                ),
                help: "remove the directive, or drop one of the columns first".into(),
            }),
            (false, false) => misfits.push(Misfit {
                span: rename.span.clone(),
                message: format!(
                    "{label} is declared renamed from `{}`, but `{}` has no column `{}`",
                    rename.from, rename.table, rename.from
                ),
                help: "check the old name's spelling, or remove the directive".into(),
            }),
        }
    }
    for rename in &intent.publication_renames {
        let (old, new) = (&rename.from, &rename.to);
        let misfit = |message: String, help: &str| Misfit {
            span: rename.span.clone(),
            message,
            help: help.to_string(),
        };
        match (
            from.publications.contains_key(old),
            from.publications.contains_key(new),
        ) {
            (true, false) => declared.publications.push((old.clone(), new.clone())),
            (false, true) => {}
            (true, true) => misfits.push(misfit(
                format!("publication `{new}` is declared renamed from `{old}`, but both exist already"),
                "remove the directive, or drop one of the publications first",
            )),
            (false, false) => misfits.push(misfit(
                format!("publication `{new}` is declared renamed from `{old}`, but there is no publication `{old}`"),
                "check the old name's spelling, or remove the directive",
            )),
        }
    }
    for backfill in &intent.backfills {
        declared.backfills.insert(
            (backfill.table.clone(), backfill.column.clone()),
            backfill.expression.clone(),
        );
    }
    if misfits.is_empty() {
        Ok(declared)
    } else {
        Err(misfits)
    }
}

impl Declared {
    /// What a table the desired state names `table` is called before the plan.
    fn name_before<'a>(&'a self, table: &'a QualifiedName) -> &'a QualifiedName {
        self.tables
            .iter()
            .find(|(_, new)| new == table)
            .map_or(table, |(old, _)| old)
    }

    /// Whether anything is renamed.
    pub fn renames(&self) -> bool {
        !self.tables.is_empty() || !self.columns.is_empty() || !self.publications.is_empty()
    }

    /// `from` as if the declared tables and columns had their new names already, with their
    /// grants, owners, partitions and sequences. What other objects say of them (indexes,
    /// triggers, policies, views, foreign keys) keeps the old names, so the differ drops
    /// those before the rename and creates the desired ones after it.
    pub fn renamed(&self, from: &Catalog) -> Catalog {
        let mut renamed = from.clone();
        for (old, new) in &self.tables {
            rename_table(&mut renamed, old, new);
        }
        for (old, new) in &self.publications {
            if let Some(mut publication) = renamed.publications.shift_remove(old) {
                publication.name = new.clone();
                renamed.publications.insert(new.clone(), publication);
            }
            renamed.rename_acls(|object| match object {
                AclObject::Publication(name) if name == old => {
                    Some(AclObject::Publication(new.clone()))
                }
                _ => None,
            });
        }
        for ColumnRenamed {
            table,
            old,
            new,
            in_flight,
        } in &self.columns
        {
            let Some(columns) = renamed.tables.get_mut(table).map(|t| &mut t.columns) else {
                continue;
            };
            // the server rewrites the policies that read the column as it renames it
            for policy in renamed.policies.values_mut() {
                if reads_column(policy, table, old) {
                    rename_policy_column(policy, old, new);
                }
            }
            if *in_flight {
                // the new column is there already: the old one goes with the rename's contract
                columns.shift_remove(old);
                renamed
                    .privileges
                    .shift_remove(&AclObject::Column(table.clone(), old.clone()));
                continue;
            }
            if let Some(index) = columns.get_index_of(old) {
                let (_, mut column) = columns
                    .shift_remove_index(index)
                    .expect("an index in range");
                column.name = new.clone();
                let (last, _) = columns.insert_full(new.clone(), column);
                columns.move_index(last, index);
            }
            let old_acl = AclObject::Column(table.clone(), old.clone());
            if let Some(acl) = renamed.privileges.shift_remove(&old_acl) {
                renamed
                    .privileges
                    .insert(AclObject::Column(table.clone(), new.clone()), acl);
            }
        }
        renamed.sort();
        renamed
    }

    /// `changes` with each rule replaced on a table whose column is renamed (or that names
    /// such a table) dropped before the rename and created after it instead: a staged
    /// rename drops the old column, which the server refuses while a rule reads it, and
    /// `CREATE OR REPLACE RULE` would come only after.
    pub fn rules_around_renamed_columns(&self, changes: Vec<Change>) -> Vec<Change> {
        if self.columns.is_empty() {
            return changes;
        }
        let renamed = |rule: &crate::model::Rule| {
            std::iter::once(&rule.table)
                .chain(&rule.reads)
                .any(|t| self.columns.iter().any(|c| c.table == *t))
        };
        let mut out = Vec::with_capacity(changes.len());
        for change in changes {
            match change {
                Change::ReplaceRule(rule) if renamed(&rule.from) => {
                    out.push(Change::DropRule {
                        rule: rule.from,
                        recreated: true,
                    });
                    out.push(Change::CreateRule(rule.to));
                }
                other => out.push(other),
            }
        }
        out
    }

    /// The rename changes, which run before everything else that touches their tables and
    /// columns.
    pub fn changes(&self, from: &Catalog, to: &Catalog) -> Vec<Change> {
        let tables = self.tables.iter().map(|(old, new)| Change::RenameTable {
            name: Pair::new(old.clone(), new.clone()),
        });
        let columns = self.columns.iter().filter_map(|rename| {
            let (table, old, new) = (&rename.table, &rename.old, &rename.new);
            let before = from
                .tables
                .get(self.name_before(table))?
                .columns
                .get(old)?
                .clone();
            Some(Change::RenameColumn {
                table: table.clone(),
                column: Pair::boxed(before, to.tables.get(table)?.columns.get(new)?.clone()),
                in_flight: rename.in_flight,
            })
        });
        let publications = self
            .publications
            .iter()
            .map(|(old, new)| Change::RenamePublication {
                name: Pair::new(old.clone(), new.clone()),
            });
        tables.chain(columns).chain(publications).collect()
    }
}

fn reads_column(policy: &Policy, table: &QualifiedName, column: &str) -> bool {
    policy.table == *table && policy.columns.iter().any(|c| c == column)
}

fn rename_policy_column(policy: &mut Policy, old: &str, new: &str) {
    for expr in policy.using.iter_mut().chain(policy.with_check.iter_mut()) {
        *expr = rename_column_references(expr, old, new);
    }
    for column in policy.columns.iter_mut().filter(|c| *c == old) {
        *column = new.to_string();
    }
}

/// Renames a table in a catalog, with what belongs to it: its columns' grants, its owner,
/// its policies, the publications that list it, the parent its partitions and children name, the sequences it owns.
fn rename_table(catalog: &mut Catalog, old: &QualifiedName, new: &QualifiedName) {
    let Some(index) = catalog.tables.get_index_of(old) else {
        return;
    };
    let (_, mut table) = catalog
        .tables
        .shift_remove_index(index)
        .expect("an index in range");
    table.name = new.clone();
    catalog.tables.insert(new.clone(), table);
    for child in catalog.tables.values_mut() {
        if let Some(partition) = child.partition_of.as_mut().filter(|p| p.parent == *old) {
            partition.parent = new.clone();
        }
        for parent in child.inherits.iter_mut().filter(|p| **p == *old) {
            *parent = new.clone();
        }
    }
    // a policy stays on its table, and reads it by OID
    catalog.policies = std::mem::take(&mut catalog.policies)
        .into_iter()
        .map(|((table, name), mut policy)| {
            if table == *old {
                policy.table = new.clone();
                ((new.clone(), name), policy)
            } else {
                ((table, name), policy)
            }
        })
        .collect();
    // so does a rule
    catalog.rules = std::mem::take(&mut catalog.rules)
        .into_iter()
        .map(|((table, name), rule)| {
            if table == *old {
                let moved = renamed_rule(&rule, new, &name);
                ((new.clone(), name), moved)
            } else {
                ((table, name), rule)
            }
        })
        .collect();
    // and a publication
    for publication in catalog.publications.values_mut() {
        for published in publication.tables.iter_mut().filter(|t| t.table == *old) {
            published.table = new.clone();
        }
        publication.tables.sort_by(|a, b| a.table.cmp(&b.table));
    }
    for sequence in catalog.sequences.values_mut() {
        if let Some((table, _)) = sequence.owned_by.as_mut().filter(|(t, _)| t == old) {
            *table = new.clone();
        }
    }
    let moved = |object: AclObject| match object {
        AclObject::Table(name) if name == *old => AclObject::Table(new.clone()),
        AclObject::Column(name, column) if name == *old => AclObject::Column(new.clone(), column),
        other => other,
    };
    catalog.privileges = std::mem::take(&mut catalog.privileges)
        .into_iter()
        .map(|(object, acl)| (moved(object), acl))
        .collect();
    catalog.owners = std::mem::take(&mut catalog.owners)
        .into_iter()
        .map(|(object, owner)| (moved(object), owner))
        .collect();
}
