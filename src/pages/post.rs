//! One post at `/posts/<slug>/`: fetched as raw Markdown, rendered in the browser.

use std::sync::Arc;

use folio_core::{PostEntry, Problem, Severity, paths};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::browser;
use crate::components::byline::Byline;
use crate::components::status::{LoadFailed, Loading};
use crate::components::toc::Toc;
use crate::site::{LoadedPost, Site, load_post};

/// The post named by the `slug` route parameter.
#[component]
pub(crate) fn PostPage() -> impl IntoView {
    let site = expect_context::<Site>();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let post = LocalResource::new(move || load_post(site, slug.get()));
    // A failed manifest or post is forgotten by the cache: loading again asks for both anew.
    let retry = Callback::new(move |()| post.refetch());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match post.await {
                    Ok(loaded) => Either::Left(view! { <PostView loaded /> }),
                    Err(error) => Either::Right(view! { <LoadFailed error retry /> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PostView(loaded: Arc<LoadedPost>) -> impl IntoView {
    let site = expect_context::<Site>();
    let text = site.text;
    let entry = loaded.entry.clone();
    let rendered = &loaded.rendered;
    let description = entry
        .description
        .clone()
        .unwrap_or_else(|| entry.excerpt.clone());
    let notice = (!entry.problems.is_empty()).then(|| problems_notice(site, &entry.problems));
    let edit = loaded
        .manifest
        .site
        .edit_link(&entry.file)
        .map(|href| view! { <a class="edit-link" href=href rel="noopener noreferrer">{text.edit_page}</a> });
    let body = NodeRef::<leptos::html::Div>::new();
    // The body exists once the node ref is set. Over a first paint, the browser has already
    // scrolled to the fragment (and the reader may have scrolled on): swap and stay. Otherwise
    // Suspense may still be moving the body into the document: scroll on the next frame.
    Effect::new(move |_| {
        if body.get().is_some() && !browser::reveal_app() {
            request_animation_frame(|| {
                browser::scroll_to_fragment();
            });
        }
    });
    view! {
        <Title text=entry.title.clone() />
        <Meta name="description" content=description />
        <article class="post" lang=entry.lang.clone()>
            <header class="post-header">
                <h1 class="post-title">{entry.title.clone()}</h1>
                <Byline entry=entry.clone() with_author=true />
            </header>
            {notice}
            <Toc headings=rendered.headings.clone() />
            <div
                class="post-body"
                node_ref=body
                inner_html=rendered.html.clone()
                on:click=move |event| browser::on_post_body_click(event, text)
            ></div>
            <footer class="post-footer">
                <Neighbours loaded=Arc::clone(&loaded) />
                <p class="post-footer-links">
                    <A href=site.base>{text.all_posts}</A>
                    {edit}
                </p>
            </footer>
        </article>
    }
}

/// Links to the next newer and next older post, by date.
#[component]
fn Neighbours(loaded: Arc<LoadedPost>) -> impl IntoView {
    let site = expect_context::<Site>();
    let posts = &loaded.manifest.posts;
    let Some(index) = posts.iter().position(|p| p.slug == loaded.entry.slug) else {
        return ().into_any();
    };
    let link = |post: Option<&PostEntry>, class: &'static str, label: &'static str| {
        post.map(|post| {
            let href = paths::post_url(site.base, &post.slug);
            let title = post.title.clone();
            view! {
                <A href=href attr:class=class>
                    <span class="post-nav-label">{label}</span>
                    <span class="post-nav-title">{title}</span>
                </A>
            }
        })
    };
    let newer = link(
        index.checked_sub(1).and_then(|i| posts.get(i)),
        "newer",
        site.text.newer_post,
    );
    let older = link(posts.get(index + 1), "older", site.text.older_post);
    if newer.is_none() && older.is_none() {
        return ().into_any();
    }
    view! {
        <nav class="post-nav" aria-label=site.text.post_nav>
            {newer}
            {older}
        </nav>
    }
    .into_any()
}

/// A visible notice listing what is wrong with the post's source, so a writer sees it and a
/// reader knows why something looks off.
fn problems_notice(site: Site, problems: &[Problem]) -> impl IntoView + use<> {
    let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
    let class = if has_errors {
        "notice notice-warning"
    } else {
        "notice notice-info"
    };
    let items = problems
        .iter()
        .map(|problem| {
            view! { <li>{(site.text.problem_line)(problem.line)}{problem.message.clone()}</li> }
        })
        .collect_view();
    view! {
        <aside class=class role="note" aria-label=site.text.problems_title>
            <p>
                <strong>{site.text.problems_title}</strong>
                {site.text.problems_body}
            </p>
            <ul>{items}</ul>
        </aside>
    }
}
