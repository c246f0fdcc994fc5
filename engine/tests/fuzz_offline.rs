//! The offline loader never panics (issue 13, point 6): whatever bytes a desired-state file
//! holds, loading it, or planning between two such files, returns `Ok` or `Err`.
//!
//! Inputs are the project's own schemas (`schemas/**/*.sql`) mutated: bytes flipped, files
//! truncated, statements of two files spliced, statements duplicated, deleted and swapped,
//! tokens inserted (keywords, quotes, `$$`, comment starts, NUL, invalid UTF-8, a byte order
//! mark), and expressions nested deeply. Each iteration draws from its own generator, seeded
//! from the run's seed and its number, so any one of them can be replayed alone.
//!
//! The iterations run in child processes (this binary again, running the ignored worker),
//! two at a time: a stack overflow or an abort in pg_query's C code kills a process, not a
//! `catch_unwind`, and the parent then still names the input that did it.
//!
//! - `SCHEMADIFF_FUZZ_SEED=N` draws another sequence (default: a fixed seed);
//! - `SCHEMADIFF_FUZZ_SECONDS=N` runs for N seconds instead of the fixed count;
//! - `SCHEMADIFF_FUZZ_ITERATION=N` replays one iteration.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use schemadiff_engine::{DesiredStatePath, Options, Platform, Source};

#[path = "common/fuzz.rs"]
mod fuzz;
use fuzz::{Rng, Settings};

/// Calibrated to about half a minute over two workers in a debug build on two cores.
const ITERATIONS: u64 = 3200;
/// Each progress line the worker prints starts with this, so that the parent can tell which
/// iteration a process died in.
const PROGRESS: &str = "fuzz iteration ";

