//! Snapshots of rendered posts, one fixture per feature, under `tests/fixtures/render/`.
//!
//! Each snapshot holds the HTML and, below a `---`, everything else the renderer returns. Review
//! changes by eye: the HTML here is what readers get.

use std::fmt::Write;

use folio_core::{RenderOptions, Rendered, render};

const BASE: &str = "/blog/posts/2024/";
const CHINESE_TITLE: &str = "雨夜里的旧书店：一座城市的“慢”记忆";

/// Posts that exist, as the CLI would know them: `.md` path to page URL.
fn post_link(path: &str) -> Option<String> {
    let known = [
        "/blog/posts/2024/other.md",
        "/blog/posts/2023/old.md",
        "/blog/posts/2024/sub/b.md",
        "/blog/posts/2024/中文文章.md",
        "/blog/posts/2024/my post.md",
    ];
    known.contains(&path).then(|| {
        let stem = path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".md");
        format!("/blog/posts/{stem}/")
    })
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/render/{name}.md",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn render_fixture(name: &str, title: Option<&str>, first_line: usize) -> String {
    let options = RenderOptions {
        title,
        first_line,
        post_link: Some(&post_link),
        ..RenderOptions::new(BASE)
    };
    describe(&render(&fixture(name), &options))
}

/// The HTML, then the other fields, one per line.
fn describe(out: &Rendered) -> String {
    let mut s = out.html.clone();
    s.push_str("---\n");
    let _ = writeln!(s, "title: {:?}", out.title);
    let _ = writeln!(s, "first_heading: {:?}", out.first_heading);
    let _ = writeln!(s, "excerpt: {:?}", out.excerpt);
    let t = out.reading_time;
    let _ = writeln!(
        s,
        "reading_time: {} min ({} CJK chars, {} words)",
        t.minutes, t.cjk_chars, t.words
    );
    s.push_str("headings:\n");
    for h in &out.headings {
        let _ = writeln!(s, "  h{} #{} {:?}", h.level, h.id, h.text);
    }
    s.push_str("problems:\n");
    for p in &out.problems {
        let _ = writeln!(s, "  {}: {:?}: {}", p.line, p.severity, p.message);
    }
    s
}

#[test]
fn alerts_become_titled_boxes() {
    insta::assert_snapshot!(render_fixture("alerts", None, 1));
}

#[test]
fn footnotes_are_numbered_by_first_reference_and_collected_at_the_end() {
    insta::assert_snapshot!(render_fixture("footnotes", None, 1));
}

#[test]
fn tables_are_wrapped_for_scrolling() {
    insta::assert_snapshot!(render_fixture("tables", None, 1));
}

#[test]
fn task_lists_and_strikethrough() {
    insta::assert_snapshot!(render_fixture("task-lists", None, 1));
}

#[test]
fn headings_get_unique_cjk_safe_ids_and_anchors() {
    insta::assert_snapshot!(render_fixture("headings", Some("Not the h1"), 1));
}

#[test]
fn a_leading_h1_equal_to_the_title_is_taken_out() {
    insta::assert_snapshot!(render_fixture("title", Some(CHINESE_TITLE), 1));
}

#[test]
fn images_are_lazy_resolved_and_alone_become_figures() {
    insta::assert_snapshot!(render_fixture("images", None, 1));
}

#[test]
fn links_resolve_against_the_post_folder() {
    insta::assert_snapshot!(render_fixture("links", None, 1));
}

#[test]
fn raw_html_is_sanitized_by_default() {
    insta::assert_snapshot!(render_fixture("raw-html", None, 10));
}

#[test]
fn raw_html_passes_through_when_trusted() {
    let options = RenderOptions {
        trust_html: true,
        ..RenderOptions::new(BASE)
    };
    insta::assert_snapshot!(describe(&render(&fixture("raw-html"), &options)));
}

#[test]
fn text_before_the_more_marker_is_the_excerpt() {
    insta::assert_snapshot!(render_fixture("more", None, 1));
}

