//! Directive comments in desired-state SQL: `-- schemadiff:renamed-from OLD` and
//! `-- schemadiff:backfill EXPR`.
//!
//! A desired state says what the schema is, not how it got there; a rename and a drop plus an
//! add look the same in a catalog. The few facts the diff cannot infer are declared in
//! comments next to the table or column they are about, and comments never reach a catalog,
//! so they are read here from the text: the scanner finds the comments (and skips the ones
//! inside string bodies), the parse tree says which lines hold a `CREATE TABLE` or a column.

use std::collections::{HashMap, HashSet};

use pg_query::protobuf::{self, CreateStmt, ScanToken, Token};
use pg_query::NodeEnum;
use serde::Serialize;

use super::sql::location::problem_at;
use super::SqlFile;
use crate::error::{Error, SourceProblem, Span};
use crate::model::QualifiedName;
use crate::normalize::definitions::relation_name;
use crate::render::quote::quote_ident;

/// What the desired state declares about how it was reached, beyond its shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Intent {
    pub table_renames: Vec<TableRename>,
    pub column_renames: Vec<ColumnRename>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub publication_renames: Vec<PublicationRename>,
    pub backfills: Vec<Backfill>,
}

/// A publication that the desired state names `to` and that was named `from` before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicationRename {
    pub from: String,
    pub to: String,
    pub span: Option<Span>,
}

/// A table that the desired state names `to` and that was named `from` before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TableRename {
    pub from: QualifiedName,
    pub to: QualifiedName,
    /// Where it was declared; `None` for a command-line `--rename`.
    pub span: Option<Span>,
}

/// A column renamed from `from` to `to`. `table` is the table's name in the desired state
/// (after any table rename).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ColumnRename {
    pub table: QualifiedName,
    pub from: String,
    pub to: String,
    /// Where it was declared; `None` for a command-line `--rename`.
    pub span: Option<Span>,
}

/// The expression that fills `column` of `table` when it becomes (or is added as) NOT NULL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Backfill {
    pub table: QualifiedName,
    pub column: String,
    /// SQL text as written in the directive; it parses as one expression.
    pub expression: String,
    pub span: Option<Span>,
}

/// A rename given on the command line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Rename {
    Table(TableRename),
    Column(ColumnRename),
}

impl Intent {
    /// Adds a rename declared outside the files (`--rename`).
    pub fn add(&mut self, rename: Rename) {
        match rename {
            Rename::Table(rename) => self.table_renames.push(rename),
            Rename::Column(rename) => self.column_renames.push(rename),
        }
    }
}

/// Reads the directives of desired-state files, in file order then position. Every problem is
/// collected; a file that does not parse gives no directives (loading it reports why).
pub fn read(files: &[SqlFile]) -> Result<Intent, Error> {
    let mut reader = Reader::default();
    for file in files {
        reader.read_file(file);
    }
    if reader.problems.is_empty() {
        Ok(reader.intent)
    } else {
        Err(Error::Source(reader.problems))
    }
}

/// `--rename schema.table.old=new` (a column) or `--rename schema.old=new` (a table).
pub fn parse_rename_option(text: &str) -> Result<Rename, String> {
    let invalid = || {
        format!(
            "`{text}` is not a rename: expected `schema.table.old=new` for a column or `schema.old=new` for a table"
        )
    };
    let (left, rest) = identifiers(text.trim()).ok_or_else(invalid)?;
    let rest = rest.strip_prefix('=').ok_or_else(invalid)?;
    let (right, rest) = identifiers(rest).ok_or_else(invalid)?;
    let ([new], true) = (right.as_slice(), rest.is_empty()) else {
        return Err(invalid());
    };
    match left.as_slice() {
        [schema, old] => Ok(Rename::Table(TableRename {
            from: QualifiedName::new(schema, old),
            to: QualifiedName::new(schema, new),
            span: None,
        })),
        [schema, table, old] => Ok(Rename::Column(ColumnRename {
            table: QualifiedName::new(schema, table),
            from: old.clone(),
            to: new.clone(),
            span: None,
        })),
        _ => Err(invalid()),
    }
}

