//! The command line's own parsing on arbitrary argument lists (NUL-separated): clap with the
//! CLI's definitions and value parsers (`--rename`, `--older-than`), then each SOURCE as
//! `main` reads it. It answers, and never panics.
#![no_main]

#[path = "../../cli/src/args.rs"]
#[allow(dead_code)] // the fuzz target reads only the sources of what it parses
mod args;

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use schemadiff_engine::Source;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let argv = std::iter::once("schemadiff").chain(text.split('\0'));
    let cli = match args::Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(error) => {
            // the message is what the user sees: building it must not panic either
            let _ = error.render().to_string();
            return;
        }
    };
    let sources = match &cli.command {
        args::Command::Plan(plan) => vec![&plan.compare.from, &plan.compare.to],
        args::Command::Check(compare) => vec![&compare.from, &compare.to],
        args::Command::Dump(dump) => vec![&dump.from],
        args::Command::Archive(_) => vec![],
    };
    for source in sources {
        let _ = Source::parse(source);
    }
});
