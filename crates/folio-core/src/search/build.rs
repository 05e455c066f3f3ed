//! Building the index: posts in, `meta.json` and shard files out (see [`super::format`]).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher as _};

use super::format::{
    FIELD_BODY, FIELD_TAGS, FIELD_TITLE, Fnv, Meta, Posting, SEARCH_INDEX_VERSION, encode_postings,
    shard_file,
};
use super::tokenize::for_each_term;

/// Shard size the CLI aims for, in bytes of JSON. A first search fetches `meta.json` (about 20
/// bytes per shard) and usually one shard per query term, so the best size grows with the square
/// root of the index; 24 KiB keeps both parts small from a few hundred to tens of thousands of
/// posts, and a small site has a single shard.
pub const DEFAULT_SHARD_BYTES: usize = 24 * 1024;

/// What is searchable in one post.
#[derive(Debug, Clone, Copy)]
pub struct SearchDoc<'a> {
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
    docs: u32,
}

/// The distinct terms of one post, each with the fields it occurs in: the part of indexing a
/// post that needs no other post, so a build can find the terms of many posts at once (on
/// every core) and add them in manifest order with [`IndexBuilder::add_terms`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocTerms(Vec<(String, u8)>);

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
        Self(terms.into_iter().collect())
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// A built index: the meta file and the shard files, in shard order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    /// `search/meta.json`.
    pub meta: Meta,
    /// The JSON of each shard, in shard order.
    pub shards: Vec<String>,
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
        for (term, fields) in terms.0 {
            let id = self.id(term);
            if let Some(list) = usize::try_from(id)
                .ok()
                .and_then(|id| self.postings.get_mut(id))
            {
                list.push(Posting {
                    doc: self.docs,
                    fields,
                });
            }
        }
        self.docs += 1;
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
    pub fn len(&self) -> u32 {
        self.docs
    }

    /// Whether no post was added.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Sorts the terms and cuts them into shards of about `shard_bytes` each (a term whose
    /// postings alone are larger gets a shard of its own). `stamp` is [`super::stamp`] of the
    /// manifest's slugs.
    pub fn finish(self, stamp: String, shard_bytes: usize) -> SearchIndex {
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
            entry.push_str(":[");
            for (i, number) in encode_postings(postings).into_iter().enumerate() {
                if i > 0 {
                    entry.push(',');
                }
                let _ = write!(entry, "{number}");
            }
            entry.push(']');
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
        let mut hash = Fnv::default();
        for shard in &shards {
            hash.write(shard.as_bytes());
        }
        SearchIndex {
            meta: Meta {
                version: SEARCH_INDEX_VERSION,
                posts: self.docs,
                stamp,
                build: hash.hex()[..8].to_owned(),
                first,
            },
            shards,
        }
    }
}

impl SearchIndex {
    /// Each shard's file name (relative to `search/`) and JSON.
    pub fn shard_files(&self) -> impl Iterator<Item = (String, &str)> {
        self.shards
            .iter()
            .enumerate()
            .map(|(i, json)| (shard_file(&self.meta.build, i), json.as_str()))
    }

    /// Bytes of all shard files together.
    pub fn shard_bytes(&self) -> usize {
        self.shards.iter().map(String::len).sum()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::search::format::Shard;

    fn build(docs: &[(&str, &[&str], &str)], shard_bytes: usize) -> SearchIndex {
        let mut builder = IndexBuilder::new();
        for (title, tags, body) in docs {
            let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
            builder.add(&SearchDoc {
                title,
                tags: &tags,
                body,
            });
        }
        builder.finish("stamp".to_owned(), shard_bytes)
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
        assert_eq!(index.meta.first, [""]);
    }

    #[test]
    fn shards_split_by_size_keep_terms_sorted_and_name_their_first_term() {
        let body: String = (0..400).map(|i| format!("word{i} ")).collect();
        let index = build(&[("t", &[], &body), ("u", &[], &body)], 512);
        assert!(index.shards.len() > 5, "{}", index.shards.len());
        for (i, json) in index.shards.iter().enumerate() {
            assert!(json.len() <= 512, "shard {i} has {} bytes", json.len());
            assert!(!Shard::from_json(json).unwrap().is_empty(), "shard {i}");
            let first = &index.meta.first[i];
            assert!(
                i == 0 || json.starts_with(&format!("{{\"{first}\":")),
                "shard {i}"
            );
        }
        assert!(index.meta.first.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Meta::from_json(&index.meta.to_json()).unwrap(), index.meta);
        for term in ["word0", "word217", "word399", "t", "u"] {
            let shard = index.meta.shard_of(term);
            assert!(
                index.shards[shard].contains(&format!("\"{term}\":")),
                "{term} is not in shard {shard}"
            );
        }
    }

    #[test]
    fn the_same_posts_build_the_same_files_and_other_posts_other_names() {
        let docs: &[(&str, &[&str], &str)] = &[("a", &["x"], "one two"), ("b", &[], "three")];
        let once = build(docs, 64);
        assert_eq!(once, build(docs, 64));
        let other = build(&[("a", &["x"], "one two"), ("b", &[], "four")], 64);
        assert_ne!(once.meta.build, other.meta.build);
        let names: Vec<String> = once.shard_files().map(|(name, _)| name).collect();
        assert_eq!(names[0], format!("shard-{}-0.json", once.meta.build));
    }

    #[test]
    fn an_empty_site_has_one_empty_shard() {
        let index = IndexBuilder::new().finish("s".to_owned(), DEFAULT_SHARD_BYTES);
        assert_eq!(index.shards, ["{}"]);
        assert_eq!(index.meta.first, [""]);
        assert_eq!(index.meta.posts, 0);
    }
}
