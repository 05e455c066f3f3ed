//! Every post being imported, read once before any is converted, and found again the ways posts
//! name each other: by source file (relative links, Jekyll's `{% link %}`), by old URL
//! (site-absolute links), by Hexo slug (`{% post_link %}`) and by Jekyll file name
//! (`{% post_url %}`).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use folio_core::front_matter::Field;
use folio_core::post::file_stem;
use folio_core::{Date, Problem};

use super::dates::{self, DateFix};
use super::source::{FoundPost, SourceSite};
use super::urls::{old_urls, url_key};
use super::values::{field, front_matter_fields, is_true, text};

/// One post of the source site, read.
#[derive(Debug)]
pub(super) struct Source {
    pub(super) found: FoundPost,
    pub(super) text: String,
    /// Notes about the file itself (invalid UTF-8), by line of `text`.
    pub(super) notes: Vec<Problem>,
    /// Its top-level front-matter fields (none when it has none or they do not parse).
    pub(super) fields: Vec<Field>,
    pub(super) date: Option<Date>,
    pub(super) date_fix: DateFix,
    /// Where the old site published it, as site paths.
    pub(super) old_urls: Vec<String>,
    /// Why one of its old URLs could not be worked out.
    pub(super) url_problem: Option<String>,
}

impl Source {
    pub(super) fn read(found: &FoundPost) -> Result<Self> {
        let bytes = fs::read(&found.source)
            .with_context(|| format!("reading {}", found.source.display()))?;
        let mut notes = Vec::new();
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                notes.push(Problem::warning(
                    1,
                    "the file is not valid UTF-8; invalid bytes were replaced",
                ));
                String::from_utf8_lossy(err.as_bytes()).into_owned()
            }
        };
        let fields = front_matter_fields(&text);
        let (date, date_fix) = dates::choose(found, &fields);
        Ok(Self {
            found: found.clone(),
            text,
            notes,
            fields,
            date,
            date_fix,
            old_urls: Vec::new(),
            url_problem: None,
        })
    }

    /// Works out the old URLs (after the date is known). A draft was never published, so it has
    /// none.
    pub(super) fn find_old_urls(&mut self, site: &SourceSite) {
        let unpublished = matches!(
            field(&self.fields, "published"),
            Some(folio_core::Value::Bool(false))
        );
        if self.found.draft || is_true(field(&self.fields, "draft")) || unpublished {
            return;
        }
        let (urls, problem) = old_urls(
            site.dialect,
            &site.settings,
            &self.found,
            &self.fields,
            self.date.as_ref(),
        );
        self.old_urls = urls;
        self.url_problem = problem;
    }

    /// Its title, for a link that names it.
    pub(super) fn title(&self) -> String {
        text(field(&self.fields, "title"))
            .unwrap_or_else(|| file_stem(&self.found.target).to_owned())
    }
}

/// The posts being imported, by every name they go by.
#[derive(Debug, Default)]
pub(super) struct Catalog {
    /// Target below `posts/` and title, by index.
    posts: Vec<(String, String)>,
    by_source: HashMap<PathBuf, usize>,
    by_old_url: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Catalog {
    pub(super) fn new(sources: &[Source]) -> Self {
        let mut catalog = Self::default();
        for (index, source) in sources.iter().enumerate() {
            let found = &source.found;
            catalog.posts.push((found.target.clone(), source.title()));
            catalog.by_source.insert(found.source.clone(), index);
            for url in &source.old_urls {
                catalog.by_old_url.entry(url_key(url)).or_insert(index);
            }
            // Hexo's `post_link` names a post by its path below `_posts/` without the
            // extension; Jekyll's `post_url` by its file name without it (date included).
            let rel_stem = match found.rel.rsplit_once('/') {
                Some((dir, name)) => format!("{dir}/{}", file_stem(name)),
                None => file_stem(&found.rel).to_owned(),
            };
            let target_stem = super::paths::target_stem(&found.target);
            for name in [rel_stem, target_stem] {
                catalog.by_name.entry(name).or_insert(index);
            }
        }
        catalog
    }

    /// The target of the post in this source file.
    pub(super) fn by_source(&self, source: &Path) -> Option<&str> {
        let index = *self.by_source.get(source)?;
        Some(self.posts[index].0.as_str())
    }

    /// The target of the post the old site published at this site path (a link's, any
    /// spelling: see [`url_key`]).
    pub(super) fn by_old_url(&self, path: &str) -> Option<&str> {
        let index = *self.by_old_url.get(&url_key(path))?;
        Some(self.posts[index].0.as_str())
    }

    /// The target and title of the post a Hexo or Jekyll tag names (`hello`, `2023/hello`,
    /// `2010-07-21-hello`, `/2010-07-21-hello`).
    pub(super) fn by_name(&self, name: &str) -> Option<(&str, &str)> {
        let name = name.trim().trim_start_matches('/');
        let name = name.strip_suffix(".md").unwrap_or(name);
        let index = *self.by_name.get(name)?;
        let (target, title) = &self.posts[index];
        Some((target.as_str(), title.as_str()))
    }
}
