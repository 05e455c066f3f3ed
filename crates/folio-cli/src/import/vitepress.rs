//! VitePress: Markdown anywhere under the source folder (the project folder holding
//! `.vitepress/`, or the `srcDir` its configuration names), files for the site root in the
//! source folder's `public/`. The home page (`index.md`) is not a post, nor is any page with
//! `layout: home` (see [`super::pages`]).

use std::path::{Component, Path};

use anyhow::{Result, bail};

use super::Dialect;
use super::config;
use super::source::{FoundPost, SourceSite, is_markdown, target_for};

pub(super) fn read(root: &Path) -> Result<SourceSite> {
    let mut site = SourceSite::new(Dialect::VitePress, root)?;
    site.settings = config::vitepress(root)?;
    let config = site.settings.file.clone();
    let source = match config
        .as_deref()
        .and_then(|file| std::fs::read_to_string(file).ok())
        .and_then(|text| config::js_string(&text, "srcDir"))
    {
        Some(dir) => {
            let inside = Path::new(&dir)
                .components()
                .all(|part| matches!(part, Component::Normal(_) | Component::CurDir));
            let source = root.join(&dir);
            if !inside || !source.is_dir() {
                bail!(
                    "the VitePress configuration sets srcDir: {dir:?}, which is not a folder inside {}",
                    root.display()
                );
            }
            source
        }
        None => root.to_path_buf(),
    };
    site.static_dirs.push(source.join("public"));
    site.static_dirs.push(source.clone());
    for rel in site.files_under(&source, &["node_modules", "public", "dist"])? {
        if !is_markdown(&rel) {
            continue;
        }
        let path = source.join(&rel);
        if rel == "index.md" {
            site.skip(&path, "the home page; Folio makes its own");
            continue;
        }
        let (target, bundle) = target_for(&rel);
        let mut post = FoundPost::new(path.clone(), rel.clone(), target);
        if bundle {
            post.assets = path.parent().map(Path::to_path_buf);
        }
        site.posts.push(post);
    }
    Ok(site)
}
