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
    // The tag list, the archive and a tag's page ask for their own file, never for every post.
    for (shell, file) in [
        ("tags/index.html", "/posts/pages/tags.json"),
        ("archive/index.html", "/posts/pages/archive/1.json"),
        ("tags/one/index.html", "/posts/pages/tags/one/1.json"),
    ] {
        let html = read(shell);
        assert!(html.contains(&preload(file)), "{shell}: {html}");
        assert!(!html.contains("posts/index.json"), "{shell}: {html}");
    }
    // 404.html stands for every address: no file is preloaded for all of them, but its script
    // preloads what a post's address names.
    let not_found = read("404.html");
    assert!(!not_found.contains("<link rel=\"preload\""), "{not_found}");
    assert!(not_found.contains("\"/post.json\""), "{not_found}");
    assert!(!read("posts/due-today/index.html").contains("\"/post.json\""));
}

#[test]
fn the_search_page_preloads_the_search_module_and_no_other_page_does() {
    let dir = workspace("index/site");
    let out = dir.path().join("out");
    for module in [
        "extras-search-0123456789abcdef",
        "extras-math-fedcba9876543210",
    ] {
        fs::create_dir_all(out.join(module)).unwrap_or_else(|e| panic!("{e}"));
        fs::write(out.join(module).join("folio_extras.js"), "").unwrap_or_else(|e| panic!("{e}"));
    }
    let shell = "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>";
    fs::write(out.join("index.html"), shell).unwrap_or_else(|e| panic!("{e}"));
    folio(dir.path(), &["index", "site", "--out", "out", "--shell"]);
    let read = |path: &str| fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{e}"));
    let js = "/extras-search-0123456789abcdef/folio_extras.js";
    let search = read("search/index.html");
    assert!(
        search.contains(&format!(
            "<link rel=\"modulepreload\" href=\"{js}\" crossorigin=\"anonymous\">"
        )),
        "{search}"
    );
    assert!(
        search.contains(
            "<link rel=\"preload\" href=\"/extras-search-0123456789abcdef/folio_extras_bg.wasm\" \
             as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">"
        ),
        "{search}"
    );
    // Every page names the modules (a search may start anywhere); only the search page fetches
    // one before the app asks.
    for page in [
        "index.html",
        "404.html",
        "posts/due-today/index.html",
        "tags/index.html",
    ] {
        let html = read(page);
        assert!(
            html.contains(&format!(
                "<meta name=\"folio:extras-search\" content=\"{js}\">"
            )),
            "{page}: {html}"
        );
        assert!(
            !html.contains("modulepreload\" href=\"/extras-"),
            "{page}: {html}"
        );
        assert!(!html.contains("folio_extras_bg.wasm"), "{page}: {html}");
    }
}

/// The index fixture's shells named `paths`, built with `--shell` (and `options`) from
/// `template` as Trunk's `index.html` and `404.html`; run twice, and the second run must write
/// them the same. Also returns the fixture's folder, with the output in `out/`.
fn shells_from_template<const N: usize>(
    template: &str,
    options: &[&str],
    paths: [&str; N],
) -> (tempfile::TempDir, [String; N]) {
    let dir = workspace("index/site");
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("index.html"), template).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("404.html"), template).unwrap_or_else(|e| panic!("{e}"));
    let read = |path: &str| fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{e}"));
    let mut runs = Vec::new();
    for _ in 0..2 {
        let args = [&["index", "site", "--out", "out", "--shell"], options].concat();
        let run = folio(dir.path(), &args);
        assert_eq!(run.code, 0, "{}", run.transcript());
        runs.push(paths.map(read));
    }
    assert_eq!(runs[0], runs[1], "a second run writes the same shells");
    (dir, runs.swap_remove(0))
}

/// Asserts that each of `needles` is in `text`, the first of each after the first of the one
/// before.
fn assert_in_order(path: &str, text: &str, needles: &[&str]) {
    let at: Vec<usize> = needles
        .iter()
        .map(|needle| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{path}: no {needle} in {text}"))
        })
        .collect();
    assert!(
        at.windows(2).all(|pair| pair[0] < pair[1]),
        "{path}: {needles:?} at {at:?}: {text}"
    );
}

#[test]
fn a_shell_with_a_first_paint_starts_the_app_after_its_content_and_runs_twice_alike() {
    // What Trunk writes: the module script and the preloads of the app in the head.
    let trunk = concat!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title>",
        "<script type=\"module\">import init from '/app-1.js';\nawait init();</script>",
        "<link rel=\"stylesheet\" href=\"/main-1.css\">",
        "<link rel=\"modulepreload\" href=\"/app-1.js\">",
        "<link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\">",
        "</head><body></body></html>"
    );
    let shells = [
        "index.html",
        "posts/due-today/index.html",
        "tags/one/index.html",
        "404.html",
    ];
    let (_, written) = shells_from_template(trunk, &[], shells);
    for (path, html) in shells.iter().zip(&written) {
        let (head, body) = html.split_at(html.find("</head>").unwrap_or(0));
        let module = "<script type=\"module\">";
        assert!(
            head.contains("main-1.css"),
            "{path}: the stylesheet stays in the head"
        );
        if *path == "404.html" {
            assert!(
                head.contains(module) && head.contains("app-1_bg.wasm"),
                "{path}: {html}"
            );
            continue;
        }
        // The page's content, then its own file, then the app: nothing of the app before the
        // content is parsed.
        assert!(
            !head.contains(module) && !head.contains("preload"),
            "{path}: {head}"
        );
        assert_in_order(
            path,
            body,
            &[
                "</main>",
                "rel=\"preload\" href=\"/posts/",
                module,
                "app-1_bg.wasm",
            ],
        );
        assert_eq!(html.matches(module).count(), 1, "{path}");
    }
}

