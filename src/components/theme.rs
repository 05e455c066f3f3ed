//! The light/dark switch in the header.

use leptos::prelude::*;

use crate::browser;
use crate::site::Site;

/// A button that flips the theme and remembers the choice.
#[component]
pub(crate) fn ThemeToggle() -> impl IntoView {
    let site = expect_context::<Site>();
    let dark = RwSignal::new(browser::theme_is_dark());
    let label = move || {
        if dark.get() {
            site.text.light_theme
        } else {
            site.text.dark_theme
        }
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-label=label
            title=label
            on:click=move |_| {
                let next = !dark.get_untracked();
                browser::set_theme(next);
                dark.set(next);
            }
        >
            <span aria-hidden="true">{move || if dark.get() { "☀" } else { "☾" }}</span>
        </button>
    }
}
