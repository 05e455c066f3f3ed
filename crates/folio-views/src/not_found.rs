//! The page for any URL that names nothing: unknown routes, posts and tags.

use leptos::prelude::*;

/// A real not-found page, with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let site = crate::site();
    view! {
        <section class="not-found">
            <h1>{site.text.not_found_title}</h1>
            <p>{site.text.not_found_body}</p>
            <p><a href=site.base>{site.text.all_posts}</a></p>
        </section>
    }
}
