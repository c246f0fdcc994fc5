//! Tables, columns, constraints and indexes.

use std::collections::HashSet;

use super::{diff_comment, Change, CommentTarget, Pair};
use crate::model::{
    Catalog, Column, Constraint, ConstraintKind, QualifiedName, ReferencedKey, Table,
};

/// Constraints that `CREATE TABLE` can declare: foreign keys are added after every table
/// exists (which also breaks foreign key cycles), and `NOT VALID` needs `ALTER TABLE`.
pub fn is_inline(constraint: &crate::model::Constraint) -> bool {
    constraint.kind != ConstraintKind::ForeignKey && !constraint.not_valid
}

/// Columns that cannot be altered in place, and columns whose dependents must be rebuilt.
pub(super) struct Rebuilds {
    /// Dropped and added again: a generated expression cannot be added to or changed on an
    /// existing column (before PostgreSQL 17), nor survive a type change of a column it reads.
    replaced: HashSet<(QualifiedName, String)>,
    /// Kept, but what uses them (constraints, indexes) is dropped and recreated around the
    /// change: their enum type is recreated.
    converted: HashSet<(QualifiedName, String)>,
    /// Foreign keys (table, name) whose referenced key is dropped or changed: the server
    /// refuses to drop a key that a foreign key uses, so they are dropped and added again.
    foreign_keys: HashSet<(QualifiedName, String)>,
    /// Functions dropped and created: constraints and indexes that call them are too.
    pub(super) functions: HashSet<QualifiedName>,
}

impl Rebuilds {
    pub(super) fn find(catalogs: &Pair<&Catalog>) -> Self {
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
            functions: super::objects::recreated_function_names(catalogs),
        }
    }

    fn is_replaced(&self, table: &QualifiedName, column: &str) -> bool {
        self.replaced.contains(&(table.clone(), column.to_string()))
    }

    /// Whether an object using `columns` of `table` must be dropped and created again.
    pub(super) fn rebuilds<'c>(
        &self,
        table: &QualifiedName,
        columns: impl IntoIterator<Item = &'c String>,
    ) -> bool {
        let mut columns = columns.into_iter();
        columns.any(|c| {
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

/// Tables on both sides that must be dropped and created: a table cannot become
/// partitioned, stop being so or change its key in place; its partitions go with it.
pub(super) fn recreated_tables(catalogs: &Pair<&Catalog>) -> HashSet<QualifiedName> {
    let mut recreated: HashSet<QualifiedName> = catalogs
        .to
        .tables
        .values()
        .filter(|t| {
            catalogs
                .from
                .tables
                .get(&t.name)
                .is_some_and(|old| old.partition_by != t.partition_by)
        })
        .map(|t| t.name.clone())
        .collect();
    loop {
        let before = recreated.len();
        for table in catalogs.from.tables.values() {
            let parent_recreated = table
                .partition_of
                .as_ref()
                .is_some_and(|p| recreated.contains(&p.parent));
            if parent_recreated && catalogs.to.tables.contains_key(&table.name) {
                recreated.insert(table.name.clone());
            }
        }
        if recreated.len() == before {
            return recreated;
        }
    }
}

pub(super) fn diff_tables(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    let rebuilds = Rebuilds::find(catalogs);
    let recreated = recreated_tables(catalogs);
    for table in catalogs.to.tables.values() {
        match catalogs.from.tables.get(&table.name) {
            None => create_table(table, out),
            Some(old) if recreated.contains(&table.name) => {
                drop_table(old, out);
                create_table(table, out);
            }
            Some(old) => diff_table(catalogs, Pair::new(old, table), &rebuilds, out),
        }
    }
    for table in catalogs.from.tables.values() {
        if !catalogs.to.tables.contains_key(&table.name) {
            drop_table(table, out);
        }
    }
}

/// Detaches and attaches a partition, and leaves or joins inheritance parents.
fn diff_parents(table: Pair<&Table>, out: &mut Vec<Change>) {
    let name = &table.to.name;
    if table.from.partition_of != table.to.partition_of {
        if let Some(partition) = &table.from.partition_of {
            out.push(Change::DetachPartition {
                table: name.clone(),
                partition: partition.clone(),
            });
        }
        if let Some(partition) = &table.to.partition_of {
            out.push(Change::AttachPartition {
                table: name.clone(),
                partition: partition.clone(),
            });
        }
    }
    for parent in &table.from.inherits {
        if !table.to.inherits.contains(parent) {
            out.push(Change::NoInherit {
                table: name.clone(),
                parent: parent.clone(),
            });
        }
    }
    for parent in &table.to.inherits {
        if !table.from.inherits.contains(parent) {
            out.push(Change::Inherit {
                table: name.clone(),
                parent: parent.clone(),
            });
        }
    }
}

/// The parent a table keeps on both sides, if any: its column changes reach the table.
fn kept_parent<'a>(catalogs: &Pair<&'a Catalog>, table: Pair<&Table>) -> Option<Pair<&'a Table>> {
    let parent = table
        .to
        .parents()
        .find(|p| table.from.parents().any(|q| q == *p))?;
    Some(Pair::new(
        catalogs.from.tables.get(parent)?,
        catalogs.to.tables.get(parent)?,
    ))
}

/// The tables that inherit `column` from `parent` in the FROM catalog.
fn inheriting_children<'a>(
    catalogs: &Pair<&'a Catalog>,
    parent: &'a QualifiedName,
    column: &'a str,
) -> impl Iterator<Item = &'a Table> {
    catalogs
        .from
        .tables
        .values()
        .filter(move |t| t.parents().any(|p| p == parent))
        .filter(move |t| t.columns.get(column).is_some_and(|c| c.inherited))
}

