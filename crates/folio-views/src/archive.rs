//! The archive: every post, grouped by year, newest first, a page at a time.

use folio_core::{ListPage, ids, paths};
use leptos::prelude::*;

use crate::markup::{Markup, listing};
use crate::pagination::write_pagination;

/// One page of the archive ([`ListPage::by_year`] groups its posts).
#[component]
pub fn Archive(page: ListPage) -> impl IntoView {
    let site = crate::site();
    let mut html = Markup::default();
    html.element("h1", &[("class", "page-title")], site.text.archive)
        .element(
            "p",
            &[("class", "page-subtitle")],
            &(site.text.post_count)(page.total_posts),
        );
    for (year, posts) in page.by_year() {
        let label = year.map_or_else(|| "—".to_owned(), |year| year.to_string());
        let id = ids::archive_year(&label);
        html.open(
            "section",
            &[("class", "archive-year"), ("aria-labelledby", &id)],
        )
        .element("h2", &[("id", &id)], &label)
        .open("ol", &[("class", "archive-list")]);
        for post in posts {
            html.open("li", &[]);
            if let Some(date) = post.date {
                html.element(
                    "time",
                    &[("datetime", &date.to_string())],
                    &format!("{:02}-{:02}", date.month(), date.day()),
                );
            }
            let href = paths::post_url(site.base, &post.slug);
            html.element("a", &[("href", &href)], &post.title)
                .close("li");
        }
        html.close("ol").close("section");
    }
    write_pagination(&mut html, site, page.paged(), page.page, page.pages);
    listing(html)
}
