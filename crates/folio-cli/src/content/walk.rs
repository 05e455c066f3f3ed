//! Listing the files of a folder the way every command reads and publishes them.
//!
//! A symbolic link is followed only when its target, resolved, stays inside the folder being
//! read (the content folder, or the site being imported): a link out of it (`posts/leak.md ->
//! /etc/passwd`, `posts/env.md -> /proc/self/environ`) would publish a file the writer never put
//! there. Only regular files are listed: a FIFO would block the read that opens it, and a device
//! or a socket holds no content. Everything left out is reported, so nothing disappears silently.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use walkdir::WalkDir;

/// A folder whose reads are confined to it: its path as given (for messages and for joining) and
/// as resolved on disk (for the "still inside?" test of every link and path).
#[derive(Debug, Clone)]
pub(crate) struct Confined {
    path: PathBuf,
    real: PathBuf,
}

/// A file or folder a walk left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Skipped {
    /// As found (below the folder walked, joined to its path as given).
    pub(crate) path: PathBuf,
    pub(crate) reason: String,
}

/// What a walk found.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// Regular files, `/`-separated and relative to the folder walked, sorted.
    pub(crate) files: Vec<String>,
    pub(crate) skipped: Vec<Skipped>,
}

impl Confined {
    /// The folder `path`, which must exist.
    pub(crate) fn new(path: &Path) -> Result<Self> {
        let real = path
            .canonicalize()
            .with_context(|| format!("reading folder {}", path.display()))?;
        Ok(Self {
            path: path.to_path_buf(),
            real,
        })
    }

    /// The folder as given.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// `rel` (a `/`-separated path below the folder) when it names a regular file that, with every
    /// link resolved, is inside the folder; `None` for anything else, including paths that
    /// climb out with `..` or through a link.
    pub(crate) fn regular_file(&self, rel: &str) -> Option<PathBuf> {
        let path = self.path.join(rel);
        self.holds(&path).then_some(path)
    }

    /// `rel` (a `/`-separated path below the folder) when something is there (a file or a
    /// folder) that, with every link resolved, is inside the folder.
    pub(crate) fn inside(&self, rel: &str) -> Option<PathBuf> {
        let path = self.path.join(rel);
        let real = path.canonicalize().ok()?;
        real.starts_with(&self.real).then_some(path)
    }

    /// Whether `path` is a regular file that, with every link resolved, is inside the folder.
    pub(crate) fn holds(&self, path: &Path) -> bool {
        path.canonicalize().is_ok_and(|real| {
            real.starts_with(&self.real) && real.metadata().is_ok_and(|meta| meta.is_file())
        })
    }

    /// Every regular file under `start` (the folder itself or one inside it), leaving out hidden
    /// entries (names starting with `.`: editors' and version control's files) and folders named
    /// in `skip_dirs` at any depth. Paths come back relative to `start`. A missing `start` has
    /// no files.
    pub(crate) fn walk(&self, start: &Path, skip_dirs: &[&str]) -> Result<Walk> {
        let mut walk = Walk::default();
        if !start.is_dir() {
            return Ok(walk);
        }
        // Links out are found while deciding whether to descend, the rest while reading.
        let links_out = RefCell::new(Vec::new());
        let mut skipped = Vec::new();
        let entries = WalkDir::new(start)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                if entry.depth() == 0 {
                    return true;
                }
                let name = entry.file_name().to_string_lossy();
                if name.starts_with('.') {
                    return false;
                }
                if entry.file_type().is_dir() && skip_dirs.contains(&name.as_ref()) {
                    return false;
                }
                if entry.path_is_symlink()
                    && let Some(reason) = self.link_leaves(entry.path())
                {
                    links_out.borrow_mut().push(Skipped {
                        path: entry.path().to_path_buf(),
                        reason,
                    });
                    return false;
                }
                true
            });
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) if err.depth() > 0 => {
                    skipped.push(Skipped {
                        path: err.path().unwrap_or(start).to_path_buf(),
                        reason: walk_error(&err),
                    });
                    continue;
                }
                Err(err) => {
                    return Err(err).with_context(|| format!("reading folder {}", start.display()));
                }
            };
            let kind = entry.file_type();
            if kind.is_dir() {
                continue;
            }
            let path = entry.path();
            if !kind.is_file() {
                skipped.push(Skipped {
                    path: path.to_path_buf(),
                    reason: "not a regular file (a pipe, socket or device)".to_owned(),
                });
                continue;
            }
            let Some(rel) = relative(path, start) else {
                skipped.push(Skipped {
                    path: path.to_path_buf(),
                    reason: "the file name is not valid UTF-8".to_owned(),
                });
                continue;
            };
            walk.files.push(rel);
        }
        walk.files.sort();
        skipped.extend(links_out.into_inner());
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
        walk.skipped = skipped;
        Ok(walk)
    }

    /// Why the link at `path` must not be followed, if it must not: its target is outside the
    /// folder, or there is none.
    fn link_leaves(&self, path: &Path) -> Option<String> {
        let target = std::fs::read_link(path)
            .map(|target| target.display().to_string())
            .unwrap_or_default();
        match path.canonicalize() {
            Ok(real) if real.starts_with(&self.real) => None,
            Ok(real) => Some(format!(
                "a symbolic link to {}, outside {}; only links that stay inside it are followed",
                real.display(),
                self.path.display()
            )),
            Err(_) => Some(format!("a symbolic link to {target}, which does not exist")),
        }
    }
}