const KNOWN_HELP: &str =
    "the known directives are `schemadiff:renamed-from OLD` and `schemadiff:backfill EXPR`";
const PLACEMENT_HELP: &str = "put the directive at the end of a column's line or of a CREATE TABLE or CREATE PUBLICATION line, or alone on the line directly above it";
const BACKFILL_HELP: &str = "`schemadiff:backfill` fills a column: put it at the end of the column's line, or alone on the line directly above it";

/// What a directive can be about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Target {
    Table(QualifiedName),
    Column {
        table: QualifiedName,
        column: String,
    },
    Publication(String),
}

impl Target {
    fn describe(&self) -> String {
        match self {
            Target::Table(table) => format!("table `{table}`"),
            Target::Column { table, column } => {
                format!("column `{table}.{}`", quote_ident(column))
            }
            Target::Publication(name) => format!("publication `{name}`"),
        }
    }
}

/// A `-- schemadiff:WORD ARGUMENT` comment.
struct Directive<'a> {
    /// Byte offset of the `--`.
    offset: usize,
    /// 0-based line.
    line: usize,
    /// Nothing but white space before it on its line.
    alone: bool,
    word: &'a str,
    argument: &'a str,
}

#[derive(Default)]
struct Reader {
    intent: Intent,
    problems: Vec<SourceProblem>,
    /// (target, directive word) already declared, to refuse a second one.
    seen: HashSet<(Target, String)>,
}

impl Reader {
    fn read_file(&mut self, file: &SqlFile) {
        // most files have none, and a large one need not be scanned whole for them
        if !file.text.contains("schemadiff:") {
            return;
        }
        let Ok(scanned) = pg_query::scan(&file.text) else {
            return;
        };
        let lines = Lines::new(&file.text);
        let directives = directives(&file.text, &scanned.tokens, &lines);
        // the word may be in a string or a `/* */` comment only: then nothing is parsed again
        if directives.is_empty() {
            return;
        }
        let Ok(parsed) = pg_query::parse(&file.text, 0) else {
            return;
        };
        let anchors = anchors(&parsed.protobuf, &scanned.tokens, &lines);
        // a stack of directive lines above a definition all attach to it
        let stacked: HashSet<usize> = directives
            .iter()
            .filter(|d| d.alone)
            .map(|d| d.line)
            .collect();
        for directive in &directives {
            let mut line = directive.line;
            if directive.alone {
                line += 1;
                while stacked.contains(&line) {
                    line += 1;
                }
            }
            let targets = anchors.get(&line).map_or(&[][..], Vec::as_slice);
            if let Err((message, help)) = self.directive(file, directive, targets) {
                self.problems
                    .push(problem_at(file, directive.offset, message, Some(help)));
            }
        }
    }

    /// Records one directive attached to the definitions of its line.
    fn directive(
        &mut self,
        file: &SqlFile,
        directive: &Directive,
        targets: &[Target],
    ) -> Result<(), (String, String)> {
        let word = directive.word;
        if word != "renamed-from" && word != "backfill" {
            let message = format!("unknown directive `schemadiff:{word}`");
            return Err((message, KNOWN_HELP.into()));
        }
        let target = attach(word, targets)?;
        // only a directive that was recorded makes a later one a duplicate
        let key = (target.clone(), word.to_string());
        if self.seen.contains(&key) {
            let message = format!("a second `schemadiff:{word}` for {}", target.describe());
            return Err((message, format!("keep one `schemadiff:{word}`")));
        }
        let span = Some(problem_at(file, directive.offset, String::new(), None).span);
        match (word, target) {
            ("renamed-from", Target::Table(to)) => {
                let from = old_table_name(directive.argument, to)?;
                let to = to.clone();
                self.intent
                    .table_renames
                    .push(TableRename { from, to, span });
            }
            ("renamed-from", Target::Column { table, column }) => {
                let from = old_name("column", directive.argument)?;
                self.intent.column_renames.push(ColumnRename {
                    table: table.clone(),
                    from,
                    to: column.clone(),
                    span,
                });
            }
            ("renamed-from", Target::Publication(to)) => {
                let from = old_name("publication", directive.argument)?;
                self.intent.publication_renames.push(PublicationRename {
                    from,
                    to: to.clone(),
                    span,
                });
            }
            (_, Target::Table(_) | Target::Publication(_)) => {
                let message = format!(
                    "`schemadiff:backfill` is attached to {}, not to a column",
                    target.describe()
                );
                return Err((message, BACKFILL_HELP.into()));
            }
            (_, Target::Column { table, column }) => {
                let expression = directive.argument.to_string();
                check_expression(&expression)?;
                self.intent.backfills.push(Backfill {
                    table: table.clone(),
                    column: column.clone(),
                    expression,
                    span,
                });
            }
        }
        self.seen.insert(key);
        Ok(())
    }
}

