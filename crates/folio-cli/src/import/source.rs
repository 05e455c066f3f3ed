//! What the dialect modules hand over: the posts a site has, where each goes, and what was
//! passed over; plus the folder walk they share (it lives in `content`, which reads posts the
//! same way).

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::content::Confined;
pub(super) use crate::content::is_markdown;

use super::Dialect;
use super::config::Settings;
use crate::diagnostic::Diagnostic;

/// Section folders that only say "these are posts": `content/posts/a.md` becomes `posts/a.md`,
/// not `posts/posts/a.md`. Other section folders are kept as sub-folders.
const POST_SECTIONS: &[&str] = &["posts", "post", "blog"];

/// One post of the source site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FoundPost {
    /// The `.md` file.
    pub(super) source: PathBuf,
    /// The file below the folder the generator keeps its pages in (`content/`, `_posts/`,
    /// `source/_posts/`, VitePress's source folder), `/`-separated: what its URL was made from.
    pub(super) rel: String,
    /// Where it goes below the content folder's `posts/`, `/`-separated (`2024/hello.md`).
    pub(super) target: String,
    /// A date the file name carried (`2024-03-05-hello.md`), for posts whose front matter has none.
    pub(super) date: Option<String>,
    /// Found in a drafts folder (`_drafts/`): gets `draft: true`.
    pub(super) draft: bool,
    /// A folder of the post's own files (a Hugo or Zola page bundle, a Hexo asset folder):
    /// images found there move to a folder named like the post, next to it.
    pub(super) assets: Option<PathBuf>,
}

impl FoundPost {
    pub(super) fn new(source: PathBuf, rel: String, target: String) -> Self {
        Self {
            source,
            rel,
            target,
            date: None,
            draft: false,
            assets: None,
        }
    }
}

/// A source site, read.
#[derive(Debug)]
pub(super) struct SourceSite {
    pub(super) dialect: Dialect,
    pub(super) root: PathBuf,
    /// The root, for reading only what is inside it (links out of it are not followed).
    pub(super) confined: Confined,
    pub(super) posts: Vec<FoundPost>,
    /// Folders a site-absolute path (`/images/a.png`) is looked up in, in order.
    pub(super) static_dirs: Vec<PathBuf>,
    /// Files passed over, and why.
    pub(super) skipped: Vec<Diagnostic>,
    /// What its configuration says.
    pub(super) settings: Settings,
}

impl SourceSite {
    pub(super) fn new(dialect: Dialect, root: &Path) -> Result<Self> {
        Ok(Self {
            dialect,
            root: root.to_path_buf(),
            confined: Confined::new(root)?,
            posts: Vec::new(),
            static_dirs: Vec::new(),
            skipped: Vec::new(),
            settings: Settings::default(),
        })
    }

    /// Every file below `dir` (a folder of the site), as paths relative to it, leaving out
    /// hidden entries and the folders named in `skip_dirs`; links out of the site, pipes and
    /// the like are noted as not imported.
    pub(super) fn files_under(&mut self, dir: &Path, skip_dirs: &[&str]) -> Result<Vec<String>> {
        let walk = self.confined.walk(dir, skip_dirs)?;
        for skipped in walk.skipped {
            self.skip(&skipped.path, skipped.reason);
        }
        Ok(walk.files)
    }

    /// The Markdown files below `dir`, as paths relative to it; the other page formats found
    /// there are noted as not imported.
    pub(super) fn markdown_under(&mut self, dir: &Path) -> Result<Vec<String>> {
        let mut found = Vec::new();
        for rel in self.files_under(dir, &[])? {
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            if is_markdown(name) {
                found.push(rel);
            } else if is_other_page(name) {
                self.skip(&dir.join(&rel), "Folio reads Markdown posts only");
            }
        }
        Ok(found)
    }

    /// Notes a file that is not imported.
    pub(super) fn skip(&mut self, path: &Path, why: impl Into<String>) {
        self.skipped.push(Diagnostic::warning(
            path,
            1,
            format!("not imported: {}", why.into()),
        ));
    }
}

/// Whether a file name is another page format generators take (`.html`, `.adoc`, `.org`, …),
/// which Folio cannot show: worth a "not imported" note rather than silence.
fn is_other_page(name: &str) -> bool {
    [
        ".html",
        ".htm",
        ".adoc",
        ".asciidoc",
        ".org",
        ".rst",
        ".textile",
        ".pandoc",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
}

/// The target below `posts/` for a file at `rel` inside a content folder: a leading section
/// folder that only says "posts" is dropped, and a bundle's `index.md` is named after its folder
/// (then `true` comes back: the file's folder holds the post's own files).
pub(super) fn target_for(rel: &str) -> (String, bool) {
    let rel = match rel.split_once('/') {
        Some((section, rest)) if POST_SECTIONS.contains(&section) => rest,
        _ => rel,
    };
    match rel.rsplit_once('/') {
        Some((folder, name)) if is_bundle_index(name) => (format!("{folder}.md"), true),
        _ => (rel.to_owned(), false),
    }
}

fn is_bundle_index(name: &str) -> bool {
    name == "index.md" || name == "index.markdown"
}

/// Splits a `2024-03-05-hello.md` (or `2024-03-05_hello.md`) file name into the date and the
/// rest, as Jekyll and Zola read it.
pub(super) fn dated_name(name: &str) -> Option<(&str, &str)> {
    let (date, rest) = (name.get(..10)?, name.get(10..)?);
    let rest = rest.strip_prefix(['-', '_'])?;
    let shape = date.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    (shape && folio_core::Date::parse(date).is_ok() && !rest.is_empty()).then_some((date, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_drop_post_sections_and_name_bundles_after_their_folder() {
        let cases = [
            ("posts/hello.md", "hello.md", false),
            ("post/2024/hello.md", "2024/hello.md", false),
            ("notes/hello.md", "notes/hello.md", false),
            ("posts/trip/index.md", "trip.md", true),
            ("blog/深夜/index.md", "深夜.md", true),
            ("hello.md", "hello.md", false),
        ];
        for (rel, target, bundle) in cases {
            assert_eq!(target_for(rel), (target.to_owned(), bundle), "{rel}");
        }
    }

    #[test]
    fn dated_names_split_only_real_dates() {
        assert_eq!(
            dated_name("2024-03-05-hello-world.md"),
            Some(("2024-03-05", "hello-world.md"))
        );
        assert_eq!(
            dated_name("2024-03-05_hello.md"),
            Some(("2024-03-05", "hello.md"))
        );
        assert_eq!(dated_name("2024-13-05-hello.md"), None);
        assert_eq!(dated_name("2024-03-05.md"), None);
        assert_eq!(dated_name("hello.md"), None);
        assert_eq!(dated_name("2024-03-05-"), None);
    }
}
