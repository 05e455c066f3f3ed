//! The page for any URL that names nothing: unknown routes, posts and tags.

use leptos::prelude::*;

use crate::components::reveal::Reveal;
use crate::head::Title;
use crate::site::Site;

/// A real not-found page, with a way back.
#[component]
pub(crate) fn NotFound() -> impl IntoView {
    let site = expect_context::<Site>();
    site.need_config();
    view! {
        <Title text=site.text.not_found_title />
        <folio_views::not_found::NotFound />
        <Reveal />
    }
}