#[test]
fn offline_loader_never_panics() {
    let settings = Settings::from_env();
    let workers = if settings.only.is_some() { 1 } else { 2 };
    let outputs: Vec<Output> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|shard| {
                scope.spawn(move || {
                    Command::new(std::env::current_exe().unwrap())
                        .args([
                            "--exact",
                            "offline_loader_worker",
                            "--ignored",
                            "--nocapture",
                        ])
                        .env("SCHEMADIFF_FUZZ_SHARD", format!("{shard}/{workers}"))
                        .output()
                        .expect("run the fuzz worker")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut failures = Vec::new();
    for output in outputs {
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.success() {
            eprintln!("{}", tail_lines(&stderr, 1));
            continue;
        }
        let died_in = stdout
            .lines()
            .rev()
            .find_map(|line| line.strip_prefix(PROGRESS))
            .and_then(|n| n.parse::<u64>().ok());
        let crash = match (output.status.code(), died_in) {
            // 101 is a test failure the worker reported itself, with its inputs
            (Some(101), _) | (_, None) => String::new(),
            (_, Some(iteration)) => {
                let case = Case::generate(&Corpus::load(), settings.seed, iteration);
                let saved = case.save(settings.seed, iteration);
                format!(
                    "the worker died ({}) in iteration {iteration}; input saved in {}\n",
                    output.status,
                    saved.display()
                )
            }
        };
        failures.push(format!("{crash}{}", tail_lines(&stderr, 60)));
    }
    assert!(
        failures.is_empty(),
        "seed {:#x}:\n{}\nreplay one with SCHEMADIFF_FUZZ_SEED={:#x} SCHEMADIFF_FUZZ_ITERATION=N \
         cargo test -p schemadiff-engine --test fuzz_offline",
        settings.seed,
        failures.join("\n"),
        settings.seed,
    );
}

/// Runs this worker's share of the iterations in this process; `offline_loader_never_panics`
/// starts it.
#[test]
#[ignore = "a worker of offline_loader_never_panics, run in a child process"]
fn offline_loader_worker() {
    let settings = Settings::from_env();
    let (shard, shards) = std::env::var("SCHEMADIFF_FUZZ_SHARD")
        .ok()
        .and_then(|s| {
            let (shard, shards) = s.split_once('/')?;
            Some((shard.parse().ok()?, shards.parse().ok()?))
        })
        .unwrap_or((0, 1));
    let corpus = Corpus::load();
    let started = Instant::now();
    let mut panicked = Vec::new();
    let mut iteration = settings.only.unwrap_or(shard);
    let mut count = 0;
    let mut accepted = 0;
    loop {
        let done = match (settings.only, settings.duration) {
            (Some(only), _) => iteration != only,
            (None, Some(duration)) => started.elapsed() >= duration,
            (None, None) => iteration >= ITERATIONS,
        };
        if done {
            break;
        }
        println!("{PROGRESS}{iteration}");
        let case = Case::generate(&corpus, settings.seed, iteration);
        let dir = tempfile::tempdir().unwrap();
        match catch_unwind(AssertUnwindSafe(|| case.run(dir.path()))) {
            Ok(succeeded) => accepted += u64::from(succeeded),
            Err(_) => {
                let saved = case.save(settings.seed, iteration);
                panicked.push(format!(
                    "iteration {iteration}: input saved in {}",
                    saved.display()
                ));
            }
        }
        iteration += shards;
        count += 1;
    }
    eprintln!(
        "fuzz worker {shard}/{shards}: {count} iterations ({accepted} loaded or planned) in {:.1?}",
        started.elapsed()
    );
    assert!(
        panicked.is_empty(),
        "seed {:#x}, panics:\n{}",
        settings.seed,
        panicked.join("\n")
    );
}

/// One generated input: the desired state, and for a plan the current state too.
struct Case {
    to: Input,
    from: Option<Input>,
    platform: bool,
    retain_dropped: bool,
    direct: bool,
}

/// A file, or a directory of two files (the text split at a statement).
enum Input {
    File(Vec<u8>),
    Directory(Vec<u8>, Vec<u8>),
}

impl Case {
    /// Mostly one file to load; otherwise the two sides of a case to plan between, each
    /// mutated a little or not at all, so that the plans are of real differences.
    fn generate(corpus: &Corpus, seed: u64, iteration: u64) -> Case {
        let mut rng = Rng::new(seed ^ iteration.wrapping_mul(0xd1b5_4a32_d192_ed03));
        let (from, to) = if rng.chance(70) {
            let file = rng.below(corpus.files.len());
            let mutations = 1 + rng.below(4);
            (None, Input::generate(file, mutations, corpus, &mut rng))
        } else {
            let &(from, to) = rng.pick(&corpus.pairs);
            let from = Input::generate(from, rng.below(3), corpus, &mut rng);
            (
                Some(from),
                Input::generate(to, rng.below(3), corpus, &mut rng),
            )
        };
        Case {
            to,
            from,
            platform: rng.chance(15),
            retain_dropped: rng.chance(30),
            direct: rng.chance(30),
        }
    }

    /// Loads the desired state, or plans from one state to the other, offline. Whether it
    /// succeeds does not matter, only that it returns; the worker counts successes, to show
    /// how many inputs got past the parser.
    fn run(&self, dir: &Path) -> bool {
        let options = Options {
            desired_state: DesiredStatePath::Offline,
            platform: self.platform.then_some(Platform::Supabase),
            retain_dropped: self.retain_dropped,
            direct: self.direct,
            ..Options::default()
        };
        let to = self.to.write(&dir.join("to"));
        match &self.from {
            None => schemadiff_engine::load(&to, &options).is_ok(),
            Some(from) => {
                let from = from.write(&dir.join("from"));
                schemadiff_engine::plan(&from, &to, &options).is_ok()
            }
        }
    }

    /// Writes the input where it can be replayed from; returns the directory.
    fn save(&self, seed: u64, iteration: u64) -> PathBuf {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("fuzz_offline-{seed:#x}-{iteration}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        self.to.write(&dir.join("to"));
        if let Some(from) = &self.from {
            from.write(&dir.join("from"));
        }
        dir
    }
}

impl Input {
    /// Corpus file `file` after `mutations` mutations.
    fn generate(file: usize, mutations: usize, corpus: &Corpus, rng: &mut Rng) -> Input {
        let mut text = corpus.files[file].clone();
        for _ in 0..mutations {
            text = mutate(text, &corpus.files, rng);
        }
        if rng.chance(15) {
            let parts = statements(&text);
            let at = rng.below(parts.len() + 1);
            Input::Directory(parts[..at].concat(), parts[at..].concat())
        } else {
            Input::File(text)
        }
    }

    /// `base.sql`, or the directory `base` with two files; the source that reads it.
    fn write(&self, base: &Path) -> Source {
        match self {
            Input::File(text) => {
                let path = base.with_extension("sql");
                std::fs::write(&path, text).unwrap();
                Source::Path(path)
            }
            Input::Directory(first, second) => {
                std::fs::create_dir_all(base.join("more")).unwrap();
                std::fs::write(base.join("a.sql"), first).unwrap();
                std::fs::write(base.join("more/b.sql"), second).unwrap();
                Source::Path(base.to_path_buf())
            }
        }
    }
}

/// The project's schemas: every `.sql` file under `schemas/`, in a fixed order.
struct Corpus {
    files: Vec<Vec<u8>>,
    /// The `from.sql` and `to.sql` of each case, as indexes into `files`.
    pairs: Vec<(usize, usize)>,
}

impl Corpus {
    fn load() -> Corpus {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "sql") {
                    out.push(path);
                }
            }
        }
        let mut paths = Vec::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas"),
            &mut paths,
        );
        paths.sort();
        let pairs: Vec<(usize, usize)> = paths
            .iter()
            .enumerate()
            .filter(|(_, path)| path.ends_with("from.sql"))
            .filter_map(|(from, path)| {
                let to = paths
                    .iter()
                    .position(|p| *p == path.with_file_name("to.sql"))?;
                Some((from, to))
            })
            .collect();
        assert!(pairs.len() > 100, "the corpus is the project's schemas");
        Corpus {
            files: paths.iter().map(|p| std::fs::read(p).unwrap()).collect(),
            pairs,
        }
    }
}

