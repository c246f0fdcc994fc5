//! Statements of a column retyped through a shadow column: the shadow holds the new type
//! beside the old column, a trigger keeps it converted, copies of the column's indexes and
//! constraints are built on it under temporary names, and contract swaps it in.

use super::staging::{batched_update, helper_name, key_through_index, HelperTrigger, BODY_QUOTE};
use super::{
    add_column, add_constraint, alter_column, converted, drop_column, quote_ident, rename_column,
    rename_constraint, set_default, validate_constraint,
};
use crate::model::{Column, Constraint, Index, QualifiedName};
use crate::render::quote::quote_literal;

/// The name of what belongs to the shadow until contract: the column itself, and the copies
/// of the column's indexes and constraints.
pub fn shadow_name(name: &str) -> String {
    helper_name("schemadiff_new_", name)
}

/// An index or constraint of the retyped column, and its copy on the shadow (under
/// [`shadow_name`]), which takes the original's name at the swap.
pub enum ShadowCopy {
    Index {
        original: Index,
        copy: Index,
    },
    /// A primary key or unique constraint: its copy is a unique index until the swap.
    Key {
        original: Constraint,
        copy: Constraint,
    },
    /// A check or foreign key: its copy is added `NOT VALID` and validated before the swap.
    Constraint {
        original: Constraint,
        copy: Constraint,
    },
}

impl ShadowCopy {
    /// Whether the copy is built concurrently (an index) rather than added and validated.
    pub fn is_index(&self) -> bool {
        !matches!(self, ShadowCopy::Constraint { .. })
    }

    /// The name the copy has until the swap.
    pub fn name(&self) -> &str {
        match self {
            ShadowCopy::Index { copy, .. } => &copy.name.name,
            ShadowCopy::Key { copy, .. } | ShadowCopy::Constraint { copy, .. } => &copy.name,
        }
    }
}

/// `old` becoming `new` (same name, another type) on `table`, through its shadow.
pub struct ShadowColumn<'a> {
    pub table: &'a QualifiedName,
    pub old: &'a Column,
    pub new: &'a Column,
}

