//! Native half of `make bench-adversarial`: `Post::parse` (what the app runs for a post) on each
//! pathological family of `tests/support/adversarial.rs` and on plain prose, at 100 KB and 1 MB.
//!
//! With `FOLIO_ADVERSARIAL_OUT=<dir>` it also writes each input there as `<family>-<bytes>.md`
//! and the timings as `native.json`, for bench/adversarial.mjs to time the same files in the
//! browser and print the table. A size is skipped when the one before it took over a second:
//! that family is not linear, and its larger input could take minutes.
//!
//! ```sh
//! cargo bench -p folio-core --bench adversarial [-- <family name>…]
//! ```

#[path = "../tests/support/adversarial.rs"]
mod adversarial;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use adversarial::{FAMILIES, Family, PLAIN};
use folio_core::post::{Post, PostContext};
use serde_json::json;

/// The sizes every family is timed at, in bytes (10^6 bytes to the MB, as `make bench` counts).
const SIZES: [usize; 2] = [100_000, 1_000_000];
/// Past this, a family is not timed at the next size.
const GIVE_UP: Duration = Duration::from_secs(1);
/// Runs stop after this long in all, or after `MAX_RUNS`.
const BUDGET: Duration = Duration::from_secs(1);
const MAX_RUNS: usize = 7;

/// The median time of `Post::parse` on `source` and the length of its HTML.
fn time(source: &str) -> (Duration, usize) {
    let cx = PostContext::new("/", "bench.md");
    let mut times = Vec::new();
    let mut html = 0;
    let started = Instant::now();
    while times.len() < MAX_RUNS && (times.is_empty() || started.elapsed() < BUDGET) {
        let start = Instant::now();
        let post = Post::parse(black_box(source), &cx);
        times.push(start.elapsed());
        html = post.rendered.html.len();
    }
    times.sort();
    (times[times.len() / 2], html)
}

/// One row of the results: an input and its timing.
struct Row {
    file: String,
    bytes: usize,
    /// `None` when skipped.
    ms: Option<f64>,
    html: usize,
}

/// One family at every size.
fn measure(family: &Family, out: Option<&Path>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut slow = false;
    for size in SIZES {
        let source = family.build(size);
        let file = format!("{}-{size}.md", family.name);
        if let Some(dir) = out {
            let path = dir.join(&file);
            std::fs::write(&path, &source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let (ms, html) = if slow {
            (None, 0)
        } else {
            let (elapsed, html) = time(&source);
            slow = elapsed > GIVE_UP;
            (Some(elapsed.as_secs_f64() * 1e3), html)
        };
        rows.push(Row {
            file,
            bytes: source.len(),
            ms,
            html,
        });
    }
    rows
}

fn main() {
    // Families named on the command line, or all of them; plain text always.
    let named: Vec<&Family> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .map(|name| adversarial::family(&name))
        .collect();
    let chosen: Vec<&Family> = if named.is_empty() {
        FAMILIES.iter().collect()
    } else {
        named
    };
    let out = std::env::var_os("FOLIO_ADVERSARIAL_OUT").map(std::path::PathBuf::from);
    if let Some(dir) = &out {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    let mut families = Vec::new();
    for family in std::iter::once(&PLAIN).chain(chosen) {
        let rows = measure(family, out.as_deref());
        for row in &rows {
            let shown = row
                .ms
                .map_or("skipped".to_owned(), |ms| format!("{ms:.1} ms"));
            println!(
                "{:<24} {:>9} B {shown:>12}   HTML {} B",
                family.name, row.bytes, row.html
            );
        }
        let sizes: Vec<_> = rows
            .iter()
            .map(|row| {
                json!({ "file": row.file, "bytes": row.bytes, "ms": row.ms, "html": row.html })
            })
            .collect();
        families.push(json!({ "name": family.name, "shape": family.shape, "sizes": sizes }));
    }
    let json = json!({ "families": families }).to_string();
    if let Some(dir) = &out {
        let path = dir.join("native.json");
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
