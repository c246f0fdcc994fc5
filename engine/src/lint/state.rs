//! What a file did before the statement being checked: what it created, the transaction
//! it is in, the timeouts it set.

use std::collections::HashSet;

use pg_query::protobuf::{
    AlterPublicationAction, AlterTableType, ConstrType, NullTestType, ObjectType, RangeVar,
    TransactionStmtKind, TypeName,
};
use pg_query::NodeEnum;

use super::rules::{
    cast_key, commands, constraint_def, defined_operator_key, family_or_class,
    locks_existing_table, publication_key, published_table_key, rule_key, subscription_key,
    text_search_key, text_search_kind, Findings, Statement,
};
use crate::hazard::HazardKind;
use crate::model::QualifiedName;
use crate::normalize::definitions::{relation_name, string_of};
use crate::normalize::publication::published_objects;
use crate::normalize::types::type_name_text;

/// The file so far.
#[derive(Default)]
pub struct State {
    /// Relations and indexes the file created (by their current name).
    created: HashSet<QualifiedName>,
    /// Views, routines, triggers, rules and policies the file created, by `Found::recreated` key:
    /// one dropped and created again is a recreated dependent.
    created_objects: HashSet<String>,
    /// Functions, procedures and aggregates the file created, by name.
    created_routines: HashSet<QualifiedName>,
    /// Types and domains the file created.
    created_types: HashSet<QualifiedName>,
    created_schemas: HashSet<String>,
    /// The runner wraps the whole file in one transaction.
    assume_in_transaction: bool,
    /// Where the open `BEGIN` is.
    begin: Option<usize>,
    /// A `lock_timeout` is in force.
    pub lock_timeout: bool,
    /// A statement already locked an existing table without one (reported once).
    pub unguarded_lock_taken: bool,
    /// Enum values added in the open transaction, with the offset of their `ADD VALUE`.
    pub added_enum_values: Vec<(String, usize)>,
    /// `CHECK (column IS NOT NULL) NOT VALID` constraints: table, constraint, column.
    not_null_checks: Vec<(QualifiedName, String, String)>,
    /// Columns a validated check proves NOT NULL, so `SET NOT NULL` skips its scan.
    proven_not_null: HashSet<(QualifiedName, String)>,
}

impl State {
    pub fn new(assume_in_transaction: bool) -> Self {
        State {
            assume_in_transaction,
            ..State::default()
        }
    }

    /// The relation's name when it existed before the file: work on a table the file
    /// created blocks nobody and loses nothing.
    pub fn existing(&self, relation: Option<&RangeVar>) -> Option<QualifiedName> {
        let name = relation_name(relation?);
        (!self.created.contains(&name)).then_some(name)
    }

    pub fn created_relation(&self, name: &QualifiedName) -> bool {
        self.created.contains(name)
    }

    /// Whether the file creates the object of a `Found::recreated` key.
    pub fn creates(&self, key: &str) -> bool {
        self.created_objects.contains(key)
    }

    pub fn created_routine(&self, name: &QualifiedName) -> bool {
        self.created_routines.contains(name)
    }

    pub fn created_type(&self, name: &QualifiedName) -> bool {
        self.created_types.contains(name)
    }

    pub fn created_schema(&self, name: &str) -> bool {
        self.created_schemas.contains(name)
    }

    /// Whether the statement runs inside a transaction block.
    pub fn in_transaction(&self) -> bool {
        self.begin.is_some() || self.assume_in_transaction
    }

    /// Where the open explicit `BEGIN` is.
    pub fn open_begin(&self) -> Option<usize> {
        self.begin
    }

    pub fn proven_not_null(&self, table: &QualifiedName, column: &str) -> bool {
        self.proven_not_null
            .contains(&(table.clone(), column.to_string()))
    }

    /// Tables a `CREATE PUBLICATION` or `ALTER PUBLICATION … ADD/SET` publishes.
    fn publish(&mut self, publication: &str, objects: &[pg_query::Node]) {
        let (tables, _) = published_objects(objects);
        for table in tables {
            self.created_objects
                .insert(published_table_key(publication, &table.table));
        }
    }

