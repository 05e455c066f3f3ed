//! One post at `/posts/<slug>/`: fetched as raw Markdown, rendered in the browser.

use std::sync::Arc;

use folio_core::{PostEntry, Severity};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::browser;
use crate::components::byline::Byline;
use crate::components::status::{LoadFailed, Loading};
use crate::site::{LoadedPost, Site, load_post};

/// The post named by the `slug` route parameter.
#[component]
pub(crate) fn PostPage() -> impl IntoView {
    let site = expect_context::<Site>();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let post = LocalResource::new(move || load_post(site, slug.get()));
    let retry = Callback::new(move |()| {
        if matches!(site.manifest.get(), Some(Err(_))) {
            site.manifest.refetch();
        }
        post.refetch();
    });
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
    let post = &loaded.post;
    // The byline describes the file as fetched now, which may be newer than the index.
    let entry = PostEntry::from_post(post, &loaded.entry.file, &loaded.manifest.site);
    let description = entry
        .description
        .clone()
        .unwrap_or_else(|| entry.excerpt.clone());
    let language = loaded.manifest.site.language.clone();
    let notice = (!post.problems.is_empty()).then(|| problems_notice(post));
    let body = NodeRef::<leptos::html::Div>::new();
    // The body exists once the node ref is set, but Suspense may still be moving it into the
    // document; scroll on the next frame, when it is there.
    Effect::new(move |_| {
        if body.get().is_some() {
            request_animation_frame(|| {
                browser::scroll_to_fragment();
            });
        }
    });
    view! {
        <Title text=post.title.clone() />
        <Meta name="description" content=description />
        <article class="post" lang=post.meta.lang.clone()>
            <header class="post-header">
                <h1 class="post-title">{post.title.clone()}</h1>
                <Byline entry language with_author=true />
            </header>
            {notice}
            <div
                class="post-body"
                node_ref=body
                inner_html=post.rendered.html.clone()
                on:click=browser::let_file_links_load
            ></div>
            <footer class="post-footer">
                <A href=site.base>"← All posts"</A>
            </footer>
        </article>
    }
}

/// A visible notice listing what is wrong with the post's source, so a writer sees it and a
/// reader knows why something looks off.
fn problems_notice(post: &folio_core::Post) -> impl IntoView + use<> {
    let has_errors = post.problems.iter().any(|p| p.severity == Severity::Error);
    let class = if has_errors {
        "notice notice-warning"
    } else {
        "notice notice-info"
    };
    let items = post
        .problems
        .iter()
        .map(|problem| view! { <li>{format!("Line {}: {}", problem.line, problem.message)}</li> })
        .collect_view();
    view! {
        <aside class=class role="note" aria-label="Problems in this post">
            <p>
                <strong>"This post has problems in its source."</strong>
                " It is shown as far as it could be read."
            </p>
            <ul>{items}</ul>
        </aside>
    }
}
