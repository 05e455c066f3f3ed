//! The one script `404.html` adds: it preloads the post its address names.
//!
//! `404.html` answers every address no file does: on a host whose deep links reach no shell (an
//! S3 bucket behind CloudFront, a post pushed after the build), a post's address gets it. The
//! build cannot know which post that will be, so without this the app asked for the post's own
//! file only once its wasm had arrived, and for the Markdown only after that file: two round
//! trips after the largest download. The script reads the address as the page starts and
//! preloads `posts/<path>/post.json` and `posts/<path>.md` (the usual file for that address; a
//! post in a bundle or with its own `slug` has another, and that one preload is wasted), so both
//! arrive while the wasm does. The app's requests take the preloaded responses: the same URLs,
//! encoded as `folio_core::paths::encode_segment` does, in the same mode.
//!
//! Any other address (the home page, a tag, `/posts/` itself) is left alone. The release build's
//! Content-Security-Policy allows the script by its hash (`crate::csp`).

/// The script's text (`address_preload.js`), as it goes between `<script>` and `</script>`. A
/// segment is decoded and must be one the app would fetch for (`paths::post_path_in_url`,
/// `paths::validate_post_file`), here a little stricter: an address with a blank or overlong
/// segment, a leading dot, a control character or any of `/ \ : ? # %` preloads nothing, so a
/// hostile address asks the host for nothing, as the app does not.
pub(crate) const SCRIPT: &str = include_str!("address_preload.js");

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