/// Whether `parent` drops `column` while every inheritance child that has it keeps it: the
/// parent drops it `ONLY` from itself, and the children's copies stay, values and all.
fn children_keep_column(catalogs: &Pair<&Catalog>, parent: &QualifiedName, column: &str) -> bool {
    let dropped = catalogs
        .from
        .tables
        .get(parent)
        .is_some_and(|p| p.columns.contains_key(column))
        && catalogs
            .to
            .tables
            .get(parent)
            .is_some_and(|p| !p.columns.contains_key(column));
    let mut children = inheriting_children(catalogs, parent, column).peekable();
    dropped
        && children.peek().is_some()
        && children.all(|child| {
            child.partition_of.is_none()
                && catalogs
                    .to
                    .tables
                    .get(&child.name)
                    .is_some_and(|kept| kept.columns.contains_key(column))
        })
}

/// What an inherited column is once the parent's changes have reached it: the parent's
/// type, and NOT NULL where the parent changes it (a parent's default is changed for the
/// parent only).
fn after_parent(column: &Column, parent: Pair<Option<&Column>>) -> Column {
    let (Some(from), Some(to)) = (parent.from, parent.to) else {
        return column.clone();
    };
    let mut reached = column.clone();
    reached.type_name = to.type_name.clone();
    if from.not_null != to.not_null {
        reached.not_null = to.not_null;
    }
    reached
}

/// The constraints `CREATE TABLE` of `table` declares; the others are added after it. One
/// `CREATE TABLE` keeps only the first of several keys that build the same index
/// (`transformIndexConstraints`).
pub fn inline_constraints(table: &Table) -> impl Iterator<Item = &Constraint> {
    let mut seen: Vec<&Constraint> = Vec::new();
    table.constraints.values().filter(move |c| {
        let index_backed = matches!(c.kind, ConstraintKind::PrimaryKey | ConstraintKind::Unique);
        let duplicate = index_backed
            && seen.iter().any(|s| {
                s.definition == c.definition || (s.kind != c.kind && s.columns == c.columns)
            });
        if index_backed && !duplicate {
            seen.push(c);
        }
        is_inline(c) && !duplicate
    })
}

/// What `CREATE TABLE` of `table` creates ([`Change::CreateTable`]): its inline constraints,
/// and no replica identity that uses an index, since the index is created after the table.
pub fn created_table(table: &Table) -> Table {
    let inline: HashSet<&str> = inline_constraints(table).map(|c| c.name.as_str()).collect();
    let mut created = table.clone();
    created
        .constraints
        .retain(|name, _| inline.contains(name.as_str()));
    created
        .replica_identity
        .take_if(|identity| identity.starts_with("USING INDEX"));
    created
}

