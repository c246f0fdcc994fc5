//! `CREATE TABLE` and `CREATE INDEX`: columns with their types, defaults, identity and
//! generated expressions, `serial`, and the names PostgreSQL generates for unnamed
//! constraints, indexes and sequences.

use pg_query::protobuf::{self, ColumnDef, ConstrType, CreateStmt, IndexStmt, TableLikeClause};
use pg_query::{Node, NodeEnum};

use super::pending::{is_foreign_key, Definition, PendingConstraint};
use super::references::Target;
use super::sequences::apply_options;
use super::Builder;
use crate::model::{
    AclObject, Column, Identity, PartitionOf, QualifiedName, Sequence, SequenceOptions, Storage,
    Table,
};
use crate::normalize::definitions::{self, deparse_expr, relation_name, string_of};
use crate::normalize::expr::{canonical, expr, referenced_columns, to_json};
use crate::normalize::names::column_addition;
use crate::normalize::storage::type_storage;
use crate::normalize::types::type_name_text;
use crate::render::quote::{quote_ident, quote_literal, quote_qualified};

/// `LIKE … INCLUDING` option bits (`TableLikeOption` in the server).
const LIKE_COMMENTS: u32 = 1 << 0;
const LIKE_CONSTRAINTS: u32 = 1 << 2;
const LIKE_DEFAULTS: u32 = 1 << 3;
const LIKE_GENERATED: u32 = 1 << 4;
const LIKE_IDENTITY: u32 = 1 << 5;
const LIKE_INDEXES: u32 = 1 << 6;

