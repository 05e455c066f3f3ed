//! Folio's browser app: fetches the post index and raw Markdown posts from the static host it is
//! served from, renders them with `folio-core`, and routes between them with the History API.

mod app;
mod browser;
mod components;
mod fetch;
mod pages;
mod site;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