    /// Takes in what the statement did, once the rules have seen it.
    pub fn advance(&mut self, statement: &Statement) {
        if !self.lock_timeout && locks_existing_table(statement, self).is_some() {
            self.unguarded_lock_taken = true;
        }
        match statement.node {
            NodeEnum::CreateStmt(stmt) => self.create(stmt.relation.as_ref()),
            NodeEnum::ViewStmt(stmt) => {
                self.create(stmt.view.as_ref());
                if let Some(view) = &stmt.view {
                    self.created_objects
                        .insert(format!("relation {}", relation_name(view)));
                }
            }
            NodeEnum::CreateFunctionStmt(stmt) => {
                self.create_routine(&stmt.funcname);
                if let Some(name) = qualified(&stmt.funcname) {
                    self.created_objects.insert(format!("routine {name}"));
                }
            }
            NodeEnum::CreateTrigStmt(stmt) => {
                if let Some(table) = &stmt.relation {
                    let key = format!("trigger {} on {}", stmt.trigname, relation_name(table));
                    self.created_objects.insert(key);
                }
            }
            NodeEnum::RuleStmt(stmt) => {
                if let Some(table) = &stmt.relation {
                    let key = rule_key(&stmt.rulename, &relation_name(table));
                    self.created_objects.insert(key);
                }
            }
            NodeEnum::CreatePublicationStmt(stmt) => {
                self.created_objects.insert(publication_key(&stmt.pubname));
                self.publish(&stmt.pubname, &stmt.pubobjects);
            }
            NodeEnum::AlterPublicationStmt(stmt)
                if AlterPublicationAction::try_from(stmt.action)
                    != Ok(AlterPublicationAction::ApDropObjects) =>
            {
                self.publish(&stmt.pubname, &stmt.pubobjects);
            }
            NodeEnum::CreateCastStmt(stmt) => {
                let type_text = |t: &Option<TypeName>| t.as_ref().map(type_name_text);
                if let (Some(source), Some(target)) =
                    (type_text(&stmt.sourcetype), type_text(&stmt.targettype))
                {
                    let cast = format!("({source} AS {target})");
                    self.created_objects.insert(cast_key(&cast));
                }
            }
            NodeEnum::DefineStmt(stmt) if stmt.kind == ObjectType::ObjectOperator as i32 => {
                if let Some(name) = qualified(&stmt.defnames) {
                    let operand = |which: &str| {
                        (stmt.definition.iter()).find_map(|option| match &option.node {
                            Some(NodeEnum::DefElem(d)) if d.defname.eq_ignore_ascii_case(which) => {
                                match d.arg.as_ref()?.node.as_ref()? {
                                    NodeEnum::TypeName(t) => Some(type_name_text(t)),
                                    _ => None,
                                }
                            }
                            _ => None,
                        })
                    };
                    let right = operand("rightarg").unwrap_or_default();
                    let key = defined_operator_key(&name, operand("leftarg").as_deref(), &right);
                    self.created_objects.insert(key);
                }
            }
            NodeEnum::DefineStmt(stmt) => {
                let kind = ObjectType::try_from(stmt.kind)
                    .ok()
                    .and_then(text_search_kind);
                if let (Some(kind), Some(name)) = (kind, qualified(&stmt.defnames)) {
                    self.created_objects.insert(text_search_key(kind, &name));
                }
            }
            NodeEnum::CreateOpFamilyStmt(stmt) => {
                if let Some(name) = qualified(&stmt.opfamilyname) {
                    (self.created_objects).insert(family_or_class(false, &name, &stmt.amname));
                }
            }
            NodeEnum::CreateOpClassStmt(stmt) => {
                if let Some(name) = qualified(&stmt.opclassname) {
                    (self.created_objects).insert(family_or_class(true, &name, &stmt.amname));
                    // its family, when it creates one of its name
                    if stmt.opfamilyname.is_empty() {
                        (self.created_objects).insert(family_or_class(false, &name, &stmt.amname));
                    }
                }
            }
            NodeEnum::CreateSubscriptionStmt(stmt) => {
                self.created_objects.insert(subscription_key(&stmt.subname));
            }
            NodeEnum::CreatePolicyStmt(stmt) => {
                if let Some(table) = &stmt.table {
                    let key = format!("policy {} on {}", stmt.policy_name, relation_name(table));
                    self.created_objects.insert(key);
                }
            }
            NodeEnum::CreateTableAsStmt(stmt) => {
                let relation = stmt.into.as_ref().and_then(|i| i.rel.as_ref());
                self.create(relation);
                if let Some(relation) = relation {
                    self.created_objects
                        .insert(format!("relation {}", relation_name(relation)));
                }
            }
            NodeEnum::IndexStmt(stmt) => {
                if let Some(relation) = &stmt.relation {
                    let table = relation_name(relation);
                    self.created
                        .insert(QualifiedName::new(table.schema, &stmt.idxname));
                }
            }
            NodeEnum::CreateEnumStmt(stmt) => self.create_type(&stmt.type_name),
            NodeEnum::CreateDomainStmt(stmt) => self.create_type(&stmt.domainname),
            NodeEnum::CompositeTypeStmt(stmt) => {
                if let Some(relation) = &stmt.typevar {
                    self.created_types.insert(relation_name(relation));
                }
            }
            NodeEnum::CreateSchemaStmt(stmt) => {
                self.created_schemas.insert(stmt.schemaname.clone());
            }
            NodeEnum::RenameStmt(stmt) if stmt.rename_type == ObjectType::ObjectTable as i32 => {
                if let Some(relation) = &stmt.relation {
                    let old = relation_name(relation);
                    if self.created.remove(&old) {
                        self.created
                            .insert(QualifiedName::new(old.schema, &stmt.newname));
                    }
                }
            }
            NodeEnum::TransactionStmt(stmt) => self.transaction(stmt.kind, statement.start),
            NodeEnum::VariableSetStmt(stmt) if stmt.name == "lock_timeout" => {
                let value = stmt
                    .args
                    .first()
                    .map(crate::normalize::definitions::deparse_expr);
                self.lock_timeout = !matches!(value.as_deref(), None | Some("0") | Some("'0'"));
            }
            NodeEnum::AlterEnumStmt(stmt) if !stmt.new_val.is_empty() && self.in_transaction() => {
                self.added_enum_values
                    .push((stmt.new_val.clone(), statement.start));
            }
            NodeEnum::AlterTableStmt(stmt) => {
                if let Some(relation) = &stmt.relation {
                    self.not_null_checks_of(&relation_name(relation), &commands(stmt));
                }
            }
            _ => {}
        }
    }

