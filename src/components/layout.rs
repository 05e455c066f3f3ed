//! The frame around every page: header with the site's name, navigation and theme switch, and
//! footer.

use folio_core::NavLink;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::search_box::SearchBox;
use crate::components::theme::ThemeToggle;
use crate::site::Site;

/// Site title, built-in and configured navigation, theme switch.
#[component]
pub(crate) fn Header() -> impl IntoView {
    let site = expect_context::<Site>();
    let config = move || site.config.get();
    let title = move || config().map(|c| c.title.clone()).unwrap_or_default();
    let extra = move || {
        config()
            .map(|c| c.nav.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|link| nav_link(site, link))
            .collect_view()
    };
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <A href=site.base attr:class="site-title">{title}</A>
                <nav aria-label=site.text.site_nav>
                    <A href=site.base exact=true>{site.text.posts}</A>
                    <A href=site.href("archive/")>{site.text.archive}</A>
                    <A href=site.href("tags/")>{site.text.tags}</A>
                    {extra}
                    <SearchBox />
                    <ThemeToggle />
                </nav>
            </div>
        </header>
    }
}

/// A configured link: site paths route in the app, full URLs leave it.
fn nav_link(site: Site, link: NavLink) -> impl IntoView {
    if link.url.starts_with('/') {
        Either::Left(view! { <A href=site.href(&link.url)>{link.title}</A> })
    } else {
        Either::Right(view! { <a href=link.url rel="noopener noreferrer">{link.title}</a> })
    }
}

/// Site footer.
#[component]
pub(crate) fn Footer() -> impl IntoView {
    let site = expect_context::<Site>();
    let author = move || site.config.get().and_then(|config| config.author.clone());
    view! {
        <footer class="site-footer">
            <p>
                {move || author().map(|author| format!("© {author} · "))}
                {site.text.published_with}
                " "
                <a href="https://github.com/folio-blog/folio" rel="noopener noreferrer">"Folio"</a>
            </p>
        </footer>
    }
}
