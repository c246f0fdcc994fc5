//! Schemas, extensions, enums and sequences.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::{diff_comment, Change, CommentTarget, EnumPosition, Pair};
use crate::model::{Catalog, Column, EnumType, Expr, QualifiedName, View};
use crate::normalize::expr::{referenced_functions, referenced_operators};

pub(super) fn diff_schemas(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for schema in catalogs.to.schemas.values() {
        match catalogs.from.schemas.get(&schema.name) {
            None => {
                out.push(Change::CreateSchema(schema.clone()));
            }
            Some(old) => diff_comment(
                CommentTarget::Schema(schema.name.clone()),
                Pair::new(&old.comment, &schema.comment),
                out,
            ),
        }
    }
    for schema in catalogs.from.schemas.values() {
        if !catalogs.to.schemas.contains_key(&schema.name) {
            out.push(Change::DropSchema(schema.clone()));
        }
    }
}

pub(super) fn diff_extensions(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for extension in catalogs.to.extensions.values() {
        let Some(old) = catalogs.from.extensions.get(&extension.name) else {
            out.push(Change::CreateExtension(extension.clone()));
            continue;
        };
        // a version is compared only when the desired state pins one
        let version_changed = extension.version.is_some() && old.version != extension.version;
        if old.schema != extension.schema || version_changed {
            let mut to = extension.clone();
            if to.version.is_none() {
                to.version = old.version.clone();
            }
            out.push(Change::AlterExtension(Pair::new(old.clone(), to)));
        }
        // an extension brings its own comment; it is managed only when the desired state sets one
        if extension.comment.is_some() {
            diff_comment(
                CommentTarget::Extension(extension.name.clone()),
                Pair::new(&old.comment, &extension.comment),
                out,
            );
        }
    }
    for extension in catalogs.from.extensions.values() {
        if !catalogs.to.extensions.contains_key(&extension.name) {
            out.push(Change::DropExtension(extension.clone()));
        }
    }
}

pub(super) fn diff_enums(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for enum_type in catalogs.to.enums.values() {
        let Some(old) = catalogs.from.enums.get(&enum_type.name) else {
            out.push(Change::CreateEnum(enum_type.clone()));
            continue;
        };
        let pair = Pair::new(old, enum_type);
        if old.labels != enum_type.labels {
            diff_enum_values(catalogs, pair, out);
        }
        diff_comment(
            CommentTarget::Type(enum_type.name.clone()),
            Pair::new(&old.comment, &enum_type.comment),
            out,
        );
    }
    for enum_type in catalogs.from.enums.values() {
        if !catalogs.to.enums.contains_key(&enum_type.name) {
            out.push(Change::DropEnum(enum_type.clone()));
        }
    }
}

/// Values added while the old ones keep their order are `ADD VALUE`s; anything else
/// recreates the type.
fn diff_enum_values(catalogs: &Pair<&Catalog>, pair: Pair<&EnumType>, out: &mut Vec<Change>) {
    let columns = columns_using(catalogs, &pair.from.name);
    if needs_recreation(pair) {
        out.push(Change::RecreateEnum {
            enum_type: pair.map(Clone::clone),
            columns,
        });
        return;
    }
    // each value goes after its predecessor in the desired order, or before the first old one
    let mut labels = pair.from.labels.clone();
    for (i, value) in pair.to.labels.iter().enumerate() {
        if labels.contains(value) {
            continue;
        }
        let position = match i.checked_sub(1).map(|p| &pair.to.labels[p]) {
            Some(previous) => EnumPosition::After(previous.clone()),
            None => EnumPosition::Before(labels[0].clone()),
        };
        let before = EnumType {
            labels: labels.clone(),
            ..pair.from.clone()
        };
        let at = labels
            .iter()
            .position(|l| i.checked_sub(1).is_some_and(|p| *l == pair.to.labels[p]))
            .map_or(0, |p| p + 1);
        labels.insert(at, value.clone());
        let after = EnumType {
            labels: labels.clone(),
            ..pair.from.clone()
        };
        out.push(Change::AddEnumValue {
            enum_type: Pair::new(before, after),
            value: value.clone(),
            position,
            columns: columns
                .iter()
                .map(|(t, c)| (t.clone(), c.from.clone()))
                .collect(),
            views: views_on_type(catalogs, &pair.from.name, &columns),
        });
    }
}

