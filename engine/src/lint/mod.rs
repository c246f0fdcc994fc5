//! Lint: hand-written migration files, statement by statement, against the hazard catalogue
//! that plans use.
//!
//! A file is parsed with pg_query (in runs, as the desired-state loader does) and walked in
//! order. Each statement is shown to every rule (`rules/`, one file each) together with what
//! the file did before it (`state`): the transaction it is in, the tables it created (work
//! on those blocks nobody), the timeouts it set. What a database holds (`--db`) ranks the
//! findings by the size of the table they lock.

mod allow;
pub mod context;
mod rules;
mod state;

use std::collections::HashMap;

use serde::Serialize;

use crate::error::{Error, Span};
use crate::hazard::{HazardKind, Severity};
use crate::source::sql::location::{syntax_errors, Lines};
use crate::source::sql::{run_ends, skip_whitespace_and_comments};
use crate::source::SqlFile;
pub use context::Context;
use rules::{Check, Findings, Statement};
use state::State;

/// How files are run and what the team asks for.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The migration tool runs each file in one transaction (Flyway, Rails, most runners);
    /// otherwise statements run one by one unless the file says `BEGIN`, as psql runs them.
    pub assume_in_transaction: bool,
    /// Report statements that fail when run twice (`CREATE TABLE` without `IF NOT EXISTS`).
    pub require_idempotent: bool,
    /// Hazards silenced everywhere (a configuration file): reported as allowed.
    pub allow: Vec<HazardKind>,
}

/// One hazard found in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: &'static str,
    pub severity: Severity,
    pub span: Span,
    /// The line the span points into.
    pub line_text: String,
    /// One sentence naming the object.
    pub message: String,
    /// The safer way.
    pub help: String,
    /// Why it does not count, when it was silenced deliberately.
    pub allowed: Option<String>,
}

/// Lints one file. A file that does not parse is an error with every syntax problem's
/// position, as the desired-state loader reports it; so is an unknown id in an allow
/// comment.
pub fn lint(file: &SqlFile, settings: &Settings, context: &Context) -> Result<Vec<Finding>, Error> {
    let mut walk = Walk {
        file,
        settings,
        context,
        state: State::new(settings.assume_in_transaction),
        findings: Findings::default(),
        allowed: HashMap::new(),
        allow_problems: Vec::new(),
        previous_end: 0,
    };
    let mut start = 0;
    for end in run_ends(&file.text) {
        if let Ok(parsed) = pg_query::parse(&file.text[start..end], 0) {
            walk.run(&parsed, start, end);
            start = end;
            continue;
        }
        // the scanner splits `BEGIN ATOMIC … END` bodies, which a run may end inside
        match pg_query::parse(&file.text[start..], 0) {
            Ok(parsed) => walk.run(&parsed, start, file.text.len()),
            Err(_) => {
                let mut problems = syntax_errors(file);
                for problem in &mut problems {
                    problem.help = Some(
                        "fix the statement; the file is not checked until every statement parses"
                            .into(),
                    );
                }
                return Err(Error::Source(problems));
            }
        }
        break;
    }
    walk.finish()
}

/// The walk through one file.
struct Walk<'a> {
    file: &'a SqlFile,
    settings: &'a Settings,
    context: &'a Context,
    state: State,
    findings: Findings,
    /// The hazards each statement's allow comment silences, by the statement's offset.
    allowed: HashMap<usize, allow::Allowed>,
    allow_problems: Vec<(usize, String)>,
    /// Where the previous statement ended: the comments after it lead the next one.
    previous_end: usize,
}

impl Walk<'_> {
    /// Walks the statements of the text from byte `base` to `run_end` of the file.
    fn run(&mut self, parsed: &pg_query::ParseResult, base: usize, run_end: usize) {
        let text = &self.file.text;
        for raw in &parsed.protobuf.stmts {
            let Some(node) = raw.stmt.as_ref().and_then(|s| s.node.as_ref()) else {
                continue;
            };
            let located = base + raw.stmt_location as usize;
            let end = match raw.stmt_len {
                0 => run_end,
                len => located + len as usize,
            };
            let start = skip_whitespace_and_comments(text, located);
            let statement = Statement {
                node,
                text: &text[start..end.max(start)],
                start,
                base,
            };
            match allow::read(text, self.previous_end, end) {
                Ok(Some(allowed)) => {
                    self.allowed.insert(start, allowed);
                }
                Ok(None) => {}
                Err(problem) => self.allow_problems.push(problem),
            }
            self.findings.statement = start;
            let check = Check {
                statement: &statement,
                state: &self.state,
                settings: self.settings,
                context: self.context,
            };
            for rule in rules::RULES {
                rule(&check, &mut self.findings);
            }
            self.state.advance(&statement);
            self.previous_end = end;
        }
    }

    fn finish(mut self) -> Result<Vec<Finding>, Error> {
        self.state.end_of_file(&mut self.findings);
        let lines = Lines::new(&self.file.text);
        if !self.allow_problems.is_empty() {
            let problems = self.allow_problems.iter().map(|(offset, message)| {
                let help =
                    "name a hazard id from docs/hazards.md, e.g. `-- schemadiff:allow data-loss`";
                lines.problem_at(self.file, *offset, message.clone(), Some(help.into()))
            });
            return Err(Error::Source(problems.collect()));
        }
        let mut raw = self.findings.into_vec();
        for found in &mut raw {
            if found
                .recreated
                .as_deref()
                .is_some_and(|key| self.state.creates(key))
            {
                found.kind = HazardKind::DependentsRecreated;
                found.severity = found.kind.severity();
                found.message = format!("{}, until the file creates it again", found.message);
                found.help = "drop and create it again in one transaction".into();
            }
        }
        raw.sort_by_key(|r| (r.offset, r.kind));
        // a value used by several statements is one finding at its `ADD VALUE`
        raw.dedup_by(|a, b| (a.offset, a.kind, &a.message) == (b.offset, b.kind, &b.message));
        Ok(raw
            .into_iter()
            .map(|r| {
                let place = lines.problem_at(self.file, r.offset, String::new(), None);
                let allowed = match self.allowed.get(&r.statement) {
                    Some(allowed) if allowed.ids.contains(&r.kind) => {
                        let comment =
                            lines.problem_at(self.file, allowed.offset, String::new(), None);
                        Some(format!(
                            "allowed by the comment on line {}",
                            comment.span.line
                        ))
                    }
                    _ => self
                        .settings
                        .allow
                        .contains(&r.kind)
                        .then(|| "allowed by the configuration".to_string()),
                };
                let severity = self.context.rank(r.kind, r.severity, r.table.as_ref());
                // a reporter that shows the line must not show the secret on it
                let line_text = match r.kind {
                    HazardKind::SecretRequired => without_literals(&place.line_text),
                    _ => place.line_text,
                };
                Finding {
                    id: r.kind.id(),
                    severity,
                    span: place.span,
                    line_text,
                    message: r.message,
                    help: r.help,
                    allowed,
                }
            })
            .collect())
    }
}

/// `line` with every string literal's text replaced by `…`.
fn without_literals(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_literal = false;
    for c in line.chars() {
        match (c, in_literal) {
            ('\'', false) => {
                in_literal = true;
                out.push_str("'…");
            }
            ('\'', true) => {
                in_literal = false;
                out.push('\'');
            }
            (_, true) => {}
            (c, false) => out.push(c),
        }
    }
    out
}
