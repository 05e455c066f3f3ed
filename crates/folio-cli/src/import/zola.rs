//! Zola: like Hugo (sections under `content/`, page bundles, `static/`), with TOML front matter,
//! dates in file names (`2024-03-05-hello.md`) that Zola takes as the post's date, pages beside
//! `content/_index.md` that belong to the root section, and settings in `config.toml`.

use std::path::Path;

use anyhow::Result;

use super::Dialect;
use super::config;
use super::sections::read_sections;
use super::source::SourceSite;

pub(super) fn read(root: &Path) -> Result<SourceSite> {
    let mut site = SourceSite::new(Dialect::Zola, root)?;
    site.settings = config::zola(root, &mut site.skipped)?;
    site.static_dirs.push(root.join("static"));
    read_sections(&mut site, &root.join("content"), true)?;
    Ok(site)
}
