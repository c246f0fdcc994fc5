//! The lint reporters: `human` (the statement line, a caret, colour on a terminal), `gcc`,
//! `json`, `github` (workflow annotations on the pull request's lines) and `markdown` (a
//! pull-request comment). Allowed findings are shown as allowed where a reader looks
//! (human, json, markdown) and left out of the machine formats that would flag them.

use std::io::IsTerminal;

use schemadiff_engine::hazard::Severity;
use schemadiff_engine::lint::Finding;

use super::Linted;
use crate::args::LintFormat;

pub fn render(format: LintFormat, linted: &[Linted], colour: bool) -> String {
    let findings = || linted.iter().flatten();
    match format {
        LintFormat::Human => human(linted, colour),
        LintFormat::Gcc => findings()
            .filter(|f| f.allowed.is_none())
            .map(|f| {
                let level = match f.severity {
                    Severity::Danger => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "note",
                };
                format!("{}: {level}: {} [{}]\n", f.span, f.message, f.id)
            })
            .collect(),
        LintFormat::Github => findings()
            .filter(|f| f.allowed.is_none())
            .map(|f| {
                let level = match f.severity {
                    Severity::Danger => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                format!(
                    "::{level} file={},line={},col={},title={}::{}\n",
                    escape_property(&f.span.file),
                    f.span.line,
                    f.span.column,
                    f.id,
                    escape_data(&format!("{}\nhelp: {}", f.message, f.help))
                )
            })
            .collect(),
        LintFormat::Json => {
            let all: Vec<&Finding> = findings().collect();
            let mut text = serde_json::to_string_pretty(&all).expect("findings serialize");
            text.push('\n');
            text
        }
        LintFormat::Markdown => markdown(linted),
    }
}

/// Colour when standard output is a terminal and `NO_COLOR` is not set.
pub fn colour_on_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn human(linted: &[Linted], colour: bool) -> String {
    let paint = |code: &str, text: &str| {
        if colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    for f in linted.iter().flatten() {
        let (label, code) = match (&f.allowed, f.severity) {
            (Some(_), _) => ("allowed", "2"),
            (None, Severity::Danger) => ("danger", "1;31"),
            (None, Severity::Warning) => ("warning", "1;33"),
            (None, Severity::Info) => ("info", "1;36"),
        };
        let number = f.span.line.to_string();
        let pad = " ".repeat(number.len());
        out.push_str(&format!(
            "{}: {}\n{pad}--> {}\n{pad} |\n{number} | {}\n{pad} | {}{}\n{pad} = help: {}\n",
            paint(code, &format!("{label}[{}]", f.id)),
            paint("1", &f.message),
            f.span,
            f.line_text,
            " ".repeat(f.span.column.saturating_sub(1)),
            paint(code, "^"),
            f.help,
        ));
        if let Some(why) = &f.allowed {
            out.push_str(&format!("{pad} = {why}\n"));
        }
        out.push('\n');
    }
    out.push_str(&summary(linted));
    out.push('\n');
    out
}

/// `3 finding(s) in 2 file(s): 1 danger, 2 warning; 1 allowed`.
fn summary(linted: &[Linted]) -> String {
    let findings: Vec<&Finding> = linted.iter().flatten().collect();
    let counted = |severity| {
        (findings.iter())
            .filter(|f| f.allowed.is_none() && f.severity == severity)
            .count()
    };
    let allowed = findings.iter().filter(|f| f.allowed.is_some()).count();
    let open = findings.len() - allowed;
    if open == 0 && allowed == 0 {
        return format!("no hazards found in {} file(s)", linted.len());
    }
    format!(
        "{open} finding(s) in {} file(s): {} danger, {} warning, {} info; {allowed} allowed",
        linted.len(),
        counted(Severity::Danger),
        counted(Severity::Warning),
        counted(Severity::Info),
    )
}

fn markdown(linted: &[Linted]) -> String {
    let mut out = String::from("### schemadiff lint\n\n");
    let findings: Vec<&Finding> = linted.iter().flatten().collect();
    if findings.is_empty() {
        out.push_str(&format!("{}.\n", summary(linted)));
        return out;
    }
    out.push_str("| severity | hazard | where | finding | safer way |\n|---|---|---|---|---|\n");
    for f in findings {
        let severity = match (&f.allowed, f.severity) {
            (Some(why), _) => format!("allowed ({why})"),
            (None, severity) => format!("**{}**", severity_name(severity)),
        };
        out.push_str(&format!(
            "| {severity} | [`{id}`](docs/hazards/{id}.md) | `{}` | {} | {} |\n",
            f.span,
            table_cell(&f.message),
            table_cell(&f.help),
            id = f.id,
        ));
    }
    out.push_str(&format!("\n{}.\n", summary(linted)));
    out
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Danger => "danger",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn table_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// A workflow command's message: `%`, CR and LF escaped.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property: also `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
