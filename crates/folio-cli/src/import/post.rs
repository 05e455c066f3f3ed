//! One post moved in: its text (front matter kept, a file-name date or a drafts folder written
//! into it, image paths and links to other imported posts rewritten where they move), the images
//! to copy, and notes on what was not carried over, located in the new file.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};
use folio_core::front_matter::{Field, FrontMatterFormat, parse_fields, split};
use folio_core::post::{Post, PostContext, file_stem};
use folio_core::url::{markdown_target, percent_decode, resolve, scheme};
use folio_core::{LinkRef, Problem};

use super::Dialect;
use super::source::{FoundPost, SourceSite};
use super::syntax::{self, What};

/// Front-matter keys holding the URL a generator published a post at; Folio serves every post at
/// `/posts/<slug>/` and has no redirects, so old links to these break.
const URL_KEYS: &[&str] = &["aliases", "permalink", "redirect_from", "url", "path"];

/// A post ready to be written.
#[derive(Debug)]
pub(super) struct Imported {
    pub(super) source: PathBuf,
    /// Below `posts/`, `/`-separated.
    pub(super) target: String,
    pub(super) text: String,
    pub(super) slug: String,
    pub(super) draft: bool,
    /// Files to copy: source, and destination below the content folder (`/`-separated).
    pub(super) copies: Vec<(PathBuf, String)>,
    /// What did not come over, located in `text`.
    pub(super) notes: Vec<Problem>,
}

/// Where each imported post goes: its source file → its target below `posts/`.
pub(super) type Targets = HashMap<PathBuf, String>;

/// Reads and converts one post.
pub(super) fn import(site: &SourceSite, found: &FoundPost, targets: &Targets) -> Result<Imported> {
    let bytes =
        fs::read(&found.source).with_context(|| format!("reading {}", found.source.display()))?;
    let mut notes = Vec::new();
    let original = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            notes.push(Problem::warning(
                1,
                "the file is not valid UTF-8; invalid bytes were replaced",
            ));
            String::from_utf8_lossy(err.as_bytes()).into_owned()
        }
    };
    let mut moves = Moves {
        site,
        found,
        targets,
        copies: Vec::new(),
        notes: Vec::new(),
    };
    let text = moves.rewrite(&original);
    let (text, added_lines) = add_fields(&text, found);
    notes.extend(moves.notes.into_iter().map(|mut note| {
        note.line += added_lines;
        note
    }));
    let mut copies = moves.copies;

    let post = Post::parse(
        &text,
        &PostContext {
            base: "",
            file: &found.target,
            trust_html: false,
            post_link: None,
        },
    );
    if text.trim_start().starts_with('{') {
        notes.push(Problem::warning(
            1,
            "JSON front matter is not read by Folio: rewrite it as YAML between --- lines",
        ));
    }
    for field in fields(&text) {
        if URL_KEYS
            .iter()
            .any(|key| field.key.eq_ignore_ascii_case(key))
        {
            notes.push(Problem::warning(
                field.line,
                format!(
                    "`{}` is not carried over: Folio serves this post at /posts/{}/ and does not redirect old URLs",
                    field.key, post.slug
                ),
            ));
        }
    }
    let body_line = split(&text).map_or(1, |split| split.body_line);
    for finding in syntax::find(&text, body_line, site.dialect) {
        let message = match finding.what {
            What::Message(message) => message,
            What::HexoAssetImage {
                snippet,
                file,
                title,
            } => hexo_asset_image(found, &snippet, &file, &title, &mut copies),
        };
        notes.push(Problem::warning(finding.line, message).at_column(finding.column));
    }
    notes.sort_by_key(|note| (note.line, note.column));
    Ok(Imported {
        source: found.source.clone(),
        target: found.target.clone(),
        slug: post.slug,
        draft: post.meta.draft,
        text,
        copies,
        notes,
    })
}

/// The replacement for `{% asset_img %}`, copying its image when it is in the asset folder.
fn hexo_asset_image(
    found: &FoundPost,
    snippet: &str,
    file: &str,
    title: &str,
    copies: &mut Vec<(PathBuf, String)>,
) -> String {
    let stem = target_stem(&found.target);
    let name = stem.rsplit('/').next().unwrap_or(&stem);
    let source = found
        .assets
        .as_ref()
        .and_then(|assets| join_inside(assets, file))
        .filter(|path| path.is_file());
    match source {
        Some(source) => {
            copies.push((source, format!("posts/{stem}/{file}")));
            format!(
                "`{snippet}` is a Hexo tag, which Folio shows as text: write ![{title}]({}) instead (the image was copied)",
                encode_url(&format!("{name}/{file}"))
            )
        }
        None => format!(
            "`{snippet}` is a Hexo tag, which Folio shows as text, and {file} is not in the post's asset folder"
        ),
    }
}

/// Every top-level front-matter field of `text` (none when it has none or it does not parse).
fn fields(text: &str) -> Vec<Field> {
    split(text)
        .ok()
        .and_then(|split| split.front_matter)
        .and_then(|front_matter| parse_fields(&front_matter).ok())
        .unwrap_or_default()
}

