//! The searchable text of a post: its Markdown body as plain text, as a reader reads it.
//!
//! The CLI indexes this text and the app cuts snippets from it, so a highlighted snippet always
//! shows words the index found. It is read from the same parser (same dialect, see
//! [`crate::markdown`]) the renderer uses: paragraphs, headings, list items, table cells, code,
//! image descriptions and footnotes count; markup, link targets and raw HTML do not.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::markdown::RenderOptions;
use crate::markdown::{is_inline, options};
use crate::plain::PlainText;

/// The plain text of a whole post file (front matter left out).
///
/// ```
/// let text = folio_core::search::text::post_text("---\ntitle: T\n---\n# 雨夜\n\n在**书店**\n里。\n");
/// assert_eq!(text, "雨夜 · 在书店里。");
/// ```
pub fn post_text(source: &str) -> String {
    // Only where the front matter ends matters here, not what it says; an unclosed one leaves
    // the whole file as the body, as for the reader.
    let body = crate::front_matter::split(source).map_or(source, |split| split.body);
    markdown_text(body)
}

/// The plain text of a Markdown body ([`crate::plain`]'s rules): blocks separated by one space
/// (a heading from the text around it by ` · `, unless that text ends a sentence there),
/// a line break inside a paragraph a space too except between two CJK characters (a Chinese sentence broken over two
/// lines is still one sentence), runs of whitespace collapsed.
///
/// ```
/// use folio_core::search::text::markdown_text;
/// assert_eq!(markdown_text("A [link](https://x.y) and `code`.\n\n- one\n- two"),
///            "A link and code. one two");
/// ```
pub fn markdown_text(body: &str) -> String {
    let mut text = PlainText::default();
    // VitePress's container lines and `[[toc]]` are markup, as they are for the renderer.
    let body = crate::markdown::containers::without_markers(body);
    for (event, _) in options::parser(&body, &RenderOptions::new("")) {
        match event {
            Event::Text(piece) | Event::Code(piece) => text.push_str(&piece),
            Event::SoftBreak | Event::HardBreak => text.line_break(),
            Event::Start(Tag::Heading { .. }) | Event::End(TagEnd::Heading(_)) => {
                text.heading_edge();
            }
            Event::Start(tag) if !is_inline(tag.to_end()) => text.block_break(),
            Event::End(tag) if !is_inline(tag) => text.block_break(),
            Event::Html(_) => text.block_break(),
            _ => {}
        }
    }
    text.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_to_plain_text_table() {
        let cases = [
            ("", "", "empty"),
            ("# Title\n\nBody.", "Title · Body.", "a heading set apart"),
            (
                "## Why?\n\nBecause.",
                "Why? Because.",
                "a heading that ends a sentence",
            ),
            (
                "## 为什么：\n\n因为。",
                "为什么： 因为。",
                "a CJK heading that ends a sentence",
            ),
            ("## 缘起\n\n那天", "缘起 · 那天", "a CJK heading set apart"),
            (
                "Intro.\n\n# Title",
                "Intro. Title",
                "a heading after a sentence",
            ),
            (
                "- a list\n\n# Title\n\nBody",
                "a list · Title · Body",
                "a heading after a list",
            ),
            (
                "中文\n接着写",
                "中文接着写",
                "a line break inside CJK joins",
            ),
            (
                "English\nwraps",
                "English wraps",
                "a line break between words is a space",
            ),
            (
                "中文\n\n下一段",
                "中文 下一段",
                "paragraphs stay apart, even in CJK",
            ),
            ("*a*b **c**", "ab c", "emphasis does not split words"),
            (
                "![a cat](cat.png) sits",
                "a cat sits",
                "image descriptions count",
            ),
            (
                "```rust\nfn main() {}\n```",
                "fn main() {}",
                "code blocks count",
            ),
            ("| a | b |\n|---|---|\n| 1 | 2 |", "a b 1 2", "table cells"),
            (
                "x[^1]\n\n[^1]: note",
                "x note",
                "footnotes count, their labels do not",
            ),
            (
                "<div>hidden</div>\n\nshown",
                "shown",
                "raw HTML blocks do not",
            ),
            (
                "a <kbd>b</kbd> c",
                "a b c",
                "inline HTML tags do not, their text does",
            ),
            ("- [x] done\n- [ ] todo", "done todo", "task markers do not"),
            (
                "> [!NOTE]\n> careful",
                "careful",
                "alert kinds are not text",
            ),
            ("a  \n  b\t\tc", "a b c", "whitespace collapses"),
            (
                "::: tip 标题\n提示\n:::\n\n[[toc]]",
                "提示",
                "VitePress's container lines are not text",
            ),
        ];
        for (markdown, text, what) in cases {
            assert_eq!(markdown_text(markdown), text, "{what}");
        }
    }

    #[test]
    fn front_matter_is_left_out_even_when_broken() {
        assert_eq!(post_text("+++\ntitle = 'x'\n+++\nBody"), "Body");
        assert_eq!(post_text("---\ntitle: [\n---\nBody"), "Body");
    }
}
