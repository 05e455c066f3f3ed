//! What a search needs, each file once per visit (through the app's cache, `crate::cache`): the
//! index's meta file, the directories and shards a query's terms live in, the docs files that
//! name the shown results, those posts' own files (`post.json`, which opening one needs anyway)
//! and their text for the snippets (from their Markdown, shared with the post page). The
//! manifest of every post is never needed.
//!
//! Everything fetched is kept for the life of the page, so the next keystroke usually needs no
//! request at all.

use std::sync::Arc;

use folio_core::search::{Directory, Meta, Plan, Query, SearchIndexError, Shard, snippet};
use folio_core::{PostEntry, paths};
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
    let meta = cache::search_meta(site.base).await?;
    let dirs = join_all(
        meta.dirs_for(&query)
            .into_iter()
            .map(|j| cache::search_dir(site.base, meta.clone(), j)),
    )
    .await
    .into_iter()
    .collect::<Result<Vec<Arc<Directory>>, LoadError>>()?;
    let plan = Plan::new(&meta, &dirs, &query).map_err(index_error)?;
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
    let shown: Vec<u32> = hits.iter().take(limit).map(|hit| hit.doc).collect();
    let (entries, missing) = entries(site, &meta, &shown).await?;
    let items = join_all(entries.iter().map(|entry| item(site.base, entry, &query))).await;
    Ok(Found {
        query: text,
        total: hits.len() - missing,
        items,
    })
}

/// The index entries of posts `docs` (numbered in manifest order), from their own files, found
/// through the docs files that list them: each file fetched once, all at the same time. A post
/// whose own file cannot be had (gone from the host, or from another build) is left out, and
/// counted: one broken file takes one result away, not the search. Only when every one fails is
/// the search itself an error (the host is down, or the reader offline), which the page offers to
/// retry.
async fn entries(
    site: Site,
    meta: &Meta,
    docs: &[u32],
) -> Result<(Vec<PostEntry>, usize), LoadError> {
    let mut files: Vec<usize> = docs.iter().map(|&doc| meta.docs_of(doc).0).collect();
    files.sort_unstable();
    files.dedup();
    let names: Vec<String> = files.iter().map(|&file| meta.docs_file(file)).collect();
    let lists = join_all(names.iter().map(|name| cache::search_docs(site.base, name)))
        .await
        .into_iter()
        .collect::<Result<Vec<_>, LoadError>>()?;
    let paths = docs
        .iter()
        .map(|&doc| {
            let (file, at) = meta.docs_of(doc);
            files
                .binary_search(&file)
                .ok()
                .and_then(|i| lists.get(i))
                .and_then(|list| list.get(at))
                .filter(|path| paths::validate_post_path(path).is_ok())
                .ok_or_else(|| {
                    index_error(SearchIndexError::Invalid(format!("post {doc} has no path")))
                })
        })
        .collect::<Result<Vec<&String>, LoadError>>()?;
    let mut entries = Vec::with_capacity(paths.len());
    let mut first_error = None;
    for data in join_all(paths.iter().map(|path| site.post_data(path))).await {
        // Every post the index has is in the manifest, so its own file has its entry; one
        // without is from another build.
        match data.and_then(|data| data.entry.clone().ok_or_else(other_build)) {
            Ok(entry) => entries.push(entry),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    match first_error {
        Some(error) if entries.is_empty() => Err(error),
        _ => {
            let missing = paths.len() - entries.len();
            Ok((entries, missing))
        }
    }
}

fn other_build() -> LoadError {
    LoadError::BadContent(
        "the search index and the posts are from different builds; reload the page".to_owned(),
    )
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