/// The unchanged views that read `columns` or name the type `name`, and the views that read
/// those, in an order they can be created in.
fn views_on_type(
    catalogs: &Pair<&Catalog>,
    name: &QualifiedName,
    columns: &[(QualifiedName, Pair<Column>)],
) -> Vec<View> {
    let type_mention = format!("\"{}\"", name.name);
    let tables: HashSet<&QualifiedName> = columns.iter().map(|(table, _)| table).collect();
    let kept: Vec<&View> = catalogs
        .from
        .views
        .values()
        .filter(|v| catalogs.to.views.get(&v.name) == Some(*v))
        .collect();
    let mut affected: IndexMap<&QualifiedName, &View> = IndexMap::new();
    loop {
        let before = affected.len();
        for view in &kept {
            if affected.contains_key(&view.name) {
                continue;
            }
            let uses = view
                .reads
                .iter()
                .any(|r| tables.contains(r) || affected.contains_key(r))
                || view.query.canonical.contains(&type_mention);
            if uses {
                affected.insert(&view.name, view);
            }
        }
        if affected.len() == before {
            break;
        }
    }
    // a view goes after the affected views it reads (views cannot form a cycle)
    fn place<'a>(
        view: &'a View,
        affected: &IndexMap<&QualifiedName, &'a View>,
        placed: &mut HashSet<&'a QualifiedName>,
        ordered: &mut Vec<View>,
    ) {
        if !placed.insert(&view.name) {
            return;
        }
        for read in &view.reads {
            if let Some(needed) = affected.get(read) {
                place(needed, affected, placed, ordered);
            }
        }
        ordered.push(view.clone());
    }
    let mut placed = HashSet::new();
    let mut ordered = Vec::new();
    for view in affected.values() {
        place(view, &affected, &mut placed, &mut ordered);
    }
    ordered
}

/// Whether values were removed or reordered, which `ADD VALUE` cannot do.
fn needs_recreation(pair: Pair<&EnumType>) -> bool {
    let kept: Vec<&String> = pair
        .to
        .labels
        .iter()
        .filter(|l| pair.from.labels.contains(l))
        .collect();
    kept.len() != pair.from.labels.len() || kept.iter().zip(&pair.from.labels).any(|(a, b)| *a != b)
}

/// Columns converted to a recreated enum: what uses them must be rebuilt around the change.
pub(super) fn converted_columns(catalogs: &Pair<&Catalog>) -> Vec<(QualifiedName, String)> {
    let mut converted = Vec::new();
    for enum_type in catalogs.to.enums.values() {
        let Some(old) = catalogs.from.enums.get(&enum_type.name) else {
            continue;
        };
        if needs_recreation(Pair::new(old, enum_type)) {
            for (table, column) in columns_using(catalogs, &enum_type.name) {
                converted.push((table, column.to.name));
            }
        }
    }
    converted
}

/// Columns whose type is the enum (or an array of it) on both sides.
fn columns_using(
    catalogs: &Pair<&Catalog>,
    enum_name: &QualifiedName,
) -> Vec<(QualifiedName, Pair<Column>)> {
    let uses = |catalog: &Catalog, column: &Column| {
        catalog
            .enum_of_type(&column.type_name)
            .is_some_and(|e| e.name == *enum_name)
    };
    let mut columns = Vec::new();
    for table in catalogs.from.tables.values() {
        let Some(new_table) = catalogs.to.tables.get(&table.name) else {
            continue;
        };
        for column in table.columns.values() {
            let Some(new_column) = new_table.columns.get(&column.name) else {
                continue;
            };
            if uses(catalogs.from, column) && uses(catalogs.to, new_column) {
                columns.push((
                    table.name.clone(),
                    Pair::new(column.clone(), new_column.clone()),
                ));
            }
        }
    }
    columns
}

