//! The search module: reading the search index and ranking a query (`folio_core::search`), which
//! only the search page needs, so no other page's first load carries it. The app fetches every
//! file for it: [`find`] is handed the app's fetch (through the app's cache, which also tells the
//! offline cache what was fetched) and keeps what it read from each file for the page's life, so
//! the next keystroke usually reads nothing again.
//!
//! The app keeps what every page needs anyway: the posts' own files, their Markdown, and the
//! plain text snippets are cut from ([`title`] and [`snippet`] mark the query in them).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::thread::LocalKey;

use folio_core::paths;
use folio_core::search::snippet::{self as snippets, Part};
use folio_core::search::{Directory, Meta, Plan, Query, SearchIndexError, Shard, read_docs};
use futures::future::try_join_all;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What was read from each file of the index, by URL.
type Read<T> = RefCell<HashMap<String, Rc<T>>>;

thread_local! {
    static METAS: Read<Meta> = RefCell::new(HashMap::new());
    static DIRS: Read<Directory> = RefCell::new(HashMap::new());
    static SHARDS: Read<Shard> = RefCell::new(HashMap::new());
    static DOCS: Read<Vec<String>> = RefCell::new(HashMap::new());
}

/// Runs `text` as a query against the search index of the site served under `base`: resolves to
/// `null` when it has nothing to search for, else to an array of the number of matching posts
/// followed by the paths (below `posts/`) of the first `limit` of them, best first.
///
/// `fetch(url)` must resolve to the text of the file at `url`; a rejection is passed on as it is,
/// so the caller keeps its own reasons (not found, offline, …). A file the index cannot be read
/// from rejects with an `Error` that says why.
///
/// # Errors
/// As above.
#[wasm_bindgen]
pub async fn find(
    base: String,
    text: String,
    limit: usize,
    fetch: Function,
) -> Result<JsValue, JsValue> {
    let query = Query::parse(&text);
    if query.is_empty() {
        return Ok(JsValue::NULL);
    }
    let files = Files { base, fetch };
    let meta = files
        .read(&METAS, "meta.json".to_owned(), Meta::from_json)
        .await?;
    let dirs = try_join_all(
        meta.dirs_for(&query)
            .into_iter()
            .map(|j| files.dir(&meta, j)),
    )
    .await?;
    let plan = Plan::new(&meta, &dirs, &query).map_err(error)?;
    let needed = plan.shards();
    let shards = try_join_all(
        needed
            .iter()
            .map(|&i| files.read(&SHARDS, meta.shard_file(i), Shard::from_json)),
    )
    .await?;
    let hits = plan
        .run(|i| {
            let at = needed.binary_search(&i).ok()?;
            shards.get(at).map(|shard| &**shard)
        })
        .map_err(error)?;
    let shown: Vec<u32> = hits.iter().take(limit).map(|hit| hit.doc).collect();
    let found = Array::of1(&JsValue::from(hits.len()));
    for path in files.paths(&meta, &shown).await? {
        found.push(&JsValue::from(path));
    }
    Ok(found.into())
}

/// `text` (a result's title) with every match of `query` marked: the runs of text, unmarked and
/// marked by turns, starting with an unmarked one (which may be empty).
#[wasm_bindgen]
pub fn title(text: &str, query: &str) -> Vec<String> {
    by_turns(snippets::highlight(text, &Query::parse(query)))
}

/// A passage of `text` (a result's plain text) of about `columns` display columns around the
/// matches of `query`, as [`title`] gives its runs.
#[wasm_bindgen]
pub fn snippet(text: &str, query: &str, columns: usize) -> Vec<String> {
    by_turns(snippets::snippet(text, &Query::parse(query), columns))
}

/// `parts` as runs that are unmarked and marked by turns, the first unmarked.
fn by_turns(parts: Vec<Part>) -> Vec<String> {
    let mut runs: Vec<String> = vec![String::new()];
    for part in parts {
        // Odd positions are marked.
        if runs.len() % 2 == usize::from(part.mark) {
            runs.push(part.text);
        } else if let Some(last) = runs.last_mut() {
            last.push_str(&part.text);
        }
    }
    runs
}

