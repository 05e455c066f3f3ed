//! A list of posts as cards: title, byline and summary.

use folio_core::{PostEntry, paths};
use leptos::prelude::*;

use crate::byline::Byline;

/// Posts as an ordered list of cards, in the order given.
#[component]
pub fn PostList(posts: Vec<PostEntry>) -> impl IntoView {
    let site = crate::site();
    let cards = posts
        .into_iter()
        .map(|entry| {
            let href = paths::post_url(site.base, &entry.slug);
            let summary = entry.summary().to_owned();
            let title = entry.title.clone();
            let draft = entry
                .draft
                .then(|| view! { <span class="badge">{site.text.draft}</span> });
            view! {
                <li class="post-card">
                    <h2 class="post-card-title">
                        <a href=href>{title}</a>
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
