//! Links and images that lead nowhere: every local link (relative or site-absolute, to a post's
//! `.md` file or its page, with or without a fragment) that resolves to no post, file, page or
//! heading, and every image that is not on disk.
//!
//! Destinations are resolved the way the app resolves them (against the folder of the post's
//! `.md` file, see [`folio_core::url::resolve`]), then looked up among the site's posts (by file
//! and by page, old addresses included), the pages Folio writes (home pages, tags, the archive,
//! search, feeds) and the content folder, which is laid out like the site. A fragment must name
//! a heading of the post it leads to; raw HTML may hold other ids, so that is a warning.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use folio_core::url::{is_site_path, markdown_target, percent_decode, resolve};
use folio_core::{LinkRef, Manifest, Post, ids, paths, tag_slug};

use crate::content::{Confined, SourceFile};
use crate::diagnostic::Diagnostic;

/// What one post links to, and the headings a link to it may name.
#[derive(Debug)]
pub(super) struct PostRefs {
    path: PathBuf,
    /// The Markdown file below `posts/`.
    file: String,
    /// URL path of the folder holding the post's `.md` file (`/posts/2024/`).
    folder: String,
    slug: String,
    links: Vec<LinkRef>,
    images: Vec<LinkRef>,
    /// The front-matter cover image, and its line.
    cover: Option<(String, usize)>,
    headings: HashSet<String>,
}

impl PostRefs {
    /// `text`: the post's file, for the line of its cover.
    pub(super) fn new(file: &SourceFile, text: &str, post: &Post) -> Self {
        Self {
            path: file.path.clone(),
            file: file.rel.clone(),
            folder: paths::post_folder_url("/", &file.rel),
            slug: post.slug.clone(),
            links: post.rendered.links.clone(),
            images: post.rendered.images.clone(),
            cover: post.meta.cover.clone().map(|cover| {
                let line = super::rules::key_line(text, COVER_KEYS).unwrap_or(1);
                (cover, line)
            }),
            headings: post
                .rendered
                .headings
                .iter()
                .map(|heading| heading.id.clone())
                .collect(),
        }
    }
}

/// The front-matter keys a cover image may have.
const COVER_KEYS: &[&str] = &["cover", "image", "thumbnail", "banner"];

/// The site as links see it: its posts by file and by page, the pages Folio writes, and the
/// content folder.
#[derive(Debug)]
pub(super) struct Site<'a> {
    content: &'a Confined,
    by_file: HashMap<&'a str, &'a PostRefs>,
    by_slug: HashMap<&'a str, &'a PostRefs>,
    redirects: &'a BTreeMap<String, String>,
    tags: HashSet<String>,
    home_pages: usize,
}

/// What is wrong with a link.
enum Broken {
    /// It leads to nothing.
    Nowhere(String),
    /// Its page is there, the heading it names is not.
    Heading(String),
}

impl<'a> Site<'a> {
    pub(super) fn new(
        content: &'a Confined,
        posts: &'a [PostRefs],
        manifest: &'a Manifest,
    ) -> Self {
        Self {
            content,
            by_file: posts
                .iter()
                .map(|post| (post.file.as_str(), post))
                .collect(),
            by_slug: posts
                .iter()
                .map(|post| (post.slug.as_str(), post))
                .collect(),
            redirects: &manifest.redirects,
            tags: posts_tags(manifest),
            home_pages: manifest.page_count(),
        }
    }

    /// Adds a problem for each broken link and missing image of `post`.
    pub(super) fn check(&self, post: &PostRefs, found: &mut Vec<Diagnostic>) {
        for link in &post.links {
            match self.broken_link(post, &link.url) {
                Some(Broken::Nowhere(message)) => found
                    .push(Diagnostic::error(&post.path, link.line, message).at_column(link.column)),
                Some(Broken::Heading(message)) => found.push(
                    Diagnostic::warning(&post.path, link.line, message).at_column(link.column),
                ),
                None => {}
            }
        }
        for image in &post.images {
            if let Some(there) = self.missing(&post.folder, &image.url) {
                let message = format!("missing image `{}`: there is no {there}", image.url);
                found.push(
                    Diagnostic::error(&post.path, image.line, message).at_column(image.column),
                );
            }
        }
        // Link previews leave out a cover that is not there.
        if let Some((cover, line)) = &post.cover
            && let Some(there) = self.missing(&post.folder, cover)
        {
            let message = format!("missing cover image `{cover}`: there is no {there}");
            found.push(Diagnostic::error(&post.path, *line, message));
        }
    }

    /// Where in the content folder a file of the site's own that `url` (from a post in
    /// `folder`) names would be, when it is not there.
    fn missing(&self, folder: &str, url: &str) -> Option<String> {
        if !is_site_path(url) {
            return None;
        }
        let (target, _) = target(folder, url);
        let below = site_relative(&target);
        self.content
            .regular_file(below)
            .is_none()
            .then(|| below.to_owned())
    }

