//! Which generator built a folder, told by the files each one requires.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::Dialect;

/// The dialect of the site in `dir` and the folder its files are relative to (a VitePress site
/// often lives in `docs/`).
pub(super) fn detect(dir: &Path) -> Result<(Dialect, PathBuf)> {
    if let Some(root) = vitepress_root(dir) {
        return Ok((Dialect::VitePress, root));
    }
    let jekyll_config = dir.join("_config.yml").is_file() || dir.join("_config.yaml").is_file();
    if jekyll_config && dir.join("source").join("_posts").is_dir() {
        return Ok((Dialect::Hexo, dir.to_path_buf()));
    }
    if jekyll_config && dir.join("_posts").is_dir() {
        return Ok((Dialect::Jekyll, dir.to_path_buf()));
    }
    if dir.join("content").is_dir() {
        let hugo_only = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"];
        if hugo_only.iter().any(|name| dir.join(name).is_file()) {
            return Ok((Dialect::Hugo, dir.to_path_buf()));
        }
        let config = dir.join("config.toml");
        if config.is_file() {
            let text = fs::read_to_string(&config).unwrap_or_default();
            return Ok((toml_config_dialect(&text), dir.to_path_buf()));
        }
        let other_hugo = ["config.yaml", "config.yml", "config.json"];
        if other_hugo.iter().any(|name| dir.join(name).is_file()) {
            return Ok((Dialect::Hugo, dir.to_path_buf()));
        }
        // Hugo's configuration directory; Zola has none.
        if dir.join("config").join("_default").is_dir() {
            return Ok((Dialect::Hugo, dir.to_path_buf()));
        }
    }
    bail!(
        "could not tell which generator built {}: looked for .vitepress/ (VitePress), _config.yml \
         with source/_posts/ (Hexo) or _posts/ (Jekyll), and hugo.toml, config.toml or \
         config/_default/ with content/ (Hugo, Zola); name it with --from",
        dir.display()
    )
}

/// Where a VitePress site's `.vitepress/` folder is: in `dir` or in `dir/docs`.
pub(super) fn vitepress_root(dir: &Path) -> Option<PathBuf> {
    [dir.to_path_buf(), dir.join("docs")]
        .into_iter()
        .find(|root| root.join(".vitepress").is_dir())
}

/// Hugo and Zola both read `config.toml`; Zola requires a top-level `base_url` (Hugo spells it
/// `baseURL`), so its presence decides.
fn toml_config_dialect(text: &str) -> Dialect {
    let zola = text
        .lines()
        .map(str::trim_start)
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim()))
        .any(|key| key == "base_url");
    if zola { Dialect::Zola } else { Dialect::Hugo }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_toml_tells_zola_from_hugo() {
        assert_eq!(
            toml_config_dialect("title = \"x\"\nbase_url = \"https://e.org\"\n"),
            Dialect::Zola
        );
        assert_eq!(
            toml_config_dialect("baseURL = 'https://e.org/'\n"),
            Dialect::Hugo
        );
        assert_eq!(
            toml_config_dialect("[extra]\nbase_url = \"in a table\"\n"),
            Dialect::Hugo
        );
    }
}
