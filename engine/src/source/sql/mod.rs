//! Desired-state SQL → catalog, offline, from pg_query's parse tree.
//!
//! The statements are evaluated in order against a catalog being built, so files that build
//! the state step by step (`CREATE` then `ALTER` or `DROP`) fold into the state they
//! describe. Every problem is collected with its position; nothing is planned if any.

mod alter;
mod casts;
mod comments;
mod drops;
mod event_triggers;
mod foreign;
mod functions;
pub(crate) mod location;
mod memo;
mod operators;
mod pending;
mod privileges;
mod publications;
mod references;
mod repeats;
mod roles;
mod rules;
mod schemas;
mod sequences;
mod statistics;
mod subscriptions;
mod tables;
mod text_search;
mod triggers;
mod types;
mod user_types;
mod views;

use std::collections::{BTreeSet, HashMap, HashSet};

use rustc_hash::FxHashMap;

use indexmap::IndexMap;
use pg_query::protobuf::{self, RangeVar};
use pg_query::{Node, NodeEnum};

use super::SqlFile;
use crate::error::{Error, SourceProblem};
use crate::model::{Catalog, QualifiedName, Schema, Unsupported};
use crate::normalize::definitions::{relation_name, string_of};
use crate::normalize::names::NamePool;
use crate::platform::Context;
use location::Lines;
use pending::PendingConstraints;
use references::Reference;
use repeats::Repeat;

/// The comment a new database gives its `public` schema; the implicit `public` of a file
/// carries it so that a file and a fresh database agree.
pub const PUBLIC_SCHEMA_COMMENT: &str = "standard public schema";

/// Parses desired-state files into one catalog.
pub fn load(files: &[SqlFile]) -> Result<Catalog, Error> {
    read(Catalog::default(), &BTreeSet::new(), files)
}

/// Parses desired-state files into one catalog, in `context`: starting from the definitions
/// of schemas owned elsewhere that the files may reference, and taking whatever the files
/// name in those schemas as existing.
pub fn load_in(context: &Context, files: &[SqlFile]) -> Result<Catalog, Error> {
    read(context.catalog.clone(), &context.owned_schemas, files)
}

fn read(
    context: Catalog,
    owned_schemas: &BTreeSet<String>,
    files: &[SqlFile],
) -> Result<Catalog, Error> {
    let mut builder = Builder {
        named_parents: (context.tables.values())
            .flat_map(|t| t.parents().cloned())
            .collect(),
        catalog: context,
        files,
        owned_schemas: owned_schemas.clone(),
        ..Builder::default()
    };
    builder.catalog.schemas.insert(
        "public".into(),
        Schema {
            name: "public".into(),
            comment: Some(PUBLIC_SCHEMA_COMMENT.into()),
        },
    );
    for index in 0..files.len() {
        builder.load_file(index);
    }
    builder.finish()
}

/// A byte offset into one of the files.
#[derive(Clone, Copy, Debug)]
struct Place {
    file: usize,
    offset: usize,
}

/// The state being built, and where in which file we are.
#[derive(Default)]
struct Builder<'a> {
    catalog: Catalog,
    names: NamePool,
    constraints: PendingConstraints,
    /// The statements behind the indexes, for `LIKE … INCLUDING INDEXES` and
    /// `ADD CONSTRAINT … USING INDEX`.
    index_statements: IndexMap<QualifiedName, protobuf::IndexStmt>,
    /// The statements behind the policies, for `ALTER POLICY`.
    policy_statements: IndexMap<(QualifiedName, String), protobuf::CreatePolicyStmt>,
    /// Relations that are not modelled, so what refers to them is
    /// reported as not managed rather than as an error.
    unsupported_relations: HashSet<QualifiedName>,
    memo: memo::DefinitionMemo,
    /// Every table ever made a parent (partitioned or inherited from): the tables that an
    /// `ALTER TABLE` may have to reach the children of, without scanning all tables for each.
    named_parents: HashSet<QualifiedName>,
    /// Schemas owned elsewhere: whatever the files name in them counts as existing.
    owned_schemas: BTreeSet<String>,
    problems: Vec<SourceProblem>,
    /// Where each object that may be created twice was created (`table `t``).
    created_at: FxHashMap<String, Place>,
    /// Objects created more than once, each reported once.
    repeats: HashMap<String, Repeat>,
    /// Names not found when their statement was read, checked again at the end.
    unresolved: Vec<Reference>,
    /// `SET ROLE`: who creates what follows (`None`: the role running the file).
    current_role: Option<String>,
    /// Inside `CREATE SCHEMA … CREATE TABLE …`, where unqualified names resolve in the new
    /// schema on the server: what the elements name is not checked.
    in_schema_elements: bool,
    files: &'a [SqlFile],
    /// Line starts of the files, computed for the first problem in each.
    lines: HashMap<usize, Lines>,
    /// Whether a file did not parse: then what it names is not checked, since its
    /// definitions may be among what was not read.
    unparsed: bool,
    /// The file, the byte offset of the run of statements parsed together (parse-tree
    /// locations count from there) and of the statement being evaluated.
    file: usize,
    run_start: usize,
    statement_start: usize,
}

