//! The archive: every post, grouped by year, newest first.

use folio_core::{Manifest, PostEntry, ids, paths};
use leptos::prelude::*;

/// All posts by year; `years` as [`folio_core::Manifest::by_year`] groups them.
#[component]
pub fn Archive(total: usize, years: Vec<(Option<u16>, Vec<PostEntry>)>) -> impl IntoView {
    let site = crate::site();
    let years = years
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
                            <a href=href>{post.title}</a>
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
        <p class="page-subtitle">{(site.text.post_count)(total)}</p>
        {years}
    }
}

/// The manifest's posts by year ([`Manifest::by_year`]), as [`Archive`] takes them.
pub fn years(manifest: &Manifest) -> Vec<(Option<u16>, Vec<PostEntry>)> {
    manifest
        .by_year()
        .into_iter()
        .map(|(year, posts)| (year, posts.into_iter().cloned().collect()))
        .collect()
}
