//! Two catalogs → the changes between them. The differ decides *what* changes; it never
//! orders changes (that is the planner's graph) and never renders SQL.

mod casts;
mod event_triggers;
mod foreign;
mod objects;
mod operators;
mod privileges;
mod publications;
mod rules;
mod statistics;
mod subscriptions;
mod tables;
mod text_search;
mod triggers;
mod types;
mod views;

use serde::Serialize;

pub use operators::index_operator_classes;
pub use privileges::{AclChange, AclTiming, DefaultAclChange, OwnerChange};
pub use tables::{created_table, inline_constraints};

use crate::model::{
    Cast, Catalog, Collation, Column, CompositeType, Constraint, Domain, EnumType, EventTrigger,
    Extension, ForeignDataWrapper, ForeignServer, ForeignTable, Function, Index, Operator,
    OperatorClass, OperatorFamily, PartitionOf, Policy, Publication, PublishedTable, QualifiedName,
    RangeType, Rule, Schema, Sequence, Statistics, Subscription, Table, TextSearchConfiguration,
    TextSearchDictionary, Trigger, TriggerEnabled, UserMapping, View,
};

/// The same thing on both sides: every comparison in the differ has this shape.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Pair<T> {
    pub from: T,
    pub to: T,
}

impl<T> Pair<T> {
    pub fn new(from: T, to: T) -> Self {
        Pair { from, to }
    }

    /// On the heap: what a [`Change`] holds of two large objects, so that every change
    /// is not as large as the largest.
    pub fn boxed(from: T, to: T) -> Box<Self> {
        Box::new(Pair::new(from, to))
    }

    pub fn as_ref(&self) -> Pair<&T> {
        Pair::new(&self.from, &self.to)
    }

    pub fn map<U>(self, f: impl Fn(T) -> U) -> Pair<U> {
        Pair::new(f(self.from), f(self.to))
    }
}

impl<T: PartialEq> Pair<T> {
    pub fn changed(&self) -> bool {
        self.from != self.to
    }
}

/// Where a new enum value goes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum EnumPosition {
    Before(String),
    After(String),
}

/// What a comment is on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum CommentTarget {
    Schema(String),
    Extension(String),
    Type(QualifiedName),
    Sequence(QualifiedName),
    Table(QualifiedName),
    Column(QualifiedName, String),
    Constraint(QualifiedName, String),
    Index(QualifiedName),
    Statistics(QualifiedName),
    View(QualifiedName),
    MaterializedView(QualifiedName),
    /// By signature; `keyword` is `FUNCTION`, `PROCEDURE` or `AGGREGATE`.
    Function {
        signature: String,
        keyword: &'static str,
    },
    Domain(QualifiedName),
    Collation(QualifiedName),
    /// (table or view, trigger name).
    Trigger(QualifiedName, String),
    /// (table, policy name).
    Policy(QualifiedName, String),
    /// (table or view, rule name).
    Rule(QualifiedName, String),
    Publication(String),
    EventTrigger(String),
    /// (source type, target type).
    Cast(String, String),
    TextSearchDictionary(QualifiedName),
    TextSearchConfiguration(QualifiedName),
    /// By signature.
    Operator(String),
    /// (name, index access method).
    OperatorFamily(QualifiedName, String),
    OperatorClass(QualifiedName, String),
    ForeignDataWrapper(String),
    ForeignServer(String),
    Subscription(String),
    ForeignTable(QualifiedName),
}

