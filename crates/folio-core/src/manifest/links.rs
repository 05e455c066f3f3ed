//! Links from one post to another's Markdown file, resolved to that post's page.

use std::collections::HashMap;

use crate::Manifest;

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
