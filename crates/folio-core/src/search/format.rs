//! The files of the search index and how they are read: `search/meta.json` and the shards.
//!
//! ```text
//! search/meta.json                 {"version":1,"posts":6,"stamp":"…","build":"…","first":["","m"]}
//! search/shard-<build>-<i>.json    {"folio":[1,13],"rust":[9,18,20],"书店":[4],…}
//! ```
//!
//! `first[i]` is the smallest term in shard `i` (`""` for shard 0): shards hold consecutive
//! ranges of the sorted terms, so one term lives in exactly one shard, found by binary search,
//! and the terms sharing a prefix sit in one shard or a few neighbouring ones. `build` is a hash
//! of every shard's content, so shard files can be cached forever and a page never mixes shards
//! of two builds. `stamp` fingerprints the manifest's post order: documents are numbered by their
//! position in `posts/index.json`, which the app already has, so the index carries no titles or
//! URLs of its own.
//!
//! A postings list is a JSON array of numbers, one per post containing the term, in post order:
//! `(post - previous post) << 3 | fields`, the first post counted from 0. `fields` has a bit for
//! each place the term occurs: [`FIELD_TITLE`], [`FIELD_TAGS`], [`FIELD_BODY`]. Deltas keep the
//! numbers short; JSON keeps the files readable and needs no decoder beyond the one the app has.

use std::collections::BTreeMap;
use std::ops::{Bound, Range};

use serde::{Deserialize, Serialize};

/// The search index format this build writes and reads.
pub const SEARCH_INDEX_VERSION: u32 = 1;

/// The term occurs in the post's title.
pub const FIELD_TITLE: u8 = 1;
/// The term occurs in one of the post's tags.
pub const FIELD_TAGS: u8 = 2;
/// The term occurs in the post's description or body.
pub const FIELD_BODY: u8 = 4;

const FIELD_BITS: u32 = 3;

/// Why a search index file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchIndexError {
    /// Not JSON, or JSON of the wrong shape, or numbers out of range.
    #[error("the search index is not valid: {0}")]
    Invalid(String),
    /// Written by a Folio whose format this build does not know.
    #[error("the search index has format version {found}, but this app reads version {expected}")]
    Version {
        /// The version the file declares.
        found: u64,
        /// [`SEARCH_INDEX_VERSION`].
        expected: u32,
    },
    /// Written for another list of posts than the manifest at hand (a new build was deployed
    /// while the page was open).
    #[error("the search index was built for a different list of posts; reload the page")]
    Stale,
    /// A search needed a shard the caller did not provide.
    #[error("shard {0} of the search index is not loaded")]
    MissingShard(usize),
}

/// `search/meta.json`: what the app fetches first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Always [`SEARCH_INDEX_VERSION`] when written by this build.
    pub version: u32,
    /// Number of posts indexed: the manifest's posts, numbered from 0 in its order.
    pub posts: u32,
    /// [`stamp`] of the manifest's slugs the index was built for.
    pub stamp: String,
    /// Hash of all shards, part of every shard's file name.
    pub build: String,
    /// The smallest term of each shard, ascending; the first is always `""`.
    pub first: Vec<String>,
}

impl Meta {
    /// Reads `meta.json`, checking the version before the shape.
    ///
    /// ```
    /// use folio_core::search::{Meta, SearchIndexError};
    /// let err = Meta::from_json(r#"{"version": 7}"#).unwrap_err();
    /// assert!(matches!(err, SearchIndexError::Version { found: 7, .. }));
    /// ```
    pub fn from_json(json: &str) -> Result<Self, SearchIndexError> {
        #[derive(Deserialize)]
        struct Versioned {
            version: u64,
        }
        let invalid = |err: serde_json::Error| SearchIndexError::Invalid(err.to_string());
        let versioned: Versioned = serde_json::from_str(json).map_err(invalid)?;
        if versioned.version != u64::from(SEARCH_INDEX_VERSION) {
            return Err(SearchIndexError::Version {
                found: versioned.version,
                expected: SEARCH_INDEX_VERSION,
            });
        }
        let meta: Self = serde_json::from_str(json).map_err(invalid)?;
        let sorted = meta.first.windows(2).all(|pair| pair[0] < pair[1]);
        if meta.first.first().map(String::as_str) != Some("") || !sorted {
            return Err(SearchIndexError::Invalid(
                "shard boundaries are not ascending from \"\"".to_owned(),
            ));
        }
        Ok(meta)
    }

