//! Helpers the database tests share (`cases.rs`, `staging.rs`): fresh databases, `psql`,
//! reading a database back and comparing catalogs.

// each test binary uses only part of this module
#![allow(dead_code)]

pub mod offline;
pub mod servers;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::model::Catalog;
use schemadiff_engine::render;
use schemadiff_engine::source::live;

/// Runs `run` on every item, two at a time (CI has two cores), and returns the failure
/// reports it gives, sorted.
pub fn two_at_a_time<T: Sync>(
    items: &[T],
    run: impl Fn(usize, &T) -> Option<String> + Sync,
) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(item) = items.get(i) else { break };
                if let Some(failure) = run(i, item) {
                    failures.lock().unwrap().push(failure);
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    failures
}

/// What `run` returns, or its panic's message.
pub fn caught<R>(run: impl FnOnce() -> R + std::panic::UnwindSafe) -> Result<R, String> {
    std::panic::catch_unwind(run).map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panicked".into())
    })
}

/// The workspace root, where `schemas/` and `snapshots/` are.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A new database holding `sql`.
pub fn fresh_database(cluster: &TempCluster, name: &str, sql: &str) -> Result<String, String> {
    cluster.drop_database(name).ok();
    let url = cluster
        .create_database(name)
        .map_err(|e| format!("create database {name}: {e}"))?;
    apply(cluster, &url, sql).map_err(|e| format!("loading: {e}"))?;
    Ok(url)
}

/// A new database holding the statements of `file`.
pub fn load_database(cluster: &TempCluster, name: &str, file: &Path) -> Result<String, String> {
    let sql = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    fresh_database(cluster, name, &sql).map_err(|e| format!("{}: {e}", file.display()))
}

/// Runs SQL the way a user applies a migration: psql, stopping at the first error. The
/// error is psql's, followed by the SQL.
pub fn apply(cluster: &TempCluster, url: &str, sql: &str) -> Result<(), String> {
    psql(cluster, url, "-", Some(sql)).map_err(|error| format!("{error}\n--- SQL ---\n{sql}"))
}

/// Runs a file with `psql -X -v ON_ERROR_STOP=1 -f FILE`, as a user runs a plan's files;
/// psql's error names the file and line.
pub fn apply_file(cluster: &TempCluster, url: &str, file: &Path) -> Result<(), String> {
    psql(cluster, url, &file.to_string_lossy(), None)
}

fn psql(cluster: &TempCluster, url: &str, file: &str, stdin: Option<&str>) -> Result<(), String> {
    let bundled = cluster.bindir().join("psql");
    let psql = if bundled.exists() {
        bundled
    } else {
        PathBuf::from("psql")
    };
    let mut child = Command::new(psql)
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file])
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("psql: {e}"))?;
    if let Some(sql) = stdin {
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(sql.as_bytes())
            .map_err(|e| format!("psql stdin: {e}"))?;
    }
    let output = child.wait_with_output().map_err(|e| format!("psql: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// The catalog of a database, without the list of what the model does not cover.
pub fn read_live(url: &str) -> Result<Catalog, String> {
    let mut catalog = live::load(url).map_err(|e| e.to_string())?;
    catalog.unsupported.clear();
    Ok(catalog)
}

/// Equal catalogs, or the plan between them as the explanation.
pub fn same(actual: &Catalog, expected: &Catalog) -> Result<(), String> {
    if actual == expected {
        return Ok(());
    }
    let difference = schemadiff_engine::plan::plan(actual, expected, Default::default())
        .map(|p| render::up_sql(&p))
        .unwrap_or_else(|e| e.to_string());
    Err(format!(
        "the database differs from the expected schema; what would still change:\n{difference}"
    ))
}
