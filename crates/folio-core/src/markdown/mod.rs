//! Markdown to HTML, plus what the rest of Folio needs to know about a post's body: its
//! headings, its title if the body repeats it, an excerpt, the reading time, and problems.
//!
//! One pass: pulldown-cmark's parser feeds a chain of small iterator adapters, each doing one
//! job, and pulldown-cmark's HTML writer writes the result:
//!
//! ```text
//! parser → containers → dollars → raw_html → text → summary → images → links → headings → footnotes → blocks
//!        → code (and math) → writer
//! ```
//!
//! `containers` reads VitePress's `::: tip` containers as blocks; `dollars` puts back the `$` of
//! prices that the parser was kept from reading as math;
//! `raw_html` sanitizes the author's HTML before any adapter adds HTML of its own; `text`
//! replaces emoji shortcodes and turns bare URLs into links for `links` to check; `summary`
//! only watches (excerpt, reading time). Events carry their byte range in the source so problems
//! can name a line.

mod autolink;
mod blocks;
mod code;
pub(crate) mod containers;
mod dollars;
mod fence;
mod footnotes;
mod formulas;
mod headings;
mod images;
mod lines;
mod links;
pub(crate) mod options;
mod raw_html;
mod report;
mod summary;
mod text;
mod toc;

use std::fmt;
use std::ops::Range;

use pulldown_cmark::{Event, TagEnd};
use serde::{Deserialize, Serialize};

use crate::Problem;
use crate::i18n::Strings;
use crate::reading_time::ReadingTime;
use crate::sanitize::Sanitizer;

pub use containers::CONTAINER_NAMES;

/// An event and the bytes of the source it came from.
type Spanned<'a> = (Event<'a>, Range<usize>);

/// Maps a resolved link to another post's `.md` file to that post's page URL (see
/// [`RenderOptions::post_link`]).
pub type PostLink<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Tags that live inside a line of text: a word may run across them (`foo*bar*`), and raw HTML
/// inside them belongs to the enclosing block.
pub(crate) fn is_inline(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Looks up an image's pixel size by its resolved URL (see [`RenderOptions::image_size`]).
pub type ImageSize<'a> = &'a dyn Fn(&str) -> Option<(u32, u32)>;

/// How to render one post.
#[derive(Clone, Copy)]
pub struct RenderOptions<'a> {
    /// URL path of the folder holding the post's .md file, ending in '/', e.g. "/blog/posts/2024/".
    /// Relative links and images resolve against it. Empty string: leave relative URLs alone.
    pub base: &'a str,
    /// Site opt-in: pass raw HTML through untouched. Default false: sanitized.
    pub trust_html: bool,
    /// The post's title from front matter, if any. A leading `# Title` equal to it (or any
    /// leading h1 when there is none) is taken out of the HTML and returned in
    /// [`Rendered::title`], since the page shows the title in its header.
    pub title: Option<&'a str>,
    /// 1-based file line of the body's first line, so problems report file lines.
    pub first_line: usize,
    /// Maps a resolved link to another .md file (e.g. "/blog/posts/2024/other.md", `%XX`
    /// decoded) to that post's page URL; `None` (or the function returning `None`) leaves it
    /// alone. A `?query` or `#fragment` of the link is appended to the page URL.
    pub post_link: Option<PostLink<'a>>,
    /// Pixel size of an image by its resolved URL, when known (the build measures the site's own
    /// images), written as `width`/`height` so the page reserves the space before it loads.
    pub image_size: Option<ImageSize<'a>>,
    /// The words Folio writes into a post (alert titles, "Copy", link labels), in the site's
    /// language.
    pub text: &'static Strings,
    /// Strict CommonMark: no extensions, no folio extras (ids, anchors, lazy images, figures,
    /// leading-h1 removal, `rel` on links). For conformance measurement. Unsafe link URLs are
    /// still removed.
    pub commonmark_only: bool,
    /// `$…$` and `$$…$$` are math (by Pandoc's rules: `$10` is money); off, a `$` is a `$`
    /// (`math = false` in `site.toml`, `math: false` in a post's front matter).
    pub math: bool,
    /// Collect the excerpt and the reading time ([`Rendered::excerpt`],
    /// [`Rendered::reading_time`]). Off, both are empty and the render is quicker: the app
    /// renders an indexed post's body without them, since its index entry has them.
    pub summarize: bool,
}

