//! The archive at `/archive/`: every post, grouped by year, newest first.

use folio_core::{ids, paths};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::reveal::Reveal;
use crate::components::status::{LoadFailed, Loading};
use crate::site::Site;

/// All posts by year.
#[component]
pub(crate) fn ArchivePage() -> impl IntoView {
    let site = expect_context::<Site>();
    let manifest = LocalResource::new(move || site.manifest());
    let retry = Callback::new(move |()| manifest.refetch());
    view! {
        <Title text=site.text.archive />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let manifest = match manifest.await {
                    Ok(manifest) => manifest,
                    Err(error) => return Either::Left(view! { <LoadFailed error retry /> }),
                };
                let years = manifest
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
                                let title = post.title.clone();
                                view! {
                                    <li>
                                        {day}
                                        <A href=href>{title}</A>
                                    </li>
                                }
                            })
                            .collect_view();
                        let id = ids::archive_year(&label);
                        let labelled_by = id.clone();
                        view! {
                            <section class="archive-year" aria-labelledby=labelled_by>
                                <h2 id=id>{label.clone()}</h2>
                                <ol class="archive-list">{items}</ol>
                            </section>
                        }
                    })
                    .collect_view();
                Either::Right(view! {
                    <h1 class="page-title">{site.text.archive}</h1>
                    <p class="page-subtitle">{(site.text.post_count)(manifest.posts.len())}</p>
                    {years}
                    <Reveal />
                })
            })}
        </Suspense>
    }
}
