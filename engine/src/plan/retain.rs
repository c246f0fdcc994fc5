//! `--retain-dropped`: steps that would destroy stored data keep it in the
//! `schemadiff_archive` schema instead, and their rollbacks restore it from there.
//!
//! - A dropped table or sequence is renamed and moved into the archive schema, whole.
//! - A dropped column, or the old values of a column whose type change may lose information,
//!   is copied into an archive table beside the table's key, and the rollback writes the
//!   values back by that key.
//!
//! Every archived object is named with the plan's id and registered in
//! `schemadiff_archive.archives` with the time it was archived, for `schemadiff archive
//! purge`. The archive schema is never read as part of a database's schema.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use crate::model::{Column, ConstraintKind, QualifiedName, Sequence, Table};
use crate::normalize::names::{clip, MAX_IDENTIFIER_BYTES};
use crate::normalize::types::is_builtin_type;
use crate::render::ddl;
use crate::render::ddl::archive::{self as sql, ARCHIVE_SCHEMA};
use crate::render::quote::quote_ident;

/// Where a plan keeps what it archives, and the names it has used there.
pub struct Archive {
    /// The plan's id: part of every archived object's name, so that the archives of
    /// successive plans never collide.
    id: String,
    taken: RefCell<HashSet<String>>,
    /// Whether an earlier step creates the archive schema: steps run in order, so only the
    /// first retaining step needs to.
    set_up: Cell<bool>,
}

/// What a retained step runs before and after its own statement, and where the data went.
pub struct Retention {
    /// Runs before the step's statement (copies, moves).
    pub before: Vec<String>,
    /// Runs after the step's inverse (writes the values back, removes the archive).
    pub restore: Vec<String>,
    pub archive: QualifiedName,
}

impl Archive {
    pub fn new(id: String) -> Self {
        Archive {
            id,
            taken: RefCell::new(HashSet::new()),
            set_up: Cell::new(false),
        }
    }

    /// A name in the archive schema for `base`, with the plan's id, unique within the plan
    /// and at most 63 bytes (PostgreSQL's limit).
    fn name(&self, base: &str) -> String {
        let mut taken = self.taken.borrow_mut();
        for n in 1.. {
            let suffix = match n {
                1 => format!("_{}", self.id),
                _ => format!("_{}_{n}", self.id),
            };
            let name = format!(
                "{}{suffix}",
                clip(base, MAX_IDENTIFIER_BYTES - suffix.len())
            );
            if taken.insert(name.clone()) {
                return name;
            }
        }
        unreachable!("some suffix is free")
    }

    /// The archive schema and its register, for the first step that archives.
    fn setup(&self) -> Vec<String> {
        if self.set_up.replace(true) {
            return Vec::new();
        }
        sql::setup()
    }

    fn register(&self, name: &str, kind: &str, original: &str) -> String {
        sql::register(name, kind, original, &self.id)
    }

    /// Moves a dropped table into the archive whole. With `detach_definitions`, the columns
    /// first shed what ties them to objects the plan drops (defaults, checks, user types,
    /// which become text), so that those drops succeed.
    pub fn table(&self, table: &Table, detach_definitions: bool) -> Retention {
        let name = &table.name;
        let archived = self.name(&name.name);
        let archive = QualifiedName::new(ARCHIVE_SCHEMA, &archived);
        let mut before = self.setup();
        let mut restore = Vec::new();
        if detach_definitions {
            for column in table.columns.values().filter(|c| c.generated.is_none()) {
                if let Some(default) = &column.default {
                    before.push(ddl::alter_column(name, &column.name, "DROP DEFAULT"));
                    restore.push(ddl::alter_column(
                        name,
                        &column.name,
                        &ddl::set_default(default),
                    ));
                }
            }
            for check in table
                .constraints
                .values()
                .filter(|c| c.kind == ConstraintKind::Check)
            {
                before.push(ddl::drop_constraint(name, &check.name));
                restore.extend(ddl::add_constraint(name, check));
            }
            for column in table
                .columns
                .values()
                .filter(|c| c.generated.is_none() && !c.inherited && !is_builtin_type(&c.type_name))
            {
                let column_name = quote_ident(&column.name);
                before.push(ddl::alter_column(
                    name,
                    &column.name,
                    &format!("TYPE text USING {column_name}::text"),
                ));
                restore.push(ddl::alter_column(
                    name,
                    &column.name,
                    &format!("TYPE {0} USING {column_name}::{0}", column.type_name),
                ));
            }
        }
        // indexes of constraints move with the table and must not collide in the archive
        for constraint in table.constraints.values().filter(|c| {
            matches!(
                c.kind,
                ConstraintKind::PrimaryKey | ConstraintKind::Unique | ConstraintKind::Exclusion
            )
        }) {
            let new_name = self.name(&constraint.name);
            before.push(sql::rename_constraint(name, &constraint.name, &new_name));
            restore.push(sql::rename_constraint(name, &new_name, &constraint.name));
        }
        before.extend(sql::move_in("TABLE", name, &archived));
        before.push(self.register(&archived, "table", &name.to_string()));
        restore.reverse();
        let mut back = vec![sql::unregister(&archived)];
        back.extend(sql::move_back("TABLE", name, &archived));
        back.extend(restore);
        Retention {
            before,
            restore: back,
            archive,
        }
    }

