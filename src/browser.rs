//! The few things the app asks of the page itself, outside the reactive tree.

use std::cell::RefCell;

use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{
    Element, HtmlAnchorElement, HtmlDialogElement, HtmlImageElement, HtmlMetaElement,
    ScrollBehavior, ScrollIntoViewOptions,
};

use folio_core::i18n::Strings;
use folio_core::ids;

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
    // A post's ids never take the app's (`#folio-app` names the post's `post-folio-app`).
    let id = ids::content_id(&id);
    let Some(element) = window.document().and_then(|d| d.get_element_by_id(&id)) else {
        return false;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Removes the description and canonical tags the build wrote into the shell: from here on
/// the app sets them per page (through `crate::head`), and two of each would disagree.
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

/// Click handler for rendered post bodies (their HTML comes from the renderer, so behaviour is
/// attached by delegation rather than per element):
/// - a code block's copy button copies the code;
/// - an image opens full size in a lightbox, unless it is inside a link (links are the
///   router's, which leaves links to files, an image, a PDF, the raw `.md`, to the browser).
pub(crate) fn on_post_body_click(event: web_sys::MouseEvent, text: &'static Strings) {
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
    else {
        return;
    };
    if let Some(button) = closest(&target, "button.copy-code") {
        copy_code(&button, text);
        return;
    }
    if closest(&target, "a[href]").is_some() {
        return;
    }
    if let Ok(image) = target.dyn_into::<HtmlImageElement>()
        && image.complete()
        && image.natural_width() > 0
    {
        open_lightbox(&image, text);
    }
}

fn closest(element: &Element, selector: &str) -> Option<Element> {
    element.closest(selector).ok().flatten()
}

/// Copies the text of the code block the button belongs to, and says so on the button.
fn copy_code(button: &Element, text: &'static Strings) {
    let Some(code) = closest(button, ".code-block")
        .and_then(|block| block.query_selector("pre").ok().flatten())
        .and_then(|pre| pre.text_content())
    else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&code);
    let button = button.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let label = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => text.copied,
            Err(_) => text.copy_failed,
        };
        button.set_text_content(Some(label));
        let reset = button.clone();
        set_timeout(
            move || reset.set_text_content(Some(text.copy)),
            std::time::Duration::from_secs(2),
        );
    });
}

thread_local! {
    /// The lightbox once built: held, not looked up by id, which a post's element could share.
    static LIGHTBOX: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// Shows an image at full size in a modal `<dialog>` (closed by Escape, a click or the button).
fn open_lightbox(image: &HtmlImageElement, text: &'static Strings) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let dialog = match LIGHTBOX.with_borrow(Clone::clone) {
        Some(existing) => existing,
        None => match build_lightbox(&document, text) {
            Some(created) => {
                LIGHTBOX.set(Some(created.clone()));
                created
            }
            None => return,
        },
    };
    if let Some(full) = dialog
        .query_selector("img")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlImageElement>().ok())
    {
        full.set_src(&image.current_src());
        full.set_alt(&image.alt());
    }
    if let Ok(dialog) = dialog.dyn_into::<HtmlDialogElement>() {
        let _ = dialog.show_modal();
    }
}

fn build_lightbox(document: &web_sys::Document, text: &'static Strings) -> Option<Element> {
    let dialog = document.create_element("dialog").ok()?;
    dialog.set_id(ids::LIGHTBOX);
    dialog.set_class_name("lightbox");
    let close = document.create_element("button").ok()?;
    close.set_class_name("lightbox-close");
    close.set_attribute("type", "button").ok()?;
    close.set_attribute("aria-label", text.close).ok()?;
    close.set_text_content(Some("×"));
    let image = document.create_element("img").ok()?;
    dialog.append_child(&close).ok()?;
    dialog.append_child(&image).ok()?;
    let closer = dialog.clone();
    let on_click = Closure::<dyn Fn()>::new(move || {
        if let Ok(dialog) = closer.clone().dyn_into::<HtmlDialogElement>() {
            dialog.close();
        }
    });
    dialog
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
        .ok()?;
    // The dialog lives as long as the page; so does its one listener.
    on_click.forget();
    document.body()?.append_child(&dialog).ok()?;
    Some(dialog)
}

/// The language the build wrote into `<html lang>` (the site's `language`).
pub(crate) fn document_lang() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default()
}

const THEME_KEY: &str = "folio-theme";

/// Whether the page is dark right now: the reader's choice, else the system's.
pub(crate) fn theme_is_dark() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let chosen = window
        .document()
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches()),
    }
}

