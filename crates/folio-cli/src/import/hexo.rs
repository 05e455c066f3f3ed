//! Hexo: posts in `source/_posts/`, drafts in `source/_drafts/`, each post's images optionally in
//! an asset folder named like it (`hello.md` and `hello/`), site files under `source/`, settings
//! in `_config.yml`.

use std::path::Path;

use anyhow::Result;

use super::Dialect;
use super::config;
use super::sections::undate;
use super::source::{FoundPost, SourceSite};

pub(super) fn read(root: &Path) -> Result<SourceSite> {
    let mut site = SourceSite::new(Dialect::Hexo, root)?;
    site.settings = config::hexo(root, &mut site.skipped)?;
    let source = root.join("source");
    site.static_dirs.push(source.clone());
    for (folder, draft) in [("_posts", false), ("_drafts", true)] {
        let dir = source.join(folder);
        if !dir.is_dir() {
            continue;
        }
        for rel in site.markdown_under(&dir)? {
            let path = dir.join(&rel);
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            let mut post = FoundPost::new(path.clone(), rel.clone(), rel.clone());
            post.draft = draft;
            // `post_asset_folder: true`: the folder beside the post, named like it.
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            let assets = path.with_file_name(stem);
            if assets.is_dir() {
                post.assets = Some(assets);
            }
            // `new_post_name: :year-:month-:day-:title.md` puts the date in the name.
            undate(&mut post);
            site.posts.push(post);
        }
    }
    Ok(site)
}
