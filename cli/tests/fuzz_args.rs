//! The command line never panics and never shows a password (issue 13, point 6): the real
//! binary runs with argument lists generated from its subcommands and flags (random subsets
//! and orders, missing and malformed values, unknown flags, URLs with a password, paths that
//! do not exist or are directories, `-` twice, bytes that are not UTF-8), and must exit 0, 1
//! or 2 — never 101 or by a signal, and 2 only with a message — with no `panicked` and no
//! `secret` in what it prints.
//!
//! No run can start a server: every database is at 127.0.0.1 port 1 or in a socket
//! directory that does not exist, where a connection fails at once, and `--dev-url local` is
//! never generated (a database side is read, and fails, before the automatic choice would
//! start one).
//!
//! - `SCHEMADIFF_FUZZ_SEED=N` draws another sequence (default: a fixed seed);
//! - `SCHEMADIFF_FUZZ_SECONDS=N` runs for N seconds instead of the fixed count;
//! - `SCHEMADIFF_FUZZ_ITERATION=N` replays one run.

use std::ffi::OsString;
use std::fs::File;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[path = "../../engine/tests/common/fuzz.rs"]
mod fuzz;
use fuzz::{Rng, Settings};

/// Calibrated to about twenty seconds on two cores in a debug build.
const RUNS: u64 = 400;
/// A run that takes this long is stuck (each should take well under a second).
const RUN_TIMEOUT: Duration = Duration::from_secs(60);
/// The password in every generated URL: it must never be printed.
const PASSWORD: &str = "secret";

#[test]
fn arguments_never_panic_nor_show_a_password() {
    let settings = Settings::from_env();
    let next = AtomicU64::new(settings.only.unwrap_or(0));
    let failures = Mutex::new(Vec::new());
    // how many runs ended with each exit code: most should get past argument parsing
    let exits = [(); 3].map(|_| AtomicU64::new(0));
    let started = Instant::now();
    let runs = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut count = 0;
                    loop {
                        let run = next.fetch_add(1, Ordering::Relaxed);
                        let done = match (settings.only, settings.duration) {
                            (Some(only), _) => run != only,
                            (None, Some(duration)) => started.elapsed() >= duration,
                            (None, None) => run >= RUNS,
                        };
                        if done {
                            return count;
                        }
                        match check(settings.seed, run) {
                            Ok(code) => drop(exits[code].fetch_add(1, Ordering::Relaxed)),
                            Err(failure) => failures.lock().unwrap().push(failure),
                        }
                        count += 1;
                    }
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum::<u64>()
    });
    let [ok, differ, refused] = exits.map(AtomicU64::into_inner);
    eprintln!(
        "{runs} runs in {:.1?}: exit 0 {ok} times, 1 {differ} times, 2 {refused} times",
        started.elapsed()
    );
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    assert!(
        failures.is_empty(),
        "seed {:#x}:\n{}\nreplay one with SCHEMADIFF_FUZZ_SEED={:#x} SCHEMADIFF_FUZZ_ITERATION=N \
         cargo test -p schemadiff --test fuzz_args",
        settings.seed,
        failures.join("\n\n"),
        settings.seed,
    );
}

// `schemadiff plan postgres://u:secret@…`, the `--from` forgotten: clap's message quoted
// the URL with its password
#[test]
fn a_misplaced_url_is_shown_without_its_password() {
    let url = DATABASES[0];
    let format = format!("--format={url}");
    for args in [
        vec!["plan", url],
        vec!["archive", url],
        vec!["plan", "--from", "a.sql", "--to", "b.sql", &format],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_schemadiff"))
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("u:***@127.0.0.1"), "{args:?}: {stderr}");
        assert!(!stderr.contains(PASSWORD), "{args:?}: {stderr}");
    }
}

