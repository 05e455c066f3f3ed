//! The files of the search index and how they are read.
//!
//! ```text
//! search/meta.json               {"version":2,"posts":6,"build":"…","per_dir":256,"per_docs":64,
//!                                 "dirs":[""],"first":["","m"]}
//! search/dir-<build>-<j>.json    ["m","mo","n",…]
//! search/shard-<build>-<i>.json  {"folio":[1,13],"rust":[9,18,20],"the":"AQ.AQ.__8",…}
//! search/docs-<build>-<k>.json   ["2025/hello","b",…]
//! ```
//!
//! Shards hold consecutive ranges of the sorted terms, so one term lives in exactly one shard and
//! the terms sharing a prefix sit in one shard or a few neighbouring ones. Which shard is found in
//! two steps, so that the file every search starts with stays small however large the site is:
//! - `meta.json` names the first term of each *directory* (`dirs`);
//! - directory `j` (`dir-<build>-<j>.json`) names the first term of each of its shards, up to
//!   `per_dir` of them: shard `j * per_dir + i` starts at its entry `i`. When there is only one
//!   directory, `meta.json` carries it as `first` and there is no directory file.
//!
//! A shard maps each term to its postings ([`super::postings`]). Posts are numbered by their
//! position in the manifest (newest first), and `docs-<build>-<k>.json` lists the paths of posts
//! `k * per_docs` to `(k + 1) * per_docs - 1`, so a result leads to the post's own file
//! (`posts/<path>/post.json`) without any list of every post.
//!
//! `build` is a hash of every shard and docs file, part of every file name but the meta file's:
//! those files can be cached forever, and a page never mixes files of two builds.

use std::collections::BTreeMap;
use std::ops::{Bound, Range};

use serde::{Deserialize, Serialize};

use super::postings::{Encoded, Posting};
use super::query::Query;
use crate::json::{self, JsonError, VersionedError};

/// The search index format this build writes and reads.
pub const SEARCH_INDEX_VERSION: u32 = 2;

/// Shards a directory file names: about 2 KB of first terms. With shards of
/// [`super::DEFAULT_SHARD_BYTES`], one directory covers 6 MB of index, and `meta.json` has one
/// entry per directory.
pub const SHARDS_PER_DIR: usize = 256;

/// Posts a docs file lists: about 2 KB of paths, so the ten results of a page cost at most ten
/// such files even when they are far apart.
pub const POSTS_PER_DOCS: usize = 64;

/// The term occurs in the post's title.
pub const FIELD_TITLE: u8 = 1;
/// The term occurs in one of the post's tags.
pub const FIELD_TAGS: u8 = 2;
/// The term occurs in the post's description or body.
pub const FIELD_BODY: u8 = 4;

pub(crate) const FIELD_BITS: u32 = 3;

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
    /// A search needed a directory the caller did not provide.
    #[error("directory {0} of the search index is not loaded")]
    MissingDir(usize),
    /// A search needed a shard the caller did not provide.
    #[error("shard {0} of the search index is not loaded")]
    MissingShard(usize),
}

fn invalid(what: &str) -> SearchIndexError {
    SearchIndexError::Invalid(what.to_owned())
}

/// A JSON file of the index that is not what it should be.
fn invalid_json(err: JsonError) -> SearchIndexError {
    SearchIndexError::Invalid(err.to_string())
}

/// The position in `firsts` (ascending first terms) of the range that holds `term`.
fn containing(firsts: &[String], term: &str) -> usize {
    firsts
        .partition_point(|first| first.as_str() <= term)
        .saturating_sub(1)
}

