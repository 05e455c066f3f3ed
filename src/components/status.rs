//! What a page shows while it waits, and when loading failed.

use std::pin::Pin;
use std::rc::Rc;

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
///
/// Only the boxing below is compiled once per page type; the resource, `Suspense` and the
/// error view are compiled once for all of them (see [`shown`]).
pub(crate) fn loaded<T, Fut, V>(
    load: impl Fn() -> Fut + 'static,
    view: impl Fn(T) -> V + Clone + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
    V: IntoView + 'static,
{
    shown(erased(load, view), false)
}

/// [`loaded`], but what is shown stays until the next load has arrived, instead of the loading
/// indicator (a `Transition`): the search page's results while the reader types. `load` is
/// made by [`erased`].
pub(crate) fn loaded_in_place(load: Load) -> impl IntoView {
    shown(load, true)
}

/// A page's load and view, typed the same for every page.
pub(crate) fn erased<T, Fut, V>(
    load: impl Fn() -> Fut + 'static,
    view: impl Fn(T) -> V + Clone + 'static,
) -> Load
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
    V: IntoView + 'static,
{
    Box::new(move || {
        let data = load();
        let view = view.clone();
        Box::pin(async move {
            let data = data.await?;
            Ok(Rc::new(move || view(data.clone()).into_any()) as Show)
        })
    })
}

/// Makes the view of what a load brought: the same data may be shown more than once, when
/// `Suspense` builds its children again.
type Show = Rc<dyn Fn() -> AnyView>;

/// One load of a page's data, typed the same for every page.
pub(crate) type Load = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Result<Show, LoadError>>>>>;

/// [`loaded`] and [`loaded_in_place`], for every page: each page's data and view reach it
/// erased into a [`Show`], so the app's wasm holds one resource, one `Suspense` and one retry
/// instead of one per page type (for the five page types: 784 KB of wasm instead of 837, 4 KB
/// less brotli; the search page's own, 8 KB raw).
fn shown(load: Load, in_place: bool) -> AnyView {
    let resource = LocalResource::new(load);
    let retry = Callback::new(move |()| resource.refetch());
    let body = move || {
        Suspend::new(async move {
            match resource.await {
                Ok(show) => Either::Left(show()),
                Err(error) => Either::Right(view! { <LoadFailed error retry /> }),
            }
        })
    };
    if in_place {
        view! { <Transition fallback=Loading>{body}</Transition> }.into_any()
    } else {
        view! { <Suspense fallback=Loading>{body}</Suspense> }.into_any()
    }
}
