//! Links and images that lead nowhere: a relative `.md` link to a file that is not there, a
//! `/posts/<slug>/` link to a slug no post has, an image that is not on disk.
//!
//! Destinations are resolved the way the app resolves them (against the folder of the post's
//! `.md` file, see [`folio_core::url::resolve`]), then looked up in the content folder, which is
//! laid out like the site. Links to other sites, and local links that are neither, are left alone:
//! pages such as `/tags/rust/` exist only once the site is built.

use std::collections::HashSet;
use std::path::PathBuf;

use folio_core::url::{is_site_path, markdown_target, percent_decode, resolve};
use folio_core::{LinkRef, Post, paths};

use crate::content::{Confined, SourceFile};
use crate::diagnostic::Diagnostic;

/// What one post links to.
#[derive(Debug)]
pub(super) struct PostRefs {
    path: PathBuf,
    /// URL path of the folder holding the post's `.md` file (`/posts/2024/`).
    folder: String,
    slug: String,
    links: Vec<LinkRef>,
    images: Vec<LinkRef>,
}

impl PostRefs {
    pub(super) fn new(file: &SourceFile, post: &Post) -> Self {
        Self {
            path: file.path.clone(),
            folder: paths::post_folder_url("/", &file.rel),
            slug: post.slug.clone(),
            links: post.rendered.links.clone(),
            images: post.rendered.images.clone(),
        }
    }
}

/// The content folder and the post paths that lead to a post.
#[derive(Debug)]
pub(super) struct Site<'a> {
    content: &'a Confined,
    slugs: HashSet<&'a str>,
}

impl<'a> Site<'a> {
    /// `old`: old addresses that lead to a post's page (see `Manifest::redirects`).
    pub(super) fn new(
        content: &'a Confined,
        posts: &'a [PostRefs],
        old: impl IntoIterator<Item = &'a String>,
    ) -> Self {
        Self {
            content,
            slugs: posts
                .iter()
                .map(|post| post.slug.as_str())
                .chain(old.into_iter().map(String::as_str))
                .collect(),
        }
    }

    /// Adds an error for each broken link and missing image of `post`.
    pub(super) fn check(&self, post: &PostRefs, found: &mut Vec<Diagnostic>) {
        for link in &post.links {
            if let Some(message) = self.broken_link(&post.folder, &link.url) {
                found.push(located(post, link, message));
            }
        }
        for image in &post.images {
            let Some(target) = local_path(&post.folder, &image.url) else {
                continue;
            };
            if self.content.regular_file(site_relative(&target)).is_none() {
                let message = format!(
                    "missing image `{}`: there is no {}",
                    image.url,
                    target.trim_start_matches('/')
                );
                found.push(located(post, image, message));
            }
        }
    }

    fn broken_link(&self, folder: &str, url: &str) -> Option<String> {
        let target = local_path(folder, url)?;
        if markdown_target(&target).is_some() {
            return self
                .content
                .regular_file(site_relative(&target))
                .is_none()
                .then(|| {
                    format!(
                        "broken link `{url}`: there is no {}",
                        target.trim_start_matches('/')
                    )
                });
        }
        let slug = post_slug(&target)?;
        if self.slugs.contains(slug) || self.content.inside(site_relative(&target)).is_some() {
            return None;
        }
        Some(format!(
            "broken link `{url}`: no post has the slug {slug:?}"
        ))
    }
}

/// A site path (`/posts/a.md`) as a path below the content folder, which is laid out like the
/// site.
fn site_relative(site_path: &str) -> &str {
    site_path.trim_start_matches('/')
}

fn located(post: &PostRefs, at: &LinkRef, message: String) -> Diagnostic {
    Diagnostic::error(&post.path, at.line, message).at_column(at.column)
}

/// The site path a local link or image points at (resolved, query and fragment cut, `%XX`
/// decoded); `None` for other sites, `data:` and `mailto:` URLs, and links within the page.
fn local_path(folder: &str, url: &str) -> Option<String> {
    if !is_site_path(url) {
        return None;
    }
    let resolved = resolve(folder, url);
    let path = resolved.split(['?', '#']).next().unwrap_or_default();
    Some(percent_decode(path).into_owned())
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
    fn local_paths_resolve_against_the_post_folder() {
        let cases = [
            ("other.md#part", Some("/posts/2024/other.md")),
            ("../你好%20世界.md", Some("/posts/你好 世界.md")),
            ("/posts/hello/", Some("/posts/hello/")),
            ("img/a.png?v=2", Some("/posts/2024/img/a.png")),
            ("https://example.com/a.md", None),
            ("//cdn.example.com/a.png", None),
            ("mailto:me@example.com", None),
            ("#section", None),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(local_path("/posts/2024/", url).as_deref(), want, "{url}");
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