/// Statements, roughly: the text cut after each `;` that ends a line. A cut inside a
/// function body is one more mutation.
fn statements(text: &[u8]) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 0..text.len() {
        if text[i] == b';' && text.get(i + 1) == Some(&b'\n') {
            parts.push(text[start..i + 2].to_vec());
            start = i + 2;
        }
    }
    if start < text.len() {
        parts.push(text[start..].to_vec());
    }
    parts
}

/// Fragments that change how the rest of a file reads.
const TOKENS: &[&[u8]] = &[
    b"CREATE ",
    b"TABLE ",
    b"ALTER TABLE ",
    b"DROP ",
    b"VIEW ",
    b"FUNCTION ",
    b"INDEX ",
    b"GRANT ",
    b"REFERENCES ",
    b"CHECK ",
    b"DEFAULT ",
    b"PARTITION BY ",
    b"NOT NULL ",
    b"PRIMARY KEY ",
    b"COLLATE ",
    b"SELECT ",
    b"BEGIN ATOMIC ",
    b"OWNER TO ",
    b"public.",
    b"pg_catalog.",
    b"'",
    b"\"",
    b"$$",
    b"$body$",
    b"E'\\",
    b"U&'",
    b"--",
    b"/*",
    b"*/",
    b";",
    b",",
    b"(",
    b")",
    b"[",
    b"::",
    b".",
    b"*",
    b"\n",
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xef\xbb\xbf",
    b"\xc3\xa9",
    b"\xf0\x9f\x98\x80",
    b"99999999999999999999",
    b"-1",
    b"-- schemadiff:renamed-from ",
    b"-- schemadiff:backfill ",
    b"-- schemadiff:",
];

