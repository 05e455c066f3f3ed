//! The archive at `/archive/`: every post, grouped by year, newest first.

use folio_core::{PostEntry, paths};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::status::{LoadFailed, Loading};
use crate::site::Site;

/// All posts by year.
#[component]
pub(crate) fn ArchivePage() -> impl IntoView {
    let site = expect_context::<Site>();
    let retry = Callback::new(move |()| site.manifest.refetch());
    view! {
        <Title text=site.text.archive />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let manifest = match site.manifest.await {
                    Ok(manifest) => manifest,
                    Err(error) => return Either::Left(view! { <LoadFailed error retry /> }),
                };
                let years = by_year(&manifest.posts)
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
                                let title = post.title.clone();
                                view! {
                                    <li>
                                        {day}
                                        <A href=href>{title}</A>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="archive-year" aria-labelledby=format!("year-{label}")>
                                <h2 id=format!("year-{label}")>{label.clone()}</h2>
                                <ol class="archive-list">{items}</ol>
                            </section>
                        }
                    })
                    .collect_view();
                Either::Right(view! {
                    <h1 class="page-title">{site.text.archive}</h1>
                    <p class="page-subtitle">{(site.text.post_count)(manifest.posts.len())}</p>
                    {years}
                })
            })}
        </Suspense>
    }
}

/// Posts grouped by year in the order they come (newest first); undated posts last.
fn by_year(posts: &[PostEntry]) -> Vec<(Option<u16>, Vec<&PostEntry>)> {
    let mut groups: Vec<(Option<u16>, Vec<&PostEntry>)> = Vec::new();
    for post in posts {
        let year = post.date.map(|date| date.year());
        match groups.iter_mut().find(|(y, _)| *y == year) {
            Some((_, list)) => list.push(post),
            None => groups.push((year, vec![post])),
        }
    }
    groups.sort_by_key(|(year, _)| std::cmp::Reverse(year.map_or(0, i32::from)));
    groups
}
