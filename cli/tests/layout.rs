//! `plan --out DIR --layout supabase|prisma` as a team deploys with it: the migrations of a
//! staged plan applied in order with psql, run as each tool runs a file, contract written
//! only by the plan made once expand has run, the result converged (it re-plans to nothing),
//! and the rollbacks, applied in reverse, bringing FROM back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use schemadiff_engine::cluster::TempCluster;

const CASE: &str = "../schemas/staging/type_change_key_and_dependents";

fn schemadiff(args: &[&str], epoch: u64) -> Output {
    Command::new(env!("CARGO_BIN_EXE_schemadiff"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch.to_string())
        .output()
        .expect("the binary runs")
}

/// Runs `file` with psql: `-f` (statement by statement, as a user runs a rollback), or as
/// the deploy tools run a migration, strictest first: Supabase's CLI in one transaction
/// (`-1`), except a concurrent index statement, which it runs alone; Prisma as one query
/// string (`-c`), which the server runs as one transaction when it holds several statements.
fn psql(cluster: &TempCluster, url: &str, file: &Path, deployed_by: Option<&str>) {
    let mut command = Command::new(cluster.bindir().join("psql"));
    command.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url]);
    let text = std::fs::read_to_string(file).expect("the file reads");
    match deployed_by {
        Some("supabase") if !text.contains(" CONCURRENTLY ") => {
            command.arg("-1").arg("-f").arg(file)
        }
        Some("prisma") => command.arg("-c").arg(&text),
        _ => command.arg("-f").arg(file),
    };
    let output = command.output().expect("psql runs");
    assert!(
        output.status.success(),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The files under `dir` (recursively) whose name ends with `suffix`, sorted.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            found.extend(files(&path, suffix));
        } else if path.to_string_lossy().ends_with(suffix) {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The migrations and the rollbacks a layout holds, each sorted in the order they apply.
fn written(project: &Path, layout: &str) -> (Vec<PathBuf>, Vec<PathBuf>) {
    match layout {
        "supabase" => (
            files(&project.join("supabase/migrations"), ".sql"),
            files(&project.join("supabase/rollbacks"), ".sql"),
        ),
        _ => (
            files(&project.join("prisma/migrations"), "migration.sql"),
            files(&project.join("prisma/migrations"), "down.sql"),
        ),
    }
}

fn plan_into(url: &str, to: &str, project: &Path, layout: &str, epoch: u64) -> Output {
    schemadiff(
        &[
            "plan",
            "--from",
            url,
            "--to",
            to,
            "--offline",
            "--out",
            project.to_str().expect("a UTF-8 path"),
            "--layout",
            layout,
            "--name",
            "retype_invoice",
        ],
        epoch,
    )
}

/// What a plan that succeeded said on standard error.
fn said(output: Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr
}

fn equivalent(url: &str, desired: &str) -> bool {
    let output = schemadiff(&["check", "--from", url, "--to", desired, "--offline"], 0);
    output.status.success()
}

#[test]
fn layout_migrations_applied_by_psql_converge_and_roll_back() {
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");
    let (from, to, seed) = (
        format!("{CASE}/from.sql"),
        format!("{CASE}/to.sql"),
        format!("{CASE}/seed.sql"),
    );
    for layout in ["supabase", "prisma"] {
        let url = cluster.create_database(layout).expect("a database");
        psql(&cluster, &url, Path::new(&from), None);
        psql(&cluster, &url, Path::new(&seed), None);
        let project = tempfile::tempdir().expect("a project directory");
        let project = project.path();

        // a file of the user's where a rollback would go: nothing is written, nothing lost
        if layout == "supabase" {
            let theirs =
                project.join("supabase/rollbacks/20231114221320_retype_invoice_expand.sql");
            std::fs::create_dir_all(theirs.parent().unwrap()).unwrap();
            std::fs::write(&theirs, "-- mine\n").unwrap();
            let refused = plan_into(&url, &to, project, layout, 1_700_000_000);
            assert_eq!(refused.status.code(), Some(2));
            assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "-- mine\n");
            assert!(written(project, layout).0.is_empty());
            std::fs::remove_file(&theirs).unwrap();
        }

        // the first plan writes expand and backfill, and says contract waits
        let first_said = said(plan_into(&url, &to, project, layout, 1_700_000_000));
        assert!(
            first_said.contains("contract is not written yet"),
            "{first_said}"
        );
        let (first, _) = written(project, layout);
        assert!(!first.is_empty());
        assert!(first
            .iter()
            .all(|f| !f.to_string_lossy().contains("contract")));
        for file in &first {
            psql(&cluster, &url, file, Some(layout));
        }

        // the plan after the deploy finds expand done and writes contract alone, after them
        said(plan_into(&url, &to, project, layout, 1_600_000_000));
        let (all, _) = written(project, layout);
        let added: Vec<&PathBuf> = all.iter().filter(|f| !first.contains(f)).collect();
        assert!(!added.is_empty());
        assert!(
            added
                .iter()
                .all(|f| f.to_string_lossy().contains("contract")),
            "{added:?}"
        );
        assert_eq!(
            all[..first.len()],
            first[..],
            "contract sorts after the rest"
        );
        for file in added {
            psql(&cluster, &url, file, Some(layout));
        }
        assert!(equivalent(&url, &to), "{layout}: the migrations converge");
        let again = said(plan_into(&url, &to, project, layout, 1_700_100_000));
        assert!(again.contains("nothing to migrate"), "{again}");
        assert_eq!(written(project, layout).0, all, "nothing more is written");

        // the rollbacks, last first, bring FROM back
        let (_, rollbacks) = written(project, layout);
        assert_eq!(rollbacks.len(), all.len());
        for file in rollbacks.iter().rev() {
            psql(&cluster, &url, file, None);
        }
        assert!(
            equivalent(&url, &from),
            "{layout}: the rollbacks restore FROM"
        );
    }
}
