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
    out/posts/paper-lanterns.md <- hexo/source/_posts/paper-lanterns.md
    out/posts/unlit.md <- hexo/source/_drafts/unlit.md
    out/images/logo.svg <- hexo/source/images/logo.svg
    out/posts/paper-lanterns/glow.svg <- hexo/source/_posts/paper-lanterns/glow.svg
    ");
    assert!(
        run.stderr
            .contains("folio: would import 2 posts (1 draft) and 2 files"),
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
    insta::assert_snapshot!(run.stderr, @"folio: error: could not tell which generator built plain: looked for .vitepress/ (VitePress), _config.yml with source/_posts/ (Hexo) or _posts/ (Jekyll), and hugo.toml or config.toml with content/ (Hugo, Zola); name it with --from");
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
