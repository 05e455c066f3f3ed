//! The manifest, `posts/index.json`: the one file that lists every post, and the smaller files
//! cut from it (the pages of the home page, of each tag and of the archive; the tag list). It holds metadata only (never post bodies), newest first, and
//! starts with a `version` so an app never misreads a file written by a different Folio.

mod entry;
mod links;
mod list_page;
mod post_data;
mod tags;
#[cfg(test)]
mod tests;
mod years;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::SiteConfig;
use crate::json::{self, JsonError, Object, VersionedError};

pub use entry::PostEntry;
pub use links::PostLinks;
pub use list_page::{ARCHIVE_PER_PAGE, LIST_PAGE_VERSION, ListKind, ListPage, TagList};
pub use post_data::{POST_DATA_VERSION, PostData};
pub use tags::TagCount;
pub use years::YearGroups;

/// The manifest format this build writes and reads.
pub const MANIFEST_VERSION: u32 = 1;

/// Everything the app needs to list, route and fetch posts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`MANIFEST_VERSION`] when written by this build.
    pub version: u32,
    /// The site's configuration, so the app needs no second request.
    pub site: SiteConfig,
    /// Every published post, newest first.
    pub posts: Vec<PostEntry>,
    /// Old addresses that lead to a post's page now: site paths without slashes at either end
    /// (`posts/first-nas`, a nested post's address from before URLs mirrored folders, or an
    /// `alias` of its front matter), each to the post's path.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub redirects: BTreeMap<String, String>,
}

/// Why a manifest could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// Not JSON, or JSON of the wrong shape.
    #[error("the post index is not valid: {0}")]
    Invalid(String),
    /// Written by a Folio whose format this build does not know.
    #[error("the post index has format version {found}, but this app reads version {expected}")]
    Version {
        /// The version the file declares.
        found: u64,
        /// [`MANIFEST_VERSION`].
        expected: u32,
    },
}

impl Manifest {
    /// Builds a manifest from parsed posts, sorting them newest first.
    ///
    /// Posts without a date go last; ties keep a stable order by slug.
    pub fn new(site: SiteConfig, mut posts: Vec<PostEntry>) -> Self {
        posts.sort_by(PostEntry::newest_first);
        Self {
            version: MANIFEST_VERSION,
            site,
            posts,
            redirects: BTreeMap::new(),
        }
    }

    /// Reads a manifest, checking its version before its shape so an old app reading a newer
    /// manifest says so instead of reporting a confusing missing field.
    ///
    /// ```
    /// use folio_core::{Manifest, ManifestError};
    /// let err = Manifest::from_json(r#"{"version": 99}"#).unwrap_err();
    /// assert!(matches!(err, ManifestError::Version { found: 99, .. }));
    /// ```
    pub fn from_json(json: &str) -> Result<Self, ManifestError> {
        read_versioned(json, MANIFEST_VERSION, |mut object| {
            Ok(Self {
                version: MANIFEST_VERSION,
                site: object.required("site")?,
                posts: object.required("posts")?,
                redirects: object.or_default("redirects")?,
            })
        })
    }

    /// The manifest as pretty JSON (stable key order, one field a line, diff-friendly).
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The post with this slug.
    pub fn post(&self, slug: &str) -> Option<&PostEntry> {
        self.posts.iter().find(|post| post.slug == slug)
    }

    /// The next newer and the next older post around the one at `index` (newest first).
    pub fn neighbours_at(&self, index: usize) -> (Option<&PostEntry>, Option<&PostEntry>) {
        let newer = index.checked_sub(1).and_then(|i| self.posts.get(i));
        (newer, self.posts.get(index + 1))
    }

    /// Number of home pages for this many posts (at least one, so an empty blog has a home).
    pub fn page_count(&self) -> usize {
        pages_for(self.posts.len(), self.site.posts_per_page)
    }
}

/// How many pages a list of `posts` takes at `per_page` a page: at least one, so an empty list
/// still has its first page.
///
/// ```
/// use folio_core::manifest::pages_for;
/// assert_eq!((pages_for(0, 10), pages_for(10, 10), pages_for(11, 10), pages_for(3, 0)), (1, 1, 2, 3));
/// ```
pub fn pages_for(posts: usize, per_page: usize) -> usize {
    posts.div_ceil(per_page.max(1)).max(1)
}

/// Reads one of the manifest's formats ([`json::read_versioned`]) in the manifest's errors.
fn read_versioned<'a, T>(
    text: &'a str,
    expected: u32,
    read: impl FnOnce(Object<'a>) -> Result<T, JsonError>,
) -> Result<T, ManifestError> {
    json::read_versioned(text, expected, read).map_err(|err| match err {
        VersionedError::Invalid(err) => ManifestError::Invalid(err.to_string()),
        VersionedError::Version { found, expected } => ManifestError::Version { found, expected },
    })
}
