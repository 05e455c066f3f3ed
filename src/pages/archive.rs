//! The archive at `/archive/`, `/archive/page/2/`, …: every post, grouped by year, newest
//! first, each page from its own file (`posts/pages/archive/<n>.json`).

use folio_core::paths::Paged;
use folio_views::archive::Archive;
use folio_views::pagination::page_title;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::reveal::Reveal;
use crate::components::status::loaded;
use crate::head::Title;
use crate::pages::not_found::NotFound;
use crate::pages::{list_page, page_number};
use crate::site::Site;

/// One page of the archive.
#[component]
pub(crate) fn ArchivePage() -> impl IntoView {
    let site = expect_context::<Site>();
    let page = page_number();
    let load = move || list_page(site, Paged::Archive, page.get());
    loaded(load, move |archive| {
        let Some(archive) = archive else {
            return Either::Left(view! { <NotFound /> });
        };
        let title = page_title(site.text, Some(site.text.archive), archive.page);
        Either::Right(view! {
            <Title text=title.unwrap_or_default() />
            <Archive page=(*archive).clone() />
            <Reveal />
        })
    })
}
