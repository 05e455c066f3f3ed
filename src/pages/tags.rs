//! Tag pages: every tag with its post count at `/tags/`, and one tag's posts at `/tags/<tag>/`.

use folio_views::tags::{TagCloud, TagPosts};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::reveal::Reveal;
use crate::components::status::loaded;
use crate::pages::not_found::NotFound;
use crate::site::Site;

/// All tags, most used first, sized by use.
#[component]
pub(crate) fn TagsPage() -> impl IntoView {
    let site = expect_context::<Site>();
    view! {
        <Title text=site.text.tags />
        {loaded(move || site.manifest(), |manifest| view! {
            <TagCloud tags=manifest.tags() />
            <Reveal />
        })}
    }
}

/// The posts carrying one tag.
#[component]
pub(crate) fn TagPage() -> impl IntoView {
    let site = expect_context::<Site>();
    let params = use_params_map();
    let tag = Memo::new(move |_| params.read().get("tag").unwrap_or_default());
    loaded(
        move || site.manifest(),
        move |manifest| {
            let slug = tag.get();
            let Some(name) = manifest
                .tags()
                .into_iter()
                .find(|t| t.slug == slug)
                .map(|t| t.name)
            else {
                return Either::Left(view! { <NotFound /> });
            };
            let posts: Vec<_> = manifest.posts_tagged(&slug).cloned().collect();
            Either::Right(view! {
                <Title text=format!("#{name}") />
                <TagPosts name posts />
                <Reveal />
            })
        },
    )
}