#[test]
fn a_template_written_the_way_a_minifier_writes_html_gives_the_same_shells() {
    // What Trunk writes with `minify` on, and what a writer may write by hand: attributes
    // unquoted, names in capitals, a `>` inside a quoted value, a tag inside a comment.
    let trunk = concat!(
        "<!doctype html><HTML LANG=de data-theme-default=light><HEAD><meta charset=utf-8>",
        "<!-- <title>not this one</title> --><Title>x</Title>",
        "<script type=module>import init from '/app-1.js';\nawait init();</script>",
        "<link href=/main-1.css rel=stylesheet>",
        "<link crossorigin href=/app-1.js rel=modulepreload>",
        "<link as=fetch href='/app-1_bg.wasm' rel=preload type=application/wasm>",
        "</HEAD><BODY class=\"a>b\"></BODY></HTML>"
    );
    let shells = ["index.html", "posts/due-today/index.html", "404.html"];
    let (dir, first) = shells_from_template(trunk, &["--service-worker"], shells);
    let read = |path: &str| {
        fs::read_to_string(dir.path().join("out").join(path)).unwrap_or_else(|e| panic!("{e}"))
    };
    for (path, html) in shells.into_iter().zip(first) {
        let html_tag = &html[..html
            .find("<HEAD>")
            .unwrap_or_else(|| panic!("{path}: {html}"))];
        // The site's language and theme replace the template's, once each.
        assert!(
            html_tag.ends_with("<HTML lang=\"en\" data-theme-default=\"auto\">"),
            "{path}: {html_tag}"
        );
        let comment = "<!-- <title>not this one</title> -->";
        assert!(html.contains(comment), "{path}");
        let titles = html.replace(comment, "").matches("<title>").count();
        assert_eq!(titles, 1, "{path}: {html}");
        assert!(!html.contains("<Title>x</Title>"), "{path}: {html}");
        let (head, body) = html.split_at(html.find("</HEAD>").unwrap_or(0));
        assert!(
            body.starts_with("</HEAD><BODY class=\"a>b\">"),
            "{path}: {body}"
        );
        assert_eq!(html.matches("<script type=module>").count(), 1, "{path}");
        if path == "404.html" {
            assert!(head.contains("<script type=module>"), "{path}: {html}");
        } else {
            // The first paint, then the app's tags, moved out of the head.
            assert!(
                !head.contains("<script type=module>") && !head.contains("modulepreload"),
                "{path}: {head}"
            );
            assert_in_order(
                path,
                body,
                &["folio:body -->", "<script type=module>", "'/app-1_bg.wasm'"],
            );
        }
    }
    // The offline worker keeps the app's files, found in the unquoted links.
    let worker = read("sw.js");
    for asset in ["/main-1.css", "/app-1.js", "/app-1_bg.wasm"] {
        assert!(
            worker.contains(&format!("\"{asset}\"")),
            "{asset} in {worker}"
        );
    }
}

