//! The few things the app asks of the page itself, outside the reactive tree.

use wasm_bindgen::JsCast;
use web_sys::{HtmlMetaElement, ScrollBehavior, ScrollIntoViewOptions};

/// The site's base path (`/` or `/blog/`), from the `folio:base` meta tag the build writes into
/// every shell. A page without it (plain `trunk serve` of an unindexed site) is served from `/`.
pub(crate) fn base_path() -> String {
    let content = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name='folio:base']")
                .ok()
                .flatten()
        })
        .and_then(|element| element.dyn_into::<HtmlMetaElement>().ok())
        .map(|meta| meta.content());
    folio_core::paths::normalize_base(content.as_deref().unwrap_or("/"))
}

/// Scrolls to the element named by the URL's fragment, if there is one on the page.
///
/// The router scrolls on navigation, but a post arrives later than that (it is fetched and
/// rendered after the route changes), so the post page calls this once its HTML is in place.
/// Returns whether an element was found.
pub(crate) fn scroll_to_fragment() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(hash) = window.location().hash() else {
        return false;
    };
    let Some(fragment) = hash.strip_prefix('#').filter(|f| !f.is_empty()) else {
        return false;
    };
    let id = folio_core::paths::decode_segment(fragment).unwrap_or_else(|| fragment.to_owned());
    let Some(element) = window.document().and_then(|d| d.get_element_by_id(&id)) else {
        return false;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Removes the description and canonical tags the build wrote into the shell: from here on
/// the app sets them per page (through `leptos_meta`), and two of each would disagree.
pub(crate) fn drop_static_head() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Ok(nodes) =
        document.query_selector_all("head meta[name='description'], head link[rel='canonical']")
    {
        for i in 0..nodes.length() {
            if let Some(element) = nodes
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                element.remove();
            }
        }
    }
}

/// Click handler for rendered post bodies: links to files (an image, a PDF, the raw `.md`)
/// are real page loads, not routes, so the router must not take them over.
pub(crate) fn let_file_links_load(event: web_sys::MouseEvent) {
    let Some(anchor) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let last_segment = anchor.pathname();
    let last_segment = last_segment.rsplit('/').next().unwrap_or_default();
    if last_segment.contains('.') {
        event.stop_propagation();
    }
}
