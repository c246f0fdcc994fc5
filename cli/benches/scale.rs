//! Scale benchmark of the `schemadiff` binary, end to end, as a user runs it.
//!
//! For each size N it generates a schema of N tables (varied column types; primary, foreign,
//! unique and check constraints; indexes; an enum; per table a view, a trigger, row-level
//! security with a policy and a grant; per fifth table a SQL function; per tenth a
//! partitioned table with three partitions) and a copy with every tenth table changed. It
//! loads both into a throwaway cluster, then times each way of planning between them,
//! beside `pg_dump -s` and `psql` as references:
//!
//! - `pg_dump -s`: reading one side with PostgreSQL's own tool;
//! - `psql load`: running the desired state (what the shadow path cannot beat);
//! - `db → db`, `db → file offline`, `file → file` and `db → file shadow`: `schemadiff plan
//!   --out DIR`.
//!
//! Each figure is the median wall time of the runs, the median CPU time of the process (not
//! the server's), and the highest peak resident memory;
//! the exponent is the slope of log time against log N since the previous size (1.0 is
//! linear).
//!
//! `cargo bench -p schemadiff --bench scale`. Environment: `SCHEMADIFF_BENCH_SIZES`
//! (default `100,1000,5000,20000`), `SCHEMADIFF_BENCH_RUNS` (default 3),
//! `SCHEMADIFF_BENCH_SEED` (default 1: which tables the changed copy alters),
//! `SCHEMADIFF_BENCH_WRITE=DIR` (keeps the generated `from<N>.sql` and `to<N>.sql` there),
//! `SCHEMADIFF_BENCH_BIN` (another `schemadiff` binary to time, say an earlier build).

use std::fmt::Write as _;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use schemadiff_engine::cluster::TempCluster;

fn main() {
    let sizes: Vec<usize> = setting("SCHEMADIFF_BENCH_SIZES", "100,1000,5000,20000")
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let runs: usize = setting("SCHEMADIFF_BENCH_RUNS", "3").parse().unwrap_or(3);
    let seed: u64 = setting("SCHEMADIFF_BENCH_SEED", "1").parse().unwrap_or(1);
    let schemadiff = setting("SCHEMADIFF_BENCH_BIN", env!("CARGO_BIN_EXE_schemadiff"));
    let cluster = TempCluster::start().expect("a throwaway PostgreSQL cluster starts");
    // the role the generated grants and policies name
    cluster
        .admin()
        .expect("the cluster accepts connections")
        .batch_execute("CREATE ROLE app_reader")
        .expect("the role is created");
    let work = tempfile::tempdir().expect("a scratch directory");

    println!("{schemadiff}");
    println!("{runs} run(s) per figure: median wall and CPU time, highest peak RSS, exponent of wall time since the previous size\n");
    let mut previous: Option<(usize, Vec<Duration>)> = None;
    for n in sizes {
        let from_file = work.path().join(format!("from{n}.sql"));
        let to_file = work.path().join(format!("to{n}.sql"));
        std::fs::write(&from_file, generate(n, None)).expect("write");
        std::fs::write(&to_file, generate(n, Some(seed))).expect("write");
        if let Ok(keep) = std::env::var("SCHEMADIFF_BENCH_WRITE") {
            std::fs::create_dir_all(&keep).expect("create SCHEMADIFF_BENCH_WRITE");
            for file in [&from_file, &to_file] {
                let name = file.file_name().expect("a file name");
                std::fs::copy(file, Path::new(&keep).join(name)).expect("copy");
            }
        }
        let from_db = format!("bench_from_{n}");
        let to_db = format!("bench_to_{n}");
        let from_url = cluster.create_database(&from_db).expect("database");
        let to_url = cluster.create_database(&to_db).expect("database");
        run(psql(&cluster, &from_url, &from_file));
        let out = work.path().join("out");
        let out = out.to_str().expect("UTF-8 path");
        let (from_path, to_path) = (path(&from_file), path(&to_file));
        let shadow_server = cluster.url("postgres");

        let scratch = format!("bench_load_{n}");
        let psql_load = measure(runs, || {
            cluster.drop_database(&scratch).ok();
            let url = cluster.create_database(&scratch).expect("database");
            psql(&cluster, &url, &to_file)
        });
        cluster.drop_database(&scratch).ok();
        run(psql(&cluster, &to_url, &to_file));

        let plan = |args: &[&str]| {
            let mut command = Command::new(&schemadiff);
            command.arg("plan").args(args).args(["--out", out]);
            command
        };
        let rows = [
            ("pg_dump -s", measure(runs, || pg_dump(&cluster, &from_url))),
            ("psql load", psql_load),
            (
                "db → db",
                measure(runs, || plan(&["--from", &from_url, "--to", &to_url])),
            ),
            (
                "db → file offline",
                measure(runs, || {
                    plan(&["--from", &from_url, "--to", to_path, "--offline"])
                }),
            ),
            (
                "file → file",
                measure(runs, || plan(&["--from", from_path, "--to", to_path])),
            ),
            (
                "db → file shadow",
                measure(runs, || {
                    plan(&[
                        "--from",
                        &from_url,
                        "--to",
                        to_path,
                        "--dev-url",
                        &shadow_server,
                    ])
                }),
            ),
        ];

        let bytes = std::fs::metadata(&to_file).map(|m| m.len()).unwrap_or(0);
        println!("{n} tables ({:.1} MB of SQL)", bytes as f64 / 1e6);
        let mut report = String::new();
        for (index, (name, figure)) in rows.iter().enumerate() {
            let exponent = previous
                .as_ref()
                .map(|(m, times)| {
                    let ratio = figure.wall.as_secs_f64() / times[index].as_secs_f64();
                    format!("{:.2}", ratio.ln() / (n as f64 / *m as f64).ln())
                })
                .unwrap_or_else(|| "-".into());
            writeln!(
                report,
                "  {name:<18} {:>9.3} s {:>9.3} s CPU {:>8.0} MiB   exponent {exponent}",
                figure.wall.as_secs_f64(),
                figure.cpu.as_secs_f64(),
                figure.peak_rss_kib as f64 / 1024.0,
            )
            .expect("a String takes writes");
        }
        println!("{report}");
        previous = Some((n, rows.iter().map(|(_, figure)| figure.wall).collect()));
        cluster.drop_database(&from_db).ok();
        cluster.drop_database(&to_db).ok();
    }
}

