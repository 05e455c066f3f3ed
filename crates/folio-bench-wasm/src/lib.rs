//! folio-core's renderer as the browser runs it, for `make bench`.
//!
//! The app itself calls the same functions from Rust; this crate exists only so a benchmark page
//! can call them from JavaScript: in the same loop that times marked and markdown-it
//! (bench/render.mjs, the `render-benchmark` feature), and alone, in place of the app, to show
//! a post on a page with no shell (bench/ttc.mjs, without that feature and without folio-core's
//! extras, as the app's wasm carries the renderer). Strings cross the boundary both ways (a
//! JavaScript string in, a JavaScript string out), as they do in the app, which gets the Markdown
//! from `fetch` and hands the HTML to the DOM.

use folio_core::post::{PostContext, render_unindexed};
#[cfg(feature = "render-benchmark")]
use folio_core::{RenderOptions, post::Post, render};
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
#[cfg(feature = "render-benchmark")]
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
#[cfg(feature = "render-benchmark")]
#[wasm_bindgen(js_name = parsePost)]
pub fn parse_post(source: &str) -> String {
    let cx = PostContext::new("/", "bench.md");
    Post::parse(source, &cx).rendered.html
}

/// Renders the `.md` file of the post at `path` (below `posts/`) as the app renders a post the
/// index does not list ([`render_unindexed`]), on a site at `/`: its title as a heading, then its
/// body, as HTML.
#[wasm_bindgen(js_name = renderUnindexed)]
pub fn render_unindexed_post(source: &str, path: &str) -> String {
    let file = format!("{path}.md");
    let cx = PostContext::new("/", &file);
    let (entry, body) = render_unindexed(source, path, &cx);
    let mut html = String::with_capacity(body.html.len() + entry.title.len() + 9);
    html.push_str("<h1>");
    folio_core::html::escape_into(&mut html, &entry.title);
    html.push_str("</h1>");
    html.push_str(&body.html);
    html
}
