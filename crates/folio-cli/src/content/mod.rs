//! Reading a content folder: its `site.toml` and every Markdown file under `posts/`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use folio_core::post::{Post, PostContext};
use folio_core::{SiteConfig, SiteConfigError, paths};

use crate::diagnostic::Diagnostic;
use crate::zone::Zone;

mod walk;

pub(crate) use walk::{Confined, Skipped};

/// A Markdown file found under `posts/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceFile {
    /// Path below `posts/`, `/`-separated, as URLs and the manifest use it.
    pub(crate) rel: String,
    /// Path on disk.
    pub(crate) path: PathBuf,
}

/// Reads `site.toml` from the content folder; defaults when there is none. A file that is there
/// but wrong is an error naming its line.
pub(crate) fn load_site(content: &Path) -> Result<SiteConfig> {
    match read_site(content)? {
        Ok(site) => Ok(site),
        Err(wrong) => Err(anyhow::anyhow!(
            "{}:{}: {}",
            wrong.path.display(),
            wrong.line,
            wrong.message
        )),
    }
}

/// Like [`load_site`], but a wrong `site.toml` comes back as a diagnostic (with the defaults to
/// go on with), so `folio check` can list it with everything else. Only an unreadable file is an
/// error.
pub(crate) fn read_site(content: &Path) -> Result<Result<SiteConfig, Diagnostic>> {
    let path = content.join("site.toml");
    if path.symlink_metadata().is_ok() && !Confined::new(content)?.holds(&path) {
        return Ok(Err(Diagnostic::error(
            &path,
            1,
            "site.toml is not a regular file inside the content folder (a link out of it, or a \
             pipe); it was not read",
        )));
    }
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Ok(SiteConfig::default()));
        }
        Err(err) => return Err(err).with_context(|| format!("reading {}", path.display())),
    };
    let site = SiteConfig::parse(&text).map_err(|err| match err {
        SiteConfigError::Syntax { line, message } => Diagnostic::error(&path, line, message),
        SiteConfigError::Invalid(message) => Diagnostic::error(&path, 1, message),
    });
    // A zone name has the right shape for folio-core; whether it exists, only the database says.
    Ok(site.and_then(|site| match Zone::of(&site) {
        Ok(_) => Ok(site),
        Err(err) => {
            let line = text
                .lines()
                .position(|line| line.trim_start().starts_with("timezone"))
                .map_or(1, |index| index + 1);
            Err(Diagnostic::error(&path, line, err.to_string()))
        }
    }))
}

/// Every file of a content folder, walked once ([`walk`]'s rules: links that stay inside,
/// regular files only, hidden entries left out): the posts to read and the files to publish.
#[derive(Debug)]
pub(crate) struct ContentFiles {
    pub(crate) root: Confined,
    /// Every file, `/`-separated, relative to the content folder, sorted.
    files: Vec<String>,
    /// What the walk left out, and why.
    pub(crate) skipped: Vec<Skipped>,
}

impl ContentFiles {
    /// Walks `content`, which must be a folder.
    pub(crate) fn read(content: &Path) -> Result<Self> {
        let root = Confined::new(content)?;
        let walk = root.walk(content, &[])?;
        let (shadowed, files): (Vec<String>, Vec<String>) = walk
            .files
            .into_iter()
            .partition(|file| paths::is_site_output(file));
        let mut skipped = walk.skipped;
        skipped.extend(shadowed.into_iter().map(|file| Skipped {
            path: content.join(&file),
            reason: format!("the build writes {file} itself, so the site's own is not published"),
        }));
        Ok(Self {
            root,
            files,
            skipped,
        })
    }

    /// Every `.md`/`.markdown` file under `posts/`, nested folders included, sorted by path.
    pub(crate) fn posts(&self) -> Vec<SourceFile> {
        self.files
            .iter()
            .filter_map(|file| file.strip_prefix("posts/"))
            .filter(|rel| is_markdown(rel))
            .map(|rel| SourceFile {
                path: self.root.path().join("posts").join(rel),
                rel: rel.to_owned(),
            })
            .collect()
    }

    /// Whether the content folder has the file `path` (relative to it), to publish.
    pub(crate) fn contains(&self, path: &str) -> bool {
        self.files
            .binary_search_by(|file| file.as_str().cmp(path))
            .is_ok()
    }

    /// The files below `folder` (`posts/`), relative to it.
    pub(crate) fn files_below<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = &'a str> {
        self.files
            .iter()
            .filter_map(move |file| file.strip_prefix(folder))
    }

    /// What the walk left out, as warnings naming each file.
    pub(crate) fn skipped_warnings(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.skipped.iter().map(|skipped| {
            Diagnostic::warning(&skipped.path, 1, format!("skipped: {}", skipped.reason))
        })
    }
}

/// Whether a file name is Markdown Folio reads.
pub(crate) fn is_markdown(name: &str) -> bool {
    name.ends_with(".md") || name.ends_with(".markdown")
}

/// Every slug of the posts in `content` (none when it has no `posts/`), with the file that has
/// it (`posts/2024/a.md`).
pub(crate) fn slugs_in_use(content: &Path) -> Result<HashMap<String, String>> {
    if !content.join("posts").is_dir() {
        return Ok(HashMap::new());
    }
    let mut taken = HashMap::new();
    for file in ContentFiles::read(content)?.posts() {
        let (text, _) = read_post(&file)?;
        let post = Post::parse(&text, &PostContext::new("/", &file.rel));
        taken
            .entry(post.slug)
            .or_insert(format!("posts/{}", file.rel));
    }
    Ok(taken)
}

