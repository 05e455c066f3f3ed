//! Answering a query from the shards: which shards to fetch, which posts match, in what order.
//!
//! Every term must match (AND). Posts are ranked by where their terms occur: more terms in the
//! title first, then more terms in the tags, then the newest post (the lowest number, since
//! posts are numbered in manifest order, newest first). A term counts for the best place it
//! occurs in, so a single-word query lists title matches, then tag matches, then body matches,
//! each newest first.

use std::ops::Range;

use super::format::{Directory, FIELD_TAGS, FIELD_TITLE, Meta, SearchIndexError, Shard};
use super::postings::Posting;
use super::query::{MAX_TERMS, Query, Term};

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
    /// Posts in the index, to bound post numbers read from shards.
    posts: u32,
}

impl Plan {
    /// Plans `query` against the index described by `meta`, whose directories `dirs` must hold
    /// those [`Meta::dirs_for`] names.
    ///
    /// ```
    /// use folio_core::search::{Meta, Plan, Query};
    /// let meta = Meta::from_json(r#"{"version":2,"posts":9,"build":"b","per_dir":256,
    ///     "per_docs":64,"dirs":[""],"first":["","m","s","t"]}"#)?;
    /// let dirs = [meta.inline_dir(0).unwrap()];
    /// assert_eq!(Plan::new(&meta, &dirs, &Query::parse("apple rust"))?.shards(), [0, 1]);
    /// assert_eq!(Plan::new(&meta, &dirs, &Query::parse("st"))?.shards(), [2]);
    /// # Ok::<(), folio_core::search::SearchIndexError>(())
    /// ```
    pub fn new(
        meta: &Meta,
        dirs: &[impl AsRef<Directory>],
        query: &Query,
    ) -> Result<Self, SearchIndexError> {
        let lookups = query
            .terms
            .iter()
            .map(|term| {
                if term.prefix {
                    let prefix_shards = meta.prefix_shards(dirs, &term.text)?;
                    if prefix_shards.len() <= MAX_PREFIX_SHARDS {
                        return Ok((term.clone(), prefix_shards));
                    }
                }
                let shard = meta.shard_of(dirs, &term.text)?;
                let exact = Term {
                    text: term.text.clone(),
                    prefix: false,
                };
                Ok((exact, shard..shard + 1))
            })
            .collect::<Result<_, SearchIndexError>>()?;
        Ok(Self {
            lookups,
            posts: meta.posts,
        })
    }

    /// The shards to have loaded before [`Plan::run`], ascending, each once.
    pub fn shards(&self) -> Vec<usize> {
        let mut shards = Vec::new();
        for i in self.lookups.iter().flat_map(|(_, range)| range.clone()) {
            if let Err(at) = shards.binary_search(&i) {
                shards.insert(at, i);
            }
        }
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
            let list = if term.prefix {
                let mut fields = vec![0_u8; usize::try_from(self.posts).unwrap_or_default()];
                for i in shards.clone() {
                    let shard = shard(i).ok_or(SearchIndexError::MissingShard(i))?;
                    for encoded in shard.with_prefix(&term.text) {
                        for posting in encoded.decode()? {
                            let slot = usize::try_from(posting.doc)
                                .ok()
                                .and_then(|doc| fields.get_mut(doc))
                                .ok_or_else(|| out_of_range(posting.doc))?;
                            *slot |= posting.fields;
                        }
                    }
                }
                postings_from_fields(&fields)
            } else {
                let shard =
                    shard(shards.start).ok_or(SearchIndexError::MissingShard(shards.start))?;
                match shard.postings(&term.text) {
                    Some(postings) => postings?,
                    None => Vec::new(),
                }
            };
            if list.is_empty() {
                return Ok(Vec::new());
            }
            lists.push(list);
        }
        // Start from the rarest term: the intersection is never larger than it.
        let rarest = (0..lists.len())
            .min_by_key(|&i| lists[i].len())
            .unwrap_or(0);
        lists.swap(0, rarest);
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
        if let Some(last) = hits.last()
            && last.doc >= self.posts
        {
            return Err(out_of_range(last.doc));
        }
        Ok(rank(hits))
    }
}