impl Builder<'_> {
    pub(super) fn create_table(&mut self, stmt: &CreateStmt) {
        let Some(relation) = &stmt.relation else {
            return;
        };
        let name = relation_name(relation);
        if self.catalog.tables.contains_key(&name) {
            if !stmt.if_not_exists {
                self.repeated(
                    format!("table `{name}`"),
                    "created",
                    relation.location,
                    "remove one of the CREATE TABLE statements",
                );
            }
            return;
        }
        self.check_schema(&name.schema, relation.location);
        self.created_at(format!("table `{name}`"), relation.location);
        self.names.take(&name.schema, &name.name);
        let mut table = Table::new(name.clone());
        table.unlogged = relation.relpersistence == "u";
        table.partition_by = stmt
            .partspec
            .as_ref()
            .map(crate::normalize::partitioning::key_of);
        table.options = definitions::storage_options(&stmt.options);
        let parents: Vec<QualifiedName> = stmt
            .inh_relations
            .iter()
            .filter_map(|r| match &r.node {
                Some(NodeEnum::RangeVar(parent)) => Some(relation_name(parent)),
                _ => None,
            })
            .collect();
        for parent in &parents {
            let Some(parent_table) = self.catalog.tables.get(parent) else {
                return self.error(
                    relation.location,
                    format!("`{name}` takes the columns of `{parent}`, which is not created"),
                    "create the parent table before its partitions and children",
                );
            };
            for column in parent_table.columns.values() {
                table.columns.entry(column.name.clone()).or_insert(Column {
                    inherited: true,
                    identity: None,
                    comment: None,
                    ..column.clone()
                });
            }
        }
        self.named_parents.extend(parents.iter().cloned());
        match &stmt.partbound {
            Some(bound) => {
                table.partition_of = parents.first().map(|parent| PartitionOf {
                    parent: parent.clone(),
                    bound: crate::normalize::partitioning::bound_of(bound),
                })
            }
            None => table.inherits = parents,
        }
        let mut constraints = Vec::new();
        let mut like_indexes = Vec::new();
        for element in &stmt.table_elts {
            match &element.node {
                Some(NodeEnum::ColumnDef(column)) => {
                    let (mut column, column_constraints) = self.column(&name, column);
                    constraints.extend(column_constraints);
                    if let Some(from_parent) = table.columns.get(&column.name) {
                        column = merge_with_parent(from_parent, column, def_type_given(element));
                    }
                    table.columns.insert(column.name.clone(), column);
                }
                Some(NodeEnum::Constraint(constraint)) => constraints.push((**constraint).clone()),
                Some(NodeEnum::TableLikeClause(like)) => {
                    let (copied, indexes) = self.like(&mut table, like);
                    constraints.extend(copied);
                    like_indexes.extend(indexes);
                }
                _ => {}
            }
        }
        for (position, column) in table.columns.values_mut().enumerate() {
            column.position = position;
        }
        self.catalog.tables.insert(name.clone(), table);
        self.created(AclObject::Table(name.clone()));
        self.add_constraints(&name, drop_redundant_index_constraints(constraints));
        for index in like_indexes {
            self.create_index(&index);
        }
    }

    /// A column and the constraints written on it, turned into table constraints.
    pub(super) fn column(
        &mut self,
        table: &QualifiedName,
        def: &ColumnDef,
    ) -> (Column, Vec<protobuf::Constraint>) {
        let serial = def.type_name.as_ref().and_then(serial_type);
        let type_name = match serial {
            Some(integer) => integer.to_string(),
            None => (def.type_name.as_ref())
                .map(type_name_text)
                .unwrap_or_default(),
        };
        let mut column = Column {
            name: def.colname.clone(),
            type_name,
            collation: def
                .coll_clause
                .as_ref()
                .and_then(|c| collation_name(&c.collname)),
            default: None,
            not_null: def.is_not_null,
            identity: None,
            generated: None,
            storage: None,
            compression: compression_method(&def.compression),
            comment: None,
            inherited: false,
            position: 0,
        };
        column.storage = self.storage(&def.storage_name, &column.type_name);
        let mut table_constraints = Vec::new();
        for constraint in &def.constraints {
            let Some(NodeEnum::Constraint(c)) = &constraint.node else {
                continue;
            };
            match ConstrType::try_from(c.contype) {
                Ok(ConstrType::ConstrNotnull) => column.not_null = true,
                Ok(ConstrType::ConstrNull) => column.not_null = false,
                Ok(ConstrType::ConstrDefault) => {
                    column.default = c
                        .raw_expr
                        .as_deref()
                        .and_then(|e| self.memo.default_expression(e, &column.type_name));
                }
                Ok(ConstrType::ConstrIdentity) => {
                    let base = SequenceOptions::defaults(&column.type_name, 1);
                    column.identity = Some(Box::new(Identity {
                        always: c.generated_when == "a",
                        options: apply_options(&base, &c.options),
                    }));
                    column.not_null = true;
                }
                Ok(ConstrType::ConstrGenerated) => {
                    column.generated = c.raw_expr.as_deref().map(expression);
                }
                Ok(
                    ConstrType::ConstrCheck
                    | ConstrType::ConstrPrimary
                    | ConstrType::ConstrUnique
                    | ConstrType::ConstrForeign
                    | ConstrType::ConstrExclusion,
                ) => {
                    let mut c = (**c).clone();
                    let key = Node {
                        node: Some(NodeEnum::String(protobuf::String {
                            sval: def.colname.clone(),
                        })),
                    };
                    match ConstrType::try_from(c.contype) {
                        Ok(ConstrType::ConstrPrimary) => {
                            column.not_null = true;
                            c.keys = vec![key];
                        }
                        Ok(ConstrType::ConstrUnique) => c.keys = vec![key],
                        Ok(ConstrType::ConstrForeign) => c.fk_attrs = vec![key],
                        _ => {}
                    }
                    table_constraints.push(c);
                }
                // DEFERRABLE and friends after a column constraint apply to it
                Ok(ConstrType::ConstrAttrDeferrable) => {
                    set_last(&mut table_constraints, |c| c.deferrable = true)
                }
                Ok(ConstrType::ConstrAttrNotDeferrable) => {
                    set_last(&mut table_constraints, |c| c.deferrable = false)
                }
                Ok(ConstrType::ConstrAttrDeferred) => {
                    set_last(&mut table_constraints, |c| c.initdeferred = true)
                }
                Ok(ConstrType::ConstrAttrImmediate) => {
                    set_last(&mut table_constraints, |c| c.initdeferred = false)
                }
                _ => {}
            }
        }
        if let Some(integer) = serial {
            self.serial_sequence(table, &mut column, integer);
        }
        let by = || format!("column `{}` of `{table}`", column.name);
        // a partition's `WITH OPTIONS` element takes its parent's type
        if def.type_name.is_some() {
            self.require(Target::Type(column.type_name.clone()), def.location, || {
                format!("{} has", by())
            });
        }
        for expr in column.default.iter().chain(&column.generated) {
            self.require_functions_called(expr, def.location, || format!("{} calls", by()));
        }
        (column, table_constraints)
    }

    /// `serial`: a sequence owned by the column, its `nextval` default and NOT NULL.
    fn serial_sequence(&mut self, table: &QualifiedName, column: &mut Column, integer: &str) {
        let name = self
            .names
            .choose(&table.schema, &table.name, Some(&column.name), "seq");
        let sequence = QualifiedName::new(&table.schema, name);
        let regclass = if sequence.schema == "public" {
            quote_ident(&sequence.name)
        } else {
            quote_qualified(&sequence)
        };
        let default = format!("nextval({}::regclass)", quote_literal(&regclass));
        column.default = crate::normalize::expr::parse_expression(&default);
        column.not_null = true;
        self.created(AclObject::Sequence(sequence.clone()));
        self.catalog.sequences.insert(
            sequence.clone(),
            Sequence {
                name: sequence,
                options: SequenceOptions::defaults(integer, 1),
                owned_by: Some((table.clone(), column.name.clone())),
                comment: None,
            },
        );
    }

    /// `LIKE source INCLUDING …`: copies columns, and what the options ask for. Returns the
    /// constraints to add and the indexes to create once the table exists.
    fn like(
        &mut self,
        table: &mut Table,
        like: &TableLikeClause,
    ) -> (Vec<protobuf::Constraint>, Vec<IndexStmt>) {
        let Some(relation) = &like.relation else {
            return Default::default();
        };
        let source_name = relation_name(relation);
        let Some(source) = self.catalog.tables.get(&source_name).cloned() else {
            self.error(
                relation.location,
                format!("table `{source_name}` is used in LIKE before it is created"),
                "move its CREATE TABLE above this statement",
            );
            return Default::default();
        };
        for column in source.columns.values() {
            let mut copy = column.clone();
            if like.options & LIKE_DEFAULTS == 0 {
                copy.default = None;
            }
            if like.options & LIKE_GENERATED == 0 {
                copy.generated = None;
            }
            if like.options & LIKE_IDENTITY == 0 {
                copy.identity = None;
            }
            if like.options & LIKE_COMMENTS == 0 {
                copy.comment = None;
            }
            table.columns.insert(copy.name.clone(), copy);
        }
        let mut constraints = Vec::new();
        let mut indexes = Vec::new();
        for ((owner, _), c) in &self.constraints {
            if *owner != source_name {
                continue;
            }
            let Some(tree) = c.tree() else { continue };
            let check = tree.contype == ConstrType::ConstrCheck as i32;
            let indexed = matches!(
                ConstrType::try_from(tree.contype),
                Ok(ConstrType::ConstrPrimary
                    | ConstrType::ConstrUnique
                    | ConstrType::ConstrExclusion)
            );
            // a copy is reported at the LIKE statement, not at the original
            let mut copy = tree.into_owned();
            copy.location = 0;
            // the server copies a NOT VALID check as valid
            copy.skip_validation = false;
            copy.initially_valid = true;
            if check && like.options & LIKE_CONSTRAINTS != 0 {
                // check constraints are copied under their own names
                constraints.push(copy);
            } else if indexed && like.options & LIKE_INDEXES != 0 {
                // index-backed ones get names of the new table
                copy.conname = String::new();
                constraints.push(copy);
            }
        }
        if like.options & LIKE_INDEXES != 0 {
            for stmt in self.index_statements.values() {
                if stmt.relation.as_ref().map(relation_name) == Some(source_name.clone()) {
                    let mut copy = stmt.clone();
                    copy.idxname = String::new();
                    if let Some(target) = copy.relation.as_mut() {
                        target.schemaname = table.name.schema.clone();
                        target.relname = table.name.name.clone();
                    }
                    indexes.push(copy);
                }
            }
        }
        (constraints, indexes)
    }

    /// Names and records the constraints of a table in the order the server does: checks,
    /// then index-backed constraints, then foreign keys.
    pub(super) fn add_constraints(
        &mut self,
        table: &QualifiedName,
        constraints: Vec<protobuf::Constraint>,
    ) {
        let rank = |c: &protobuf::Constraint| match ConstrType::try_from(c.contype) {
            Ok(ConstrType::ConstrCheck) => 0,
            Ok(ConstrType::ConstrForeign) => 2,
            _ => 1,
        };
        let mut ordered = constraints;
        ordered.sort_by_key(rank);
        // a primary key makes its columns NOT NULL, however it is written
        let key_columns: Vec<String> = ordered
            .iter()
            .filter(|c| c.contype == ConstrType::ConstrPrimary as i32)
            .flat_map(|c| c.keys.iter().filter_map(string_of))
            .collect();
        if let Some(table) = self.catalog.tables.get_mut(table) {
            for column in &key_columns {
                if let Some(column) = table.columns.get_mut(column) {
                    column.not_null = true;
                }
            }
        }
        for mut constraint in ordered {
            let name = if constraint.conname.is_empty() {
                self.generated_constraint_name(table, &constraint)
            } else {
                self.names.take(&table.schema, &constraint.conname);
                constraint.conname.clone()
            };
            constraint.conname = name.clone();
            let place = (!self.in_schema_elements).then(|| self.place(constraint.location));
            let definition = if is_foreign_key(&constraint) {
                Definition::ForeignKey(Box::new(constraint))
            } else {
                Definition::Built(self.memo.constraint(&mut constraint, &name))
            };
            (self.constraints).insert(
                (table.clone(), name),
                PendingConstraint::new(definition, place),
            );
        }
    }

    fn generated_constraint_name(
        &mut self,
        table: &QualifiedName,
        constraint: &protobuf::Constraint,
    ) -> String {
        let keys: Vec<String> = constraint.keys.iter().filter_map(string_of).collect();
        let fk: Vec<String> = constraint.fk_attrs.iter().filter_map(string_of).collect();
        let joined = |names: &[String]| {
            column_addition(&names.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let (addition, label) = match ConstrType::try_from(constraint.contype) {
            Ok(ConstrType::ConstrPrimary) => (None, "pkey"),
            Ok(ConstrType::ConstrUnique) => {
                let mut all = keys.clone();
                all.extend(constraint.including.iter().filter_map(string_of));
                (Some(joined(&all)), "key")
            }
            Ok(ConstrType::ConstrForeign) => (Some(joined(&fk)), "fkey"),
            Ok(ConstrType::ConstrExclusion) => {
                // named like its index: element names (or what an expression is named),
                // then the INCLUDE columns
                let elements = constraint
                    .exclusions
                    .iter()
                    .filter_map(|pair| match &pair.node {
                        Some(NodeEnum::List(list)) => list.items.first(),
                        _ => None,
                    });
                let mut names = element_names(elements);
                names.extend(constraint.including.iter().filter_map(string_of));
                (Some(joined(&dedup_column_names(names))), "excl")
            }
            _ => {
                // a check names its column only when it reads exactly one
                let mut columns = Vec::new();
                referenced_columns(&to_json(&constraint.raw_expr), &mut columns);
                let single = (columns.len() == 1).then(|| columns[0].clone());
                (single, "check")
            }
        };
        self.names
            .choose(&table.schema, &table.name, addition.as_deref(), label)
    }

    pub(super) fn create_index(&mut self, stmt: &IndexStmt) {
        let Some(relation) = &stmt.relation else {
            return;
        };
        let table = relation_name(relation);
        if self.on_unsupported_relation("index on a relation not managed", &table) {
            return;
        }
        let on_matview = self
            .catalog
            .views
            .get(&table)
            .is_some_and(|v| v.materialized);
        if !self.catalog.tables.contains_key(&table) && !on_matview {
            return self.error(
                relation.location,
                format!("index on `{table}`, which is not created"),
                "create the table before its indexes",
            );
        }
        let name = if stmt.idxname.is_empty() {
            let addition = column_addition(
                &index_column_names(stmt)
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            );
            self.names
                .choose(&table.schema, &table.name, Some(&addition), "idx")
        } else {
            let exists = self
                .catalog
                .indexes
                .contains_key(&QualifiedName::new(&table.schema, &stmt.idxname));
            if exists && stmt.if_not_exists {
                return;
            }
            self.names.take(&table.schema, &stmt.idxname);
            stmt.idxname.clone()
        };
        let index = definitions::index(stmt, &name, None);
        let by = || format!("index `{}`", index.name);
        if !on_matview {
            for column in index.columns.iter().filter(|c| **c != table.name) {
                let column = Target::Column(table.clone(), column.clone());
                self.require(column, relation.location, || format!("{} names", by()));
            }
        }
        self.require_functions_called(&index.definition, relation.location, || {
            format!("{} calls", by())
        });
        self.index_statements
            .insert(index.name.clone(), stmt.clone());
        self.catalog.indexes.insert(index.name.clone(), index);
    }
}

/// Whether a column element names a type: a partition's `WITH OPTIONS` elements do not.
fn def_type_given(element: &Node) -> bool {
    matches!(&element.node, Some(NodeEnum::ColumnDef(c)) if c.type_name.is_some())
}

/// A column a table declares that it also takes from a parent: the parent's type, the
/// table's default if it gives one, NOT NULL if either says so. A partition's columns stay
/// inherited; an inheritance child's redeclared column becomes its own.
fn merge_with_parent(parent: &Column, declared: Column, redeclared: bool) -> Column {
    Column {
        default: declared.default.or_else(|| parent.default.clone()),
        not_null: declared.not_null || parent.not_null,
        inherited: !redeclared,
        ..parent.clone()
    }
}

/// In one `CREATE TABLE`, a primary key, unique or exclusion constraint that would build the
/// same index as an earlier one (the primary key counts as first) is dropped, and a name it
/// had goes to the one kept if that one has none (`transformIndexConstraints`).
fn drop_redundant_index_constraints(
    constraints: Vec<protobuf::Constraint>,
) -> Vec<protobuf::Constraint> {
    let index_backed = |c: &protobuf::Constraint| {
        matches!(
            ConstrType::try_from(c.contype),
            Ok(ConstrType::ConstrPrimary | ConstrType::ConstrUnique | ConstrType::ConstrExclusion)
        )
    };
    let (mut indexes, mut others): (Vec<_>, Vec<_>) =
        constraints.into_iter().partition(|c| index_backed(c));
    let mut kept: Vec<protobuf::Constraint> = Vec::new();
    if let Some(primary) = indexes
        .iter()
        .position(|c| c.contype == ConstrType::ConstrPrimary as i32)
    {
        kept.push(indexes.remove(primary));
    }
    let same_index = |a: &protobuf::Constraint, b: &protobuf::Constraint| {
        let method = |c: &protobuf::Constraint| {
            if c.access_method.is_empty() {
                "btree".to_string()
            } else {
                c.access_method.clone()
            }
        };
        a.keys == b.keys
            && a.including == b.including
            && canonical(&a.exclusions) == canonical(&b.exclusions)
            && canonical(&a.where_clause) == canonical(&b.where_clause)
            && method(a) == method(b)
            && a.nulls_not_distinct == b.nulls_not_distinct
            && a.deferrable == b.deferrable
            && a.initdeferred == b.initdeferred
    };
    for constraint in indexes {
        match kept.iter_mut().find(|prior| same_index(prior, &constraint)) {
            Some(prior) => {
                if prior.conname.is_empty() {
                    prior.conname = constraint.conname;
                }
            }
            None => kept.push(constraint),
        }
    }
    others.extend(kept);
    others
}

/// The parts of an index name the server derives from its columns: the column name, or for
/// an expression the name `FigureIndexColname` finds (`lower`), else `expr`.
fn index_column_names(stmt: &IndexStmt) -> Vec<String> {
    dedup_column_names(element_names(
        stmt.index_params.iter().chain(&stmt.index_including_params),
    ))
}

/// The name `ChooseIndexColumnNames` starts from for each `IndexElem`.
fn element_names<'a>(elements: impl Iterator<Item = &'a Node>) -> Vec<String> {
    elements
        .filter_map(|param| match &param.node {
            Some(NodeEnum::IndexElem(elem)) if !elem.indexcolname.is_empty() => {
                Some(elem.indexcolname.clone())
            }
            Some(NodeEnum::IndexElem(elem)) if !elem.name.is_empty() => Some(elem.name.clone()),
            Some(NodeEnum::IndexElem(elem)) => Some(
                elem.expr
                    .as_deref()
                    .and_then(figure_column_name)
                    .unwrap_or_else(|| "expr".into()),
            ),
            _ => None,
        })
        .collect()
}

