//! The site as the app sees it: its base path, its language, its configuration, and the files
//! that list its posts, loaded when a page first needs them and shared by every page through
//! context.

use std::sync::Arc;

use folio_core::paths::Paged;
use folio_core::post::{PostContext, render_body, render_unindexed};
use folio_core::{ListPage, PostData, PostLinks, Rendered, SiteConfig, TagList, paths};
use folio_views::post::PostPage;
use leptos::prelude::*;

use crate::cache;
use crate::extras;
use crate::fetch::LoadError;
use folio_core::i18n::{Strings, strings_for};

/// Shared by every page: where the site lives, what language it speaks and what it is called.
#[derive(Clone, Copy)]
pub(crate) struct Site {
    /// `/` or `/blog/`.
    pub(crate) base: &'static str,
    /// UI text in that language.
    pub(crate) text: &'static Strings,
    /// The site's configuration (title, navigation, author) for the header, footer and title,
    /// from whichever file arrived first: every file of the index carries it.
    pub(crate) config: RwSignal<Option<Arc<SiteConfig>>>,
}

impl Site {
    /// The site served under `base`, in language `lang`. Nothing is fetched yet.
    pub(crate) fn new(base: &'static str, lang: &'static str) -> Self {
        Self {
            base,
            text: strings_for(lang),
            config: RwSignal::new(None),
        }
    }

    /// Page `page` of `list`'s posts, without the rest of the posts.
    ///
    /// The home page's page 1 always exists, even on an empty site: without it, the build is
    /// broken, which the home page says (and offers to retry) rather than claiming the site has
    /// no home page.
    pub(crate) async fn list_page(
        self,
        list: Paged<'_>,
        page: usize,
    ) -> Result<Arc<ListPage>, LoadError> {
        let home = cache::list_page(self.base, list, page)
            .await
            .map_err(|error| match error {
                LoadError::NotFound if page == 1 && list == Paged::Home => LoadError::Http(404),
                error => error,
            })?;
        self.learn(&home.site);
        Ok(home)
    }

    /// Every tag with its number of posts.
    pub(crate) async fn tag_list(self) -> Result<Arc<TagList>, LoadError> {
        let tags = cache::tag_list(self.base).await?;
        self.learn(&tags.site);
        Ok(tags)
    }

    /// Makes sure the header knows the site's title on a page that loads nothing of its own
    /// (not-found): the first home page carries it and is the smallest file that does.
    pub(crate) fn need_config(self) {
        if self.config.with_untracked(Option::is_none) {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = self.list_page(Paged::Home, 1).await;
            });
        }
    }

    /// The own file (`post.json`) of the post at `path`.
    pub(crate) async fn post_data(self, path: &str) -> Result<Arc<PostData>, LoadError> {
        let data = cache::post_data(self.base, path).await?;
        self.learn(&data.site);
        Ok(data)
    }

    /// Keeps the site's configuration from the first file that brought it.
    fn learn(self, config: &SiteConfig) {
        if self.config.with_untracked(Option::is_none) {
            self.config.set(Some(Arc::new(config.clone())));
        }
    }

    /// Starts fetching the post a link points at, if it is one (the reader is about to click):
    /// its own file and its Markdown. The Markdown's file comes from whatever already lists it
    /// (a list page), else from the post's own file once that arrives.
    pub(crate) fn prefetch_link(&self, pathname: &str) {
        let Some(slug) = paths::post_path_in_url(self.base, pathname) else {
            return;
        };
        let base = self.base;
        if let Some(file) =
            cache::known_post_file(&slug).filter(|file| paths::validate_post_file(file).is_ok())
        {
            cache::prefetch(&paths::post_file_url(base, &file));
        }
        wasm_bindgen_futures::spawn_local(async move {
            // Kept in the cache; a failure is forgotten and shown by the page that needs it.
            if let Ok(data) = cache::post_data(base, &slug).await
                && let Some(entry) = &data.entry
                && paths::validate_post_file(&entry.file).is_ok()
            {
                cache::prefetch(&paths::post_file_url(base, &entry.file));
            }
        });
    }
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

