//! The home page: newest posts first, paginated at `/`, `/page/2/`, …, each page from its own
//! small file (`posts/pages/<n>.json`), never from the manifest of every post.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::post_list::PostList;
use crate::components::reveal::Reveal;
use crate::components::status::{LoadFailed, Loading};
use crate::pages::not_found::NotFound;
use crate::site::Site;

/// One page of the post list.
#[component]
pub(crate) fn Home() -> impl IntoView {
    let site = expect_context::<Site>();
    let text = site.text;
    let params = use_params_map();
    // `None` when the page segment is not a positive number: a not-found, not page 1.
    let page = Memo::new(move |_| match params.read().get("page") {
        None => Some(1),
        Some(text) => text.parse::<usize>().ok().filter(|page| *page >= 1),
    });
    // Only this page's file: the home page never waits for (or downloads) the whole manifest.
    // A page past the last one has no file, so its load is a not-found (`LoadFailed`).
    let home = LocalResource::new(move || {
        let page = page.get();
        async move {
            match page {
                Some(page) => site.home_page(page).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let retry = Callback::new(move |()| home.refetch());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let home = match home.await {
                    Ok(Some(home)) => home,
                    Ok(None) => return Either::Right(Either::Left(view! { <NotFound /> })),
                    Err(error) => return Either::Left(view! { <LoadFailed error retry /> }),
                };
                let (page, pages) = (home.page, home.pages);
                let posts = home.posts.clone();
                let description = home.site.description.clone();
                let title = if page == 1 { String::new() } else { (text.page_title)(page) };
                let page_href = move |page: usize| {
                    if page == 1 { site.base.to_owned() } else { site.href(&format!("page/{page}/")) }
                };
                let newer = (page > 1).then(|| {
                    view! { <A href=page_href(page - 1) attr:class="newer" attr:rel="prev">{text.newer_posts}</A> }
                });
                let older = (page < pages).then(|| {
                    view! { <A href=page_href(page + 1) attr:class="older" attr:rel="next">{text.older_posts}</A> }
                });
                let intro = (page == 1 && !description.is_empty())
                    .then(|| view! { <p class="home-intro">{description.clone()}</p> });
                let empty = (home.total_posts == 0).then(|| view! { <p class="empty">{text.no_posts}</p> });
                let pagination = (pages > 1).then(|| view! {
                    <nav class="pagination" aria-label=text.pages_nav>
                        {newer}
                        <span class="page-number">{(text.page_of)(page, pages)}</span>
                        {older}
                    </nav>
                });
                Either::Right(Either::Right(view! {
                    <Title text=title />
                    <Meta name="description" content=description />
                    <h1 class="visually-hidden">{text.posts}</h1>
                    {intro}
                    {empty}
                    <PostList posts />
                    {pagination}
                    <Reveal />
                }))
            })}
        </Suspense>
    }
}
