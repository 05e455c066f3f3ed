//! The one script `404.html` adds: on a post's address it shows the post before the app
//! arrives, from the post's page or from its Markdown, and then lets the app start.
//!
//! `404.html` answers every address no file does: on a host whose deep links reach no shell (an
//! S3 bucket behind CloudFront, a post pushed after the build), a post's address gets it. The
//! build cannot know which post that will be. Without this script the reader saw nothing until
//! the app's wasm had arrived (220 KB brotli: 1.9 s on a 1.6 Mbit/s link, against Docsify's
//! 1.0). The script reads the address as the page starts and:
//!
//! - preloads `posts/<path>.md` (the usual file for that address; a post in a bundle or with its
//!   own `slug` has another, and that one preload is wasted), with the same URL and mode as the
//!   app's request (`folio_core::paths::encode_segment`), so the app takes the response;
//! - fetches the post's shell by its file name, `posts/<path>/index.html` (a host that does not
//!   map `posts/<path>/` to it still serves the file), and shows that page's first paint, as if
//!   the host had answered with it: the app takes over from it as from any shell. A page that is
//!   not this post's (a host may answer a missing file with its home page and a 200) is one that
//!   does not preload this post's `post.json`, and is left alone;
//! - meanwhile loads the renderer alone (the unindexed module,
//!   `folio_core::extras::UNINDEXED_MODULE`: 95 KB brotli, against the app's 220), its wasm at
//!   low priority and dropped once the post's page is found. With no page (a post the build
//!   never saw), it renders the Markdown as the app renders a post the index does not list, into
//!   the app's post page for it, which `404.html` carries empty in a `<template>`
//!   (`page::Pages::unindexed_post`), and shows it;
//! - holds the app until then: `404.html`'s copy of Trunk's script waits for
//!   `window.folioFirstPaint` before it imports the app, and the app's preloads wait in a
//!   `<template>` ([`super::app_tags::Held`]), so the app's bytes do not share the link with
//!   what is shown first. The script then preloads the post's own file, puts the app's preloads
//!   in the head and lets the app start, which takes over. Whatever fails, or after five seconds,
//!   the app starts all the same.
//!
//! Any other address (the home page, a tag, `/posts/` itself) starts the app at once. The
//! release build's Content-Security-Policy allows the script and the held module script by
//! their hashes (`crate::csp`).

/// The script's text (`address_post.js`), as it goes between `<script>` and `</script>`. A
/// segment is decoded and must be one the app would fetch for (`paths::post_path_in_url`,
/// `paths::validate_post_file`), here a little stricter: an address with a blank or overlong
/// segment, a leading dot, a control character or any of `/ \ : ? # %` preloads nothing, so a
/// hostile address asks the host for nothing, as the app does not.
pub(crate) const SCRIPT: &str = include_str!("address_post.js");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_cannot_end_its_element_and_reads_what_the_shell_writes() {
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        assert!(!SCRIPT.contains("<!--"));
        // The names it reads, as `404.html` writes them.
        let module = format!(
            "content(\"folio:extras-{}\")",
            folio_core::extras::UNINDEXED_MODULE
        );
        for name in [
            "content(\"folio:base\")",
            &module,
            &format!("getElementById(\"{}\")", super::super::UNINDEXED_PAINT),
            &format!("getElementById(\"{}\")", super::super::APP_PRELOADS),
            &format!("window.{} = new Promise", super::super::app_tags::HOLD),
        ] {
            assert!(SCRIPT.contains(name), "{name}");
        }
    }
}
