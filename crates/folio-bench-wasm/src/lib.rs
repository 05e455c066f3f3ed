//! folio-core's renderer as the browser runs it, for `make bench` (bench/render.mjs).
//!
//! The app itself calls the same functions from Rust; this crate exists only so a benchmark page
//! can call them from JavaScript, in the same loop that times marked and markdown-it. Strings
//! cross the boundary both ways (a JavaScript string in, a JavaScript string out), as they do in
//! the app, which gets the Markdown from `fetch` and hands the HTML to the DOM.

use folio_core::post::{Post, PostContext};
use folio_core::{RenderOptions, render};
use wasm_bindgen::prelude::wasm_bindgen;

/// Runs when the module is instantiated: named character references through the page, as the
/// app reads them (see `folio_entities`).
#[wasm_bindgen(start)]
pub fn start() {
    folio_entities::install();
}

/// Renders a post body (front matter already split off) as the app renders an indexed post:
/// Folio's default options (sanitized HTML, heading ids, figures, footnotes), without the
/// excerpt and reading time, which the app reads from the index.
#[wasm_bindgen(js_name = renderBody)]
pub fn render_body(markdown: &str) -> String {
    let options = RenderOptions {
        summarize: false,
        ..RenderOptions::default()
    };
    render(markdown, &options).html
}

/// Parses a whole `.md` file as the app does for a post: front matter, render, title, slug,
/// excerpt and reading time. Returns the HTML.
#[wasm_bindgen(js_name = parsePost)]
pub fn parse_post(source: &str) -> String {
    let cx = PostContext::new("/", "bench.md");
    Post::parse(source, &cx).rendered.html
}