/// `search/meta.json`: what the app fetches first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Always [`SEARCH_INDEX_VERSION`] when written by this build.
    pub version: u32,
    /// Number of posts indexed: the manifest's posts, numbered from 0 in its order.
    pub posts: u32,
    /// Hash of all shard and docs files, part of their names.
    pub build: String,
    /// Shards per directory ([`SHARDS_PER_DIR`] when written by this build).
    pub per_dir: u32,
    /// Posts per docs file ([`POSTS_PER_DOCS`] when written by this build).
    pub per_docs: u32,
    /// The smallest term of each directory, ascending; the first is always `""`.
    pub dirs: Vec<String>,
    /// Directory 0 when it is the only one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Vec<String>>,
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
        let read = json::read_versioned(json, SEARCH_INDEX_VERSION, |mut object| {
            Ok(Self {
                version: SEARCH_INDEX_VERSION,
                posts: object.required("posts")?,
                build: object.required("build")?,
                per_dir: object.required("per_dir")?,
                per_docs: object.required("per_docs")?,
                dirs: object.required("dirs")?,
                first: object.optional("first")?,
            })
        });
        let meta = read.map_err(|err| match err {
            VersionedError::Invalid(err) => invalid_json(err),
            VersionedError::Version { found, expected } => {
                SearchIndexError::Version { found, expected }
            }
        })?;
        if meta.dirs.first().map(String::as_str) != Some("") || !ascending(&meta.dirs) {
            return Err(invalid("directory boundaries are not ascending from \"\""));
        }
        // A prefix that fills more than MAX_PREFIX_SHARDS shards is looked up whole, so it
        // never needs more than two neighbouring directories.
        if usize::try_from(meta.per_dir).unwrap_or(0) <= super::MAX_PREFIX_SHARDS
            || meta.per_docs == 0
        {
            return Err(invalid("directories or docs files are too small"));
        }
        match &meta.first {
            Some(first) if meta.dirs.len() == 1 => {
                meta.check_dir(0, first)?;
            }
            None if meta.dirs.len() > 1 => {}
            _ => {
                return Err(invalid(
                    "directory 0 must be inline exactly when it is the only one",
                ));
            }
        }
        Ok(meta)
    }

    /// Compact JSON.
    pub fn to_json(&self) -> String {
        // Plain strings and numbers always serialize.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The directory that holds `term`.
    pub fn dir_of(&self, term: &str) -> usize {
        containing(&self.dirs, term)
    }

    /// The directories a search for `query` needs before [`super::Plan::new`], ascending, each
    /// once: each term's own, and for a prefix the next one when it starts with the prefix too.
    ///
    /// ```
    /// let meta = folio_core::search::Meta::from_json(
    ///     r#"{"version":2,"posts":0,"build":"b","per_dir":4,"per_docs":1,"dirs":["","m","ma","n"]}"#)?;
    /// let dirs = |q| meta.dirs_for(&folio_core::search::Query::parse(q));
    /// assert_eq!(dirs("apple rust"), [0, 3]);
    /// assert_eq!(dirs("m"), [1, 2]);
    /// assert_eq!(dirs("m "), [1]);
    /// # Ok::<(), folio_core::search::SearchIndexError>(())
    /// ```
    pub fn dirs_for(&self, query: &Query) -> Vec<usize> {
        let mut dirs = Vec::new();
        for term in &query.terms {
            let dir = self.dir_of(&term.text);
            let next = self
                .dirs
                .get(dir + 1)
                .filter(|first| term.prefix && first.starts_with(&term.text))
                .map(|_| dir + 1);
            for dir in std::iter::once(dir).chain(next) {
                if let Err(at) = dirs.binary_search(&dir) {
                    dirs.insert(at, dir);
                }
            }
        }
        dirs
    }

    /// Directory `j` if `meta.json` carries it (the index has only that one).
    pub fn inline_dir(&self, j: usize) -> Option<Directory> {
        let first = self.first.clone().filter(|_| j == 0)?;
        Some(Directory { index: 0, first })
    }

    /// File name of directory `j`, relative to the `search/` folder.
    pub fn dir_file(&self, j: usize) -> String {
        dir_file(&self.build, j)
    }

    /// Reads directory `j`'s file.
    pub fn read_dir(&self, j: usize, json: &str) -> Result<Directory, SearchIndexError> {
        let first: Vec<String> = json::read(json).map_err(invalid_json)?;
        self.check_dir(j, &first)?;
        Ok(Directory { index: j, first })
    }

    fn check_dir(&self, j: usize, first: &[String]) -> Result<(), SearchIndexError> {
        // Every directory but the last is full, so shard numbers run on from one to the next.
        let per_dir = usize::try_from(self.per_dir).unwrap_or(0);
        let fits = if j + 1 < self.dirs.len() {
            first.len() == per_dir
        } else {
            first.len() <= per_dir
        };
        let starts = first
            .first()
            .zip(self.dirs.get(j))
            .is_some_and(|(a, b)| a == b);
        let ends = match (first.last(), self.dirs.get(j + 1)) {
            (Some(last), Some(next)) => last < next,
            _ => true,
        };
        if fits && starts && ends && ascending(first) {
            Ok(())
        } else {
            Err(SearchIndexError::Invalid(format!(
                "directory {j} does not fit the meta file"
            )))
        }
    }

    /// The shard that holds `term`, from its directory (which `dirs` must hold).
    pub fn shard_of(
        &self,
        dirs: &[impl AsRef<Directory>],
        term: &str,
    ) -> Result<usize, SearchIndexError> {
        let j = self.dir_of(term);
        let dir = loaded(dirs, j)?;
        Ok(self.first_shard(j) + containing(&dir.first, term))
    }

    /// The shards that hold every term starting with `prefix`: the shard `prefix` itself would
    /// be in, and the following shards whose first term still starts with it, up to
    /// `MAX_PREFIX_SHARDS + 1` of them (more only means too many). `dirs` must hold
    /// [`Meta::dirs_for`]'s directories.
    pub fn prefix_shards(
        &self,
        dirs: &[impl AsRef<Directory>],
        prefix: &str,
    ) -> Result<Range<usize>, SearchIndexError> {
        let j = self.dir_of(prefix);
        let dir = loaded(dirs, j)?;
        let at = containing(&dir.first, prefix);
        let start = self.first_shard(j) + at;
        let starts = |first: &&String| first.starts_with(prefix);
        let mut more = dir
            .first
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(starts)
            .count();
        let next_starts = self
            .dirs
            .get(j + 1)
            .is_some_and(|first| first.starts_with(prefix));
        if at + 1 + more == dir.first.len() && next_starts {
            let next = loaded(dirs, j + 1)?;
            more += next.first.iter().take_while(starts).count();
        }
        let cap = super::MAX_PREFIX_SHARDS + 1;
        Ok(start..start + (1 + more).min(cap))
    }

    fn first_shard(&self, j: usize) -> usize {
        j * usize::try_from(self.per_dir).unwrap_or(0)
    }

    /// Number of shards, from the number of directories and the last one.
    pub fn shard_count(&self, last: &Directory) -> usize {
        self.first_shard(last.index) + last.first.len()
    }

    /// File name of shard `i`, relative to the `search/` folder.
    pub fn shard_file(&self, i: usize) -> String {
        shard_file(&self.build, i)
    }

    /// The docs file that lists post `doc`, and where in it.
    pub fn docs_of(&self, doc: u32) -> (usize, usize) {
        let per = self.per_docs.max(1);
        // Post numbers are below `posts`, a u32: both always fit.
        let at = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
        (at(doc / per), at(doc % per))
    }

    /// File name of docs file `k`, relative to the `search/` folder.
    pub fn docs_file(&self, k: usize) -> String {
        docs_file(&self.build, k)
    }
}