// reading the arguments again for that message with `env::args` panicked on one that is
// not UTF-8
#[test]
fn an_argument_that_is_not_utf8_is_refused_without_a_panic() {
    let not_utf8 = || OsString::from_vec(b"to\xff.sql".to_vec());
    for args in [
        vec!["plan".into(), not_utf8()],
        vec![
            "plan".into(),
            "--offline".into(),
            "--from".into(),
            not_utf8(),
        ],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_schemadiff"))
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    }
}

/// Runs the binary once with the arguments of run `run`, in a directory of its own; its
/// exit code.
fn check(seed: u64, run: u64) -> Result<usize, String> {
    let mut rng = Rng::new(seed ^ run.wrapping_mul(0xd1b5_4a32_d192_ed03));
    let dir = tempfile::tempdir().unwrap();
    let stdin = fixtures(dir.path(), &mut rng);
    let args = arguments(&mut rng);
    let (stdout_path, stderr_path) = (dir.path().join("stdout"), dir.path().join("stderr"));
    // files rather than pipes: the run can be waited for with a timeout without a reader
    let mut child = Command::new(env!("CARGO_BIN_EXE_schemadiff"))
        .args(&args)
        .current_dir(dir.path())
        .env_remove("PGPASSWORD")
        .stdin(File::open(dir.path().join(stdin)).unwrap())
        .stdout(File::create(&stdout_path).unwrap())
        .stderr(File::create(&stderr_path).unwrap())
        .spawn()
        .expect("run schemadiff");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > RUN_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&std::fs::read(stdout_path).unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&std::fs::read(stderr_path).unwrap()).into_owned();
    let problem = match status {
        None => format!("still running after {RUN_TIMEOUT:?}"),
        Some(status) => match status.code() {
            _ if stderr.contains("panicked") => "panicked".into(),
            _ if stdout.contains(PASSWORD) || stderr.contains(PASSWORD) => {
                "printed the password".into()
            }
            Some(2) if stderr.trim().is_empty() => "exit 2 without a message".into(),
            Some(code @ 0..=2) => return Ok(code as usize),
            _ => status.to_string(),
        },
    };
    Err(format!(
        "run {run}: {problem}\n  schemadiff {}\n  stderr: {}",
        args.iter()
            .map(|a| format!("{a:?}"))
            .collect::<Vec<_>>()
            .join(" "),
        stderr.trim_end().replace('\n', "\n          ")
    ))
}

/// The files the arguments name, in the run's directory; returns what standard input reads.
fn fixtures(dir: &Path, rng: &mut Rng) -> &'static str {
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let case = schemas.join(rng.pick(&[
        "cases/column_add",
        "cases/fk_add",
        "cases/view_create",
        "cases/enum_add_value_middle",
        "cases/function_replace_body",
        "staging/table_rename",
        "staging/column_rename",
    ]));
    for side in ["from.sql", "to.sql"] {
        std::fs::copy(case.join(side), dir.join(side)).unwrap();
    }
    std::fs::write(
        dir.join("invalid.sql"),
        b"CREATE TABLE t (name text DEFAULT '\xff');\n",
    )
    .unwrap();
    std::fs::write(dir.join("empty.sql"), b"").unwrap();
    std::fs::write(dir.join("lint.json"), br#"{"allow": ["discouraged-type"]}"#).unwrap();
    std::fs::create_dir_all(dir.join("schema")).unwrap();
    std::fs::copy(case.join("to.sql"), dir.join("schema/to.sql")).unwrap();
    std::fs::write(dir.join("notes.txt"), b"not a directory").unwrap();
    let stdin = rng.pick(&["to.sql", "from.sql", "empty.sql", "invalid.sql"]);
    stdin
}

/// Every flag of every subcommand (`cli/src/args.rs`), with the values to draw from: the
/// first `valid` of them are good ones, the rest malformed or pointing at nothing. No values
/// means the flag takes none.
struct Flag {
    name: &'static str,
    values: &'static [&'static str],
    valid: usize,
}

