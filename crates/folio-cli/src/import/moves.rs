//! Where a post's files and links end up: the images and files it uses (Markdown, raw HTML,
//! its front matter's cover, a bundle's files) are found in the source site and planned for
//! copying; links to other imported posts (their `.md` file, or an address the old site gave
//! them) are followed; and a path in the text is rewritten when what it points at lands
//! somewhere else relative to the post.

use std::path::{Path, PathBuf};

use anyhow::Result;
use folio_core::front_matter::split;
use folio_core::post::{Post, PostContext};
use folio_core::url::{markdown_target, percent_decode, resolve, scheme};
use folio_core::{LinkRef, Problem};

use super::Dialect;
use super::catalog::Catalog;
use super::html_refs::{self, Kind};
use super::paths::{
    encode_url, join_inside, join_slash, relative_url, replace_url, same_place, slash_path,
    target_stem,
};
use super::source::{FoundPost, SourceSite, is_markdown};

/// The files and links of one post.
pub(super) struct Moves<'a> {
    site: &'a SourceSite,
    found: &'a FoundPost,
    catalog: &'a Catalog,
    /// Where the old site published this post, for its relative links.
    old_url: Option<&'a str>,
    /// Files to copy: source, and destination below the content folder.
    pub(super) copies: Vec<(PathBuf, String)>,
    /// Files not found and paths that could not be rewritten, by line of the original text.
    pub(super) notes: Vec<Problem>,
    /// Links to other posts rewritten.
    pub(super) links: usize,
}

/// Where one file goes.
pub(super) struct Moved {
    source: PathBuf,
    /// Below the content folder.
    dest: String,
    /// The path to write in the post.
    pub(super) url: String,
}

impl<'a> Moves<'a> {
    pub(super) fn new(
        site: &'a SourceSite,
        found: &'a FoundPost,
        catalog: &'a Catalog,
        old_url: Option<&'a str>,
    ) -> Self {
        Self {
            site,
            found,
            catalog,
            old_url,
            copies: Vec::new(),
            notes: Vec::new(),
            links: 0,
        }
    }

    /// The text with moved paths rewritten.
    pub(super) fn rewrite(&mut self, text: &str) -> String {
        let post = Post::parse(text, &PostContext::new("", &self.found.target));
        let body_line = split(text).map_or(1, |split| split.body_line);
        let mut links: Vec<LinkRef> = post.rendered.links.clone();
        let mut images: Vec<LinkRef> = post.rendered.images.clone();
        for (at, kind) in html_refs::find(text, body_line) {
            match kind {
                Kind::Link => links.push(at),
                Kind::Embedded => images.push(at),
            }
        }
        let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
        let mut rewrites: Vec<(LinkRef, String)> = Vec::new();
        for link in links {
            if let Some(url) = self.follow(&link.url).or_else(|| self.old_post(&link.url)) {
                if !same_place(&link.url, &url) {
                    self.links += 1;
                    rewrites.push((link, url));
                }
                continue;
            }
            // A link to a file of the site (`chart.svg`, `/files/a.pdf`) brings the file along;
            // a link to a page that is not a file stays as it is.
            let path = link.url.split(['?', '#']).next().unwrap_or_default();
            if is_markdown(path) {
                continue;
            }
            if let Some(Some(moved)) = self.locate(&link.url) {
                self.copies.push((moved.source.clone(), moved.dest.clone()));
                if link.url.starts_with('/') || !same_place(&link.url, &moved.url) {
                    rewrites.push((link, moved.url));
                }
            }
        }
        for image in images {
            let Some(found) = self.locate(&image.url) else {
                continue;
            };
            let Some(moved) = found else {
                self.notes.push(
                    Problem::warning(
                        image.line,
                        format!(
                            "`{}` is not in the source site; its path was left as it is",
                            image.url
                        ),
                    )
                    .at_column(image.column),
                );
                continue;
            };
            self.copies.push((moved.source.clone(), moved.dest.clone()));
            // A site-absolute path breaks under a sub-path (`/blog/`); the relative one does not.
            if image.url.starts_with('/') || !same_place(&image.url, &moved.url) {
                rewrites.push((image, moved.url));
            }
        }
        // Last first, so a rewrite never shifts the column of one still to do.
        rewrites.sort_by_key(|(at, _)| std::cmp::Reverse((at.line, at.column)));
        for (at, url) in rewrites {
            if !replace_url(&mut lines, &at, &url) {
                self.notes.push(
                    Problem::warning(
                        at.line,
                        format!(
                            "`{}` moved; its path could not be rewritten here: write `{url}`",
                            at.url
                        ),
                    )
                    .at_column(at.column),
                );
            }
        }
        lines.concat()
    }

    /// Every file of the post's own folder (a page bundle, a Hexo asset folder), used or not:
    /// a theme or a shortcode may have shown it.
    pub(super) fn bundle_files(&mut self) -> Result<()> {
        let Some(assets) = &self.found.assets else {
            return Ok(());
        };
        let stem = target_stem(&self.found.target);
        let walk = self.site.confined.walk(assets, &[])?;
        for rel in walk.files {
            if !is_markdown(&rel) {
                self.copies
                    .push((assets.join(&rel), format!("posts/{stem}/{rel}")));
            }
        }
        Ok(())
    }

