//! Files fetched at most once per visit: a post's Markdown (and its plain text, for search
//! snippets), its own file, the list page files (home pages, tag pages, the archive), the tag
//! list, and the search index's files (which the search module reads).
//!
//! Everyone asking for a file while it downloads shares the one request (the post page and
//! prefetching), a file that arrived is kept, so going back
//! to a page costs nothing, and a failure is forgotten, so trying again asks the network again.
//! Nothing is fetched before a page asks for it, and no page asks for the list of every post:
//! each list page fetches its own page of posts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::thread::LocalKey;

use folio_core::paths::Paged;
use folio_core::search::text::post_text as post_text_of;
use folio_core::{ListPage, PostData, PostEntry, TagList, paths};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};

use crate::fetch::{Expect, LoadError, fetch_text};

type Pending<T> = Shared<LocalBoxFuture<'static, Result<T, LoadError>>>;

/// One kind of file, by URL; the app runs on the page's one thread.
type Files<T> = RefCell<HashMap<String, Pending<T>>>;

thread_local! {
    static POSTS: Files<Rc<str>> = RefCell::new(HashMap::new());
    static LIST_PAGES: Files<Arc<ListPage>> = RefCell::new(HashMap::new());
    static TAG_LISTS: Files<Arc<TagList>> = RefCell::new(HashMap::new());
    static POST_DATA: Files<Arc<PostData>> = RefCell::new(HashMap::new());
    static TEXTS: Files<Rc<str>> = RefCell::new(HashMap::new());
    static SEARCH_FILES: Files<Rc<str>> = RefCell::new(HashMap::new());
}

/// The Markdown at `url`.
pub(crate) async fn markdown(url: &str) -> Result<Rc<str>, LoadError> {
    get(&POSTS, url, |url| async move {
        fetch_text(&url, Expect::Markdown).await.map(Rc::from)
    })
    .await
}

/// Page `page` of `list` of the site served under `base`: that page's posts only.
pub(crate) async fn list_page(
    base: &str,
    list: Paged<'_>,
    page: usize,
) -> Result<Arc<ListPage>, LoadError> {
    get(&LIST_PAGES, &list.page_url(base, page), |url| {
        json(url, ListPage::from_json)
    })
    .await
}

/// Every tag of the site served under `base`, with its number of posts.
pub(crate) async fn tag_list(base: &str) -> Result<Arc<TagList>, LoadError> {
    get(&TAG_LISTS, &paths::tag_list_url(base), |url| {
        json(url, TagList::from_json)
    })
    .await
}

/// The own file (`posts/<path>/post.json`) of the post at `path` of the site under `base`.
pub(crate) async fn post_data(base: &str, path: &str) -> Result<Arc<PostData>, LoadError> {
    get(&POST_DATA, &paths::post_data_url(base, path), |url| {
        json(url, PostData::from_json)
    })
    .await
}

/// The plain text of the post whose Markdown is at `url` (see
/// [`folio_core::search::text::post_text`]), from the Markdown cache.
pub(crate) async fn post_text(url: &str) -> Result<Rc<str>, LoadError> {
    get(&TEXTS, url, |url| async move {
        let markdown = markdown(&url).await?;
        Ok(Rc::from(post_text_of(&markdown)))
    })
    .await
}

/// A file of the search index (its URL below `search/`), as text: the search module reads it.
pub(crate) async fn search_file(url: &str) -> Result<Rc<str>, LoadError> {
    get(&SEARCH_FILES, url, |url| async move {
        fetch_text(&url, Expect::Json).await.map(Rc::from)
    })
    .await
}

/// Starts fetching the Markdown at `url` in the background unless it is cached or on its way.
pub(crate) fn prefetch(url: &str) {
    let already = POSTS.with(|posts| posts.borrow().contains_key(url));
    if !already {
        let url = url.to_owned();
        wasm_bindgen_futures::spawn_local(async move {
            // The result stays in the cache; a failure is forgotten by `get`.
            let _ = markdown(&url).await;
        });
    }
}

/// The Markdown file (below `posts/`) of the post `slug`, if a file already here lists it: a
/// list page the reader has seen, a post's own file. Nothing is fetched.
pub(crate) fn known_post_file(slug: &str) -> Option<String> {
    fn listed<'a>(mut posts: impl Iterator<Item = &'a PostEntry>, slug: &str) -> Option<String> {
        posts
            .find(|post| post.slug == slug)
            .map(|post| post.file.clone())
    }
    ready(&LIST_PAGES)
        .iter()
        .find_map(|page| listed(page.posts.iter(), slug))
        .or_else(|| {
            ready(&POST_DATA).iter().find_map(|data| {
                listed(
                    data.entry.iter().chain(&data.newer).chain(&data.older),
                    slug,
                )
            })
        })
}

/// Every URL fetched (or being fetched) on this page, for the offline cache.
pub(crate) fn urls() -> Vec<String> {
    fn keys<T>(files: &'static LocalKey<Files<T>>) -> Vec<String> {
        files.with(|files| files.borrow().keys().cloned().collect())
    }
    let mut urls = keys(&POSTS);
    urls.extend(keys(&LIST_PAGES));
    urls.extend(keys(&TAG_LISTS));
    urls.extend(keys(&POST_DATA));
    urls.extend(keys(&SEARCH_FILES));
    urls.extend(crate::extras::urls());
    urls
}

/// The file at `url`: from the cache, from a request already under way, or loaded now.
async fn get<T, F>(
    files: &'static LocalKey<Files<T>>,
    url: &str,
    load: impl FnOnce(String) -> F,
) -> Result<T, LoadError>
where
    T: Clone + 'static,
    F: Future<Output = Result<T, LoadError>> + 'static,
{
    let pending = files.with(|files| {
        files
            .borrow_mut()
            .entry(url.to_owned())
            .or_insert_with(|| load(url.to_owned()).boxed_local().shared())
            .clone()
    });
    let result = pending.await;
    if result.is_err() {
        files.with(|files| files.borrow_mut().remove(url));
    }
    result
}

/// The files of one kind that have arrived (not those still on their way or failed).
fn ready<T: Clone + 'static>(files: &'static LocalKey<Files<T>>) -> Vec<T> {
    files.with(|files| {
        files
            .borrow()
            .values()
            .filter_map(|pending| pending.peek().cloned()?.ok())
            .collect()
    })
}

/// Fetches and reads a JSON file `folio index` wrote; one it cannot read is bad content.
async fn json<T, E: std::fmt::Display>(
    url: String,
    read: fn(&str) -> Result<T, E>,
) -> Result<Arc<T>, LoadError> {
    let text = fetch_text(&url, Expect::Json).await?;
    read(&text)
        .map(Arc::new)
        .map_err(|err| LoadError::BadContent(err.to_string()))
}