/// A name that repeats an earlier one gets the first free numeric suffix (`a`, `a1`), as
/// `ChooseIndexColumnNames` does.
fn dedup_column_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let mut candidate = name.clone();
        let mut suffix = 1;
        while out.contains(&candidate) {
            candidate = format!("{name}{suffix}");
            suffix += 1;
        }
        out.push(candidate);
    }
    out
}

fn figure_column_name(node: &Node) -> Option<String> {
    match node.node.as_ref()? {
        NodeEnum::ColumnRef(c) => c.fields.last().and_then(string_of),
        NodeEnum::FuncCall(f) => f.funcname.last().and_then(string_of),
        NodeEnum::TypeCast(c) => c.arg.as_deref().and_then(figure_column_name).or_else(|| {
            c.type_name
                .as_ref()
                .and_then(|t| t.names.last())
                .and_then(string_of)
        }),
        NodeEnum::CoalesceExpr(_) => Some("coalesce".into()),
        NodeEnum::CaseExpr(_) => Some("case".into()),
        NodeEnum::AArrayExpr(_) => Some("array".into()),
        NodeEnum::RowExpr(_) => Some("row".into()),
        NodeEnum::MinMaxExpr(m) => Some(if m.op == 1 { "greatest" } else { "least" }.into()),
        _ => None,
    }
}

