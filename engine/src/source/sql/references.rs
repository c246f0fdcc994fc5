//! What the desired state names must exist once it is read: the tables and columns of
//! foreign keys, indexes and constraints, the relations views read, column types, trigger
//! functions and schema-qualified calls into managed schemas. The shadow path's server
//! refuses such a file; offline it is refused here, with the referencing statement's place.
//!
//! A name is looked up when its statement is read, and again at the end when it was not
//! found, so that statement order does not matter. What may exist without the desired state
//! saying so counts as existing: schemas owned elsewhere, system schemas, and whatever an
//! extension may provide (its schema's objects; any type or function once there is one).

use std::cell::OnceCell;
use std::collections::HashSet;
use std::fmt;

use serde_json::Value;

use super::{Builder, Place};
use crate::model::{Catalog, ConstraintKind, Expr, QualifiedName, Table, UserTypes};
use crate::normalize::expr::{referenced_functions, walk};
use crate::normalize::types::is_builtin_type;

const HELP: &str = "create it in the desired state, or declare the schema it is in as owned elsewhere with --exclude-schema or --platform";

const COLUMN_HELP: &str = "add the column in the desired state, or correct the name";

/// Schemas every database has.
const SYSTEM_SCHEMAS: &[&str] = &["pg_catalog", "information_schema", "pg_toast"];

/// Columns every table has.
const SYSTEM_COLUMNS: &[&str] = &["tableoid", "xmin", "cmin", "xmax", "cmax", "ctid"];

/// Trigger functions of `pg_catalog`, which the desired state may call unqualified.
const BUILTIN_TRIGGER_FUNCTIONS: &[&str] = &[
    "suppress_redundant_updates_trigger",
    "tsvector_update_trigger",
    "tsvector_update_trigger_column",
];

/// The `pg_catalog` types that `is_builtin_type` leaves out, as `format_type` prints them.
const SYSTEM_TYPES: &[&str] = &[
    "int2vector",
    "regproc",
    "tid",
    "xid",
    "cid",
    "oidvector",
    "pg_node_tree",
    "xid8",
    "aclitem",
    "refcursor",
    "regprocedure",
    "regoper",
    "regoperator",
    "regclass",
    "regcollation",
    "regtype",
    "regrole",
    "regnamespace",
    "pg_lsn",
    "gtsvector",
    "regconfig",
    "regdictionary",
    "jsonpath",
    "txid_snapshot",
    "pg_snapshot",
    "int4multirange",
    "nummultirange",
    "tsmultirange",
    "tstzmultirange",
    "datemultirange",
    "int8multirange",
];

/// An object a statement names.
pub(super) enum Target {
    Relation(QualifiedName),
    Column(QualifiedName, String),
    /// As `format_type` prints it.
    Type(String),
    /// A trigger function: it takes no arguments.
    TriggerFunction(QualifiedName),
    /// A function of any arguments.
    Function(QualifiedName),
    ForeignDataWrapper(String),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Relation(name) => write!(f, "`{name}`"),
            Target::Column(table, column) => write!(f, "column `{column}` of `{table}`"),
            Target::Type(name) => write!(f, "type `{name}`"),
            Target::TriggerFunction(name) => write!(f, "function `{name}()`"),
            Target::Function(name) => write!(f, "function `{name}`"),
            Target::ForeignDataWrapper(name) => write!(f, "foreign data wrapper `{name}`"),
        }
    }
}

/// A name not found when its statement was read.
pub(super) struct Reference {
    target: Target,
    place: Place,
    /// Who names it and how: ``view `v` reads``.
    by: String,
}

/// What is looked up only at the end, once, for the names not found on the way.
struct Known {
    functions: HashSet<QualifiedName>,
    types: UserTypes,
    /// Objects the model does not cover (a base type, say), by name.
    unsupported: HashSet<String>,
}

impl Known {
    fn of(catalog: &Catalog) -> Self {
        Known {
            functions: catalog.functions.values().map(|f| f.name.clone()).collect(),
            types: catalog.user_types(),
            unsupported: catalog.unsupported.iter().map(|u| u.name.clone()).collect(),
        }
    }
}

