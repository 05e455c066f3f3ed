//! The page for any URL that names nothing: unknown routes, posts and tags.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::site::Site;

/// A real not-found page, with a way back.
#[component]
pub(crate) fn NotFound() -> impl IntoView {
    let site = expect_context::<Site>();
    view! {
        <Title text="Page not found" />
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. The post may have moved or never existed."</p>
            <p><A href=site.base>"← All posts"</A></p>
        </section>
    }
}