#[test]
fn a_chinese_post_with_a_repeated_title_and_a_remote_image() {
    // Shaped like the seed post: the title repeated as the first heading, `###` sections, CJK
    // punctuation in headings, a remote image, and a body that starts after 17 lines of front matter.
    insta::assert_snapshot!(render_fixture("chinese-post", Some(CHINESE_TITLE), 18));
}

#[test]
fn code_blocks_are_highlighted_with_a_copy_button() {
    insta::assert_snapshot!(render_fixture("code", None, 1));
}

#[test]
fn math_renders_as_mathml_and_errors_show_their_source() {
    insta::assert_snapshot!(render_fixture("math", None, 1));
}

#[test]
fn bare_urls_become_links_and_shortcodes_emoji() {
    insta::assert_snapshot!(render_fixture("autolinks", None, 1));
}

/// The browser renders posts with `render_body` (front matter skipped, metadata from the index)
/// and the build writes `Post::parse`'s HTML into the shell: they must agree on every post, or
/// the app's rendering would differ from the first paint it replaces.
#[test]
fn render_body_matches_the_full_parse_for_every_kind_of_post() {
    use folio_core::post::{PostContext, render_body};
    use folio_core::{Post, PostEntry, SiteConfig};
    let sources = [
        "# Title only\n\nBody.",
        "Intro first.\n\n# Later heading\n\nBody.",
        "---\ntitle: Same\n---\n# Same\n\nBody.",
        "---\ntitle: Front\n---\n# Different\n\nBody.",
        "+++\ntitle = \"TOML\"\n+++\n## Section\n\nText with a [link](other.md).",
        "---\ntitle: \"unclosed\n---\n# Heading\n\nStill here.",
        "---\ntitle: never closed\n\n# Heading\n\nAll of it is the body.",
        "\u{feff}---\r\ntitle: BOM and CRLF\r\n---\r\n# BOM and CRLF\r\n\r\nBody.\r\n",
        "",
        "---\n---\n",
        "---\ntitle: \"\"\n---\n# Empty title\n",
    ];
    let site = SiteConfig::default();
    for source in sources {
        let cx = PostContext::new("/blog/", "2024/post.md");
        let post = Post::parse(source, &cx);
        let entry = PostEntry::from_post(&post, "2024/post.md", &site);
        let body = render_body(source, &entry, &cx);
        assert_eq!(body.html, post.rendered.html, "{source:?}");
        assert_eq!(body.headings, post.rendered.headings, "{source:?}");
    }
}

/// `math = false` in `site.toml` turns `$…$` off site-wide, `math:` in front matter wins, and the
/// app (which renders from the index entry) reads it the same as the build.
#[test]
fn math_follows_the_post_then_the_site() {
    use folio_core::post::{PostContext, render_body};
    use folio_core::{Post, PostEntry, SiteConfig};
    let site_off = SiteConfig::parse("math = false").unwrap_or_else(|e| panic!("{e}"));
    assert!(!site_off.math);
    assert!(SiteConfig::default().math);
    let cases = [
        // (front matter, site reads math, math expected)
        ("", true, true),
        ("", false, false),
        ("math: false\n", true, false),
        ("math: true\n", false, true),
        ("math: yes\n", false, true),
    ];
    for (front, site_math, expected) in cases {
        let source = format!("---\ntitle: T\n{front}---\nArea $x^2$, price $5.\n");
        let cx = PostContext::new("/", "p.md").with_math(site_math);
        let post = Post::parse(&source, &cx);
        assert_eq!(
            post.rendered.html.contains("<math"),
            expected,
            "{front:?} {site_math}"
        );
        let entry = PostEntry::from_post(&post, "p.md", &SiteConfig::default());
        let json = serde_json::to_string(&entry).unwrap_or_default();
        let entry: PostEntry = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(render_body(&source, &entry, &cx).html, post.rendered.html);
    }
}

#[test]
fn vitepress_containers_toc_code_groups_and_vue() {
    insta::assert_snapshot!(render_fixture(
        "vitepress",
        Some("写给 VitePress 的文章"),
        1
    ));
}