fn loaded(dirs: &[impl AsRef<Directory>], j: usize) -> Result<&Directory, SearchIndexError> {
    dirs.iter()
        .map(AsRef::as_ref)
        .find(|dir| dir.index == j)
        .ok_or(SearchIndexError::MissingDir(j))
}

fn ascending(terms: &[String]) -> bool {
    terms.windows(2).all(|pair| pair[0] < pair[1])
}

/// One directory: the first term of each of its shards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    index: usize,
    first: Vec<String>,
}

/// So the app can hand over the directories it keeps (`Arc<Directory>`) without copying them.
impl AsRef<Directory> for Directory {
    fn as_ref(&self) -> &Directory {
        self
    }
}

/// Reads a docs file: the paths of the posts it lists.
pub fn read_docs(json: &str) -> Result<Vec<String>, SearchIndexError> {
    json::read(json).map_err(invalid_json)
}

/// File name of directory `j` of build `build`.
pub(crate) fn dir_file(build: &str, j: usize) -> String {
    format!("dir-{build}-{j}.json")
}

/// File name of shard `i` of build `build`.
pub(crate) fn shard_file(build: &str, i: usize) -> String {
    format!("shard-{build}-{i}.json")
}

/// File name of docs file `k` of build `build`.
pub(crate) fn docs_file(build: &str, k: usize) -> String {
    format!("docs-{build}-{k}.json")
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

/// One shard: terms and their encoded postings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shard {
    terms: BTreeMap<String, Encoded>,
}