/// The home page files `folio index` wrote into `out/posts/pages/`, by number.
fn home_pages(out: &Path) -> Vec<folio_core::ListPage> {
    let dir = out.join("posts/pages");
    // Tag pages, the archive's and the tag list are beside them.
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|entry| entry.unwrap_or_else(|e| panic!("{e}")).file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| {
            name.strip_suffix(".json")
                .is_some_and(|stem| stem.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    names.sort_by_key(|name| name.trim_end_matches(".json").parse::<usize>().unwrap_or(0));
    names
        .iter()
        .map(|name| {
            let json = fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{e}"));
            folio_core::ListPage::from_json(&json).unwrap_or_else(|e| panic!("{name}: {e}"))
        })
        .collect()
}

/// The index fixture, `lines` added to its `site.toml`.
fn fixture_with(lines: &str) -> tempfile::TempDir {
    let dir = workspace("index/site");
    let toml = dir.path().join("site/site.toml");
    let text = fs::read_to_string(&toml).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&toml, format!("{lines}\n{text}")).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// The index fixture, its site set to `per_page` posts a page, indexed into `out/`.
fn indexed_with_pages_of(per_page: usize) -> tempfile::TempDir {
    let dir = fixture_with(&format!("posts_per_page = {per_page}"));
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

/// The list page file at `file` below `out/`.
fn list_page(out: &Path, file: &str) -> folio_core::ListPage {
    let json = fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    folio_core::ListPage::from_json(&json).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn tags_and_the_archive_are_paged_like_the_home_page_each_page_from_its_own_file() {
    let dir = indexed_with_pages_of(1);
    let out = dir.path().join("out");
    // `one` is on two published posts: two pages of one post; `two` on one.
    let first = list_page(&out, "posts/pages/tags/one/1.json");
    let second = list_page(&out, "posts/pages/tags/one/2.json");
    assert_eq!(
        first.list,
        folio_core::ListKind::Tag {
            name: "one".into(),
            slug: "one".into()
        }
    );
    assert_eq!((first.page, first.pages, first.total_posts), (1, 2, 2));
    assert_eq!((second.page, second.pages, second.posts.len()), (2, 2, 1));
    let tagged: Vec<_> = [&first, &second]
        .iter()
        .flat_map(|page| page.posts.iter().map(|post| post.slug.clone()))
        .collect();
    assert_eq!(tagged, ["due-today", "published"]);
    assert!(!out.join("posts/pages/tags/one/3.json").exists());
    assert_eq!(
        list_page(&out, "posts/pages/tags/two/1.json").total_posts,
        1
    );
    assert!(
        !out.join("posts/pages/tags/three").exists(),
        "a scheduled post's tag is not published"
    );
    // The archive lists every published post with what it shows (title, date), no more.
    let archive = list_page(&out, "posts/pages/archive/1.json");
    assert_eq!(archive.list, folio_core::ListKind::Archive);
    assert_eq!((archive.pages, archive.total_posts), (1, 3));
    assert!(
        archive
            .posts
            .iter()
            .all(|post| post.excerpt.is_empty() && post.tags.is_empty() && !post.title.is_empty())
    );
    let json = fs::read_to_string(out.join(folio_core::paths::TAG_LIST_FILE))
        .unwrap_or_else(|e| panic!("{e}"));
    let tags = folio_core::TagList::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    let counts: Vec<_> = tags
        .tags
        .iter()
        .map(|t| (t.name.as_str(), t.count))
        .collect();
    assert_eq!(counts, [("one", 2), ("two", 1)]);
}

#[test]
fn a_tag_that_went_leaves_no_pages_behind() {
    let dir = indexed_with_pages_of(1);
    let out = dir.path().join("out");
    assert!(out.join("posts/pages/tags/two/1.json").is_file());
    fs::remove_file(dir.path().join("site/posts/published.md")).unwrap_or_else(|e| panic!("{e}"));
    let run = folio(dir.path(), &["index", "site", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        !out.join("posts/pages/tags/two").exists(),
        "its folder is gone"
    );
    assert!(!out.join("posts/pages/tags/one/2.json").exists());
    assert_eq!(list_page(&out, "posts/pages/tags/one/1.json").pages, 1);
}

#[test]
fn every_page_of_a_tag_and_of_the_archive_has_a_shell_that_paints_it() {
    let dir = fixture_with("posts_per_page = 1");
    let (out, _) = index_with_shells(&dir);
    let read = |path: &str| fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{e}"));
    let second = read("tags/one/page/2/index.html");
    assert!(
        second.contains("<title>#one · Page 2 · Index fixture</title>"),
        "{second}"
    );
    assert!(
        second.contains("href=\"/posts/pages/tags/one/2.json\""),
        "{second}"
    );
    assert!(
        second.contains("href=\"/tags/one/\" rel=\"prev\""),
        "{second}"
    );
    assert!(second.contains("Page 2 of 2"), "{second}");
    assert!(!out.join("tags/one/page/3").exists());
    let first = read("tags/one/index.html");
    assert!(
        first.contains("href=\"/tags/one/page/2/\" rel=\"next\""),
        "{first}"
    );
    // Three posts fit on one page of the archive.
    assert!(read("archive/index.html").contains("<title>Archive · Index fixture</title>"));
    assert!(!out.join("archive/page").exists());
}

#[test]
fn every_address_in_the_sitemap_has_a_shell_and_every_list_page_is_in_it() {
    let dir = fixture_with("base_url = \"https://example.org/\"\nposts_per_page = 1");
    let (out, _) = index_with_shells(&dir);
    let xml = fs::read_to_string(out.join("sitemap.xml")).unwrap_or_else(|e| panic!("{e}"));
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<String> = doc
        .descendants()
        .filter(|node| node.has_tag_name("loc"))
        .filter_map(|node| node.text()?.strip_prefix("https://example.org/"))
        .map(|path| folio_core::paths::decode_segment(path).unwrap_or_else(|| panic!("{path}")))
        .collect();
    for path in &paths {
        assert!(
            out.join(path).join("index.html").is_file(),
            "{path} has no shell"
        );
    }
    for page in [
        "page/3/",
        "tags/one/page/2/",
        "tags/two/",
        "archive/",
        "tags/",
    ] {
        assert!(
            paths.iter().any(|path| path == page),
            "{page} not in {paths:?}"
        );
    }
    assert!(
        !paths
            .iter()
            .any(|path| path == "page/4/" || path == "tags/one/page/3/")
    );
}