impl Builder<'_> {
    /// Parses and evaluates a file run by run, so that only one run's parse tree is held.
    fn load_file(&mut self, index: usize) {
        self.file = index;
        let file = &self.files[index];
        let ends = run_ends(&file.text);
        std::thread::scope(|scope| {
            for (start, parsed) in parse_ahead(scope, &file.text, &ends) {
                if let Some(parsed) = parsed {
                    self.statements(&parsed, start);
                    continue;
                }
                // the scanner splits `BEGIN ATOMIC … END` bodies, which a run may end inside
                match pg_query::parse(&file.text[start..], 0) {
                    Ok(parsed) => self.statements(&parsed, start),
                    Err(_) => {
                        self.unparsed = true;
                        self.problems.extend(location::syntax_errors(file));
                    }
                }
                // dropping the runs stops the threads that parse ahead
                return;
            }
        });
    }

    /// Evaluates the statements of a run of text that starts at byte `base` of the file.
    fn statements(&mut self, parsed: &pg_query::ParseResult, base: usize) {
        self.run_start = base;
        for raw in &parsed.protobuf.stmts {
            self.statement_start = base + raw.stmt_location as usize;
            if let Some(node) = raw.stmt.as_ref().and_then(|s| s.node.as_ref()) {
                self.statement(node);
            }
        }
    }

    fn finish(mut self) -> Result<Catalog, Error> {
        let pending = std::mem::take(&mut self.constraints);
        let primary_keys = pending::referenced_primary_keys(&pending);
        // each tree is consumed as it is built
        let mut written_at = Vec::new();
        for ((table, name), pending) in pending {
            let mut constraint =
                (pending.definition).build(&name, &primary_keys, &self.catalog, &mut self.memo);
            constraint.comment = pending.comment;
            if let Some(place) = pending.place {
                written_at.push((table.clone(), name.clone(), place));
            }
            if let Some(table) = self.catalog.tables.get_mut(&table) {
                table.constraints.insert(name, constraint);
            }
        }
        if !self.unparsed {
            self.check_references(&written_at);
        }
        self.report_repeats();
        if !self.problems.is_empty() {
            // in the order of the files, whenever each was found
            let order: HashMap<&str, usize> = (self.files.iter().enumerate())
                .map(|(i, f)| (f.name.as_str(), i))
                .collect();
            self.problems.sort_by_key(|p| {
                (
                    order.get(p.span.file.as_str()).copied(),
                    p.span.line,
                    p.span.column,
                )
            });
            return Err(Error::Source(self.problems));
        }
        // dropped and renamed objects take their privileges with them
        self.catalog.retain_privileges(|_| true);
        self.catalog.sort();
        Ok(self.catalog)
    }

    /// Evaluates one statement.
    fn statement(&mut self, node: &NodeEnum) {
        match node {
            NodeEnum::CreateSchemaStmt(s) => self.create_schema(s),
            NodeEnum::CreateExtensionStmt(s) => self.create_extension(s),
            NodeEnum::CreateEnumStmt(s) => self.create_enum(s),
            NodeEnum::AlterEnumStmt(s) => self.alter_enum(s),
            NodeEnum::CreateDomainStmt(s) => self.create_domain(s),
            NodeEnum::AlterDomainStmt(s) => self.alter_domain(s),
            NodeEnum::CompositeTypeStmt(s) => self.create_composite_type(s),
            NodeEnum::CreateRangeStmt(s) => self.create_range_type(s),
            NodeEnum::DefineStmt(s) => self.define(s),
            NodeEnum::CreateSeqStmt(s) => self.create_sequence(s),
            NodeEnum::AlterSeqStmt(s) => self.alter_sequence(s),
            NodeEnum::CreateStmt(s) => self.create_table(s),
            NodeEnum::IndexStmt(s) => self.create_index(s),
            NodeEnum::CreateStatsStmt(s) => self.create_statistics(s),
            NodeEnum::AlterStatsStmt(s) => self.alter_statistics(s),
            NodeEnum::AlterObjectSchemaStmt(s) => self.set_schema(s),
            NodeEnum::AlterTableStmt(s)
                if s.objtype == protobuf::ObjectType::ObjectForeignTable as i32 =>
            {
                self.alter_foreign_table(s)
            }
            NodeEnum::AlterTableStmt(s) => self.alter_table(s),
            NodeEnum::CreateForeignTableStmt(s) => self.create_foreign_table(s),
            NodeEnum::CommentStmt(s) => self.comment(s),
            NodeEnum::CreateFunctionStmt(s) => self.create_function(s),
            NodeEnum::ViewStmt(s) => self.create_view(s),
            NodeEnum::CreateTableAsStmt(s) if self.create_matview(s) => {}
            NodeEnum::CreateTrigStmt(s) => self.create_trigger(s),
            NodeEnum::CreatePolicyStmt(s) => self.create_policy(s),
            NodeEnum::AlterPolicyStmt(s) => self.alter_policy(s),
            NodeEnum::RuleStmt(s) => self.create_rule(s),
            NodeEnum::CreateCastStmt(s) => self.create_cast(s),
            NodeEnum::AlterOperatorStmt(s) => self.alter_operator(s),
            NodeEnum::CreateOpFamilyStmt(s) => self.create_operator_family(s),
            NodeEnum::AlterOpFamilyStmt(s) => self.alter_operator_family(s),
            NodeEnum::CreateOpClassStmt(s) => self.create_operator_class(s),
            NodeEnum::AlterTsdictionaryStmt(s) => self.alter_text_search_dictionary(s),
            NodeEnum::AlterTsconfigurationStmt(s) => self.alter_text_search_configuration(s),
            NodeEnum::CreateEventTrigStmt(s) => self.create_event_trigger(s),
            NodeEnum::AlterEventTrigStmt(s) => self.alter_event_trigger(s),
            NodeEnum::CreateFdwStmt(s) => self.create_wrapper(s),
            NodeEnum::AlterFdwStmt(s) => self.alter_wrapper(s),
            NodeEnum::CreateForeignServerStmt(s) => self.create_server(s),
            NodeEnum::AlterForeignServerStmt(s) => self.alter_server(s),
            NodeEnum::CreateUserMappingStmt(s) => self.create_user_mapping(s),
            NodeEnum::AlterUserMappingStmt(s) => self.alter_user_mapping(s),
            NodeEnum::DropUserMappingStmt(s) => self.drop_user_mapping(s),
            NodeEnum::CreateSubscriptionStmt(s) => self.create_subscription(s),
            NodeEnum::AlterSubscriptionStmt(s) => self.alter_subscription(s),
            NodeEnum::DropSubscriptionStmt(s) => self.drop_subscription(s),
            NodeEnum::CreatePublicationStmt(s) => self.create_publication(s),
            NodeEnum::AlterPublicationStmt(s) => self.alter_publication(s),
            NodeEnum::DropStmt(s) => self.drop(s),
            NodeEnum::RenameStmt(s) => self.rename(s),
            NodeEnum::GrantStmt(s) => self.grant(s),
            NodeEnum::AlterDefaultPrivilegesStmt(s) => self.alter_default_privileges(s),
            NodeEnum::AlterOwnerStmt(s) => self.alter_owner(s),
            NodeEnum::VariableSetStmt(s) => self.set_variable(s),
            NodeEnum::RefreshMatViewStmt(s) => self.refresh_matview(s),
            // transaction control does not change the schema
            NodeEnum::TransactionStmt(_) => {}
            NodeEnum::SelectStmt(s) if is_set_config(s) => {}
            NodeEnum::CreateRoleStmt(_)
            | NodeEnum::AlterRoleStmt(_)
            | NodeEnum::AlterRoleSetStmt(_)
            | NodeEnum::GrantRoleStmt(_)
            | NodeEnum::DropRoleStmt(_) => self.role(node),
            NodeEnum::DoStmt(s) => self.do_block(s),
            NodeEnum::InsertStmt(_)
            | NodeEnum::UpdateStmt(_)
            | NodeEnum::DeleteStmt(_)
            | NodeEnum::CopyStmt(_)
            | NodeEnum::SelectStmt(_)
            | NodeEnum::TruncateStmt(_) => self.needs_server(
                statement_label(node),
                "keep data statements out of the desired state, or run the files on the shadow path (--dev-url URL, or --dev-url local), where they simply run in a scratch database",
            ),
            other => {
                let (kind, schema, name) = describe_unsupported(other);
                if let (true, Some(schema)) = (is_relation_kind(&kind), &schema) {
                    self.unsupported_relations
                        .insert(QualifiedName::new(schema, &name));
                }
                self.unsupported(&kind, schema, &name);
            }
        }
    }

    /// Reports a statement on a relation the model does not cover; false when the relation is
    /// simply unknown (an error for the caller to report).
    fn on_unsupported_relation(&mut self, what: &str, relation: &QualifiedName) -> bool {
        if !self.unsupported_relations.contains(relation) {
            return false;
        }
        self.unsupported(what, Some(relation.schema.clone()), &relation.name);
        true
    }

    fn unsupported(&mut self, kind: &str, schema: Option<String>, name: &str) {
        self.catalog.unsupported.push(Unsupported {
            kind: kind.to_string(),
            schema,
            name: name.to_string(),
        });
    }

    /// Reports the current statement as one only a server can evaluate.
    fn needs_server(&mut self, label: &str, help: &str) {
        self.error(
            0,
            format!("{label} cannot be evaluated without a server"),
            help,
        );
    }

    /// Records a problem at a parse-tree location (a byte offset into the file, or 0 for the
    /// start of the current statement).
    fn error(&mut self, location: i32, message: String, help: &str) {
        let place = self.place(location);
        let problem = self.problem_at(place, message, help);
        self.problems.push(problem);
    }

    /// Where a parse-tree location is (0: the start of the current statement).
    fn place(&self, location: i32) -> Place {
        let offset = if location > 0 {
            self.run_start + location as usize
        } else {
            self.statement_start
        };
        let text = &self.files[self.file].text;
        Place {
            file: self.file,
            offset: skip_whitespace_and_comments(text, offset),
        }
    }

    fn problem_at(&mut self, place: Place, message: String, help: &str) -> SourceProblem {
        let file = &self.files[place.file];
        self.lines
            .entry(place.file)
            .or_insert_with(|| Lines::new(&file.text))
            .problem_at(file, place.offset, message, Some(help.to_string()))
    }

    /// The schema a new object goes to, creating nothing: an unknown schema is an error.
    fn check_schema(&mut self, schema: &str, location: i32) {
        if !self.catalog.schemas.contains_key(schema) {
            self.error(
                location,
                format!("schema `{schema}` does not exist"),
                "add `CREATE SCHEMA` for it before this statement",
            );
        }
    }
}