fn setting(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.into())
}

fn path(file: &Path) -> &str {
    file.to_str().expect("UTF-8 path")
}

struct Figure {
    wall: Duration,
    /// User and system time of the process itself (not the server's): what a busy machine
    /// changes least.
    cpu: Duration,
    peak_rss_kib: i64,
}

/// Runs the command `runs` times: the median wall and CPU times and the highest peak RSS.
fn measure(runs: usize, mut command: impl FnMut() -> Command) -> Figure {
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    let mut peak_rss_kib = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let usage = run(command());
        walls.push(started.elapsed());
        cpus.push(usage.cpu);
        peak_rss_kib = peak_rss_kib.max(usage.peak_rss_kib);
    }
    walls.sort();
    cpus.sort();
    Figure {
        wall: walls[walls.len() / 2],
        cpu: cpus[cpus.len() / 2],
        peak_rss_kib,
    }
}

/// What the kernel accounted to a reaped child.
struct Usage {
    cpu: Duration,
    peak_rss_kib: i64,
}

/// Runs a command to its end, failing on a non-zero exit.
fn run(mut command: Command) -> Usage {
    let mut stderr = tempfile::tempfile().expect("a scratch file");
    // reaped below by wait4, which std's wait does not expose with the child's usage
    #[allow(clippy::zombie_processes)]
    let child = command
        .stdout(Stdio::null())
        .stderr(stderr.try_clone().expect("a second handle"))
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?} starts: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; pid is our own child, not yet reaped.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4 reaps {command:?}");
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let mut message = String::new();
        stderr.seek(SeekFrom::Start(0)).ok();
        stderr.read_to_string(&mut message).ok();
        panic!("{command:?} failed: {message}");
    }
    let seconds = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Usage {
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak_rss_kib: usage.ru_maxrss,
    }
}

fn psql(cluster: &TempCluster, url: &str, file: &Path) -> Command {
    let mut command = Command::new(cluster_tool(cluster, "psql"));
    command.args([
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "-d",
        url,
        "-f",
        path(file),
    ]);
    command
}

fn pg_dump(cluster: &TempCluster, url: &str) -> Command {
    let mut command = Command::new(cluster_tool(cluster, "pg_dump"));
    command.args(["-s", "-f", "/dev/null", url]);
    command
}

/// The cluster's own client, or the one on PATH.
fn cluster_tool(cluster: &TempCluster, name: &str) -> std::path::PathBuf {
    let bundled = cluster.bindir().join(name);
    if bundled.exists() {
        bundled
    } else {
        name.into()
    }
}

