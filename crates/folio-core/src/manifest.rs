//! The manifest, `posts/index.json`: the one file the app fetches to know what posts exist.
//!
//! It holds metadata only (never post bodies), newest first, and starts with a `version` so an
//! app never misreads a manifest written by a different Folio.

use std::collections::{BTreeMap, HashMap};

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
    /// Pixel sizes (`[width, height]`) of the post's own images, by path below `posts/`, as
    /// the build measured them: pages reserve their space before they load.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub images: BTreeMap<String, [u32; 2]>,
    /// The post's language (front-matter `lang`), when it differs from the site's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The post's cover image as written in its front matter (relative to its file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    /// The post's front-matter `math`, which wins over the site's: the app renders the body with
    /// it, as the build did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub math: Option<bool>,
    /// What is wrong with the post's source, as the build found it; the page shows it as a
    /// notice. (The app renders only the body, so it learns about the front matter here.) Notes
    /// for the writer are not here: only the CLI lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<crate::Problem>,
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
        read_versioned(json, MANIFEST_VERSION)
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

    /// The next newer and the next older post around the post `slug`; neither when no post has
    /// it. (A search of the index: a build writing every post page uses [`Self::neighbours_at`].)
    pub fn neighbours(&self, slug: &str) -> (Option<&PostEntry>, Option<&PostEntry>) {
        match self.posts.iter().position(|post| post.slug == slug) {
            Some(index) => self.neighbours_at(index),
            None => (None, None),
        }
    }

    /// Maps a resolved link to another post's Markdown file (as the renderer passes it to
    /// [`crate::PostLink`]: `{base}posts/2024/other.md#frag`, percent-encoded or not) to that
    /// post's page URL under the same `base`, which may be a path (`/blog/`) or an absolute URL.
    /// Each call indexes the posts: for more than one link, build a [`PostLinks`] once.
    ///
    /// ```
    /// use folio_core::{Manifest, PostEntry, SiteConfig};
    /// let entry = PostEntry { slug: "春分".into(), title: "春分".into(), date: None, updated: None,
    ///     description: None, excerpt: String::new(), tags: vec![], author: None,
    ///     reading_minutes: 1, file: "2024/春分.md".into(), draft: false, images: Default::default(),
    ///     lang: None, cover: None, math: None, problems: vec![] };
    /// let manifest = Manifest::new(SiteConfig::default(), vec![entry]);
    /// assert_eq!(manifest.post_link("/blog/", "/blog/posts/2024/春分.md#吃").as_deref(),
    ///            Some("/blog/posts/%E6%98%A5%E5%88%86/#吃"));
    /// assert_eq!(manifest.post_link("/blog/", "/blog/posts/other.md"), None);
    /// ```
    pub fn post_link(&self, base: &str, url: &str) -> Option<String> {
        PostLinks::new(self, base).resolve(url)
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
        let mut by_slug: HashMap<String, usize> = HashMap::new();
        for tag in self.posts.iter().flat_map(|post| &post.tags) {
            let slug = crate::slug::tag_slug(tag);
            match by_slug.get(&slug) {
                Some(&index) => tags[index].count += 1,
                None => {
                    by_slug.insert(slug.clone(), tags.len());
                    tags.push(TagCount {
                        name: tag.clone(),
                        slug,
                        count: 1,
                    });
                }
            }
        }
        tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        tags
    }

    /// Every tag's posts by tag slug, newest first: [`Manifest::posts_tagged`] for all tags in
    /// one pass, for whoever needs them all (the build writes a page per tag).
    pub fn posts_by_tag(&self) -> HashMap<String, Vec<&PostEntry>> {
        let mut groups: HashMap<String, Vec<&PostEntry>> = HashMap::new();
        for post in &self.posts {
            let mut slugs: Vec<String> = post
                .tags
                .iter()
                .map(|tag| crate::slug::tag_slug(tag))
                .collect();
            slugs.sort_unstable();
            slugs.dedup();
            for slug in slugs {
                groups.entry(slug).or_default().push(post);
            }
        }
        groups
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

/// Links between posts for a whole site: [`Manifest::post_link`] for every post of a build,
/// each link one lookup instead of a pass over the index.
#[derive(Debug)]
pub struct PostLinks<'a> {
    base: &'a str,
    /// `{base}posts/`, decoded, as links to post files start once decoded.
    prefix: Option<String>,
    /// Post file (`2024/春分.md`) to slug.
    slugs: HashMap<&'a str, &'a str>,
}