    fn create(&mut self, relation: Option<&RangeVar>) {
        if let Some(relation) = relation {
            self.created.insert(relation_name(relation));
        }
    }

    fn create_type(&mut self, names: &[pg_query::Node]) {
        self.created_types.extend(qualified(names));
    }

    fn create_routine(&mut self, names: &[pg_query::Node]) {
        self.created_routines.extend(qualified(names));
    }

    fn transaction(&mut self, kind: i32, at: usize) {
        match TransactionStmtKind::try_from(kind) {
            Ok(TransactionStmtKind::TransStmtBegin | TransactionStmtKind::TransStmtStart) => {
                self.begin.get_or_insert(at);
            }
            Ok(
                TransactionStmtKind::TransStmtCommit
                | TransactionStmtKind::TransStmtRollback
                | TransactionStmtKind::TransStmtPrepare,
            ) => {
                self.begin = None;
                self.added_enum_values.clear();
            }
            _ => {}
        }
    }

    /// Follows the checks that prove a column NOT NULL: added `NOT VALID`, then validated,
    /// or added valid at once.
    fn not_null_checks_of(
        &mut self,
        table: &QualifiedName,
        cmds: &[&pg_query::protobuf::AlterTableCmd],
    ) {
        for cmd in cmds {
            match AlterTableType::try_from(cmd.subtype) {
                Ok(AlterTableType::AtAddConstraint) => {
                    let Some(constraint) = constraint_def(cmd) else {
                        continue;
                    };
                    let Some(column) = not_null_column(constraint) else {
                        continue;
                    };
                    if constraint.skip_validation {
                        self.not_null_checks.push((
                            table.clone(),
                            constraint.conname.clone(),
                            column,
                        ));
                    } else {
                        self.proven_not_null.insert((table.clone(), column));
                    }
                }
                Ok(AlterTableType::AtValidateConstraint) => {
                    let proven = self
                        .not_null_checks
                        .iter()
                        .filter(|(t, name, _)| t == table && *name == cmd.name)
                        .map(|(t, _, column)| (t.clone(), column.clone()));
                    self.proven_not_null.extend(proven.collect::<Vec<_>>());
                }
                _ => {}
            }
        }
    }

    /// A transaction left open at the end of the file.
    pub fn end_of_file(&self, findings: &mut Findings) {
        if let Some(begin) = self.begin {
            let found = findings.add(
                HazardKind::NestedTransaction,
                begin,
                "this `BEGIN` is never committed: the next migration runs inside its transaction"
                    .into(),
                "end the file with `COMMIT`",
            );
            found.statement = begin;
        }
    }
}

/// `[schema.]name` from a list of `String` nodes, unqualified in `public`.
pub fn qualified(names: &[pg_query::Node]) -> Option<QualifiedName> {
    let parts: Vec<String> = names.iter().filter_map(string_of).collect();
    match parts.as_slice() {
        [.., schema, name] => Some(QualifiedName::new(schema, name)),
        [name] => Some(QualifiedName::new("public", name)),
        [] => None,
    }
}

/// The column of `CHECK (column IS NOT NULL)`.
fn not_null_column(constraint: &pg_query::protobuf::Constraint) -> Option<String> {
    if constraint.contype != ConstrType::ConstrCheck as i32 {
        return None;
    }
    let NodeEnum::NullTest(test) = constraint.raw_expr.as_deref()?.node.as_ref()? else {
        return None;
    };
    if test.nulltesttype != NullTestType::IsNotNull as i32 {
        return None;
    }
    let NodeEnum::ColumnRef(column) = test.arg.as_deref()?.node.as_ref()? else {
        return None;
    };
    column.fields.last().and_then(string_of)
}
