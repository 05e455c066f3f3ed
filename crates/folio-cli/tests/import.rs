//! `folio import` from a small site of each generator (fixtures/import/<dialect>/): the files it
//! writes, the paths it rewrites, what it reports, and what it refuses.

#![allow(clippy::unwrap_used)]

mod common;

use common::{folio, tree, workspace};

/// Imports `fixtures/import/<dialect>` (detected, not named) into `out/`; the report and the
/// resulting tree, for one snapshot.
fn import(dialect: &str) -> String {
    let dir = workspace(&format!("import/{dialect}"));
    let run = folio(dir.path(), &["import", dialect, "--content", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let check = folio(dir.path(), &["check", "out"]);
    format!(
        "{}--- folio check out\n{}{}--- out/\n{}",
        run.transcript(),
        check.stdout,
        check.stderr,
        tree(&dir.path().join("out"))
    )
}

#[test]
fn hugo_sections_bundles_static_files_and_shortcodes() {
    insta::assert_snapshot!(import("hugo"));
}

#[test]
fn jekyll_dated_file_names_drafts_and_liquid() {
    insta::assert_snapshot!(import("jekyll"));
}

#[test]
fn hexo_asset_folders_and_tags() {
    insta::assert_snapshot!(import("hexo"));
}

#[test]
fn zola_dated_names_bundles_and_internal_links() {
    insta::assert_snapshot!(import("zola"));
}

#[test]
fn vitepress_in_docs_with_vue_and_containers() {
    insta::assert_snapshot!(import("vitepress"));
}

#[test]
fn naming_the_generator_gives_the_same_result() {
    let dir = workspace("import/zola");
    let named = folio(
        dir.path(),
        &["import", "zola", "--from", "zola", "--content", "named"],
    );
    let detected = folio(dir.path(), &["import", "zola", "--content", "detected"]);
    assert_eq!(named.code, 0, "{}", named.transcript());
    assert_eq!(
        named.stderr.replace("named", "X"),
        detected.stderr.replace("detected", "X")
    );
    assert_eq!(
        tree(&dir.path().join("named")),
        tree(&dir.path().join("detected"))
    );
    let wrong = folio(
        dir.path(),
        &["import", "zola", "--from", "jekyll", "--content", "x"],
    );
    assert_eq!(wrong.code, 2);
    assert_eq!(
        wrong.stderr,
        "folio: error: zola has no _posts/ folder, where a Jekyll site keeps its posts\n"
    );
}

#[test]
fn nothing_is_overwritten_and_nothing_is_half_written() {
    let dir = workspace("import/hugo");
    let first = folio(dir.path(), &["import", "hugo", "--content", "out"]);
    assert_eq!(first.code, 0, "{}", first.transcript());
    // One post edited since, one deleted: a second import must touch neither, nor bring back
    // the deleted one.
    let edited = dir.path().join("out/posts/first-frost.md");
    std::fs::write(&edited, "mine now\n").unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(dir.path().join("out/posts/river-walk.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let before = tree(&dir.path().join("out"));
    let second = folio(dir.path(), &["import", "hugo", "--content", "out"]);
    assert_eq!(second.code, 2);
    insta::assert_snapshot!(second.stderr, @r"
    folio: out/posts/notes/kettle.md already exists (from hugo/content/notes/kettle.md)
    folio: out/posts/first-frost.md already exists (from hugo/content/posts/first-frost.md)
    folio: error: nothing was imported: 2 files would be overwritten or written twice (move them aside, or import into an empty --content folder)
    ");
    assert_eq!(tree(&dir.path().join("out")), before);
}

#[test]
fn a_dry_run_writes_nothing_and_lists_the_plan() {
    let dir = workspace("import/hexo");
    let run = folio(
        dir.path(),
        &["import", "hexo", "--content", "out", "--dry-run"],
    );
    assert_eq!(run.code, 0);
    assert!(!dir.path().join("out").exists());
    insta::assert_snapshot!(run.stdout, @r"
    out/posts/festival-night.md <- hexo/source/_posts/festival-night.md
    out/posts/paper-lanterns.md <- hexo/source/_posts/paper-lanterns.md
    out/posts/unlit.md <- hexo/source/_drafts/unlit.md
    out/images/logo.svg <- hexo/source/images/logo.svg
    out/posts/festival-night/night.svg <- hexo/source/_posts/festival-night/night.svg
    out/posts/festival-night/plan.txt <- hexo/source/_posts/festival-night/plan.txt
    out/posts/festival-night/unused.txt <- hexo/source/_posts/festival-night/unused.txt
    out/posts/paper-lanterns/glow.svg <- hexo/source/_posts/paper-lanterns/glow.svg
    out/site.toml <- the site's settings
    ");
    assert!(
        run.stderr
            .contains("folio: would import 3 posts (1 draft) and 5 files"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_folder_is_explained() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir(dir.path().join("plain")).unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["import", "plain"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.stderr, @"folio: error: could not tell which generator built plain: looked for .vitepress/ (VitePress), _config.yml with source/_posts/ (Hexo) or _posts/ (Jekyll), and hugo.toml, config.toml or config/_default/ with content/ (Hugo, Zola); name it with --from");
}

#[test]
fn links_out_of_the_source_site_are_not_imported() {
    let dir = workspace("import/hugo");
    let site = dir.path().join("hugo");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.md"), "# OUTSIDE-MARKER\n").unwrap();
    std::fs::write(outside.join("secret.png"), "OUTSIDE-MARKER").unwrap();
    std::os::unix::fs::symlink(
        outside.join("secret.md"),
        site.join("content/posts/leak.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.join("secret.png"),
        site.join("static/images/leak.png"),
    )
    .unwrap();
    std::fs::write(
        site.join("content/posts/shows-leak.md"),
        "---\ntitle: Shows\n---\n![x](/images/leak.png)\n",
    )
    .unwrap();
    let run = folio(dir.path(), &["import", "hugo", "--content", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("content/posts/leak.md") && run.stderr.contains("outside"),
        "{}",
        run.transcript()
    );
    assert!(!tree(&dir.path().join("out")).contains("OUTSIDE-MARKER"));
    assert!(!dir.path().join("out/posts/leak.md").exists());
    assert!(!dir.path().join("out/images/leak.png").exists());
}

#[test]
fn categories_zone_and_old_urls_reach_the_index_and_feeds() {
    let dir = workspace("import/hexo");
    let run = folio(dir.path(), &["import", "hexo", "--content", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let index = folio(dir.path(), &["index", "out", "--out", "dist"]);
    assert_eq!(index.code, 0, "{}", index.transcript());
    let json = std::fs::read_to_string(dir.path().join("dist/posts/index.json")).unwrap();
    let manifest = folio_core::Manifest::from_json(&json).unwrap();
    let entries: Vec<(String, String, Vec<String>)> = manifest
        .posts
        .iter()
        .map(|post| {
            let date = post.date.map(|date| date.to_string()).unwrap_or_default();
            (post.slug.clone(), date, post.tags.clone())
        })
        .collect();
    // Hexo's `categories` are tags now, and its dates are read in its Asia/Shanghai.
    assert_eq!(
        entries,
        [
            (
                "festival-night".to_owned(),
                "2022-02-16T21:00:00+08:00".to_owned(),
                vec!["节日".to_owned(), "元宵".to_owned()]
            ),
            (
                "paper-lanterns".to_owned(),
                "2022-02-15T19:30:00+08:00".to_owned(),
                vec![
                    "crafts".to_owned(),
                    "festival".to_owned(),
                    "making".to_owned()
                ]
            ),
        ]
    );

    let dir = workspace("import/jekyll");
    let run = folio(dir.path(), &["import", "jekyll", "--content", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let index = folio(dir.path(), &["index", "out", "--out", "dist"]);
    assert_eq!(index.code, 0, "{}", index.transcript());
    let feed = std::fs::read_to_string(dir.path().join("dist/feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(feed.as_bytes()).unwrap();
    let first_light = feed
        .entries
        .iter()
        .find(|entry| {
            entry
                .title
                .as_ref()
                .is_some_and(|t| t.content == "First light")
        })
        .unwrap();
    let terms: Vec<&str> = first_light
        .categories
        .iter()
        .map(|c| c.term.as_str())
        .collect();
    assert_eq!(terms, ["coast", "Winter"]);
    let text = std::fs::read_to_string(dir.path().join("out/posts/first-light.md")).unwrap();
    let meta = folio_core::parse_document(&text).meta;
    assert_eq!(meta.aliases, ["/coast/winter/2023/01/29/first-light.html"]);
}

#[test]
fn a_site_toml_already_there_is_left_as_it_is() {
    let dir = workspace("import/zola");
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    std::fs::write(dir.path().join("out/site.toml"), "title = \"Mine\"\n").unwrap();
    let run = folio(dir.path(), &["import", "zola", "--content", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/site.toml")).unwrap(),
        "title = \"Mine\"\n"
    );
    assert!(
        run.stderr.contains(
            "zola/config.toml:1: warning: settings not carried over: the content folder has a site.toml already, which was left as it is; add what you want of: title = \"Orchard\"; "
        ),
        "{}",
        run.stderr
    );
}
