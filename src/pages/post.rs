//! One post at `/posts/<slug>/`: fetched as raw Markdown, rendered in the browser.

use std::sync::Arc;

use folio_views::post::Article;
use folio_views::toc::toc_headings;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::browser;
use crate::components::status::{LoadFailed, Loading};
use crate::components::toc::section_being_read;
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
    let manifest = &loaded.manifest;
    let (newer, older) = manifest.neighbours(&entry.slug);
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
    let active = section_being_read(&toc_headings(&rendered.headings));
    view! {
        <Title text=entry.title.clone() />
        <Meta name="description" content=entry.summary().to_owned() />
        <Article
            edit=manifest.site.edit_link(&entry.file)
            newer=newer.cloned()
            older=older.cloned()
            body=rendered.html.clone()
            headings=rendered.headings.clone()
            show_problems=true
            body_ref=body
            on_body_click=Callback::new(move |event| browser::on_post_body_click(event, text))
            active
            entry
        />
    }
}
