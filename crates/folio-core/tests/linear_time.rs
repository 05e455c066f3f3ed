//! Rendering takes time linear in the post, for the families of pathological posts
//! (`support/adversarial.rs`) that once took quadratic time, and HTML proportionate to it.
//!
//! These are tests of complexity, not of speed. The parts that were quadratic (the sanitizer's
//! open elements, the highlighter's scanners, the line index, joining text events) keep no count
//! of their work that a test could read without instrumenting them, so time is the measure, but
//! always against time on the same machine in the same run, never against a number: rendering
//! eight times the input must take less than [`MAX_RATIO`] times as long. A linear renderer takes
//! about eight times as long, a quadratic one sixty-four: the bound sits far from both, so a slow
//! or busy machine does not tip it. Each timing is the best of several runs, interleaved, which a
//! neighbour disturbs least, and the tests measure one at a time.
//!
//! Each run renders in a fresh process (this test binary, running [`render_once`]): memory that
//! earlier renders freed lets the allocator grow a string in place, which hid quadratic copying
//! in the same process (joining text events took 1.1 s on a fresh heap, 50 ms on a used one).
//!
//! Where a fix caps instead (math nesting, footnote links back), the test checks the cap's
//! visible effect, with no timing at all.

#[path = "support/adversarial.rs"]
mod adversarial;

use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use adversarial::{FAMILIES, PLAIN, family};
use folio_core::{RenderOptions, render};

/// Bytes of the smaller input; the larger is eight times this.
const SMALL: usize = 16 * 1024;
/// Time for eight times the input, in multiples of the time for the input: linear is 8,
/// quadratic 64.
const MAX_RATIO: f64 = 24.0;
const RUNS: usize = 5;
/// What [`render_once`] renders in a child process: `<family>:<bytes>[:per-line]`.
const ONCE: &str = "FOLIO_RENDER_ONCE";

/// One measurement at a time: tests run in parallel, and two timings at once would slow each
/// other on a two-core machine.
static MEASURING: Mutex<()> = Mutex::new(());

/// An input: a family at a size, with each `) ` of it turned into a line end when `per_line`.
#[derive(Clone, Copy)]
struct Input {
    family: &'static str,
    bytes: usize,
    per_line: bool,
}

impl Input {
    fn new(family: &'static str, bytes: usize) -> Self {
        Self {
            family,
            bytes,
            per_line: false,
        }
    }

    fn markdown(&self) -> String {
        let markdown = family(self.family).build(self.bytes);
        if self.per_line {
            markdown.trim_end().replace(") ", ")\n")
        } else {
            markdown
        }
    }
}

/// Not a test: renders the input named by `FOLIO_RENDER_ONCE` once and prints how long that
/// took, for [`render_time`], which runs it in a child process.
#[test]
#[ignore = "run by the other tests in a child process"]
fn render_once() {
    let Ok(spec) = std::env::var(ONCE) else {
        return;
    };
    let mut parts = spec.split(':');
    let name = parts.next().unwrap_or_default();
    let bytes = parts.next().and_then(|b| b.parse().ok()).unwrap_or(SMALL);
    let per_line = parts.next() == Some("per-line");
    let input = Input {
        family: family(name).name,
        bytes,
        per_line,
    };
    let markdown = input.markdown();
    let start = Instant::now();
    let out = render(&markdown, &RenderOptions::new("/posts/"));
    let elapsed = start.elapsed();
    assert!(!out.html.is_empty());
    println!("render_once {}", elapsed.as_nanos());
}

/// The time `render_once` takes for `input`, in a fresh process.
fn render_time(input: Input) -> Duration {
    let spec = format!(
        "{}:{}{}",
        input.family,
        input.bytes,
        if input.per_line { ":per-line" } else { "" }
    );
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("no test binary: {e}"));
    let child = Command::new(exe)
        .args(["render_once", "--exact", "--ignored", "--nocapture"])
        .env(ONCE, &spec)
        .output()
        .unwrap_or_else(|e| panic!("{spec}: {e}"));
    let stdout = String::from_utf8_lossy(&child.stdout);
    let nanos = stdout
        .lines()
        .find_map(|line| line.strip_prefix("render_once "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{spec}: {stdout}{}", String::from_utf8_lossy(&child.stderr)));
    Duration::from_nanos(nanos)
}

/// The best times of rendering `small` and `large`, runs interleaved.
fn best_times(small: Input, large: Input) -> (Duration, Duration) {
    let _one_at_a_time = MEASURING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        best.0 = best.0.min(render_time(small));
        best.1 = best.1.min(render_time(large));
    }
    best
}

