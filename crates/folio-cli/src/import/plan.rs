//! Everything an import will write, checked before the first byte is written: no file in the
//! content folder is replaced, and no two sources land on one file. Either all of it is written
//! or none of it.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::post::Imported;
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub(super) struct Plan {
    content: PathBuf,
    pub(super) posts: Vec<Imported>,
    /// Destination below the content folder → source file.
    copies: BTreeMap<String, PathBuf>,
    /// Why the plan cannot be carried out.
    conflicts: Vec<String>,
    /// A `site.toml` to write.
    site_toml: Option<String>,
}

impl Plan {
    pub(super) fn new(content: &Path) -> Self {
        Self {
            content: content.to_path_buf(),
            posts: Vec::new(),
            copies: BTreeMap::new(),
            conflicts: Vec::new(),
            site_toml: None,
        }
    }

    /// The file a destination below the content folder names.
    fn path(&self, dest: &str) -> PathBuf {
        dest.split('/')
            .fold(self.content.clone(), |path, part| path.join(part))
    }

    /// The new file of a post.
    pub(super) fn post_path(&self, post: &Imported) -> PathBuf {
        self.path(&format!("posts/{}", post.target))
    }

    pub(super) fn add(&mut self, post: Imported) -> Result<()> {
        let path = self.post_path(&post);
        if path.exists() {
            self.conflicts.push(format!(
                "{} already exists (from {})",
                path.display(),
                post.source.display()
            ));
        }
        if let Some(other) = self.posts.iter().find(|p| p.target == post.target) {
            self.conflicts.push(format!(
                "{} and {} would both become {}",
                other.source.display(),
                post.source.display(),
                path.display()
            ));
        }
        for (source, dest) in &post.copies {
            self.add_copy(source, dest)?;
        }
        self.posts.push(post);
        Ok(())
    }

    fn add_copy(&mut self, source: &Path, dest: &str) -> Result<()> {
        match self.copies.get(dest) {
            Some(planned) if planned == source => return Ok(()),
            Some(planned) => {
                self.conflicts.push(format!(
                    "{} and {} would both become {}",
                    planned.display(),
                    source.display(),
                    self.path(dest).display()
                ));
                return Ok(());
            }
            None => {}
        }
        let path = self.path(dest);
        if path.exists() {
            // The same image already there (a second import, a shared logo) is no conflict.
            let same = fs::read(&path).ok() == Some(read(source)?);
            if !same {
                self.conflicts.push(format!(
                    "{} already exists and differs from {}",
                    path.display(),
                    source.display()
                ));
            }
            return Ok(());
        }
        self.copies.insert(dest.to_owned(), source.to_path_buf());
        Ok(())
    }

    /// Plans `site.toml`; false when the content folder has one already (it is never
    /// replaced, and its absence is no reason to stop the import).
    pub(super) fn site_toml(&mut self, text: String) -> bool {
        if self.content.join("site.toml").symlink_metadata().is_ok() {
            return false;
        }
        self.site_toml = Some(text);
        true
    }

    /// What stands in the way; empty when the import can go ahead.
    pub(super) fn conflicts(&self) -> &[String] {
        &self.conflicts
    }

    /// Warnings for slugs used twice, among the imported posts or with a post already there.
    pub(super) fn slug_notes(&self, existing: &HashMap<String, String>) -> Vec<Diagnostic> {
        let mut first: HashMap<&str, String> = existing
            .iter()
            .map(|(slug, file)| (slug.as_str(), file.clone()))
            .collect();
        let mut notes = Vec::new();
        for post in &self.posts {
            let here = format!("posts/{}", post.target);
            match first.get(post.slug.as_str()) {
                Some(other) => notes.push(Diagnostic::warning(
                    &self.post_path(post),
                    1,
                    format!(
                        "slug {:?} is also used by {other}: Folio lists only one of them; set `slug:` in one",
                        post.slug
                    ),
                )),
                None => {
                    first.insert(&post.slug, here);
                }
            }
        }
        notes
    }

    /// Number of files to copy.
    pub(super) fn copy_count(&self) -> usize {
        self.copies.len()
    }

    /// `dest <- source` lines, for --dry-run.
    pub(super) fn describe(&self) -> Vec<String> {
        let posts = self.posts.iter().map(|post| {
            format!(
                "{} <- {}",
                self.post_path(post).display(),
                post.source.display()
            )
        });
        let copies = self
            .copies
            .iter()
            .map(|(dest, source)| format!("{} <- {}", self.path(dest).display(), source.display()));
        let settings = self.site_toml.as_ref().map(|_| {
            format!(
                "{} <- the site's settings",
                self.path("site.toml").display()
            )
        });
        posts.chain(copies).chain(settings).collect()
    }

    /// Writes every post and copies every file, never over an existing one.
    pub(super) fn execute(&self) -> Result<()> {
        for post in &self.posts {
            write_new(&self.post_path(post), post.text.as_bytes())?;
        }
        for (dest, source) in &self.copies {
            write_new(&self.path(dest), &read(source)?)?;
        }
        if let Some(text) = &self.site_toml {
            write_new(&self.path("site.toml"), text.as_bytes())?;
        }
        Ok(())
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// Creates `path` (and its folders) with `bytes`; fails rather than replace a file that appeared
/// since the plan was checked.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("creating {} (not overwriting it)", path.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))
}
