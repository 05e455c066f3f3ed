//! The site as the app sees it: its base path and its post index, loaded once and shared by
//! every page through context.

use std::sync::Arc;

use folio_core::post::{PostContext, render_body};
use folio_core::{Manifest, PostEntry, Rendered, paths};
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;

use crate::cache;
use crate::fetch::{Expect, LoadError, fetch_text};
use folio_core::i18n::{Strings, strings_for};

/// Shared by every page: where the site lives, what language it speaks and what posts it has.
#[derive(Clone, Copy)]
pub(crate) struct Site {
    /// `/` or `/blog/`.
    pub(crate) base: &'static str,
    /// The site's language (`<html lang>` as the build wrote it), for dates.
    pub(crate) lang: &'static str,
    /// UI text in that language.
    pub(crate) text: &'static Strings,
    /// The post index, fetched once per visit.
    pub(crate) manifest: LocalResource<Result<Arc<Manifest>, LoadError>>,
}

impl Site {
    /// Starts loading the index for the site served under `base`, in language `lang`.
    pub(crate) fn new(base: &'static str, lang: &'static str) -> Self {
        Self {
            base,
            lang,
            text: strings_for(lang),
            manifest: LocalResource::new(move || load_manifest(base)),
        }
    }

    /// Starts fetching the post a link points at, if it is one (the reader is about to click).
    pub(crate) fn prefetch_link(&self, pathname: &str) {
        let Some(slug) = pathname
            .strip_prefix(self.base)
            .and_then(|rest| rest.strip_prefix("posts/"))
            .map(|rest| rest.trim_end_matches('/'))
            .filter(|slug| !slug.is_empty() && !slug.contains('/'))
            .and_then(paths::decode_segment)
        else {
            return;
        };
        let Some(Ok(manifest)) = self.manifest.get_untracked() else {
            return;
        };
        if let Some(entry) = manifest.post(&slug) {
            cache::prefetch(&paths::post_file_url(self.base, &entry.file));
        }
    }

    /// A page of the site: `path` is relative to the base (`archive/`).
    pub(crate) fn href(&self, path: &str) -> String {
        format!("{}{}", self.base, path.trim_start_matches('/'))
    }
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

async fn load_manifest(base: &str) -> Result<Arc<Manifest>, LoadError> {
    let json = fetch_text(&format!("{base}posts/index.json"), Expect::Json).await?;
    Manifest::from_json(&json)
        .map(Arc::new)
        .map_err(|err| LoadError::BadContent(err.to_string()))
}

/// A post fetched and rendered, with the index entry that describes it (title, date, tags,
/// problems: the build read the front matter, so the browser needs no YAML or TOML parser).
#[derive(Debug)]
pub(crate) struct LoadedPost {
    pub(crate) entry: PostEntry,
    pub(crate) rendered: Rendered,
    pub(crate) manifest: Arc<Manifest>,
}

/// Finds `slug` in the index, fetches its Markdown and renders it.
///
/// Only a file the index lists, and whose path stays inside `posts/`, is ever fetched: a slug or
/// an index entry that could point elsewhere (`..`, `//host`, a scheme, `%2e%2e`) is a not-found.
pub(crate) async fn load_post(site: Site, slug: String) -> Result<Arc<LoadedPost>, LoadError> {
    if paths::validate_slug(&slug).is_err() {
        return Err(LoadError::NotFound);
    }
    // Awaited untracked: the post depends on its slug alone. Tracking the index as well would
    // fetch and render the post a second time the moment the index arrives.
    let manifest = ScopedFuture::new_untracked(async move { site.manifest.await }).await?;
    let entry = manifest.post(&slug).cloned().ok_or(LoadError::NotFound)?;
    if let Err(err) = paths::validate_post_file(&entry.file) {
        // The reader gets the not-found page; the console tells the site's owner why.
        leptos::logging::warn!("posts/index.json: {err}; the post is not fetched");
        return Err(LoadError::NotFound);
    }
    let markdown = cache::markdown(&paths::post_file_url(site.base, &entry.file)).await?;
    let post_link = |url: &str| manifest.post_link(site.base, url);
    let image_size = |url: &str| entry.image_size(site.base, url);
    let rendered = render_body(
        &markdown,
        &entry,
        &PostContext {
            base: site.base,
            file: &entry.file,
            trust_html: manifest.site.trust_html,
            post_link: Some(&post_link),
            image_size: Some(&image_size),
            text: site.text,
        },
    );
    Ok(Arc::new(LoadedPost {
        entry,
        rendered,
        manifest: Arc::clone(&manifest),
    }))
}
