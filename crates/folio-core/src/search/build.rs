//! Building the index: posts in, `meta.json` and shard files out (see [`super::format`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher as _};

use super::format::{
    Directory, FIELD_BODY, FIELD_TAGS, FIELD_TITLE, Fnv, Meta, POSTS_PER_DOCS,
    SEARCH_INDEX_VERSION, SHARDS_PER_DIR, SearchIndexError, dir_file, docs_file, shard_file,
};
use super::postings::{Posting, write_json};
use super::tokenize::for_each_term;

/// Shard size the CLI aims for, in bytes of JSON. A first search fetches `meta.json` (about 20
/// bytes per shard) and usually one shard per query term, so the best size grows with the square
/// root of the index; 24 KiB keeps both parts small from a few hundred to tens of thousands of
/// posts, and a small site has a single shard.
pub const DEFAULT_SHARD_BYTES: usize = 24 * 1024;

/// What is searchable in one post.
#[derive(Debug, Clone, Copy)]
pub struct SearchDoc<'a> {
    /// The post's path, as in its address (`2025/hello`).
    pub path: &'a str,
    /// The title as shown.
    pub title: &'a str,
    /// The tags as written.
    pub tags: &'a [String],
    /// Description and body text (see [`super::text::post_text`]).
    pub body: &'a str,
}

/// Collects the terms of posts added in manifest order (newest first), then writes the files.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// Term to its number in `postings`, so each distinct term is stored once.
    ids: HashMap<String, u32, FnvBuild>,
    postings: Vec<Vec<Posting>>,
    /// Each post's path, in manifest order: the docs files.
    paths: Vec<String>,
}

/// The distinct terms of one post, each with the fields it occurs in: the part of indexing a
/// post that needs no other post, so a build can find the terms of many posts at once (on
/// every core) and add them in manifest order with [`IndexBuilder::add_terms`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocTerms {
    path: String,
    terms: Vec<(String, u8)>,
}

impl DocTerms {
    /// Tokenizes the title, tags and body of `doc`.
    pub fn of(doc: &SearchDoc<'_>) -> Self {
        let mut terms: HashMap<String, u8, FnvBuild> = HashMap::default();
        let mut note = |text: &str, field: u8| {
            for_each_term(text, |term| match terms.get_mut(term) {
                Some(fields) => *fields |= field,
                None => {
                    terms.insert(term.to_owned(), field);
                }
            });
        };
        note(doc.title, FIELD_TITLE);
        for tag in doc.tags {
            note(tag, FIELD_TAGS);
        }
        note(doc.body, FIELD_BODY);
        Self {
            path: doc.path.to_owned(),
            terms: terms.into_iter().collect(),
        }
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// A built index: the meta file and the JSON of every other file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    /// `search/meta.json`.
    pub meta: Meta,
    /// Each directory, in order; none when `meta` carries the only one.
    pub dirs: Vec<String>,
    /// Each shard, in order.
    pub shards: Vec<String>,
    /// Each docs file, in order.
    pub docs: Vec<String>,
}

impl IndexBuilder {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the next post; its number is the count of posts added before it, which must be its
    /// position in the manifest.
    pub fn add(&mut self, doc: &SearchDoc<'_>) {
        self.add_terms(DocTerms::of(doc));
    }

    /// Adds the next post by its terms ([`DocTerms::of`]); numbered as [`IndexBuilder::add`].
    pub fn add_terms(&mut self, terms: DocTerms) {
        let doc = u32::try_from(self.paths.len()).unwrap_or(u32::MAX);
        for (term, fields) in terms.terms {
            let id = self.id(term);
            if let Some(list) = usize::try_from(id)
                .ok()
                .and_then(|id| self.postings.get_mut(id))
            {
                list.push(Posting { doc, fields });
            }
        }
        self.paths.push(terms.path);
    }

    fn id(&mut self, term: String) -> u32 {
        if let Some(&id) = self.ids.get(term.as_str()) {
            return id;
        }
        // More than 4 billion distinct terms cannot come from any blog; saturate rather than panic.
        let id = u32::try_from(self.postings.len()).unwrap_or(u32::MAX);
        self.ids.insert(term, id);
        self.postings.push(Vec::new());
        id
    }

