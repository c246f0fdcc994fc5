//! Positions of problems: file, line, column and the line itself.
//!
//! pg_query's safe `parse` reports no position, so a file that does not parse is split into
//! statements with the scanner and each is parsed alone; the failing ones are parsed once
//! more through the C entry point that reports the cursor position.

use std::ffi::{c_char, c_int, CStr, CString};

use super::SqlFile;
use crate::error::{SourceProblem, Span};

/// A problem at a byte offset of `file`.
pub fn problem_at(
    file: &SqlFile,
    offset: usize,
    message: String,
    help: Option<String>,
) -> SourceProblem {
    Lines::new(&file.text).problem_at(file, offset, message, help)
}

/// Where the lines of a file start, so that many problems in one file cost a binary search
/// each rather than a scan from the start.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let breaks = text.bytes().enumerate().filter(|(_, b)| *b == b'\n');
        Lines {
            starts: std::iter::once(0)
                .chain(breaks.map(|(i, _)| i + 1))
                .collect(),
        }
    }

    /// The 1-based line and column of a byte offset of `text`, and where its line starts.
    fn position(&self, text: &str, offset: usize) -> (usize, usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = text[line_start..offset].chars().count() + 1;
        (line, column, line_start)
    }

    /// A problem at a byte offset of `file`, whose text these are the lines of.
    pub fn problem_at(
        &self,
        file: &SqlFile,
        offset: usize,
        message: String,
        help: Option<String>,
    ) -> SourceProblem {
        let offset = offset.min(file.text.len());
        let (line, column, line_start) = self.position(&file.text, offset);
        let line_text = file.text[line_start..]
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        SourceProblem {
            span: Span {
                file: file.name.clone(),
                line,
                column,
            },
            message,
            line_text,
            help,
        }
    }
}

/// Every syntax error of a file that failed to parse.
pub fn syntax_errors(file: &SqlFile) -> Vec<SourceProblem> {
    let statements = match pg_query::split_with_scanner(&file.text) {
        Ok(statements) => statements,
        Err(error) => {
            return vec![problem_at(file, 0, error.to_string(), None)];
        }
    };
    let base = file.text.as_ptr() as usize;
    let lines = Lines::new(&file.text);
    let mut problems = Vec::new();
    for statement in statements {
        if pg_query::parse(statement, 0).is_ok() {
            continue;
        }
        let start = statement.as_ptr() as usize - base;
        let (message, cursor) = parse_error(statement);
        // the cursor is a 1-based character index into the statement; "at end of input"
        // points past it, which is where its text ends
        let within = statement
            .char_indices()
            .nth(cursor.saturating_sub(1))
            .map_or(statement.trim_end().len(), |(i, _)| i);
        problems.push(lines.problem_at(
            file,
            start + within,
            message,
            Some("fix the statement; nothing is planned until every statement parses".into()),
        ));
    }
    if problems.is_empty() {
        problems.push(problem_at(file, 0, "the file does not parse".into(), None));
    }
    problems
}

#[repr(C)]
struct PgQueryError {
    message: *mut c_char,
    funcname: *mut c_char,
    filename: *mut c_char,
    lineno: c_int,
    cursorpos: c_int,
    context: *mut c_char,
}

#[repr(C)]
struct PgQueryParseResult {
    parse_tree: *mut c_char,
    stderr_buffer: *mut c_char,
    error: *mut PgQueryError,
}

extern "C" {
    // Provided by libpg_query, which the pg_query crate links; its safe wrapper drops the
    // cursor position that this module needs.
    fn pg_query_parse(input: *const c_char) -> PgQueryParseResult;
    fn pg_query_free_parse_result(result: PgQueryParseResult);
}

/// The parser's message and 1-based cursor position for a statement that does not parse.
fn parse_error(statement: &str) -> (String, usize) {
    let Ok(input) = CString::new(statement) else {
        return ("the statement contains a NUL byte".into(), 0);
    };
    // SAFETY: `input` outlives the call; the result is freed exactly once below and its
    // pointers are read only before that.
    unsafe {
        let result = pg_query_parse(input.as_ptr());
        let found = if result.error.is_null() {
            ("the statement does not parse".to_string(), 0)
        } else {
            let error = &*result.error;
            let message = CStr::from_ptr(error.message).to_string_lossy().into_owned();
            (message, error.cursorpos.max(0) as usize)
        };
        pg_query_free_parse_result(result);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_syntax_error_is_reported_with_its_position() {
        let file = SqlFile {
            name: "schema.sql".into(),
            text: "CREATE TABLE a (id int);\nCREATE TABLE b (id int,, x text);\n\nCREATE TABLE c (id intt x);\n".into(),
        };
        let problems = syntax_errors(&file);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].span.line, 2);
        assert_eq!(problems[0].span.column, 24);
        assert_eq!(problems[0].message, "syntax error at or near \",\"");
        assert_eq!(problems[0].line_text, "CREATE TABLE b (id int,, x text);");
        assert_eq!(problems[1].span.line, 4);
        assert_eq!(problems[1].span.column, 25);
    }

    // an error at the end of a statement cut short by `;` points there, not at its start
    #[test]
    fn an_error_at_end_of_input_points_at_the_end_of_the_statement() {
        let file = SqlFile {
            name: "m.sql".into(),
            text: "SELECT 1;\nALTER TABLE t ADD COLUMN a int,;\n".into(),
        };
        let problems = syntax_errors(&file);
        assert_eq!(problems[0].message, "syntax error at end of input");
        assert_eq!((problems[0].span.line, problems[0].span.column), (2, 32));
    }
}
