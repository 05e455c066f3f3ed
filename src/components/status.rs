//! What a page shows while it waits, and when loading failed.

use leptos::prelude::*;

use crate::fetch::LoadError;
use crate::pages::not_found::NotFound;

/// A visible, accessible loading indicator.
#[component]
pub(crate) fn Loading() -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            "Loading…"
        </div>
    }
}

/// A failed load: "not found" gets the not-found page; anything else says what went wrong and
/// offers to try again.
#[component]
pub(crate) fn LoadFailed(error: LoadError, retry: Callback<()>) -> impl IntoView {
    if error == LoadError::NotFound {
        return view! { <NotFound /> }.into_any();
    }
    let retryable = error.retryable();
    view! {
        <div class="notice notice-error" role="alert">
            <h1>{error.title()}</h1>
            <p class="notice-detail">{error.to_string()}</p>
            <Show when=move || retryable>
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    "Try again"
                </button>
            </Show>
        </div>
    }
    .into_any()
}
