//! What a search needs, each file once per visit (through the app's cache, `crate::cache`): the
//! index's meta file, the directories and shards a query's terms live in, the docs files that
//! name the shown results (all read by the search module), those posts' own files (`post.json`,
//! which opening one needs anyway) and their text for the snippets (from their Markdown, shared
//! with the post page). The manifest of every post is never needed.
//!
//! Everything fetched is kept for the life of the page, so the next keystroke usually needs no
//! request at all.

use folio_core::PostEntry;
use folio_core::paths;
use futures::future::join_all;

use crate::cache;
use crate::extras::search as module;
use crate::fetch::LoadError;
use crate::site::Site;

/// Display columns of a snippet (a CJK character counts two).
const SNIPPET_COLUMNS: usize = 180;

/// A run of shown text and whether it matched the query.
pub(crate) type Part = (String, bool);

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
    pub(crate) title: Vec<Part>,
    pub(crate) snippet: Vec<Part>,
}

/// Runs `text` as a query and prepares the first `limit` results. The index is read by the
/// search module (`crate::extras::search`), which a query with words loads first.
pub(crate) async fn search(site: Site, text: String, limit: usize) -> Result<Found, LoadError> {
    if text.trim().is_empty() {
        return Ok(Found::default());
    }
    let Some((total, paths)) = module::find(site.base, &text, limit).await? else {
        return Ok(Found::default());
    };
    let (entries, missing) = entries(site, &paths).await?;
    let items = join_all(entries.iter().map(|entry| item(site.base, entry, &text))).await;
    Ok(Found {
        query: text,
        total: total.saturating_sub(missing),
        items,
    })
}

/// The index entries of the posts at `paths`, from their own files, all fetched at the same
/// time. A post whose own file cannot be had (gone from the host, or from another build) is left
/// out, and counted: one broken file takes one result away, not the search. Only when every one
/// fails is the search itself an error (the host is down, or the reader offline), which the page
/// offers to retry.
async fn entries(site: Site, paths: &[String]) -> Result<(Vec<PostEntry>, usize), LoadError> {
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
async fn item(base: &str, entry: &PostEntry, query: &str) -> Item {
    // Through the app's post cache: opening a result then needs no request.
    let text = match cache::post_text(&paths::post_file_url(base, &entry.file)).await {
        Ok(text) => text,
        Err(_) => entry.summary().into(),
    };
    Item {
        entry: entry.clone(),
        title: module::title(&entry.title, query),
        snippet: module::snippet(&text, query, SNIPPET_COLUMNS),
    }
}
