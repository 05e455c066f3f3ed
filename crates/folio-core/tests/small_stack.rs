//! Deep nesting renders within the 1 MiB stack a wasm32 app gets by default: no adapter, and
//! nothing in the parser or sanitizer, may recurse once per nesting level. The browser test
//! `stress.spec.ts` checks the same posts in the real wasm build.

use folio_core::post::{Post, PostContext};

/// Runs `work` on a thread with a wasm-sized stack; a stack overflow aborts the test binary.
fn on_wasm_sized_stack(work: impl FnOnce() + Send + 'static) {
    let thread = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(work)
        .unwrap_or_else(|err| panic!("cannot start a thread: {err}"));
    if thread.join().is_err() {
        panic!("rendering panicked");
    }
}

fn parse_all(posts: Vec<(&'static str, String)>) {
    on_wasm_sized_stack(move || {
        for (name, markdown) in posts {
            for trust_html in [false, true] {
                let post = Post::parse(
                    &markdown,
                    &PostContext::new("/", "deep.md").trusting_html(trust_html),
                );
                assert!(post.rendered.html.contains("deep"), "{name}");
            }
        }
    });
}

#[test]
fn thousands_of_nested_blocks_fit_a_wasm_stack() {
    let depth = 5_000;
    let indented: String = (0..1_000)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    parse_all(vec![
        ("quotes", format!("{} deep", ">".repeat(depth))),
        ("list items", format!("{}deep", "- ".repeat(depth))),
        ("ordered items", format!("{}deep", "1. ".repeat(depth))),
        ("indented items", format!("{indented}\n\ndeep")),
        (
            "quotes and lists",
            format!("{}deep", "> - 1. ".repeat(depth / 3)),
        ),
    ]);
}

#[test]
fn thousands_of_nested_inlines_fit_a_wasm_stack() {
    let depth = 5_000;
    parse_all(vec![
        (
            "emphasis",
            format!("{}deep{}", "*_".repeat(depth), "_*".repeat(depth)),
        ),
        (
            "brackets",
            format!("{}deep{}", "[".repeat(50_000), "]".repeat(50_000)),
        ),
        ("links", format!("{}deep", "[a](".repeat(20_000))),
        ("images", format!("{}deep", "![".repeat(20_000))),
        (
            "links in links",
            format!("{}deep{}", "[".repeat(depth), "](x)".repeat(depth)),
        ),
        (
            "raw html",
            format!("{}deep{}", "<div>".repeat(depth), "<span><b>".repeat(depth)),
        ),
    ]);
}