fn set_last(constraints: &mut [protobuf::Constraint], set: impl Fn(&mut protobuf::Constraint)) {
    if let Some(last) = constraints.last_mut() {
        set(last);
    }
}

/// `serial` and friends, written without a schema.
fn serial_type(type_name: &protobuf::TypeName) -> Option<&'static str> {
    let [name] = type_name.names.as_slice() else {
        return None;
    };
    let Some(NodeEnum::String(name)) = &name.node else {
        return None;
    };
    match name.sval.as_str() {
        "serial" | "serial4" => Some("integer"),
        "bigserial" | "serial8" => Some("bigint"),
        "smallserial" | "serial2" => Some("smallint"),
        _ => None,
    }
}

impl Builder<'_> {
    /// `STORAGE keyword` of a column of `type_name`, unless it is the type's own.
    pub(super) fn storage(&self, keyword: &str, type_name: &str) -> Option<Storage> {
        Storage::parse(keyword).filter(|s| *s != type_storage(type_name, &self.catalog))
    }
}

/// `COMPRESSION method`, unless it is `default` (the server's setting at the time of writing).
pub(super) fn compression_method(method: &str) -> Option<String> {
    let method = method.to_ascii_lowercase();
    (!method.is_empty() && method != "default").then_some(method)
}

/// A collation name as `pg_catalog` reports it relative to `search_path = public`.
/// `COLLATE "default"` is the type's own collation, which the catalog does not report.
pub(super) fn collation_name(names: &[Node]) -> Option<String> {
    let parts: Vec<String> = names.iter().filter_map(string_of).collect();
    match parts.as_slice() {
        [schema, name] if schema != "pg_catalog" && schema != "public" => {
            Some(format!("{}.{}", quote_ident(schema), quote_ident(name)))
        }
        [.., name] if name == "default" => None,
        [.., name] => Some(quote_ident(name)),
        [] => None,
    }
}

