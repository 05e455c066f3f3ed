//! The home page: newest posts first, paginated at `/`, `/page/2/`, …, each page from its own
//! small file (`posts/pages/<n>.json`), never from the manifest of every post.

use folio_core::paths::Paged;
use folio_views::home::HomeView;
use folio_views::pagination::page_title;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::reveal::Reveal;
use crate::components::status::loaded;
use crate::head::{Description, Title};
use crate::pages::not_found::NotFound;
use crate::pages::{list_page, page_number};
use crate::site::Site;

/// One page of the post list.
#[component]
pub(crate) fn Home() -> impl IntoView {
    let site = expect_context::<Site>();
    let page = page_number();
    let load = move || list_page(site, Paged::Home, page.get());
    loaded(load, move |home| {
        let Some(home) = home else {
            return Either::Left(view! { <NotFound /> });
        };
        let title = page_title(site.text, None, home.page).unwrap_or_default();
        let description = home.site.description.clone();
        Either::Right(view! {
            <Title text=title />
            <Description content=description />
            <folio_views::home::Home home=HomeView::from(&*home) />
            <Reveal />
        })
    })
}
