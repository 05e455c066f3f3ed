//! One page of the home page as its own file, `posts/pages/<n>.json`.

use serde::{Deserialize, Serialize};

use super::read_versioned;
use crate::{Manifest, ManifestError, PostEntry, SiteConfig};

/// The home page file format this build writes and reads.
pub const HOME_PAGE_VERSION: u32 = 1;

/// One page of the home page, `posts/pages/<n>.json`: what the home page shows, and nothing it
/// does not. The manifest lists every post, tens of MB for a large site; the home page needs
/// only its own page of posts and the site's configuration, so it fetches only this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomePage {
    /// Always [`HOME_PAGE_VERSION`] when written by this build.
    pub version: u32,
    /// This page's number, from 1.
    pub page: usize,
    /// How many home pages the site has ([`Manifest::page_count`]).
    pub pages: usize,
    /// How many posts the whole site lists.
    pub total_posts: usize,
    /// The site's configuration, as in the manifest (title, description, navigation, author).
    pub site: SiteConfig,
    /// This page's posts, newest first: the manifest's entries, unchanged.
    pub posts: Vec<PostEntry>,
    /// [`crate::search::stamp`] of the whole manifest's slugs. Post `n` of the manifest is
    /// post `n % per_page` of page `n / per_page + 1`, so the search page reads its results'
    /// entries from home page files, and this tells it they number posts as its index does.
    #[serde(default)]
    pub stamp: String,
}

impl HomePage {
    /// Reads a home page file, checking its version first (as [`Manifest::from_json`] does).
    ///
    /// ```
    /// use folio_core::{HomePage, ManifestError};
    /// let err = HomePage::from_json(r#"{"version": 7}"#).unwrap_err();
    /// assert!(matches!(err, ManifestError::Version { found: 7, .. }));
    /// ```
    pub fn from_json(json: &str) -> Result<Self, ManifestError> {
        read_versioned(json, HOME_PAGE_VERSION)
    }

    /// The page as compact JSON: every visit to the home page fetches it first.
    pub fn to_json(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Manifest {
    /// Every home page, from 1 (an empty site has one, with no posts).
    pub fn home_pages(&self) -> impl Iterator<Item = HomePage> + '_ {
        // Once for all pages: the stamp reads every slug.
        let stamp = self.stamp();
        (1..=self.page_count()).map(move |page| self.home_page_stamped(page, &stamp))
    }

    /// The [`crate::search::stamp`] of this manifest's post order.
    pub fn stamp(&self) -> String {
        crate::search::stamp(self.posts.iter().map(|post| post.slug.as_str()))
    }

    fn home_page_stamped(&self, page: usize, stamp: &str) -> HomePage {
        HomePage {
            version: HOME_PAGE_VERSION,
            page,
            pages: self.page_count(),
            total_posts: self.posts.len(),
            site: self.site.clone(),
            posts: self.page(page).to_vec(),
            stamp: stamp.to_owned(),
        }
    }
}

impl HomePage {
    /// Posts per page on this site, as the build cut the pages.
    pub fn per_page(&self) -> usize {
        self.site.posts_per_page.max(1)
    }

    /// The home page holding post `n` of the manifest (0-based), and its place on that page.
    ///
    /// ```
    /// use folio_core::{HomePage, HOME_PAGE_VERSION, SiteConfig};
    /// let site = SiteConfig { posts_per_page: 10, ..SiteConfig::default() };
    /// let page = HomePage { version: HOME_PAGE_VERSION, page: 1, pages: 3, total_posts: 25,
    ///     site, posts: vec![], stamp: String::new() };
    /// assert_eq!(page.locate(0), (1, 0));
    /// assert_eq!(page.locate(24), (3, 4));
    /// ```
    pub fn locate(&self, n: usize) -> (usize, usize) {
        (n / self.per_page() + 1, n % self.per_page())
    }
}