/// A column default: `DEFAULT NULL` (cast or not) is no default, the server stores none.
/// A bare literal takes the column's type and the server stores its value, so interval and
/// boolean literals compare as the server prints them (`'1 hour'` is stored as
/// `'01:00:00'::interval`, `'t'` as `true`).
pub(super) fn default_expression(node: &Node, type_name: &str) -> Option<crate::model::Expr> {
    let mut default = expression(node);
    if &*default.canonical == NULL_CONSTANT {
        return None;
    }
    if matches!(type_name, "interval" | "boolean") {
        if let Ok(mut tree) = serde_json::from_str::<serde_json::Value>(&default.canonical) {
            if type_name == "interval" {
                crate::normalize::expr::canonicalize_interval(&mut tree);
            } else if let Some(value) = tree.pointer_mut("/node/AConst/value") {
                let text = value.as_str().unwrap_or("").trim().to_ascii_lowercase();
                match text.as_str() {
                    "t" | "true" | "y" | "yes" | "on" | "1" => *value = "true".into(),
                    "f" | "false" | "n" | "no" | "off" | "0" => *value = "false".into(),
                    _ => {}
                }
            }
            default.canonical = tree.to_string().into();
        }
    }
    Some(default)
}

/// The canonical form of `NULL`, and of `NULL::type` once the cast is dropped.
const NULL_CONSTANT: &str = r#"{"node":{"AConst":{"null":true}}}"#;

/// An expression node of the file: emitted as deparsed, compared as normalised.
pub(super) fn expression(node: &Node) -> crate::model::Expr {
    expr(node, deparse_expr(node))
}