/// One change. Variants carry names and the definitions they need (both sides where the
/// rollback needs the old one), never references into a catalog.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    CreateSchema(Schema),
    DropSchema(Schema),
    CreateExtension(Extension),
    DropExtension(Extension),
    AlterExtension(Pair<Extension>),
    CreateEnum(EnumType),
    DropEnum(EnumType),
    AddEnumValue {
        enum_type: Pair<EnumType>,
        value: String,
        position: EnumPosition,
        /// Columns that use the type, needed to undo the addition by recreating the type.
        columns: Vec<(QualifiedName, Column)>,
        /// Views that read those columns or name the type, in creation order: the server
        /// refuses to convert the columns under them, so the undo drops and recreates them.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        views: Vec<View>,
    },
    /// A removed or reordered value: the type is recreated and its columns converted.
    RecreateEnum {
        enum_type: Pair<EnumType>,
        columns: Vec<(QualifiedName, Pair<Column>)>,
    },
    CreateDomain(Domain),
    DropDomain(Domain),
    /// Default, NOT NULL and constraints; a new base type or collation drops and creates.
    AlterDomain(Box<Pair<Domain>>),
    CreateCompositeType(CompositeType),
    DropCompositeType(CompositeType),
    /// Attributes added, dropped or retyped.
    AlterCompositeType(Pair<CompositeType>),
    CreateRangeType(RangeType),
    DropRangeType(RangeType),
    CreateCollation(Collation),
    DropCollation(Collation),
    CreateSequence(Sequence),
    DropSequence(Sequence),
    AlterSequence(Box<Pair<Sequence>>),
    SetSequenceOwner {
        sequence: QualifiedName,
        owner: Pair<Option<(QualifiedName, String)>>,
    },
    /// A table of the desired state, as [`tables::created_table`] gives it: with its columns
    /// and the constraints that can be declared inline.
    CreateTable(QualifiedName),
    DropTable(Box<Table>),
    SetUnlogged {
        table: QualifiedName,
        unlogged: Pair<bool>,
    },
    /// `ALTER TABLE … SET (…)` / `RESET (…)`.
    SetStorageOptions {
        table: QualifiedName,
        options: Pair<Vec<String>>,
    },
    /// `ALTER TABLE … REPLICA IDENTITY …`.
    SetReplicaIdentity {
        table: QualifiedName,
        identity: Pair<Option<String>>,
    },
    /// A table becomes a partition (or comes back under a new bound).
    AttachPartition {
        table: QualifiedName,
        partition: PartitionOf,
    },
    DetachPartition {
        table: QualifiedName,
        partition: PartitionOf,
    },
    /// `ALTER TABLE … INHERIT parent`.
    Inherit {
        table: QualifiedName,
        parent: QualifiedName,
    },
    /// `ALTER TABLE … NO INHERIT parent`.
    NoInherit {
        table: QualifiedName,
        parent: QualifiedName,
    },
    AddColumn {
        table: QualifiedName,
        column: Column,
    },
    DropColumn {
        table: QualifiedName,
        column: Column,
        /// Partitions and inheritance children that lose the column with it.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        reaches: Vec<QualifiedName>,
        /// `ALTER TABLE ONLY`: every inheritance child that has the column keeps it, with
        /// its values, as its own.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        only: bool,
    },
    AlterColumn {
        table: QualifiedName,
        column: Box<Pair<Column>>,
    },
    /// A table the desired state declares renamed.
    RenameTable {
        name: Pair<QualifiedName>,
    },
    /// A column the desired state declares renamed: `from` is the column before, `to` the
    /// column wanted. Its other differences follow as an `AlterColumn` of the new name.
    RenameColumn {
        table: QualifiedName,
        column: Box<Pair<Column>>,
        /// A staged rename whose expand has run: both columns exist already.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        in_flight: bool,
    },
    /// Apart from `AlterColumn` because the identity's sequence takes the name a `serial`
    /// sequence being dropped may still hold.
    AddIdentity {
        table: QualifiedName,
        column: Column,
    },
    AddConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    DropConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    /// The same definition under another name (a renamed table keeps its constraints'
    /// generated names; the desired state generates new ones).
    RenameConstraint {
        table: QualifiedName,
        constraint: Box<Pair<Constraint>>,
    },
    ValidateConstraint {
        table: QualifiedName,
        constraint: Constraint,
    },
    CreateIndex(Index),
    DropIndex(Index),
    CreateStatistics(Statistics),
    /// `recreated` when the statistics come back in the same plan.
    DropStatistics {
        statistics: Statistics,
        recreated: bool,
    },
    /// `ALTER STATISTICS … SET SCHEMA` and `RENAME TO`: the same definition under another
    /// name, with its new target and comment.
    RenameStatistics(Box<Pair<Statistics>>),
    /// `ALTER STATISTICS … SET STATISTICS`: `None` is the default.
    SetStatisticsTarget {
        name: QualifiedName,
        target: Pair<Option<i32>>,
    },
    /// A view or materialized view, with its comments.
    CreateView(View),
    /// `CREATE OR REPLACE VIEW`: the old columns keep their place and expression.
    ReplaceView(Box<Pair<View>>),
    /// Only the options change: `ALTER [MATERIALIZED] VIEW … SET/RESET`.
    AlterViewOptions(Box<Pair<View>>),
    /// A materialized view populated or emptied: `REFRESH MATERIALIZED VIEW [WITH NO DATA]`.
    RefreshView(Box<Pair<View>>),
    /// `recreated` when the view comes back in the same plan (its query, or something it
    /// reads, changes): then the drop is part of the change, not the removal of a view.
    DropView {
        view: View,
        recreated: bool,
    },
    CreateFunction(Function),
    DropFunction(Function),
    /// `CREATE OR REPLACE`: same arguments and result, new body or attributes.
    ReplaceFunction(Box<Pair<Function>>),
    CreateTrigger(Trigger),
    /// `recreated` when the trigger comes back in the same plan.
    DropTrigger {
        trigger: Trigger,
        recreated: bool,
    },
    SetTriggerEnabled {
        table: QualifiedName,
        name: String,
        enabled: Pair<TriggerEnabled>,
    },
    CreateRule(Rule),
    /// `recreated` when the rule comes back in the same plan.
    DropRule {
        rule: Rule,
        recreated: bool,
    },
    /// `CREATE OR REPLACE RULE`: a new event, condition or actions on the same relation.
    ReplaceRule(Box<Pair<Rule>>),
    SetRuleEnabled {
        table: QualifiedName,
        name: String,
        enabled: Pair<TriggerEnabled>,
    },
    /// `ENABLE`/`DISABLE` and `FORCE`/`NO FORCE ROW LEVEL SECURITY`.
    SetRowSecurity {
        table: QualifiedName,
        enabled: Pair<bool>,
        forced: Pair<bool>,
    },
    CreatePolicy(Policy),
    /// `recreated` when the policy comes back in the same plan.
    DropPolicy {
        policy: Policy,
        recreated: bool,
    },
    /// `ALTER POLICY`: roles or expressions change, no clause is removed.
    AlterPolicy(Box<Pair<Policy>>),
    CreateCast(Cast),
    /// `recreated` when the cast comes back in the same plan (its method, function or
    /// context change, or its function or a type is dropped and created).
    DropCast {
        cast: Cast,
        recreated: bool,
    },
    CreateTextSearchDictionary(TextSearchDictionary),
    /// `recreated` when the dictionary comes back in the same plan (its template changes).
    DropTextSearchDictionary {
        dictionary: TextSearchDictionary,
        recreated: bool,
    },
    /// `ALTER TEXT SEARCH DICTIONARY … (…)`: options set or removed, the template kept.
    AlterTextSearchDictionary(Pair<TextSearchDictionary>),
    /// Created with its mappings.
    CreateTextSearchConfiguration(TextSearchConfiguration),
    /// `recreated` when the configuration comes back in the same plan (its parser changes,
    /// or a dictionary it maps to is dropped and created).
    DropTextSearchConfiguration {
        configuration: TextSearchConfiguration,
        recreated: bool,
    },
    /// `ALTER TEXT SEARCH CONFIGURATION … ADD | ALTER | DROP MAPPING`, the parser kept.
    AlterTextSearchMappings(Pair<TextSearchConfiguration>),
    CreateOperator(Box<Operator>),
    /// `recreated` when the operator comes back in the same plan (an attribute that cannot
    /// change in place changes, or its function or a type is dropped and created).
    DropOperator {
        operator: Box<Operator>,
        recreated: bool,
    },
    /// `ALTER OPERATOR … SET (…)`: the estimators change, and on PostgreSQL 17 a commutator,
    /// negator, `HASHES` or `MERGES` is set where it was unset.
    AlterOperator(Box<Pair<Operator>>),
    /// Created with its members.
    CreateOperatorFamily(OperatorFamily),
    /// `recreated` when the family comes back in the same plan (a member operator or
    /// function is dropped and created).
    DropOperatorFamily {
        family: OperatorFamily,
        recreated: bool,
    },
    /// `ALTER OPERATOR FAMILY … DROP | ADD`: members taken out and added.
    AlterOperatorFamily(Pair<OperatorFamily>),
    CreateOperatorClass(OperatorClass),
    /// `recreated` when the class comes back in the same plan: a class has no `ALTER` of
    /// its members, so any change drops and creates it (and the indexes that use it).
    DropOperatorClass {
        class: OperatorClass,
        recreated: bool,
    },
    CreateEventTrigger(EventTrigger),
    /// `recreated` when the event trigger comes back in the same plan (its event, tags or
    /// function change).
    DropEventTrigger {
        trigger: EventTrigger,
        recreated: bool,
    },
    SetEventTriggerEnabled {
        name: String,
        enabled: Pair<TriggerEnabled>,
    },
    CreateForeignDataWrapper(ForeignDataWrapper),
    DropForeignDataWrapper(ForeignDataWrapper),
    /// `ALTER FOREIGN DATA WRAPPER`: handler, validator or options.
    AlterForeignDataWrapper(Box<Pair<ForeignDataWrapper>>),
    CreateForeignServer(ForeignServer),
    /// `recreated` when the server comes back in the same plan (its wrapper or type change).
    DropForeignServer {
        server: ForeignServer,
        recreated: bool,
    },
    /// `ALTER SERVER`: version or options.
    AlterForeignServer(Pair<ForeignServer>),
    CreateUserMapping(UserMapping),
    /// `recreated` when the mapping comes back with its server.
    DropUserMapping {
        mapping: UserMapping,
        recreated: bool,
    },
    /// `ALTER USER MAPPING`: options.
    AlterUserMapping(Pair<UserMapping>),
    CreateForeignTable(ForeignTable),
    /// `recreated` when the foreign table comes back (a new server).
    DropForeignTable {
        table: ForeignTable,
        recreated: bool,
    },
    /// `ALTER FOREIGN TABLE`: columns added, dropped or changed, options.
    AlterForeignTable(Pair<ForeignTable>),
    CreateSubscription(Subscription),
    DropSubscription(Subscription),
    /// `ALTER SUBSCRIPTION`: connection, publications, options, slot or enabled state.
    AlterSubscription(Box<Pair<Subscription>>),
    CreatePublication(Publication),
    /// `recreated` when the publication comes back in the same plan.
    DropPublication {
        publication: Publication,
        recreated: bool,
    },
    /// A publication the desired state declares renamed.
    RenamePublication {
        name: Pair<String>,
    },
    /// Options or schemas change: `ALTER PUBLICATION … SET (…)`, `ADD`/`DROP TABLES IN
    /// SCHEMA`. Its tables change with the two changes below.
    AlterPublication(Pair<Publication>),
    /// `ALTER PUBLICATION … ADD TABLE`: a table joins, or joins again with another column
    /// list or row filter, or after it is created again.
    AddPublicationTable {
        publication: String,
        table: PublishedTable,
    },
    /// `ALTER PUBLICATION … DROP TABLE`; `rejoins` when the table is added back in the same
    /// plan.
    DropPublicationTable {
        publication: String,
        table: PublishedTable,
        rejoins: bool,
    },
    SetComment {
        target: CommentTarget,
        comment: Pair<Option<String>>,
    },
    Privileges(AclChange),
    DefaultPrivileges(DefaultAclChange),
    /// `ALTER … OWNER TO` (with `--owners`).
    SetOwner(OwnerChange),
}

