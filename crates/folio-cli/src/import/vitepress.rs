//! VitePress: Markdown anywhere under the source folder (the one holding `.vitepress/`), files
//! for the site root in `public/`. The home page (`index.md`, usually `layout: home`) is not a
//! post.

use std::path::Path;

use anyhow::Result;

use super::Dialect;
use super::source::{FoundPost, SourceSite, is_markdown, target_for};

pub(super) fn read(root: &Path) -> Result<SourceSite> {
    let mut site = SourceSite::new(Dialect::VitePress, root)?;
    site.static_dirs.push(root.join("public"));
    site.static_dirs.push(root.to_path_buf());
    for rel in site.files_under(root, &["node_modules", "public", "dist"])? {
        if !is_markdown(&rel) {
            continue;
        }
        let path = root.join(&rel);
        if rel == "index.md" {
            site.skip(&path, "the home page; Folio makes its own");
            continue;
        }
        let (target, bundle) = target_for(&rel);
        let mut post = FoundPost::new(path.clone(), target);
        if bundle {
            post.assets = path.parent().map(Path::to_path_buf);
        }
        site.posts.push(post);
    }
    Ok(site)
}
