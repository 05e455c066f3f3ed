//! The archive: every post, grouped by year, newest first, a page at a time.

use folio_core::{ListPage, ids, paths};
use leptos::prelude::*;

use crate::pagination::pagination;

/// One page of the archive ([`ListPage::by_year`] groups its posts).
#[component]
pub fn Archive(page: ListPage) -> impl IntoView {
    let site = crate::site();
    let years = page
        .by_year()
        .into_iter()
        .map(|(year, posts)| {
            let label = year.map_or_else(|| "—".to_owned(), |year| year.to_string());
            let items = posts
                .into_iter()
                .map(|post| {
                    let day = post.date.map(|date| {
                        view! {
                            <time datetime=date.to_string()>
                                {format!("{:02}-{:02}", date.month(), date.day())}
                            </time>
                        }
                    });
                    let href = paths::post_url(site.base, &post.slug);
                    view! {
                        <li>
                            {day}
                            <a href=href>{post.title.clone()}</a>
                        </li>
                    }
                })
                .collect_view();
            let id = ids::archive_year(&label);
            let labelled_by = id.clone();
            view! {
                <section class="archive-year" aria-labelledby=labelled_by>
                    <h2 id=id>{label}</h2>
                    <ol class="archive-list">{items}</ol>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1 class="page-title">{site.text.archive}</h1>
        <p class="page-subtitle">{(site.text.post_count)(page.total_posts)}</p>
        {years}
        {pagination(page.paged(), page.page, page.pages)}
    }
}
