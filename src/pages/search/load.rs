//! What a search needs, each file once per visit (through the app's cache, `crate::cache`): the
//! index's meta file, the shards a query's terms live in, the home page files that hold the shown
//! results' index entries, and the text of the posts whose snippets are shown (from their
//! Markdown, shared with the post page). The manifest of every post is never needed.
//!
//! Everything fetched is kept for the life of the page, so the next keystroke usually needs no
//! request at all.

use std::sync::Arc;

use folio_core::paths::Paged;
use folio_core::search::{Plan, Query, SearchIndexError, Shard, snippet};
use folio_core::{ListPage, PostEntry, paths};
use futures::future::join_all;

use crate::cache;
use crate::fetch::LoadError;
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

/// Runs `text` as a query and prepares the first `limit` results.
pub(crate) async fn search(site: Site, text: String, limit: usize) -> Result<Found, LoadError> {
    let query = Query::parse(&text);
    if query.is_empty() {
        return Ok(Found::default());
    }
    // The first home page says how the posts are cut into pages and which build numbered them:
    // results are read from the pages they are on, not from the manifest of every post.
    let first = site.list_page(Paged::Home, 1).await?;
    let meta = cache::search_meta(site.base).await?;
    // A meta file from another build would number the posts differently.
    meta.check_stamp(&first.stamp).map_err(index_error)?;
    let plan = Plan::new(&meta, &query);
    let needed = plan.shards();
    let files: Vec<String> = needed.iter().map(|&i| meta.shard_file(i)).collect();
    let shards = join_all(files.iter().map(|file| cache::shard(site.base, file)))
        .await
        .into_iter()
        .collect::<Result<Vec<Arc<Shard>>, LoadError>>()?;
    let hits = plan
        .run(|i| {
            needed
                .iter()
                .position(|&n| n == i)
                .and_then(|at| shards.get(at))
                .map(|shard| &**shard)
        })
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
    first: &ListPage,
    docs: &[usize],
) -> Result<Vec<PostEntry>, LoadError> {
    let mut pages: Vec<usize> = docs.iter().map(|&doc| first.locate(doc).0).collect();
    pages.sort_unstable();
    pages.dedup();
    let loaded = join_all(pages.iter().map(|&page| site.list_page(Paged::Home, page)))
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

/// A result with its title highlighted and a snippet from the post's text. When the post's
/// Markdown cannot be fetched, the snippet comes from its description or excerpt instead: the
/// result itself is still right, and the post page will say what is wrong with the file.
async fn item(base: &str, entry: &PostEntry, query: &Query) -> Item {
    // Through the app's post cache: opening a result then needs no request.
    let text = match cache::post_text(&paths::post_file_url(base, &entry.file)).await {
        Ok(text) => text,
        Err(_) => entry.summary().into(),
    };
    Item {
        entry: entry.clone(),
        title: snippet::highlight(&entry.title, query),
        snippet: snippet::snippet(&text, query, SNIPPET_COLUMNS),
    }
}

/// Index errors in the app's terms; a missing shard means the files changed under the page.
fn index_error(error: SearchIndexError) -> LoadError {
    LoadError::BadContent(error.to_string())
}
