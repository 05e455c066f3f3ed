//! The document's title and description, set by the page being shown (what `leptos_meta` did
//! for Folio, without its head manager: see `router`).

use folio_views::frame::document_title;
use leptos::prelude::*;
use leptos::text_prop::TextProp;
use send_wrapper::SendWrapper;

use crate::site::Site;

/// The document's title while the page is shown: `text · site`, or the site's title alone for
/// an empty `text` (the home page). Follows `text` and the site's configuration.
#[component]
pub(crate) fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    let site = expect_context::<Site>();
    Effect::new(move |_| document().set_title(&site_title(site, &text.get())));
}

/// `Page · Site`, or just the site's title on the home page ("Folio" until the site's
/// configuration has arrived).
fn site_title(site: Site, page: &str) -> String {
    site.config.with(|config| {
        let name = config
            .as_ref()
            .map_or("Folio", |config| config.title.as_str());
        document_title(page, name)
    })
}

/// A `<meta name="description">` in the document's head while the page is shown.
#[component]
pub(crate) fn Description(#[prop(into)] content: TextProp) -> impl IntoView {
    let document = document();
    let Ok(meta) = document.create_element("meta") else {
        return;
    };
    let _ = meta.set_attribute("name", "description");
    if let Some(head) = document.head() {
        let _ = head.append_child(&meta);
    }
    let shown = meta.clone();
    Effect::new(move |_| {
        let _ = shown.set_attribute("content", &content.get());
    });
    let meta = SendWrapper::new(meta);
    on_cleanup(move || meta.remove());
}
