//! Jekyll: posts in `_posts/` named `YYYY-MM-DD-title.md` (the date moves into the front matter,
//! the title part becomes the file name), drafts in `_drafts/`, every other file served from the
//! site root as it is, settings in `_config.yml`.

use std::path::Path;

use anyhow::Result;

use super::Dialect;
use super::config;
use super::sections::undate;
use super::source::{FoundPost, SourceSite, is_markdown};

pub(super) fn read(root: &Path) -> Result<SourceSite> {
    let mut site = SourceSite::new(Dialect::Jekyll, root)?;
    site.settings = config::jekyll(root, &mut site.skipped)?;
    site.static_dirs.push(root.to_path_buf());
    let posts = root.join("_posts");
    for rel in site.markdown_under(&posts)? {
        let path = posts.join(&rel);
        let mut post = FoundPost::new(path.clone(), rel.clone(), rel.clone());
        undate(&mut post);
        if post.date.is_none() {
            site.skip(
                &path,
                "no date in the file name (YYYY-MM-DD-title.md), so Jekyll does not publish it either",
            );
            continue;
        }
        site.posts.push(post);
    }
    let drafts = root.join("_drafts");
    if drafts.is_dir() {
        for rel in site.files_under(&drafts, &[])? {
            if is_markdown(&rel) {
                let mut post = FoundPost::new(drafts.join(&rel), rel.clone(), rel.clone());
                post.draft = true;
                site.posts.push(post);
            }
        }
    }
    Ok(site)
}
