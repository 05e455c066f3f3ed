//! The tag list (`/tags/`: every tag, sized by use) and one tag's posts (`/tags/<tag>/`).

use folio_core::{ListPage, TagCount, paths};
use leptos::prelude::*;

use crate::pagination::pagination;
use crate::post_list::PostList;

/// Every tag, most used first, sized by use.
#[component]
pub fn TagCloud(tags: Vec<TagCount>) -> impl IntoView {
    let site = crate::site();
    let most = tags.first().map_or(1, |tag| tag.count);
    let items = tags
        .into_iter()
        .map(|tag| {
            let href = paths::tag_url(site.base, &tag.slug);
            let size = format!("tag-size-{}", tag.size(most));
            view! {
                <li class=size>
                    <a href=href>{format!("#{}", tag.name)}</a>
                    <span class="count">{tag.count}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1 class="page-title">{site.text.tags}</h1>
        <ul class="tag-cloud">{items}</ul>
    }
}

/// One page of the posts carrying a tag; nothing for a page of another list.
#[component]
pub fn TagPosts(page: ListPage) -> impl IntoView {
    let site = crate::site();
    let name = page.list.tag_name()?;
    let count = (site.text.post_count)(page.total_posts);
    let pagination = pagination(page.paged(), page.page, page.pages);
    Some(view! {
        <h1 class="page-title">{format!("#{name}")}</h1>
        <p class="page-subtitle">
            {count} " · " <a href=paths::href(site.base, "tags/")>{site.text.all_tags}</a>
        </p>
        <PostList posts=page.posts.clone() />
        {pagination}
    })
}