impl ShadowColumn<'_> {
    pub fn name(&self) -> String {
        shadow_name(&self.new.name)
    }

    /// The shadow in the model's terms: the new type and comment, nullable, no default.
    pub fn column(&self) -> Column {
        let mut shadow = self.new.clone();
        shadow.name = self.name();
        shadow.not_null = false;
        shadow.default = None;
        shadow
    }

    fn helper(&self) -> HelperTrigger {
        HelperTrigger::retype(self.table, &self.new.name)
    }

    pub fn add(&self) -> Vec<String> {
        add_column(self.table, &self.column())
    }

    pub fn drop(&self) -> String {
        drop_column(self.table, &self.name())
    }

    /// The trigger that converts every value written to the column into the shadow.
    pub fn create_trigger(&self) -> Vec<String> {
        let body = format!(
            "BEGIN\n  NEW.{} := {};\n  RETURN NEW;\nEND",
            quote_ident(&self.name()),
            self.conversion("NEW.")
        );
        self.helper().create(&body)
    }

    pub fn drop_trigger(&self) -> Vec<String> {
        self.helper().drop()
    }

    /// Converts the values written before the trigger, batch by batch.
    pub fn backfill(&self, key: &[(String, String)]) -> String {
        let (column, shadow) = (quote_ident(&self.new.name), quote_ident(&self.name()));
        batched_update(
            self.table,
            &self.new.name,
            &format!("{shadow} = {}", self.conversion("")),
            &format!("{shadow} IS NULL AND {column} IS NOT NULL"),
            key,
        )
    }

    /// The column's value, read through `row` (`NEW.` or nothing), in the new type.
    fn conversion(&self, row: &str) -> String {
        let value = format!("{row}{}", quote_ident(&self.new.name));
        converted(&value, &self.old.type_name, &self.new.type_name).unwrap_or(value)
    }

    /// Builds a copy: an index concurrently (again, it does nothing), a constraint
    /// `NOT VALID`.
    pub fn build(&self, copy: &ShadowCopy) -> String {
        let index = match copy {
            ShadowCopy::Index { copy, .. } => {
                super::staging::create_index_concurrently(&copy.definition.sql)
            }
            ShadowCopy::Key { copy, .. } => self.key_index(copy, true),
            ShadowCopy::Constraint { copy, .. } => {
                let mut unchecked = copy.clone();
                unchecked.not_valid = true;
                return add_constraint(self.table, &unchecked).swap_remove(0);
            }
        };
        index.replacen(" CONCURRENTLY ", " CONCURRENTLY IF NOT EXISTS ", 1)
    }

    /// Takes a copy back: the index concurrently (it may be half-built), the constraint.
    pub fn unbuild(&self, copy: &ShadowCopy) -> String {
        match copy {
            ShadowCopy::Constraint { copy, .. } => super::drop_constraint(self.table, &copy.name),
            _ => super::staging::drop_index_concurrently(
                &QualifiedName::new(&self.table.schema, copy.name()),
                true,
            ),
        }
    }

    pub fn validate(&self, copy: &Constraint) -> String {
        validate_constraint(self.table, &copy.name)
    }

    /// The unique index of a key's copy (the key itself takes it at the swap).
    fn key_index(&self, copy: &Constraint, concurrently: bool) -> String {
        key_through_index(self.table, copy, &copy.name, concurrently)
            .map(|(build, _)| build)
            .unwrap_or_default()
    }

    /// Contract: the old column goes with its indexes and constraints (and the sequence
    /// `owned` by it moves to the shadow first), the shadow takes its name, its default, and
    /// the copies take their originals' names.
    pub fn swap(&self, copies: &[ShadowCopy], owned: &[QualifiedName]) -> Vec<String> {
        let (table, column, shadow) = (self.table, &self.new.name, self.name());
        let indexes: Vec<String> = copies
            .iter()
            .filter(|c| c.is_index())
            .map(|c| QualifiedName::new(&table.schema, c.name()).to_string())
            .collect();
        let mut statements = Vec::new();
        if !indexes.is_empty() {
            statements.push(require_valid_indexes(&indexes));
        }
        statements.extend(
            owned
                .iter()
                .map(|sequence| owned_by(sequence, table, &shadow)),
        );
        statements.extend(self.drop_trigger());
        statements.push(drop_column(table, column));
        statements.push(rename_column(table, &shadow, column));
        if let Some(default) = &self.new.default {
            statements.push(alter_column(table, column, &set_default(default)));
        }
        for copy in copies {
            statements.push(match copy {
                ShadowCopy::Index { original, copy } => {
                    rename_index(&copy.name, &original.name.name)
                }
                ShadowCopy::Key { original, copy } => {
                    key_through_index(table, original, &copy.name, false)
                        .map(|(_, attach)| attach)
                        .unwrap_or_default()
                }
                ShadowCopy::Constraint { original, copy } => {
                    rename_constraint(table, &copy.name, &original.name)
                }
            });
        }
        statements
    }

    /// The rollback of [`Self::swap`]: the column becomes the shadow again, with its copies
    /// under their temporary names, and the old column comes back filled from it, with its
    /// default, its sequence, its indexes and constraints, and the trigger.
    pub fn unswap(&self, copies: &[ShadowCopy], owned: &[QualifiedName]) -> Vec<String> {
        let (table, column, shadow) = (self.table, &self.new.name, self.name());
        let mut statements = Vec::new();
        for copy in copies {
            match copy {
                ShadowCopy::Index { original, copy } => {
                    statements.push(rename_index(&original.name, &copy.name.name))
                }
                ShadowCopy::Key { original, .. } => {
                    statements.push(super::drop_constraint(table, &original.name))
                }
                ShadowCopy::Constraint { original, copy } => {
                    statements.push(rename_constraint(table, &original.name, &copy.name))
                }
            }
        }
        if self.new.default.is_some() {
            statements.push(alter_column(table, column, "DROP DEFAULT"));
        }
        statements.push(rename_column(table, column, &shadow));
        for copy in copies {
            if let ShadowCopy::Key { copy, .. } = copy {
                statements.push(self.key_index(copy, false));
            }
        }
        let mut bare = self.old.clone();
        bare.not_null = false;
        bare.default = None;
        statements.extend(add_column(table, &bare));
        let back = converted(
            &quote_ident(&shadow),
            &self.new.type_name,
            &self.old.type_name,
        )
        .unwrap_or_else(|| quote_ident(&shadow));
        statements.push(format!(
            "UPDATE {table} SET {} = {back}",
            quote_ident(column)
        ));
        if self.old.not_null {
            statements.push(alter_column(table, column, "SET NOT NULL"));
        }
        if let Some(default) = &self.old.default {
            statements.push(alter_column(table, column, &set_default(default)));
        }
        statements.extend(
            owned
                .iter()
                .map(|sequence| owned_by(sequence, table, column)),
        );
        for copy in copies {
            match copy {
                ShadowCopy::Index { original, .. } => {
                    statements.push(original.definition.sql.clone())
                }
                ShadowCopy::Key { original, .. } | ShadowCopy::Constraint { original, .. } => {
                    statements.extend(add_constraint(table, original))
                }
            }
        }
        statements.extend(self.create_trigger());
        statements
    }
}

/// Stops before the swap when a copy's concurrent build failed part-way, which leaves the
/// index behind but invalid: swapped in, it would answer no query.
fn require_valid_indexes(indexes: &[String]) -> String {
    let names: Vec<String> = indexes.iter().map(|i| quote_literal(i)).collect();
    let hint =
        "a CREATE INDEX CONCURRENTLY failed part-way: drop the index, then run contract again";
    format!(
        "DO {BODY_QUOTE}\nDECLARE\n  missing text;\nBEGIN\n  SELECT string_agg(name, ', ') INTO missing FROM unnest(ARRAY[{}]) AS name\n   WHERE NOT EXISTS (SELECT FROM pg_index WHERE indexrelid = to_regclass(name) AND indisvalid);\n  IF missing IS NOT NULL THEN\n    RAISE EXCEPTION 'the new column''s indexes % are missing or invalid', missing USING HINT = {};\n  END IF;\nEND\n{BODY_QUOTE}",
        names.join(", "),
        quote_literal(hint)
    )
}

fn rename_index(index: &QualifiedName, to: &str) -> String {
    format!("ALTER INDEX {index} RENAME TO {}", quote_ident(to))
}

fn owned_by(sequence: &QualifiedName, table: &QualifiedName, column: &str) -> String {
    format!(
        "ALTER SEQUENCE {sequence} OWNED BY {table}.{}",
        quote_ident(column)
    )
}
