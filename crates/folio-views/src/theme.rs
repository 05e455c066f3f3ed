//! The light/dark switch in the header.

use leptos::prelude::*;

/// A button that flips the theme. Without `on_toggle` (a shell before the app starts) it does
/// nothing, and offers the switch away from the site's default theme.
#[component]
pub fn ThemeToggle(
    /// Whether the dark theme is on.
    #[prop(optional, into)]
    dark: Signal<bool>,
    /// Flips the theme.
    #[prop(optional)]
    on_toggle: Option<Callback<()>>,
) -> impl IntoView {
    let site = crate::site();
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
                if let Some(toggle) = on_toggle {
                    toggle.run(());
                }
            }
        >
            <span aria-hidden="true">{move || if dark.get() { "☀" } else { "☾" }}</span>
        </button>
    }
}