    /// Number of posts added.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether no post was added.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Sorts the terms and cuts them into shards of about `shard_bytes` each (a term whose
    /// postings alone are larger gets a shard of its own), the shards into directories, and the
    /// posts' paths into docs files.
    pub fn finish(self, shard_bytes: usize) -> SearchIndex {
        let mut terms: Vec<(String, u32)> = self.ids.into_iter().collect();
        terms.sort_unstable();
        let mut shards = Vec::new();
        let mut first = vec![String::new()];
        let mut shard = String::from("{");
        let mut entry = String::new();
        for (term, id) in terms {
            let Some(postings) = usize::try_from(id)
                .ok()
                .and_then(|id| self.postings.get(id))
            else {
                continue;
            };
            entry.clear();
            // Terms are letters and digits; serializing a string cannot fail.
            entry.push_str(&serde_json::to_string(&term).unwrap_or_default());
            entry.push(':');
            write_json(&mut entry, postings);
            if shard.len() > 1 && shard.len() + entry.len() + 2 > shard_bytes {
                shard.push('}');
                shards.push(std::mem::replace(&mut shard, String::from("{")));
                first.push(term);
            }
            if shard.len() > 1 {
                shard.push(',');
            }
            shard.push_str(&entry);
        }
        shard.push('}');
        shards.push(shard);
        // Paths are strings; serializing them cannot fail.
        let docs: Vec<String> = self
            .paths
            .chunks(POSTS_PER_DOCS)
            .map(|paths| serde_json::to_string(paths).unwrap_or_default())
            .collect();
        let mut hash = Fnv::default();
        for file in shards.iter().chain(&docs) {
            hash.write(file.as_bytes());
            hash.write(b"\n");
        }
        let groups: Vec<&[String]> = first.chunks(SHARDS_PER_DIR).collect();
        let inline = groups.len() == 1;
        let meta = Meta {
            version: SEARCH_INDEX_VERSION,
            posts: u32::try_from(self.paths.len()).unwrap_or(u32::MAX),
            build: hash.hex()[..8].to_owned(),
            per_dir: u32::try_from(SHARDS_PER_DIR).unwrap_or(u32::MAX),
            per_docs: u32::try_from(POSTS_PER_DOCS).unwrap_or(u32::MAX),
            dirs: groups.iter().map(|group| group[0].clone()).collect(),
            first: inline.then(|| first.clone()),
        };
        let dirs = if inline {
            Vec::new()
        } else {
            groups
                .iter()
                .map(|group| serde_json::to_string(group).unwrap_or_default())
                .collect()
        };
        SearchIndex {
            meta,
            dirs,
            shards,
            docs,
        }
    }
}

impl SearchIndex {
    /// Every file but `meta.json`: its name (relative to `search/`) and JSON.
    pub fn files(&self) -> impl Iterator<Item = (String, &str)> {
        let build = self.meta.build.as_str();
        named(build, dir_file, &self.dirs)
            .chain(named(build, shard_file, &self.shards))
            .chain(named(build, docs_file, &self.docs))
    }

    /// Bytes of all shard files together.
    pub fn shard_bytes(&self) -> usize {
        self.shards.iter().map(String::len).sum()
    }

