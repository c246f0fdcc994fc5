//! Tables, columns, constraints and indexes.

use std::collections::HashSet;

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, Column, ConstraintKind, QualifiedName, Table};

/// Constraints that `CREATE TABLE` can declare: foreign keys are added after every table
/// exists (which also breaks foreign key cycles), and `NOT VALID` needs `ALTER TABLE`.
pub fn is_inline(constraint: &crate::model::Constraint) -> bool {
    constraint.kind != ConstraintKind::ForeignKey && !constraint.not_valid
}

/// A generated expression cannot be added to or changed on an existing column (before
/// PostgreSQL 17): the column is dropped and added again.
fn needs_replacement(column: Pair<&Column>) -> bool {
    column.to.generated.is_some() && column.from.generated != column.to.generated
}

pub(super) fn diff_tables(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for table in catalogs.to.tables.values() {
        match catalogs.from.tables.get(&table.name) {
            None => create_table(table, out),
            Some(old) => diff_table(Pair::new(old, table), out),
        }
    }
    for table in catalogs.from.tables.values() {
        if !catalogs.to.tables.contains_key(&table.name) {
            drop_table(table, out);
        }
    }
}

fn create_table(table: &Table, out: &mut Vec<Change>) {
    let mut inline = table.clone();
    inline.constraints.retain(|_, c| is_inline(c));
    out.push(Change::CreateTable(inline));
    for constraint in table.constraints.values().filter(|c| !is_inline(c)) {
        out.push(Change::AddConstraint {
            table: table.name.clone(),
            constraint: constraint.clone(),
        });
    }
}

fn drop_table(table: &Table, out: &mut Vec<Change>) {
    for constraint in table.constraints.values().filter(|c| !is_inline(c)) {
        out.push(Change::DropConstraint {
            table: table.name.clone(),
            constraint: constraint.clone(),
        });
    }
    let mut inline = table.clone();
    inline.constraints.retain(|_, c| is_inline(c));
    out.push(Change::DropTable(inline));
}

fn diff_table(table: Pair<&Table>, out: &mut Vec<Change>) {
    let name = &table.to.name;
    let mut replaced = HashSet::new();
    for column in table.to.columns.values() {
        let Some(old) = table.from.columns.get(&column.name) else {
            out.push(Change::AddColumn {
                table: name.clone(),
                column: column.clone(),
            });
            continue;
        };
        let pair = Pair::new(old, column);
        if needs_replacement(pair) {
            replaced.insert(column.name.clone());
            out.push(Change::DropColumn {
                table: name.clone(),
                column: old.clone(),
            });
            out.push(Change::AddColumn {
                table: name.clone(),
                column: column.clone(),
            });
            continue;
        }
        let mut without_comment = old.clone();
        without_comment.comment = column.comment.clone();
        if without_comment != *column {
            out.push(Change::AlterColumn {
                table: name.clone(),
                column: Pair::new(old.clone(), column.clone()),
            });
        }
        diff_comment(
            CommentTarget::Column(name.clone(), column.name.clone()),
            Pair::new(&old.comment, &column.comment),
            out,
        );
    }
    for column in table.from.columns.values() {
        if !table.to.columns.contains_key(&column.name) {
            out.push(Change::DropColumn {
                table: name.clone(),
                column: column.clone(),
            });
        }
    }
    if table.from.unlogged != table.to.unlogged {
        out.push(Change::SetUnlogged {
            table: name.clone(),
            unlogged: Pair::new(table.from.unlogged, table.to.unlogged),
        });
    }
    diff_constraints(table, &replaced, out);
    diff_comment(
        CommentTarget::Table(name.clone()),
        Pair::new(&table.from.comment, &table.to.comment),
        out,
    );
}

fn diff_constraints(table: Pair<&Table>, replaced: &HashSet<String>, out: &mut Vec<Change>) {
    let name = &table.to.name;
    let uses_replaced = |columns: &[String]| columns.iter().any(|c| replaced.contains(c));
    for constraint in table.to.constraints.values() {
        let old = table.from.constraints.get(&constraint.name);
        match old {
            Some(old)
                if old.definition == constraint.definition
                    && old.kind == constraint.kind
                    && !uses_replaced(&constraint.columns) =>
            {
                if old.not_valid && !constraint.not_valid {
                    out.push(Change::ValidateConstraint {
                        table: name.clone(),
                        constraint: constraint.clone(),
                    });
                } else if !old.not_valid && constraint.not_valid {
                    // a valid constraint cannot be made NOT VALID again: recreate it
                    out.push(Change::DropConstraint {
                        table: name.clone(),
                        constraint: old.clone(),
                    });
                    out.push(Change::AddConstraint {
                        table: name.clone(),
                        constraint: constraint.clone(),
                    });
                    continue;
                }
                diff_comment(
                    CommentTarget::Constraint(name.clone(), constraint.name.clone()),
                    Pair::new(&old.comment, &constraint.comment),
                    out,
                );
            }
            Some(old) => {
                out.push(Change::DropConstraint {
                    table: name.clone(),
                    constraint: old.clone(),
                });
                out.push(Change::AddConstraint {
                    table: name.clone(),
                    constraint: constraint.clone(),
                });
            }
            None => out.push(Change::AddConstraint {
                table: name.clone(),
                constraint: constraint.clone(),
            }),
        }
    }
    for constraint in table.from.constraints.values() {
        if !table.to.constraints.contains_key(&constraint.name) {
            out.push(Change::DropConstraint {
                table: name.clone(),
                constraint: constraint.clone(),
            });
        }
    }
}

pub(super) fn diff_indexes(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    let replaced_columns = replaced_columns(catalogs);
    let rebuilt = |index: &crate::model::Index| {
        index
            .columns
            .iter()
            .any(|c| replaced_columns.contains(&(index.table.clone(), c.clone())))
    };
    for index in catalogs.to.indexes.values() {
        match catalogs.from.indexes.get(&index.name) {
            None => out.push(Change::CreateIndex(index.clone())),
            Some(old) if old.definition != index.definition || rebuilt(index) => {
                out.push(Change::DropIndex(old.clone()));
                out.push(Change::CreateIndex(index.clone()));
            }
            Some(old) => diff_comment(
                CommentTarget::Index(index.name.clone()),
                Pair::new(&old.comment, &index.comment),
                out,
            ),
        }
    }
    for index in catalogs.from.indexes.values() {
        // dropped with its table too, explicitly, so that the rollback recreates it
        if !catalogs.to.indexes.contains_key(&index.name) {
            out.push(Change::DropIndex(index.clone()));
        }
    }
}

/// Columns dropped and added again (generated expression changes).
fn replaced_columns(catalogs: &Pair<&Catalog>) -> HashSet<(QualifiedName, String)> {
    let mut replaced = HashSet::new();
    for table in catalogs.to.tables.values() {
        let Some(old) = catalogs.from.tables.get(&table.name) else {
            continue;
        };
        for column in table.columns.values() {
            if let Some(old_column) = old.columns.get(&column.name) {
                if needs_replacement(Pair::new(old_column, column)) {
                    replaced.insert((table.name.clone(), column.name.clone()));
                }
            }
        }
    }
    replaced
}