/// A post fetched and rendered, with the index entry that describes it (title, date, tags,
/// problems: the build read the front matter, so the browser needs no YAML or TOML parser).
#[derive(Debug)]
pub(crate) struct LoadedPost {
    /// The post's entry, neighbours and edit link.
    pub(crate) page: PostPage,
    pub(crate) rendered: Rendered,
}

/// The post at `slug` (its path below `/posts/`): its own file (entry, neighbours, links), its
/// Markdown, rendered. Never the list of every post. A post whose own file is not there yet (its
/// `.md` reached the host after the build) is read from `posts/<slug>.md` or
/// `posts/<slug>/index.md` directly.
///
/// Only a file whose path stays inside `posts/` is ever fetched: a slug or an entry that could
/// point elsewhere (`..`, `//host`, a scheme, `%2e%2e`) is a not-found.
pub(crate) async fn load_post(site: Site, slug: String) -> Result<Arc<LoadedPost>, LoadError> {
    if paths::validate_post_path(&slug).is_err() {
        return Err(LoadError::NotFound);
    }
    let mut data = match cache::post_data(site.base, &slug).await {
        Ok(data) => data,
        Err(LoadError::NotFound) => return load_unindexed(site, slug).await,
        Err(error) => return Err(error),
    };
    // An old address: the post it leads to (once; an old address never leads to another).
    if let Some(to) = data.moved.clone() {
        if paths::validate_post_path(&to).is_err() {
            return Err(LoadError::NotFound);
        }
        data = cache::post_data(site.base, &to).await?;
    }
    site.learn(&data.site);
    let page = PostPage::of(&data).ok_or(LoadError::NotFound)?;
    let entry = &page.entry;
    if let Err(err) = paths::validate_post_file(&entry.file) {
        // The reader gets the not-found page; the console tells the site's owner why.
        leptos::logging::warn!("post.json: {err}; the post is not fetched");
        return Err(LoadError::NotFound);
    }
    let markdown = cache::markdown(&paths::post_file_url(site.base, &entry.file)).await?;
    let links = PostLinks::of_posts(
        data.links
            .iter()
            .map(|(file, path)| (file.as_str(), path.as_str())),
        site.base,
    );
    let post_link = |url: &str| links.resolve(url);
    let image_size = |url: &str| entry.image_size(site.base, url);
    let rendered = extras::rendered(|| {
        render_body(
            &markdown,
            entry,
            &PostContext::new(site.base, &entry.file)
                .trusting_html(data.site.trust_html)
                .with_math(data.site.math)
                .with_post_links(&post_link)
                .with_image_sizes(&image_size)
                .in_language(site.text),
        )
    })
    .await;
    Ok(Arc::new(LoadedPost { page, rendered }))
}

/// A post the build has not listed: its Markdown at `posts/<slug>.md`, else at
/// `posts/<slug>/index.md` (a folder with its own files), rendered as
/// [`folio_core::post::render_unindexed`] can.
async fn load_unindexed(site: Site, slug: String) -> Result<Arc<LoadedPost>, LoadError> {
    site.need_config();
    let mut last = LoadError::NotFound;
    for file in [format!("{slug}.md"), format!("{slug}/index.md")] {
        if paths::validate_post_file(&file).is_err() {
            continue;
        }
        let markdown = match cache::markdown(&paths::post_file_url(site.base, &file)).await {
            Ok(markdown) => markdown,
            Err(LoadError::NotFound) => continue,
            Err(error) => {
                last = error;
                continue;
            }
        };
        let cx = PostContext::new(site.base, &file).in_language(site.text);
        let (entry, rendered) = extras::rendered(|| render_unindexed(&markdown, &slug, &cx)).await;
        let page = PostPage {
            entry,
            newer: None,
            older: None,
            edit: None,
        };
        return Ok(Arc::new(LoadedPost { page, rendered }));
    }
    Err(last)
}
