//! The generic case test: walks every `schemas/cases/<name>/` (from.sql, to.sql) and for each
//!
//! 1. snapshots the offline plan (file → file) under the top-level `snapshots/`;
//! 2. on three paths — TO as a file normalised offline, TO as a file run in a shadow
//!    database, and TO as a live database —
//!    applies `up.sql` to a database loaded with from.sql, checks that it now reads back
//!    equal to a database loaded with to.sql, re-plans and expects an empty plan, applies
//!    `down.sql` and checks that it reads back equal to from.sql again. The work database
//!    is seeded with rows first, and the rows must survive both ways (see the `data`
//!    module; a case's `seed.sql` replaces the generated rows);
//! 3. on the live path, also applies the first `k` steps of the plan and their rollback for
//!    a few `k`, and expects from.sql's schema and the seeded rows back.
//!
//! The cases are written for PostgreSQL 15 (CI's server). Run against another version
//! (`SCHEMADIFF_PG_BINDIR`, or the version matrix: `schemas/versions/`), a case whose files
//! do not load on that server is skipped and listed, not failed, where the engine refuses to
//! plan it for that server (a feature the server lacks, `Error::ServerTooOld`); otherwise
//! it fails.
//!
//! A case with a `pending` file is a known gap: the file says why, the case must still fail
//! (so that a fix is noticed), and it does not fail the test.
//!
//! `SCHEMADIFF_CASES=substring` runs only matching cases.
//!
//! Roles belong to the cluster, not to a database, so cases cannot create them; the harness
//! creates [`CASE_ROLES`] once for cases that grant privileges or write policies (and
//! [`CASE_SUPERUSER`] for those that give it an event trigger).

use std::path::{Path, PathBuf};

use schemadiff_engine::cluster::TempCluster;
use schemadiff_engine::model::Catalog;
use schemadiff_engine::source::Source;
use schemadiff_engine::{plan, render, DesiredStatePath, DevServer, Options, Plan};

mod common;
mod data;

use common::{apply, fresh_database, load_database, read_live, same, servers, workspace};

/// The roles a case may name in grants, policies and default privileges.
const CASE_ROLES: [&str; 3] = ["app_reader", "app_writer", "app_admin"];

/// A superuser role for the cases that give it what only a superuser may own (event
/// triggers).
const CASE_SUPERUSER: &str = "app_superuser";