/// The one table or column among those defined on a directive's line that it is about.
fn attach<'t>(word: &str, targets: &'t [Target]) -> Result<&'t Target, (String, String)> {
    // on a one-line CREATE TABLE the directive is about the table, as documented
    let tables: Vec<&Target> = targets
        .iter()
        .filter(|t| matches!(t, Target::Table(_) | Target::Publication(_)))
        .collect();
    let candidates = if tables.is_empty() {
        targets.iter().collect()
    } else {
        tables
    };
    match candidates.as_slice() {
        [target] => Ok(target),
        [] => Err((
            format!("`schemadiff:{word}` is not attached to a table or column"),
            PLACEMENT_HELP.into(),
        )),
        _ => Err((
            format!("`schemadiff:{word}` is on a line that defines more than one table or column"),
            "put each table and column on its own line, so that the directive names one".into(),
        )),
    }
}

/// The `-- schemadiff:` comments among the scanner's tokens; `/* */` comments are not
/// directives, and comments inside strings are not tokens at all.
fn directives<'a>(text: &'a str, tokens: &[ScanToken], lines: &Lines) -> Vec<Directive<'a>> {
    tokens
        .iter()
        .filter(|token| token.token == Token::SqlComment as i32)
        .filter_map(|token| {
            let start = usize::try_from(token.start).ok()?;
            let end = usize::try_from(token.end).ok()?;
            let body = text.get(start..end)?.strip_prefix("--")?.trim_start();
            let body = body.strip_prefix("schemadiff:")?;
            let (word, argument) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
            let line = lines.line_of(start);
            Some(Directive {
                offset: start,
                line,
                alone: text
                    .get(lines.starts[line]..start)
                    .is_some_and(|before| before.trim().is_empty()),
                word: word.trim(),
                argument: argument.trim(),
            })
        })
        .collect()
}

/// The tables, columns and publications defined on each 0-based line: a table or publication
/// on the line of its `CREATE`, a column on the line of its name.
fn anchors(
    parsed: &protobuf::ParseResult,
    tokens: &[ScanToken],
    lines: &Lines,
) -> HashMap<usize, Vec<Target>> {
    let mut anchors: HashMap<usize, Vec<Target>> = HashMap::new();
    let mut add = |stmt: &CreateStmt, schema: Option<&str>| {
        for (line, target) in table_anchors(stmt, schema, tokens, lines) {
            anchors.entry(line).or_default().push(target);
        }
    };
    let mut publications = Vec::new();
    for raw in &parsed.stmts {
        match raw.stmt.as_ref().and_then(|s| s.node.as_ref()) {
            Some(NodeEnum::CreateStmt(stmt)) => add(stmt, None),
            Some(NodeEnum::CreatePublicationStmt(stmt)) => {
                // the statement's first `CREATE`
                let start = raw.stmt_location;
                let create = tokens
                    .iter()
                    .find(|t| t.token == Token::Create as i32 && t.start >= start);
                if let Some(create) = create {
                    let line = lines.line_of(create.start as usize);
                    publications.push((line, Target::Publication(stmt.pubname.clone())));
                }
            }
            Some(NodeEnum::CreateSchemaStmt(schema)) => {
                // `CREATE SCHEMA AUTHORIZATION r` names the schema after its owner
                let name = match (&schema.authrole, schema.schemaname.is_empty()) {
                    (Some(role), true) => role.rolename.clone(),
                    _ => schema.schemaname.clone(),
                };
                for element in &schema.schema_elts {
                    if let Some(NodeEnum::CreateStmt(stmt)) = &element.node {
                        add(stmt, Some(&name));
                    }
                }
            }
            _ => {}
        }
    }
    for (line, target) in publications {
        anchors.entry(line).or_default().push(target);
    }
    anchors
}

