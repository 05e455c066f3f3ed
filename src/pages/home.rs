//! The home page: newest posts first, paginated at `/`, `/page/2/`, …, each page from its own
//! small file (`posts/pages/<n>.json`), never from the manifest of every post.

use folio_views::home::HomeView;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::reveal::Reveal;
use crate::components::status::loaded;
use crate::pages::not_found::NotFound;
use crate::site::Site;

/// One page of the post list.
#[component]
pub(crate) fn Home() -> impl IntoView {
    let site = expect_context::<Site>();
    let text = site.text;
    let params = use_params_map();
    // `None` when the page segment is not a positive number: a not-found, not page 1.
    let page = Memo::new(move |_| match params.read().get("page") {
        None => Some(1),
        Some(text) => text.parse::<usize>().ok().filter(|page| *page >= 1),
    });
    // Only this page's file: the home page never waits for (or downloads) the whole manifest.
    // A page past the last one has no file, so its load is a not-found (`LoadFailed`).
    let load = move || {
        let page = page.get();
        async move {
            match page {
                Some(page) => site.home_page(page).await.map(Some),
                None => Ok(None),
            }
        }
    };
    loaded(load, move |home| {
        let Some(home) = home else {
            return Either::Left(view! { <NotFound /> });
        };
        let (page, description) = (home.page, home.site.description.clone());
        let title = if page == 1 {
            String::new()
        } else {
            (text.page_title)(page)
        };
        Either::Right(view! {
            <Title text=title />
            <Meta name="description" content=description />
            <folio_views::home::Home home=HomeView::from(&*home) />
            <Reveal />
        })
    })
}
