//! Tag pages: every tag with its post count at `/tags/` (from `posts/pages/tags.json`), and one
//! tag's posts at `/tags/<tag>/`, `/tags/<tag>/page/2/`, … (from
//! `posts/pages/tags/<tag>/<n>.json`).

use folio_core::paths::{self, Paged};
use folio_views::pagination::page_title;
use folio_views::tags::{TagCloud, TagPosts};
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::reveal::Reveal;
use crate::components::status::loaded;
use crate::head::Title;
use crate::pages::not_found::NotFound;
use crate::pages::{list_page, page_number};
use crate::router::use_tag_param;
use crate::site::Site;

/// All tags, most used first, sized by use.
#[component]
pub(crate) fn TagsPage() -> impl IntoView {
    let site = expect_context::<Site>();
    view! {
        <Title text=site.text.tags />
        {loaded(move || site.tag_list(), |list| view! {
            <TagCloud tags=list.tags.clone() />
            <Reveal />
        })}
    }
}

/// One page of the posts carrying one tag.
#[component]
pub(crate) fn TagPage() -> impl IntoView {
    let site = expect_context::<Site>();
    let tag = use_tag_param();
    let page = page_number();
    let load = move || {
        let (tag, page) = (tag.get(), page.get());
        async move {
            // A segment that could not be a folder (`..`) names no tag's files.
            let page = page.filter(|_| paths::validate_slug(&tag).is_ok());
            list_page(site, Paged::Tag(&tag), page).await
        }
    };
    loaded(load, move |tagged| {
        let Some(tagged) = tagged else {
            return Either::Left(view! { <NotFound /> });
        };
        let Some(name) = tagged.list.tag_name() else {
            return Either::Left(view! { <NotFound /> });
        };
        let title = page_title(site.text, Some(&format!("#{name}")), tagged.page);
        Either::Right(view! {
            <Title text=title.unwrap_or_default() />
            <TagPosts page=(*tagged).clone() />
            <Reveal />
        })
    })
}