/// The index's files of one site, fetched by the app.
struct Files {
    base: String,
    fetch: Function,
}

impl Files {
    /// The file `name` of the index (below `search/`), read by `read`: once per page, unless it
    /// could not be had.
    async fn read<T>(
        &self,
        cache: &'static LocalKey<Read<T>>,
        name: String,
        read: impl FnOnce(&str) -> Result<T, SearchIndexError>,
    ) -> Result<Rc<T>, JsValue> {
        let url = format!("{}{}/{name}", self.base, paths::SEARCH_DIR);
        if let Some(known) = cache.with(|cache| cache.borrow().get(&url).cloned()) {
            return Ok(known);
        }
        let answer = self.fetch.call1(&JsValue::NULL, &url.as_str().into())?;
        let text = JsFuture::from(Promise::resolve(&answer))
            .await?
            .as_string()
            .ok_or_else(|| error(SearchIndexError::Invalid(format!("{name} is not text"))))?;
        let value = Rc::new(read(&text).map_err(error)?);
        cache.with(|cache| cache.borrow_mut().insert(url, Rc::clone(&value)));
        Ok(value)
    }

    /// Directory `j` of the index `meta`: from the meta file when it carries it, else fetched.
    async fn dir(&self, meta: &Meta, j: usize) -> Result<Rc<Directory>, JsValue> {
        match meta.inline_dir(j) {
            Some(dir) => Ok(Rc::new(dir)),
            None => {
                self.read(&DIRS, meta.dir_file(j), |text| meta.read_dir(j, text))
                    .await
            }
        }
    }

    /// The paths of posts `docs` (numbered in manifest order), from the docs files that list
    /// them, each fetched once, all at the same time.
    async fn paths(&self, meta: &Meta, docs: &[u32]) -> Result<Vec<String>, JsValue> {
        let mut files: Vec<usize> = docs.iter().map(|&doc| meta.docs_of(doc).0).collect();
        files.sort_unstable();
        files.dedup();
        let lists = try_join_all(
            files
                .iter()
                .map(|&file| self.read(&DOCS, meta.docs_file(file), read_docs)),
        )
        .await?;
        docs.iter()
            .map(|&doc| {
                let (file, at) = meta.docs_of(doc);
                files
                    .binary_search(&file)
                    .ok()
                    .and_then(|i| lists.get(i))
                    .and_then(|list| list.get(at))
                    .filter(|path| paths::validate_post_path(path).is_ok())
                    .cloned()
                    .ok_or_else(|| {
                        error(SearchIndexError::Invalid(format!("post {doc} has no path")))
                    })
            })
            .collect()
    }
}

/// An index error as the `Error` [`find`] rejects with.
fn error(error: SearchIndexError) -> JsValue {
    js_sys::Error::new(&error.to_string()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_alternate_from_an_unmarked_one() {
        let part = |text: &str, mark| Part {
            text: text.to_owned(),
            mark,
        };
        assert_eq!(by_turns(vec![]), [""]);
        assert_eq!(
            by_turns(vec![part("Rust", true), part(" notes", false)]),
            ["", "Rust", " notes"]
        );
        assert_eq!(
            by_turns(vec![part("a", false), part("b", false), part("c", true)]),
            ["ab", "c"]
        );
        assert_eq!(
            by_turns(vec![part("雨夜", true), part("书店", true)]),
            ["", "雨夜书店"]
        );
    }

    #[test]
    fn titles_and_snippets_mark_the_query() {
        assert_eq!(
            title("Notes on Static hosting", "stat"),
            ["Notes on ", "Static", " hosting"]
        );
        let text = "很长的开头。".repeat(20) + "我们在雨夜的书店里躲雨。";
        let runs = snippet(&text, "书店", 40);
        assert!(runs.iter().skip(1).step_by(2).any(|run| run == "书店"));
    }
}
