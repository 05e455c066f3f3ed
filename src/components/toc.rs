//! Which section of a post is being read, for its table of contents
//! (`folio_views::toc::Toc`) to highlight.

use folio_core::Heading;
use leptos::ev;
use leptos::prelude::*;

/// A heading counts as "being read" once its top is above this share of the window's height…
const READING_LINE_SHARE: f64 = 0.3;
/// …but never above this many pixels (the sticky header is about 3.5rem high).
const READING_LINE_MIN_PX: f64 = 96.0;

/// The id of the section being read among `headings` (those the table of contents lists),
/// kept up to date as the reader scrolls, for as long as the calling view lives.
pub(crate) fn section_being_read(headings: &[Heading]) -> RwSignal<Option<String>> {
    let active = RwSignal::new(None::<String>);
    if headings.is_empty() {
        return active;
    }
    let ids: Vec<String> = headings.iter().map(|heading| heading.id.clone()).collect();
    let handle = window_event_listener(ev::scroll, move |_| {
        let current = section_in_view(&ids);
        if active.get_untracked() != current {
            active.set(current);
        }
    });
    on_cleanup(move || handle.remove());
    active
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
