//! What a reader sees when the app stops: a readable error box with a reload link over the frozen
//! page.
//!
//! Release builds (`make build`) leave panics' messages out: their std is built with
//! `-Cpanic=immediate-abort` (the Makefile's `WASM_RELEASE`), which drops the panic machinery
//! from the wasm (26 KB of its 345 KB brotli), so a panic is a bare WebAssembly trap and no hook
//! runs. The box therefore comes from JavaScript, which sees the trap as an uncaught
//! `WebAssembly.RuntimeError`. Builds that keep the machinery (`make serve`'s debug build) also
//! run the hook below: it logs the panic to the console and puts its message in the box first.
//!
//! The box is built with plain DOM calls: the reactive system may be half-updated and the instance
//! must not be called again, so nothing else will ever run. For the same reason the reload
//! control is a link, which works without any script.

use std::panic::PanicHookInfo;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let shown = false;
// Puts the box at the top of the page, once: a second failure adds nothing.
export function showStopped(id, detail) {
  if (shown || !document.body) return;
  shown = true;
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const box = element("div", "panic-box");
  box.id = id;
  box.setAttribute("role", "alert");
  const link = element("a", "button", "Reload the page");
  // Without the fragment, following the link is a real page load even on a `#heading` URL. With
  // a target the router's click handler leaves the link to the browser.
  link.href = location.pathname + location.search;
  link.target = "_self";
  box.append(
    element("h1", "", "This page stopped working"),
    element("p", "", "Folio ran into an error it cannot recover from. Reloading the page " +
      "usually helps; if it happens again, the details below tell the site's owner what went wrong."),
    element("pre", "panic-detail", detail),
    link,
  );
  document.body.prepend(box);
  link.focus();
}
// A trap in the app's wasm (a panic in a release build) reaches the page as an uncaught
// RuntimeError: from an event handler or a task as an error event, from a promise as a rejection.
export function watchForTraps(id) {
  const stopped = (error) => {
    if (error instanceof WebAssembly.RuntimeError) {
      showStopped(id, `${error} (release builds leave the panic's message out; make serve shows it)`);
    }
  };
  addEventListener("error", (event) => stopped(event.error));
  addEventListener("unhandledrejection", (event) => stopped(event.reason));
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = showStopped)]
    fn show_stopped(id: &str, detail: &str);
    #[wasm_bindgen(js_name = watchForTraps)]
    fn watch_for_traps(id: &str);
}

/// Installs the trap watcher and the hook; call once, first thing.
pub(crate) fn install() {
    watch_for_traps(folio_core::ids::PANIC);
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_stopped(folio_core::ids::PANIC, &describe(info));
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
