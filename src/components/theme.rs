//! The light/dark switch in the header, equipped: it flips the theme and remembers the choice.

use leptos::prelude::*;

use crate::browser;

/// `folio_views::theme::ThemeToggle`, working.
#[component]
pub(crate) fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(browser::theme_is_dark());
    let toggle = Callback::new(move |()| {
        let next = !dark.get_untracked();
        browser::set_theme(next);
        dark.set(next);
    });
    view! { <folio_views::theme::ThemeToggle dark on_toggle=toggle /> }
}