fn case_dirs() -> Vec<PathBuf> {
    let filter = std::env::var("SCHEMADIFF_CASES").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(workspace().join("schemas/cases"))
        .expect("schemas/cases exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.join("to.sql").exists())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains(&filter))
        .collect();
    dirs.sort();
    dirs
}

/// A cluster of the server in `bindir` (the default one: `None`), with the roles cases use.
fn case_cluster(bindir: Option<&Path>) -> TempCluster {
    let cluster = match bindir {
        Some(bindir) => TempCluster::start_in(bindir),
        None => TempCluster::start(),
    }
    .expect("a throwaway PostgreSQL cluster starts");
    let mut admin = cluster.admin().expect("the cluster accepts connections");
    for role in CASE_ROLES {
        admin
            .batch_execute(&format!("CREATE ROLE {role}"))
            .expect("a case role is created");
    }
    admin
        .batch_execute(&format!("CREATE ROLE {CASE_SUPERUSER} SUPERUSER"))
        .expect("the case superuser is created");
    cluster
}

#[test]
fn every_case_converges_forward_and_back_on_both_paths() {
    let cluster = case_cluster(None);
    let cases = case_dirs();
    assert!(!cases.is_empty(), "no cases found");
    let failures = converge(&cluster, &cases);
    println!("{} case(s) run, {} failed", cases.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The version matrix in CI: the cases `schemas/versions/subset.txt` lists, on each server
/// `schemas/versions/servers.txt` marks `ci` (scripts/setup.sh fetches them). A server that
/// is not there fails the test, saying how to fetch it.
#[test]
fn case_subset_converges_on_the_other_versions() {
    let listed = std::fs::read_to_string(workspace().join("schemas/versions/subset.txt"))
        .expect("schemas/versions/subset.txt is readable");
    let subset: Vec<&str> = listed
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let cases: Vec<PathBuf> = case_dirs()
        .into_iter()
        .filter(|case| subset.contains(&&*case.file_name().unwrap().to_string_lossy()))
        .collect();
    let unknown: Vec<&&str> = subset
        .iter()
        .filter(|name| !workspace().join("schemas/cases").join(name).is_dir())
        .collect();
    assert!(unknown.is_empty(), "subset.txt names no case {unknown:?}");
    let mut failures = Vec::new();
    for server in servers::listed().into_iter().filter(|s| s.ci) {
        let bindir = server.bindir().unwrap_or_else(|e| panic!("{e}"));
        let cluster = case_cluster(Some(&bindir));
        assert_eq!(
            cluster.server_version_num() / 10000,
            server.major,
            "{} is not PostgreSQL {}",
            bindir.display(),
            server.major
        );
        let version = format!("PostgreSQL {}", server.major);
        failures.extend(
            converge(&cluster, &cases)
                .into_iter()
                .map(|failure| format!("[{version}] {failure}")),
        );
        println!("{version}: {} case(s) run", cases.len());
    }
    assert!(
        failures.is_empty(),
        "{} case run(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Runs every case of `cases` on `cluster` (see [`run_case`]): the failures' reports.
fn converge(cluster: &TempCluster, cases: &[PathBuf]) -> Vec<String> {
    common::two_at_a_time(cases, |i, case| {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let error = common::caught(|| run_case(cluster, case, i))
            .and_then(|outcome| outcome)
            .err();
        let pending = std::fs::read_to_string(case.join("pending")).ok();
        let report = match (error, pending) {
            (None, None) => return None,
            (Some(_), Some(reason)) => {
                println!("pending {name}: {}", reason.trim());
                return None;
            }
            (None, Some(_)) => "passes now: remove its `pending` file".to_string(),
            (Some(error), None) => error,
        };
        Some(format!("--- {name}\n{report}"))
    })
}

/// `schemadiff dump` of every case's to.sql, read from the database it was loaded into:
/// loading the dump into an empty database and dumping that gives the same bytes, the
/// database reads back equal, and the offline dump of the file loads into an equal database.
#[test]
fn every_case_dumps_to_a_fixed_point() {
    let cluster = case_cluster(None);
    let cases = case_dirs();
    let failures = common::two_at_a_time(&cases, |i, case| {
        // a pending case's gap (an extension's built-in comment) shows here too
        if case.join("pending").exists() {
            return None;
        }
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let error = dump_case(&cluster, case, i).err()?;
        Some(format!("--- {name}\n{error}"))
    });
    assert!(
        failures.is_empty(),
        "{} of {} dumps failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn dump_case(cluster: &TempCluster, case: &Path, number: usize) -> Result<(), String> {
    let db = |suffix: &str| format!("dump{number}_{suffix}");
    let source = match load_database(cluster, &db("source"), &case.join("to.sql")) {
        Ok(source) => source,
        // a case written for a newer server: the case test reports it
        Err(error) => return refused(cluster, case, &db("empty")).map_or(Err(error), |_| Ok(())),
    };
    let options = Options {
        owners: true,
        ..Default::default()
    };
    let dump_of = |source: &Source| -> Result<String, String> {
        let (entries, fingerprint) =
            schemadiff_engine::dump(source, &options).map_err(|e| e.to_string())?;
        Ok(render::dump_sql(&entries, &fingerprint))
    };
    let first = dump_of(&Source::Database(source.clone()))?;
    let reloaded = fresh_database(cluster, &db("reloaded"), &first)?;
    let second = dump_of(&Source::Database(reloaded.clone()))?;
    if first != second {
        return Err(format!(
            "dumping the loaded dump differs:\n--- first\n{first}\n--- second\n{second}"
        ));
    }
    same(&read_live(&reloaded)?, &read_live(&source)?).map_err(|e| format!("reloaded: {e}"))?;
    let offline = dump_of(&Source::Path(case.join("to.sql")))?;
    let from_file = fresh_database(cluster, &db("offline"), &offline)?;
    same(&read_live(&from_file)?, &read_live(&source)?)
        .map_err(|e| format!("offline dump loaded: {e}"))?;
    for suffix in ["source", "reloaded", "offline"] {
        cluster.drop_database(&db(suffix)).ok();
    }
    Ok(())
}

fn run_case(cluster: &TempCluster, case: &Path, number: usize) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().to_string();
    let from_file = case.join("from.sql");
    let to_file = case.join("to.sql");

    // owners are compared, as `--owners` does, so that the cases that set them are checked;
    // the cases that drop everything (`aggregate_drop`…) mean to, as `--allow-empty` says
    let offline = Options {
        desired_state: DesiredStatePath::Offline,
        owners: true,
        allow_empty: true,
        ..Default::default()
    };
    let shadow = Options {
        desired_state: DesiredStatePath::Shadow(DevServer::Url(cluster.url("postgres"))),
        owners: true,
        allow_empty: true,
        ..Default::default()
    };
    // 1. the offline plan, snapshotted
    let snapshot = plan(
        &Source::Path(from_file.clone()),
        &Source::Path(to_file.clone()),
        &offline,
    )
    .map_err(|e| format!("offline plan failed: {e}"))?;
    let text = format!(
        "{}\n-- ===== rollback =====\n{}",
        render::up_sql(&snapshot),
        render::down_sql(&snapshot)
    );
    insta::with_settings!({
        snapshot_path => workspace().join("snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name.clone(), text);
    });

    // 2. both paths against real databases
    let db = |suffix: &str| format!("case{number}_{suffix}");
    let (reference, target) = match (
        load_database(cluster, &db("from"), &from_file),
        load_database(cluster, &db("to"), &to_file),
    ) {
        (Ok(reference), Ok(target)) => (reference, target),
        (Err(error), _) | (_, Err(error)) => {
            let refusal = refused(cluster, case, &db("empty")).ok_or(error)?;
            println!("skipped {name}: {refusal}");
            return Ok(());
        }
    };
    let expected_from = read_live(&reference)?;
    let expected_to = read_live(&target)?;
    // the live path archives what it drops, so its rollback must restore it
    let retaining = Options {
        retain_dropped: true,
        ..offline.clone()
    };
    for (path, to, options) in [
        ("to as file", Source::Path(to_file.clone()), &offline),
        (
            "to as file through a shadow database",
            Source::Path(to_file.clone()),
            &shadow,
        ),
        (
            "to as database",
            Source::Database(target.clone()),
            &retaining,
        ),
    ] {
        let work_name = db(&path.replace(' ', "_"));
        let work = load_database(cluster, &work_name, &from_file)?;
        let context = |step: &str, e: String| format!("[{path}] {step}: {e}");
        let mut client = data::connect(&work).map_err(|e| context("connecting", e))?;
        let from = Source::Database(work.clone());
        let forward = plan(&from, &to, options).map_err(|e| context("plan", e.to_string()))?;
        // a plan that deletes data cannot be rolled back over rows that needed it (a foreign
        // key to a dropped table comes back only with the table's rows): such plans are
        // checked with data where they retain it, and for their shape elsewhere
        let lossy = !data::Exempt::lost(&forward.steps, &expected_from, &expected_to).is_empty();
        let with_data = options.retain_dropped || !lossy;
        if with_data {
            data::seed(&mut client, &expected_from, case).map_err(|e| context("seeding", e))?;
        }
        let seeded =
            data::snapshot(&mut client, &expected_from).map_err(|e| context("snapshot", e))?;
        apply(cluster, &work, &render::up_sql(&forward))
            .map_err(|e| context("applying up.sql", e))?;
        same(&read_live(&work)?, &expected_to).map_err(|e| context("after up.sql", e))?;
        data::check_migrated(
            &mut client,
            &seeded,
            &expected_from,
            &expected_to,
            &data::Exempt::removed(&forward.steps, &expected_from, &expected_to),
        )
        .map_err(|e| context("data after up.sql", e))?;
        let again = plan(&from, &to, options).map_err(|e| context("re-plan", e.to_string()))?;
        if !again.is_empty() {
            return Err(context("re-plan is not empty", render::up_sql(&again)));
        }
        apply(cluster, &work, &render::down_sql(&forward))
            .map_err(|e| context("applying down.sql", e))?;
        same(&read_live(&work)?, &expected_from).map_err(|e| context("after down.sql", e))?;
        let lost = data::Exempt::lost(&forward.steps, &expected_from, &expected_to);
        data::check_restored(&mut client, &seeded, &lost)
            .map_err(|e| context("data after down.sql", e))?;
        if options.retain_dropped {
            partial_rollbacks(
                cluster,
                &mut client,
                &work,
                case,
                &forward,
                &expected_from,
                &expected_to,
            )
            .map_err(|e| context("partial apply", e))?;
        }
        drop(client);
        cluster.drop_database(&work_name).ok();
    }
    cluster.drop_database(&db("from")).ok();
    cluster.drop_database(&db("to")).ok();
    Ok(())
}

/// Why the engine refuses a plan to the case's from.sql or to.sql for a database on
/// `cluster` (a case written for a newer server): a case that does not load is skipped only
/// where it is refused, so that no server's lack goes unnoticed or unexplained.
/// `empty` names the scratch database it plans from.
fn refused(cluster: &TempCluster, case: &Path, empty: &str) -> Option<String> {
    let url = fresh_database(cluster, empty, "").ok()?;
    let options = Options {
        desired_state: DesiredStatePath::Offline,
        allow_empty: true,
        ..Default::default()
    };
    let refusal = ["from.sql", "to.sql"].into_iter().find_map(|file| {
        match plan(
            &Source::Database(url.clone()),
            &Source::Path(case.join(file)),
            &options,
        ) {
            Err(error @ schemadiff_engine::Error::ServerTooOld { .. }) => Some(error.to_string()),
            _ => None,
        }
    });
    cluster.drop_database(empty).ok();
    refusal
}

/// A migration stopped after its first `k` steps is rolled back by the tail of down.sql
/// that undoes them: applies those steps and their rollback to `work` (at FROM, seeded) and
/// expects FROM's schema and rows again, for a few `k` between 1 and all steps but one.
fn partial_rollbacks(
    cluster: &TempCluster,
    client: &mut postgres::Client,
    work: &str,
    case: &Path,
    forward: &Plan,
    expected_from: &Catalog,
    expected_to: &Catalog,
) -> Result<(), String> {
    let n = forward.steps.len();
    let mut cuts: Vec<usize> = [1, n / 2, n.saturating_sub(1)]
        .into_iter()
        .filter(|&k| 0 < k && k < n)
        .collect();
    cuts.dedup();
    // the full rollback left what lossy steps dropped empty: seed again
    let mut lost = !data::Exempt::lost(&forward.steps, expected_from, expected_to).is_empty();
    for k in cuts {
        let context = |step: &str, e: String| format!("first {k} of {n} steps, {step}: {e}");
        if lost {
            data::reseed(client, expected_from, case).map_err(|e| context("seeding", e))?;
        }
        let seeded = data::snapshot(client, expected_from).map_err(|e| context("snapshot", e))?;
        let partial = Plan {
            steps: forward.steps[..k].to_vec(),
            ..forward.clone()
        };
        apply(cluster, work, &render::up_sql(&partial)).map_err(|e| context("applying", e))?;
        apply(cluster, work, &render::down_sql(&partial))
            .map_err(|e| context("rolling back", e))?;
        same(&read_live(work)?, expected_from).map_err(|e| context("after the rollback", e))?;
        let exempt = data::Exempt::lost(&partial.steps, expected_from, expected_to);
        data::check_restored(client, &seeded, &exempt)
            .map_err(|e| context("data after the rollback", e))?;
        lost = !exempt.is_empty();
    }
    Ok(())
}
