//! The one place that decides which Markdown dialect Folio parses.

use pulldown_cmark::{DefaultBrokenLinkCallback, OffsetIter, Options, Parser};

use super::RenderOptions;

/// The parser for a render, with byte ranges on its events (problems name lines).
///
/// CommonMark plus the GitHub extensions posts use (tables, task lists, strikethrough,
/// footnotes, `> [!NOTE]` alerts), `{#custom-id}` heading attributes and `$…$`/`$$…$$` math
/// (unless [`RenderOptions::math`] is off); the bare spec when
/// [`RenderOptions::commonmark_only`] is set, for measuring conformance.
///
/// Left out on purpose: smart punctuation (it would turn the straight quotes of Chinese text
/// into curly ones and mangle `"…"` inside CJK sentences) and metadata blocks (front matter is
/// split off before rendering, so a `---` in the body is a thematic break).
pub(crate) fn parser<'a>(
    markdown: &'a str,
    options: &RenderOptions<'_>,
) -> OffsetIter<'a, DefaultBrokenLinkCallback> {
    let dialect = if options.commonmark_only {
        Options::empty()
    } else {
        let math = if options.math {
            Options::ENABLE_MATH
        } else {
            Options::empty()
        };
        Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_GFM
            | math
    };
    Parser::new_ext(markdown, dialect).into_offset_iter()
}
