//! Links from one post to another's Markdown file, resolved to that post's page.

use std::collections::HashMap;

use crate::Manifest;

/// Links between posts for a whole site: each link to another post's Markdown file one lookup,
/// not a pass over the index.
#[derive(Debug)]
pub struct PostLinks<'a> {
    base: &'a str,
    /// `{base}posts/`, decoded, as links to post files start once decoded.
    prefix: Option<String>,
    /// Post file (`2024/春分.md`) to slug.
    slugs: HashMap<&'a str, &'a str>,
}

impl<'a> PostLinks<'a> {
    /// The post (its file below `posts/` and its path) whose Markdown file `url` (without a
    /// fragment) points at.
    pub fn post(&self, url: &str) -> Option<(&'a str, &'a str)> {
        let wanted = crate::paths::decode_segment(url)?;
        let file = wanted.strip_prefix(self.prefix.as_deref()?)?;
        self.slugs
            .get_key_value(file)
            .map(|(file, slug)| (*file, *slug))
    }

    /// Indexes the posts of `manifest` for a site under `base` (a path or an absolute URL).
    pub fn new(manifest: &'a Manifest, base: &'a str) -> Self {
        Self::of_posts(
            manifest
                .posts
                .iter()
                .map(|post| (post.file.as_str(), post.slug.as_str())),
            base,
        )
    }

    /// Indexes posts given as (file below `posts/`, post path), before there is a manifest: the
    /// build resolves links while it renders the posts the manifest will list.
    pub fn of_posts(posts: impl IntoIterator<Item = (&'a str, &'a str)>, base: &'a str) -> Self {
        Self {
            base,
            prefix: crate::paths::decode_segment(&format!("{base}posts/")),
            slugs: posts.into_iter().collect(),
        }
    }

    /// The page URL of the post whose Markdown file `url` points at, fragment kept.
    pub fn resolve(&self, url: &str) -> Option<String> {
        let (path, fragment) = url
            .split_once('#')
            .map_or((url, None), |(p, f)| (p, Some(f)));
        let (_, slug) = self.post(path)?;
        let page = crate::paths::post_url(self.base, slug);
        Some(match fragment {
            Some(fragment) => format!("{page}#{fragment}"),
            None => page,
        })
    }
}
