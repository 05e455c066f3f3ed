//! `folio index` on hostile content: file names that could not be fetched safely stay out of
//! the index, hostile front matter is escaped in the shells, and `--csp` writes a policy that
//! allows exactly the app shell's inline script.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;
use std::process::Command;

const APP_SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Folio</title>\n<script type=\"module\">\nimport init from '/app.js';\nawait init();\n</script>\n</head>\n<body></body>\n</html>\n";

/// Runs `folio index <content> --out <out> --shell [extra]`, returning stderr.
fn index(content: &Path, out: &Path, extra: &[&str]) -> String {
    fs::create_dir_all(out).unwrap();
    fs::write(out.join("index.html"), APP_SHELL).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("index")
        .arg(content)
        .arg("--out")
        .arg(out)
        .arg("--shell")
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr
}

fn content_with(posts: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content/posts")).unwrap();
    for (name, text) in posts {
        fs::write(dir.path().join("content/posts").join(name), text).unwrap();
    }
    dir
}

#[test]
fn file_names_the_app_would_refuse_to_fetch_stay_out_of_the_index() {
    let dir = content_with(&[
        ("good.md", "# Good\n"),
        ("back\\slash.md", "# Backslash\n"),
        ("%2e%2e.md", "# Encoded dots\n"),
    ]);
    let out = dir.path().join("out");
    let stderr = index(&dir.path().join("content"), &out, &[]);
    let manifest = fs::read_to_string(out.join("posts/index.json")).unwrap();
    let manifest = folio_core::Manifest::from_json(&manifest).unwrap();
    let files: Vec<&str> = manifest.posts.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files, ["good.md"]);
    assert!(stderr.contains("contains a backslash"), "{stderr}");
    assert!(stderr.contains("contains a percent escape"), "{stderr}");
}

#[test]
fn hostile_front_matter_is_text_in_the_shell() {
    let dir = content_with(&[(
        "hostile.md",
        "---\ntitle: \"</title><script>alert(1)</script>\"\ndescription: '\"><img src=x onerror=alert(1)>'\n---\nBody.\n",
    )]);
    let out = dir.path().join("out");
    index(&dir.path().join("content"), &out, &[]);
    let shell = fs::read_to_string(out.join("posts/hostile/index.html")).unwrap();
    assert!(
        shell
            .contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; · Folio</title>"),
        "{shell}"
    );
    assert!(
        shell.contains(
            "<meta name=\"description\" content=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
        ),
        "{shell}"
    );
    // The loader and the JSON-LD data block, which escapes `<` so no value can end it early.
    let data = "<script type=\"application/ld+json\">";
    assert_eq!(shell.matches("<script").count(), 2, "{shell}");
    assert_eq!(shell.matches(data).count(), 1, "{shell}");
    assert_eq!(shell.matches("</script>").count(), 2, "{shell}");
}

#[test]
fn csp_goes_into_every_shell_only_when_asked_and_once_on_a_rerun() {
    let dir = content_with(&[("a.md", "---\ntags: [x]\n---\nA.\n")]);
    let content = dir.path().join("content");
    let out = dir.path().join("out");
    index(&content, &out, &[]);
    assert!(
        !fs::read_to_string(out.join("posts/a/index.html"))
            .unwrap()
            .contains("Content-Security-Policy")
    );

    index(&content, &out, &["--csp"]);
    // The loader script's hash: `printf '\nimport init from …\n' | openssl dgst -sha256 -binary | base64`.
    let expected = "'sha256-mStLiw5ufhC4Rn65S+yuobFT1L6YIq0IsINW02YqTpc='";
    for page in [
        "index.html",
        "404.html",
        "posts/a/index.html",
        "tags/x/index.html",
    ] {
        let html = fs::read_to_string(out.join(page)).unwrap();
        assert_eq!(html.matches("Content-Security-Policy").count(), 1, "{page}");
        assert!(html.contains(expected), "{page}: {html}");
        let meta = html.find("Content-Security-Policy").unwrap();
        assert!(meta < html.find("<script").unwrap(), "{page}");
    }
    // The hook runs again on every rebuild, with index.html already carrying a policy.
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    fs::write(out.join("index.html"), &home).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["index", "--shell", "--csp", "--out"])
        .arg(&out)
        .arg(&content)
        .output()
        .unwrap();
    assert!(output.status.success());
    let again = fs::read_to_string(out.join("posts/a/index.html")).unwrap();
    assert_eq!(again.matches("Content-Security-Policy").count(), 1);
    // The loader's and 404.html's address script's (`shell/address_post.rs`).
    assert_eq!(again.matches("'sha256-").count(), 2, "{again}");
}