impl Default for RenderOptions<'_> {
    fn default() -> Self {
        Self::new("")
    }
}

impl<'a> RenderOptions<'a> {
    /// Folio's defaults for a post whose `.md` file lives in the folder `base` (see
    /// [`RenderOptions::base`]): sanitized HTML, no front-matter title, line 1, `.md` links left
    /// as they are.
    pub fn new(base: &'a str) -> Self {
        Self {
            base,
            trust_html: false,
            title: None,
            first_line: 1,
            post_link: None,
            image_size: None,
            text: crate::i18n::english(),
            commonmark_only: false,
            math: true,
            summarize: true,
        }
    }

    /// Strict CommonMark, sanitized; set `trust_html` for the spec's raw-HTML behaviour.
    pub fn commonmark() -> Self {
        Self {
            commonmark_only: true,
            ..Self::new("")
        }
    }
}

impl fmt::Debug for RenderOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RenderOptions")
            .field("base", &self.base)
            .field("trust_html", &self.trust_html)
            .field("title", &self.title)
            .field("first_line", &self.first_line)
            .field(
                "post_link",
                &self.post_link.map(|_| "Fn(&str) -> Option<String>"),
            )
            .field(
                "image_size",
                &self.image_size.map(|_| "Fn(&str) -> Option<(u32, u32)>"),
            )
            .field("commonmark_only", &self.commonmark_only)
            .field("math", &self.math)
            .field("summarize", &self.summarize)
            .finish()
    }
}

/// A heading of the post, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// 1-based file line of the heading, so a linter can point at it.
    #[serde(default)]
    pub line: usize,
    /// The `id` of the heading element, unique within the post (in CommonMark-only mode the id
    /// it would have; nothing is written).
    pub id: String,
    /// The heading's plain text.
    pub text: String,
}

/// The headings a post's table of contents lists (h2–h4); none when there are fewer than two.
/// The app's and the first paint's table of contents both list these
/// (`folio_views::toc::Toc`, and `404.html`'s renderer alone).
///
/// ```
/// use folio_core::{Heading, markdown::toc_headings};
/// let heading = |level, id: &str| Heading { level, line: 1, id: id.into(), text: id.into() };
/// let headings = [heading(1, "t"), heading(2, "a"), heading(5, "x"), heading(3, "b")];
/// let ids: Vec<_> = toc_headings(&headings).into_iter().map(|h| h.id).collect();
/// assert_eq!(ids, ["a", "b"]);
/// assert!(toc_headings(&headings[..2]).is_empty());
/// ```
pub fn toc_headings(headings: &[Heading]) -> Vec<Heading> {
    let entries: Vec<Heading> = headings
        .iter()
        .filter(|heading| (2..=4).contains(&heading.level))
        .cloned()
        .collect();
    if entries.len() < 2 {
        Vec::new()
    } else {
        entries
    }
}

/// A link or image destination kept in the HTML, as the author wrote it (before it was resolved
/// against the post's folder), and where: what `folio check` follows to find broken links and
/// missing images, and what `folio import` rewrites when images move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRef {
    /// The destination as written, entity-decoded by the parser (`../img/a.png`, `other.md#x`,
    /// `https://…`). A reference-style link gives its definition's URL.
    pub url: String,
    /// 1-based file line where the link or image starts.
    pub line: usize,
    /// 1-based character column where the link or image starts.
    pub column: usize,
}

/// A rendered post body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rendered {
    /// The HTML, safe to insert into the page (unless the site trusts its raw HTML, it holds
    /// only markup Folio wrote).
    pub html: String,
    /// Headings h1 to h6 in the HTML, in order (a leading h1 taken out as the title is not here).
    pub headings: Vec<Heading>,
    /// Text of a leading h1 that was taken out as the title.
    pub title: Option<String>,
    /// Text of the first heading of any level, the taken-out title included.
    pub first_heading: Option<String>,
    /// Plain text for lists, feeds and previews (see [`crate::excerpt`]).
    pub excerpt: String,
    /// How long the post takes to read.
    pub reading_time: ReadingTime,
    /// What did not render as written, by file line.
    pub problems: Vec<Problem>,
    /// Markdown links kept in the HTML, in source order (links in raw HTML are not listed).
    #[serde(default)]
    pub links: Vec<LinkRef>,
    /// Markdown images kept in the HTML, in source order (images in raw HTML are not listed).
    #[serde(default)]
    pub images: Vec<LinkRef>,
}