    /// The new path of a link to another imported post's `.md` file, query and fragment kept.
    /// Zola's internal links (`@/blog/a.md`, from `content/`) are followed too.
    fn follow(&self, url: &str) -> Option<String> {
        let (from, url) = match url.strip_prefix("@/") {
            Some(rest) if self.site.dialect == Dialect::Zola => {
                (self.site.root.join("content"), rest)
            }
            _ => (self.found.source.parent()?.to_path_buf(), url),
        };
        if url.starts_with('/') || url.starts_with("//") || scheme(url).is_some() {
            return None;
        }
        let (path, suffix) = markdown_target(url)?;
        let linked = join_inside(&from, &percent_decode(path))?;
        let target = self.catalog.by_source(&linked)?;
        Some(encode_url(&relative_url(self.target_dir(), target)) + suffix)
    }

    /// The path of the imported post a link to an address of the old site names: site-absolute
    /// (`/2023/01/29/first-nas.html`, with or without the old site's path in front), on the old
    /// site's own host, or relative to this post's old address. Its fragment is kept.
    fn old_post(&self, url: &str) -> Option<String> {
        let (address, fragment) = match url.split_once('#') {
            Some((address, fragment)) => (address, format!("#{fragment}")),
            None => (url, String::new()),
        };
        let settings = &self.site.settings;
        let path = if let Some(rest) = address
            .strip_prefix("http://")
            .or_else(|| address.strip_prefix("https://"))
        {
            let origin = settings
                .base_url
                .as_deref()?
                .split("://")
                .nth(1)?
                .split('/')
                .next()?;
            let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
            if !host.eq_ignore_ascii_case(origin) {
                return None;
            }
            format!("/{path}")
        } else if address.starts_with("//") || scheme(address).is_some() || address.is_empty() {
            return None;
        } else if address.starts_with('/') {
            address.to_owned()
        } else {
            resolve(self.old_url?, address).into_owned()
        };
        let below_base = match settings.base_path.as_str() {
            "/" => path.as_str(),
            base => path
                .strip_prefix(base.trim_end_matches('/'))
                .filter(|rest| rest.is_empty() || rest.starts_with('/'))
                .unwrap_or(&path),
        };
        let target = self.catalog.by_old_url(below_base)?;
        if target == self.found.target && !fragment.is_empty() {
            return Some(fragment);
        }
        Some(encode_url(&relative_url(self.target_dir(), target)) + &fragment)
    }

    /// The folder of the post's target below `posts/` (`""` at the top).
    fn target_dir(&self) -> &str {
        self.found
            .target
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
    }

    /// Where a file the post uses (`img.png`, `/images/a.png`) is in the source site and where
    /// it goes. `None`: not a local file. `Some(None)`: local but not found.
    pub(super) fn locate(&self, url: &str) -> Option<Option<Moved>> {
        if url.is_empty() || url.starts_with(['#', '?']) || url.starts_with("//") {
            return None;
        }
        if scheme(url).is_some() {
            return None;
        }
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let path = percent_decode(path);
        let from = self.found.source.parent().unwrap_or(Path::new(""));
        let candidates: Vec<PathBuf> = if let Some(absolute) = path.strip_prefix('/') {
            // Below the old site's path (`/blog/images/a.png`) or, as written, at its root.
            let base = self.site.settings.base_path.trim_start_matches('/');
            let below = absolute.strip_prefix(base).filter(|_| !base.is_empty());
            let paths: Vec<&str> = below.into_iter().chain([absolute]).collect();
            let dirs = self.site.static_dirs.iter();
            dirs.flat_map(|dir| paths.iter().filter_map(|path| join_inside(dir, path)))
                .collect()
        } else {
            let dirs = std::iter::once(from).chain(self.found.assets.as_deref());
            dirs.filter_map(|dir| join_inside(dir, &path)).collect()
        };
        let source = candidates
            .into_iter()
            .find(|candidate| self.site.confined.holds(candidate));
        Some(source.map(|source| self.destination(source, from)))
    }

    /// Plans the copy of a file [`Moves::locate`] found.
    pub(super) fn copy(&mut self, moved: &Moved) {
        self.copies.push((moved.source.clone(), moved.dest.clone()));
    }

    /// Where a found file goes: into the post's own folder when it was the post's (bundle,
    /// asset folder, or beside the post), else to the same place below the content folder as
    /// below the site root.
    fn destination(&self, source: PathBuf, from: &Path) -> Moved {
        let target_dir = self.target_dir();
        let stem = target_stem(&self.found.target);
        if let Some(assets) = &self.found.assets
            && let Some(rel) = slash_path(&source, assets)
        {
            let name = stem.rsplit('/').next().unwrap_or(&stem);
            return Moved {
                dest: format!("posts/{stem}/{rel}"),
                url: encode_url(&format!("{name}/{rel}")),
                source,
            };
        }
        if let Some(rel) = slash_path(&source, from) {
            return Moved {
                dest: join_slash(&join_slash("posts", target_dir), &rel),
                url: encode_url(&rel),
                source,
            };
        }
        let rel = self
            .site
            .static_dirs
            .iter()
            .chain(std::iter::once(&self.site.root))
            .find_map(|dir| slash_path(&source, dir))
            .unwrap_or_default();
        let depth = 1 + target_dir.split('/').filter(|s| !s.is_empty()).count();
        Moved {
            url: encode_url(&format!("{}{rel}", "../".repeat(depth))),
            dest: rel,
            source,
        }
    }
}