impl Builder<'_> {
    /// Requires `target` to exist, now or once every statement is read; `by` says who names
    /// it, for the message.
    pub(super) fn require(&mut self, target: Target, location: i32, by: impl FnOnce() -> String) {
        if self.in_schema_elements || self.exists(&target, None) {
            return;
        }
        let place = self.place(location);
        self.unresolved.push(Reference {
            target,
            place,
            by: by(),
        });
    }

    /// Requires the relations a view or policy reads, but the names of its `WITH` queries.
    pub(super) fn require_relations(
        &mut self,
        reads: &[QualifiedName],
        query: &Expr,
        by: impl Fn() -> String,
    ) {
        let missing: Vec<&QualifiedName> = reads
            .iter()
            .filter(|name| !self.exists(&Target::Relation((*name).clone()), None))
            .collect();
        if missing.is_empty() {
            return;
        }
        let queries = with_query_names(&query.canonical);
        for name in missing {
            if name.schema == "public" && queries.contains(&name.name) {
                continue;
            }
            self.require(Target::Relation(name.clone()), 0, &by);
        }
    }

    /// Requires the functions an expression calls schema-qualified in a schema the desired
    /// state manages. Unqualified calls may be built-ins and are left alone.
    pub(super) fn require_functions_called(
        &mut self,
        expr: &Expr,
        location: i32,
        by: impl Fn() -> String,
    ) {
        for function in self.calls_into_managed_schemas(expr) {
            self.require(Target::Function(function), location, &by);
        }
    }

    fn calls_into_managed_schemas(&self, expr: &Expr) -> Vec<QualifiedName> {
        // the canonical form drops `public.`: only other schemas are seen qualified
        let manages_others = self.catalog.schemas.keys().any(|s| self.manages(s));
        if !manages_others || !expr.canonical.contains("FuncCall") {
            return Vec::new();
        }
        referenced_functions(expr)
            .into_iter()
            .filter(|f| f.schema != "public" && self.manages(&f.schema))
            .collect()
    }

    /// A schema of the desired state's own, where nothing exists unless it says so.
    fn manages(&self, schema: &str) -> bool {
        schema != "public" && self.catalog.schemas.contains_key(schema) && !self.outside(schema)
    }

    /// Whether objects of `schema` may exist without the desired state creating them.
    fn outside(&self, schema: &str) -> bool {
        SYSTEM_SCHEMAS.contains(&schema)
            || self.owned_schemas.contains(schema)
            || self.catalog.extensions.values().any(|e| e.schema == schema)
    }

    fn relation_exists_anywhere(&self, name: &QualifiedName) -> bool {
        self.outside(&name.schema)
            // the system catalogs, which unqualified names reach first
            || (name.schema == "public" && name.name.starts_with("pg_"))
            || self.catalog.tables.contains_key(name)
            || self.catalog.views.contains_key(name)
            || self.catalog.foreign_tables.contains_key(name)
            || self.catalog.sequences.contains_key(name)
            || self.unsupported_relations.contains(name)
    }

    /// Whether `target` exists; `known` is given at the end, when names not found on the
    /// way are looked up in what only the whole desired state tells.
    fn exists(&self, target: &Target, known: Option<&OnceCell<Known>>) -> bool {
        let known = || known.map(|k| k.get_or_init(|| Known::of(&self.catalog)));
        match target {
            Target::Relation(name) => self.relation_exists_anywhere(name),
            // a relation that is not a table the files define has no columns to check
            Target::Column(table, column) => self
                .catalog
                .tables
                .get(table)
                .is_none_or(|t| has_column(t, column)),
            Target::Type(name) => {
                let base = base_type(name);
                is_builtin_type(name)
                    || SYSTEM_TYPES.contains(&base)
                    // an extension may provide it, under any name
                    || !self.catalog.extensions.is_empty()
                    || type_schema(base).is_some_and(|s| self.outside(&s))
                    || known().is_some_and(|k| {
                        k.types.get(name).is_some()
                            || k.unsupported.contains(unqualified(base).as_str())
                    })
            }
            Target::TriggerFunction(name) => {
                self.outside(&name.schema)
                    || (name.schema == "public"
                        && BUILTIN_TRIGGER_FUNCTIONS.contains(&name.name.as_str()))
                    || !self.catalog.extensions.is_empty()
                    || self.catalog.functions.contains_key(&format!("{name}()"))
            }
            Target::Function(name) => {
                self.outside(&name.schema) || known().is_some_and(|k| k.functions.contains(name))
            }
            // an extension (`postgres_fdw`) or the platform may provide it
            Target::ForeignDataWrapper(name) => {
                self.catalog.foreign_data_wrappers.contains_key(name)
                    || self.catalog.extensions.contains_key(name)
                    || !self.owned_schemas.is_empty()
            }
        }
    }

    /// At the end: the names of the constraints (kept as nodes until now) and those not found
    /// when their statement was read are reported if they still do not exist.
    /// `constraints`: (table, name, where it is written) of each.
    pub(super) fn check_references(&mut self, constraints: &[(QualifiedName, String, Place)]) {
        let mut references = std::mem::take(&mut self.unresolved);
        for (table, name, place) in constraints {
            references.extend(self.constraint_references(table, name, *place));
        }
        if references.is_empty() {
            return;
        }
        let known = OnceCell::new();
        let missing: Vec<Reference> = references
            .into_iter()
            .filter(|r| !self.exists(&r.target, Some(&known)))
            .collect();
        for reference in missing {
            let message = format!(
                "{} {}, which does not exist",
                reference.by, reference.target
            );
            let help = match reference.target {
                Target::Column(..) => COLUMN_HELP,
                _ => HELP,
            };
            let problem = self.problem_at(reference.place, message, help);
            self.problems.push(problem);
        }
    }

    /// What a constraint names that does not exist: its table's columns, a foreign key's
    /// table and columns, the functions a check calls.
    fn constraint_references(
        &self,
        table: &QualifiedName,
        name: &str,
        place: Place,
    ) -> Vec<Reference> {
        let Some(owner) = self.catalog.tables.get(table) else {
            return Vec::new();
        };
        let Some(constraint) = owner.constraints.get(name) else {
            return Vec::new();
        };
        let mut missing = Vec::new();
        for column in &constraint.columns {
            // a whole-row reference names the table itself
            if *column != table.name && !has_column(owner, column) {
                missing.push((Target::Column(table.clone(), column.clone()), "names"));
            }
        }
        if let Some(key) = &constraint.foreign_key {
            if !self.relation_exists_anywhere(&key.table) {
                missing.push((Target::Relation(key.table.clone()), "references"));
            } else if let Some(target) = self.catalog.tables.get(&key.table) {
                for column in key.columns.iter().filter(|c| !has_column(target, c)) {
                    let column = Target::Column(key.table.clone(), column.clone());
                    missing.push((column, "references"));
                }
            }
        }
        if constraint.kind == ConstraintKind::Check {
            for function in self.calls_into_managed_schemas(&constraint.definition) {
                missing.push((Target::Function(function), "calls"));
            }
        }
        missing
            .into_iter()
            .map(|(target, verb)| Reference {
                target,
                place,
                by: format!("constraint `{name}` of `{table}` {verb}"),
            })
            .collect()
    }
}

