//! The site as the app sees it: its base path and its post index, loaded once and shared by
//! every page through context.

use std::sync::Arc;

use folio_core::post::{Post, PostContext};
use folio_core::{Manifest, PostEntry, paths};
use leptos::prelude::*;

use crate::fetch::{Expect, LoadError, fetch_text};

/// Shared by every page: where the site lives and what posts it has.
#[derive(Clone, Copy)]
pub(crate) struct Site {
    /// `/` or `/blog/`.
    pub(crate) base: &'static str,
    /// The post index, fetched once per visit.
    pub(crate) manifest: LocalResource<Result<Arc<Manifest>, LoadError>>,
}

impl Site {
    /// Starts loading the index for the site served under `base`.
    pub(crate) fn new(base: &'static str) -> Self {
        Self {
            base,
            manifest: LocalResource::new(move || load_manifest(base)),
        }
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

/// A post fetched and rendered, with the index entry that located it.
#[derive(Debug)]
pub(crate) struct LoadedPost {
    pub(crate) entry: PostEntry,
    pub(crate) post: Post,
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
    let manifest = site.manifest.await?;
    let entry = manifest.post(&slug).cloned().ok_or(LoadError::NotFound)?;
    if let Err(err) = paths::validate_post_file(&entry.file) {
        // The reader gets the not-found page; the console tells the site's owner why.
        leptos::logging::warn!("posts/index.json: {err}; the post is not fetched");
        return Err(LoadError::NotFound);
    }
    let markdown = fetch_text(
        &paths::post_file_url(site.base, &entry.file),
        Expect::Markdown,
    )
    .await?;
    let post_link = |url: &str| link_to_post(&manifest, site.base, url);
    let post = Post::parse(
        &markdown,
        &PostContext {
            base: site.base,
            file: &entry.file,
            trust_html: manifest.site.trust_html,
            post_link: Some(&post_link),
        },
    );
    Ok(Arc::new(LoadedPost {
        entry,
        post,
        manifest: Arc::clone(&manifest),
    }))
}

/// Maps a link to another post's `.md` file to that post's page, so links between posts
/// written as file links (`[see](./other.md)`) work both on GitHub and on the site.
fn link_to_post(manifest: &Manifest, base: &str, url: &str) -> Option<String> {
    let (path, fragment) = url
        .split_once('#')
        .map_or((url, None), |(p, f)| (p, Some(f)));
    let wanted = paths::decode_segment(path)?;
    let post = manifest.posts.iter().find(|post| {
        paths::decode_segment(&paths::post_file_url(base, &post.file)).as_deref() == Some(&wanted)
    })?;
    let page = paths::post_url(base, &post.slug);
    Some(match fragment {
        Some(fragment) => format!("{page}#{fragment}"),
        None => page,
    })
}
