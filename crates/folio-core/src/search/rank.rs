//! Answering a query from the shards: which shards to fetch, which posts match, in what order.
//!
//! Every term must match (AND). Posts are ranked by where their terms occur: more terms in the
//! title first, then more terms in the tags, then the newest post (the lowest number, since
//! posts are numbered in manifest order, newest first). A term counts for the best place it
//! occurs in, so a single-word query lists title matches, then tag matches, then body matches,
//! each newest first.

use std::cmp::Reverse;
use std::ops::Range;

use super::format::{
    FIELD_TAGS, FIELD_TITLE, Meta, Posting, SearchIndexError, Shard, decode_postings,
};
use super::query::{Query, Term};

/// A prefix is only expanded when its terms fit in this many shards; a shorter prefix (one
/// letter on a large site) matches the whole word only, until the reader types more.
pub const MAX_PREFIX_SHARDS: usize = 3;

/// A matching post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The post's position in the manifest.
    pub doc: u32,
    /// Query terms found in the title.
    pub in_title: u8,
    /// Query terms found in the tags but not the title.
    pub in_tags: u8,
    /// Query terms found only in the description or body.
    pub in_body: u8,
}

/// How to answer one query: each term with the shards it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    lookups: Vec<(Term, Range<usize>)>,
}

impl Plan {
    /// Plans `query` against the index described by `meta`.
    ///
    /// ```
    /// use folio_core::search::{Meta, Plan, Query};
    /// let meta = Meta::from_json(
    ///     r#"{"version":1,"posts":9,"stamp":"","build":"b","first":["","m","s","t"]}"#)?;
    /// assert_eq!(Plan::new(&meta, &Query::parse("apple rust")).shards(), [0, 1]);
    /// assert_eq!(Plan::new(&meta, &Query::parse("st")).shards(), [2]);
    /// # Ok::<(), folio_core::search::SearchIndexError>(())
    /// ```
    pub fn new(meta: &Meta, query: &Query) -> Self {
        let lookups = query
            .terms
            .iter()
            .map(|term| {
                let prefix_shards = meta.prefix_shards(&term.text);
                if term.prefix && prefix_shards.len() <= MAX_PREFIX_SHARDS {
                    (term.clone(), prefix_shards)
                } else {
                    let shard = meta.shard_of(&term.text);
                    let exact = Term {
                        text: term.text.clone(),
                        prefix: false,
                    };
                    (exact, shard..shard + 1)
                }
            })
            .collect();
        Self { lookups }
    }

    /// The shards to have loaded before [`Plan::run`], ascending, each once.
    pub fn shards(&self) -> Vec<usize> {
        let mut shards: Vec<usize> = self
            .lookups
            .iter()
            .flat_map(|(_, range)| range.clone())
            .collect();
        shards.sort_unstable();
        shards.dedup();
        shards
    }

    /// The matching posts, best first. `shard(i)` gives loaded shard `i`.
    pub fn run<'s>(
        &self,
        shard: impl Fn(usize) -> Option<&'s Shard>,
    ) -> Result<Vec<Hit>, SearchIndexError> {
        if self.lookups.is_empty() {
            return Ok(Vec::new());
        }
        let mut lists = Vec::with_capacity(self.lookups.len());
        for (term, shards) in &self.lookups {
            let mut list = Vec::new();
            for i in shards.clone() {
                let shard = shard(i).ok_or(SearchIndexError::MissingShard(i))?;
                if term.prefix {
                    for encoded in shard.with_prefix(&term.text) {
                        list.extend(decode_postings(encoded)?);
                    }
                } else if let Some(postings) = shard.postings(&term.text) {
                    list.extend(postings?);
                }
            }
            if list.is_empty() {
                return Ok(Vec::new());
            }
            lists.push(merge_by_doc(list));
        }
        // Start from the rarest term: the intersection is never larger than it.
        lists.sort_by_key(Vec::len);
        let mut hits: Vec<Hit> = lists[0]
            .iter()
            .map(|posting| count(hit(posting.doc), posting.fields))
            .collect();
        for list in &lists[1..] {
            hits = intersect(&hits, list);
            if hits.is_empty() {
                break;
            }
        }
        hits.sort_by_key(|hit| (Reverse(hit.in_title), Reverse(hit.in_tags), hit.doc));
        Ok(hits)
    }
}

fn hit(doc: u32) -> Hit {
    Hit {
        doc,
        in_title: 0,
        in_tags: 0,
        in_body: 0,
    }
}

/// Counts one term for the best field it occurs in.
fn count(mut hit: Hit, fields: u8) -> Hit {
    if fields & FIELD_TITLE != 0 {
        hit.in_title += 1;
    } else if fields & FIELD_TAGS != 0 {
        hit.in_tags += 1;
    } else {
        hit.in_body += 1;
    }
    hit
}

/// Postings of several terms (a prefix) as one list: sorted by post, fields combined.
fn merge_by_doc(mut list: Vec<Posting>) -> Vec<Posting> {
    list.sort_unstable_by_key(|posting| posting.doc);
    let mut merged: Vec<Posting> = Vec::with_capacity(list.len());
    for posting in list {
        match merged.last_mut() {
            Some(last) if last.doc == posting.doc => last.fields |= posting.fields,
            _ => merged.push(posting),
        }
    }
    merged
}