fn has_column(table: &Table, column: &str) -> bool {
    table.columns.contains_key(column) || SYSTEM_COLUMNS.contains(&column)
}

/// The names of the `WITH` queries anywhere in a query.
fn with_query_names(canonical: &str) -> HashSet<String> {
    let mut names = HashSet::new();
    if let Ok(tree) = serde_json::from_str::<Value>(canonical) {
        walk(&tree, &mut |map| {
            if let Some(name) = map.get("ctename").and_then(Value::as_str) {
                names.insert(name.to_string());
            }
        });
    }
    names
}

/// `app.mood` of `app.mood[]`, `numeric` of `numeric(10,2)`.
fn base_type(name: &str) -> &str {
    let name = name.trim_end_matches("[]");
    match name.find('(') {
        Some(open) if !name.starts_with('"') => &name[..open],
        _ => name,
    }
}

/// The parts of a printed type name, unquoted: `"My Schema".t` → [`My Schema`, `t`].
fn name_parts(name: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                parts.last_mut().expect("never empty").push('"');
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(String::new()),
            c => parts.last_mut().expect("never empty").push(c),
        }
    }
    parts
}

fn type_schema(base: &str) -> Option<String> {
    let mut parts = name_parts(base);
    (parts.len() > 1).then(|| parts.swap_remove(0))
}

fn unqualified(base: &str) -> String {
    name_parts(base).pop().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_type_names_split_into_schema_and_name() {
        assert_eq!(base_type("app.mood[]"), "app.mood");
        assert_eq!(base_type("numeric(10,2)"), "numeric");
        assert_eq!(type_schema("\"My App\".\"T.x\""), Some("My App".into()));
        assert_eq!(unqualified("\"My App\".\"T.x\""), "T.x");
        assert_eq!(type_schema("mood"), None);
    }
}
