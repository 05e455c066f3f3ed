//! The search box in the header. Without the app it is a plain form that opens the search page;
//! the app makes typing search at once.

use folio_core::search::page_url;
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;

/// A search field.
#[component]
pub fn SearchBox(
    /// The field, for the app to fill and focus.
    #[prop(optional)]
    input: NodeRef<Input>,
    /// Each change of the field.
    #[prop(optional)]
    on_input: Option<Callback<ev::Event>>,
    /// The form sent (Enter).
    #[prop(optional)]
    on_submit: Option<Callback<ev::SubmitEvent>>,
    /// The field focused (the reader is about to search).
    #[prop(optional)]
    on_focus: Option<Callback<ev::FocusEvent>>,
) -> impl IntoView {
    let site = crate::site();
    let text = site.text;
    view! {
        <form
            class="search-box"
            role="search"
            action=page_url(site.base, "")
            method="get"
            on:submit=move |event| {
                if let Some(submit) = on_submit {
                    submit.run(event);
                }
            }
        >
            <input
                node_ref=input
                type="search"
                name="q"
                autocomplete="off"
                enterkeyhint="search"
                aria-label=text.search_label
                placeholder=text.search_placeholder
                aria-keyshortcuts="/"
                on:input=move |event| {
                    if let Some(input) = on_input {
                        input.run(event);
                    }
                }
                on:focus=move |event| {
                    if let Some(focus) = on_focus {
                        focus.run(event);
                    }
                }
            />
            <kbd class="search-key" aria-hidden="true">"/"</kbd>
        </form>
    }
}
