//! A list of posts as cards: title, byline and summary.

use folio_core::{PostEntry, paths};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::byline::Byline;
use crate::site::Site;

/// Posts as an ordered list of cards, in the order given.
#[component]
pub(crate) fn PostList(posts: Vec<PostEntry>) -> impl IntoView {
    let site = expect_context::<Site>();
    let cards = posts
        .into_iter()
        .map(|entry| {
            let href = paths::post_url(site.base, &entry.slug);
            let summary = entry
                .description
                .clone()
                .filter(|text| !text.trim().is_empty())
                .unwrap_or_else(|| entry.excerpt.clone());
            let title = entry.title.clone();
            let draft = entry
                .draft
                .then(|| view! { <span class="badge">{site.text.draft}</span> });
            view! {
                <li class="post-card">
                    <h2 class="post-card-title">
                        <A href=href>{title}</A>
                        {draft}
                    </h2>
                    <Byline entry=entry />
                    <p class="post-card-summary">{summary}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="post-list">{cards}</ol> }
}
