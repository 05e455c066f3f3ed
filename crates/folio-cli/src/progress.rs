//! A progress bar on stderr for long runs on a terminal (indicatif). Hidden when stderr is not a
//! terminal (the Trunk hook, CI logs, tests), with `--quiet`, and for small sites, where it
//! would only flicker.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Below this many items a run takes well under a second; no bar.
const MIN_ITEMS: usize = 200;

/// A bar for `total` items called `label`; hidden unless it is worth showing. Safe to advance
/// from every thread.
pub(crate) fn bar(total: usize, label: &'static str, quiet: bool) -> ProgressBar {
    if quiet || total < MIN_ITEMS {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(
        Some(u64::try_from(total).unwrap_or(u64::MAX)),
        ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = ProgressStyle::with_template("[{bar:30}] {pos}/{len} {msg}") {
        bar.set_style(style.progress_chars("#-"));
    }
    bar.set_message(label);
    bar
}
