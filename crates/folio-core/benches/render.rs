//! Native render throughput for `make bench`: `folio_core::render` (default options, without the
//! excerpt and reading time, as the app renders an indexed post) on a post
//! body and `Post::parse` on the whole file, in bytes of Markdown per second.
//!
//! The inputs are the files bench/render.mjs times in the browser, so native and wasm figures are
//! for the same bytes: every `<name>.md` in `$FOLIO_BENCH_INPUTS`, with its body (front matter
//! split off by the generator) beside it as `<name>.body.md`. Without the variable, the sample
//! blog's posts are used, so `cargo bench` works on its own. bench/report.mjs reads criterion's
//! estimates from target/criterion.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use folio_core::post::{Post, PostContext};
use folio_core::{RenderOptions, parse_document, render};

/// A named input: the whole `.md` file and its body.
struct Input {
    name: String,
    file: String,
    body: String,
}

fn inputs() -> Vec<Input> {
    match std::env::var_os("FOLIO_BENCH_INPUTS") {
        Some(dir) => generated_inputs(Path::new(&dir)),
        None => sample_inputs(),
    }
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn generated_inputs(dir: &Path) -> Vec<Input> {
    markdown_files(dir)
        .into_iter()
        .filter(|path| !path.to_string_lossy().ends_with(".body.md"))
        .map(|path| {
            let name = stem(&path);
            Input {
                file: read(&path),
                body: read(&dir.join(format!("{name}.body.md"))),
                name,
            }
        })
        .collect()
}

fn sample_inputs() -> Vec<Input> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/posts");
    markdown_files(&dir)
        .into_iter()
        .map(|path| {
            let file = read(&path);
            let body = parse_document(&file).body.to_owned();
            Input {
                name: stem(&path),
                file,
                body,
            }
        })
        .collect()
}

fn throughput(c: &mut Criterion) {
    let cx = PostContext::new("/", "bench.md");
    let options = RenderOptions {
        summarize: false,
        ..RenderOptions::default()
    };
    for input in inputs() {
        let mut group = c.benchmark_group("render");
        group.throughput(Throughput::Bytes(input.body.len() as u64));
        group.bench_function(&input.name, |b| {
            b.iter(|| render(black_box(&input.body), &options))
        });
        group.finish();

        let mut group = c.benchmark_group("parse");
        group.throughput(Throughput::Bytes(input.file.len() as u64));
        group.bench_function(&input.name, |b| {
            b.iter(|| Post::parse(black_box(&input.file), &cx))
        });
        group.finish();
    }
}

// Short runs: the machine is shared and `make bench` has much else to do; criterion's median
// over its samples is what the report uses, which a busy neighbour disturbs least.
criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = throughput
}
criterion_main!(benches);
