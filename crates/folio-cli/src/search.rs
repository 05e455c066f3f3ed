//! `search/`: the search index `folio index` writes beside the manifest, so the app can search
//! every post without fetching them (format: `folio_core::search::format`). It is built from the
//! loaded site: each post's plain text was taken while it was read, nothing is read again.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use folio_core::paths::SEARCH_DIR;
use folio_core::search::{DEFAULT_SHARD_BYTES, DocTerms, IndexBuilder, SearchDoc, SearchIndex};
use rayon::prelude::*;

use crate::output;
use crate::site::Site;

/// The search index's meta file, in [`SEARCH_DIR`]: it names the other files' build, so it is
/// written last.
const META_FILE: &str = "meta.json";

/// Builds the index of the site's posts and writes it to `out/search/`, replacing the files of
/// an earlier build.
pub(crate) fn write(out: &Path, site: &Site) -> Result<SearchIndex> {
    let index = build(site, TERMS_BATCH);
    let dir = out.join(SEARCH_DIR);
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    remove_old_files(&dir)?;
    for (name, json) in index.files() {
        let path = dir.join(name);
        output::write(&path, json)?;
    }
    // The meta file last: until it is written, no app looks for the new shards.
    let meta = dir.join(META_FILE);
    output::write(&meta, index.meta.to_json())?;
    Ok(index)
}

/// Posts whose terms are found at once: enough to keep every core busy, few enough that the
/// terms of every post are never held together (at 100,000 posts they were gigabytes).
const TERMS_BATCH: usize = 512;

/// The index: each post's terms found on every core, a batch at a time, added in manifest order,
/// which numbers the posts.
fn build(site: &Site, batch: usize) -> SearchIndex {
    let manifest = &site.manifest;
    let mut builder = IndexBuilder::new();
    for (posts, bodies) in manifest.posts.chunks(batch).zip(site.bodies.chunks(batch)) {
        let terms: Vec<DocTerms> = posts
            .par_iter()
            .zip(bodies)
            .map(|(post, body)| {
                let mut text = String::new();
                if let Some(description) = &post.description {
                    text.push_str(description);
                    text.push(' ');
                }
                text.push_str(&body.text);
                DocTerms::of(&SearchDoc {
                    path: &post.slug,
                    title: &post.title,
                    tags: &post.tags,
                    body: &text,
                })
            })
            .collect();
        for terms in terms {
            builder.add_terms(terms);
        }
    }
    builder.finish(DEFAULT_SHARD_BYTES)
}

/// Removes the index files of an earlier build (the shell and anything else stay).
fn remove_old_files(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading folder {}", dir.display()))? {
        let entry = entry.with_context(|| format!("reading folder {}", dir.display()))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let built = ["dir-", "shard-", "docs-"]
            .iter()
            .any(|kind| name.starts_with(kind) && name.ends_with(".json"));
        let ours = name == META_FILE || built;
        if ours {
            fs::remove_file(entry.path())
                .with_context(|| format!("removing {}", entry.path().display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use folio_core::SiteConfig;
    use folio_core::search::{Directory, Meta, Plan, Query, Shard, read_docs};

    use crate::clock::Clock;
    use crate::site::{LoadOptions, load};

    /// The site a published build of `content` loads.
    fn published(content: &Path) -> Site {
        let clock = Clock::new(None);
        let options = LoadOptions {
            base: "/",
            preview: false,
            clock: &clock,
            quiet: true,
        };
        load(content, SiteConfig::default(), &options, |_, _, _, _| {}).unwrap()
    }

    /// Searches the files written to `out/search/` as the app would: the paths of the posts found.
    fn search(out: &Path, query: &str) -> Vec<String> {
        let dir = out.join(SEARCH_DIR);
        let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
        let meta = Meta::from_json(&read(META_FILE)).unwrap();
        let query = Query::parse(query);
        let dirs: Vec<Directory> = meta
            .dirs_for(&query)
            .into_iter()
            .map(|j| {
                meta.inline_dir(j)
                    .unwrap_or_else(|| meta.read_dir(j, &read(&meta.dir_file(j))).unwrap())
            })
            .collect();
        let plan = Plan::new(&meta, &dirs, &query).unwrap();
        let shards: Vec<(usize, Shard)> = plan
            .shards()
            .into_iter()
            .map(|i| (i, Shard::from_json(&read(&meta.shard_file(i))).unwrap()))
            .collect();
        plan.run(|i| shards.iter().find(|(j, _)| *j == i).map(|(_, s)| s))
            .unwrap()
            .into_iter()
            .map(|hit| {
                let (file, at) = meta.docs_of(hit.doc);
                read_docs(&read(&meta.docs_file(file))).unwrap()[at].clone()
            })
            .collect()
    }

    #[test]
    fn the_index_covers_titles_tags_descriptions_and_bodies_and_replaces_old_files() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        let out = dir.path().join("out");
        fs::create_dir_all(content.join("posts/2025")).unwrap();
        fs::write(
            content.join("posts/2025/a.md"),
            "---\ntitle: Static hosting\ndate: 2025-02-01\ntags: [笔记]\ndescription: Deep links answer\n---\nFiles on a *plain* server.\n",
        )
        .unwrap();
        fs::write(
            content.join("posts/b.md"),
            "---\ndate: 2025-01-01\ntags: [笔记]\n---\n没有标题的文章，讲雨夜的书店。\n",
        )
        .unwrap();
        fs::create_dir_all(out.join(SEARCH_DIR)).unwrap();
        for old in ["shard-old-0.json", "dir-old-0.json", "docs-old-0.json"] {
            fs::write(out.join(SEARCH_DIR).join(old), "{}").unwrap();
        }
        fs::write(out.join("search/index.html"), "shell").unwrap();
        let site = published(&content);

        let index = write(&out, &site).unwrap();

        assert_eq!(index.meta.posts, 2);
        for old in ["shard-old-0.json", "dir-old-0.json", "docs-old-0.json"] {
            assert!(!out.join(SEARCH_DIR).join(old).exists(), "{old}");
        }
        assert!(out.join("search/index.html").exists());
        let cases: &[(&str, &[&str])] = &[
            ("static", &["2025/a"]),
            ("plain server", &["2025/a"]),
            ("deep links", &["2025/a"]),
            ("书店", &["b"]),
            ("雨", &["b"]),
            ("笔记", &["2025/a", "b"]),
            ("emphasis", &[]),
        ];
        for (query, docs) in cases {
            assert_eq!(search(&out, query), *docs, "{query}");
        }
    }

    #[test]
    fn batches_of_any_size_make_the_same_index() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir_all(content.join("posts")).unwrap();
        for day in 1..=9 {
            fs::write(
                content.join(format!("posts/p{day}.md")),
                format!("---\ntitle: Post {day}\ndate: 2025-01-0{day}\n---\n第{day}篇 words{day} shared\n"),
            )
            .unwrap();
        }
        let site = published(&content);
        let files = |batch| -> Vec<(String, String)> {
            build(&site, batch)
                .files()
                .map(|(name, json)| (name, json.to_owned()))
                .collect()
        };
        let whole = files(TERMS_BATCH);
        assert!(whole.iter().any(|(_, json)| json.contains("words9")));
        for batch in [1, 2, 4] {
            assert_eq!(files(batch), whole, "batches of {batch}");
        }
    }
}
