//! How far `apply`'s backfills are: a bar on a terminal (rows done of total, rate, time left),
//! plain lines otherwise, such as in a deploy log.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use schemadiff_engine::apply::BackfillProgress;

/// The least time between two plain lines of one backfill (its last line is always shown).
const LINE_EVERY: Duration = Duration::from_secs(5);

pub struct BackfillDisplay {
    terminal: bool,
    current: Mutex<Option<Backfill>>,
}

/// The backfill being shown.
struct Backfill {
    column: String,
    started: Instant,
    /// On a terminal.
    bar: Option<ProgressBar>,
    /// When the last plain line was printed.
    last_line: Option<Instant>,
}

impl BackfillDisplay {
    pub fn new(terminal: bool) -> BackfillDisplay {
        BackfillDisplay {
            terminal,
            current: Mutex::new(None),
        }
    }

    pub fn show(&self, progress: &BackfillProgress) {
        let Ok(mut current) = self.current.lock() else {
            return;
        };
        let same = current
            .as_ref()
            .is_some_and(|b| b.column == progress.column);
        if !same {
            if let Some(bar) = current.take().and_then(|b| b.bar) {
                bar.finish();
            }
            *current = Some(Backfill {
                column: progress.column.clone(),
                started: Instant::now(),
                bar: self.terminal.then(|| bar(progress)),
                last_line: None,
            });
        }
        let Some(backfill) = current.as_mut() else {
            return;
        };
        let finished = progress.done >= progress.total;
        match &backfill.bar {
            Some(bar) => {
                bar.set_length(progress.total.max(progress.done));
                bar.set_position(progress.done);
                if finished {
                    bar.finish();
                }
            }
            None => {
                let due = backfill
                    .last_line
                    .is_none_or(|last| last.elapsed() >= LINE_EVERY);
                if progress.total > 0 && (finished || (progress.done > 0 && due)) {
                    eprintln!("schemadiff: {}", line(progress, backfill.started.elapsed()));
                    backfill.last_line = Some(Instant::now());
                }
            }
        }
    }
}

fn bar(progress: &BackfillProgress) -> ProgressBar {
    let bar = ProgressBar::new(progress.total);
    let style = ProgressStyle::with_template(
        "backfill {msg}: [{bar:30}] {human_pos}/{human_len} rows, {per_sec}, ~{eta} left",
    )
    .map(|style| style.progress_chars("=> "))
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(progress.column.clone());
    bar
}

/// `backfill public.orders.total: 40000/100000 rows, 12000 rows/s, ~5s left`
fn line(progress: &BackfillProgress, elapsed: Duration) -> String {
    let rate = progress.done as f64 / elapsed.as_secs_f64().max(0.001);
    let left = progress.total.saturating_sub(progress.done) as f64 / rate.max(1.0);
    format!(
        "backfill {}: {}/{} rows, {rate:.0} rows/s, ~{left:.0}s left",
        progress.column, progress.done, progress.total
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_says_rows_rate_and_time_left() {
        let progress = BackfillProgress {
            column: "public.orders.total".into(),
            done: 40_000,
            total: 100_000,
        };
        assert_eq!(
            line(&progress, Duration::from_secs(4)),
            "backfill public.orders.total: 40000/100000 rows, 10000 rows/s, ~6s left"
        );
    }
}