impl Shard {
    /// Reads a shard file.
    pub fn from_json(json: &str) -> Result<Self, SearchIndexError> {
        json::read(json)
            .map(|terms| Self { terms })
            .map_err(invalid_json)
    }

    /// The postings of `term`; `None` when no post has it.
    pub fn postings(&self, term: &str) -> Option<Result<Vec<Posting>, SearchIndexError>> {
        self.terms.get(term).map(Encoded::decode)
    }

    /// The encoded postings of every term of this shard that starts with `prefix`.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Encoded> + 'a {
        self.terms
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(move |(term, _)| term.starts_with(prefix))
            .map(|(_, postings)| postings)
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
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// An index whose shards start at `firsts`, four shards to a directory, and its
    /// directories as a search would have loaded them.
    fn index(firsts: &[&str]) -> (Meta, Vec<Directory>) {
        let firsts: Vec<String> = firsts.iter().map(|s| (*s).to_owned()).collect();
        let chunks: Vec<Vec<String>> = firsts.chunks(4).map(<[String]>::to_vec).collect();
        let dirs: Vec<String> = chunks.iter().map(|chunk| chunk[0].clone()).collect();
        let meta = Meta {
            version: SEARCH_INDEX_VERSION,
            posts: 0,
            build: "b".to_owned(),
            per_dir: 4,
            per_docs: 2,
            first: (dirs.len() == 1).then(|| firsts.clone()),
            dirs,
        };
        let meta = Meta::from_json(&meta.to_json()).unwrap();
        let loaded = chunks
            .iter()
            .enumerate()
            .map(|(j, chunk)| {
                meta.read_dir(j, &serde_json::to_string(chunk).unwrap())
                    .unwrap()
            })
            .collect();
        (meta, loaded)
    }