fn out_of_range(doc: u32) -> SearchIndexError {
    SearchIndexError::Invalid(format!("post {doc} is not in the index"))
}

/// Hits in ranking order: more terms in titles first, then more in tags, then by post (newest
/// first). A counting sort: hits come in post order and the keys are small, so putting each in
/// its bucket keeps that order within a bucket (and keeps a general sort out of the app).
fn rank(hits: Vec<Hit>) -> Vec<Hit> {
    const SIDE: usize = MAX_TERMS + 1;
    let bucket = |hit: &Hit| {
        let title = MAX_TERMS - usize::from(hit.in_title).min(MAX_TERMS);
        let tags = MAX_TERMS - usize::from(hit.in_tags).min(MAX_TERMS);
        title * SIDE + tags
    };
    let mut next = vec![0_usize; SIDE * SIDE + 1];
    for hit in &hits {
        next[bucket(hit) + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let mut ranked = vec![hit(0); hits.len()];
    for found in hits {
        let slot = &mut next[bucket(&found)];
        ranked[*slot] = found;
        *slot += 1;
    }
    ranked
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

/// The posts with any field set, in post order.
fn postings_from_fields(fields: &[u8]) -> Vec<Posting> {
    fields
        .iter()
        .zip(0_u32..)
        .filter(|(fields, _)| **fields != 0)
        .map(|(&fields, doc)| Posting { doc, fields })
        .collect()
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
        for (i, (title, tags, body)) in POSTS.iter().enumerate() {
            let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
            builder.add(&SearchDoc {
                path: &format!("p/{i}"),
                title,
                tags: &tags,
                body,
            });
        }
        builder.finish(shard_bytes)
    }

    /// An index of `posts` posts whose one directory has shards starting at `first`.
    fn meta(posts: u32, first: &[&str]) -> Meta {
        let first: Vec<String> = first.iter().map(|s| (*s).to_owned()).collect();
        let json = serde_json::json!({"version": 2, "posts": posts, "build": "b",
            "per_dir": 256, "per_docs": 64, "dirs": [""], "first": first});
        Meta::from_json(&json.to_string()).unwrap()
    }

    fn search(index: &SearchIndex, text: &str) -> Vec<u32> {
        let shards: Vec<Shard> = index
            .shards
            .iter()
            .map(|json| Shard::from_json(json).unwrap())
            .collect();
        let dirs = index.directories().unwrap();
        Plan::new(&index.meta, &dirs, &Query::parse(text))
            .unwrap()
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
        let dirs = index.directories().unwrap();
        let hits = Plan::new(&index.meta, &dirs, &Query::parse("rust 编译"))
            .unwrap()
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
        let dirs = index.directories().unwrap();
        let plan = Plan::new(&index.meta, &dirs, &Query::parse("rust")).unwrap();
        assert!(matches!(
            plan.run(|_| None),
            Err(SearchIndexError::MissingShard(_))
        ));
    }

    #[test]
    fn post_numbers_beyond_the_index_are_invalid() {
        let meta = meta(2, &[""]);
        let dirs = [meta.inline_dir(0).unwrap()];
        let plan = |text| Plan::new(&meta, &dirs, &Query::parse(text)).unwrap();
        // Post 2 is one too far, in either form.
        let shard = Shard::from_json(r#"{"car":[9],"cat":[1,81],"cow":"..Bw"}"#).unwrap();
        for text in ["cat ", "ca", "car cat", "cow "] {
            let result = plan(text).run(|_| Some(&shard));
            assert!(
                matches!(result, Err(SearchIndexError::Invalid(_))),
                "{text}: {result:?}"
            );
        }
        let fine = plan("car").run(|_| Some(&shard));
        assert_eq!(fine.unwrap().len(), 1);
    }

    #[test]
    fn short_prefixes_spread_over_many_shards_match_whole_words_only() {
        let meta = meta(1, &["", "sa", "sb", "sc", "sd", "t"]);
        let dirs = [meta.inline_dir(0).unwrap()];
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
                Plan::new(&meta, &dirs, &Query::parse(text))
                    .unwrap()
                    .shards(),
                *shards,
                "{text}"
            );
        }
    }
}
