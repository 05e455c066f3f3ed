//! What a page shows while it waits, and when loading failed.

use leptos::either::Either;
use leptos::prelude::*;

use crate::browser;
use crate::components::reveal::Reveal;
use crate::fetch::LoadError;
use crate::pages::not_found::NotFound;
use crate::site::Site;

/// A visible, accessible loading indicator.
#[component]
pub(crate) fn Loading() -> impl IntoView {
    let site = expect_context::<Site>();
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {site.text.loading}
        </div>
    }
}

/// A failed load: "not found" gets the not-found page; anything else says what went wrong and
/// offers to try again. Over a shell's first paint (the same page, from the build), the error
/// stays out of sight: the reader keeps the page, whose links work without the app.
#[component]
pub(crate) fn LoadFailed(error: LoadError, retry: Callback<()>) -> impl IntoView {
    if error == LoadError::NotFound {
        return view! { <NotFound /> }.into_any();
    }
    leptos::logging::warn!("Folio could not load this page: {error}");
    let reveal = (!browser::has_first_paint()).then(|| view! { <Reveal /> });
    let site = expect_context::<Site>();
    let retryable = error.retryable();
    view! {
        <div class="notice notice-error" role="alert">
            <h1>{error.title(site.text)}</h1>
            <p class="notice-detail">{error.message(site.text)}</p>
            <Show when=move || retryable>
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    {site.text.try_again}
                </button>
            </Show>
        </div>
        {reveal}
    }
    .into_any()
}

/// A page made of what `load` fetches: the loading indicator until it arrives, `view` of it
/// then, [`LoadFailed`] (with "Try again", which loads again) if it failed. `load` runs again
/// whenever a signal it reads changes (a route parameter).
pub(crate) fn loaded<T, Fut, V>(
    load: impl Fn() -> Fut + 'static,
    view: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
    V: IntoView + 'static,
{
    let resource = LocalResource::new(load);
    let retry = Callback::new(move |()| resource.refetch());
    view! {
        <Suspense fallback=Loading>
            {move || {
                let view = view.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => Either::Left(view(data)),
                        Err(error) => Either::Right(view! { <LoadFailed error retry /> }),
                    }
                })
            }}
        </Suspense>
    }
}