/// The table of one `CREATE TABLE` and its columns, each with its line. `schema` is the
/// schema of a `CREATE SCHEMA` the statement is an element of.
fn table_anchors(
    stmt: &CreateStmt,
    schema: Option<&str>,
    tokens: &[ScanToken],
    lines: &Lines,
) -> Vec<(usize, Target)> {
    let Some(relation) = &stmt.relation else {
        return Vec::new();
    };
    let mut table = relation_name(relation);
    if let (Some(schema), true) = (schema, relation.schemaname.is_empty()) {
        table.schema = schema.to_string();
    }
    // the statement's `CREATE` is the last one before the table's name
    let create = tokens
        .iter()
        .rfind(|t| t.token == Token::Create as i32 && t.start <= relation.location);
    let mut anchors = Vec::new();
    if let Some(create) = create {
        let line = lines.line_of(create.start as usize);
        anchors.push((line, Target::Table(table.clone())));
    }
    for element in &stmt.table_elts {
        if let Some(NodeEnum::ColumnDef(column)) = &element.node {
            if let Ok(location) = usize::try_from(column.location) {
                let column = column.colname.clone();
                let table = table.clone();
                anchors.push((lines.line_of(location), Target::Column { table, column }));
            }
        }
    }
    anchors
}

/// The `OLD` of a table's `renamed-from`: `name` in the table's schema, or `schema.name`.
fn old_table_name(
    argument: &str,
    table: &QualifiedName,
) -> Result<QualifiedName, (String, String)> {
    let names = identifiers(argument).filter(|(_, rest)| rest.is_empty());
    match names.as_ref().map(|(names, _)| names.as_slice()) {
        Some([name]) => return Ok(QualifiedName::new(&table.schema, name)),
        Some([schema, name]) => return Ok(QualifiedName::new(schema, name)),
        _ => {}
    }
    Err((
        format!("`schemadiff:renamed-from` needs the table's old name{}", found(argument)),
        "write `-- schemadiff:renamed-from old_name` or `-- schemadiff:renamed-from schema.old_name`, quoted as in SQL to keep upper case".into(),
    ))
}

/// The `OLD` of a column's or a publication's `renamed-from`: one identifier.
fn old_name(kind: &str, argument: &str) -> Result<String, (String, String)> {
    match identifiers(argument) {
        Some((mut names, "")) if names.len() == 1 => Ok(names.remove(0)),
        _ => Err((
            format!(
                "`schemadiff:renamed-from` needs the {kind}'s old name{}",
                found(argument)
            ),
            "write `-- schemadiff:renamed-from old_name`, quoted as in SQL to keep upper case"
                .into(),
        )),
    }
}

fn found(argument: &str) -> String {
    if argument.is_empty() {
        String::new()
    } else {
        format!(", found `{argument}`")
    }
}

/// Checks that a backfill is one SQL expression, since the plan writes it into an `UPDATE`.
fn check_expression(expression: &str) -> Result<(), (String, String)> {
    let help = || {
        "write one SQL expression after `schemadiff:backfill`, such as `0` or `coalesce(email, '')`"
            .to_string()
    };
    if expression.is_empty() {
        return Err(("`schemadiff:backfill` needs an expression".into(), help()));
    }
    let statement = format!("SELECT {expression}");
    let parsed = match pg_query::parse(&statement, 0) {
        Ok(parsed) => parsed,
        Err(error) => {
            let error = match error {
                pg_query::Error::Parse(message) => message,
                other => other.to_string(),
            };
            let message = format!("the backfill `{expression}` does not parse: {error}");
            return Err((message, help()));
        }
    };
    // a `;` or a comment would cut off what the plan writes after the expression
    let cuts = pg_query::scan(&statement).map_or(true, |scanned| {
        scanned.tokens.iter().any(|t| {
            [Token::Ascii59, Token::SqlComment, Token::CComment]
                .iter()
                .any(|kind| t.token == *kind as i32)
        })
    });
    let single = match parsed.protobuf.stmts.as_slice() {
        [raw] => match raw.stmt.as_ref().and_then(|s| s.node.as_ref()) {
            Some(NodeEnum::SelectStmt(select)) => is_one_expression(select),
            _ => false,
        },
        _ => false,
    };
    if cuts || !single {
        let message = format!("the backfill `{expression}` is not a single expression");
        return Err((message, help()));
    }
    Ok(())
}

