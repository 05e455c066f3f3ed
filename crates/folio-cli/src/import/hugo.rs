//! Hugo: posts under `content/<section>/`, page bundles (`<post>/index.md` with its images),
//! files for the site root under `static/`, settings in `hugo.toml` (or `config.toml`, or
//! `config/_default/`). Front matter in YAML or TOML, read by Folio as is.

use std::path::Path;

use anyhow::Result;

use super::Dialect;
use super::config;
use super::sections::read_sections;
use super::source::SourceSite;

pub(super) fn read(root: &Path) -> Result<SourceSite> {
    let mut site = SourceSite::new(Dialect::Hugo, root)?;
    site.settings = config::hugo(root, &mut site.skipped)?;
    site.static_dirs.push(root.join("static"));
    read_sections(&mut site, &root.join("content"), false)?;
    Ok(site)
}
