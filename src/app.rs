//! The app's root: site context, head management, layout and routes.

use folio_views::SiteView;
use folio_views::frame::{Frame, Section};
use leptos::ev;
use leptos::prelude::*;

use crate::browser;
use crate::components::search_box::SearchBox;
use crate::components::theme::ThemeToggle;
use crate::pages::archive::ArchivePage;
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::post::PostPage;
use crate::pages::search::SearchPage;
use crate::pages::tags::{TagPage, TagsPage};
use crate::router::{Page, provide_router, routes, use_location};
use crate::site::Site;

/// The whole app.
#[component]
pub(crate) fn App() -> impl IntoView {
    browser::drop_static_head();
    // The base path and language are read once per page load and live as long as the page.
    let base: &'static str = Box::leak(browser::base_path().into_boxed_str());
    let lang: &'static str = Box::leak(browser::document_lang().into_boxed_str());
    let site = Site::new(base, lang);
    provide_context(site);
    provide_context(SiteView::new(base, lang));
    provide_router(base);
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
        <Layout site>
            {routes(|page| match page {
                Page::Home => view! { <Home /> }.into_any(),
                Page::Post => view! { <PostPage /> }.into_any(),
                Page::Archive => view! { <ArchivePage /> }.into_any(),
                Page::Tags => view! { <TagsPage /> }.into_any(),
                Page::Tag => view! { <TagPage /> }.into_any(),
                Page::Search => view! { <SearchPage /> }.into_any(),
                Page::NotFound => view! { <NotFound /> }.into_any(),
            })}
        </Layout>
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