    /// Every directory, read back as a search reads it.
    pub fn directories(&self) -> Result<Vec<Directory>, SearchIndexError> {
        if self.dirs.is_empty() {
            return Ok(self.meta.inline_dir(0).into_iter().collect());
        }
        self.dirs
            .iter()
            .enumerate()
            .map(|(j, json)| self.meta.read_dir(j, json))
            .collect()
    }
}

/// Files of one kind with their names.
fn named<'a>(
    build: &'a str,
    name: fn(&str, usize) -> String,
    files: &'a [String],
) -> impl Iterator<Item = (String, &'a str)> + 'a {
    files
        .iter()
        .enumerate()
        .map(move |(i, json)| (name(build, i), json.as_str()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::search::Query;
    use crate::search::format::Shard;

    fn build(docs: &[(&str, &[&str], &str)], shard_bytes: usize) -> SearchIndex {
        let mut builder = IndexBuilder::new();
        for (i, (title, tags, body)) in docs.iter().enumerate() {
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

    #[test]
    fn postings_record_every_field_a_term_occurs_in() {
        let index = build(
            &[
                ("Rust notes", &["rust"], "Rust compiles."),
                ("Other", &[], "Nothing about that."),
                ("编译", &["笔记"], "Rust 编译很慢"),
            ],
            DEFAULT_SHARD_BYTES,
        );
        assert_eq!(index.shards.len(), 1);
        let shard = Shard::from_json(&index.shards[0]).unwrap();
        let postings = |term: &str| {
            let list = shard.postings(term)?.unwrap();
            Some(list.iter().map(|p| (p.doc, p.fields)).collect::<Vec<_>>())
        };
        assert_eq!(
            postings("rust"),
            Some(vec![
                (0, FIELD_TITLE | FIELD_TAGS | FIELD_BODY),
                (2, FIELD_BODY)
            ])
        );
        assert_eq!(postings("编译"), Some(vec![(2, FIELD_TITLE | FIELD_BODY)]));
        assert_eq!(postings("笔"), Some(vec![(2, FIELD_TAGS)]));
        assert_eq!(postings("nothing"), Some(vec![(1, FIELD_BODY)]));
        assert_eq!(postings("missing"), None);
        assert_eq!(index.meta.posts, 3);
        assert_eq!(index.meta.first.as_deref(), Some(&[String::new()][..]));
        assert!(index.dirs.is_empty());
        assert_eq!(index.docs, [r#"["p/0","p/1","p/2"]"#]);
    }

    #[test]
    fn shards_split_by_size_keep_terms_sorted_and_name_their_first_term() {
        let body: String = (0..400).map(|i| format!("word{i} ")).collect();
        let index = build(&[("t", &[], &body), ("u", &[], &body)], 512);
        assert!(index.shards.len() > 5, "{}", index.shards.len());
        let dirs = index.directories().unwrap();
        let Some(first) = &index.meta.first else {
            panic!("a few shards have their directory in the meta file");
        };
        for (i, json) in index.shards.iter().enumerate() {
            assert!(json.len() <= 512, "shard {i} has {} bytes", json.len());
            assert!(!Shard::from_json(json).unwrap().is_empty(), "shard {i}");
            assert!(
                i == 0 || json.starts_with(&format!("{{\"{}\":", first[i])),
                "shard {i}"
            );
        }
        assert_eq!(Meta::from_json(&index.meta.to_json()).unwrap(), index.meta);
        for term in ["word0", "word217", "word399", "t", "u"] {
            let shard = index.meta.shard_of(&dirs, term).unwrap();
            assert!(
                index.shards[shard].contains(&format!("\"{term}\":")),
                "{term} is not in shard {shard}"
            );
        }
    }

    #[test]
    fn many_shards_are_named_by_directories_and_every_term_is_found() {
        let words: Vec<String> = (0..3_000).map(|i| format!("w{i:04}")).collect();
        let body = words.join(" ");
        let index = build(&[("t", &[], &body)], 32);
        let dirs = index.directories().unwrap();
        assert!(dirs.len() > 3, "{} directories", dirs.len());
        assert_eq!(dirs.len(), index.meta.dirs.len());
        assert_eq!(index.meta.first, None);
        assert_eq!(
            index.meta.shard_count(&dirs[dirs.len() - 1]),
            index.shards.len()
        );
        let meta = Meta::from_json(&index.meta.to_json()).unwrap();
        for word in words.iter().step_by(7).chain(words.last()) {
            let needed = meta.dirs_for(&Query::parse(&format!("{word} ")));
            let loaded: Vec<Directory> = needed.iter().map(|&j| dirs[j].clone()).collect();
            let shard = meta.shard_of(&loaded, word).unwrap();
            assert!(
                index.shards[shard].contains(&format!("\"{word}\":")),
                "{word} is not in shard {shard}"
            );
        }
        let names: Vec<String> = index.files().map(|(name, _)| name).collect();
        assert!(names.contains(&format!("dir-{}-0.json", meta.build)));
        assert!(names.contains(&format!("dir-{}-{}.json", meta.build, dirs.len() - 1)));
    }

    #[test]
    fn posts_are_listed_in_docs_files_in_order() {
        let docs: Vec<(&str, &[&str], &str)> = vec![("t", &[], "x"); POSTS_PER_DOCS * 2 + 1];
        let index = build(&docs, DEFAULT_SHARD_BYTES);
        assert_eq!(index.docs.len(), 3);
        let (file, at) = index
            .meta
            .docs_of(u32::try_from(POSTS_PER_DOCS + 5).unwrap());
        let paths = crate::search::format::read_docs(&index.docs[file]).unwrap();
        assert_eq!(paths[at], format!("p/{}", POSTS_PER_DOCS + 5));
        assert_eq!(
            crate::search::format::read_docs(&index.docs[2]).unwrap(),
            [format!("p/{}", POSTS_PER_DOCS * 2)]
        );
    }

    #[test]
    fn the_same_posts_build_the_same_files_and_other_posts_other_names() {
        let docs: &[(&str, &[&str], &str)] = &[("a", &["x"], "one two"), ("b", &[], "three")];
        let once = build(docs, 64);
        assert_eq!(once, build(docs, 64));
        let other = build(&[("a", &["x"], "one two"), ("b", &[], "four")], 64);
        assert_ne!(once.meta.build, other.meta.build);
        let names: Vec<String> = once.files().map(|(name, _)| name).collect();
        assert_eq!(names[0], format!("shard-{}-0.json", once.meta.build));
        assert!(names.contains(&format!("docs-{}-0.json", once.meta.build)));
    }

    #[test]
    fn an_empty_site_has_one_empty_shard() {
        let index = IndexBuilder::new().finish(DEFAULT_SHARD_BYTES);
        assert_eq!(index.shards, ["{}"]);
        assert_eq!(index.meta.first.as_deref(), Some(&[String::new()][..]));
        assert_eq!(index.meta.posts, 0);
        assert!(index.docs.is_empty());
    }
}