/// A `SELECT` of one unnamed expression that is not `*`, and nothing else (no `FROM`,
/// `WHERE`, set operation…).
fn is_one_expression(select: &protobuf::SelectStmt) -> bool {
    let [target] = select.target_list.as_slice() else {
        return false;
    };
    let Some(NodeEnum::ResTarget(target)) = &target.node else {
        return false;
    };
    let value = target.val.as_ref().and_then(|v| v.node.as_ref());
    let star = matches!(value, Some(NodeEnum::ColumnRef(c))
        if matches!(c.fields.last().and_then(|f| f.node.as_ref()), Some(NodeEnum::AStar(_))));
    // compared with a plain `SELECT 1` because the parser's defaults are not protobuf's
    let bare = |select: &protobuf::SelectStmt| protobuf::SelectStmt {
        target_list: Vec::new(),
        ..select.clone()
    };
    let reference = match pg_query::parse("SELECT 1", 0) {
        Ok(parsed) => match parsed
            .protobuf
            .stmts
            .first()
            .and_then(|r| r.stmt.as_deref())
        {
            Some(protobuf::Node {
                node: Some(NodeEnum::SelectStmt(reference)),
            }) => bare(reference),
            _ => return false,
        },
        Err(_) => return false,
    };
    target.name.is_empty() && !star && bare(select) == reference
}

/// SQL identifiers separated by dots at the start of `text`: unquoted ones folded to lower
/// case, quoted ones kept as written. Returns the names and what follows them.
fn identifiers(text: &str) -> Option<(Vec<String>, &str)> {
    let mut names = Vec::new();
    let mut rest = text;
    loop {
        let (name, after) = identifier(rest)?;
        names.push(name);
        match after.strip_prefix('.') {
            Some(next) => rest = next,
            None => return Some((names, after)),
        }
    }
}

/// One identifier at the start of `text`, and what follows it.
fn identifier(text: &str) -> Option<(String, &str)> {
    if let Some(quoted) = text.strip_prefix('"') {
        let mut name = String::new();
        let mut chars = quoted.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '"' {
                name.push(c);
            } else if quoted[i + 1..].starts_with('"') {
                // `""` is a quote inside the name
                name.push('"');
                chars.next();
            } else {
                return (!name.is_empty()).then(|| (name, &quoted[i + 1..]));
            }
        }
        return None;
    }
    let first = text.chars().next()?;
    if !(first.is_alphabetic() || first == '_') {
        return None;
    }
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(text.len());
    // PostgreSQL folds only ASCII letters of unquoted names
    Some((text[..end].to_ascii_lowercase(), &text[end..]))
}