#[test]
fn names_folio_writes_and_overlong_tags_never_stop_the_build() {
    let long_tag = "情".repeat(100);
    let dir = content_with(&[
        ("other.md", "# Other\n"),
        ("json.md", "---\ntitle: Json\nslug: index.json\n---\nJ.\n"),
        ("pages.md", "---\ntitle: Pages\nslug: pages\n---\nP.\n"),
        ("raw.md", "---\ntitle: Raw\nslug: other.md\n---\nR.\n"),
        (
            "tagged.md",
            &format!("---\ntitle: Tagged\ntags: [index.html, {long_tag}, ok]\n---\nT.\n"),
        ),
    ]);
    let content = dir.path().join("content");
    let out = dir.path().join("out");
    let stderr = index(&content, &out, &[]);
    // Folio's own files are intact and every post has a page.
    let manifest = fs::read_to_string(out.join("posts/index.json")).unwrap();
    let manifest = folio_core::Manifest::from_json(&manifest).unwrap();
    let mut slugs: Vec<&str> = manifest.posts.iter().map(|p| p.slug.as_str()).collect();
    slugs.sort_unstable();
    assert_eq!(
        slugs,
        ["index.json-2", "other", "other.md-2", "pages-2", "tagged"]
    );
    for slug in &slugs {
        assert!(
            out.join("posts").join(slug).join("index.html").is_file(),
            "{slug}"
        );
    }
    assert!(out.join("posts/pages/1.json").is_file());
    assert_eq!(
        fs::read_to_string(out.join("posts/other.md")).unwrap(),
        "# Other\n"
    );
    assert!(
        fs::read_to_string(out.join("tags/index.html"))
            .unwrap()
            .contains("<html")
    );
    for tag in ["index.html", long_tag.as_str(), "ok"] {
        let slug = folio_core::tag_slug(tag);
        let page = out.join("tags").join(&slug).join("index.html");
        let html = fs::read_to_string(&page).unwrap();
        // The page shows the whole tag, whatever its folder is called.
        assert!(html.contains(tag), "{}", page.display());
    }
    for said in [
        "the URL /posts/index.json/ is taken",
        "the URL /posts/pages/ is taken",
        "the URL /posts/other.md/ is taken",
        "the tag \"index.html\"",
        &format!("the tag \"{long_tag}\""),
    ] {
        assert!(stderr.contains(said), "{said}: {stderr}");
    }
    let check = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("check")
        .arg(&content)
        .output()
        .unwrap();
    let check = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.contains("the URL /posts/index.json/ is taken"),
        "{check}"
    );
    assert!(check.contains("the tag \"index.html\""), "{check}");
}

#[test]
fn content_files_where_the_build_writes_its_own_are_left_out_with_a_warning() {
    let dir = content_with(&[("a.md", "---\ntags: [x]\n---\nA.\n")]);
    let content = dir.path().join("content");
    fs::write(content.join("index.html"), "CONTENT-INDEX").unwrap();
    fs::write(content.join("feed.xml"), "CONTENT-FEED").unwrap();
    fs::create_dir_all(content.join("tags/index.html")).unwrap();
    fs::write(content.join("tags/index.html/x.txt"), "CONTENT-TAGS").unwrap();
    fs::create_dir_all(content.join("posts/pages")).unwrap();
    fs::write(content.join("posts/pages/1.json"), "CONTENT-PAGE").unwrap();
    // A folder shaped like the extras module's (an old dist/ copied in) would be taken for it.
    fs::create_dir_all(content.join("extras-0123456789abcdef")).unwrap();
    fs::write(
        content.join("extras-0123456789abcdef/folio_extras.js"),
        "CONTENT-EXTRAS",
    )
    .unwrap();
    // A file whose name only starts like it is the writer's.
    fs::write(content.join("extras-list.txt"), "CONTENT-LIST").unwrap();
    let out = dir.path().join("out");
    let stderr = index(&content, &out, &[]);
    for file in [
        "index.html",
        "feed.xml",
        "tags/index.html/x.txt",
        "posts/pages/1.json",
        "extras-0123456789abcdef/folio_extras.js",
    ] {
        assert!(
            stderr.contains(&format!("the build writes {file} itself")),
            "{file}: {stderr}"
        );
    }
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<html"), "{home}");
    assert!(
        fs::read_to_string(out.join("tags/index.html"))
            .unwrap()
            .contains("<html")
    );
    assert!(
        fs::read_to_string(out.join("posts/pages/1.json"))
            .unwrap()
            .contains("\"posts\"")
    );
    assert!(!out.join("extras-0123456789abcdef").exists());
    assert_eq!(
        fs::read_to_string(out.join("extras-list.txt")).unwrap(),
        "CONTENT-LIST"
    );
}

/// Every character XML forbids or HTML calls a parse error, each way a post can hold one: ANSI
/// colour codes in a console block, `\x01` and U+FFFE in the title, form feeds, U+FFFF, a YAML
/// `\x01` escape, and a character reference to a control character.
const CONTROL_CHARACTERS: &str = "---\ntitle: \"Bell\u{1} rings \u{FFFE}\"\n\
    description: \"escaped\\x01 bell\"\ntags: [\"page\u{c}break\"]\n---\n\n\
    ## Build \u{1b}[1mlog\u{1b}[0m\n\n\
    ```console\n$ cargo test\n\u{1b}[31merror\u{1b}[0m: 1 test failed\n```\n\n\
    Page one.\u{c}Page two, a noncharacter \u{FFFF}, another \u{FFFE}, a DEL \u{7f} and a \
    reference &#1; here.\n";