/// Where the runs of statements of `text` end: at statement starts the scanner finds, each
/// run past [`super::PARSE_RUN_BYTES`], the last at the end of the text.
pub(crate) fn run_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    if let Ok(statements) = pg_query::split_with_scanner(text) {
        let base = text.as_ptr() as usize;
        let mut run_start = 0;
        for statement in statements {
            let start = statement.as_ptr() as usize - base;
            if start - run_start >= super::PARSE_RUN_BYTES {
                ends.push(start);
                run_start = start;
            }
        }
    }
    ends.push(text.len());
    ends
}

/// The runs of `text` that end at `ends`, each with its start and its parse (`None` if it
/// does not parse), in order. Parsing is most of reading a file, so threads parse a few runs
/// ahead of the caller's evaluation, each every other run; they stop when the iterator is
/// dropped.
fn parse_ahead<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    text: &'scope str,
    ends: &'scope [usize],
) -> impl Iterator<Item = (usize, Option<pg_query::ParseResult>)> + 'scope {
    const PARSERS: usize = 2;
    let starts = || std::iter::once(0).chain(ends.iter().copied());
    let receivers: Vec<_> = (0..PARSERS.min(ends.len()))
        .map(|parser| {
            let (sender, receiver) = std::sync::mpsc::sync_channel(1);
            scope.spawn(move || {
                let runs = starts().zip(ends.iter().copied());
                for (start, end) in runs.skip(parser).step_by(PARSERS) {
                    let parsed = pg_query::parse(&text[start..end], 0).ok();
                    if sender.send((start, parsed)).is_err() {
                        return;
                    }
                }
            });
            receiver
        })
        .collect();
    (0..ends.len()).map_while(move |run| receivers[run % receivers.len()].recv().ok())
}

