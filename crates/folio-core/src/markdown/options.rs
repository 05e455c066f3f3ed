//! The one place that decides which Markdown dialect Folio parses.

use pulldown_cmark::Options;

/// Parser options for a render: CommonMark plus the GitHub extensions posts use (tables, task
/// lists, strikethrough, footnotes, `> [!NOTE]` alerts) and `{#custom-id}` heading attributes.
///
/// Left out on purpose: smart punctuation (it would turn the straight quotes of Chinese text
/// into curly ones and mangle `"…"` inside CJK sentences) and metadata blocks (front matter is
/// split off before rendering, so a `---` in the body is a thematic break). `commonmark_only`
/// gives the bare spec, for measuring conformance.
pub(super) fn parser_options(commonmark_only: bool) -> Options {
    if commonmark_only {
        return Options::empty();
    }
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}