    /// Compact JSON.
    pub fn to_json(&self) -> String {
        // Plain strings and numbers always serialize.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks that the index was built for the post numbering at hand: `stamp` is
    /// [`crate::Manifest::stamp`] as a home page file or the manifest carries it.
    pub fn check_stamp(&self, stamp: &str) -> Result<(), SearchIndexError> {
        if stamp == self.stamp {
            Ok(())
        } else {
            Err(SearchIndexError::Stale)
        }
    }

    /// Number of shards (at least one).
    pub fn shard_count(&self) -> usize {
        self.first.len().max(1)
    }

    /// File name of shard `i`, relative to the `search/` folder.
    pub fn shard_file(&self, i: usize) -> String {
        shard_file(&self.build, i)
    }

    /// The shard that holds `term`, if the index has it.
    ///
    /// ```
    /// let meta = folio_core::search::Meta::from_json(
    ///     r#"{"version":1,"posts":0,"stamp":"","build":"b","first":["","m","书"]}"#)?;
    /// assert_eq!((meta.shard_of("apple"), meta.shard_of("m"), meta.shard_of("rust")), (0, 1, 1));
    /// assert_eq!(meta.shard_of("书店"), 2);
    /// # Ok::<(), folio_core::search::SearchIndexError>(())
    /// ```
    pub fn shard_of(&self, term: &str) -> usize {
        self.first
            .partition_point(|first| first.as_str() <= term)
            .saturating_sub(1)
    }

    /// The shards that hold every term starting with `prefix`: the shard `prefix` itself would
    /// be in, and the following shards whose first term still starts with it.
    pub fn prefix_shards(&self, prefix: &str) -> Range<usize> {
        let start = self.shard_of(prefix);
        let more = self
            .first
            .get(start + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|first| first.starts_with(prefix))
            .count();
        start..start + 1 + more
    }
}

/// File name of shard `i` of build `build`.
pub(crate) fn shard_file(build: &str, i: usize) -> String {
    format!("shard-{build}-{i}.json")
}

/// A fingerprint of the posts' slugs in order (64-bit FNV-1a, as 16 hex digits).
///
/// ```
/// use folio_core::search::stamp;
/// assert_eq!(stamp(["a", "b"]), stamp(["a", "b"]));
/// assert_ne!(stamp(["a", "b"]), stamp(["b", "a"]));
/// assert_ne!(stamp(["ab"]), stamp(["a", "b"]));
/// ```
pub fn stamp<'a>(slugs: impl IntoIterator<Item = &'a str>) -> String {
    use std::hash::Hasher as _;
    let mut hash = Fnv::default();
    for slug in slugs {
        hash.write(slug.as_bytes());
        hash.write(b"\n");
    }
    hash.hex()
}

/// 64-bit FNV-1a: tiny, stable across builds and platforms, good enough to tell files apart.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub(crate) fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

/// Also the hasher of the index builder's maps: much faster than the default SipHash on short
/// terms, and the terms come from the site's own posts, not from an attacker.
impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One post in a postings list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The post's position in the manifest.
    pub doc: u32,
    /// Where the term occurs: [`FIELD_TITLE`] | [`FIELD_TAGS`] | [`FIELD_BODY`].
    pub fields: u8,
}

/// Encodes postings sorted by post (see the module docs).
pub fn encode_postings(postings: &[Posting]) -> Vec<u64> {
    let mut previous = 0;
    postings
        .iter()
        .map(|posting| {
            let delta = u64::from(posting.doc - previous);
            previous = posting.doc;
            (delta << FIELD_BITS) | u64::from(posting.fields & 0b111)
        })
        .collect()
}

/// Decodes a postings list; an error when a post number leaves the `u32` range.
///
/// ```
/// use folio_core::search::format::{decode_postings, encode_postings, Posting};
/// let postings = [Posting { doc: 2, fields: 1 }, Posting { doc: 9, fields: 6 }];
/// assert_eq!(encode_postings(&postings), [17, 62]);
/// assert_eq!(decode_postings(&[17, 62])?, postings);
/// # Ok::<(), folio_core::search::SearchIndexError>(())
/// ```
pub fn decode_postings(encoded: &[u64]) -> Result<Vec<Posting>, SearchIndexError> {
    let mut doc: u32 = 0;
    encoded
        .iter()
        .map(|&value| {
            let delta = u32::try_from(value >> FIELD_BITS).ok();
            doc = delta
                .and_then(|delta| doc.checked_add(delta))
                .ok_or_else(|| {
                    SearchIndexError::Invalid(format!("postings entry {value} is out of range"))
                })?;
            Ok(Posting {
                doc,
                // Three bits always fit a u8.
                fields: u8::try_from(value & 0b111).unwrap_or_default(),
            })
        })
        .collect()
}