/// Writes what the file's name or folder said (a date, being a draft) into its front matter,
/// unless the front matter says it already. Returns the text and how many lines were added.
fn add_fields(text: &str, found: &FoundPost) -> (String, usize) {
    let present = fields(text);
    let has = |key: &str| present.iter().any(|f| f.key.eq_ignore_ascii_case(key));
    let mut add: Vec<(&str, &str)> = Vec::new();
    if let Some(date) = &found.date
        && !has("date")
    {
        add.push(("date", date));
    }
    if found.draft && !has("draft") && !has("published") {
        add.push(("draft", "true"));
    }
    if add.is_empty() {
        return (text.to_owned(), 0);
    }
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    match split(text) {
        Ok(split) => match split.front_matter {
            Some(front_matter) => {
                let lines: String = add
                    .iter()
                    .map(|(key, value)| match front_matter.format {
                        FrontMatterFormat::Yaml => format!("{key}: {value}{newline}"),
                        FrontMatterFormat::Toml => format!("{key} = {value}{newline}"),
                    })
                    .collect();
                // Right after the opening fence: in TOML, keys after a [table] would land in it.
                let after_fence = text.find('\n').map_or(text.len(), |i| i + 1);
                let mut out = text[..after_fence].to_owned();
                out.push_str(&lines);
                out.push_str(&text[after_fence..]);
                (out, add.len())
            }
            None => {
                let mut out = format!("---{newline}");
                for (key, value) in &add {
                    out.push_str(&format!("{key}: {value}{newline}"));
                }
                out.push_str(&format!("---{newline}"));
                let body = text.strip_prefix('\u{feff}').unwrap_or(text);
                out.push_str(body);
                (out, add.len() + 2)
            }
        },
        // An unclosed front matter: adding to it could make things worse; `folio check` reports it.
        Err(_) => (text.to_owned(), 0),
    }
}

/// Moves the post's local images (finds each one in the source site, plans its copy) and
/// follows the other imported posts, rewriting a path in the text when what it points at ends up
/// somewhere else relative to the post.
struct Moves<'a> {
    site: &'a SourceSite,
    found: &'a FoundPost,
    targets: &'a Targets,
    copies: Vec<(PathBuf, String)>,
    notes: Vec<Problem>,
}

/// Where one image goes.
struct Moved {
    source: PathBuf,
    /// Below the content folder.
    dest: String,
    /// The path to write in the post.
    url: String,
}

impl Moves<'_> {
    fn rewrite(&mut self, text: &str) -> String {
        let post = Post::parse(
            text,
            &PostContext {
                base: "",
                file: &self.found.target,
                trust_html: false,
                post_link: None,
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
            .find(|candidate| candidate.starts_with(&self.site.root) && candidate.is_file());
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
fn target_stem(target: &str) -> String {
    let stem = file_stem(target);
    match target.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{stem}"),
        None => stem.to_owned(),
    }
}

/// `dir` joined with a relative `/`-separated path, `..` folded against `dir`'s own folders;
/// `None` when it would climb above what `dir` names. (Whether the result is inside the source
/// site is checked by the caller.)
fn join_inside(dir: &Path, rel: &str) -> Option<PathBuf> {
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
fn encode_url(path: &str) -> String {
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

    fn found(target: &str, date: Option<&str>, draft: bool) -> FoundPost {
        FoundPost {
            date: date.map(str::to_owned),
            draft,
            ..FoundPost::new(PathBuf::from("x.md"), target.to_owned())
        }
    }

    #[test]
    fn dates_and_drafts_go_into_the_front_matter_unless_it_has_them() {
        let dated = found("a.md", Some("2024-03-05"), true);
        let cases = [
            (
                "---\ntitle: A\n---\nBody\n",
                "---\ndate: 2024-03-05\ndraft: true\ntitle: A\n---\nBody\n",
                2,
            ),
            (
                "+++\ntitle = \"A\"\n[extra]\nx = 1\n+++\n",
                "+++\ndate = 2024-03-05\ndraft = true\ntitle = \"A\"\n[extra]\nx = 1\n+++\n",
                2,
            ),
            (
                "Body only\n",
                "---\ndate: 2024-03-05\ndraft: true\n---\nBody only\n",
                4,
            ),
            (
                "---\nDate: 2020-01-01\npublished: false\n---\n",
                "---\nDate: 2020-01-01\npublished: false\n---\n",
                0,
            ),
            ("---\nnever closed\n", "---\nnever closed\n", 0),
        ];
        for (text, want, added) in cases {
            assert_eq!(
                add_fields(text, &dated),
                (want.to_owned(), added),
                "{text:?}"
            );
        }
        let crlf = add_fields(
            "---\r\ntitle: A\r\n---\r\n",
            &found("a.md", Some("2024-03-05"), false),
        );
        assert_eq!(crlf.0, "---\r\ndate: 2024-03-05\r\ntitle: A\r\n---\r\n");
    }

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
