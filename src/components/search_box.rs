//! The search box in the header, equipped (`folio_views::search_box` is its markup). Typing
//! searches at once: each keystroke puts the query in the address of the search page
//! (`/search/?q=…`), which shows the results, so the address is always a link to them. `/`
//! anywhere (outside a text field) jumps into the box.

use folio_core::search::page_url;
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::router::{NavigateOptions, navigate, use_location, use_query};
use crate::site::Site;

/// A search field that drives the search page.
#[component]
pub(crate) fn SearchBox() -> impl IntoView {
    let site = expect_context::<Site>();
    let location = use_location();
    let query = use_query("q");
    let input = NodeRef::<Input>::new();
    let search_path = page_url(site.base, "");
    let on_search_page = {
        let search_path = search_path.clone();
        move || is_search_path(&location.pathname.get(), &search_path)
    };
    // The address is the truth: a hard load of `/search/?q=…`, or going back and forth in
    // history, shows its query in the box; anywhere else the box is empty. Typing navigates first,
    // so the box already holds what the address says and nothing moves under the caret.
    let address_query = {
        let on_search_page = on_search_page.clone();
        move || {
            if on_search_page() {
                query.get()
            } else {
                String::new()
            }
        }
    };
    Effect::new(move |_| {
        let wanted = address_query();
        if let Some(input) = input.get()
            && input.value() != wanted
        {
            input.set_value(&wanted);
        }
    });
    let go = move |query: String, replace: bool| {
        navigate(
            &page_url(site.base, &query),
            NavigateOptions {
                replace,
                scroll: false,
            },
        );
    };
    let on_input = Callback::new({
        let on_search_page = on_search_page.clone();
        move |event: ev::Event| {
            let query = event_target_value(&event);
            let here = on_search_page();
            // Typing on another page opens the search page (one history entry); typing on it
            // replaces the address, so Back leaves search instead of undoing letters.
            if here || !query.is_empty() {
                go(query, here);
            }
        }
    });
    let on_submit = Callback::new(move |event: ev::SubmitEvent| {
        event.prevent_default();
        let query = input.get().map(|input| input.value()).unwrap_or_default();
        go(query, on_search_page());
    });
    let slash = window_event_listener(ev::keydown, move |event| {
        let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
        if event.key() == "/"
            && plain
            && !typing_in_a_field()
            && let Some(input) = input.get()
        {
            event.prevent_default();
            let _ = input.focus();
            input.select();
        }
    });
    on_cleanup(move || slash.remove());
    // The reader is about to type: the search module loads meanwhile.
    let on_focus = Callback::new(|_| crate::extras::search::preload());
    view! { <folio_views::search_box::SearchBox input on_input on_submit on_focus /> }
}

/// Whether `path` is the search page (`/blog/search/` or `/blog/search`).
fn is_search_path(path: &str, search_path: &str) -> bool {
    path.trim_end_matches('/') == search_path.trim_end_matches('/')
}

/// Whether the keyboard focus is in a field that takes text, where `/` is just a character.
fn typing_in_a_field() -> bool {
    let Some(active) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
    else {
        return false;
    };
    let tag = active.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || active
            .dyn_into::<web_sys::HtmlElement>()
            .is_ok_and(|element| element.is_content_editable())
}

#[cfg(test)]
mod tests {
    use super::is_search_path;

    #[test]
    fn the_search_page_is_recognised_with_or_without_its_slash() {
        let cases = [
            ("/search/", "/search/", true),
            ("/search", "/search/", true),
            ("/blog/search/", "/blog/search/", true),
            ("/blog/search", "/blog/search/", true),
            ("/search/", "/blog/search/", false),
            ("/posts/search/", "/search/", false),
            ("/", "/search/", false),
        ];
        for (path, search, expected) in cases {
            assert_eq!(is_search_path(path, search), expected, "{path}");
        }
    }
}
