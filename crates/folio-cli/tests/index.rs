//! `folio index`: what it lists, what it leaves out of a release build, and the summary it ends
//! with.

mod common;

use std::fs;
use std::path::Path;

use common::{folio, workspace};

/// The manifest's slugs, newest first.
fn slugs(out: &Path) -> Vec<String> {
    let json = fs::read_to_string(out.join("posts/index.json")).unwrap_or_else(|e| panic!("{e}"));
    let manifest = folio_core::Manifest::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    manifest.posts.into_iter().map(|post| post.slug).collect()
}

/// The summary without its timing, which varies.
fn summary(stderr: &str) -> String {
    stderr
        .lines()
        .map(|line| {
            let timing = line
                .find(" in ")
                .and_then(|start| Some((start, start + line[start..].find(" s")? + 2)));
            match timing {
                Some((start, end)) if line.starts_with("folio: indexed") => {
                    format!("{}{}", &line[..start], &line[end..])
                }
                _ => line.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_release_index_leaves_out_drafts_and_scheduled_posts_markdown_included() {
    let dir = workspace("index/site");
    let run = folio(dir.path(), &["index", "site", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        slugs(&dir.path().join("out")),
        ["due-today", "published", "warned"]
    );
    let posts = dir.path().join("out/posts");
    assert!(posts.join("published.md").is_file());
    assert!(!posts.join("draft.md").exists());
    assert!(!posts.join("scheduled.md").exists());
    insta::assert_snapshot!(summary(&run.stderr), @r"
    site/posts/warned.md:6:1: error: removed link to `javascript:alert(1)`, keeping its text: only http, https, mailto, tel and relative links are allowed
    folio: indexed 3 posts and 2 tags; left out 1 draft and 1 scheduled post; 1 error, 0 warnings; no feeds or sitemap without base_url in site.toml
    ");
}

#[test]
fn preview_lists_everything_and_says_so() {
    let dir = workspace("index/site");
    let run = folio(dir.path(), &["index", "site", "--out", "out", "--preview"]);
    assert_eq!(
        slugs(&dir.path().join("out")),
        ["scheduled", "due-today", "published", "warned", "draft"]
    );
    assert!(dir.path().join("out/posts/scheduled.md").is_file());
    assert_eq!(
        summary(&run.stderr).lines().last(),
        Some(
            "folio: indexed 5 posts (1 draft, 1 scheduled) and 3 tags; 1 error, 0 warnings; \
             no feeds or sitemap without base_url in site.toml"
        )
    );
    // The old flag still works, for scripts written before --preview.
    let again = folio(dir.path(), &["index", "site", "--out", "out2", "--drafts"]);
    assert_eq!(
        slugs(&dir.path().join("out2")).len(),
        5,
        "{}",
        again.transcript()
    );
}

#[test]
fn quiet_prints_problems_only() {
    let dir = workspace("index/site");
    let run = folio(dir.path(), &["index", "site", "--quiet"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("site/posts/warned.md:6:1: error:"));
    assert_eq!(slugs(&dir.path().join("site")).len(), 3);
}

#[test]
fn shells_are_counted_in_the_summary() {
    let dir = workspace("index/site");
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    let shell = "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>";
    fs::write(out.join("index.html"), shell).unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["index", "site", "--out", "out", "--shell"]);
    // Home, 404, archive, tags index, search, 3 posts, 2 tags.
    assert!(
        summary(&run.stderr).ends_with(
            "; 1 error, 0 warnings; wrote 10 page shells; \
             no feeds or sitemap without base_url in site.toml"
        ),
        "{}",
        run.stderr
    );
    assert!(out.join("posts/due-today/index.html").is_file());
    assert!(!out.join("posts/scheduled/index.html").exists());
    // Each shell asks early for the one list of posts its page needs; 404.html for none.
    let read = |path: &str| fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{e}"));
    let preload = |url: &str| format!("<link rel=\"preload\" href=\"{url}\" as=\"fetch\"");
    let home = read("index.html");
    assert!(home.contains(&preload("/posts/pages/1.json")), "{home}");
    assert!(!home.contains("posts/index.json"), "{home}");
    // A post page needs its own file, never the list of every post.
    let post = read("posts/due-today/index.html");
    assert!(
        post.contains(&preload("/posts/due-today/post.json")),
        "{post}"
    );
    assert!(!post.contains("posts/index.json"), "{post}");
    let data = folio_core::PostData::from_json(&read("posts/due-today/post.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        data.entry.map(|entry| entry.slug).as_deref(),
        Some("due-today")
    );
    assert!(read("tags/index.html").contains(&preload("/posts/index.json")));
    assert!(!read("404.html").contains("rel=\"preload\""));
}

/// The home page files `folio index` wrote into `out/posts/pages/`, by number.
fn home_pages(out: &Path) -> Vec<folio_core::HomePage> {
    let dir = out.join("posts/pages");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|entry| entry.unwrap_or_else(|e| panic!("{e}")).file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .collect();
    names.sort_by_key(|name| name.trim_end_matches(".json").parse::<usize>().unwrap_or(0));
    names
        .iter()
        .map(|name| {
            let json = fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{e}"));
            folio_core::HomePage::from_json(&json).unwrap_or_else(|e| panic!("{name}: {e}"))
        })
        .collect()
}

/// The index fixture, its site set to `per_page` posts a page, indexed into `out/`.
fn indexed_with_pages_of(per_page: usize) -> tempfile::TempDir {
    let dir = workspace("index/site");
    let toml = dir.path().join("site/site.toml");
    let text = fs::read_to_string(&toml).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&toml, format!("{text}posts_per_page = {per_page}\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["index", "site", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    dir
}

#[test]
fn each_home_page_gets_a_file_with_the_index_entries_of_its_posts_only() {
    let dir = indexed_with_pages_of(2);
    let out = dir.path().join("out");
    let json = fs::read_to_string(out.join("posts/index.json")).unwrap_or_else(|e| panic!("{e}"));
    let manifest = folio_core::Manifest::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    let pages = home_pages(&out);
    let facts: Vec<_> = pages
        .iter()
        .map(|page| (page.page, page.pages, page.total_posts, page.posts.len()))
        .collect();
    assert_eq!(facts, [(1, 2, 3, 2), (2, 2, 3, 1)]);
    // Drafts and scheduled posts are left out exactly as in the index: same entries, same order.
    let joined: Vec<_> = pages.iter().flat_map(|page| page.posts.clone()).collect();
    assert_eq!(joined, manifest.posts);
    assert_eq!(slugs(&out), ["due-today", "published", "warned"]);
    assert!(pages.iter().all(|page| page.site == manifest.site));
    assert_eq!(pages[0].site.title, "Index fixture");
}

#[test]
fn a_site_that_shrinks_leaves_no_stale_home_page_behind() {
    let dir = indexed_with_pages_of(1);
    let out = dir.path().join("out");
    assert_eq!(home_pages(&out).len(), 3);
    let site = dir.path().join("site");
    fs::remove_file(site.join("posts/published.md")).unwrap_or_else(|e| panic!("{e}"));
    fs::remove_file(site.join("posts/warned.md")).unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["index", "site", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let pages = home_pages(&out);
    assert_eq!(pages.len(), 1, "pages 2 and 3 are gone");
    assert_eq!((pages[0].pages, pages[0].total_posts), (1, 1));
}

/// Writes `files` (path below the content folder, text) into a new content folder.
fn content(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (path, text) in files {
        let path = dir.path().join("site").join(path);
        fs::create_dir_all(path.parent().unwrap_or(&path)).unwrap_or_else(|e| panic!("{e}"));
        fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

/// Runs `folio index site --out out --shell` in `dir`, over an app shell: `out` and the run.
fn index_with_shells(dir: &tempfile::TempDir) -> (std::path::PathBuf, common::Run) {
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        out.join("index.html"),
        "<!DOCTYPE html><html><head><title>T</title></head><body></body></html>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["index", "site", "--out", "out", "--shell"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    (out, run)
}

#[test]
fn a_post_url_mirrors_its_path_so_equal_file_names_never_collide() {
    let dir = content(&[
        (
            "posts/2022/first-nas.md",
            "---\ndate: 2022-05-01\n---\n# NAS 2022\n",
        ),
        (
            "posts/2023/first-nas.md",
            "---\ndate: 2023-05-01\n---\n# NAS 2023\n",
        ),
        (
            "posts/guide/intro/index.md",
            "---\ndate: 2021-01-01\n---\n# Intro\n\n![p](pic.png)\n",
        ),
        ("posts/guide/intro/pic.png", "not an image"),
        (
            "posts/2024/renamed.md",
            "---\ndate: 2024-01-01\nslug: better-name\n---\n# Renamed\n",
        ),
        (
            "posts/2024/alone.md",
            "---\ndate: 2024-02-01\n---\nSee [the intro](../guide/intro/index.md).\n",
        ),
        ("posts/top.md", "---\ndate: 2020-01-01\n---\n# Top\n"),
    ]);
    let (out, _) = index_with_shells(&dir);
    let mut paths = slugs(&out);
    paths.sort();
    assert_eq!(
        paths,
        [
            "2022/first-nas",
            "2023/first-nas",
            "2024/alone",
            "2024/better-name",
            "guide/intro",
            "top"
        ]
    );
    let manifest = fs::read_to_string(out.join("posts/index.json")).unwrap_or_default();
    let manifest = folio_core::Manifest::from_json(&manifest).unwrap_or_else(|e| panic!("{e}"));
    let alone = manifest.posts.iter().find(|p| p.slug == "2024/alone");
    let link = folio_core::paths::post_url("/", "guide/intro");
    let shell = fs::read_to_string(out.join("posts/2024/alone/index.html")).unwrap_or_default();
    assert!(
        alone.is_some() && shell.contains(&format!("href=\"{link}\"")),
        "{shell}"
    );
    // Old one-segment addresses lead on where exactly one post had them and nothing has them now.
    let redirect = |name: &str| fs::read_to_string(out.join("posts").join(name).join("index.html"));
    let renamed = redirect("better-name").unwrap_or_default();
    assert!(
        renamed.contains("url=/posts/2024/better-name/\""),
        "{renamed}"
    );
    assert!(
        redirect("alone")
            .unwrap_or_default()
            .contains("url=/posts/2024/alone/")
    );
    // Two posts were at /posts/first-nas/: neither gets the old address.
    assert!(redirect("first-nas").is_err());
    // A bundle's page is its folder; its own files sit beside it.
    assert!(out.join("posts/guide/intro/index.html").is_file());
    assert!(out.join("posts/guide/intro/pic.png").is_file());
}

#[test]
fn aliases_lead_to_the_post_unless_taken() {
    let dir = content(&[
        (
            "posts/2024/moved.md",
            "---\ndate: 2024-01-01\naliases: [/2019/01/old-post/, /old.html, /posts/top/, /tags/, https://x.example/a/]\n---\n# Moved\n",
        ),
        ("posts/top.md", "---\ndate: 2020-01-01\n---\n# Top\n"),
    ]);
    let (out, run) = index_with_shells(&dir);
    let read = |path: &str| fs::read_to_string(out.join(path)).unwrap_or_default();
    assert!(read("2019/01/old-post/index.html").contains("url=/posts/2024/moved/\""));
    assert!(read("old.html").contains("url=/posts/2024/moved/\""));
    // The one-segment address from before URLs mirrored folders too.
    assert!(read("posts/moved/index.html").contains("url=/posts/2024/moved/\""));
    // Taken addresses keep what they are, and the writer is told.
    assert!(read("posts/top/index.html").contains("<h1 class=\"post-title\">Top</h1>"));
    assert!(!read("tags/index.html").contains("url="));
    for said in [
        "the alias /posts/top cannot",
        "the alias /tags cannot",
        "\"https://x.example/a/\" is not a path",
    ] {
        assert!(run.stderr.contains(said), "{said}: {}", run.stderr);
    }
    let manifest = folio_core::Manifest::from_json(&read("posts/index.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        manifest
            .redirects
            .get("2019/01/old-post")
            .map(String::as_str),
        Some("2024/moved")
    );
}