    /// Moves a dropped sequence into the archive, keeping its value.
    pub fn sequence(&self, sequence: &Sequence) -> Retention {
        let name = &sequence.name;
        let archived = self.name(&name.name);
        let archive = QualifiedName::new(ARCHIVE_SCHEMA, &archived);
        let mut before = self.setup();
        before.extend(sql::move_in("SEQUENCE", name, &archived));
        before.push(self.register(&archived, "sequence", &name.to_string()));
        let mut restore = vec![sql::unregister(&archived)];
        restore.extend(sql::move_back("SEQUENCE", name, &archived));
        Retention {
            before,
            restore,
            archive,
        }
    }

    /// Copies a column's values beside the table's key before the step drops or converts
    /// them; the restore writes them back by that key once the column is back in its old
    /// shape. `Err` says why the table's rows cannot be matched again.
    pub fn column(
        &self,
        table: &Table,
        column: &Column,
        unusable: &dyn Fn(&str) -> bool,
    ) -> Result<Retention, String> {
        let key = row_key(table, &column.name, unusable).ok_or_else(|| {
            format!(
                "`{}` has no primary key or unique key over NOT NULL columns that stays while `{}` changes, so its rows could not be matched again",
                table.name, column.name
            )
        })?;
        let name = &table.name;
        let archived = self.name(&format!("{}_{}", name.name, column.name));
        let archive = QualifiedName::new(ARCHIVE_SCHEMA, &archived);
        // values of types the plan may drop are kept as text
        let as_text = !is_builtin_type(&column.type_name);
        let mut before = self.setup();
        before.push(sql::copy_column(
            &archive,
            name,
            &key,
            &column.name,
            as_text,
        ));
        before.push(self.register(
            &archived,
            "column",
            &format!("{name}.{}", quote_ident(&column.name)),
        ));
        let type_name = as_text.then_some(column.type_name.as_str());
        Ok(Retention {
            before,
            restore: vec![
                sql::restore_column(name, &archive, &key, &column.name, type_name),
                ddl::drop_table(&archive),
                sql::unregister(&archived),
            ],
            archive,
        })
    }
}

/// The columns that identify a row of `table` without `column`: its primary key, else a
/// unique constraint over NOT NULL columns, none of them `unusable` (changed by the plan).
pub(crate) fn row_key(
    table: &Table,
    column: &str,
    unusable: &dyn Fn(&str) -> bool,
) -> Option<Vec<String>> {
    let usable = |columns: &[String]| {
        !columns.is_empty()
            && columns.iter().all(|c| {
                c != column && !unusable(c) && table.columns.get(c).is_some_and(|c| c.not_null)
            })
    };
    let keys = table.constraints.values().filter(|c| !c.not_valid);
    let primary = keys
        .clone()
        .filter(|c| c.kind == ConstraintKind::PrimaryKey);
    let unique = keys.filter(|c| c.kind == ConstraintKind::Unique);
    primary
        .chain(unique)
        .find(|c| usable(&c.columns))
        .map(|c| c.columns.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_names_carry_the_plan_id_fit_63_bytes_and_never_repeat() {
        let archive = Archive::new("0a1b2c3d".into());
        assert_eq!(archive.name("orders"), "orders_0a1b2c3d");
        assert_eq!(archive.name("orders"), "orders_0a1b2c3d_2");
        let long = "é".repeat(40);
        let name = archive.name(&long);
        assert!(name.len() <= 63, "{name}");
        assert!(name.ends_with("_0a1b2c3d"), "{name}");
    }

    #[test]
    fn only_the_first_archiving_step_creates_the_schema() {
        let archive = Archive::new("0a1b2c3d".into());
        assert_eq!(archive.setup().len(), 2);
        assert!(archive.setup().is_empty());
    }
}
