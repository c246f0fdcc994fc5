//! Typed errors of the engine. Messages name the object and say what to do.

use std::fmt;

use serde::Serialize;

/// A position in a desired-state file: 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One problem in a desired-state file, with the line it is on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceProblem {
    pub span: Span,
    pub message: String,
    /// The source line the span points into.
    pub line_text: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", self.span, self.message)?;
        let number = self.span.line.to_string();
        writeln!(f, "{number} | {}", self.line_text)?;
        let pad = " ".repeat(number.len());
        write!(
            f,
            "{pad} | {}^",
            " ".repeat(self.span.column.saturating_sub(1))
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// Every error the engine reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// All the problems found in the desired-state files; nothing was planned.
    #[error("{}", render_problems(.0))]
    Source(Vec<SourceProblem>),
    #[error("cannot read {path}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    /// The URL is already redacted.
    #[error("cannot connect to {url}: {message}")]
    Connect { url: String, message: String },
    #[error("reading the catalog of {url} failed ({what}): {message}")]
    Catalog {
        url: String,
        what: &'static str,
        message: String,
    },
    #[error("the plan has a dependency cycle that cannot be broken: {0}")]
    Cycle(String),
    #[error("{count} object(s) are not supported yet and --strict is set: {list}")]
    Strict { count: usize, list: String },
    /// The desired state holds nothing in the schemas compared while the current side
    /// holds objects (`dropped`, counted by kind): the plan would drop them all.
    #[error("the desired state ({to}) holds nothing in the schemas compared, so the plan would drop everything {from} holds: {dropped}; check the path and --schema, or pass --allow-empty if dropping it all is intended")]
    EmptyDesiredState {
        from: String,
        to: String,
        dropped: String,
    },
    /// A `--schema` that no source has: nothing would be compared.
    #[error("--schema `{name}` is not a schema of {sources}, so it selects nothing; {hint} (--allow-empty goes on anyway)")]
    UnknownSchema {
        name: String,
        sources: String,
        /// The closest existing name, or the names that exist.
        hint: String,
    },
    #[error("{0}")]
    Invalid(String),
    /// The desired state uses features, or extension versions, the server of the database
    /// the plan is for lacks (`features`); `server` is redacted.
    #[error("the desired state uses what PostgreSQL {version} ({server}) does not have: {uses}; plan for a server that has them, or leave these out of the desired state")]
    ServerTooOld {
        server: String,
        version: String,
        uses: String,
    },
    /// `apply`: another run holds the database's lock.
    #[error("{0}")]
    Busy(String),
    /// `apply`: the database is no longer the plan's FROM.
    #[error("{0}")]
    Drift(String),
    /// `apply`: the plan has hazards that were not allowed.
    #[error("{0}")]
    Refused(String),
    /// `apply`: a step failed; its transaction was rolled back.
    #[error("step \"{step}\" failed, and its transaction was rolled back: {message}")]
    StepFailed { step: String, message: String },
}

/// How many problems an error shows; the rest are counted. A file repeating one mistake
/// thousands of times is told about it without thousands of screens.
pub const SHOWN_PROBLEMS: usize = 20;

