//! One page of a list of posts as its own file: a home page (`posts/pages/<n>.json`), a page of
//! one tag's posts (`posts/pages/tags/<tag>/<n>.json`) or of the archive
//! (`posts/pages/archive/<n>.json`); and the tag list (`posts/pages/tags.json`). Every list page
//! fetches its own file and nothing else, so no page of a large site downloads every post.

use serde::{Deserialize, Serialize};

use super::read_versioned;
use crate::json::{FromJson, Json, JsonError};
use crate::paths::Paged;
use crate::{Manifest, ManifestError, PostEntry, SiteConfig, TagCount};

/// The list page file format this build writes and reads.
pub const LIST_PAGE_VERSION: u32 = 1;

/// Posts on one page of the archive, which lists only titles and dates.
pub const ARCHIVE_PER_PAGE: usize = 200;

/// Which list a [`ListPage`] is a page of.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ListKind {
    /// The home page: every post, newest first.
    #[default]
    Home,
    /// One tag's posts, newest first.
    Tag {
        /// The tag as first written.
        name: String,
        /// Its URL segment ([`crate::slug::tag_slug`]).
        slug: String,
    },
    /// Every post by year, each entry cut to what the archive shows
    /// ([`PostEntry::archived`]).
    Archive,
}

/// `{"kind": "tag", "name": …, "slug": …}`, as serde writes the tagged enum.
impl FromJson for ListKind {
    fn from_value(json: Json<'_>) -> Result<Self, JsonError> {
        let mut object = json.into_object()?;
        let kind: String = object.required("kind")?;
        match kind.as_str() {
            "home" => Ok(Self::Home),
            "archive" => Ok(Self::Archive),
            "tag" => Ok(Self::Tag {
                name: object.required("name")?,
                slug: object.required("slug")?,
            }),
            other => Err(JsonError::new(format!("unknown list kind `{other}`"))),
        }
    }
}

impl ListKind {
    /// The tag's name, on a tag's pages.
    pub fn tag_name(&self) -> Option<&str> {
        match self {
            Self::Tag { name, .. } => Some(name),
            _ => None,
        }
    }
}

/// One page of a list of posts: what that page shows, and nothing it does not. The manifest
/// lists every post, tens of MB for a large site; a list page needs only its own page of posts
/// and the site's configuration, so it fetches only this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListPage {
    /// Always [`LIST_PAGE_VERSION`] when written by this build.
    pub version: u32,
    /// The list this page belongs to.
    #[serde(default)]
    pub list: ListKind,
    /// This page's number, from 1.
    pub page: usize,
    /// How many pages the list has (at least 1).
    pub pages: usize,
    /// How many posts the whole list holds (the site's posts on the home page and archive).
    pub total_posts: usize,
    /// The site's configuration, as in the manifest (title, description, navigation, author).
    pub site: SiteConfig,
    /// This page's posts, newest first: the manifest's entries (cut for the archive).
    pub posts: Vec<PostEntry>,
}

impl ListPage {
    /// Reads a list page file, checking its version first (as [`Manifest::from_json`] does).
    ///
    /// ```
    /// use folio_core::{ListPage, ManifestError};
    /// let err = ListPage::from_json(r#"{"version": 7}"#).unwrap_err();
    /// assert!(matches!(err, ManifestError::Version { found: 7, .. }));
    /// ```
    pub fn from_json(json: &str) -> Result<Self, ManifestError> {
        read_versioned(json, LIST_PAGE_VERSION, |mut object| {
            Ok(Self {
                version: LIST_PAGE_VERSION,
                list: object.or_default("list")?,
                page: object.required("page")?,
                pages: object.required("pages")?,
                total_posts: object.required("total_posts")?,
                site: object.required("site")?,
                posts: object.required("posts")?,
            })
        })
    }

    /// The page as compact JSON: every visit to the page fetches it first.
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The list this page belongs to, as the URL contract names it.
    pub fn paged(&self) -> Paged<'_> {
        match &self.list {
            ListKind::Home => Paged::Home,
            ListKind::Tag { slug, .. } => Paged::Tag(slug),
            ListKind::Archive => Paged::Archive,
        }
    }
}

/// Every tag with its number of posts, `posts/pages/tags.json`: all the tag list page fetches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagList {
    /// Always [`LIST_PAGE_VERSION`] when written by this build.
    pub version: u32,
    /// The site's configuration, as in the manifest.
    pub site: SiteConfig,
    /// Every tag, most used first ([`Manifest::tags`]).
    pub tags: Vec<TagCount>,
}

impl TagList {
    /// Reads a tag list file, checking its version first.
    pub fn from_json(json: &str) -> Result<Self, ManifestError> {
        read_versioned(json, LIST_PAGE_VERSION, |mut object| {
            Ok(Self {
                version: LIST_PAGE_VERSION,
                site: object.required("site")?,
                tags: object.required("tags")?,
            })
        })
    }

    /// The list as compact JSON.
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Manifest {
    /// Every home page, from 1 (an empty site has one, with no posts).
    pub fn home_pages(&self) -> impl Iterator<Item = ListPage> + '_ {
        let per_page = self.site.posts_per_page.max(1);
        self.cut(ListKind::Home, self.posts.iter().collect(), per_page)
    }

    /// Every page of the archive, from 1, each entry cut to what the archive shows.
    pub fn archive_pages(&self) -> impl Iterator<Item = ListPage> + '_ {
        self.cut(
            ListKind::Archive,
            self.posts.iter().collect(),
            ARCHIVE_PER_PAGE,
        )
        .map(|mut page| {
            page.posts = page.posts.iter().map(PostEntry::archived).collect();
            page
        })
    }

    /// Every page of every tag's posts, tag by tag in the order of [`Manifest::tags`].
    pub fn tag_pages(&self) -> impl Iterator<Item = ListPage> + '_ {
        let mut tagged = self.posts_by_tag();
        let per_page = self.site.posts_per_page.max(1);
        self.tags().into_iter().flat_map(move |tag| {
            let posts = tagged.remove(&tag.slug).unwrap_or_default();
            let list = ListKind::Tag {
                name: tag.name,
                slug: tag.slug,
            };
            self.cut(list, posts, per_page)
        })
    }

    /// The tag list's file.
    pub fn tag_list(&self) -> TagList {
        TagList {
            version: LIST_PAGE_VERSION,
            site: self.site.clone(),
            tags: self.tags(),
        }
    }

    /// `posts` cut into pages of `per_page`, from 1; one empty page when there are none.
    fn cut<'a>(
        &'a self,
        list: ListKind,
        posts: Vec<&'a PostEntry>,
        per_page: usize,
    ) -> impl Iterator<Item = ListPage> + 'a {
        let pages = super::pages_for(posts.len(), per_page);
        let total_posts = posts.len();
        (1..=pages).map(move |page| {
            let start = (page - 1) * per_page;
            let end = (start + per_page).min(total_posts);
            ListPage {
                version: LIST_PAGE_VERSION,
                list: list.clone(),
                page,
                pages,
                total_posts,
                site: self.site.clone(),
                posts: posts[start..end].iter().map(|&post| post.clone()).collect(),
            }
        })
    }
}
