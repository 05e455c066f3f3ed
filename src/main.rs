//! Folio's browser app: fetches the post index and raw Markdown posts from the static host it is
//! served from, renders them with `folio-core`, and routes between them with the History API.

// `#[component]` expands to `pub` props structs whatever the function's visibility, which the
// workspace's `unreachable_pub` lint cannot tell from a real mistake in a binary crate.
#![allow(unreachable_pub)]

mod app;
mod browser;
mod cache;
mod components;
mod extras;
mod fetch;
mod head;
mod pages;
mod panic;
mod router;
mod site;

fn main() {
    panic::install();
    folio_entities::install();
    match browser::hidden_app_container() {
        Some(container) => leptos::mount::mount_to(container, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
}
