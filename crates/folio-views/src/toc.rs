//! A post's table of contents: h2–h4, beside the text on wide screens, collapsible above it on
//! narrow ones. Which section is being read is the app's to tell (it watches the scroll).

use folio_core::{Heading, ids};
use leptos::prelude::*;

pub use folio_core::markdown::toc_headings;

/// The table of contents of `headings` (from [`toc_headings`]), or nothing when it is empty.
#[component]
pub fn Toc(
    headings: Vec<Heading>,
    /// The id of the section being read, marked as the current location.
    #[prop(optional, into)]
    active: Signal<Option<String>>,
    /// Whether the list is unfolded (narrow screens).
    #[prop(optional)]
    open: RwSignal<bool>,
) -> impl IntoView {
    let site = crate::site();
    if headings.is_empty() {
        return ().into_any();
    }
    let items = headings
        .into_iter()
        .map(|heading| {
            let id = heading.id.clone();
            let is_active = move || active.get().as_deref() == Some(id.as_str());
            let class = {
                let is_active = is_active.clone();
                move || is_active().then_some("active")
            };
            view! {
                <li class=format!("toc-level-{}", heading.level)>
                    <a
                        href=format!("#{}", heading.id)
                        class=class
                        aria-current=move || is_active().then_some("location")
                        on:click=move |_| open.set(false)
                    >
                        {heading.text}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-label=site.text.contents>
            <div class="toc-inner">
                <p class="toc-title" aria-hidden="true">{site.text.contents}</p>
                <button
                    type="button"
                    class="toc-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=ids::TOC_LIST
                    on:click=move |_| open.update(|open| *open = !*open)
                >
                    {site.text.contents}
                </button>
                <ol id=ids::TOC_LIST class="toc-list" class:open=move || open.get()>
                    {items}
                </ol>
            </div>
        </nav>
    }
    .into_any()
}