/// `path` below `start`, `/`-separated; `None` when a part is not UTF-8.
fn relative(path: &Path, start: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = path
        .strip_prefix(start)
        .ok()?
        .components()
        .map(|part| part.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}

/// A walk error worded for the writer.
fn walk_error(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        return format!(
            "a symbolic link back to {}, which would repeat forever",
            ancestor.display()
        );
    }
    if let Some(path) = err.path()
        && let Ok(target) = std::fs::read_link(path)
    {
        return format!(
            "a symbolic link to {}, which does not exist",
            target.display()
        );
    }
    match err.io_error() {
        Some(io) => format!("cannot be read: {io}"),
        None => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::fs;
    use std::os::unix::fs::symlink;

    use super::*;

    /// A folder `site` with posts, beside a `secret` file and folder it must never read.
    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        fs::create_dir_all(site.join("posts/sub")).unwrap();
        fs::create_dir_all(dir.path().join("secret-folder")).unwrap();
        fs::write(dir.path().join("secret"), "SECRET").unwrap();
        fs::write(dir.path().join("secret-folder/inner.md"), "SECRET").unwrap();
        fs::write(site.join("posts/a.md"), "a").unwrap();
        fs::write(site.join("posts/sub/b.md"), "b").unwrap();
        (dir, site)
    }

    #[test]
    fn links_are_followed_only_inside_the_folder() {
        let (dir, site) = site();
        let posts = site.join("posts");
        symlink(dir.path().join("secret"), posts.join("leak.md")).unwrap();
        symlink("/etc/passwd", posts.join("passwd.md")).unwrap();
        symlink(dir.path().join("secret-folder"), posts.join("outside")).unwrap();
        symlink(posts.join("a.md"), posts.join("alias.md")).unwrap();
        symlink(posts.join("sub"), posts.join("linked-sub")).unwrap();
        symlink(posts.join("gone.md"), posts.join("dangling.md")).unwrap();
        symlink(&posts, posts.join("sub/loop")).unwrap();

        let confined = Confined::new(&site).unwrap();
        let walk = confined.walk(&posts, &[]).unwrap();
        assert_eq!(
            walk.files,
            ["a.md", "alias.md", "linked-sub/b.md", "sub/b.md"]
        );
        let mut skipped: Vec<String> = walk
            .skipped
            .iter()
            .map(|s| {
                let name = s.path.strip_prefix(&posts).unwrap().display().to_string();
                format!("{name}: {}", s.reason.split(',').next().unwrap())
            })
            .collect();
        skipped.sort();
        let real = |p: &Path| p.canonicalize().unwrap().display().to_string();
        assert_eq!(
            skipped,
            [
                format!(
                    "dangling.md: a symbolic link to {}",
                    posts.join("gone.md").display()
                ),
                format!(
                    "leak.md: a symbolic link to {}",
                    real(&dir.path().join("secret"))
                ),
                format!("linked-sub/loop: a symbolic link back to {}", real(&posts)),
                format!(
                    "outside: a symbolic link to {}",
                    real(&dir.path().join("secret-folder"))
                ),
                "passwd.md: a symbolic link to /etc/passwd".to_owned(),
                format!("sub/loop: a symbolic link back to {}", real(&posts)),
            ]
        );
    }

    #[test]
    fn pipes_are_listed_as_skipped_never_opened() {
        let (_dir, site) = site();
        let fifo = site.join("posts/pipe.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let confined = Confined::new(&site).unwrap();
        let walk = confined.walk(&site.join("posts"), &[]).unwrap();
        assert_eq!(walk.files, ["a.md", "sub/b.md"]);
        assert_eq!(walk.skipped.len(), 1);
        assert!(walk.skipped[0].reason.contains("not a regular file"));
        assert_eq!(confined.regular_file("posts/pipe.md"), None);
    }

    #[test]
    fn regular_files_are_confined_to_the_folder() {
        let (dir, site) = site();
        symlink(dir.path().join("secret"), site.join("posts/leak.png")).unwrap();
        let confined = Confined::new(&site).unwrap();
        assert!(confined.regular_file("posts/a.md").is_some());
        assert!(confined.regular_file("posts/sub/../a.md").is_some());
        assert_eq!(confined.regular_file("posts/../../secret"), None);
        assert_eq!(confined.regular_file("/etc/passwd"), None);
        assert_eq!(confined.regular_file("posts/leak.png"), None);
        assert_eq!(confined.regular_file("posts/sub"), None);
        assert_eq!(confined.regular_file("posts/missing.png"), None);
        assert!(confined.inside("posts/sub").is_some());
        assert_eq!(confined.inside("posts/../../secret-folder"), None);
    }

    #[test]
    fn hidden_entries_and_named_folders_are_left_out() {
        let (_dir, site) = site();
        fs::create_dir_all(site.join("posts/.git")).unwrap();
        fs::create_dir_all(site.join("posts/node_modules")).unwrap();
        fs::write(site.join("posts/.git/x.md"), "x").unwrap();
        fs::write(site.join("posts/.hidden.md"), "x").unwrap();
        fs::write(site.join("posts/node_modules/x.md"), "x").unwrap();
        let walk = Confined::new(&site)
            .unwrap()
            .walk(&site.join("posts"), &["node_modules"])
            .unwrap();
        assert_eq!(walk.files, ["a.md", "sub/b.md"]);
        assert!(walk.skipped.is_empty());
    }
}