fn mutate(text: Vec<u8>, corpus: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut text = text;
    let mut parts = statements(&text);
    match rng.below(12) {
        0 if !text.is_empty() => {
            let at = rng.below(text.len());
            text[at] = if rng.chance(50) {
                text[at] ^ (1 << rng.below(8))
            } else {
                rng.next() as u8
            };
            text
        }
        1 => {
            text.truncate(rng.below(text.len() + 1));
            text
        }
        2 => {
            let other: &Vec<u8> = rng.pick(corpus);
            let other = statements(other);
            let keep = rng.below(parts.len() + 1);
            let from = rng.below(other.len() + 1);
            [&parts[..keep], &other[from..]].concat().concat()
        }
        3 if !parts.is_empty() => {
            let copy = rng.pick(&parts).clone();
            parts.insert(rng.below(parts.len() + 1), copy);
            parts.concat()
        }
        4 if !parts.is_empty() => {
            parts.remove(rng.below(parts.len()));
            parts.concat()
        }
        5 if !parts.is_empty() => {
            let (a, b) = (rng.below(parts.len()), rng.below(parts.len()));
            parts.swap(a, b);
            parts.concat()
        }
        6 => {
            parts.insert(rng.below(parts.len() + 1), deep_statement(rng));
            parts.concat()
        }
        7 if rng.chance(20) => [b"\xef\xbb\xbf".as_slice(), &text].concat(),
        8 => {
            // a name or keyword in place of another: references to what does not exist,
            // objects of the wrong kind, clauses that do not fit
            let other: &Vec<u8> = rng.pick(corpus);
            match (words(&text), words(other)) {
                (ours, theirs) if !ours.is_empty() && !theirs.is_empty() => {
                    let ours = rng.pick(&ours).clone();
                    let theirs = &other[rng.pick(&theirs).clone()];
                    text.splice(ours, theirs.iter().copied());
                    text
                }
                _ => text,
            }
        }
        _ => {
            let at = rng.below(text.len() + 1);
            let token = rng.pick(TOKENS);
            text.splice(at..at, token.iter().copied());
            text
        }
    }
}

/// Where the words (names, keywords, numbers) of a text are.
fn words(text: &[u8]) -> Vec<std::ops::Range<usize>> {
    let is_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let mut words = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let length = text[at..].iter().take_while(|b| is_word(b)).count();
        if length > 0 {
            words.push(at..at + length);
        }
        at += length.max(1);
    }
    words
}

/// A statement whose expression nests deeply: parentheses, operator chains, `NOT`s,
/// function calls, subqueries and arrays, up to thousands of levels, sometimes unbalanced.
fn deep_statement(rng: &mut Rng) -> Vec<u8> {
    let depth = *rng.pick(&[1, 5, 30, 100, 300, 1000, 5000]);
    let (open, leaf, close) = *rng.pick(&[
        ("(", "1", ")"),
        ("1 + ", "1", ""),
        ("NOT ", "true", ""),
        ("coalesce(", "1", ", 2)"),
        ("(SELECT ", "1", ")"),
        ("ARRAY[", "1", "]"),
        ("-", "1", ""),
        ("CASE WHEN true THEN ", "1", " END"),
    ]);
    let closing = if rng.chance(10) {
        rng.below(depth + 2)
    } else {
        depth
    };
    let expression = format!("{}{leaf}{}", open.repeat(depth), close.repeat(closing));
    let template = *rng.pick(&[
        "CREATE TABLE deep (c int DEFAULT {e} CHECK (c <> {e}));\n",
        "CREATE VIEW deep AS SELECT {e} AS c;\n",
        "CREATE FUNCTION deep() RETURNS int LANGUAGE sql RETURN {e};\n",
        "CREATE FUNCTION deep() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN {e}; END $$;\n",
        "CREATE INDEX ON orders ((id + {e}));\n",
        "ALTER TABLE orders ADD CHECK ({e} IS NOT NULL);\n",
        "CREATE POLICY deep ON orders USING ({e} IS NOT NULL);\n",
    ]);
    template.replace("{e}", &expression).into_bytes()
}

/// The last `n` lines of a text.
fn tail_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}
