//! A dump as one script, or as one file per object for review.

use crate::plan::DumpEntry;

/// The whole dump in dependency order: it loads into an empty database with `psql -f`.
pub fn dump_sql(entries: &[DumpEntry], fingerprint: &str) -> String {
    let mut out = format!("-- schemadiff dump {fingerprint}\n");
    if entries.iter().any(|e| e.file.starts_with("functions/")) {
        out.push_str(&format!("\n{};\n", super::ddl::DEFER_FUNCTION_BODY_CHECKS));
    }
    for entry in entries {
        out.push('\n');
        push_statements(&mut out, &entry.statements);
    }
    out
}

/// One file per object (`tables/public.orders.sql`…), each holding its statements in the
/// dump's order; the files, in order of path.
pub fn dump_files(entries: &[DumpEntry]) -> Vec<(String, String)> {
    let mut files: std::collections::BTreeMap<&str, String> = Default::default();
    for entry in entries {
        let text = files.entry(&entry.file).or_insert_with(|| {
            if entry.file.starts_with("functions/") {
                format!("{};\n", super::ddl::DEFER_FUNCTION_BODY_CHECKS)
            } else {
                String::new()
            }
        });
        if !text.is_empty() {
            text.push('\n');
        }
        push_statements(text, &entry.statements);
    }
    files
        .into_iter()
        .map(|(path, text)| (path.to_string(), text))
        .collect()
}

fn push_statements(out: &mut String, statements: &[String]) {
    for statement in statements {
        out.push_str(statement);
        out.push_str(";\n");
    }
}
