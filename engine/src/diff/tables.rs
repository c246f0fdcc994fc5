//! Tables, columns, constraints and indexes.

use std::collections::HashSet;

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{Catalog, ConstraintKind, QualifiedName, ReferencedKey, Table};

/// Constraints that `CREATE TABLE` can declare: foreign keys are added after every table
/// exists (which also breaks foreign key cycles), and `NOT VALID` needs `ALTER TABLE`.
pub fn is_inline(constraint: &crate::model::Constraint) -> bool {
    constraint.kind != ConstraintKind::ForeignKey && !constraint.not_valid
}

/// Columns that cannot be altered in place, and columns whose dependents must be rebuilt.
struct Rebuilds {
    /// Dropped and added again: a generated expression cannot be added to or changed on an
    /// existing column (before PostgreSQL 17), nor survive a type change of a column it reads.
    replaced: HashSet<(QualifiedName, String)>,
    /// Kept, but what uses them (constraints, indexes) is dropped and recreated around the
    /// change: their enum type is recreated.
    converted: HashSet<(QualifiedName, String)>,
    /// Foreign keys (table, name) whose referenced key is dropped or changed: the server
    /// refuses to drop a key that a foreign key uses, so they are dropped and added again.
    foreign_keys: HashSet<(QualifiedName, String)>,
}

impl Rebuilds {
    fn find(catalogs: &Pair<&Catalog>) -> Self {
        let mut replaced = HashSet::new();
        for table in catalogs.to.tables.values() {
            let Some(old) = catalogs.from.tables.get(&table.name) else {
                continue;
            };
            let retyped: Vec<&String> = table
                .columns
                .values()
                .filter(|c| {
                    old.columns
                        .get(&c.name)
                        .is_some_and(|o| o.type_name != c.type_name)
                })
                .map(|c| &c.name)
                .collect();
            for column in table.columns.values() {
                let Some(old_column) = old.columns.get(&column.name) else {
                    continue;
                };
                let changed =
                    column.generated.is_some() && old_column.generated != column.generated;
                let reads_retyped = old_column
                    .generated
                    .as_ref()
                    .is_some_and(|g| expression_columns(g).iter().any(|c| retyped.contains(&c)));
                if changed || (reads_retyped && column.generated.is_some()) {
                    replaced.insert((table.name.clone(), column.name.clone()));
                }
            }
        }
        let converted = super::objects::converted_columns(catalogs)
            .into_iter()
            .collect();
        Rebuilds {
            replaced,
            converted,
            foreign_keys: foreign_keys_losing_their_key(catalogs),
        }
    }

    fn is_replaced(&self, table: &QualifiedName, column: &str) -> bool {
        self.replaced.contains(&(table.clone(), column.to_string()))
    }

    /// Whether an object using `columns` of `table` must be dropped and created again.
    fn rebuilds(&self, table: &QualifiedName, columns: &[String]) -> bool {
        columns.iter().any(|c| {
            let key = (table.clone(), c.clone());
            self.replaced.contains(&key) || self.converted.contains(&key)
        })
    }
}

fn foreign_keys_losing_their_key(catalogs: &Pair<&Catalog>) -> HashSet<(QualifiedName, String)> {
    let mut rebuilt = HashSet::new();
    for table in catalogs.from.tables.values() {
        for constraint in table.constraints.values() {
            let Some(target) = &constraint.foreign_key else {
                continue;
            };
            let kept = match catalogs.from.referenced_key(&target.table, &target.columns) {
                Some(ReferencedKey::Constraint(key)) => catalogs
                    .to
                    .tables
                    .get(&target.table)
                    .and_then(|t| t.constraints.get(&key.name))
                    .is_some_and(|new| new.definition == key.definition),
                Some(ReferencedKey::Index(key)) => catalogs
                    .to
                    .indexes
                    .get(&key.name)
                    .is_some_and(|new| new.definition == key.definition),
                None => true,
            };
            if !kept {
                rebuilt.insert((table.name.clone(), constraint.name.clone()));
            }
        }
    }
    rebuilt
}

/// The columns an expression reads.
fn expression_columns(expr: &crate::model::Expr) -> Vec<String> {
    let mut columns = Vec::new();
    if let Ok(tree) = serde_json::from_str(&expr.canonical) {
        crate::normalize::expr::referenced_columns(&tree, &mut columns);
    }
    columns
}

pub(super) fn diff_tables(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    let rebuilds = Rebuilds::find(catalogs);
    for table in catalogs.to.tables.values() {
        match catalogs.from.tables.get(&table.name) {
            None => create_table(table, out),
            Some(old) => diff_table(Pair::new(old, table), &rebuilds, out),
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

fn diff_table(table: Pair<&Table>, rebuilds: &Rebuilds, out: &mut Vec<Change>) {
    let name = &table.to.name;
    for column in table.to.columns.values() {
        let Some(old) = table.from.columns.get(&column.name) else {
            out.push(Change::AddColumn {
                table: name.clone(),
                column: column.clone(),
            });
            continue;
        };
        if rebuilds.is_replaced(name, &column.name) {
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
            if old.identity.is_none() && column.identity.is_some() {
                out.push(Change::AddIdentity {
                    table: name.clone(),
                    column: column.clone(),
                });
            }
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
    diff_constraints(table, rebuilds, out);
    diff_comment(
        CommentTarget::Table(name.clone()),
        Pair::new(&table.from.comment, &table.to.comment),
        out,
    );
}

fn diff_constraints(table: Pair<&Table>, rebuilds: &Rebuilds, out: &mut Vec<Change>) {
    let name = &table.to.name;
    let uses_replaced = |constraint: &crate::model::Constraint| {
        rebuilds.rebuilds(name, &constraint.columns)
            || rebuilds
                .foreign_keys
                .contains(&(name.clone(), constraint.name.clone()))
    };
    for constraint in table.to.constraints.values() {
        let old = table.from.constraints.get(&constraint.name);
        match old {
            Some(old)
                if old.definition == constraint.definition
                    && old.kind == constraint.kind
                    && !uses_replaced(constraint) =>
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
    let rebuilds = Rebuilds::find(catalogs);
    // a materialized view dropped and created loses its indexes
    let views = super::views::recreated_views(catalogs);
    for index in catalogs.to.indexes.values() {
        match catalogs.from.indexes.get(&index.name) {
            None => out.push(Change::CreateIndex(index.clone())),
            Some(old)
                if old.definition != index.definition
                    || rebuilds.rebuilds(&index.table, &index.columns)
                    || views.contains(&index.table) =>
            {
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
