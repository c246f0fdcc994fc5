//! An interrupted run leaves nothing behind: the binary is signalled as a terminal does
//! (the whole process group) at moments spread over its run, and afterwards no private
//! server, no directory under /tmp and no scratch database on a shared server remains.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use schemadiff_engine::cluster::TempCluster;

const FROM: &str = "CREATE TABLE account (id bigint PRIMARY KEY, name text);\n";
const TO: &str = "CREATE TABLE account (id bigint PRIMARY KEY, name text NOT NULL, email text);\n\
                  CREATE VIEW named AS SELECT id, name FROM account;\n";

#[test]
fn an_interrupted_run_leaves_no_server_directory_or_database() {
    let shared = TempCluster::start().expect("a PostgreSQL server for the shared dev server");
    let work = tempfile::tempdir().expect("a work directory");
    let (from, to) = (work.path().join("from.sql"), work.path().join("to.sql"));
    std::fs::write(&from, FROM).expect("from.sql is written");
    std::fs::write(&to, TO).expect("to.sql is written");

    let mut failures = Vec::new();
    // a private server: started, initialised, running, read
    for (signal, delay) in [
        ("INT", 0),
        ("INT", 40),
        ("TERM", 150),
        ("INT", 350),
        ("TERM", 600),
        ("INT", 900),
        ("HUP", 1300),
    ] {
        let child = plan(&from, &to, "local", work.path());
        let pid = child.id();
        interrupt(child, signal, delay);
        let left = settled(|| private_directories(pid));
        if !left.is_empty() {
            failures.push(format!(
                "--dev-url local, SIG{signal} after {delay} ms: {left:?} remain"
            ));
        }
        let servers = settled(|| running_servers(&left));
        if !servers.is_empty() {
            failures.push(format!(
                "--dev-url local, SIG{signal} after {delay} ms: servers {servers:?} still run"
            ));
        }
    }
    // a shared server: the scratch databases go
    let url = shared.url("postgres");
    for (signal, delay) in [("INT", 30), ("TERM", 120), ("INT", 250), ("TERM", 400)] {
        let child = plan(&from, &to, &url, work.path());
        interrupt(child, signal, delay);
        let left = settled(|| scratch_databases(&shared));
        if !left.is_empty() {
            failures.push(format!(
                "--dev-url URL, SIG{signal} after {delay} ms: {left:?} remain"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `schemadiff plan` through the shadow path on `dev_url`, in a process group of its own
/// as a terminal starts a job.
fn plan(from: &Path, to: &Path, dev_url: &str, out: &Path) -> Child {
    use std::os::unix::process::CommandExt;
    Command::new(env!("CARGO_BIN_EXE_schemadiff"))
        .args(["plan", "--from"])
        .arg(from)
        .arg("--to")
        .arg(to)
        .args(["--dev-url", dev_url, "--out"])
        .arg(out.join("plan"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("the binary starts")
}

/// Signals the child's whole process group after `delay` ms and waits for the child.
fn interrupt(mut child: Child, signal: &str, delay: u64) {
    sleep(Duration::from_millis(delay));
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg("--")
        .arg(format!("-{}", child.id()))
        .stderr(Stdio::null())
        .status();
    let _ = child.wait();
}

/// What `probe` finds once it stops finding anything, or after ten seconds: cleanup
/// happens in the background, by the watchdog, once the process is gone.
fn settled<T: Default + PartialEq>(probe: impl Fn() -> T) -> T {
    let start = Instant::now();
    loop {
        let found = probe();
        if found == T::default() || start.elapsed() > Duration::from_secs(10) {
            return found;
        }
        sleep(Duration::from_millis(100));
    }
}

/// The directories under /tmp of the private servers that process `pid` started.
fn private_directories(pid: u32) -> Vec<String> {
    let prefix = format!("schemadiff-pg-{pid}-");
    std::fs::read_dir("/tmp")
        .expect("/tmp is readable")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(&prefix))
        .collect()
}

/// Server processes whose command line names one of `directories`.
fn running_servers(directories: &[String]) -> Vec<String> {
    if directories.is_empty() {
        return Vec::new();
    }
    let listing = Command::new("ps")
        .args(["-eo", "pid,args"])
        .output()
        .expect("ps runs");
    String::from_utf8_lossy(&listing.stdout)
        .lines()
        .filter(|line| line.contains("postgres") && directories.iter().any(|d| line.contains(d)))
        .map(str::to_string)
        .collect()
}

fn scratch_databases(cluster: &TempCluster) -> Vec<String> {
    let mut client = cluster.admin().expect("the shared server answers");
    client
        .query(
            "SELECT datname FROM pg_database WHERE datname LIKE 'schemadiff_shadow_%'",
            &[],
        )
        .expect("the databases are listed")
        .iter()
        .map(|row| row.get(0))
        .collect()
}