fn create_table(table: &Table, out: &mut Vec<Change>) {
    let inline_names: HashSet<&str> = inline_constraints(table).map(|c| c.name.as_str()).collect();
    out.push(Change::CreateTable(table.name.clone()));
    // the index a replica identity uses is created after the table
    if let Some(identity) =
        (table.replica_identity.as_ref()).filter(|identity| identity.starts_with("USING INDEX"))
    {
        out.push(Change::SetReplicaIdentity {
            table: table.name.clone(),
            identity: Pair::new(None, Some(identity.clone())),
        });
    }
    for constraint in table
        .constraints
        .values()
        .filter(|c| !inline_names.contains(c.name.as_str()))
    {
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
    out.push(Change::DropTable(Box::new(inline)));
}

fn diff_table(
    catalogs: &Pair<&Catalog>,
    table: Pair<&Table>,
    rebuilds: &Rebuilds,
    out: &mut Vec<Change>,
) {
    let name = &table.to.name;
    diff_parents(table, out);
    let parent = kept_parent(catalogs, table);
    let parent_column = |column: &str| {
        parent.map_or(Pair::new(None, None), |p| {
            Pair::new(p.from.columns.get(column), p.to.columns.get(column))
        })
    };
    for column in table.to.columns.values() {
        let Some(old) = table.from.columns.get(&column.name) else {
            // the parent's ADD COLUMN reaches a partition or child
            if !(column.inherited && parent.is_some()) {
                out.push(Change::AddColumn {
                    table: name.clone(),
                    column: column.clone(),
                });
            }
            continue;
        };
        let parent_drops = {
            let p = parent_column(&column.name);
            p.from.is_some() && p.to.is_none()
        };
        if old.inherited
            && !column.inherited
            && parent_drops
            && !parent.is_some_and(|p| children_keep_column(catalogs, &p.to.name, &column.name))
        {
            // the parent's DROP COLUMN takes the inherited column: it comes back as the
            // table's own
            out.push(Change::AddColumn {
                table: name.clone(),
                column: column.clone(),
            });
            continue;
        }
        let old = &Column {
            inherited: column.inherited,
            ..if old.inherited && column.inherited {
                after_parent(old, parent_column(&column.name))
            } else {
                old.clone()
            }
        };
        if rebuilds.is_replaced(name, &column.name) {
            out.push(Change::DropColumn {
                table: name.clone(),
                column: old.clone(),
                reaches: Vec::new(),
                only: false,
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
                column: Pair::boxed(old.clone(), column.clone()),
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
        let goes_with_parent = column.inherited && parent.is_some();
        if !table.to.columns.contains_key(&column.name) && !goes_with_parent {
            let only = children_keep_column(catalogs, name, &column.name);
            let reaches = if only {
                Vec::new()
            } else {
                inheriting_children(catalogs, name, &column.name)
                    .map(|t| t.name.clone())
                    .collect()
            };
            out.push(Change::DropColumn {
                table: name.clone(),
                column: column.clone(),
                reaches,
                only,
            });
        }
    }
    if table.from.options != table.to.options {
        out.push(Change::SetStorageOptions {
            table: name.clone(),
            options: Pair::new(table.from.options.clone(), table.to.options.clone()),
        });
    }
    if table.from.replica_identity != table.to.replica_identity {
        out.push(Change::SetReplicaIdentity {
            table: name.clone(),
            identity: Pair::new(
                table.from.replica_identity.clone(),
                table.to.replica_identity.clone(),
            ),
        });
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

/// Constraints only one side has by name, paired where their definitions are the same: the
/// name is all that changes.
fn renamed_constraints<'a>(
    table: Pair<&'a Table>,
) -> Vec<(&'a crate::model::Constraint, &'a crate::model::Constraint)> {
    let only = |side: &'a Table, other: &'a Table| {
        side.constraints
            .values()
            .filter(move |c| !other.constraints.contains_key(&c.name))
    };
    let mut taken = HashSet::new();
    only(table.from, table.to)
        .filter_map(|old| {
            let new = only(table.to, table.from).find(|new| {
                new.definition == old.definition
                    && new.kind == old.kind
                    && new.not_valid == old.not_valid
                    && !taken.contains(&new.name)
            })?;
            taken.insert(new.name.clone());
            Some((old, new))
        })
        .collect()
}

fn diff_constraints(table: Pair<&Table>, rebuilds: &Rebuilds, out: &mut Vec<Change>) {
    let name = &table.to.name;
    let uses_replaced = |constraint: &crate::model::Constraint| {
        rebuilds.rebuilds(name, &constraint.columns)
            || super::objects::calls_any(&constraint.definition, &rebuilds.functions)
            || rebuilds
                .foreign_keys
                .contains(&(name.clone(), constraint.name.clone()))
    };
    let renamed = renamed_constraints(table);
    for (old, new) in &renamed {
        out.push(Change::RenameConstraint {
            table: name.clone(),
            constraint: Pair::boxed((*old).clone(), (*new).clone()),
        });
        diff_comment(
            CommentTarget::Constraint(name.clone(), new.name.clone()),
            Pair::new(&old.comment, &new.comment),
            out,
        );
    }
    let renamed_from: HashSet<&str> = renamed.iter().map(|(old, _)| old.name.as_str()).collect();
    let renamed_to: HashSet<&str> = renamed.iter().map(|(_, new)| new.name.as_str()).collect();
    for constraint in table.to.constraints.values() {
        if renamed_to.contains(constraint.name.as_str()) {
            continue;
        }
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
        if !table.to.constraints.contains_key(&constraint.name)
            && !renamed_from.contains(constraint.name.as_str())
        {
            out.push(Change::DropConstraint {
                table: name.clone(),
                constraint: constraint.clone(),
            });
        }
    }
}

/// `recreated_views`: a materialized view dropped and created loses its indexes.
pub(super) fn diff_indexes(
    catalogs: &Pair<&Catalog>,
    recreated_views: &HashSet<QualifiedName>,
    out: &mut Vec<Change>,
) {
    let rebuilds = Rebuilds::find(catalogs);
    let recreated = recreated_tables(catalogs);
    for index in catalogs.to.indexes.values() {
        match catalogs.from.indexes.get(&index.name) {
            None => out.push(Change::CreateIndex(index.clone())),
            Some(old)
                if old.definition != index.definition
                    || rebuilds.rebuilds(&index.table, &index.columns)
                    || super::objects::calls_any(&index.definition, &rebuilds.functions)
                    || recreated.contains(&index.table)
                    || recreated_views.contains(&index.table) =>
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
