//! Fetching what a search needs, each file once per visit: the index's meta file, the shards a
//! query's terms live in, the home page files that hold the shown results' index entries, and
//! the Markdown of the posts whose snippets are shown (through the app's post cache, shared
//! with the post page). The manifest of every post is never needed.
//!
//! Everything fetched is kept for the life of the page, so the next keystroke usually needs no
//! request at all.

use std::cell::RefCell;
use std::rc::Rc;

use folio_core::search::{Meta, Plan, Query, SearchIndexError, Shard, snippet, text};
use folio_core::{HomePage, PostEntry, paths};
use futures::FutureExt;
use futures::future::{LocalBoxFuture, join_all};

use crate::cache;
use crate::fetch::{Expect, LoadError, fetch_text};
use crate::site::Site;

/// Display columns of a snippet (a CJK character counts two).
const SNIPPET_COLUMNS: usize = 180;

/// What a search found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Found {
    /// The query as typed; empty when it has nothing to search for.
    pub(crate) query: String,
    /// Matching posts in all.
    pub(crate) total: usize,
    /// The first of them, with their highlighted title and snippet.
    pub(crate) items: Vec<Item>,
}

/// One result as shown.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub(crate) entry: PostEntry,
    pub(crate) title: Vec<snippet::Part>,
    pub(crate) snippet: Vec<snippet::Part>,
}

/// Texts of this many posts are kept; older ones are fetched again when needed.
const TEXTS_KEPT: usize = 100;

#[derive(Default)]
struct Cache {
    meta: Option<Rc<Meta>>,
    /// By shard number.
    shards: Vec<Option<Rc<Shard>>>,
    /// Plain text of posts by Markdown file, oldest first.
    texts: Vec<(String, Rc<str>)>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Runs `text` as a query and prepares the first `limit` results.
pub(crate) async fn search(site: Site, text: String, limit: usize) -> Result<Found, LoadError> {
    let query = Query::parse(&text);
    if query.is_empty() {
        return Ok(Found::default());
    }
    // The first home page says how the posts are cut into pages and which build numbered them:
    // results are read from the pages they are on, not from the manifest of every post.
    let first = site.home_page(1).await?;
    let meta = meta(site.base, &first.stamp).await?;
    let plan = Plan::new(&meta, &query);
    let needed = plan.shards();
    join_all(needed.iter().map(|&i| load_shard(site.base, &meta, i)))
        .await
        .into_iter()
        .collect::<Result<Vec<()>, LoadError>>()?;
    let shards: Vec<Option<Rc<Shard>>> = CACHE.with_borrow(|cache| cache.shards.clone());
    let hits = plan
        .run(|i| shards.get(i).and_then(Option::as_deref))
        .map_err(index_error)?;
    let shown: Vec<usize> = hits
        .iter()
        .take(limit)
        .filter_map(|hit| usize::try_from(hit.doc).ok())
        .collect();
    let entries = entries(site, &first, &shown).await?;
    let items = join_all(entries.iter().map(|entry| item(site.base, entry, &query))).await;
    Ok(Found {
        query: text,
        total: hits.len(),
        items,
    })
}

/// The index entries of posts `docs` (numbered in manifest order), from the home pages they
/// are on: each page fetched once, all at the same time.
async fn entries(
    site: Site,
    first: &HomePage,
    docs: &[usize],
) -> Result<Vec<PostEntry>, LoadError> {
    let mut pages: Vec<usize> = docs.iter().map(|&doc| first.locate(doc).0).collect();
    pages.sort_unstable();
    pages.dedup();
    let loaded = join_all(pages.iter().map(|&page| site.home_page(page)))
        .await
        .into_iter()
        .collect::<Result<Vec<_>, LoadError>>()?;
    docs.iter()
        .map(|&doc| {
            let (page, at) = first.locate(doc);
            let home = pages
                .binary_search(&page)
                .ok()
                .and_then(|i| loaded.get(i))
                // A page from another build would put other posts under these numbers.
                .filter(|home| home.stamp == first.stamp);
            home.and_then(|home| home.posts.get(at).cloned())
                .ok_or_else(|| index_error(SearchIndexError::Stale))
        })
        .collect()
}

/// The meta file, checked against the post numbering (`stamp`) of the home pages the page has.
async fn meta(base: &str, stamp: &str) -> Result<Rc<Meta>, LoadError> {
    if let Some(meta) = CACHE.with_borrow(|cache| cache.meta.clone()) {
        return Ok(meta);
    }
    let json = get_json(format!("{base}search/meta.json")).await?;
    let meta = Meta::from_json(&json).map_err(index_error)?;
    meta.check_stamp(stamp).map_err(index_error)?;
    let meta = Rc::new(meta);
    CACHE.with_borrow_mut(|cache| {
        cache.meta = Some(Rc::clone(&meta));
        cache.shards = vec![None; meta.shard_count()];
    });
    Ok(meta)
}

async fn load_shard(base: &str, meta: &Meta, i: usize) -> Result<(), LoadError> {
    if CACHE.with_borrow(|cache| cache.shards.get(i).is_some_and(Option::is_some)) {
        return Ok(());
    }
    let json = get_json(format!("{base}search/{}", meta.shard_file(i))).await?;
    let shard = Shard::from_json(&json).map_err(index_error)?;
    CACHE.with_borrow_mut(|cache| {
        if let Some(slot) = cache.shards.get_mut(i) {
            *slot = Some(Rc::new(shard));
        }
    });
    Ok(())
}

/// A result with its title highlighted and a snippet from the post's text. When the post's
/// Markdown cannot be fetched, the snippet comes from its description or excerpt instead: the
/// result itself is still right, and the post page will say what is wrong with the file.
async fn item(base: &str, entry: &PostEntry, query: &Query) -> Item {
    let text = match post_text(base, &entry.file).await {
        Ok(text) => text,
        Err(_) => entry
            .description
            .clone()
            .unwrap_or_else(|| entry.excerpt.clone())
            .into(),
    };
    Item {
        entry: entry.clone(),
        title: snippet::highlight(&entry.title, query),
        snippet: snippet::snippet(&text, query, SNIPPET_COLUMNS),
    }
}

async fn post_text(base: &str, file: &str) -> Result<Rc<str>, LoadError> {
    let cached = CACHE.with_borrow(|cache| {
        cache
            .texts
            .iter()
            .find(|(kept, _)| kept == file)
            .map(|(_, text)| Rc::clone(text))
    });
    if let Some(text) = cached {
        return Ok(text);
    }
    // Through the app's post cache: opening a result then needs no request.
    let markdown = cache::markdown(&paths::post_file_url(base, file)).await?;
    let text: Rc<str> = text::post_text(&markdown).into();
    CACHE.with_borrow_mut(|cache| {
        if cache.texts.len() >= TEXTS_KEPT {
            cache.texts.remove(0);
        }
        cache.texts.push((file.to_owned(), Rc::clone(&text)));
    });
    Ok(text)
}

/// A request for an index file, boxed: the meta file and the shards share this one copy of the
/// request code, where each `async` caller would otherwise inline its own into the app.
fn get_json(url: String) -> LocalBoxFuture<'static, Result<String, LoadError>> {
    async move { fetch_text(&url, Expect::Json).await }.boxed_local()
}

/// Index errors in the app's terms; a missing shard means the files changed under the page.
fn index_error(error: SearchIndexError) -> LoadError {
    LoadError::BadContent(error.to_string())
}