    fn broken_link(&self, from: &PostRefs, url: &str) -> Option<Broken> {
        if let Some(fragment) = url.strip_prefix('#') {
            return missing_heading(from, fragment, url);
        }
        if !is_site_path(url) {
            return None;
        }
        let (target, fragment) = target(&from.folder, url);
        let nowhere = |what: String| Some(Broken::Nowhere(format!("broken link `{url}`: {what}")));
        let post = if markdown_target(&target).is_some() {
            if self.content.regular_file(site_relative(&target)).is_none() {
                return nowhere(format!("there is no {}", site_relative(&target)));
            }
            target
                .strip_prefix("/posts/")
                .and_then(|file| self.by_file.get(file))
        } else if let Some(slug) = post_slug(&target) {
            let post = self.by_slug.get(slug).or_else(|| {
                let to = self.redirects.get(&format!("posts/{slug}"))?;
                self.by_slug.get(to.as_str())
            });
            if post.is_none() && self.content.inside(site_relative(&target)).is_none() {
                return nowhere(format!("no post is at /posts/{slug}/"));
            }
            post
        } else {
            let old = self.redirects.contains_key(target.trim_matches('/'));
            if !old
                && !self.is_page(&target)
                && self.content.inside(site_relative(&target)).is_none()
            {
                return nowhere(format!("there is no page or file at {target}"));
            }
            None
        };
        match (post, fragment) {
            (Some(post), Some(fragment)) => missing_heading(post, &fragment, url),
            _ => None,
        }
    }

    /// Whether `path` is a page Folio writes beside the posts: a home page, the archive, the
    /// tag list or a tag's page, the search page, a feed or the sitemap.
    fn is_page(&self, path: &str) -> bool {
        let page = path.trim_matches('/');
        let mut parts = page.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("" | "archive" | "tags" | "search"), None, None) => true,
            (Some("feed.xml" | "rss.xml" | "sitemap.xml" | "robots.txt"), None, None) => true,
            (Some("tags"), Some(tag), None) => self.tags.contains(tag),
            (Some("page"), Some(n), None) => n
                .parse::<usize>()
                .is_ok_and(|n| (2..=self.home_pages).contains(&n)),
            _ => false,
        }
    }
}

/// The tag slugs of the site's pages.
fn posts_tags(manifest: &Manifest) -> HashSet<String> {
    manifest
        .posts
        .iter()
        .flat_map(|post| &post.tags)
        .map(|tag| tag_slug(tag))
        .collect()
}

/// A warning when `post` has no heading `fragment` (as written in a link, `%XX` encoded or
/// not; a post's own ids in Folio's namespace moved as the renderer moves them).
fn missing_heading(post: &PostRefs, fragment: &str, url: &str) -> Option<Broken> {
    let decoded = percent_decode(fragment);
    let id = ids::content_id(&decoded);
    // `#top` is the top of the page whether or not anything has that id (HTML's rule).
    if fragment.is_empty()
        || decoded.eq_ignore_ascii_case("top")
        || post.headings.contains(id.as_ref())
    {
        return None;
    }
    Some(Broken::Heading(format!(
        "link `{url}`: posts/{} has no heading with the id {:?}",
        post.file, decoded
    )))
}

/// A site path (`/posts/a.md`) as a path below the content folder, which is laid out like the
/// site.
fn site_relative(site_path: &str) -> &str {
    site_path.trim_start_matches('/')
}

/// The site path a local link or image points at (resolved, query cut, `%XX` decoded), and its
/// fragment.
fn target(folder: &str, url: &str) -> (String, Option<String>) {
    let resolved = resolve(folder, url);
    let (before, fragment) = match resolved.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment.to_owned())),
        None => (resolved.as_ref(), None),
    };
    let path = before.split('?').next().unwrap_or_default();
    (percent_decode(path).into_owned(), fragment)
}

/// The post path in `/posts/<path>/` or `/posts/<path>`.
fn post_slug(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/posts/")?;
    let slug = rest.strip_suffix('/').unwrap_or(rest);
    paths::validate_post_path(slug).is_ok().then_some(slug)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn targets_resolve_against_the_post_folder() {
        let cases = [
            ("other.md#part", "/posts/2024/other.md", Some("part")),
            ("../你好%20世界.md", "/posts/你好 世界.md", None),
            ("/posts/hello/", "/posts/hello/", None),
            ("img/a.png?v=2#x", "/posts/2024/img/a.png", Some("x")),
        ];
        for (url, path, fragment) in cases {
            let (got, got_fragment) = target("/posts/2024/", url);
            assert_eq!(
                (got.as_str(), got_fragment.as_deref()),
                (path, fragment),
                "{url}"
            );
        }
    }

    #[test]
    fn post_paths_are_below_posts() {
        assert_eq!(post_slug("/posts/hello/"), Some("hello"));
        assert_eq!(post_slug("/posts/你好 世界"), Some("你好 世界"));
        assert_eq!(post_slug("/posts/2024/nas/"), Some("2024/nas"));
        assert_eq!(post_slug("/posts/"), None);
        assert_eq!(post_slug("/posts/a/../b/"), None);
        assert_eq!(post_slug("/tags/rust/"), None);
    }
}
