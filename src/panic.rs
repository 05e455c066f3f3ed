//! What a reader sees when the app panics: the panic is still logged to the console (with
//! `console_error_panic_hook`), and a readable error box with a reload link replaces the frozen
//! page.
//!
//! The box is built with plain DOM calls, not Leptos: after a panic the reactive system may be
//! half-updated, and in a release build (`panic = "abort"`) the WebAssembly instance traps
//! right after this hook returns, so nothing else will ever run. For the same reason the reload
//! control is a link, which works without any script.

use std::panic::PanicHookInfo;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::JsCast;
use web_sys::Document;

/// Installs the hook; call once, first thing.
pub(crate) fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_box(&describe(info));
    }));
}

/// The panic's message and where it happened, as shown in the box.
fn describe(info: &PanicHookInfo<'_>) -> String {
    let payload = info
        .payload()
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str));
    let location = info
        .location()
        .map(|at| format!("{}:{}:{}", at.file(), at.line(), at.column()));
    panic_text(payload, location.as_deref())
}

/// `message (at file:line:column)`, with a stand-in for a payload that is not text.
fn panic_text(payload: Option<&str>, location: Option<&str>) -> String {
    let message = payload
        .map(str::trim)
        .filter(|message| !message.is_empty())
        .unwrap_or("the app stopped on an error without a message");
    match location {
        Some(location) => format!("{message} (at {location})"),
        None => message.to_owned(),
    }
}

/// Puts the error box at the top of the page (once: a second panic adds nothing).
fn show_error_box(detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    // Remembered here, not looked up by id, which an element of a post could share.
    if SHOWN.swap(true, Ordering::Relaxed) {
        return;
    }
    // Without the fragment, following the link is a real page load even on a `#heading` URL.
    let location = window.location();
    let reload = format!(
        "{}{}",
        location.pathname().unwrap_or_else(|_| "/".to_owned()),
        location.search().unwrap_or_default()
    );
    // Nothing can be done if the DOM refuses; the console already has the panic.
    let _ = build_box(&document, detail, &reload);
}

/// Whether the box is on the page already.
static SHOWN: AtomicBool = AtomicBool::new(false);

fn build_box(document: &Document, detail: &str, reload: &str) -> Option<()> {
    let body = document.body()?;
    let element = |tag: &str, class: &str, text: &str| {
        let node = document.create_element(tag).ok()?;
        if !class.is_empty() {
            node.set_class_name(class);
        }
        if !text.is_empty() {
            node.set_text_content(Some(text));
        }
        Some(node)
    };
    let panel = element("div", "panic-box", "")?;
    panel.set_id(folio_core::ids::PANIC);
    panel.set_attribute("role", "alert").ok()?;
    let heading = element("h1", "", "This page stopped working")?;
    let explanation = element(
        "p",
        "",
        "Folio ran into an error it cannot recover from. Reloading the page usually helps; \
         if it happens again, the details below tell the site's owner what went wrong.",
    )?;
    let details = element("pre", "panic-detail", detail)?;
    let link = element("a", "button", "Reload the page")?;
    link.set_attribute("href", reload).ok()?;
    // With a target the router's click handler leaves the link to the browser, so nothing can
    // cancel the page load, even if that handler trips over the dead app.
    link.set_attribute("target", "_self").ok()?;
    for child in [&heading, &explanation, &details, &link] {
        panel.append_child(child).ok()?;
    }
    body.prepend_with_node_1(&panel).ok()?;
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        let _ = link.focus();
    }
    Some(())
}

/// Panics on purpose, so the browser tests can see the real hook at work. Only in builds with
/// the `panic-probe` feature (the test site `tests/.work/probe`), never in a normal build.
#[cfg(feature = "panic-probe")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn folio_test_panic(message: &str) {
    panic!("{message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_names_the_message_and_the_place() {
        assert_eq!(
            panic_text(Some("index out of bounds"), Some("src/site.rs:10:5")),
            "index out of bounds (at src/site.rs:10:5)"
        );
        assert_eq!(panic_text(Some("  oops \n"), None), "oops");
    }

    #[test]
    fn a_panic_without_text_still_says_something() {
        for payload in [None, Some(""), Some("   ")] {
            assert_eq!(
                panic_text(payload, Some("a.rs:1:1")),
                "the app stopped on an error without a message (at a.rs:1:1)"
            );
        }
    }

    #[test]
    fn the_hook_reads_string_and_str_payloads() {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&seen);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut seen) = sink.lock() {
                seen.push(describe(info));
            }
        }));
        let _ = std::panic::catch_unwind(|| panic!("static text"));
        let number = 7;
        let _ = std::panic::catch_unwind(|| panic!("formatted {number}"));
        std::panic::set_hook(previous);
        let seen = seen.lock().map(|seen| seen.clone()).unwrap_or_default();
        assert_eq!(seen.len(), 2);
        assert!(
            seen[0].starts_with("static text (at src/panic.rs:"),
            "{seen:?}"
        );
        assert!(
            seen[1].starts_with("formatted 7 (at src/panic.rs:"),
            "{seen:?}"
        );
    }
}