/// Unsupported kinds that other statements (indexes, comments, ALTER) can refer to as tables.
fn is_relation_kind(kind: &str) -> bool {
    matches!(
        kind,
        "view"
            | "table created from a query"
            | "partitioned table"
            | "partition"
            | "inherited table"
    )
}

/// `SELECT pg_catalog.set_config(…)`, as pg_dump writes it.
fn is_set_config(select: &protobuf::SelectStmt) -> bool {
    let json = serde_json::to_value(select).unwrap_or_default();
    let call = &json["target_list"][0]["node"]["ResTarget"]["val"]["node"]["FuncCall"];
    call["funcname"]
        .as_array()
        .and_then(|n| n.last())
        .and_then(crate::normalize::types::string_node)
        == Some("set_config")
}

fn statement_label(node: &NodeEnum) -> &'static str {
    match node {
        NodeEnum::InsertStmt(_) => "INSERT",
        NodeEnum::UpdateStmt(_) => "UPDATE",
        NodeEnum::DeleteStmt(_) => "DELETE",
        NodeEnum::CopyStmt(_) => "COPY",
        NodeEnum::TruncateStmt(_) => "TRUNCATE",
        _ => "a query",
    }
}

/// Kind and name of a statement the model does not cover yet, for the summary.
fn describe_unsupported(node: &NodeEnum) -> (String, Option<String>, String) {
    let relation = |r: &Option<RangeVar>| {
        r.as_ref()
            .map(|r| {
                let name = relation_name(r);
                (Some(name.schema), name.name)
            })
            .unwrap_or((None, String::new()))
    };
    let (kind, (schema, name)) = match node {
        NodeEnum::CreateTableAsStmt(s) => (
            "table created from a query",
            relation(&s.into.as_ref().and_then(|i| i.rel.clone())),
        ),
        other => {
            let label = format!("{other:?}");
            let kind = label.split('(').next().unwrap_or("statement").to_string();
            return (kind, None, String::new());
        }
    };
    (kind.to_string(), schema, name)
}

/// pg_query locations point at the start of a statement including leading comments.
pub(crate) fn skip_whitespace_and_comments(text: &str, mut offset: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while offset < bytes.len() && bytes[offset].is_ascii_whitespace() {
            offset += 1;
        }
        if text[offset..].starts_with("--") {
            offset = text[offset..].find('\n').map_or(text.len(), |n| offset + n);
        } else if text[offset..].starts_with("/*") {
            offset = text[offset..]
                .find("*/")
                .map_or(text.len(), |n| offset + n + 2);
        } else {
            return offset;
        }
    }
}

/// `[schema.]name` from a list of `String` nodes.
fn qualified_name(names: &[Node]) -> QualifiedName {
    let parts: Vec<String> = names.iter().filter_map(string_of).collect();
    match parts.as_slice() {
        [.., schema, name] => QualifiedName::new(schema, name),
        [name] => QualifiedName::new("public", name),
        [] => QualifiedName::new("public", ""),
    }
}
