use std::collections::HashSet;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// An SQL expression (default, CHECK, index predicate, constraint definition).
///
/// `sql` is the text to emit, as the source wrote it (or as the server printed it);
/// `canonical` is the normalised parse tree (as JSON), and the only thing compared: two
/// expressions that differ only in how they are printed are equal.
#[derive(Clone, Debug, Eq)]
pub struct Expr {
    pub sql: String,
    /// Shared: copies of an object (a change holds its table) and equal expressions (every
    /// `PRIMARY KEY (id)`) hold one text.
    pub canonical: Arc<str>,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.canonical == other.canonical
    }
}

/// Serialised as the canonical form, so that equal catalogs serialise (and fingerprint)
/// equally whichever source they came from.
impl Serialize for Expr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical)
    }
}

/// Takes `written`'s text where it holds the same expression.
fn adopt(expr: &mut Expr, written: Option<&Expr>) {
    if let Some(written) = written.filter(|w| *w == expr) {
        expr.sql.clone_from(&written.sql);
    }
}

fn adopt_optional(expr: &mut Option<Expr>, written: Option<&Expr>) {
    if let Some(expr) = expr {
        adopt(expr, written);
    }
}

impl super::Catalog {
    /// Makes equal canonical forms one shared text: a large schema repeats a few of them
    /// (`PRIMARY KEY (id)`, `DEFAULT now()`) thousands of times.
    pub fn share_canonical_forms(&mut self) {
        let mut forms: HashSet<Arc<str>> = HashSet::new();
        let mut share = |expr: &mut Expr| match forms.get(&expr.canonical) {
            Some(form) => expr.canonical = form.clone(),
            None => {
                forms.insert(expr.canonical.clone());
            }
        };
        for table in self.tables.values_mut() {
            table.partition_by.iter_mut().for_each(&mut share);
            if let Some(of) = &mut table.partition_of {
                share(&mut of.bound);
            }
            for column in table.columns.values_mut() {
                column.default.iter_mut().for_each(&mut share);
                column.generated.iter_mut().for_each(&mut share);
            }
            for constraint in table.constraints.values_mut() {
                share(&mut constraint.definition);
            }
        }
        for index in self.indexes.values_mut() {
            share(&mut index.definition);
        }
        for trigger in self.triggers.values_mut() {
            share(&mut trigger.definition);
        }
        for policy in self.policies.values_mut() {
            policy.using.iter_mut().for_each(&mut share);
            policy.with_check.iter_mut().for_each(&mut share);
        }
        for domain in self.domains.values_mut() {
            domain.default.iter_mut().for_each(&mut share);
            for constraint in domain.constraints.values_mut() {
                share(&mut constraint.check);
            }
        }
    }

    /// Takes the text of every expression and definition that `written` holds in the same
    /// place with the same canonical form. A desired state read back from a shadow database
    /// is then emitted as the file spells it rather than as the server prints it: easier to
    /// review, and stored by the server exactly as the file would be.
    pub fn adopt_spelling(&mut self, written: &super::Catalog) {
        for (name, table) in &mut self.tables {
            let Some(other) = written.tables.get(name) else {
                continue;
            };
            adopt_optional(&mut table.partition_by, other.partition_by.as_ref());
            if let (Some(of), Some(other_of)) = (&mut table.partition_of, &other.partition_of) {
                adopt(&mut of.bound, Some(&other_of.bound));
            }
            for (column_name, column) in &mut table.columns {
                let other = other.columns.get(column_name);
                adopt_optional(&mut column.default, other.and_then(|c| c.default.as_ref()));
                adopt_optional(
                    &mut column.generated,
                    other.and_then(|c| c.generated.as_ref()),
                );
            }
            for (constraint_name, constraint) in &mut table.constraints {
                let other = other.constraints.get(constraint_name);
                adopt(&mut constraint.definition, other.map(|c| &c.definition));
            }
        }
        for (name, index) in &mut self.indexes {
            adopt(
                &mut index.definition,
                written.indexes.get(name).map(|i| &i.definition),
            );
        }
        for (signature, function) in &mut self.functions {
            let other = written.functions.get(signature);
            adopt(&mut function.definition, other.map(|f| &f.definition));
        }
        for (name, view) in &mut self.views {
            adopt(&mut view.query, written.views.get(name).map(|v| &v.query));
        }
        for (key, trigger) in &mut self.triggers {
            let other = written.triggers.get(key);
            adopt(&mut trigger.definition, other.map(|t| &t.definition));
        }
        for (key, policy) in &mut self.policies {
            let other = written.policies.get(key);
            adopt_optional(&mut policy.using, other.and_then(|p| p.using.as_ref()));
            adopt_optional(
                &mut policy.with_check,
                other.and_then(|p| p.with_check.as_ref()),
            );
        }
        for (name, publication) in &mut self.publications {
            let Some(other) = written.publications.get(name) else {
                continue;
            };
            for published in &mut publication.tables {
                let other = other.table(&published.table);
                adopt_optional(
                    &mut published.row_filter,
                    other.and_then(|t| t.row_filter.as_ref()),
                );
            }
        }
        for (name, domain) in &mut self.domains {
            let Some(other) = written.domains.get(name) else {
                continue;
            };
            adopt_optional(&mut domain.default, other.default.as_ref());
            for (constraint_name, constraint) in &mut domain.constraints {
                let other = other.constraints.get(constraint_name);
                adopt(&mut constraint.check, other.map(|c| &c.check));
            }
        }
    }
}
