//! A one-line progress bar on stderr for long runs on a terminal. Off when stderr is not a
//! terminal (the Trunk hook, CI logs, tests) and for small sites, where it would only flicker.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Below this many files a run takes well under a second; no bar.
const MIN_FILES: usize = 200;
/// Redraw at most this often: drawing is slower than indexing a post.
const REDRAW: Duration = Duration::from_millis(80);
const WIDTH: usize = 30;

/// Draws `[#####-----] 120/400 label` over itself and clears it when done.
#[derive(Debug)]
pub(crate) struct Progress {
    label: &'static str,
    total: usize,
    done: usize,
    drawn_at: Option<Instant>,
    enabled: bool,
}

impl Progress {
    /// A bar for `total` items, shown only when it is worth it and stderr is a terminal.
    pub(crate) fn new(total: usize, label: &'static str, quiet: bool) -> Self {
        Self {
            label,
            total,
            done: 0,
            drawn_at: None,
            enabled: !quiet && total >= MIN_FILES && std::io::stderr().is_terminal(),
        }
    }

    /// One more item done.
    pub(crate) fn tick(&mut self) {
        self.done += 1;
        if !self.enabled || self.drawn_at.is_some_and(|at| at.elapsed() < REDRAW) {
            return;
        }
        self.drawn_at = Some(Instant::now());
        let line = bar(self.done, self.total, self.label);
        let mut err = std::io::stderr().lock();
        // A progress bar that cannot be drawn is not worth failing a build for.
        let _ = write!(err, "\r{line}");
        let _ = err.flush();
    }

    /// Erases the bar so what follows starts on a clean line.
    pub(crate) fn finish(&mut self) {
        if self.enabled && self.drawn_at.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
        self.drawn_at = None;
    }
}

/// The bar's text.
fn bar(done: usize, total: usize, label: &str) -> String {
    let filled = (done.min(total) * WIDTH)
        .checked_div(total)
        .unwrap_or(WIDTH);
    format!(
        "[{}{}] {done}/{total} {label}",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_in_proportion_and_never_overflows() {
        let empty = format!("[{}] 0/400 posts", "-".repeat(WIDTH));
        assert_eq!(bar(0, 400, "posts"), empty);
        let half = format!("[{}{}] 200/400 posts", "#".repeat(15), "-".repeat(15));
        assert_eq!(bar(200, 400, "posts"), half);
        let full = format!("[{}] 500/400 posts", "#".repeat(WIDTH));
        assert_eq!(bar(500, 400, "posts"), full);
        assert_eq!(
            bar(0, 0, "posts"),
            format!("[{}] 0/0 posts", "#".repeat(WIDTH))
        );
    }

    #[test]
    fn small_or_quiet_runs_draw_nothing() {
        assert!(!Progress::new(10, "posts", false).enabled);
        assert!(!Progress::new(10_000, "posts", true).enabled);
    }
}