const fn flag(name: &'static str, values: &'static [&'static str], valid: usize) -> Flag {
    Flag {
        name,
        values,
        valid,
    }
}

const FROM: Flag = flag("--from", SOURCES, 4);
const TO: Flag = flag("--to", SOURCES, 4);
const OFFLINE: Flag = flag("--offline", &[], 0);
const DB: Flag = flag("--db", DATABASES, 0);

/// The flags every comparing subcommand reads (`Reading`).
const READING: &[Flag] = &[
    flag(
        "--schema",
        &["public", "app", "", "nowhere", "\"Mixed\"", "é"],
        1,
    ),
    flag("--exclude-schema", &["auth", "app", "public", ""], 2),
    flag("--platform", &["supabase", "SUPABASE", "heroku", ""], 1),
    flag("--strict", &[], 0),
    flag("--owners", &[], 0),
    flag("--dev-url", DATABASES, 0),
    OFFLINE,
    flag("--allow-empty", &[], 0),
];

const PLAN: &[Flag] = &[
    flag(
        "--out",
        &[
            "out",
            "out/nested",
            "notes.txt",
            "schema",
            "notes.txt/out",
            "",
        ],
        2,
    ),
    flag("--direct", &[], 0),
    flag(
        "--rename",
        &[
            "public.orders.total=amount",
            "public.orders=purchases",
            "orders=purchases",
            "=",
            "a=",
            "=b",
            ".=.",
            "a.b.c.d=e",
            "public..x=y",
            "public.t.a=b=c",
            "\"Q\".t=u",
            "",
        ],
        3,
    ),
    flag(
        "--format",
        &["sql", "human", "json", "markdown", "xml", "SQL", ""],
        4,
    ),
    flag("--retain-dropped", &[], 0),
];

const DUMP: &[Flag] = &[
    flag(
        "--out",
        &["dump.sql", "schema", "notes.txt/dump.sql", ""],
        1,
    ),
    flag(
        "--split",
        &["split", "out/split", "schema", ".", "notes.txt/split"],
        2,
    ),
];

const LINT: &[Flag] = &[
    flag(
        "--format",
        &["human", "gcc", "json", "github", "markdown", "sql", ""],
        5,
    ),
    flag("--fail-on", &["info", "warning", "danger", "fatal", ""], 3),
    flag("--assume-in-transaction", &[], 0),
    flag("--require-idempotent", &[], 0),
    flag("--allow", &["data-loss", "table-rewrite", "nope", ""], 2),
    flag(
        "--config",
        &["lint.json", "missing.json", "notes.txt", "to.sql"],
        1,
    ),
    DB,
];

const PURGE: &[Flag] = &[flag(
    "--older-than",
    &[
        "7d",
        "30m",
        "0h",
        "2w",
        "99999999999d",
        "4294967296d",
        "d",
        "-1d",
        "7x",
        "7 d",
        "",
        "\u{661}d",
        "7dd",
    ],
    4,
)];

/// Every database refuses at once (port 1, or a URL that does not parse), and each holds the
/// password. A source may also be a database without one, in no socket directory.
const DATABASES: &[&str] = &[
    "POSTGRES://u:secret@127.0.0.1:1/x?connect_timeout=1",
    "postgresql://u:secret@127.0.0.1:1/db?sslmode=require&connect_timeout=1",
    "postgres://u@127.0.0.1:1/db?password=secret&connect_timeout=1",
    "postgres://u:secret@127.0.0.1:1/db?sslmode=bogus",
    "postgres://u:secret@[::1:1/db",
    "postgres://u:secret@127.0.0.1:99999/db",
];

const SOURCES: &[&str] = &[
    "from.sql",
    "to.sql",
    "schema",
    "-",
    "empty.sql",
    "invalid.sql",
    "schema/",
    ".",
    "missing.sql",
    "notes.txt",
    "",
    "POSTGRES://u:secret@127.0.0.1:1/x?connect_timeout=1",
    "postgres://u:secret@127.0.0.1:1/db?connect_timeout=1",
    "jdbc:postgresql://u:secret@127.0.0.1:1/x",
    "mysql://u:secret@127.0.0.1:1/x",
    "postgres://?host=/nonexistent",
];

/// A subcommand and flags: mostly those it takes, with valid values, in any order; sometimes
/// a value missing or malformed, a flag of another subcommand, or a stray argument.
fn arguments(rng: &mut Rng) -> Vec<OsString> {
    let (command, required, optional): (Vec<&str>, Vec<&Flag>, Vec<&Flag>) = match rng.below(22) {
        0..=7 => (
            vec!["plan"],
            vec![&FROM, &TO],
            READING.iter().chain(PLAN).collect(),
        ),
        8..=11 => (vec!["check"], vec![&FROM, &TO], READING.iter().collect()),
        12..=15 => (
            vec!["dump"],
            vec![&FROM],
            READING.iter().chain(DUMP).collect(),
        ),
        16 => (vec!["archive", "list"], vec![&DB], vec![]),
        17 => (vec!["archive", "purge"], vec![&DB], PURGE.iter().collect()),
        18 => {
            let command = *rng.pick(&["archive", "plna", "--help", "--version", "-h"]);
            (vec![command], vec![], vec![])
        }
        19..=20 => (vec!["lint"], vec![], LINT.iter().collect()),
        _ => (vec![], vec![], vec![]),
    };
    let every: Vec<&Flag> = [&FROM, &TO, &DB]
        .into_iter()
        .chain(READING)
        .chain(PLAN)
        .chain(DUMP)
        .chain(LINT)
        .chain(PURGE)
        .collect();
    let mut flags: Vec<&Flag> = Vec::new();
    if rng.chance(90) {
        flags.extend(required);
    }
    // no server ever starts, but the automatic choice is exercised too
    if !command.is_empty() && !["archive", "lint"].contains(&command[0]) && rng.chance(70) {
        flags.push(&OFFLINE);
    }
    for _ in 0..rng.below(5) {
        let pool = if rng.chance(95) { &optional } else { &every };
        if pool.is_empty() {
            continue;
        }
        let flag = *rng.pick(pool);
        // a flag given twice is mostly refused, which leaves the rest untested
        if rng.chance(10) || !flags.iter().any(|f| f.name == flag.name) {
            flags.push(flag);
        }
    }
    rng.shuffle(&mut flags);
    let mut args: Vec<String> = command.into_iter().map(String::from).collect();
    for flag in flags {
        let value = |rng: &mut Rng| {
            let choices = if rng.chance(85) && flag.valid > 0 {
                &flag.values[..flag.valid]
            } else {
                flag.values
            };
            rng.pick(choices).to_string()
        };
        match (flag.values.is_empty(), rng.below(40)) {
            (true, 0) => args.push(format!("{}=yes", flag.name)),
            (true, _) => args.push(flag.name.into()),
            // the value missing: the next flag, or nothing, follows
            (false, 0) => args.push(flag.name.into()),
            (false, 1..=6) => args.push(format!("{}={}", flag.name, value(rng))),
            (false, _) => args.extend([flag.name.into(), value(rng)]),
        }
    }
    // lint's migration files: mostly one or two, sometimes none
    if args.first().is_some_and(|c| c == "lint") {
        for _ in 0..rng.below(3) + usize::from(rng.chance(90)) {
            args.push(rng.pick(SOURCES).to_string());
        }
    }
    let mut args: Vec<OsString> = args.into_iter().map(OsString::from).collect();
    if rng.chance(5) {
        let stray = *rng.pick(&["--bogus", "-x", "--", "extra", "--from", DATABASES[0]]);
        let at = rng.below(args.len() + 1);
        args.insert(at, stray.into());
    }
    if rng.chance(3) && !args.is_empty() {
        // an argument that is not UTF-8, as a shell passes one from a file name
        let at = rng.below(args.len());
        let mut bytes = std::mem::take(&mut args[at]).into_vec();
        bytes.insert(rng.below(bytes.len() + 1), 0xff);
        args[at] = OsString::from_vec(bytes);
    }
    args
}