/// The hits that also appear in `list` (both sorted by post), with this term counted.
fn intersect(hits: &[Hit], list: &[Posting]) -> Vec<Hit> {
    let mut out = Vec::with_capacity(hits.len().min(list.len()));
    let mut postings = list.iter().peekable();
    for &hit in hits {
        while postings.next_if(|posting| posting.doc < hit.doc).is_some() {}
        if let Some(posting) = postings.next_if(|posting| posting.doc == hit.doc) {
            out.push(count(hit, posting.fields));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::search::build::{IndexBuilder, SearchDoc, SearchIndex};

    /// Posts in manifest order (newest first): (title, tags, body).
    const POSTS: &[(&str, &[&str], &str)] = &[
        (
            "Static hosting notes",
            &[],
            "Newest. Files on a static host.",
        ),
        ("Rust 编译 tips", &["rust"], "Faster builds."),
        ("A quiet week", &["rust"], "Nothing much, but 编译 again."),
        (
            "Editors",
            &[],
            "I write Rust in an editor; 编译器 errors are kind.",
        ),
        ("State of things", &["static"], "Oldest. Rust on the side."),
    ];

    fn index(shard_bytes: usize) -> SearchIndex {
        let mut builder = IndexBuilder::new();
        for (title, tags, body) in POSTS {
            let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
            builder.add(&SearchDoc {
                title,
                tags: &tags,
                body,
            });
        }
        builder.finish("s".to_owned(), shard_bytes)
    }

    fn search(index: &SearchIndex, text: &str) -> Vec<u32> {
        let shards: Vec<Shard> = index
            .shards
            .iter()
            .map(|json| Shard::from_json(json).unwrap())
            .collect();
        Plan::new(&index.meta, &Query::parse(text))
            .run(|i| shards.get(i))
            .unwrap()
            .into_iter()
            .map(|hit| hit.doc)
            .collect()
    }

    #[test]
    fn ranking_table() {
        let cases: &[(&str, &[u32], &str)] = &[
            (
                "rust",
                &[1, 2, 3, 4],
                "title, then tags (newest first), then bodies",
            ),
            (
                "编译",
                &[1, 2, 3],
                "CJK pair: title first, then body matches by date",
            ),
            ("编", &[1, 2, 3], "one CJK character"),
            ("译器", &[3], "a pair from the middle of a run"),
            ("编译器", &[3], "all pairs of a run are required"),
            ("rust 编译", &[1, 2, 3], "mixed query, AND"),
            ("Rust editor", &[3], "every term required"),
            (
                "stat",
                &[0, 4],
                "prefix: title match, then the older title-and-tag match",
            ),
            ("stat ", &[], "a finished word is exact"),
            (
                "static",
                &[0, 4],
                "title beats tag, recency breaks the tie otherwise",
            ),
            ("static host", &[0], "prefix as the last word, AND"),
            ("newest", &[0], "body only"),
            ("ＲＵＳＴ", &[1, 2, 3, 4], "full-width query"),
            ("missing", &[], "no match"),
            ("rust missing", &[], "one missing term empties the result"),
            ("🎉", &[], "nothing to search"),
        ];
        for shard_bytes in [64, 24 * 1024] {
            let index = index(shard_bytes);
            for (text, expected, what) in cases {
                assert_eq!(
                    search(&index, text),
                    *expected,
                    "{what}: {text:?} ({shard_bytes}-byte shards)"
                );
            }
        }
    }

    #[test]
    fn hits_count_where_each_term_was_found() {
        let index = index(24 * 1024);
        let shards: Vec<Shard> = index
            .shards
            .iter()
            .map(|json| Shard::from_json(json).unwrap())
            .collect();
        let hits = Plan::new(&index.meta, &Query::parse("rust 编译"))
            .run(|i| shards.get(i))
            .unwrap();
        assert_eq!(
            (hits[0].in_title, hits[0].in_tags, hits[0].in_body),
            (2, 0, 0)
        );
        assert_eq!(
            (hits[1].in_title, hits[1].in_tags, hits[1].in_body),
            (0, 1, 1)
        );
    }

    #[test]
    fn a_missing_shard_is_an_error_not_an_empty_result() {
        let index = index(64);
        let plan = Plan::new(&index.meta, &Query::parse("rust"));
        assert!(matches!(
            plan.run(|_| None),
            Err(SearchIndexError::MissingShard(_))
        ));
    }

    #[test]
    fn short_prefixes_spread_over_many_shards_match_whole_words_only() {
        let meta = Meta::from_json(
            r#"{"version":1,"posts":1,"stamp":"","build":"b","first":["","sa","sb","sc","sd","t"]}"#,
        )
        .unwrap();
        let cases: &[(&str, &[usize])] = &[
            ("s", &[0]),
            ("s ", &[0]),
            ("sb", &[2]),
            ("sb tea", &[2, 5]),
            ("tea sc", &[3, 5]),
            ("tea", &[5]),
        ];
        for (text, shards) in cases {
            assert_eq!(
                Plan::new(&meta, &Query::parse(text)).shards(),
                *shards,
                "{text}"
            );
        }
    }
}
