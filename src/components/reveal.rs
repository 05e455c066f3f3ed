//! The moment the app takes over from a shell's first paint.

use leptos::prelude::*;

use crate::browser;

/// Placed in a page's finished view: once it is rendered, the app replaces the first paint.
#[component]
pub(crate) fn Reveal() -> impl IntoView {
    Effect::new(|_| {
        browser::reveal_app();
    });
}
