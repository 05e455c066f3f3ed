//! The archive at `/archive/`: every post, grouped by year, newest first.

use folio_views::archive::{Archive, years};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

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
                Either::Right(view! {
                    <Archive total=manifest.posts.len() years=years(&manifest) />
                    <Reveal />
                })
            })}
        </Suspense>
    }
}