pub(super) fn diff_sequences(catalogs: &Pair<&Catalog>, out: &mut Vec<Change>) {
    for sequence in catalogs.to.sequences.values() {
        let Some(old) = catalogs.from.sequences.get(&sequence.name) else {
            out.push(Change::CreateSequence(sequence.clone()));
            if sequence.owned_by.is_some() {
                out.push(Change::SetSequenceOwner {
                    sequence: sequence.name.clone(),
                    owner: Pair::new(None, sequence.owned_by.clone()),
                });
            }
            continue;
        };
        if old.options != sequence.options {
            out.push(Change::AlterSequence(Pair::boxed(
                old.clone(),
                sequence.clone(),
            )));
        }
        if old.owned_by != sequence.owned_by {
            out.push(Change::SetSequenceOwner {
                sequence: sequence.name.clone(),
                owner: Pair::new(old.owned_by.clone(), sequence.owned_by.clone()),
            });
        }
        diff_comment(
            CommentTarget::Sequence(sequence.name.clone()),
            Pair::new(&old.comment, &sequence.comment),
            out,
        );
    }
    for sequence in catalogs.from.sequences.values() {
        if !catalogs.to.sequences.contains_key(&sequence.name) {
            // an owned sequence would vanish with its column: release it first
            if sequence.owned_by.is_some() {
                out.push(Change::SetSequenceOwner {
                    sequence: sequence.name.clone(),
                    owner: Pair::new(sequence.owned_by.clone(), None),
                });
            }
            out.push(Change::DropSequence(sequence.clone()));
        }
    }
}

/// Functions dropped and created because `CREATE OR REPLACE` cannot change them (their
/// parameters, names and defaults included, or their result), by name, and the operators
/// dropped and created (`operators::recreated_operator_names`), whose names are symbols and
/// so never a function's: what calls them must be dropped before and created after.
/// Expressions name functions without their argument types and operators without their
/// operand types, so an overload counts for all.
pub(super) fn recreated_function_names(catalogs: &Pair<&Catalog>) -> HashSet<QualifiedName> {
    let mut names: HashSet<QualifiedName> = catalogs
        .from
        .functions
        .iter()
        .filter(|(signature, old)| {
            catalogs.to.functions.get(*signature).is_some_and(|new| {
                new.interface != old.interface
                    || new.procedure != old.procedure
                    || (new.aggregate && new.definition != old.definition)
            })
        })
        .map(|(_, f)| f.name.clone())
        .collect();
    let operators = super::operators::recreated_operator_names(catalogs, &names);
    names.extend(operators);
    names
}

/// Whether an expression calls one of `functions` (or uses one of the operators among them).
pub(super) fn calls_any(expr: &Expr, functions: &HashSet<QualifiedName>) -> bool {
    !functions.is_empty()
        && (referenced_functions(expr).iter())
            .chain(&referenced_operators(expr))
            .any(|f| functions.contains(f))
}

pub(super) fn diff_functions(
    catalogs: &Pair<&Catalog>,
    recreated_views: &HashSet<QualifiedName>,
    out: &mut Vec<Change>,
) {
    let under_views = super::views::recreated_functions(catalogs, recreated_views);
    for function in catalogs.to.functions.values() {
        let signature = function.signature();
        let target = CommentTarget::Function {
            signature: signature.clone(),
            keyword: function.keyword(),
        };
        let Some(old) = catalogs.from.functions.get(&signature) else {
            out.push(Change::CreateFunction(function.clone()));
            continue;
        };
        let recreated = under_views.contains(&signature);
        if old.definition != function.definition || recreated {
            // CREATE OR REPLACE cannot change parameters or the result type
            if old.interface == function.interface
                && old.procedure == function.procedure
                && !function.aggregate
                && !recreated
            {
                out.push(Change::ReplaceFunction(Pair::boxed(
                    old.clone(),
                    function.clone(),
                )));
            } else {
                out.push(Change::DropFunction(old.clone()));
                out.push(Change::CreateFunction(function.clone()));
                continue;
            }
        }
        diff_comment(target, Pair::new(&old.comment, &function.comment), out);
    }
    for function in catalogs.from.functions.values() {
        if !catalogs.to.functions.contains_key(&function.signature()) {
            out.push(Change::DropFunction(function.clone()));
        }
    }
}
