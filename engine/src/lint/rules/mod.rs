//! The rules, one file each. A rule looks at one statement with what the file did before it
//! and reports findings; it keeps no state of its own (`super::state` does).

mod add_required_column;
mod cast;
mod concurrently_in_transaction;
mod constraint_not_valid;
mod constraint_without_index;
mod data_statement;
mod discouraged_type;
mod domain_constraint;
mod drop_interface;
mod drop_not_null;
mod drop_object;
mod enum_value_in_transaction;
mod index_without_concurrently;
mod lock_timeout;
mod nested_transaction;
mod not_idempotent;
mod operator;
mod partition;
mod publication;
mod rename;
mod rule;
mod secret;
mod security;
mod set_not_null;
mod subscription;
mod text_search;
mod truncate;
mod type_change;
mod volatile_default;

use pg_query::protobuf::{
    AlterTableCmd, AlterTableStmt, AlterTableType, ColumnDef, ConstrType, RangeVar, Token,
};
use pg_query::NodeEnum;

use super::state::State;
use super::{Context, Settings};
use crate::hazard::{HazardKind, Severity};
use crate::model::QualifiedName;

pub(super) use cast::cast_key;
pub(super) use lock_timeout::locks_existing_table;
pub(super) use operator::{defined_operator_key, family_or_class};
pub(super) use publication::{publication_key, published_table_key};
pub(super) use rule::rule_key;
pub(super) use subscription::subscription_key;
pub(super) use text_search::{kind_of as text_search_kind, text_search_key};

/// Every rule, in the order their findings on one statement are listed.
pub(super) const RULES: &[fn(&Check, &mut Findings)] = &[
    add_required_column::check,
    cast::check,
    concurrently_in_transaction::check,
    constraint_not_valid::check,
    constraint_without_index::check,
    data_statement::check,
    discouraged_type::check,
    domain_constraint::check,
    drop_interface::check,
    drop_not_null::check,
    drop_object::check,
    enum_value_in_transaction::check,
    index_without_concurrently::check,
    lock_timeout::check,
    nested_transaction::check,
    not_idempotent::check,
    operator::check,
    partition::check,
    publication::check,
    rename::check,
    rule::check,
    secret::check,
    security::check,
    set_not_null::check,
    subscription::check,
    text_search::check,
    truncate::check,
    type_change::check,
    volatile_default::check,
];

/// One statement of a file.
pub struct Statement<'a> {
    pub node: &'a NodeEnum,
    /// Its text, from its first token.
    pub text: &'a str,
    /// The byte offset of its first token in the file.
    pub start: usize,
    /// The byte offset parse-tree locations count from.
    pub base: usize,
}

impl Statement<'_> {
    /// The file offset of a parse-tree location; the statement's start when it has none.
    pub fn at(&self, location: i32) -> usize {
        if location >= 0 {
            self.base + location as usize
        } else {
            self.start
        }
    }
}

/// What a rule sees.
pub struct Check<'a> {
    pub statement: &'a Statement<'a>,
    pub state: &'a State,
    pub settings: &'a Settings,
    pub context: &'a Context,
}

impl Check<'_> {
    /// The relation's name when it existed before the file.
    pub fn existing(&self, relation: Option<&RangeVar>) -> Option<QualifiedName> {
        self.state.existing(relation)
    }

    /// The statement as `ALTER TABLE` of a table that existed before the file, with its
    /// subcommands.
    pub fn alter_existing_table(&self) -> Option<(QualifiedName, Vec<&AlterTableCmd>)> {
        let NodeEnum::AlterTableStmt(stmt) = self.statement.node else {
            return None;
        };
        let table = self.existing(stmt.relation.as_ref())?;
        Some((table, commands(stmt)))
    }

    /// [`Self::alter_existing_table`] when the table's rows are stored here: a foreign
    /// table's are elsewhere, so altering it rewrites and scans nothing.
    pub fn alter_stored_table(&self) -> Option<(QualifiedName, Vec<&AlterTableCmd>)> {
        let NodeEnum::AlterTableStmt(stmt) = self.statement.node else {
            return None;
        };
        if stmt.objtype == pg_query::protobuf::ObjectType::ObjectForeignTable as i32 {
            return None;
        }
        self.alter_existing_table()
    }

    /// Where a subcommand of the statement (an `ALTER TABLE`) starts; the statement's start
    /// when it cannot be told.
    pub fn at_command(&self, cmd: &AlterTableCmd) -> usize {
        let NodeEnum::AlterTableStmt(stmt) = self.statement.node else {
            return self.statement.start;
        };
        let index = commands(stmt).iter().position(|c| std::ptr::eq(*c, cmd));
        let offsets = command_offsets(self.statement, stmt);
        let found = index.and_then(|i| offsets.get(i).copied());
        // only as many commands as the tree has: otherwise a comma was not a separator
        match (found, offsets.len() == stmt.cmds.len()) {
            (Some(offset), true) => offset,
            _ => self.statement.start,
        }
    }
}

