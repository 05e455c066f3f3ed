//! `search/`: the search index `folio index` writes beside the manifest, so the app can search
//! every post without fetching them (format: `folio_core::search::format`).
//!
//! Posts are read again from the content folder rather than kept from the scan: the index needs
//! only their plain text, a batch of posts at a time, and the scan stays as it is.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use folio_core::search::{
    DEFAULT_SHARD_BYTES, DocTerms, IndexBuilder, SearchDoc, SearchIndex, text,
};
use folio_core::{Manifest, PostEntry};

use crate::content::{SourceFile, read_post};
use crate::parallel;

/// Folder of the index below the site root; the search page's shell lives there too.
pub(crate) const SEARCH_DIR: &str = "search";

/// Builds the index of the manifest's posts (read from `content/posts/`) and writes it to
/// `out/search/`, replacing the files of an earlier build.
pub(crate) fn write(content: &Path, out: &Path, manifest: &Manifest) -> Result<SearchIndex> {
    let index = build(content, manifest)?;
    let dir = out.join(SEARCH_DIR);
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    remove_old_files(&dir)?;
    for (name, json) in index.shard_files() {
        let path = dir.join(name);
        fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?;
    }
    // The meta file last: until it is written, no app looks for the new shards.
    let meta = dir.join("meta.json");
    fs::write(&meta, index.meta.to_json())
        .with_context(|| format!("writing {}", meta.display()))?;
    Ok(index)
}

fn build(content: &Path, manifest: &Manifest) -> Result<SearchIndex> {
    let mut builder = IndexBuilder::new();
    // Reading and tokenizing a post needs no other post: on every core; the terms are added in
    // manifest order, which numbers the posts.
    parallel::for_each_ordered(
        &manifest.posts,
        |post| doc_terms(content, post),
        |_, terms| {
            builder.add_terms(terms?);
            Ok::<(), anyhow::Error>(())
        },
    )?;
    Ok(builder.finish(manifest.stamp(), DEFAULT_SHARD_BYTES))
}

/// The searchable terms of one post: title, tags, description and the text of its body.
fn doc_terms(content: &Path, post: &PostEntry) -> Result<DocTerms> {
    let file = SourceFile {
        rel: post.file.clone(),
        path: content.join("posts").join(&post.file),
    };
    // Invalid UTF-8 was reported by the scan already.
    let (source, _) = read_post(&file)?;
    let mut body = String::new();
    if let Some(description) = &post.description {
        body.push_str(description);
        body.push(' ');
    }
    body.push_str(&text::post_text(&source));
    Ok(DocTerms::of(&SearchDoc {
        title: &post.title,
        tags: &post.tags,
        body: &body,
    }))
}

/// Removes the shards and meta file of an earlier build (the shell and anything else stay).
fn remove_old_files(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading folder {}", dir.display()))? {
        let entry = entry.with_context(|| format!("reading folder {}", dir.display()))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name == "meta.json" || (name.starts_with("shard-") && name.ends_with(".json"));
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
    use folio_core::search::{Meta, Plan, Query, Shard};
    use folio_core::{PostEntry, SiteConfig};

    /// An index entry with only what search reads (the rest as the manifest's defaults).
    fn entry(slug: &str, file: &str, title: &str, description: Option<&str>) -> PostEntry {
        serde_json::from_value(serde_json::json!({
            "slug": slug,
            "title": title,
            "description": description,
            "excerpt": "",
            "tags": ["笔记"],
            "reading_minutes": 1,
            "file": file,
        }))
        .unwrap()
    }

    /// Searches the files written to `out/search/` as the app would.
    fn search(out: &Path, query: &str) -> Vec<u32> {
        let dir = out.join(SEARCH_DIR);
        let meta = Meta::from_json(&fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap();
        let plan = Plan::new(&meta, &Query::parse(query));
        let shards: Vec<(usize, Shard)> = plan
            .shards()
            .into_iter()
            .map(|i| {
                let json = fs::read_to_string(dir.join(meta.shard_file(i))).unwrap();
                (i, Shard::from_json(&json).unwrap())
            })
            .collect();
        plan.run(|i| shards.iter().find(|(j, _)| *j == i).map(|(_, s)| s))
            .unwrap()
            .into_iter()
            .map(|hit| hit.doc)
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
            "---\ntitle: Static hosting\n---\nFiles on a *plain* server.\n",
        )
        .unwrap();
        fs::write(
            content.join("posts/b.md"),
            "没有标题的文章，讲雨夜的书店。\n",
        )
        .unwrap();
        fs::create_dir_all(out.join(SEARCH_DIR)).unwrap();
        fs::write(out.join("search/shard-old-0.json"), "{}").unwrap();
        fs::write(out.join("search/index.html"), "shell").unwrap();
        let manifest = Manifest::new(
            SiteConfig::default(),
            vec![
                entry(
                    "a",
                    "2025/a.md",
                    "Static hosting",
                    Some("Deep links answer"),
                ),
                entry("b", "b.md", "b", None),
            ],
        );

        let index = write(&content, &out, &manifest).unwrap();

        assert_eq!(index.meta.posts, 2);
        assert!(!out.join("search/shard-old-0.json").exists());
        assert!(out.join("search/index.html").exists());
        let cases: &[(&str, &[u32])] = &[
            ("static", &[0]),
            ("plain server", &[0]),
            ("deep links", &[0]),
            ("书店", &[1]),
            ("雨", &[1]),
            ("笔记", &[0, 1]),
            ("emphasis", &[]),
        ];
        for (query, docs) in cases {
            assert_eq!(search(&out, query), *docs, "{query}");
        }
    }

    #[test]
    fn a_post_that_vanished_since_the_scan_is_an_error_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = Manifest::new(
            SiteConfig::default(),
            vec![entry("gone", "gone.md", "Gone", None)],
        );
        let err = write(dir.path(), &dir.path().join("out"), &manifest).unwrap_err();
        assert!(format!("{err:#}").contains("gone.md"), "{err:#}");
    }
}
