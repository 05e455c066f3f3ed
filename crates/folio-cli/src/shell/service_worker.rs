//! `sw.js`: the offline service worker (the script is `service-worker.js`; this fills in what
//! it caches, for this build).

use folio_core::{Manifest, paths};

use crate::markup;

const SCRIPT: &str = include_str!("service-worker.js");

/// The service worker for a site whose app shell is `template`, served under `base`.
///
/// Its version is a hash of the app shell and the manifest, so any deploy that changes either
/// installs a new worker, which drops the old caches.
pub(crate) fn script(template: &str, base: &str, manifest: &Manifest) -> String {
    let immutable = hashed_assets(template, base);
    // The home page's first file, not the whole manifest: installing the worker on a visit to
    // the home page must not download the metadata of every post. The manifest is cached when
    // a page that needs it fetches it.
    let mut precache = vec![
        base.to_owned(),
        format!("{base}404.html"),
        paths::home_page_url(base, 1),
    ];
    precache.extend(immutable.iter().cloned());
    let version = format!(
        "{:016x}",
        fnv1a(&[template.as_bytes(), manifest.to_json().as_bytes()])
    );
    let json = |list: &[String]| serde_json::to_string(list).unwrap_or_else(|_| "[]".to_owned());
    SCRIPT
        .replace("__FOLIO_VERSION__", &version)
        .replace("__FOLIO_BASE__", base)
        .replace("__FOLIO_PRECACHE__", &json(&precache))
        .replace("__FOLIO_IMMUTABLE__", &json(&immutable))
}

/// The `href`s of the app shell's own files (Trunk names them by content hash: script, wasm,
/// stylesheet, icon).
fn hashed_assets(template: &str, base: &str) -> Vec<String> {
    let mut assets: Vec<String> = markup::start_tags(template, "link", 0)
        .filter_map(|link| link.value(template, "href"))
        .filter(|href| href.starts_with(base) && !href.ends_with('/') && href.contains('-'))
        .filter(|href| !href.contains("/posts/"))
        .map(str::to_owned)
        .collect();
    assets.sort();
    assets.dedup();
    assets
}

/// 64-bit FNV-1a: a stable, dependency-free fingerprint (not for security).
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|part| part.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::SiteConfig;

    const TEMPLATE: &str = r#"<link rel="stylesheet" href="/blog/main-1a2b.css"><link rel="icon" href="/blog/favicon-9f.svg"><link rel="modulepreload" href="/blog/folio-web-77.js"><link rel="preload" href="/blog/folio-web-77_bg.wasm" as="fetch"><link rel="canonical" href="https://example.org/blog/"><link rel="preload" href="/blog/posts/index.json">"#;

    #[test]
    fn the_worker_precaches_the_app_shell_and_keeps_hashed_files_forever() {
        let manifest = Manifest::new(SiteConfig::default(), Vec::new());
        let script = script(TEMPLATE, "/blog/", &manifest);
        assert!(script.contains(r#"const BASE = "/blog/";"#));
        assert!(script.contains(
            r#"const IMMUTABLE = new Set(["/blog/favicon-9f.svg","/blog/folio-web-77.js","/blog/folio-web-77_bg.wasm","/blog/main-1a2b.css"]);"#
        ), "{script}");
        assert!(script.contains(
            r#"const PRECACHE = ["/blog/","/blog/404.html","/blog/posts/pages/1.json","#
        ));
        assert!(!script.contains("__FOLIO_"));
    }

    #[test]
    fn a_new_deploy_gets_a_new_version() {
        let manifest = Manifest::new(SiteConfig::default(), Vec::new());
        let other = Manifest::new(
            SiteConfig {
                title: "Other".into(),
                ..SiteConfig::default()
            },
            Vec::new(),
        );
        let version = |template: &str, manifest: &Manifest| {
            let script = script(template, "/", manifest);
            script
                .lines()
                .find(|l| l.starts_with("const VERSION"))
                .map(str::to_owned)
        };
        assert_eq!(version(TEMPLATE, &manifest), version(TEMPLATE, &manifest));
        assert_ne!(version(TEMPLATE, &manifest), version(TEMPLATE, &other));
        assert_ne!(version(TEMPLATE, &manifest), version("<html>", &manifest));
    }
}
