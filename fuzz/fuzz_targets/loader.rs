//! The offline loader on arbitrary bytes, read as a desired-state file (so decoding, the
//! byte order mark and invalid UTF-8 are covered): it answers, and never panics.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use schemadiff_engine::{DesiredStatePath, Options, Source};

/// One file, rewritten for every input, in a directory that lives as long as the process.
fn input_file() -> &'static PathBuf {
    static FILE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &FILE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let file = dir.path().join("desired.sql");
            (dir, file)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let file = input_file();
    std::fs::write(file, data).expect("write the input");
    let options = Options {
        desired_state: DesiredStatePath::Offline,
        ..Options::default()
    };
    let _ = schemadiff_engine::load(&Source::Path(file.clone()), &options);
});