fn render_problems(problems: &[SourceProblem]) -> String {
    let mut out = String::new();
    for (i, problem) in problems.iter().take(SHOWN_PROBLEMS).enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&problem.to_string());
    }
    if problems.len() > SHOWN_PROBLEMS {
        out.push_str(&format!(
            "\n\n… and {} more problem(s) not shown",
            problems.len() - SHOWN_PROBLEMS
        ));
    }
    out.push_str(&format!(
        "\n\n{} problem(s) in the desired state; nothing was planned",
        problems.len()
    ));
    out
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`: passwords are never
/// printed, in errors included. Whatever the text looks like (any scheme in any case, a
/// malformed URL, a `key=value` connection string), a password in the user part or in a
/// `password` parameter is hidden; when in doubt, more is hidden rather than less.
pub fn redact_url(url: &str) -> String {
    redact_user_part(&redact_password_parameters(url))
}

/// `user:secret@host` after the scheme, or at the start when there is no scheme. The user
/// part ends at the last `@`: a password holding a raw `@`, `/` or `?` (which should have
/// been percent-encoded) is still hidden whole.
fn redact_user_part(text: &str) -> String {
    let start = text.find("://").map_or(0, |i| i + 3);
    let rest = &text[start..];
    let Some(at) = rest.rfind('@') else {
        return text.to_string();
    };
    if start == 0 && rest[..at].contains('/') {
        // a path such as `dir/a:b@c.sql`, not credentials
        return text.to_string();
    }
    match rest[..at].find(':') {
        Some(colon) => format!("{}{}:***{}", &text[..start], &rest[..colon], &rest[at..]),
        None => text.to_string(),
    }
}

/// The value of every `password=` parameter, in a query string (`?password=…&…`) or a
/// `key=value` connection string (`password='…' host=…`); the key in any case.
fn redact_password_parameters(text: &str) -> String {
    const KEY: &str = "password";
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = lower[search..].find(KEY) {
        let key = search + found;
        search = key + KEY.len();
        let at_boundary = lower[..key]
            .chars()
            .next_back()
            .is_none_or(|c| c == '?' || c == '&' || c == ';' || c.is_whitespace());
        let after_key = &text[search..];
        let Some(value) = after_key
            .trim_start()
            .strip_prefix('=')
            .filter(|_| at_boundary)
            .map(str::trim_start)
        else {
            continue;
        };
        let value_start = text.len() - value.len();
        let value_end = value_start + parameter_value_len(value);
        out.push_str(&text[copied..value_start]);
        out.push_str("***");
        copied = value_end;
        search = value_end;
    }
    out.push_str(&text[copied..]);
    out
}

/// The length of a parameter value: a single-quoted one with `\'` escapes (to its closing
/// quote, or the end), otherwise up to `&` or white space.
fn parameter_value_len(value: &str) -> usize {
    if let Some(quoted) = value.strip_prefix('\'') {
        let mut escaped = false;
        for (i, c) in quoted.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '\'' => return i + 2,
                _ => {}
            }
        }
        return value.len();
    }
    value
        .find(|c: char| c == '&' || c.is_whitespace())
        .unwrap_or(value.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_printed() {
        let cases = [
            (
                "postgres://app:s3cret@db.example:5432/app",
                "postgres://app:***@db.example:5432/app",
            ),
            (
                "postgresql://app@host/db?password=s3cret&sslmode=require",
                "postgresql://app@host/db?password=***&sslmode=require",
            ),
            ("postgres://host/db", "postgres://host/db"),
            // any case of scheme and key
            (
                "POSTGRES://app:s3cret@host/db",
                "POSTGRES://app:***@host/db",
            ),
            (
                "PostgreSQL://h/db?sslmode=require&PASSWORD=s3cret",
                "PostgreSQL://h/db?sslmode=require&PASSWORD=***",
            ),
            // not a PostgreSQL scheme
            (
                "jdbc:postgresql://app:s3cret@h/db",
                "jdbc:postgresql://app:***@h/db",
            ),
            ("mysql://app:s3cret@h/db", "mysql://app:***@h/db"),
            // percent-encoded, and raw characters that should have been encoded
            ("postgres://app:s%40cr%3At@h/db", "postgres://app:***@h/db"),
            ("postgres://app:s3/cr?et@h/db", "postgres://app:***@h/db"),
            ("postgres://app:s3@cret@h/db", "postgres://app:***@h/db"),
            // key-value connection strings, quoted or not
            (
                "host=h password=s3cret dbname=app",
                "host=h password=*** dbname=app",
            ),
            (
                "host=h password = 's3 c\\'ret' user=app",
                "host=h password = *** user=app",
            ),
            // no scheme, user part only
            ("app:s3cret@h/db", "app:***@h/db"),
            // neither a password nor credentials
            ("schemas/a:b@c.sql", "schemas/a:b@c.sql"),
            (
                "postgres://h/db?application_name=nopassword",
                "postgres://h/db?application_name=nopassword",
            ),
            ("postgres://[::1]:5432/db", "postgres://[::1]:5432/db"),
        ];
        for (url, expected) in cases {
            assert_eq!(redact_url(url), expected, "{url}");
            assert!(!redact_url(url).contains("s3"), "{url}");
        }
    }
}