fn assert_linear(name: &'static str) {
    let (small, large) = (Input::new(name, SMALL), Input::new(name, 8 * SMALL));
    let (t_small, t_large) = best_times(small, large);
    let sizes = large.markdown().len() as f64 / small.markdown().len() as f64;
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    assert!(
        ratio < MAX_RATIO * sizes / 8.0,
        "{name}: {sizes:.1}× the input took {ratio:.1}× as long ({t_small:?} → {t_large:?})",
    );
}

#[test]
fn every_family_builds_posts_of_about_the_size_asked() {
    for family in std::iter::once(&PLAIN).chain(FAMILIES) {
        for size in [SMALL, 8 * SMALL] {
            let len = family.build(size).len();
            assert!(
                len > size * 3 / 4 && len < size * 5 / 4,
                "{} ({}): {len} bytes for {size}",
                family.name,
                family.shape
            );
        }
    }
}

#[test]
fn end_tags_that_close_nothing_take_constant_time_each() {
    assert_linear("html-unmatched-end-tags");
    assert_linear("html-blocks-unmatched");
}

#[test]
fn a_tag_with_thousands_of_attributes_takes_linear_time() {
    assert_linear("html-many-attributes");
}

#[test]
fn javascript_regular_expressions_are_scanned_once() {
    assert_linear("js-regex-unclosed");
    assert_linear("js-regex-many");
}

#[test]
fn css_selectors_look_for_their_statement_end_once() {
    assert_linear("css-pseudo-selectors");
}

#[test]
fn yaml_flow_collections_are_found_once_per_line() {
    assert_linear("yaml-flow-sequence");
}

#[test]
fn shell_heredocs_and_variables_find_their_line_end_once() {
    assert_linear("sh-heredocs");
    assert_linear("sh-variables");
}

#[test]
fn rust_attributes_and_cpp_raw_strings_look_only_nearby() {
    assert_linear("rust-inner-attributes");
    assert_linear("cpp-raw-strings");
}

#[test]
fn sql_quoted_names_find_their_line_end_once() {
    assert_linear("sql-quoted-names");
}

/// The line index counted the characters from the line start for every link it located, so
/// links on one long line took quadratic time. Doubling sizes would need inputs too large for a
/// debug build before the quadratic part shows, so this compares two inputs of the same size
/// instead: the same links on one line and one per line. Locating must not care.
#[test]
fn links_and_images_far_along_one_line_are_located_in_constant_time() {
    for name in ["links-on-one-line", "images-on-one-line"] {
        let one_line = Input::new(name, 8 * SMALL);
        let per_line = Input {
            per_line: true,
            ..one_line
        };
        let (t_one_line, t_per_line) = best_times(one_line, per_line);
        let ratio = t_one_line.as_secs_f64() / t_per_line.as_secs_f64().max(1e-6);
        assert!(
            ratio < 3.0,
            "{name}: one line took {ratio:.1}× as long as one link per line \
             ({t_per_line:?} → {t_one_line:?})"
        );
    }
}

/// pulldown-cmark writes a text event for each `[` that opens no link; joining them into one
/// string for the emoji and autolink pass shrank and regrew the string after each. Found by
/// `make fuzz` (the render target's amplified mode: `/[` repeated ran out of memory under ASan).
#[test]
fn text_split_into_many_events_is_joined_in_linear_time() {
    assert_linear("text-events");
}

/// Deep nesting is refused before `pulldown-latex` reads it: the formula is shown as written.
#[test]
fn deeply_nested_formulas_are_shown_as_written() {
    for name in [
        "math-nested-braces",
        "math-nested-scripts",
        "math-nested-delimiters",
    ] {
        let markdown = family(name).build(SMALL);
        let out = render(&markdown, &RenderOptions::new("/posts/"));
        assert!(!out.html.contains("<math"), "{name}");
        assert!(out.html.contains("<code class=\"math-error\">$"), "{name}");
        assert!(
            out.problems[0].message.contains("levels are rendered"),
            "{name}: {:?}",
            out.problems[0]
        );
    }
}

/// Each reference to a note added a link back to it at the note, so `[^a]` written n times made
/// HTML 46 times the size of the post.
#[test]
fn footnote_references_make_html_proportionate_to_the_post() {
    for size in [SMALL, 8 * SMALL] {
        let markdown = family("footnote-references").build(size);
        let html = render(&markdown, &RenderOptions::new("/posts/")).html;
        let ratio = html.len() as f64 / markdown.len() as f64;
        assert!(ratio < 16.0, "{size} bytes: HTML {ratio:.1}× the post");
    }
}