impl<'a> PostLinks<'a> {
    /// Indexes the posts of `manifest` for a site under `base` (a path or an absolute URL).
    pub fn new(manifest: &'a Manifest, base: &'a str) -> Self {
        Self {
            base,
            prefix: crate::paths::decode_segment(&format!("{base}posts/")),
            slugs: manifest
                .posts
                .iter()
                .map(|post| (post.file.as_str(), post.slug.as_str()))
                .collect(),
        }
    }

    /// The page URL of the post whose Markdown file `url` points at, fragment kept.
    pub fn resolve(&self, url: &str) -> Option<String> {
        let (path, fragment) = url
            .split_once('#')
            .map_or((url, None), |(p, f)| (p, Some(f)));
        let wanted = crate::paths::decode_segment(path)?;
        let file = wanted.strip_prefix(self.prefix.as_deref()?)?;
        let page = crate::paths::post_url(self.base, self.slugs.get(file)?);
        Some(match fragment {
            Some(fragment) => format!("{page}#{fragment}"),
            None => page,
        })
    }
}

/// Reads JSON of type `T` whose `version` must be `expected`, checking the version before the
/// shape so a file from another Folio says so instead of reporting a confusing missing field.
fn read_versioned<T: serde::de::DeserializeOwned>(
    json: &str,
    expected: u32,
) -> Result<T, ManifestError> {
    #[derive(Deserialize)]
    struct Versioned {
        version: u64,
    }
    let versioned: Versioned =
        serde_json::from_str(json).map_err(|err| ManifestError::Invalid(err.to_string()))?;
    if versioned.version != u64::from(expected) {
        return Err(ManifestError::Version {
            found: versioned.version,
            expected,
        });
    }
    serde_json::from_str(json).map_err(|err| ManifestError::Invalid(err.to_string()))
}

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
    /// 1-based home page `page`, as its own file; `None` when the page does not exist.
    pub fn home_page(&self, page: usize) -> Option<HomePage> {
        self.home_page_stamped(page, &self.stamp())
    }

    /// Every home page, from 1 (an empty site has one, with no posts).
    pub fn home_pages(&self) -> impl Iterator<Item = HomePage> + '_ {
        // Once for all pages: the stamp reads every slug.
        let stamp = self.stamp();
        (1..=self.page_count()).filter_map(move |page| self.home_page_stamped(page, &stamp))
    }

    /// The [`crate::search::stamp`] of this manifest's post order.
    pub fn stamp(&self) -> String {
        crate::search::stamp(self.posts.iter().map(|post| post.slug.as_str()))
    }

    fn home_page_stamped(&self, page: usize, stamp: &str) -> Option<HomePage> {
        let pages = self.page_count();
        (1..=pages).contains(&page).then(|| HomePage {
            version: HOME_PAGE_VERSION,
            page,
            pages,
            total_posts: self.posts.len(),
            site: self.site.clone(),
            posts: self.page(page).to_vec(),
            stamp: stamp.to_owned(),
        })
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

/// Posts grouped by year of their date, newest year first; undated posts last.
pub type YearGroups<'a> = Vec<(Option<u16>, Vec<&'a PostEntry>)>;

