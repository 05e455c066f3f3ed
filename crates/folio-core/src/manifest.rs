//! The manifest, `posts/index.json`: the one file the app fetches to know what posts exist.
//!
//! It holds metadata only (never post bodies), newest first, and starts with a `version` so an
//! app never misreads a manifest written by a different Folio.

use serde::{Deserialize, Serialize};

use crate::{Date, Post, SiteConfig};

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
}

/// One post as the index lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostEntry {
    /// URL segment: the file stem or the front-matter `slug`.
    pub slug: String,
    /// Display title (front matter, else first heading, else file name).
    pub title: String,
    /// Publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Last update, when the front matter says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// Front-matter description or summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Plain-text excerpt (`<!-- more -->` or first paragraph).
    pub excerpt: String,
    /// Tags in the order the post lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Author, from the post or the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Estimated minutes to read.
    pub reading_minutes: u32,
    /// Path of the Markdown file below `posts/`, with `/` separators.
    pub file: String,
    /// Only present in development builds, which list drafts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
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
        posts.sort_by(|a, b| {
            let key = |p: &PostEntry| p.date.as_ref().map(Date::timestamp);
            key(b).cmp(&key(a)).then_with(|| a.slug.cmp(&b.slug))
        });
        Self {
            version: MANIFEST_VERSION,
            site,
            posts,
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
        #[derive(Deserialize)]
        struct Versioned {
            version: u64,
        }
        let versioned: Versioned =
            serde_json::from_str(json).map_err(|err| ManifestError::Invalid(err.to_string()))?;
        if versioned.version != u64::from(MANIFEST_VERSION) {
            return Err(ManifestError::Version {
                found: versioned.version,
                expected: MANIFEST_VERSION,
            });
        }
        serde_json::from_str(json).map_err(|err| ManifestError::Invalid(err.to_string()))
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

    /// The posts carrying a tag whose [`crate::slug::tag_slug`] is `tag_slug`, newest first.
    pub fn posts_tagged<'a>(&'a self, tag_slug: &'a str) -> impl Iterator<Item = &'a PostEntry> {
        self.posts.iter().filter(move |post| {
            post.tags
                .iter()
                .any(|tag| crate::slug::tag_slug(tag) == tag_slug)
        })
    }

    /// Every tag with its number of posts, most used first, then by name.
    ///
    /// Tags that differ only in case or spacing (same slug) count as one, shown as first written.
    pub fn tags(&self) -> Vec<TagCount> {
        let mut tags: Vec<TagCount> = Vec::new();
        for tag in self.posts.iter().flat_map(|post| &post.tags) {
            let slug = crate::slug::tag_slug(tag);
            match tags.iter_mut().find(|t| t.slug == slug) {
                Some(existing) => existing.count += 1,
                None => tags.push(TagCount {
                    name: tag.clone(),
                    slug,
                    count: 1,
                }),
            }
        }
        tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        tags
    }

    /// Number of home pages for this many posts (at least one, so an empty blog has a home).
    pub fn page_count(&self) -> usize {
        self.posts
            .len()
            .div_ceil(self.site.posts_per_page.max(1))
            .max(1)
    }

    /// The posts on 1-based home page `page`; empty when the page does not exist.
    pub fn page(&self, page: usize) -> &[PostEntry] {
        let per_page = self.site.posts_per_page.max(1);
        let start = page.saturating_sub(1).saturating_mul(per_page);
        let end = start.saturating_add(per_page).min(self.posts.len());
        self.posts.get(start..end).unwrap_or_default()
    }
}

/// A tag and how many posts carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    /// The tag as first written.
    pub name: String,
    /// Its URL segment.
    pub slug: String,
    /// Posts carrying it.
    pub count: usize,
}

impl PostEntry {
    /// The manifest entry for a parsed post stored at `file` (relative to `posts/`).
    pub fn from_post(post: &Post, file: &str, site: &SiteConfig) -> Self {
        Self {
            slug: post.slug.clone(),
            title: post.title.clone(),
            date: post.meta.date,
            updated: post.meta.updated,
            description: post.meta.description.clone(),
            excerpt: post.rendered.excerpt.clone(),
            tags: post.meta.tags.clone(),
            author: post.meta.author.clone().or_else(|| site.author.clone()),
            reading_minutes: post.rendered.reading_time.minutes,
            file: file.to_owned(),
            draft: post.meta.draft,
        }
    }
}
