//! Reading a content folder: its `site.toml` and every Markdown file under `posts/`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use folio_core::post::{Post, PostContext};
use folio_core::{SiteConfig, SiteConfigError};

use crate::diagnostic::Diagnostic;

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
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Ok(SiteConfig::default()));
        }
        Err(err) => return Err(err).with_context(|| format!("reading {}", path.display())),
    };
    Ok(SiteConfig::parse(&text).map_err(|err| match err {
        SiteConfigError::Syntax { line, message } => Diagnostic::error(&path, line, message),
        SiteConfigError::Invalid(message) => Diagnostic::error(&path, 1, message),
    }))
}

/// Every `.md`/`.markdown` file under `content/posts`, nested folders included, sorted by path.
///
/// Hidden files and folders (starting with `.`) are skipped: editors and version control keep
/// their own files there.
pub(crate) fn scan_posts(content: &Path) -> Result<Vec<SourceFile>> {
    let root = content.join("posts");
    Ok(files_under(&root, &[])?
        .into_iter()
        .filter(|rel| is_markdown(rel))
        .map(|rel| SourceFile {
            path: root.join(&rel),
            rel,
        })
        .collect())
}

/// Every file under `dir`, sorted, as paths relative to it (`/`-separated). Hidden entries and
/// the folders named in `skip_dirs` (at any depth) are left out.
pub(crate) fn files_under(dir: &Path, skip_dirs: &[&str]) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = pending.pop() {
        let entries = fs::read_dir(&folder)
            .with_context(|| format!("reading folder {}", folder.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("reading folder {}", folder.display()))?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                eprintln!(
                    "{}: skipped: the file name is not valid UTF-8",
                    entry.path().display()
                );
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let kind = entry
                .file_type()
                .with_context(|| format!("reading {}", entry.path().display()))?;
            if kind.is_dir() {
                if !skip_dirs.contains(&name.as_str()) {
                    pending.push((entry.path(), format!("{rel}/")));
                }
            } else {
                found.push(rel);
            }
        }
    }
    found.sort();
    Ok(found)
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
    for file in scan_posts(content)? {
        let (text, _) = read_post(&file)?;
        let post = Post::parse(
            &text,
            &PostContext {
                base: "/",
                file: &file.rel,
                trust_html: false,
                post_link: None,
                image_size: None,
                text: folio_core::i18n::english(),
            },
        );
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

/// Copies the content folder into `out`, skipping hidden files, the site configuration and the
/// files in `leave_out` (drafts in a release build: their Markdown must not be published either).
/// `out` may already exist.
pub(crate) fn copy_content(
    content: &Path,
    out: &Path,
    leave_out: &HashSet<PathBuf>,
) -> Result<u64> {
    let mut leave_out = leave_out.clone();
    leave_out.insert(content.join("site.toml"));
    copy_tree(content, out, &leave_out)
}

fn copy_tree(from: &Path, to: &Path, leave_out: &HashSet<PathBuf>) -> Result<u64> {
    let mut copied = 0;
    fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("reading folder {}", from.display()))? {
        let entry = entry.with_context(|| format!("reading folder {}", from.display()))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let target = to.join(entry.file_name());
        if leave_out.contains(&entry.path()) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copied += copy_tree(&entry.path(), &target, leave_out)?;
        } else {
            fs::copy(entry.path(), &target).with_context(|| {
                format!("copying {} to {}", entry.path().display(), target.display())
            })?;
            copied += 1;
        }
    }
    Ok(copied)
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
        let rels: Vec<String> = scan_posts(dir)
            .unwrap()
            .into_iter()
            .map(|f| f.rel)
            .collect();
        assert_eq!(rels, ["2024/c.markdown", "2024/深/你好 世界.md", "a.md"]);
    }

    #[test]
    fn copying_leaves_out_drafts_hidden_files_and_the_site_config() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        let out = dir.path().join("out");
        fs::create_dir_all(content.join("posts/drafts")).unwrap();
        fs::write(content.join("site.toml"), "").unwrap();
        fs::write(content.join(".env"), "").unwrap();
        fs::write(content.join("posts/a.md"), "").unwrap();
        fs::write(content.join("posts/drafts/b.md"), "").unwrap();
        let leave_out = HashSet::from([content.join("posts/drafts/b.md")]);
        assert_eq!(copy_content(&content, &out, &leave_out).unwrap(), 1);
        assert!(out.join("posts/a.md").exists());
        assert!(!out.join("posts/drafts/b.md").exists());
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