/// Where each subcommand of an `ALTER TABLE` starts in the file: the first token after the
/// table's name, then the first after each comma outside parentheses. The parse tree gives
/// subcommands no position, and a finding on the third line of a multi-line `ALTER TABLE`
/// belongs on that line.
pub fn command_offsets(statement: &Statement, stmt: &AlterTableStmt) -> Vec<usize> {
    let Some(relation) = &stmt.relation else {
        return Vec::new();
    };
    let Ok(scanned) = pg_query::scan(statement.text) else {
        return Vec::new();
    };
    let name_at = statement
        .at(relation.location)
        .saturating_sub(statement.start) as i32;
    let mut tokens = scanned.tokens.iter().skip_while(|t| t.start < name_at);
    // the name: `name` or `schema.name`, then the first command's first token
    let mut first = tokens.nth(1);
    if first.is_some_and(|t| t.token == Token::Ascii46 as i32) {
        first = tokens.nth(1);
    }
    let mut offsets: Vec<usize> = first.map(|t| t.start as usize).into_iter().collect();
    let mut depth = 0;
    let mut after_comma = false;
    for token in tokens {
        if after_comma {
            offsets.push(token.start as usize);
            after_comma = false;
        }
        match Token::try_from(token.token) {
            Ok(Token::Ascii40) => depth += 1,
            Ok(Token::Ascii41) => depth -= 1,
            Ok(Token::Ascii44) if depth == 0 => after_comma = true,
            _ => {}
        }
    }
    offsets.iter().map(|o| statement.start + o).collect()
}

/// The subcommands of an `ALTER TABLE`.
pub fn commands(stmt: &AlterTableStmt) -> Vec<&AlterTableCmd> {
    (stmt.cmds.iter())
        .filter_map(|cmd| match &cmd.node {
            Some(NodeEnum::AlterTableCmd(cmd)) => Some(cmd.as_ref()),
            _ => None,
        })
        .collect()
}

/// The column definition a subcommand carries (`ADD COLUMN`, `ALTER COLUMN … TYPE`).
pub fn column_def(cmd: &AlterTableCmd) -> Option<&ColumnDef> {
    match cmd.def.as_deref()?.node.as_ref()? {
        NodeEnum::ColumnDef(column) => Some(column),
        _ => None,
    }
}

/// The constraint a subcommand carries (`ADD CONSTRAINT`).
pub fn constraint_def(cmd: &AlterTableCmd) -> Option<&pg_query::protobuf::Constraint> {
    match cmd.def.as_deref()?.node.as_ref()? {
        NodeEnum::Constraint(constraint) => Some(constraint),
        _ => None,
    }
}

/// The constraints a subcommand adds: `ADD CONSTRAINT`'s, or those written on an added
/// column; none for other subcommands.
pub fn added_constraints(cmd: &AlterTableCmd) -> Vec<&pg_query::protobuf::Constraint> {
    match AlterTableType::try_from(cmd.subtype) {
        Ok(AlterTableType::AtAddConstraint) => constraint_def(cmd).into_iter().collect(),
        Ok(AlterTableType::AtAddColumn) => column_def(cmd)
            .map(|column| column_constraints(column).map(|(_, c)| c).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The constraints written on a column, with their kinds.
pub fn column_constraints(
    column: &ColumnDef,
) -> impl Iterator<Item = (ConstrType, &pg_query::protobuf::Constraint)> {
    column
        .constraints
        .iter()
        .filter_map(|node| match &node.node {
            Some(NodeEnum::Constraint(c)) => ConstrType::try_from(c.contype)
                .ok()
                .map(|k| (k, c.as_ref())),
            _ => None,
        })
}

/// The last part of a type's name, lowercased (`varchar`, `int4`, `timestamp`).
pub fn type_base(column: &ColumnDef) -> String {
    (column.type_name.as_ref())
        .and_then(|t| t.names.last())
        .and_then(crate::normalize::definitions::string_of)
        .unwrap_or_default()
        .to_lowercase()
}

/// One hazard a rule found, before it is placed on its line.
pub struct Found {
    pub kind: HazardKind,
    pub severity: Severity,
    pub offset: usize,
    /// The offset of the statement it is on, whose allow comment may silence it.
    pub statement: usize,
    pub message: String,
    pub help: String,
    /// The existing table it locks, which `--db` ranks by size.
    pub table: Option<QualifiedName>,
    /// For a drop, the object (`view public.v`, `policy p on public.t`): when the file
    /// creates it again, the finding becomes a recreated dependent.
    pub recreated: Option<String>,
}

/// What the rules found so far in a file.
#[derive(Default)]
pub struct Findings {
    found: Vec<Found>,
    /// The statement being checked.
    pub statement: usize,
}

impl Findings {
    /// Records a hazard at a file offset, with the kind's severity.
    pub fn add(
        &mut self,
        kind: HazardKind,
        offset: usize,
        message: String,
        help: &str,
    ) -> &mut Found {
        self.found.push(Found {
            kind,
            severity: kind.severity(),
            offset,
            statement: self.statement,
            message,
            help: help.to_string(),
            table: None,
            recreated: None,
        });
        self.found.last_mut().expect("just pushed")
    }

    pub fn into_vec(self) -> Vec<Found> {
        self.found
    }
}

impl Found {
    /// The dropped object, by its `State::creates` key.
    pub fn dropping(&mut self, key: String) -> &mut Self {
        self.recreated = Some(key);
        self
    }

    /// The existing table the statement locks.
    pub fn on(&mut self, table: &QualifiedName) -> &mut Self {
        self.table = Some(table.clone());
        self
    }
}

/// The line of each finding of hazard `id` when `sql` is linted with `settings`.
#[cfg(test)]
pub fn lines_with(settings: &Settings, sql: &str, id: &str) -> Vec<usize> {
    let file = crate::source::SqlFile {
        name: "test.sql".into(),
        text: sql.into(),
    };
    super::lint(&file, settings, &super::Context::default())
        .expect("the test SQL parses")
        .into_iter()
        .filter(|f| f.id == id)
        .map(|f| f.span.line)
        .collect()
}

/// The line of each finding of hazard `id` when `sql` is linted with the default settings.
#[cfg(test)]
pub fn lines(sql: &str, id: &str) -> Vec<usize> {
    lines_with(&Settings::default(), sql, id)
}
