//! One post at `/posts/<path>/`: fetched as raw Markdown, rendered in the browser.

use std::sync::Arc;

use folio_core::paths;
use folio_views::post::Article;
use folio_views::toc::toc_headings;
use leptos::prelude::*;

use crate::browser;
use crate::components::status::loaded;
use crate::components::toc::section_being_read;
use crate::head::{Description, Title};
use crate::router::{NavigateOptions, navigate, use_location};
use crate::site::{LoadedPost, Site, load_post};

/// The post the address names (its path below `/posts/`, any depth).
#[component]
pub(crate) fn PostPage() -> impl IntoView {
    let site = expect_context::<Site>();
    let location = use_location();
    // Read from the address itself, decoded segment by segment as the build encoded it; an
    // address that names no valid post path is a not-found.
    let slug = Memo::new(move |_| {
        paths::post_path_in_url(site.base, &location.pathname.get()).unwrap_or_default()
    });
    // A failed manifest or post is forgotten by the cache: trying again asks for both anew.
    loaded(
        move || load_post(site, slug.get()),
        |loaded| view! { <PostView loaded /> },
    )
}

#[component]
fn PostView(loaded: Arc<LoadedPost>) -> impl IntoView {
    let site = expect_context::<Site>();
    // An old address of the post (see `Manifest::redirects`): the address bar gets its page's.
    let location = use_location();
    let here = paths::post_path_in_url(site.base, &location.pathname.get_untracked());
    if here.as_deref() != Some(loaded.page.entry.slug.as_str()) {
        let url =
            paths::post_url(site.base, &loaded.page.entry.slug) + &location.hash.get_untracked();
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
            },
        );
    }
    let text = site.text;
    let page = loaded.page.clone();
    let entry = &page.entry;
    let rendered = &loaded.rendered;
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
        <Description content=entry.summary().to_owned() />
        <Article
            page
            body=rendered.html.clone()
            headings=rendered.headings.clone()
            body_ref=body
            on_body_click=Callback::new(move |event| browser::on_post_body_click(event, text))
            active
        />
    }
}
