//! The archive at `/archive/`: every post, grouped by year, newest first.

use folio_views::archive::{Archive, years};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::reveal::Reveal;
use crate::components::status::loaded;
use crate::site::Site;

/// All posts by year.
#[component]
pub(crate) fn ArchivePage() -> impl IntoView {
    let site = expect_context::<Site>();
    view! {
        <Title text=site.text.archive />
        {loaded(move || site.manifest(), |manifest| view! {
            <Archive total=manifest.posts.len() years=years(&manifest) />
            <Reveal />
        })}
    }
}
