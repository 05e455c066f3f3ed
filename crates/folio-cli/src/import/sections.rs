//! The `content/<section>/…` layout Hugo and Zola share.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Result, bail};

use super::Dialect;
use super::pages::unrendered_section;
use super::source::{FoundPost, SourceSite, dated_name, target_for};
use super::values::front_matter_fields;

/// Reads every page under `content`. Section list pages (`_index.md`) are passed over (Folio
/// lists posts itself), and so is every page of a section whose `_index.md` cascades "never
/// render". Pages beside `content/_index.md` are posts of Zola's root section; in Hugo they are
/// the site's own pages (an about page), passed over too. `dated` reads a date off the file name.
pub(super) fn read_sections(site: &mut SourceSite, content: &Path, dated: bool) -> Result<()> {
    if !content.is_dir() {
        bail!(
            "{} is not a folder; a {} site keeps its posts there",
            content.display(),
            site.dialect
        );
    }
    let files = site.markdown_under(content)?;
    // Folder (`""` for content/ itself) → why its pages are never rendered.
    let mut unrendered: BTreeMap<String, String> = BTreeMap::new();
    for rel in &files {
        let (folder, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        if name.starts_with("_index.") {
            let text = std::fs::read_to_string(content.join(rel)).unwrap_or_default();
            if let Some(why) = unrendered_section(&front_matter_fields(&text)) {
                unrendered.insert(folder.to_owned(), why);
            }
        }
    }
    for rel in files {
        let path = content.join(&rel);
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        if name.starts_with("_index.") {
            site.skip(&path, "a section's list page; Folio lists posts itself");
            continue;
        }
        if let Some(why) = unrendered
            .iter()
            .find(|(folder, _)| folder.is_empty() || rel.starts_with(&format!("{folder}/")))
            .map(|(_, why)| why.clone())
        {
            site.skip(&path, format!("not a post: {why}"));
            continue;
        }
        if !rel.contains('/') && site.dialect == Dialect::Hugo {
            site.skip(&path, "a page outside any section; Folio has posts only");
            continue;
        }
        let (target, bundle) = target_for(&rel);
        let mut post = FoundPost::new(path.clone(), rel.clone(), target);
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