    #[test]
    fn shard_assignment_table() {
        let (meta, dirs) = index(&["", "ca", "cat", "do", "书"]);
        assert_eq!(meta.dirs, ["", "书"]);
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
            assert_eq!(meta.shard_of(&dirs, term), Ok(shard), "{term}");
        }
        assert_eq!(meta.shard_count(&dirs[1]), 5);
        assert_eq!(
            meta.shard_of(&dirs[..1], "雨"),
            Err(SearchIndexError::MissingDir(1))
        );
    }

    #[test]
    fn prefix_ranges_table_across_directories() {
        let (meta, dirs) = index(&["", "b", "ca", "cat", "cats", "cd", "d", "e", "f"]);
        let cases = [
            ("a", 0..1),
            ("b", 1..2),
            ("c", 1..5),
            ("ca", 2..5),
            ("cat", 3..5),
            ("cats", 4..5),
            ("cd", 5..6),
            ("d", 6..7),
            ("z", 8..9),
        ];
        for (prefix, shards) in cases {
            assert_eq!(meta.prefix_shards(&dirs, prefix), Ok(shards), "{prefix}");
        }
        // `ca` runs on into directory 1, which a search for it loads.
        let query = Query::parse("ca");
        assert_eq!(meta.dirs_for(&query), [0, 1]);
        assert_eq!(
            meta.prefix_shards(&dirs[..1], "ca"),
            Err(SearchIndexError::MissingDir(1))
        );
    }

    #[test]
    fn meta_round_trips_and_rejects_bad_boundaries() {
        let (good, _) = index(&["", "m"]);
        assert_eq!(Meta::from_json(&good.to_json()), Ok(good.clone()));
        let with = |change: &dyn Fn(&mut Meta)| {
            let mut meta = good.clone();
            change(&mut meta);
            Meta::from_json(&meta.to_json())
        };
        let broken: [&dyn Fn(&mut Meta); 7] = [
            &|meta| meta.dirs.clear(),
            &|meta| meta.dirs = vec!["a".to_owned()],
            &|meta| meta.first = None,
            &|meta| meta.first = Some(vec!["".to_owned(), "m".to_owned(), "c".to_owned()]),
            &|meta| meta.dirs.push("z".to_owned()),
            &|meta| meta.per_dir = 3,
            &|meta| meta.per_docs = 0,
        ];
        for (i, change) in broken.iter().enumerate() {
            assert!(
                matches!(with(change), Err(SearchIndexError::Invalid(_))),
                "{i}"
            );
        }
        assert!(matches!(
            Meta::from_json("[]"),
            Err(SearchIndexError::Invalid(_))
        ));
    }

    #[test]
    fn a_directory_must_fit_its_place() {
        let (meta, _) = index(&["", "b", "c", "d", "e", "f"]);
        assert!(meta.read_dir(0, r#"["","b","c","d"]"#).is_ok());
        assert!(meta.read_dir(1, r#"["e","f"]"#).is_ok());
        for (j, json) in [
            (0, r#"["","b","c"]"#),
            (0, r#"["","b","c","e"]"#),
            (0, r#"["","c","b","d"]"#),
            (1, r#"["f"]"#),
            (1, r#"["e","f","g","h","i"]"#),
            (1, r#"{"e":1}"#),
        ] {
            assert!(meta.read_dir(j, json).is_err(), "{j} {json}");
        }
    }

    #[test]
    fn posts_are_found_in_their_docs_file() {
        let (meta, _) = index(&[""]);
        assert_eq!(meta.docs_of(0), (0, 0));
        assert_eq!(meta.docs_of(3), (1, 1));
        assert_eq!(meta.docs_file(1), "docs-b-1.json");
        assert_eq!(read_docs(r#"["a","b/c"]"#).unwrap(), ["a", "b/c"]);
        assert!(read_docs(r#"[1]"#).is_err());
    }

    #[test]
    fn shards_read_terms_and_prefixes() -> Result<(), SearchIndexError> {
        let shard =
            Shard::from_json(r#"{"cat":[9],"catalog":[17,12],"dog":[10],"the":"AQ.AQ.Aw"}"#)?;
        assert_eq!(
            shard.postings("cat").transpose()?,
            Some(vec![Posting { doc: 1, fields: 1 }])
        );
        assert_eq!(
            shard.postings("the").transpose()?,
            Some(vec![
                Posting { doc: 0, fields: 7 },
                Posting { doc: 1, fields: 4 }
            ])
        );
        assert_eq!(shard.postings("ca"), None);
        assert_eq!(shard.with_prefix("cat").count(), 2);
        assert_eq!(shard.with_prefix("d").count(), 1);
        assert_eq!(shard.with_prefix("e").count(), 0);
        assert!(Shard::from_json(r#"{"cat":{}}"#).is_err());
        Ok(())
    }
}
