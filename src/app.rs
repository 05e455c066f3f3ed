//! The app's root: site context, head management, layout and routes.

use folio_views::SiteView;
use folio_views::frame::{Frame, Section};
use leptos::ev;
use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::browser;
use crate::components::search_box::SearchBox;
use crate::components::theme::ThemeToggle;
use crate::pages::archive::ArchivePage;
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::post::PostPage;
use crate::pages::search::SearchPage;
use crate::pages::tags::{TagPage, TagsPage};
use crate::site::Site;

/// The whole app.
#[component]
pub(crate) fn App() -> impl IntoView {
    provide_meta_context();
    browser::drop_static_head();
    // The base path and language are read once per page load and live as long as the page.
    let base: &'static str = Box::leak(browser::base_path().into_boxed_str());
    let lang: &'static str = Box::leak(browser::document_lang().into_boxed_str());
    let site = Site::new(base, lang);
    provide_context(site);
    provide_context(SiteView::new(base, lang));
    let router_base = base.trim_end_matches('/').to_owned();
    // A reader pointing at, focusing or touching a link to a post is about to open it: fetch it
    // now. The listeners live as long as the page.
    let intent = move |event: &web_sys::Event| {
        if let Some(path) = browser::link_path(event) {
            site.prefetch_link(&path);
        }
    };
    let _ = window_event_listener(ev::mouseover, move |event| intent(&event));
    let _ = window_event_listener(ev::focusin, move |event| intent(&event));
    let _ = window_event_listener(ev::touchstart, move |event| intent(&event));
    browser::register_service_worker(base, crate::cache::urls);

    view! {
        <Title formatter=move |text: String| site_title(site, &text) />
        <Router base=router_base>
            <Layout site>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/page/:page") view=Home />
                    <Route path=path!("/posts/*slug") view=PostPage />
                    <Route path=path!("/archive") view=ArchivePage />
                    <Route path=path!("/archive/page/:page") view=ArchivePage />
                    <Route path=path!("/tags") view=TagsPage />
                    <Route path=path!("/tags/:tag") view=TagPage />
                    <Route path=path!("/tags/:tag/page/:page") view=TagPage />
                    <Route path=path!("/search") view=SearchPage />
                </Routes>
            </Layout>
        </Router>
    }
}

/// The frame around every page (`folio_views::frame`), fed from the site's configuration once a
/// file brought it, with the header's tools equipped.
#[component]
fn Layout(site: Site, children: Children) -> impl IntoView {
    let location = use_location();
    let config = move || site.config.get();
    view! {
        <Frame
            title=Signal::derive(move || config().map(|c| c.title.clone()).unwrap_or_default())
            nav=Signal::derive(move || config().map(|c| c.nav.clone()).unwrap_or_default())
            current=Signal::derive(move || Section::of(&location.pathname.get(), site.base))
            author=Signal::derive(move || config().and_then(|c| c.author.clone()))
            tools=view! {
                <SearchBox />
                <ThemeToggle />
            }
        >
            {children()}
        </Frame>
    }
}

/// `Page · Site`, or just the site's title on the home page.
fn site_title(site: Site, page: &str) -> String {
    let name = site
        .config
        .get()
        .map(|config| config.title.clone())
        .unwrap_or_else(|| "Folio".to_owned());
    if page.is_empty() {
        name
    } else {
        format!("{page} · {name}")
    }
}