/// One shard: terms and their encoded postings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shard {
    terms: BTreeMap<String, Vec<u64>>,
}

impl Shard {
    /// Reads a shard file.
    pub fn from_json(json: &str) -> Result<Self, SearchIndexError> {
        serde_json::from_str(json)
            .map(|terms| Self { terms })
            .map_err(|err| SearchIndexError::Invalid(err.to_string()))
    }

    /// The postings of `term`; `None` when no post has it.
    pub fn postings(&self, term: &str) -> Option<Result<Vec<Posting>, SearchIndexError>> {
        self.terms.get(term).map(|encoded| decode_postings(encoded))
    }

    /// Every term of this shard that starts with `prefix`, with its encoded postings.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a [u64]> + 'a {
        self.terms
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(move |(term, _)| term.starts_with(prefix))
            .map(|(_, postings)| postings.as_slice())
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the shard has no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(first: &[&str]) -> Meta {
        Meta {
            version: SEARCH_INDEX_VERSION,
            posts: 0,
            stamp: String::new(),
            build: "b".to_owned(),
            first: first.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn shard_assignment_table() {
        let meta = meta(&["", "ca", "cat", "do", "书"]);
        let cases = [
            ("", 0),
            ("a", 0),
            ("c", 0),
            ("ca", 1),
            ("cab", 1),
            ("cat", 2),
            ("catalog", 2),
            ("dog", 3),
            ("zebra", 3),
            ("书", 4),
            ("书店", 4),
            ("雨", 4),
        ];
        for (term, shard) in cases {
            assert_eq!(meta.shard_of(term), shard, "{term}");
        }
    }

    #[test]
    fn prefix_ranges_table() {
        let meta = meta(&["", "ca", "cat", "cats", "do"]);
        let cases = [
            ("b", 0..1),
            ("c", 0..4),
            ("ca", 1..4),
            ("cat", 2..4),
            ("cats", 3..4),
            ("d", 3..5),
            ("do", 4..5),
            ("z", 4..5),
        ];
        for (prefix, shards) in cases {
            assert_eq!(meta.prefix_shards(prefix), shards, "{prefix}");
        }
    }

    #[test]
    fn meta_round_trips_and_rejects_bad_boundaries() {
        let good = meta(&["", "m"]);
        assert_eq!(Meta::from_json(&good.to_json()), Ok(good));
        for first in [&[][..], &["a"], &["", "m", "c"], &["", "m", "m"]] {
            let json = meta(first).to_json();
            assert!(
                matches!(Meta::from_json(&json), Err(SearchIndexError::Invalid(_))),
                "{first:?}"
            );
        }
        assert!(matches!(
            Meta::from_json("[]"),
            Err(SearchIndexError::Invalid(_))
        ));
    }

    #[test]
    fn postings_reject_out_of_range_numbers() {
        let too_far = [(u64::from(u32::MAX) << FIELD_BITS) | 1, 1 << FIELD_BITS];
        assert!(matches!(
            decode_postings(&too_far),
            Err(SearchIndexError::Invalid(_))
        ));
        assert!(decode_postings(&[u64::MAX]).is_err());
    }

    #[test]
    fn shards_read_terms_and_prefixes() -> Result<(), SearchIndexError> {
        let shard = Shard::from_json(r#"{"cat":[9],"catalog":[17,12],"dog":[10]}"#)?;
        assert_eq!(
            shard.postings("cat").transpose()?,
            Some(vec![Posting { doc: 1, fields: 1 }])
        );
        assert_eq!(shard.postings("ca"), None);
        assert_eq!(shard.with_prefix("cat").count(), 2);
        assert_eq!(shard.with_prefix("d").count(), 1);
        assert_eq!(shard.with_prefix("e").count(), 0);
        assert!(Shard::from_json(r#"{"cat":"x"}"#).is_err());
        Ok(())
    }
}