/// Line starts of a text, to turn byte offsets into 0-based lines.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let breaks = text.match_indices('\n').map(|(i, _)| i + 1);
        Lines {
            starts: std::iter::once(0).chain(breaks).collect(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SqlFile {
        SqlFile {
            name: "schema.sql".into(),
            text: text.into(),
        }
    }

    fn intent(text: &str) -> Intent {
        read(&[file(text)]).expect("directives read")
    }

    /// The problems of a text, as `span: message` and help.
    fn problems(text: &str) -> Vec<(String, Option<String>)> {
        match read(&[file(text)]) {
            Err(Error::Source(problems)) => problems
                .into_iter()
                .map(|p| (format!("{}: {}", p.span, p.message), p.help))
                .collect(),
            other => panic!("expected problems, got {other:?}"),
        }
    }

    fn span(line: usize, column: usize) -> Option<Span> {
        Some(Span {
            file: "schema.sql".into(),
            line,
            column,
        })
    }

    fn users() -> QualifiedName {
        QualifiedName::new("public", "users")
    }

    #[test]
    fn column_renames_trailing_and_on_the_line_above() {
        let intent = intent(
            "CREATE TABLE users (\n  id int,\n  email text, -- schemadiff:renamed-from mail\n  -- schemadiff:renamed-from Nick\n  nickname text\n);\n",
        );
        assert_eq!(
            intent.column_renames,
            vec![
                ColumnRename {
                    table: users(),
                    from: "mail".into(),
                    to: "email".into(),
                    span: span(3, 15),
                },
                ColumnRename {
                    table: users(),
                    from: "nick".into(),
                    to: "nickname".into(),
                    span: span(4, 3),
                },
            ]
        );
        assert!(intent.table_renames.is_empty());
        assert!(intent.backfills.is_empty());
    }

    #[test]
    fn table_renames_trailing_and_on_the_line_above() {
        let intent = intent(
            "CREATE TABLE users ( -- schemadiff:renamed-from people\n  id int\n);\n\n-- schemadiff:renamed-from archive.old_orders\nCREATE TABLE app.orders (id int);\n",
        );
        assert_eq!(
            intent.table_renames,
            vec![
                TableRename {
                    from: QualifiedName::new("public", "people"),
                    to: users(),
                    span: span(1, 22),
                },
                TableRename {
                    from: QualifiedName::new("archive", "old_orders"),
                    to: QualifiedName::new("app", "orders"),
                    span: span(5, 1),
                },
            ]
        );
        assert!(intent.column_renames.is_empty());
    }

    #[test]
    fn publication_renames_trailing_and_on_the_line_above() {
        let intent = intent(
            "CREATE PUBLICATION feed FOR TABLE t; -- schemadiff:renamed-from old_feed\n\n-- schemadiff:renamed-from \"Old\"\nCREATE PUBLICATION \"New\"\n  FOR TABLE t;\n",
        );
        assert_eq!(
            intent.publication_renames,
            vec![
                PublicationRename {
                    from: "old_feed".into(),
                    to: "feed".into(),
                    span: span(1, 38),
                },
                PublicationRename {
                    from: "Old".into(),
                    to: "New".into(),
                    span: span(3, 1),
                },
            ]
        );
        assert!(intent.table_renames.is_empty());
    }

    #[test]
    fn quoted_identifiers_keep_their_case() {
        let intent = intent(
            "CREATE TABLE \"App\".\"Users\" ( -- schemadiff:renamed-from \"Old\".\"My \"\"Users\"\"\"\n  \"Email\" text -- schemadiff:renamed-from \"Mail\"\n);\n",
        );
        let table = QualifiedName::new("App", "Users");
        assert_eq!(
            intent.table_renames[0].from,
            QualifiedName::new("Old", "My \"Users\"")
        );
        assert_eq!(intent.table_renames[0].to, table);
        assert_eq!(
            intent.column_renames,
            vec![ColumnRename {
                table,
                from: "Mail".into(),
                to: "Email".into(),
                span: span(2, 16),
            }]
        );
    }

    #[test]
    fn stacked_directives_above_a_column_and_a_backfill_reading_other_columns() {
        let intent = intent(
            "CREATE SCHEMA app\n  CREATE TABLE users (\n    login text,\n    -- schemadiff:renamed-from mail\n    -- schemadiff:backfill coalesce(email, 'x')\n    email text NOT NULL\n  );\n",
        );
        let table = QualifiedName::new("app", "users");
        assert_eq!(
            intent.column_renames,
            vec![ColumnRename {
                table: table.clone(),
                from: "mail".into(),
                to: "email".into(),
                span: span(4, 5),
            }]
        );
        assert_eq!(
            intent.backfills,
            vec![Backfill {
                table,
                column: "email".into(),
                expression: "coalesce(email, 'x')".into(),
                span: span(5, 5),
            }]
        );
    }

    #[test]
    fn an_unknown_directive_is_an_error() {
        assert_eq!(
            problems("CREATE TABLE users (\n  id int -- schemadiff:renamed mail\n);\n"),
            vec![(
                "schema.sql:2:10: unknown directive `schemadiff:renamed`".into(),
                Some(KNOWN_HELP.into()),
            )]
        );
    }

    #[test]
    fn a_directive_attached_to_nothing_is_an_error() {
        assert_eq!(
            problems(
                "-- schemadiff:renamed-from people\n\nCREATE TABLE users (\n  id int,\n  PRIMARY KEY (id) -- schemadiff:backfill 0\n);\n"
            ),
            vec![
                (
                    "schema.sql:1:1: `schemadiff:renamed-from` is not attached to a table or column"
                        .into(),
                    Some(PLACEMENT_HELP.into()),
                ),
                (
                    "schema.sql:5:20: `schemadiff:backfill` is not attached to a table or column"
                        .into(),
                    Some(PLACEMENT_HELP.into()),
                ),
            ]
        );
    }

    #[test]
    fn misplaced_duplicated_and_malformed_directives_are_errors() {
        let found = problems(
            "CREATE TABLE users ( -- schemadiff:backfill 0\n  -- schemadiff:renamed-from a\n  id int, -- schemadiff:renamed-from b\n  x int, -- schemadiff:renamed-from s.x\n  y int, -- schemadiff:renamed-from\n  v int, w int -- schemadiff:backfill 0\n);\nCREATE TABLE t (id int NOT NULL); -- schemadiff:backfill 0\n",
        );
        let messages: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "schema.sql:1:22: `schemadiff:backfill` is attached to table `public.users`, not to a column",
                "schema.sql:3:11: a second `schemadiff:renamed-from` for column `public.users.id`",
                "schema.sql:4:10: `schemadiff:renamed-from` needs the column's old name, found `s.x`",
                "schema.sql:5:10: `schemadiff:renamed-from` needs the column's old name",
                "schema.sql:6:16: `schemadiff:backfill` is on a line that defines more than one table or column",
                "schema.sql:8:35: `schemadiff:backfill` is attached to table `public.t`, not to a column",
            ]
        );
    }

    #[test]
    fn an_invalid_backfill_is_an_error() {
        let found = problems(
            "CREATE TABLE t (\n  a int, -- schemadiff:backfill coalesce(b,\n  b int, -- schemadiff:backfill 1 FROM t\n  c int -- schemadiff:backfill\n);\n",
        );
        let messages: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "schema.sql:2:10: the backfill `coalesce(b,` does not parse: syntax error at end of input",
                "schema.sql:3:10: the backfill `1 FROM t` is not a single expression",
                "schema.sql:4:9: `schemadiff:backfill` needs an expression",
            ]
        );
    }

    #[test]
    fn directives_in_function_bodies_and_other_comments_are_ignored() {
        let intent = intent(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n  -- schemadiff:bogus\n  SELECT 1\n$$;\n/* schemadiff:bogus */\n-- a note on schemadiff:bogus\nCREATE TABLE t (id int); -- just a comment\n",
        );
        assert_eq!(intent, Intent::default());
    }

    #[test]
    fn a_file_that_does_not_parse_gives_no_directives() {
        assert_eq!(
            intent("CREATE TABLE t (id int,, -- schemadiff:bogus\n);\nSELECT 'unterminated"),
            Intent::default()
        );
        assert_eq!(
            intent("CREATE TABLE t (id intt x); -- schemadiff:bogus\n"),
            Intent::default()
        );
    }

    #[test]
    fn rename_options() {
        assert_eq!(
            parse_rename_option("app.users.mail=email"),
            Ok(Rename::Column(ColumnRename {
                table: QualifiedName::new("app", "users"),
                from: "mail".into(),
                to: "email".into(),
                span: None,
            }))
        );
        assert_eq!(
            parse_rename_option("public.\"People\"=Users"),
            Ok(Rename::Table(TableRename {
                from: QualifiedName::new("public", "People"),
                to: users(),
                span: None,
            }))
        );
        for invalid in [
            "users=people",
            "a.b.c.d=e",
            "a.b=c.d",
            "a.b",
            "a.b=",
            "a.=b",
            "a.b=c x",
        ] {
            assert_eq!(
                parse_rename_option(invalid),
                Err(format!("`{invalid}` is not a rename: expected `schema.table.old=new` for a column or `schema.old=new` for a table"))
            );
        }
        let mut intent = Intent::default();
        intent.add(parse_rename_option("a.b=c").unwrap());
        assert_eq!(intent.table_renames.len(), 1);
    }
}