/// A schema of `n` tables in three schemas. With a seed, about every tenth table is changed
/// (a new column, a wider type, a new index, a changed view, a widened grant, a changed
/// policy) and the enum gains a value, so that the plan has work; the seed picks the tables.
fn generate(n: usize, changed_with_seed: Option<u64>) -> String {
    let touched = |i: usize| {
        changed_with_seed.is_some_and(|seed| {
            // splitmix64: a well-spread choice of tables per seed
            let mut z = (i as u64).wrapping_add(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)).is_multiple_of(10)
        })
    };
    let mut out = String::from("CREATE SCHEMA app;\nCREATE SCHEMA audit;\n");
    for schema in ["public", "app", "audit"] {
        writeln!(
            out,
            "CREATE FUNCTION {schema}.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;"
        )
        .expect("a String takes writes");
    }
    out.push_str(if changed_with_seed.is_some() {
        "CREATE TYPE app.status AS ENUM ('new', 'active', 'paused', 'closed');\n"
    } else {
        "CREATE TYPE app.status AS ENUM ('new', 'active', 'closed');\n"
    });
    for i in 0..n {
        table(&mut out, i, touched(i)).expect("a String takes writes");
    }
    out
}

fn table(out: &mut String, i: usize, touched: bool) -> std::fmt::Result {
    let schema = ["public", "app", "audit"][i % 3];
    let name_width = if touched { 200 } else { 100 };
    write!(
        out,
        "CREATE TABLE {schema}.t{i} (\n    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n    code varchar({name_width}) NOT NULL UNIQUE,\n    amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0),\n    status app.status NOT NULL DEFAULT 'new',\n    tags text[] DEFAULT '{{}}',\n    payload jsonb,\n    created_at timestamptz NOT NULL DEFAULT now(),\n    seq integer DEFAULT 1,\n"
    )?;
    if touched {
        out.push_str("    note text,\n");
    }
    if i > 0 {
        let parent = ["public", "app", "audit"][(i - 1) % 3];
        writeln!(
            out,
            "    parent_id bigint REFERENCES {parent}.t{} (id) ON DELETE CASCADE,",
            i - 1
        )?;
    } else {
        out.push_str("    parent_id bigint,\n");
    }
    out.push_str("    CHECK (seq > 0)\n);\n");
    writeln!(
        out,
        "CREATE INDEX ON {schema}.t{i} (created_at DESC);\nCREATE INDEX ON {schema}.t{i} (lower(code)) WHERE status <> 'closed';"
    )?;
    if touched {
        writeln!(out, "CREATE INDEX ON {schema}.t{i} USING gin (payload);")?;
    }
    writeln!(out, "COMMENT ON TABLE {schema}.t{i} IS 'table {i}';")?;
    let extra = if touched { ", created_at" } else { "" };
    writeln!(
        out,
        "CREATE VIEW {schema}.v{i} AS SELECT id, code, amount{extra} FROM {schema}.t{i} WHERE status <> 'closed';\n\
         CREATE TRIGGER t{i}_touch BEFORE UPDATE ON {schema}.t{i} FOR EACH ROW EXECUTE FUNCTION {schema}.touch();\n\
         ALTER TABLE {schema}.t{i} ENABLE ROW LEVEL SECURITY;\n\
         CREATE POLICY t{i}_read ON {schema}.t{i} FOR SELECT TO app_reader USING (status <> '{}');\n\
         GRANT SELECT{} ON {schema}.t{i} TO app_reader;",
        if touched { "new" } else { "closed" },
        if touched { ", INSERT" } else { "" },
    )?;
    if i.is_multiple_of(5) {
        writeln!(
            out,
            "CREATE FUNCTION {schema}.t{i}_amount(p bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT amount FROM {schema}.t{i} WHERE id = p $$;"
        )?;
    }
    if i.is_multiple_of(10) {
        writeln!(
            out,
            "CREATE TABLE {schema}.p{i} (id bigint NOT NULL, at date NOT NULL, v int) PARTITION BY RANGE (at);"
        )?;
        for year in 2024..2027 {
            writeln!(
                out,
                "CREATE TABLE {schema}.p{i}_{year} PARTITION OF {schema}.p{i} FOR VALUES FROM ('{year}-01-01') TO ('{}-01-01');",
                year + 1
            )?;
        }
        writeln!(out, "CREATE INDEX ON {schema}.p{i} (at);")?;
    }
    Ok(())
}
