//! What the two fuzz tests (`engine/tests/fuzz_offline.rs`, `cli/tests/fuzz_args.rs`) share:
//! their settings from the environment and a replayable random generator.

// each test uses part of it
#![allow(dead_code)]

use std::time::Duration;

const DEFAULT_SEED: u64 = 0x5c4e_3ad1_ff13_0006;

/// `SCHEMADIFF_FUZZ_SEED`, `SCHEMADIFF_FUZZ_SECONDS` (run that long instead of the fixed
/// count) and `SCHEMADIFF_FUZZ_ITERATION` (replay one), decimal or `0x` hexadecimal.
pub struct Settings {
    pub seed: u64,
    pub duration: Option<Duration>,
    pub only: Option<u64>,
}

impl Settings {
    pub fn from_env() -> Settings {
        let number = |name: &str| {
            let text = std::env::var(name).ok()?;
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            Some(parsed.unwrap_or_else(|_| panic!("{name} must be a number, not {text:?}")))
        };
        Settings {
            seed: number("SCHEMADIFF_FUZZ_SEED").unwrap_or(DEFAULT_SEED),
            duration: number("SCHEMADIFF_FUZZ_SECONDS").map(Duration::from_secs),
            only: number("SCHEMADIFF_FUZZ_ITERATION"),
        }
    }
}

/// xorshift64*: small, fast and the same everywhere, which is all a replayable generator needs.
pub struct Rng(u64);

impl Rng {
    /// Seeds through splitmix64, so that neighbouring seeds start far apart.
    pub fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        // xorshift never leaves zero
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`; `n` must not be zero.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}