/// Renders a post body (front matter already split off) to HTML, in one pass.
///
/// ```
/// use folio_core::{render, RenderOptions};
///
/// let markdown = "# 情人节\n\n## 遗泽：它曾让我们以为\n\nSee [the other post](../b/other.md).\n";
/// let post_link = |path: &str| (path == "/posts/b/other.md").then(|| "/posts/other/".to_owned());
/// let options = RenderOptions {
///     title: Some("情人节"),
///     post_link: Some(&post_link),
///     ..RenderOptions::new("/posts/a/")
/// };
/// let out = render(markdown, &options);
/// assert_eq!(out.title.as_deref(), Some("情人节"));
/// assert_eq!(out.headings[0].id, "遗泽它曾让我们以为");
/// assert!(out.html.starts_with(r#"<h2 id="遗泽它曾让我们以为">遗泽：它曾让我们以为<a class="anchor""#));
/// assert!(out.html.contains(r#"<a href="/posts/other/">the other post</a>"#));
/// assert_eq!(out.excerpt, "See the other post.");
/// ```
pub fn render(markdown: &str, options: &RenderOptions<'_>) -> Rendered {
    // Characters no page or feed may hold are read as U+FFFD (or a space) from the start, so the
    // HTML, the headings, the excerpt and the title all agree (see `crate::chars`).
    let cleaned = crate::chars::clean(markdown);
    let markdown: &str = &cleaned;
    let extras = !options.commonmark_only;
    // What the parser reads: the same bytes, but for VitePress's container lines (see
    // `containers`) and a `$` that is money (see `dollars`).
    let marked = if extras {
        containers::mark(markdown)
    } else {
        None
    };
    let (written, marks) = match &marked {
        Some((written, marks)) => (written.as_str(), Some(marks)),
        None => (markdown, None),
    };
    let money = dollars::inert_money(written, options);
    let parsed: &str = money.as_deref().unwrap_or(written);
    let report = report::Report::new(markdown, options.first_line);
    let mut summary = summary::Summary::default();
    let mut outline = headings::Outline::default();
    let sanitizer = (!options.trust_html).then(|| {
        Sanitizer::new()
            .resolve_against(options.base)
            .site_extras(extras)
    });

    // The adapters, each one pass over the events. Each one's `next` is marked `#[inline]`: the
    // app's wasm is built for size (opt-level "z"), where the inliner otherwise left some layers
    // as calls that copy every event through memory, and which ones changed with unrelated edits
    // (the same render measured 36 or 46 MB/s in Node). With the hints the chain is one loop, and the
    // app's wasm is no bigger. And each one returns an event it has nothing to do with as the
    // `Option` it got from the adapter before it, checked through a reference: taken apart and
    // built again (`let (event, range) = inner.next()?; … Some((event, range))`), every event
    // was copied once per adapter, about a third of the render's time.
    let events = options::parser(parsed, options);
    let events = containers::Containers::new(events, marks, markdown, parsed, &report);
    let events = dollars::Restore::new(events, money.is_some());
    let events = raw_html::RawHtml::new(events, sanitizer, &report);
    let events = text::TextExtras::new(events, extras, markdown, &report, marks);
    let events = summary::Summarize::new(events, &mut summary, options.summarize);
    let events = images::Images::new(
        events,
        images::Sources {
            base: options.base,
            size: options.image_size,
        },
        extras,
        &report,
    );
    let events = links::Links::new(events, options.base, options.post_link, extras, &report);
    let events = headings::Headings::new(
        events,
        options.title,
        extras,
        options.trust_html,
        options.text,
        &report,
        &mut outline,
    );
    let events = footnotes::Footnotes::new(events, options.text, &report);
    let events = blocks::Blocks::new(events, options.text, marks);
    let events = code::CodeAndMath::new(events, extras, options.text, &report);

    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    pulldown_cmark::html::push_html(&mut html, events.map(|(event, _)| event));
    if marks.is_some_and(containers::Marks::has_toc) {
        html = toc::fill(&html, &outline.headings, options.text);
    }

    let found = report.finish();
    Rendered {
        html,
        headings: outline.headings,
        title: outline.title,
        first_heading: outline.first_heading,
        excerpt: summary.excerpt.finish(),
        reading_time: summary.reading.finish(),
        problems: found.problems,
        links: found.links,
        images: found.images,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn html(markdown: &str, options: &RenderOptions<'_>) -> String {
        render(markdown, options).html
    }

    #[test]
    fn a_render_without_a_summary_makes_the_same_html_and_no_excerpt() {
        let markdown = "# T\n\n第一段，有**重点**。\n\n- a\n- b\n\n```rust\nfn a() {}\n```\n";
        let whole = render(markdown, &RenderOptions::default());
        let quick = render(
            markdown,
            &RenderOptions {
                summarize: false,
                ..RenderOptions::default()
            },
        );
        assert_eq!(quick.html, whole.html);
        assert_eq!(quick.headings, whole.headings);
        assert_eq!(whole.excerpt, "第一段，有重点。");
        assert!(quick.excerpt.is_empty());
        assert_eq!(quick.reading_time.cjk_chars, 0);
    }

    #[test]
    fn the_words_folio_writes_follow_the_site_language() {
        let markdown =
            "> [!TIP]\n> 试试\n\n```rust\nfn a() {}\n```\n\n## 标题\n\n注[^1]\n\n[^1]: 脚注\n";
        let zh = RenderOptions {
            text: crate::i18n::strings_for("zh-CN"),
            ..RenderOptions::new("")
        };
        let html = render(markdown, &zh).html;
        for needle in [
            "<p class=\"alert-title\">提示</p>",
            "aria-label=\"复制代码\">复制</button>",
            "aria-label=\"本节链接：标题\"",
            "aria-label=\"返回引用 1\"",
        ] {
            assert!(html.contains(needle), "{needle}\n{html}");
        }
        let en = render(markdown, &RenderOptions::new("")).html;
        assert!(en.contains("<p class=\"alert-title\">Tip</p>"), "{en}");
        assert!(en.contains(">Copy</button>"), "{en}");
    }

    #[test]
    fn heading_attributes_need_trusted_html() {
        let markdown = "## Hi {#hi .big onclick=alert(1)}\n";
        let out = render(markdown, &RenderOptions::new(""));
        assert!(
            out.html.starts_with(r#"<h2 id="hi" class="big">Hi<a"#),
            "{}",
            out.html
        );
        assert_eq!(out.problems.len(), 1);
        assert_eq!(out.problems[0].severity, Severity::Error);
        let trusted = RenderOptions {
            trust_html: true,
            ..RenderOptions::new("")
        };
        assert!(html(markdown, &trusted).contains(r#"onclick="alert(1)""#));
    }

    #[test]
    fn commonmark_mode_adds_nothing() {
        let markdown = "# Title\n\n![a](b.png \"t\")\n\n[x](https://e.com)\n\n> [!NOTE]\n> n\n";
        let out = render(markdown, &RenderOptions::commonmark());
        assert_eq!(
            out.html,
            "<h1>Title</h1>\n<p><img src=\"b.png\" alt=\"a\" title=\"t\"></p>\n\
             <p><a href=\"https://e.com\">x</a></p>\n<blockquote>\n<p>[!NOTE]\nn</p>\n</blockquote>\n"
        );
        assert_eq!(out.title, None);
        assert_eq!(out.headings[0].id, "title");
    }

    #[test]
    fn a_leading_h1_stays_when_it_differs_from_the_title() {
        let options = RenderOptions {
            title: Some("Another title"),
            ..RenderOptions::new("")
        };
        let out = render("# Title\n\ntext\n", &options);
        assert_eq!(out.title, None);
        assert_eq!(out.headings.len(), 1);
        assert!(out.html.starts_with("<h1 id=\"title\">"));
        let out = render("text\n\n# Title\n", &RenderOptions::new(""));
        assert_eq!(out.title, None, "only the first block can be the title");
        assert_eq!(out.first_heading.as_deref(), Some("Title"));
    }

    #[test]
    fn problems_report_file_lines() {
        let options = RenderOptions {
            first_line: 7,
            ..RenderOptions::new("")
        };
        let out = render("ok\n\n[x](javascript:alert(1))\n", &options);
        assert_eq!(out.problems.len(), 1);
        assert_eq!(out.problems[0].line, 9);
    }

    #[test]
    fn script_text_in_a_paragraph_goes_with_the_script() {
        let out = render("a <script>alert(1)</script> b\n", &RenderOptions::new(""));
        assert_eq!(out.html, "<p>a  b</p>\n");
        assert_eq!(out.excerpt, "a b");
    }

    #[test]
    fn links_images_and_headings_are_located_as_written() {
        let markdown = "Intro [a](other.md#x) and ![pic](img/猫.png).\n\n### Skipped\n\n\
                        [ref][r] <https://e.com> [bad](javascript:x)\n\n[r]: ../up.md\n";
        let options = RenderOptions {
            first_line: 4,
            ..RenderOptions::new("/posts/")
        };
        let out = render(markdown, &options);
        let refs = |list: &[LinkRef]| {
            list.iter()
                .map(|r| (r.url.clone(), r.line, r.column))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            refs(&out.links),
            [
                ("other.md#x".to_owned(), 4, 7),
                ("../up.md".to_owned(), 8, 1),
                ("https://e.com".to_owned(), 8, 10),
            ]
        );
        assert_eq!(refs(&out.images), [("img/猫.png".to_owned(), 4, 27)]);
        assert_eq!((out.headings[0].level, out.headings[0].line), (3, 6));
        assert_eq!(out.problems[0].column, Some(26));
    }

    #[test]
    fn heading_ids_and_links_to_them_stay_out_of_the_apps_namespace() {
        let markdown = "## Intro\n\n## 摘要\n\n## The app {#folio-app}\n\n## Folio prerender\n\n\
                        [a](#folio-app) [b](#intro) [c](other.md#folio-app) [d](other.md#摘要)\n";
        let post_link =
            |path: &str| (path == "/posts/other.md").then(|| "/posts/other/".to_owned());
        let options = RenderOptions {
            post_link: Some(&post_link),
            ..RenderOptions::new("/posts/")
        };
        let out = render(markdown, &options);
        let ids: Vec<&str> = out.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            ["intro", "摘要", "post-folio-app", "post-folio-prerender"]
        );
        for needle in [
            "<h2 id=\"post-folio-app\">The app<a class=\"anchor\" href=\"#post-folio-app\"",
            "<h2 id=\"摘要\">",
            "<a href=\"#post-folio-app\">a</a>",
            "<a href=\"#intro\">b</a>",
            "<a href=\"/posts/other/#post-folio-app\">c</a>",
            "<a href=\"/posts/other/#%E6%91%98%E8%A6%81\">d</a>",
        ] {
            assert!(out.html.contains(needle), "{needle}\n{}", out.html);
        }
        let messages: Vec<&str> = out.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "heading id `folio-app` is kept for Folio's own page elements; using `post-folio-app`"
            ]
        );
    }

    #[test]
    fn characters_no_page_or_feed_may_hold_are_read_as_replacements() {
        let markdown = "# Bell\u{1}\n\n```console\n\u{1b}[31merror\u{1b}[0m\n```\n\n\
                        Page\u{c}break \u{fffe}\u{ffff}.\n";
        let out = render(markdown, &RenderOptions::new(""));
        assert_eq!(out.title.as_deref(), Some("Bell\u{fffd}"));
        assert!(
            out.html.contains("\u{fffd}[31merror\u{fffd}[0m"),
            "{}",
            out.html
        );
        assert!(
            out.html.contains("<p>Page break \u{fffd}\u{fffd}.</p>"),
            "{}",
            out.html
        );
        assert_eq!(out.excerpt, "Page break \u{fffd}\u{fffd}.");
    }

    #[test]
    fn markdown_backslash_links_are_paths_of_the_site() {
        let out = render(
            "[a](/\\evil.com) [b](/\\/evil.com) ![c](/\\evil.com/c.png)\n",
            &RenderOptions::new("/posts/"),
        );
        assert!(
            out.html.contains(
                "<a href=\"/%5Cevil.com\">a</a> <a href=\"//evil.com\" rel=\"noopener noreferrer\">b</a>"
            ),
            "{}",
            out.html
        );
        assert!(
            out.html.contains("src=\"/%5Cevil.com/c.png\""),
            "{}",
            out.html
        );
    }

    /// A VitePress post may open with Vue blocks before its `# Title`: they are shown as nothing
    /// and the heading is still the title, taken out of the body, trusted HTML or not.
    #[test]
    fn a_leading_vue_block_leaves_the_title_to_the_page_header() {
        let markdown = "<script setup>\nimport { ref } from 'vue'\n\nconst n = ref(1)\n</script>\n\n\
                        <style scoped>\n.a { color: red }\n</style>\n\n# 标题\n\n正文\n";
        for trust_html in [false, true] {
            let options = RenderOptions {
                title: Some("标题"),
                trust_html,
                ..RenderOptions::new("")
            };
            let out = render(markdown, &options);
            assert_eq!(out.title.as_deref(), Some("标题"), "trusted: {trust_html}");
            assert_eq!(out.html.trim(), "<p>正文</p>", "trusted: {trust_html}");
            let notes: Vec<(usize, Severity)> =
                out.problems.iter().map(|p| (p.line, p.severity)).collect();
            assert_eq!(notes, [(1, Severity::Note), (7, Severity::Note)]);
        }
        let out = render("<!-- a comment -->\n\n# Title\n", &RenderOptions::new(""));
        assert_eq!(out.title.as_deref(), Some("Title"));
    }

    /// Vue's `{{ expression }}` outside code means nothing on a Folio page: shown as nothing,
    /// with a note; in code it is what the post shows.
    #[test]
    fn vue_interpolation_outside_code_is_shown_as_nothing() {
        let markdown = "标题是 {{ $frontmatter.title }}，共 {{ count * 2 }} 次。\n\n\
                        `{{ kept }}` and\n\n```vue\n<p>{{ kept }}</p>\n```\n\n{{}} {{ }} stay.\n";
        let out = render(markdown, &RenderOptions::new(""));
        assert!(
            out.html
                .starts_with("<p>标题是 ，共  次。</p>\n<p><code>{{ kept }}</code> and</p>"),
            "{}",
            out.html
        );
        assert!(out.html.contains("&gt;{{ kept }}&lt;"), "{}", out.html);
        assert!(out.html.contains("<p>{{}} {{ }} stay.</p>"), "{}", out.html);
        let problems: Vec<(usize, Option<usize>, Severity, &str)> = out
            .problems
            .iter()
            .map(|p| (p.line, p.column, p.severity, p.message.as_str()))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    1,
                    Some(5),
                    Severity::Note,
                    "template expression `{{ $frontmatter.title }}` (Vue, Liquid) is shown as nothing"
                ),
                (
                    1,
                    Some(32),
                    Severity::Note,
                    "template expression `{{ count * 2 }}` (Vue, Liquid) is shown as nothing"
                ),
            ]
        );
        assert_eq!(out.excerpt, "标题是 ，共 次。");
    }

    /// VitePress opens posts with `# {{ $frontmatter.title }}`: with its expression shown as
    /// nothing, the heading shows nothing and is left out (the page shows the title anyway).
    #[test]
    fn a_heading_left_empty_by_an_expression_is_left_out() {
        let out = render(
            "# {{ $frontmatter.title }}\n\nBody.\n\n## {{ x }}\n\n## Real\n",
            &RenderOptions::new(""),
        );
        assert_eq!(
            out.html,
            "<p>Body.</p>\n<h2 id=\"real\">Real<a class=\"anchor\" href=\"#real\" aria-label=\"Permalink: Real\">#</a></h2>\n"
        );
        let ids: Vec<&str> = out.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["real"]);
        assert_eq!(out.problems.len(), 2, "{:?}", out.problems);
        // A `# Title` after such a heading is still the post's leading title.
        let out = render(
            "# {{ $frontmatter.title }}\n\n# Title\n\nBody.\n",
            &RenderOptions::new(""),
        );
        assert_eq!(out.title.as_deref(), Some("Title"));
        assert_eq!(out.html, "<p>Body.</p>\n");
        // A heading written empty is CommonMark's empty heading, and stays.
        let out = render("##\n", &RenderOptions::new(""));
        assert!(out.html.starts_with("<h2"), "{}", out.html);
        // A heading of only an image shows something and stays.
        let out = render("## ![icon](i.png)\n", &RenderOptions::new(""));
        assert!(out.html.starts_with("<h2"), "{}", out.html);
    }

    #[test]
    fn rendered_serializes_for_the_cli() {
        let out = render("# T\n\n## A\n\nBody.\n", &RenderOptions::new(""));
        let json = serde_json::to_value(&out).unwrap_or_default();
        assert_eq!(json["title"], "T");
        assert_eq!(json["headings"][0]["id"], "a");
        assert_eq!(json["reading_time"]["minutes"], 1);
    }
}
