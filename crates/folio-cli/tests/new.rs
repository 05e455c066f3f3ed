//! `folio new` with the clock fixed: the file it writes, the slug it picks, what it refuses.

mod common;

use std::fs;
use std::path::Path;

use common::{folio, workspace};

fn content(site_toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    fs::create_dir_all(dir.path().join("blog/posts")).unwrap_or_else(|e| panic!("{e}"));
    fs::write(dir.path().join("blog/site.toml"), site_toml).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn writes_front_matter_dated_now_in_the_site_time_zone() {
    let dir = content("timezone = \"+08:00\"\n");
    let run = folio(
        dir.path(),
        &[
            "new",
            "Hello, World: a first post",
            "--content",
            "blog",
            "--tags",
            "rust, notes,rust",
            "--draft",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stdout, "blog/posts/hello-world-a-first-post.md\n");
    assert_eq!(run.stderr, "");
    insta::assert_snapshot!(read(&dir.path().join("blog/posts/hello-world-a-first-post.md")), @r#"
    ---
    title: "Hello, World: a first post"
    date: 2026-02-13T18:00:00+08:00
    tags: [rust, notes]
    draft: true
    ---

    "#);
}

#[test]
fn a_chinese_title_keeps_its_letters_and_utc_is_the_default() {
    let dir = content("");
    let run = folio(dir.path(), &["new", "你好，世界", "--content", "blog"]);
    assert_eq!(
        run.stdout,
        "blog/posts/你好世界.md\n",
        "{}",
        run.transcript()
    );
    insta::assert_snapshot!(read(&dir.path().join("blog/posts/你好世界.md")), @r"
    ---
    title: 你好，世界
    date: 2026-02-13T10:00:00Z
    ---
    ");
}

#[test]
fn ascii_style_drops_accents_and_falls_back_to_the_date() {
    let dir = content("slug_style = \"ascii\"\ntimezone = \"-11:00\"\n");
    let blog = ["--content", "blog"];
    let run = folio(dir.path(), &[&["new", "Crème brûlée"][..], &blog].concat());
    assert_eq!(
        run.stdout,
        "blog/posts/creme-brulee.md\n",
        "{}",
        run.transcript()
    );
    // 10:00 UTC is still the 12th at -11:00.
    let run = folio(dir.path(), &[&["new", "你好"][..], &blog].concat());
    assert_eq!(
        run.stdout,
        "blog/posts/2026-02-12.md\n",
        "{}",
        run.transcript()
    );
    let run = folio(dir.path(), &[&["new", "再见"][..], &blog].concat());
    assert_eq!(
        run.stdout,
        "blog/posts/2026-02-12-2.md\n",
        "{}",
        run.transcript()
    );
    assert!(read(&dir.path().join("blog/posts/2026-02-12-2.md")).contains("title: 再见\n"));
}

#[test]
fn refuses_a_slug_another_post_has() {
    let dir = workspace("check/site");
    let before = common::tree(&dir.path().join("site"));
    let run = folio(dir.path(), &["new", "Shared", "--content", "site"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "folio: error: the slug \"shared\" is already used by posts/first-owner.md; choose another with --slug, or another title\n"
    );
    let run = folio(
        dir.path(),
        &["new", "Anything", "--slug", "clean", "--content", "site"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("\"clean\" is already used by posts/clean.md"),
        "{}",
        run.stderr
    );
    assert_eq!(
        common::tree(&dir.path().join("site")),
        before,
        "nothing was written"
    );
}

#[test]
fn refuses_to_overwrite_a_file() {
    let dir = content("");
    // The file's own slug is another one, so only the file name is in the way.
    let taken = dir.path().join("blog/posts/taken.md");
    fs::write(&taken, "---\nslug: elsewhere\n---\nMine.\n").unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["new", "Taken", "--content", "blog"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "folio: error: blog/posts/taken.md already exists; not overwriting it\n"
    );
    assert_eq!(read(&taken), "---\nslug: elsewhere\n---\nMine.\n");
}

#[test]
fn needs_a_content_folder_and_a_title() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["new", "Lost"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "folio: error: the content folder public does not exist (choose one with --content)\n"
    );
    let run = folio(dir.path(), &["new", "  ", "--content", "."]);
    assert_eq!(run.stderr, "folio: error: the title is empty\n");
    let run = folio(
        dir.path(),
        &["new", "Bad slug", "--slug", "../up", "--content", "."],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("contains a path separator"),
        "{}",
        run.stderr
    );
}
