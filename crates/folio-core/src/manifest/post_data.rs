//! One post's own file, `posts/<path>/post.json`: everything its page needs besides its
//! Markdown, so opening a post never downloads the list of every post.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::read_versioned;
use crate::{ManifestError, PostEntry, SiteConfig};

/// The post file format this build writes and reads.
pub const POST_DATA_VERSION: u32 = 1;

/// A post's page data: its index entry, its neighbours, and where its links to other posts'
/// Markdown lead; or, for an old address of a post, where it moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostData {
    /// Always [`POST_DATA_VERSION`] when written by this build.
    pub version: u32,
    /// The site's configuration (title, navigation, author), as in the manifest.
    pub site: SiteConfig,
    /// The post; `None` in the file of an old address (see `moved`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<PostEntry>,
    /// The next newer post, by date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<PostEntry>,
    /// The next older post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<PostEntry>,
    /// The pages of the posts whose Markdown files this post links to: file below `posts/`
    /// to post path, as the build resolved them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, String>,
    /// For an old address: the path of the post it leads to now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<String>,
}

impl PostData {
    /// Reads a post file, checking its version first (as [`crate::Manifest::from_json`] does).
    ///
    /// ```
    /// use folio_core::{ManifestError, PostData};
    /// let err = PostData::from_json(r#"{"version": 9}"#).unwrap_err();
    /// assert!(matches!(err, ManifestError::Version { found: 9, .. }));
    /// ```
    pub fn from_json(json: &str) -> Result<Self, ManifestError> {
        read_versioned(json, POST_DATA_VERSION, |mut object| {
            Ok(Self {
                version: POST_DATA_VERSION,
                site: object.required("site")?,
                entry: object.optional("entry")?,
                newer: object.optional("newer")?,
                older: object.optional("older")?,
                links: object.or_default("links")?,
                moved: object.optional("moved")?,
            })
        })
    }

    /// The file as compact JSON.
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}
