//! The site, loaded once (as mdBook loads its `Book`) and handed to every output: the index
//! files, the home pages, the shells, the search index, the feeds, the sitemap and `folio check`.
//!
//! Loading reads every post file once, parses its front matter, decides which posts this build
//! publishes and at which URL ([`crate::claims`]), then renders each published post once, with
//! its links to other posts resolved and its images measured. Nothing downstream reads or
//! renders a post again.

mod load;
mod measure;
mod redirects;

use std::collections::BTreeMap;

use folio_core::markdown::Heading;
use folio_core::{Manifest, Rendered};

pub(crate) use load::{LoadOptions, load};

use crate::content::ContentFiles;
use crate::diagnostic::Diagnostic;

/// A content folder, read and rendered.
#[derive(Debug)]
pub(crate) struct Site {
    /// Every file of the content folder, and what its walk left out.
    pub(crate) files: ContentFiles,
    /// The posts this build publishes, newest first, with the site's configuration.
    pub(crate) manifest: Manifest,
    /// Each published post's rendered body, in the manifest's order.
    pub(crate) bodies: Vec<Body>,
    /// Old addresses that now lead to a post's page.
    pub(crate) redirects: Vec<Redirect>,
    /// Every problem, in file order.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Markdown files read under `posts/`.
    pub(crate) post_files: usize,
    /// Drafts found, published or not.
    pub(crate) drafts: usize,
    /// Posts dated in the future (and not drafts), published or not.
    pub(crate) scheduled: usize,
}

/// A post's body as the build rendered it, once, for every output.
#[derive(Debug)]
pub(crate) struct Body {
    /// Sanitized HTML, with links between posts resolved and the site's images sized.
    pub(crate) html: String,
    /// The body's headings, for the table of contents.
    pub(crate) headings: Vec<Heading>,
    /// The body as plain text, for the search index.
    pub(crate) text: String,
    /// The posts whose Markdown the body links to: file below `posts/` to post path, for the
    /// app, which renders the body again with only its own post's file.
    pub(crate) links: BTreeMap<String, String>,
}

impl Body {
    fn new(rendered: Rendered, mut text: String, links: BTreeMap<String, String>) -> Self {
        // Kept for the whole build, every post's at once: without the room they grew into
        // (up to half of a string that was built by pushing).
        let mut html = rendered.html;
        html.shrink_to_fit();
        text.shrink_to_fit();
        Self {
            html,
            headings: rendered.headings,
            text,
            links,
        }
    }
}

/// An address a post was known by, answered with a redirect to its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Redirect {
    /// The old address: a site path without slashes at either end (`posts/first-nas`).
    pub(crate) from: String,
    /// The post path it leads to.
    pub(crate) to: String,
}
