//! Where a post's images and links end up: images are found in the source site and planned for
//! copying, links to other imported posts are followed, and a path in the text is rewritten when
//! what it points at lands somewhere else relative to the post.

use std::path::{Component, Path, PathBuf};

use folio_core::post::{Post, PostContext, file_stem};
use folio_core::url::{markdown_target, percent_decode, resolve, scheme};
use folio_core::{LinkRef, Problem};

use super::Dialect;
use super::post::Targets;
use super::source::{FoundPost, SourceSite};

/// The images and links of one post.
pub(super) struct Moves<'a> {
    site: &'a SourceSite,
    found: &'a FoundPost,
    targets: &'a Targets,
    /// Files to copy: source, and destination below the content folder.
    pub(super) copies: Vec<(PathBuf, String)>,
    /// Images not found and paths that could not be rewritten, by line of the original text.
    pub(super) notes: Vec<Problem>,
}

/// Where one image goes.
struct Moved {
    source: PathBuf,
    /// Below the content folder.
    dest: String,
    /// The path to write in the post.
    url: String,
}

impl<'a> Moves<'a> {
    pub(super) fn new(site: &'a SourceSite, found: &'a FoundPost, targets: &'a Targets) -> Self {
        Self {
            site,
            found,
            targets,
            copies: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The text with moved paths rewritten.
    pub(super) fn rewrite(&mut self, text: &str) -> String {
        let post = Post::parse(
            text,
            &PostContext {
                base: "",
                file: &self.found.target,
                trust_html: false,
                math: true,
                post_link: None,
                image_size: None,
                text: folio_core::i18n::english(),
            },
        );
        let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
        // Last first, so a rewrite never shifts the column of one still to do.
        let mut rewrites: Vec<(&LinkRef, String)> = Vec::new();
        for link in &post.rendered.links {
            if let Some(url) = self.follow(&link.url)
                && !same_place(&link.url, &url)
            {
                rewrites.push((link, url));
            }
        }
        for image in post.rendered.images.iter().rev() {
            let Some(found) = self.locate(&image.url) else {
                continue;
            };
            let Some(moved) = found else {
                self.notes.push(
                    Problem::warning(
                        image.line,
                        format!(
                            "image `{}` is not in the source site; its path was left as it is",
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
        rewrites.sort_by_key(|(at, _)| std::cmp::Reverse((at.line, at.column)));
        for (at, url) in rewrites {
            if !replace_url(&mut lines, at, &url) {
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
        let target = self.targets.get(&linked)?;
        let here = self
            .found
            .target
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir);
        Some(encode_url(&relative_url(here, target)) + suffix)
    }

    /// `None`: not a local image. `Some(None)`: local but not found. `Some(Some(moved))`: found.
    fn locate(&self, url: &str) -> Option<Option<Moved>> {
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
            let dirs = self.site.static_dirs.iter();
            dirs.filter_map(|dir| join_inside(dir, absolute)).collect()
        } else {
            let dirs = std::iter::once(from).chain(self.found.assets.as_deref());
            dirs.filter_map(|dir| join_inside(dir, &path)).collect()
        };
        let source = candidates
            .into_iter()
            .find(|candidate| self.site.confined.holds(candidate));
        Some(source.map(|source| self.destination(source, from)))
    }

    /// Where a found image goes: into the post's own folder when it was the post's (bundle,
    /// asset folder, or beside the post), else to the same place below the content folder as
    /// below the site root.
    fn destination(&self, source: PathBuf, from: &Path) -> Moved {
        let target_dir = self
            .found
            .target
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir);
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

/// The target without its extension: `2024/hello.md` → `2024/hello`.
pub(super) fn target_stem(target: &str) -> String {
    let stem = file_stem(target);
    match target.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{stem}"),
        None => stem.to_owned(),
    }
}

/// `dir` joined with a relative `/`-separated path, `..` folded against `dir`'s own folders;
/// `None` when it would climb above what `dir` names. (Whether the result is inside the source
/// site is checked by the caller.)
pub(super) fn join_inside(dir: &Path, rel: &str) -> Option<PathBuf> {
    let mut path = dir.to_path_buf();
    for part in rel.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if !matches!(path.components().next_back(), Some(Component::Normal(_))) {
                    return None;
                }
                path.pop();
            }
            part => path.push(part),
        }
    }
    Some(path)
}

/// The relative URL from a folder to a file, both `/`-separated below the same root.
fn relative_url(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = to.split('/').collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts = vec![".."; from.len() - shared];
    parts.extend(&to[shared..]);
    parts.join("/")
}

/// `path` below `dir`, `/`-separated; `None` when it is not below it.
fn slash_path(path: &Path, dir: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    parts.map(|parts| parts.join("/")).filter(|p| !p.is_empty())
}

fn join_slash(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_owned()
    } else {
        format!("{dir}/{rel}")
    }
}

/// Whether two image paths name the same file from the same post (`./a.png` and `a.png`).
fn same_place(old: &str, new: &str) -> bool {
    percent_decode(&resolve("/p/", old)) == percent_decode(&resolve("/p/", new))
}

/// Escapes what would end a Markdown link destination or confuse a URL: spaces, parentheses,
/// angle brackets and `%`. Other characters (CJK included) stay readable.
pub(super) fn encode_url(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '%' => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out
}

/// Replaces the image's URL on its line (from its column on), else in a reference definition
/// (`[id]: url`). Returns whether it found the URL.
fn replace_url(lines: &mut [String], image: &LinkRef, new: &str) -> bool {
    let old = image.url.as_str();
    if let Some(line) = lines.get_mut(image.line.saturating_sub(1)) {
        let from = line
            .char_indices()
            .nth(image.column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        // The destination follows `(` or `<`; a bare match may be the link's text (`[a.md](a.md)`).
        let found: Vec<usize> = line[from..]
            .match_indices(old)
            .map(|(i, _)| i + from)
            .collect();
        let destination = found
            .iter()
            .find(|&&at| line[..at].ends_with(['(', '<']))
            .or(found.first());
        if let Some(&at) = destination {
            line.replace_range(at..at + old.len(), new);
            return true;
        }
    }
    for line in lines.iter_mut() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[')
            && let Some(colon) = trimmed.find("]:")
            && trimmed[colon + 2..].trim_start().starts_with(old)
        {
            let indent = line.len() - trimmed.len();
            let rest = &trimmed[colon + 2..];
            let at = indent + colon + 2 + (rest.len() - rest.trim_start().len());
            line.replace_range(at..at + old.len(), new);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_replaced_where_the_image_is_or_in_its_definition() {
        let image = |url: &str, line, column| LinkRef {
            url: url.to_owned(),
            line,
            column,
        };
        let mut lines = vec!["[a.md](a.md)\n".to_owned()];
        assert!(replace_url(&mut lines, &image("a.md", 1, 1), "b/a.md"));
        assert_eq!(lines[0], "[a.md](b/a.md)\n");
        let mut lines = vec!["![a](x.png) ![b](x.png)\n".to_owned()];
        assert!(replace_url(&mut lines, &image("x.png", 1, 13), "y/x.png"));
        assert_eq!(lines[0], "![a](x.png) ![b](y/x.png)\n");
        let mut lines = vec![
            "![a][pic]\n".to_owned(),
            "\n".to_owned(),
            "  [pic]: x.png \"t\"\n".to_owned(),
        ];
        assert!(replace_url(&mut lines, &image("x.png", 1, 1), "../x.png"));
        assert_eq!(lines[2], "  [pic]: ../x.png \"t\"\n");
        assert!(!replace_url(&mut lines, &image("gone.png", 1, 1), "z.png"));
    }

    #[test]
    fn joins_never_climb_out() {
        assert_eq!(
            join_inside(Path::new("/site/a"), "../b/c.png"),
            Some(PathBuf::from("/site/b/c.png"))
        );
        assert_eq!(join_inside(Path::new("site"), "../../x"), None);
        assert_eq!(
            join_inside(Path::new("../old/_posts"), "../assets/a.png"),
            Some(PathBuf::from("../old/assets/a.png"))
        );
        assert!(same_place("./a b.png", "a%20b.png"));
        assert_eq!(relative_url("notes", "first-frost.md"), "../first-frost.md");
        assert_eq!(relative_url("", "a/b.md"), "a/b.md");
        assert_eq!(relative_url("a/x", "a/y/b.md"), "../y/b.md");
        assert_eq!(encode_url("图 (1).png"), "图%20%281%29.png");
    }
}