impl Manifest {
    /// Every post grouped by year, in manifest order within a year (newest first).
    pub fn by_year(&self) -> YearGroups<'_> {
        let mut groups: YearGroups<'_> = Vec::new();
        for post in &self.posts {
            let year = post.date.map(|date| date.year());
            match groups.iter_mut().find(|(y, _)| *y == year) {
                Some((_, list)) => list.push(post),
                None => groups.push((year, vec![post])),
            }
        }
        groups.sort_by_key(|(year, _)| std::cmp::Reverse(year.map_or(-1, i32::from)));
        groups
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

impl TagCount {
    /// The tag's size in a tag cloud: 1 (least used) to 4 (as used as the most used tag), on a
    /// square-root scale so one popular tag does not shrink all others to the same size.
    ///
    /// ```
    /// use folio_core::TagCount;
    /// let tag = |count| TagCount { name: "t".into(), slug: "t".into(), count };
    /// assert_eq!(tag(100).size(100), 4);
    /// assert_eq!(tag(1).size(100), 1);
    /// assert_eq!(tag(1).size(1), 1, "nothing stands out when every tag is used once");
    /// ```
    pub fn size(&self, most_used: usize) -> usize {
        if most_used <= 1 {
            return 1;
        }
        #[allow(clippy::cast_precision_loss)] // tag counts are far below 2^52
        let ratio = ((self.count as f64) / (most_used as f64)).sqrt();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=3 by construction
        let step = (ratio * 3.0).round() as usize;
        1 + step.min(3)
    }
}

impl PostEntry {
    /// What lists, link previews and feeds say about the post: its description, unless that is
    /// blank, else its excerpt.
    ///
    /// ```
    /// let mut entry: folio_core::PostEntry = serde_json::from_str(
    ///     r#"{"slug":"a","title":"A","excerpt":"First paragraph.","reading_minutes":1,"file":"a.md"}"#,
    /// ).unwrap();
    /// assert_eq!(entry.summary(), "First paragraph.");
    /// entry.description = Some("  ".into());
    /// assert_eq!(entry.summary(), "First paragraph.");
    /// entry.description = Some("What it is about.".into());
    /// assert_eq!(entry.summary(), "What it is about.");
    /// ```
    pub fn summary(&self) -> &str {
        self.description
            .as_deref()
            .filter(|text| !text.trim().is_empty())
            .unwrap_or(&self.excerpt)
    }

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
            images: BTreeMap::new(),
            lang: post.meta.lang.clone(),
            cover: post.meta.cover.clone(),
            math: post.meta.math,
            problems: post
                .problems
                .iter()
                .filter(|problem| problem.is_shown_on_page())
                .cloned()
                .collect(),
        }
    }

    /// The measured size of an image of this post, by the URL the renderer resolved it to
    /// under the site's `base`.
    ///
    /// ```
    /// # use folio_core::{PostEntry};
    /// # let mut entry: PostEntry = serde_json::from_str(r#"{"slug":"a","title":"A","excerpt":"",
    /// #     "reading_minutes":1,"file":"a.md"}"#).unwrap();
    /// entry.images.insert("img/春 1.png".into(), [640, 480]);
    /// assert_eq!(entry.image_size("/blog/", "/blog/posts/img/%E6%98%A5%201.png"), Some((640, 480)));
    /// assert_eq!(entry.image_size("/blog/", "https://elsewhere.example/x.png"), None);
    /// ```
    pub fn image_size(&self, base: &str, url: &str) -> Option<(u32, u32)> {
        let below = url.strip_prefix(base)?.strip_prefix("posts/")?;
        let [width, height] = *self
            .images
            .get(crate::url::percent_decode(below).as_ref())?;
        Some((width, height))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn tagged_entry(slug: &str, file: &str, tags: &[&str]) -> PostEntry {
        serde_json::from_value(serde_json::json!({
            "slug": slug, "title": slug, "excerpt": "", "reading_minutes": 1, "file": file,
            "tags": tags,
        }))
        .unwrap()
    }

    fn site() -> Manifest {
        Manifest::new(
            SiteConfig::default(),
            vec![
                tagged_entry("spring", "2024/春分.md", &["节气", "Notes"]),
                tagged_entry("tools", "tools.md", &["notes", "Rust", "rust"]),
                tagged_entry("plain", "2023/plain.md", &[]),
            ],
        )
    }

    #[test]
    fn post_links_resolve_encoded_and_plain_paths_under_any_base() {
        let manifest = site();
        for base in ["/", "/blog/", "https://example.org/blog/"] {
            let links = PostLinks::new(&manifest, base);
            assert_eq!(
                links.resolve(&format!("{base}posts/2024/%E6%98%A5%E5%88%86.md#立春")),
                Some(format!("{base}posts/spring/#立春"))
            );
            assert_eq!(
                links.resolve(&format!("{base}posts/2024/春分.md")),
                Some(format!("{base}posts/spring/"))
            );
            assert_eq!(
                links.resolve(&format!("{base}posts/tools.md")),
                Some(format!("{base}posts/tools/"))
            );
            assert_eq!(links.resolve(&format!("{base}posts/missing.md")), None);
            assert_eq!(links.resolve(&format!("{base}other/tools.md")), None);
        }
        assert_eq!(
            manifest.post_link("/", "/posts/2023/plain.md").as_deref(),
            Some("/posts/plain/")
        );
    }

    #[test]
    fn every_tag_group_is_what_posts_tagged_lists() {
        let manifest = site();
        let groups = manifest.posts_by_tag();
        let tags = manifest.tags();
        assert_eq!(groups.len(), tags.len());
        for tag in &tags {
            let expected: Vec<&str> = manifest
                .posts_tagged(&tag.slug)
                .map(|p| p.slug.as_str())
                .collect();
            let grouped: Vec<&str> = groups[&tag.slug].iter().map(|p| p.slug.as_str()).collect();
            assert_eq!(grouped, expected, "tag {}", tag.slug);
        }
        // "Notes" and "notes" are one tag, listed as first written, counted per use.
        let notes = tags.iter().find(|tag| tag.slug == "notes").unwrap();
        assert_eq!((notes.name.as_str(), notes.count), ("Notes", 2));
        assert_eq!(
            groups["rust"].len(),
            1,
            "a post tagged twice the same way is listed once"
        );
    }

    /// 157 real posts showed readers "This post has problems in its source" for `<center>`,
    /// `<font>` and `style`: what a reader does not miss is for `folio check` only.
    #[test]
    fn notes_for_the_writer_stay_out_of_the_entry_readers_get() {
        let source = "---\ndate: 2021-13-45\n---\n<center>居中</center>\n\n\
                      <p style=\"color:red\"><font color=red>红</font></p>\n\n\
                      <a href=\"x\" onclick=\"steal()\">x</a>\n";
        let cx = crate::post::PostContext {
            base: "/",
            file: "a.md",
            trust_html: false,
            math: true,
            post_link: None,
            image_size: None,
            text: crate::i18n::english(),
        };
        let post = Post::parse(source, &cx);
        let severities: Vec<crate::Severity> = post.problems.iter().map(|p| p.severity).collect();
        use crate::Severity::{Error, Note};
        assert_eq!(
            severities,
            [Error, Note, Note, Error],
            "{:?}",
            post.problems
        );
        let entry = PostEntry::from_post(&post, "a.md", &SiteConfig::default());
        let shown: Vec<&str> = entry.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].contains("2021-13-45"), "{shown:?}");
        assert!(shown[1].contains("onclick"), "{shown:?}");
    }

    fn entry(slug: &str, day: u8, draft: bool) -> PostEntry {
        let date = Date::parse(&format!("2024-03-{day:02}")).ok();
        PostEntry {
            slug: slug.into(),
            title: slug.to_uppercase(),
            date,
            updated: None,
            description: None,
            excerpt: format!("About {slug}."),
            tags: vec!["t".into()],
            author: None,
            reading_minutes: 1,
            file: format!("{slug}.md"),
            draft,
            images: BTreeMap::new(),
            lang: None,
            cover: None,
            math: None,
            problems: vec![],
        }
    }

    /// Five posts, two a page, the newest listed first.
    fn manifest() -> Manifest {
        let site = SiteConfig {
            title: "Pages".into(),
            posts_per_page: 2,
            ..SiteConfig::default()
        };
        let posts = (1..=5).map(|day| entry(&format!("p{day}"), day, day == 3));
        Manifest::new(site, posts.collect())
    }

    #[test]
    fn home_pages_split_the_manifest_in_order_with_the_same_entries() {
        let manifest = manifest();
        let pages: Vec<HomePage> = manifest.home_pages().collect();
        assert_eq!(pages.len(), 3);
        let slugs = |page: &HomePage| {
            page.posts
                .iter()
                .map(|p| p.slug.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(slugs(&pages[0]), ["p5", "p4"]);
        assert_eq!(slugs(&pages[1]), ["p3", "p2"]);
        assert_eq!(slugs(&pages[2]), ["p1"]);
        let joined: Vec<PostEntry> = pages.iter().flat_map(|p| p.posts.clone()).collect();
        assert_eq!(
            joined, manifest.posts,
            "the same entries, fields and order as the index"
        );
        for (i, page) in pages.iter().enumerate() {
            assert_eq!(
                (page.version, page.page, page.pages),
                (HOME_PAGE_VERSION, i + 1, 3)
            );
            assert_eq!(page.total_posts, 5);
            assert_eq!(page.site, manifest.site);
        }
    }

    #[test]
    fn every_post_is_found_on_its_home_page_by_its_number_and_pages_carry_the_stamp() {
        let manifest = manifest();
        let pages: Vec<HomePage> = manifest.home_pages().collect();
        for (n, post) in manifest.posts.iter().enumerate() {
            let (page, at) = pages[0].locate(n);
            assert_eq!(&pages[page - 1].posts[at], post, "post {n}");
        }
        assert!(!manifest.stamp().is_empty());
        assert!(pages.iter().all(|page| page.stamp == manifest.stamp()));
        assert_eq!(manifest.home_page(2).unwrap(), pages[1]);
    }

    #[test]
    fn pages_outside_the_range_do_not_exist_but_an_empty_site_has_page_one() {
        let manifest = manifest();
        assert_eq!(manifest.home_page(0), None);
        assert_eq!(manifest.home_page(4), None);
        let empty = Manifest::new(SiteConfig::default(), Vec::new());
        let page = empty.home_page(1).unwrap();
        assert_eq!((page.pages, page.total_posts, page.posts.len()), (1, 0, 0));
        assert_eq!(empty.home_page(2), None);
    }

    #[test]
    fn a_home_page_round_trips_through_compact_json() {
        let page = manifest().home_page(2).unwrap();
        let json = page.to_json();
        assert!(!json.contains('\n'));
        assert!(json.starts_with(r#"{"version":1,"page":2,"pages":3,"total_posts":5,"site":{"#));
        assert_eq!(HomePage::from_json(&json).unwrap(), page);
    }

    #[test]
    fn a_broken_or_foreign_home_page_is_an_error_not_a_panic() {
        assert!(matches!(
            HomePage::from_json("<!DOCTYPE html>"),
            Err(ManifestError::Invalid(_))
        ));
        assert!(matches!(
            HomePage::from_json(r#"{"version":1,"page":1}"#),
            Err(ManifestError::Invalid(_))
        ));
        let newer = HomePage::from_json(r#"{"version":2,"page":1}"#).unwrap_err();
        assert_eq!(
            newer,
            ManifestError::Version {
                found: 2,
                expected: HOME_PAGE_VERSION
            }
        );
        // The manifest reads through the same check.
        assert!(matches!(
            Manifest::from_json(r#"{"version":2}"#),
            Err(ManifestError::Version { found: 2, .. })
        ));
    }
}
