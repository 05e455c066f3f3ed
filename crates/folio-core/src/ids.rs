//! Element ids on a page: the app's own, and the ones a post brings, kept apart.
//!
//! Every id the app and its page shells write begins with [`APP_PREFIX`] (`folio-`), and no id
//! from a post ever does: a heading's `{#custom-id}` or the id made from its text, and a raw HTML
//! `id`, are passed through [`content_id`], which writes one in the app's namespace with `post-`
//! in front (`folio-app` becomes `post-folio-app`), and so are the fragments of links to them.
//! Every other id is kept exactly as written, so `#intro` and `#摘要` deep links never change.
//! Without this, a post with `## Intro {#folio-app}` would hand the app its heading instead of
//! the app's container, and the page would go blank.

use std::borrow::Cow;

/// The beginning of every id the app writes, which content ids never have.
pub const APP_PREFIX: &str = "folio-";

/// What a content id in the app's namespace gets in front of it.
pub const CONTENT_PREFIX: &str = "post-";

/// The element holding a shell's first paint, which the app replaces.
pub const FIRST_PAINT: &str = "folio-prerender";
/// The element the app renders into, hidden while a first paint is shown.
pub const APP: &str = "folio-app";
/// The page's `<main>`, which the skip link jumps to.
pub const MAIN: &str = "folio-content";
/// A post's table of contents list, which its toggle button controls.
pub const TOC_LIST: &str = "folio-toc-list";
/// The dialog that shows an image at full size.
pub const LIGHTBOX: &str = "folio-lightbox";
/// The box that says the app stopped on an error.
pub const PANIC: &str = "folio-panic";

/// The id of an archive year's heading (`folio-year-2025`).
///
/// ```
/// assert_eq!(folio_core::ids::archive_year("2025"), "folio-year-2025");
/// ```
pub fn archive_year(label: &str) -> String {
    format!("{APP_PREFIX}year-{label}")
}

/// Whether `id` is in the app's namespace, where no id from a post may be.
pub fn is_reserved(id: &str) -> bool {
    id.starts_with(APP_PREFIX)
}

/// The id an element of a post gets for the id `id` its author gave it (or Folio made from a
/// heading's text): `id` itself, unless it begins with `folio-`.
///
/// ```
/// use folio_core::ids::content_id;
/// assert_eq!(content_id("folio-app"), "post-folio-app");
/// assert_eq!(content_id("intro"), "intro");
/// assert_eq!(content_id("摘要"), "摘要");
/// assert_eq!(content_id("Folio-app"), "Folio-app"); // ids are case-sensitive
/// ```
pub fn content_id(id: &str) -> Cow<'_, str> {
    if is_reserved(id) {
        Cow::Owned(format!("{CONTENT_PREFIX}{id}"))
    } else {
        Cow::Borrowed(id)
    }
}

/// `url` with its fragment passed through [`content_id`], for a link from a post to an element
/// of a post. The fragment is compared percent-decoded, as browsers look it up.
///
/// ```
/// use folio_core::ids::content_fragment;
/// assert_eq!(content_fragment("#folio-app"), "#post-folio-app");
/// assert_eq!(content_fragment("/posts/a/#%66olio-app"), "/posts/a/#post-%66olio-app");
/// assert_eq!(content_fragment("/posts/a/#intro"), "/posts/a/#intro");
/// ```
pub fn content_fragment(url: &str) -> Cow<'_, str> {
    let Some((before, fragment)) = url.split_once('#') else {
        return Cow::Borrowed(url);
    };
    if is_reserved(&crate::url::percent_decode(fragment)) {
        Cow::Owned(format!("{before}#{CONTENT_PREFIX}{fragment}"))
    } else {
        Cow::Borrowed(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_app_id_is_in_the_apps_namespace() {
        for id in [
            FIRST_PAINT,
            APP,
            MAIN,
            TOC_LIST,
            LIGHTBOX,
            PANIC,
            &archive_year("—"),
        ] {
            assert!(id.starts_with(APP_PREFIX), "{id}");
            assert_ne!(content_id(id), id, "content can never take {id}");
        }
    }

    #[test]
    fn content_ids_never_enter_the_apps_namespace() {
        for id in [
            "folio-app",
            "folio-",
            "folio-folio-x",
            "intro",
            "摘要",
            "",
            "folio",
        ] {
            let moved = content_id(id);
            assert!(!moved.starts_with(APP_PREFIX), "{id} -> {moved}");
            assert_eq!(
                content_id(&moved),
                moved,
                "moving twice changes nothing: {id}"
            );
        }
    }
}
