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
}

fn render_problems(problems: &[SourceProblem]) -> String {
    let mut out = String::new();
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&problem.to_string());
    }
    out.push_str(&format!(
        "\n\n{} problem(s) in the desired state; nothing was planned",
        problems.len()
    ));
    out
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`: passwords are never
/// printed, in errors included.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let redacted = match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => {
            format!("{}:***{}", &authority[..colon], &authority[at..])
        }
        _ => authority.to_string(),
    };
    let mut out = format!("{}{}", &url[..scheme_end + 3], redacted);
    out.push_str(&redact_query(&rest[authority_end..]));
    out
}

/// Redacts a `password=` query parameter too.
fn redact_query(tail: &str) -> String {
    let Some(q) = tail.find('?') else {
        return tail.to_string();
    };
    let params: Vec<String> = tail[q + 1..]
        .split('&')
        .map(|p| {
            if p.starts_with("password=") {
                "password=***".to_string()
            } else {
                p.to_string()
            }
        })
        .collect();
    format!("{}?{}", &tail[..q], params.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_printed() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db.example:5432/app"),
            "postgres://app:***@db.example:5432/app"
        );
        assert_eq!(
            redact_url("postgresql://app@host/db?password=x&sslmode=require"),
            "postgresql://app@host/db?password=***&sslmode=require"
        );
        assert_eq!(redact_url("postgres://host/db"), "postgres://host/db");
    }
}
