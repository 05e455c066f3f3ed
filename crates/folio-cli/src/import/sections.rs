//! The `content/<section>/…` layout Hugo and Zola share.

use std::path::Path;

use anyhow::{Result, bail};

use super::source::{FoundPost, SourceSite, dated_name, target_for};

/// Reads every page under `content`: section list pages (`_index.md`) and pages outside any
/// section are passed over (Folio has posts only); `dated` reads a date off the file name.
pub(super) fn read_sections(site: &mut SourceSite, content: &Path, dated: bool) -> Result<()> {
    if !content.is_dir() {
        bail!(
            "{} is not a folder; a {} site keeps its posts there",
            content.display(),
            site.dialect
        );
    }
    for rel in site.markdown_under(content)? {
        let path = content.join(&rel);
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        if name.starts_with("_index.") {
            site.skip(&path, "a section's list page; Folio lists posts itself");
            continue;
        }
        if !rel.contains('/') {
            site.skip(&path, "a page outside any section; Folio has posts only");
            continue;
        }
        let (target, bundle) = target_for(&rel);
        let mut post = FoundPost::new(path.clone(), target);
        if bundle {
            post.assets = path.parent().map(Path::to_path_buf);
        }
        if dated {
            undate(&mut post);
        }
        site.posts.push(post);
    }
    Ok(())
}

/// Moves a date in the target's file name (`2024-03-05-hello.md`) into [`FoundPost::date`].
pub(super) fn undate(post: &mut FoundPost) {
    let (folder, name) = match post.target.rsplit_once('/') {
        Some((folder, name)) => (Some(folder.to_owned()), name.to_owned()),
        None => (None, post.target.clone()),
    };
    if let Some((date, rest)) = dated_name(&name) {
        post.date = Some(date.to_owned());
        post.target = match folder {
            Some(folder) => format!("{folder}/{rest}"),
            None => rest.to_owned(),
        };
    }
}
