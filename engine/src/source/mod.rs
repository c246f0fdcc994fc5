//! Sources: where a catalog comes from. A SOURCE argument is a database URL, a `.sql` file,
//! a directory of `.sql` files, or `-` for standard input.

pub mod directives;
pub mod live;
pub mod shadow;
pub mod sql;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::connect::url;
use crate::error::{redact_url, Error, SourceProblem};
use crate::model::Catalog;
use sql::location::problem_at;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Text parsed at once: a statement's parse tree takes many times its text, so many
/// statements are parsed in runs of about this size rather than all in one call (whose
/// fixed cost a run still shares).
pub(crate) const PARSE_RUN_BYTES: usize = 64 * 1024;

/// Consecutive runs of `texts`, of about [`PARSE_RUN_BYTES`] each, to parse one call each.
pub(crate) fn parse_runs<S: AsRef<str>>(texts: &[S]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (index, text) in texts.iter().enumerate() {
        bytes += text.as_ref().len();
        if bytes >= PARSE_RUN_BYTES {
            runs.push(start..index + 1);
            (start, bytes) = (index + 1, 0);
        }
    }
    if start < texts.len() {
        runs.push(start..texts.len());
    }
    runs
}

/// One SOURCE argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// `postgres://…` or `postgresql://…`, the scheme in any case.
    Database(String),
    /// A file or a directory of `.sql` files.
    Path(PathBuf),
    /// `-`.
    Stdin,
}

impl Source {
    /// Interprets a command-line SOURCE. Whatever looks like `scheme://…` is a URL, never a
    /// path: one that is not PostgreSQL's is an error that names it without its password.
    pub fn parse(argument: &str) -> Result<Source, Error> {
        if argument == "-" {
            return Ok(Source::Stdin);
        }
        if url::is_postgres_url(argument) {
            return Ok(Source::Database(argument.to_string()));
        }
        let shown = redact_url(argument);
        if url::is_jdbc_url(argument) {
            return Err(Error::Invalid(format!(
                "{shown} is a JDBC URL: drop the `jdbc:` prefix (postgresql://…)"
            )));
        }
        match url::scheme(argument) {
            Some(scheme) => Err(Error::Invalid(format!(
                "{shown} is not a PostgreSQL URL (`{scheme}://`): give postgresql://user@host/db, \
                 a .sql file, a directory or -"
            ))),
            None => Ok(Source::Path(PathBuf::from(argument))),
        }
    }

    pub fn is_database(&self) -> bool {
        matches!(self, Source::Database(_))
    }
}

/// How messages name a source: a URL without its password, a path, or standard input.
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Database(url) => f.write_str(&crate::error::redact_url(url)),
            Source::Path(path) => write!(f, "{}", path.display()),
            Source::Stdin => f.write_str("standard input"),
        }
    }
}

/// A desired-state file, read into memory.
#[derive(Clone, Debug)]
pub struct SqlFile {
    /// How errors name the file.
    pub name: String,
    pub text: String,
}

/// Loads a catalog from a source, reading desired-state SQL offline.
pub fn load(source: &Source) -> Result<Catalog, Error> {
    match source {
        Source::Database(url) => live::load(url),
        _ => sql::load(&read_desired_state(source)?),
    }
}

/// The files of a desired-state source (a path or standard input).
pub fn read_desired_state(source: &Source) -> Result<Vec<SqlFile>, Error> {
    match source {
        Source::Path(path) => read_files(path),
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Read {
                    path: "<stdin>".into(),
                    source,
                })?;
            let file =
                decode("<stdin>".into(), bytes).map_err(|problem| Error::Source(vec![problem]))?;
            Ok(vec![file])
        }
        Source::Database(url) => Err(Error::Invalid(format!(
            "{} is a database, not desired-state SQL",
            redact_url(url)
        ))),
    }
}

/// A file, or every `*.sql` below a directory in lexical order of relative path.
pub fn read_files(path: &Path) -> Result<Vec<SqlFile>, Error> {
    let read_error = |source| Error::Read {
        path: path.display().to_string(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    let mut paths = Vec::new();
    if metadata.is_dir() {
        collect_sql_files(path, &mut paths).map_err(read_error)?;
        paths.sort();
    } else {
        paths.push(path.to_path_buf());
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for file in paths {
        let bytes = std::fs::read(&file).map_err(|source| Error::Read {
            path: file.display().to_string(),
            source,
        })?;
        match decode(file.display().to_string(), bytes) {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Error::Source(problems))
    }
}

/// Desired-state text from a file's bytes. A UTF-8 byte order mark is dropped (editors
/// write one, and the parser would take it for part of the first statement); it counts as
/// no column, as editors show it. Invalid UTF-8 is a problem at its first bad byte.
fn decode(name: String, mut bytes: Vec<u8>) -> Result<SqlFile, SourceProblem> {
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SqlFile { name, text }),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bad_byte = error.as_bytes()[offset];
            // the text before the bad byte is intact, so offsets into it hold
            let readable = SqlFile {
                name,
                text: String::from_utf8_lossy(error.as_bytes()).into_owned(),
            };
            Err(problem_at(
                &readable,
                offset,
                format!("the file is not valid UTF-8: byte 0x{bad_byte:02X} cannot appear here"),
                Some(
                    "save the file as UTF-8; schemadiff reads desired-state SQL as UTF-8 only"
                        .into(),
                ),
            ))
        }
    }
}

fn collect_sql_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_sql_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "sql") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_runs_cover_every_text_once_in_order() {
        let texts = vec!["x".repeat(PARSE_RUN_BYTES / 3 + 1); 10];
        let runs = parse_runs(&texts);
        assert_eq!(runs, vec![0..3, 3..6, 6..9, 9..10]);
        assert_eq!(parse_runs::<&str>(&[]), Vec::new());
    }

    #[test]
    fn urls_in_any_case_are_databases_and_never_paths() {
        for url in [
            "postgres://h/db",
            "POSTGRES://u:pw@h/db",
            "PostgreSQL://h/db",
        ] {
            assert_eq!(Source::parse(url).unwrap(), Source::Database(url.into()));
        }
        assert_eq!(Source::parse("-").unwrap(), Source::Stdin);
        assert_eq!(
            Source::parse("schemas/app.sql").unwrap(),
            Source::Path("schemas/app.sql".into())
        );
        for (argument, expected) in [
            (
                "jdbc:postgresql://app:s3cret@h/db",
                "drop the `jdbc:` prefix",
            ),
            ("mysql://app:s3cret@h/db", "not a PostgreSQL URL"),
        ] {
            let message = Source::parse(argument).unwrap_err().to_string();
            assert!(message.contains(expected), "{message}");
            assert!(!message.contains("s3cret"), "{message}");
        }
    }
}
