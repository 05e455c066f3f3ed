//! Full-text search over titles, tags and post text, answered in the browser from a prebuilt,
//! sharded index.
//!
//! `folio index` writes the index next to the manifest ([`IndexBuilder`], files described in
//! [`format`]); the app fetches `search/meta.json`, then only the directories and shards a
//! query's terms live in ([`Plan`]), ranks the matching posts ([`Plan::run`]), finds the shown
//! ones' own files through the docs files, and cuts a highlighted snippet from the Markdown of
//! the posts it shows ([`snippet`]). Index and query go through the same folding
//! ([`fold`]) and tokenizing ([`tokenize`]), so whatever the reader types is looked up in the
//! form the index stored it.
//!
//! # Terms
//!
//! Words of spaced scripts are indexed whole and a query's last word matches as a prefix, so
//! results follow each keystroke. Chinese and Japanese have no spaces, so a CJK run is indexed as
//! its overlapping pairs of characters (`雨夜书店` → `雨夜`, `夜书`, `书店`), which finds any
//! word of two or more characters anywhere inside a sentence: a longer query requires all of its
//! pairs. A one-character query needs more: each CJK character is indexed on its own as well.
//! Matching a single character as a prefix of the pairs instead would save about a third of the
//! CJK postings, but a common character starts thousands of different pairs spread over many
//! shards, so one keystroke could fetch a large part of the index; unigrams keep every query
//! to one shard per term. (Pairs carry no positions, so `编译器` also finds a post that has
//! `编译` and `译器` apart; snippets only mark the run where it stands whole.)
//!
//! # Shards
//!
//! Terms are sorted and cut into consecutive shards of about [`DEFAULT_SHARD_BYTES`], and the
//! shards into directories that list each shard's first term; the meta file lists each
//! directory's first term. A term is in exactly one shard and a prefix in one or a few adjacent
//! ones ([`MAX_PREFIX_SHARDS`] at most), so a query fetches the meta file, one directory and about
//! one shard per term however large the site is; a small site's meta file is its directory. A
//! term many posts have is stored as bitmaps ([`postings`]), so no shard grows beyond a few
//! bytes per post of the site. The shown results' paths come from small docs files, each
//! listing [`format::POSTS_PER_DOCS`] posts in manifest order.

pub mod build;
pub mod fold;
pub mod format;
pub mod postings;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod text;
pub mod tokenize;

pub use build::{DEFAULT_SHARD_BYTES, DocTerms, IndexBuilder, SearchDoc, SearchIndex};
pub use format::{Directory, Meta, SEARCH_INDEX_VERSION, SearchIndexError, Shard, read_docs};
pub use query::Query;
pub use rank::{Hit, MAX_PREFIX_SHARDS, Plan};

/// The search page of a site served under `base`, with `query` filled in.
///
/// ```
/// use folio_core::search::page_url;
/// assert_eq!(page_url("/blog/", "Rust 编译"), "/blog/search/?q=Rust%20%E7%BC%96%E8%AF%91");
/// assert_eq!(page_url("/", ""), "/search/");
/// ```
pub fn page_url(base: &str, query: &str) -> String {
    if query.is_empty() {
        format!("{base}search/")
    } else {
        format!("{base}search/?q={}", crate::paths::encode_segment(query))
    }
}
