//! The markup of every page, written once. The app renders these views in the browser (Leptos
//! `csr`), and `folio index` renders the same views to HTML for each page's shell (`ssr`), so
//! the first paint a reader gets is the markup the app then puts in its place.
//!
//! Views take plain data. Fetching, `Suspense` and load errors stay in the app, and so does
//! behaviour that needs a browser: a view takes it as optional callbacks, node refs and
//! signals, which server rendering leaves unset. Every view reads the site's place and language
//! from a [`SiteView`] in context.

// `#[component]` expands to `pub` props structs that only the macro's callers name.
#![allow(missing_debug_implementations)]

pub mod archive;
pub mod byline;
pub mod frame;
pub mod home;
pub mod markup;
pub mod not_found;
pub mod pagination;
pub mod post;
pub mod post_list;
pub mod search_box;
pub mod tags;
pub mod theme;
pub mod toc;

use folio_core::i18n::{Strings, strings_for};
use leptos::prelude::*;

/// What every view needs to know about the site: where it is served and in what language.
#[derive(Debug, Clone, Copy)]
pub struct SiteView {
    /// `/` or `/blog/`.
    pub base: &'static str,
    /// The site's language, for dates (`en`, `zh-CN`).
    pub lang: &'static str,
    /// The interface's words in that language.
    pub text: &'static Strings,
}

impl SiteView {
    /// The site served under `base` in language `lang`.
    pub fn new(base: &'static str, lang: &'static str) -> Self {
        Self {
            base,
            lang,
            text: strings_for(lang),
        }
    }
}

/// The [`SiteView`] the app or the shell writer provided.
///
/// # Panics
/// When no view was rendered under a [`SiteView`] context: a mistake in the caller, found by
/// any test that renders a page.
pub(crate) fn site() -> SiteView {
    expect_context::<SiteView>()
}

/// Renders `view` to HTML as a shell's first paint, with `site` in context. For the CLI; the app
/// mounts views instead.
///
/// Leptos marks places in server-rendered HTML with `<!>` for hydration to find them again. The
/// app does not hydrate (it renders its own DOM and swaps it in), and `<!>` is a parse error in
/// HTML, so the marks are taken out. Raw HTML a view carries (`inner_html`) would lose its `<!>`
/// too: give such a view a placeholder and put the HTML in afterwards, as the shell writer does
/// with a post's body.
pub fn render_to_html<V: IntoView + 'static>(site: SiteView, view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(site);
        view().to_html().replace("<!>", "")
    })
}
