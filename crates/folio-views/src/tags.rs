//! The tag list (`/tags/`: every tag, sized by use) and one tag's posts (`/tags/<tag>/`).

use folio_core::{ListPage, TagCount, paths};
use leptos::prelude::*;

use crate::markup::{Markup, listing};
use crate::pagination::write_pagination;
use crate::post_list::write_post_list;

/// Every tag, most used first, sized by use.
#[component]
pub fn TagCloud(tags: Vec<TagCount>) -> impl IntoView {
    let site = crate::site();
    let most = tags.first().map_or(1, |tag| tag.count);
    let mut html = Markup::default();
    html.element("h1", &[("class", "page-title")], site.text.tags)
        .open("ul", &[("class", "tag-cloud")]);
    for tag in &tags {
        let href = paths::tag_url(site.base, &tag.slug);
        let size = format!("tag-size-{}", tag.size(most));
        html.open("li", &[("class", &size)])
            .element("a", &[("href", &href)], &format!("#{}", tag.name))
            .element("span", &[("class", "count")], &tag.count.to_string())
            .close("li");
    }
    html.close("ul");
    listing(html)
}

/// One page of the posts carrying a tag; nothing for a page that is not a tag's.
#[component]
pub fn TagPosts(page: ListPage) -> impl IntoView {
    let site = crate::site();
    let name = page.list.tag_name()?;
    let mut html = Markup::default();
    html.element("h1", &[("class", "page-title")], &format!("#{name}"))
        .open("p", &[("class", "page-subtitle")])
        .text(&(site.text.post_count)(page.total_posts))
        .text(" · ")
        .element(
            "a",
            &[("href", &paths::href(site.base, "tags/"))],
            site.text.all_tags,
        )
        .close("p");
    write_post_list(&mut html, site, &page.posts);
    write_pagination(&mut html, site, page.paged(), page.page, page.pages);
    Some(listing(html))
}