/// Reads a post as text. Bytes that are not UTF-8 are replaced (and reported), so one badly
/// encoded file still renders what it can.
pub(crate) fn read_post(file: &SourceFile) -> Result<(String, bool)> {
    let bytes = fs::read(&file.path).with_context(|| format!("reading {}", file.path.display()))?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => (text, true),
        Err(err) => (String::from_utf8_lossy(err.as_bytes()).into_owned(), false),
    })
}

/// Refuses an output folder inside the content folder (other than the content folder itself):
/// the content is copied into the output, so the copy would contain itself, deeper on every
/// build.
pub(crate) fn check_output_folder(content: &Path, out: &Path) -> Result<()> {
    let (content_at, out_at) = (resolved(content), resolved(out));
    if out_at != content_at && out_at.starts_with(&content_at) {
        bail!(
            "the output folder {} is inside the content folder {}, which is copied into it; \
             write the site somewhere else (for example dist/ beside the content)",
            out.display(),
            content.display()
        );
    }
    Ok(())
}

/// `path` made absolute with links and `..` resolved, for the part of it that exists.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut path = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    path.extend(rest.iter().rev());
    path
}

/// Copies the content folder's files into `out`, except the site configuration and the posts
/// `published` does not list: a post left out of the index (a draft, a scheduled post, one
/// rejected for its name or slug) must not be published as Markdown either. `out` may already
/// exist. Returns the number of files copied.
pub(crate) fn copy_content(
    content: &ContentFiles,
    out: &Path,
    published: &HashSet<&str>,
) -> Result<u64> {
    let mut copied = 0;
    for file in &content.files {
        let unpublished_post = file
            .strip_prefix("posts/")
            .is_some_and(|rel| is_markdown(rel) && !published.contains(rel));
        if file == "site.toml" || unpublished_post {
            continue;
        }
        let (from, to) = (content.root.path().join(file), out.join(file));
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
        }
        publish_file(&from, &to)
            .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
        copied += 1;
    }
    Ok(copied)
}

/// Puts the content file `from` at `to`: a hard link where both are on one file system (a site
/// of 10,000 posts publishes its Markdown without copying a byte or making a new file), a copy
/// elsewhere. A file already at `to` (an earlier build's) is replaced. Folio never writes into
/// a file it published this way; a writer's later edit of the content shows in the link too,
/// which the next build would publish anyway.
fn publish_file(from: &Path, to: &Path) -> std::io::Result<()> {
    match fs::remove_file(to) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) => return Err(err),
    }
    // A link to a link would publish the link; resolve it to the file it names.
    let from = from.canonicalize()?;
    fs::hard_link(&from, to).or_else(|_| fs::copy(&from, to).map(|_| ()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_output_folder_inside_the_content_is_refused_beside_it_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("blog");
        fs::create_dir_all(content.join("posts")).unwrap();
        let inside = check_output_folder(&content, &content.join("dist")).unwrap_err();
        assert!(
            inside.to_string().contains("is inside the content folder"),
            "{inside}"
        );
        assert!(check_output_folder(&content, &content.join("posts/../x/y")).is_err());
        assert!(check_output_folder(&content, &dir.path().join("dist")).is_ok());
        assert!(check_output_folder(&content, &content.join("../blog-dist")).is_ok());
        // Writing the index into the content folder itself is what `folio index` does without --out.
        assert!(check_output_folder(&content, &content).is_ok());
    }

    #[test]
    fn scan_finds_nested_posts_and_skips_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let posts = dir.join("posts");
        fs::create_dir_all(posts.join("2024/深")).unwrap();
        fs::create_dir_all(posts.join(".git")).unwrap();
        fs::write(posts.join("a.md"), "a").unwrap();
        fs::write(posts.join("2024/深/你好 世界.md"), "b").unwrap();
        fs::write(posts.join("2024/c.markdown"), "c").unwrap();
        fs::write(posts.join(".draft.md"), "x").unwrap();
        fs::write(posts.join(".git/x.md"), "x").unwrap();
        fs::write(posts.join("image.png"), "x").unwrap();
        let rels: Vec<String> = ContentFiles::read(dir)
            .unwrap()
            .posts()
            .into_iter()
            .map(|f| f.rel)
            .collect();
        assert_eq!(rels, ["2024/c.markdown", "2024/深/你好 世界.md", "a.md"]);
    }

    #[test]
    fn copying_publishes_listed_posts_and_other_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        let out = dir.path().join("out");
        fs::create_dir_all(content.join("posts/drafts")).unwrap();
        fs::write(content.join("site.toml"), "").unwrap();
        fs::write(content.join(".env"), "").unwrap();
        fs::write(content.join("posts/a.md"), "").unwrap();
        fs::write(content.join("posts/a.png"), "").unwrap();
        fs::write(content.join("posts/drafts/b.md"), "").unwrap();
        fs::write(content.join("posts/drafts/why?.md"), "").unwrap();
        fs::write(content.join("notes.md"), "").unwrap();
        let files = ContentFiles::read(&content).unwrap();
        assert_eq!(
            copy_content(&files, &out, &HashSet::from(["a.md"])).unwrap(),
            3
        );
        assert!(out.join("posts/a.md").exists());
        assert!(out.join("posts/a.png").exists());
        // Markdown outside posts/ is not a post: it is published as any other file is.
        assert!(out.join("notes.md").exists());
        assert!(!out.join("posts/drafts").exists());
        assert!(!out.join("site.toml").exists());
        assert!(!out.join(".env").exists());
    }

    #[test]
    fn non_utf8_posts_are_read_with_replacement() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.md");
        fs::write(&path, b"# Title\n\xff\xfe ok").unwrap();
        let (text, valid) = read_post(&SourceFile {
            rel: "bad.md".into(),
            path,
        })
        .unwrap();
        assert!(!valid);
        assert!(text.contains("ok"));
    }
}
