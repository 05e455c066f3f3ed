//! The one script `404.html` adds: it preloads the post its address names and paints that
//! post's page before the app arrives.
//!
//! `404.html` answers every address no file does: on a host whose deep links reach no shell (an
//! S3 bucket behind CloudFront, a post pushed after the build), a post's address gets it. The
//! build cannot know which post that will be. Without this script the reader saw nothing until
//! the app's wasm had arrived, and the app then asked for the post's own file and only after it
//! for the Markdown: two round trips after the largest download. The script reads the address
//! as the page starts and:
//!
//! - preloads `posts/<path>/post.json` and `posts/<path>.md` (the usual file for that address; a
//!   post in a bundle or with its own `slug` has another, and that one preload is wasted), so
//!   both arrive while the wasm does. The app's requests take the preloaded responses: the same
//!   URLs, encoded as `folio_core::paths::encode_segment` does, in the same mode;
//! - fetches the post's shell by its file name, `posts/<path>/index.html` (a host that does not
//!   map `posts/<path>/` to it still serves the file), and shows that page's first paint, as if
//!   the host had answered with it: the app takes over from it as from any shell. A page that is
//!   not this post's (a host may answer a missing file with its home page and a 200) is one that
//!   does not preload this post's `post.json`, and is left alone; so is a post the build never
//!   saw, which has no shell: the app renders it from its Markdown.
//!
//! Any other address (the home page, a tag, `/posts/` itself) is left alone. The release build's
//! Content-Security-Policy allows the script by its hash (`crate::csp`).

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
    fn the_script_cannot_end_its_element_and_reads_the_base_from_the_shell() {
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        assert!(!SCRIPT.contains("<!--"));
        assert!(SCRIPT.contains("meta[name=\"folio:base\"]"));
    }
}