impl Change {
    /// The change's kind as its JSON tags it (`create_table`). The tag is written first, so
    /// serialising stops there instead of writing out a whole table.
    pub fn kind(&self) -> String {
        /// Takes what is written until the tag's value is complete, then refuses more.
        struct UpToTag(Vec<u8>);
        impl std::io::Write for UpToTag {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.extend_from_slice(bytes);
                match self.0.iter().filter(|&&b| b == b'"').count() {
                    ..4 => Ok(bytes.len()),
                    _ => Err(std::io::ErrorKind::WriteZero.into()),
                }
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut written = UpToTag(Vec::new());
        let _ = serde_json::to_writer(&mut written, self);
        let text = String::from_utf8_lossy(&written.0);
        text.split('"').nth(3).unwrap_or_default().to_string()
    }
}

/// The changes that turn `from` into `to`, in a deterministic order (the planner decides the
/// order they run in).
pub fn diff(from: &Catalog, to: &Catalog) -> Vec<Change> {
    let catalogs = Pair::new(from, to);
    let mut changes = Vec::new();
    objects::diff_schemas(&catalogs, &mut changes);
    objects::diff_extensions(&catalogs, &mut changes);
    objects::diff_enums(&catalogs, &mut changes);
    types::diff_collations(&catalogs, &mut changes);
    types::diff_domains(&catalogs, &mut changes);
    types::diff_composite_types(&catalogs, &mut changes);
    types::diff_range_types(&catalogs, &mut changes);
    objects::diff_sequences(&catalogs, &mut changes);
    // what several kinds are rebuilt around, found once
    let recreated_views = views::recreated_views(&catalogs);
    let rebuilt = triggers::Rebuilt::new(&catalogs, &recreated_views);
    objects::diff_functions(&catalogs, &recreated_views, &mut changes);
    tables::diff_tables(&catalogs, &mut changes);
    tables::diff_indexes(&catalogs, &recreated_views, &mut changes);
    statistics::diff_statistics(&catalogs, &recreated_views, &mut changes);
    views::diff_views(&catalogs, &recreated_views, &mut changes);
    triggers::diff_row_security(&catalogs, &mut changes);
    triggers::diff_triggers(&catalogs, &rebuilt, &mut changes);
    rules::diff_rules(&catalogs, &rebuilt, &mut changes);
    triggers::diff_policies(&catalogs, &rebuilt, &mut changes);
    publications::diff_publications(&catalogs, &rebuilt, &mut changes);
    event_triggers::diff_event_triggers(&catalogs, &mut changes);
    foreign::diff_foreign(&catalogs, &mut changes);
    subscriptions::diff_subscriptions(&catalogs, &mut changes);
    text_search::diff_text_search(&catalogs, &mut changes);
    let mut casts = Vec::new();
    casts::diff_casts(&catalogs, &changes, &mut casts);
    operators::diff_operators(&catalogs, &changes, &mut casts);
    changes.extend(casts);
    let privileges = privileges::diff_privileges(&catalogs, &changes);
    let owners = privileges::diff_owners(&catalogs, &changes);
    changes.extend(privileges);
    changes.extend(owners);
    changes
}

/// Emits a comment change when the comments differ.
fn diff_comment(target: CommentTarget, comment: Pair<&Option<String>>, out: &mut Vec<Change>) {
    if comment.from != comment.to {
        out.push(Change::SetComment {
            target,
            comment: comment.map(Clone::clone),
        });
    }
}