#[test]
fn feeds_sitemap_and_shells_stay_valid_whatever_characters_a_post_holds() {
    let dir = content_with(&[
        ("terminal.md", CONTROL_CHARACTERS),
        ("plain.md", "# Plain\n\nText.\n"),
    ]);
    let content = dir.path().join("content");
    fs::write(
        content.join("site.toml"),
        "title = \"Logs\"\nbase_url = \"https://example.org/\"\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    index(&content, &out, &[]);

    for name in ["feed.xml", "rss.xml", "sitemap.xml"] {
        let xml = fs::read_to_string(out.join(name)).unwrap();
        if let Err(error) = roxmltree::Document::parse(&xml) {
            panic!("{name} is not XML: {error}\n{xml}");
        }
    }
    for name in ["feed.xml", "rss.xml"] {
        let feed = feed_rs::parser::parse(fs::read(out.join(name)).unwrap().as_slice()).unwrap();
        let entry = feed
            .entries
            .iter()
            .find(|entry| entry.links.iter().any(|l| l.href.contains("terminal")))
            .unwrap();
        let title = &entry.title.as_ref().unwrap().content;
        assert_eq!(title, "Bell\u{FFFD} rings \u{FFFD}", "{name}");
        let body = entry.content.as_ref().unwrap().body.as_ref().unwrap();
        for text in [
            "\u{FFFD}[31merror\u{FFFD}[0m: 1 test failed",
            "Page one. Page two, a noncharacter \u{FFFD}, another \u{FFFD}, a DEL \u{FFFD}",
        ] {
            assert!(body.contains(text), "{name}: {text:?} in {body}");
        }
        let summary = &entry.summary.as_ref().unwrap().content;
        assert_eq!(summary, "escaped\u{FFFD} bell", "{name}");
    }
    // The shells hold the same text, and nothing HTML calls a parse error.
    let shell = fs::read_to_string(out.join("posts/terminal/index.html")).unwrap();
    assert!(shell.contains("<title>Bell\u{FFFD} rings \u{FFFD} · Logs</title>"));
    assert!(shell.contains("\u{FFFD}[31merror\u{FFFD}[0m"), "{shell}");
    for page in [
        "posts/terminal/index.html",
        "tags/page-break/index.html",
        "index.html",
    ] {
        let html = fs::read_to_string(out.join(page)).unwrap();
        assert_eq!(folio_core::chars::first_forbidden(&html), None, "{page}");
    }
}

#[test]
fn a_post_shell_holds_its_body_once_and_no_rendering_marks() {
    let dir = content_with(&[(
        "marks.md",
        "---\ntitle: \"<!> folio:body\"\n---\nFirst <!-- kept --> line.\n\n## Two\n\n## Three\n",
    )]);
    let out = dir.path().join("out");
    index(&dir.path().join("content"), &out, &[]);
    let shell = fs::read_to_string(out.join("posts/marks/index.html")).unwrap();
    assert!(!shell.contains("<!>"), "{shell}");
    assert_eq!(shell.matches("<p>First  line.</p>").count(), 1, "{shell}");
    assert!(
        shell.contains("<h1 class=\"post-title\">&lt;!&gt; folio:body</h1>"),
        "{shell}"
    );
}

#[test]
fn link_previews_show_only_images_that_are_there() {
    let dir = content_with(&[
        (
            "gone.md",
            "---\ncover: gone.jpg\n---\nText.\n\n![here](here.svg)\n",
        ),
        ("kept.md", "---\ncover: here.svg\n---\nText.\n"),
        (
            "remote.md",
            "---\ncover: https://img.example/a.png\n---\nText.\n",
        ),
        ("none.md", "---\ncover: gone.jpg\n---\nText.\n"),
    ]);
    let content = dir.path().join("content");
    fs::write(
        content.join("posts/here.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .unwrap();
    fs::write(
        content.join("site.toml"),
        "base_url = \"https://blog.example/\"\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    index(&content, &out, &[]);
    let og = |post: &str| {
        let shell = fs::read_to_string(out.join("posts").join(post).join("index.html")).unwrap();
        shell
            .split("<meta property=\"og:image\" content=\"")
            .nth(1)
            .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
    };
    assert_eq!(
        og("gone").as_deref(),
        Some("https://blog.example/posts/here.svg")
    );
    assert_eq!(
        og("kept").as_deref(),
        Some("https://blog.example/posts/here.svg")
    );
    assert_eq!(og("remote").as_deref(), Some("https://img.example/a.png"));
    assert_eq!(og("none"), None);
}
