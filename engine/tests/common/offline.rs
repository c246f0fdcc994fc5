//! Helpers of the offline tests: plans between two files, the problems of one, every
//! printed output of a plan.

use schemadiff_engine::error::Error;
use schemadiff_engine::source::{sql, SqlFile};
use schemadiff_engine::{render, Options, Plan};

/// Plans between two files written to a temporary directory, offline, with owners.
pub fn plan_files(from: &str, to: &str) -> Result<Plan, Error> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("from.sql"), from).unwrap();
    std::fs::write(dir.path().join("to.sql"), to).unwrap();
    let source = |name: &str| schemadiff_engine::Source::Path(dir.path().join(name));
    let options = Options {
        desired_state: schemadiff_engine::DesiredStatePath::Offline,
        owners: true,
        ..Default::default()
    };
    schemadiff_engine::plan(&source("from.sql"), &source("to.sql"), &options)
}

/// The problems of loading `text` offline, as `file:line:column: message` lines.
pub fn problems_of(text: &str) -> Vec<String> {
    let file = SqlFile {
        name: "schema.sql".into(),
        text: text.into(),
    };
    match sql::load(&[file]) {
        Ok(_) => Vec::new(),
        Err(Error::Source(problems)) => problems
            .iter()
            .map(|p| format!("{}: {}", p.span, p.message))
            .collect(),
        Err(other) => panic!("{other}"),
    }
}

/// The plan between two files, checked to print `secret` nowhere: not in its up and down
/// SQL, JSON, summary, markdown or debug output.
pub fn plan_hiding(from: &str, to: &str, secret: &str) -> Plan {
    let plan = plan_files(from, to).unwrap();
    let printed = [
        render::up_sql(&plan),
        render::down_sql(&plan),
        render::json(&plan),
        render::summary(&plan),
        render::markdown(&plan),
        format!("{plan:?}"),
    ];
    for output in &printed {
        assert!(!output.contains(secret), "a secret is printed:\n{output}");
    }
    plan
}

/// Whether the debug output of the catalog `text` loads into holds `secret`.
pub fn catalog_shows(text: &str, secret: &str) -> bool {
    let file = SqlFile {
        name: "to.sql".into(),
        text: text.into(),
    };
    format!("{:?}", sql::load(&[file]).unwrap()).contains(secret)
}
