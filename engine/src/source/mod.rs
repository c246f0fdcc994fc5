//! Sources: where a catalog comes from. A SOURCE argument is a database URL, a `.sql` file,
//! a directory of `.sql` files, or `-` for standard input.

pub mod directives;
pub mod live;
pub mod shadow;
pub mod sql;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::connect::url;
use crate::error::{redact_url, Error};
use crate::model::Catalog;

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
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|source| Error::Read {
                    path: "<stdin>".into(),
                    source,
                })?;
            Ok(vec![SqlFile {
                name: "<stdin>".into(),
                text,
            }])
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
    paths
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).map_err(|source| Error::Read {
                path: file.display().to_string(),
                source,
            })?;
            Ok(SqlFile {
                name: file.display().to_string(),
                text,
            })
        })
        .collect()
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
