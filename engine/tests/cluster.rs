//! Tests for the throwaway cluster every other test depends on.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use schemadiff_engine::cluster::{ClusterError, TempCluster};

fn psql(cluster: &TempCluster) -> PathBuf {
    let candidate = cluster.bindir().join("psql");
    if candidate.is_file() {
        candidate
    } else {
        PathBuf::from("psql")
    }
}

fn psql_query(cluster: &TempCluster, url: &str, sql: &str) -> String {
    let out = Command::new(psql(cluster))
        .arg(url)
        .args(["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .env_remove("PGHOST")
        .env_remove("PGPORT")
        .output()
        .expect("run psql");
    assert!(
        out.status.success(),
        "psql {url} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn wait_until_gone(path: &Path, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if !path.exists() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    !path.exists()
}

#[test]
fn cluster_is_send_and_sync() {
    // The suite keeps one cluster per test binary in a static.
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<TempCluster>();
}

#[test]
fn lifecycle() {
    let started = Instant::now();
    let cluster = TempCluster::start().expect("start cluster");
    eprintln!("TempCluster::start() took {:?}", started.elapsed());

    let version = cluster.server_version_num();
    assert!(
        version >= 100_000,
        "implausible server_version_num {version}"
    );
    assert!(cluster.bindir().join("initdb").is_file());

    let url_a = cluster.create_database("alpha").expect("create alpha");
    let url_b = cluster
        .create_database("Beta \"quoted\"")
        .expect("create oddly named database");
    assert_eq!(url_a, cluster.url("alpha"));

    // The postgres crate accepts the URL and lands in the right database.
    let mut client = postgres::Client::connect(&url_a, postgres::NoTls).expect("connect alpha");
    client
        .batch_execute("CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2)")
        .unwrap();
    let row = client
        .query_one("SELECT current_database(), count(*) FROM t", &[])
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "alpha");
    assert_eq!(row.get::<_, i64>(1), 2);
    let row = client.query_one("SHOW server_version_num", &[]).unwrap();
    assert_eq!(row.get::<_, String>(0).parse::<u32>().unwrap(), version);
    drop(client);

    // So does psql.
    assert_eq!(psql_query(&cluster, &url_a, "select 1"), "1");
    assert_eq!(
        psql_query(&cluster, &url_b, "select current_database()"),
        "Beta \"quoted\""
    );

    // FORCE: an open session must not block the drop.
    let _open = cluster.connect("alpha").expect("connect alpha again");
    cluster.drop_database("alpha").expect("drop alpha");
    cluster
        .drop_database("alpha")
        .expect("dropping a missing database is fine");
    let mut admin = cluster.admin().expect("admin");
    let names: Vec<String> = admin
        .query("SELECT datname FROM pg_database ORDER BY 1", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(!names.contains(&"alpha".to_string()), "{names:?}");
    assert!(names.contains(&"Beta \"quoted\"".to_string()), "{names:?}");
    drop(admin);

    let data_dir = cluster.data_dir().to_path_buf();
    let root = cluster.socket_dir().to_path_buf();
    assert!(data_dir.join("PG_VERSION").is_file());
    let stopped = Instant::now();
    drop(cluster);
    eprintln!("TempCluster drop took {:?}", stopped.elapsed());
    assert!(!data_dir.exists(), "{} still exists", data_dir.display());
    assert!(!root.exists(), "{} still exists", root.display());
}

#[test]
fn two_clusters_at_once() {
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(TempCluster::start);
        let b = s.spawn(TempCluster::start);
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    assert_ne!(a.socket_dir(), b.socket_dir());
    assert_ne!(a.port(), b.port());

    a.create_database("only_in_a").unwrap();
    let mut ca = a.admin().unwrap();
    let mut cb = b.admin().unwrap();
    let count = |c: &mut postgres::Client| -> i64 {
        c.query_one(
            "SELECT count(*) FROM pg_database WHERE datname = 'only_in_a'",
            &[],
        )
        .unwrap()
        .get(0)
    };
    assert_eq!(count(&mut ca), 1);
    assert_eq!(count(&mut cb), 0);
}

#[test]
fn bad_bindir_says_what_to_do() {
    let err = TempCluster::start_in(Path::new("/nonexistent/bin")).unwrap_err();
    assert!(matches!(err, ClusterError::BadBindir { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("apt-get install -y postgresql"),
        "{message}"
    );
    assert!(message.contains("SCHEMADIFF_PG_BINDIR"), "{message}");
}

const HELPER_ENV: &str = "SCHEMADIFF_CLUSTER_TEST_EXIT_WITHOUT_DROP";

/// Run in a child process by `cleaned_up_when_process_exits_without_drop`.
#[test]
fn helper_exit_without_drop() {
    if std::env::var_os(HELPER_ENV).is_none() {
        return;
    }
    let cluster = TempCluster::start().expect("start cluster");
    println!("ROOT={}", cluster.socket_dir().display());
    // Like a cluster kept in a static: destructors never run.
    std::process::exit(0);
}

#[test]
fn cleaned_up_when_process_exits_without_drop() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "helper_exit_without_drop", "--nocapture"])
        .env(HELPER_ENV, "1")
        .output()
        .expect("run helper");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let root = stdout
        .lines()
        .find_map(|l| l.strip_prefix("ROOT="))
        .unwrap_or_else(|| {
            panic!(
                "helper printed no ROOT=: {stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let root = PathBuf::from(root);
    assert!(
        wait_until_gone(&root, Duration::from_secs(20)),
        "watchdog did not remove {}",
        root.display()
    );
}