/// Applies and remembers the reader's theme. The inline script in `index.html` applies the
/// remembered choice before the first paint, so a reload never flashes the other theme.
pub(crate) fn set_theme(dark: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let name = if dark { "dark" } else { "light" };
    if let Some(html) = window.document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-theme", name);
    }
    // Storage can be disabled (private modes, policies); the choice then lasts for this page.
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(THEME_KEY, name);
    }
}

/// A shell's first paint and the hidden container the app renders the same page into, from the
/// moment the app mounts until it takes over.
struct Takeover {
    first_paint: Element,
    app: Element,
}

thread_local! {
    /// Held rather than looked up by id later: by then the page also holds the post, twice (in
    /// the first paint and in the app), and whatever ids its markup carries cannot stand in for
    /// these two.
    static TAKEOVER: RefCell<Option<Takeover>> = const { RefCell::new(None) };
}

/// Where the app mounts: a hidden container when the shell carries the page's first paint
/// (`#folio-prerender`, written by `folio index`), so the reader keeps reading that until the
/// app has rendered the same page; `None` (mount in `<body>`) for the bare app shell.
pub(crate) fn hidden_app_container() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    // A child of <body>, where a post's markup (always inside it) can never be.
    let first_paint = body
        .query_selector(&format!(":scope > #{}", ids::FIRST_PAINT))
        .ok()??;
    let container = document.create_element("div").ok()?;
    container.set_id(ids::APP);
    container.set_attribute("hidden", "").ok()?;
    body.append_child(&container).ok()?;
    let app = container.clone();
    TAKEOVER.set(Some(Takeover { first_paint, app }));
    container.dyn_into().ok()
}

/// Whether the page still shows a shell's first paint (the app has not taken over yet).
pub(crate) fn has_first_paint() -> bool {
    TAKEOVER.with_borrow(Option::is_some)
}

/// Swaps the shell's first paint for the app's rendering of the same page, in one step so
/// nothing is painted in between and the scroll position carries over. Returns whether there
/// was a first paint to replace (then the browser has already scrolled to the URL's fragment).
pub(crate) fn reveal_app() -> bool {
    let Some(takeover) = TAKEOVER.take() else {
        return false;
    };
    let _ = takeover.app.remove_attribute("hidden");
    takeover.first_paint.remove();
    true
}

/// The link (`a[href]`) an event happened on or inside.
pub(crate) fn link_of(event: &web_sys::Event) -> Option<HtmlAnchorElement> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    closest(&target, "a[href]")?.dyn_into().ok()
}

/// The path of the same-origin link an event happened on (the reader points at, focuses or
/// touches it), for prefetching.
pub(crate) fn link_path(event: &web_sys::Event) -> Option<String> {
    let anchor = link_of(event)?;
    let window = web_sys::window()?;
    (anchor.origin() == window.location().origin().ok()?).then(|| anchor.pathname())
}

/// The `content` of `<meta name="{name}">`, if the page has one.
pub(crate) fn meta_content(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name='{name}']"))
        .ok()??
        .dyn_into::<HtmlMetaElement>()
        .ok()
        .map(|meta| meta.content())
}

/// Registers the offline service worker when the build wrote one (`folio:sw`, release builds),
/// and hands it the URLs this page fetched before it was in control, so even a first visit is
/// readable offline.
pub(crate) fn register_service_worker(base: &'static str, fetched: fn() -> Vec<String>) {
    let Some(script) = meta_content("folio:sw") else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(base);
    let registered = container.register_with_options(&script, &options);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = wasm_bindgen_futures::JsFuture::from(registered).await {
            leptos::logging::warn!("Folio's offline cache is unavailable: {error:?}");
            return;
        }
        let send = move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let Some(worker) = window.navigator().service_worker().controller() else {
                return;
            };
            let page = window.location().href().unwrap_or_default();
            let page = page.split('#').next().unwrap_or_default().to_owned();
            let urls = js_sys::Array::new();
            for url in std::iter::once(page).chain(fetched()) {
                urls.push(&url.into());
            }
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"folio-cache".into());
            let _ = js_sys::Reflect::set(&message, &"urls".into(), &urls);
            let _ = worker.post_message(&message);
        };
        if container.controller().is_some() {
            send();
        } else {
            // First visit: the worker takes control when it activates (it claims its clients).
            let on_change = Closure::<dyn Fn()>::new(send);
            container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
        }
    });
}
