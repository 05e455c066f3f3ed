//! A post's table of contents: h2–h4, beside the text on wide screens, collapsible above it on
//! narrow ones, with the section being read highlighted.

use folio_core::{Heading, ids};
use leptos::ev;
use leptos::prelude::*;

use crate::site::Site;

/// A heading counts as "being read" once its top is above this share of the window's height…
const READING_LINE_SHARE: f64 = 0.3;
/// …but never above this many pixels (the sticky header is about 3.5rem high).
const READING_LINE_MIN_PX: f64 = 96.0;

/// The table of contents, or nothing when a post has fewer than two sections.
#[component]
pub(crate) fn Toc(headings: Vec<Heading>) -> impl IntoView {
    let site = expect_context::<Site>();
    let entries: Vec<Heading> = headings
        .into_iter()
        .filter(|heading| (2..=4).contains(&heading.level))
        .collect();
    if entries.len() < 2 {
        return ().into_any();
    }
    let ids: Vec<String> = entries.iter().map(|heading| heading.id.clone()).collect();
    let active = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let handle = window_event_listener(ev::scroll, move |_| {
        let current = section_in_view(&ids);
        if active.get_untracked() != current {
            active.set(current);
        }
    });
    on_cleanup(move || handle.remove());

    let items = entries
        .into_iter()
        .map(|heading| {
            let id = heading.id.clone();
            let is_active = move || active.get().as_deref() == Some(id.as_str());
            view! {
                <li class=format!("toc-level-{}", heading.level)>
                    <a
                        href=format!("#{}", heading.id)
                        class:active=is_active.clone()
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

/// The last heading whose top has scrolled above the reading line; at the very bottom of the
/// page, the last heading (a short last section can never scroll up to the line).
fn section_in_view(ids: &[String]) -> Option<String> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let viewport = window.inner_height().ok()?.as_f64()?;
    let scrolled = window.scroll_y().ok()?;
    let height = f64::from(document.document_element()?.scroll_height());
    if scrolled > 0.0 && scrolled + viewport >= height - 2.0 {
        return ids.last().cloned();
    }
    let reading_line = (viewport * READING_LINE_SHARE).max(READING_LINE_MIN_PX);
    let mut current = None;
    for id in ids {
        let Some(element) = document.get_element_by_id(id) else {
            continue;
        };
        if element.get_bounding_client_rect().top() <= reading_line {
            current = Some(id.clone());
        } else {
            break;
        }
    }
    current
}
